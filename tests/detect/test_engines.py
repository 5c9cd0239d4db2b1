"""On ASCII text, a pattern's ``re`` form finds exactly what its ``regex`` finds,
and a prefilter's lower-case form on lower-cased text what the prefilter finds.

Patterns with ``ascii_re`` set run under the standard library's ``re`` on
ASCII-only text (:mod:`phiguard.detect.recognizer`). Every test compares
both engines match by match (span and every group) on texts that are ASCII:
the corpora and examples (non-ASCII characters replaced), their upper-,
lower- and swapped-case forms, and generated text.
"""

from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse
import string
from typing import Any

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from phiguard.detect import PATTERN_RECOGNIZERS
from phiguard.detect.gate import FOLDS_TO_ASCII
from phiguard.detect.recognizer import VALUE_GROUP, CompiledRecognizer, Pattern, PatternRecognizer
from tests.marks import pattern_texts

#: (name, regex form, re form) of every pattern that has an ASCII form
FORMS = [
    (f"{recognizer.name}.{pattern.name}", compiled, ascii_form)
    for recognizer in (spec.compile() for spec in PATTERN_RECOGNIZERS)
    for pattern, compiled, ascii_form in zip(
        recognizer.spec.patterns, recognizer.regexes, recognizer.ascii_forms
    )
    if ascii_form is not None
]
IDS = [name for name, _, _ in FORMS]
#: recognizers whose findings depend on where a match starts (their context window)
WITH_CONTEXT = {spec.name for spec in PATTERN_RECOGNIZERS if spec.context}


def _ascii(text: str) -> str:
    return text.encode("ascii", "replace").decode("ascii")


def _texts() -> list[str]:
    texts = [_ascii(text) for text in pattern_texts()]
    return texts + [case(text) for text in texts for case in (str.upper, str.lower, str.swapcase)]


TEXTS = _texts()


def _matches(compiled: Any, text: str, name: str) -> list[tuple[Any, ...]]:
    """What a finding takes from each match: the value (group ``v`` where it
    took part) and, for a recognizer with context words, where the match starts.

    An ASCII form may consume what its regex only looks behind at (a cue
    word before the value group), so whole matches may differ; these may not.
    """
    found: list[tuple[Any, ...]] = []
    for match in compiled.finditer(text):
        has_value = VALUE_GROUP in compiled.groupindex and match.start(VALUE_GROUP) != -1
        start = match.start() if name.split(".")[0] in WITH_CONTEXT else None
        found.append((match.span(VALUE_GROUP) if has_value else match.span(), start))
    return found


def test_the_faster_engine_is_used_somewhere() -> None:
    assert len(FORMS) >= 10


@pytest.mark.parametrize(("name", "compiled", "ascii_form"), FORMS, ids=IDS)
def test_ascii_form_finds_what_regex_finds_on_corpora_and_examples(
    name: str, compiled: regex.Pattern[str], ascii_form: re.Pattern[str]
) -> None:
    assert len(TEXTS) > 4000
    differ = [t for t in TEXTS if _matches(compiled, t, name) != _matches(ascii_form, t, name)]
    assert differ == [], name


@pytest.mark.parametrize(("name", "compiled", "ascii_form"), FORMS, ids=IDS)
def test_ascii_form_has_the_same_groups_and_case_rule(
    name: str, compiled: regex.Pattern[str], ascii_form: re.Pattern[str]
) -> None:
    assert ascii_form.groupindex.keys() == compiled.groupindex.keys()
    assert bool(ascii_form.flags & re.IGNORECASE) == bool(compiled.flags & regex.IGNORECASE)
    # a pattern character that folds to an ASCII letter (``ſ``, the Kelvin
    # sign) or to several (``ß``, ``ﬁ``) could match ASCII text differently
    assert not set(compiled.pattern + ascii_form.pattern) & set(FOLDS_TO_ASCII)


#: (name, prefilter, its form for lower-cased ASCII text)
PREFILTERS = [
    (recognizer.name, regex.compile(recognizer.spec.prefilter or "", regex.I), lower)
    for recognizer in (spec.compile() for spec in PATTERN_RECOGNIZERS)
    if (lower := recognizer.prefilter_lower) is not None
]


def test_prefilters_with_letters_have_a_lower_case_form() -> None:
    assert {name for name, _, _ in PREFILTERS} >= {"date_written_v1", "mrn_labelled_v1"}


@pytest.mark.parametrize(
    ("name", "prefilter", "lower"), PREFILTERS, ids=[name for name, _, _ in PREFILTERS]
)
def test_lower_case_prefilter_finds_what_the_prefilter_finds(
    name: str, prefilter: regex.Pattern[str], lower: re.Pattern[str]
) -> None:
    differ = [
        t for t in TEXTS if (prefilter.search(t) is None) != (lower.search(t.lower()) is None)
    ]
    assert differ == [], name


