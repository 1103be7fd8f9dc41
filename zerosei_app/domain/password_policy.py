"""What a staff password must be (checked before hashing; messages in Italian)."""

from __future__ import annotations

MIN_LENGTH = 10
MAX_LENGTH = 200  # argon2 handles more, but nobody types this much: refuse pasted garbage

# A few passwords people really choose; the length rule excludes most of the rest.
_COMMON = frozenset(
    {
        "password12",
        "password123",
        "1234567890",
        "0123456789",
        "qwertyuiop",
        "passwordpassword",
        "zerosei2024",
        "zerosei2025",
        "zerosei2026",
        "piemonte2025",
        "piemonte2026",
        "famiglie2026",
    }
)


def password_problem(password: str, email: str = "", name: str = "") -> str | None:
    """None when acceptable, else the reason."""
    if len(password) < MIN_LENGTH:
        return f"La password deve avere almeno {MIN_LENGTH} caratteri (una frase breve va benissimo)."
    if len(password) > MAX_LENGTH:
        return f"La password può avere al massimo {MAX_LENGTH} caratteri."
    low = password.casefold()
    if low in _COMMON or len(set(low)) < 4:
        return "Questa password è troppo facile da indovinare: scegline una diversa."
    local = email.split("@")[0].casefold()
    if local and len(local) >= 4 and local in low:
        return "La password non deve contenere il tuo indirizzo e-mail."
    if name and len(name) >= 4 and name.casefold().replace(" ", "") in low.replace(" ", ""):
        return "La password non deve contenere il tuo nome."
    return None
