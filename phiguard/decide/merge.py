"""One merge: sort once, sweep once, fixed tie-breaks.

Overlapping findings are united into one finding that covers every character
any of them covered: for a PHI guard, dropping the loser of an overlap would
leave its uncovered characters in the output. The united finding takes the
label and score of its best member, ranked by score, then length, then the
order of :data:`phiguard.findings.LABELS`, then start and source: a total
order, so the result does not depend on the order findings arrive in. A
NAME that lies inside an ADDRESS or FACILITY gives way to it: the street
or hospital is named after the person (``Calle Hidalgo 245``), or the
practice's word is no given name (``Huisartsenpraktijk De Linde``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from phiguard.detect.structured import STRUCTURE_SOURCES
from phiguard.findings import LABELS, Finding

__all__ = ["decide", "merge_findings", "repeats"]

_LABEL_RANK = {label: rank for rank, label in enumerate(LABELS)}


def _rank(finding: Finding) -> tuple[float, int, int, int, str]:
    """Smaller is better."""
    return (
        -finding.score,
        -(finding.end - finding.start),
        _LABEL_RANK.get(finding.label, len(LABELS)),
        finding.start,
        finding.source,
    )


def merge_findings(text: str, findings: Iterable[Finding]) -> list[Finding]:
    """Unite overlapping findings; return them sorted and non-overlapping.

    Touching findings (one ends where the next starts) stay apart.
    """
    ordered = sorted(findings, key=lambda f: (f.start, f.end))
    merged: list[Finding] = []
    group: list[Finding] = []
    group_end = -1
    for finding in ordered:
        if group and finding.start >= group_end:
            merged.append(_unite(text, group, group_end))
            group = []
        group.append(finding)
        group_end = max(group_end, finding.end) if len(group) > 1 else finding.end
    if group:
        merged.append(_unite(text, group, group_end))
    return merged


#: Labels of places, whose names are often people's: a NAME inside one of
#: them is the place's (Calle Hidalgo 245, St. Mary Hospital).
_PLACES = frozenset({"ADDRESS", "FACILITY"})


def _unite(text: str, group: list[Finding], end: int) -> Finding:
    best = min(group, key=_rank)
    if best.label == "NAME" and len(group) > 1:
        around = [
            f
            for f in group
            if f.label in _PLACES
            and f.start <= best.start
            and best.end <= f.end
            and f.end - f.start >= best.end - best.start
        ]
        if around:
            best = min(around, key=_rank)  # the street or hospital named after someone
    start = group[0].start
    if len(group) == 1:
        return best
    return Finding(start, end, best.label, best.score, text[start:end], best.source)


def decide(
    text: str,
    findings: Iterable[Finding],
    *,
    threshold: float,
    thresholds: Mapping[str, float] | None = None,
    labels: frozenset[str] | None = None,
) -> list[Finding]:
    """Keep findings at or above their label's threshold, then merge them.

    ``thresholds`` overrides ``threshold`` per label; ``labels`` (if given)
    keeps only findings with those labels.
    """
    per_label = thresholds or {}
    kept = [
        f
        for f in findings
        if f.score >= per_label.get(f.label, threshold) and (labels is None or f.label in labels)
    ]
    return merge_findings(text, kept + repeats(text, kept))


#: Labels whose values are words: repeated only when two words or more
#: (one word, "Hope", may be a word elsewhere) that a field, a table, a
#: DICOM tag or an HL7 segment labels (a guess of the name tier's model,
#: "Parole Board", is not made certain by repeating it; the name tier
#: repeats the names it is sure of itself).
_WORDED = frozenset({"NAME", "FACILITY", "ADDRESS"})
#: Labels whose values are codes: repeated when five letters or digits or more.
_CODED = frozenset({"MRN", "ACCESSION", "ID", "SSN", "PHONE", "EMAIL", "URL", "IP"})
_TOKEN = re.compile(r"[^\W_]+")


def repeats(text: str, findings: Iterable[Finding]) -> list[Finding]:
    """Every other mention of a value found in ``text``, in the same spelling.

    A name found in an email's ``From:`` line is redacted in its signature
    too, an MRN found after its label in a bare table cell: a value is PHI
    wherever the text repeats it. Values that could be ordinary words
    elsewhere (one word) are not repeated. Linear in the text: one pass
    over its tokens, looking up each value by its first token.
    """
    by_first: dict[str, dict[str, tuple[int, Finding]]] = {}
    for finding in findings:
        value = finding.text
        if finding.label in _WORDED:
            plain = (
                finding.source in STRUCTURE_SOURCES
                and len(_TOKEN.findall(value)) >= 2
                and sum(c.isalpha() for c in value) >= 4
            )
        else:
            plain = finding.label in _CODED and sum(c.isalnum() for c in value) >= 5
        first = _TOKEN.search(value)
        if plain and first is not None:
            by_first.setdefault(first.group(), {}).setdefault(value, (first.start(), finding))
    if not by_first:
        return []
    found: list[Finding] = []
    for token in _TOKEN.finditer(text):
        values = by_first.get(token.group())
        if values is None:
            continue
        for value, (offset, source) in values.items():
            start = token.start() - offset
            end = start + len(value)
            if start < 0 or start == source.start or not text.startswith(value, start):
                continue
            if (start > 0 and text[start - 1].isalnum() and value[0].isalnum()) or (
                end < len(text) and text[end].isalnum() and value[-1].isalnum()
            ):
                continue  # "Ann Lee" inside "Ann Leeds", "5550151" inside "95550151"
            found.append(Finding(start, end, source.label, source.score, value, "repeat_v1"))
    return found
