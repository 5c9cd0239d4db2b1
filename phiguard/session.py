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

import re
import secrets
import threading
import unicodedata
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, overload

from phiguard.errors import DetectionError, InputError
from phiguard.findings import LABELS, Finding, Redaction
from phiguard.transform import Context, apply, render

if TYPE_CHECKING:
    from phiguard.guard import Guard

__all__ = ["Session"]

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

_TITLE = re.compile(
    r"(?P<title>(?:dr|doctor|mr|mrs|ms|miss|mx|prof|professor|rev)\.?)\s+", re.IGNORECASE
)
_TITLES = frozenset("dr doctor mr mrs ms miss mx prof professor sr fr rev mister madam".split())
_NAME_WORD = re.compile(r"[^\W\d_]+")


@dataclass(slots=True)
class _Person:
    """One person's placeholder and the forms of their name seen so far."""

    placeholder: str
    words: tuple[str, ...]  # name words, folded, titles left out
    surface: str  # the form restored: the fullest seen


@dataclass(slots=True)
class _Map:
    values: dict[str, str] = field(default_factory=dict)  # placeholder → original
    keys: dict[tuple[str, str], str] = field(default_factory=dict)  # (label, key) → placeholder
    counts: dict[str, int] = field(default_factory=dict)
    people: list[_Person] = field(default_factory=list)


class Session:
    """One conversation: consistent placeholders out, original values back.

    Made by :meth:`phiguard.Guard.session`. ``redact`` gives the same value
    the same placeholder in every turn, and different values different
    ones, numbered per label in order of appearance. With ``link_names``
    (the default) a later, shorter or reordered form of a name already seen
    (``Smith``, ``Mr. Smith``, ``SMITH^JOHN``, ``J. Smith`` after ``John
    Smith``) gets that person's placeholder when exactly one person fits;
    ``restore`` then gives the fullest form seen. Safe to share between
    threads and tasks.
    """

    def __init__(self, guard: Guard, *, link_names: bool = True) -> None:
        self._guard = guard
        self._link_names = link_names
        self.tag = "".join(secrets.choice(_TAG_ALPHABET) for _ in range(_TAG_LENGTH))
        self._map = _Map()
        self._lock = threading.Lock()
        # one date shift and one surrogate secret for the whole conversation
        self._context = Context.random()

    def __repr__(self) -> str:
        return f"Session(tag={self.tag!r}, placeholders={len(self._map.values)})"

    # -- redact ---------------------------------------------------------------

    def redact(self, text: str) -> Redaction:
        """Redact one turn with this conversation's placeholders.

        Labels the guard's policy gives another operator (mask, hash, ...)
        get that operator's output instead, which restore leaves as it is.
        Raises like :meth:`phiguard.Guard.redact`, including
        :class:`~phiguard.PHIBlocked`.
        """
        findings = self._guard.scan(text)
        self._guard._check_blocked(findings, self.tag)
        try:
            with self._lock:
                redacted = render(text, findings, self._replacement)
        except Exception as exc:
            raise DetectionError(f"transform failed ({type(exc).__name__})") from None
        self._guard._record(findings, self.tag)
        return Redaction(redacted, tuple(findings))

    def _replacement(self, finding: Finding) -> str:
        policy = self._guard.policy
        operator = policy.operator(finding.label)
        if operator != "placeholder":
            return apply(operator, finding, key=policy.hash_key, context=self._context)
        return self._placeholder(finding)

    def _placeholder(self, finding: Finding) -> str:
        label, value = finding.label, finding.text
        key = (label, _key(label, value))
        known = self._map.keys.get(key)
        if known is not None:
            return known
        if label == "NAME" and self._link_names:
            person = self._linked_person(value)
            if person is not None:
                self._map.keys[key] = person.placeholder
                return person.placeholder
        number = self._map.counts.get(label, 0) + 1
        self._map.counts[label] = number
        placeholder = f"[{label}_{number}_{self.tag}]"
        self._map.keys[key] = placeholder
        self._map.values[_normal(placeholder)] = value
        if label == "NAME":
            self._map.people.append(_Person(placeholder, _name_words(value), value))
        return placeholder

    def _linked_person(self, value: str) -> _Person | None:
        """The one person seen so far that ``value`` names, if exactly one."""
        words = _name_words(value)
        if not words:
            return None
        shorter = [p for p in self._map.people if _fits(words, p.words)]
        longer = [p for p in self._map.people if _fits(p.words, words)]
        if len(shorter) == 1 and not [p for p in longer if p is not shorter[0]]:
            return shorter[0]
        if len(longer) == 1 and not shorter:
            person = longer[0]  # a fuller form of a name seen before: restore it
            person.words, person.surface = words, value
            self._map.values[_normal(person.placeholder)] = value
            return person
        return None

    # -- restore --------------------------------------------------------------

    def restore(self, text: str) -> str:
        """Put this session's original values back into ``text``.

        Placeholders of other sessions, and unknown ones, are left alone.
        """
        if not isinstance(text, str):
            raise InputError(f"expected str, got {type(text).__name__}")
        return self._restore(text, "")

    def _restore(self, text: str, before: str) -> str:
        """Restore ``text``, which follows the (already restored) ``before``."""
        source = before + text
        parts: list[str] = []
        position = len(before)
        with self._lock:
            values = self._map.values
            for match in _PLACEHOLDER.finditer(source, len(before)):
                value = values.get(_normal_match(match))
                if value is None:
                    continue
                title = _TITLE.match(value)
                if title is not None and _ends_with_word(
                    source[: match.start()], title.group("title").rstrip(".")
                ):
                    value = value[title.end() :]  # "Dr. [NAME_2]" from "Dr. Chidi Okafor"
                parts.append(source[position : match.start()])
                parts.append(value)
                position = match.end()
        parts.append(source[position:])
        return "".join(parts)

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
        stream = _Stream(self)
        for chunk in chunks:
            out = stream.feed(chunk)
            if out:
                yield out
        out = stream.close()
        if out:
            yield out

    async def _restore_async(self, chunks: AsyncIterable[str]) -> AsyncIterator[str]:
        stream = _Stream(self)
        async for chunk in chunks:
            out = stream.feed(chunk)
            if out:
                yield out
        out = stream.close()
        if out:
            yield out

    # -- lifetime -------------------------------------------------------------

    def forget(self) -> None:
        """Drop every value this session holds; placeholders stay unrestored."""
        with self._lock:
            self._map = _Map()


class _Stream:
    """The state of one streamed restore: the held-back tail."""

    __slots__ = ("_before", "_held", "_session")

    def __init__(self, session: Session) -> None:
        self._session = session
        self._held = ""
        self._before = ""  # the end of what was passed on: context for the next part

    def feed(self, chunk: object) -> str:
        if not isinstance(chunk, str):
            raise InputError(f"stream chunk: expected str, got {type(chunk).__name__}")
        held = self._held + chunk
        cut = _safe_cut(held)
        self._held = held[cut:]
        return self._emit(held[:cut])

    def close(self) -> str:
        held, self._held = self._held, ""
        return self._emit(held)

    def _emit(self, text: str) -> str:
        if not text:
            return ""
        out = self._session._restore(text, self._before)
        self._before = (self._before + text)[-_LONGEST:]
        return out


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


def _normal(placeholder: str) -> str:
    match = _PLACEHOLDER.fullmatch(placeholder)
    assert match is not None
    return _normal_match(match)


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
    return tuple(w for w in _NAME_WORD.findall(_fold(value)) if w not in _TITLES)


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
