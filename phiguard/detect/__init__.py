"""Detect: recognizers propose findings; nothing here decides or redacts.

:func:`build_recognizers` returns the compiled recognizers of a profile;
:func:`detect` runs them over a text and returns every proposal, overlapping
and unfiltered, for :mod:`phiguard.decide` to settle.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

from phiguard.detect.address import ADDRESS_RECOGNIZERS
from phiguard.detect.ages import AGE_RECOGNIZERS
from phiguard.detect.contact import CONTACT_RECOGNIZERS
from phiguard.detect.dates import DATE_RECOGNIZERS
from phiguard.detect.facility import FACILITY_RECOGNIZERS
from phiguard.detect.gate import PatternTier
from phiguard.detect.identifiers import IDENTIFIER_RECOGNIZERS
from phiguard.detect.lexicons import load_lexicons
from phiguard.detect.names import NameRecognizer
from phiguard.detect.ner import load_person_model
from phiguard.detect.places import PlaceRecognizer
from phiguard.detect.recognizer import PatternRecognizer
from phiguard.detect.spelled import SpelledRecognizer, SpokenNumberRecognizer
from phiguard.detect.structured import (
    DicomRecognizer,
    FieldRecognizer,
    Hl7Recognizer,
    MarkupRecognizer,
    TableRecognizer,
    X12Recognizer,
)
from phiguard.detect.thai import THAI_RECOGNIZERS
from phiguard.findings import Finding

__all__ = ["PATTERN_RECOGNIZERS", "Recognizer", "build_recognizers", "detect", "detect_many"]


class Recognizer(Protocol):
    """Anything with a ``name`` that yields findings for a text."""

    @property
    def name(self) -> str: ...

    def find(self, text: str) -> Iterator[Finding]: ...


#: Every pattern recognizer, as data (their examples drive the tests).
PATTERN_RECOGNIZERS: tuple[PatternRecognizer, ...] = (
    *DATE_RECOGNIZERS,
    *AGE_RECOGNIZERS,
    *IDENTIFIER_RECOGNIZERS,
    *CONTACT_RECOGNIZERS,
    *ADDRESS_RECOGNIZERS,
    *FACILITY_RECOGNIZERS,
    *THAI_RECOGNIZERS,
)


def build_recognizers(profile: str, *, name_threshold: float = 0.5) -> tuple[Recognizer, ...]:
    """Compile the recognizers of ``profile`` ("default" or "fast").

    Both profiles share the pattern tier (every pattern recognizer behind
    one :class:`~phiguard.detect.gate.PatternTier`), the structure and
    lexicon tiers; "default"
    adds the spaCy NER model to the name tier, which asks it about every
    possible name the rules alone score below ``name_threshold``. Loading
    the lexicons or the model may raise ``OSError``/``ImportError``/``ValueError``.
    """
    compiled: list[Recognizer] = [PatternTier([spec.compile() for spec in PATTERN_RECOGNIZERS])]
    lexicons = load_lexicons()
    compiled += [
        FieldRecognizer(lexicons),
        DicomRecognizer(),
        Hl7Recognizer(lexicons),
        MarkupRecognizer(lexicons),
        TableRecognizer(),
        X12Recognizer(),
        SpelledRecognizer(),
        SpokenNumberRecognizer(),
    ]
    model = load_person_model() if profile == "default" else None
    names = NameRecognizer(lexicons, model, sure=name_threshold)
    compiled += [names, PlaceRecognizer(lexicons)]
    return tuple(compiled)


def detect(text: str, recognizers: Sequence[Recognizer]) -> list[Finding]:
    """Every finding every recognizer proposes for ``text``, unmerged."""
    findings: list[Finding] = []
    for recognizer in recognizers:
        findings.extend(recognizer.find(text))
    return findings


def detect_many(
    texts: Sequence[str],
    recognizers: Sequence[Recognizer],
    *,
    batch_size: int = 64,
    n_process: int = 1,
) -> list[list[Finding]]:
    """:func:`detect` for each text; the NER model reads the batch in one pass."""
    findings: list[list[Finding]] = [[] for _ in texts]
    for recognizer in recognizers:
        if isinstance(recognizer, NameRecognizer):
            found = recognizer.find_many(texts, batch_size=batch_size, n_process=n_process)
            for mine, names in zip(findings, found):
                mine.extend(names)
        else:
            for mine, text in zip(findings, texts):
                mine.extend(recognizer.find(text))
    return findings
