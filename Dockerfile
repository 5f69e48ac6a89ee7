# The provider-mock image built from source, for users with a registry: the official Swift image builds the release
# binary and assembles its root (scripts/assemble-root.sh), and the final stage, FROM scratch, holds that root only.
# scripts/build-image.sh, with no registry, builds the same final stage from a local release build: one layout.
#   docker build -t provider-mock .        podman build --format docker -t provider-mock .
# (podman needs --format docker to keep the HEALTHCHECK.) The .git folder is part of the context: --version names its commit.
ARG SWIFT_IMAGE=swift:6.3-bookworm
FROM ${SWIFT_IMAGE} AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends libxml2-dev pkg-config binutils ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN swift build -c release --product provider-mock --static-swift-stdlib \
 && scripts/assemble-root.sh .build/release/provider-mock /rootfs

FROM scratch
COPY --from=build /rootfs/ /
# serve reads every option from PROVIDER_MOCK_<OPTION> (a flag wins): all interfaces, and its state in the volume,
# loaded at start and written every few seconds after changes and on SIGTERM.
ENV PROVIDER_MOCK_HOST=0.0.0.0 \
    PROVIDER_MOCK_STATE=/var/lib/provider-mock/state.json
USER 10001:10001
WORKDIR /var/lib/provider-mock
VOLUME /var/lib/provider-mock
# The Node API (JSON and SOAP), MySoft İYS, Euromsg Express, the admin API and inbox page, the Node API over TLS
# (its local CA is kept in the volume and served at /__admin/ca.pem).
EXPOSE 9587 9590 9591 9580 9588
HEALTHCHECK --interval=10s --timeout=5s --start-period=5s --retries=3 CMD ["/usr/local/bin/provider-mock", "health"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/provider-mock"]
CMD ["serve"]
