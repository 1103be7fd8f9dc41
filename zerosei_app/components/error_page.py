"""What a visitor sees if the page itself breaks (React's error boundary): our frame, in the page's language.

Reflex's default shows an English message, the stack trace and a "Built with Reflex" link. The
fallback cannot rely on the state (it may be what broke), so the language comes from <html lang>,
which the state keeps in step, else from the link's `lang=`; every catalogue's text is in the page.
"""

from __future__ import annotations

import json

import reflex as rx
from reflex.event import noop
from reflex.vars.base import Var
from reflex_components_core.base.error_boundary import ErrorBoundary

from zerosei_app.i18n import DEFAULT_LANG, LANGUAGES
from zerosei_app.i18n import t as translate
from zerosei_app.i18n.coverage import direction
from zerosei_app.view import urls
from zerosei_app.web.reflex_patches import js_var

_KEYS = ("title", "lead", "reload")
_TEXTS = json.dumps(
    {
        lang: {**{k: translate(f"ui.error.{k}", lang) for k in _KEYS}, "home": translate("ui.notfound.home", lang)}
        for lang in LANGUAGES
    }
)
_RTL = json.dumps([lang for lang in LANGUAGES if direction(lang) == "rtl"])
_HOMES = json.dumps({lang: urls.lang_only(urls.HOME, lang) for lang in LANGUAGES})
_LANG_JS = (
    "((typeof document !== 'undefined' && document.documentElement.lang) || "
    "(typeof location !== 'undefined' && (/[?&]lang=([a-z]{2})/i.exec(location.search) || [])[1]) || "
    f"'{DEFAULT_LANG}').slice(0, 2).toLowerCase()"
)


def _text(key: str) -> Var:
    return js_var(f"((({_TEXTS})[{_LANG_JS}] || ({_TEXTS})['{DEFAULT_LANG}'])[{json.dumps(key)}])")


def fallback() -> rx.Component:
    home = js_var(f"(({_HOMES})[{_LANG_JS}] || '/')")
    here = js_var("(typeof location !== 'undefined' ? location.href : '/')")
    return rx.el.div(
        rx.el.main(
            rx.el.h1(_text("title")),
            rx.el.p(_text("lead"), class_name="lead"),
            rx.el.div(
                # Plain links: a full load starts the app afresh, whatever broke.
                rx.el.a(_text("reload"), href=here, class_name="btn btn-primary"),
                rx.el.a(_text("home"), href=home, class_name="btn btn-secondary"),
                class_name="actions",
            ),
            id="main",
            class_name="main",
        ),
        class_name="app error-page",
        role="alert",
        dir=js_var(f"(({_RTL}).includes({_LANG_JS}) ? 'rtl' : 'ltr')"),
    )


def error_boundary(stateful: bool) -> rx.Component:
    """For app.app_wraps[(55, "ErrorBoundary")]: Reflex's own boundary (it still reports the error) with our fallback."""
    props = {} if stateful else {"on_error": noop()}
    return ErrorBoundary.create(fallback_render=Var.create(fallback()), **props)
