"""Decide: settle the detectors' proposals into the findings to redact."""

from __future__ import annotations

from phiguard.decide.merge import decide, merge_findings, repeats

__all__ = ["decide", "merge_findings", "repeats"]
