"""Labelled form fields with their inline error (uncontrolled inputs: what is typed stays until re-mounted)."""

from __future__ import annotations

import reflex as rx
from reflex_base.vars.base import Var


def _error(errors: Var, name: str) -> rx.Component:
    return rx.cond(errors.contains(name), rx.el.p(errors[name], id=f"err-{name}", class_name="st-field-error"))


def _label(label: str, name: str, required: bool, hint: str) -> list[rx.Component]:
    items = [
        rx.el.label(
            label,
            rx.cond(required, rx.el.span(" *", class_name="st-req", aria_hidden="true"), ""),
            html_for=f"f-{name}",
        )
    ]
    if hint:
        items.append(rx.el.span(hint, id=f"hint-{name}", class_name="st-hint"))
    return items


def _described(errors: Var, name: str, hint: str) -> Var:
    base = f"hint-{name} " if hint else ""
    return rx.cond(errors.contains(name), base + f"err-{name}", base.strip())


def text_field(
    name: str,
    label: str,
    values: Var,
    errors: Var,
    *,
    hint: str = "",
    required: bool = False,
    max_length: int | None = None,
    rows: int = 0,
    type_: str = "text",
    auto_complete: str = "off",
    on_change=None,
) -> rx.Component:
    common = dict(
        id=f"f-{name}",
        name=name,
        default_value=values[name].to(str),
        required=required,
        aria_invalid=rx.cond(errors.contains(name), "true", "false"),
        aria_describedby=_described(errors, name, hint),
    )
    if max_length:
        common["max_length"] = max_length
    if on_change is not None:
        common["on_change"] = on_change
    control = (
        rx.el.textarea(rows=rows, **common) if rows else rx.el.input(type=type_, auto_complete=auto_complete, **common)
    )
    return rx.el.div(*_label(label, name, required, hint), control, _error(errors, name))


def select_field(
    name: str,
    label: str,
    options: list[tuple[str, str]] | Var,
    values: Var,
    errors: Var,
    *,
    hint: str = "",
    required: bool = False,
    empty: str | None = None,
    on_change=None,
) -> rx.Component:
    if isinstance(options, Var):
        opts = rx.foreach(options, lambda o: rx.el.option(o[1], value=o[0]))
        children = [rx.el.option(empty, value="")] if empty is not None else []
        children.append(opts)
    else:
        children = ([rx.el.option(empty, value="")] if empty is not None else []) + [
            rx.el.option(t, value=v) for v, t in options
        ]
    return rx.el.div(
        *_label(label, name, required, hint),
        rx.el.select(
            *children,
            id=f"f-{name}",
            name=name,
            default_value=values[name].to(str),
            required=required,
            aria_invalid=rx.cond(errors.contains(name), "true", "false"),
            aria_describedby=_described(errors, name, hint),
            **({"on_change": on_change} if on_change is not None else {}),
        ),
        _error(errors, name),
    )


def checkbox(name: str, label: str, values: Var, *, hint: str = "", on_change=None) -> rx.Component:
    extra = {"on_change": on_change} if on_change is not None else {}
    return rx.el.label(
        rx.el.input(type="checkbox", name=name, id=f"f-{name}", default_checked=values[name].to(str) == "on", **extra),
        label,
        rx.cond(hint != "", rx.el.span(hint, class_name="st-hint"), ""),
        class_name="st-check",
        html_for=f"f-{name}",
    )
