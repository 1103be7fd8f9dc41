"""App-wide <head> additions for the parents' pages."""

import json

import reflex as rx

from zerosei_app.i18n import DEFAULT_LANG, LANGUAGES
from zerosei_app.i18n.coverage import direction
from zerosei_app.i18n.ui_script import PATH_PREFIX, version

# Runs before first paint: a link with `lang=en` keeps the prerendered (Italian) shell hidden until
# the state has switched language. It adds a <style> to <head> and leaves <html> alone: an attribute
# changed on <html> before hydration makes React re-render the whole document from scratch (and
# drop what the server added to <body>, like the static copy of a path). <html lang dir> are set by
# the state once it runs (UiState._sync_ui); until then a right-to-left link gets `direction` by CSS.
# The language's interface texts (i18n/ui_script.py) start loading here, with the page: a small file
# from our origin that arrives long before the state switches the page to the link's language (the
# first render is the Italian shell, kept hidden); if it ever comes late, UiState._sync_ui loads it.
_OTHER_LANGS = json.dumps([code for code in LANGUAGES if code != DEFAULT_LANG])
_RTL_LANGS = json.dumps([code for code in LANGUAGES if direction(code) == "rtl"])
_WAIT_CSS = '.app[data-ready="false"] :is(main, .brand-tagline, .foot, .skip){visibility:hidden}'
LANG_BOOT_JS = (
    "(function(){try{var m=/[?&]lang=([A-Za-z_-]{2,10})/i.exec(location.search);"
    "if(!m)return;var l=m[1].split(/[-_]/)[0].toLowerCase();"
    f"if({_OTHER_LANGS}.indexOf(l)<0)return;"
    # Appended, not written: a script written into the head while it is parsed sits among React's own
    # head elements, and React then finds it where it expects its next <script> (error #418).
    f"var j=document.createElement('script');j.src='{PATH_PREFIX}'+l+'.js?v={version()}';"
    "j.setAttribute('async','');document.head.appendChild(j);"
    f"var s=document.createElement('style');s.id='zs-i18n-wait';s.textContent={json.dumps(_WAIT_CSS)}"
    # The connection notice before the state arrives: the link's language (layout.offline_bar).
    "+'html .offline-text{display:none}html .offline-text[data-l=\"'+l+'\"]{display:inline}'"
    f"+({_RTL_LANGS}.indexOf(l)<0?'':'html{{direction:rtl}}');"
    "document.head.appendChild(s);"
    "}catch(e){}})();"
)


# Paper has no "Leggi di più": open every description for printing, close them again after.
PRINT_DETAILS_JS = (
    "addEventListener('beforeprint',function(){document.querySelectorAll('details.more:not([open])')"
    ".forEach(function(d){d.open=true;d.setAttribute('data-print-open','')})});"
    "addEventListener('afterprint',function(){document.querySelectorAll('details[data-print-open]')"
    ".forEach(function(d){d.open=false;d.removeAttribute('data-print-open')})});"
)


# The device's own online/offline events: the connection notice shows at once (styles.css, staff.css).
OFFLINE_JS = (
    "(function(){var h=document.documentElement;function s(){h.classList.toggle('zs-offline',!navigator.onLine)}"
    "addEventListener('offline',s);addEventListener('online',s);})();"
)


# The service worker (assets/sw.js) keeps paths and centres' Carta pages for use with no network.
# `zsKeep()` asks it to save the page on screen and the files it loaded (the first visit happens
# before the worker exists); the states call it once a page's on_load has run (UiState._sync_ui).
# The worker itself decides what is worth keeping: never staff pages or the API.
SERVICE_WORKER_JS = (
    "(function(){if(!('serviceWorker' in navigator))return;"
    "window.zsKeep=function(){navigator.serviceWorker.ready.then(function(r){if(!r.active)return;"
    "var u=[location.href];performance.getEntriesByType('resource').forEach(function(e){u.push(e.name)});"
    "r.active.postMessage({type:'keep',urls:u})}).catch(function(){})};"
    "addEventListener('load',function(){navigator.serviceWorker.register('/sw.js',{scope:'/'}).catch(function(){})})})();"
)


def lang_boot_script() -> rx.Component:
    return rx.fragment(
        rx.el.script(LANG_BOOT_JS),
        rx.el.script(PRINT_DETAILS_JS),
        rx.el.script(OFFLINE_JS),
        rx.el.script(SERVICE_WORKER_JS),
    )
