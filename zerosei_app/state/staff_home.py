"""/staff: the user's centres, each with what needs attention (and the totals for the Regione)."""

from __future__ import annotations

import dataclasses

from sqlmodel import Session

from zerosei_app.auth.guard import StaffContext, editable_centro_ids
from zerosei_app.domain import clock
from zerosei_app.domain.regione_view import ATTIVO, EXPECTED_CENTRI
from zerosei_app.domain.staff_labels import STATO_VERIFICA_LABELS
from zerosei_app.queries.regione_view import centri_rows, review_days
from zerosei_app.queries.staff_coverage import still_inferred
from zerosei_app.queries.staff_dashboard import summaries, totals
from zerosei_app.state.staff_base import StaffState, staff_event, today
from zerosei_app.view import staff_messages as m
from zerosei_app.view.staff_todo import TodoItem, regione_todo, todo


@dataclasses.dataclass
class CentroCard:
    id: int
    name: str
    comune: str
    active: bool
    verification: str
    uncertain: bool
    published: int
    drafts: int
    archived: int
    stale: int
    examples: int
    reports_new: int
    reports_in_progress: int
    reports_late: int


def centro_cards(items) -> list[CentroCard]:
    """The dashboard's card per centre, from queries.staff_dashboard.summaries."""
    return [
        CentroCard(
            s.id,
            s.name,
            s.comune,
            s.is_active,
            STATO_VERIFICA_LABELS.get(s.stato_verifica, s.stato_verifica),
            s.stato_verifica in ("incerto", "solo_nome"),
            s.published,
            s.draft,
            s.archived,
            s.stale,
            s.examples,
            s.reports_nuova,
            s.reports_in_lavorazione,
            s.reports_late,
        )
        for s in items
    ]


TODO_SHOWN = 6  # per group; the rest is in the table or cards of centres below the list
# TodoItem.kind (view/staff_todo.py) -> the name of its group's vars (todo_<name>, more_<name>), in the list's order.
TODO_GROUPS = {"contatti": "contacts", "segnalazioni": "reports", "voci": "entries"}


class StaffHomeState(StaffState):
    centri: list[CentroCard] = []
    total_published: int = 0
    total_stale: int = 0
    total_reports_open: int = 0
    total_reports_late: int = 0
    welcome: bool = False
    # The to-do list in its three groups, in this order; each shows at most TODO_SHOWN (the rest: "e altri N").
    todo_contacts: list[TodoItem] = []
    todo_reports: list[TodoItem] = []
    todo_entries: list[TodoItem] = []
    more_contacts: int = 0
    more_reports: int = 0
    more_entries: int = 0
    todo_regione: list[TodoItem] = []  # the Regione's own jobs (its "Da fare" holds no operatrice's work)
    more_regione: int = 0  # always 0: the Regione's jobs are few and all shown

    @staff_event(loader=True)
    def load(self, db: Session, ctx: StaffContext):
        self.welcome = bool(self.router.url.query_parameters.get("benvenuto"))
        items = summaries(db, editable_centro_ids(db, ctx), today(), clock.now())
        self.centri = centro_cards(items)
        items_todo = [] if ctx.is_regione else todo(items)
        self.todo_regione = self._regione_todo(db) if ctx.is_regione else []
        for kind, group_name in TODO_GROUPS.items():
            group = [i for i in items_todo if i.kind == kind]
            setattr(self, f"todo_{group_name}", group[:TODO_SHOWN])
            setattr(self, f"more_{group_name}", max(0, len(group) - TODO_SHOWN))
        t = totals([s for s in items if s.is_active])
        self.total_published = t["published"]
        self.total_stale = t["stale"]
        self.total_reports_open = t["reports_nuova"] + t["reports_in_lavorazione"]
        self.total_reports_late = t["reports_late"]
        if not ctx.is_regione and len(self.centri) == 0:
            self.page_error = m.NO_CENTRO

    def _regione_todo(self, db: Session) -> list[TodoItem]:
        rows = centri_rows(db, today(), clock.now(), review_days())
        return regione_todo(
            len(rows),
            EXPECTED_CENTRI,
            len(still_inferred(db)),
            sum(1 for r in rows if r.invitation != ATTIVO),
            sum(r.to_confirm for r in rows),
        )
