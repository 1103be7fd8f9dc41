"""Issue 16, done when: nothing invented reaches a parent or the open data.

On a fresh seed (SQLite, and PostgreSQL when CI gives one) and on a database seeded by the previous
release (14 published "example" entries per centre: typical services copied onto every centre plus
sourced ones with guessed details and research notes) then migrated and updated:
- no published entry is an example; each has a source URL or its centre's confirmation date;
- no unconfirmed entry repeats a modello's text; no summary is shared by two centres unless both confirmed it;
- nothing public (API /centri, /voci, /percorso, HSDS, datapackage, Carta pages, print edition) carries a
  research note ("nella fonte", "non indicato", "circa 2023", "[nome omesso]"…).
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import os
import uuid
from collections import defaultdict
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import create_engine, make_url
from sqlmodel import Session, col, select

from alembic import command
from tests.percorso_support import path_out
from zerosei_app.data import seed as seed_module
from zerosei_app.data.centri_curati import CENTRI
from zerosei_app.data.seed import _rows, seed_if_empty
from zerosei_app.data.seed_entries import REAL_SERVICES
from zerosei_app.data.seed_update import apply_update
from zerosei_app.db import make_engine
from zerosei_app.domain.link import parse_query_string
from zerosei_app.domain.source_text import RESEARCH_NOTE, looks_like_research_note, source_date, without_remarks
from zerosei_app.domain.templates import TEMPLATES
from zerosei_app.domain.vocabulary import EntryStatus, StatoVerifica
from zerosei_app.models import AuditRecord, CardEntry, Centro, Comune, StaffUser
from zerosei_app.prestart import alembic_config, migrate
from zerosei_app.queries import hsds, opendata
from zerosei_app.queries.carta import carte
from zerosei_app.view import hsds_out, hsds_package
from zerosei_app.view.carta_print import print_sections
from zerosei_app.view.carta_view import carta_view
from zerosei_app.view.opendata_out import centri_out, centro_detail_out, voci_out
from zerosei_app.view.percorso_out import voce_fields

TEMPLATE_TEXTS = (
    {m.title for m in TEMPLATES} | {m.summary for m in TEMPLATES} | {m.description for m in TEMPLATES if m.description}
)
TODAY = date(2026, 12, 6)


def _pure_url(kind: str, tmp_path) -> tuple[str, callable]:
    """An empty database of the test's own, migrated by the caller (the shared template has test Cartas)."""
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / 'pure.db'}", lambda: None
    admin = create_engine(os.environ["ZEROSEI_TEST_POSTGRES_URL"], isolation_level="AUTOCOMMIT")
    name = f"zerosei_honest_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    url = make_url(os.environ["ZEROSEI_TEST_POSTGRES_URL"]).set(database=name).render_as_string(hide_password=False)

    def drop() -> None:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()

    return url, drop


KINDS = ["sqlite"] + (["postgresql"] if os.environ.get("ZEROSEI_TEST_POSTGRES_URL") else [])


# ----------------------------------------------------------------------------- the rules


def assert_honest(s: Session) -> None:
    published = s.exec(select(CardEntry).where(CardEntry.status == EntryStatus.PUBLISHED)).all()
    assert published
    assert not [e.title for e in published if e.is_example], "a published entry is an example"
    assert not [e.title for e in published if not (e.source_url or e.last_reviewed_on)], "an entry nobody backs"
    unconfirmed = [e for e in published if e.last_reviewed_on is None]
    repeats = [e.title for e in unconfirmed if {e.summary, e.description} & TEMPLATE_TEXTS]
    assert not repeats, f"unconfirmed entries repeat a modello: {repeats[:3]}"
    centres_of = defaultdict(set)
    for e in published:
        centres_of[e.summary].add((e.centro_id, e.last_reviewed_on is not None))
    shared = {summary: who for summary, who in centres_of.items() if len({c for c, _ in who}) > 1}
    assert not [s for s, who in shared.items() if not all(ok for _, ok in who)], "a summary shared, unconfirmed"
    # Unknown stays unknown: nothing published says "free" or "Italian" unless its source did.
    stated_free = {s.title for services in REAL_SERVICES.values() for s in services if s.cost_free}
    assert all(e.cost_free is None or e.title in stated_free for e in unconfirmed)
    assert all(not e.languages and not e.schedule for e in unconfirmed)


