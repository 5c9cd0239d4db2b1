"""Rows written with «marks»: ``"MRN «00412387»"`` → text and expected spans."""

from __future__ import annotations

import re

from phiguard import Guard

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
