#!/usr/bin/env bash
# The root file system of the provider-mock image, and of the bare root scripts/check-binary.sh runs the binary in:
# the binary (stripped) at /usr/local/bin/provider-mock, each library ldd lists at its own path, the CA certificates
# (for HTTPS callbacks and `proxy`), a user `mock` (uid 10001) in /etc/passwd, and /tmp and /var/lib/provider-mock
# (the state volume) writable by any user, so the image also runs under `--user` or a platform's arbitrary uid.
# Used by scripts/build-image.sh and by the Dockerfile's build stage: one layout for both.
# With --bare, only the binary and its libraries (scripts/check-binary.sh: a root that holds nothing else).
# Usage: scripts/assemble-root.sh BINARY ROOT [--bare]   (ROOT is created; it must not exist)
set -euo pipefail
binary="$1"
root="$2"
bare="${3:-}"
[ -x "$binary" ] || { echo "no binary at $binary (swift build -c release --product provider-mock --static-swift-stdlib)" >&2; exit 2; }
[ ! -e "$root" ] || { echo "$root exists; the root is assembled into a new folder" >&2; exit 2; }

mkdir -p "$root/usr/local/bin" "$root/proc"
cp "$binary" "$root/usr/local/bin/provider-mock"
strip "$root/usr/local/bin/provider-mock"
for library in $(ldd "$binary" | awk '/=>/ { print $3; next } $1 ~ /^\// { print $1 }' | sort -u); do
    mkdir -p "$root$(dirname "$library")"
    cp -L "$library" "$root$library"
done
[ "$bare" = --bare ] && exit 0

mkdir -p "$root/etc/ssl/certs" "$root/tmp" "$root/var/lib/provider-mock"
if [ -f /etc/ssl/certs/ca-certificates.crt ]; then cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/"; fi
printf 'root:x:0:0:root:/root:/sbin/nologin\nmock:x:10001:10001:provider-mock:/var/lib/provider-mock:/sbin/nologin\n' >"$root/etc/passwd"
printf 'root:x:0:\nmock:x:10001:\n' >"$root/etc/group"
chmod 1777 "$root/tmp" "$root/var/lib/provider-mock"
