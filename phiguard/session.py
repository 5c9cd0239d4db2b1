"""Sessions: one conversation's placeholders, and restoring them in answers.

A :class:`Session` redacts every turn of one conversation with numbered
placeholders that stay the same for the same value, so the provider can
follow who is who (``[NAME_1_K7QX2]`` is the same patient in turn 1 and turn
5), and puts the original values back into the provider's answer, also
while it streams.

Placeholders carry the session's random tag (``K7QX2`` above). A session
restores only placeholders with its own tag, so an answer restored with the
wrong session keeps its placeholders instead of receiving another
conversation's values (DESIGN.md, promise 5: sessions never mix).
"""

from __future__ import annotations

import contextlib
import re
import secrets
import threading
import time
import unicodedata
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, overload

from phiguard.errors import ConfigError, InputError, failing_closed
from phiguard.findings import LABELS, Finding, Redaction
from phiguard.store import SessionStore
from phiguard.titles import LEADING_TITLE, TITLES
from phiguard.transform import Context, apply, render

if TYPE_CHECKING:
    from phiguard.guard import Guard

__all__ = ["Session", "StreamRestorer"]

#: Crockford's base32 without the letters that read as digits (I, L, O, U).
_TAG_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_TAG_LENGTH = 5
_LABEL_GROUP = "|".join(sorted(LABELS, key=len, reverse=True))
_BODY = rf"(?P<label>{_LABEL_GROUP})_(?P<number>\d{{1,6}})_(?P<tag>[0-9A-Za-z]{{{_TAG_LENGTH}}})"
#: A placeholder as an LLM may give it back: ``[NAME_1_K7QX2]``, with spaces
#: inside the brackets, in other letter case, in markdown bold (the ``**``
#: stay), or without its brackets (``NAME_1_K7QX2's``).
_PLACEHOLDER = re.compile(
    rf"\[\s*{_BODY}\s*\]|(?<![0-9A-Za-z_]){_BODY.replace('?P<', '?P<bare_')}(?![0-9A-Za-z_])",
    re.IGNORECASE,
)
#: The end of a stream chunk that may still grow into a placeholder.
_OPEN_BRACKETED = re.compile(
    rf"\[\s*(?:[A-Za-z]*|(?:{_LABEL_GROUP})_\d*|(?:{_LABEL_GROUP})_\d+_[0-9A-Za-z]*)\s*\Z",
    re.IGNORECASE,
)
_OPEN_BARE = re.compile(
    rf"(?<![0-9A-Za-z_])(?:[A-Za-z]+|(?:{_LABEL_GROUP})_\d*|(?:{_LABEL_GROUP})_\d+_[0-9A-Za-z]*)\Z",
    re.IGNORECASE,
)
#: No placeholder is longer than this (``[ ACCESSION_999999_K7QX2 ]``).
_LONGEST = 40

_NAME_WORD = re.compile(r"[^\W\d_]+")


@dataclass(slots=True)
class _Person:
    """One person's placeholder and the forms of their name seen so far."""

    placeholder: str
    words: tuple[str, ...]  # name words, folded, titles left out
    surface: str  # the form restored: the fullest seen


