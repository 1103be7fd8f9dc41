"""Staff flows through the states, as the pages drive them (no browser)."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy.exc import OperationalError
from sqlmodel import select

from tests.state.conftest import script_of
from zerosei_app.domain import clock
from zerosei_app.domain.clock import day
from zerosei_app.domain.entry_form import entry_to_form
from zerosei_app.models import AuditRecord, CardEntry, ReviewConfirmation, StaffSession
from zerosei_app.state import staff_base
from zerosei_app.state.staff_account import StaffAccountState
from zerosei_app.state.staff_accounts import StaffAccountsState
from zerosei_app.state.staff_base import StaffState
from zerosei_app.state.staff_entries import StaffEntriesState
from zerosei_app.state.staff_entry import StaffEntryState
from zerosei_app.state.staff_import import StaffImportState
from zerosei_app.state.staff_login import StaffLoginState, StaffSetupState
from zerosei_app.view import staff_messages

from .staff_support import (
    CENTRO_A,
    PASSWORD,
    call,
    is_redirect_to_login,
    make_state,
)


def _entry_id(p, centro=CENTRO_A) -> int:
    with p.session() as db:
        return db.exec(select(CardEntry.id).where(CardEntry.centro_id == centro).order_by(CardEntry.id)).first()


def _open(p, persona="op_a", entry_id=None):
    entry_id = entry_id or _entry_id(p)
    s = make_state(StaffEntryState, p.tokens[persona], "/staff/voce", {"id": str(entry_id)})
    call(s, "load_entry")
    assert s.flash_error == "" and s.page_error == ""
    return s


def test_two_editors_the_second_save_is_refused_and_keeps_its_text(staff_db):
    alice, bruno = _open(staff_db, "op_a"), _open(staff_db, "regione")
    form_a = dict(alice.form, title="Versione di Alice")
    form_b = dict(bruno.form, title="Versione di Bruno", summary="Testo lungo che Bruno non vuole perdere")
    call(alice, "save", form_a)
    assert alice.flash_error == "" and "Salvato" in alice.saved_note
    key_before = bruno.form_key
    call(bruno, "save", form_b)
    assert bruno.conflict is True and "Non salvato" in bruno.flash_error and "Persona op_a" in bruno.flash_error
    # The inputs are not re-mounted: what Bruno typed stays on screen.
    assert bruno.form_key == key_before
    assert {d.field for d in bruno.conflict_diff} >= {"Titolo", "In breve"}
    assert bruno.saving is False and bruno.saved_note == ""
    with staff_db.session() as db:
        assert db.get(CardEntry, alice.entry_id).title == "Versione di Alice"
    # Saving again from the same starting version is refused again (nothing is silently overwritten).
    call(bruno, "save", form_b)
    assert bruno.conflict is True
    # Bruno decides to keep his version: it is saved over Alice's, and hers stays in the history.
    call(bruno, "keep_mine")
    assert bruno.flash_error == "" and bruno.conflict is False
    with staff_db.session() as db:
        entry = db.get(CardEntry, alice.entry_id)
        assert entry.title == "Versione di Bruno"
        titles = [
            a.after["title"]
            for a in db.exec(
                select(AuditRecord).where(AuditRecord.entity_id == entry.id, AuditRecord.entity == "card_entry")
            ).all()
        ]
        assert titles == ["Versione di Alice", "Versione di Bruno"]


def test_keep_mine_applies_only_my_fields_over_theirs(staff_db):
    alice, bruno = _open(staff_db, "op_a"), _open(staff_db, "regione")
    call(alice, "save", dict(alice.form, title="Titolo di Alice"))
    call(bruno, "save", dict(bruno.form, summary="Sintesi di Bruno"))
    assert bruno.conflict
    rows = {d.field: d for d in bruno.conflict_diff}
    assert "non modificato da te" in rows["Titolo"].mine and rows["In breve"].mine == "Sintesi di Bruno"
    call(bruno, "keep_mine")
    with staff_db.session() as db:
        entry = db.get(CardEntry, alice.entry_id)
        assert (entry.title, entry.summary) == ("Titolo di Alice", "Sintesi di Bruno")


def test_reload_saved_discards_the_form(staff_db):
    alice, bruno = _open(staff_db, "op_a"), _open(staff_db, "regione")
    call(alice, "save", dict(alice.form, title="Prima"))
    call(bruno, "save", dict(bruno.form, title="Seconda"))
    assert bruno.conflict
    key = bruno.form_key
    call(bruno, "reload_saved")
    assert bruno.conflict is False and bruno.form["title"] == "Prima" and bruno.form_key == key + 1


def test_invalid_form_is_not_saved_and_says_where(staff_db):
    s = _open(staff_db)
    call(s, "save", dict(s.form, title="", contact_email="boh", age_min_months="30", age_max_months="10"))
    assert "Non salvato" in s.flash_error and "3 campi" in s.flash_error
    assert set(s.errors) == {"title", "contact_email", "age_max_months"}
    with staff_db.session() as db:
        assert db.exec(select(AuditRecord).where(AuditRecord.entity == "card_entry")).all() == []


def test_busy_database_is_reported_and_nothing_looks_saved(staff_db, monkeypatch):
    s = _open(staff_db)
    from zerosei_app.commands import staff_entries

    def locked(*_a, **_k):
        raise OperationalError("UPDATE card_entry", {}, Exception("database is locked"))

    monkeypatch.setattr("zerosei_app.state.staff_entry.save_entry", locked)
    assert staff_entries  # the real function is untouched
    call(s, "save", dict(s.form, title="Non arriverà"))
    assert s.flash_error == staff_messages.DB_BUSY
    assert s.saving is False and s.saved_note == "" and s.flash_ok == ""


def test_expired_session_keeps_the_page_and_offers_login_in_place(staff_db):
    s = _open(staff_db)
    typed = dict(s.form, title="Testo scritto prima della scadenza")
    with staff_db.session() as db:
        for sess in db.exec(select(StaffSession)).all():
            sess.revoked_at = sess.created_at
            db.add(sess)
        db.commit()
    key = s.form_key
    call(s, "save", typed)
    assert s.session_expired is True and s.form_key == key
    call(s, "relogin", {"email": "op_a@example.org", "password": PASSWORD})
    assert s.session_expired is False and s.session_token
    call(s, "save", typed)
    assert s.flash_error == ""
    with staff_db.session() as db:
        assert db.get(CardEntry, s.entry_id).title == "Testo scritto prima della scadenza"


def test_status_changes_need_a_saved_form(staff_db):
    s = _open(staff_db)
    call(s, "mark_dirty", "x")
    assert s.dirty
    call(s, "change_status", "archive")
    assert "non salvate" in s.flash_error
    call(s, "reload_saved")
    call(s, "change_status", "archive")
    assert s.status == "archived" and s.actions == ["unarchive"]
    call(s, "change_status", "publish")  # not allowed from the archive
    assert s.flash_error
    call(s, "change_status", "unarchive")
    call(s, "change_status", "publish")
    # Publishing is the centre's confirmation (dated), recorded for the review cycle like any other.
    assert s.status == "published" and s.reviewed_on == day(clock.today())
    assert _confirmations(staff_db, s.entry_id) == ["editor"]
    version = s.version
    call(s, "review")  # not without seeing what is confirmed
    assert s.flash_error and s.version == version and _confirmations(staff_db, s.entry_id) == ["editor"]
    call(s, "ask_review")
    assert s.confirm_open and ["Titolo", s.form["title"]] in s.confirm_summary
    call(s, "review")
    assert s.reviewed_on and s.is_example is False and s.stale is False and s.version == version + 1
    assert s.confirmed_label.startswith("Confermata dal centro il") and s.confirm_open is False
    assert _confirmations(staff_db, s.entry_id) == ["editor", "editor"]


def _confirmations(p, entry_id) -> list[str]:
    """How the review cycle recorded each confirmation of the entry (review_confirmation)."""
    with p.session() as db:
        return list(
            db.exec(
                select(ReviewConfirmation.how)
                .where(ReviewConfirmation.entry_id == entry_id)
                .order_by(ReviewConfirmation.id)
            ).all()
        )


def test_history_and_restore_from_the_editor(staff_db):
    s = _open(staff_db)
    original = s.form["title"]
    call(s, "save", dict(s.form, title="Titolo nuovo"))
    call(s, "save", dict(s.form, title="Titolo ancora più nuovo"))
    # A seeded entry has no "create" record: its original text is offered as a version of its own.
    assert [h.action for h in s.history] == ["Modificata", "Modificata", "Versione originale"]
    assert s.history[0].can_restore is False and s.history[1].can_restore is True
    assert s.history[2].original and s.history[2].can_restore
    assert any(original in c for c in s.history[1].changes)
    call(s, "restore", s.history[1].id)
    assert s.form["title"] == "Titolo nuovo" and s.history[0].action == "Ripristinata una versione precedente"
    call(s, "restore_original", s.history[-1].id)
    assert s.form["title"] == original and "Versione ripristinata" in s.flash_ok


def test_creating_an_entry_redirects_to_it_as_a_draft(staff_db):
    s = make_state(StaffEntryState, staff_db.tokens["op_a"], "/staff/voce/nuova", {"centro": str(CENTRO_A)})
    call(s, "load_new")
    assert s.form["provider"] and s.form["age_min_months"] == "-9"
    out = call(s, "save", dict(s.form, title="Nuovo laboratorio", summary="Per genitori", category="prevenzione"))
    assert any("/staff/voce?id=" in repr(e) for e in out)
    with staff_db.session() as db:
        assert db.exec(select(CardEntry).where(CardEntry.title == "Nuovo laboratorio")).one().status == "draft"


def test_preview_shows_the_typed_text_without_saving(staff_db):
    s = _open(staff_db)
    call(s, "set_intent", "preview")
    call(s, "save", dict(s.form, title="Solo anteprima", cost_free="no", cost_note="5 euro"))
    assert s.preview.title == "Solo anteprima"
    assert any("5 euro" in f.value for f in s.preview.facts)  # the parents' own wording of the cost
    assert "non ancora salvato" in s.preview_note
    with staff_db.session() as db:
        assert db.get(CardEntry, s.entry_id).title != "Solo anteprima"
    call(s, "save", dict(s.form, title="Adesso salvo"))  # the next submit saves again
    with staff_db.session() as db:
        assert db.get(CardEntry, s.entry_id).title == "Adesso salvo"


def test_csv_import_through_the_page(staff_db):
    s = make_state(StaffImportState, staff_db.tokens["op_a"], "/staff/importa", {"centro": str(CENTRO_A)})
    call(s, "load")
    out = call(s, "export")
    assert "carta-" in repr(out) and "text/csv" in repr(out)
    text = (
        "Titolo;In breve;Area;Età da (mesi);Età fino a (mesi);Dove\n"
        "Corso A;x;Prevenzione;0;12;Qui\nCorso B;x;Prevenzione;0;99;Qui\n"
    )
    call(s, "paste", {"csv": text})
    assert s.can_commit is False and s.rows[0].action == "errore" and s.rows[0].line == 3
    call(s, "commit")
    assert "annullata" in s.flash_error or s.flash_error
    with staff_db.session() as db:
        assert db.exec(select(CardEntry).where(CardEntry.title == "Corso A")).first() is None
    call(s, "paste", {"csv": text.replace(";99;", ";24;")})
    assert s.can_commit and "2 da aggiungere" in s.plan_summary
    call(s, "commit")
    assert "Importazione completata" in s.flash_ok
    with staff_db.session() as db:
        assert db.exec(select(CardEntry).where(CardEntry.title.in_(["Corso A", "Corso B"]))).all()


def test_login_page_throttles_with_a_clear_message(staff_db):
    for i in range(5):
        s = make_state(StaffLoginState, "", "/staff/login", ip="198.51.100.77")
        call(s, "login", {"email": "op_a@example.org", "password": f"sbagliata {i}"})
    assert "Troppi tentativi" in s.login_error and "15 minuti" in s.login_error
    # The right password now fails too from that address; from her own office she still gets in.
    s = make_state(StaffLoginState, "", "/staff/login", ip="198.51.100.77")
    call(s, "login", {"email": "op_a@example.org", "password": PASSWORD})
    assert "Troppi tentativi" in s.login_error and s.session_token == ""
    s = make_state(StaffLoginState, "", "/staff/login", ip="198.51.100.78")
    call(s, "login", {"email": "op_a@example.org", "password": PASSWORD})
    assert s.session_token and s.login_error == ""


def test_login_sets_the_cookie_and_redirects_only_inside_staff(staff_db):
    s = make_state(StaffLoginState, "", "/staff/login", {"dopo": "https://evil.example/x"})
    out = call(s, "login", {"email": "op_b@example.org", "password": PASSWORD})
    assert s.session_token and s.login_error == ""
    assert any("'/staff'" in repr(e) or '"/staff"' in repr(e) for e in out) and "evil" not in repr(out)
    cookie = StaffState.get_fields()["session_token"].default
    assert cookie.path == "/staff" and cookie.same_site == "strict"


def test_logout_revokes_the_session(staff_db):
    s = make_state(StaffState, staff_db.tokens["op_a"])
    token = s.session_token
    out = call(s, "logout")
    assert s.session_token == "" and is_redirect_to_login(out)
    home = make_state(StaffEntryState, token, "/staff/voce", {"id": str(_entry_id(staff_db))})
    assert is_redirect_to_login(call(home, "load_entry"))


def test_invite_then_setup_then_login(staff_db):
    r = make_state(StaffAccountsState, staff_db.tokens["regione"], "/staff/utenti")
    call(r, "load")
    out = call(
        r,
        "invite",
        {"email": "Nuova@Example.org", "name": "Nuova Collega", "role": "operatore", f"centro__{CENTRO_A}": "on"},
    )
    # The one-time link goes to the page once (a script fills the box) and is kept nowhere in the state.
    link = re.search(r'"(http://testserver/staff/attiva\?token=[^"]+)"', script_of(out)).group(1)
    assert r.link_for == "nuova@example.org"
    assert link not in json.dumps(_root(r).dict(), default=str)
    token = link.split("token=")[1]
    setup = make_state(StaffSetupState, "", "/staff/attiva", {"token": token})
    call(setup, "load")
    assert setup.setup_ok and setup.setup_email == "nuova@example.org"
    assert (
        setup.setup_role == "operatrice/operatore di centro" and len(setup.setup_centri) == 1
    )  # which role, which centre
    call(setup, "complete", {"password": "password1234", "password2": "password1234"})
    assert "comuni" in setup.setup_error and not setup.session_token  # a common password, saying why
    out = call(setup, "complete", {"password": "margherite in fila", "password2": "margherite in fila"})
    assert setup.session_token and "/staff" in repr(out)
    again = make_state(StaffSetupState, "", "/staff/attiva", {"token": token})
    call(again, "load")
    assert again.setup_ok is False and again.setup_expired is False  # one time only: "already used"
    # The Regione disables the account: its session ends at once.
    nuova = [u for u in r.users if u.email == "nuova@example.org"][0]
    call(r, "set_user_active", nuova.id, False)
    e = make_state(StaffEntryState, setup.session_token, "/staff/voce", {"id": str(_entry_id(staff_db))})
    assert is_redirect_to_login(call(e, "load_entry"))
    # and cannot disable itself
    me = [u for u in r.users if u.is_me][0]
    call(r, "set_user_active", me.id, False)
    assert "stesso account" in r.flash_error


def test_password_change_through_the_page(staff_db):
    s = make_state(StaffAccountState, staff_db.tokens["op_a"], "/staff/account")
    call(s, "load")
    call(s, "change", {"current": PASSWORD, "password": "corta", "password2": "corta"})
    assert "10 caratteri" in s.pw_error
    for common in ("password1234", "123456789012", "qwerty123456"):
        call(s, "change", {"current": PASSWORD, "password": common, "password2": common})
        assert "comuni" in s.pw_error
    call(
        s,
        "change",
        {"current": PASSWORD, "password": "nuvole sopra il monviso", "password2": "nuvole sopra il monviso"},
    )
    assert s.pw_error == "" and "Password cambiata" in s.flash_ok
    assert s.session_expired is False  # this session stays open


def test_guessing_the_current_password_is_throttled_like_a_login(staff_db):
    s = make_state(StaffAccountState, staff_db.tokens["op_b"], "/staff/account", ip="198.51.100.90")
    call(s, "load")
    new = {"password": "nuvole sopra il monviso", "password2": "nuvole sopra il monviso"}
    for i in range(5):
        call(s, "change", {"current": f"indovino {i}", **new})
        assert "non è corretta" in s.pw_error or "Troppi tentativi" in s.pw_error
    call(s, "change", {"current": PASSWORD, **new})  # even the right one, while locked
    assert "Troppi tentativi" in s.pw_error and "Password cambiata" not in s.flash_ok


def test_form_values_render_as_strings(staff_db):
    s = _open(staff_db)
    assert all(isinstance(v, str) for v in s.form.values())
    with staff_db.session() as db:
        entry = db.get(CardEntry, s.entry_id)
        assert entry_to_form({k: getattr(entry, k) for k in ("title",)})["title"] == entry.title


@pytest.mark.parametrize("bad", ["abc", "-1", "99999999999999999999"])
def test_a_malformed_entry_address_shows_a_page_error_not_a_stale_editor(staff_db, bad):
    s2 = make_state(StaffEntryState, staff_db.tokens["op_a"], "/staff/voce", {"id": bad})
    call(s2, "load_entry")
    assert "Indirizzo non valido" in s2.page_error and s2.flash_error == ""


def _revoke_all(p) -> None:
    with p.session() as db:
        for sess in db.exec(select(StaffSession)).all():
            sess.revoked_at = sess.created_at
            db.add(sess)
        db.commit()


def _root(state):
    while state.parent_state is not None:
        state = state.parent_state
    return state


def test_logout_leaves_nothing_of_the_user_in_the_tab(staff_db):
    """Every staff page's state of the tab goes back to its defaults (a reconnect with the same tab
    token would otherwise get the forms, lists and texts in its hydrate)."""
    e = _open(staff_db)
    typed = dict(e.form, title="Testo riservato scritto prima di uscire")
    call(e, "mark_dirty", "x")
    e.form = typed
    tree = _root(e)
    base = tree.get_substate(StaffState.get_full_name().split(".")[1:])
    assert base.user_name and e.centro_name
    out = call(base, "logout")
    assert is_redirect_to_login(out)
    dump = json.dumps(tree.dict(), default=str)
    assert "Testo riservato" not in dump and "Persona op_a" not in dump and e.centro_name == ""
    assert base.session_token == "" and base._user_id == 0


def test_an_ended_session_keeps_only_the_page_in_use(staff_db):
    """Expired while typing: the editor keeps its form for a re-login in place; other pages' data go."""
    e = _open(staff_db)
    tree = _root(e)
    entries = tree.get_substate(StaffEntriesState.get_full_name().split(".")[1:])
    entries.centro_name = "Dati di un'altra pagina"
    _revoke_all(staff_db)
    typed = dict(e.form, title="Testo da non perdere")
    call(e, "save", typed)
    assert e.session_expired and e.form["title"] != "" and entries.centro_name == ""


