"""Log lines cut client values and mask tokens (web/log_guard.py), Reflex's type warning included."""

from __future__ import annotations

import logging
import secrets

from zerosei_app.web import log_guard


def test_reflex_type_warning_is_cut_and_tokens_masked(caplog):
    log_guard.install()
    token = secrets.token_urlsafe(32)
    huge = "Z" * 1_000_000
    with caplog.at_level(logging.WARNING):
        # The message Reflex's event processor logs for a wrongly typed argument (reflex_base/event/processor).
        logging.getLogger("reflex_base.event.processor.base_state_processor").warning(
            "Error transforming event payload for handler X.login: Error transforming event argument 'form' "
            f"with value '{huge}' and type hint '<class 'dict'>'"
        )
        logging.getLogger("zerosei_app.state").warning("session %s seen", token)
    first, second = (r.getMessage() for r in caplog.records[-2:])
    assert len(first) < 600 and "(1000000 chars)" in first and "type hint" in first
    assert token not in second and "[token?]" in second


def test_readable_names_stay():
    text = "reflex___state____state.zerosei_app___state___staff_base____staff_state 0f1e2d3c" + "a" * 60
    assert log_guard.clean(text) == text
    uuid = "123e4567-e89b-12d3-a456-426614174000"
    assert log_guard.clean(f"tab {uuid}") == f"tab {uuid}"
