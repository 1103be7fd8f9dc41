"""/staff/account: change one's password."""

from __future__ import annotations

import reflex as rx

from zerosei_app.components.staff_layout import button, staff_page
from zerosei_app.state.staff_account import StaffAccountState as S


def page() -> rx.Component:
    return staff_page(
        rx.el.h1("Il mio account"),
        rx.el.p("Accesso come ", rx.el.strong(S.user_name), " (", S.email, ")."),
        rx.el.section(
            rx.el.h2("Cambia la password"),
            rx.el.form(
                rx.el.label("Password attuale", html_for="pw-current"),
                rx.el.input(
                    id="pw-current", name="current", type="password", auto_complete="current-password", required=True
                ),
                rx.el.label("Nuova password", html_for="pw-new"),
                rx.el.span("Almeno 10 caratteri; una frase breve va benissimo.", class_name="st-hint"),
                rx.el.input(id="pw-new", name="password", type="password", auto_complete="new-password", required=True),
                rx.el.label("Ripeti la nuova password", html_for="pw-new2"),
                rx.el.input(
                    id="pw-new2", name="password2", type="password", auto_complete="new-password", required=True
                ),
                rx.cond(S.pw_error != "", rx.el.p(S.pw_error, class_name="st-msg err", role="alert")),
                rx.el.div(button("Cambia la password", type="submit"), class_name="st-actions"),
                on_submit=S.change,
                key=S.pw_key.to_string(),
                class_name="st-form",
            ),
            class_name="st-card",
        ),
        rx.el.div(button("Esci", on_click=S.logout, kind="secondary"), class_name="st-actions"),
    )
