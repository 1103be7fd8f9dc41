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
from zerosei_app.domain import clock
from zerosei_app.i18n import t
from zerosei_app.i18n.coverage import direction
from zerosei_app.queries.percorso_page import load_page
from zerosei_app.view import percorso_view as view
from zerosei_app.view import urls
from zerosei_app.view.language_filter import language_filter
from zerosei_app.view.mediation import LanguageNameView
from zerosei_app.view.percorso_plan import OK, PagePlan, plan_page
from zerosei_app.view.percorso_view import CentroView, EntryListView, EntryView
from zerosei_app.view.tappe_view import TappaView, TappeListView, funzioni_view, group_hint, tappe_views
from zerosei_app.view.wording import long_date

PREVIEW_ID = "zs-preview"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def render(raw_query: str, today: date) -> str:
    """The preview's HTML for a link, or "" when the link does not give a path (the app explains those)."""
    with session_scope() as db:
        page = load_page(db, raw_query, today)
    return render_plan(plan_page(page, page.lang), today)


def render_plan(plan: PagePlan, today: date | None = None) -> str:
    if plan.kind != OK or plan.percorso is None:
        return ""
    p, lang = plan.percorso, plan.query.lang
    today = today or clock.today()
    services = view.services_view(p, lang)
    slugs = {c.id: c.slug for c in plan.centri}
    parts = [
        f'<div id="{PREVIEW_ID}" lang="{_e(lang)}" dir="{direction(lang)}">',
        '<div class="pv-top"><div class="pv-bar"><a class="pv-brand" href="/">'
        f'<span class="pv-brand-name">ZeroSei</span><span class="pv-brand-tagline">{_e(t("ui.brand.tagline", lang))}</span>'
        "</a></div></div>",
        # Plain divs, not header/main: the app's own landmarks are the only ones on the page.
        '<div class="pv-main pv-path"><div class="pv-path-head">',
        f"<h1>{_e(plan.heading)}</h1>",
        '<ul class="pv-ages">' + "".join(f"<li>{_e(f.eta)}</li>" for f in p.figli) + "</ul></div>",
        f'<p class="pv-counts">{_e(view.counts_text(p, lang, services))}</p>',
        f'<p class="pv-loading" role="status">{_e(t("ui.path.preview_loading", lang))}</p>',
        saved_line(today, lang),
        _language(plan),
        _services(services, lang, *tappe_views(p, lang), _funzioni(p, lang)),
        f'<section class="pv-centri"><h2>{_e(t("ui.path.centri", lang))}</h2>',
        # Wrapped with an id of the copy's own, for the services' "Contatti:" links.
        *(
            f'<div id="pv-centro-{c.id}">{_centro(c, lang, slugs.get(c.id) if c.kind == "centro" else None)}</div>'
            for c in view.centri_views(plan.centri, plan.ente, lang, plan.query.lingua)
        ),
        "</section>",
        "</div>",
        f"<script>{OFFLINE_JS}</script>",
        "</div>",
    ]
    return "".join(parts)


# This copy is what the service worker (assets/sw.js) keeps and shows with no network. The line
# below carries the day it was served, so a saved copy says how old it is. It shows while the
# device is offline, and whenever the service worker served the copy (it marks it data-saved-copy:
# the network did not answer in time, though the browser may still say it is online). Back online, a
# copy the app never replaced reloads itself, fresh from the network: on the browser's 'online' event,
# and, for a served copy or one the Back button brought from the browser's cache, as soon as a light
# /ping answers (polled every 5 s; navigator.onLine is not to be trusted: a captive network, or a
# browser that does not update it). That reload is a 'reload', never polled again: at most one. Outside
# React's tree, so touching it never disturbs hydration.
OFFLINE_JS = (
    "(function(){var p=document.getElementById('zs-preview');if(!p)return;"
    "var saved=p.hasAttribute('data-saved-copy');"
    "function s(){p.classList.toggle('pv-offline',saved||!navigator.onLine)}"
    "function here(){return !!document.getElementById('zs-preview')}"
    "function back(){if(here())location.reload()}"
    "s();addEventListener('offline',s);"
    # A moment's wait: the app's own reconnection often replaces the copy first (no reload needed).
    "addEventListener('online',function(){s();setTimeout(back,1500)});"
    "var n=performance.getEntriesByType&&performance.getEntriesByType('navigation')[0];"
    "if(saved||(n&&n.type==='back_forward')){var t=setInterval(function(){if(!here())return clearInterval(t);"
    "fetch('/ping',{cache:'no-store'}).then(function(r){if(r.ok){clearInterval(t);back()}},function(){})},5000)}"
    "})();"
)


