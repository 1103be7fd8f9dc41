"""The directory as open data: the JSON records /api/v1/centri and /api/v1/voci publish
(Italian keys: it's open data; shapes in schemas/opendata.py and schemas/percorso.py)."""

from __future__ import annotations

from zerosei_app.models import CardEntry
from zerosei_app.queries.opendata import CentroOpenData

# TEMP until merge: map_url and voce_fields move to view/percorso_out.py (branch pipe); import them from there.
from zerosei_app.queries.percorso import map_url, voce_fields
from zerosei_app.schemas.percorso import VoceOut


def _centro(d: CentroOpenData) -> dict:
    c, comune, ente = d.centro, d.comune, d.ente
    return {
        "id": c.id,
        "nome": c.nome,
        "slug": c.slug,
        "indirizzo": c.indirizzo,
        "comune": {"codice_istat": comune.codice_istat, "nome": comune.nome, "provincia": comune.sigla_provincia},
        "telefono": c.telefono,
        "email": c.email,
        "sito": c.sito,
        "orari": c.orari,
        "orari_indicati_nel": c.orari_data,
        "ente_gestore": ente.nome if ente else c.ente_nella_fonte,
        "stato_verifica": c.stato_verifica,
        "nota_verifica": c.nota_verifica,
        "fonte": c.fonte_url,
        "data_fonte": c.data_fonte,
        "mappa_url": map_url(c.indirizzo, comune.nome),
        # Not the row's timestamp (the seed's load time for every centre): only a change made by staff.
        "aggiornato_il": d.changed_on,
    }


def centri_out(centri: list[CentroOpenData]) -> list[dict]:
    """/api/v1/centri: every centre with how many comuni it serves (and for how many it is only the nearest)."""
    return [
        {**_centro(d), "n_comuni_serviti": d.n_comuni_served, "n_comuni_centro_piu_vicino": d.n_comuni_nearest_only}
        for d in centri
    ]


def centro_detail_out(d: CentroOpenData) -> dict:
    """/api/v1/centri/{id}: a centre with the comuni it serves."""
    return {
        **_centro(d),
        "comuni_serviti": [
            {
                "codice_istat": m.codice_istat,
                "nome": m.nome,
                "provincia": m.sigla_provincia,
                "origine": k.origine,
                "distanza_km": k.distanza_km,
            }
            for m, k in d.comuni_served
        ],
    }


def voci_out(entries: list[CardEntry]) -> list[dict]:
    """/api/v1/voci: entries as parents and reusers get them."""
    return [VoceOut(**voce_fields(e)).model_dump(mode="json") for e in entries]
