"""The path as plain HTML in the first answer, for the seconds before the app is running.

On a slow phone the app's JavaScript and its websocket take several seconds; until then the
compiled page is only a skeleton. This static copy (heading, the centres with tap-to-call links,
the services for now and next) is injected as a direct child of <body>, which React 19 leaves
alone when it hydrates. Its class names are its own (`pv-…`, styled with the app's rules), so
nothing that looks for the app's elements ever finds the copy. CSS shows it only while the app says it is not ready (styles.css,
"#zs-preview"). It renders the page's own view models (view/percorso_view.py), so it says
exactly what the page will say; every text is escaped.
"""

from __future__ import annotations

import html
from datetime import date

from zerosei_app.db import session_scope
from zerosei_app.i18n import t
from zerosei_app.view import percorso_view as view
from zerosei_app.view.percorso_plan import OK, plan_page
from zerosei_app.view.percorso_view import CentroView, ChildView, GroupView

PREVIEW_ID = "zs-preview"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def render(raw_query: str, today: date) -> str:
    """The preview's HTML, or "" when the link does not give a path (the app explains those)."""
    with session_scope() as session:
        plan = plan_page(session, raw_query, today)
    if plan.kind != OK or plan.percorso is None:
        return ""
    p, lang = plan.percorso, plan.query.lang
    parts = [
        f'<div id="{PREVIEW_ID}" lang="{_e(lang)}">',
        '<div class="pv-top"><div class="pv-bar"><a class="pv-brand" href="/">'
        f'<span class="pv-brand-name">ZeroSei</span><span class="pv-brand-tagline">{_e(t("ui.brand.tagline", lang))}</span>'
        "</a></div></div>",
        # Plain divs, not header/main: the app's own landmarks are the only ones on the page.
        '<div class="pv-main pv-path"><div class="pv-path-head">',
        f"<h1>{_e(t('path.heading', lang, comune=plan.comune_name))}</h1>",
        '<ul class="pv-ages">' + "".join(f"<li>{_e(f.eta)}</li>" for f in p.figli) + "</ul></div>",
        f'<p class="pv-counts">{_e(view.counts_text(p, lang))}</p>',
        f'<p class="pv-loading" role="status">{_e(t("ui.path.preview_loading", lang))}</p>',
        f'<section class="pv-centri"><h2>{_e(t("ui.path.centri", lang))}</h2>',
        *(_centro(c, lang) for c in view.centri_views(plan.centri, plan.ente, lang)),
        "</section>",
        *(_child(c) for c in view.children_views(p, lang)),
        "</div></div>",
    ]
    return "".join(parts)


def _centro(c: CentroView, lang: str) -> str:
    address = ", ".join(x for x in (c.indirizzo, c.luogo) if x)
    links = "".join(
        f'<li><a class="pv-contact" href="{_e(link.href)}"><span class="pv-contact-text">{_e(link.label)}'
        + (f'<span class="pv-contact-owner">{_e(link.owner)}</span>' if link.owner else "")
        + "</span></a></li>"
        for link in c.links
    )
    return (
        '<article class="pv-card pv-centro"><h3 class="pv-card-title">'
        + (f'<span class="pv-card-kicker">{_e(c.kicker)}</span><span class="sr-only">: </span>' if c.kicker else "")
        + f'<span lang="it">{_e(c.nome)}</span></h3>'
        + "".join(f'<p class="pv-muted">{_e(n)}</p>' for n in c.notes)
        + (f'<p class="pv-address" lang="it">{_e(address)}</p>' if address else "")
        + (
            f'<p><strong>{_e(t("ui.path.centro.hours", lang))}</strong> <span lang="it">{_e(c.orari)}</span></p>'
            if c.orari
            else ""
        )
        + (f'<p class="pv-contacts-intro">{_e(c.contacts_intro)}</p>' if c.contacts_intro else "")
        + (f'<ul class="pv-contacts">{links}</ul>' if links else "")
        + (f'<p class="pv-pec-note">{_e(c.pec_note)}</p>' if c.pec_note else "")
        + "</article>"
    )


def _child(c: ChildView) -> str:
    out = [f'<section class="pv-child-path"><h2 class="pv-child-title">{_e(c.heading)}</h2>']
    out.append(f'<h3 class="pv-section-title">{_e(c.now_title)}</h3>')
    out += [_group(g) for g in c.now_groups] or [f"<p>{_e(c.now_empty)}</p>"]
    if c.upcoming_groups:
        out.append(f'<h3 class="pv-section-title">{_e(c.upcoming_title)}</h3>')
        out += [_group(g) for g in c.upcoming_groups]
    out.append("</section>")
    return "".join(out)


def _group(g: GroupView) -> str:
    entries = "".join(
        f'<article class="pv-entry"><h5 class="pv-entry-title" lang="it">{_e(v.titolo)}</h5>'
        + (f'<p class="pv-starts">{_e(v.starts)}</p>' if v.starts else "")
        + f'<p class="pv-summary" lang="it">{_e(v.sintesi)}</p></article>'
        for v in g.voci
    )
    return f'<h4 class="pv-group-title">{_e(g.label)}</h4>{entries}'


def inject(page: str, preview: str) -> str:
    """Right after <body>: outside what React renders, so hydration skips it."""
    if not preview or "<body>" not in page:
        return page
    return page.replace("<body>", "<body>" + preview, 1)
