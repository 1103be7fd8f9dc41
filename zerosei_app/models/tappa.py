"""A public step a family meets from pregnancy to age 6 (data/tappe_0_6_piemonte.csv), edited by the Regione."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from zerosei_app.models._common import utcnow


class Tappa(SQLModel, table=True):
    __tablename__ = "tappa"

    id: str = Field(primary_key=True, max_length=60)  # the CSV's tappa_id: stable, used in links and the API
    titolo: str = Field(max_length=150)
    sintesi: str = Field(default="", max_length=400)
    # Months from (expected) birth: negative = pregnancy (from -9); no end = the whole 0-6.
    eta_da_mesi: int = 0
    eta_a_mesi: int | None = None
    quando: str = Field(default="", max_length=300)
    chi: str = Field(default="", max_length=200)
    link: str | None = Field(default=None, max_length=500)  # the responsible body's own page
    ambito: str = Field(default="nazionale", max_length=20)  # regionale | comunale | nazionale
    fonte_url: str = Field(max_length=500)
    fonte_titolo: str = Field(max_length=300)
    fonte_data: str | None = Field(default=None, max_length=10)  # YYYY, YYYY-MM or YYYY-MM-DD, as the source gives it
    da_verificare: bool = True  # the source is secondary, old, local or changes yearly: the Regione must check it
    verificato_il: date | None = None  # the Regione checked it on the official site
    aggiornato_il: datetime = Field(default_factory=utcnow)
    version: int = 1  # optimistic locking, like entries
