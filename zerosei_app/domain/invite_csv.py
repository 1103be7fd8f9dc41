"""Many invitations at once: CSV text pasted by the Regione, one person a line.

    email;nome;ruolo;centri
    carla@comune.it;Carla Bianchi;operatore;3
    anna@regione.piemonte.it;Anna Rossi;regione;

Comma or semicolon (as a spreadsheet saves it); the header line is optional; several centres are
separated by spaces or "|". Every line is checked before anything is created: one wrong line and
nothing happens, with a message per line.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from .staff_forms import InviteInput
from .validation import parse

MAX_LINES = 200
HEADER = ("email", "nome", "ruolo", "centri")


@dataclass
class InvitePlan:
    rows: list[InviteInput] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # "Riga 3: …"


def parse_invites(text: str) -> InvitePlan:
    plan = InvitePlan()
    lines = [line for line in (text or "").splitlines() if line.strip()]
    if not lines:
        plan.errors.append("Incolla almeno una riga: e-mail; nome e cognome; ruolo; centri.")
        return plan
    if len(lines) > MAX_LINES + 1:
        plan.errors.append(f"Al massimo {MAX_LINES} persone alla volta.")
        return plan
    delimiter = ";" if lines[0].count(";") >= lines[0].count(",") else ","
    seen: set[str] = set()
    for number, cells in enumerate(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter), start=1):
        cells = [c.strip() for c in cells] + [""] * 4
        if number == 1 and cells[0].casefold() in ("email", "e-mail"):
            continue
        email, name, role, centri = cells[:4]
        ids = [p for p in centri.replace("|", " ").replace(",", " ").split() if p]
        if any(not (p.isascii() and p.isdigit()) for p in ids):
            plan.errors.append(f"Riga {number}: i centri vanno indicati con il loro numero (id), per esempio 3 o 3|7.")
            continue
        data, errors = parse(
            InviteInput,
            {"email": email, "name": name, "role": (role or "operatore").casefold(), "centri": [int(p) for p in ids]},
        )
        if data is None:
            plan.errors.append(f"Riga {number}: " + " ".join(errors.values()))
        elif data.email in seen:
            plan.errors.append(f"Riga {number}: {data.email} compare più di una volta.")
        else:
            seen.add(data.email)
            plan.rows.append(data)
    return plan
