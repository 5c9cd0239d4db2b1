"""Operators: what a finding becomes in the redacted text, chosen per label.

Each operator is a pure function of the finding (and, for ``hash``, a key).
The names follow Presidio's anonymizer vocabulary where one exists
(``replace`` is our typed placeholder, ``mask``, ``hash``); ``block`` is not
an operator that writes anything: the Guard raises
:class:`~phiguard.PHIBlocked` before producing any output.

=============  ===============================================  =================
operator       output                                           for
=============  ===============================================  =================
placeholder    ``[NAME]`` (``[NAME_1_K7QX2]`` in a session)     any label
mask           ``*`` for every character but spaces             any label
hash           ``[NAME_3f2a9c1b0d4e]``: HMAC-SHA256 of the      any label
               value with the policy's key, the same for the
               same value everywhere the key is the same
surrogate      a realistic fake of the same shape, the same     any label
               for the same value in a session
               (:mod:`phiguard.transform.surrogates`)
date_shift     the date moved by the session's offset, written  DATE
               as it was (:mod:`phiguard.transform.dates`)
age90          ``90+``: Safe Harbor's aggregate for ages        AGE
               over 89
zip3           ``[ADDRESS] 452XX``: the address, keeping the    ADDRESS
               first three ZIP digits where Safe Harbor allows
               (``000`` for the 17 sparse three-digit areas)
block          nothing: the text is refused                     any label
=============  ===============================================  =================
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

from phiguard.findings import Finding
from phiguard.policy import OPERATORS
from phiguard.transform.dates import shift_date
from phiguard.transform.surrogates import surrogate

__all__ = ["Context", "apply", "hash_value"]

#: Three-digit ZIP areas of 20,000 people or fewer (2000 census), which Safe
#: Harbor requires to be written 000 (45 CFR 164.514(b)(2)(i)(B)).
_SPARSE_ZIP3 = frozenset(
    "036 059 063 102 203 556 692 790 821 823 830 831 878 879 884 890 893".split()
)
_ZIP_AT_END = re.compile(r"(?<!\d)(\d{3})\d{2}(?:-\d{4})?\s*\Z")
_NORMAL = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Context:
    """What the stateful operators draw on: one per session (or Guard).

    ``shift_days`` is the date shift; ``secret`` seeds surrogates. Neither
    is ever shown.
    """

    shift_days: int = field(repr=False)
    secret: bytes = field(repr=False)

    @classmethod
    def random(cls) -> Context:
        """A fresh context: a shift of 30 to 365 days either way, a new secret."""
        days = 30 + secrets.randbelow(336)
        return cls(days if secrets.randbelow(2) else -days, secrets.token_bytes(32))


def apply(
    operator: str,
    finding: Finding,
    *,
    key: bytes | None = None,
    context: Context | None = None,
    avoid: frozenset[str] = frozenset(),
) -> str:
    """The text ``finding`` becomes under ``operator`` (not ``block``).

    ``avoid`` (:func:`~phiguard.transform.surrogates.originals` of the
    text's findings) is what a surrogate must not be.
    """
    if operator in {"surrogate", "date_shift"}:
        if context is None:
            raise ValueError(f"the {operator} operator needs a context")
        if operator == "date_shift":
            return shift_date(finding.text, context.shift_days)
        return surrogate(finding.label, finding.text, context.secret, context.shift_days, avoid)
    return _APPLY[operator](finding, key)


def hash_value(label: str, value: str, key: bytes) -> str:
    """The keyed hash of a value: 12 hex digits of HMAC-SHA256(label:value).

    Whitespace and case are normalised first, so ``John  Smith`` and ``JOHN
    SMITH`` hash alike.
    """
    message = f"{label}:{_NORMAL.sub(' ', value.strip()).casefold()}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:12]


def _placeholder(finding: Finding, key: bytes | None) -> str:
    return f"[{finding.label}]"


def _mask(finding: Finding, key: bytes | None) -> str:
    return "".join(c if c.isspace() else "*" for c in finding.text)


def _hash(finding: Finding, key: bytes | None) -> str:
    if key is None:
        raise ValueError("the hash operator needs a key")
    return f"[{finding.label}_{hash_value(finding.label, finding.text, key)}]"


def _age90(finding: Finding, key: bytes | None) -> str:
    return "90+" if finding.label == "AGE" else _placeholder(finding, key)


def _zip3(finding: Finding, key: bytes | None) -> str:
    if finding.label != "ADDRESS":
        return _placeholder(finding, key)
    match = _ZIP_AT_END.search(finding.text)
    if match is None:
        return "[ADDRESS]"
    zip3 = match.group(1)
    kept = "000" if zip3 in _SPARSE_ZIP3 else zip3
    if match.start() == 0:
        return f"{kept}XX"  # the finding is the ZIP code alone
    return f"[ADDRESS] {kept}XX"


def _block(finding: Finding, key: bytes | None) -> str:
    raise AssertionError("block is decided before any text is written")  # pragma: no cover


_APPLY: dict[str, Callable[[Finding, bytes | None], str]] = {
    "placeholder": _placeholder,
    "mask": _mask,
    "hash": _hash,
    "age90": _age90,
    "zip3": _zip3,
    "block": _block,
}

assert set(_APPLY) | {"surrogate", "date_shift"} == set(OPERATORS)
