"""The map of Piemonte drawn by the app: an SVG of the comuni as dots coloured by how they are
served, and the centres' markers positioned over it. No tiles, no other site.

The dots are one static SVG (web/carta_map.py serves it, cached); the centres are links laid over
it by the page (percent positions from `project`), so they are real, focusable links.
"""

# No `from __future__ import annotations`: Reflex reads the dataclass field types at runtime.
import math
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

from zerosei_app.i18n import t
from zerosei_app.queries.carta import MapCentro, MapComune

WIDTH = 600.0
PAD = 8.0
# Piemonte's extent with a margin (the data's own extent, rounded): fixed, so markers and dots agree.
LAT_MIN, LAT_MAX = 44.03, 46.49
LON_MIN, LON_MAX = 6.60, 9.24
_KX = math.cos(math.radians((LAT_MIN + LAT_MAX) / 2))  # equirectangular, true to scale at mid-latitude
HEIGHT = round(PAD * 2 + (LAT_MAX - LAT_MIN) / ((LON_MAX - LON_MIN) * _KX) * (WIDTH - 2 * PAD), 1)
COLOURS = {
    "esplicito": "#0b5394",
    "ente_gestore": "#1c7a4a",
    "ente_noto": "#6a3d9a",  # its ente gestore is known, no centre of its is registered
    "inferito": "#b35c00",
    "": "#6b7280",
}


def project(lat: float, lon: float) -> tuple[float, float]:
    """SVG coordinates (x right, y down)."""
    x = PAD + (lon - LON_MIN) / (LON_MAX - LON_MIN) * (WIDTH - 2 * PAD)
    y = PAD + (LAT_MAX - lat) / (LAT_MAX - LAT_MIN) * (HEIGHT - 2 * PAD)
    return round(x, 1), round(y, 1)


def comuni_svg(points: list[MapComune]) -> str:
    """One <circle> per comune (data-istat, a <title> with its name), grouped by how it is served
    (`<g data-origine=… fill=…>`)."""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:g} {HEIGHT:g}" '
        f'width="{WIDTH:g}" height="{HEIGHT:g}" role="img" aria-label="Piemonte">',
        '<rect width="100%" height="100%" fill="#ffffff"/>',
    ]
    for origine in ("", "inferito", "ente_noto", "ente_gestore", "esplicito"):  # the surest links drawn last, on top
        group = [p for p in points if p.origine == origine]
        if not group:
            continue
        parts.append(f'<g data-origine="{origine}" fill="{COLOURS[origine]}">')
        for p in group:
            x, y = project(p.lat, p.lon)
            parts.append(
                f'<circle cx="{x:g}" cy="{y:g}" r="2.6" data-istat="{p.codice_istat}"><title>{_text(p.name)}</title></circle>'
            )
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)


def _text(value: str) -> str:
    return quoteattr(value)[1:-1]


@dataclass
class MarkerView:
    slug: str
    href: str
    label: str  # "Centro …, Torino: apri la Carta del centro"
    left: str  # "43.2%"
    top: str


def markers(centres: list[MapCentro], lang: str, href_of) -> list[MarkerView]:
    out = []
    for c in centres:
        x, y = project(c.lat, c.lon)
        out.append(
            MarkerView(
                slug=c.slug,
                href=href_of(c.slug),
                label=t("carta.map.marker", lang, nome=c.name, comune=c.comune),
                left=f"{x / WIDTH * 100:.2f}%",
                top=f"{y / HEIGHT * 100:.2f}%",
            )
        )
    return out


def summary(points: list[MapComune], n_centri: int, lang: str) -> str:
    """The map's text alternative: what the colours say, in numbers."""
    count = {
        o: sum(1 for p in points if p.origine == o) for o in ("esplicito", "ente_gestore", "ente_noto", "inferito")
    }
    return t("carta.map.summary", lang, comuni=len(points), centri=n_centri, **count)
