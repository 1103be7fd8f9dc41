"""/staff/login and /staff/attiva."""

from __future__ import annotations

import reflex as rx

from zerosei_app.components.staff_layout import button, staff_page
from zerosei_app.state.staff_login import StaffLoginState, StaffSetupState


def login_page() -> rx.Component:
    s = StaffLoginState
    return staff_page(
        rx.el.div(
            rx.el.h1("Accesso per gli operatori"),
            rx.el.p(
                "Area riservata al personale dei Centri per le famiglie e dell'ufficio regionale.",
                class_name="st-muted",
            ),
            rx.cond(s.login_notice != "", rx.el.div(rx.el.p(s.login_notice), class_name="st-msg ok", role="status")),
            rx.el.form(
                rx.el.label("E-mail", html_for="login-email"),
                rx.el.input(
                    id="login-email",
                    name="email",
                    type="email",
                    auto_complete="username",
                    required=True,
                    auto_focus=True,
                ),
                rx.el.label("Password", html_for="login-password"),
                rx.el.input(
                    id="login-password",
                    name="password",
                    type="password",
                    auto_complete="current-password",
                    required=True,
                ),
                rx.cond(
                    s.login_error != "", rx.el.p(s.login_error, class_name="st-msg err", role="alert", id="login-error")
                ),
                button(rx.cond(s.busy, "Accesso in corso…", "Accedi"), type="submit", disabled=s.busy),
                on_submit=s.login,
                class_name="st-form",
            ),
            rx.el.p(
                "Password dimenticata o primo accesso? Chiedi all'ufficio regionale un link di attivazione: "
                "lo ricevi per e-mail e vale 7 giorni.",
                class_name="st-muted",
            ),
            class_name="st-login",
        ),
        with_nav=False,
    )


def _setup_account() -> tuple[rx.Component, ...]:
    """Whose account the link activates: name, e-mail, role and centres."""
    s = StaffSetupState
    return (
        rx.el.p("Ciao ", rx.el.strong(s.setup_name), ": il tuo account è ", rx.el.strong(s.setup_email), "."),
        rx.el.p("Ruolo: ", rx.el.strong(s.setup_role), id="setup-role"),
        rx.cond(
            s.setup_centri.length() > 0,
            rx.el.div(
                rx.el.p("Potrai aggiornare la Carta di:"),
                rx.el.ul(rx.foreach(s.setup_centri, lambda c: rx.el.li(c)), id="setup-centri"),
            ),
        ),
    )


def _setup_form() -> rx.Component:
    s = StaffSetupState
    return rx.el.form(
        rx.el.label("Nuova password", html_for="setup-password"),
        rx.el.span(
            f"Almeno {10} caratteri. Una frase breve che ricordi facilmente va benissimo.",
            class_name="st-hint",
        ),
        rx.el.input(
            id="setup-password",
            name="password",
            type="password",
            auto_complete="new-password",
            required=True,
            min_length=10,
        ),
        rx.el.label("Ripeti la password", html_for="setup-password2"),
        rx.el.input(
            id="setup-password2",
            name="password2",
            type="password",
            auto_complete="new-password",
            required=True,
        ),
        rx.cond(s.setup_error != "", rx.el.p(s.setup_error, class_name="st-msg err", role="alert")),
        button("Salva la password ed entra", type="submit"),
        on_submit=s.complete,
        class_name="st-form",
    )


def _setup_invalid() -> rx.Component:
    """Why the link does not work (expired, used or incomplete) and where to go instead."""
    s = StaffSetupState
    return rx.el.div(
        rx.el.p(
            rx.cond(
                s.setup_error != "",
                s.setup_error,
                rx.cond(
                    s.setup_expired,
                    "Questo link è scaduto: vale 7 giorni. Chiedi all'ufficio regionale di mandartene "
                    "uno nuovo (dalla pagina degli account, «Nuovo link di accesso»).",
                    "Questo link non vale più: è già stato usato (vale una sola volta) oppure non è "
                    "completo. Se hai già scelto la password, accedi qui sotto; altrimenti chiedi "
                    "all'ufficio regionale un nuovo link.",
                ),
            ),
            class_name="st-msg warn",
            role="alert",
        ),
        rx.el.a("Vai all'accesso", href="/staff/login"),
    )


def setup_page() -> rx.Component:
    s = StaffSetupState
    return staff_page(
        rx.el.div(
            rx.el.h1("Scegli la tua password"),
            rx.cond(s.setup_ok, rx.el.div(*_setup_account(), _setup_form()), _setup_invalid()),
            class_name="st-login",
        ),
        with_nav=False,
    )
