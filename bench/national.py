"""A national-scale database for the benchmark: 7,900 comuni, 600 centres, 50,000 entries.

The real Piemonte seed plus generated comuni (names from tests/unit/synthetic_comuni.py),
centres spread over them, coverage by the project's own rule, and entries cycled from the
seed's services with random age ranges.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from sqlalchemy import insert
from sqlmodel import Session, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.unit.synthetic_comuni import records  # noqa: E402
from zerosei_app.data.seed import seed  # noqa: E402
from zerosei_app.domain.clock import now as utcnow  # noqa: E402
from zerosei_app.domain.coverage import CentroPoint, ComunePoint, compute_links  # noqa: E402
from zerosei_app.domain.templates import TEMPLATES  # noqa: E402
from zerosei_app.models import CardEntry, Centro, Comune, Copertura  # noqa: E402

COMUNI, CENTRI, ENTRIES = 7_900, 600, 50_000


def build_national(db: Session, rng: random.Random | None = None) -> None:
    rng = rng or random.Random(42)
    seed(db)
    db.flush()
    real = {c.codice_istat for c in db.exec(select(Comune)).all()}
    new_comuni = []
    for r in records(COMUNI):
        if r.codice_istat in real:
            continue
        new_comuni.append(
            dict(
                codice_istat=r.codice_istat,
                name=r.name,
                sigla_provincia=r.provincia,
                cap=list(r.cap),
                lat=rng.uniform(37.0, 46.5),
                lon=rng.uniform(7.0, 18.0),
            )
        )
    db.execute(insert(Comune), new_comuni)

    existing = db.exec(select(Centro)).all()
    hosts = rng.sample(new_comuni, CENTRI - len(existing))
    now = utcnow()
    db.execute(
        insert(Centro),
        [
            dict(
                name=f"Centro per le famiglie di {h['name']}",
                codice_istat=h["codice_istat"],
                address="via Roma 1",
                phone="011 000000",
                stato_verifica="verificato",
                is_active=True,
                created_at=now,
                updated_at=now,
                version=1,
            )
            for h in hosts
        ],
    )
    centri = db.exec(select(Centro)).all()
    comuni = db.exec(select(Comune)).all()
    prov = {c.codice_istat: c.sigla_provincia for c in comuni}
    db.execute(Copertura.__table__.delete())
    links = compute_links(
        [ComunePoint(c.codice_istat, c.sigla_provincia, c.lat, c.lon) for c in comuni],
        [CentroPoint(c.id, c.codice_istat, prov[c.codice_istat], None, None, c.ente_gestore_id, True) for c in centri],
    )
    db.execute(
        insert(Copertura),
        [
            dict(centro_id=k.centro_id, codice_istat=k.codice_istat, origine=k.origine, distance_km=k.distance_km)
            for k in links
        ],
    )
    have = len(db.exec(select(CardEntry.id)).all())
    rows = []
    for i in range(ENTRIES - have):
        s = TEMPLATES[i % len(TEMPLATES)]
        lo = rng.randint(-9, 66)
        rows.append(
            dict(
                centro_id=centri[i % len(centri)].id,
                title=s.title,
                summary=s.summary,
                description=s.description,
                category=s.category,
                topics=list(s.topics),
                age_min_months=lo,
                age_max_months=min(72, lo + rng.randint(3, 36)),
                provider="",
                location="via Roma 1",
                schedule=s.schedule,
                cost_free=True,
                cost_note="",
                access=s.access,
                contact_phone="",
                contact_email="",
                contact_url="",
                languages=["it"],
                status="published",
                is_example=False,
                last_reviewed_on=now.date(),  # synthetic Cartas the centres confirmed: public under issue 16
                online=False,
                created_at=now,
                updated_at=now,
                version=1,
            )
        )
    db.execute(insert(CardEntry), rows)
    db.commit()
