"""phiguard: keep protected health information out of AI providers.

>>> import phiguard
>>> phiguard.redact("Pt MRN 00412387, seen 3/4/24").text
'Pt MRN [MRN], seen [DATE]'
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from phiguard.errors import (
    ConfigError,
    DetectionError,
    InputError,
    ModelError,
    PHIBlocked,
    PhiguardError,
)
from phiguard.findings import LABELS, Finding, Redaction
from phiguard.policy import Policy
from phiguard.session import Session

if TYPE_CHECKING:
    from phiguard.guard import Guard, redact, scan

__all__ = [
    "ConfigError",
    "DetectionError",
    "Finding",
    "Guard",
    "InputError",
    "LABELS",
    "ModelError",
    "PHIBlocked",
    "PhiguardError",
    "Policy",
    "Redaction",
    "Session",
    "redact",
    "scan",
]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str) -> Any:
    # The detectors (and the regex engine under them) load with the first
    # use of Guard, redact or scan, not with ``import phiguard``: an app that
    # imports phiguard at start-up pays for detection when it first guards.
    if name in {"Guard", "redact", "scan"}:
        from phiguard import guard

        value = getattr(guard, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
