"""ADDRESS from the US place list: cities named without a street."""

from __future__ import annotations

import pytest

import phiguard
from tests.marks import covered, spans_of, unmark

PLACES = [
    # a town after a facility and a comma
    "did a CT at Upper Hill Imaging Centre, «Nairobi» on 02/05/2024",
    "Tetkik: Çankaya Tıp Merkezi, «Ankara». BT",
    "she lives in «Sunnyvale, CA», and",
    "recently moved to «New York» and",
    "a resident of «Fresno» with",
    "seen in «Dallas» on Monday",
    "from «Chicago», admitted twice",
    "the scan in «Brooklyn NY» was",
    "«Springfield, Illinois» is where",
    "grew up near «Tulsa» and",
    # "City" after a town the lists know without it
    "her son lives in «Quebec City», 418-555-0156",
    # a place of two words after a comma; a state that is a city too
    "seen at Lakeside Clinic, «San Diego» last week",
    "treated at Valley Clinic, «New York», on Monday",
    # a state code that is an abbreviation too, after a comma or before a ZIP
    "lives in «Hartford, CT» now",
    "from «Hartford CT 06101» originally",
    # in lower case after a word that puts someone there
    "pt moved from «san diego» last year",
    "lives in «dallas» with her son",
    "Lives in «san antonio» now",
    "who visited our «New York» office on",
    # towns abroad, with or without their accents, in capitals too
    "a 22 year old man who grew up in «Poznań».",
    "moved here from «Poznan» in 2019",
    "I'm in «HARSTAD», at the conference",
    "flew to «New Westminster» on Saturday",
    # a ZIP after the state's name
    "from «Eau Claire, Wisconsin, 54701» originally",
    # a town after a street, a flat or a neighbourhood and a comma
    "i live at 14 bay rd, «Harwich» for now",
    "Lakeview Mobile Home Park, Lot 22, «Ortonville» for now",
    "«Lajpat Nagar, Delhi» me rehte hain",
    # after a postcode
    "domicilié à «35000 Rennes» depuis",
    "Mme Durand, «75001 Paris»",
    # the locative words of other languages, and a Hindi postposition after
    "A mãe está no Lar Santa Maria em «Viseu» desde 2020",
    "vive en «Guadalajara» con su hija",
    "abita a «Bergamo» con la figlia",
    "wohnt jetzt in «Freiburg»",
    "mera ghar «Lucknow» me hai",
    # in lower case after "live in", and after a bare "in" when of two words
    "we live in «pine bluff» now",
    "I live in «springdale» with my kids",
    "we live in «flushing» near my sister",
    "i'm at my moms in «garden grove» this week",
]

NOT_PLACES = [
    "Seen at Mercy Hospital, Marion wants the films",
    # towns abroad that are words, or read as acronyms
    "Kreutzmann from Can Capital is the speaker",
    "removed from the Bar Association in",
    "confirm transition RA to RV to PA to wedge",
    "the flat in March 2009",
    "Mobile x-ray unit to the bedside",
    "send it to Marion for the read",
    "Reading the study again",
    "Orange juice before the scan",
    "in Graves disease the thyroid",
    # a staging system that is a town too; countries and states alone
    "Hodgkin, Ann Arbor stage II",
    "has family in Italy and Mexico",
    "drove up from Texas",
    # CT, OR, MD after a town's name without a comma: the scan, the theatre
    "Canadian CT head rule applies",
    "Rotterdam CT score of 3",
    "Boston CT protocol for trauma",
    "came from Dayton CT negative",
    # lower-case words that are places too, and given names after "from"
    "discharged from home to rehab",
    "a page from dallas about the add-on",
    "moved to hospice last week",
    # regions bigger than a state, and compass words, that are towns too
    "Lyme disease is common in New England.",
    "patients from Central and South America",
    "a patient from a sheep-farming region of Turkey",
    # lower-case words that are towns too, after a bare "in" or "live in"
    "in reading the report",
    "in mobile unit",
    "in bath today",
    "in nice shape",
    "in split doses",
    "in orange juice",
    "in florence nightingale's time",
    "we live in hope",
    "pain in left hand and numbness",
    "IV restarted in new site",
    "improvement in flushing episodes",
    "line placed in center line",
    "in the village",
    # numbers before places: lab values, scores and years
    "Hgb 12000 Albany",
    "score 1500 Points",
    "since 2019 Boston guidelines",
    "seen by Paris me and the team",
]


@pytest.mark.parametrize("row", PLACES)
def test_place_is_found(guard: phiguard.Guard, row: str) -> None:
    text, expected = unmark(row)
    assert covered(guard, text, expected)
    assert spans_of(guard, text, "ADDRESS") or spans_of(guard, text, "FACILITY")


@pytest.mark.parametrize("text", NOT_PLACES)
def test_word_or_name_is_not_a_place(guard: phiguard.Guard, text: str) -> None:
    assert spans_of(guard, text, "ADDRESS") == []
