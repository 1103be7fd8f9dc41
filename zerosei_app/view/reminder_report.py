"""The review reminders' run in words, for the operator's terminal (`zerosei send-reminders`, Italian)."""

from __future__ import annotations

from zerosei_app.commands.review_cycle import ReminderReport
from zerosei_app.domain.clock import day


def reminder_report_lines(report: ReminderReport) -> list[str]:
    """ "Promemoria del 06/12/2026: 3 inviati.", one line per centre reminded, then who has no account."""
    out = [f"Promemoria del {day(report.today)}: {len(report.sent)} inviati."]
    for centro, seq, to, cc, n in report.sent:
        copy = f" (in copia: {', '.join(cc)})" if cc else ""
        out.append(f"  {centro}: promemoria n. {seq}, {n} da confermare, a {', '.join(to)}{copy}")
    if report.no_account:
        out.append(
            f"Centri con voci da confermare ma senza un account attivo ({len(report.no_account)}), per la Regione:"
        )
        out += [f"  {cid}\t{nome}\t{n} da confermare" for cid, nome, n in report.no_account]
    out.append(f"Centri in regola: {report.up_to_date}; in attesa del prossimo promemoria: {report.waiting}.")
    return out
