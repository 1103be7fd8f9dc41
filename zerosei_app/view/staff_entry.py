"""The staff entry editor in words: history rows, error summary, conflict table, preview, messages (no Reflex)."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any

from zerosei_app.domain.clock import day, hhmm, when
from zerosei_app.domain.entry_form import FIELDS, LABELS, entry_to_form, same_content
from zerosei_app.domain.languages import names as language_names
from zerosei_app.domain.staff_labels import STATUS_LABELS, category_label, topic_label
from zerosei_app.domain.templates import TEMPLATES, template_values
from zerosei_app.models import AuditRecord, CardEntry, Centro, Comune
from zerosei_app.queries import audit
from zerosei_app.schemas.percorso import VoceOut
from zerosei_app.view.percorso_out import voce_fields
from zerosei_app.view.percorso_view import EntryView, entry_view
from zerosei_app.view.staff_messages import who
from zerosei_app.view.wording import staff_age_words, staff_count

EMPTY_PREVIEW = EntryView(uid="anteprima", id=0, centro_id=0, title="", summary="", description="")

AUDIT_ACTIONS = {
    "create": "Creata",
    "update": "Modificata",
    "publish": "Pubblicata",
    "unpublish": "Ritirata (bozza)",
    "archive": "Archiviata",
    "unarchive": "Ripristinata dall'archivio",
    "review": "Segnata come verificata",
    "confirm": "Confermata dal centro (non più esempio, verificata)",
    "restore": "Ripristinata una versione precedente",
    "import": "Aggiornata da file CSV",
}
EXTRA_LABELS = {"status": "Stato", "last_reviewed_on": "Verificata il", "is_example": "Esempio"}
NEW_STATUS_LABEL = "Nuova (non ancora salvata)"
NOT_MINE = "(non modificato da te: resta quello salvato)"

# Messages of the editor's handlers (kept together so the state only picks one).
CREATED = "Voce creata come bozza: le famiglie non la vedono finché non la pubblichi."
NOTHING_TO_KEEP = "Non c'è niente da salvare: ricarica la pagina."
RELOADED = "Caricata la versione salvata."
UNKNOWN_ACTION = "Azione sconosciuta."
DIRTY = "Hai modifiche non salvate nel modulo: salvale (o ricarica la versione salvata) prima di cambiare lo stato."
PREVIEW_INVALID = "Anteprima non aggiornata: correggi prima i campi evidenziati."
PREVIEW_UNSAVED = "Anteprima del testo nel modulo (non ancora salvato)."


@dataclasses.dataclass
class HistoryRow:
    id: int
    when: str
    who: str
    action: str
    changes: list[str]
    version: int
    can_restore: bool
    original: bool = False  # the text before the first recorded change (seeded or imported entries)


@dataclasses.dataclass
class ErrorLink:
    field_id: str
    text: str


@dataclasses.dataclass
class DiffRow:
    field: str
    saved: str
    mine: str


def show_value(value: Any, field: str = "") -> str:
    """One stored value as staff read it (labels, ages in words, «sì/no»), cut at 160 characters."""
    if field == "topics" and isinstance(value, list):
        value = ", ".join(topic_label(t) for t in value)
    elif field == "category":
        value = category_label(value or "")
    elif field in ("age_min_months", "age_max_months") and isinstance(value, int):
        value = staff_age_words(value)
    elif field == "status":
        value = STATUS_LABELS.get(value, value)
    elif isinstance(value, bool):
        value = "sì" if value else "no"
    elif isinstance(value, list):
        value = ", ".join(map(str, value))
    text = "" if value is None else str(value)
    return (text[:160] + "…") if len(text) > 160 else (text or "(vuoto)")


# ---------------------------------------------------------------- history


def _changes(rec: AuditRecord, comune_names: dict[str, str]) -> list[str]:
    if rec.action == "create":
        return []
    labels = {**LABELS, **EXTRA_LABELS}

    def show(value: Any, key: str) -> str:
        return comune_names.get(value, value) if key == "location_comune" and value else show_value(value, key)

    before, after = rec.before or {}, rec.after or {}
    return [
        f"{labels.get(k, k)}: {show(before.get(k), k)} → {show(after.get(k), k)}"
        for k in audit.changed_fields(rec.before, rec.after)
        if k in labels
    ]


def history_rows(
    records: list[tuple[AuditRecord, str]], created_at: datetime, comune_names: dict[str, str]
) -> list[HistoryRow]:
    """Newest first; every version but the newest can be restored, and so can the text before the first change."""
    rows = [
        HistoryRow(
            rec.id,
            when(rec.created_at),
            who,
            AUDIT_ACTIONS.get(rec.action, rec.action),
            _changes(rec, comune_names),
            int((rec.after or {}).get("version") or 0),
            i > 0 and bool(rec.after),
        )
        for i, (rec, who) in enumerate(records)
    ]
    oldest = records[-1][0] if records else None
    if oldest is not None and oldest.action != "create" and oldest.before:
        version = int(oldest.before.get("version") or 1)
        rows.append(
            HistoryRow(oldest.id, when(created_at), "dati iniziali", "Versione originale", [], version, True, True)
        )
    return rows


def history_comuni(records: list[tuple[AuditRecord, str]]) -> set[str]:
    """The comuni named in the history (their ISTAT codes), to show by name."""
    codes = {r.after.get("location_comune") for r, _ in records if r.after}
    codes |= {r.before.get("location_comune") for r, _ in records if r.before}
    return {c for c in codes if c}


# ---------------------------------------------------------------- form, errors, preview


UNKNOWN_TEMPLATE = "Modello sconosciuto: scegline uno dall'elenco «Parti da un modello», oppure scrivi la voce da zero."


def new_entry_form(centro: Centro) -> dict[str, str]:
    """A new entry starts with the centre's own contacts and place, for every age; cost and languages unstated."""
    return form_from_template(centro, None)[0]


