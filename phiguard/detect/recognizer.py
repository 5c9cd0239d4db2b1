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

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

import regex

from phiguard.findings import Finding

__all__ = [
    "VALUE_GROUP",
    "CompiledRecognizer",
    "Pattern",
    "PatternRecognizer",
    "Window",
    "any_case",
    "initials",
    "within",
]

#: Name of the regex group that delimits the finding inside a pattern's match;
#: a pattern without it reports its whole match.
VALUE_GROUP = "v"

Validator = Callable[[str], bool]
#: A compiled pattern: regex, its ``re`` form for ASCII text, score, whether it has a value group
_Compiled = tuple[regex.Pattern[str], re.Pattern[str] | None, float, bool]
_Engine = regex.Pattern[str] | re.Pattern[str]
_Match = regex.Match[str] | re.Match[str]


@dataclass(frozen=True, slots=True)
class Pattern:
    """One regular expression and the score a match of it earns."""

    name: str
    regex: str
    score: float
    #: A regex that matches somewhere in every text this pattern matches,
    #: for the pattern gate (:mod:`phiguard.detect.gate`) to scan for in
    #: place of ``regex``: for a pattern whose selective parts are
    #: lookarounds, which the gate cannot use.
    gate: str | None = None
    #: Run this pattern with the standard library's ``re`` on ASCII-only
    #: text (most prompts), where ``re`` is measured faster than ``regex``:
    #: ``True`` runs ``regex`` itself under ``re``; a string is a pattern
    #: written for ``re`` that matches exactly what ``regex`` matches on
    #: any ASCII text. On ASCII text the two engines agree on ``\w``,
    #: ``\d``, ``\s``, ``\b`` and case folding, which is where they differ;
    #: tests/detect/test_engines.py checks that both forms find the same.
    ascii_re: bool | str = False


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

    __slots__ = ("_context", "_patterns", "_prefilter", "_prefilter_lower", "spec")

    def __init__(self, spec: PatternRecognizer) -> None:
        self.spec = spec
        # One regex per pattern, not one alternation: the regex engine scans
        # a lone pattern with its fast first-character search, which an
        # alternation defeats (measured: 2-10x slower), and patterns of one
        # recognizer may then match overlapping text. Case folding is slow
        # too, and only patterns with letters in them need it.
        compiled = [_compile(pattern.regex, spec.ignore_case) for pattern in spec.patterns]
        #: (regex, its form for ASCII text, score, whether it has a value group) per pattern
        self._patterns = tuple(
            (regex_, _ascii_form(pattern, regex_), pattern.score, VALUE_GROUP in regex_.groupindex)
            for regex_, pattern in zip(compiled, spec.patterns)
        )
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
        self._prefilter_lower = _lower_case_form(spec.prefilter)

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def regexes(self) -> tuple[regex.Pattern[str], ...]:
        """The compiled regex of each pattern, in the spec's order."""
        return tuple(compiled for compiled, *_ in self._patterns)

    @property
    def prefilter_lower(self) -> re.Pattern[str] | None:
        """The prefilter for lower-cased ASCII text (None: the prefilter itself runs)."""
        return self._prefilter_lower

    @property
    def ascii_forms(self) -> tuple[re.Pattern[str] | None, ...]:
        """Per pattern, what runs instead of its regex on ASCII text (None: the regex)."""
        return tuple(ascii_form for _, ascii_form, *_ in self._patterns)

    def caseless(self, index: int) -> bool:
        """Whether pattern ``index`` was compiled case-insensitive."""
        return bool(self._patterns[index][0].flags & regex.IGNORECASE)

    def find(self, text: str, *, only: Sequence[int] | None = None) -> Iterator[Finding]:
        """Yield the findings of this recognizer in ``text``, in order.

        A finding inside another one (``Mar 2024`` in ``4 Mar 2024``) is
        dropped; the outer one stands for both, with the better score.
        ``only`` runs just those patterns (by index): the pattern gate
        (:mod:`phiguard.detect.gate`) has ruled the others out.
        """
        ascii = text.isascii()
        if self._prefilter is not None:
            if ascii and self._prefilter_lower is not None:
                passes = self._prefilter_lower.search(text.lower()) is not None
            else:
                passes = self._prefilter.search(text) is not None
            if not passes:
                return
        patterns = self._patterns if only is None else [self._patterns[k] for k in only]
        found = (
            finding
            for pattern in patterns
            for finding in self._findings(text, pattern, _engine(pattern, ascii).finditer(text))
        )
        yield from _outermost(found)

    def prefilter_in(self, text: str, lowered: str | None, windows: Sequence[Window]) -> bool:
        """Whether the prefilter matches ``text`` at a position in ``windows``
        (:func:`within`); ``lowered``: the text lower-cased, if it is ASCII."""
        if self._prefilter is None:
            return True
        if lowered is not None and self._prefilter_lower is not None:
            return next(within(lowered, windows, self._prefilter_lower), None) is not None
        return next(within(text, windows, self._prefilter), None) is not None

    def find_in(self, text: str, windows: Sequence[Sequence[Window]]) -> Iterator[Finding]:
        """:meth:`find` for a long text whose prefilter passed, pattern ``k``
        tried only in ``windows[k]`` (:func:`within`): where the pattern
        gate (:mod:`phiguard.detect.gate`) could not rule it out."""
        found = (
            finding
            for pattern, pattern_windows in zip(self._patterns, windows)
            for finding in self._findings(
                text, pattern, within(text, pattern_windows, pattern[0], pattern[1])
            )
        )
        yield from _outermost(found)

    def _findings(
        self, text: str, pattern: _Compiled, matches: Iterable[_Match]
    ) -> Iterator[Finding]:
        spec = self.spec
        _, _, base_score, has_value = pattern
        for match in matches:
            start, end = match.span()
            if has_value and match.start(VALUE_GROUP) != -1:
                start, end = match.span(VALUE_GROUP)
            if start >= end:
                continue
            value = text[start:end]
            if spec.validate is not None and not spec.validate(value):
                continue
            score = base_score
            if self._context is not None and score < 1.0:
                window = text[max(0, match.start() - spec.context_window) : match.start()]
                if self._context.search(window) is not None:
                    score = min(1.0, score + spec.context_boost)
            yield Finding(start, end, spec.label, score, value, spec.name)


