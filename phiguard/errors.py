"""The phiguard exception tree.

    PhiguardError                 base of everything phiguard raises
    ├── InputError (TypeError)    the caller passed something that is not text
    ├── ConfigError (ValueError)  a policy, profile or option is invalid
    ├── ModelError                a model or word list is missing or unreadable
    └── DetectionError            detection or redaction failed internally;
                                  the text must be treated as unredacted

Messages name the stage and the exception type that failed, never the text
being guarded: no exception raised by phiguard carries input text, and a
wrapped internal error is chained (``__cause__``) but its message is not
copied, because a recognizer's own error may quote its input.
"""

from __future__ import annotations

__all__ = ["ConfigError", "DetectionError", "InputError", "ModelError", "PhiguardError"]


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
