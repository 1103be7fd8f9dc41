"""The staff home's "Da fare" list in words: what to do first and where, from the dashboard's numbers
(queries/staff_dashboard.py counts them)."""

# No `from __future__ import annotations`: Reflex reads TodoItem's field types at runtime (state/staff_home).
from collections.abc import Sequence
from dataclasses import dataclass

from zerosei_app.queries.staff_dashboard import CentroSummary
from zerosei_app.view.wording import staff_count


@dataclass
class TodoItem:
    """One thing to do on the staff home, with where to do it."""

    kind: str  # "contatti", "segnalazioni", "voci" (also the order of the list)
    centro_id: int
    centro_name: str
    text: str
    detail: str
    action: str
    href: str
    urgent: bool = False


def _plural(n: int, one: str, many: str) -> str:
    """ "1 voce da confermare", "3 voci da confermare": the form by Babel's rule for Italian."""
    return staff_count(n, "{n} " + one, "{n} " + many)


def todo(items: Sequence[CentroSummary]) -> list[TodoItem]:
    """What staff should do first, for open centres: families who cannot reach a centre come first,
    then parents' open reports (late ones first), then entries to confirm (examples or not checked for 6 months).
    """
    open_centres = [s for s in items if s.is_active]
    contacts = [
        TodoItem(
            "contatti",
            s.id,
            s.name,
            "Le famiglie non possono contattare il centro",
            "Nessun telefono, e-mail o sito.",
            "Aggiungi i contatti",
            f"/staff/centro?id={s.id}",
            urgent=True,
        )
        for s in open_centres
        if not s.has_contact
    ]
    with_reports = sorted(
        (s for s in open_centres if s.reports_nuova + s.reports_in_lavorazione),
        key=lambda s: (-s.reports_late, -(s.reports_nuova + s.reports_in_lavorazione)),
    )
    reports = [
        TodoItem(
            "segnalazioni",
            s.id,
            s.name,
            _plural(s.reports_nuova + s.reports_in_lavorazione, "segnalazione aperta", "segnalazioni aperte"),
            _plural(s.reports_nuova + s.reports_in_lavorazione, "aperta", "aperte")
            + f": {_plural(s.reports_nuova, 'nuova', 'nuove')}, {s.reports_in_lavorazione} in lavorazione"
            + (f"; {s.reports_late} oltre i 15 giorni" if s.reports_late else "")
            + ".",
            "Apri le segnalazioni",
            f"/staff/segnalazioni?centro={s.id}",
            urgent=s.reports_late > 0,
        )
        for s in with_reports
    ]
    entries = [
        TodoItem(
            "voci",
            s.id,
            s.name,
            _plural(s.to_confirm, "voce da confermare", "voci da confermare"),
            _plural(s.to_confirm, "voce da confermare", "voci da confermare")
            + (f" ({_plural(s.examples, 'esempio', 'esempi')})" if s.examples else "")
            + ".",
            "Controlla le voci",
            f"/staff/voci?centro={s.id}&verifica=da_verificare&ordine=verifica",
        )
        for s in sorted(open_centres, key=lambda s: -s.to_confirm)
        if s.to_confirm
    ]
    return contacts + reports + entries


def regione_todo(
    open_centri: int, expected: int, inferred_comuni: int, without_account: int, overdue: int
) -> list[TodoItem]:
    """The Regione's own jobs (not an operatrice's): the centres still to register, the comuni whose centre is only
    a guess, the centres nobody can update, and where the Carte are overdue. Each links to where it is done."""
    items = []
    if open_centri < expected:
        missing = expected - open_centri
        items.append(
            TodoItem(
                "regione",
                0,
                _plural(missing, "centro mancante", "centri mancanti"),
                "",
                f"{open_centri} centri registrati su {expected} dell'elenco regionale.",
                "Aggiungi un centro",
                "/staff/regione",
            )
        )
    if inferred_comuni:
        items.append(
            TodoItem(
                "regione",
                0,
                _plural(inferred_comuni, "comune senza centro confermato", "comuni senza centro confermato"),
                "",
                "Le famiglie vedono il centro più vicino: scegli l'ente gestore o il centro che li serve.",
                "Scegli gli enti gestori",
                "/staff/regione/enti?solo=dedotti",
                urgent=True,
            )
        )
    if without_account:
        items.append(
            TodoItem(
                "regione",
                0,
                _plural(without_account, "centro senza account attivo", "centri senza account attivo"),
                "",
                "Nessuno del centro può aggiornare la sua Carta: invita un'operatrice o un operatore.",
                "Invita",
                "/staff/regione/centri?ordine=account",
            )
        )
    if overdue:
        items.append(
            TodoItem(
                "regione",
                0,
                _plural(overdue, "voce pubblicata da confermare", "voci pubblicate da confermare"),
                "",
                "Mai confermate dal centro, esempi o confermate troppo tempo fa.",
                "Vedi i centri",
                "/staff/regione/centri?ordine=da_confermare",
            )
        )
    return items
