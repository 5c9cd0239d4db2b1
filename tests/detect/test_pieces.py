"""A long text gated piece by piece gives the findings of the whole text.

The pattern tier gates a text longer than two pieces piece by piece and
tries each pattern only where its piece's window passes
(phiguard/detect/gate.py). Every test compares its findings with the tier
ungated, every pattern run over the whole text: on all corpus documents
in one text (as they are, made ASCII, and with awkward characters
sprinkled in), on every recognizer example and counterexample placed
across piece boundaries, on patterns whose matches run on past any
window, and on generated text; most with small pieces and margins, so
that boundaries and windows too narrow for a pattern come up often.
"""

from __future__ import annotations

import itertools
import re._parser as sre_parse

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from phiguard.detect import PATTERN_RECOGNIZERS
from phiguard.detect.gate import MARGIN, PIECE, PatternTier, _Pieces
from phiguard.detect.reach import reach
from phiguard.detect.recognizer import Window, within
from tests.marks import corpus_texts, pattern_rows
from tests.strategies import AWKWARD, long_pattern_texts

GATED = PatternTier([spec.compile() for spec in PATTERN_RECOGNIZERS])
UNGATED = PatternTier(GATED.members, gated=False)


def _tier(piece: int, margin: int) -> PatternTier:
    tier = PatternTier(GATED.members, piece=piece, margin=margin)
    assert tier.wait_for_gate(60)
    return tier


def _found(tier: PatternTier, text: str) -> list[tuple[int, int, str, float, str]]:
    return sorted((f.start, f.end, f.label, f.score, f.source) for f in tier.find(text))


def _sprinkled(text: str, every: int = 997) -> str:
    """``text`` with one of the awkward characters put in every ``every``."""
    parts = [text[i : i + every] for i in range(0, len(text), every)]
    return "".join(part + AWKWARD[k % len(AWKWARD)] for k, part in enumerate(parts))


CORPUS_TEXT = "\n\n".join(corpus_texts())


@pytest.mark.parametrize(
    "variant",
    [
        CORPUS_TEXT,
        CORPUS_TEXT.encode("ascii", "replace").decode(),
        _sprinkled(CORPUS_TEXT),
    ],
    ids=["as-is", "ascii", "sprinkled"],
)
def test_pieces_find_what_the_whole_text_finds_on_all_corpus_documents(variant: str) -> None:
    assert len(variant) > 800_000
    expected = _found(UNGATED, variant)
    assert len(expected) > 4_000
    assert _found(_tier(PIECE, MARGIN), variant) == expected
    assert _found(_tier(300, 60), variant) == expected


ROWS = pattern_rows()


