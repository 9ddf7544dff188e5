"""The review page in real headless Chromium, driven over the DevTools protocol: open an incident, see the
evidence of its figures highlighted, correct a figure with the page's own form, reload, run the flow again,
and the correction is still there; take a report out of its incident with one click. Also: a post without the page's token, or from another origin, is
refused. The screenshots it takes are the README's (NEWSFACTS_UPDATE_SCREENSHOTS=1 writes them to docs/images/)."""

from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import SEEDS, query

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed (apt-get install chromium)")]

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_http(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise AssertionError(f"{url} never answered")


class Browser:
    """Headless Chromium and one page of it, driven over the DevTools protocol (a WebSocket)."""

    def __init__(self, profile: Path):
        from websockets.sync.client import connect

        port = _free_port()
        self.process = subprocess.Popen(
            [shutil.which("chromium"), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1200,1400",
             f"--user-data-dir={profile}", f"--remote-debugging-port={port}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait_for_http(f"http://127.0.0.1:{port}/json/version")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list") as answer:
            page = next(t for t in json.load(answer) if t["type"] == "page")
        self.socket = connect(page["webSocketDebuggerUrl"], max_size=2**26)
        self.next_id = 0

    def send(self, method: str, **params) -> dict:
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv(timeout=60))
            if message.get("id") == self.next_id:
                assert "error" not in message, message
                return message["result"]

    def evaluate(self, expression: str):
        return self.send("Runtime.evaluate", expression=expression, returnByValue=True)["result"].get("value")

    def wait_for(self, expression: str, seconds: float = 60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.2)
        raise AssertionError(f"never true: {expression}")

    def open(self, url: str) -> None:
        self.send("Page.navigate", url=url)
        self.wait_for(f"location.href === {json.dumps(url)} && document.readyState === 'complete'")

    def screenshot(self, path: Path) -> None:
        path.write_bytes(base64.b64decode(self.send("Page.captureScreenshot", format="png", captureBeyondViewport=False)["data"]))

    def close(self) -> None:
        self.socket.close()
        self.process.terminate()
        self.process.wait(timeout=30)


@pytest.fixture
def review_server(tmp_path, run_flow):
    warehouse = tmp_path / "wh"
    run_flow(SEEDS, warehouse)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "newsfacts.cli", "review", "--warehouse", str(warehouse), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        _wait_for_http(f"http://127.0.0.1:{port}/")
        yield warehouse, f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_an_analyst_corrects_a_figure_on_the_page_and_the_correction_survives_a_reload_and_a_run(tmp_path, run_flow, review_server):
    warehouse, base = review_server
    cluster_id = query(warehouse, "SELECT cluster_id FROM event_clusters WHERE location = 'Kharkiv' AND event_date = DATE '2022-03-01'")[0][0]
    fact_id, count = query(warehouse, """SELECT fact_id, count_min FROM casualties WHERE cluster_id = ? AND kind = 'killed'
                                         ORDER BY count_min DESC, fact_id LIMIT 1""", [cluster_id])[0]
    evidence = {text for (text,) in query(warehouse, "SELECT evidence FROM casualty_reports WHERE cluster_id = ?", [cluster_id])}
    browser = Browser(tmp_path / "chrome")
    try:
        browser.open(base + "/")
        assert browser.evaluate("document.querySelectorAll('#map circle').length") == query(
            warehouse, "SELECT count(*) FROM event_clusters")[0][0]
        assert browser.evaluate("document.querySelectorAll('#timeline rect').length") > 0
        assert browser.evaluate("Array.from(document.querySelectorAll('#map path title')).map(t => t.textContent)").count("Ukraine") == 1
        listing = tmp_path / "review-incidents.png"
        browser.screenshot(listing)
        if os.environ.get("NEWSFACTS_UPDATE_SCREENSHOTS") == "1":
            shutil.copy2(listing, ROOT / "docs" / "images" / "review-incidents.png")
        # open the incident from its row of the list, as an analyst would
        browser.evaluate(f"document.querySelector('a.open[href=\"/incidents/{cluster_id}\"]').click()")
        browser.wait_for(f"location.pathname === '/incidents/{cluster_id}' && document.readyState === 'complete'")
        marked = set(browser.evaluate("Array.from(document.querySelectorAll('.figure mark')).map(m => m.textContent)"))
        assert evidence <= marked  # every counted figure's evidence, highlighted in its sentence
        merged = {name for (name,) in query(warehouse, "SELECT from_name FROM entity_merges")}
        shown_merges = set(browser.evaluate("Array.from(document.querySelectorAll('.merge .what b:first-child')).map(b => b.textContent)"))
        assert shown_merges and shown_merges <= merged  # the people merged across spellings, to confirm or reject

        section = f"document.querySelector('#figure-{fact_id}')"
        corrected = count + 5
        browser.evaluate(f"""(() => {{ const form = {section}.querySelector('form.set');
            form.querySelector('select[name=field]').value = 'count_min';
            form.querySelector('input[name=value]').value = '{corrected}';
            form.querySelector('input[name=reason]').value = 'the regional governor later said so';
            form.querySelector('button.set').click(); }})()""")
        browser.wait_for("document.querySelector('#message') !== null && document.readyState === 'complete'")
        assert browser.evaluate("document.querySelector('#message').textContent").startswith("Saved")
        screenshot = tmp_path / "review-page.png"
        browser.screenshot(screenshot)
        if os.environ.get("NEWSFACTS_UPDATE_SCREENSHOTS") == "1":
            shutil.copy2(screenshot, ROOT / "docs" / "images" / "review-page.png")

        def shown() -> tuple[str, str, str]:
            browser.open(f"{base}/incidents/{cluster_id}")
            return (browser.evaluate(f"{section}.querySelector('.count').textContent"),
                    browser.evaluate(f"{section}.querySelector('.status').textContent"),
                    browser.evaluate("document.querySelector('#history tbody').textContent"))

        count_shown, status, history = shown()  # reloaded
        assert (count_shown.rstrip("+"), status) == (str(corrected), "corrected") and "the regional governor later said so" in history
        run_flow(SEEDS, warehouse)  # the flow runs again while the page is open
        count_shown, status, _ = shown()
        assert (count_shown.rstrip("+"), status) == (str(corrected), "corrected")
        assert query(warehouse, "SELECT count_min, review_status FROM casualties WHERE fact_id = ?", [fact_id]) == [(corrected, "corrected")]

        # a report that is of another strike, taken out of the incident with one click
        report = query(warehouse, "SELECT event_id FROM events WHERE cluster_id = ? ORDER BY event_id DESC LIMIT 1", [cluster_id])[0][0]
        browser.evaluate(f"document.querySelector('#report-{report} button[value=set]').click()")
        browser.wait_for("document.querySelector('#message') !== null && document.readyState === 'complete'")
        assert browser.evaluate("document.querySelector('#message').textContent").startswith("Saved")
        assert browser.evaluate(f"document.querySelector('#report-{report}')") is None
        ((now, status),) = query(warehouse, "SELECT cluster_id, review_status FROM events WHERE event_id = ?", [report])
        assert now != cluster_id and status == "corrected"
    finally:
        browser.close()


def test_a_post_without_the_pages_token_or_from_another_site_stores_nothing(review_server):
    warehouse, base = review_server
    fact_id = query(warehouse, "SELECT fact_id FROM casualties ORDER BY fact_id LIMIT 1")[0][0]
    body = f"target=casualty&fact_id={fact_id}&action=reject&token=guess".encode()
    for headers in ({}, {"Origin": "http://evil.example"}):
        request = urllib.request.Request(base + "/decide", data=body, headers=headers, method="POST")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request)
        assert refused.value.code == 403
    assert query(warehouse, "SELECT count(*) FROM casualties WHERE review_status <> 'machine'") == [(0,)]

