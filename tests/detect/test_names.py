"""NAME: tables of names that must be caught and clinical phrases that must not.

``data/name_positives.txt`` marks every name with «»; ``data/eponym_phrases.txt``
holds PHI-free clinical phrases full of eponyms, drugs and vendors. Both were
written for these tests, not taken from the evaluation corpora.
"""

from __future__ import annotations

import pathlib

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import phiguard
from phiguard.detect.lexicons import load_lexicons
from tests.marks import covered, spans_of, unmark

DATA = pathlib.Path(__file__).parent / "data"
POSITIVES = (DATA / "name_positives.txt").read_text(encoding="utf-8").splitlines()
EPONYM_PHRASES = (DATA / "eponym_phrases.txt").read_text(encoding="utf-8").splitlines()


def _shared_guard() -> phiguard.Guard:
    """The default Guard, built once (Hypothesis tests cannot take fixtures)."""
    return _GUARDS.setdefault("default", phiguard.Guard())


_GUARDS: dict[str, phiguard.Guard] = {}

# The forms the issue names, each with the context that makes it a name.
FORMS = [
    "«John Smith» called about the CT",
    "Can you ask «Mr. Smith» to hold?",
    "«Dr. O'Neil-Park» wants a wet read",
    "name on the req is «smith, john»",
    "«SMITH, JOHN A» on the worklist",
    "(0010,0010) PN [«SMITH^JOHN^A^^JR»]",
    "PID|1||123456^^^^MR||«SMITH^JOHN»",
    "«J. Smith» read the outside films",
    "«Anna S.» called about her results",
    "her son «Miguel» will drive",
    "ask «Priya» to protocol the MRI",
    "pt «Rose» says the pain is worse",
    "pt «mark greene» needs a repeat US",
    "«Mr. Baker»'s Baker's cyst is larger",
]


def _names(guard: phiguard.Guard, text: str) -> list[tuple[int, int, str]]:
    return spans_of(guard, text, "NAME")


@pytest.mark.parametrize("row", FORMS)
def test_name_forms(guard: phiguard.Guard, row: str) -> None:
    text, expected = unmark(row)
    assert _names(guard, text) == expected


def test_name_table_is_redacted(guard: phiguard.Guard) -> None:
    # Per-row recall over hundreds of names of every origin and form; the
    # misses are listed so a regression names the rows it broke.
    missed = [row for row in POSITIVES if not covered(guard, *unmark(row))]
    assert len(missed) <= 0.025 * len(POSITIVES), missed


def test_name_table_is_mostly_redacted_by_the_fast_profile(fast_guard: phiguard.Guard) -> None:
    missed = [row for row in POSITIVES if not covered(fast_guard, *unmark(row))]
    assert len(missed) <= 0.03 * len(POSITIVES), missed


@pytest.mark.parametrize("phrase", EPONYM_PHRASES)
def test_eponym_phrase_is_left_alone(guard: phiguard.Guard, phrase: str) -> None:
    assert _names(guard, phrase) == []


@pytest.mark.parametrize("phrase", EPONYM_PHRASES[::4])
def test_eponym_phrase_is_left_alone_by_the_fast_profile(
    fast_guard: phiguard.Guard, phrase: str
) -> None:
    assert _names(fast_guard, phrase) == []


def test_fast_profile_finds_names_with_context(fast_guard: phiguard.Guard) -> None:
    for row in FORMS:
        text, expected = unmark(row)
        assert covered(fast_guard, text, expected), row


def test_the_threshold_trades_recall_for_precision() -> None:
    text = "spoke with Okafor about the read"
    lenient = phiguard.Guard(policy=phiguard.Policy(threshold=0.3))
    strict = phiguard.Guard(policy=phiguard.Policy(threshold=0.99))
    assert _names(lenient, text)
    assert _names(strict, text) == []


def test_every_clinical_term_in_eponym_position_is_kept(guard: phiguard.Guard) -> None:
    eponyms = sorted(
        term
        for term in load_lexicons().clinical
        if term.isalpha() and len(term) > 3 and term not in load_lexicons().english
    )[:300]
    for term in eponyms:
        text = f"Findings are typical of {term.capitalize()} disease on this study."
        assert _names(guard, text) == [], term


@given(st.sampled_from(EPONYM_PHRASES), st.sampled_from(POSITIVES))
def test_a_name_after_an_eponym_is_still_found(phrase: str, row: str) -> None:
    guard = _shared_guard()
    assume(covered(guard, *unmark(row)))
    assert covered(guard, *unmark(phrase + "\n" + row))
