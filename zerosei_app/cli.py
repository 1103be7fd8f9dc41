"""`zerosei` command line: staff accounts for the first set-up and for emergencies.

zerosei staff add --email a@b.it --name "Anna Rossi" --role regione
zerosei staff add --email c@d.it --name "Carla" --role operatore --centro 3 --centro "Biella"
zerosei staff add … --password-prompt      (asks for a password instead of printing a link)
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


class CliError(Exception):
    pass


def _base_url(args: argparse.Namespace) -> str:
    return (args.base_url or get_settings().public_url or f"http://localhost:{get_settings().port}").rstrip("/")


def resolve_centro(db: Session, text: str) -> Centro:
    """An id, or a (part of a) name or comune that matches exactly one centre."""
    text = text.strip()
    if text.isascii() and text.isdigit():
        centro = db.get(Centro, int(text))
        if centro is None:
            raise CliError(f"nessun centro con id {text}")
        return centro
    rows = db.exec(
        select(Centro, Comune.nome)
        .join(Comune, col(Comune.codice_istat) == col(Centro.codice_istat))
        .order_by(col(Centro.id))
    ).all()
    key = fold(text)
    exact = [c for c, comune in rows if key in (fold(c.nome), fold(comune))]
    found = exact or [(c, comune) for c, comune in rows if key in f"{fold(c.nome)} {fold(comune)}"]
    found = [(c, comune) for c, comune in rows if c in exact] if exact else found
    if len(found) == 1:
        return found[0][0]
    if not found:
        raise CliError(f"nessun centro corrisponde a «{text}» (usa `zerosei staff centri` per l'elenco)")
    listing = "\n".join(f"  {c.id}: {c.nome} ({comune})" for c, comune in found)
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
        print(f"  centro {c.id}: {c.nome}")
    if token:
        hours = int(SETUP_VALIDITY.total_seconds() // 3600)
        print(f"Link di attivazione (valido {hours} ore, una sola volta; mandalo solo alla persona interessata):")
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
        select(Centro, Comune.nome)
        .join(Comune, col(Comune.codice_istat) == col(Centro.codice_istat))
        .order_by(col(Centro.id))
    ).all()
    for c, comune in rows:
        print(f"{c.id}\t{comune}\t{c.nome}{'' if c.is_active else '  (chiuso)'}")
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

    link = actions.add_parser("link", help="nuovo link di attivazione (password dimenticata)")
    link.add_argument("--email", required=True)
    link.add_argument("--base-url")
    for name in ("disable", "enable"):
        p = actions.add_parser(name, help=("disattiva" if name == "disable" else "riattiva") + " un account")
        p.add_argument("--email", required=True)
    actions.add_parser("list", help="elenco degli account")
    actions.add_parser("centri", help="elenco dei centri con il loro id")

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
    handlers = {
        "add": cmd_add,
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
