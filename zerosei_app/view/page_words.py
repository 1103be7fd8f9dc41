"""The sentences the parents' page states show: page titles, share and report messages, the wizard's
legends, the Carta's search result heading and the print edition's notices. The states only call here."""

from __future__ import annotations

from datetime import date

from pydantic import ValidationError

from zerosei_app.domain.errors import FieldError
from zerosei_app.i18n import DEFAULT_LANG, t
from zerosei_app.view.wording import long_date

# What the browser's share button reports back (components/share.py); "aborted" says nothing.
SHARE_RESULTS = ("shared", "copied", "failed", "aborted")

# The outcomes of saving a report (the status constants of the reports module), each with its sentence.
REPORT_OUTCOME_KEYS = {
    "saved": "report.thanks",
    "throttled": "report.throttled",
    "duplicate": "report.duplicate",
    "target_full": "report.target_full",
    "not_found": "report.not_found",
}


def share_status(page: str, result: str, lang: str) -> str:
    """ "Link copiato": `page` is "path" or "carta"; an unknown result reads as a failure."""
    if result not in SHARE_RESULTS:
        result = "failed"
    return "" if result == "aborted" else t(f"{page}.share.{result}", lang)


def notices(errors: list[FieldError], lang: str) -> list[str]:
    """What a link got wrong, one sentence each (the codes' texts in the catalogue)."""
    return [e.message(lang) for e in errors]


def unknown_comune_notice(comune: str, lang: str) -> str:
    return FieldError("comune", "unknown_comune", {"value": comune}).message(lang)


# --- titles ---------------------------------------------------------------------------------------------------


def generic_path_title(lang: str = DEFAULT_LANG) -> str:
    """The path page's title before its comune is known."""
    return t("share.title_generic", lang)


def carta_directory_title(lang: str = DEFAULT_LANG) -> str:
    return t("carta.dir.title", lang)


def carta_title(nome: str, lang: str) -> str:
    return t("carta.title", lang, nome=nome)


def carta_not_found_title(lang: str) -> str:
    return t("carta.not_found.title", lang)


# --- the Carta's "find a centre" --------------------------------------------------------------------------------


def found_title(comune: str, serving_known: bool, lang: str) -> str:
    """ "Centri che servono Chivasso:" when a centre is known to serve it, else "Per Crissolo (CN):"."""
    return t("carta.search.serving" if serving_known else "carta.search.for", lang, comune=comune)


def found_status(title: str, found: list[tuple[str, str]]) -> str:
    """What a screen reader hears: the heading, then each centre's name and kicker."""
    return title + " " + ", ".join(f"{nome} ({kicker})" for nome, kicker in found)


# --- the print edition ----------------------------------------------------------------------------------------


def print_bad_value(field: str, value: str, lang: str) -> str:
    """A link's province or centre that is not one: said, the whole edition shown instead."""
    if field == "provincia":
        return t("carta.print.bad_provincia", lang, value=value)
    return t("carta.print.bad_centro", lang, value=value)


def print_edition(today: date, lang: str) -> str:
    """ "Edizione del 29 novembre 2026"."""
    return t("carta.print.edition", lang, date=long_date(today, lang))


def print_scope(provincia_name: str | None, lang: str) -> str:
    """ "Tutti i Centri per le famiglie del Piemonte", or those of one province."""
    if provincia_name:
        return t("carta.print.scope_provincia", lang, provincia=provincia_name)
    return t("carta.print.scope_all", lang)


# --- the wizard and "Segnala un errore" ------------------------------------------------------------------------


def child_legends(count: int, lang: str) -> list[str]:
    """ "Figlio 1", "Figlio 2": each child's fieldset in the wizard."""
    return [t("wiz.figli.legend", lang, n=i + 1) for i in range(count)]


def report_validation_message(exc: ValidationError, max_text: int, lang: str) -> str:
    """The first problem, in words a parent understands (the form can only send these)."""
    for err in exc.errors():
        field = err["loc"][0] if err["loc"] else ""
        if field == "kind":
            return t("report.error.kind", lang)
        if field == "text" and err["type"] == "string_too_long":
            return t("report.error.too_long", lang, max=max_text)
        if field == "text":
            return t("report.error.need_text", lang)
    return t("report.error.generic", lang)


def report_outcome(status: str, lang: str) -> str:
    """ "Grazie, la segnalazione è arrivata al centro."… one per outcome of create_report."""
    return t(REPORT_OUTCOME_KEYS[status], lang)


def report_busy(lang: str) -> str:
    return t("report.busy", lang)
