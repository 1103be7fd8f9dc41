"""Pure staff rules: the entry form, contact formats, review staleness, statuses, passwords, filters."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import pytest

from zerosei_app.domain.contact_formats import clean_email, clean_phone, clean_url
from zerosei_app.domain.entry_filters import count_stale, filter_entries
from zerosei_app.domain.entry_form import EntryInput, entry_to_form, validate_form
from zerosei_app.domain.entry_status import TransitionError, actions_for, next_status
from zerosei_app.domain.password_policy import password_problem
from zerosei_app.domain.permissions import can_edit_centro, can_manage
from zerosei_app.domain.review import is_stale, months_before, report_days_left, report_is_late, stale_before
from zerosei_app.domain.staff_forms import EntryListQuery, InviteInput, LoginInput, NewPasswordInput
from zerosei_app.domain.staff_labels import category_from_text, topic_from_text
from zerosei_app.domain.validation import parse
from zerosei_app.view.wording import staff_age_range_words, staff_age_words


def form(**over):
    base = {
        "title": "Spazio gioco",
        "summary": "Giochiamo insieme.",
        "category": "promozione-prevenzione-primaria",
        "age_min_months": "12",
        "age_max_months": "36",
        "location": "via Roma 1",
        "cost_free": "si",
    }
    return {**base, **over}


# ------------------------------------------------------------------ entry form


def test_a_complete_form_is_accepted_and_cleaned():
    data, errors = validate_form(
        form(
            contact_url="www.comune.torino.it/famiglie",
            contact_email=" Centro@Comune.IT ",
            languages="IT, en, en",
            **{"tema__gioco-socialita": "on", "tema__sonno-pianto": "on"},
        )
    )
    assert errors == {}
    assert data.contact_url == "https://www.comune.torino.it/famiglie"
    assert data.contact_email == "Centro@comune.it"  # domain folded, local part kept
    assert data.languages == ["it", "en"]
    assert data.topics == ["sonno-pianto", "gioco-socialita"]  # catalogue order


@pytest.mark.parametrize("field", ["title", "summary", "category"])
def test_required_fields(field):
    _, errors = validate_form(form(**{field: "   "}))
    assert field in errors


@pytest.mark.parametrize(
    ("low", "high", "field"),
    [
        ("-10", "12", "age_min_months"),
        ("0", "73", "age_max_months"),
        ("24", "12", "age_max_months"),
        ("abc", "12", "age_min_months"),
        ("1.5", "12", "age_min_months"),
    ],
)
def test_age_range_is_sane(low, high, field):
    _, errors = validate_form(form(age_min_months=low, age_max_months=high))
    assert field in errors


def test_age_edges_are_accepted():
    data, errors = validate_form(form(age_min_months="-9", age_max_months="72"))
    assert errors == {} and (data.age_min_months, data.age_max_months) == (-9, 72)
    data, errors = validate_form(form(age_min_months="5", age_max_months="5"))
    assert errors == {}


def test_length_limits_match_the_table():
    _, errors = validate_form(form(title="x" * 151, summary="y" * 301, description="z" * 4001))
    assert errors["title"].startswith("Troppo lungo") and "150" in errors["title"]
    assert "300" in errors["summary"] and "4000" in errors["description"]


def test_where_and_cost_rules():
    assert "location" in validate_form(form(location=""))[1]
    assert "location" not in validate_form(form(location="", online="on"))[1]
    assert "cost_note" in validate_form(form(cost_free="no"))[1]
    assert validate_form(form(cost_free="no", cost_note="5 euro a incontro"))[1] == {}


def test_bad_contacts_get_field_messages():
    _, errors = validate_form(form(contact_phone="chiamaci", contact_email="nome@", contact_url="javascript:alert(1)"))
    assert set(errors) >= {"contact_phone", "contact_email", "contact_url"}
    assert all(errors[k] for k in ("contact_phone", "contact_email", "contact_url"))


def test_markup_is_kept_as_plain_text_not_rejected():
    """Text is stored as typed; the pages render it as text (never HTML)."""
    data, errors = validate_form(form(title="<script>alert(1)</script> gioco"))
    assert errors == {} and data.title.startswith("<script>")


def test_a_non_mapping_form_is_refused_cleanly():
    assert validate_form(["not", "a", "form"])[0] is None
    assert validate_form(None)[0] is None


def test_form_round_trip():
    data, _ = validate_form(form(**{"tema__gioco-socialita": "on"}, online="on", cost_free="no", cost_note="10 €"))
    again, errors = validate_form(entry_to_form(data.as_values()))
    assert errors == {} and again == data


def test_category_and_topic_accept_labels():
    assert category_from_text("Mediazione familiare") == "mediazione-familiare"
    assert category_from_text("MEDIAZIONE-familiare") == "mediazione-familiare"
    assert topic_from_text("Nido e scuola dell’infanzia") == "nido-scuola"
    assert category_from_text("boh") is None


# ------------------------------------------------------------------ contact formats


@pytest.mark.parametrize(
    "ok",
    [
        "011 1234567",
        "+39 333 123 4567",
        "0141 399490 (su appuntamento)",
        "011 1234567 / 333 1234567",
        "011-123.4567",
        "",
    ],
)
def test_phone_ok(ok):
    assert clean_phone(ok) == " ".join(ok.split())


@pytest.mark.parametrize("bad", ["12345", "telefono", "011 1234567 / abc", "+39 333 1234567 8901 23456", "(solo nota)"])
def test_phone_bad(bad):
    with pytest.raises(ValueError):
        clean_phone(bad)


@pytest.mark.parametrize("bad", ["nome", "nome@", "@dominio.it", "nome@dominio", "a b@c.it"])
def test_email_bad(bad):
    with pytest.raises(ValueError):
        clean_email(bad)


@pytest.mark.parametrize(
    "bad", ["ftp://x.it", "javascript:alert(1)", "https://localhost", "http://", "www .x.it", "https://.it"]
)
def test_url_bad(bad):
    with pytest.raises(ValueError):
        clean_url(bad)


# ------------------------------------------------------------------ staleness and reports


def test_months_before_clamps_to_month_end():
    assert months_before(date(2026, 8, 31), 6) == date(2026, 2, 28)
    assert months_before(date(2028, 8, 31), 6) == date(2028, 2, 29)
    assert months_before(date(2026, 3, 15), 6) == date(2025, 9, 15)


def test_stale_after_six_months_or_never():
    today = date(2026, 11, 25)
    assert stale_before(today) == date(2026, 5, 25)
    assert is_stale(None, today)
    assert is_stale(date(2026, 5, 25), today)  # exactly 6 months: due
    assert not is_stale(date(2026, 5, 26), today)
    assert not is_stale(today, today)


def test_report_deadline_is_fifteen_days():
    created = datetime(2026, 11, 1, 10, tzinfo=UTC)
    assert report_days_left(created, created) == 15
    assert not report_is_late("nuova", created, created + timedelta(days=15))
    assert report_is_late("nuova", created, created + timedelta(days=15, minutes=1))
    assert report_is_late("in_lavorazione", created, created + timedelta(days=20))
    assert not report_is_late("risolta", created, created + timedelta(days=99))


# ------------------------------------------------------------------ statuses


def test_status_transitions_never_delete():
    assert next_status("publish", "draft") == "published"
    assert next_status("archive", "published") == "archived"
    assert next_status("unarchive", "archived") == "draft"
    assert next_status("unpublish", "published") == "draft"
    for action, current in (
        ("publish", "published"),
        ("publish", "archived"),
        ("unarchive", "draft"),
        ("delete", "draft"),
    ):
        with pytest.raises(TransitionError):
            next_status(action, current)
    assert actions_for("archived") == ["unarchive"]
    assert "delete" not in {a for s in ("draft", "published", "archived") for a in actions_for(s)}


# ------------------------------------------------------------------ permissions and passwords


def test_permission_rules():
    assert can_edit_centro("operatore", {1}, 1, True)
    assert not can_edit_centro("operatore", {1}, 2, True)
    assert not can_edit_centro("operatore", {1}, 1, False)  # a closed centre is the Regione's
    assert can_edit_centro("regione", set(), 2, False)
    assert not can_edit_centro("intruso", {1}, 1, True)
    assert can_manage("regione") and not can_manage("operatore")


@pytest.mark.parametrize("pw", ["corta", "1234567890", "aaaaaaaaaaaa", "mario.rossi2026!", "Mario Rossi di Torino"])
def test_weak_passwords_are_refused(pw):
    assert password_problem(pw, "mario.rossi@comune.it", "Mario Rossi")


@pytest.mark.parametrize(
    "pw", ["password1234", "123456789012", "qwerty123456", "Password1234", "iloveyou2024", "abcdefghijkl"]
)
def test_common_and_breached_passwords_are_refused_saying_why(pw):
    from zerosei_app.domain.password_policy import COMMON_MESSAGE

    assert password_problem(pw, "anna@x.it", "Anna") == COMMON_MESSAGE
    assert "comuni" in COMMON_MESSAGE


@pytest.mark.parametrize(
    "pw", ["girasole azzurro 2026", "una nuova password lunga", "trenino-giallo-42", "x" * 3 + "Kq9!vLm2#pZr"]
)
def test_uncommon_passwords_pass(pw):
    assert password_problem(pw, "anna@x.it", "Anna") is None


def test_the_check_stays_fast_on_long_input():
    import time

    t0 = time.perf_counter()
    password_problem("a1b2c3d4e5" * 20, "anna@x.it", "Anna")
    assert time.perf_counter() - t0 < 0.5


def test_a_short_sentence_is_a_good_password():
    assert password_problem("girasole azzurro sul balcone", "anna@x.it", "Anna") is None


def test_password_inputs():
    assert (
        parse(NewPasswordInput, {"password": "abc", "password2": "abd"})[1]["password2"]
        == "Le due password non coincidono."
    )
    assert parse(LoginInput, {"email": " Anna@X.IT ", "password": "p"})[0].email == "anna@x.it"
    value, errors = parse(InviteInput, {"email": "a@b.it", "name": "Anna", "role": "operatore", "centri": []})
    assert value is None and "centri" in errors
    assert parse(InviteInput, {"email": "a@b.it", "name": "Anna", "role": "admin"})[1]["role"] == "Ruolo non valido."


# ------------------------------------------------------------------ list filters


def _e(id, title, status="published", category="prevenzione", topics=(), reviewed=None, amin=0, amax=12, updated=0):
    return SimpleNamespace(
        id=id,
        title=title,
        summary="",
        description="",
        provider="",
        location="",
        status=status,
        category=category,
        topics=list(topics),
        last_reviewed_on=reviewed,
        age_min_months=amin,
        age_max_months=amax,
        updated_at=datetime(2026, 1, 1, tzinfo=UTC) + timedelta(days=updated),
    )


def test_filters_and_sort():
    today = date(2026, 11, 25)
    entries = [
        _e(1, "Zumba mamme", reviewed=today, updated=3),
        _e(2, "Allattamento", status="draft", topics=["allattamento-alimentazione"], amin=-2, updated=1),
        _e(3, "Archivio vecchio", status="archived"),
        _e(4, "Ascolto", category="mediazione-familiare", reviewed=date(2025, 1, 1), updated=2),
    ]
    ids = lambda **q: [e.id for e in filter_entries(entries, EntryListQuery(centro=1, **q), today)]  # noqa: E731
    assert ids() == [2, 4, 1]  # active ones, by folded title
    assert ids(stato="tutte") == [2, 3, 4, 1]
    assert ids(stato="archived") == [3]
    assert ids(verifica="da_verificare") == [2, 4]
    assert ids(tema="allattamento-alimentazione") == [2]
    assert ids(area="mediazione-familiare") == [4]
    assert ids(q="MAMME zumba") == [1]
    assert ids(ordine="modificate") == [1, 4, 2]
    assert ids(ordine="eta") == [2, 4, 1]
    assert count_stale(entries, today) == 2


def test_list_query_falls_back_on_unknown_values():
    q = EntryListQuery(centro=3, stato="hack", area="nope", tema="<b>", verifica="x", ordine="drop")
    assert (q.status, q.area, q.topic, q.verification, q.order) == ("attive", "", "", "", "titolo")
    assert q.to_params() == {"centro": "3"}


def test_age_words():
    assert staff_age_words(-9) == "9 mesi prima della nascita"
    assert staff_age_words(-1) == "1 mese prima della nascita"
    assert staff_age_words(18) == "1 anno e 6 mesi"
    assert staff_age_range_words(0, 12) == "dalla nascita a 1 anno"
    assert staff_age_range_words(-9, 72) == "dalla gravidanza ai 6 anni"


def test_entry_input_ignores_unknown_keys():
    data = EntryInput.model_validate(
        {**form(), "status": "published", "centro_id": 99, "id": 5, "is_example": False, "cost_free": True}
    )
    assert not hasattr(data, "centro_id") and "status" not in data.as_values()
