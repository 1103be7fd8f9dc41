"""Test data: every centre has confirmed a Carta, as staff would after issue 16.

The seed no longer invents entries (typical services are staff-only modelli), so a fresh database has
only the 47 sourced ones. Most tests need paths full of services: the shared test template adds, for
each centre, published entries started from the modelli and confirmed by the centre (dated, never
examples; no audit record, as data loaded beside the seed). Tests of the seed itself (tests/db/test_honest_content.py)
use a database without them.
"""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime

from sqlmodel import Session, select

from zerosei_app.domain.templates import TEMPLATES, template_values
from zerosei_app.domain.vocabulary import EntryStatus
from zerosei_app.models import CardEntry, Centro

CONFIRMED_ON = date(2026, 11, 20)
PER_CENTRE = 14


def confirm_templates(db: Session) -> int:
    """Adds confirmed entries (from the modelli, rotated per centre so centres differ); returns how many."""
    added = 0
    now = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    for i, centro in enumerate(db.exec(select(Centro).order_by(Centro.id)).all()):
        have = {e.title for e in db.exec(select(CardEntry).where(CardEntry.centro_id == centro.id)).all()}
        start = (i * 5) % len(TEMPLATES)
        for index in itertools.islice(itertools.cycle(range(len(TEMPLATES))), start, start + len(TEMPLATES)):
            if len(have) >= PER_CENTRE:
                break
            values = template_values(index)
            if values["title"] in have:
                continue
            have.add(values["title"])
            entry = CardEntry(
                centro_id=centro.id,
                **values,
                provider=centro.name,
                location=centro.address or "Sede del centro",
                location_comune=centro.codice_istat,
                contact_phone=centro.phone or "",
                contact_email=centro.email or "",
                status=EntryStatus.PUBLISHED,
                last_reviewed_on=CONFIRMED_ON,
                created_at=now,
                updated_at=now,
            )
            db.add(entry)
            added += 1
    db.flush()
    return added


def prepare_with_confirmed_cartas(url: str) -> None:
    """A database as every test's own: migrated and seeded (zerosei_app.prestart.prepare), then the
    Cartas above. For tests that build one on a server of their own (PostgreSQL in the e2e tests)."""
    from zerosei_app.db import make_engine
    from zerosei_app.prestart import prepare

    prepare(url)
    engine = make_engine(url)
    with Session(engine) as db:
        confirm_templates(db)
        db.commit()
    engine.dispose()
