"""The phiguard exception tree.

    PhiguardError                 base of everything phiguard raises
    ├── InputError (TypeError)    the caller passed something that is not text
    ├── ConfigError (ValueError)  a policy, profile or option is invalid
    ├── ModelError                a model or word list is missing or unreadable
    ├── DetectionError            detection or redaction failed internally;
    │                             the text must be treated as unredacted
    └── PHIBlocked                the policy blocks text holding these labels

Messages name the stage and the exception type that failed, never the text
being guarded: no exception raised by phiguard carries input text. A
wrapped internal error is neither chained nor copied (``raise ... from
None``): a recognizer's own error, or the traceback that carries it, may
quote its input.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

__all__ = [
    "ConfigError",
    "DetectionError",
    "InputError",
    "ModelError",
    "PHIBlocked",
    "PhiguardError",
    "failing_closed",
]


class PhiguardError(Exception):
    """Base class of every error phiguard raises."""


class InputError(PhiguardError, TypeError):
    """The input is not text (``str``)."""


class ConfigError(PhiguardError, ValueError):
    """A policy, profile or option has an invalid value."""


class ModelError(PhiguardError):
    """A model or word list the profile needs is missing or unreadable."""


class DetectionError(PhiguardError):
    """Detection or redaction failed; nothing may be sent on.

    Raised instead of returning possibly unredacted text (fail closed).
    """


class PHIBlocked(PhiguardError):
    """The policy blocks this text: it holds PHI with a ``block`` label.

    ``labels`` names the blocked labels found; the text and the values are
    never part of the error.
    """

    def __init__(self, labels: frozenset[str]) -> None:
        self.labels = frozenset(labels)
        super().__init__(f"blocked by policy: the text holds {', '.join(sorted(self.labels))}")


@contextlib.contextmanager
def failing_closed(stage: str) -> Iterator[None]:
    """Run one stage fail-closed: phiguard's own errors pass through, any
    other error becomes a :class:`DetectionError` that names ``stage`` and
    the error's type. The original error may quote the text: only its type
    is kept, and the chain is suppressed so no traceback carries it on."""
    try:
        yield
    except PhiguardError:
        raise
    except Exception as exc:
        raise DetectionError(f"{stage} failed ({type(exc).__name__})") from None
