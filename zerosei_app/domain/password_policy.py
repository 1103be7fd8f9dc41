"""What a staff password must be (checked before hashing; messages in Italian).

NIST SP 800-63B: at least MIN_LENGTH characters, and not a password attackers try first. The
list of those is zxcvbn's (PyPI `zxcvbn`, bundled with it: the 30,000 most common passwords of a
10-million-password breach corpus) plus its estimate of guesses, which also catches sequences and
keyboard runs not in the list (`123456789012`, `qwerty123456`).
"""

from __future__ import annotations

from functools import lru_cache

from zxcvbn import zxcvbn
from zxcvbn.frequency_lists import FREQUENCY_LISTS

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


# Below this many guesses (log10) a password falls to an online guesser with a few lucky tries
# and to any offline attack at once: zxcvbn's scores 0–1.
MIN_GUESSES_LOG10 = 6
_ESTIMATE_CHARS = 64  # zxcvbn's cost grows with length; beyond this any real password is long enough
COMMON_MESSAGE = (
    "Questa password è tra quelle che chi attacca prova per prime (elenchi di password comuni o "
    "rubate, sequenze come 123456 o qwerty): scegline un'altra, ad esempio una frase breve."
)


@lru_cache(maxsize=1)
def _known_passwords() -> frozenset[str]:
    return frozenset(FREQUENCY_LISTS["passwords"]) | _COMMON


def is_common(password: str) -> bool:
    """True for a password in the list of common/breached ones or one guessed in under 10^6 tries."""
    low = password.casefold()
    if low in _known_passwords() or low.replace(" ", "") in _known_passwords():
        return True
    return zxcvbn(password[:_ESTIMATE_CHARS])["guesses_log10"] < MIN_GUESSES_LOG10


def password_problem(password: str, email: str = "", name: str = "") -> str | None:
    """None when acceptable, else the reason."""
    if len(password) < MIN_LENGTH:
        return f"La password deve avere almeno {MIN_LENGTH} caratteri (una frase breve va benissimo)."
    if len(password) > MAX_LENGTH:
        return f"La password può avere al massimo {MAX_LENGTH} caratteri."
    low = password.casefold()
    if low in _COMMON or len(set(low)) < 4:
        return "Questa password è troppo facile da indovinare: scegline una diversa."
    if is_common(password):
        return COMMON_MESSAGE
    local = email.split("@")[0].casefold()
    if local and len(local) >= 4 and local in low:
        return "La password non deve contenere il tuo indirizzo e-mail."
    if name and len(name) >= 4 and name.casefold().replace(" ", "") in low.replace(" ", ""):
        return "La password non deve contenere il tuo nome."
    return None
