"""`zerosei` command line: staff accounts for the first set-up and for emergencies.

zerosei staff add --email a@b.it --name "Anna Rossi" --role regione
zerosei staff add --email c@d.it --name "Carla" --role operatore --centro 3 --centro "Biella"
zerosei staff add … --password-prompt      (asks for a password instead of printing a link)
zerosei staff invite --email c@d.it --name "Carla" --role operatore --centro 3   (the link goes by e-mail)
zerosei staff invite --csv persone.csv      (many: lines e-mail;nome;ruolo;centri, all checked first)
zerosei staff resend --email c@d.it        (a new set-up link by e-mail; the previous one stops working)
zerosei mail flush                         (sends what is waiting in the outbox, failed ones included)
zerosei mail status                        (what is waiting, with the last error)
zerosei reminders send [--today YYYY-MM-DD] (the review cycle's e-mails to centres; daily from cron)
zerosei staff link --email a@b.it          (a new one-time setup link, e.g. forgotten password)
zerosei staff disable|enable --email a@b.it
zerosei staff list
zerosei backup FILE                        (a consistent copy, also while the app runs)
zerosei restore FILE --yes                 (replaces the current data with the backup's)
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlmodel import Session, col, select

from zerosei_app.auth.accounts import (
    SETUP_VALIDITY,
    AccountError,
    create_account,
    get_by_email,
    issue_setup_token,
    memberships,
    set_active,
    setup_url,
)
from zerosei_app.db import get_engine
from zerosei_app.domain.clock import now
from zerosei_app.domain.staff_forms import EmailInput
from zerosei_app.domain.text import fold
from zerosei_app.domain.validation import parse
from zerosei_app.models import Centro, Comune, StaffUser
from zerosei_app.settings import get_settings
from zerosei_app.view import share
from zerosei_app.view.reminder_report import reminder_report_lines


class CliError(Exception):
    pass


def _base_url(args: argparse.Namespace) -> str:
    """--base-url, else ZEROSEI_PUBLIC_URL, else this machine (view/share.base_url checks their form)."""
    settings = get_settings()
    return share.base_url(args.base_url or settings.public_url, f"http://localhost:{settings.port}")


def resolve_centro(db: Session, text: str) -> Centro:
    """An id, or a (part of a) name or comune that matches exactly one centre."""
    text = text.strip()
    if text.isascii() and text.isdigit():
        centro = db.get(Centro, int(text))
        if centro is None:
            raise CliError(f"nessun centro con id {text}")
        return centro
    rows = db.exec(
        select(Centro, Comune.name)
        .join(Comune, col(Comune.codice_istat) == col(Centro.codice_istat))
        .order_by(col(Centro.id))
    ).all()
    key = fold(text)
    exact = [c for c, comune in rows if key in (fold(c.name), fold(comune))]
    found = exact or [(c, comune) for c, comune in rows if key in f"{fold(c.name)} {fold(comune)}"]
    found = [(c, comune) for c, comune in rows if c in exact] if exact else found
    if len(found) == 1:
        return found[0][0]
    if not found:
        raise CliError(f"nessun centro corrisponde a «{text}» (usa `zerosei staff centri` per l'elenco)")
    listing = "\n".join(f"  {c.id}: {c.name} ({comune})" for c, comune in found)
    raise CliError(f"«{text}» corrisponde a più centri, usa l'id:\n{listing}")


def _email(text: str) -> str:
    value, errors = parse(EmailInput, {"email": text})
    if value is None:
        raise CliError(f"e-mail non valida: {'; '.join(errors.values())}")
    return value.email


def cmd_add(db: Session, args: argparse.Namespace) -> int:
    email = _email(args.email)
    centri = [resolve_centro(db, c) for c in args.centro or []]
    password = None
    if args.password_prompt:
        password = getpass.getpass("Password: ")
        if getpass.getpass("Ripeti la password: ") != password:
            raise CliError("le due password non coincidono")
    user, token = create_account(
        db,
        email=email,
        name=args.name,
        role=args.role,
        centro_ids=[c.id for c in centri],
        actor_id=None,
        now=now(),
        password=password,
    )
    db.commit()
    print(f"Creato l'account {user.email} ({user.role}) per {user.name}.")
    for c in centri:
        print(f"  centro {c.id}: {c.name}")
    if token:
        print(
            f"Link di attivazione (valido {SETUP_VALIDITY.days} giorni, una sola volta; mandalo solo alla persona interessata):"
        )
        print(f"  {_base_url(args)}/staff/attiva?token={token}")
    return 0


def cmd_link(db: Session, args: argparse.Namespace) -> int:
    user = get_by_email(db, _email(args.email))
    if user is None:
        raise CliError("nessun account con questa e-mail")
    if not user.is_active:
        raise CliError("l'account è disattivato: riattivalo prima con `zerosei staff enable`")
    token = issue_setup_token(db, user, None, now())
    db.commit()
    print(f"Nuovo link di attivazione per {user.email} (il precedente non vale più):")
    print(f"  {setup_url(token, _base_url(args))}")
    return 0


def _send_now(db: Session) -> None:
    """The CLI sends at once (it is not a request); what fails stays queued, with the reason."""
    from zerosei_app.mail.outbox import flush
    from zerosei_app.settings import get_mail_settings

    settings = get_mail_settings()
    result = flush(db, settings, now())
    for msg_id in result.sent:
        where = f"file {settings.outbox_dir}/{msg_id:06d}.eml" if settings.uses_files else "server SMTP"
        print(f"  e-mail {msg_id} inviata ({where})")
    for msg_id, error in result.failed.items():
        print(f"  e-mail {msg_id} NON inviata, resta in coda: {error}", file=sys.stderr)
        print("  (riprova con `zerosei mail flush`)", file=sys.stderr)


def cmd_invite(db: Session, args: argparse.Namespace) -> int:
    from zerosei_app.mail.invitations import invite

    if args.csv:
        return _invite_csv(db, args)
    if not args.email or not args.name:
        raise CliError("servono --email e --name (oppure --csv FILE)")
    centri = [resolve_centro(db, c) for c in args.centro or []]
    user, _link = invite(
        db,
        email=_email(args.email),
        name=args.name,
        role=args.role,
        centro_ids=[c.id for c in centri],
        actor_id=None,
        now=now(),
        base_url=_base_url(args),
    )
    db.commit()
    print(f"Invitato {user.email} ({user.role}) per {user.name}; il link vale {SETUP_VALIDITY.days} giorni.")
    for c in centri:
        print(f"  centro {c.id}: {c.name}")
    _send_now(db)
    return 0


def _invite_csv(db: Session, args: argparse.Namespace) -> int:
    """Every line checked first; then all accounts in one transaction, or none."""
    from zerosei_app.domain.invite_csv import parse_invites
    from zerosei_app.mail.invitations import invite

    try:
        text = Path(args.csv).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"non riesco a leggere {args.csv}: {exc}") from None
    plan = parse_invites(text)
    if plan.errors:
        raise CliError("nessun invito creato:\n  " + "\n  ".join(plan.errors))
    for row in plan.rows:
        invite(
            db,
            email=row.email,
            name=row.name,
            role=row.role,
            centro_ids=row.centri,
            actor_id=None,
            now=now(),
            base_url=_base_url(args),
        )
    db.commit()
    print(f"Invitate {len(plan.rows)} persone: {', '.join(r.email for r in plan.rows)}")
    _send_now(db)
    return 0


def cmd_resend(db: Session, args: argparse.Namespace) -> int:
    from zerosei_app.mail.invitations import resend

    user = get_by_email(db, _email(args.email))
    if user is None:
        raise CliError("nessun account con questa e-mail")
    if not user.is_active:
        raise CliError("l'account è disattivato: riattivalo prima con `zerosei staff enable`")
    resend(db, user, None, now(), _base_url(args))
    db.commit()
    print(f"Nuovo link mandato a {user.email} (il precedente non vale più).")
    _send_now(db)
    return 0


def cmd_mail(db: Session, args: argparse.Namespace) -> int:
    from zerosei_app.mail.outbox import flush, pending
    from zerosei_app.settings import get_mail_settings

    settings = get_mail_settings()
    if args.action == "status":
        waiting = pending(db)
        print(
            f"{len(waiting)} e-mail in coda"
            + (" (nessun ZEROSEI_SMTP_HOST: vanno in file .eml)" if settings.uses_files else "")
        )
        for m in waiting:
            print(f"  {m.id}\t{m.kind}\t{', '.join(m.to_addrs)}\ttentativi={m.attempts}\t{m.last_error or ''}")
        return 0
    result = flush(db, settings, now(), all_due=True)
    print(f"{len(result.sent)} e-mail inviate, {len(result.failed)} non inviate (restano in coda).")
    for msg_id, error in result.failed.items():
        print(f"  e-mail {msg_id}: {error}", file=sys.stderr)
    return 1 if result.failed else 0


def cmd_reminders(db: Session, args: argparse.Namespace) -> int:
    from datetime import date

    from zerosei_app.commands.review_cycle import send_reminders
    from zerosei_app.domain.clock import today

    try:
        day = date.fromisoformat(args.today) if args.today else today()
    except ValueError:
        raise CliError(f"--today non valido: «{args.today}» (scrivi AAAA-MM-GG, per esempio 2026-12-06)") from None
    if not args.base_url and not get_settings().public_url:
        print(
            f"attenzione: ZEROSEI_PUBLIC_URL non impostato, i link nelle e-mail portano a {_base_url(args)}",
            file=sys.stderr,
        )
    report = send_reminders(db, day, _base_url(args))
    db.commit()
    for line in reminder_report_lines(report):
        print(line)
    _send_now(db)
    return 0


def cmd_active(db: Session, args: argparse.Namespace, active: bool) -> int:
    user = get_by_email(db, _email(args.email))
    if user is None:
        raise CliError("nessun account con questa e-mail")
    set_active(db, user.id, active, actor_id=None, now=now())
    db.commit()
    print(f"Account {user.email} {'riattivato' if active else 'disattivato (sessioni chiuse)'}.")
    return 0


def cmd_list(db: Session, _args: argparse.Namespace) -> int:
    for u in db.exec(select(StaffUser).order_by(col(StaffUser.email))).all():
        state = "attivo" if u.is_active else "disattivato"
        ready = "password impostata" if u.password_hash else "in attesa di attivazione"
        print(f"{u.email}\t{u.name}\t{u.role}\t{state}\t{ready}\tcentri={memberships(db, u.id)}")
    return 0


def cmd_centri(db: Session, _args: argparse.Namespace) -> int:
    rows = db.exec(
        select(Centro, Comune.name)
        .join(Comune, col(Comune.codice_istat) == col(Centro.codice_istat))
        .order_by(col(Centro.id))
    ).all()
    for c, comune in rows:
        print(f"{c.id}\t{comune}\t{c.name}{'' if c.is_active else '  (chiuso)'}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="zerosei", description="ZeroSei digitale: strumenti di amministrazione")
    sub = parser.add_subparsers(dest="group", required=True)
    staff = sub.add_parser("staff", help="account del personale")
    actions = staff.add_subparsers(dest="action", required=True)

    add = actions.add_parser("add", help="crea un account e stampa il link di attivazione")
    add.add_argument("--email", required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--role", choices=["operatore", "regione"], default="operatore")
    add.add_argument("--centro", action="append", help="id o nome del centro (ripetibile)")
    add.add_argument("--password-prompt", action="store_true", help="chiede la password invece di stampare un link")
    add.add_argument("--base-url", help="indirizzo del sito per il link (default: ZEROSEI_PUBLIC_URL)")

    inv = actions.add_parser("invite", help="crea un account e manda per e-mail il link per scegliere la password")
    inv.add_argument("--email")
    inv.add_argument("--name")
    inv.add_argument("--csv", help="molte persone: file CSV con righe e-mail;nome;ruolo;centri (id separati da |)")
    inv.add_argument("--role", choices=["operatore", "regione"], default="operatore")
    inv.add_argument("--centro", action="append", help="id o nome del centro (ripetibile)")
    inv.add_argument("--base-url", help="indirizzo del sito per il link (default: ZEROSEI_PUBLIC_URL)")
    res = actions.add_parser("resend", help="manda per e-mail un nuovo link di attivazione")
    res.add_argument("--email", required=True)
    res.add_argument("--base-url")

    link = actions.add_parser("link", help="nuovo link di attivazione (password dimenticata)")
    link.add_argument("--email", required=True)
    link.add_argument("--base-url")
    for name in ("disable", "enable"):
        p = actions.add_parser(name, help=("disattiva" if name == "disable" else "riattiva") + " un account")
        p.add_argument("--email", required=True)
    actions.add_parser("list", help="elenco degli account")
    actions.add_parser("centri", help="elenco dei centri con il loro id")

    mail = sub.add_parser("mail", help="la posta in uscita")
    mail_actions = mail.add_subparsers(dest="action", required=True)
    mail_actions.add_parser("flush", help="invia ora tutto ciò che è in coda (anche i tentativi falliti)")
    mail_actions.add_parser("status", help="e-mail in coda e ultimo errore")
    rem = sub.add_parser("reminders", help="promemoria ai centri per confermare la Carta")
    rem_actions = rem.add_subparsers(dest="action", required=True)
    send = rem_actions.add_parser("send", help="manda i promemoria dovuti oggi (una volta al giorno, da cron)")
    send.add_argument("--today", help="il giorno da considerare, AAAA-MM-GG (default: oggi in Italia)")
    send.add_argument("--base-url", help="indirizzo del sito per i link (default: ZEROSEI_PUBLIC_URL)")

    save = sub.add_parser("backup", help="copia coerente del database, anche con l'app in funzione")
    save.add_argument("file", help="file da creare (non viene mai sovrascritto)")
    back = sub.add_parser("restore", help="rimette il database com'era nel backup (sostituisce i dati attuali)")
    back.add_argument("file")
    back.add_argument("--yes", action="store_true", help="conferma: i dati attuali vengono sostituiti")
    return parser


def cmd_backup_restore(args: argparse.Namespace) -> int:
    from zerosei_app.backup import BackupError, backup, restore

    url = get_settings().database_url
    try:
        if args.group == "backup":
            print(f"backup salvato in {backup(url, Path(args.file))}")
            return 0
        if not args.yes:
            print("errore: il ripristino sostituisce tutti i dati attuali; ripeti con --yes", file=sys.stderr)
            return 2
        restore(url, Path(args.file))
        print(f"database ripristinato da {args.file}; riavvia l'app")
        return 0
    except BackupError as exc:
        print(f"errore: {exc}", file=sys.stderr)
        return 2


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.group in ("backup", "restore"):
        return cmd_backup_restore(args)
    from zerosei_app.settings import get_mail_settings

    get_mail_settings()  # a bad mail setting stops here, naming the variable
    if args.group == "mail":
        handlers = {"flush": cmd_mail, "status": cmd_mail}
    elif args.group == "reminders":
        handlers = {"send": cmd_reminders}
    else:
        handlers = {}
    handlers = handlers or {
        "add": cmd_add,
        "invite": cmd_invite,
        "resend": cmd_resend,
        "link": cmd_link,
        "disable": lambda db, a: cmd_active(db, a, False),
        "enable": lambda db, a: cmd_active(db, a, True),
        "list": cmd_list,
        "centri": cmd_centri,
    }
    try:
        with Session(get_engine()) as db:
            return handlers[args.action](db, args)
    except (CliError, AccountError) as exc:
        print(f"errore: {exc}", file=sys.stderr)
        return 2
    except (OperationalError, ProgrammingError) as exc:
        print(f"errore: database non pronto ({exc.orig}). Esegui prima `make db`.", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
