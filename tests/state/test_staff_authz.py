"""The authorization matrix: every staff handler, called directly as the browser could call it.

Personas: anonymous, a forged token, an expired and a revoked session, a disabled account,
an operatore of centre A acting on centre B, the operatore of B, and the Regione.
A refused call must say so and change nothing in the database (all staff-writable tables
are fingerprinted before and after).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlmodel import select

from zerosei_app.auth.guard import LOGIN_NEEDED, NOT_YOURS, REGIONE_ONLY
from zerosei_app.commands.staff_entries import save_entry
from zerosei_app.domain import clock
from zerosei_app.domain.csv_entries import export_entries_csv
from zerosei_app.domain.entry_form import FIELDS, EntryInput
from zerosei_app.models import CardEntry, ErrorReport
from zerosei_app.state.staff_account import StaffAccountState
from zerosei_app.state.staff_accounts import StaffAccountsState
from zerosei_app.state.staff_base import StaffState
from zerosei_app.state.staff_centro import StaffCentroState
from zerosei_app.state.staff_contacts import StaffContactsState
from zerosei_app.state.staff_coverage import StaffCoverageState
from zerosei_app.state.staff_enti_comuni import StaffEntiComuniState
from zerosei_app.state.staff_entries import StaffEntriesState
from zerosei_app.state.staff_entry import StaffEntryState
from zerosei_app.state.staff_entry_chiusure import StaffEntryChiusureState
from zerosei_app.state.staff_home import StaffHomeState
from zerosei_app.state.staff_import import StaffImportState
from zerosei_app.state.staff_lists_import import StaffListsImportState
from zerosei_app.state.staff_login import StaffLoginState, StaffSetupState
from zerosei_app.state.staff_regione import StaffRegioneState
from zerosei_app.state.staff_regione_centri import StaffRegioneCentriState
from zerosei_app.state.staff_regione_enti import StaffRegioneEntiState
from zerosei_app.state.staff_reports import StaffReportsState
from zerosei_app.state.staff_sessions import StaffSessionsState
from zerosei_app.state.staff_tappe import StaffTappeState

from .staff_support import (
    CENTRO_A,
    CENTRO_B,
    PASSWORD,
    call,
    db_fingerprint,
    is_redirect_to_login,
    make_state,
)

# Handlers that must work without a session (they are how one gets a session, or only
# touch the caller's own page): each is reviewed in test_public_handlers_are_harmless.
PUBLIC = {
    (StaffState, "dismiss"),
    (StaffState, "relogin"),
    (StaffState, "logout"),
    (StaffState, "upload_refused"),  # only a message: the browser refused a file before sending it
    (StaffLoginState, "load"),
    (StaffLoginState, "login"),
    (StaffSetupState, "load"),
    (StaffSetupState, "complete"),
}
STAFF_STATES = (
    StaffHomeState,
    StaffEntriesState,
    StaffEntryState,
    StaffReportsState,
    StaffCentroState,
    StaffCoverageState,
    StaffRegioneState,
    StaffRegioneCentriState,
    StaffRegioneEntiState,
    StaffContactsState,
    StaffTappeState,
    StaffImportState,
    StaffListsImportState,
    StaffAccountsState,
    StaffAccountState,
    StaffSessionsState,
    StaffEntiComuniState,
    StaffEntryChiusureState,
)


class FakeUpload:
    def __init__(self, name: str, data: bytes):
        self.name, self.filename, self._data = name, name, data

    async def read(self, n: int = -1) -> bytes:
        return self._data if n < 0 else self._data[:n]


@dataclass
class Target:
    """Ids in centre B (or for the Regione) that a handler is aimed at."""

    entry_b: int
    entry_a: int
    report_b: int
    audit_b: int
    user_b: int
    entries_csv_b: bytes
    centri_csv: bytes = b"Nome;Comune;Telefono\nCentro nuovo di prova;Alba;0173 123456\n"
    copertura_csv: bytes = b"Centro;Comune servito\n2;Alba\n"
    proposta: int = 1  # a lead on which ente gestore serves a comune (the seed has 47)


def valid_entry_form(**extra) -> dict[str, str]:
    form = {
        "title": "Gruppo di gioco del sabato",
        "summary": "Giochi e letture per bambini e genitori.",
        "category": "promozione-prevenzione-primaria",
        "age_min_months": "12",
        "age_max_months": "36",
        "location": "via Roma 1",
        "cost_free": "si",
        "languages": "it",
        "tema__gioco-socialita": "on",
    }
    return form | extra


@dataclass
class Case:
    cls: type
    name: str
    path: str = "/staff"
    query: Callable[[Target], dict] = lambda t: {}
    prep: Callable[[Any, Target], None] = lambda s, t: None
    args: Callable[[Target], tuple] = lambda t: ()
    regione_only: bool = False
    # An operatore of A can aim this handler at centre B's data (else it only has own-account scope).
    cross_centre: bool = True
    loader: bool = False
    tags: set = field(default_factory=set)

    @property
    def id(self) -> str:
        return f"{self.cls.__name__}.{self.name}"


def _entry_state_on_b(s, t: Target):
    s.entry_id, s.centro_id = t.entry_b, CENTRO_B
    s._base_version = 1


def _centro_b(s, t: Target):
    s.centro_id = CENTRO_B


CASES = [
    Case(StaffHomeState, "load", loader=True, cross_centre=False),
    Case(StaffEntriesState, "load", "/staff/voci", query=lambda t: {"centro": str(CENTRO_B)}, loader=True),
    Case(StaffEntriesState, "apply_filters", prep=_centro_b, args=lambda t: ({"q": "gioco"},)),
    Case(StaffEntriesState, "show_stale", prep=_centro_b),
    Case(StaffEntriesState, "clear_filters", prep=_centro_b),
    Case(StaffEntryState, "load_entry", "/staff/voce", query=lambda t: {"id": str(t.entry_b)}, loader=True),
    Case(StaffEntryState, "load_new", "/staff/voce/nuova", query=lambda t: {"centro": str(CENTRO_B)}, loader=True),
    Case(StaffEntryState, "mark_dirty", prep=_entry_state_on_b, args=lambda t: ("x",)),
    Case(StaffEntryState, "pick_template", prep=_centro_b, args=lambda t: ("3",)),
    Case(StaffEntryState, "set_intent", prep=_entry_state_on_b, args=lambda t: ("preview",)),
    Case(StaffEntryState, "save", prep=_entry_state_on_b, args=lambda t: (valid_entry_form(),)),
    Case(
        StaffEntryState,
        "keep_mine",
        prep=lambda s, t: (
            _entry_state_on_b(s, t),
            setattr(s, "conflict", True),
            setattr(s, "_pending", EntryInput.model_validate(valid_entry_form() | {"topics": []}).as_values()),
        ),
    ),
    Case(StaffEntryState, "reload_saved", prep=_entry_state_on_b),
    Case(StaffEntryState, "change_status", prep=_entry_state_on_b, args=lambda t: ("archive",)),
    Case(
        StaffEntryState,
        "review",
        prep=lambda s, t: (
            _entry_state_on_b(s, t),
            setattr(s, "confirm_open", True),
            setattr(s, "_confirm_version", 1),
        ),
    ),
    Case(StaffEntryState, "ask_review", prep=_entry_state_on_b),
    Case(StaffEntryState, "cancel_review", prep=_entry_state_on_b),
    Case(
        StaffEntryState,
        "restore",
        prep=lambda s, t: (_entry_state_on_b(s, t), setattr(s, "_base_version", 2)),
        args=lambda t: (t.audit_b,),
    ),
    Case(
        StaffEntryState,
        "restore_original",
        prep=lambda s, t: (_entry_state_on_b(s, t), setattr(s, "_base_version", 2)),
        args=lambda t: (t.audit_b,),
    ),
    Case(StaffReportsState, "load", "/staff/segnalazioni", query=lambda t: {"centro": str(CENTRO_B)}, loader=True),
    Case(StaffReportsState, "set_filter", prep=_centro_b, args=lambda t: ("risolta",)),
    Case(StaffReportsState, "set_report_status", args=lambda t: (t.report_b, "risolta")),
    Case(StaffCentroState, "load", "/staff/centro", query=lambda t: {"id": str(CENTRO_B)}, loader=True),
    Case(
        StaffCentroState,
        "save",
        prep=lambda s, t: (_centro_b(s, t), setattr(s, "_base_version", 1)),
        args=lambda t: (
            {"address": "via Nuova 1", "phone": "011 1234567", "name": "Nome cambiato", "codice_istat": "004078"},
        ),
    ),
    Case(StaffCentroState, "confirm_contacts", prep=_centro_b),
    Case(
        StaffCentroState,
        "add_chiusura",
        prep=_centro_b,
        args=lambda t: ({"starts_on": "2099-08-01", "ends_on": "2099-08-31", "reason": "ferie"},),
    ),
    Case(StaffCentroState, "remove_chiusura", prep=_centro_b, args=lambda t: ("999999",)),
    Case(StaffCentroState, "ask_close", prep=_centro_b, regione_only=True),
    Case(StaffCentroState, "cancel_close", prep=_centro_b, regione_only=True),
    Case(StaffCentroState, "set_open", prep=_centro_b, args=lambda t: (False,), regione_only=True),
    Case(
        StaffCoverageState,
        "load",
        "/staff/comuni",
        query=lambda t: {"centro": str(CENTRO_B)},
        loader=True,
        regione_only=True,
    ),
    Case(StaffCoverageState, "search", prep=_centro_b, args=lambda t: ({"q": "alba"},), regione_only=True),
    Case(StaffCoverageState, "add", prep=_centro_b, args=lambda t: ("004003",), regione_only=True),
    Case(StaffCoverageState, "remove", prep=_centro_b, args=lambda t: ("004078",), regione_only=True),
    Case(StaffRegioneState, "load", "/staff/regione", loader=True, regione_only=True),
    Case(StaffRegioneCentriState, "load", "/staff/regione/centri", loader=True, regione_only=True),
    Case(StaffRegioneCentriState, "export", regione_only=True),
    Case(StaffRegioneState, "toggle_new", regione_only=True),
    Case(StaffRegioneState, "search_comune", args=lambda t: ({"q": "alba"},), regione_only=True),
    Case(StaffRegioneState, "pick_comune", args=lambda t: ("004003",), regione_only=True),
    Case(
        StaffRegioneState,
        "create",
        prep=lambda s, t: setattr(s, "new_comune", "004003"),
        args=lambda t: ({"name": "Centro di prova", "stato_verifica": "verificato"},),
        regione_only=True,
    ),
    Case(
        StaffContactsState,
        "load",
        "/staff/recapiti",
        query=lambda t: {"comune": "004003"},
        loader=True,
        regione_only=True,
    ),
    Case(StaffContactsState, "search_comune", args=lambda t: ({"q": "alba"},), regione_only=True),
    Case(StaffContactsState, "open_ente", args=lambda t: ({"ente": "1"},), regione_only=True),
    Case(StaffRegioneEntiState, "load", "/staff/regione/enti", loader=True, regione_only=True),
    Case(StaffRegioneEntiState, "apply_filters", args=lambda t: ({"q": "alba"},), regione_only=True),
    Case(StaffRegioneEntiState, "choose", args=lambda t: ({"codice_istat": "004003", "ente": "1"},), regione_only=True),
    Case(StaffRegioneEntiState, "download_template", regione_only=True),
    Case(StaffRegioneEntiState, "download_export", regione_only=True),
    Case(
        StaffRegioneEntiState,
        "check_csv",
        args=lambda t: ({"csv": "Codice ISTAT;ID ente\n004003;1\n"},),
        regione_only=True,
    ),
    Case(StaffRegioneEntiState, "apply_csv", regione_only=True),
    Case(StaffRegioneEntiState, "cancel_csv", regione_only=True),
    Case(
        StaffContactsState,
        "save",
        prep=lambda s, t: (setattr(s, "kind", "comune"), setattr(s, "key", "004003")),
        args=lambda t: ({"website": "www.comune.alba.cn.it/famiglie", "phone": "0173 292111"},),
        regione_only=True,
    ),
    Case(
        StaffTappeState, "load", "/staff/tappe", query=lambda t: {"id": "buono_vesta"}, loader=True, regione_only=True
    ),
    Case(
        StaffTappeState,
        "save",
        prep=lambda s, t: setattr(s, "tappa_id", "buono_vesta"),
        args=lambda t: (
            {
                "title": "Buono Vesta",
                "age_min_months": "0",
                "age_max_months": "72",
                "source_url": "https://vestapiemonte.it/",
                "source_title": "Regione Piemonte – Vesta",
                "version": "1",
            },
        ),
        regione_only=True,
    ),  # fmt: skip
    Case(
        StaffTappeState,
        "confirm_today",
        prep=lambda s, t: setattr(s, "tappa_id", "buono_vesta"),
        args=lambda t: ("1",),
        regione_only=True,
    ),
    Case(StaffImportState, "load", "/staff/importa", query=lambda t: {"centro": str(CENTRO_B)}, loader=True),
    Case(StaffImportState, "upload", prep=_centro_b, args=lambda t: ([FakeUpload("b.csv", t.entries_csv_b)],)),
    Case(StaffImportState, "paste", prep=_centro_b, args=lambda t: ({"csv": t.entries_csv_b.decode("utf-8-sig")},)),
    Case(StaffImportState, "commit", prep=lambda s, t: (_centro_b(s, t), setattr(s, "_data", t.entries_csv_b))),
    Case(StaffImportState, "cancel", prep=_centro_b),
    Case(StaffImportState, "file_rejected", prep=_centro_b),
    Case(StaffImportState, "export", prep=_centro_b),
    Case(StaffListsImportState, "load", "/staff/regione/elenchi", loader=True, regione_only=True),
    Case(
        StaffListsImportState, "upload_centri", args=lambda t: ([FakeUpload("c.csv", t.centri_csv)],), regione_only=True
    ),
    Case(
        StaffListsImportState,
        "upload_copertura",
        args=lambda t: ([FakeUpload("k.csv", t.copertura_csv)],),
        regione_only=True,
    ),
    Case(
        StaffListsImportState,
        "paste",
        args=lambda t: ({"kind": "centri", "csv": t.centri_csv.decode()},),
        regione_only=True,
    ),
    Case(
        StaffListsImportState,
        "commit",
        prep=lambda s, t: (setattr(s, "kind", "centri"), setattr(s, "_data", t.centri_csv)),
        regione_only=True,
    ),
    Case(StaffListsImportState, "cancel", regione_only=True),
    Case(StaffEntiComuniState, "load", "/staff/regione/enti-comuni", loader=True, regione_only=True),
    Case(StaffEntiComuniState, "decide", args=lambda t: (t.proposta, True), regione_only=True),
    Case(StaffAccountsState, "load", "/staff/utenti", loader=True, regione_only=True),
    Case(
        StaffAccountsState,
        "invite",
        args=lambda t: ({"email": "nuova@example.org", "name": "Nuova Persona", "role": "regione"},),
        regione_only=True,
    ),
    Case(
        StaffAccountsState,
        "invite_many",
        args=lambda t: ({"righe": "molte@example.org;Molte Persone;regione;"},),
        regione_only=True,
    ),
    Case(StaffAccountsState, "new_link", args=lambda t: (t.user_b,), regione_only=True),
    Case(StaffAccountsState, "set_user_active", args=lambda t: (t.user_b, False), regione_only=True),
    Case(StaffAccountsState, "edit_centri", args=lambda t: (t.user_b,), regione_only=True),
    Case(StaffAccountsState, "close_edit", regione_only=True),
    Case(
        StaffAccountsState,
        "save_centri",
        prep=lambda s, t: setattr(s, "editing_id", t.user_b),
        args=lambda t: ({f"centro__{CENTRO_A}": "on", f"centro__{CENTRO_B}": "on"},),
        regione_only=True,
    ),
    Case(StaffAccountsState, "hide_link", regione_only=True),
    Case(StaffAccountState, "load", "/staff/account", loader=True, cross_centre=False),
    Case(
        StaffAccountState,
        "change",
        args=lambda t: (
            {"current": PASSWORD, "password": "un'altra frase segreta", "password2": "un'altra frase segreta"},
        ),
        cross_centre=False,
    ),
]
# Dated sessions of an entry (h7-hsds): the entry comes from the page's address.
_ON_B = {"path": "/staff/voce", "query": lambda t: {"id": str(t.entry_b)}}
CASES += [
    Case(StaffSessionsState, "load", **_ON_B),
    Case(StaffSessionsState, "set_repeat", **_ON_B, args=lambda t: ("weekly",)),
    Case(
        StaffSessionsState,
        "add",
        **_ON_B,
        args=lambda t: ({"sess_repeat": "once", "sess_day": "2030-01-15", "sess_start": "10:00", "sess_end": "11:00"},),
    ),
    Case(StaffSessionsState, "cancel_occurrence", **_ON_B, args=lambda t: (1, "2030-01-15T10:00:00+01:00")),
    Case(StaffSessionsState, "delete", **_ON_B, args=lambda t: (1,)),
    Case(StaffSessionsState, "ask_delete", **_ON_B, args=lambda t: (1,)),
    Case(StaffEntryChiusureState, "load", **_ON_B),
    Case(
        StaffEntryChiusureState,
        "add_chiusura",
        **_ON_B,
        args=lambda t: ({"starts_on": "2099-08-01", "ends_on": "2099-08-31", "reason": "ferie"},),
    ),
    Case(StaffEntryChiusureState, "remove_chiusura", **_ON_B, args=lambda t: ("999999",)),
    Case(StaffSessionsState, "cancel_delete", **_ON_B),
    Case(StaffSessionsState, "undo_delete", **_ON_B),
]
CASE_IDS = [c.id for c in CASES]


@pytest.fixture
def target(staff_db) -> Target:
    now = clock.now()
    with staff_db.session() as db:
        entries_b = db.exec(select(CardEntry).where(CardEntry.centro_id == CENTRO_B).order_by(CardEntry.id)).all()
        entry_a = db.exec(select(CardEntry).where(CardEntry.centro_id == CENTRO_A).order_by(CardEntry.id)).first()
        entry_b = entries_b[0]
        # One earlier version of B's entry, so "restore" has something to restore.
        data = EntryInput.model_validate({k: getattr(entry_b, k) for k in FIELDS} | {"title": "Titolo cambiato da B"})
        save_entry(db, entry_b, entry_b.version, data, staff_db.user_ids["op_b"], now)
        db.commit()
        from zerosei_app.models import AuditRecord

        audit_b = db.exec(
            select(AuditRecord.id).where(AuditRecord.entity_id == entry_b.id, AuditRecord.entity == "card_entry")
        ).first()
        report = ErrorReport(
            centro_id=CENTRO_B, entry_id=entry_b.id, kind="chiuso", text="chiuso da mesi", client_hash="x" * 64
        )
        db.add(report)
        db.commit()
        # A CSV of B's card with every title changed: a real write if it were accepted.
        db.refresh(entry_b)
        rows = list(db.exec(select(CardEntry).where(CardEntry.centro_id == CENTRO_B).order_by(CardEntry.id)).all())
        for e in rows:
            e.title = e.title + " (modificato)"
        csv_b = export_entries_csv(rows)
        db.rollback()
        return Target(entry_b.id, entry_a.id, report.id, audit_b, staff_db.user_ids["op_b"], csv_b)


def _run(case: Case, staff_db, target: Target, persona: str):
    state = make_state(case.cls, staff_db.tokens[persona], case.path, case.query(target))
    case.prep(state, target)
    result = call(state, case.name, *case.args(target))
    return state, result


# ------------------------------------------------------------------ every handler is in the matrix


def test_every_staff_handler_is_guarded_and_listed():
    listed = {(c.cls, c.name) for c in CASES}
    for cls in (StaffState, *STAFF_STATES, StaffLoginState, StaffSetupState):
        for name, handler in cls.event_handlers.items():
            if name == "setvar" or (cls, name) in PUBLIC:
                continue
            if name not in cls.__dict__ and any(
                name in base.event_handlers for base in cls.__mro__[1:] if hasattr(base, "event_handlers")
            ):
                continue  # inherited (checked on the class that defines it)
            assert getattr(handler.fn, "_staff_guarded", False), (
                f"{cls.__name__}.{name} does not go through staff_event"
            )
            assert (cls, name) in listed, f"{cls.__name__}.{name} is missing from the authorization matrix"


# ------------------------------------------------------------------ refusals


@pytest.mark.parametrize("persona", ["anonymous", "forged", "expired", "revoked", "disabled"])
@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_no_valid_session_is_refused_and_changes_nothing(case: Case, persona, staff_db, target):
    before = db_fingerprint(staff_db)
    state, result = _run(case, staff_db, target, persona)
    if case.loader:
        assert is_redirect_to_login(result), f"{case.id}: a page without a session must go to the login"
    else:
        assert state.flash_error == LOGIN_NEEDED
        assert state.session_expired is True
    assert db_fingerprint(staff_db) == before


@pytest.mark.parametrize(
    "case",
    [c for c in CASES if c.cross_centre or c.regione_only],
    ids=[c.id for c in CASES if c.cross_centre or c.regione_only],
)
def test_operatore_of_a_cannot_touch_b(case: Case, staff_db, target):
    before = db_fingerprint(staff_db)
    state, result = _run(case, staff_db, target, "op_a")
    message = state.page_error or state.flash_error
    assert message in (NOT_YOURS, REGIONE_ONLY), f"{case.id}: got {message!r}"
    if case.regione_only:
        assert message == REGIONE_ONLY
    assert not is_redirect_to_login(result)
    assert db_fingerprint(staff_db) == before


def test_operatore_cannot_change_a_report_of_another_centre_even_by_guessing_ids(staff_db, target):
    before = db_fingerprint(staff_db)
    for report_id in (target.report_b, 999999, -1, "1; DROP TABLE staff_user", None):
        state = make_state(StaffReportsState, staff_db.tokens["op_a"])
        call(state, "set_report_status", report_id, "risolta")
        assert state.flash_error, report_id
    assert db_fingerprint(staff_db) == before


# ------------------------------------------------------------------ the rightful users get through

GUARD_MESSAGES = (LOGIN_NEEDED, NOT_YOURS, REGIONE_ONLY)


@pytest.mark.parametrize("persona", ["op_b", "regione"])
@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_rightful_users_are_let_through(case: Case, persona, staff_db, target):
    state, result = _run(case, staff_db, target, persona)
    message = state.page_error or state.flash_error
    if case.regione_only and persona != "regione":
        assert message == REGIONE_ONLY
        return
    assert message not in GUARD_MESSAGES, f"{case.id} as {persona}: {message!r}"
    assert not is_redirect_to_login(result)
    assert state.session_expired is False


def test_own_centre_write_really_happens(staff_db, target):
    """The success side of the matrix for one write: B's operatore archives B's entry."""
    state = make_state(StaffEntryState, staff_db.tokens["op_b"], "/staff/voce", {"id": str(target.entry_b)})
    call(state, "load_entry")
    call(state, "change_status", "archive")
    assert state.flash_error == ""
    with staff_db.session() as db:
        assert db.get(CardEntry, target.entry_b).status == "archived"


# ------------------------------------------------------------------ the public handlers


def test_public_handlers_are_harmless(staff_db):
    before = db_fingerprint(staff_db)
    for cls, name, args in (
        (StaffState, "dismiss", ()),
        (StaffLoginState, "load", ()),
        (StaffSetupState, "load", ()),
        (StaffSetupState, "complete", ({"password": "una password lunga", "password2": "una password lunga"},)),
    ):
        state = make_state(cls, "", "/staff/attiva", {"token": "forged"})
        call(state, name, *args)
        assert state.session_token == ""
    assert db_fingerprint(staff_db) == before
