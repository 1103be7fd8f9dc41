"""Load the real Piemonte data (see PROVENANCE.md beside this file) into an empty database."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

from sqlmodel import Session, func, select

from zerosei_app.commands.carta_slugs import fresh_slugs
from zerosei_app.data.seed_update import apply_update
from zerosei_app.data.sourced_entries import add_sourced_entries
from zerosei_app.domain import clock
from zerosei_app.domain.coverage import INFERRED_NOTE, ComunePoint, centro_point, compute_links
from zerosei_app.models import (
    Centro,
    Comune,
    ComuneEnteGestore,
    Copertura,
    EnteGestore,
    StatoVerifica,
)

DATA_DIR = Path(__file__).resolve().parent

# enti_gestori_comuni.csv names enti by a short sigla that differs from enti_gestori_piemonte.csv.
ENTE_SIGLA_ALIASES = {
    "CSP Novi": "CSP",
    "CISA (area Gassino-San Mauro)": "CISA",
}

# Which ente gestore runs each centre (keyed by the centre's comune; from the centres' sources).
CENTRO_ENTE = {
    "Torino": "Comune di Torino",
    "Cuneo": "CSAC",
    "Alba": "Consorzio Socio Assistenziale Alba Langhe Roero",
    "Alessandria": "CISSACA",
    "Tortona": "CISA Tortona",
    "Novi Ligure": "CSP",
    "Asti": "Comune di Asti",
    "Canelli": "CISA Asti Sud",
    "Novara": "Comune di Novara",
    "Biella": "IRIS",
    "Rivarolo Canavese": "CISS 38",
    "Caluso": "CISSAC",
    "Volpiano": "Unione NET",
    "Settimo Torinese": "Unione NET",
    "San Benigno Canavese": "Unione NET",
    "Verbania": "CSS Verbano",
}


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def _float(v: str) -> float | None:
    return float(v) if v else None


def status_from_source(label: str) -> StatoVerifica:
    """Map the source's free-text label to a status, never upgrading an uncertain one."""
    low = label.lower()
    if low.startswith("incerto") or "non confermato" in low and "centro regionale" in low:
        return StatoVerifica.INCERTO
    if low.startswith("solo nome"):
        return StatoVerifica.SOLO_NOME
    if low == "verificato":
        return StatoVerifica.VERIFICATO
    if low.startswith("verificato"):
        return StatoVerifica.PARZIALE
    return StatoVerifica.INCERTO


def _load_comuni(db: Session) -> dict[str, Comune]:
    comuni = {}
    for r in _rows("comuni_piemonte.csv"):
        c = Comune(
            codice_istat=r["codice_istat"],
            name=r["nome"],
            name_other_language=r["nome_altra_lingua"] or None,
            sigla_provincia=r["sigla_provincia"],
            codice_catastale=r["codice_catastale"] or None,
            cap=[x for x in r["cap"].split("|") if x],
            population=int(r["popolazione_censimento_2011"]) if r["popolazione_censimento_2011"] else None,
            lat=_float(r["lat"]),
            lon=_float(r["lon"]),
            coordinates_source=r["fonte_coordinate"] or None,
        )
        db.add(c)
        comuni[c.codice_istat] = c
    return comuni


def _load_enti(db: Session) -> dict[str, EnteGestore]:
    """Returns enti keyed by sigla (or by name when the source gives no sigla)."""
    enti = {}
    for r in _rows("enti_gestori_piemonte.csv"):
        e = EnteGestore(
            name=r["ente_gestore"],
            short_name=r["sigla"] or None,
            seat=r["sede_o_area"] or None,
            sigla_provincia=r["sigla_provincia"] or None,
            comuni_declared=r["n_comuni_dichiarati"] or None,
            source_url=r["fonte_url"] or None,
            source_date=r["data_fonte"] or None,
            notes=r["note"] or None,
        )
        db.add(e)
        enti[e.short_name or e.name] = e
    db.flush()
    return enti


def _load_comune_enti(db: Session, enti: dict[str, EnteGestore]) -> dict[str, int]:
    ente_of = {}
    for r in _rows("enti_gestori_comuni.csv"):
        ente = enti[ENTE_SIGLA_ALIASES.get(r["sigla"], r["sigla"])]
        db.add(
            ComuneEnteGestore(
                codice_istat=r["codice_istat"],
                ente_gestore_id=ente.id,
                name_as_cited=r["nome_nella_fonte"] or None,
                source_url=r["fonte_url"] or None,
                reference_date=r["data_riferimento"] or None,
                notes=r["note"] or None,
            )
        )
        ente_of[r["codice_istat"]] = ente.id
    return ente_of


def _load_centri(db: Session, comuni: dict[str, Comune], enti: dict[str, EnteGestore]) -> list[Centro]:
    by_name = {c.name: c for c in comuni.values()}
    centri = []
    for r in _rows("centri_famiglie_piemonte.csv"):
        comune = by_name[r["comune"]]
        ente = enti.get(CENTRO_ENTE.get(r["comune"], ""))
        centro = Centro(
            name=r["nome"],
            codice_istat=comune.codice_istat,
            address=r["indirizzo"] or None,
            phone=r["telefono"] or None,
            email=r["email"] or None,
            hours=r["orari"] or None,
            ente_gestore_id=ente.id if ente else None,
            ente_as_cited=r["ente_titolare_o_gestore"] or None,
            territory_as_cited=r["territorio_servito"] or None,
            services_cited=r["servizi_citati_nella_fonte"] or None,
            source_url=r["fonte_url"] or None,
            source_date=r["data_fonte"] or None,
            stato_verifica=status_from_source(r["stato_verifica"]),
            verification_note=r["stato_verifica"] or None,
        )
        db.add(centro)
        centri.append(centro)
    db.flush()
    return centri


def _load_coverage(db: Session, comuni: dict[str, Comune], centri: list[Centro], ente_of: dict[str, int]) -> None:
    points = [
        ComunePoint(c.codice_istat, c.sigla_provincia, c.lat, c.lon, ente_of.get(c.codice_istat))
        for c in comuni.values()
    ]
    centres = [centro_point(c, comuni[c.codice_istat].sigla_provincia) for c in centri]
    for link in compute_links(points, centres):
        note = INFERRED_NOTE if link.origine == "inferito" else None
        db.add(
            Copertura(
                centro_id=link.centro_id,
                codice_istat=link.codice_istat,
                origine=link.origine,
                distance_km=link.distance_km,
                note=note,
            )
        )


def _load_entries(db: Session, comuni: dict[str, Comune], centri: list[Centro]) -> None:
    for centro in centri:
        add_sourced_entries(db, centro, comuni[centro.codice_istat])


def is_empty(db: Session) -> bool:
    return db.exec(select(func.count()).select_from(Comune)).one() == 0


def seed(db: Session, now: datetime | None = None) -> None:
    """The 2025 files, then the 2026-11-29 update (the same code brings an older database up to date)."""
    comuni = _load_comuni(db)
    db.flush()
    enti = _load_enti(db)
    ente_of = _load_comune_enti(db, enti)
    centri = _load_centri(db, comuni, enti)
    _load_coverage(db, comuni, centri, ente_of)
    db.flush()
    apply_update(db, now or clock.now(), log=False)  # cleans the centres, adds the new ones (with entries)
    _load_entries(db, comuni, centri)  # after the cleaning: provider and place from the clean data
    db.flush()
    fresh_slugs(db)


def seed_if_empty(db: Session) -> bool:
    """Idempotent: seeds (in one transaction) only a database with no comuni."""
    if not is_empty(db):
        return False
    seed(db)
    db.commit()
    return True
