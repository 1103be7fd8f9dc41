"""CSV files from and for office staff: both dialects, BOM, Windows encoding, wrong columns, bad rows."""

from __future__ import annotations

import pytest
from sqlmodel import select

from zerosei_app.domain.csv_centri import parse_centri_csv, parse_copertura_csv
from zerosei_app.domain.csv_common import read_csv, sniff_delimiter, unprotect
from zerosei_app.domain.csv_entries import COLUMNS, export_entries_csv, parse_entries_csv
from zerosei_app.domain.entry_form import FIELDS, same_content
from zerosei_app.models import CardEntry

HEADER_COMMA = "Titolo,In breve,Area,Età da (mesi),Età fino a (mesi),Dove,E-mail\n"
HEADER_SEMI = "Titolo;In breve;Area;Età da (mesi);Età fino a (mesi);Dove;E-mail\r\n"


def test_utf8_comma_dialect():
    f = parse_entries_csv(
        (HEADER_COMMA + 'Gioco,"Si gioca, insieme",Prevenzione,0,12,via Roma 1,a@b.it\n').encode("utf-8")
    )
    assert f.ok and f.table.delimiter == ","
    assert f.rows[0].entry.summary == "Si gioca, insieme"


def test_excel_italian_dialect_with_bom_and_crlf():
    text = HEADER_SEMI + "Letture;Libri per piccoli;Servizi sul territorio;-3;72;Biblioteca civica;\r\n"
    f = parse_entries_csv(("\ufeff" + text).encode("utf-8"))
    assert f.ok, [r.errors for r in f.rows]
    row = f.rows[0]
    assert f.table.delimiter == ";" and row.entry.category == "servizi-territorio" and row.entry.age_min_months == -3
    assert row.line == 2


def test_windows_1252_file_is_read_with_a_note():
    text = HEADER_SEMI + "Caffè genitori;Chiacchiere;Prevenzione;0;72;Sala comunale;\r\n"
    f = parse_entries_csv(text.encode("cp1252"))
    assert f.ok and f.rows[0].entry.title == "Caffè genitori"
    assert f.table.notes and "UTF-8" in f.table.notes[0]


def test_every_bad_row_is_reported_with_its_line_and_column():
    text = HEADER_SEMI + (
        "Buona;Riga buona;Prevenzione;0;12;Qui;\r\n"
        ";Senza titolo;Prevenzione;0;12;Qui;\r\n"
        "Età rovesciata;x;Prevenzione;24;12;Qui;\r\n"
        "Età fuori;x;Prevenzione;-12;80;Qui;\r\n"
        "Età parole;x;Prevenzione;uno;12;Qui;\r\n"
        "Email;x;Prevenzione;0;12;Qui;non-una-mail\r\n"
        "Area;x;Astrologia;0;12;Qui;\r\n"
        "Troppi;x;Prevenzione;0;12;Qui;a@b.it;extra\r\n"
    )
    f = parse_entries_csv(text)
    assert not f.ok
    by_line = {r.line: r for r in f.rows}
    assert by_line[2].ok
    assert "Titolo" in by_line[3].errors
    assert "Età fino a (mesi)" in by_line[4].errors
    assert "Età da (mesi)" in by_line[5].errors and "Età fino a (mesi)" in by_line[5].errors
    assert by_line[6].errors["Età da (mesi)"] == "Scrivi un numero intero."
    assert "E-mail" in by_line[7].errors
    assert "sconosciuta" in by_line[8].errors["Area"]
    assert "" in by_line[9].errors  # more cells than columns


def test_wrong_columns_stop_the_whole_file():
    f = parse_entries_csv("Titolo;Sommario;Area;Età da (mesi)\nx;y;z;1\n")
    assert not f.ok and f.rows == []
    joined = " ".join(f.errors)
    assert "«Sommario» non riconosciuta" in joined
    assert "Manca la colonna obbligatoria «In breve»" in joined
    assert "Età fino a (mesi)" in joined


def test_duplicate_column_and_ids():
    assert "due volte" in " ".join(parse_entries_csv("Titolo;Titolo;In breve\n").errors)
    text = (
        "ID;"
        + HEADER_SEMI
        + "5;A;x;Prevenzione;0;1;Qui;\r\n5;B;x;Prevenzione;0;1;Qui;\r\nabc;C;x;Prevenzione;0;1;Qui;\r\n"
    )
    f = parse_entries_csv(text)
    assert "ID" in f.rows[1].errors and "più righe" in f.rows[1].errors["ID"]
    assert "ID" in f.rows[2].errors


