#!/usr/bin/env python3
"""The README's "Use it in CI" recipes, run as written: compose.yaml with podman-compose (up, an SMS, down and up
again on the same volume: the package is still there), and the Testcontainers example (Examples/testcontainers) through
podman's Docker-compatible API (`podman system service`).

podman on these machines needs runc and explicit limits no higher than its own hard ones; compose and Testcontainers
cannot pass flags, so both get them from a containers.conf (CONTAINERS_CONF) written here. Testcontainers' reaper
(Ryuk) is an image from Docker Hub, which these machines cannot reach: TESTCONTAINERS_RYUK_DISABLED=true; and, since
these machines are containers themselves, TESTCONTAINERS_CONNECTION_MODE=docker_host.
Usage: Tests/Image/recipes_test.py [IMAGE]   Needs: podman, podman-compose, pytest, testcontainers.
"""
import json
import os
import pathlib
import resource
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid

ROOT = pathlib.Path(__file__).resolve().parents[2]
IMAGE = sys.argv[1] if len(sys.argv) > 1 else "provider-mock:dev"
AUTHORIZATION = {"Content-Type": "application/json", "Authorization": "Basic YWRtaW46MTIzNDU2"}


def containers_conf(folder):
    nofile = min(resource.getrlimit(resource.RLIMIT_NOFILE)[1], 65536)
    path = folder / "containers.conf"
    path.write_text(f'[containers]\ndefault_ulimits = ["nofile={nofile}:{nofile}", "nproc=4096:4096"]\n\n'
                    '[engine]\nruntime = "runc"\ncgroup_manager = "cgroupfs"\nevents_logger = "file"\n')
    return path


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def http(url, body=None, headers=None):
    request = urllib.request.Request(url, data=body.encode() if body is not None else None, headers=headers or {})
    with urllib.request.urlopen(request, timeout=5) as reply:
        return reply.status, reply.read().decode()


def wait(url, seconds=30):
    deadline = time.monotonic() + seconds
    while True:
        try:
            return http(url)
        except OSError:
            if time.monotonic() > deadline:
                raise SystemExit(f"FAIL: {url} did not answer within {seconds} s")
            time.sleep(0.1)


def run(command, environment, check=True):
    done = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True)
    if check and done.returncode != 0:
        raise SystemExit(f"FAIL: {' '.join(command)}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return done


def compose(environment):
    project = f"provider-mock-{uuid.uuid4().hex[:8]}"
    ports = {name: free_port() for name in ("NODE_API_PORT", "IYS_PORT", "EUROMSG_PORT", "ADMIN_PORT", "NODE_API_TLS_PORT")}
    environment = environment | {key: str(value) for key, value in ports.items()} | {"PROVIDER_MOCK_IMAGE": IMAGE}
    command = ["podman-compose", "--project-name", project, "--file", "compose.yaml"]
    node, admin = f"http://127.0.0.1:{ports['NODE_API_PORT']}", f"http://127.0.0.1:{ports['ADMIN_PORT']}"
    try:
        run(command + ["up", "-d"], environment)
        wait(node + "/mock/health")
        status, created = http(node + "/sms/create", json.dumps(
            {"type": 1, "sendingType": 0, "number": "905551230011", "sender": "BASLIK", "title": "T", "content": "Compose ile merhaba"}),
            AUTHORIZATION)
        package = json.loads(created)["data"]["pkgID"]
        print(f"ok compose.yaml: podman-compose up, /sms/create made package {package}")
        _, inbox = http(admin + "/__admin/sms?to=905551230011")
        assert "Compose ile merhaba" in inbox, inbox
        print("ok compose.yaml: the admin API's inbox has it")
        run(command + ["down"], environment)
        run(command + ["up", "-d"], environment)
        wait(node + "/mock/health")
        _, items = http(node + "/sms/list-item", json.dumps({"pkgID": package}), AUTHORIZATION)
        assert "905551230011" in items, items
        print("ok compose.yaml: down and up again, the volume kept the package")
    finally:
        run(command + ["down", "--volumes"], environment, check=False)
        run(["podman", "volume", "rm", "--force", f"{project}_provider-mock-state"], environment, check=False)


def testcontainers(environment, folder):
    socket_path = folder / "podman.sock"
    service = subprocess.Popen(["podman", "system", "service", "--time=0", f"unix://{socket_path}"], env=environment,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while not socket_path.exists():
            if time.monotonic() > deadline or service.poll() is not None:
                raise SystemExit("FAIL: podman system service did not open its socket")
            time.sleep(0.1)
        # These machines are themselves containers (/.dockerenv), so Testcontainers would look for the containers it
        # starts through a gateway; podman runs them beside this process, reachable on localhost.
        environment = environment | {"DOCKER_HOST": f"unix://{socket_path}", "TESTCONTAINERS_RYUK_DISABLED": "true",
                                     "TESTCONTAINERS_CONNECTION_MODE": "docker_host", "PROVIDER_MOCK_IMAGE": IMAGE}
        done = run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "Examples/testcontainers"], environment)
        print(f"ok Testcontainers (Python, through podman's Docker API): {done.stdout.strip().splitlines()[-1]}")
    finally:
        service.terminate()
        service.wait(timeout=10)


def main():
    with tempfile.TemporaryDirectory() as folder:
        folder = pathlib.Path(folder)
        environment = os.environ | {"CONTAINERS_CONF": str(containers_conf(folder))}
        compose(environment)
        testcontainers(environment, folder)
    print("== ok: the compose and Testcontainers recipes work as written")


if __name__ == "__main__":
    main()
