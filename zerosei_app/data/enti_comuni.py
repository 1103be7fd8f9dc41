"""The research of 2026-12-06 (PROVENANCE.md §7): which ente gestore serves 301 more comuni.

- Enti are found by the research's `ente_key`: the `sigla` of enti_gestori_piemonte.csv, or a slug.
  9 slugs name consortia already loaded from IndicePA (data/seed_update.py), 2 name enti of the 2025
  list that have no sigla; the others become new enti (enti_gestori_nuovi_2026-12-06.csv).
- `alta` and `media` rows are facts (ComuneEnteGestore, with source and confidence): the first such
  row of a comune (the file lists the strongest first). A comune that already has its ente (the
  2025 list, or set by the Regione) keeps it.
- `bassa` rows are leads (ComuneEnteGestoreProposta) for the Regione to confirm, never facts.
- The 5 phone numbers go to their enti with their source, unless staff edited the ente's contacts
  or it already has a phone.
- A row a person set, corrected or removed (an audit record `comune_ente_gestore` by a user) is never
  written again. Idempotent: a second run changes nothing.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, col, select

from zerosei_app.commands.enti_comuni import ENTITY, REJECT
from zerosei_app.domain.vocabulary import Confidenza
from zerosei_app.models import AuditRecord, ComuneEnteGestore, ComuneEnteGestoreProposta, EnteGestore

DATA_DIR = Path(__file__).resolve().parent
COMUNI_CSV = "enti_gestori_comuni_2026-12-06.csv"
NUOVI_CSV = "enti_gestori_nuovi_2026-12-06.csv"
TELEFONI_CSV = "telefoni_enti_gestori_2026-12-06.csv"

# ente_key → the sigla (or, without one, the name) of the ente already in the database.
KNOWN_AS = {
    "alba-langhe-roero": "Consorzio Socio Assistenziale Alba Langhe Roero",
    "bra-ambito-braidese": "Gestione Intercomunale Servizi Sociali Ambito di Bra",
    "cisas-santhia": "CISAS Santhià",
    "cidis-orbassano": "CIDIS Orbassano",
    "cisa-rivoli": "CISA Rivoli",
    "cis-cirie": "CIS Ciriè",
    "ciss-cusio": "CISS Cusio",
    "cissa-pianezza": "CISSA Pianezza",
    "casa-gattinara": "Consorzio CASA",
    "cogesa-asti": "CO.GE.SA.",
    "css-ovadese": "CSS Ovadese",
}
# Short names for the new enti (the file gives the full name only).
SIGLE_NUOVE = {
    "cisap": "CISAP",
    "cssac-chieri": "CSSAC Chieri",
    "asca-acqui": "ASCA Acqui",
    "asl-al-casale": "Servizi sociali del Casalese",
    "unione-montana-valsesia": "Unione Montana Valsesia",
    "comune-vercelli": "Comune di Vercelli",
    "unione-montana-valle-varaita": "Unione Montana Valle Varaita",
}
_SITE = re.compile(r"^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$")


@dataclass
class EntiComuniReport:
    enti_created: int = 0
    links: int = 0
    proposte: int = 0
    phones: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.enti_created or self.links or self.proposte or self.phones)


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def _cut(text: str | None, n: int) -> str | None:
    if not text:
        return None
    return text if len(text) <= n else text[: n - 1] + "…"


def _site(text: str) -> str | None:
    """ "www.cisap.to.it" or "www.ciscirie.it (IndicePA)" → the domain; "non trovato" → None."""
    first = text.split(" ")[0].lower() if text else ""
    return first if _SITE.match(first) else None


def _enti_by_key(db: Session, report: EntiComuniReport) -> dict[str, EnteGestore]:
    enti = list(db.exec(select(EnteGestore)).all())
    by_source_key = {e.source_key: e for e in enti if e.source_key}
    by_label = {e.short_name or e.name: e for e in enti} | {e.name: e for e in enti}
    keys = {r["ente_key"] for r in _rows(COMUNI_CSV)} | {r["ente_key"] for r in _rows(TELEFONI_CSV)}
    nuovi = {r["ente_key"]: r for r in _rows(NUOVI_CSV)}
    found: dict[str, EnteGestore] = {}
    for key in sorted(keys | set(nuovi)):
        ente = by_source_key.get(key) or by_label.get(KNOWN_AS.get(key, key))
        if ente is None and key in nuovi:  # created by an earlier run whose key was lost (a downgrade)?
            ente = by_label.get(_cut(nuovi[key]["nome"], 250) or "")
        if ente is None and key in nuovi:
            r = nuovi[key]
            ente = EnteGestore(
                name=_cut(r["nome"], 250),
                short_name=SIGLE_NUOVE.get(key),
                seat=_cut(r["sede_comune"], 250),
                comuni_declared=_cut(r["n_comuni_dichiarati"], 60),
                source_url=_cut(r["fonte"], 1000),
                source_date="2026-12-06 (ricerca)",
                notes=_cut("; ".join(x for x in (r["tipo"], r["note"]) if x), 1000),
                website=_site(r["sito"]),
                contacts_source=_cut(r["fonte"], 500) if _site(r["sito"]) else None,
            )
            report.enti_created += 1
        if ente is None:
            continue
        if ente.source_key is None and key not in by_source_key:
            ente.source_key = key
        db.add(ente)
        found[key] = ente
    db.flush()
    return found


def _touched_by_people(db: Session) -> set[str]:
    ids = db.exec(
        select(AuditRecord.entity_id).where(
            AuditRecord.entity == ENTITY, AuditRecord.action != REJECT, col(AuditRecord.user_id).is_not(None)
        )
    ).all()
    return {f"{i:06d}" for i in ids if i is not None}


def _links(db: Session, enti: dict[str, EnteGestore], report: EntiComuniReport) -> None:
    have = set(db.exec(select(ComuneEnteGestore.codice_istat)).all())
    touched = _touched_by_people(db)
    leads = {(p.codice_istat, p.ente_gestore_id) for p in db.exec(select(ComuneEnteGestoreProposta)).all()}
    rows = _rows(COMUNI_CSV)
    facts = {}
    for r in rows:
        if r["confidence"] in (Confidenza.ALTA, Confidenza.MEDIA) and r["ente_key"] in enti:
            facts.setdefault(r["codice_istat"], r)
    for codice, r in facts.items():
        if codice in have or codice in touched:
            continue
        db.add(
            ComuneEnteGestore(
                codice_istat=codice,
                ente_gestore_id=enti[r["ente_key"]].id,
                name_as_cited=_cut(r["ente_gestore"], 200),
                source_url=_cut(r["source_url"], 1000),
                source_title=_cut(r["source_title"], 500),
                reference_date=_cut(r["source_date"], 200),
                evidence=_cut(r["evidence"], 1000),
                confidenza=r["confidence"],
            )
        )
        have.add(codice)
        report.links += 1
    for r in rows:
        ente = enti.get(r["ente_key"])
        codice = r["codice_istat"]
        if r["confidence"] != Confidenza.BASSA or ente is None or codice in facts or codice in have:
            continue
        if (codice, ente.id) in leads or codice in touched:
            continue
        db.add(
            ComuneEnteGestoreProposta(
                codice_istat=codice,
                ente_gestore_id=ente.id,
                name_as_cited=_cut(r["ente_gestore"], 300),
                source_url=_cut(r["source_url"], 1000),
                source_title=_cut(r["source_title"], 500),
                source_date=_cut(r["source_date"], 200),
                evidence=_cut(r["evidence"], 1000),
                confidenza=Confidenza.BASSA,
            )
        )
        leads.add((codice, ente.id))
        report.proposte += 1


def _phones(db: Session, enti: dict[str, EnteGestore], report: EntiComuniReport) -> None:
    for r in _rows(TELEFONI_CSV):
        ente = enti.get(r["ente_key"])
        if ente is None or ente.contacts_edited_at is not None or ente.phone:
            continue
        ente.phone = _cut(r["telefono"], 80)
        ente.phone_source = _cut(f"{r['ufficio']} — {r['source_url']} ({r['source_date']})", 500)
        db.add(ente)
        report.phones += 1


def apply_enti_comuni(db: Session) -> EntiComuniReport:
    """Load the 2026-12-06 research into any seeded database; the caller commits."""
    report = EntiComuniReport()
    enti = _enti_by_key(db, report)
    _links(db, enti, report)
    _phones(db, enti, report)
    db.flush()
    return report
