"""The 2026-11-29 data (new centres, IndicePA contacts) reaches a database seeded before it,
without touching what staff changed; fresh and upgraded databases end up alike."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import Session, func, select

from zerosei_app.data import seed as seed_module
from zerosei_app.data.centri_curati import CENTRI
from zerosei_app.data.seed_update import apply_update
from zerosei_app.db import make_engine
from zerosei_app.models import AuditRecord, CardEntry, Centro, Comune, Copertura, EnteGestore
from zerosei_app.prestart import migrate, prepare

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


def _old_seed(url: str) -> None:
    """A database as the 2025 seed left it (the new columns empty, 16 centres)."""
    migrate(url)
    engine = make_engine(url)
    with Session(engine) as s:
        comuni = seed_module._load_comuni(s)
        s.flush()
        enti = seed_module._load_enti(s)
        ente_of = seed_module._load_comune_enti(s, enti)
        centri = seed_module._load_centri(s, comuni, enti)
        seed_module._load_coverage(s, comuni, centri, ente_of)
        seed_module._load_entries(s, comuni, centri)
        s.commit()
    engine.dispose()


def _state(s: Session) -> dict:
    centri = {
        c.source_key: (
            c.name,
            c.codice_istat,
            c.address,
            c.phone,
            c.email,
            c.website,
            c.stato_verifica,
            c.internal_notes,
        )
        for c in s.exec(select(Centro)).all()
    }
    links = {
        (s.get(Centro, k.centro_id).source_key, k.codice_istat, k.origine) for k in s.exec(select(Copertura)).all()
    }
    comuni = {c.codice_istat: (c.website, c.pec) for c in s.exec(select(Comune)).all()}
    enti = {e.name: (e.website, e.email, e.pec) for e in s.exec(select(EnteGestore)).all()}
    return {"centri": centri, "links": links, "comuni": comuni, "enti": enti}


def test_an_old_database_gains_the_new_data_like_a_fresh_one(tmp_path):
    old_url, new_url = f"sqlite:///{tmp_path / 'old.db'}", f"sqlite:///{tmp_path / 'new.db'}"
    _old_seed(old_url)
    assert prepare(old_url) is False  # not empty: upgraded, not seeded
    assert prepare(new_url) is True
    old_e, new_e = make_engine(old_url), make_engine(new_url)
    with Session(old_e) as a, Session(new_e) as b:
        sa, sb = _state(a), _state(b)
        assert sa == sb
        assert len(sa["centri"]) == len(CENTRI) == 29
        assert (
            a.exec(select(func.count()).select_from(CardEntry)).one()
            == b.exec(select(func.count()).select_from(CardEntry)).one()
        )
        # A second start changes nothing.
        audits = a.exec(select(func.count()).select_from(AuditRecord)).one()
        assert not apply_update(a, NOW).changed
        assert a.exec(select(func.count()).select_from(AuditRecord)).one() == audits
    old_e.dispose()
    new_e.dispose()


def test_staff_edits_survive_the_update(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    _old_seed(url)
    engine = make_engine(url)
    with Session(engine) as s:
        caluso = s.exec(select(Centro).where(Centro.codice_istat == "001047")).one()
        caluso.address = "Via Mattirolo 5 (corretto dalla Regione)"
        s.add(caluso)
        s.add(AuditRecord(entity="centro", entity_id=caluso.id, centro_id=caluso.id, user_id=None, action="update"))
        s.commit()
    # user_id None is a data load, not a person: the update still cleans it.
    prepare(url)
    with Session(engine) as s:
        caluso = s.exec(select(Centro).where(Centro.codice_istat == "001047")).one()
        assert caluso.address == "Via Mattirolo" and caluso.source_key == "caluso-cissac"
        assert "traduzione inglese" in caluso.internal_notes and "traduzione" not in caluso.name
        # Now a person edits the centre and a comune's contacts.
        from zerosei_app.models import StaffUser

        user = StaffUser(email="r@regione.piemonte.it", name="R", role="regione")
        s.add(user)
        s.flush()
        caluso.address, caluso.name = "Via Mattirolo 5", "Centro famiglie di Caluso"
        s.add(caluso)
        s.add(AuditRecord(entity="centro", entity_id=caluso.id, centro_id=caluso.id, user_id=user.id, action="update"))
        formazza = s.get(Comune, "103031")
        formazza.website, formazza.contacts_edited_at = "https://www.comune.formazza.vb.it/servizi-sociali", NOW
        s.add(formazza)
        s.commit()
        assert not apply_update(s, NOW).changed
        s.commit()
        caluso = s.exec(select(Centro).where(Centro.codice_istat == "001047")).one()
        assert (caluso.name, caluso.address) == ("Centro famiglie di Caluso", "Via Mattirolo 5")
        assert s.get(Comune, "103031").website.endswith("/servizi-sociali")
    engine.dispose()


def test_parents_never_read_research_notes(db):
    for c in db.exec(select(Centro)).all():
        for text in (c.name, c.address or "", c.hours or "", c.phone or ""):
            low = text.lower()
            assert "non indicat" not in low and "nella fonte" not in low and "traduzione" not in low, text
            assert "dato della riga" not in low and "[nome omesso]" not in low, text
        assert c.source_url and c.source_key  # provenance kept per row
        if c.ente_gestore_id is None:  # then parents read who runs it from this field
            text = c.ente_as_cited or ""
            assert "fonte" not in text and "delega" not in text and "[nome omesso]" not in text, text


def test_new_centres_serve_their_territory(db):
    by_key = {c.source_key: c for c in db.exec(select(Centro)).all()}
    pinerolo = by_key["pinerolo-ciss"]
    # CISS del Pinerolese's 47 comuni now reach its own centre rather than the nearest one.
    served = db.exec(select(Copertura).where(Copertura.centro_id == pinerolo.id)).all()
    assert len(served) >= 47
    formazza = db.exec(select(Copertura).where(Copertura.codice_istat == "103031")).all()
    assert [db.get(Centro, k.centro_id).source_key for k in formazza] == ["domodossola-ciss-ossola"]
    # Every comune has its IndicePA contacts (Murisengo has none in the source).
    missing = db.exec(
        select(Comune.name).where(Comune.website.is_(None), Comune.pec.is_(None))  # type: ignore[union-attr]
    ).all()
    assert missing == ["Murisengo"]
