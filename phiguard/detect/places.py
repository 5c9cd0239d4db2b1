"""ADDRESS: cities and towns named without a street (``lives in Chicago``).

A capitalised name from the place lists (USPS city names, and GeoNames'
towns of 15,000 people or more abroad) is a place when
a locative word comes before it (``in``, ``from``, ``near``, ``resident
of``) or a state follows it (``Springfield, Illinois``, ``Mobile, AL``); a
place of two words or more also after a comma (``Lakeside Clinic, San
Diego``, ``Valley Clinic, New York``; not ``Hodgkin, Ann Arbor stage II``).
In lower case, a place after a word that puts someone there (``lives in
dallas``, ``moved from san diego``): of two words or more, or a word in no
word list (WordNet lists some towns, Flagstaff among them, as words).
A one-word place that is also a common given name or a clinical word needs
the state: ``to Marion`` may be a person, ``in Mass`` a hospital's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from phiguard.detect.address import AMBIGUOUS_STATE_CODES, CLEAR_STATE_CODES
from phiguard.detect.lexicons import Lexicons
from phiguard.detect.names import COMPASS, FREQUENT_FIRST_NAME
from phiguard.findings import Finding

__all__ = ["PlaceRecognizer"]

_STATE_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia"
    "|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland"
    "|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada"
    "|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma"
    "|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah"
    "|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming"
)
#: A state written right after the city, with no comma: "Brooklyn NY".
_STATE = regex.compile(f"{_STATE_NAMES}|{CLEAR_STATE_CODES}")
_WORD = r"\p{Lu}[\p{L}'’.-]*+"
# A capitalised run of one to three words, then maybe ", State".
_CANDIDATE = regex.compile(
    rf"(?<![\p{{L}}'’-])(?P<name>{_WORD}(?:[ -]{_WORD}){{0,2}})"
    # a state code that is a word or an abbreviation too (CT, MD, OR) only
    # after a comma: "Dayton CT" is a scan, "Hartford, CT" a place
    rf"(?P<state>(?:,?[ ](?:{_STATE_NAMES}|{CLEAR_STATE_CODES})|,[ ](?:{AMBIGUOUS_STATE_CODES}))"
    rf"(?![\p{{L}}-]))?",
    regex.VERSION1,
)
_LOCATIVE = regex.compile(
    r"(?i:\b(?:in|from|near|to|at|around|outside|of|visit|visited|visiting|moved|lives|living|"
    r"resides|residing|resident|native|based)\s+(?:(?:the|our|their|his|her|your)\s+)?)$"
)


# A lower-case place after a word that puts someone there: "lives in dayton".
_LOWER_PLACE = re.compile(
    # (the verbs in any case: "Lives in dallas")
    # (the first letters looked ahead for: re tries the words at every \b)
    r"\b(?=[lrmvfn])(?:(?P<home>lives|living|resides|residing|moved|moving|relocated)"
    r"\s(?:in|to|from|near)|visiting|from|near)\s(?P<name>[a-z][a-z'-]+(?:\s[a-z][a-z'-]+){0,2})",
    re.IGNORECASE,
)


class PlaceRecognizer:
    """US cities and towns, by a locative word before them or a state after."""

    name = "place_v1"

    def __init__(self, lexicons: Lexicons) -> None:
        self._lex = lexicons
        #: The first words of the places: most capitalised runs open with none.
        self._openers = frozenset(place.split(" ", 1)[0] for place in lexicons.places)

    def _ambiguous(self, name: str) -> bool:
        """A one-word place that is also a given name or clinical (Marion, Mass)."""
        return " " not in name and (
            self._lex.first_names.get(name, 0) >= FREQUENT_FIRST_NAME or name in self._lex.clinical
        )

    def _city_state(self, match: regex.Match[str]) -> Iterator[Finding]:
        """``Valley Clinic, New York``: a run that is no place took, as its
        state, a state that is also a city of two words (New York)."""
        state = match.group("state")
        if state is None or not state.startswith(","):
            return
        name = state.lstrip(", ")
        if " " in name and name.lower() in self._lex.places:
            start = match.end("state") - len(name)
            yield Finding(start, match.end("state"), "ADDRESS", 0.7, name, self.name)

    def find(self, text: str) -> Iterator[Finding]:
        for match in _CANDIDATE.finditer(text):
            place = self._place(text, match)
            if place is not None:
                yield place
            if match.group("state") is not None and (place is None or place.end < match.end()):
                yield from self._city_state(match)
        for lower in _LOWER_PLACE.finditer(text):
            yield from self._lower_place(lower)

    def _lower_place(self, match: re.Match[str]) -> Iterator[Finding]:
        """``lives in dallas``, ``moved from san diego``: the longest run
        of lower-case words that is a place: of two words or more, or a word
        in no word list (not ``from home``, ``near death``); after ``from``
        or ``near`` no given name either (``a page from dallas``)."""
        words = match.group("name").split(" ")
        for size in range(len(words), 0, -1):
            name = " ".join(words[:size])
            if name in self._lex.places:
                break
        else:
            return
        if not name.islower():
            return  # the verb may be capitalised, the place is not
        if size == 1 and (name in self._lex.english or name in self._lex.clinical):
            return
        if match.group("home") is None and self._ambiguous(name):
            return
        start = match.start("name")
        yield Finding(start, start + len(name), "ADDRESS", 0.7, name, self.name)

    def _place(self, text: str, match: regex.Match[str]) -> Finding | None:
        """The place a capitalised run begins with, if its context makes it one."""
        words = match.group("name").split()
        opener = words[0].lower()
        if opener not in self._openers and opener.rstrip(".") not in self._openers:
            return None  # no place begins so
        # the longest leading run of words that is a place: "New York City"
        for size in range(len(words), 0, -1):
            name = " ".join(words[:size]).lower().rstrip(".")
            if name in self._lex.places:
                break
        else:
            return None
        start = match.start("name")
        end = start + len(" ".join(words[:size]).rstrip("."))
        rest = " ".join(words[size:])
        if name in self._lex.regions or name in COMPASS:
            # "from Turkey", "in New England"; a town named Central (SC) is
            # no town in "from Central and South America"
            return None
        # "Brooklyn NY": the capitalised run took the state in
        with_state = (not rest and match.group("state") is not None) or (
            rest != "" and _STATE.fullmatch(rest) is not None
        )
        before = text[max(0, start - 30) : start]
        if with_state:
            end = match.end()
            score = 0.85
        elif _LOCATIVE.search(before) and not self._ambiguous(name):
            score = 0.8 if " " in name else 0.7  # New York: no one's name
        elif " " in name and before.endswith(", ") and name not in self._lex.clinical:
            score = 0.7  # "Lakeside Clinic, San Diego": where a place is
        else:
            return None
        return Finding(start, end, "ADDRESS", score, text[start:end], self.name)
