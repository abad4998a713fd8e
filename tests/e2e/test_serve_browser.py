"""`orgdesign serve` in a real headless Chromium: the page loads, the org shows, keys edit, the file is saved.

The terminal in the page draws on a canvas, so what it shows is read where it arrives: the
app's output frames on the page's websocket, from Chromium's own network log (decoded and
stripped of escape sequences). Keys are typed into the terminal's input as a user types them.
Needs Debian's `chromium` and `chromium-driver` (.ci/run installs them) and selenium.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from orgdesign.layout import load_layout

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")
webdriver = pytest.importorskip("selenium.webdriver")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        CHROMIUM is None or CHROMEDRIVER is None, reason="chromium and chromium-driver are not installed"
    ),
]

LAYOUTS = Path(__file__).resolve().parents[2] / "layouts"
ESCAPE_SEQUENCE = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")
WAIT = 90.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until(condition: Callable[[], object], what: str, timeout: float = WAIT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except OSError:
        return False


@pytest.fixture
def layout(tmp_path: Path) -> Path:
    return Path(shutil.copy(LAYOUTS / "startup.yaml", tmp_path / "startup.yaml"))


@pytest.fixture
def server(tmp_path: Path, layout: Path) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "ORGDESIGN_STATE_DIR": str(tmp_path / "state")}
    command = [sys.executable, "-m", "orgdesign", "serve", str(layout), "--port", str(port)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until(lambda: answers(url) or process.poll() is not None, "the server to answer")
        assert process.poll() is None, process.communicate()[0]
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


class Browser:
    """A headless Chromium that keeps what arrived on the page's websocket."""

    def __init__(self) -> None:
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800"):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
        self.driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        self.received = ""

    def screen_text(self) -> str:
        """Everything the app has sent to the page so far, as text."""
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.webSocketFrameReceived":
                frame = message["params"]["response"]
                if frame["opcode"] == 2:  # binary: the app's terminal output
                    chunk = base64.b64decode(frame["payloadData"]).decode("utf-8", "replace")
                    self.received += ESCAPE_SEQUENCE.sub(" ", chunk)
        return self.received

    def wait_for(self, text: str) -> None:
        wait_until(lambda: text in self.screen_text(), f"{text!r} in the page")

    def type(self, *keys: str) -> None:
        """Keys into the focused terminal, one at a time (its input box is hidden, so keys cannot be sent to it)."""
        from selenium.webdriver.common.action_chains import ActionChains

        self.driver.execute_script("document.querySelector('.xterm-helper-textarea').focus()")
        for key in keys:
            ActionChains(self.driver).send_keys(key).perform()
            time.sleep(0.2)  # one key at a time, as a person types

    def chord(self, modifier: str, key: str) -> None:
        from selenium.webdriver.common.action_chains import ActionChains

        ActionChains(self.driver).key_down(modifier).send_keys(key).key_up(modifier).perform()


@pytest.fixture
def browser() -> Iterator[Browser]:
    opened = Browser()
    try:
        yield opened
    finally:
        opened.driver.quit()


def test_the_designer_in_a_browser_shows_the_org_and_saves_an_added_person(server: str, browser: Browser, layout):
    from selenium.webdriver.common.keys import Keys

    browser.driver.get(server)
    wait_until(lambda: browser.driver.find_elements("css selector", "#terminal"), "the page with its terminal")
    browser.wait_for("Noor Haddad")  # the org's top person
    wait_until(
        lambda: "-first-byte" in (browser.driver.find_element("tag name", "body").get_attribute("class") or ""),
        "the terminal to be shown",
    )
    browser.type("a")
    browser.wait_for("Add a report")
    browser.type("Robin Browser")
    browser.wait_for("Robin Browser")
    shown_while_typing = browser.screen_text().count("Robin Browser")
    browser.type(Keys.ENTER)
    wait_until(lambda: browser.screen_text().count("Robin Browser") > shown_while_typing, "the new person in the tree")
    browser.chord(Keys.CONTROL, "s")
    wait_until(lambda: "Robin Browser" in layout.read_text(encoding="utf-8"), "the file to be saved")
    added = [person for person in load_layout(layout).people() if person.name == "Robin Browser"]
    assert len(added) == 1 and added[0].reports_to == "noor"
