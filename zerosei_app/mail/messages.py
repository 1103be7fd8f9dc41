"""The messages ZeroSei sends, in Italian (staff work in Italian), as compose.Message values. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from zerosei_app.domain.clock import day
from zerosei_app.mail.compose import Link, Message

ROLE_LABELS = {"operatore": "operatrice/operatore di centro", "regione": "ufficio regionale"}
CONTATTI_ITEM = "I recapiti del centro (indirizzo, telefono, e-mail, sito, orari)"


def invitation(
    *, name: str, email: str, role: str, centri: list[str], url: str, expires: date, publisher: str
) -> Message:
    blocks: list = [
        f"Gentile {name},",
        f"{publisher} ti ha creato un account su ZeroSei digitale, la Carta regionale per le famiglie ZeroSei, "
        f"come {ROLE_LABELS.get(role, role)}.",
    ]
    if centri:
        blocks += ["Potrai aggiornare la Carta di:", list(centri)]
    blocks += [
        f"Per entrare scegli la tua password da questo link personale (vale una sola volta, fino al {day(expires)}):",
        Link("Scegli la password", url),
        f"Il tuo nome utente è il tuo indirizzo e-mail: {email}.",
        "Se il link è scaduto o già usato, chiedi all'ufficio regionale di mandartene uno nuovo. "
        "Se non aspettavi questo messaggio, puoi ignorarlo.",
    ]
    return Message(subject="ZeroSei digitale: attiva il tuo account", to=[email], blocks=blocks, kind="invito")


@dataclass(frozen=True)
class DueItem:
    title: str
    last_confirmed: date | None

    def line(self) -> str:
        when = f"ultima conferma il {day(self.last_confirmed)}" if self.last_confirmed else "mai confermata"
        return f"{self.title} ({when})"


def reminder(
    *,
    centro: str,
    to: list[str],
    cc: list[str],
    sequence: int,
    items: list[DueItem],
    editor_url: str,
    one_tap_url: str,
    expires: date,
    review_days: int,
) -> Message:
    prefix = {1: "", 2: "Secondo promemoria: ", 3: "Terzo promemoria: "}.get(sequence, "Promemoria: ")
    blocks: list = [
        "Buongiorno,",
        f"le famiglie leggono su ZeroSei la Carta di {centro}. Ogni voce pubblicata e i recapiti del centro "
        f"vanno confermati dal centro almeno ogni {review_days} giorni: queste informazioni aspettano la vostra conferma.",
        [item.line() for item in items],
        "Se è tutto ancora valido basta un clic (il link apre una pagina con l'elenco e un pulsante «Confermo»; "
        f"vale fino al {day(expires)}):",
        Link("È tutto ancora valido", one_tap_url),
        "Se qualcosa è cambiato, correggetelo nell'area operatori:",
        Link("Apri la Carta del centro", editor_url),
    ]
    if sequence >= 3:
        blocks.append("In copia l'ufficio regionale, che può aiutarvi se avete bisogno.")
    return Message(
        subject=f"{prefix}ZeroSei: confermate la Carta di {centro}", to=to, cc=cc, blocks=blocks, kind="promemoria"
    )
