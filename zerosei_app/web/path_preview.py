"""The path as plain HTML in the first answer, for the seconds before the app is running.

On a slow phone the app's JavaScript and its websocket take several seconds; until then the
compiled page is only a skeleton. This static copy (heading, the services for now and next in the
page's shape, the situational ones in a closed native <details>, then the centres with tap-to-call
links) is injected as a direct child of <body>, which React 19 leaves
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
from zerosei_app.view.percorso_plan import OK, PagePlan, plan_page
from zerosei_app.view.percorso_view import CentroView, EntryListView, EntryView

PREVIEW_ID = "zs-preview"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def render(raw_query: str, today: date) -> str:
    """The preview's HTML for a link, or "" when the link does not give a path (the app explains those)."""
    with session_scope() as session:
        return render_plan(plan_page(session, raw_query, today))


def render_plan(plan: PagePlan) -> str:
    if plan.kind != OK or plan.percorso is None:
        return ""
    p, lang = plan.percorso, plan.query.lang
    services = view.services_view(p, lang)
    parts = [
        f'<div id="{PREVIEW_ID}" lang="{_e(lang)}">',
        '<div class="pv-top"><div class="pv-bar"><a class="pv-brand" href="/">'
        f'<span class="pv-brand-name">ZeroSei</span><span class="pv-brand-tagline">{_e(t("ui.brand.tagline", lang))}</span>'
        "</a></div></div>",
        # Plain divs, not header/main: the app's own landmarks are the only ones on the page.
        '<div class="pv-main pv-path"><div class="pv-path-head">',
        f"<h1>{_e(t('path.heading', lang, comune=plan.comune_name))}</h1>",
        '<ul class="pv-ages">' + "".join(f"<li>{_e(f.eta)}</li>" for f in p.figli) + "</ul></div>",
        f'<p class="pv-counts">{_e(view.counts_text(p, lang, services))}</p>',
        f'<p class="pv-loading" role="status">{_e(t("ui.path.preview_loading", lang))}</p>',
        _services(services, lang),
        f'<section class="pv-centri"><h2>{_e(t("ui.path.centri", lang))}</h2>',
        # Wrapped with an id of the copy's own, for the services' "Contatti:" links.
        *(
            f'<div id="pv-centro-{c.id}">{_centro(c, lang)}</div>'
            for c in view.centri_views(plan.centri, plan.ente, lang)
        ),
        "</section>",
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
        + (f'<p class="closure">{_e(c.chiusura)}</p>' if c.chiusura else "")
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


def _services(sv: view.ServicesView, lang: str) -> str:
    """The page's services part: Adesso, the coming months, the situational ones in a native (closed) <details>."""
    out = [f'<h2 class="pv-section-title">{_e(t("ui.path.now", lang))}</h2>']
    out += [_list(lst, lang) for lst in sv.now]
    out.append(f'<h2 class="pv-section-title">{_e(t("ui.path.upcoming", lang))}</h2>')
    out += [_list(lst, lang) for lst in sv.upcoming] or [f'<p class="pv-muted">{_e(sv.upcoming_empty)}</p>']
    if sv.situational:
        out.append(
            '<details class="pv-situational"><summary class="pv-situational-toggle">'
            f'<span class="situational-title">{_e(t("ui.path.situational", lang))}</span>'
            f'<span class="situational-hint">{_e(sv.situational_hint)}</span></summary>'
            + "".join(_entry(v, lang) for v in sv.situational)
            + "</details>"
        )
    return "".join(out)


def _list(lst: EntryListView, lang: str) -> str:
    out = [f'<h3 class="pv-list-title">{_e(lst.heading)}</h3>']
    if lst.note:
        out.append(f'<p class="pv-note">{_e(lst.note)}</p>')
    if lst.empty:
        out.append(f"<p>{_e(lst.empty)}</p>")
    return "".join(out) + "".join(_entry(v, lang) for v in lst.voci)


def _entry(v: EntryView, lang: str) -> str:
    contacts = "".join(
        f'<li><a class="pv-contact" href="{_e(link.href)}">{_e(link.label)}</a></li>' for link in v.links
    )
    if contacts:
        contact = f'<ul class="pv-contacts">{contacts}</ul>'
    elif v.centro_href:
        centre_id = v.centro_href.removeprefix("#centro-").removesuffix("-nome")
        label = _e(t("ui.path.contacts_at", lang))
        contact = (
            f'<p class="contact-at">{label} <a href="#pv-centro-{_e(centre_id)}" lang="it">{_e(v.centro_nome)}</a></p>'
        )
    else:
        contact = ""
    body = (
        f'<p class="pv-summary" lang="it">{_e(v.sintesi)}</p>'
        + contact
        + f'<p class="verified{"" if v.is_verified else " not-yet"}">{_e(v.trust)}</p>'
    )
    if v.compact:  # as on the page: coming months show title and start, the rest behind "Leggi di più"
        body = f'<details class="pv-more"><summary>{_e(t("ui.path.entry.more", lang))}</summary>{body}</details>'
    return (
        f'<article class="pv-entry"><h4 class="pv-entry-title" lang="it">{_e(v.titolo)}</h4>'
        + (f'<p class="pv-starts">{_e(v.starts)}</p>' if v.starts else "")
        + (f'<p class="for-whom">{_e(v.for_whom)}</p>' if v.for_whom else "")
        + body
        + "</article>"
    )


def inject(page: str, preview: str) -> str:
    """Right after <body>: outside what React renders, so hydration skips it."""
    if not preview or "<body>" not in page:
        return page
    return page.replace("<body>", "<body>" + preview, 1)
