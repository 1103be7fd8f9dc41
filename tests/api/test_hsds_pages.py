"""HSDS list pages load only their own entries (queries/hsds_pages.py), with the same answers as
filtering the whole directory (hsds.filter_entries over hsds.load)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import event

from zerosei_app.domain.hsds_ids import hsds_id
from zerosei_app.queries import hsds, hsds_pages


def _ids(entries) -> list[int]:
    return [e.id for e in entries]


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"search": "nido"},
        {"search": "città"},
        {"search": "!!!"},
        {"taxonomy_id": hsds_id("taxonomy", "temi")},
        {"modified_after": datetime(2000, 1, 1, tzinfo=UTC)},
        {"modified_after": datetime(2999, 1, 1, tzinfo=UTC)},
    ],
)
def test_pages_match_filtering_the_whole_directory(session, filters):
    whole = hsds.load(session)
    expected = _ids(hsds.filter_entries(whole, **filters))
    got: list[int] = []
    for page in range(1, 100):
        total, data = hsds_pages.services_page(session, hsds.Filters(**filters), page, 7)
        assert total == len(expected)
        if not data.entries:
            break
        got += _ids(data.entries)
    assert got == expected


def test_organization_and_term_filters_match(session):
    whole = hsds.load(session)
    e = whole.entries[0]
    c, _ = whole.centri[e.centro_id]
    for filters in (
        {"organization_id": hsds_id("centro", c.id)},
        {"taxonomy_term_id": hsds.term_id("aree", e.category)},
    ):
        expected = _ids(hsds.filter_entries(whole, **filters))
        total, data = hsds_pages.services_page(session, hsds.Filters(**filters), 1, 1000)
        assert (total, _ids(data.entries)) == (len(expected), expected)


def test_an_unfiltered_page_reads_only_its_entries(session):
    loaded: list[int] = []

    def count_rows(conn, cursor, statement, parameters, context, executemany):
        if "FROM card_entry" in statement and "card_entry.description" in statement:
            loaded.append(cursor.rowcount)

    hsds_pages.services_page(session, hsds.Filters(), 1, 1)  # warm: centres cached
    engine = session.get_bind()
    event.listen(engine, "after_cursor_execute", count_rows)
    try:
        session.expunge_all()
        total, data = hsds_pages.services_page(session, hsds.Filters(), 2, 3)
    finally:
        event.remove(engine, "after_cursor_execute", count_rows)
    assert total > 6 and len(data.entries) == 3
    assert len(loaded) == 1  # one query loads full entries: the page's three
