"""CSV imports: a dry run that lists every row's problems, then an all-or-nothing commit.

The commit parses the same file again and applies it only when every row is valid, inside
one transaction (the caller commits, or rolls back on any error).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, select

from zerosei_app.domain.csv_centri import CentroRowInput, CoperturaRowInput, parse_centri_csv, parse_copertura_csv
from zerosei_app.domain.csv_entries import HEADER, parse_entries_csv
from zerosei_app.domain.entry_form import LABELS, same_content
from zerosei_app.domain.import_problems import problem
from zerosei_app.domain.text import fold
from zerosei_app.domain.vocabulary import EntryStatus
from zerosei_app.models import CardEntry, Centro, Comune, EnteGestore, ReviewConfirmation
from zerosei_app.queries import audit
from zerosei_app.queries.staff_coverage import reinfer_uncovered, replace_links_for, still_inferred
from zerosei_app.queries.staff_entries import content_of, create_entry, reference_errors, save_entry


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


class ImportRefused(Exception):
    def __init__(self, plan: ImportPlan):
        super().__init__("import refused")
        self.plan = plan


def _errors(named: dict[str, str]) -> list[str]:
    return [f"{k}: {v}" if k else v for k, v in named.items()]


# ---------------------------------------------------------------- a centre's entries


def _plan_entries(db: Session, centro_id: int, data: bytes | str):
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
    return _plan_entries(db, centro_id, data)[0]


def commit_entries_import(db: Session, centro_id: int, data: bytes | str, user_id: int, now: datetime) -> ImportPlan:
    plan, work = _plan_entries(db, centro_id, data)
    if not plan.ok:
        raise ImportRefused(plan)
    for row, entry in work:
        before = entry.last_reviewed_on if entry is not None else None
        if entry is None:
            entry = create_entry(
                db,
                centro_id,
                row.entry,
                user_id,
                now,
                status=row.status or EntryStatus.DRAFT,
                last_reviewed_on=row.last_reviewed_on,
                action="import",
            )
        else:
            extra = {}
            if row.status:
                extra["status"] = row.status
            if row.last_reviewed_on:
                extra["last_reviewed_on"] = row.last_reviewed_on
            # A changed text is no longer what the centre confirmed, unless the file gives a new date.
            text_changed = not same_content(content_of(entry), row.entry.as_values())
            if text_changed and row.last_reviewed_on in (None, entry.last_reviewed_on):
                extra["last_reviewed_on"] = None
            save_entry(db, entry, entry.version, row.entry, user_id, now, action="import", extra=extra)
        if row.last_reviewed_on and row.last_reviewed_on != before:
            # A confirmation date the file brings is the review cycle's "import" confirmation.
            db.add(
                ReviewConfirmation(
                    centro_id=centro_id,
                    entry_id=entry.id,
                    confirmed_on=row.last_reviewed_on,
                    confirmed_at=now,
                    user_id=user_id,
                    how="import",
                    previous_on=before,
                )
            )
    return plan


# ---------------------------------------------------------------- lookups for the Regione's lists


class _Lookups:
    def __init__(self, db: Session):
        comuni = db.exec(select(Comune.codice_istat, Comune.nome)).all()
        self.comune_codes = {code for code, _ in comuni}
        self.comune_names: dict[str, list[str]] = {}
        self.comune_name_of = dict(comuni)
        for code, nome in comuni:
            self.comune_names.setdefault(fold(nome), []).append(code)
        self.enti: dict[str, int] = {}
        for e in db.exec(select(EnteGestore)).all():
            self.enti[fold(e.nome)] = e.id
            if e.sigla:
                self.enti.setdefault(fold(e.sigla), e.id)
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
        matches = [c for c in self.centri if fold(c.nome) == fold(text)]
        if len(matches) == 1:
            return matches[0], None
        if len(matches) > 1:
            return None, problem("centro_ambiguous", name=text[:60])
        return None, problem("centro_unknown", name=text[:60])


# ---------------------------------------------------------------- the official list of centres

_CENTRO_FIELDS = (
    "nome",
    "codice_istat",
    "indirizzo",
    "telefono",
    "email",
    "sito",
    "orari",
    "ente_gestore_id",
    "stato_verifica",
    "is_active",
)


def _plan_centri(db: Session, data: bytes | str):
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
        key = (fold(value.nome), code or "")
        if key in seen:
            errors.append(problem("centro_twice"))
        seen.add(key)
        if errors:
            plan.rows.append(RowPlan(row.line, "errore", value.nome, errors))
            continue
        values = _centro_values(value, code, ente_id, existing)
        plan.rows.append(RowPlan(row.line, _centro_action(existing, values, value, ente_id), value.nome))
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
        return next((c for c in look.centri if fold(c.nome) == fold(value.nome) and c.codice_istat == code), None)
    return None


def _centro_values(value: CentroRowInput, code: str | None, ente_id: int | None, existing: Centro | None) -> dict:
    values = {
        "nome": value.nome,
        "codice_istat": code,
        "indirizzo": value.indirizzo or None,
        "telefono": value.telefono or None,
        "email": value.email or None,
        "sito": value.sito or None,
        "orari": value.orari or None,
        "ente_gestore_id": ente_id,
        "stato_verifica": value.stato_verifica,
        "is_active": value.attivo,
    }
    if existing is not None and not value.ente_gestore:
        values["ente_gestore_id"] = existing.ente_gestore_id  # an empty cell changes nothing
    return values


def _centro_action(existing: Centro | None, values: dict, value: CentroRowInput, ente_id: int | None) -> str:
    if existing is None:
        return "nuova"
    same = ente_id is not None or not value.ente_gestore  # a new ente gestore is a change
    same = same and all(getattr(existing, k) == v for k, v in values.items())
    return "invariata" if same else "modifica"


def plan_centri_import(db: Session, data: bytes | str) -> ImportPlan:
    return _plan_centri(db, data)[0]


def commit_centri_import(db: Session, data: bytes | str, user_id: int, now: datetime) -> ImportPlan:
    plan, work = _plan_centri(db, data)
    if not plan.ok:
        raise ImportRefused(plan)
    created_enti: dict[str, int] = {}
    for values, existing, new_ente in work:
        if new_ente:
            values["ente_gestore_id"] = _new_ente_id(db, new_ente, created_enti, user_id, now)
        if existing is None:
            _create_centro(db, values, user_id, now)
        else:
            _update_centro(db, existing, values, user_id, now)
    # Closed centres may leave comuni without a centre: they get the nearest open one again.
    relinked = reinfer_uncovered(db, user_id, now)
    if relinked:
        plan.notes.append(problem("comuni_relinked", count=len(relinked), names=", ".join(relinked[:30])))
    return plan


def _new_ente_id(db: Session, name: str, created: dict[str, int], user_id: int, now: datetime) -> int:
    """The ente gestore the import adds (once, however many rows name it)."""
    key = fold(name)
    if key not in created:
        ente = EnteGestore(nome=name, note="Aggiunto dall'importazione dell'elenco ufficiale dei centri")
        db.add(ente)
        db.flush()
        created[key] = ente.id
        audit.record(
            db,
            entity="ente_gestore",
            entity_id=ente.id,
            centro_id=None,
            user_id=user_id,
            action="import",
            before=None,
            after=audit.snapshot(ente),
            now=now,
        )
    return created[key]


def _create_centro(db: Session, values: dict, user_id: int, now: datetime) -> None:
    comune = db.get(Comune, values["codice_istat"])
    centro = Centro(**values, lat=comune.lat, lon=comune.lon, created_at=now, updated_at=now, version=1)
    db.add(centro)
    db.flush()
    audit.record(
        db,
        entity="centro",
        entity_id=centro.id,
        centro_id=centro.id,
        user_id=user_id,
        action="import",
        before=None,
        after=audit.snapshot(centro),
        now=now,
    )


def _update_centro(db: Session, existing: Centro, values: dict, user_id: int, now: datetime) -> None:
    """Only the values that differ; an unchanged centre keeps its version and is not audited."""
    before = audit.snapshot(existing)
    changed = False
    for k, v in values.items():
        if getattr(existing, k) != v:
            setattr(existing, k, v)
            changed = True
    if not changed:
        return
    existing.version += 1
    existing.updated_at = now
    db.add(existing)
    db.flush()
    audit.record(
        db,
        entity="centro",
        entity_id=existing.id,
        centro_id=existing.id,
        user_id=user_id,
        action="import",
        before=before,
        after=audit.snapshot(existing),
        now=now,
    )


# ---------------------------------------------------------------- which comuni each centre serves


def _plan_copertura(db: Session, data: bytes | str):
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
            errors.append(problem("centro_closed", name=centro.nome))
        label = f"{centro.nome if centro else value.centro} → {look.comune_name_of.get(code, value.comune) if code else value.comune}"
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
    return _plan_copertura(db, data)[0]


def commit_copertura_import(
    db: Session, data: bytes | str, user_id: int, now: datetime
) -> tuple[ImportPlan, list[Comune]]:
    plan, pairs = _plan_copertura(db, data)
    if not plan.ok:
        raise ImportRefused(plan)
    replace_links_for(db, pairs, user_id, now)
    reinfer_uncovered(db, user_id, now)
    return plan, still_inferred(db)


__all__ = [
    "ImportPlan",
    "ImportRefused",
    "RowPlan",
    "commit_centri_import",
    "commit_copertura_import",
    "commit_entries_import",
    "plan_centri_import",
    "plan_copertura_import",
    "plan_entries_import",
]