def test_a_different_person_logging_in_again_gets_a_clean_tab(staff_db):
    e = _open(staff_db)
    _revoke_all(staff_db)
    call(e, "save", dict(e.form, title="Testo di op_a"))
    assert e.session_expired
    out = call(e, "relogin", {"email": "op_b@example.org", "password": PASSWORD})
    assert "/staff" in repr(out) and e.entry_id == 0 and "Testo di op_a" not in json.dumps(_root(e).dict(), default=str)


def test_a_full_pool_or_queue_is_answered_at_once_with_retry(staff_db, monkeypatch):
    """No waiting for a connection (SQLAlchemy's 30 s froze the app): a clear 'retry' instead."""
    import time

    from sqlalchemy import create_engine
    from sqlmodel import Session

    from zerosei_app import db as db_module

    s = _open(staff_db)
    # A pool of one connection, held elsewhere: the next checkout times out.
    tiny = create_engine(str(staff_db.engine.url), pool_size=1, max_overflow=0, pool_timeout=0.2)
    held = tiny.connect()
    try:
        monkeypatch.setattr(staff_base, "open_db", lambda: Session(tiny))
        t0 = time.monotonic()
        call(s, "save", dict(s.form, title="Non arriverà"))
        assert s.flash_error == staff_messages.SERVER_BUSY and s.saving is False
        assert time.monotonic() - t0 < 5
    finally:
        held.close()
        tiny.dispose()
    monkeypatch.setattr(staff_base, "open_db", lambda: Session(staff_db.engine))
    monkeypatch.setattr(db_module, "MAX_WAITING", 0)
    call(s, "review")
    assert s.flash_error == staff_messages.SERVER_BUSY
    with staff_db.session() as db:
        assert db.get(CardEntry, s.entry_id).title != "Non arriverà"