def template_options() -> list[list[str]]:
    """["<index>", title] of the modelli: typical services a draft may start from (never published as they are)."""
    return [[str(i), m.title] for i, m in enumerate(TEMPLATES)]


def form_from_template(centro: Centro, index: int | None) -> tuple[dict[str, str], str]:
    """The new-entry form, filled from modello `index` when there is one; and which modello it was."""
    base = {
        "age_min_months": -9,
        "age_max_months": 72,
        "cost_free": None,
        "languages": [],
        "provider": centro.name,
        "location": centro.address or "",
        "location_comune": centro.codice_istat,
        "contact_phone": centro.phone or "",
        "contact_email": centro.email or "",
        "contact_url": centro.website or "",
    }
    values = template_values(index) if index is not None else None
    if values is None:
        return entry_to_form(base), ""
    return entry_to_form(base | values), values["title"]


def comuni_options(served: list[Comune], current: str | None, current_comune: Comune | None) -> list[list[str]]:
    """[ISTAT, "name (province)"]: the comuni the centre serves, and the entry's own when it is not one of them."""
    options = [[m.codice_istat, f"{m.name} ({m.sigla_provincia})"] for m in served]
    if current and current not in {o[0] for o in options}:
        name = f"{current_comune.name} ({current_comune.sigla_provincia})" if current_comune else current
        options.insert(0, [current, name])
    return options


def error_links(errors: dict[str, str]) -> list[ErrorLink]:
    """The summary on top of the form, each line linking to its field."""
    return [ErrorLink(f"f-{k}", f"{LABELS.get(k, 'Modulo')}: {m}") for k, m in errors.items() if k in FIELDS or k == ""]


def not_saved_message(n_errors: int) -> str:
    fields = staff_count(n_errors, "un campo da correggere", "{n} campi da correggere")
    return f"Non salvato: {fields} (li trovi evidenziati qui sotto)."


def preview(
    values: dict[str, Any], entry_id: int, centro_id: int, reviewed: date | None, example: bool
) -> tuple[EntryView, str]:
    """Through the parents' own pipeline: CardEntry → VoceOut (as the API) → EntryView (as the page); and its area."""
    entry = CardEntry(
        id=entry_id or 0,
        centro_id=centro_id or 0,
        **values,
        last_reviewed_on=reviewed,
        is_example=example,
        status="published",
    )
    return entry_view(VoceOut(**voce_fields(entry)), "anteprima", "it"), category_label(values.get("category") or "")


# ---------------------------------------------------------------- conflicts


def changed_by_me(mine: dict[str, Any], base: dict[str, Any]) -> dict[str, Any]:
    """Only what this person changed from the version they started from is theirs to keep."""
    return {k: v for k, v in mine.items() if not same_content({k: base.get(k)}, {k: v})}


