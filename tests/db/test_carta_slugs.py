"""Centre slugs: set by the migration and the seed, unique, and an old slug redirects after a rename."""

from __future__ import annotations

from sqlmodel import Session, select

from zerosei_app.commands.carta_slugs import ensure_slugs
from zerosei_app.commands.staff_centri import create_centro, update_admin
from zerosei_app.db import make_engine
from zerosei_app.domain import clock
from zerosei_app.domain.staff_forms import CentroAdminInput
from zerosei_app.models import Centro, CentroSlugHistory
from zerosei_app.prestart import prepare
from zerosei_app.queries.carta_slugs import find_by_slug


def test_every_seeded_centre_has_a_unique_slug(db):
    centri = db.exec(select(Centro)).all()
    slugs = [c.slug for c in centri]
    assert all(slugs) and len(set(slugs)) == len(slugs)
    assert "torino-centro-relazioni-e-famiglie" in slugs
    assert ensure_slugs(db) == 0


def test_slugs_are_stable_across_restarts(tmp_path):
    url = f"sqlite:///{tmp_path / 's.db'}"
    prepare(url)
    engine = make_engine(url)
    with Session(engine) as s:
        before = {c.id: c.slug for c in s.exec(select(Centro)).all()}
    prepare(url)
    with Session(engine) as s:
        assert {c.id: c.slug for c in s.exec(select(Centro)).all()} == before
    engine.dispose()


def _admin(c: Centro, **changes) -> CentroAdminInput:
    values = dict(name=c.name, codice_istat=c.codice_istat, stato_verifica=c.stato_verifica)
    return CentroAdminInput(**{**values, **changes})


def test_rename_gives_a_new_slug_and_the_old_one_redirects(db):
    centro = db.exec(select(Centro).where(Centro.slug == "asti")).one()
    update_admin(
        db, centro, centro.version, _admin(centro, name="Centro per le Famiglie Arcobaleno"), None, clock.now()
    )
    db.commit()
    assert centro.slug == "asti-arcobaleno"
    old = find_by_slug(db, "asti")
    assert old is not None and old.moved and old.centro.id == centro.id
    new = find_by_slug(db, "asti-arcobaleno")
    assert new is not None and not new.moved
    # A new centre can never take the old slug (printed QR codes still point at it).
    other = create_centro(
        db, CentroAdminInput(name="Centro per le Famiglie", codice_istat=centro.codice_istat), None, clock.now()
    )
    db.commit()
    assert other.slug == "asti-2"
    # Renamed back: its own old slug becomes current again.
    update_admin(db, centro, centro.version, _admin(centro, name="Centro per le Famiglie"), None, clock.now())
    db.commit()
    assert centro.slug == "asti"
    assert find_by_slug(db, "asti-arcobaleno").moved
    assert db.get(CentroSlugHistory, "asti") is None


def test_unknown_or_hostile_slug_finds_nothing(db):
    for slug in ("nessuno", "", "../x", "ASTI' OR 1=1"):
        assert find_by_slug(db, slug) is None
    assert find_by_slug(db, "ASTI").centro.slug == "asti"  # case-insensitive


def test_migration_gives_existing_centres_a_slug(tmp_path):
    from sqlalchemy import text

    from alembic import command
    from zerosei_app.prestart import alembic_config

    url = f"sqlite:///{tmp_path / 'old.db'}"
    command.upgrade(alembic_config(url), "0001")
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO comune (codice_istat, nome, sigla_provincia, cap) VALUES ('005005', 'Asti', 'AT', '[]')")
        )
        for nome in ("Centro per le Famiglie", "Centro per le famiglie"):
            conn.execute(
                text(
                    "INSERT INTO centro (nome, codice_istat, stato_verifica, is_active, created_at, updated_at, version)"
                    " VALUES (:n, '005005', 'verificato', 1, '2026-01-01', '2026-01-01', 1)"
                ),
                {"n": nome},
            )
    command.upgrade(alembic_config(url), "head")
    with engine.connect() as conn:
        assert [r[0] for r in conn.execute(text("SELECT slug FROM centro ORDER BY id"))] == ["asti", "asti-2"]
    engine.dispose()


def test_a_rename_through_the_orm_also_keeps_the_old_slug(db):
    """The CSV import renames centres by setting attributes: the model's hook keeps slugs right."""
    centro = db.exec(select(Centro).where(Centro.slug == "novara")).one()
    centro.name = "Centro per le Famiglie Il Girotondo"
    db.add(centro)
    db.commit()
    assert centro.slug == "novara-il-girotondo"
    assert find_by_slug(db, "novara").moved
    centro.hours = "Lunedì 9-12"  # no rename: the slug stays
    db.add(centro)
    db.commit()
    assert centro.slug == "novara-il-girotondo"
