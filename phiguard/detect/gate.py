"""One scan of the text for every pattern: which patterns can match at all.

Running some seventy pattern regexes, each a full scan of the text, was the
largest cost of the fast profile (``docs/performance.md``). The gate scans
the text once with Hyperscan, a multi-pattern engine that runs every
pattern side by side in linear time, and tells the pattern tier which of
its patterns can match; only those run their ``regex`` form, which alone
decides the findings. On 500-character chat prompts about 12 of the 83
patterns and prefilters pass.

The gate must never close on a pattern that would match, so what it scans
is an over-approximation of what the ``regex`` patterns see:

* the text is projected to ASCII, each other character becoming ``_`` if
  it is a word character and ``?`` if not (one byte per character, so
  lengths, repeats and word boundaries stay as they were);
* each pattern is rewritten to match that projection at least wherever
  the original matches the text: ``\\w``, ``\\d``, ``\\s`` and every class
  that could match a non-ASCII character also accept its stand-in,
  ``\\p{..}`` accepts anything, a non-ASCII literal becomes its stand-in,
  and a negated class drops what could exclude one;
* a leading lookbehind, which prefilter mode would drop, is consumed
  instead (:func:`consume_lookbehind`), so that what it rules out the gate
  rules out too;
* Hyperscan compiles each in prefilter mode, which approximates what it
  cannot run exactly (lookarounds, back-references, possessive repeats) by
  something that matches more, never less;
* a text with one of the few characters that fold to ASCII letters under
  case-insensitive matching (``ß``, ``ſ``, the Kelvin sign, ``ﬁ``...)
  skips the gate: every pattern runs.

Where Hyperscan is not installed (it has no wheels for Linux on ARM) or a
pattern cannot be rewritten, those patterns simply always run: the gate
changes how fast findings come, never which. The tests check both.

A long text is gated piece by piece (:class:`PatternTier`): in one scan of
a whole long text nearly every pattern would pass and then read all of
it. A piece's window rules a pattern out of the piece only if it holds
all that a try there reads (:mod:`phiguard.detect.reach`); by the rule
above, taken with the window as the text, no match then starts there.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import os
import re
import threading
from collections.abc import Iterator, Sequence

import regex

from phiguard.detect.reach import Reach, reach
from phiguard.detect.recognizer import CompiledRecognizer, Window
from phiguard.findings import Finding

logger = logging.getLogger("phiguard")

__all__ = [
    "FOLDS_TO_ASCII",
    "MARGIN",
    "OTHER_STAND_IN",
    "PIECE",
    "WORD_STAND_IN",
    "PatternTier",
    "UnsupportedPattern",
    "consume_lookbehind",
    "project",
    "rewrite",
]

#: Every non-ASCII character whose case folding (full or simple, upper,
#: lower or title case) contains an ASCII letter: under ``regex``'s
#: IGNORECASE they can match ASCII letters of a pattern, so a text holding
#: one skips the gate (tests/detect/test_gate.py recomputes this set).
FOLDS_TO_ASCII = (
    "\xdf\u0130\u0131\u0149\u017f\u01f0\u1e96\u1e97\u1e98\u1e99\u1e9a\u1e9e"
    "\u212a\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06"
)
_FOLDS = re.compile("[" + FOLDS_TO_ASCII + "]")

#: What the non-ASCII characters of the text become in the projection: a
#: word character (letters, digits, marks: ``regex``'s ``\w``) becomes
#: ``_``, any other ``?``, so word boundaries stay where they were.
WORD_STAND_IN = "_"
OTHER_STAND_IN = "?"

_NON_ASCII_WORD = regex.compile(r"[^\x00-\x7f\W]")
#: Python's ``re`` reads the separators \x1c-\x1f as ``\s``, ``regex`` and PCRE
#: do not; the detection view folds them to spaces, and the gate takes them
#: as spaces too (wider, so never wrong).
_SPACE = r"\s\x1c-\x1f"
_ANY = r"\x00-\xff"
_WORD = re.escape(WORD_STAND_IN)
_OTHER = re.escape(OTHER_STAND_IN)
#: class escapes: their PCRE form, and which stand-ins they may match
_CLASSES = {"w": (r"\w", True, False), "d": (r"\d", True, False), "s": (_SPACE, False, True)}
#: escapes PCRE reads as ``regex`` does on the projection
_KEPT = set("WDSbBntrfv")


class UnsupportedPattern(ValueError):
    """A pattern the rewrite does not understand; it runs ungated."""


def project(text: str) -> bytes:
    """``text`` in ASCII, one byte per character (see :data:`WORD_STAND_IN`)."""
    if not text.isascii():
        text = _NON_ASCII_WORD.sub(WORD_STAND_IN, text)
    return text.encode("ascii", "replace")  # "replace" writes OTHER_STAND_IN


def rewrite(pattern: str) -> str:
    """The Hyperscan pattern that matches :func:`project` of any text the
    ``regex`` pattern matches (and possibly more).

    Raises :class:`UnsupportedPattern` for syntax it does not handle.
    """
    pattern = consume_lookbehind(pattern)
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        char = pattern[i]
        if char == "[":
            i = _rewrite_class(pattern, i, out)
        elif char == "\\":
            code = _escape_code(pattern, i)
            if code in _CLASSES:
                class_, word, other = _CLASSES[code]
                out.append(f"[{class_}{_WORD if word else ''}{_OTHER if other else ''}]")
            elif code in "pP":
                out.append(f"[{_ANY}]")
                i = pattern.index("}", i) - 1
            else:
                out.append("\\" + code)
            i += 2
        elif char.isascii():
            out.append(char)
            i += 1
        else:
            out.append(_WORD if _NON_ASCII_WORD.match(char) else _OTHER)
            i += 1
    return "".join(out)


#: a leading negative lookbehind for one class: ``(?<![\w.-])``
_NOT_AFTER_CLASS = re.compile(r"\(\?<!\[(?P<body>[^]^\\]|\\.)(?P<rest>(?:[^]\\]|\\.)*)\]\)")


def consume_lookbehind(pattern: str) -> str:
    """``pattern`` with a leading lookbehind turned into something it consumes.

    Hyperscan's prefilter mode drops lookarounds, so ``(?<![\\w.-])\\d{5}``
    would gate on any five digits, inside longer numbers too, and patterns
    that start so run on most texts. What a leading lookbehind asks of the
    text before a match can be asked by consuming that text instead:
    ``(?<=Y)R`` becomes ``(?:Y)R`` and ``(?<![X])R`` becomes
    ``(?:^|[^X])R``. Each matches wherever the original matches (only
    starting earlier), which is all the gate needs.
    """
    if pattern.startswith("(?<="):
        end = _group_end(pattern, 0)
        return f"(?:{pattern[4:end]}){pattern[end + 1 :]}"
    match = _NOT_AFTER_CLASS.match(pattern)
    if match:
        return f"(?:^|[^{match['body']}{match['rest']}]){pattern[match.end() :]}"
    return pattern


def _group_end(pattern: str, i: int) -> int:
    """The index of the ``)`` that closes the group opened at ``pattern[i]``."""
    depth = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 1
        elif char == "[":  # a "]" first in a class is a literal
            i = start = i + 1 + (pattern[i + 1 : i + 2] == "^")
            while pattern[i] != "]" or i == start:
                i += 2 if pattern[i] == "\\" else 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise UnsupportedPattern("unbalanced group")


def _escape_code(pattern: str, i: int) -> str:
    code = pattern[i + 1 : i + 2]
    if not code:
        raise UnsupportedPattern("trailing backslash")
    if code in "pP":
        if pattern[i + 2 : i + 3] != "{" or "}" not in pattern[i:]:
            raise UnsupportedPattern("property without braces")
    elif code not in _CLASSES and code not in _KEPT and (code.isalnum() or not code.isascii()):
        raise UnsupportedPattern(f"escape \\{code}")
    return code


def _rewrite_class(pattern: str, i: int, out: list[str]) -> int:
    """Rewrite the class at ``pattern[i]`` into ``out``; return the index after it.

    A positive class gains the stand-ins of the non-ASCII characters it
    may match. A negated class loses every member that could exclude a
    stand-in (the stand-ins themselves, non-ASCII literals, properties):
    dropping a member of a negated class only widens it.
    """
    i += 1
    negated = pattern[i : i + 1] == "^"
    i += negated
    body: list[str] = []
    word = other = False
    start = i
    while True:
        if i >= len(pattern):
            raise UnsupportedPattern("unterminated class")
        char = pattern[i]
        if char == "]" and i > start:
            break
        if char == "[":
            raise UnsupportedPattern("nested class")
        if not char.isascii() and "-" in (pattern[i - 1], pattern[i + 1 : i + 2]):
            raise UnsupportedPattern("non-ASCII range")
        if char == "\\":
            code = _escape_code(pattern, i)
            if code in _CLASSES:
                class_, is_word, is_other = _CLASSES[code]
                body.append(class_)
                word, other = word or is_word, other or is_other
            elif code in "pP":
                word = other = True
                i = pattern.index("}", i) - 1
            elif code in (WORD_STAND_IN, OTHER_STAND_IN) and negated:
                pass
            elif code in "bB":
                raise UnsupportedPattern("backspace in a class")
            else:
                body.append("\\" + code)
            i += 2
            continue
        if not char.isascii():
            if _NON_ASCII_WORD.match(char):
                word = True
            else:
                other = True
        elif negated and char in (WORD_STAND_IN, OTHER_STAND_IN):
            pass
        elif char == "]" or (char == "-" and (i == start or pattern[i + 1 : i + 2] == "]")):
            body.append("\\" + char)  # a literal at either end stays literal as the class grows
        else:
            body.append(char)
        i += 1
    if negated:
        out.append(f"[^{''.join(body)}]" if body else f"[{_ANY}]")
    else:
        out.append(f"[{''.join(body)}{_WORD if word else ''}{_OTHER if other else ''}]")
    return i + 1


class _Gate:
    """A Hyperscan database of rewritten patterns; ids in, hit ids out."""

    def __init__(self, expressions: Sequence[tuple[int, str, bool]]) -> None:
        import hyperscan

        base = (
            hyperscan.HS_FLAG_PREFILTER
            | hyperscan.HS_FLAG_SINGLEMATCH
            | hyperscan.HS_FLAG_MULTILINE
            | hyperscan.HS_FLAG_ALLOWEMPTY
        )
        self._db = hyperscan.Database()
        self._db.compile(
            expressions=[expression.encode("ascii") for _, expression, _ in expressions],
            ids=[id_ for id_, _, _ in expressions],
            elements=len(expressions),
            flags=[
                base | (hyperscan.HS_FLAG_CASELESS if caseless else 0)
                for *_, caseless in expressions
            ],
        )
        self._prototype = hyperscan.Scratch(self._db)
        self._local = threading.local()  # scratch space is per thread
        self._expressions = {expression[0]: expression for expression in expressions}
        self._alone: dict[int, _Gate | None] = {}

    def hits(self, text: str) -> set[int]:
        return self.scan(project(text))

    def alone(self, id_: int) -> _Gate | None:
        """A gate of expression ``id_`` alone (None if Hyperscan refuses it),
        compiled on first use: it scans some ten times faster than all."""
        if id_ not in self._alone:
            try:
                self._alone[id_] = _Gate([self._expressions[id_]])
            except Exception:  # hyperscan.error
                self._alone[id_] = None
        return self._alone[id_]

    def scan(self, projected: bytes) -> set[int]:
        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            scratch = self._local.scratch = self._prototype.clone()
        found: set[int] = set()
        self._db.scan(projected, match_event_handler=_collect, context=found, scratch=scratch)
        return found


def _collect(id_: int, _start: int, _end: int, _flags: int, found: object) -> None:
    found.add(id_)  # type: ignore[attr-defined]  # the set scan() hands back


#: A text longer than two pieces is gated piece by piece (:class:`PatternTier`).
PIECE = 2_000
#: How far each piece's gate window reaches beyond it on either side.
MARGIN = 400
#: How many pieces beyond its own a pattern's window may reach.
FAR = 4
#: Where the ``re`` and ``regex`` engines may read a long text differently,
#: the engine is chosen for stretches of this many characters.
SWITCH = 250

#: what ``re`` and ``regex`` read alike (ASCII without the separators \x1c-\x1f)
_UNCLEAN = re.compile(r"[^\x00-\x1b\x20-\x7f]")


class PatternTier:
    """Every pattern recognizer behind one gate; a recognizer in itself.

    A text of a few KB is gated whole. In a longer one nearly every pattern
    would pass, and each would then run over all of it, so it is gated
    piece by piece instead (:class:`_Pieces`: ``piece`` characters each,
    scanned with ``margin`` more on either side), and each pattern tried
    only in the pieces it passes.
    """

    name = "patterns"

    def __init__(
        self,
        recognizers: Sequence[CompiledRecognizer],
        *,
        gated: bool = True,
        piece: int = PIECE,
        margin: int = MARGIN,
    ) -> None:
        self.members = tuple(recognizers)
        self._piece = piece
        self._margin = margin
        #: per member: gate id of its prefilter (or None), gate ids of its patterns
        self._ids: list[tuple[int | None, tuple[int | None, ...]]] = []
        expressions: list[tuple[int, str, bool]] = []

        def add(pattern: str, caseless: bool) -> int | None:
            try:
                expression = rewrite(pattern)
            except UnsupportedPattern:
                return None
            expressions.append((len(expressions), expression, caseless))
            return len(expressions) - 1

        for member in self.members:
            prefilter = member.spec.prefilter
            prefilter_id = add(prefilter, True) if prefilter else None
            pattern_ids = tuple(
                add(pattern.gate or compiled.pattern, member.caseless(k))
                for k, (pattern, compiled) in enumerate(zip(member.spec.patterns, member.regexes))
            )
            self._ids.append((prefilter_id, pattern_ids))
        self._slot = _slot(tuple(expressions)) if gated and expressions else None
        if self._slot is not None:
            self._slot.start()

    @property
    def gated(self) -> bool:
        """Whether Hyperscan gates the patterns now (False: every pattern runs)."""
        return self._slot is not None and self._slot.gate is not None

    def wait_for_gate(self, timeout: float | None = None) -> bool:
        """Wait until the gate is compiled (or known unavailable); return :attr:`gated`."""
        if self._slot is not None:
            self._slot.start()
            self._slot.done.wait(timeout)
        return self.gated

    def find(self, text: str) -> Iterator[Finding]:
        gate = None if self._slot is None else self._slot.gate
        if gate is not None and len(text) > 2 * self._piece:
            yield from self._find_in_pieces(text, gate)
            return
        folds = not text.isascii() and _FOLDS.search(text) is not None
        hits = None if gate is None or folds else gate.hits(text)
        for member, (prefilter_id, pattern_ids) in zip(self.members, self._ids):
            if hits is None:
                yield from member.find(text)
                continue
            if prefilter_id is not None and prefilter_id not in hits:
                continue
            open_ = [k for k, id_ in enumerate(pattern_ids) if id_ is None or id_ in hits]
            if open_:
                yield from member.find(text, only=open_)

    def _find_in_pieces(self, text: str, gate: _Gate) -> Iterator[Finding]:
        """:meth:`find` for a long text: the same findings, engines and forms
        as :meth:`CompiledRecognizer.find` of each member over the whole text,
        each pattern tried only in the pieces it passes."""
        pieces = _Pieces(text, gate, self._piece, self._margin)
        ascii = text.isascii()
        lowered = text.lower() if ascii else None
        for member, (prefilter_id, pattern_ids) in zip(self.members, self._ids):
            prefilter = member.spec.prefilter
            if prefilter is not None:
                windows = pieces.windows(prefilter_id, reach(prefilter), ascii=ascii)
                if not member.prefilter_in(text, lowered, windows):
                    continue
            found = []
            for id_, pattern, compiled, form in zip(
                pattern_ids, member.spec.patterns, member.regexes, member.ascii_forms
            ):
                runs = form if ascii and form is not None else compiled
                # a form that is the pattern itself can take over wherever the text is clean
                same = form is not None and pattern.ascii_re is True
                found.append(pieces.windows(id_, reach(runs.pattern), ascii=ascii, switch=same))
            yield from member.find_in(text, found)


class _Pieces:
    """A long text in pieces, each gated with a window around it.

    A pattern (or prefilter) is tried only in the pieces whose window it
    passes, or whose window may not hold all that a try in the piece
    reads (:mod:`phiguard.detect.reach`). In the others no match starts:
    had one started there, the pattern would match the window taken as a
    text of its own, and the gate never rules out a pattern on a text it
    matches. A pattern that may read further than its piece's window is
    gated alone, in a window that holds all it reads.
    """

    def __init__(self, text: str, gate: _Gate, size: int, margin: int) -> None:
        self._text = text
        self._gate = gate
        self._size = size
        self._margin = margin
        self._projected = project(text)
        #: where a character folds to ASCII letters (the gate is blind there)
        self._folds = [] if text.isascii() else [m.start() for m in _FOLDS.finditer(text)]
        #: where the engines may read the text differently (None: in too many places)
        unclean = list(itertools.islice(_UNCLEAN.finditer(text), len(text) // SWITCH))
        self._unclean = (
            None if len(unclean) == len(text) // SWITCH else [m.start() for m in unclean]
        )
        #: each piece: start, end, its window's start and end, the gate's hits there
        self._pieces = []
        for start in range(0, len(text), size):
            end = min(len(text), start + size)
            low, high = max(0, start - margin), min(len(text), end + margin)
            self._pieces.append((start, end, low, high, self._scan(gate, low, high)))

    def windows(
        self, id_: int | None, bound: Reach, *, ascii: bool, switch: bool = False
    ) -> list[Window]:
        """Where the pattern with gate id ``id_`` and reach ``bound`` must be
        tried, in windows that end beyond all that a try in them reads.

        ``ascii``: its ``re`` form runs everywhere; ``switch``: its ``re``
        form matches as its ``regex`` form, and takes over wherever a try
        reads only what the two engines read alike (:meth:`_clean`). Where
        no such end lies within ``FAR`` pieces, the rest of the text is one
        window.
        """
        text = self._text
        near = bound.within(self._margin)
        windows: list[Window] = []
        for start, end, low, high, hits in self._pieces:
            if near and hits is not None and id_ is not None and id_ not in hits:
                continue  # the gate saw all that tries in the piece read, and ruled it out
            endpos = bound.after.end(text, end, end + FAR * self._size)
            if endpos is None:
                windows.append(Window(start, len(text), None, ascii))
                break
            if id_ is not None and self._rules_out(id_, bound, start, endpos, (low, high, hits)):
                continue
            for window in (
                self._by_engine(start, end, endpos, bound)
                if switch and not ascii
                else [Window(start, end, endpos, ascii)]
            ):
                last = windows[-1] if windows else None
                if last is not None and last.end == window.start and last.ascii == window.ascii:
                    windows[-1] = window._replace(start=last.start)
                else:
                    windows.append(window)
        return windows

    def _rules_out(
        self,
        id_: int,
        bound: Reach,
        start: int,
        endpos: int,
        window: tuple[int, int, set[int] | None],
    ) -> bool:
        """Whether the gate rules out a match of ``id_`` starting in the piece
        at ``start``, where tries read no further than ``endpos``, by the
        piece's ``window`` (start, end, hits) if it holds all they read, else
        by a window that does, gated for ``id_`` alone."""
        text = self._text
        low, high, hits = window
        if hits is None or id_ in hits:
            return False
        clear = bound.before.clear(text, low, start)
        if clear and endpos <= high:
            return True
        if not clear:
            low = max(0, start - FAR * self._size)
            if not bound.before.clear(text, low, start):
                return False
        alone = self._scan(self._gate.alone(id_), low, max(high, endpos))
        return alone is not None and id_ not in alone

    def _scan(self, gate: _Gate | None, low: int, high: int) -> set[int] | None:
        """The gate's hits in ``[low, high)`` (None: it cannot tell)."""
        if gate is None or _any_within(self._folds, low, high):
            return None
        return gate.scan(self._projected[low:high])

    def _by_engine(self, start: int, end: int, endpos: int, bound: Reach) -> list[Window]:
        """``[start, end)`` in windows of ``SWITCH`` characters, each for
        the ``re`` form where :meth:`_clean`, else for ``regex`` (whole, if
        all of it is clean)."""
        if self._clean(start, endpos, bound):
            return [Window(start, end, endpos, True)]
        windows = []
        for low in range(start, end, SWITCH):
            high = min(end, low + SWITCH)
            reads_to = bound.after.end(self._text, high, endpos) or endpos
            windows.append(Window(low, high, reads_to, self._clean(low, reads_to, bound)))
        return windows

    def _clean(self, start: int, endpos: int, bound: Reach) -> bool:
        """Whether tries from ``start`` reading up to ``endpos`` read only
        what ``re`` and ``regex`` read alike: ASCII, but for the separators
        \\x1c-\\x1f, which ``re`` counts as spaces and ``regex`` does not."""
        low = max(0, start - SWITCH)
        return (
            self._unclean is not None
            and bound.before.clear(self._text, low, start)
            and not _any_within(self._unclean, low, endpos)
        )


