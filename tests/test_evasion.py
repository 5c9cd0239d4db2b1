"""Evasion: PHI written to slip past the patterns is caught, or listed in
docs/limitations.md with the reason (so the code and the doc cannot drift)."""

from __future__ import annotations

import pathlib

import pytest

import phiguard
from tests.marks import covered, unmark

LIMITATIONS = pathlib.Path(__file__).resolve().parents[1] / "docs" / "limitations.md"

#: (id, row with the PHI «marked»)
CAUGHT = [
    ("mrn-spaced-key-and-digits", "M R N «1 2 3 4 5 6 7»"),
    ("mrn-spaced-digits", "MRN «1 2 3 4 5 6 7»"),
    ("mrn-grouped", "MRN: «0041 2387»"),
    ("mrn-dotted", "MRN «00.41.23.87»"),
    ("mrn-dashed-digits", "mrn is «0-0-4-1-2-3-8-7»"),
    ("mrn-letter-o", "MRN «O0412387»"),
    ("mrn-glued", "«mrn00412387»"),
    ("mrn-zero-width", "MRN «12\u200b34567»"),
    ("mrn-full-width", "MRN «１２３４５６７»"),
    ("acc-spaced", "Acc # «R B 2 4 0 3 0 4 1 7»"),
    ("ssn-spaced", "SSN «1 2 3 4 5 6 7 8 9»"),
    ("ssn-dotted", "SSN «123.45.6789»"),
    ("ssn-spaced-key", "S S N «123-45-6789»"),
    ("phone-spaced-digits", "call «9 3 7 5 5 5 0 1 1 2»"),
    ("phone-dotted", "call «937.555.0112»"),
    ("phone-bare", "ph «9375550112»"),
    ("phone-words", "phone «nine three seven five five five zero one one two»"),
    ("ssn-words", "ssn: «one two three four five six seven eight nine»"),
    ("email-dot-at-words", "«john dot smith at gmail dot com»"),
    ("email-at-word", "email «john.smith at gmail.com»"),
    ("email-bracketed", "«john.smith[at]gmail[dot]com»"),
    ("email-parenthesised", "«john (at) gmail (dot) com»"),
    ("email-zero-width", "email «rosa.d@exam\u200bple.org»"),
    ("dob-dotted", "DOB: «3.4.52»"),
    ("dob-spaced", "DOB «03 04 1952»"),
    ("name-lower-case", "pt name is «rosa delgado»"),
    ("name-upper-case-glued", "«ROSA DELGADO» MRN«00412387»"),
    ("name-nul", "Pt «Rosa\x00 Delgado»"),
]

KNOWN_LIMITATIONS = [
    ("dob-words", "DOB: «three fourth fifty two»"),
    ("name-dashed", "Rosa «D-e-l-g-a-d-o»"),
    ("name-dotted", "Patient «R.o.s.a» Delgado"),
    ("ip-spaced", "ip «10 . 41 . 2 . 117»"),
    ("url-words", "«www dot example dot org slash patient»"),
]


@pytest.mark.parametrize(("case", "row"), CAUGHT, ids=[case for case, _ in CAUGHT])
def test_evasion_is_caught(guard: phiguard.Guard, case: str, row: str) -> None:
    text, spans = unmark(row)
    assert covered(guard, text, spans)
    assert f"`{case}`" not in LIMITATIONS.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("case", "row"), KNOWN_LIMITATIONS, ids=[case for case, _ in KNOWN_LIMITATIONS]
)
def test_evasion_not_caught_is_a_documented_limitation(
    guard: phiguard.Guard, case: str, row: str
) -> None:
    text, spans = unmark(row)
    assert not covered(guard, text, spans), "caught now: move the row to CAUGHT"
    assert f"`{case}`" in LIMITATIONS.read_text(encoding="utf-8")
