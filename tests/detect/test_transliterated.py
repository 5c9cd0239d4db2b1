"""A name in its own script in brackets beside its Latin form, or before it."""

from __future__ import annotations

import pytest

import phiguard
from phiguard.detect.transliterated import names_beside
from phiguard.findings import Finding
from tests.marks import spans_of, unmark

ROWS = [
    "Korean pt «Lee Ji-hoon» («이지훈»), visiting; needs the CT sent home.",
    "Patient «Zhang Wei»（«张伟»）came in today for the CT.",
    "Interpreter needed for «فاطمة الزهراني» («Fatima Al-Zahrani») at 10:00.",
    "Consent was signed in Hindi by «अनीता शर्मा» («Anita Sharma»), witnessed.",
    "pt «Ludmila Gorshkova» («Горшкова Людмила Васильевна»), needs CT",
]


@pytest.mark.parametrize("row", ROWS)
def test_the_other_script_is_redacted_with_the_latin_name(
    fast_guard: phiguard.Guard, row: str
) -> None:
    text, expected = unmark(row)
    assert spans_of(fast_guard, text, "NAME") == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Hodgkin (霍奇金) lymphoma question",  # no name beside the brackets
        "Chiari (キアリ) malformation, type I",
        "Ask about the (이지훈) entry",
    ],
)
def test_brackets_beside_no_name_are_left_alone(fast_guard: phiguard.Guard, text: str) -> None:
    assert [f for f in fast_guard.scan(text) if f.label == "NAME"] == []


def test_only_as_many_words_before_as_the_latin_name_has() -> None:
    text = "تمت الموافقة من المريضة فاطمة الزهراني (Fatima Al-Zahrani)"
    start = text.index("Fatima")
    latin = Finding(start, start + len("Fatima Al-Zahrani"), "NAME", 0.9, "Fatima Al-Zahrani", "t")
    found = names_beside(text, [latin])
    assert [f.text for f in found] == ["فاطمة الزهراني", "Fatima Al-Zahrani"]


def test_a_span_already_found_is_not_found_twice() -> None:
    text = "Lee Ji-hoon (이지훈)"
    latin = Finding(0, 11, "NAME", 0.9, "Lee Ji-hoon", "t")
    other = Finding(13, 16, "NAME", 0.8, "이지훈", "cjk")
    assert names_beside(text, [latin, other]) == [latin, other]
    assert names_beside("Lee Ji-hoon is here", [latin]) == [latin]