def public_texts(s: Session) -> list[str]:
    """Everything the public surfaces say, as JSON or view text."""
    out = [json.dumps(centri_out(opendata.centri_list(s)), ensure_ascii=False, default=str)]
    out += [
        json.dumps(centro_detail_out(opendata.centro_detail(s, c.id)), ensure_ascii=False, default=str)
        for c in s.exec(select(Centro))
    ]
    out.append(json.dumps(voci_out(opendata.voci_page(s)[0]), ensure_ascii=False, default=str))
    for qs in ("comune=001272&nascita=2025-10", "comune=001047&nascita=2023-01", "comune=003106&attesa=2027-03"):
        out.append(path_out(s, parse_query_string(qs).query, TODAY).model_dump_json())
    data = hsds.load(s)
    for org in hsds_out.organizations(data):
        out.append(hsds_out.organization_out(data, org.id, full_service=True).model_dump_json())
    out.append(json.dumps(hsds_package.rows(data), ensure_ascii=False, default=str))
    cartas = carte(s)
    for lang in ("it", "en"):
        for c in cartas:
            out.append(json.dumps(dataclasses.asdict(carta_view(c, lang)), ensure_ascii=False, default=str))
        _, sections = print_sections(cartas, lang, lambda path: "https://zerosei.example.it" + path)
        out += [json.dumps(dataclasses.asdict(x.carta), ensure_ascii=False, default=str) for x in sections]
    return out


def assert_no_research_notes(s: Session) -> None:
    found = []
    for text in public_texts(s):
        for m in RESEARCH_NOTE.finditer(text):
            found.append(text[max(0, m.start() - 80) : m.end() + 40])
    assert not found, sorted(set(found))[:8]


# ----------------------------------------------------------------------------- fresh seed


@pytest.mark.parametrize("kind", KINDS)
def test_a_fresh_seed_publishes_only_what_a_source_states(kind, tmp_path):
    url, drop = _pure_url(kind, tmp_path)
    try:
        migrate(url)
        engine = make_engine(url)
        with Session(engine) as s:
            assert seed_if_empty(s)
            s.commit()
            assert_honest(s)
            assert_no_research_notes(s)
            # Providers and places from the cleaned centre data; Caluso follows its source.
            caluso = s.exec(select(Centro).where(Centro.source_key == "caluso-cissac")).one()
            assert caluso.stato_verifica == StatoVerifica.PARZIALE
            assert "traduzione" not in caluso.name and "numero civico" not in (caluso.address or "")
            torino = s.exec(select(Centro).where(Centro.source_key == "torino-relazioni-famiglie")).one()
            assert torino.source_date is None and "circa 2023" in (torino.internal_notes or "")
            # The API answers null for what nobody stated.
            voce = voce_fields(s.exec(select(CardEntry).where(CardEntry.centro_id == torino.id)).first())
            assert voce["costo"] is None and voce["lingue"] is None and voce["quando"] is None
            assert voce["eta_min_mesi"] is None and voce["fonte"]
        engine.dispose()
    finally:
        drop()


# ----------------------------------------------------------------------------- the previous release


NAME_2025 = {c.source_key: c.name_2025 for c in CENTRI if c.name_2025}
OLD_SCHEDULE = "Su appuntamento (orari da confermare con il centro)"
OLD_ACCESS = "Contatta il centro per informazioni e prenotazioni."


