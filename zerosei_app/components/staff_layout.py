"""The frame of every staff page: header and navigation, messages, the re-login panel, the offline bar."""

from __future__ import annotations

import reflex as rx
from reflex_components_core.core.banner import has_connection_errors
from reflex_components_core.react_router.dom import ReactRouterLink

from zerosei_app.state.staff_base import StaffState


def link(text, href, **props) -> rx.Component:
    """Client-side navigation (re-runs the target page's on_load, keeps the websocket)."""
    return ReactRouterLink.create(text, to=href, **props)


def button(text, on_click=None, kind="", **props) -> rx.Component:
    cls = ("st-btn " + kind) if isinstance(kind, rx.Var) else f"st-btn {kind}".strip()
    if on_click is not None:
        props["on_click"] = on_click
    return rx.el.button(text, type=props.pop("type", "button"), class_name=cls, **props)


def badge(text, kind) -> rx.Component:
    return rx.el.span(text, class_name=rx.Var.create("st-badge ") + kind)


def stack_cell(label: str, *children) -> rx.Component:
    """A table cell that names its column when a phone shows the row as a card (`.st-stack` in staff.css)."""
    return rx.el.td(*children, custom_attrs={"data-label": label})


def messages() -> rx.Component:
    return rx.fragment(
        rx.cond(
            StaffState.flash_error != "",
            rx.el.div(
                rx.el.p(StaffState.flash_error),
                rx.el.button("Chiudi", on_click=StaffState.dismiss, class_name="st-x", type="button"),
                class_name="st-msg err",
                role="alert",
            ),
        ),
        rx.cond(
            StaffState.flash_ok != "",
            rx.el.div(
                rx.el.p(StaffState.flash_ok),
                rx.el.button("Chiudi", on_click=StaffState.dismiss, class_name="st-x", type="button"),
                class_name="st-msg ok",
                role="status",
            ),
        ),
    )


def relogin_panel() -> rx.Component:
    """When a save is refused because the session ended: log in here, the page (and its forms) stays."""
    return rx.cond(
        StaffState.session_expired,
        rx.el.div(
            rx.el.div(
                rx.el.h2("Accedi di nuovo", id="relogin-title"),
                rx.el.p(
                    "La sessione è scaduta. Quello che hai scritto è ancora nella pagina: accedi di nuovo, poi ripeti l'operazione."
                ),
                rx.el.form(
                    rx.el.label("E-mail", html_for="relogin-email"),
                    rx.el.input(
                        id="relogin-email",
                        name="email",
                        type="email",
                        auto_complete="username",
                        required=True,
                        default_value=StaffState.user_email,
                    ),
                    rx.el.label("Password", html_for="relogin-password"),
                    # The e-mail is known: the password is what to type.
                    rx.el.input(
                        id="relogin-password",
                        name="password",
                        type="password",
                        auto_complete="current-password",
                        required=True,
                        auto_focus=True,
                    ),
                    rx.cond(
                        StaffState.relogin_error != "",
                        rx.el.p(StaffState.relogin_error, class_name="st-field-error", role="alert"),
                    ),
                    rx.el.div(button("Accedi", type="submit"), class_name="st-actions"),
                    on_submit=StaffState.relogin,
                    class_name="st-form",
                ),
                role="dialog",
                aria_modal="true",
                aria_labelledby="relogin-title",
            ),
            class_name="st-relogin",
        ),
    )


def offline_bar() -> rx.Component:
    """Also shown at once when the PC says it went offline (html.zs-offline, see components/head.py)."""
    return rx.el.div(
        "Connessione al server persa: quello che salvi adesso NON viene registrato. Attendi che la connessione torni (la pagina riprova da sola).",
        class_name=rx.cond(has_connection_errors, "st-offline shown", "st-offline"),
        role="alert",
    )


def nav() -> rx.Component:
    return rx.el.nav(
        link("Home", "/staff"),
        link("Segnalazioni", "/staff/segnalazioni"),
        rx.cond(
            StaffState.is_regione,
            rx.fragment(
                link("Centri e comuni", "/staff/regione"),
                link("Elenchi ufficiali", "/staff/regione/elenchi"),
                link("Recapiti", "/staff/recapiti"),
                link("Tappe", "/staff/tappe"),
                link("Account", "/staff/utenti"),
            ),
        ),
        link("Il mio account", "/staff/account"),
        class_name="st-nav",
        aria_label="Area operatori",
    )


def staff_page(*children, with_nav: bool = True) -> rx.Component:
    header_items = [link(rx.fragment("ZeroSei", rx.el.small("Area operatori")), "/staff", class_name="st-brand")]
    if with_nav:
        header_items += [
            nav(),
            rx.cond(
                StaffState.user_name != "",
                rx.el.div(
                    rx.el.span(StaffState.user_name),
                    rx.el.button("Esci", on_click=StaffState.logout, type="button"),
                    class_name="st-user",
                ),
            ),
        ]
    return rx.el.div(
        # Only staff pages load this stylesheet: the parents' pages stay as light as they are.
        rx.el.link(rel="stylesheet", href="/staff.css"),
        rx.el.a(
            "Vai al contenuto",
            href="#contenuto",
            class_name="st-skip",
            custom_attrs={"inert": StaffState.session_expired},
        ),
        # While the re-login dialog is open the rest of the page is inert: focus stays in the dialog.
        rx.el.header(
            rx.el.div(*header_items, class_name="st-header-in"),
            class_name="st-header",
            custom_attrs={"inert": StaffState.session_expired},
        ),
        rx.el.main(
            messages(),
            rx.cond(
                StaffState.page_error != "",
                rx.el.div(
                    rx.el.p(StaffState.page_error),
                    link("Torna alla home", "/staff"),
                    class_name="st-msg warn",
                    role="alert",
                ),
                rx.cond(rx.State.is_hydrated, rx.fragment(*children), rx.el.p("Caricamento…", class_name="st-muted")),
            ),
            id="contenuto",
            class_name="st-main",
            tab_index=-1,
            custom_attrs={"inert": StaffState.session_expired},
        ),
        relogin_panel(),
        offline_bar(),
        class_name="st",
    )