@pytest.mark.parametrize(("piece", "margin"), [(41, 0), (64, 20), (150, 50), (400, 100)])
def test_pieces_find_what_the_whole_text_finds_on_examples_across_boundaries(
    piece: int, margin: int
) -> None:
    tier = _tier(piece, margin)
    for separator in (" ", "\n", ". "):
        for shift in range(0, piece, max(1, piece // 6)):
            text = " " * shift + separator.join(ROWS)
            assert _found(tier, text) == _found(UNGATED, text), (separator, shift)


#: matches that run on past any window: a try reads further than margins
LONG_MATCHES = [
    "mail " + "x" * 5000 + "@example.com, and more text after it",
    "seen March" + " " * 3000 + "4, 2021 for review",
    "see https://portal.example.org/" + "a" * 9000 + " for the report",
    "on the" + "\n" * 2500 + "the 5th of this month" + " " * 10,  # a lookbehind's run
    "on" + " " * 2500 + "the 12th, seen at" + " " * 2000 + "Riverbend Hospital.",
    "john" + " dot smith" * 800 + " at example dot com",
    "1" * 10_000 + " and 555-867-5309",
    "MRN" + " " * 3000 + "00412387",
    # characters that fold to ASCII letters: the gate is blind to them
    "seen Augu\u017ft 4, 2021 and la\u017ft wee\u212a, " * 50 + "DOB 03/04/1951 " * 400,
    # what re and regex read otherwise: \x1c-\x1f (spaces to re), marks (\w to regex)
    "MRN 00412387 é " + "\x1c" * 5 + "on 4\x1cMarch 2021 or March\x1c\x1c4, 2021",
    "é " + "mail jose\u0301@example.com or maria\u0301.lopez@example.org now",
    # a match running past a boundary is not found again from inside it
    "call 12 34 56 78 90 12 34 56 78 90 " * 300,
]


@pytest.mark.parametrize("text", LONG_MATCHES, ids=range(len(LONG_MATCHES)))
@pytest.mark.parametrize(("piece", "margin"), [(PIECE, MARGIN), (200, 50), (50, 0)])
def test_pieces_find_what_the_whole_text_finds_where_matches_run_on(
    text: str, piece: int, margin: int
) -> None:
    padded = "Lorem ipsum dolor. " * 300 + text + " Sit amet." * 300
    assert _found(_tier(piece, margin), padded) == _found(UNGATED, padded)


@given(long_pattern_texts, st.data())
def test_pieces_find_what_the_whole_text_finds_on_generated_text(
    text: str, data: st.DataObject
) -> None:
    piece = data.draw(st.integers(8, max(8, len(text) // 3)), label="piece")
    margin = data.draw(st.integers(0, 2 * piece), label="margin")
    assert _found(_tier(piece, margin), text) == _found(UNGATED, text)


#: patterns whose matches overlap where they could start (and one that can be empty)
WITHIN_PATTERNS = [regex.compile(p) for p in (r"\d{3}", r"a+b?", r"(?<=a)b+|ab", r"\bab\b")]


@given(st.sampled_from(WITHIN_PATTERNS), st.text("ab11 ", max_size=60), st.data())
def test_within_finds_what_finditer_finds(
    compiled: regex.Pattern[str], text: str, data: st.DataObject
) -> None:
    expected = [match.span() for match in compiled.finditer(text)]
    starts = {start for start, _ in expected}
    cuts = data.draw(st.lists(st.integers(0, len(text))), label="cuts")
    bounds = sorted({0, len(text), *cuts})
    # any window where no match starts may be left out
    windows = [
        Window(low, high, None if data.draw(st.booleans()) else len(text), False)
        for low, high in itertools.pairwise(bounds)
        if starts & set(range(low, high)) or data.draw(st.booleans(), label="keep")
    ]
    assert [match.span() for match in within(text, windows, compiled)] == expected


def test_within_goes_on_where_the_last_match_ended() -> None:
    # 123 starts in the first window and runs into the second: 345 is no match
    windows = [Window(0, 2, 5, False), Window(2, 9, None, False)]
    found = [match.group() for match in within("123456789", windows, regex.compile(r"\d{3}"))]
    assert found == ["123", "456", "789"]


def test_no_pattern_matches_the_empty_string() -> None:
    # within() picks up where the last match ended, as finditer does after a non-empty one
    for spec in PATTERN_RECOGNIZERS:
        for pattern in spec.patterns:
            assert sre_parse.parse(pattern.regex).getwidth()[0] > 0, pattern.name


def test_on_long_prose_the_gate_rules_out_most_patterns_in_most_pieces() -> None:
    assert GATED.wait_for_gate(60)
    text = "The liver is normal in size. No focal lesion. Kidneys unremarkable.\n" * 500
    pieces = _Pieces(text, GATED._slot.gate, PIECE, MARGIN)  # type: ignore[union-attr]
    tried = total = 0
    for member, (_, pattern_ids) in zip(GATED.members, GATED._ids):
        for id_, compiled in zip(pattern_ids, member.regexes):
            windows = pieces.windows(id_, reach(compiled.pattern), ascii=True)
            tried += sum(window.end - window.start for window in windows)
            total += len(text)
    assert tried < total / 10
