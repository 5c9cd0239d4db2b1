"""Value objects shared by every stage: labels, findings, redactions."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["LABELS", "Finding", "Redaction"]

#: Every label phiguard emits, as in DESIGN.md. Order is the tie-break order
#: used when two overlapping findings score the same: the more specific,
#: more sensitive label first.
LABELS: tuple[str, ...] = (
    "SSN",
    "MRN",
    "ACCESSION",
    "EMAIL",
    "PHONE",
    "IP",
    "URL",
    "ID",
    "DATE",
    "AGE",
    "NAME",
    "ADDRESS",
    "FACILITY",
)


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of PHI found in a text: ``text[start:end]`` carries ``label``.

    ``score`` is the detector's confidence in [0, 1]; ``source`` names the
    recognizer that proposed it. The repr omits ``text`` so that findings can
    be logged without leaking the value they point at.
    """

    start: int
    end: int
    label: str
    score: float
    text: str = field(repr=False)
    source: str = ""

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Redaction:
    """The result of redacting a text: the redacted ``text`` and the findings.

    ``findings`` refer to offsets in the *original* text. The repr shows
    neither text (the original's values are in the findings).
    """

    text: str = field(repr=False)
    findings: tuple[Finding, ...]

    def __repr__(self) -> str:
        labels = sorted({f.label for f in self.findings})
        return f"Redaction(findings={len(self.findings)}, labels={labels})"
