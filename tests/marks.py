"""Rows written with «marks»: ``"MRN «00412387»"`` → text and expected spans."""

from __future__ import annotations

import json
import pathlib
import re

from phiguard import Guard

#: The shared evaluation corpora (``../shared/corpora`` beside the checkout).
CORPUS = pathlib.Path(__file__).resolve().parents[2] / "shared" / "corpora"

_MARK = re.compile("«(.*?)»", re.DOTALL)


def unmark(row: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Return the plain text and the (start, end, value) of each marked span."""
    spans = []
    shift = 0
    for match in _MARK.finditer(row):
        start = match.start() - shift
        spans.append((start, start + len(match.group(1)), match.group(1)))
        shift += 2
    return row.replace("«", "").replace("»", ""), spans


def spans_of(guard: Guard, text: str, label: str) -> list[tuple[int, int, str]]:
    """The (start, end, text) of ``guard``'s findings in ``text`` with ``label``."""
    return [(f.start, f.end, f.text) for f in guard.scan(text) if f.label == label]


def covered(guard: Guard, text: str, spans: list[tuple[int, int, str]]) -> bool:
    """Whether every character of every span lies inside one of ``guard``'s findings."""
    inside = {i for f in guard.scan(text) for i in range(f.start, f.end)}
    return all(set(range(start, end)) <= inside for start, end, _ in spans)


def corpus_texts() -> list[str]:
    """The text of every corpus document."""
    texts: list[str] = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            texts += [json.loads(line)["text"] for line in lines]
    return texts


def pattern_rows() -> list[str]:
    """Every pattern recognizer's examples (unmarked) and counterexamples."""
    from phiguard.detect import PATTERN_RECOGNIZERS

    texts = [unmark(row)[0] for spec in PATTERN_RECOGNIZERS for row in spec.examples]
    return texts + [row for spec in PATTERN_RECOGNIZERS for row in spec.counterexamples]


def pattern_texts() -> list[str]:
    """Every pattern recognizer's examples (unmarked) and counterexamples,
    then the text of every corpus document."""
    return pattern_rows() + corpus_texts()
