"""Every pattern recognizer's own examples and counterexamples, as one table.

An example marks the expected finding(s) with «...»; a counterexample must
yield nothing at or above the default threshold.
"""

from __future__ import annotations

import re

import pytest

from phiguard.detect import PATTERN_RECOGNIZERS
from phiguard.detect.recognizer import PatternRecognizer
from phiguard.policy import Policy

THRESHOLD = Policy().threshold
_MARK = re.compile("«(.*?)»")


def _rows(kind: str) -> list[tuple[PatternRecognizer, str]]:
    return [
        pytest.param(spec, row, id=f"{spec.name}:{row[:40]}")
        for spec in PATTERN_RECOGNIZERS
        for row in getattr(spec, kind)
    ]


def _found(spec: PatternRecognizer, text: str) -> list[tuple[int, int]]:
    return [(f.start, f.end) for f in spec.compile().find(text) if f.score >= THRESHOLD]


@pytest.mark.parametrize(("spec", "example"), _rows("examples"))
def test_example_is_found(spec: PatternRecognizer, example: str) -> None:
    text = example.replace("«", "").replace("»", "")
    expected = []
    shift = 0
    for match in _MARK.finditer(example):
        start = match.start() - shift
        expected.append((start, start + len(match.group(1))))
        shift += 2
    assert _found(spec, text) == expected


@pytest.mark.parametrize(("spec", "counterexample"), _rows("counterexamples"))
def test_counterexample_is_not_found(spec: PatternRecognizer, counterexample: str) -> None:
    assert _found(spec, counterexample) == []


@pytest.mark.parametrize("spec", PATTERN_RECOGNIZERS, ids=lambda s: s.name)
def test_every_recognizer_documents_both_sides(spec: PatternRecognizer) -> None:
    assert spec.examples, "a recognizer needs examples it must match"
    assert spec.counterexamples, "a recognizer needs examples it must not match"
    assert spec.name.endswith(("_v1", "_v2", "_v3")), "recognizer names carry a version"


def test_recognizer_names_are_unique() -> None:
    names = [spec.name for spec in PATTERN_RECOGNIZERS]
    assert len(names) == len(set(names))
