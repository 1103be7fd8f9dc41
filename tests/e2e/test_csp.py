"""The Content-Security-Policy holds on real pages: parents' and staff pages load, run and talk to the
websocket in chromium with no CSP violation (the policy allows only what Reflex itself forces)."""

from __future__ import annotations

import httpx
import pytest

from tests.e2e.conftest import screenshot

pytestmark = pytest.mark.e2e

PAGES = [
    ("/", "h1"),
    ("/percorso?comune=001255&nascita=2025-05", ".app[data-ready='true'] h1"),
    ("/inizia/comune", "h1"),
    ("/staff/login", "#login-password"),
]


def test_every_page_sends_the_policy(app_url):
    for path, _ in PAGES:
        policy = httpx.get(app_url + path, timeout=20, follow_redirects=True).headers["content-security-policy"]
        assert "default-src 'self'" in policy and "https://" not in policy


@pytest.mark.parametrize(("path", "ready"), PAGES)
def test_pages_run_under_the_policy(app_url, phone, path, ready):
    page = phone.new_page()
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(app_url + path)
    page.wait_for_selector(ready, timeout=30000)
    page.wait_for_function("window.__reflex !== undefined || document.readyState === 'complete'")
    page.wait_for_timeout(500)
    assert violations == [], violations
    screenshot(page, "csp" + path.split("?")[0].replace("/", "-"))
