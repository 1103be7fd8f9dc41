"""Which ente gestore serves each comune (research of 2026-12-06, data/enti_comuni.py): `alta`/`media`
rows are facts with their source, `bassa` rows leads for the Regione; on a fresh seed and on a database
seeded before, SQLite and PostgreSQL; what the Regione set is never written over."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import Session, func, select

from tests.db.test_data_update import _old_seed
from zerosei_app.commands.enti_comuni import ENTITY, decide_proposta, set_ente_with_source
from zerosei_app.data.enti_comuni import apply_enti_comuni
from zerosei_app.data.seed import seed_if_empty
from zerosei_app.data.seed_update import apply_update
from zerosei_app.db import make_engine
from zerosei_app.models import (
    AuditRecord,
    ComuneEnteGestore,
    ComuneEnteGestoreProposta,
    Copertura,
    EnteGestore,
    StaffUser,
)
from zerosei_app.prestart import migrate, prepare
from zerosei_app.queries.enti_comuni import pending_proposte

NOW = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
CRISSOLO, CASALE, ANDEZENO = "004077", "006039", "001009"


def _count(s: Session, model, *where) -> int:
    return s.exec(select(func.count()).select_from(model).where(*where)).one()


def _check_loaded(s: Session) -> None:
    # 145 comuni from 2025 + 240 facts of 2026-12-06 (14 more rows only confirmed known ones); 47 leads.
    assert _count(s, ComuneEnteGestore) == 385
    assert _count(s, ComuneEnteGestore, ComuneEnteGestore.confidenza.in_(["alta", "media"])) == 240
    assert _count(s, ComuneEnteGestoreProposta, ComuneEnteGestoreProposta.status == "da_confermare") == 47
    known = set(s.exec(select(ComuneEnteGestore.codice_istat)).all())
    leads = set(s.exec(select(ComuneEnteGestoreProposta.codice_istat)).all())
    assert len(known | leads) == 432 and not known & leads  # a lead is never also a fact
    # Crissolo's ente (Monviso Solidale) is only a lead: parents are not told it as fact.
    assert CRISSOLO in leads and s.get(ComuneEnteGestore, CRISSOLO) is None
    andezeno = s.get(ComuneEnteGestore, ANDEZENO)
    chieri = s.get(EnteGestore, andezeno.ente_gestore_id)
    assert chieri.source_key == "cssac-chieri" and andezeno.confidenza == "alta"
    assert andezeno.source_url == "https://rossosantena.it/?p=64880" and andezeno.source_title
    assert andezeno.reference_date == "2017-06-29" and andezeno.evidence
    # The 16 enti of the research: 9 were already there (from IndicePA), 7 are new; 46 in all.
    enti = s.exec(select(EnteGestore)).all()
    assert len(enti) == 46
    keys = {e.source_key for e in enti if e.source_key}
    assert {"cis-cirie", "cisap", "cogesa-asti", "comune-vercelli", "alba-langhe-roero", "CISSAC"} <= keys
    assert len([e for e in enti if e.source_key == "cis-cirie"]) == 1  # matched, not doubled
    phones = {e.source_key: (e.phone, e.phone_source) for e in enti if e.phone}
    assert len(phones) == 5 and phones["cssac-chieri"][0] == "011.942.44.34"
    assert all(src and "http" in src for _, src in phones.values())
    # Casale Monferrato has its own centre: no inferred Alessandria centre beside it.
    assert {k.origine for k in s.exec(select(Copertura).where(Copertura.codice_istat == CASALE)).all()} == {"esplicito"}


def test_a_fresh_seed_loads_facts_and_leads(empty_url):
    migrate(empty_url)
    engine = make_engine(empty_url)
    with Session(engine) as s:
        assert seed_if_empty(s)
        _check_loaded(s)
        assert not apply_enti_comuni(s).changed  # idempotent
    engine.dispose()


def test_an_old_database_gets_them_and_keeps_what_the_regione_set(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    _old_seed(url)
    engine = make_engine(url)
    with Session(engine) as s:
        assert _count(s, ComuneEnteGestore) == 145 and _count(s, ComuneEnteGestoreProposta) == 0
        # Before the update, the Regione sets Andezeno's ente by hand and gives CISS Chivasso a phone.
        user = StaffUser(email="r@regione.piemonte.it", name="R", role="regione")
        s.add(user)
        s.flush()
        torino = s.exec(select(EnteGestore).where(EnteGestore.short_name == "Comune di Torino")).one()
        torino_id, user_id = torino.id, user.id
        s.add(ComuneEnteGestore(codice_istat=ANDEZENO, ente_gestore_id=torino_id, edited_at=NOW))
        s.add(AuditRecord(entity=ENTITY, entity_id=int(ANDEZENO), user_id=user.id, action="update"))
        s.commit()
    engine.dispose()
    assert prepare(url) is False
    engine = make_engine(url)
    with Session(engine) as s:
        assert s.get(ComuneEnteGestore, ANDEZENO).ente_gestore_id == torino_id  # kept
        assert _count(s, ComuneEnteGestore) == 385
        # The Regione rejects a lead: a later start does not bring it back.
        lead = s.exec(select(ComuneEnteGestoreProposta).where(ComuneEnteGestoreProposta.codice_istat == CRISSOLO)).one()
        lead.status, lead.decided_at, lead.decided_by = "respinta", NOW, user_id
        s.add(lead)
        s.commit()
        assert not apply_update(s, NOW).changed
        assert _count(s, ComuneEnteGestoreProposta, ComuneEnteGestoreProposta.status == "da_confermare") == 46
    engine.dispose()


def test_the_regione_confirms_a_lead_and_the_comune_gets_its_ente_s_centre(db):
    queue = pending_proposte(db)
    assert len(queue) == 47 and all(p.source_url for p in queue)
    crissolo = next(p for p in queue if p.codice_istat == CRISSOLO)
    assert crissolo.ente == "Monviso Solidale"
    before = {k.origine for k in db.exec(select(Copertura).where(Copertura.codice_istat == CRISSOLO)).all()}
    assert before == {"inferito"}
    assert decide_proposta(db, crissolo.id, True, None, NOW)
    assert not decide_proposta(db, crissolo.id, True, None, NOW)  # decided once
    db.commit()
    fact = db.get(ComuneEnteGestore, CRISSOLO)
    assert fact.ente_gestore_id == crissolo.ente_id and fact.edited_at and fact.confidenza == "bassa"
    after = {k.origine for k in db.exec(select(Copertura).where(Copertura.codice_istat == CRISSOLO)).all()}
    assert after == {"ente_gestore"}  # Monviso Solidale's seats, no guess any more
    # Rejecting another lead keeps it out of the queue; setting an ente by hand is audited.
    other = next(p for p in pending_proposte(db) if p.codice_istat != CRISSOLO)
    assert decide_proposta(db, other.id, False, None, NOW)
    assert other.id not in {p.id for p in pending_proposte(db)}
    assert db.get(ComuneEnteGestore, other.codice_istat) is None
    set_ente_with_source(db, other.codice_istat, other.ente_id, None, NOW)
    db.commit()
    assert db.exec(select(func.count()).select_from(AuditRecord).where(AuditRecord.entity == ENTITY)).one() >= 3


def test_the_migration_goes_down_and_up_on_a_seeded_database(empty_url):
    """SQLite with foreign keys on: no table that others reference is copied (a batch would fail)."""
    from alembic import command
    from zerosei_app.prestart import alembic_config

    migrate(empty_url)
    engine = make_engine(empty_url)
    with Session(engine) as s:
        seed_if_empty(s)
    cfg = alembic_config(empty_url)
    command.downgrade(cfg, "0005")
    command.upgrade(cfg, "head")
    with Session(engine) as s:
        assert _count(s, ComuneEnteGestore) == 385  # the rows stay; the new columns come back empty
        assert apply_update(s, NOW).enti_comuni.changed  # and the next start fills them again
        s.commit()
        assert _count(s, ComuneEnteGestoreProposta) == 47
    engine.dispose()