def test_empty_and_header_only_files():
    assert parse_entries_csv(b"").errors == ["Il file è vuoto."]
    assert "solo l'intestazione" in parse_entries_csv(HEADER_SEMI).errors[0]


def test_headers_match_case_accents_and_trailing_empty_columns():
    text = "TITOLO;in breve;AREA;eta da (mesi);Eta Fino A (Mesi);dove;;\nX y z;s;Prevenzione;0;1;Qui;;\n"
    f = parse_entries_csv(text)
    assert f.ok, f.errors


def test_status_and_dates_in_italian():
    text = (
        "Titolo;In breve;Area;Età da (mesi);Età fino a (mesi);Dove;Stato;Verificata il\n"
        "Uno;x;Prevenzione;0;1;Qui;Pubblicata;25/11/2025\nDue;x;Prevenzione;0;1;Qui;cancellata;31/02/2025\n"
    )
    f = parse_entries_csv(text)
    assert f.rows[0].status == "published" and f.rows[0].last_reviewed_on.isoformat() == "2025-11-25"
    assert "Stato" in f.rows[1].errors and "Verificata il" in f.rows[1].errors


def test_formula_protection_round_trips():
    assert unprotect("'=1+1") == "=1+1" and unprotect("'+39 011") == "+39 011" and unprotect("'ciao") == "'ciao"
    assert sniff_delimiter('"a;b",c,d') == ","


def test_export_of_the_seed_round_trips_through_the_import(db):
    entries = db.exec(select(CardEntry).order_by(CardEntry.id)).all()
    data = export_entries_csv(entries)
    assert data.startswith("\ufeff".encode()) and b";" in data.splitlines()[0]
    f = parse_entries_csv(data)
    assert f.ok, [(r.line, r.errors) for r in f.rows if r.errors][:3]
    assert len(f.rows) == len(entries)
    for entry, row in zip(entries, f.rows, strict=True):
        assert row.entry_id == entry.id and row.version == entry.version and row.status == entry.status
        assert same_content({k: getattr(entry, k) for k in FIELDS}, row.entry.as_values()), entry.id


def test_export_neutralises_spreadsheet_formulas():
    class E:  # an entry-like object with hostile text
        id, title, summary, description, category, topics = (
            1,
            '=HYPERLINK("http://x")',
            "@SUM(1)",
            "",
            "prevenzione",
            [],
        )
        age_min_months, age_max_months, provider, online, location, location_comune = -3, 12, "", False, "Qui", None
        schedule, cost_free, cost_note, access, contact_phone = "", True, "", "", "+39 011 1234567"
        contact_email, contact_url, languages, status, last_reviewed_on, version = "", "", ["it"], "draft", None, 1

    data = export_entries_csv([E()]).decode("utf-8-sig")
    assert "\"'=HYPERLINK" in data and ";'@SUM(1)" in data and ";'+39 011" in data
    assert ";-3;" in data  # numbers are left alone
    row = parse_entries_csv(data).rows[0]
    assert row.entry.title.startswith("=HYPERLINK") and row.entry.contact_phone == "+39 011 1234567"


def test_centres_list_parsing():
    text = (
        "Nome;Comune;Telefono;E-mail;Stato verifica;Attivo\n"
        "Centro Uno;Alba;0173 123456;uno@alba.it;;sì\n"
        "X;;abc;uno@;boh;forse\n"
    )
    f = parse_centri_csv(text)
    assert f.rows[0].value.stato_verifica == "verificato" and f.rows[0].value.active is True
    errors = f.rows[1].errors
    assert {"Nome", "Comune", "Telefono", "E-mail", "Stato verifica", "Attivo"} <= set(errors)


def test_coverage_parsing():
    f = parse_copertura_csv("Centro;Comune servito\n2;Alba\n;\n3;\n")
    assert f.rows[0].value.comune == "Alba"
    assert "Comune servito" in f.rows[1].errors
    assert len(f.rows) == 2  # the empty line is skipped


def test_columns_have_unique_names():
    names = [n for c in COLUMNS for n in c.names()]
    assert len(names) == len(set(names))
    assert read_csv("Titolo\n", COLUMNS).errors


@pytest.mark.parametrize("data", ['""\n', '"",""\n"",""\n', ";;\n"])
def test_a_file_of_only_empty_cells_is_said_empty(data):
    from zerosei_app.domain.csv_common import read_csv

    assert read_csv(data, COLUMNS).errors == ["Il file è vuoto."]
