"""CSV imports, the dry run: every row's problems and what the commit would do (commands/csv_import.py applies
the same plan, all or nothing). `plan_*_work` also returns the rows the commit applies."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, select

from zerosei_app.domain.csv_centri import CentroRowInput, CoperturaRowInput, parse_centri_csv, parse_copertura_csv
from zerosei_app.domain.csv_entries import HEADER, parse_entries_csv
from zerosei_app.domain.entry_form import LABELS, same_content
from zerosei_app.domain.import_problems import problem
from zerosei_app.domain.text import fold
from zerosei_app.models import CardEntry, Centro, Comune, EnteGestore
from zerosei_app.queries.staff_coverage import still_inferred
from zerosei_app.queries.staff_entries import content_of, reference_errors


@dataclass
class RowPlan:
    line: int
    action: str  # nuova | modifica | invariata | errore
    label: str
    errors: list[str] = field(default_factory=list)  # "Colonna: messaggio"


@dataclass
class ImportPlan:
    file_errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rows: list[RowPlan] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.file_errors and bool(self.rows) and all(r.action != "errore" for r in self.rows)

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)


def _errors(named: dict[str, str]) -> list[str]:
    return [f"{k}: {v}" if k else v for k, v in named.items()]


# ---------------------------------------------------------------- a centre's entries


def plan_entries_work(db: Session, centro_id: int, data: bytes | str):
    parsed = parse_entries_csv(data)
    plan = ImportPlan(list(parsed.table.errors), list(parsed.table.notes))
    work = []
    for row in parsed.rows:
        errors = dict(row.errors)
        entry = None
        if row.entry_id is not None and HEADER["id"] not in errors:
            entry = db.get(CardEntry, row.entry_id)
            if entry is None or entry.centro_id != centro_id:
                errors[HEADER["id"]] = problem("entry_not_in_centro", entry_id=row.entry_id)
                entry = None
            elif row.version is not None and row.version != entry.version:
                errors[HEADER["version"]] = problem(
                    "entry_changed_since_export", version=row.version, current=entry.version
                )
        if row.entry is not None:
            for key, message in reference_errors(db, row.entry).items():
                errors[HEADER.get(key, LABELS.get(key, key))] = message
        title = row.entry.title if row.entry else (row.raw_title or problem("untitled"))
        if errors or row.entry is None:
            plan.rows.append(RowPlan(row.line, "errore", title, _errors(errors)))
            continue
        if entry is None:
            plan.rows.append(RowPlan(row.line, "nuova", title))
        else:
            same = (
                same_content(content_of(entry), row.entry.as_values())
                and (row.status in (None, entry.status))
                and (row.last_reviewed_on in (None, entry.last_reviewed_on))
            )
            plan.rows.append(RowPlan(row.line, "invariata" if same else "modifica", title))
        work.append((row, entry))
    return plan, work


def plan_entries_import(db: Session, centro_id: int, data: bytes | str) -> ImportPlan:
    return plan_entries_work(db, centro_id, data)[0]


# ---------------------------------------------------------------- lookups for the Regione's lists


class _Lookups:
    def __init__(self, db: Session):
        comuni = db.exec(select(Comune.codice_istat, Comune.name)).all()
        self.comune_codes = {code for code, _ in comuni}
        self.comune_names: dict[str, list[str]] = {}
        self.comune_name_of = dict(comuni)
        for code, nome in comuni:
            self.comune_names.setdefault(fold(nome), []).append(code)
        self.enti: dict[str, int] = {}
        for e in db.exec(select(EnteGestore)).all():
            self.enti[fold(e.name)] = e.id
            if e.short_name:
                self.enti.setdefault(fold(e.short_name), e.id)
        self.centri = list(db.exec(select(Centro)).all())

    def comune(self, text: str) -> tuple[str | None, str | None]:
        text = text.strip()
        if text.isascii() and text.isdigit():
            code = text.zfill(6)  # Excel drops leading zeros: 1272 → 001272
            return (code, None) if code in self.comune_codes else (None, problem("istat_unknown", code=text))
        codes = self.comune_names.get(fold(text), [])
        if len(codes) == 1:
            return codes[0], None
        if len(codes) > 1:
            return None, problem("comune_ambiguous", name=text)
        return None, problem("comune_unknown", name=text[:60])

    def centro(self, text: str) -> tuple[Centro | None, str | None]:
        text = text.strip()
        if text.isascii() and text.isdigit():
            found = next((c for c in self.centri if c.id == int(text)), None)
            return (found, None) if found else (None, problem("centro_id_unknown", id=text))
        matches = [c for c in self.centri if fold(c.name) == fold(text)]
        if len(matches) == 1:
            return matches[0], None
        if len(matches) > 1:
            return None, problem("centro_ambiguous", name=text[:60])
        return None, problem("centro_unknown", name=text[:60])


# ---------------------------------------------------------------- the official list of centres


def plan_centri_work(db: Session, data: bytes | str):
    parsed = parse_centri_csv(data)
    plan = ImportPlan(list(parsed.table.errors), list(parsed.table.notes))
    look = _Lookups(db)
    new_enti: set[str] = set()
    seen: set[tuple[str, str]] = set()
    work = []
    for row in parsed.rows:
        # Each message names its row and column, so it reads on its own (also outside the table).
        errors = [f"{k} (riga {row.line}): {v}" if k else f"Riga {row.line}: {v}" for k, v in row.errors.items()]
        value: CentroRowInput | None = row.value  # type: ignore[assignment]
        if value is None:
            plan.rows.append(RowPlan(row.line, "errore", problem("bad_row"), errors))
            continue
        code, comune_problem = look.comune(value.comune)
        if comune_problem:
            errors.append(f"Comune: {comune_problem}")
        ente_id = look.enti.get(fold(value.ente_gestore)) if value.ente_gestore else None
        if value.ente_gestore and ente_id is None:
            new_enti.add(value.ente_gestore)
        existing = _existing_centro(look, value, code, errors)
        key = (fold(value.name), code or "")
        if key in seen:
            errors.append(problem("centro_twice"))
        seen.add(key)
        if errors:
            plan.rows.append(RowPlan(row.line, "errore", value.name, errors))
            continue
        values = _centro_values(value, code, ente_id, existing)
        plan.rows.append(RowPlan(row.line, _centro_action(existing, values, value, ente_id), value.name))
        work.append((values, existing, value.ente_gestore if ente_id is None and value.ente_gestore else None))
    for name in sorted(new_enti):
        plan.notes.append(problem("ente_to_add", name=name))
    return plan, work


def _existing_centro(look: _Lookups, value: CentroRowInput, code: str | None, errors: list[str]) -> Centro | None:
    """The centre the row updates: by its ID, else by name and comune; an unknown ID is an error."""
    if value.id is not None:
        existing = next((c for c in look.centri if c.id == value.id), None)
        if existing is None:
            errors.append(problem("centro_new_id_unknown", id=value.id))
        return existing
    if code:
        return next((c for c in look.centri if fold(c.name) == fold(value.name) and c.codice_istat == code), None)
    return None


def _centro_values(value: CentroRowInput, code: str | None, ente_id: int | None, existing: Centro | None) -> dict:
    values = {
        "name": value.name,
        "codice_istat": code,
        "address": value.address or None,
        "phone": value.phone or None,
        "email": value.email or None,
        "website": value.website or None,
        "hours": value.hours or None,
        "ente_gestore_id": ente_id,
        "stato_verifica": value.stato_verifica,
        "is_active": value.active,
    }
    if existing is not None and not value.ente_gestore:
        values["ente_gestore_id"] = existing.ente_gestore_id  # an empty cell changes nothing
    if value.mediation_languages is not None:  # no such column (an older file): the stored ones stay
        values["mediation_languages"] = value.mediation_languages
    return values


def _centro_action(existing: Centro | None, values: dict, value: CentroRowInput, ente_id: int | None) -> str:
    if existing is None:
        return "nuova"
    same = ente_id is not None or not value.ente_gestore  # a new ente gestore is a change
    same = same and all(getattr(existing, k) == v for k, v in values.items())
    return "invariata" if same else "modifica"


def plan_centri_import(db: Session, data: bytes | str) -> ImportPlan:
    return plan_centri_work(db, data)[0]


# ---------------------------------------------------------------- which comuni each centre serves


def plan_copertura_work(db: Session, data: bytes | str):
    parsed = parse_copertura_csv(data)
    plan = ImportPlan(list(parsed.table.errors), list(parsed.table.notes))
    look = _Lookups(db)
    pairs: dict[str, set[int]] = {}
    for row in parsed.rows:
        errors = _errors(row.errors)
        value: CoperturaRowInput | None = row.value  # type: ignore[assignment]
        if value is None:
            plan.rows.append(RowPlan(row.line, "errore", problem("bad_row"), errors))
            continue
        centro, p1 = look.centro(value.centro)
        code, p2 = look.comune(value.comune)
        errors += [f"Centro: {p1}"] if p1 else []
        errors += [f"Comune: {p2}"] if p2 else []
        if centro is not None and not centro.is_active:
            errors.append(problem("centro_closed", name=centro.name))
        label = f"{centro.name if centro else value.centro} → {look.comune_name_of.get(code, value.comune) if code else value.comune}"
        if errors:
            plan.rows.append(RowPlan(row.line, "errore", label, errors))
            continue
        pairs.setdefault(code, set()).add(centro.id)
        plan.rows.append(RowPlan(row.line, "nuova", label))
    if plan.ok:
        # Say in words what the commit will do to the guesses.
        inferred_now = {c.codice_istat for c in still_inferred(db)}
        confirmed = len([c for c in pairs if c in inferred_now])
        remaining = len(inferred_now - set(pairs))
        plan.notes.append(problem("copertura_effect", count=len(pairs), inferred=confirmed, remaining=remaining))
    return plan, pairs


def plan_copertura_import(db: Session, data: bytes | str) -> ImportPlan:
    return plan_copertura_work(db, data)[0]


__all__ = [
    "ImportPlan",
    "RowPlan",
    "plan_centri_import",
    "plan_copertura_import",
    "plan_entries_import",
]
