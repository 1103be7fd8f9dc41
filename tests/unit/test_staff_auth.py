"""Accounts and sessions: argon2id hashing, hashed tokens, expiry, revocation, throttling, the guard."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from zerosei_app.auth.accounts import (
    AccountError,
    change_password,
    complete_setup,
    create_account,
    issue_setup_token,
    set_active,
    set_memberships,
    user_for_setup_token,
)
from zerosei_app.auth.guard import Denied, require_centro, require_entry, require_regione, require_user
from zerosei_app.auth.login import BAD_CREDENTIALS, DISABLED, attempt_login
from zerosei_app.auth.passwords import hash_password, needs_rehash, verify_password
from zerosei_app.auth.sessions import ABSOLUTE_LIFETIME, IDLE_TIMEOUT, create_session, find_session, revoke_token
from zerosei_app.auth.throttle import (
    LOCK,
    MAX_FAILURES,
    MAX_FAILURES_PER_ACCOUNT,
    MAX_FAILURES_PER_ADDRESS,
    locked_until,
)
from zerosei_app.auth.tokens import client_hash
from zerosei_app.domain import clock
from zerosei_app.domain.tokens import hash_token
from zerosei_app.models import AuditRecord, CardEntry, LoginAttempt, StaffSession, StaffUser

# Query-level tests: on SQLite, and on PostgreSQL too when CI provides it.
pytestmark = pytest.mark.both_databases

PW = "girasole azzurro 2026"


def test_real_hashes_are_argon2id_with_rfc9106_costs():
    h = hash_password("una password di prova")
    assert h.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert "una password" not in h
    assert verify_password(h, "una password di prova")
    assert not verify_password(h, "una password di prov")
    assert not verify_password(None, "qualunque")
    assert not verify_password("non-un-hash", "x")
    assert not needs_rehash(h)


@pytest.fixture
def user(db, fast_hashing):
    u, _ = create_account(
        db,
        email="Op@Example.org",
        name="Operatrice",
        role="operatore",
        centro_ids=[1],
        actor_id=None,
        now=clock.now(),
        password=PW,
    )
    db.commit()
    return u


def test_accounts_store_folded_email_and_no_clear_password(db, user):
    row = db.exec(select(StaffUser).where(StaffUser.email == "op@example.org")).one()
    assert row.password_hash.startswith("$argon2id$") and PW not in row.password_hash
    audit = db.exec(select(AuditRecord).where(AuditRecord.entity == "staff_user")).one()
    assert "password" not in str(audit.after) and audit.after["centri"] == [1]
    with pytest.raises(AccountError):
        create_account(
            db, email="op@example.org", name="x", role="operatore", centro_ids=[1], actor_id=None, now=clock.now()
        )
    with pytest.raises(AccountError):
        create_account(db, email="n@e.org", name="x", role="operatore", centro_ids=[], actor_id=None, now=clock.now())
    with pytest.raises(AccountError):
        create_account(db, email="n@e.org", name="x", role="superuser", centro_ids=[], actor_id=None, now=clock.now())


def test_sessions_are_stored_hashed_and_expire(db, user):
    now = clock.now()
    token = create_session(db, user.id, now)
    db.commit()
    stored = db.exec(select(StaffSession)).one()
    assert stored.token_hash == hash_token(token) and token not in stored.token_hash
    assert find_session(db, token, now) is not None
    assert find_session(db, token + "x", now) is None
    assert find_session(db, "", now) is None and find_session(db, "x" * 5000, now) is None
    # idle expiry, then absolute expiry even when active
    assert find_session(db, token, now + IDLE_TIMEOUT + timedelta(seconds=1)) is None
    t = now
    while t < now + ABSOLUTE_LIFETIME - timedelta(minutes=30):
        t += timedelta(minutes=30)
        assert find_session(db, token, t) is not None
    assert find_session(db, token, now + ABSOLUTE_LIFETIME) is None


def test_logout_and_disable_end_sessions(db, user):
    now = clock.now()
    t1, t2 = create_session(db, user.id, now), create_session(db, user.id, now)
    db.commit()
    revoke_token(db, t1, now)
    db.commit()
    assert find_session(db, t1, now) is None and find_session(db, t2, now) is not None
    set_active(db, user.id, False, actor_id=None, now=now)
    db.commit()
    assert find_session(db, t2, now) is None
    set_active(db, user.id, True, actor_id=None, now=now)
    db.commit()
    assert find_session(db, t2, now) is None  # re-enabling does not revive old sessions


def test_password_change_revokes_the_other_sessions(db, user):
    now = clock.now()
    mine, other = create_session(db, user.id, now), create_session(db, user.id, now)
    db.commit()
    keep = find_session(db, mine, now)[0].id
    with pytest.raises(AccountError):
        change_password(db, user.id, "sbagliata", "nuova frase segreta", now, keep)
    with pytest.raises(AccountError):
        change_password(db, user.id, PW, "corta", now, keep)
    change_password(db, user.id, PW, "nuova frase segreta", now, keep)
    db.commit()
    assert find_session(db, mine, now) is not None and find_session(db, other, now) is None
    assert attempt_login(db, "op@example.org", "nuova frase segreta", "c", now).ok


def test_setup_link_is_one_time_and_expires(db, fast_hashing):
    now = clock.now()
    u, token = create_account(
        db, email="new@example.org", name="Nuova", role="operatore", centro_ids=[2], actor_id=None, now=now
    )
    db.commit()
    assert u.password_hash is None and u.setup_token_hash == hash_token(token)
    assert user_for_setup_token(db, token, now + timedelta(days=7, seconds=-1)) is not None
    assert user_for_setup_token(db, token, now + timedelta(days=7)) is None
    with pytest.raises(AccountError):
        complete_setup(db, token, "corta", now)
    complete_setup(db, token, "girasoli sul balcone", now)
    db.commit()
    with pytest.raises(AccountError):
        complete_setup(db, token, "girasoli sul balcone", now)  # used once
    new = issue_setup_token(db, u, None, now)
    db.commit()
    assert user_for_setup_token(db, token, now) is None and user_for_setup_token(db, new, now) is not None


def test_login_messages_never_reveal_whether_an_email_exists(db, user):
    now = clock.now()
    unknown = attempt_login(db, "nessuno@example.org", PW, client_hash("1.1.1.1"), now)
    wrong = attempt_login(db, "op@example.org", "sbagliata", client_hash("1.1.1.2"), now)
    assert unknown.message == wrong.message == BAD_CREDENTIALS
    ok = attempt_login(db, " OP@example.org ", PW, client_hash("1.1.1.3"), now)
    assert ok.ok and ok.token
    set_active(db, user.id, False, None, now)
    db.commit()
    assert attempt_login(db, "op@example.org", "sbagliata", client_hash("1.1.1.4"), now).message == BAD_CREDENTIALS
    # Only someone who knows the password learns that the account is disabled.
    assert attempt_login(db, "op@example.org", PW, client_hash("1.1.1.5"), now).message == DISABLED


def test_five_failures_lock_the_account_from_that_address_for_fifteen_minutes(db, user):
    now = clock.now()
    attacker = client_hash("203.0.113.9")
    for i in range(MAX_FAILURES - 1):
        out = attempt_login(db, "op@example.org", f"tentativo {i}", attacker, now + timedelta(minutes=i))
        assert out.message == BAD_CREDENTIALS
    fifth = attempt_login(db, "op@example.org", "tentativo 5", attacker, now + timedelta(minutes=4))
    assert "Troppi tentativi" in fifth.message and "15 minuti" in fifth.message
    t = now + timedelta(minutes=5)
    # Locked from that address: even the right password is refused there, without checking it...
    assert "Troppi tentativi" in attempt_login(db, "op@example.org", PW, attacker, t).message
    # ...but a guesser elsewhere cannot lock the owner out of her own office.
    assert attempt_login(db, "op@example.org", PW, client_hash("198.51.100.1"), t).ok
    attempts = db.exec(select(LoginAttempt)).all()
    assert all(a.client_hash != "203.0.113.9" and len(a.client_hash) == 64 for a in attempts)  # only keyed hashes
    # 15 minutes after the fifth failure, the lock is over.
    assert locked_until(db, "op@example.org", attacker, now + timedelta(minutes=4) + LOCK) is None
    assert attempt_login(db, "op@example.org", PW, attacker, now + timedelta(minutes=4) + LOCK).ok


def test_an_address_trying_many_accounts_is_locked(db, user, fast_hashing):
    now = clock.now()
    sprayer = client_hash("203.0.113.50")
    for i in range(MAX_FAILURES_PER_ADDRESS):
        attempt_login(db, f"persona{i}@example.org", "estate2026", sprayer, now)
    assert "Troppi tentativi" in attempt_login(db, "op@example.org", PW, sprayer, now).message
    assert attempt_login(db, "op@example.org", PW, client_hash("198.51.100.7"), now).ok


def test_guessing_one_account_from_many_addresses_locks_it(db, user, fast_hashing):
    now = clock.now()
    for i in range(MAX_FAILURES_PER_ACCOUNT):
        attempt_login(db, "op@example.org", f"tentativo {i}", client_hash(f"10.0.{i}.1"), now)
    assert "Troppi tentativi" in attempt_login(db, "op@example.org", PW, client_hash("198.51.100.8"), now).message


def test_an_unknown_email_is_locked_like_a_real_one(db, fast_hashing):
    now = clock.now()
    for _ in range(MAX_FAILURES):
        out = attempt_login(db, "nessuno@example.org", "x", client_hash("10.0.0.1"), now)
    assert "Troppi tentativi" in out.message


def test_failures_spread_over_time_do_not_lock(db, user):
    now = clock.now()
    for i in range(8):
        out = attempt_login(db, "op@example.org", "no", client_hash("192.0.2.1"), now + timedelta(minutes=4 * i))
        assert "Troppi" not in out.message


def test_client_hash_is_keyed_and_stable():
    assert client_hash("1.2.3.4") == client_hash("1.2.3.4") != client_hash("1.2.3.5")
    import hashlib

    assert client_hash("1.2.3.4") != hashlib.sha256(b"client:1.2.3.4").hexdigest()


def test_guard(db, user, fast_hashing):
    now = clock.now()
    token = create_session(db, user.id, now)
    regione, _ = create_account(
        db, email="r@example.org", name="R", role="regione", centro_ids=[], actor_id=None, now=now, password=PW
    )
    rt = create_session(db, regione.id, now)
    db.commit()
    with pytest.raises(Denied) as e:
        require_user(db, "", now)
    assert e.value.reason == "login"
    ctx = require_user(db, token, now)
    assert ctx.centro_ids == {1} and not ctx.is_regione
    assert require_centro(db, ctx, 1).id == 1
    for bad in (2, 99999, None, "1"):
        with pytest.raises(Denied):
            require_centro(db, ctx, bad)
    with pytest.raises(Denied):
        require_regione(ctx)
    entry_b = db.exec(select(CardEntry).where(CardEntry.centro_id == 2)).first()
    with pytest.raises(Denied):
        require_entry(db, ctx, entry_b.id)
    rctx = require_user(db, rt, now)
    require_regione(rctx)
    assert require_entry(db, rctx, entry_b.id).id == entry_b.id
    # Memberships are read on every call: a change applies at once.
    set_memberships(db, user.id, [2], regione.id, now)
    db.commit()
    assert require_user(db, token, now).centro_ids == {2}


def test_a_burst_of_parallel_tries_gets_no_more_guesses_than_the_limit(tmp_path, monkeypatch, user, db):
    """Threads on a real SQLite file: every try is counted before any password is checked."""
    import threading

    from sqlmodel import Session as DbSession

    from zerosei_app.auth import login as login_module

    engine = db.get_bind()
    checked = []
    real_verify = login_module.verify_password

    def counting_verify(hashed, password):
        checked.append(password)
        return real_verify(hashed, password)

    monkeypatch.setattr(login_module, "verify_password", counting_verify)
    now = clock.now()
    who = client_hash("203.0.113.77")
    start = threading.Barrier(8)

    def guess(i):
        with DbSession(engine) as db:
            start.wait()
            attempt_login(db, "op@example.org", f"indovino {i}", who, now)

    threads = [threading.Thread(target=guess, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(checked) <= MAX_FAILURES


def _burst(n: int, target) -> None:
    """n threads that start `target(i)` at the same moment."""
    import threading

    start = threading.Barrier(n)

    def run(i):
        start.wait()
        target(i)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def _counting_verify(monkeypatch, module) -> list[str]:
    checked: list[str] = []
    real = module.verify_password

    def counting(hashed, password):
        checked.append(password)
        return real(hashed, password)

    monkeypatch.setattr(module, "verify_password", counting)
    return checked


def test_ten_parallel_wrong_logins_get_at_most_five_checked(user, db, monkeypatch):
    from sqlmodel import Session as DbSession

    from zerosei_app.auth import login as login_module

    checked = _counting_verify(monkeypatch, login_module)
    engine, now, who = db.get_bind(), clock.now(), client_hash("203.0.113.78")

    def guess(i):
        with DbSession(engine) as db:
            attempt_login(db, "op@example.org", f"indovino {i}", who, now)

    _burst(10, guess)
    # Each try is recorded before it is checked: when all ten are recorded first (PostgreSQL, busy machine)
    # none is checked at all; what matters is that never more than the limit are.
    assert len(checked) <= MAX_FAILURES
    with DbSession(engine) as db:
        assert len(db.exec(select(LoginAttempt).where(LoginAttempt.client_hash == who)).all()) >= len(checked)


def test_ten_parallel_wrong_password_changes_get_at_most_five_checked(user, db, monkeypatch):
    """The password-change form used to count a wrong guess only after checking it: 10 tabs got 9 checks."""
    from sqlmodel import Session as DbSession

    from zerosei_app.auth import accounts as accounts_module

    checked = _counting_verify(monkeypatch, accounts_module)
    engine, now, who = db.get_bind(), clock.now(), client_hash("203.0.113.79")
    user_id = user.id  # read once here: the test's session must not be used from the threads
    refusals: list[str] = []

    def guess(i):
        with DbSession(engine) as db:
            try:
                change_password(db, user_id, f"indovino {i}", "una nuova password lunga", now, None, who)
            except AccountError as exc:
                refusals.append(str(exc))

    _burst(10, guess)
    # Each try is recorded before it is checked: when all ten are recorded first (PostgreSQL, busy machine)
    # none is checked at all; what matters is that never more than the limit are.
    assert len(checked) <= MAX_FAILURES
    assert len(refusals) == 10 and sum("Troppi tentativi" in r for r in refusals) >= 10 - MAX_FAILURES
    # and then even the right password is refused while locked
    with DbSession(engine) as db, pytest.raises(AccountError, match="Troppi tentativi"):
        change_password(db, user.id, PW, "una nuova password lunga", now, None, who)


def test_the_right_current_password_ends_the_streak(user, db):
    now, who = clock.now(), client_hash("203.0.113.80")
    for i in range(3):
        with pytest.raises(AccountError):
            change_password(db, user.id, f"indovino {i}", "una nuova password lunga", now, None, who)
    change_password(db, user.id, PW, "una nuova password lunga", now, None, who)
    db.commit()
    rows = db.exec(select(LoginAttempt).where(LoginAttempt.client_hash == who)).all()
    assert [r.success for r in rows] == [False, False, False, True]