def _any_within(positions: Sequence[int], low: int, high: int) -> bool:
    """Whether any of the sorted ``positions`` lies in ``[low, high)``."""
    first = bisect.bisect_left(positions, low)
    return first < len(positions) and positions[first] < high


class _Slot:
    """Where the gate of one set of expressions will be, once compiled.

    Compiling takes Hyperscan a second or two, so it happens once per
    process, on a daemon thread: a Guard is ready at once and runs every
    pattern until the gate is in place (same findings, only slower).
    """

    def __init__(self, expressions: tuple[tuple[int, str, bool], ...]) -> None:
        self._expressions = expressions
        self._lock = threading.Lock()
        self._started = False
        self.done = threading.Event()
        self.gate: _Gate | None = None

    def start(self) -> None:
        with self._lock:
            if self._started:
                return
            self._started = True
        threading.Thread(target=self._compile, name="phiguard-gate", daemon=True).start()

    def _compile(self) -> None:
        try:
            self.gate = _Gate(self._expressions)
        except ImportError:
            pass
        except Exception:  # hyperscan.error: a pattern it cannot compile even approximately
            logger.warning("pattern gate off: Hyperscan rejected a pattern; every pattern runs")
        finally:
            self.done.set()

    def _after_fork(self) -> None:
        # the compiling thread did not survive the fork: start again when asked
        if not self.done.is_set():
            self._lock = threading.Lock()
            self._started = False


_SLOTS: dict[tuple[tuple[int, str, bool], ...], _Slot] = {}
_SLOTS_LOCK = threading.Lock()


def _slot(expressions: tuple[tuple[int, str, bool], ...]) -> _Slot:
    with _SLOTS_LOCK:
        return _SLOTS.setdefault(expressions, _Slot(expressions))


def _reset_after_fork() -> None:
    global _SLOTS_LOCK
    _SLOTS_LOCK = threading.Lock()
    for slot in _SLOTS.values():
        slot._after_fork()


os.register_at_fork(after_in_child=_reset_after_fork)