def saved_line(today: date, lang: str, key: str = "ui.offline.saved") -> str:
    """ "Sei offline: percorso mostrato come salvato il 6 dicembre 2026. Aggiorna" (shown only offline)."""
    text = t(key, lang, data=long_date(today, lang))
    # href="": the same address again, which also works with no JavaScript at all.
    return f'<p class="pv-saved" role="status">{_e(text)} <a class="pv-refresh" href="">{_e(t("ui.offline.refresh", lang))}</a></p>'


def _language(plan: PagePlan) -> str:
    """The "in my language" filter's status, as the page says it (view/language_filter.py)."""
    status = language_filter(plan.query, plan.percorso).status
    return f'<p class="lingua-status">{_e(status)}</p>' if status else ""


def mediation_html(items: list[LanguageNameView], asked: str, lang: str) -> str:
    """The centre's cultural mediators, as the app's card shows them (components/mediation.py)."""
    names = "".join(f'{_e(n.sep)}<span lang="{_e(n.code)}" dir="auto">{_e(n.name)}</span>' for n in items)
    return (f'<p class="lingua-mediazione">{_e(asked)}</p>' if asked else "") + (
        f"<p><strong>{_e(t('ui.centro.mediazione', lang))}</strong> {names}</p>" if names else ""
    )


def _centro(c: CentroView, lang: str, slug: str | None = None) -> str:
    address = ", ".join(x for x in (c.address, c.place) if x)
    links = "".join(
        f'<li><a class="pv-contact" href="{_e(link.href)}"><span class="pv-contact-text">'
        + f'<span dir="{"auto" if link.kind == "pec" else "ltr"}">{_e(link.label)}</span>'
        + (f'<span class="pv-contact-owner">{_e(link.owner)}</span>' if link.owner else "")
        + "</span></a></li>"
        for link in c.links
    )
    return (
        '<article class="pv-card pv-centro"><h3 class="pv-card-title">'
        + (f'<span class="pv-card-kicker">{_e(c.kicker)}</span><span class="sr-only">: </span>' if c.kicker else "")
        + f'<span lang="it">{_e(c.name)}</span></h3>'
        + (f'<p class="closure">{_e(c.chiusura)}</p>' if c.chiusura else "")
        + "".join(f'<p class="pv-muted">{_e(n)}</p>' for n in c.notes)
        + (f'<p class="pv-address" lang="it">{_e(address)}</p>' if address else "")
        + (
            f'<p><strong>{_e(t("ui.path.centro.hours", lang))}</strong> <span lang="it">{_e(c.hours)}</span></p>'
            if c.hours
            else ""
        )
        + mediation_html(c.mediation, c.mediation_asked, lang)
        + (f'<p class="pv-contacts-intro">{_e(c.contacts_intro)}</p>' if c.contacts_intro else "")
        + (f'<ul class="pv-contacts">{links}</ul>' if links else "")
        + (f'<p class="pv-pec-note">{_e(c.pec_note)}</p>' if c.pec_note else "")
        # A real link to the centre's page: the service worker saves it with the path (offline use).
        + (
            f'<p class="carta-link"><a href="{_e(urls.carta_url(slug, lang))}">{_e(t("ui.carta.centro_card_link", lang))}</a></p>'
            if slug
            else ""
        )
        + "</article>"
    )


def _services(
    sv: view.ServicesView,
    lang: str,
    tappe_now: list[TappeListView] = (),
    tappe_soon: list[TappeListView] = (),
    funzioni: str = "",
) -> str:
    """The page's services part: Adesso, the coming months (each with its tappe), the situational ones in a native
    (closed) <details>."""
    out = [f'<h2 class="pv-section-title">{_e(t("ui.path.now", lang))}</h2>']
    out += [_list(lst, lang) for lst in sv.now]
    out.append(_tappe_group(tappe_now, tappe_soon, lang, funzioni))
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
    return "".join(out) + "".join(_entry(v, lang) for v in lst.cards)


