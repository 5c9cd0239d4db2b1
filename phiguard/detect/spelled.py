"""Dictation: names spelled out letter by letter, numbers read out digit by digit.

``patient Teodora Vlahos spelled V L A H O S``, ``last name is O apostrophe
S H E A``, ``agatha przybylski P-R-Z-Y-B-Y-L-S-K-I``: capital letters typed
apart are a name being spelled when a spelling word comes before them
(``spelled``, ``that's``, ``last name``) or when they spell the word right
before them, which is then a name too, whatever its case. Letters typed
apart with neither (``ABCDE``, ``A-B-C``) are left alone.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import regex

from phiguard.findings import Finding

__all__ = ["SpelledRecognizer", "SpokenNumberRecognizer"]

# Two or more capital letters apart (by spaces or dashes), with the words a
# speller says between them: "O apostrophe S H E A", "N G U Y E N new word H O A"
_APART = r"(?:\s?-\s?|\s)"
_JOINER = r"\s(?:apostrophe|hyphen|dash|space|new\sword)\s"
_LETTERS = regex.compile(
    rf"(?<![\w'-])(?:(?:[A-Z](?:{_APART}|{_JOINER}))+[A-Z]"
    # in lower case too, as speech-to-text writes them: "p e a r l", "w-i-n-i-f-r-e-d"
    rf"|(?:[a-z](?:{_APART}|{_JOINER}))+[a-z])(?![\w'])(?!-\w)",
)
_CUE = regex.compile(
    r"(?:\bspell(?:ed|t|ing)?(?:\sit)?|\bthat(?:'s|’s|\sis)|\b(?:last|first|family|given|middle)"
    r"\sname(?:\sis)?|\bsurname(?:\sis)?|\bname(?:\sis)?)[\s:,]*$",
    regex.IGNORECASE,
)
# the last three words before the letters: "hwang min jun H-W-A-N-G"
_WORDS_BEFORE = regex.compile(r"([^\W\d_][\w'’-]*)(?=(?:[\s,]+[^\W\d_][\w'’-]*){0,2}[\s,]*$)")
_REACH = 40


class SpelledRecognizer:
    """Names spelled out after a spelling word, or right after themselves."""

    name = "spelled_v1"

    def find(self, text: str) -> Iterator[Finding]:
        if " " not in text and "-" not in text:
            return
        for match in _LETTERS.finditer(text):
            letters = "".join(char for char in _drop_joiners(match.group()) if char.isalpha())
            if len(letters) < 2:
                continue
            offset = max(0, match.start() - _REACH)
            before = text[offset : match.start()]
            spelled = [
                word
                for word in _WORDS_BEFORE.finditer(before)
                if _letters_of(word.group(1)) == letters.lower()
            ]
            if not spelled and not _CUE.search(before):
                continue
            for word in spelled:
                start, end = offset + word.start(1), offset + word.end(1)
                yield Finding(start, end, "NAME", 0.85, text[start:end], self.name)
            yield Finding(match.start(), match.end(), "NAME", 0.85, match.group(), self.name)


def _drop_joiners(value: str) -> str:
    return regex.sub(r"apostrophe|hyphen|dash|space|new\sword", " ", value)


def _letters_of(word: str) -> str:
    return "".join(char for char in word.lower() if char.isalpha())


# --------------------------------------------------------------------------
# Numbers read out digit by digit: "medical record number six six two zero
# four one nine", "call me back at five five five oh one two eight"

_DIGIT_WORD = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|oh|o"
    r"|double\s[a-z]+|triple\s[a-z]+"
    # Spanish, as a voicemail's transcript writes it: "cinco cinco cinco cero uno"
    r"|cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)\b"
)
_DIGIT_VALUES = {
    word: str(value)
    for words in (
        "zero one two three four five six seven eight nine",
        "cero uno dos tres cuatro cinco seis siete ocho nueve",
    )
    for value, word in enumerate(words.split())
} | {"oh": "0", "o": "0"}
_SPOKEN_KEYS = (
    ("MRN", r"medical\srecord(?:\snumber)?|record\snumber|mrn|m\sr\sn|chart\snumber"),
    (
        "PHONE",
        r"phone(?:\snumber)?|number\sto\scall|call\s(?:me\s|us\s|her\s|him\s)?(?:back\s)?(?:at|on)"
        r"|cell|mobile|callback\snumber|reach\s(?:me|us|her|him)\sat|pager|facility\sat"
        r"|tel[ée]fono|celular|n[úu]mero",
    ),
    ("ACCESSION", r"accession(?:\snumber)?"),
    ("SSN", r"ssn|social\ssecurity(?:\snumber)?|social"),
    (
        "ID",
        r"member\sid|policy\snumber|account\snumber|insurance\s(?:id|number)"
        r"|claim\s(?:number|no)",
    ),
)
_SPOKEN = regex.compile(
    r"\b(?:" + "|".join(f"(?P<{label}>{keys})" for label, keys in _SPOKEN_KEYS) + r")"
    r"(?:\s(?:is|was|of))?[\s:,]*"
    # letters first ("C R two four dash ..."), then five digit words or more
    rf"(?P<v>(?:[A-Za-z]\s){{0,3}}{_DIGIT_WORD}(?:[\s,]+(?:dash\s)?{_DIGIT_WORD}){{4,}}+)\b",
    regex.IGNORECASE,
)


# Without a key, a phone number's count of digit words (7, 10 or 11) in a
# row: "call back at five five five, zero one six eight"; no one counts
# aloud so far, and a count ("one two three four five six seven") rises
# by one from word to word, which no number of a person's does.
_SPOKEN_RUN = regex.compile(
    rf"(?<![\w-])(?P<v>{_DIGIT_WORD}(?:[\s,]+{_DIGIT_WORD}){{6,}}+)\b", regex.IGNORECASE
)
_SPOKEN_WORD = regex.compile(r"[a-z]+", regex.IGNORECASE)


def _digits_of(spoken: str) -> str | None:
    """The digits a run of single digit words reads out; None when it
    holds "double" or "triple", whose count this does not read."""
    digits = []
    for word in _SPOKEN_WORD.findall(spoken.lower()):
        if word not in _DIGIT_VALUES:
            return None
        digits.append(_DIGIT_VALUES[word])
    return "".join(digits)


_DIGIT_WORDS = frozenset(_DIGIT_VALUES) | {"double", "triple"}


def _three_digit_words(text: str) -> bool:
    """Whether three digit words follow one another (a dash between them
    aside), as every number either pattern reads does."""
    run = 0
    for word in text.lower().replace(",", " ").split():
        if word in _DIGIT_WORDS:
            run += 1
            if run == 3:
                return True
        elif word != "dash":
            run = 0
    return False


def _a_count(digits: str) -> bool:
    """Counting up or down: 1234567, 9876543."""
    steps = {int(b) - int(a) for a, b in itertools.pairwise(digits)}
    return steps in ({1}, {-1})


class SpokenNumberRecognizer:
    """Record, phone, accession and member numbers read out in words after
    their key, as speech-to-text writes a dictation; and phone numbers read
    out without one."""

    name = "spoken_number_v1"

    def find(self, text: str) -> Iterator[Finding]:
        if not _three_digit_words(text):
            return  # (what both patterns need, checked five times faster)
        keyed = set()
        for match in _SPOKEN.finditer(text):
            label = next(label for label, _ in _SPOKEN_KEYS if match.group(label) is not None)
            start, end = match.span("v")
            keyed.add(end)
            yield Finding(start, end, label, 0.85, match.group("v"), self.name)
        for match in _SPOKEN_RUN.finditer(text):
            digits = _digits_of(match.group("v"))
            start, end = match.span("v")
            if end in keyed or digits is None or _a_count(digits):
                continue
            if len(digits) in (7, 10, 11):
                yield Finding(start, end, "PHONE", 0.6, match.group("v"), self.name)
