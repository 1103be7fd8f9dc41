"""The "your children" step as data: every rule the parent meets, with the domain's messages."""

from datetime import date

import pytest
from pydantic import ValidationError

from zerosei_app.domain.link import PathQuery
from zerosei_app.domain.months import YearMonth
from zerosei_app.view import children_form as form
from zerosei_app.view.children_form import BORN, EXPECTED, ChildRow, RowEdit

TODAY = date(2026, 11, 25)


def edit(rows, index, field, value, lang="it"):
    return form.apply_edit(rows, RowEdit(index=index, field=field, value=value), TODAY, lang)


def test_rows_from_query_born_then_expected_and_never_empty():
    q = PathQuery(nascita=(YearMonth(2025, 5), YearMonth(2023, 1)), attesa=YearMonth(2027, 3))
    rows = form.rows_from_query(q)
    assert [(r.kind, r.month, r.year) for r in rows] == [
        (BORN, "05", "2025"),
        (BORN, "01", "2023"),
        (EXPECTED, "03", "2027"),
    ]
    assert len({r.key for r in rows}) == 3
    assert [(r.kind, r.month, r.year) for r in form.rows_from_query(PathQuery())] == [(BORN, "", "")]


@pytest.mark.parametrize(
    "field,value",
    [("kind", "x"), ("month", "13"), ("month", "1"), ("year", "20255"), ("year", "abcd"), ("nope", "1")],
)
def test_row_edit_refuses_what_our_selects_cannot_send(field, value):
    with pytest.raises(ValidationError):
        RowEdit(index=0, field=field, value=value)


def test_row_edit_refuses_an_index_beyond_six_children():
    with pytest.raises(ValidationError):
        RowEdit(index=6, field="month", value="01")


def test_a_partial_row_waits_a_complete_row_is_checked_at_once():
    rows = edit([ChildRow()], 0, "month", "12")
    assert rows[0].error == ""
    rows = edit(rows, 0, "year", "2026")  # December 2026 is after November 2026
    assert "nel futuro" in rows[0].error
    rows = edit(rows, 0, "year", "2025")
    assert rows[0].error == ""


def test_messages_follow_the_language():
    rows = edit(edit([ChildRow()], 0, "month", "12", "en"), 0, "year", "2026", "en")
    assert "in the future" in rows[0].error


def test_too_old_and_expected_rules():
    assert "6 anni" in edit(edit([ChildRow()], 0, "month", "01"), 0, "year", "2020")[0].error
    rows = edit([ChildRow()], 0, "kind", EXPECTED)
    rows = edit(edit(rows, 0, "month", "10"), 0, "year", "2027")  # 11 months ahead
    assert "più di 9 mesi" in rows[0].error
    rows = edit(edit(rows, 0, "month", "10"), 0, "year", "2026")  # already past
    assert "già passato" in rows[0].error
    assert edit(rows, 0, "month", "11")[0].error == ""  # due this month is fine


def test_switching_kind_forgets_a_year_that_list_does_not_offer():
    rows = edit(edit([ChildRow()], 0, "month", "05"), 0, "year", "2024")
    rows = edit(rows, 0, "kind", EXPECTED)
    assert rows[0].year == "" and rows[0].month == "05"
    rows = edit(edit(rows, 0, "year", "2027"), 0, "kind", BORN)
    assert rows[0].year == ""  # 2027 is not a birth year yet


def test_only_one_pregnancy():
    rows = [ChildRow(EXPECTED, "03", "2027"), ChildRow(EXPECTED, "04", "2027")]
    result = form.read_rows(rows, TODAY, "it")
    assert not result.ok
    assert result.rows[0].error == "" and "una sola gravidanza" in result.rows[1].error


def test_read_rows_all_empty_asks_for_a_child():
    result = form.read_rows([ChildRow(), ChildRow()], TODAY, "it")
    assert not result.ok and len(result.rows) == 1 and "almeno un bambino" in result.rows[0].error


def test_read_rows_drops_empty_rows_and_flags_partial_ones():
    rows = [ChildRow(BORN, "05", "2025"), ChildRow(), ChildRow(BORN, "03", "")]
    result = form.read_rows(rows, TODAY, "it")
    assert not result.ok
    assert [r.error for r in result.rows] == ["", "Scegli l'anno."]


def test_read_rows_ok_gives_the_months_in_order():
    rows = [ChildRow(BORN, "05", "2025"), ChildRow(EXPECTED, "03", "2027"), ChildRow(BORN, "05", "2025")]
    result = form.read_rows(rows, TODAY, "it")
    assert result.ok
    assert result.nascita == (YearMonth(2025, 5), YearMonth(2025, 5))  # twins keep both
    assert result.attesa == YearMonth(2027, 3)
    q = form.query_with_children(PathQuery(comune="001255", temi=("sonno-pianto",), lang="en"), result)
    assert (q.comune, q.temi, q.lang, q.attesa) == ("001255", ("sonno-pianto",), "en", YearMonth(2027, 3))


def test_add_and_remove_rows_within_limits():
    rows = [ChildRow()]
    for _ in range(10):
        rows = form.add_row(rows)
    assert len(rows) == 6
    kept = rows[2].key
    rows = form.remove_row(rows, 1)
    assert len(rows) == 5 and rows[1].key == kept
    assert form.remove_row(rows, 99) == rows
    assert len(form.remove_row([ChildRow()], 0)) == 1  # never empty


def test_check_complete_rows_for_prefilled_links():
    rows = [ChildRow(BORN, "05", "2031"), ChildRow(BORN, "05", "")]
    checked = form.check_complete_rows(rows, TODAY, "it")
    assert "nel futuro" in checked[0].error and checked[1].error == ""


def test_choices():
    assert form.year_choices(BORN, TODAY) == [str(y) for y in range(2026, 2019, -1)]
    assert form.year_choices(EXPECTED, TODAY) == ["2026", "2027"]
    months = form.month_choices("it")
    assert months[0] == ("01", "gennaio") and months[11] == ("12", "dicembre")
    assert form.month_choices("en")[2] == ("03", "March")
