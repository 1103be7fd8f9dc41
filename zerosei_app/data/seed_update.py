"""The data of 2026-11-29 (PROVENANCE.md §5), applied to a new database and to one already seeded.

- Official contacts (IndicePA) of every comune and ente gestore, plus the 9 consortia IPA lists
  that the 2025 files missed. Contacts staff have edited (`contacts_edited_at` set) stay.
- The centres of data/centri_curati.py: new ones are created (with example entries, as the seed
  gives every centre); known ones get the cleaned name and address and the newer details, unless
  staff have changed the centre (any audit record by a person), in which case only the staff-only
  research notes are filled in when empty.
- Which ente gestore serves each comune, from the research of 2026-12-06 (data/enti_comuni.py).
- Entries an earlier seed invented (data/honest_entries.py): copied modelli archived, sourced ones
  reduced to what their source states; entries staff changed stay.
- The coverage rule (domain/coverage.py) is applied again (commands/coverage_update.py).

Idempotent: a second run changes nothing.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlmodel import Session, col, select

from zerosei_app.commands.coverage_update import reapply_rule
from zerosei_app.data.centri_curati import CENTRI, ENTI_EXTRA_SIGLE, RICERCA, CuratedCentro
from zerosei_app.data.enti_comuni import EntiComuniReport, apply_enti_comuni
from zerosei_app.data.honest_entries import make_entries_honest
from zerosei_app.data.sourced_entries import add_sourced_entries
from zerosei_app.data.tappe_seed import add_missing_tappe
from zerosei_app.domain.source_text import source_date, without_remarks
from zerosei_app.models import AuditRecord, Centro, Comune, EnteGestore

DATA_DIR = Path(__file__).resolve().parent
CENTRI_2025 = "centri_famiglie_piemonte.csv"
PEC_HINTS = ("pec", "cert", "legalmail", "postacert")


@dataclass
class UpdateReport:
    comuni_contacts: int = 0
    enti_created: list[str] = field(default_factory=list)
    enti_contacts: int = 0
    centri_created: list[str] = field(default_factory=list)
    centri_updated: list[str] = field(default_factory=list)
    coperture: int = 0
    tappe_created: list[str] = field(default_factory=list)
    enti_comuni: EntiComuniReport = field(default_factory=EntiComuniReport)
    entries_corrected: int = 0  # examples of an earlier seed archived or reduced to what their source states

    @property
    def changed(self) -> bool:
        return bool(
            self.comuni_contacts
            or self.enti_created
            or self.enti_contacts
            or self.centri_created
            or self.centri_updated
            or self.coperture
            or self.tappe_created
            or self.enti_comuni.changed
            or self.entries_corrected
        )


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def _cut(text: str | None, n: int) -> str | None:
    if not text:
        return None
    return text if len(text) <= n else text[: n - 1] + "…"


def _split_mail(email: str, pec: str) -> tuple[str | None, str | None]:
    """IPA sometimes lists two addresses in one field, or a certified one as an ordinary one."""
    ordinary = [a.strip() for a in email.split(";") if a.strip()]
    certified = [a.strip() for a in pec.split(";") if a.strip()]
    for address in list(ordinary):
        if any(h in address.split("@")[-1].lower() for h in PEC_HINTS) and len(ordinary) > 1:
            ordinary.remove(address)
            certified.append(address)
    return (ordinary[0] if ordinary else None), (certified[0] if certified else None)


def _contact_values(r: dict[str, str]) -> dict[str, str | None]:
    email, pec = _split_mail(r.get("email", ""), r.get("pec", ""))
    return {
        "website": r.get("sito") or None,
        "email": email,
        "pec": pec,
        "phone": r.get("telefono") or None,
        "office_address": _cut(r.get("indirizzo"), 300),
        "codice_ipa": r.get("codice_ipa") or None,
        "contacts_source": _cut(r.get("fonte"), 500),
        "contacts_source_date": _cut(r.get("data_fonte"), 300),
        "contacts_notes": _cut(r.get("note"), 1000),
    }


def _apply(obj, values: dict) -> bool:
    changed = False
    for k, v in values.items():
        if getattr(obj, k) != v:
            setattr(obj, k, v)
            changed = True
    return changed


def _comuni_contacts(db: Session, report: UpdateReport) -> None:
    comuni = {c.codice_istat: c for c in db.exec(select(Comune)).all()}
    for r in _rows("contatti_comuni_ipa.csv"):
        comune = comuni.get(r["codice_istat"])
        if comune is None or comune.contacts_edited_at is not None:
            continue
        if _apply(comune, _contact_values(r)):
            db.add(comune)
            report.comuni_contacts += 1


def _enti(db: Session, report: UpdateReport) -> dict[str, EnteGestore]:
    enti = list(db.exec(select(EnteGestore)).all())
    by_name = {e.name: e for e in enti}
    for r in _rows("contatti_enti_gestori_extra_ipa.csv"):
        short_name = ENTI_EXTRA_SIGLE.get(r["codice_ipa"])
        name = " ".join(r["nome"].split())
        if name in by_name or short_name is None:
            continue
        ente = EnteGestore(
            name=name,
            short_name=short_name,
            seat=r["indirizzo"].rsplit("(", 1)[-1].rstrip(")") or None,
            sigla_provincia=None,
            source_url=_cut(r["fonte"], 1000),
            source_date=_cut(r["data_fonte"], 120),
            notes="Consorzio socio-assistenziale trovato in IndicePA, assente dall'elenco degli enti del 2025",
        )
        db.add(ente)
        by_name[name] = ente
        report.enti_created.append(name)
    db.flush()
    rows = [(r["nome_ente"], r) for r in _rows("contatti_enti_gestori_ipa.csv")]
    rows += [(" ".join(r["nome"].split()), r) for r in _rows("contatti_enti_gestori_extra_ipa.csv")]
    for name, r in rows:
        ente = by_name.get(name)
        if ente is None or ente.contacts_edited_at is not None:
            continue
        values = _contact_values(r)
        if not r.get("codice_ipa"):  # not found in IPA: say so to staff, keep no contact
            values["contacts_notes"] = _cut(r.get("note"), 1000)
        if ente.phone_source:  # a phone from another source (data/enti_comuni.py): IPA has none
            values.pop("phone")
        if _apply(ente, values):
            db.add(ente)
            report.enti_contacts += 1
    db.flush()
    return {e.short_name or e.name: e for e in by_name.values()}


def staff_changed(db: Session, centro_id: int) -> bool:
    """Has a person (not a data load) ever changed this centre?"""
    return (
        db.exec(
            select(AuditRecord.id).where(
                AuditRecord.entity == "centro",
                AuditRecord.entity_id == centro_id,
                col(AuditRecord.user_id).is_not(None),
            )
        ).first()
        is not None
    )


_LABELS = {
    "nome": "nome nella fonte",
    "comune": "comune nella fonte",
    "indirizzo": "indirizzo nella fonte",
    "telefono": "telefono nella fonte",
    "email": "e-mail nella fonte",
    "sito": "sito nella fonte",
    "orari": "orari nella fonte",
    "ente_gestore": "ente gestore nella fonte",
    "ente_titolare_o_gestore": "ente gestore nella fonte",
    "comuni_serviti": "comuni serviti",
    "territorio_servito": "territorio servito",
    "stato_verifica": "stato di verifica nella fonte",
    "data_fonte": "data della fonte",
    "note": "note della ricerca",
}


def research_notes(c: CuratedCentro, old: dict[str, str] | None, new: dict[str, str] | None) -> str | None:
    """What the sources say beyond the clean fields, word for word, for staff only."""
    shown = {
        "nome": c.name,
        "indirizzo": c.address or "",
        "telefono": c.phone or "",
        "email": c.email or "",
        "sito": c.website or "",
        "orari": c.hours or "",
    }
    parts = []
    for title, row in (("Ricerca 2026-11-29", new), ("Elenco 2025", old)):
        if not row:
            continue
        lines = [
            f"{_LABELS[k]}: {row[k]}"
            for k in _LABELS
            if row.get(k) and row[k] != shown.get(k) and not (k == "comune" and row[k] == "")
        ]
        if lines:
            parts.append(f"{title} — " + "; ".join(lines))
    return _cut("\n".join(parts), 4000)


def _centro_values(c: CuratedCentro, enti: dict[str, EnteGestore], old, new) -> dict:
    src = new or old or {}
    ente = enti.get(c.ente) if c.ente else None
    return {
        "name": c.name,
        "codice_istat": c.codice_istat,
        "address": c.address,
        "phone": c.phone,
        "email": c.email,
        "website": c.website,
        "hours": c.hours,
        "hours_as_of": c.hours_as_of,
        "ente_gestore_id": ente.id if ente else None,
        # Shown to parents when the centre has no registered ente: the clean text, never the source's notes.
        # Only plain values reach parents and the API; the sources' remarks are in internal_notes (issue 16).
        "ente_as_cited": c.ente_text
        or _cut(without_remarks(src.get("ente_gestore") or src.get("ente_titolare_o_gestore")), 300),
        "territory_as_cited": _cut(src.get("comuni_serviti") or src.get("territorio_servito"), 300),
        "source_url": _cut(src.get("fonte") or src.get("fonte_url"), 1000),
        "source_date": source_date(src.get("data_fonte")),
        "stato_verifica": c.status,
        "verification_note": None,
        "internal_notes": research_notes(c, old, new),
        "source_key": c.source_key,
    }


def _centri(db: Session, report: UpdateReport, enti: dict[str, EnteGestore], now: datetime) -> None:
    old_rows = {r["nome"]: r for r in _rows(CENTRI_2025)}
    new_rows = {r["nome"]: r for r in _rows(RICERCA)}
    centri = list(db.exec(select(Centro)).all())
    comuni = {c.codice_istat: c for c in db.exec(select(Comune)).all()}
    by_key = {c.source_key: c for c in centri if c.source_key}
    old_code = {r["nome"]: next((k for k, m in comuni.items() if m.name == r["comune"]), "") for r in old_rows.values()}
    for c in CENTRI:
        old = old_rows.get(c.name_2025) if c.name_2025 else None
        new = new_rows.get(c.name_research) if c.name_research else None
        values = _centro_values(c, enti, old, new)
        centro = by_key.get(c.source_key)
        if centro is None and old is not None:
            centro = next(
                (
                    x
                    for x in centri
                    if x.source_key is None and x.name == c.name_2025 and x.codice_istat == old_code[c.name_2025]
                ),
                None,
            )
        if centro is None:
            comune = comuni[c.codice_istat]
            centro = Centro(**values, lat=comune.lat, lon=comune.lon, created_at=now, updated_at=now)
            db.add(centro)
            db.flush()
            add_sourced_entries(db, centro, comune)
            report.centri_created.append(c.name)
            continue
        if staff_changed(db, centro.id):
            values = {"source_key": c.source_key} | (
                {"internal_notes": values["internal_notes"]} if not centro.internal_notes else {}
            )
        if _apply(centro, values):
            lat_lon = comuni[centro.codice_istat]
            if (centro.lat, centro.lon) != (lat_lon.lat, lat_lon.lon) and "codice_istat" in values:
                centro.lat, centro.lon = lat_lon.lat, lat_lon.lon
            db.add(centro)
            report.centri_updated.append(c.name)
    db.flush()


def apply_update(db: Session, now: datetime, log: bool = True) -> UpdateReport:
    """Bring any seeded database to the 2026-11-29 and 2026-12-06 data; the caller commits."""
    report = UpdateReport()
    _comuni_contacts(db, report)
    enti = _enti(db, report)
    _centri(db, report, enti, now)
    report.enti_comuni = apply_enti_comuni(db)
    report.entries_corrected = make_entries_honest(db, now)
    report.coperture = reapply_rule(db, now, log=log)
    report.tappe_created = add_missing_tappe(db, now)
    return report
