"""phiguard: keep protected health information out of AI providers.

>>> import phiguard
>>> phiguard.redact("Pt MRN 00412387, seen 3/4/24").text
'Pt MRN [MRN], seen [DATE]'
"""

from __future__ import annotations

import logging

from phiguard.errors import ConfigError, DetectionError, InputError, ModelError, PhiguardError
from phiguard.findings import LABELS, Finding, Redaction
from phiguard.guard import Guard, redact, scan
from phiguard.policy import Policy

__all__ = [
    "ConfigError",
    "DetectionError",
    "Finding",
    "Guard",
    "InputError",
    "LABELS",
    "ModelError",
    "PhiguardError",
    "Policy",
    "Redaction",
    "redact",
    "scan",
]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
