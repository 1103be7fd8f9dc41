"""The regional functions on a centre's staff pages: "Aggiungi i vostri dettagli" opens the editor with a new
entry prefilled from the function (its name and our plain explanation) and linked to it (`funzione_id`)."""

from __future__ import annotations

from zerosei_app.domain import funzioni
from zerosei_app.i18n import t


def funzioni_rows(centro_id: int, linked: dict[str, int]) -> list[list[str]]:
    """[nome, "ogni centro" | "", href to add details, href of the entry already detailing it or ""]."""
    return [
        [
            t(f"funzione.{f.id}", "it"),
            "irrinunciabile" if f.irrinunciabile else "",
            f"/staff/voce/nuova?centro={centro_id}&funzione={f.id}",
            f"/staff/voce?id={linked[f.id]}" if f.id in linked else "",
        ]
        for f in [*funzioni.irrinunciabili(), *funzioni.others()]
    ]


def prefill(form: dict[str, str], funzione_id: str) -> dict[str, str]:
    """The new entry's form with the function's name and explanation (the centre then adds its own details)."""
    return form | {"title": t(f"funzione.{funzione_id}", "it"), "summary": t(f"funzione.{funzione_id}.testo", "it")}
