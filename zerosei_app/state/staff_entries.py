"""/staff/voci?centro=<id>&…: one centre's entries with search, filters and sort (the URL holds the filters)."""

from __future__ import annotations

import dataclasses
from urllib.parse import urlencode

import reflex as rx
from sqlmodel import Session

from zerosei_app.auth.guard import StaffContext, require_centro
from zerosei_app.domain.clock import day
from zerosei_app.domain.entry_filters import count_stale, filter_entries
from zerosei_app.domain.review import is_stale
from zerosei_app.domain.staff_forms import EntryListQuery
from zerosei_app.domain.staff_labels import STATUS_LABELS, category_label
from zerosei_app.domain.validation import require
from zerosei_app.queries.staff_entries import entries_of
from zerosei_app.state.staff_base import StaffState, staff_event, today
from zerosei_app.view.staff_funzioni import funzioni_rows
from zerosei_app.view.wording import staff_age_range_words


@dataclasses.dataclass
class EntryRow:
    id: int
    title: str
    area: str
    status: str
    status_label: str
    ages: str
    reviewed: str
    stale: bool
    example: bool


class StaffEntriesState(StaffState):
    centro_id: int = 0
    centro_name: str = ""
    rows: list[EntryRow] = []
    funzioni: list[list[str]] = []  # the regional functions: [name, irrinunciabile, add href, existing entry href]
    n_total: int = 0
    n_published: int = 0
    n_draft: int = 0
    n_archived: int = 0
    n_stale: int = 0
    # The filters as the URL gives them (the form's starting values).
    f_q: str = ""
    f_status: str = "attive"
    f_area: str = ""
    f_topic: str = ""
    f_verification: str = ""
    f_order: str = "titolo"
    filters_key: str = ""
    filtered: bool = False

    def _query_from_url(self) -> EntryListQuery:
        params = dict(self.router.url.query_parameters)
        return require(
            EntryListQuery, {"centro": params.get("centro", ""), **{k: v for k, v in params.items() if k != "centro"}}
        )

    @staff_event(loader=True)
    def load(self, db: Session, ctx: StaffContext):
        q = self._query_from_url()
        centro = require_centro(db, ctx, q.centro)
        self.centro_id, self.centro_name = centro.id, centro.name
        entries = entries_of(db, centro.id)
        linked = {e.funzione_id: e.id for e in entries if e.funzione_id and e.status != "archived"}
        self.funzioni = funzioni_rows(centro.id, linked)
        d = today()
        self.n_total = len(entries)
        self.n_published = sum(e.status == "published" for e in entries)
        self.n_draft = sum(e.status == "draft" for e in entries)
        self.n_archived = sum(e.status == "archived" for e in entries)
        self.n_stale = count_stale(entries, d)
        self.rows = [
            EntryRow(
                e.id,
                e.title,
                category_label(e.category),
                e.status,
                STATUS_LABELS.get(e.status, e.status),
                staff_age_range_words(e.age_min_months, e.age_max_months),
                day(e.last_reviewed_on) if e.last_reviewed_on else "mai",
                e.status != "archived" and is_stale(e.last_reviewed_on, d),
                e.is_example,
            )
            for e in filter_entries(entries, q, d)
        ]
        self.f_q, self.f_status, self.f_area, self.f_topic = q.q, q.status or "tutte", q.area, q.topic
        self.f_verification, self.f_order = q.verification, q.order
        self.filtered = bool(q.q or q.area or q.topic or q.verification or q.status != "attive")
        self.filters_key = self.router.url.query

    @staff_event
    def apply_filters(self, db: Session, ctx: StaffContext, form: dict):
        centro = require_centro(db, ctx, self.centro_id)
        raw = form if isinstance(form, dict) else {}
        q = require(
            EntryListQuery,
            {**{k: raw.get(k, "") for k in ("q", "stato", "area", "tema", "verifica", "ordine")}, "centro": centro.id},
        )
        return rx.redirect("/staff/voci?" + urlencode(q.to_params()), replace=True)

    @staff_event
    def show_stale(self, db: Session, ctx: StaffContext):
        centro = require_centro(db, ctx, self.centro_id)
        return rx.redirect(f"/staff/voci?centro={centro.id}&verifica=da_verificare&ordine=verifica", replace=True)

    @staff_event
    def clear_filters(self, db: Session, ctx: StaffContext):
        centro = require_centro(db, ctx, self.centro_id)
        return rx.redirect(f"/staff/voci?centro={centro.id}", replace=True)
