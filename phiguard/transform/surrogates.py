"""Surrogates: realistic fake values, the same for the same original.

A surrogate is drawn from the session's secret and the original value
(HMAC-SHA256), so within one session (or one Guard outside a session) the
same original always gets the same fake, and without the secret nothing
links a fake back to its original. The fakes keep the original's shape:

- NAME: a common US given name and surname from the packaged lexicons,
  with the original's title, order (``Surname, Given``, ``SURNAME^GIVEN``)
  and letter case.
- MRN, ACCESSION, ID, SSN, PHONE: every digit and letter replaced by a
  random one of its kind, punctuation kept (``(937) 555-0112`` →
  ``(418) 203-7765``).
- EMAIL: the fake name at ``example.org``.
- DATE: shifted by the session's offset (:mod:`phiguard.transform.dates`).
- AGE: ``90+``.
- ADDRESS, FACILITY, URL, IP: the typed placeholder: a fake address or
  hospital that reads as real is worse than one that reads as redacted.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import re

from phiguard.titles import LEADING_TITLE
from phiguard.transform.dates import shift_date

__all__ = ["surrogate"]

_DIGITS = "0123456789"
_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def surrogate(label: str, value: str, secret: bytes, shift_days: int) -> str:
    """The fake for ``value`` (a ``label``), drawn from ``secret``."""
    if label == "DATE":
        return shift_date(value, shift_days)
    if label == "AGE":
        return "90+"
    seed = _seed(secret, label, value)
    if label == "NAME":
        return _name(value, seed)
    if label == "EMAIL":
        given, family = _fake_name(seed)
        return f"{given}.{family}@example.org".lower()
    if label in {"MRN", "ACCESSION", "ID", "SSN", "PHONE"}:
        return _characters(value, seed)
    return f"[{label}]"


def _seed(secret: bytes, label: str, value: str) -> int:
    message = f"{label}:{' '.join(value.split()).casefold()}".encode()
    return int.from_bytes(hmac.new(secret, message, hashlib.sha256).digest(), "big")


@functools.cache
def _pools() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Common given names (by births) and surnames (1990 census rank)."""
    # imported here: loading detection is the first Guard's job, not import's
    from phiguard.detect.lexicons import load_lexicons

    lexicons = load_lexicons()
    given = sorted(lexicons.first_names, key=lambda n: -lexicons.first_names[n])[:1500]
    family = sorted((n for n, r in lexicons.surnames.items() if 0 < r <= 3000), key=str)
    return tuple(sorted(n for n in given if n.isalpha())), tuple(n for n in family if n.isalpha())


def _fake_name(seed: int) -> tuple[str, str]:
    given, family = _pools()
    return given[seed % len(given)].capitalize(), family[(seed >> 32) % len(family)].capitalize()


def _name(value: str, seed: int) -> str:
    given, family = _fake_name(seed)
    title = LEADING_TITLE.match(value)
    prefix = value[: title.end()] if title else ""
    body = value[len(prefix) :]
    words = re.findall(r"[^\W\d_]+", body)
    if "^" in body:
        fake = f"{family}^{given}"
    elif "," in body:
        fake = f"{family}, {given}"
    elif len(words) == 1 or prefix:
        fake = family if len(words) == 1 else f"{given} {family}"
    else:
        fake = f"{given} {family}"
    letters = "".join(words)
    if letters.isupper() and len(letters) > 1:
        fake = fake.upper()
    elif letters.islower():
        fake = fake.lower()
    return prefix + fake


def _characters(value: str, seed: int) -> str:
    out = []
    for i, char in enumerate(value):
        pick = (seed >> (i % 200)) ^ (i * 2654435761)
        if char.isdigit():
            out.append(_DIGITS[pick % 10])
        elif char.isalpha() and char.isascii():
            letter = _LETTERS[pick % len(_LETTERS)]
            out.append(letter if char.isupper() else letter.lower())
        else:
            out.append(char)
    return "".join(out)
