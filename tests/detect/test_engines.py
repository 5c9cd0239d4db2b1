"""On ASCII text, a pattern's ``re`` form finds exactly what its ``regex`` finds.

Patterns with ``ascii_re`` set run under the standard library's ``re`` on
ASCII-only text (:mod:`phiguard.detect.recognizer`). Every test compares
both engines match by match (span and every group) on texts that are ASCII:
the corpora and examples (non-ASCII characters replaced), their upper-,
lower- and swapped-case forms, and generated text.
"""

from __future__ import annotations

import json
import pathlib
import re
import string
from typing import Any

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from phiguard.detect import PATTERN_RECOGNIZERS
from phiguard.detect.gate import FOLDS_TO_ASCII
from phiguard.detect.recognizer import CompiledRecognizer, Pattern, PatternRecognizer
from tests.marks import unmark

CORPUS = pathlib.Path(__file__).resolve().parents[3] / "shared" / "corpora"

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


def _ascii(text: str) -> str:
    return text.encode("ascii", "replace").decode("ascii")


def _texts() -> list[str]:
    texts = [unmark(row)[0] for spec in PATTERN_RECOGNIZERS for row in spec.examples]
    texts += [row for spec in PATTERN_RECOGNIZERS for row in spec.counterexamples]
    for path in sorted(CORPUS.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            texts += [json.loads(line)["text"] for line in lines]
    texts = [_ascii(text) for text in texts]
    return texts + [case(text) for text in texts for case in (str.upper, str.lower, str.swapcase)]


TEXTS = _texts()


def _matches(compiled: Any, text: str) -> list[tuple[tuple[int, int], dict[str, Any]]]:
    return [(match.span(), match.groupdict()) for match in compiled.finditer(text)]


def test_the_faster_engine_is_used_somewhere() -> None:
    assert len(FORMS) >= 10


@pytest.mark.parametrize(("name", "compiled", "ascii_form"), FORMS, ids=IDS)
def test_ascii_form_finds_what_regex_finds_on_corpora_and_examples(
    name: str, compiled: regex.Pattern[str], ascii_form: re.Pattern[str]
) -> None:
    assert len(TEXTS) > 4000
    differ = [t for t in TEXTS if _matches(compiled, t) != _matches(ascii_form, t)]
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
    _, compiled, ascii_form = form
    assert _matches(compiled, text) == _matches(ascii_form, text)


def test_the_ascii_form_runs_on_ascii_text_only() -> None:
    # a deliberately different ASCII form shows which engine ran
    spec = PatternRecognizer(
        name="t", label="T", patterns=(Pattern("p", "a", 1.0, ascii_re="b"),), ignore_case=False
    )
    recognizer = CompiledRecognizer(spec)
    assert [f.text for f in recognizer.find("a b")] == ["b"]
    assert [f.text for f in recognizer.find("a b é")] == ["a"]