# Words and marks the patterns look for, in any case, between ASCII noise.
_PIECES = st.sampled_from(
    sorted(
        {word for text in TEXTS[: len(TEXTS) // 4] for word in re.findall(r"\S+", text)[:40]}
        | {" ", "  ", "\n", "-", ".", "/", ":", "@", "(", ")", "[", "]", "#", "'", ","}
    )
)
_TEXTS = st.lists(
    st.one_of(
        _PIECES,
        _PIECES.map(str.upper),
        _PIECES.map(str.swapcase),
        st.from_regex(r"[0-9a-fA-F]{1,11}", fullmatch=True),
        st.text(alphabet=string.printable, max_size=3),
    ),
    max_size=30,
).map(" ".join)


@given(st.sampled_from(FORMS), _TEXTS)
def test_ascii_form_finds_what_regex_finds_on_generated_text(
    form: tuple[str, regex.Pattern[str], re.Pattern[str]], text: str
) -> None:
    name, compiled, ascii_form = form
    assert _matches(compiled, text, name) == _matches(ascii_form, text, name)


@given(st.sampled_from(PREFILTERS), _TEXTS)
def test_lower_case_prefilter_finds_what_the_prefilter_finds_on_generated_text(
    form: tuple[str, regex.Pattern[str], re.Pattern[str]], text: str
) -> None:
    _, prefilter, lower = form
    assert (prefilter.search(text) is None) == (lower.search(text.lower()) is None)


def test_the_ascii_form_runs_on_ascii_text_only() -> None:
    # a deliberately different ASCII form shows which engine ran
    spec = PatternRecognizer(
        name="t", label="T", patterns=(Pattern("p", "a", 1.0, ascii_re="b"),), ignore_case=False
    )
    recognizer = CompiledRecognizer(spec)
    assert [f.text for f in recognizer.find("a b")] == ["b"]
    assert [f.text for f in recognizer.find("a b é")] == ["a"]


def test_the_lower_case_prefilter_decides_as_the_prefilter_does() -> None:
    # "K" (the Kelvin sign) matches "k" case-insensitively, and lower-cases to it
    spec = PatternRecognizer(
        name="t", label="T", patterns=(Pattern("p", "b", 1.0),), prefilter="k", ignore_case=False
    )
    recognizer = CompiledRecognizer(spec)
    assert recognizer.prefilter_lower is not None
    assert [f.text for f in recognizer.find("K b")] == ["b"]
    assert [f.text for f in recognizer.find("\u212a b")] == ["b"]
    assert [f.text for f in recognizer.find("a b")] == []


# -- a leading lookahead for first letters never rules out a match ----------


def _first(items: Any) -> set[int] | None:
    """The characters a match of the parsed ``items`` can start with (None: unknown)."""
    found: set[int] = set()
    for op, av in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero width: the next item consumes the first character
        if op is sre.LITERAL:
            return found | {av}
        if op is sre.IN:
            chars = set()
            for kind, value in av:
                if kind is sre.LITERAL:
                    chars.add(value)
                elif kind is sre.RANGE:
                    chars.update(range(value[0], value[1] + 1))
                else:
                    return None  # negated class, \d, \w...
            return found | chars
        if op in (sre.SUBPATTERN, sre.ATOMIC_GROUP, sre.BRANCH):
            branches = (
                [av[3]] if op is sre.SUBPATTERN else [av] if op is sre.ATOMIC_GROUP else av[1]
            )
            firsts = [_first(branch) for branch in branches]
            if any(first is None for first in firsts):
                return None
            return found.union(*firsts)  # type: ignore[arg-type]
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            first = _first(av[2])
            if first is None:
                return None
            found |= first
            if av[0] > 0:
                return found
            continue
        return None
    return None  # could match the empty string


def _guard(pattern: str, flags: int) -> tuple[set[int], set[int] | None] | None:
    """For a pattern led by ``(?=[...])`` (after any ``\\b``): the letters of
    that class and what the rest can start with; both in both cases under
    IGNORECASE."""
    items = list(sre_parse.parse(pattern, flags))
    while items and items[0][0] is sre.AT:
        items.pop(0)
    if not items or items[0][0] is not sre.ASSERT or items[0][1][0] != 1:
        return None
    guard, rest = _first(items[0][1][1]), _first(items[1:])
    if flags & re.IGNORECASE:

        def fold(chars: set[int] | None) -> set[int] | None:
            return (
                None
                if chars is None
                else {ord(c) for x in chars for c in (chr(x).lower() + chr(x).upper())}
            )

        guard, rest = fold(guard), fold(rest)
    assert guard is not None
    return guard, rest


@pytest.mark.parametrize(("name", "compiled", "ascii_form"), FORMS, ids=IDS)
def test_a_first_letter_lookahead_admits_every_first_letter(
    name: str, compiled: regex.Pattern[str], ascii_form: re.Pattern[str]
) -> None:
    guarded = _guard(ascii_form.pattern, ascii_form.flags)
    if guarded is not None:
        guard, rest = guarded
        assert rest is not None and rest <= guard, name


def test_the_first_letter_check_catches_a_missing_letter() -> None:
    assert _guard(r"(?=[ab])(?:a|c)", 0) == ({97, 98}, {97, 99})
    assert _guard(r"\b(?=[ab])(?:A|(?:xy)?b)", re.IGNORECASE) == (
        {65, 66, 97, 98},
        {65, 66, 88, 120, 97, 98},
    )


def test_the_first_letter_check_sees_the_guarded_forms() -> None:
    assert sum(_guard(form.pattern, form.flags) is not None for _, _, form in FORMS) >= 2
