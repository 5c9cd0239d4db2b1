"""How far a pattern reads from where a match is tried: the bound that lets
the pattern tier take a long text piece by piece (:mod:`phiguard.detect.gate`).

A regular expression tried at position ``i`` looks at some characters
around ``i`` (what it matches, what its lookarounds, ``\\b``, ``^`` and
``$`` look at) and decides from those alone. If a window of the text holds
all of them, the try gives the same answer in the window as in the whole
text. Patterns with unbounded repeats (``\\s+``, ``[\\w.-]++``) have no
fixed reach, but a repeat only crosses the characters its body can consume.
So the bound is a count of *barriers*: every ASCII character no unbounded
repeat of the pattern can consume (every character at all, for a pattern
without one). Reading through the pattern, each step reads at most one
barrier, a bounded repeat ``{m,n}`` at most ``n`` times its body's, an
unbounded one at most its body's (its runs cross no barrier), a lookaround
its body's; :class:`Side` counts them.

To be safe where it cannot tell, the analysis gives up (:data:`UNKNOWN`:
any character may be read) on what Python's own parser reads otherwise
than the ``regex`` engine (set operations, fuzzy matching), on what it
cannot parse, and on characters that ``regex``'s full case folding lets
one pattern step match several of (``[ß]`` matches ``ss``).
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import regex

if sys.version_info >= (3, 11):
    from re import _parser as _sre
else:  # pragma: no cover - Python 3.10 cannot parse possessive repeats: UNKNOWN
    import sre_parse as _sre

__all__ = ["UNKNOWN", "Reach", "Side", "reach"]

_ASCII = frozenset(map(chr, range(128)))
#: an escape, a character class or another character of a pattern
_TOKEN = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|.", re.DOTALL)
_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
_ONE_CHARACTER = ("LITERAL", "NOT_LITERAL", "IN", "ANY")


@dataclass(frozen=True, slots=True)
class Side:
    """What a try reads on one side of where it starts: at most ``count``
    barrier characters (``count`` None: no bound is known).

    ``barriers`` finds the first ``count + 1`` barriers from where it is
    matched; None when every character is one.
    """

    count: int | None
    barriers: re.Pattern[str] | None = None

    def end(self, text: str, pos: int, limit: int) -> int | None:
        """An index that tries before ``pos`` never read at or after (nor
        test for the text's end at), if there is one up to ``limit``."""
        n = len(text)
        if self.count is not None:
            if self.barriers is None:
                end: int | None = pos + self.count + 1
            else:
                match = self.barriers.match(text, pos, min(limit, n))
                end = None if match is None else match.end()
            if end is not None and end <= min(limit, n):
                return end
        return n if limit >= n else None

    def clear(self, text: str, low: int, pos: int) -> bool:
        """Whether tries at ``pos`` or later read nothing before ``low``."""
        if low <= 0:
            return True
        if self.count is None:
            return False
        if self.barriers is None:
            return pos - low > self.count
        return self.barriers.match(text, low, pos) is not None


@dataclass(frozen=True, slots=True)
class Reach:
    """What a try reads before (lookbehinds, ``\\b``) and from where it starts."""

    before: Side
    after: Side

    def within(self, margin: int) -> bool:
        """Whether a try reads less than ``margin`` characters either side
        of where it starts, in any text."""
        return all(
            side.barriers is None and side.count is not None and side.count < margin
            for side in (self.before, self.after)
        )


UNKNOWN = Reach(Side(None), Side(None))


@functools.cache
def reach(pattern: str) -> Reach:
    """The :class:`Reach` of a ``regex`` pattern (:data:`UNKNOWN` if it cannot tell)."""
    if _other_syntax(pattern):
        return UNKNOWN
    try:
        items = _sre.parse(pattern)
        walk = _Walk(items)
        after = walk.reads(items)
        behind = [walk.reads(body) for body in walk.lookbehinds]
    except (re.error, ValueError, KeyError, RecursionError):
        return UNKNOWN
    before = (1 + sum(count for count, _ in behind), _union(runs for _, runs in behind))
    return Reach(_side(*before), _side(*after))


def _other_syntax(pattern: str) -> bool:
    """Whether ``pattern`` may hold syntax ``regex`` (VERSION1) reads otherwise
    than Python's parser: set operations or a nested set in a class, fuzzy
    constraints (``{e<=1}``) outside."""
    outside: list[str] = []
    for token in _TOKEN.findall(pattern):
        if len(token) > 1 and token[0] == "[":
            if re.search(r"--|&&|~~|\|\||\[", re.sub(r"\\.", "", token[1:-1])):
                return True
        elif token[0] != "\\":
            outside.append(token)
    return re.search(r"\{(?!\d*,?\d*\})", "".join(outside)) is not None


#: a count of barriers, and the characters unbounded repeats consume
#: (None: no unbounded repeat; non-ASCII characters count as consumed by any)
_Reads = tuple[int, frozenset[str] | None]


def _union(runs: Iterable[frozenset[str] | None]) -> frozenset[str] | None:
    found = [chars for chars in runs if chars is not None]
    return frozenset().union(*found) if found else None


def _side(count: int, runs: frozenset[str] | None) -> Side:
    if runs is None:
        return Side(count)
    barriers = "".join(sorted(_ASCII - runs))
    if not barriers:
        return Side(None)
    class_ = re.escape(barriers)
    return Side(count, re.compile(f"(?:[^{class_}]*+[{class_}]){{{count + 1}}}"))


class _Walk:
    """One walk over a parsed pattern: its groups, lookbehinds and reads."""

    def __init__(self, items: Any) -> None:
        self.groups: dict[int, Any] = {}
        self.lookbehinds: list[Any] = []
        self._index(items)

    def _index(self, items: Any) -> None:
        for op, av in items:
            name = str(op)
            if name == "SUBPATTERN":
                self.groups[av[0]] = av[3]
            elif name in ("ASSERT", "ASSERT_NOT") and av[0] < 0:
                self.lookbehinds.append(av[1])
            for body in _bodies(name, av):
                self._index(body)

    def reads(self, items: Any) -> _Reads:
        """Barriers a try of ``items`` reads (lookarounds included, looking
        either way), and what its unbounded repeats consume."""
        count = 0
        runs: list[frozenset[str] | None] = []
        for op, av in items:
            name = str(op)
            if name in _ONE_CHARACTER:
                _members(name, av)  # refuses a step that may match several characters
                count += 1
            elif name == "AT":
                count += 1  # looks at the character there (and the one before)
            elif name == "GROUPREF":
                # as long as the group, three times for case folding (ß = ss)
                group_count, group_runs = self.reads(self.groups[av])
                if group_runs is not None:
                    raise ValueError("a reference to a group of unbounded length")
                count += 3 * group_count
            elif name in _REPEATS:
                _, high, body = av
                body_count, body_runs = self.reads(body)
                if high == _sre.MAXREPEAT:
                    count += body_count
                    runs += [body_runs, self._consumed(body)]
                else:
                    count += high * body_count
                    runs.append(body_runs)
            elif name == "BRANCH":
                branches = [self.reads(branch) for branch in av[1]]
                count += max(branch_count for branch_count, _ in branches)
                runs += [branch_runs for _, branch_runs in branches]
            elif name in ("SUBPATTERN", "ATOMIC_GROUP", "ASSERT", "ASSERT_NOT", "GROUPREF_EXISTS"):
                bodies = [self.reads(body) for body in _bodies(name, av)]
                count += max(body_count for body_count, _ in bodies)
                runs += [body_runs for _, body_runs in bodies]
            else:
                raise ValueError(f"unknown step {name}")
        return count, _union(runs)

    def _consumed(self, items: Any) -> frozenset[str]:
        """The ASCII characters ``items`` can consume (not what they look around at)."""
        found: set[str] = set()
        for op, av in items:
            name = str(op)
            if name in _ONE_CHARACTER:
                found |= _members(name, av)
            elif name == "GROUPREF":
                found |= _ASCII
            elif name not in ("ASSERT", "ASSERT_NOT"):
                for body in _bodies(name, av):
                    found |= self._consumed(body)
        return frozenset(found)


def _bodies(name: str, av: Any) -> list[Any]:
    """The parsed sub-patterns directly inside one step."""
    if name == "SUBPATTERN":
        return [av[3]]
    if name == "ATOMIC_GROUP":
        return [av]
    if name in ("ASSERT", "ASSERT_NOT"):
        return [av[1]]
    if name in _REPEATS:
        return [av[2]]
    if name == "BRANCH":
        return list(av[1])
    if name == "GROUPREF_EXISTS":
        return [body for body in av[1:] if body is not None]
    return []


def _members(name: str, av: Any) -> frozenset[str]:
    """The ASCII characters a one-character step matches, in either case.

    Raises ValueError for a step naming a character whose full case
    folding is several characters long: it may match them all at once.
    """
    if name == "ANY":
        return _ASCII
    items = [("LITERAL", av)] if name != "IN" else [(str(kind), value) for kind, value in av]
    negated = name == "NOT_LITERAL" or ("NEGATE", None) in items
    parts: list[str] = []
    for kind, value in items:
        if kind == "LITERAL":
            parts.append(_char(value))
        elif kind == "RANGE":
            parts.append(f"{_char(value[0])}-{_char(value[1])}")
        elif kind == "CATEGORY":
            parts.append(_CATEGORIES[str(value)])
        elif kind != "NEGATE":
            raise ValueError(f"unknown class item {kind}")
        low, high = value if kind == "RANGE" else (value, value) if kind == "LITERAL" else (0, 0)
        if high > 127 and any(_folds_long(chr(c)) for c in range(max(low, 128), high + 1)):
            raise ValueError("a character that folds to several")
    return _class_members(("^" if negated else "") + "".join(parts))


def _char(code: int) -> str:
    return f"\\U{code:08x}"


_MEMBERS: dict[str, frozenset[str]] = {}


def _class_members(body: str) -> frozenset[str]:
    """What the class matches in ``regex`` or in ``re``: they differ (``re``'s
    ``\\s`` takes the separators \\x1c-\\x1f, ``regex``'s does not), and
    patterns run under both (:attr:`~phiguard.detect.recognizer.Pattern.ascii_re`)."""
    members = _MEMBERS.get(body)
    if members is None:
        either = (
            regex.compile(f"[{body}]", regex.VERSION1 | regex.IGNORECASE),
            re.compile(f"[{body}]", re.IGNORECASE),
        )
        members = frozenset(c for c in _ASCII for form in either if form.fullmatch(c))
        _MEMBERS[body] = members
    return members


def _folds_long(char: str) -> bool:
    return any(len(form) > 1 for form in (char.casefold(), char.lower(), char.upper()))
