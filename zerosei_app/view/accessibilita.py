"""The accessibility declaration (AgID's model) as plain texts in the parent's language.

The facts (status, date, known limits) change only after a new assessment: they live here, in
code review, not in deployment settings; who publishes and where feedback goes come from settings.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

from zerosei_app.i18n import t
from zerosei_app.settings import get_publisher
from zerosei_app.view.wording import long_date

# "conforme" or "parzialmente_conforme" (AgID's wording); see the limits below for why.
STATUS = "parzialmente_conforme"
ASSESSED_ON = date(2026, 11, 29)
KNOWN_LIMITS = ("a11y.limit.assistive", "a11y.limit.texts", "a11y.limit.map", "a11y.limit.staff")
# AgID's form for the Difensore civico per il digitale: a plain link, nothing is loaded from it.
AGID_PROCEDURE_URL = "https://form.agid.gov.it/"


def feedback_mailto(lang: str) -> str:
    subject = quote(t("a11y.feedback_subject", lang), safe="")
    return f"mailto:{get_publisher().feedback_email}?subject={subject}"


def declaration_texts(lang: str) -> dict[str, str]:
    """Every paragraph of the declaration, formatted for `lang`."""
    ente = get_publisher().name
    texts = {
        "intro": t("a11y.intro", lang, ente=ente),
        "status": t(f"a11y.status.{STATUS}", lang),
        "prep": t("a11y.prep", lang, data=long_date(ASSESSED_ON, lang)),
        "feedback": t("a11y.feedback", lang, ente=ente),
        "feedback_email": get_publisher().feedback_email,
        "feedback_href": feedback_mailto(lang),
        "procedure": t("a11y.procedure", lang),
        # The official declaration (AgID's site) when the deployment names it; said plainly when it does not.
        "official_href": get_publisher().accessibility_declaration_url or "",
        "official": t(
            "a11y.official" if get_publisher().accessibility_declaration_url else "a11y.official_missing",
            lang,
            ente=ente,
        ),
    }
    texts.update({f"limit{i}": t(key, lang) for i, key in enumerate(KNOWN_LIMITS)})
    return texts
