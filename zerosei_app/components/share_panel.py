"""Save or pass on the path: Web Share on phones, else copy; QR code; print; edit."""

import reflex as rx

from zerosei_app.components.i18n import t
from zerosei_app.components.links import internal
from zerosei_app.state.percorso import PercorsoState as P

LINK_INPUT_ID = "zs-link"

# Static code (no state text inside): it reads the link from the read-only field on the page.
# Phones get the system share sheet; elsewhere the link is copied. The result goes back to the
# state, which shows a visible, announced confirmation.
SHARE_JS = (
    """(async () => {
  const field = document.getElementById('"""
    + LINK_INPUT_ID
    + """');
  const url = field ? field.value : window.location.href;
  const coarse = window.matchMedia && window.matchMedia('(pointer: coarse)').matches;
  if (navigator.share && coarse) {
    try { await navigator.share({ title: document.title, url }); return 'shared'; }
    catch (e) { if (e && e.name === 'AbortError') return 'aborted'; }
  }
  try { await navigator.clipboard.writeText(url); return 'copied'; }
  catch (e) {
    try { field.focus(); field.select(); return document.execCommand('copy') ? 'copied' : 'failed'; }
    catch (e2) { return 'failed'; }
  }
})()"""
)


def share_button(extra_class: str = "") -> rx.Component:
    return rx.el.button(
        t("ui.share.share"),
        type="button",
        on_click=rx.call_script(SHARE_JS, callback=P.share_result),
        class_name=f"btn btn-primary {extra_class}".strip(),
    )


def print_button() -> rx.Component:
    return rx.el.button(
        t("ui.share.print"), type="button", on_click=rx.call_script("window.print()"), class_name="btn btn-secondary"
    )


def action_bar() -> rx.Component:
    """Near the top: what a parent does with a path, without scrolling to the end."""
    return rx.el.div(
        share_button(),
        print_button(),
        internal(t("ui.share.edit"), href=P.hrefs["edit"], class_name="btn btn-secondary"),
        class_name="actions action-bar no-print",
    )


def share_toast(state=P) -> rx.Component:
    """One confirmation, fixed at the bottom of the screen wherever the parent has scrolled (`state` has
    share_status and dismiss_share_status: the path's, or a centre's Carta)."""
    return rx.el.div(
        rx.cond(
            state.share_status != "",
            rx.el.div(
                rx.el.span(state.share_status),
                rx.el.button(
                    "×",
                    type="button",
                    aria_label=t("ui.share.close"),
                    on_click=state.dismiss_share_status,
                    class_name="toast-close",
                ),
                class_name="toast",
            ),
        ),
        role="status",
        aria_live="polite",
        class_name="toast-region no-print",
    )


def share_panel() -> rx.Component:
    return rx.el.section(
        rx.el.h2(t("ui.share.title"), id="condividi-titolo"),
        rx.el.p(t("ui.share.explain"), class_name="muted"),
        rx.el.label(t("ui.share.link_label"), html_for=LINK_INPUT_ID, class_name="label no-print"),
        rx.el.input(
            id=LINK_INPUT_ID,
            type="text",
            read_only=True,
            value=P.share_url,
            class_name="input link-input",
            on_focus=rx.call_script(f"document.getElementById('{LINK_INPUT_ID}')?.select()"),
        ),
        rx.el.p(P.share_url, class_name="print-only print-link"),
        rx.el.div(share_button(), print_button(), class_name="actions no-print"),
        rx.cond(
            P.qr != "",
            rx.el.figure(
                rx.el.img(
                    src=P.qr, alt=t("ui.share.qr_alt"), width="150", height="150", loading="lazy", class_name="qr-img"
                ),
                rx.el.figcaption(t("ui.share.qr_caption")),
                class_name="qr",
            ),
        ),
        class_name="share",
        aria_labelledby="condividi-titolo",
    )
