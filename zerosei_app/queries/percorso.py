"""A parent's path: the one function the API and the parent page both call."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from urllib.parse import quote_plus

from sqlmodel import Session

from zerosei_app.domain.catalog import MAX_AGE_MONTHS, MIN_AGE_MONTHS
from zerosei_app.domain.chiusure import is_active, to_announce
from zerosei_app.domain.errors import FieldError
from zerosei_app.domain.lingua import in_language, stated_languages
from zerosei_app.domain.link import PathQuery, to_query_string, validate_for_path
from zerosei_app.domain.path import select_for_child
from zerosei_app.domain.vocabulary import OrigineCopertura
from zerosei_app.i18n.format import age_in_words, language_name
from zerosei_app.models import CardEntry, Comune
from zerosei_app.queries.centri import ServingCentro
from zerosei_app.queries.contatti import centro_actions, ente_for_family, ente_name
from zerosei_app.queries.snapshot import public_data
from zerosei_app.queries.tappe import funzioni_out, tappe_for_child
from zerosei_app.schemas.percorso import (
    CentroOut,
    ChiusuraOut,
    ComuneOut,
    ContattiOut,
    CostoOut,
    FiglioOut,
    LinguaOut,
    PercorsoOut,
    ProssimaOut,
    VoceOut,
)


@dataclass
class PercorsoResult:
    percorso: PercorsoOut | None = None
    errors: list[FieldError] = field(default_factory=list)
    unknown_comune: bool = False


def map_url(indirizzo: str | None, comune: str) -> str | None:
    if not indirizzo or indirizzo.lower().startswith("non indicato"):
        return f"https://www.openstreetmap.org/search?query={quote_plus(comune + ', Piemonte')}"
    # Sources often add notes in brackets or after a comma: keep the street part.
    street = indirizzo.split("(")[0].strip().rstrip(",")
    return f"https://www.openstreetmap.org/search?query={quote_plus(f'{street}, {comune}')}"


def centro_out(s: ServingCentro, family: Comune | None = None) -> CentroOut:
    """`family`: the comune whose path this is (its province and contacts); the centre's own comune if None."""
    c = s.centro
    family = family or s.comune
    return CentroOut(
        id=c.id,
        nome=c.nome,
        slug=c.slug,
        indirizzo=c.indirizzo,
        comune=s.comune.nome,
        provincia=s.comune.sigla_provincia,
        telefono=c.telefono,
        email=c.email,
        sito=c.sito,
        orari=c.orari,
        orari_indicati_nel=c.orari_data,
        ente_gestore=ente_name(s.ente) if s.ente else c.ente_nella_fonte,
        stato_verifica=c.stato_verifica,
        origine=s.copertura.origine,
        inferito=s.copertura.origine == OrigineCopertura.INFERITO,
        distanza_km=s.copertura.distanza_km,
        mappa_url=map_url(c.indirizzo, s.comune.nome),
        stessa_provincia=s.comune.sigla_provincia == family.sigla_provincia,
        contatti=centro_actions(s, family),
    )


def _stated(text: str | None) -> str | None:
    return text.strip() or None if text else None


def centro_today(data, s: ServingCentro, comune: Comune, today: date) -> CentroOut:
    """The centre's output (memoised per snapshot) with the closure families see today."""
    shut = announce(data.chiusure_centro.get(s.centro.id), today)
    key = ("centro", s.centro.id, s.copertura.id, comune.codice_istat, _key(shut))
    return data.memo(key, lambda: centro_out(s, comune).model_copy(update={"chiusura": shut}))


def voce_fields(e: CardEntry) -> dict:
    """An entry as parents and reusers get it: what nobody stated is null, never a default."""
    whole_range = (e.age_min_months, e.age_max_months) == (MIN_AGE_MONTHS, MAX_AGE_MONTHS)
    cost_known = e.cost_free is not None or bool(_stated(e.cost_note))
    return dict(
        id=e.id,
        centro_id=e.centro_id,
        titolo=e.title,
        sintesi=e.summary,
        descrizione=_stated(e.description),
        categoria=e.category,
        temi=list(e.topics or []),
        eta_min_mesi=None if whole_range else e.age_min_months,
        eta_max_mesi=None if whole_range else e.age_max_months,
        ente=_stated(e.provider),
        luogo=_stated(e.location),
        online=e.online,
        quando=_stated(e.schedule),
        costo=CostoOut(gratuito=e.cost_free, nota=_stated(e.cost_note)) if cost_known else None,
        accesso=_stated(e.access),
        contatti=ContattiOut(telefono=e.contact_phone, email=e.contact_email, sito=e.contact_url),
        lingue=list(e.languages) if e.languages else None,
        verificato_il=e.last_reviewed_on,
        esempio=e.is_example,
        fonte=e.source_url,
    )


