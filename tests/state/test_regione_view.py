"""The Regione's view (/staff/regione/centri) and its own "Da fare" on /staff."""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import select

from zerosei_app.auth.guard import REGIONE_ONLY
from zerosei_app.domain import clock
from zerosei_app.domain.regione_view import ATTIVO, INVITATO, NESSUNO, SCADUTO, Account, invitation, is_confirmed
from zerosei_app.models import CardEntry, EntryStatus, StaffMembership, StaffUser
from zerosei_app.state.staff_home import StaffHomeState
from zerosei_app.state.staff_regione_centri import StaffRegioneCentriState

from .staff_support import CENTRO_A, CENTRO_B, call, make_state


def _view(staff_db, ordine=None):
    s = make_state(
        StaffRegioneCentriState,
        staff_db.tokens["regione"],
        "/staff/regione/centri",
        {"ordine": ordine} if ordine else {},
    )
    call(s, "load")
    assert s.page_error == "" and s.flash_error == ""
    return s


def test_invitation_status_and_overdue_rules():
    now = clock.now()
    assert invitation([], now) == NESSUNO
    assert invitation([Account(True, False, now + timedelta(days=3))], now) == INVITATO
    assert invitation([Account(True, False, now - timedelta(days=1))], now) == SCADUTO
    assert invitation([Account(True, False, None), Account(True, True, None)], now) == ATTIVO
    assert invitation([Account(False, True, None)], now) == NESSUNO  # a disabled account updates nothing
    today = clock.today()
    assert is_confirmed(today - timedelta(days=179), False, today, 180)
    assert not is_confirmed(today - timedelta(days=180), False, today, 180)
    assert not is_confirmed(None, False, today, 180)  # never confirmed counts as overdue
    assert not is_confirmed(today, True, today, 180)  # an example is never confirmed


def test_every_open_centre_with_its_numbers_and_links(staff_db):
    # The test data's Carta (tests/confirmed_cartas.py) is confirmed days ago; the entries a public source
    # names are published but never confirmed. The centre now confirms one of those, today.
    before = {r.id: r for r in _view(staff_db).rows}[CENTRO_A]
    with staff_db.session() as db:
        published = db.exec(
            select(CardEntry).where(CardEntry.centro_id == CENTRO_A, CardEntry.status == EntryStatus.PUBLISHED)
        ).all()
        today = clock.today()
        confirmed = sum(1 for e in published if is_confirmed(e.last_reviewed_on, e.is_example, today, 180))
        entry = next(e for e in published if e.source_url and e.last_reviewed_on is None)
        entry.last_reviewed_on = today
        db.add(entry)
        db.commit()
    assert int(before.confirmed) == confirmed and int(before.published) == len(published)
    assert before.last_confirmed != clock.day(today)
    s = _view(staff_db)
    by_id = {r.id: r for r in s.rows}
    a, b = by_id[CENTRO_A], by_id[CENTRO_B]
    assert a.invitation_kind == ATTIVO and b.invitation_kind == ATTIVO  # op_a and op_b have passwords
    assert int(a.confirmed) == confirmed + 1 and a.last_confirmed == clock.day(today)
    assert int(a.to_confirm) == int(before.to_confirm) - 1 and a.published == before.published
    assert int(a.published) == int(a.confirmed) + int(a.to_confirm)
    assert a.to_confirm_href == f"/staff/voci?centro={CENTRO_A}&verifica=da_verificare&ordine=verifica"
    assert a.chiusure_href == f"/staff/centro?id={CENTRO_A}#chiusure-titolo"
    others = [r for r in s.rows if r.id not in (CENTRO_A, CENTRO_B)]
    assert others and all(
        r.invitation_kind == NESSUNO and r.invitation_href.startswith("/staff/utenti") for r in others
    )
    assert s.n_without_account == len(others)
    assert s.n_comuni > 0 and all(c.href.startswith("/staff/") for c in s.comuni)


def test_an_invited_account_shows_as_invited(staff_db):
    with staff_db.session() as db:
        user = StaffUser(
            email="nuova@example.it",
            name="Nuova",
            role="operatore",
            setup_token_hash="x" * 64,
            setup_expires_at=clock.now() + timedelta(days=7),
        )
        db.add(user)
        db.flush()
        db.add(StaffMembership(user_id=user.id, centro_id=3))
        db.commit()
    assert {r.id: r for r in _view(staff_db).rows}[3].invitation_kind == INVITATO


def test_sorting_and_csv(staff_db):
    s = _view(staff_db, "da_confermare")
    counts = [int(r.to_confirm) for r in s.rows]
    assert counts == sorted(counts, reverse=True) and s.order == "da_confermare"
    assert _view(staff_db, "'; drop").order == "centro"  # an unknown order is ignored
    assert "centri-zerosei-" in str(call(s, "export"))  # rx.download of the CSV


def test_csv_content():
    from zerosei_app.domain.chiusure import Window
    from zerosei_app.queries.regione_view import CentroRow
    from zerosei_app.view.regione_view import export_csv

    body = export_csv(
        [
            CentroRow(
                7,
                "Centro =Alba",
                "Alba",
                "CN",
                "nessuno",
                0,
                3,
                1,
                2,
                None,
                None,
                None,
                [Window(date(2027, 8, 1), date(2027, 8, 31), "ferie")],
                2,
            )
        ]
    )
    text = body.decode("utf-8-sig")
    header, row = text.splitlines()
    assert header.startswith("ID centro;Centro;Comune;Provincia;Account")
    assert row.startswith("7;Centro =Alba;Alba;CN;Nessun account;0;3;1;2;;;")
    assert "Nessun account" in row and "dal 01/08/2027 al 31/08/2027 (ferie); 2 voci sospese" in row


def test_only_the_regione_sees_it(staff_db):
    s = make_state(StaffRegioneCentriState, staff_db.tokens["op_a"], "/staff/regione/centri")
    call(s, "load")
    assert (s.page_error or s.flash_error) == REGIONE_ONLY and s.rows == []


def test_the_regiones_todo_holds_its_own_jobs(staff_db):
    home = make_state(StaffHomeState, staff_db.tokens["regione"], "/staff")
    call(home, "load")
    assert home.todo_contacts == [] and home.todo_reports == [] and home.todo_entries == []
    titles = [i.centro_name for i in home.todo_regione]
    assert any("centri mancanti" in t for t in titles)
    assert any("senza account attivo" in t for t in titles)
    hrefs = [i.href for i in home.todo_regione]
    assert "/staff/regione/centri?ordine=account" in hrefs
    op = make_state(StaffHomeState, staff_db.tokens["op_a"], "/staff")
    call(op, "load")
    assert op.todo_regione == []
