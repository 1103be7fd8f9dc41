"""Issue 20 in the browser: the password change refuses a common password and says why."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from tests.e2e.conftest import screenshot
from zerosei_app.auth.accounts import create_account
from zerosei_app.db import make_engine
from zerosei_app.domain import clock
from zerosei_app.models import StaffUser

pytestmark = pytest.mark.e2e

EMAIL = "comune@e2e.example"
PASSWORD = "girasole azzurro 2026"


def test_the_password_change_refuses_a_common_password(app_url, served_database_url, phone):
    engine = make_engine(served_database_url)
    with Session(engine) as db:
        if db.exec(select(StaffUser).where(StaffUser.email == EMAIL)).first() is None:
            create_account(
                db,
                email=EMAIL,
                name="Paola Prova",
                role="regione",
                centro_ids=[],
                actor_id=None,
                now=clock.now(),
                password=PASSWORD,
            )
        db.commit()
    engine.dispose()
    page = phone.new_page()
    page.goto(f"{app_url}/staff/login?dopo=%2Fstaff%2Faccount")
    page.wait_for_selector("#login-email")
    page.fill("#login-email", EMAIL)
    page.fill("#login-password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("#pw-current", timeout=30_000)
    page.fill("#pw-current", PASSWORD)
    page.fill("#pw-new", "password1234")
    page.fill("#pw-new2", "password1234")
    page.get_by_role("button", name="Cambia la password").click()
    alert = page.get_by_role("alert").filter(has_text="comuni")
    alert.wait_for(timeout=30_000)
    assert "scegline un'altra" in alert.inner_text()
    screenshot(page, "issue20-common-password")
