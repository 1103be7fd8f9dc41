"""Topic chips: real checkboxes in a fieldset (labelled, keyboard- and screen-reader-friendly), styled as chips.

Uncontrolled (default_checked) so a tap shows at once; `version` changes when the server resets the
choice (a new URL, "show all"), which mounts the boxes afresh.
"""

from collections.abc import Callable

import reflex as rx

from zerosei_app.view.percorso_view import ChipView


def topic_chips(chips, on_toggle: Callable, legend, fieldset_id: str, version, hint=None) -> rx.Component:
    def chip(item: ChipView) -> rx.Component:
        input_id = f"{fieldset_id}-{item.slug}"
        return rx.el.li(
            rx.el.input(
                type="checkbox",
                id=input_id,
                default_checked=item.pressed,
                on_change=on_toggle(item.slug),
                class_name="chip-input",
            ),
            rx.el.label(item.label, html_for=input_id, class_name="chip"),
            class_name="chip-item",
            key=item.slug + "-" + version.to_string(),
        )

    return rx.el.fieldset(
        rx.el.legend(legend, class_name="legend"),
        rx.el.p(hint, class_name="field-hint") if hint is not None else rx.fragment(),
        rx.el.ul(rx.foreach(chips, chip), class_name="chips"),
        id=fieldset_id,
        class_name="chips-fieldset",
    )
