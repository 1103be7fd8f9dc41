"""The directory as open data (the JSON API's centres and entries), from queries/opendata.py's rows."""

from __future__ import annotations

from zerosei_app.models import CardEntry
from zerosei_app.queries.opendata import CentroDetail, CentroRow
from zerosei_app.schemas.percorso import VoceOut
from zerosei_app.view.percorso_out import map_url, voce_fields


def _centro_dict(r: CentroRow) -> dict:
    c, comune, ente = r.centro, r.comune, r.ente
    return {
        "id": c.id,
        "nome": c.name,
        "slug": c.slug,
        "indirizzo": c.address,
        "comune": {"codice_istat": comune.codice_istat, "nome": comune.name, "provincia": comune.sigla_provincia},
        "telefono": c.phone,
        "email": c.email,
        "sito": c.website,
        "orari": c.hours,
        "orari_indicati_nel": c.hours_as_of,
        "ente_gestore": ente.name if ente else c.ente_as_cited,
        "stato_verifica": c.stato_verifica,
        "nota_verifica": c.verification_note,
        "fonte": c.source_url,
        "data_fonte": c.source_date,
        "mappa_url": map_url(c.address, comune.name),
        "lingue_mediazione": list(c.mediation_languages or []),
        # Not the row's timestamp (the seed's load time for every centre): only a change made by staff.
        "aggiornato_il": r.changed_on,
    }


def centri_out(rows: list[CentroRow]) -> list[dict]:
    return [
        {**_centro_dict(r), "n_comuni_serviti": r.n_served, "n_comuni_centro_piu_vicino": r.n_inferiti} for r in rows
    ]


def centro_detail_out(d: CentroDetail | None) -> dict | None:
    if d is None:
        return None
    return {
        **_centro_dict(d.row),
        "comuni_serviti": [
            {
                "codice_istat": m.codice_istat,
                "nome": m.name,
                "provincia": m.sigla_provincia,
                "origine": k.origine,
                "distanza_km": k.distance_km,
            }
            for m, k in d.served
        ],
    }


def voci_out(entries: list[CardEntry]) -> list[dict]:
    return [VoceOut(**voce_fields(e)).model_dump(mode="json") for e in entries]