def _old_release_entries(db: Session, comuni: dict[str, Comune], centri: list[Centro]) -> None:
    """What the previous release's seed wrote (kept here, as data): 14 published examples per 2025 centre,
    with the 2025 research rows' name and address (notes included) and guessed details."""
    raw = {r["nome"]: r for r in _rows("centri_famiglie_piemonte.csv")}
    for i, centro in enumerate(centri):
        row = raw.get(NAME_2025[centro.source_key], {})
        comune = comuni[centro.codice_istat]
        sourced = list(REAL_SERVICES.get(comune.name, ()))
        start = (i * 5) % len(TEMPLATES)
        rotated = itertools.islice(itertools.cycle(TEMPLATES), start, start + len(TEMPLATES))
        chosen = [(x, centro.source_url.split(" ; ")[0]) for x in sourced if centro.source_url]
        titles = {x.title for x, _ in chosen}
        chosen += [(m, None) for m in rotated if m.title not in titles][: 14 - len(chosen)]
        for x, url in chosen:
            db.add(
                CardEntry(
                    centro_id=centro.id,
                    title=x.title,
                    summary=x.summary,
                    description=x.description,
                    category=x.category,
                    topics=list(x.topics),
                    age_min_months=x.age_min if x.age_min > -9 else -3,  # the old seed guessed ages too
                    age_max_months=x.age_max,
                    provider=x.provider or row.get("nome", centro.name),
                    location=row.get("indirizzo") or "Sede da confermare con il centro",
                    location_comune=comune.codice_istat,
                    schedule=OLD_SCHEDULE,
                    cost_free=True,
                    access=OLD_ACCESS,
                    languages=["it", "en", "fr", "ar"] if "stranier" in x.summary else ["it"],
                    status=EntryStatus.PUBLISHED,
                    is_example=True,
                    source_url=url,
                )
            )


@pytest.mark.parametrize("kind", KINDS)
def test_a_database_of_the_previous_release_is_made_honest(kind, tmp_path, monkeypatch):
    url, drop = _pure_url(kind, tmp_path)
    try:
        cfg = alembic_config(url)
        migrate(url)  # today's models write the rows; the schema then goes back to the previous release's
        engine = make_engine(url)
        with monkeypatch.context() as m:
            # The previous seed: example entries before the 2026 update, and no correction step yet.
            m.setattr(seed_module, "_load_entries", lambda *a: None)
            m.setattr("zerosei_app.data.seed_update.make_entries_honest", lambda db, now: 0)
            m.setattr("zerosei_app.data.seed_update.source_date", lambda raw: raw)  # raw dates, as then
            m.setattr("zerosei_app.data.seed_update.without_remarks", lambda raw: raw)
            with Session(engine) as s:
                seed_module.seed(s)
                comuni = {c.codice_istat: c for c in s.exec(select(Comune))}
                old = [c for c in s.exec(select(Centro).order_by(Centro.id)) if c.source_key in NAME_2025]
                _old_release_entries(s, comuni, old)
                s.commit()
        with Session(engine) as s:
            examples = s.exec(select(CardEntry).where(col(CardEntry.is_example).is_(True))).all()
            assert len(examples) == 16 * 14
            # A centre confirmed one copied template (it stays, as the centre's own) …
            kept = examples[20]
            kept.is_example, kept.last_reviewed_on = False, date(2026, 11, 2)
            s.add(kept)
            # … and published one of its own before publishing dated the confirmation (it stays, dated).
            carla = StaffUser(email="carla@honest.example", name="Carla")
            s.add(carla)
            s.flush()
            own = CardEntry(
                centro_id=kept.centro_id,
                title="Merenda in biblioteca",
                summary="Il giovedì pomeriggio, per bambini e genitori.",
                category="promozione-ruolo-sociale-famiglia",
                location="Biblioteca civica",
                status=EntryStatus.PUBLISHED,
            )
            s.add(own)
            s.flush()
            s.add(
                AuditRecord(
                    entity="card_entry",
                    entity_id=own.id,
                    centro_id=own.centro_id,
                    user_id=carla.id,
                    action="publish",
                    created_at=datetime(2026, 10, 5, 9, 0, tzinfo=UTC),
                )
            )
            s.commit()
            kept_id, own_id = kept.id, own.id
        engine.dispose()
        command.downgrade(cfg, "0005")  # the previous release's head, with its data

        migrate(url)  # to head: 0007_h16a (cost may be unknown)
        engine = make_engine(url)
        with Session(engine) as s:
            report = apply_update(s, datetime(2026, 12, 6, 8, 0, tzinfo=UTC))
            s.commit()
            assert report.entries_corrected == 16 * 14 - 1 + 1
            assert s.get(CardEntry, own_id).last_reviewed_on == date(2026, 10, 5)
            assert_honest(s)
            assert_no_research_notes(s)
            assert s.get(CardEntry, kept_id).status == EntryStatus.PUBLISHED
            # History kept: every change has its audit record saying why.
            records = s.exec(select(AuditRecord).where(AuditRecord.action == "honest_content")).all()
            assert len(records) == 16 * 14 and all(r.after.get("motivo") and r.before for r in records)
            archived = s.exec(select(CardEntry).where(CardEntry.status == EntryStatus.ARCHIVED)).all()
            assert archived and all(e.title in {m.title for m in TEMPLATES} for e in archived)
            assert len(s.exec(select(CardEntry).where(CardEntry.status == EntryStatus.PUBLISHED)).all()) == 47 + 2
            # A second start changes nothing.
            assert apply_update(s, datetime(2026, 12, 6, 9, 0, tzinfo=UTC)).entries_corrected == 0
        engine.dispose()
    finally:
        drop()


