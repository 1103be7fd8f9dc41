"""The Carta's slugs and activity areas (pure domain)."""

from __future__ import annotations

from dataclasses import dataclass

from zerosei_app.domain.carta import AREAS, OTHER_AREA, group_by_area, is_slug, slug_base, slug_fits, unique_slug


def test_slug_base_drops_generic_words_and_notes():
    assert slug_base("Centro Relazioni e Famiglie", "Torino") == "torino-centro-relazioni-e-famiglie"
    assert slug_base("Centro per le Famiglie", "Asti") == "asti"
    assert slug_base("Centro per le Famiglie di Novara", "Novara") == "novara"
    assert slug_base('Centro per le famiglie "Punto DI" (quartiere Cristo)', "Alessandria") == "alessandria-punto-di"
    assert slug_base("Centro per le Famiglie del C.I.S.A. Tortona", "Tortona") == "tortona-cisa-tortona"
    assert slug_base("Centro Sant’Anna", "Sant'Ambrogio di Torino") == "sant-ambrogio-di-torino-centro-sant-anna"


def test_slug_is_short_and_well_formed():
    slug = slug_base("Centro " + "molto " * 30 + "lungo", "Castelnuovo Belbo")
    assert len(slug) <= 60 and is_slug(slug) and not slug.endswith("-")


def test_unique_and_fits():
    assert unique_slug("asti", []) == "asti"
    assert unique_slug("asti", ["asti", "asti-2"]) == "asti-3"
    assert unique_slug("stampa", []) == "stampa-2"  # /carta/stampa is the print edition
    assert slug_fits("asti-2", "asti") and slug_fits("asti", "asti") and not slug_fits("asti-nord", "asti")


def test_is_slug_rejects_hostile_text():
    for bad in ("", "../etc", "a b", "A", "x" * 200, "<script>", "asti-"):
        assert not is_slug(bad)


@dataclass
class E:
    category: str
    age_min_months: int = 0
    age_max_months: int = 72
    title: str = "x"


def test_every_entry_lands_in_one_area_in_the_carta_order():
    entries = [E("interventi-sostegno"), E("servizi-territorio"), E("mediazione-familiare"), E("sconosciuta")]
    groups = group_by_area(entries)
    assert [a for a, _ in groups] == ["mediazione-familiare", "interventi-sostegno", OTHER_AREA]
    assert sum(len(items) for _, items in groups) == len(entries)
    assert len(AREAS) == 9


def test_the_carta_keys_built_at_run_time_exist_in_every_language():
    from zerosei_app.i18n import LANGUAGES
    from zerosei_app.i18n.catalogs import CATALOGS

    keys = [f"carta.area.{a}" for a in (*AREAS, OTHER_AREA)]
    keys += [f"carta.status.{s}" for s in ("verificato", "parziale", "solo_nome", "incerto")]
    keys += [f"carta.served.{o}" for o in ("esplicito", "ente_gestore", "inferito")]
    keys += [f"carta.share.{r}" for r in ("shared", "copied", "failed")]
    for lang in LANGUAGES:
        assert [k for k in keys if k not in CATALOGS[lang]] == [], lang
