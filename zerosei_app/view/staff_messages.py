"""The sentences the staff screens show after an action (Italian, as the whole staff area): saved, refused, not
found, busy. The staff states only pick one; counts take their form from Babel's rule (view/wording.staff_count)."""

from __future__ import annotations

from datetime import date, datetime

from zerosei_app.domain.errors import FieldError, Refused
from zerosei_app.view.wording import STAFF_LANG, and_list, staff_count

# --- every screen (state/staff_base.py) -----------------------------------------------------------------------

DB_BUSY = (
    "Non è stato possibile completare l'operazione: il database è occupato o non raggiungibile. "
    "Niente è stato salvato: riprova tra qualche secondo."
)
SERVER_BUSY = (
    "Il server è molto occupato in questo momento: l'operazione non è stata eseguita e niente è stato salvato. "
    "Riprova tra qualche secondo."
)
UNEXPECTED = "Si è verificato un errore imprevisto: l'operazione non è stata eseguita. Riprova; se succede ancora, avvisa l'ufficio regionale."
INVALID_REQUEST = "richiesta non valida"
BAD_ADDRESS = "Indirizzo non valido: questa pagina non esiste. Torna alla home e scegli da lì."
RELOGGED_IN = "Accesso di nuovo effettuato: ora puoi salvare."
NEED_CREDENTIALS = "Scrivi e-mail e password."
NOT_SAVED_CHECK_FIELDS = "Non salvato: controlla i campi evidenziati."
NOTHING_TO_SAVE = "Nessuna modifica da salvare."
LOGGED_OUT = "Sei uscito. A presto!"
PASSWORD_CHANGED = "Password cambiata. Le altre sessioni aperte con il tuo account sono state chiuse."
NO_CENTRO = "Il tuo account non è collegato a nessun centro aperto. Rivolgiti all'ufficio regionale."


# The refusals of a write (domain.errors.Refused, raised in queries/), by code; `{name}` takes its param.
REFUSALS = {
    "chiusura_past": "La chiusura è già finita: controlla l'anno delle date.",
    "chiusura_not_of_centro": "Questa voce non è del centro.",
    "chiusura_gone": "Chiusura non trovata: forse è già stata tolta.",
    "comune_unknown": "Comune {codice_istat} sconosciuto.",
    "ente_unknown": "Ente gestore sconosciuto: sceglilo dall'elenco.",
    "enti_file_errors": "Nessun comune aggiornato: il file ha degli errori (vedi sotto).",
    "centro_comune_unknown": "Comune sconosciuto: sceglilo dall'elenco.",
    "centro_ente_unknown": "Ente gestore sconosciuto.",
    "centro_duplicate": (
        "Esiste già un centro con questo nome in questo comune: aprilo dall'elenco invece di crearne un altro."
    ),
    "coverage_comune_unknown": "Comune sconosciuto.",
    "version_not_found": "Versione non trovata per questa voce.",
    "version_breaks_rules": "Questa versione non rispetta le regole attuali ({problems}).",
}


def refusal(exc: Exception) -> str:
    """A refused write in words: a Refused by its code; any other refusal (AccountError…) already is words."""
    if not isinstance(exc, Refused):
        return str(exc)
    params = {k: "; ".join(v) if isinstance(v, list) else v for k, v in exc.params.items()}
    return REFUSALS[exc.code].format(**params)


def field_errors(errors: list[FieldError]) -> dict[str, str]:
    """Each field's problem in words, for the form (the codes' Italian texts)."""
    return {e.field: e.message(STAFF_LANG) for e in errors}


def who(by: str | None) -> str:
    """Who saved first, as a conflict says it: their name, else "un'altra persona"."""
    return by or "un'altra persona"


def invalid_data(problems: list[str]) -> str:
    return "Dati non validi: " + "; ".join(problems)


def upload_refused(max_mb: int) -> str:
    return f"Il file non è stato caricato: deve essere un file CSV di al massimo {max_mb} MB."


def no_comune_found(query: str) -> str:
    return f"Nessun comune trovato per «{query}»."


# --- accounts, centres and the comuni they serve ----------------------------------------------------------------

