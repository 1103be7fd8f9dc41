"""One child in step 2: born or expected, month and year (two selects work on every phone), its message.

The inputs are uncontrolled (default values): a tap shows at once, even on a slow network, and the
state follows through on_change. Rows carry a stable `key`, and the year list is a different element
for "born" and "expected", so whatever the server changes is mounted fresh.
"""

import reflex as rx

from zerosei_app.components.i18n import t
from zerosei_app.state.wizard_children import ChildrenStepState as S
from zerosei_app.state.wizard_children import Option
from zerosei_app.view.children_form import ChildRow


def _radio(index, row: ChildRow, kind: str, label_key: str) -> rx.Component:
    radio_id = f"figlio-{index}-{kind}"
    return rx.el.label(
        rx.el.input(
            type="radio",
            id=radio_id,
            name=f"figlio-{index}-tipo",
            value=kind,
            default_checked=row.kind == kind,
            on_change=S.edit(index, "kind", kind),
        ),
        rx.el.span(t(label_key)),
        class_name="choice",
        html_for=radio_id,
    )


def _select(index, row: ChildRow, field: str, label, options, placeholder_key: str, key=None) -> rx.Component:
    select_id = f"figlio-{index}-{'mese' if field == 'month' else 'anno'}"
    return rx.el.div(
        rx.el.label(label, html_for=select_id, class_name="label"),
        rx.el.select(
            rx.el.option(t(placeholder_key), value=""),
            options,
            id=select_id,
            key=key,
            default_value=row.month if field == "month" else row.year,
            on_change=lambda value: S.edit(index, field, value),
            aria_invalid=rx.cond(row.error != "", "true", "false"),
            aria_describedby=rx.cond(row.error != "", f"figlio-{index}-errore", None),
            class_name="select",
        ),
        class_name="select-wrap",
    )


def _month_option(option: Option) -> rx.Component:
    return rx.el.option(option.label, value=option.value)


def _year_option(year: str) -> rx.Component:
    return rx.el.option(year, value=year)


def child_row(row: ChildRow, index) -> rx.Component:
    expected = row.kind == "atteso"
    return rx.el.fieldset(
        rx.el.legend(S.legends[index], class_name="legend"),
        rx.el.div(
            _radio(index, row, "nato", "ui.wiz.figli.born"),
            _radio(index, row, "atteso", "ui.wiz.figli.expecting"),
            class_name="choices",
        ),
        rx.el.div(
            _select(
                index,
                row,
                "month",
                rx.cond(expected, t("ui.wiz.figli.month_expected"), t("ui.wiz.figli.month_born")),
                rx.foreach(S.months, _month_option),
                "ui.wiz.figli.choose_month",
            ),
            rx.cond(
                expected,
                _select(
                    index,
                    row,
                    "year",
                    t("ui.wiz.figli.year"),
                    rx.foreach(S.expected_years, _year_option),
                    "ui.wiz.figli.choose_year",
                    key=row.key + "-atteso",
                ),
                _select(
                    index,
                    row,
                    "year",
                    t("ui.wiz.figli.year"),
                    rx.foreach(S.born_years, _year_option),
                    "ui.wiz.figli.choose_year",
                    key=row.key + "-nato",
                ),
            ),
            class_name="month-year",
        ),
        rx.cond(
            row.error != "",
            rx.el.p(row.error, id=f"figlio-{index}-errore", class_name="field-error"),
        ),
        rx.cond(
            S.can_remove,
            rx.el.button(
                t("ui.wiz.figli.remove"),
                rx.el.span(" ", S.legends[index], class_name="sr-only"),
                type="button",
                on_click=S.remove(index),
                class_name="btn-link remove",
            ),
        ),
        class_name="child",
        key=row.key,
    )