def test_the_editor_loading_again_keeps_unsaved_text_and_a_clean_form_reloads(staff_db):
    """A websocket that comes back (a worker or Redis restarted) runs the page's load again in the
    same tab: with unsaved changes the inputs are not re-mounted (they hold the typed text)."""
    s = _open(staff_db)
    key = s.form_key
    call(s, "load_entry")  # the stored entry did not change: the inputs stay (they may hold typed text)
    assert s.form_key == key and not s.dirty
    other = _open(staff_db, "regione")
    call(other, "save", dict(other.form, summary="Cambiata da un'altra persona"))
    call(s, "load_entry")  # changed elsewhere, nothing typed here: re-mounted with what is stored now
    assert s.form_key == key + 1 and s.form["summary"] == "Cambiata da un'altra persona"
    call(s, "mark_dirty", "x")
    out = call(s, "load_entry")
    assert s.form_key == key + 1 and s.dirty and "onbeforeunload = (e)" in script_of(out)
    call(s, "save", dict(s.form, title="Scritto prima del riavvio"))
    assert "Salvato" in s.saved_note and not s.dirty
    with staff_db.session() as db:
        assert db.get(CardEntry, s.entry_id).title == "Scritto prima del riavvio"


def test_invitations_go_by_email_and_many_at_once(staff_db):
    from sqlmodel import select

    from zerosei_app.models import MailOutbox
    from zerosei_app.state import staff_base

    r = make_state(StaffAccountsState, staff_db.tokens["regione"], "/staff/utenti")
    call(r, "load")
    assert "ZEROSEI_SMTP_HOST" in r.mail_note  # no server in tests: the page says where mail goes
    call(r, "invite", {"email": "posta@example.org", "name": "Posta Persona", "role": "regione"})
    assert "salvato come file .eml" in r.flash_ok
    # Many at once: one bad line and nothing is created.
    call(
        r,
        "invite_many",
        {"righe": "email;nome;ruolo;centri\nuno@example.org;Uno Uno;regione;\ndue@example;Due;operatore;x"},
    )
    assert (
        r.bulk_errors
        and r.bulk_errors[0].startswith("Riga 3")
        and not [u for u in r.users if u.email == "uno@example.org"]
    )
    call(r, "invite_many", {"righe": f"uno@example.org;Uno Uno;regione;\ndue@example.org;Due Due;operatore;{CENTRO_A}"})
    assert r.bulk_errors == [] and {"uno@example.org", "due@example.org"} <= {u.email for u in r.users}
    with staff_base.open_db() as db:
        to = [m.to_addrs for m in db.exec(select(MailOutbox).where(MailOutbox.kind == "invito")).all()]
    assert ["posta@example.org"] in to and ["uno@example.org"] in to and ["due@example.org"] in to
    # A message that failed is shown on the page with its error (which names the setting).
    with staff_base.open_db() as db:
        row = db.exec(select(MailOutbox)).first()
        row.attempts, row.last_error = 1, "server SMTP non raggiungibile (ZEROSEI_SMTP_HOST=x, ZEROSEI_SMTP_PORT=587)."
        db.add(row)
        db.commit()
    call(r, "load")
    assert "1 e-mail non ancora inviate" in r.mail_problem and "ZEROSEI_SMTP_HOST" in r.mail_problem


