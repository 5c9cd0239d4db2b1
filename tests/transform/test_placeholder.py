"""Typed placeholders, rendered in one pass."""

from __future__ import annotations

import pytest

from phiguard.findings import Finding
from phiguard.transform import placeholder, render

TEXT = "MRN 00412387 on 3/4/24"


def test_render_replaces_each_finding_with_its_placeholder() -> None:
    findings = [
        Finding(4, 12, "MRN", 0.9, "00412387", "a"),
        Finding(16, 22, "DATE", 0.9, "3/4/24", "b"),
    ]
    assert render(TEXT, findings) == "MRN [MRN] on [DATE]"


def test_render_without_findings_returns_the_text() -> None:
    assert render(TEXT, []) == TEXT


def test_render_accepts_another_operator() -> None:
    findings = [Finding(4, 12, "MRN", 0.9, "00412387", "a")]
    assert render(TEXT, findings, lambda f: "*" * len(f)) == "MRN ******** on 3/4/24"


def test_render_refuses_overlapping_findings() -> None:
    findings = [
        Finding(0, 8, "MRN", 0.9, TEXT[0:8], "a"),
        Finding(4, 12, "ID", 0.9, TEXT[4:12], "a"),
    ]
    with pytest.raises(ValueError, match="overlap"):
        render(TEXT, findings)


def test_placeholder_is_typed() -> None:
    assert placeholder(Finding(0, 1, "FACILITY", 1.0, "x")) == "[FACILITY]"