def conflict_diff(current: CardEntry, mine: dict[str, Any], changed: dict[str, Any]) -> list[DiffRow]:
    """The fields where the saved version and the form differ; those this person did not touch stay as saved."""
    return [
        DiffRow(LABELS[k], show_value(getattr(current, k), k), show_value(mine[k], k) if k in changed else NOT_MINE)
        for k in FIELDS
        if not same_content({k: getattr(current, k)}, {k: mine[k]})
    ]


def conflict_when(at: datetime | None) -> str:
    return f"il {when(at)}" if at else "poco fa"


def conflict_message(by: str | None) -> str:
    return (
        f"Non salvato: {who(by)} ha modificato questa voce mentre la stavi scrivendo. "
        "Il tuo testo è ancora nel modulo: puoi copiarlo, oppure scegliere qui sotto cosa fare."
    )


def changed_meanwhile(by: str | None) -> str:
    """A status change, review or restore refused because someone saved first."""
    return f"Non fatto: {who(by)} ha modificato la voce nel frattempo. Ricarica la versione salvata e riprova."


# ---------------------------------------------------------------- what a handler did


def save_message(changed: bool, confirmed: bool, was_example: bool, published: bool, today: date) -> str:
    """What a save did, in words: the text (`changed`), and the centre's confirmation when it was ticked."""
    if confirmed:
        text = "Modifiche salvate e voce confermata dal centro: " if changed else "Voce confermata dal centro: "
        text += (
            f"tolta l'etichetta «Esempio» e segnata come verificata oggi ({day(today)})."
            if was_example
            else f"segnata come verificata oggi ({day(today)})."
        )
        if published:
            text += " Le famiglie la vedono come verificata dal centro."
        return text
    return "Modifiche salvate." + (" Le famiglie vedono già la nuova versione." if published and changed else "")


def saved_note(changed: bool, now: datetime, version: int) -> str:
    return f"Salvato alle {hhmm(now)} (versione {version})." if changed else "Nessuna modifica da salvare."


def kept_mine_message(other: str, version: int) -> str:
    return (
        f"Salvate le tue modifiche sopra quelle di {other or 'un collega'} (ora è la versione {version}). "
        "La versione precedente resta nello storico e si può ripristinare."
    )


def reviewed_message(today: date, was_example: bool) -> str:
    return f"Voce segnata come verificata oggi ({day(today)})." + (
        " Non è più un esempio: tolta l'etichetta «Esempio»." if was_example else ""
    )


def restored_message(changed: bool, version: int, status_label: str, unconfirmed: bool = False) -> str:
    if not changed:
        return "Il testo era già uguale a quella versione: niente da ripristinare."
    return f"Versione ripristinata (ora è la versione {version}); lo stato è rimasto «{status_label}»." + (
        " Il testo è cambiato: la voce non risulta più verificata dal centro finché non la confermi di nuovo."
        if unconfirmed
        else ""
    )


# What the person confirms with "Confermo": every field families read, as stored (not what is typed).
CONFIRM_FIELDS = (
    "title",
    "summary",
    "category",
    "age_min_months",
    "age_max_months",
    "provider",
    "location",
    "schedule",
    "cost_free",
    "cost_note",
    "access",
    "contact_phone",
    "contact_email",
    "contact_url",
    "languages",
)
REVIEW_NEEDS_SUMMARY = "Per confermare, apri il riepilogo con «Conferma i dati…» e controlla quello che confermi."


def confirmed_label(reviewed: date | None, example: bool, stale: bool) -> str:
    """Beside the form's box, so a save that confirmed is seen as done (the box itself starts unticked)."""
    if reviewed is None or example:
        return ""
    return f"Confermata dal centro il {day(reviewed)}" + (": da confermare di nuovo." if stale else ".")


def confirm_summary(values: dict[str, Any]) -> list[list[str]]:
    """[label, value] rows of the stored entry, for the confirmation panel (empty fields say so)."""
    rows = []
    for name in CONFIRM_FIELDS:
        value = values.get(name)
        if name == "cost_free":
            value = "gratuito" if value else "a pagamento"
        elif name == "languages":
            value = language_names(value or [])
        rows.append([LABELS.get(name, name), show_value(value, name)])
    return rows