UNKNOWN_COMUNE = "Comune sconosciuto."
CENTRO_NOT_CREATED = "Centro non creato: controlla i campi evidenziati."
CENTRO_CREATED = (
    "Centro creato: serve il suo comune. Indica gli altri comuni che serve da «Comuni serviti da questo centro»."
)
CENTRO_SAVED = "Dati del centro salvati."
UNKNOWN_FUNZIONE = "Funzione regionale sconosciuta: la nuova voce parte vuota."
CHIUSURA_NOT_SAVED = "Chiusura non salvata: controlla le date."
CHIUSURA_REMOVED = "Chiusura tolta: le famiglie non la vedono più."
PROPOSTA_GONE = "Questa proposta non è più da confermare (già decisa o inesistente)."


def invite_not_created(reason: object) -> str:
    return f"Invito non creato: {reason}"


def memberships_saved(name: str) -> str:
    return f"Centri di {name} aggiornati."


def comune_linked(nome: str) -> str:
    return (
        f"{nome}: ora servito da questo centro (confermato). Eventuali collegamenti dedotti di {nome} sono stati tolti."
    )


def comune_unlinked(nome: str, relinked: bool) -> str:
    return f"{nome} non è più servito da questo centro." + (
        " Era rimasto senza centro: è stato collegato al centro aperto più vicino (dedotto)." if relinked else ""
    )


def proposta_decided(label: str, confirmed: bool) -> str:
    if confirmed:
        return f"Confermato: {label}. Il comune ora è servito dal suo ente gestore."
    return f"Respinta: {label}. Il comune resta senza ente gestore noto."


# --- the enti gestori of the comuni, and their contacts (recapiti) ----------------------------------------------

CHOOSE_ENTE = "Scegli un ente gestore dall'elenco."
CHOOSE_ENTE_OR_COMUNE = "Scegli prima un ente gestore o un comune."
CONTACTS_SAVED = "Recapiti salvati: le famiglie li vedono nelle schede dei centri che non hanno recapiti propri."
NO_RECAPITI = "Nessun recapito registrato finora."
CHOOSE_ENTE_OR_CENTRO = "Scegli l'ente gestore o il centro che serve il comune: niente è stato cambiato."


def comune_title(nome: str) -> str:
    return f"Comune di {nome}"


def contacts_corrected(when: date) -> str:
    return f"Corretti dalla Regione il {when:%d/%m/%Y}."


def contacts_from_indicepa(source_date: str | None) -> str:
    return f"Da IndicePA (AgID): {source_date or ''}".strip()


def not_saved(problems: list[str]) -> str:
    return "Non salvato: " + "; ".join(problems)


def ente_chosen(ente: bool, centro: bool, codice_istat: str) -> str:
    """ "Salvato l'ente gestore e il centro per il comune 001272: le famiglie lo vedono subito."."""
    what = [x for x in ("l'ente gestore" if ente else "", "il centro" if centro else "") if x]
    return f"Salvato {and_list(what, STAFF_LANG)} per il comune {codice_istat}: le famiglie lo vedono subito."


def paste_too_long(limit: int) -> str:
    return (
        f"Il testo incollato è troppo lungo (al massimo {limit:,} caratteri per volta): ".replace(",", ".")
        + "incolla il file in più parti, ciascuna con la riga dei titoli delle colonne."
    )


def enti_plan_summary(new: int, changed: int, same: int, errors: int) -> str:
    return f"{new} nuovi, {changed} cambiati, {same} invariati" + (f", {errors} con errori." if errors else ".")


def enti_updated(comuni: int) -> str:
    return f"Enti gestori aggiornati: {comuni} comuni."


# --- CSV imports ------------------------------------------------------------------------------------------------

PASTED_TEXT = "testo incollato"  # the "file name" of a pasted text
UPLOAD_FIRST = "Carica prima un file e controlla l'anteprima."
NOTHING_TO_IMPORT = "Niente da importare: tutte le righe sono uguali alle voci salvate."
NO_ENTRY_CHANGED = "Nessuna voce è stata modificata"
NOTHING_CHANGED = "Niente è stato modificato"
CHOOSE_LIST_KIND = "Scegli che cosa stai importando."
LIST_KINDS = {"centri": "Elenco dei centri", "copertura": "Comuni serviti da ciascun centro"}