# ----------------------------------------------------------------------------- the parts


def test_research_remarks_are_recognised_and_plain_values_kept():
    assert source_date("circa 2023 ('da tredici anni', aperto nel febbraio 2010)") is None
    assert source_date("2018-10; sportello ridotto: periodo Covid (anno non indicato)") == "2018-10"
    assert source_date("2025-07-16") == "2025-07-16" and source_date("2024 (festa per i 20 anni)") == "2024"
    assert source_date("INAPP (circa 2021-2022); 2023-05") is None and source_date(None) is None
    assert without_remarks("C.I.S.A. Asti Sud (responsabile: [nome omesso], 2022)") == "C.I.S.A. Asti Sud"
    for note in (
        "via Mattirolo (numero civico non indicato)",
        "Dati dalle fonti pubbliche (circa 2023 ('da tredici anni', aperto nel febbraio 2010))",
        'nome in traduzione inglese nella fonte: "Hitchhiking - A piece of road together"',
    ):
        assert looks_like_research_note(note), note
    assert not looks_like_research_note("Via Bruino 4 (vicino alla fermata Bernini della metropolitana)")


def test_old_opening_hours_say_when_they_were_given():
    from zerosei_app.domain.source_text import hours_are_old
    from zerosei_app.view.percorso_view import hours_text

    today = date(2026, 12, 6)
    assert hours_are_old("2019", today) and hours_are_old("covid", today) and hours_are_old("2021-2022", today)
    assert not hours_are_old("2026-01", today) and not hours_are_old(None, today) and not hours_are_old("2025", today)
    assert hours_are_old("2025-11", today)
    text = hours_text("Sportello informativo il mercoledì mattina", "2019", "it")
    assert text.endswith("orari indicati nel 2019: chiedi conferma")
    assert "the Covid period" in hours_text("Lun 9-12", "covid", "en")
    assert hours_text("Lun 9-12", None, "it") == "Lun 9-12"


def test_pinerolo_hours_are_dated_on_its_carta(db):
    centro = db.exec(select(Centro).where(Centro.source_key == "pinerolo-ciss")).one()
    assert centro.hours_as_of == "2019"
    (carta,) = carte(db, [centro.id])
    assert "orari indicati nel 2019: chiedi conferma" in carta_view(carta, "it").hours


def test_a_centre_with_nothing_confirmed_still_has_a_useful_carta(db):
    centro = db.exec(select(Centro).where(Centro.source_key == "leini-unione-net")).one()
    for e in db.exec(select(CardEntry).where(CardEntry.centro_id == centro.id)).all():
        e.status = EntryStatus.ARCHIVED
        db.add(e)
    db.commit()
    (carta,) = carte(db, [centro.id])
    view = carta_view(carta, "it")
    assert view.areas == [] and view.nothing_confirmed and view.staff_href == "/staff/login"
    assert view.links or view.no_contacts  # its contacts, or a plain word that there are none
    # A Carta with only sourced entries is not "confirmed" either: staff still get the way in.
    torino = db.exec(select(Centro).where(Centro.source_key == "torino-relazioni-famiglie")).one()
    for e in db.exec(select(CardEntry).where(CardEntry.centro_id == torino.id)).all():
        if e.source_url is None:
            e.status = EntryStatus.ARCHIVED
            db.add(e)
    db.commit()
    (carta,) = carte(db, [torino.id])
    view = carta_view(carta, "it")
    assert view.areas and view.nothing_confirmed and view.has_examples
