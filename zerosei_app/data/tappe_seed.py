"""The tappe of data/tappe_0_6_piemonte.csv into the `tappa` table (fresh and already seeded databases alike).

Only missing rows are added: a row already there is the Regione's (staff edit them in /staff/tappe), so a
second run, or a later release, never overwrites what they changed.

REWRITTEN: the few texts where the source gives an amount or a deadline that changes every year (budget
laws, click days, one school year's dates; also in two sources' titles) say instead where to find the current one; the source stays.
"""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

from sqlmodel import Session, select

from zerosei_app.models import Tappa

CSV = Path(__file__).resolve().parent / "tappe_0_6_piemonte.csv"

REWRITTEN: dict[str, dict[str, object]] = {
    "bonus_nuovi_nati": {
        "title": "Bonus nuovi nati",
        "summary": "Contributo una tantum dell'INPS per ogni figlio nato o adottato, per le famiglie sotto una soglia "
        "di ISEE minorenni. Importo, soglia e termine della domanda li fissa la legge: controllali sul sito INPS.",
        "timing": "poco dopo la nascita: la domanda va fatta entro pochi mesi (il termine esatto è sul sito INPS)",
        # The source's longest term is 120 days: after that the step no longer applies.
        "age_max_months": 4,
        "source_title": "Gazzetta del Sud – Inps, al via il bonus nuovi nati: i requisiti e come richiederlo",
    },
    "congedo_parentale": {
        "summary": "Dopo il congedo obbligatorio, mamma e papà dipendenti possono restare a casa altri mesi, con "
        "un'indennità dell'INPS. Quanti mesi sono pagati e quanto lo decide la legge: controlla sul sito INPS.",
        "timing": "fino ai 12 anni del figlio; alcuni mesi sono pagati meglio se usati nei primi anni",
    },
    "buono_vesta": {
        "summary": "Buono della Regione per ogni figlio da 0 a 6 anni, secondo l'ISEE: rimborsa spese per nido, "
        "scuola dell'infanzia, centri estivi, baby-sitting e attività. Importi e date cambiano ogni anno.",
        "timing": "domanda online nel giorno fissato ogni anno dalla Regione, fino a esaurimento dei fondi; "
        "il buono vale 12 mesi",
    },
    "iscrizione_scuola_infanzia": {
        "summary": "Si iscrive il bambino che compie 3 anni entro il 31 dicembre; chi li compie entro il 30 aprile "
        "successivo può entrare in anticipo se ci sono posti. La domanda si presenta alla scuola scelta.",
        "timing": "ogni anno tra gennaio e febbraio, nelle date fissate dal Ministero",
        "source_title": "ANCI Piemonte – Iscrizioni alla scuola dell'infanzia per l'a.s. 2026/27",
    },
    "centro_famiglie_carta_zerosei": {
        "summary": "I Centri per le famiglie del Piemonte curano ciascuno una Carta ZeroSei, con attività e servizi "
        "vicino a casa per famiglie con bimbi 0-6 anni, e aiutano a orientarsi.",
    },
}


def _int(value: str) -> int | None:
    return int(value) if value.strip() else None


def csv_tappe(now: datetime) -> list[Tappa]:
    """Every row of the CSV as a Tappa, with the rewritten texts."""
    with open(CSV, encoding="utf-8", newline="") as fh:
        rows = [{k: (v or "").strip() for k, v in r.items()} for r in csv.DictReader(fh)]
    tappe = []
    for r in rows:
        values: dict[str, object] = dict(
            id=r["tappa_id"],
            title=r["titolo"],
            summary=r["descrizione"],
            age_min_months=_int(r["eta_da_mesi"]) or 0,
            age_max_months=_int(r["eta_a_mesi"]),
            timing=r["quando"],
            who=r["chi"],
            link=r["link_ufficiale"] or None,
            scope=r["ambito"],
            source_url=r["source_url"],
            source_title=r["source_title"],
            source_date=r["source_date"] or None,
            needs_check=r["verificare"] == "si",
            updated_at=now,
        )
        values.update(REWRITTEN.get(r["tappa_id"], {}))
        tappe.append(Tappa(**values))
    return tappe


def add_missing_tappe(db: Session, now: datetime) -> list[str]:
    """Adds the CSV's tappe the database lacks; returns their ids."""
    known = set(db.exec(select(Tappa.id)).all())
    added = [t for t in csv_tappe(now) if t.id not in known]
    db.add_all(added)
    db.flush()
    return [t.id for t in added]
