"""Passphrases: the one length rule and generated phrases.

A generated passphrase is a few common Indonesian words (resources/wordlists/), easy to
read over a phone line: with about 1,400 words, five of them carry some 52 bits, plenty
behind scrypt or SQLCipher's key derivation.
"""

from __future__ import annotations

import secrets
from functools import cache

from jipp_desktop import paths
from jipp_desktop.core.errors import JippError

MIN_LENGTH = 10
DEFAULT_WORDS = 5


class WeakPassphrase(JippError):
    """A passphrase (or passphrase file) that may not lock anything; exit status 7."""

    exit_status = 7

    def __init__(self, message_id: str, message_en: str) -> None:
        super().__init__()
        self.message_id = message_id
        self.message_en = message_en


def problem(passphrase: str) -> tuple[str, str] | None:
    """Why ``passphrase`` may not lock anything (Indonesian, English), or None."""
    if not passphrase.strip():
        return "frasa sandi kosong", "the passphrase is empty"
    if len(passphrase.strip()) < MIN_LENGTH:
        return (
            f"frasa sandi terlalu pendek (paling sedikit {MIN_LENGTH} karakter)",
            f"the passphrase is too short (at least {MIN_LENGTH} characters)",
        )
    return None


def check(passphrase: str, source: str | None = None) -> str:
    """``passphrase`` if it may lock something, else WeakPassphrase naming ``source``."""
    found = problem(passphrase)
    if found is None:
        return passphrase
    where_id = f"Berkas frasa sandi {source}: " if source else ""
    where_en = f"The passphrase file {source}: " if source else ""
    raise WeakPassphrase(
        f"{where_id}{found[0]}. Tidak ada yang dikunci; buat frasa sandi dengan "
        "'jipp-desktop passphrase'.",
        f"{where_en}{found[1]}. Nothing was locked; make one with 'jipp-desktop passphrase'.",
    )


@cache
def words() -> tuple[str, ...]:
    text = paths.resource("wordlists", "kata_umum.txt").read_text(encoding="utf-8")
    found = (line.strip() for line in text.splitlines())
    return tuple(w for w in found if w and not w.startswith("#"))


def generate(count: int = DEFAULT_WORDS) -> str:
    """``count`` words drawn by the operating system's secure random source."""
    pool = words()
    return " ".join(secrets.choice(pool) for _ in range(max(count, 1)))
