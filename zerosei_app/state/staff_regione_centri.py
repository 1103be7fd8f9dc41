"""/staff/regione/centri (Regione): every open centre's accounts, confirmations, reminders and closures,
sortable (?ordine=…) and as CSV; the comuni whose families see no confirmed entry yet."""

from __future__ import annotations

import reflex as rx
from sqlmodel import Session

from zerosei_app.auth.guard import StaffContext
from zerosei_app.domain import clock
from zerosei_app.domain.regione_view import DEFAULT_REVIEW_DAYS, SORT_KEYS, sort_key
from zerosei_app.queries.regione_view import centri_rows, comuni_unconfirmed, review_days
from zerosei_app.state.staff_base import StaffState, staff_event, today
from zerosei_app.view import regione_view as v

COMUNI_SHOWN = 60  # the rest: in the count (and by province on the map of the coverage page)


class StaffRegioneCentriState(StaffState):
    rows: list[v.CentroRowView] = []
    order: str = "centro"
    review_days: int = DEFAULT_REVIEW_DAYS
    n_centri: int = 0
    n_without_account: int = 0
    n_due: int = 0
    comuni: list[v.ComuneView] = []
    n_comuni: int = 0
    n_comuni_inferred: int = 0

    @staff_event(loader=True, regione=True)
    def load(self, db: Session, ctx: StaffContext):
        wanted = self.router.url.query_parameters.get("ordine", "centro")
        self.order = wanted if wanted in SORT_KEYS else "centro"
        self.review_days = review_days()
        rows = sorted(centri_rows(db, today(), clock.now(), self.review_days), key=sort_key(self.order))
        self.rows = [v.centro_row_view(r) for r in rows]
        self.n_centri = len(rows)
        self.n_without_account = sum(1 for r in rows if r.invitation != "attivo")
        self.n_due = sum(r.to_confirm for r in rows)
        unconfirmed = comuni_unconfirmed(db, {r.id for r in rows if r.confirmed})
        self.n_comuni = len(unconfirmed)
        self.n_comuni_inferred = sum(1 for c in unconfirmed if c.inferito)
        self.comuni = [v.comune_view(c) for c in unconfirmed[:COMUNI_SHOWN]]

    @staff_event(regione=True)
    def export(self, db: Session, ctx: StaffContext):
        rows = sorted(centri_rows(db, today(), clock.now(), review_days()), key=sort_key(self.order))
        return rx.download(
            data=v.export_csv(rows), filename=f"centri-zerosei-{today().isoformat()}.csv", mime_type="text/csv"
        )
