"""The Regione's view in words and links (no Reflex): each number says what it is and links to the page
where the Regione (or the centre) fixes it; the same rows as a CSV file."""

from __future__ import annotations

import dataclasses

from zerosei_app.domain import clock
from zerosei_app.domain.csv_common import Column, write_csv
from zerosei_app.domain.regione_view import INVITATION_LABELS, NESSUNO, SCADUTO
from zerosei_app.queries.regione_view import CentroRow, ComuneUnconfirmed
from zerosei_app.view.wording import staff_count

PAGE = "/staff/regione/centri"
INVITATION_BADGE = {"attivo": "published", "invitato": "draft", "scaduto": "stale", "nessuno": "nuova"}
ACCOUNTS = "/staff/utenti"


@dataclasses.dataclass
class CentroRowView:
    id: int
    name: str
    place: str  # "Pinerolo (TO)"
    href: str  # the centre's page
    invitation: str  # in words
    invitation_kind: str  # attivo | invitato | scaduto | nessuno
    invitation_badge: str  # the badge's colour class (staff.css)
    invitation_href: str  # where to invite someone
    published: str
    entries_href: str  # the centre's entries
    confirmed: str
    to_confirm: str
    to_confirm_href: str  # the centre's entries to confirm
    last_confirmed: str
    reminders: str
    chiusure: str
    chiusure_href: str


@dataclasses.dataclass
class ComuneView:
    name: str
    provincia: str
    centro: str
    href: str
    action: str
    inferito: bool


def centro_row_view(r: CentroRow) -> CentroRowView:
    return CentroRowView(
        id=r.id,
        name=r.name,
        place=f"{r.comune} ({r.provincia})",
        href=f"/staff/centro?id={r.id}",
        invitation=INVITATION_LABELS.get(r.invitation, r.invitation) + (f" ({r.account})" if r.account > 1 else ""),
        invitation_kind=r.invitation,
        invitation_badge=INVITATION_BADGE.get(r.invitation, "draft"),
        invitation_href=f"{ACCOUNTS}?centro={r.id}" if r.invitation in (NESSUNO, SCADUTO) else "",
        published=str(r.published),
        entries_href=f"/staff/voci?centro={r.id}",
        confirmed=str(r.confirmed),
        to_confirm=str(r.to_confirm),
        to_confirm_href=f"/staff/voci?centro={r.id}&verifica=da_verificare&ordine=verifica" if r.to_confirm else "",
        last_confirmed=clock.day(r.last_confirmed) if r.last_confirmed else "mai",
        reminders=_reminders_text(r),
        chiusure=chiusure_text(r),
        chiusure_href=f"/staff/centro?id={r.id}#chiusure-titolo",
    )


def chiusure_text(r: CentroRow) -> str:
    """ "dal 01/08/2027 al 31/08/2027 (ferie); 2 voci sospese": closures in course or to come."""
    parts = [
        f"dal {clock.day(w.starts_on)} al {clock.day(w.ends_on)}" + (f" ({w.reason})" if w.reason else "")
        for w in r.chiusure
    ]
    if r.entries_suspended:
        parts.append(staff_count(r.entries_suspended, "{n} voce sospesa", "{n} voci sospese"))
    return "; ".join(parts)


def _reminders_text(r: CentroRow) -> str:
    if r.reminders is None:
        return "—"  # the reminders arrive with the review cycle
    if r.reminders == 0:
        return "nessuno"
    return f"{r.reminders} (ultimo {clock.day(r.last_reminder)})"


def comune_view(c: ComuneUnconfirmed) -> ComuneView:
    if c.centro_id is None:
        return ComuneView(c.name, c.provincia, "nessun centro", "/staff/regione", "Collega un centro", False)
    if c.inferito:  # the family's centre is itself a guess: fixing the link comes first
        return ComuneView(
            c.name, c.provincia, c.centro_name, f"/staff/comuni?centro={c.centro_id}", "Conferma il centro", True
        )
    return ComuneView(
        c.name,
        c.provincia,
        c.centro_name,
        f"/staff/voci?centro={c.centro_id}&verifica=da_verificare&ordine=verifica",
        "Voci da confermare",
        False,
    )


CSV_COLUMNS = (
    Column("id", "ID centro", numeric=True),
    Column("name", "Centro"),
    Column("comune", "Comune"),
    Column("provincia", "Provincia"),
    Column("invitation", "Account"),
    Column("account", "Account attivi", numeric=True),
    Column("published", "Voci pubblicate", numeric=True),
    Column("confirmed", "Confermate", numeric=True),
    Column("to_confirm", "Da confermare", numeric=True),
    Column("last_confirmed", "Ultima conferma"),
    Column("reminders", "Promemoria inviati"),
    Column("chiusure", "Chiusure"),
    Column("mediation_languages", "Lingue mediazione"),  # as the centres' import reads it
)


def export_csv(rows: list[CentroRow]) -> bytes:
    return write_csv(
        CSV_COLUMNS,
        (
            {
                "id": r.id,
                "name": r.name,
                "comune": r.comune,
                "provincia": r.provincia,
                "invitation": INVITATION_LABELS.get(r.invitation, r.invitation),
                "account": r.account,
                "published": r.published,
                "confirmed": r.confirmed,
                "to_confirm": r.to_confirm,
                "last_confirmed": r.last_confirmed.isoformat() if r.last_confirmed else "",
                "reminders": "" if r.reminders is None else r.reminders,
                "chiusure": chiusure_text(r),
                "mediation_languages": ", ".join(r.mediation_languages),
            }
            for r in rows
        ),
    )
