"""/staff/conferma?t=…: the one-tap page of a reminder, as plain server HTML (no app, no login).

GET shows the centre and the items and changes nothing (mail scanners and link previews open links);
the «Confermo» button is a real POST that checks the token again and confirms exactly those items,
then shows what it confirmed with «Annulla la conferma» and a link to the editor. Every text is escaped.
"""

from __future__ import annotations

import asyncio
import html
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from zerosei_app.commands import one_tap as one_tap_commands
from zerosei_app.db import session_scope
from zerosei_app.domain import clock
from zerosei_app.i18n import t
from zerosei_app.queries import one_tap
from zerosei_app.queries.review_cycle import ONE_TAP_PATH

router = APIRouter()
LANG = "it"  # staff work in Italian
MAX_BODY = 2000
NO_STORE = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex"}


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _items(items, before: bool = False) -> str:
    """Each item with its last confirmation (after confirming: the one before, for undo's sake)."""
    prefix = "staff.onetap.before" if before else "staff.onetap.last"
    lines = []
    for title, summary, last in items:
        when = t(prefix, LANG, day=clock.day(last)) if last else t(prefix + "_never", LANG)
        what = f"<br>{_e(summary)}" if summary else ""
        lines.append(f"<li><strong>{_e(title)}</strong>{what}<br><span class='muted'>{_e(when)}</span></li>")
    return "<ul class='items'>" + "".join(lines) + "</ul>"


def _form(action: str, token: str, label: str, kind: str = "primary") -> str:
    return (
        f'<form method="post" action="{_e(ONE_TAP_PATH + action)}">'
        f'<input type="hidden" name="t" value="{_e(token)}">'
        f'<button type="submit" class="{kind}">{_e(label)}</button></form>'
    )


def render(v: one_tap.OneTap, token: str) -> str:
    editor = f"/staff/voci?centro={v.centro_id}" if v.centro_id else "/staff"
    editor_link = f'<p><a href="{_e(editor)}">{_e(t("staff.onetap.editor", LANG))}</a></p>'
    if v.status == one_tap.OK:
        body = (
            f"<h1>{_e(t('staff.onetap.heading', LANG, centro=v.centro))}</h1>"
            f"<p>{_e(t('staff.onetap.intro', LANG, n=len(v.items)))}</p>"
            + _items(v.items)
            + _form("", token, t("staff.onetap.confirm", LANG))
            + f"<p>{_e(t('staff.onetap.changed', LANG))}</p>"
            + editor_link
        )
    elif v.status == one_tap.DONE:
        body = (
            f"<h1>{_e(t('staff.onetap.done_heading', LANG))}</h1>"
            f"<p role='status'>{_e(t('staff.onetap.done', LANG, centro=v.centro, day=clock.day(v.confirmed_on)))}</p>"
            + _items(v.items, before=True)
            + _form("/annulla", token, t("staff.onetap.undo", LANG), "secondary")
            + editor_link
        )
    elif v.status == one_tap.EXPIRED:
        body = (
            f"<h1>{_e(t('staff.onetap.expired_heading', LANG))}</h1><p>{_e(t('staff.onetap.expired', LANG))}</p>"
            + editor_link
        )
    else:
        body = (
            f"<h1>{_e(t('staff.onetap.invalid_heading', LANG))}</h1><p>{_e(t('staff.onetap.invalid', LANG))}</p>"
            f'<p><a href="/staff/login">{_e(t("staff.onetap.login", LANG))}</a></p>'
        )
    return (
        f'<!DOCTYPE html><html lang="{LANG}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="robots" content="noindex">'
        f"<title>{_e(t('staff.onetap.title', LANG))}</title>"
        f"<style>{CSS}</style></head><body>"
        f'<header><p class="brand">ZeroSei <span>{_e(t("staff.onetap.area", LANG))}</span></p></header>'
        f"<main>{body}</main></body></html>"
    )


CSS = (
    "body{margin:0;font-family:system-ui,sans-serif;font-size:1rem;line-height:1.5;color:#1a1a1a;background:#fff}"
    "header{background:#0b5394;color:#fff;padding:.75rem 1rem}.brand{margin:0;font-weight:700}"
    ".brand span{font-weight:400}main{max-width:40rem;margin:0 auto;padding:1rem}"
    "h1{font-size:1.4rem;line-height:1.25}.items{padding-left:1.2rem}.items li{margin:.5rem 0}"
    ".muted{color:#4a4a4a;font-size:.95rem}a{color:#0b5394}"
    "button{font:inherit;min-height:48px;padding:.6rem 1.2rem;border-radius:6px;cursor:pointer;width:100%;max-width:24rem}"
    "button.primary{background:#0b5394;color:#fff;border:2px solid #0b5394}"
    "button.secondary{background:#fff;color:#0b5394;border:2px solid #0b5394}"
    "button:focus-visible,a:focus-visible{outline:3px solid #f1a208;outline-offset:2px}"
)


def _page(v: one_tap.OneTap, token: str) -> HTMLResponse:
    code = 200 if v.status in (one_tap.OK, one_tap.DONE) else (410 if v.status == one_tap.EXPIRED else 404)
    return HTMLResponse(render(v, token), status_code=code, headers=NO_STORE)


@router.get(ONE_TAP_PATH, include_in_schema=False)
def show(request: Request) -> HTMLResponse:
    token = request.query_params.get("t", "")[:200]
    with session_scope() as db:
        return _page(one_tap.view(db, token, clock.now()), token)


async def _token_from_form(request: Request) -> str:
    """The form's `t`; a body past a few KB is not read further (nothing legitimate is that big)."""
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            return ""
    values = parse_qs(body.decode("utf-8", "replace"))
    return (values.get("t") or [""])[0][:200]


def _act(action, token: str) -> one_tap.OneTap:
    with session_scope() as db:
        result = action(db, token)
        db.commit()
        return result


@router.post(ONE_TAP_PATH, include_in_schema=False)
async def confirm(request: Request) -> HTMLResponse:
    token = await _token_from_form(request)
    v = await asyncio.to_thread(
        _act, lambda db, tok: one_tap_commands.confirm(db, tok, clock.now(), clock.today()), token
    )
    return _page(v, token)


@router.post(ONE_TAP_PATH + "/annulla", include_in_schema=False)
async def undo(request: Request) -> HTMLResponse:
    token = await _token_from_form(request)
    v = await asyncio.to_thread(_act, lambda db, tok: one_tap_commands.undo(db, tok, clock.now()), token)
    return _page(v, token)
