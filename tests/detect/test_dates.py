"""DATE through the whole Guard: the forms of the issue, and what is not a date."""

from __future__ import annotations

import pytest

import phiguard
from tests.marks import spans_of, unmark

DATES = [
    "seen «3/4» in clinic",
    "CT from «03/04/2024» shows",
    "repeat on «3-4-24» please",
    "since «March 4th» she",
    "admitted «4 Mar 2024» to",
    "seen «Mar. 4, 2024» in",
    "exam «2024-03-04» done",
    "at «2024-03-04T10:15» the",
    "Study Date DA [«20240304»]",
    "DOB «3/4/52»",
    "DOB: «11/02/1958»",
    "on «November 22nd, 2022» at",
    "on «Jan 9th '23» (MRN",
    "noted on «17-Feb-2023» at",
    "implanted «06/2021».",
    "| «03/04» 13:05 |",
    "booked for «3/14» at 7:30",
    "born «4 de marzo de 1949», the",
    "Exam date: «2024-02-09»",
]

NOT_DATES = [
    "diagnosed back in 2021",
    "3/4 of the lumen is narrowed",
    "measures 3.2 x 4.1 cm",
    "BP 120/80 mmHg",
    "BP 145/95",
    "ratio 2:1",
    "Gleason 3+4=7",
    "series 3 image 45/120",
    "series 4/120",
    "at 14:30 today",
    "strength 5/5 in all extremities",
    "pain 7/10",
    "2 mg/kg dose",
    "LI-RADS 4, PI-RADS 5",
    "C5-6 and C6-7 disc bulges",
    "T2/FLAIR hyperintensity",
    "1.5T and 3T scanners",
    "liver segments 6/7",
    "EF 55-60%",
    "you may want to repeat",
    "in 1998 and 2004",
]


@pytest.mark.parametrize("row", DATES)
def test_date_is_found(guard: phiguard.Guard, row: str) -> None:
    text, expected = unmark(row)
    found = spans_of(guard, text, "DATE")
    assert found == expected


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(guard: phiguard.Guard, text: str) -> None:
    assert guard.scan(text) == []
