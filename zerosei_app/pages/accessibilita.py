"""/accessibilita: the accessibility declaration, following AgID's model (status, limits, date and method, feedback, procedure)."""

import reflex as rx

from zerosei_app.components.i18n import t
from zerosei_app.components.layout import page as layout
from zerosei_app.components.links import external, plain
from zerosei_app.state.frame import AccessibilitaState as S
from zerosei_app.view import urls
from zerosei_app.view.accessibilita import AGID_PROCEDURE_URL, KNOWN_LIMITS

ROUTE = urls.A11Y


def _section(title_key: str, *body, **props) -> rx.Component:
    return rx.el.section(rx.el.h2(t(title_key)), *body, class_name="panel", **props)


def page() -> rx.Component:
    d = S.declaration
    return layout(
        rx.el.h1(t("ui.a11y.title"), tab_index=-1),
        rx.el.p(d["intro"]),
        _section(
            "ui.a11y.official_title",
            rx.el.p(d["official"]),
            rx.cond(d["official_href"] != "", rx.el.p(external(d["official_href"], href=d["official_href"]))),
            id="dichiarazione-ufficiale",
        ),
        _section("ui.a11y.status_title", rx.el.p(d["status"], id="stato-conformita")),
        _section(
            "ui.a11y.limits_title",
            rx.el.ul(*[rx.el.li(d[f"limit{i}"]) for i in range(len(KNOWN_LIMITS))], class_name="plain-list"),
        ),
        _section("ui.a11y.prep_title", rx.el.p(d["prep"])),
        _section(
            "ui.a11y.feedback_title",
            rx.el.p(d["feedback"]),
            rx.el.p(plain(d["feedback_email"], href=d["feedback_href"], class_name="contact-mail")),
            id="feedback",
        ),
        _section(
            "ui.a11y.procedure_title",
            rx.el.p(d["procedure"]),
            # Shown as its address: a plain link, nothing is loaded from AgID.
            rx.el.p(external(AGID_PROCEDURE_URL, href=AGID_PROCEDURE_URL)),
        ),
    )