@dataclass(slots=True)
class _State:
    """One conversation's map: what a store keeps between turns."""

    tag: str
    shift_days: int
    secret: bytes
    used: float
    values: dict[str, str] = field(default_factory=dict)  # placeholder → original
    keys: dict[tuple[str, str], str] = field(default_factory=dict)  # (label, key) → placeholder
    counts: dict[str, int] = field(default_factory=dict)
    people: list[_Person] = field(default_factory=list)

    @classmethod
    def new(cls) -> _State:
        context = Context.random()
        tag = "".join(secrets.choice(_TAG_ALPHABET) for _ in range(_TAG_LENGTH))
        return cls(tag, context.shift_days, context.secret, time.time())

    @property
    def context(self) -> Context:
        return Context(self.shift_days, self.secret)

    def to_dict(self) -> dict[str, Any]:
        return {
            "v": 1,
            "tag": self.tag,
            "shift_days": self.shift_days,
            "secret": self.secret.hex(),
            "used": self.used,
            "values": self.values,
            "keys": [[label, key, value] for (label, key), value in self.keys.items()],
            "counts": self.counts,
            "people": [[p.placeholder, list(p.words), p.surface] for p in self.people],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> _State:
        return cls(
            tag=data["tag"],
            shift_days=int(data["shift_days"]),
            secret=bytes.fromhex(data["secret"]),
            used=float(data["used"]),
            values=dict(data["values"]),
            keys={(label, key): value for label, key, value in data["keys"]},
            counts=dict(data["counts"]),
            people=[_Person(p, tuple(words), surface) for p, words, surface in data["people"]],
        )


#: Sessions kept in memory forget their values after a day without use.
DEFAULT_TTL = 24 * 3600.0


class Session:
    """One conversation: consistent placeholders out, original values back.

    Made by :meth:`phiguard.Guard.session`. ``redact`` gives the same value
    the same placeholder in every turn, and different values different
    ones, numbered per label in order of appearance. With ``link_names``
    (the default) a later, shorter or reordered form of a name already seen
    (``Smith``, ``Mr. Smith``, ``SMITH^JOHN``, ``J. Smith`` after ``John
    Smith``) gets that person's placeholder when exactly one person fits;
    ``restore`` then gives the fullest form seen.

    The map lives in this object, or in ``store`` under ``session_id`` so
    that every worker process can continue the conversation. It is dropped
    ``ttl`` seconds (a day by default; ``None``: never) after its last use,
    or by :meth:`forget`. Safe to share between threads and tasks.
    """

    def __init__(
        self,
        guard: Guard,
        *,
        link_names: bool = True,
        ttl: float | None = DEFAULT_TTL,
        store: SessionStore | None = None,
        session_id: str | None = None,
    ) -> None:
        if ttl is not None and (
            isinstance(ttl, bool) or not isinstance(ttl, (int, float)) or ttl <= 0
        ):
            raise ConfigError("ttl: expected a positive number of seconds or None")
        if session_id is not None and (not isinstance(session_id, str) or not session_id):
            raise ConfigError("session_id: expected a non-empty string")
        if store is not None and not isinstance(store, SessionStore):
            raise ConfigError("store: expected a phiguard.store.SessionStore")
        self._guard = guard
        self._link_names = link_names
        self._ttl = ttl
        self._store = store
        self.id = session_id or secrets.token_urlsafe(12)
        self._state: _State | None = None if store is not None else _State.new()
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Session(id={self.id!r})"

    @property
    def tag(self) -> str:
        """The random tag every placeholder of this session carries.

        Raises :class:`DetectionError` if the session store fails.
        """
        with failing_closed("session store"), self._session() as state:
            return state.tag

    @contextlib.contextmanager
    def _session(self, create: bool = True) -> Iterator[_State]:
        """The session's state for one operation: loaded, then saved.

        With ``create=False`` (restoring) a stored session that does not
        exist is not created.
        """
        with self._lock:
            if self._store is None:
                state = self._state
                if state is None or (
                    self._ttl is not None and time.time() - state.used > self._ttl
                ):
                    state = self._state = _State.new()  # expired: a new map, a new tag
                yield state
                state.used = time.time()
                return
            with self._store.transaction(self.id, self._ttl) as box:
                state = _State.from_dict(box.state) if box.state else _State.new()
                yield state
                if box.state is not None or create:
                    state.used = time.time()
                    box.state = state.to_dict()

    # -- redact ---------------------------------------------------------------

    def redact(self, text: str) -> Redaction:
        """Redact one turn with this conversation's placeholders.

        Labels the guard's policy gives another operator (mask, hash, ...)
        get that operator's output instead, which restore leaves as it is.
        Raises like :meth:`phiguard.Guard.redact`, including
        :class:`~phiguard.PHIBlocked`.
        """
        findings = [_untitled(text, f) for f in self._guard.scan(text)]
        self._guard._check_blocked(findings, self.id)
        with failing_closed("transform"), self._session() as state:
            avoid = self._guard._originals(findings)
            redacted = render(text, findings, lambda f: self._replacement(state, f, avoid))
        self._guard._record(findings, self.id)
        return Redaction(redacted, tuple(findings))

    def _replacement(self, state: _State, finding: Finding, avoid: frozenset[str]) -> str:
        policy = self._guard.policy
        operator = policy.operator(finding.label)
        if operator != "placeholder":
            return apply(operator, finding, key=policy.hash_key, context=state.context, avoid=avoid)
        return self._placeholder(state, finding)

    def _placeholder(self, state: _State, finding: Finding) -> str:
        label, value = finding.label, finding.text
        # Linking also makes spellings of one value one value ("(937)
        # 555-0112" and "937-555-0112"); without it every spelling is its own.
        key = (label, _key(label, value) if self._link_names else value)
        known = state.keys.get(key)
        if known is not None:
            return known
        if label == "NAME" and self._link_names:
            person = _linked_person(state, value)
            if person is not None:
                state.keys[key] = person.placeholder
                return person.placeholder
        number = state.counts.get(label, 0) + 1
        state.counts[label] = number
        placeholder = f"[{label}_{number}_{state.tag}]"
        state.keys[key] = placeholder
        state.values[placeholder[1:-1]] = value
        if label == "NAME":
            state.people.append(_Person(placeholder, _name_words(value), value))
        return placeholder

    # -- restore --------------------------------------------------------------

    def restore(self, text: str) -> str:
        """Put this session's original values back into ``text``.

        Placeholders of other sessions, and unknown ones, are left alone.
        """
        if not isinstance(text, str):
            raise InputError(f"expected str, got {type(text).__name__}")
        return _restore(text, "", self._values())

    def _values(self) -> dict[str, str]:
        with failing_closed("restore"), self._session(create=False) as state:
            return dict(state.values)

    @overload
    def restore_stream(self, chunks: AsyncIterable[str]) -> AsyncIterator[str]: ...

    @overload
    def restore_stream(self, chunks: Iterable[str]) -> Iterator[str]: ...

    def restore_stream(
        self, chunks: Iterable[str] | AsyncIterable[str]
    ) -> Iterator[str] | AsyncIterator[str]:
        """Restore an answer as it streams, chunk by chunk.

        Takes an iterable or an async iterable of text chunks and returns the
        same kind. Each chunk is restored and passed on at once, except a
        tail that may be the start of a placeholder split across chunks
        (``[NAM`` + ``E_1_K7QX2]``), which waits for the next chunk. The
        chunks' concatenation restores exactly as :meth:`restore` of the
        whole answer would.
        """
        if isinstance(chunks, AsyncIterable):
            return self._restore_async(chunks)
        if isinstance(chunks, Iterable) and not isinstance(chunks, str):
            return self._restore_sync(chunks)
        raise InputError(f"expected an iterable of str, got {type(chunks).__name__}")

    def _restore_sync(self, chunks: Iterable[str]) -> Iterator[str]:
        stream = StreamRestorer(self)
        for chunk in chunks:
            out = stream.feed(chunk)
            if out:
                yield out
        out = stream.close()
        if out:
            yield out

    async def _restore_async(self, chunks: AsyncIterable[str]) -> AsyncIterator[str]:
        stream = StreamRestorer(self)
        async for chunk in chunks:
            out = stream.feed(chunk)
            if out:
                yield out
        out = stream.close()
        if out:
            yield out

    def stream_restorer(self) -> StreamRestorer:
        """A restorer for one stream whose chunks arrive one by one (as
        middleware sees them), with this session's values as it starts."""
        return StreamRestorer(self)

    # -- lifetime -------------------------------------------------------------

    def forget(self) -> None:
        """Drop every value this session holds; placeholders stay unrestored.

        Raises :class:`DetectionError` if the session store fails (the values
        may then still be stored).
        """
        with self._lock:
            if self._store is None:
                self._state = _State.new()
                return
            with failing_closed("session store"):
                self._store.delete(self.id)


class StreamRestorer:
    """One streamed restore: ``feed`` each chunk, ``close`` at the end.

    Each call returns the restored text that can be passed on now; a tail
    that may be the start of a placeholder waits for the next chunk.
    """

    __slots__ = ("_before", "_held", "_values")

    def __init__(self, session: Session) -> None:
        self._values = session._values()  # the map as the answer starts
        self._held = ""
        self._before = ""  # the end of what was passed on: context for the next part

    def feed(self, chunk: object) -> str:
        """Restored text to pass on after ``chunk``."""
        if not isinstance(chunk, str):
            raise InputError(f"stream chunk: expected str, got {type(chunk).__name__}")
        held = self._held + chunk
        cut = _safe_cut(held)
        self._held = held[cut:]
        return self._emit(held[:cut])

    def close(self) -> str:
        """Whatever was held back, restored: the end of the stream."""
        held, self._held = self._held, ""
        return self._emit(held)

    def _emit(self, text: str) -> str:
        if not text:
            return ""
        out = _restore(text, self._before, self._values)
        self._before = (self._before + text)[-_LONGEST:]
        return out


def _untitled(text: str, finding: Finding) -> Finding:
    """``finding`` without its leading title where the text repeats the
    title just before it (``MR MR SMITH``): restore drops a title the answer
    writes before a placeholder whose value opens with it (``Dr.
    [NAME_2]``), and would drop the text's own repeated title too."""
    title = _title_repeated(text[: finding.start], finding.text)
    if title is None or title.end() >= len(finding.text):
        return finding
    start = finding.start + title.end()
    return replace(finding, start=start, text=text[start : finding.end])


def _title_repeated(before: str, value: str) -> re.Match[str] | None:
    """The title ``value`` opens with, if ``before`` ends with it too."""
    title = LEADING_TITLE.match(value)
    if title is None or not _ends_with_word(before, title.group("title").rstrip(".")):
        return None
    return title


def _restore(text: str, before: str, values: dict[str, str]) -> str:
    """Restore ``text``, which follows the (already restored) ``before``."""
    source = before + text
    parts: list[str] = []
    position = len(before)
    for match in _PLACEHOLDER.finditer(source, len(before)):
        value = values.get(_normal_match(match))
        if value is None:
            continue
        title = _title_repeated(source[: match.start()], value)
        if title is not None:
            value = value[title.end() :]  # "Dr. [NAME_2]" from "Dr. Chidi Okafor"
        parts.append(source[position : match.start()])
        parts.append(value)
        position = match.end()
    parts.append(source[position:])
    return "".join(parts)


def _linked_person(state: _State, value: str) -> _Person | None:
    """The one person seen so far that ``value`` names, if exactly one."""
    words = _name_words(value)
    if not words:
        return None
    shorter = [p for p in state.people if _fits(words, p.words)]
    longer = [p for p in state.people if _fits(p.words, words)]
    if len(shorter) == 1 and not [p for p in longer if p is not shorter[0]]:
        return shorter[0]
    if len(longer) == 1 and not shorter:
        person = longer[0]  # a fuller form of a name seen before: restore it
        person.words, person.surface = words, value
        state.values[person.placeholder[1:-1]] = value
        return person
    return None


def _safe_cut(text: str) -> int:
    """Where ``text`` may be cut: before the earliest tail that may still
    grow into a placeholder (or into a longer one), else at its end."""
    for start in range(max(0, len(text) - _LONGEST), len(text)):
        char = text[start]
        if char == "[" and _OPEN_BRACKETED.match(text, start):
            return start
        if char.isascii() and char.isalpha() and _OPEN_BARE.match(text, start):
            return start
    return len(text)


def _ends_with_word(text: str, word: str) -> bool:
    """``text`` ends with ``word`` (any case), a full stop and spaces allowed."""
    end = text.rstrip().removesuffix(".")
    start = len(end) - len(word)
    return (
        start >= 0
        and end[start:].casefold() == word.casefold()
        and (start == 0 or not end[start - 1].isalpha())
    )


def _normal_match(match: re.Match[str]) -> str:
    groups = match.groupdict()
    label = groups["label"] or groups["bare_label"]
    number = groups["number"] or groups["bare_number"]
    tag = groups["tag"] or groups["bare_tag"]
    return f"{label.upper()}_{int(number)}_{tag.upper()}"


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _name_words(value: str) -> tuple[str, ...]:
    return tuple(w for w in _NAME_WORD.findall(_fold(value)) if w not in TITLES)


def _fits(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Every word of ``short`` is a word, or the initial of one, of ``full``,
    and the surname-like longest word of ``short`` is spelled out."""
    if not short or len(short) > len(full) or not any(len(w) > 1 for w in short):
        return False
    remaining = list(full)
    for word in sorted(short, key=len, reverse=True):
        match = next((w for w in remaining if w == word or (len(word) == 1 and w[0] == word)), None)
        if match is None:
            return False
        remaining.remove(match)
    return True


def _key(label: str, value: str) -> str:
    """What makes two values of a label the same value."""
    if label == "NAME":
        return " ".join(sorted(_name_words(value)))
    if label in {"PHONE", "SSN"}:
        digits = "".join(c for c in value if c.isdigit())
        return digits or _fold(value)
    if label in {"MRN", "ACCESSION", "ID"}:
        return "".join(c for c in value.upper() if c.isalnum()) or value
    return " ".join(_fold(value).split())