def _entry(v: EntryView, lang: str) -> str:
    contacts = "".join(
        f'<li><a class="pv-contact" href="{_e(link.href)}">{_e(link.label)}</a></li>' for link in v.links
    )
    if contacts:
        contact = f'<ul class="pv-contacts">{contacts}</ul>'
    elif v.centro_href:
        centre_id = v.centro_href.removeprefix("#centro-c").removesuffix("-nome")
        label = _e(t("ui.path.contacts_at", lang))
        contact = (
            f'<p class="contact-at">{label} <a href="#pv-centro-{_e(centre_id)}" lang="it">{_e(v.centro_name)}</a></p>'
        )
    else:
        contact = ""
    body = (
        f'<p class="pv-summary" lang="it">{_e(v.summary)}</p>'
        + contact
        + f'<p class="verified{"" if v.is_verified else " not-yet"}">{_e(v.trust)}</p>'
    )
    if v.compact:  # as on the page: coming months show title and start, the rest behind "Leggi di più"
        body = f'<details class="pv-more"><summary>{_e(t("ui.path.entry.more", lang))}</summary>{body}</details>'
    return (
        f'<article class="pv-entry"><h4 class="pv-entry-title" lang="it">{_e(v.title)}</h4>'
        + (f'<p class="pv-starts">{_e(v.starts)}</p>' if v.starts else "")
        + (f'<p class="for-whom">{_e(v.for_whom)}</p>' if v.for_whom else "")
        + body
        + "</article>"
    )


def _tappe_group(now: list[TappeListView], soon: list[TappeListView], lang: str, funzioni: str = "") -> str:
    """As on the page: one closed group, a heading per list, then what to ask the centre."""
    body = "".join(
        f'<h3 class="pv-list-title">{_e(lst.heading)}</h3><ul class="pv-tappe-list">'
        + "".join(_tappa(x, lang) for x in lst.tappe)
        + "</ul>"
        for lst in [*now, *soon]
    )
    return (
        '<details class="pv-tappe-group"><summary class="pv-situational-toggle">'
        f'<span class="situational-title">{_e(t("ui.tappe.title", lang))}</span> '
        f'<span class="tappe-count">{_e(group_hint(now, soon, lang))}</span></summary>{body}{funzioni}</details>'
    )


def _tappa(x: TappaView, lang: str) -> str:
    facts = "".join(
        f'<div class="fact"><dt>{_e(t(key, lang))}</dt> <dd lang="{v_lang}">{_e(value)}</dd></div>'
        for key, value, v_lang in (("ui.tappa.who", x.who, x.who_lang), ("ui.tappa.when", x.timing, x.timing_lang))
        if value
    )
    note = f'<p class="muted tappa-it-note">{_e(t("ui.tappa.in_italian", lang))}</p>' if x.in_italian else ""
    return (
        f'<li class="pv-tappa"><details><summary><span class="tappa-title" lang="{x.title_lang}">{_e(x.title)}</span>'
        + (f'<span class="tappa-starts">{_e(x.starts)}</span>' if x.starts else "")
        + f'</summary><p lang="{x.summary_lang}">{_e(x.summary)}</p><dl class="facts">{facts}</dl>{note}'
        + (f'<p><a href="{_e(x.link)}">{_e(t("ui.tappa.official", lang))}</a></p>' if x.link else "")
        + f'<p class="src">{_e(t("ui.tappa.source", lang))}: <a href="{_e(x.source_url)}" lang="it">{_e(x.source)}</a></p>'
        + (f'<p class="verified{"" if x.is_checked else " not-yet"}">{_e(x.check)}</p>' if x.check else "")
        + "</details></li>"
    )


def _funzioni(p, lang: str) -> str:
    """As on the page: the four irrinunciabili, the others one more tap away."""
    v = funzioni_view(p.funzioni)

    def items(fs) -> str:
        return "".join(f"<li><strong>{_e(f.name)}</strong> — {_e(f.text)}</li>" for f in fs)

    sources = "".join(f'<li><a href="{_e(f.href)}">{_e(f.label)}</a></li>' for f in v.sources)
    return (
        f'<h3 class="pv-list-title">{_e(t("ui.funzioni.toggle", lang))}</h3>'
        f'<p>{_e(t("ui.funzioni.every", lang))}</p><ul class="funzioni-list">{items(v.every)}</ul>'
        f'<details class="funzioni-more"><summary>{_e(t("ui.funzioni.maybe", lang))}</summary>'
        f'<ul class="funzioni-list">{items(v.maybe)}</ul><p class="pv-muted">{_e(t("ui.funzioni.note", lang))}</p>'
        f'<p class="fonti-title">{_e(t("ui.funzioni.sources", lang))}</p><ul class="fonti-list">{sources}</ul>'
        "</details>"
    )


def inject(page: str, preview: str) -> str:
    """Right after <body>: outside what React renders, so hydration skips it."""
    if not preview or "<body>" not in page:
        return page
    return page.replace("<body>", "<body>" + preview, 1)
