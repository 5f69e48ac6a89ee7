#!/usr/bin/env bash
# Builds the provider-mock image with no registry: a release build of the binary (incremental: it reuses what .ci/run or
# an earlier build made), its root file system (scripts/assemble-root.sh), then Containerfile (FROM scratch) with podman or docker.
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
cp Containerfile "$context/Containerfile"
# The docker format: OCI images have no HEALTHCHECK.
format=()
if [ "$(basename "$engine")" = podman ]; then format=(--format docker); fi
"$engine" build "${format[@]}" --tag "$tag" --file "$context/Containerfile" "$context"
echo "== $tag: $("$engine" image inspect --format '{{.Size}}' "$tag" | awk '{ printf "%.1f MB", $1 / 1e6 }') uncompressed"
