"""The mock in a Python test with Testcontainers: start the image, send an SMS through the Node API, read it back from
the admin API's inbox. pytest runs it (`pytest Examples/testcontainers`), as does `python3 test_provider_mock.py`.
Needs: pip install testcontainers; a Docker API (Docker, or podman's: `podman system service`, then
DOCKER_HOST=unix:///path/to/podman.sock and TESTCONTAINERS_RYUK_DISABLED=true). PROVIDER_MOCK_IMAGE names the image.
"""
import json
import os
import urllib.request

from testcontainers.core.container import DockerContainer
from testcontainers.core.waiting_utils import wait_for_logs

IMAGE = os.environ.get("PROVIDER_MOCK_IMAGE", "provider-mock:dev")
NODE_API, ADMIN = 9587, 9580


def test_an_sms_reaches_the_inbox():
    with DockerContainer(IMAGE).with_exposed_ports(NODE_API, ADMIN).with_env("PROVIDER_MOCK_CLOCK", "manual") as mock:
        wait_for_logs(mock, "Admin API listening on", timeout=30)
        host = mock.get_container_host_ip()
        node_api = f"http://{host}:{mock.get_exposed_port(NODE_API)}"
        admin = f"http://{host}:{mock.get_exposed_port(ADMIN)}"
        wait_for_logs(mock, "Node API mock listening on", timeout=30)

        request = urllib.request.Request(
            node_api + "/sms/create",
            data=json.dumps({"type": 1, "sendingType": 0, "title": "OTP", "sender": "BASLIK",
                             "number": "905551230011", "content": "Doğrulama kodunuz: 482913"}).encode(),
            headers={"Content-Type": "application/json", "Authorization": "Basic YWRtaW46MTIzNDU2"})  # admin:123456
        with urllib.request.urlopen(request, timeout=10) as reply:
            created = json.load(reply)
        assert created["err"] is None and created["data"]["pkgID"] > 0, created

        with urllib.request.urlopen(admin + "/__admin/sms?to=905551230011", timeout=10) as reply:
            inbox = json.load(reply)
        assert "Doğrulama kodunuz: 482913" in json.dumps(inbox, ensure_ascii=False), inbox


if __name__ == "__main__":
    test_an_sms_reaches_the_inbox()
    print("ok: the SMS reached the inbox")
