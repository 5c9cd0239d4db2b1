"""Policy: what counts as PHI for a guard and how sure it must be."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from phiguard.errors import ConfigError
from phiguard.findings import LABELS

__all__ = ["PROFILES", "Policy"]

#: Detection profiles: ``default`` (all tiers) and ``fast`` (no NER model).
PROFILES = ("default", "fast")


@dataclass(frozen=True, slots=True)
class Policy:
    """Which labels to redact and the score each must reach.

    ``threshold`` is the one knob that trades recall for precision; a
    ``thresholds`` entry overrides it for one label.
    """

    threshold: float = 0.5
    thresholds: Mapping[str, float] = field(default_factory=dict)
    labels: frozenset[str] = frozenset(LABELS)

    def __post_init__(self) -> None:
        _check_score("threshold", self.threshold)
        for label, value in self.thresholds.items():
            _check_label(f"thresholds.{label}", label)
            _check_score(f"thresholds.{label}", value)
        for label in self.labels:
            _check_label("labels", label)
        object.__setattr__(self, "thresholds", MappingProxyType(dict(self.thresholds)))
        object.__setattr__(self, "labels", frozenset(self.labels))


def _check_score(key: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise ConfigError(f"{key}: expected a number between 0 and 1")


def _check_label(key: str, label: object) -> None:
    if label not in LABELS:
        raise ConfigError(f"{key}: unknown label {label!r}; expected one of {', '.join(LABELS)}")