def test_a_centre_confirms_its_contacts(staff_db):
    from zerosei_app.domain import clock
    from zerosei_app.state.staff_centro import StaffCentroState

    s = make_state(StaffCentroState, staff_db.tokens["op_a"], "/staff/centro", {"id": str(CENTRO_A)})
    call(s, "load")
    assert s.contacts_confirmed == "" and s.review_days == 180
    call(s, "confirm_contacts")
    assert s.contacts_confirmed == clock.day(clock.today()) and "Recapiti confermati" in s.flash_ok


def test_the_regione_confirms_and_rejects_leads_on_enti_gestori(staff_db):
    from zerosei_app.models import ComuneEnteGestore, ComuneEnteGestoreProposta
    from zerosei_app.state.staff_enti_comuni import StaffEntiComuniState

    s = make_state(StaffEntiComuniState, staff_db.tokens["regione"], "/staff/regione/enti-comuni")
    call(s, "load")
    assert len(s.proposte) == 47
    crissolo = next(p for p in s.proposte if p.comune == "Crissolo (CN)")
    assert crissolo.ente == "Monviso Solidale" and crissolo.source_url.startswith("http")
    call(s, "decide", crissolo.id, True)
    assert s.flash_ok.startswith("Confermato: Crissolo (CN) → Monviso Solidale") and len(s.proposte) == 46
    call(s, "decide", crissolo.id, False)  # already decided: refused, nothing changes
    assert "non è più da confermare" in s.flash_error
    other = s.proposte[0]
    call(s, "decide", other.id, False)
    assert s.flash_ok.startswith("Respinta") and len(s.proposte) == 45
    with staff_db.session() as db:
        assert db.get(ComuneEnteGestore, "004077") is not None
        decided = db.exec(select(ComuneEnteGestoreProposta).where(ComuneEnteGestoreProposta.status != "da_confermare"))
        assert {(p.status, p.decided_by) for p in decided.all()} == {
            ("confermata", staff_db.user_ids["regione"]),
            ("respinta", staff_db.user_ids["regione"]),
        }
    # An operatore can't: the guard refuses (tests/state/test_staff_authz.py checks every handler so).
    op = make_state(StaffEntiComuniState, staff_db.tokens["op_a"], "/staff/regione/enti-comuni")
    call(op, "load")
    assert op.proposte == []
