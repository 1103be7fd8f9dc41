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
        "nome": c.nome,
        "slug": c.slug,
        "indirizzo": c.indirizzo,
        "comune": {"codice_istat": comune.codice_istat, "nome": comune.name, "provincia": comune.sigla_provincia},
        "telefono": c.telefono,
        "email": c.email,
        "sito": c.sito,
        "orari": c.orari,
        "orari_indicati_nel": c.orari_data,
        "ente_gestore": ente.name if ente else c.ente_nella_fonte,
        "stato_verifica": c.stato_verifica,
        "nota_verifica": c.nota_verifica,
        "fonte": c.fonte_url,
        "data_fonte": c.data_fonte,
        "mappa_url": map_url(c.indirizzo, comune.name),
        "lingue_mediazione": list(c.lingue_mediazione or []),
        # Not the row's timestamp (the seed's load time for every centre): only a change made by staff.
        "aggiornato_il": r.changed_on,
    }


def centri_out(rows: list[CentroRow]) -> list[dict]:
    return [
        {**_centro_dict(r), "n_comuni_serviti": r.n_serviti, "n_comuni_centro_piu_vicino": r.n_inferiti} for r in rows
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
                "distanza_km": k.distanza_km,
            }
            for m, k in d.served
        ],
    }


def voci_out(entries: list[CardEntry]) -> list[dict]:
    return [VoceOut(**voce_fields(e)).model_dump(mode="json") for e in entries]
