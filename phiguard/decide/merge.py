"""One merge: sort once, sweep once, fixed tie-breaks.

Overlapping findings are united into one finding that covers every character
any of them covered: for a PHI guard, dropping the loser of an overlap would
leave its uncovered characters in the output. The united finding takes the
label and score of its best member, ranked by score, then length, then the
order of :data:`phiguard.findings.LABELS`, then start and source: a total
order, so the result does not depend on the order findings arrive in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from phiguard.findings import LABELS, Finding

__all__ = ["decide", "merge_findings"]

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


def _unite(text: str, group: list[Finding], end: int) -> Finding:
    best = min(group, key=_rank)
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
    kept = (
        f
        for f in findings
        if f.score >= per_label.get(f.label, threshold) and (labels is None or f.label in labels)
    )
    return merge_findings(text, kept)
