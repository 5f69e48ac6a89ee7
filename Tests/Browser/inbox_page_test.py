#!/usr/bin/env python3
"""The admin port's inbox page in a real browser (headless Chromium through Selenium): an SMS sent through the Node API
appears in the open page without a reload, opens to show its OTP and state history, and a narrow window still reads.

Starts `provider-mock serve --clock manual` on ports the system picks, with an admin token (the page carries it in its
URL, as a user opening it from the log would). Keeps its screenshots in .ci/artifacts/ (inbox.png, inbox-narrow.png).
Needs: Debian's chromium and chromium-driver, pip install selenium, and a built provider-mock (the first argument).
Exits non-zero on any failure.
"""
import base64
import json
import pathlib
import sys
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests" / "Toolkits"))
import serving  # noqa: E402
BINARY = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".build" / "debug" / "provider-mock"
ARTIFACTS = ROOT / ".ci" / "artifacts"
TOKEN = "tarayici-sinavi"
TEXT = "Doğrulama kodunuz: 739215. Kimseyle paylaşmayın — ğüşıöç İ"


def post(url, body, headers):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json", **headers}, method="POST")
    with urllib.request.urlopen(request, timeout=10) as reply:
        return json.load(reply)


def browser(width, height):
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", f"--window-size={width},{height}", "--lang=tr-TR"):
        options.add_argument(argument)
    for candidate in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if pathlib.Path(candidate).exists():
            options.binary_location = candidate
    driver_path = next((p for p in ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver") if pathlib.Path(p).exists()), None)
    return webdriver.Chrome(service=Service(driver_path) if driver_path else Service(), options=options)


def main():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    process, urls = serving.serve(BINARY, "--clock", "manual", "--admin-token", TOKEN)
    basic = {"Authorization": "Basic " + base64.b64encode(b"admin:123456").decode()}
    bearer = {"Authorization": f"Bearer {TOKEN}"}
    driver = browser(1280, 900)
    try:
        driver.get(f"{urls['admin']}/?token={TOKEN}")
        wait = WebDriverWait(driver, 15)
        wait.until(expected_conditions.text_to_be_present_in_element((By.ID, "live"), "canlı"))
        marker = driver.execute_script("window.__notReloaded = true; return window.__notReloaded;")
        assert marker is True

        created = post(f"{urls['node']}/sms/create-otp", {"number": "05551230011", "sender": "BASLIK", "content": TEXT}, basic)
        package = created["data"]["pkgID"]
        bubble = wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".bubble .text")))
        assert bubble.text == TEXT, f"the page shows {bubble.text!r}, not {TEXT!r}"
        assert driver.execute_script("return window.__notReloaded === true"), "the page was reloaded"

        # The clock moves: the open page follows to the delivery, still without a reload.
        post(f"{urls['admin']}/__admin/clock/advance", {"seconds": 10}, bearer)
        bubble.click()
        wait.until(expected_conditions.text_to_be_present_in_element((By.ID, "otp"), "739215"))
        wait.until(expected_conditions.text_to_be_present_in_element((By.ID, "d-state"), "delivered"))
        history = [item.text for item in driver.find_elements(By.CSS_SELECTOR, "#d-history li")]
        assert [entry.split(" — ")[0] for entry in history] == ["pending", "sending", "sent", "delivered"], history
        assert str(package) in driver.find_element(By.ID, "d-ids").text
        driver.save_screenshot(str(ARTIFACTS / "inbox.png"))

        # Without the token the page's calls are refused (the page itself is served, its data is not), and it says so.
        driver.get(f"{urls['admin']}/")
        WebDriverWait(driver, 15).until(expected_conditions.text_to_be_present_in_element((By.ID, "live"), "jeton gerekli"))
        assert not driver.find_elements(By.CSS_SELECTOR, ".bubble")

        # A narrow window: the columns stack, and the message is still there to read.
        driver.set_window_size(390, 844)
        driver.get(f"{urls['admin']}/?token={TOKEN}")
        text = WebDriverWait(driver, 15).until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".bubble .text")))
        assert text.text == TEXT
        assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1"), "the page scrolls sideways"
        driver.save_screenshot(str(ARTIFACTS / "inbox-narrow.png"))

        # Worlds: the page shows a world's inbox (?world=ID), by the server's token or the world's own (urls.inbox), and
        # switches back to the default world from its list.
        driver.set_window_size(1280, 900)
        created_world = post(f"{urls['admin']}/__admin/worlds", {"clock": "manual", "name": "tarayıcı"}, bearer)
        world_text = "Dünyanın kodu: 448812"
        post(f"{urls['node']}/sms/create-otp", {"number": "05551230011", "sender": "BASLIK", "content": world_text}, {**basic, "X-Mock-World": created_world["id"]})
        driver.get(f"{urls['admin']}/?world={created_world['id']}&token={TOKEN}")
        wait.until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, ".bubble .text"), world_text))
        assert [node.text for node in driver.find_elements(By.CSS_SELECTOR, ".bubble .text")] == [world_text]
        select = wait.until(expected_conditions.visibility_of_element_located((By.ID, "world")))
        assert select.get_attribute("value") == created_world["id"]
        driver.execute_script("const s = document.getElementById('world'); s.value = ''; s.dispatchEvent(new Event('change'));")
        wait.until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, ".bubble .text"), TEXT))
        assert "world=" not in driver.current_url
        assert world_text not in driver.page_source
        driver.get(created_world["urls"]["inbox"])
        wait.until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, ".bubble .text"), world_text))
        wait.until(expected_conditions.text_to_be_present_in_element((By.ID, "live"), "canlı"))
        driver.save_screenshot(str(ARTIFACTS / "inbox-world.png"))
        print(f"inbox page: the message arrived live, opened with its OTP and history; a world's inbox and the switch back work; screenshots in {ARTIFACTS}")
    finally:
        driver.quit()
        process.terminate()
        process.wait(timeout=30)


if __name__ == "__main__":
    main()
