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

Abroad and in other languages: a place after ``em``, ``en``, ``à``,
``nel``, ``fi``, ``aus``, ``vive a``... (``está no Lar ... em Viseu``), before a Hindi
postposition and a word in no word list (``Delhi me rehte``), after a
street, a flat or a neighbourhood and a comma (``14 Bay Rd, Harwich``,
``Lajpat Nagar, Delhi``), and after a postcode (``35000 Rennes``, which
the finding takes in). A ZIP after ``City, State`` is taken in too. In
lower case a place of two words or more also after a bare ``in`` (``at my
moms in garden grove``), never ``in the ...``.
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
    rf"(?:(?P<state>(?:,?[ ](?:{_STATE_NAMES}|{CLEAR_STATE_CODES})|,[ ](?:{AMBIGUOUS_STATE_CODES}))"
    # and a ZIP: "Eau Claire, Wisconsin, 54701"
    rf"(?![\p{{L}}-]))(?:,?[ ]\d{{5}}(?:-\d{{4}})?(?![\w-]))?)?",
    regex.VERSION1,
)
#: "City" after a town the lists know without it: Quebec City, Antipolo City.
_CITY = regex.compile(r" City(?![\p{L}\d'’-])")
#: What follows a town that something is named after: a pathogen, a
#: serotype, a disease or a method (Norwalk agent, Coxsackie A16, Lyme
#: disease, Monte Carlo simulation).
_NAMED_AFTER = regex.compile(
    r"[ \t]+(?:[A-Z]\d{1,2}\b|(?:virus|viruses|agent|strain|fever|disease|encephalitis"
    r"|syndrome|sign|criteria|classification|scale|protocol|procedure|technique|simulation"
    r"|method|variant|vaccine)\b)"
)
_LOCATIVE = regex.compile(
    r"(?i:\b(?:in|from|near|to|at|around|outside|of|visit|visited|visiting|moved|lives|living|"
    r"resides|residing|resident|native|based"
    # the same words in Portuguese, Spanish, French, Italian, German, Arabic
    r"|em|en|à|au|aux|nel|nella|nello|fi|aus|nach|dans"
    # Italian "a" (not the English article) only after a verb: "vive a Bergamo"
    r"|(?:vive|vivo|abita|abito|risiede|residente|nato|nata|trasferit[oa])\s+a"
    r")\s+(?:(?:the|our|their|his|her|your)\s+)?)$"
)
#: A Hindi postposition after a place, then a word in no word list: "Delhi me rehte".
# (not "se": in Spanish, Portuguese and French a pronoun, "Como se classifica")
_POSTPOSITION = regex.compile(r"[ ](?:me|mein|mai|main)[ ](?P<next>[a-z]++)")
#: A street, a flat or a neighbourhood, then a comma, before a place:
#: "14 Bay Rd, Harwich", "Lot 22, Ortonville", "Lajpat Nagar, Delhi".
_STREET_WORDS = (
    "St Street Ave Avenue Rd Road Blvd Boulevard Drive Ln Lane Ct Court Way Pl Place Pkwy"
    " Parkway Hwy Highway Ter Terr Terrace Cir Circle Loop Trl Trail Pike Sq Square"
).split()
_STREET_BEFORE = regex.compile(
    # (capitalised or in lower case, not in capitals: "Chest CT, Reading")
    r"(?:\b(?:" + "|".join(f"[{w[0]}{w[0].lower()}]{w[1:]}" for w in _STREET_WORDS) + r")\.?"
    r"|\b(?:[Aa]pt|[Uu]nit|[Ss]uite|[Ss]te|[Ll]ot|[Ss]pace)\.?[ ]?\#?[ ]?[A-Za-z0-9-]{1,6}"
    r"|(?P<quarter>(?<![\p{L}-])\p{Lu}\p{Ll}++[ ]"
    r"(?:Nagar|Vihar|Enclave|Puram|Bagh|Ganj|Colony|Layout)))"
    r",[ ]$"
)
#: A facility's head word and a comma, before its town: "Upper Hill Imaging
#: Centre, Nairobi", "Çankaya Tıp Merkezi, Ankara", "Clinique du Canal, Toulouse".
_FACILITY_BEFORE = regex.compile(
    r"\p{Lu}[\p{L}'’-]*+[ ](?:Centre|Center|Hospitals?|Clinic|Clinique|Clinica|Clínica|Imaging"
    r"|Radiology|Medical|Hospice|Infirmary|Merkezi|Hastanesi|Klinik|Klinikum|Krankenhaus"
    r"|Ospedale|Hôpital|Sanatorio|Diagnostics)[ ]?,[ ]$"
)
#: A postcode before a place: "35000 Rennes", "D-72070 Tübingen", "1012 AB Amsterdam".
_POSTCODE_BEFORE = regex.compile(
    r"(?<![\w.,/-])(?:[A-Z]{1,2}-)?(?P<code>\d{4,5})(?:[ ](?P<letters>[A-Z]{2}))?[ ]$"
)
# (not units and times: "40000 IU Vitamin D", "1030 PM Boston")
_NO_POSTCODE_LETTERS = frozenset("AM PM IU MG ML MU KG CC GM MM CM UG HR".split())
#: What makes a postcode one before a place that may be a word or a name: a
#: comma or line before it, or a word for living there ("wohnhaft 72070").
_POSTCODE_CUE = regex.compile(
    r"(?:[,\n]|(?i:\b(?:wohnhaft|wohnt|adresse|anschrift|domicilio|domicilié|domiciliée|"
    r"domiciliado|domiciliada|residente|woonachtig|woont|bor|address)\b:?)"
    r"|\b(?:C\.?P\.?|CEP|PLZ))[ ]?$"
)


