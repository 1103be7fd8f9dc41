"""/staff/utenti (Regione): staff accounts."""

from __future__ import annotations

import reflex as rx

from zerosei_app.components.staff_fields import text_field
from zerosei_app.components.staff_layout import badge, button, staff_page
from zerosei_app.state.staff_accounts import COPY_LINK_JS, LINK_BOX_ID
from zerosei_app.state.staff_accounts import StaffAccountsState as S


def user_row(u) -> rx.Component:
    return rx.el.tr(
        rx.el.td(rx.el.strong(u.name), rx.el.br(), u.email),
        rx.el.td(u.role_label, rx.el.br(), rx.el.span(u.centri, class_name="st-muted")),
        rx.el.td(rx.cond(u.active, u.status, badge("Disattivato", "archived"))),
        rx.el.td(
            rx.el.div(
                rx.cond(u.active, button("Nuovo link di accesso", on_click=S.new_link(u.id), kind="secondary small")),
                button(
                    "Centri", on_click=S.edit_centri(u.id), kind="secondary small", aria_label="Centri di " + u.name
                ),
                rx.cond(
                    u.is_me,
                    rx.fragment(),
                    rx.cond(
                        u.active,
                        button(
                            "Disattiva",
                            on_click=S.set_user_active(u.id, False),
                            kind="danger small",
                            aria_label="Disattiva " + u.name,
                        ),
                        button(
                            "Riattiva",
                            on_click=S.set_user_active(u.id, True),
                            kind="small",
                            aria_label="Riattiva " + u.name,
                        ),
                    ),
                ),
                class_name="st-actions",
            ),
        ),
    )


def centri_checks(prefix_checked) -> rx.Component:
    return rx.el.div(
        rx.foreach(
            S.centri_options,
            lambda o: rx.el.label(
                rx.el.input(type="checkbox", name="centro__" + o[0], default_checked=prefix_checked(o[0])),
                o[1],
                class_name="st-check",
            ),
        ),
        class_name="st-checks",
    )


def _notices() -> tuple[rx.Component, ...]:
    """The mail warnings left by the last invitation or link."""
    return (
        rx.cond(S.mail_note != "", rx.el.p(S.mail_note, class_name="st-msg warn", id="mail-note")),
        rx.cond(S.mail_problem != "", rx.el.p(S.mail_problem, class_name="st-msg err", id="mail-problem")),
    )


def _link_box() -> rx.Component:
    """The one-time access link just made, shown once to copy."""
    return rx.cond(
        S.link_for != "",
        rx.el.section(
            rx.el.h2("Link di accesso per ", S.link_for),
            rx.el.p(
                "L'invito è partito per e-mail; se serve, copialo e mandalo solo a questa persona. Vale 7 giorni e una sola volta; "
                "non verrà più mostrato."
            ),
            rx.el.p(class_name="st-link-box", id=LINK_BOX_ID),
            rx.el.div(
                button("Copia il link", on_click=rx.call_script(COPY_LINK_JS)),
                button("Fatto, nascondi", on_click=S.hide_link, kind="secondary"),
                class_name="st-actions",
            ),
            class_name="st-card",
        ),
    )


def _centri_editor() -> rx.Component:
    """The centres of the person being edited."""
    return rx.cond(
        S.editing_id != 0,
        rx.el.section(
            rx.el.h2("Centri di ", S.editing_name),
            rx.el.form(
                centri_checks(lambda cid: S.editing_centri.contains(cid)),
                rx.el.div(
                    button("Salva i centri", type="submit"),
                    button("Annulla", on_click=S.close_edit, kind="secondary"),
                    class_name="st-actions",
                ),
                on_submit=S.save_centri,
                key=S.editing_id.to_string(),
                class_name="st-form",
            ),
            class_name="st-card",
        ),
    )


def _users_table() -> rx.Component:
    return rx.el.table(
        rx.el.thead(rx.el.tr(*[rx.el.th(h, scope="col") for h in ("Persona", "Ruolo e centri", "Stato", "Azioni")])),
        rx.el.tbody(rx.foreach(S.users, user_row)),
        class_name="st-table",
    )


def _invite_fields() -> tuple[rx.Component, ...]:
    """Name, e-mail, role and centres of one new person, with their errors."""
    e = S.invite_errors
    empty = rx.Var.create({"email": "", "name": ""})
    return (
        rx.el.div(
            text_field("name", "Nome e cognome", empty, e, required=True, max_length=150),
            text_field("email", "E-mail", empty, e, required=True, max_length=254, type_="email"),
            class_name="st-row2",
        ),
        rx.el.label("Ruolo", html_for="f-role"),
        rx.el.select(
            rx.el.option("Operatore di centro", value="operatore"),
            rx.el.option("Ufficio regionale (gestisce tutto)", value="regione"),
            id="f-role",
            name="role",
        ),
        rx.el.span("Centri in cui lavora (per un operatore)", class_name="st-label"),
        centri_checks(lambda cid: False),
        rx.cond(e.contains("centri"), rx.el.p(e["centri"], class_name="st-field-error")),
        rx.cond(e.contains(""), rx.el.p(e[""], class_name="st-field-error")),
    )


def _invite_one() -> rx.Component:
    return rx.el.section(
        rx.el.h2("Invita una persona"),
        rx.el.form(
            *_invite_fields(),
            rx.el.div(button("Invita", type="submit"), class_name="st-actions"),
            on_submit=S.invite,
            key=S.invite_key.to_string(),
            class_name="st-form",
            no_validate=True,
        ),
        class_name="st-card",
    )


def _invite_many() -> rx.Component:
    return rx.el.section(
        rx.el.h2("Invita più persone (CSV)"),
        rx.el.form(
            rx.el.label("Una persona per riga: e-mail; nome e cognome; ruolo; centri", html_for="f-righe"),
            rx.el.span(
                "Ruolo: operatore o regione. Centri: il numero del centro (più centri separati da |). "
                "La prima riga può essere l'intestazione. Esempio: carla@comune.it;Carla Bianchi;operatore;3",
                class_name="st-hint",
                id="f-righe-hint",
            ),
            rx.el.textarea(id="f-righe", name="righe", rows="5", aria_describedby="f-righe-hint"),
            rx.foreach(S.bulk_errors, lambda msg: rx.el.p(msg, class_name="st-field-error")),
            rx.el.div(button("Invita tutti", type="submit"), class_name="st-actions"),
            on_submit=S.invite_many,
            key=S.bulk_key.to_string(),
            class_name="st-form",
        ),
        class_name="st-card",
    )


def page() -> rx.Component:
    return staff_page(
        rx.el.h1("Account del personale"),
        *_notices(),
        _link_box(),
        _centri_editor(),
        _users_table(),
        _invite_one(),
        _invite_many(),
    )
