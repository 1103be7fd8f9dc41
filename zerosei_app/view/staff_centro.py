"""The centre's page for staff in words: the form's values and what opening or closing did (no Reflex)."""

from __future__ import annotations

from zerosei_app.domain import languages
from zerosei_app.models import Centro
from zerosei_app.view.staff_messages import who


def centro_form(centro: Centro) -> dict[str, str]:
    """The stored values as the form's inputs show them (empty text for what is not set)."""
    return {
        "name": centro.name,
        "codice_istat": centro.codice_istat,
        "address": centro.address or "",
        "hours": centro.hours or "",
        "phone": centro.phone or "",
        "email": centro.email or "",
        "website": centro.website or "",
        "ente_gestore_id": str(centro.ente_gestore_id or ""),
        "stato_verifica": centro.stato_verifica,
        "internal_notes": centro.internal_notes or "",
        **languages.to_form(centro.mediation_languages, languages.MEDIATION_PREFIX, languages.MEDIATION_OTHER_FIELD),
    }


def conflict_message(by: str | None) -> str:
    return (
        f"Non salvato: {who(by)} ha modificato il centro nel frattempo. Il tuo testo è ancora nel modulo; "
        "ricarica la pagina per vedere la versione salvata."
    )


def open_message(opened: bool, relinked: list[str]) -> str:
    """Reopened, or closed (and how many comuni went to the nearest open centre)."""
    if opened:
        return "Centro riaperto: le famiglie lo vedono di nuovo. Controlla i comuni che serve."
    return "Centro chiuso: le famiglie non lo vedono più, le sue voci restano salvate." + (
        f" {len(relinked)} comuni sono stati collegati al centro aperto più vicino." if relinked else ""
    )


CONTACTS_CONFIRMED = "Recapiti confermati oggi: le famiglie li vedono come verificati dal centro."
