"""AGE through the whole Guard: over 89 only."""

from __future__ import annotations

import pytest

import phiguard
from tests.marks import spans_of, unmark

OVER_89 = [
    "a «92» yo woman",
    "«92»y/o male",
    "this «92»-year-old man",
    "«93» y.o. F with",
    "aged «93» with",
    "«95F», fall at home",
    "(0010,1010) Patient's Age  AS  [«093Y»]",
    "I'm «94» and still driving",
    "I am «91»",
    "she is «93».",
    "my dad is «91», he fell",
    "(wen-jie lin, «90»)",
    "Frau K. («92» J.)",
    "«95» anos",
    "«95» años",
    "«94» ans",
    "«93» Jahre",
    "3umro «93» sana",
]

NOT_PHI = [
    "89 yo man",
    "a 45-year-old",
    "aged 67",
    "an 89-year-old",
    "72 y.o. F",
    "age 12",
    "potassium is 96",
    "the score is 92",
    "SpO2 is 94%",
    "I'm 95% sure",
    "it is 90 mg",
    "HR is 92",
    "she is 92 on room air",
]


@pytest.mark.parametrize("row", OVER_89)
def test_age_over_89_is_found(guard: phiguard.Guard, row: str) -> None:
    text, expected = unmark(row)
    found = spans_of(guard, text, "AGE")
    assert found == expected


@pytest.mark.parametrize("text", NOT_PHI)
def test_age_89_or_under_is_kept(guard: phiguard.Guard, text: str) -> None:
    assert guard.scan(text) == []
