#!/usr/bin/env python3
"""Cold start and idle memory of provider-mock, as a binary or as an image: the median of ten starts to the first
answered `GET /mock/health` (from exec, or from `podman run`), and the resident memory of the server three seconds
after the last start, idle.

Usage: Benchmarks/startup/startup.py [BINARY]          (default .build/release/provider-mock)
       Benchmarks/startup/startup.py --image [IMAGE]   (default provider-mock:dev; podman, with runc and explicit limits)
"""
import http.client
import resource
import statistics
import subprocess
import sys
import time

PORTS = {"node-api": (29587, 9587), "iys": (29590, 9590), "euromsg": (29591, 9591), "admin": (29580, 9580), "node-api-tls": (29588, 9588)}


def binary(path):
    """Starts the binary; its process id and how to stop it."""
    arguments = [argument for name, (port, _) in PORTS.items() for argument in (f"--{name}-port", str(port))]
    process = subprocess.Popen([path, "serve", *arguments], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return lambda: process.pid, lambda: (process.terminate(), process.wait())


def image(name):
    """Starts a container of the image, its ports on the same host ports; the server's process id and how to stop it."""
    nofile = min(resource.getrlimit(resource.RLIMIT_NOFILE)[1], 65536)
    ports = [argument for port, inside in PORTS.values() for argument in ("-p", f"127.0.0.1:{port}:{inside}")]
    container = subprocess.run(["podman", "run", "-d", "--runtime", "runc", "--ulimit", f"nofile={nofile}:{nofile}",
                                "--ulimit", "nproc=4096:4096", *ports, name], capture_output=True, text=True, check=True).stdout.strip()
    pid = lambda: int(subprocess.run(["podman", "inspect", "--format", "{{.State.Pid}}", container], capture_output=True, text=True).stdout)
    return pid, lambda: subprocess.run(["podman", "rm", "--force", "--time", "2", container], capture_output=True)


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--image":
        start, what = image, sys.argv[2] if len(sys.argv) > 2 else "provider-mock:dev"
    else:
        start, what = binary, sys.argv[1] if len(sys.argv) > 1 else ".build/release/provider-mock"
    times = []
    rss = 0
    for run in range(10):
        started = time.monotonic()
        pid, stop = start(what)
        while True:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", PORTS["node-api"][0], timeout=1)
                connection.request("GET", "/mock/health")
                if connection.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.002)
        times.append(time.monotonic() - started)
        if run == 9:
            time.sleep(3)
            rss = int(open(f"/proc/{pid()}/status").read().split("VmRSS:")[1].split()[0]) // 1024
        stop()
    print(f"{what}: cold start to the first answer, median of 10: {statistics.median(times) * 1000:.0f} ms "
          f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})")
    print(f"{what}: resident memory of the server, idle: {rss} MB")


if __name__ == "__main__":
    main()
