"""NAME: names spelled out letter by letter, as dictation transcripts have them.

``patient Teodora Vlahos spelled V L A H O S``, ``last name is O apostrophe
S H E A``, ``agatha przybylski P-R-Z-Y-B-Y-L-S-K-I``: capital letters typed
apart are a name being spelled when a spelling word comes before them
(``spelled``, ``that's``, ``last name``) or when they spell the word right
before them, which is then a name too, whatever its case. Letters typed
apart with neither (``ABCDE``, ``A-B-C``) are left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from phiguard.findings import Finding

__all__ = ["SpelledRecognizer"]

# Two or more capital letters apart (by spaces or dashes), with the words a
# speller says between them: "O apostrophe S H E A", "N G U Y E N new word H O A"
_APART = r"(?:\s?-\s?|\s)"
_JOINER = r"\s(?:apostrophe|hyphen|dash|space|new\sword)\s"
_LETTERS = regex.compile(
    rf"(?<![\w'-])(?:[A-Z](?:{_APART}|{_JOINER}))+[A-Z](?![\w'])(?!-\w)",
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