def announce(windows, today: date) -> ChiusuraOut | None:
    """The closure families see today (in course, or starting within domain/chiusure.NOTICE_DAYS)."""
    w = to_announce(windows or (), today)
    if w is None:
        return None
    return ChiusuraOut(dal=w.dal, al=w.al, motivo=w.motivo, in_corso=is_active(w, today))


def _key(c: ChiusuraOut | None) -> tuple:
    return (c.dal, c.al, c.motivo, c.in_corso) if c else ()


def build_percorso(session: Session, query: PathQuery, today: date) -> PercorsoResult:
    children, errors = validate_for_path(query, today)
    if errors:
        return PercorsoResult(errors=list(errors))
    data = public_data(session)  # one small query; the rest is in memory (queries/snapshot.py)
    comune = data.comune(query.comune)
    if comune is None:
        return PercorsoResult(
            errors=[FieldError("comune", "unknown_comune", {"value": query.comune})], unknown_comune=True
        )
    serving = data.centri_for_comune(comune.codice_istat)
    entries = data.published_entries([s.centro.id for s in serving])

    # Entries and centres in their output form are computed once per snapshot and shared (read-only).
    def fields(e: CardEntry) -> dict:
        return data.memo(("voce_fields", e.id), lambda: voce_fields(e))

    def voce(e: CardEntry) -> VoceOut:
        shut = announce(data.chiusure_voce.get(e.id), today)
        return data.memo(("voce", e.id, _key(shut)), lambda: VoceOut(**fields(e), chiusura=shut))

    def prossima(u) -> ProssimaOut:
        shut = announce(data.chiusure_voce.get(u.entry.id), today)
        out = ProssimaOut(**fields(u.entry), tra_mesi=u.starts_in_months, da_mese=str(u.starts_on), chiusura=shut)
        out._view_memo = voce(u.entry)._view_memo  # the same entry: the same derived texts
        return out

    # "In my language": the services a centre states in it; when none of this path does, all of them.
    paths = [select_for_child(in_language(entries, query.lingua), child, query.temi) for child in children]
    trovata = any(p.now or p.upcoming for p in paths)
    if query.lingua is not None and not trovata:
        paths = [select_for_child(entries, child, query.temi) for child in children]
    figli = []
    for child, path in zip(children, paths, strict=True):
        figli.append(
            FiglioOut(
                nascita=str(child.month) if child.kind == "nato" else None,
                attesa=str(child.month) if child.kind == "atteso" else None,
                eta_mesi=child.age_months,
                eta=age_in_words(child, query.lang),
                nato_presumibilmente=child.born_presumably,
                adesso=[voce(e) for e in path.now],
                prossimi=[prossima(u) for u in path.upcoming],
                tappe=tappe_for_child(data.tappe, child),
            )
        )
    percorso = PercorsoOut(
        comune=ComuneOut(
            codice_istat=comune.codice_istat, nome=comune.nome, provincia=comune.sigla_provincia, cap=comune.cap or []
        ),
        centri=[centro_today(data, s, comune, today) for s in serving],
        ente_gestore=data.memo(
            ("ente", comune.codice_istat),
            lambda: ente_for_family(data.ente_of.get(comune.codice_istat), comune, serving),
        ),
        figli=figli,
        funzioni=data.memo(("funzioni", query.lang), lambda: funzioni_out(query.lang)),
        temi=list(query.temi),
        lingua=LinguaOut(codice=query.lingua, nome=language_name(query.lingua, query.lang), trovata=trovata)
        if query.lingua is not None
        else None,
        lingue_dichiarate=stated_languages(entries),
        lang=query.lang,
        link=to_query_string(query),
    )
    return PercorsoResult(percorso=percorso)
