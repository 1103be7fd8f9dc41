"""The entries a centre's public sources name (data/seed_entries.py): written by the seed and by its update."""

from __future__ import annotations

from sqlmodel import Session

from zerosei_app.data.seed_entries import REAL_SERVICES
from zerosei_app.domain.templates import SeedService
from zerosei_app.models import CardEntry, Centro, Comune, EntryStatus


def sourced_entry(centro: Centro, s: SeedService, source_url: str | None) -> CardEntry:
    """A voce a public source names: only what the source states; provider and place from the cleaned centre."""
    return CardEntry(
        centro_id=centro.id,
        title=s.title,
        summary=s.summary,
        description=s.description,
        category=s.category,
        topics=list(s.topics),
        age_min_months=s.age_min,
        age_max_months=s.age_max,
        provider=s.provider or centro.name,
        location=s.provider if s.at_partner else (centro.address or ""),  # elsewhere: at the named partner
        location_comune=centro.codice_istat,
        schedule=s.schedule,
        cost_free=s.cost_free,
        cost_note=s.cost_note,
        access=s.access,
        contact_phone=centro.phone or "",
        contact_email=centro.email or "",
        languages=list(s.languages),
        status=EntryStatus.PUBLISHED,
        is_example=False,
        source_url=source_url,
    )


def first_source_url(centro: Centro) -> str | None:
    return (centro.source_url or "").split(" ; ")[0].strip() or None


def add_sourced_entries(db: Session, centro: Centro, comune: Comune) -> None:
    """The services the centre's public sources name (none for most centres: their Carta starts empty)."""
    url = first_source_url(centro)
    if url is None:
        return
    for s in REAL_SERVICES.get(comune.name, ()):
        db.add(sourced_entry(centro, s, url))
