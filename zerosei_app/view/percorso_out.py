"""A parent's path in the API's shape (schemas/percorso.py), from the plain data of queries/percorso.py.

The API answers with it and the page reads it (view/percorso_plan.py); entries and centres in this shape
are built once per data snapshot (`PathData.memo`) and shared read-only between requests.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from urllib.parse import quote_plus

from zerosei_app.domain.catalog import MAX_AGE_MONTHS, MIN_AGE_MONTHS
from zerosei_app.domain.chiusure import is_active, to_announce
from zerosei_app.domain.link import PathQuery, to_query_string
from zerosei_app.domain.path import ChildPath, Upcoming
from zerosei_app.domain.vocabulary import OrigineCopertura
from zerosei_app.i18n.format import language_name
from zerosei_app.models import CardEntry, Chiusura, Comune
from zerosei_app.queries.contacts import CentroContacts, Contacts, ente_name
from zerosei_app.queries.percorso import PathData
from zerosei_app.schemas.percorso import (
    CentroOut,
    ChiusuraOut,
    ComuneOut,
    ContattiOut,
    CostoOut,
    EnteGestoreOut,
    FiglioOut,
    LinguaOut,
    PercorsoOut,
    ProssimaOut,
    VoceOut,
)
from zerosei_app.view.contacts_out import contacts_out, ente_out
from zerosei_app.view.tappe_out import funzioni_out, tappe_for_child
from zerosei_app.view.wording import age_in_words


def map_url(address: str | None, comune: str) -> str | None:
    if not address or address.lower().startswith("non indicato"):
        return f"https://www.openstreetmap.org/search?query={quote_plus(comune + ', Piemonte')}"
    # Sources often add notes in brackets or after a comma: keep the street part.
    street = address.split("(")[0].strip().rstrip(",")
    return f"https://www.openstreetmap.org/search?query={quote_plus(f'{street}, {comune}')}"


def chiusura_out(w: Chiusura | None, today: date) -> ChiusuraOut | None:
    return (
        None if w is None else ChiusuraOut(dal=w.starts_on, al=w.ends_on, motivo=w.reason, in_corso=is_active(w, today))
    )


def announce(windows: Iterable[Chiusura] | None, today: date) -> ChiusuraOut | None:
    """The closure families see today (in course, or starting within domain/chiusure.NOTICE_DAYS)."""
    return chiusura_out(to_announce(windows or (), today), today)


def _key(c: ChiusuraOut | None) -> tuple:
    return (c.dal, c.al, c.motivo, c.in_corso) if c else ()


def _stated(text: str | None) -> str | None:
    return text.strip() or None if text else None


def centro_out(c: CentroContacts, family: Comune) -> CentroOut:
    """`family`: the comune whose path this is (its province and contacts)."""
    s = c.serving
    centro = s.centro
    return CentroOut(
        id=centro.id,
        nome=centro.name,
        slug=centro.slug,
        indirizzo=centro.address,
        comune=s.comune.name,
        provincia=s.comune.sigla_provincia,
        telefono=centro.phone,
        email=centro.email,
        sito=centro.website,
        orari=centro.hours,
        orari_indicati_nel=centro.hours_as_of,
        ente_gestore=ente_name(s.ente) if s.ente else centro.ente_as_cited,
        stato_verifica=centro.stato_verifica,
        origine=s.copertura.origine,
        inferito=s.copertura.origine == OrigineCopertura.INFERITO,
        distanza_km=s.copertura.distance_km,
        mappa_url=map_url(centro.address, s.comune.name),
        stessa_provincia=s.comune.sigla_provincia == family.sigla_provincia,
        contatti=contacts_out(c.actions),
        lingue_mediazione=list(centro.mediation_languages or []),
    )


def centri_e_ente_out(contacts: Contacts) -> tuple[list[CentroOut], EnteGestoreOut | None]:
    """The serving centres and the ente gestore to name, as the API writes them."""
    return [centro_out(c, contacts.family) for c in contacts.centri], ente_out(contacts.ente)


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


def _centro_today(data: PathData, c: CentroContacts) -> CentroOut:
    """The centre's output (memoised per snapshot) with the closure families see today."""
    s = c.serving
    shut = chiusura_out(data.chiusure_centro.get(s.centro.id), data.today)
    key = ("centro", s.centro.id, s.copertura.id, data.comune.codice_istat, _key(shut))
    return data.memo(key, lambda: centro_out(c, data.comune).model_copy(update={"chiusura": shut}))


def _fields(data: PathData, e: CardEntry) -> dict:
    return data.memo(("voce_fields", e.id), lambda: voce_fields(e))


def _voce(data: PathData, e: CardEntry) -> VoceOut:
    shut = chiusura_out(data.chiusure_entry.get(e.id), data.today)
    return data.memo(("voce", e.id, _key(shut)), lambda: VoceOut(**_fields(data, e), chiusura=shut))


def _prossima(data: PathData, u: Upcoming) -> ProssimaOut:
    shut = chiusura_out(data.chiusure_entry.get(u.entry.id), data.today)
    out = ProssimaOut(**_fields(data, u.entry), tra_mesi=u.starts_in_months, da_mese=str(u.starts_on), chiusura=shut)
    out._view_memo = _voce(data, u.entry)._view_memo  # the same entry: the same derived texts
    return out


def _child(data: PathData, path: ChildPath, lang: str) -> FiglioOut:
    child = path.child
    return FiglioOut(
        nascita=str(child.month) if child.kind == "nato" else None,
        attesa=str(child.month) if child.kind == "atteso" else None,
        eta_mesi=child.age_months,
        eta=age_in_words(child, lang),
        nato_presumibilmente=child.born_presumably,
        adesso=[_voce(data, e) for e in path.now],
        prossimi=[_prossima(data, u) for u in path.upcoming],
        tappe=tappe_for_child(data.tappe, child),
    )


def _language(q: PathQuery, found: bool, lang: str) -> LinguaOut | None:
    if q.lingua is None:
        return None
    return LinguaOut(codice=q.lingua, nome=language_name(q.lingua, lang), trovata=found)


def percorso_out(data: PathData, lang: str) -> PercorsoOut:
    """The path as the API answers it (and the page reads it), in `lang`."""
    q, comune = data.query, data.comune
    return PercorsoOut(
        comune=ComuneOut(
            codice_istat=comune.codice_istat, nome=comune.name, provincia=comune.sigla_provincia, cap=comune.cap or []
        ),
        centri=[_centro_today(data, c) for c in data.contacts.centri],
        ente_gestore=data.memo(("ente", comune.codice_istat), lambda: ente_out(data.contacts.ente)),
        figli=[_child(data, path, lang) for path in data.children],
        funzioni=data.memo(("funzioni", lang), lambda: funzioni_out(lang)),
        temi=list(q.temi),
        lingua=_language(q, data.language_found, lang),
        lingue_dichiarate=data.languages_stated,
        lang=lang,
        link=to_query_string(q),
    )