def file_rejected(max_mb: int) -> str:
    """react-dropzone refuses a file of another type, or more than one (Reflex's own toast is English)."""
    return f"File non accettato: scegli un solo file CSV (.csv o .txt) di al massimo {max_mb} MB."


def import_refused(nothing: str) -> str:
    """The data changed between the dry run and the import: `nothing` says what was left untouched."""
    return f"Importazione annullata: nel frattempo qualcosa è cambiato. {nothing}; controlla l'anteprima aggiornata."


def entries_imported(added: int, updated: int) -> str:
    return f"Importazione completata: {added} voci aggiunte (come bozze se lo stato era vuoto), {updated} aggiornate."


def list_imported(kind: str, rows: int, notes: list[str]) -> str:
    """The last note of the plan says what else happened (the comuni linked again, …)."""
    return f"Importazione completata ({LIST_KINDS[kind].lower()}): {rows} righe applicate. " + " ".join(notes[-1:])


# --- reports from the families ---------------------------------------------------------------------------------


def report_due(days_left: int, due: str) -> str:
    """ "entro 3 giorni (12/03/2026)", "scade oggi (…)", "in ritardo di 1 giorno (…)"."""
    if days_left < 0:
        words = "in ritardo di " + staff_count(-days_left, "{n} giorno", "{n} giorni")
    elif days_left == 0:
        words = "scade oggi"
    else:
        words = "entro " + staff_count(days_left, "{n} giorno", "{n} giorni")
    return f"{words} ({due})"


def report_resolved(on: str) -> str:
    return f"risolta il {on}"


def report_marked(status_label: str) -> str:
    return f"Segnalazione segnata come «{status_label.lower()}»."


# --- dated sessions (appuntamenti) ------------------------------------------------------------------------------

NOT_THIS_ENTRY = "Questo appuntamento non appartiene alla voce aperta: ricarica la pagina."
SESSION_NOT_SAVED = "Appuntamento non salvato: controlla i campi segnati."
SESSION_SAVED = "Appuntamento salvato: le famiglie lo vedono se la voce è pubblicata."
OCCURRENCE_GONE = "Questo appuntamento non c'è più: ricarica la pagina."
CONFIRM_DELETE_FIRST = "Per eliminare, premi «Elimina» accanto agli appuntamenti e conferma."
SESSIONS_DELETED = "Appuntamenti eliminati. Puoi ancora annullare con «Ripristina gli appuntamenti»."
NOTHING_TO_UNDO = "Non c'è un'eliminazione da annullare: ricarica la pagina."
SESSIONS_RESTORED = "Appuntamenti ripristinati come prima."


def occurrence_cancelled(when: datetime) -> str:
    return f"Appuntamento del {when:%d/%m/%Y alle %H:%M} annullato."


def delete_question(description: str, left: int) -> str:
    dates = "nessuna data futura" if left == 0 else staff_count(left, "{n} data futura", "{n} date future")
    return f"Eliminare «{description}»? Spariscono {dates} dalla voce e dai calendari delle famiglie."


# --- the tappe of the path (Regione) ----------------------------------------------------------------------------

TAPPA_STALE = "Non salvato: un'altra persona ha modificato questa tappa nel frattempo. Ricarica la pagina e riprova."
TAPPA_MISSING = "Questa tappa non esiste (più)."
TAPPA_SAVED = "Tappa salvata: le famiglie la vedono così."


def tappa_status(verified_on: date | None, needs_check: bool) -> str:
    """ "Verificata il 06/12/2026" / "Da verificare sul sito ufficiale"."""
    if verified_on is not None:
        return f"Verificata il {verified_on:%d/%m/%Y}"
    return "Da verificare sul sito ufficiale" if needs_check else "Fonte affidabile, mai verificata"


def tappa_months(age_min_months: int, age_max_months: int | None) -> str:
    """ "0 → 12 mesi", "36 → … mesi": a tappa's window in the list, as the Regione enters it."""
    return f"{age_min_months} → {age_max_months if age_max_months is not None else '…'} mesi"


def tappa_confirmed(on: date) -> str:
    return f"Confermato: le famiglie leggono «verificato il {on:%d/%m/%Y}»."
