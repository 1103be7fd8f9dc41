"""The cultural mediators' languages in the Regione's centres CSV (issue 18): the import reads the optional
column «Lingue mediazione» with the staff form's rule; a file without it leaves each centre's as stored;
the Regione's centres export carries it."""

from __future__ import annotations

import pytest
from sqlmodel import select

from zerosei_app.commands.csv_import import ImportRefused, commit_centri_import
from zerosei_app.domain import clock
from zerosei_app.domain.csv_centri import parse_centri_csv
from zerosei_app.models import Centro
from zerosei_app.queries.csv_import import plan_centri_import
from zerosei_app.queries.regione_view import CentroRow
from zerosei_app.view.regione_view import export_csv


def _centre(db) -> Centro:
    c = db.exec(select(Centro).where(Centro.is_active).order_by(Centro.id)).first()
    c.mediation_languages = ["ar"]
    db.add(c)
    db.commit()
    return c


def _row(c: Centro, lingue: str | None) -> str:
    head = "ID;Nome;Comune;Indirizzo;Telefono;E-mail;Sito web;Orari"
    cells = f"{c.id};{c.name};{c.codice_istat};{c.address or ''};{c.phone or ''};{c.email or ''};{c.website or ''}"
    cells += f";{c.hours or ''}"
    if lingue is None:
        return f"{head}\n{cells}\n"
    return f'{head};Lingue mediazione\n{cells};"{lingue}"\n'


def test_the_column_is_read_as_codes():
    text = "Nome;Comune;Lingue mediazione\nCentro Uno;Alba;AR, ro, ar\nCentro Due;Bra;\nCentro Tre;Asti;uk|pl\n"
    values = [r.value.mediation_languages for r in parse_centri_csv(text).rows]
    assert values == [["ar", "ro"], [], ["uk", "pl"]]
    assert parse_centri_csv("Nome;Comune\nCentro Uno;Alba\n").rows[0].value.mediation_languages is None
    assert parse_centri_csv("nome;comune;lingue mediazione culturale\nCentro;Alba;ar\n").rows[0].value


@pytest.mark.parametrize(
    ("cell", "words"),
    [("arabo", "Lingua «arabo» non riconosciuta: scrivi codici di 2 lettere"), (", ".join(["ar"] * 13), "12 lingue")],
)
def test_bad_codes_are_an_error_of_the_row_and_nothing_is_written(db, cell, words):
    c = _centre(db)
    text = _row(c, cell)
    plan = plan_centri_import(db, text)
    assert not plan.ok
    assert any(e.startswith("Lingue mediazione (riga 2): ") and words in e for e in plan.rows[0].errors), plan.rows
    with pytest.raises(ImportRefused):
        commit_centri_import(db, text, None, clock.now())
    db.rollback()
    assert db.get(Centro, c.id).mediation_languages == ["ar"]


def test_a_file_without_the_column_leaves_them_as_they_are(db):
    c = _centre(db)
    plan = plan_centri_import(db, _row(c, None))
    assert plan.ok and plan.rows[0].action == "invariata", plan.rows
    commit_centri_import(db, _row(c, None), None, clock.now())
    db.commit()
    assert db.get(Centro, c.id).mediation_languages == ["ar"]


@pytest.mark.parametrize(("cell", "stored"), [("ro, uk", ["ro", "uk"]), ("", [])])
def test_a_file_with_the_column_sets_them(db, cell, stored):
    c = _centre(db)
    version = c.version
    assert plan_centri_import(db, _row(c, cell)).rows[0].action == "modifica"
    commit_centri_import(db, _row(c, cell), None, clock.now())
    db.commit()
    db.refresh(c)
    assert c.mediation_languages == stored and c.version == version + 1


def test_the_export_carries_them_as_the_import_reads_them():
    text = export_csv([CentroRow(7, "Centro", "Alba", "CN", mediation_languages=["ar", "ro"])]).decode("utf-8-sig")
    header, row = text.splitlines()
    assert header.endswith(";Lingue mediazione") and row.endswith(";ar, ro")
