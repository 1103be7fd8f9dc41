"""The tappe reach a database seeded by the previous release (no tappa rows) at its next start, like a fresh
one; what the Regione edited or confirmed is never overwritten by a later update."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from tests.db.test_data_update import NOW, _old_seed
from zerosei_app.data.seed_update import apply_update
from zerosei_app.db import make_engine
from zerosei_app.models import Tappa
from zerosei_app.prestart import prepare


def _tappe(s: Session) -> dict[str, tuple]:
    return {
        x.id: (x.title, x.summary, x.age_min_months, x.age_max_months, x.source_url)
        for x in s.exec(select(Tappa)).all()
    }


def test_an_old_database_gets_the_tappe_and_keeps_the_regione_edits(tmp_path):
    old_url, new_url = f"sqlite:///{tmp_path / 'old.db'}", f"sqlite:///{tmp_path / 'new.db'}"
    _old_seed(old_url)
    assert prepare(old_url) is False and prepare(new_url) is True
    old_e, new_e = make_engine(old_url), make_engine(new_url)
    with Session(old_e) as a, Session(new_e) as b:
        assert _tappe(a) == _tappe(b) and len(_tappe(a)) == 25
        x = a.get(Tappa, "buono_vesta")
        x.summary, x.verified_on = "Testo della Regione.", date(2026, 12, 6)
        a.add(x)
        a.delete(a.get(Tappa, "nati_per_la_musica"))  # a missing row (the staff area never deletes one) is added back
        a.commit()
        report = apply_update(a, NOW)
        a.commit()
        assert report.tappe_created == ["nati_per_la_musica"]
        kept = a.get(Tappa, "buono_vesta")
        assert kept.summary == "Testo della Regione." and kept.verified_on == date(2026, 12, 6)
        assert not apply_update(a, NOW).changed
    old_e.dispose()
    new_e.dispose()