# A lower-case place after a word that puts someone there: "lives in dayton";
# or after a bare "in" (taken only for places of two words or more).
_LOWER_PLACE = re.compile(
    # (the verbs in any case: "Lives in dallas")
    # (the first letters looked ahead for: re tries the words at every \b)
    r"(?=[lrmvfnisbg])\b(?:(?P<home>live[sd]?|living|resid(?:es?|ed|ing)|stay(?:s|ed|ing)?"
    r"|mov(?:ed|ing)|relocated|born|raised|grew\sup)"
    r"\s(?:in|to|from|near)|visiting|from|near|(?P<bare>in))"
    r"\s(?P<name>[a-z][a-z'-]+(?:\s[a-z][a-z'-]+){0,2})",
    re.IGNORECASE,
)

#: Words that, before a word, make an English phrase of a town's name: "in
#: new site", "in three way", "in long beach" (lower case, after a bare "in").
_MODIFIERS = frozenset(
    """
    new old no left right upper lower mid half social fair last first second deep good high
    low long short white black red blue green big little early late one two three four five
    six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy eighty
    ninety hundred
    """.split()
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
        if match.group("bare") is not None and not self._town_after_in(name.split(" ")):
            return
        if match.group("home") is None and self._ambiguous(name):
            return
        start = match.start("name")
        yield Finding(start, start + len(name), "ADDRESS", 0.7, name, self.name)

    def _town_after_in(self, words: list[str]) -> bool:
        """Whether a lower-case place after a bare "in" is a town, not
        words: of two words or more ("in reading"), not words ending in a
        clinical one ("in center line", "in sacred heart"), nor a modifier
        before a word ("pain in left hand": Left Hand, WV; "in new site",
        "in three way", "in north east")."""
        if len(words) < 2 or words[0] == "the":
            return False
        lex = self._lex
        if words[-1] in lex.clinical and all(w in lex.english or w in lex.clinical for w in words):
            return False
        if words[0] in _MODIFIERS and words[-1] in lex.english:
            return False
        return not all(word in COMPASS for word in words)

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
        if _NAMED_AFTER.match(text, end):
            return None  # "Norwalk agent", "Coxsackie A16", "Lyme disease": named after it
        if name in self._lex.regions or name in COMPASS:
            # "from Turkey", "in New England"; a town named Central (SC) is
            # no town in "from Central and South America"
            return None
        # "Brooklyn NY": the capitalised run took the state in
        with_state = (not rest and match.group("state") is not None) or (
            rest != "" and _STATE.fullmatch(rest) is not None
        )
        before = text[max(0, start - 30) : start]
        ambiguous = self._ambiguous(name)
        if with_state:
            end = match.end()
            score = 0.85
        elif (postcode := self._postcode(before, name, ambiguous)) is not None:
            start -= postcode  # "35000 Rennes": the postcode with its town
            score = 0.75
        elif _LOCATIVE.search(before) and not ambiguous:
            score = 0.8 if " " in name else 0.7  # New York: no one's name
        elif before.endswith(", ") and (street := _STREET_BEFORE.search(before)) is not None:
            if ambiguous:
                return None
            if street.group("quarter") is not None:  # "Lajpat Nagar, Delhi"
                start -= len(before) - street.start("quarter")
            score = 0.8
        elif " " in name and before.endswith(", ") and name not in self._lex.clinical:
            score = 0.7  # "Lakeside Clinic, San Diego": where a place is
        elif _FACILITY_BEFORE.search(before) and not ambiguous:
            score = 0.7  # "Upper Hill Imaging Centre, Nairobi": where a facility is
        elif not ambiguous and self._postposition(text, end):
            score = 0.7
        else:
            return None
        if (city := _CITY.match(text, end)) is not None:
            end = city.end()
        return Finding(start, end, "ADDRESS", score, text[start:end], self.name)

    def _postcode(self, before: str, name: str, ambiguous: bool) -> int | None:
        """The length of the postcode (and its space) that ``before`` ends
        with, if the place after it is a town: "à 35000 Rennes", not "Hgb
        12000 Albany" (a lab value: a word before it that puts nothing
        anywhere), and "2019 Boston" (a year), "1500 Points" (a word) or
        "75001 Paris" (a name) only after a comma, a line or a word for
        living there."""
        found = _POSTCODE_BEFORE.search(before)
        if found is None or found.group("letters") in _NO_POSTCODE_LETTERS:
            return None
        lead = before[: found.start()]
        if _POSTCODE_CUE.search(lead):
            return len(before) - found.start()
        code = found.group("code")
        year = len(code) == 4 and code.startswith(("19", "20"))
        if year or ambiguous or self._wordlike(name) or name in self._lex.clinical:
            return None
        if lead.rstrip() and lead.rstrip()[-1].isalnum() and not _LOCATIVE.search(lead):
            return None
        return len(before) - found.start()

    def _wordlike(self, name: str) -> bool:
        """Whether ``name`` is a word of the word list, or one inflected
        (the list holds lemmas): "points", "boxes", "readings"."""
        english = self._lex.english
        return name in english or any(
            name.endswith(ending) and name[: -len(ending)] in english for ending in ("s", "es")
        )

    def _postposition(self, text: str, end: int) -> bool:
        """Whether a Hindi postposition and a word in no word list follow:
        "Delhi me rehte", not "Boston me and"."""
        after = _POSTPOSITION.match(text, end, end + 30)
        return after is not None and after.group("next") not in self._lex.english
