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

A fake never repeats an original of the same text: a name drawn for
``Dr. Okafor`` is never ``Delgado`` when Delgado is the patient, and a
fake is never its own original. Such a draw is drawn again (from the next
HMAC), so the fake of a value changes only in the text where the first
draw would have put an original back; after eight clashing draws the
value gets its typed placeholder.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import re
from collections.abc import Iterable

from phiguard.titles import LEADING_TITLE
from phiguard.transform.dates import shift_date

__all__ = ["originals", "surrogate"]

_DIGITS = "0123456789"
_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"


_WORD = re.compile(r"[^\W_]+")
_ATTEMPTS = 8


def originals(values: Iterable[str]) -> frozenset[str]:
    """What no fake may be: the casefolded values and each of their words."""
    out: set[str] = set()
    for value in values:
        folded = value.casefold()
        out.add(folded)
        out.update(_WORD.findall(folded))
    return frozenset(out)


def surrogate(
    label: str, value: str, secret: bytes, shift_days: int, avoid: frozenset[str] = frozenset()
) -> str:
    """The fake for ``value`` (a ``label``), drawn from ``secret``.

    ``avoid`` is :func:`originals` of the text's findings; the value's own
    words are avoided whether or not it is given.
    """
    if label == "DATE":
        return shift_date(value, shift_days)
    if label == "AGE":
        return "90+"
    if label not in _DRAWN:
        return f"[{label}]"
    avoid = avoid | originals((value,))
    for attempt in range(_ATTEMPTS):
        fake, drawn = _DRAWN[label](value, _seed(secret, label, value, attempt))
        if not any(part.casefold() in avoid for part in drawn):
            return fake
    return f"[{label}]"


def _seed(secret: bytes, label: str, value: str, attempt: int) -> int:
    message = f"{label}:{' '.join(value.split()).casefold()}"
    if attempt:
        message += f"#{attempt}"
    return int.from_bytes(hmac.new(secret, message.encode(), hashlib.sha256).digest(), "big")


def _draw_name(value: str, seed: int) -> tuple[str, tuple[str, ...]]:
    given, family = _fake_name(seed)
    return _name(value, given, family), (given, family)


def _draw_email(value: str, seed: int) -> tuple[str, tuple[str, ...]]:
    given, family = _fake_name(seed)
    return f"{given}.{family}@example.org".lower(), (given, family)


def _draw_characters(value: str, seed: int) -> tuple[str, tuple[str, ...]]:
    fake = _characters(value, seed)
    return fake, (fake,)


#: How each label's fake is drawn: the fake and the drawn parts that must
#: not be an original.
_DRAWN = {
    "NAME": _draw_name,
    "EMAIL": _draw_email,
    **dict.fromkeys(("MRN", "ACCESSION", "ID", "SSN", "PHONE"), _draw_characters),
}


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


def _name(value: str, given: str, family: str) -> str:
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
