#!/usr/bin/env bash
# Builds the provider-mock image with no registry: a release build of the binary (incremental: it reuses what .ci/run or
# an earlier build made), its root file system (scripts/assemble-root.sh, as the Dockerfile's build stage does), then
# the Dockerfile's final stage (FROM scratch) with podman or docker, the root copied from the build context.
# Usage: scripts/build-image.sh [TAG]   (default provider-mock:dev; BINARY=path skips the build)
set -euo pipefail
cd "$(dirname "$0")/.."
tag="${1:-provider-mock:dev}"
binary="${BINARY:-.build/release/provider-mock}"
if [ -z "${BINARY:-}" ]; then
    swift build -c release --product provider-mock --static-swift-stdlib
fi
engine="${ENGINE:-$(command -v podman || command -v docker || true)}"
[ -n "$engine" ] || { echo "neither podman nor docker is installed" >&2; exit 2; }

context=$(mktemp -d)
trap 'rm -rf "$context"' EXIT
scripts/assemble-root.sh "$binary" "$context/rootfs"
# The Dockerfile from its last FROM scratch on, the root taken from the context instead of the build stage.
sed -n '/^FROM scratch/,$p' Dockerfile | sed 's#^COPY --from=build /rootfs/ /$#COPY rootfs/ /#' >"$context/Containerfile"
grep -qx 'COPY rootfs/ /' "$context/Containerfile" || { echo "the Dockerfile's final stage no longer copies /rootfs/ from the build stage" >&2; exit 1; }
# The docker format: OCI images have no HEALTHCHECK.
format=()
if [ "$(basename "$engine")" = podman ]; then format=(--format docker); fi
"$engine" build "${format[@]}" --tag "$tag" --file "$context/Containerfile" "$context"
echo "== $tag: $("$engine" image inspect --format '{{.Size}}' "$tag" | awk '{ printf "%.1f MB", $1 / 1e6 }') uncompressed"
