#!/usr/bin/env bash
# The self-contained binary, as a user copies it: lists the shared libraries it needs (ldd), fails on any but the C
# library's, libxml2 and what libxml2 itself needs, then builds a bare root file system holding nothing but the binary
# and those libraries, runs `serve` in it (chroot), sends an SMS and reads it back from the inbox.
# Needs root (chroot) and curl. Usage: scripts/check-binary.sh [BINARY]   (default .build/release/provider-mock)
set -euo pipefail
binary="${1:-.build/release/provider-mock}"
[ -x "$binary" ] || { echo "no binary at $binary (swift build -c release --product provider-mock --static-swift-stdlib)" >&2; exit 2; }

echo "== $binary: $(du -h "$binary" | cut -f1)"
libraries=$(ldd "$binary" | awk '/=>/ { print $3; next } $1 ~ /^\// { print $1 }' | sort -u)
echo "$libraries"
# The C library's own (libc, libm, libpthread, libdl, librt, the loader), libxml2, and what Debian's libxml2 links.
allowed='/(libc|libm|libpthread|libdl|librt|ld-linux-x86-64|ld-linux-aarch64|libxml2|libicuuc|libicudata|liblzma|libz|libstdc\+\+|libgcc_s)\.so'
unexpected=$(grep -Ev "$allowed" <<<"$libraries" || true)
if [ -n "$unexpected" ]; then
    echo "FAIL: the binary needs libraries beyond the C library and libxml2:" >&2
    echo "$unexpected" >&2
    exit 1
fi

root=$(mktemp -d)/root
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; sleep 0.2; umount "$root/proc" 2>/dev/null; rm -rf "$(dirname "$root")"' EXIT
"$(dirname "$0")/assemble-root.sh" "$binary" "$root" --bare
echo "== root file system: $(find "$root" -type f | wc -l) files, $(du -sh "$root" | cut -f1)"
# /proc, as every container runtime mounts it: Swift reads a process's arguments from /proc/self/cmdline.
mount -t proc proc "$root/proc"

port=$((20000 + RANDOM % 20000))
chroot "$root" /usr/local/bin/provider-mock serve --node-api-port "$port" --iys-port $((port + 1)) --euromsg-port $((port + 2)) \
    --admin-port $((port + 3)) --no-tls --clock manual >"$(dirname "$root")/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$port/mock/health" >/dev/null && break
    kill -0 "$server" 2>/dev/null || { cat "$(dirname "$root")/serve.log"; echo "FAIL: serve stopped in the bare root" >&2; exit 1; }
    sleep 0.1
done
curl -sf "http://127.0.0.1:$port/mock/health" >/dev/null || { cat "$(dirname "$root")/serve.log"; echo "FAIL: serve does not answer" >&2; exit 1; }
created=$(curl -s -u admin:123456 -H 'Content-Type: application/json' \
    -d '{"type":1,"sendingType":0,"number":"905551230011","sender":"BASLIK","title":"T","content":"Kök dizinden merhaba: ğüşıöçİ"}' \
    "http://127.0.0.1:$port/sms/create")
echo "== /sms/create: $created"
grep -q '"pkgID"' <<<"$created" || { echo "FAIL: no package" >&2; exit 1; }
inbox=$(curl -s "http://127.0.0.1:$((port + 3))/__admin/sms?to=905551230011")
grep -q 'Kök dizinden merhaba: ğüşıöçİ' <<<"$inbox" || { echo "FAIL: the inbox does not have the SMS: $inbox" >&2; exit 1; }
# Read whole, then searched: `curl | grep -q` fails under pipefail when grep stops reading before curl is done.
wsdl=$(curl -s "http://127.0.0.1:$port/soap?wsdl")
grep -q "definitions" <<<"$wsdl" || { echo "FAIL: no WSDL" >&2; exit 1; }
page=$(curl -s "http://127.0.0.1:$((port + 3))/")
grep -qi "<html" <<<"$page" || { echo "FAIL: no inbox page" >&2; exit 1; }

echo "== ok: serve ran in a root holding only the binary and its libraries; the SMS reached the inbox, the WSDL and the page were served"
