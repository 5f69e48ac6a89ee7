"""Starts `provider-mock serve` on ports the system picks, for the scripts that test or measure a running mock
(Tests/Toolkits, Tests/Browser, Benchmarks/admin), and waits until each server has logged the address it listens on."""
import queue
import subprocess
import threading
import time

# What each server logs once it listens, before its address.
LINES = {"node": "Node API mock listening on ", "iys": "MySoft İYS mock listening on ",
         "euromsg": "Euromsg Express mock listening on ", "admin": "Admin API listening on ",
         "tls": "Node API mock over TLS listening on "}


def serve(binary, *arguments, timeout=60):
    """The process and each server's base URL (`node`, `iys`, `euromsg`, `admin`, `tls`: the Node API over TLS). A reader thread keeps draining the
    output, so that a server that never says it listens fails within `timeout` rather than hang the script."""
    process = subprocess.Popen(
        [str(binary), "serve", "--node-api-port", "0", "--iys-port", "0", "--euromsg-port", "0", "--admin-port", "0",
         "--node-api-tls-port", "0", *arguments],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout] and lines.put(None), daemon=True).start()
    urls = {}
    deadline = time.monotonic() + timeout
    while len(urls) < len(LINES):
        try:
            line = lines.get(timeout=max(deadline - time.monotonic(), 0.01))
        except queue.Empty:
            line = None
        if line is None:
            process.kill()
            raise SystemExit(f"provider-mock serve did not log its {len(LINES)} listening servers within {timeout} s (got {sorted(urls)})")
        for name, prefix in LINES.items():
            if line.startswith(prefix):
                urls[name] = line[len(prefix):].split()[0]
    return process, urls