def _engine(pattern: _Compiled, ascii: bool) -> _Engine:
    """What runs ``pattern``: its ``re`` form on ASCII text, if it has one."""
    regex_, ascii_form, *_ = pattern
    return ascii_form if ascii and ascii_form is not None else regex_


def _outermost(findings: Iterable[Finding]) -> Iterator[Finding]:
    """``findings`` in order, each inside another dropped (its score kept if better)."""
    kept: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.start, -f.end)):
        outer = kept[-1] if kept else None
        if outer is None or finding.end > outer.end:
            kept.append(finding)
        elif finding.score > outer.score:
            kept[-1] = replace(outer, score=finding.score)
    yield from kept


class Window(NamedTuple):
    """Where a pattern is tried in a long text: at the positions from
    ``start`` to ``end``, the engine reading no further than ``endpos``
    (None: the end of the text), which must lie beyond all that a try
    before ``end`` reads (:mod:`phiguard.detect.reach`); ``ascii``: the
    pattern's ``re`` form runs there."""

    start: int
    end: int
    endpos: int | None
    ascii: bool


def within(
    text: str,
    windows: Iterable[Window],
    compiled: _Engine,
    ascii_form: _Engine | None = None,
) -> Iterator[_Match]:
    """The matches of ``compiled.finditer(text)`` that start in ``windows``
    (in order, not overlapping), given that none starts between them.

    Each window's search starts where the last match ended (or at the
    window, if later), as ``finditer`` over the whole text would, and stops
    at the first match that starts at or after the window's end.
    """
    resume = 0
    for start, end, endpos, ascii in windows:
        pos = max(start, resume)
        if pos >= end:
            continue
        engine = ascii_form if ascii and ascii_form is not None else compiled
        for match in engine.finditer(text, pos, len(text) if endpos is None else endpos):
            if match.start() >= end:
                break
            resume = match.end()
            yield match


#: What in a pattern cannot be a cased literal: escapes, \p{..} classes,
#: group names and references, and counted repeats.
_NOT_LITERAL = regex.compile(r"\\[pP]\{[^}]*\}|\\.|\(\?P?<[A-Za-z_]\w*>|\(\?P=\w+\)|\{[\d,]*\}")


def _compile(pattern: str, ignore_case: bool) -> regex.Pattern[str]:
    flags = regex.VERSION1 | regex.MULTILINE
    if ignore_case and regex.search(r"[A-Za-z]", _NOT_LITERAL.sub("", pattern)):
        flags |= regex.IGNORECASE
    return regex.compile(pattern, flags)


def _lower_case_form(prefilter: str | None) -> re.Pattern[str] | None:
    """A case-insensitive ``prefilter`` as a case-sensitive ``re`` pattern for
    lower-cased ASCII text: lower-casing the text once costs less than the
    case folding ``regex`` does at every position (3x faster on prompts).

    None for a prefilter without letters, or with an escape lower-casing
    would change (``\\D``, ``\\S``, ``\\W``, ``\\B``).
    """
    if prefilter is None or regex.search(r"\\[A-Z]", prefilter):
        return None
    if not regex.search(r"[A-Za-z]", _NOT_LITERAL.sub("", prefilter)):
        return None
    return re.compile(prefilter.lower())


def _ascii_form(pattern: Pattern, compiled: regex.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern.ascii_re`` compiled for ``re`` with the flags of ``compiled``."""
    if pattern.ascii_re is False:
        return None
    source = compiled.pattern if pattern.ascii_re is True else pattern.ascii_re
    flags = re.MULTILINE | (re.IGNORECASE if compiled.flags & regex.IGNORECASE else 0)
    return re.compile(source, flags)


def initials(words: Sequence[str]) -> str:
    """A lookahead for the first letters of ``words``, in either case.

    For ``ascii_re`` forms: ``re`` tries a pattern at every position of the
    text, and a leading alternation of words costs it one try per word; one
    class turns most positions away at once.
    """
    letters = sorted({word[0].lower() for word in words} | {word[0].upper() for word in words})
    return f"(?=[{''.join(letters)}])"


def any_case(words: Sequence[str]) -> str:
    """``(?i:word|...)`` for ASCII text as classes (``[sS][eE][eE][nN]``),
    which ``re`` matches much faster than its case-insensitive words."""
    if not all(word.isascii() and word.isalpha() for word in words):
        raise ValueError("any_case takes ASCII letters only")
    return "(?:" + "|".join("".join(f"[{c.lower()}{c.upper()}]" for c in w) for w in words) + ")"
