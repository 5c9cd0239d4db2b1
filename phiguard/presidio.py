"""Presidio interop: phiguard in a Presidio ``AnalyzerEngine``, Presidio recognizers in a Guard.

Vocabulary: phiguard's labels that Presidio names differently map to
Presidio's entities (:data:`PRESIDIO_ENTITIES`: ``NAME`` → ``PERSON``,
``DATE`` → ``DATE_TIME``, ...), so phiguard's results meet Presidio's own
results, and its anonymizer operators, under one name; labels with no
Presidio counterpart (``MRN``, ``ACCESSION``, ``ID``, ``FACILITY``) keep
their name. :data:`PHIGUARD_LABELS` is the way back. A Presidio entity with
no phiguard label needs an explicit mapping (``labels={"EMPLOYEE_ID": "ID"}``):
phiguard's labels are a closed set that its policy, operators and session
placeholders rely on, and guessing one could give a value the wrong operator.

This module imports Presidio (and spaCy); ``import phiguard`` does not
import this module.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from presidio_analyzer import EntityRecognizer, RecognizerResult

from phiguard.errors import ConfigError, InputError
from phiguard.findings import LABELS, Finding

if TYPE_CHECKING:
    from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngine

    from phiguard.guard import Guard
    from phiguard.policy import Policy

__all__ = [
    "PHIGUARD_LABELS",
    "PRESIDIO_ENTITIES",
    "PhiguardRecognizer",
    "PresidioAdapter",
    "from_presidio",
    "from_recognizer_result",
    "recognizers",
    "to_recognizer_result",
]

#: phiguard label → Presidio entity, for the labels Presidio names differently.
PRESIDIO_ENTITIES: Mapping[str, str] = {
    "NAME": "PERSON",
    "DATE": "DATE_TIME",
    "EMAIL": "EMAIL_ADDRESS",
    "PHONE": "PHONE_NUMBER",
    "SSN": "US_SSN",
    "IP": "IP_ADDRESS",
    "ADDRESS": "LOCATION",
}
#: Presidio entity → phiguard label: the inverse of :data:`PRESIDIO_ENTITIES`,
#: and every phiguard label as itself.
PHIGUARD_LABELS: Mapping[str, str] = {
    **{label: label for label in LABELS},
    **{entity: label for label, entity in PRESIDIO_ENTITIES.items()},
}


def to_recognizer_result(
    finding: Finding, entities: Mapping[str, str] = PRESIDIO_ENTITIES
) -> RecognizerResult:
    """The Presidio ``RecognizerResult`` of a phiguard finding.

    The entity is ``entities[finding.label]``, or the label itself if
    ``entities`` has no entry for it (pass ``{}`` to keep phiguard's labels).
    """
    return RecognizerResult(
        entity_type=entities.get(finding.label, finding.label),
        start=finding.start,
        end=finding.end,
        score=finding.score,
        recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: finding.source or "phiguard"},
    )


def from_recognizer_result(
    result: RecognizerResult, text: str, labels: Mapping[str, str] = PHIGUARD_LABELS
) -> Finding:
    """The phiguard finding of a Presidio result on ``text``.

    Raises :class:`ConfigError` if ``labels`` maps the result's entity to no
    phiguard label, and :class:`InputError` if its offsets do not lie in
    ``text``.
    """
    if not isinstance(text, str):
        raise InputError(f"expected str, got {type(text).__name__}")
    label = _label(result.entity_type, labels)
    try:
        return _finding(result, text, label)
    except ValueError:
        raise InputError("the result's offsets do not lie in the text") from None


def _label(entity: str, labels: Mapping[str, str]) -> str:
    label = labels.get(entity)
    if label not in LABELS:
        raise ConfigError(
            f"Presidio entity {entity!r} has no phiguard label; "
            f"map it, e.g. labels={{{entity!r}: 'ID'}}"
        )
    return label


def _finding(result: RecognizerResult, text: str, label: str) -> Finding:
    start, end = result.start, result.end
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise ValueError("offsets outside the text")
    metadata = result.recognition_metadata or {}
    name = metadata.get(RecognizerResult.RECOGNIZER_NAME_KEY)
    source = f"presidio:{name}" if name else "presidio"
    return Finding(start, end, label, float(result.score), text[start:end], source)


class PresidioAdapter:
    """A Presidio recognizer run as a phiguard recognizer (``name`` and ``find``).

    Made by :func:`from_presidio`; pass it, or the Presidio recognizer
    itself, in ``Guard(recognizers=[...])``.
    """

    __slots__ = ("_entities", "_labels", "_nlp_engine", "_recognizer", "name")

    def __init__(
        self,
        recognizer: EntityRecognizer,
        labels: Mapping[str, str],
        nlp_engine: NlpEngine | None,
    ) -> None:
        self._recognizer = recognizer
        self._entities = list(recognizer.supported_entities)
        # every entity must have a label now, not at the first match
        self._labels = {entity: _label(entity, labels) for entity in self._entities}
        self._nlp_engine = nlp_engine
        name = getattr(recognizer, "name", None) or type(recognizer).__name__
        self.name = f"presidio:{name}"

    def __repr__(self) -> str:
        return f"PresidioAdapter({self.name!r})"

    def find(self, text: str) -> Iterator[Finding]:
        """Yield the recognizer's results on ``text`` as findings.

        A result for an entity it did not declare, or with offsets outside
        the text, raises ``ValueError`` (the Guard fails closed on it).
        """
        # Presidio's own recognizers take None when they need no spaCy output
        artifacts: Any = None
        if self._nlp_engine is not None:
            artifacts = self._nlp_engine.process_text(text, self._recognizer.supported_language)
        for result in self._recognizer.analyze(text, self._entities, artifacts) or ():
            label = self._labels.get(result.entity_type)
            if label is None:
                raise ValueError("a result for an entity the recognizer does not support")
            yield _finding(result, text, label)


def from_presidio(
    recognizer: EntityRecognizer,
    *,
    labels: Mapping[str, str] | None = None,
    nlp_engine: NlpEngine | None = None,
) -> PresidioAdapter:
    """A Presidio ``EntityRecognizer`` (a ``PatternRecognizer`` or your own)
    as a phiguard recognizer, for ``Guard(recognizers=[...])``.

    ``labels`` maps its entities to phiguard labels, on top of
    :data:`PHIGUARD_LABELS`. ``nlp_engine`` (a Presidio ``NlpEngine``) is
    needed only by recognizers that read spaCy's output (``nlp_artifacts``);
    without it they get ``None``. Raises :class:`ConfigError` if an entity
    has no phiguard label.
    """
    if not isinstance(recognizer, EntityRecognizer):
        raise ConfigError(
            f"recognizers: expected a phiguard recognizer or a Presidio EntityRecognizer, "
            f"got {type(recognizer).__name__}"
        )
    return PresidioAdapter(recognizer, {**PHIGUARD_LABELS, **(labels or {})}, nlp_engine)


class PhiguardRecognizer(EntityRecognizer):
    """phiguard's whole detection (a :class:`~phiguard.Guard`'s ``scan``) as
    one Presidio recognizer.

    One recognizer, not one per phiguard recognizer: phiguard's accuracy
    comes from its decide stage (per-label thresholds, the merge that unites
    overlapping proposals, the detection view that folds look-alike
    characters), which the raw proposals of its recognizers lack.
    """

    def __init__(self, guard: Guard, entities: Mapping[str, str] = PRESIDIO_ENTITIES) -> None:
        self.guard = guard
        self._entities = dict(entities)
        labels = guard.policy.labels or LABELS
        supported = [self._entities.get(label, label) for label in LABELS if label in labels]
        self._name = f"phiguard_{guard.profile}"
        super().__init__(supported_entities=supported, name=self._name, version="0.1.0")

    def load(self) -> None:
        """Nothing to load: the Guard loaded its models when it was built."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """The Guard's findings in ``text`` for the requested ``entities``.

        Raises :class:`phiguard.DetectionError` if detection fails (Presidio
        passes it on: the analysis fails closed).
        """
        wanted = set(entities or self.supported_entities)
        results = []
        for finding in self.guard.scan(text):
            result = to_recognizer_result(finding, self._entities)
            if result.entity_type in wanted:
                # the engine files results under their recognizer's id
                result.recognition_metadata.update(
                    {
                        RecognizerResult.RECOGNIZER_NAME_KEY: self._name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                        "phiguard_source": finding.source,
                    }
                )
                results.append(result)
        return results


def recognizers(
    profile: str = "default",
    *,
    policy: Policy | None = None,
    entities: Mapping[str, str] = PRESIDIO_ENTITIES,
) -> list[EntityRecognizer]:
    """phiguard's recognizers for a Presidio ``AnalyzerEngine``'s registry.

    A list (today of one :class:`PhiguardRecognizer`) so that adding them is
    one loop: ``for r in recognizers("fast"): analyzer.registry.add_recognizer(r)``.
    ``entities`` maps phiguard labels to the entity names reported
    (:data:`PRESIDIO_ENTITIES` by default; ``{}`` keeps phiguard's labels).
    ``policy`` sets the thresholds (a :class:`~phiguard.Policy`).
    """
    from phiguard.guard import Guard

    return [PhiguardRecognizer(Guard(profile, policy=policy), entities)]
