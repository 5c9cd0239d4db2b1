"""Pattern recognizers: detection written as data plus small pure validators.

A :class:`PatternRecognizer` holds a label, a few :class:`Pattern` rows with
graded scores, optional context words that raise a score when they occur just
before a match, an optional validator, and the examples that document (and
test) what it must and must not match. Compiling happens once, in
:meth:`PatternRecognizer.compile`; finding is one ``finditer`` over the text.

Examples mark the expected finding with ``«...»``: ``"MRN «00412387»"``
must yield exactly that span; a counterexample must yield nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import regex

from phiguard.findings import Finding

__all__ = ["VALUE_GROUP", "CompiledRecognizer", "Pattern", "PatternRecognizer"]

#: Name of the regex group that delimits the finding inside a pattern's match;
#: a pattern without it reports its whole match.
VALUE_GROUP = "v"

Validator = Callable[[str], bool]


@dataclass(frozen=True, slots=True)
class Pattern:
    """One regular expression and the score a match of it earns."""

    name: str
    regex: str
    score: float


@dataclass(frozen=True, slots=True)
class PatternRecognizer:
    """A recognizer as data: patterns, context, validator and examples."""

    name: str
    label: str
    patterns: tuple[Pattern, ...]
    #: Words that, found within ``context_window`` characters before a match,
    #: add ``context_boost`` to its score (capped at 1.0).
    context: tuple[str, ...] = ()
    context_window: int = 40
    context_boost: float = 0.35
    #: Pure check of the matched value; ``False`` rejects the match.
    validate: Validator | None = None
    #: Case-insensitive regex that must occur somewhere in the text for the
    #: recognizer to run at all: a cheap skip for texts that cannot match.
    prefilter: str | None = None
    ignore_case: bool = True
    examples: tuple[str, ...] = field(default=(), repr=False)
    counterexamples: tuple[str, ...] = field(default=(), repr=False)

    def compile(self) -> CompiledRecognizer:
        """Return the compiled, ready-to-run form of this recognizer."""
        return CompiledRecognizer(self)


class CompiledRecognizer:
    """A :class:`PatternRecognizer` with its regexes compiled once."""

    __slots__ = ("_context", "_has_value", "_prefilter", "_regex", "_scores", "spec")

    def __init__(self, spec: PatternRecognizer) -> None:
        self.spec = spec
        flags = regex.VERSION1 | regex.MULTILINE
        if spec.ignore_case:
            flags |= regex.IGNORECASE
        # One alternation per recognizer: one pass over the text. Each
        # alternative is a named group so the matching pattern (and its
        # score) is known; inner value groups may share the name ``v``.
        alternatives = "|".join(
            f"(?P<p{i}>{pattern.regex})" for i, pattern in enumerate(spec.patterns)
        )
        self._regex = regex.compile(alternatives, flags)
        self._scores = tuple(pattern.score for pattern in spec.patterns)
        self._has_value = VALUE_GROUP in self._regex.groupindex
        self._context = (
            regex.compile(
                r"(?<![A-Za-z])(?:" + "|".join(spec.context) + r")(?![A-Za-z])",
                regex.IGNORECASE | regex.VERSION1,
            )
            if spec.context
            else None
        )
        self._prefilter = (
            regex.compile(spec.prefilter, regex.IGNORECASE) if spec.prefilter else None
        )

    @property
    def name(self) -> str:
        return self.spec.name

    def find(self, text: str) -> Iterator[Finding]:
        """Yield every finding of this recognizer in ``text``, in order."""
        if self._prefilter is not None and self._prefilter.search(text) is None:
            return
        spec = self.spec
        for match in self._regex.finditer(text):
            index = _matched_alternative(match, len(self._scores))
            start, end = match.span()
            if self._has_value and match.start(VALUE_GROUP) != -1:
                start, end = match.span(VALUE_GROUP)
            if start >= end:
                continue
            value = text[start:end]
            if spec.validate is not None and not spec.validate(value):
                continue
            score = self._scores[index]
            if self._context is not None and score < 1.0:
                window = text[max(0, match.start() - spec.context_window) : match.start()]
                if self._context.search(window) is not None:
                    score = min(1.0, score + spec.context_boost)
            yield Finding(start, end, spec.label, score, value, spec.name)


def _matched_alternative(match: regex.Match[str], count: int) -> int:
    for i in range(count):
        if match.start(f"p{i}") != -1:
            return i
    raise AssertionError("a match without an alternative")  # pragma: no cover
