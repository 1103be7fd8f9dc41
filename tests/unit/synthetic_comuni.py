"""A ~7,900-comune list (the whole of Italy) for search performance tests: real Piemonte + generated names."""

from __future__ import annotations

import random
from pathlib import Path

from zerosei_app.domain.comuni_search import ComuneRecord, load_records_from_csv

CSV_PATH = Path(__file__).resolve().parents[2] / "zerosei_app" / "data" / "comuni_piemonte.csv"
TOTAL = 7_900

_HEADS = ["", "", "", "", "San ", "Santa ", "Castel", "Monte", "Villa", "Borgo ", "Rocca ", "Torre ", "Pieve ", "Sant'"]
_SYLLABLES = [
    "ca",
    "sa",
    "lo",
    "ri",
    "ve",
    "na",
    "to",
    "mo",
    "ne",
    "ro",
    "bi",
    "gna",
    "ster",
    "val",
    "pra",
    "fe",
    "ci",
    "gli",
    "tra",
    "an",
    "del",
    "mar",
    "po",
    "zzo",
    "lu",
    "sè",
    "cò",
    "ù",
    "ghe",
    "ar",
]
_TAILS = [
    "",
    "",
    "",
    "",
    " di Sopra",
    " al Mare",
    " sul Serio",
    " d'Adda",
    " in Chianti",
    " Superiore",
    " Inferiore",
    " Marittima",
    " de' Conti",
    " Calabro",
    " Lucano",
    " nel Lazio",
    " Val d'Arda",
]


def records(total: int = TOTAL, seed: int = 7) -> list[ComuneRecord]:
    real = load_records_from_csv(CSV_PATH)
    rng = random.Random(seed)
    names = {r.name for r in real}
    out = list(real)
    while len(out) < total:
        stem = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
        name = (rng.choice(_HEADS) + stem.capitalize() + rng.choice(_TAILS)).strip()
        if name in names:
            continue
        names.add(name)
        n = len(out)
        # Codes and CAPs outside Piemonte's ranges so the real examples keep their answers.
        caps = tuple(f"{rng.randint(30000, 99999):05d}" for _ in range(rng.choice((1, 1, 1, 2))))
        out.append(ComuneRecord(f"{200000 + n:06d}", name, rng.choice(("RM", "MI", "NA", "PA", "BA")), caps))
    return out
