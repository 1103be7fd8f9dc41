"""Which ente gestore serves each comune, read: the Regione's list, the dry run of a CSV of them, the export
and its template (setting them: commands/comune_ente.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from zerosei_app.domain.csv_enti_comuni import export_enti_csv, parse_enti_csv, template_csv
from zerosei_app.domain.import_problems import problem
from zerosei_app.domain.text import fold
from zerosei_app.domain.vocabulary import OrigineCopertura
from zerosei_app.models import Centro, Comune, ComuneEnteGestore, Copertura, EnteGestore


@dataclass
class ComuneEnte:
    codice_istat: str
    name: str
    provincia: str
    ente_id: int | None
    ente: str
    source: str  # "Indicato dalla Regione il …", the source's name, or ""
    only_inferred: bool  # served only by the nearest centre (a guess)
    centri: str  # the centres serving it now


def _enti(db: Session) -> tuple[dict[int, EnteGestore], dict[str, EnteGestore]]:
    rows = db.exec(select(EnteGestore)).all()
    by_name: dict[str, EnteGestore] = {}
    for e in rows:
        by_name[fold(e.name)] = e
        if e.short_name:
            by_name.setdefault(fold(e.short_name), e)
    return {e.id: e for e in rows}, by_name


def listing(db: Session, only_inferred: bool = False, provincia: str = "", q: str = "") -> list[ComuneEnte]:
    enti = {e.id: e for e in db.exec(select(EnteGestore)).all()}
    links = {x.codice_istat: x for x in db.exec(select(ComuneEnteGestore)).all()}
    centri = {c.id: c for c in db.exec(select(Centro).where(col(Centro.is_active).is_(True))).all()}
    serving: dict[str, list[Copertura]] = {}
    for k in db.exec(select(Copertura)).all():
        if k.centro_id in centri:
            serving.setdefault(k.codice_istat, []).append(k)
    wanted = fold(q)
    out = []
    for m in db.exec(select(Comune).order_by(col(Comune.sigla_provincia), col(Comune.name))).all():
        if provincia and m.sigla_provincia != provincia:
            continue
        if wanted and wanted not in fold(m.name) and wanted != m.codice_istat:
            continue
        ks = serving.get(m.codice_istat, [])
        guessed = not ks or all(k.origine == OrigineCopertura.INFERITO for k in ks)
        if only_inferred and not guessed:
            continue
        link = links.get(m.codice_istat)
        ente = enti.get(link.ente_gestore_id) if link else None
        out.append(
            ComuneEnte(
                m.codice_istat,
                m.name,
                m.sigla_provincia,
                ente.id if ente else None,
                ente.name if ente else "",
                (link.notes or link.name_as_cited or "") if link else "",
                guessed,
                ", ".join(centri[k.centro_id].name for k in ks),
            )
        )
    return out


@dataclass
class EntiRowPlan:
    """One row of the CSV as the dry run sees it (like csv_import.RowPlan, with the comune and its ente)."""

    line: int
    codice_istat: str
    comune: str
    ente: str
    action: str  # nuovo | modifica | invariato | errore (shown and counted as they are)
    errors: list[str] = field(default_factory=list)


@dataclass
class EntiPlan:
    """The dry run of a CSV of comuni and their enti gestori (like csv_import.ImportPlan)."""

    rows: list[EntiRowPlan] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)  # the whole file

    @property
    def ok(self) -> bool:
        return not self.file_errors and all(r.action != "errore" for r in self.rows)

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)


def plan_import(db: Session, data: bytes | str) -> tuple[EntiPlan, list[tuple[str, int]]]:
    parsed = parse_enti_csv(data)
    plan = EntiPlan(file_errors=list(parsed.table.errors))
    work: list[tuple[str, int]] = []
    by_id, by_name = _enti(db)
    links = {x.codice_istat: x.ente_gestore_id for x in db.exec(select(ComuneEnteGestore)).all()}
    seen: dict[str, int] = {}
    for r in parsed.rows:
        errors = [f"{k}: {m}" for k, m in r.errors.items()]
        v = r.value
        comune = db.get(Comune, v.codice_istat) if v else None
        ente = None
        if v is not None:
            if comune is None:
                errors.append(problem("istat_not_piemonte", code=v.codice_istat))
            ente = by_id.get(v.ente_id) if v.ente_id else by_name.get(fold(v.ente))
            if ente is None:
                what = f"ID {v.ente_id}" if v.ente_id else f"«{v.ente[:60]}»"
                errors.append(problem("ente_not_found", what=what))
            if v.codice_istat in seen:
                errors.append(problem("comune_repeated", line=seen[v.codice_istat]))
            seen.setdefault(v.codice_istat, r.line)
        code = v.codice_istat if v else ""
        name = comune.name if comune else ""
        if errors:
            plan.rows.append(EntiRowPlan(r.line, code, name, ente.name if ente else "", "errore", errors))
            continue
        current = links.get(code)
        action = "invariato" if current == ente.id else ("modifica" if current else "nuovo")
        plan.rows.append(EntiRowPlan(r.line, code, name, ente.name, action))
        if action != "invariato":
            work.append((code, ente.id))
    return plan, work


def export_csv(db: Session) -> bytes:
    return export_enti_csv(
        {
            "codice_istat": c.codice_istat,
            "comune": c.name,
            "provincia": c.provincia,
            "ente_id": c.ente_id or "",
            "ente": c.ente,
        }
        for c in listing(db)
    )


def template(db: Session) -> bytes:
    link = db.exec(select(ComuneEnteGestore).order_by(col(ComuneEnteGestore.codice_istat))).first()
    comune = db.get(Comune, link.codice_istat) if link else None
    ente = db.get(EnteGestore, link.ente_gestore_id) if link else None
    example = {
        "codice_istat": comune.codice_istat if comune else "001272",
        "comune": comune.name if comune else "Torino",
        "provincia": comune.sigla_provincia if comune else "TO",
        "ente_id": ente.id if ente else "",
        "ente": ente.name if ente else "",
    }
    return template_csv(example)


def centri_options(db: Session) -> list[list[str]]:
    """[id, "name (comune)"] of the open centres, for "the centre that serves it"."""
    rows = db.exec(
        select(Centro, Comune.name)
        .join(Comune, col(Comune.codice_istat) == col(Centro.codice_istat))
        .where(col(Centro.is_active).is_(True))
        .order_by(col(Centro.name))
    ).all()
    return [[str(c.id), f"{c.name} ({comune})"] for c, comune in rows]
