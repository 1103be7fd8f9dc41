"""The HSDS taxonomies and their terms, with their words: the Carta's activity areas, the topics,
the age bounds and the centres' verification states (fixed vocabularies)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from zerosei_app.domain.catalog import CATEGORIES, TOPICS
from zerosei_app.domain.hsds_ids import hsds_id
from zerosei_app.domain.vocabulary import StatoVerifica
from zerosei_app.i18n import t
from zerosei_app.queries.hsds import term_id
from zerosei_app.schemas.hsds import TaxonomyOut, TaxonomyTermOut

STATO_LABELS = {
    StatoVerifica.VERIFICATO: "Verificato",
    StatoVerifica.PARZIALE: "Verificato in parte",
    StatoVerifica.SOLO_NOME: "Solo nome e comune",
    StatoVerifica.INCERTO: "Incerto",
}
STATO_DESCRIPTIONS = {
    StatoVerifica.VERIFICATO: "Nome, sede e recapiti confermati da una fonte pubblica.",
    StatoVerifica.PARZIALE: "Esistenza confermata da una fonte; sede o recapiti incompleti o da confermare.",
    StatoVerifica.SOLO_NOME: "Le fonti danno solo il nome e il comune.",
    StatoVerifica.INCERTO: "Non è certo che sia un Centro per le famiglie regionale.",
}


@dataclass(frozen=True)
class TaxonomyDef:
    key: str
    name: str
    description: str
    terms: tuple[tuple[str, str, str], ...]  # (code, name, description)


AGE_TERMS = (
    ("eta-minima-mesi", "Età minima in mesi", "Età minima in mesi compiuti (negativa: mesi prima della nascita)."),
    ("eta-massima-mesi", "Età massima in mesi", "Età massima in mesi compiuti."),
    ("gravidanza", "Dalla gravidanza", "Il servizio accoglie anche le famiglie in attesa (valore: da quanti mesi)."),
)

TAXONOMIES = (
    TaxonomyDef(
        "aree",
        "Carta ZeroSei – aree di attività",
        "Le aree di attività della Carta regionale per le famiglie ZeroSei (Regione Piemonte).",
        tuple((c, t(f"category.{c}", "it"), t(f"category.{c}", "en")) for c in CATEGORIES),
    ),
    TaxonomyDef(
        "temi",
        "Carta ZeroSei – temi",
        "I temi che un genitore può scegliere nel percorso ZeroSei.",
        tuple((c, t(f"topic.{c}", "it"), t(f"topic.{c}", "en")) for c in TOPICS),
    ),
    TaxonomyDef("eta", "ZeroSei – età", "Limiti di età dei servizi in mesi e accesso in gravidanza.", AGE_TERMS),
    TaxonomyDef(
        "verifica",
        "ZeroSei – stato di verifica dei centri",
        "Quanto le fonti pubbliche confermano un Centro per le famiglie (nome, sede, recapiti).",
        tuple((v.value, STATO_LABELS[v], STATO_DESCRIPTIONS[v]) for v in StatoVerifica),
    ),
)


def taxonomy_out(d: TaxonomyDef) -> TaxonomyOut:
    return TaxonomyOut(id=hsds_id("taxonomy", d.key), name=d.name, description=d.description, version="1")


def taxonomy_terms(taxonomy_id: str | None = None) -> list[TaxonomyTermOut]:
    out = []
    for d in TAXONOMIES:
        tax_id = hsds_id("taxonomy", d.key)
        if taxonomy_id is not None and taxonomy_id != tax_id:
            continue
        for code, name, description in d.terms:
            out.append(
                TaxonomyTermOut(
                    id=term_id(d.key, code),
                    code=code,
                    name=name,
                    description=description,
                    taxonomy=d.name,
                    taxonomy_id=tax_id,
                    language="it",
                )
            )
    return out


@functools.cache
def term(taxonomy: str, code: str) -> TaxonomyTermOut:
    """Fixed vocabularies: built once per process (callers never modify the returned model)."""
    return next(x for x in taxonomy_terms(hsds_id("taxonomy", taxonomy)) if x.code == code)
