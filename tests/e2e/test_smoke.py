"""The app serves its home page on a phone."""

import pytest

from tests.e2e.conftest import screenshot

pytestmark = pytest.mark.e2e


def test_home_loads_on_phone(app_url, phone):
    page = phone.new_page()
    page.goto(app_url)
    page.wait_for_selector("h1")
    assert "ZeroSei" in page.inner_text("body")
    assert page.evaluate("document.documentElement.lang") == "it"
    screenshot(page, "home-390")
