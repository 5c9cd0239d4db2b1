"""A try of a pattern reads nothing outside its reach (phiguard/detect/reach.py).

The pattern tier gates and matches long texts piece by piece on that
bound, so each test compares a try over the whole text with the same try
over only the window the bound allows (cut out as a text of its own, so
that reading past either end would show): for every shipped pattern, in
both engines it runs in, every prefilter, on generated text.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from phiguard.detect import PATTERN_RECOGNIZERS
from phiguard.detect.reach import UNKNOWN, Reach, reach
from tests.marks import unmark
from tests.strategies import long_pattern_texts


def _forms() -> list[tuple[str, Any, list[str]]]:
    """Every compiled form a pattern tier runs, with its recognizer's example
    and counterexample rows: each pattern's ``regex`` and ``re`` forms, each
    prefilter and its lower-case form."""
    forms: list[tuple[str, Any, list[str]]] = []
    for spec in PATTERN_RECOGNIZERS:
        recognizer = spec.compile()
        rows = [unmark(row)[0] for row in spec.examples] + list(spec.counterexamples)
        for pattern, compiled, ascii_form in zip(
            spec.patterns, recognizer.regexes, recognizer.ascii_forms
        ):
            forms.append((f"{spec.name}.{pattern.name}", compiled, rows))
            if ascii_form is not None:
                forms.append((f"{spec.name}.{pattern.name}.re", ascii_form, rows))
        if spec.prefilter:
            prefilter = regex.compile(spec.prefilter, regex.I)
            forms.append((f"{spec.name}.prefilter", prefilter, rows))
        if recognizer.prefilter_lower is not None:
            forms.append((f"{spec.name}.prefilter.lower", recognizer.prefilter_lower, rows))
    return forms


FORMS = _forms()
IDS = [name for name, _, _ in FORMS]


def _window(bound: Reach, text: str, i: int) -> tuple[int, int]:
    """The narrowest window the bound allows a try at ``i``."""
    low, high = 0, i  # clear(low) holds for low <= some bound: find it
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if bound.before.clear(text, middle, i) else (low, middle - 1)
    end = bound.after.end(text, i + 1, len(text))
    assert end is not None  # the text's end is within the limit
    return low, end


def _same_answers(name: str, compiled: Any, text: str) -> None:
    """A try at each position of ``text`` gives the same answer in its window."""
    if name.endswith(".lower"):  # it reads lower-cased ASCII text
        text = text.encode("ascii", "replace").decode().lower()
    bound = reach(compiled.pattern)
    for i in range(len(text) + 1):
        low, end = _window(bound, text, i)
        whole = _shape(compiled.match(text, i), 0)
        assert whole == _shape(compiled.match(text[low:end], i - low), low), (name, text, i)


def _shape(match: Any, shift: int) -> tuple[tuple[int, int], ...] | None:
    if match is None:
        return None
    spans = [match.span(), *(match.span(k) for k in range(1, len(match.groups()) + 1))]
    return tuple(
        (start + shift, end + shift) if start >= 0 else (start, end) for start, end in spans
    )


def test_every_shipped_pattern_has_a_known_reach() -> None:
    # an unknown reach would make the pattern run over every piece of a long text
    assert len(FORMS) > 100
    unknown = [
        name
        for name, compiled, _ in FORMS
        if None in (reach(compiled.pattern).before.count, reach(compiled.pattern).after.count)
    ]
    assert unknown == []


#: Rows with long runs where patterns have unbounded repeats: every space
#: forty times over (or with the separator \x1c, a space only to ``re``),
#: a letter or digit of every word two hundred times.
STRETCHES = (
    lambda row: row,
    lambda row: re.sub(r"\s", lambda space: space[0] * 40, row),
    lambda row: re.sub(r"\s", " \x1c" * 20, row),
    lambda row: re.sub(r"(\w\w)(\w)", lambda word: word[1] + word[2] * 200, row),
)


@pytest.mark.parametrize(("name", "compiled", "rows"), FORMS, ids=IDS)
def test_a_try_gives_the_same_answer_in_the_window_its_reach_allows(
    name: str, compiled: Any, rows: list[str]
) -> None:
    for row in rows:
        for stretch in STRETCHES:
            _same_answers(name, compiled, stretch(row))


@given(st.sampled_from(FORMS), long_pattern_texts)
def test_a_try_gives_the_same_answer_in_its_window_on_generated_text(
    form: tuple[str, Any, list[str]], text: str
) -> None:
    name, compiled, _ = form
    _same_answers(name, compiled, text)


@pytest.mark.parametrize(
    ("pattern", "before", "after"),
    [
        # one step reads one character; \b, ^ and $ the one they stand at
        (r"\d{3}-\d{4}", 1, 8),
        (r"(?<![\w.-])\d{5}(?!\d)", 2, 7),
        (r"\bMRN\s?#", 1, 6),
        # a lookbehind reads back as far as its body
        (r"(?<=ab|c)d", 3, 3),
        # an unbounded repeat reads at most one barrier: what ends its run
        (r"[a-z]+@", 1, 2),
        (r"(?:ab){2,}", 1, 2),
    ],
)
def test_counts(pattern: str, before: int, after: int) -> None:
    bound = reach(pattern)
    assert (bound.before.count, bound.after.count) == (before, after)


def test_barriers_are_what_no_unbounded_repeat_consumes() -> None:
    # bounded: every character is a barrier
    assert reach(r"\d{3}").after.barriers is None
    # ``\s+`` crosses spaces, \x1c-\x1f too (``re`` counts them as spaces);
    # a, the end of the run and b are three barriers: the fourth ends the reach
    spaces = reach(r"a\s+b").after
    assert spaces.count == 3
    for char in " \t\n\x1c\x1f":
        assert spaces.end(char * 20 + "abcd", 0, 24) == 24
    assert spaces.end("x" * 24, 0, 24) == 4
    # case-insensitively: [a-z]+ crosses capitals
    letters = reach(r"[a-z]+1").after
    assert letters.end("ABCdef1234", 0, 10) == 9


@pytest.mark.parametrize(
    "pattern",
    [
        r"[[a-z]--[aeiou]]+",  # a set operation, which ``re`` would read as literals
        r"[\w--_]+",
        r"(?:abc){e<=1}",  # fuzzy matching
        r"\p{L}+",  # not Python syntax at all
        r"[\u00df]",  # ß matches "ss" under full case folding: one step, two characters
        r"[\u00c0-\u00ff]x",
        r"(\w+)\1",  # as long as a group of unbounded length
        r"(",
    ],
)
def test_what_the_analysis_cannot_vouch_for_is_unknown(pattern: str) -> None:
    assert reach(pattern) == UNKNOWN


def test_brackets_in_a_class_are_not_fuzzy_constraints() -> None:
    assert reach(r"\s?[\[({<]\s?at\s?[\])}>]") != UNKNOWN


def test_an_unknown_side_holds_only_to_the_text_ends() -> None:
    side = UNKNOWN.after
    assert side.end("abcdef", 2, 5) is None
    assert side.end("abcdef", 2, 6) == 6
    assert not UNKNOWN.before.clear("abcdef", 1, 4)
    assert UNKNOWN.before.clear("abcdef", 0, 4)
