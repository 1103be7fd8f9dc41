"""Bad contact data in the Regione's list of centres: a clear message naming the row and the field,
and nothing imported (domain/csv_centri.py, queries/csv_import.py)."""

from __future__ import annotations

import pytest
from sqlmodel import func, select

from zerosei_app.commands.csv_import import ImportRefused, commit_centri_import
from zerosei_app.domain import clock
from zerosei_app.domain.contact_rule import email_link, is_working, phone_links, site_link
from zerosei_app.domain.csv_centri import parse_centri_csv
from zerosei_app.models import AuditRecord, Centro
from zerosei_app.queries.csv_import import plan_centri_import

HEAD = "Nome;Comune;Indirizzo;Telefono;E-mail;Sito web\n"
GOOD = "Centro per le famiglie di Bra;Bra;via Vittorio 1;0172 111111;famiglie@bra.it;www.comune.bra.cn.it\n"


@pytest.mark.parametrize(
    ("cells", "field", "words"),
    [
        ("0172 1;;", "Telefono", "non sembra un numero"),
        ("chiamare il lunedì;;", "Telefono", "non sembra un numero"),
        (";famiglie@@bra.it;", "E-mail", "e-mail non valido"),
        (";famiglie@bra;", "E-mail", "e-mail non valido"),
        (";;javascript:alert(1)", "Sito web", "Indirizzo web non valido"),
        (";;https://bra..it", "Sito web", "Indirizzo web non valido"),
        (";;http://localhost:3000", "Sito web", "Indirizzo web non valido"),
        (';;https://bra.it/"onclick=x', "Sito web", "virgolette"),
        (";;www.bra.it/pagina con spazi", "Sito web", "spazi"),
    ],
)
def test_bad_contact_is_named_by_row_and_field_and_nothing_is_imported(db, cells, field, words):
    text = HEAD + GOOD + f"Centro nuovo di Alba;Alba;via Roma 1;{cells}\n"
    plan = plan_centri_import(db, text)
    assert not plan.ok
    bad = next(r for r in plan.rows if r.action == "errore")
    assert bad.line == 3
    assert any(e.startswith(f"{field} (riga 3): ") and words in e for e in bad.errors), bad.errors
    centres, audits = (db.exec(select(func.count()).select_from(t)).one() for t in (Centro, AuditRecord))
    with pytest.raises(ImportRefused):
        commit_centri_import(db, text, None, clock.now())
    db.rollback()
    assert db.exec(select(func.count()).select_from(Centro)).one() == centres  # not even the good row
    assert db.exec(select(func.count()).select_from(AuditRecord)).one() == audits


@pytest.mark.parametrize(
    ("phone", "email", "website"),
    [
        ("011 1234567", "a@b.it", "www.comune.it"),
        ("0141 399490 (su appuntamento)", "nome.cognome@comune.torino.it", "https://www.comune.torino.it/x/?p=1"),
        ("011 123456 / 333 1234567", "", "http://villacingoli.it"),
        ("+39 011.1234567", "", ""),
    ],
)
def test_what_the_import_accepts_becomes_working_links(phone, email, website):
    row = parse_centri_csv(HEAD + f"Centro;Alba;;{phone};{email};{website}\n").rows[0]
    assert not row.errors, row.errors
    v = row.value
    links = phone_links(v.phone) + [x for x in (email_link(v.email), site_link(v.website)) if x]
    assert links and all(is_working(x.href) for x in links)
