"""Typed placeholders: every character of a finding becomes ``[LABEL]``."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from phiguard.findings import Finding

__all__ = ["placeholder", "render"]


def placeholder(finding: Finding) -> str:
    """``[DATE]``, ``[MRN]``, ...: the typed placeholder for ``finding``."""
    return f"[{finding.label}]"


def render(
    text: str,
    findings: Sequence[Finding],
    replace: Callable[[Finding], str] = placeholder,
) -> str:
    """Return ``text`` with each finding replaced by ``replace(finding)``.

    ``findings`` must be sorted and non-overlapping (as
    :func:`phiguard.decide.merge_findings` returns them). The output is built
    once, from slices joined at the end.
    """
    parts: list[str] = []
    position = 0
    for finding in findings:
        if finding.start < position:
            raise ValueError("findings overlap or are unsorted")
        parts.append(text[position : finding.start])
        parts.append(replace(finding))
        position = finding.end
    parts.append(text[position:])
    return "".join(parts)
