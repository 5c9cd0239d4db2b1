"""Word lists the name tier reads: names, English words, clinical vocabulary.

They ship inside the package (``phiguard/data``; built by
``models/build_lexicons.py`` from public-domain sources, see
``models/README.md``) and load once per process, on first use.
"""

from __future__ import annotations

import functools
import gzip
from dataclasses import dataclass
from importlib import resources

__all__ = ["Lexicons", "load_lexicons"]


@dataclass(frozen=True, slots=True)
class Lexicons:
    """Lower-case word sets: first names (with birth counts), surnames, ..."""

    first_names: dict[str, int]
    #: Surname → 1990 census frequency rank (1 = Smith); 0 for names too rare
    #: to be ranked then.
    surnames: dict[str, int]
    english: frozenset[str]
    #: Eponyms, drugs, vendors, models and capitalised clinical words.
    clinical: frozenset[str]
    #: US city and town names.
    places: frozenset[str]


def _read(name: str) -> list[str]:
    data = resources.files("phiguard").joinpath("data").joinpath(name).read_bytes()
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    return [line for line in data.decode("utf-8").splitlines() if line and not line.startswith("#")]


@functools.cache
def load_lexicons() -> Lexicons:
    """The packaged lexicons, loaded on first call and shared afterwards.

    Raises ``OSError`` (or ``ValueError`` for a corrupt file) when a lexicon
    cannot be read; the Guard turns that into a phiguard error.
    """
    first_names = {}
    for line in _read("first_names.txt.gz"):
        name, _, count = line.partition("\t")
        first_names[name] = int(count)
    clinical: set[str] = set()
    for line in _read("clinical_terms.txt"):
        term = line.strip().lower()
        clinical.add(term)
        # "salter-harris" also guards "Salter" and "Harris" written apart.
        clinical.update(part for part in term.split("-") if len(part) > 2 and " " not in part)
    surnames = {}
    for line in _read("surnames.txt.gz"):
        name, _, rank = line.partition("\t")
        surnames[name] = int(rank) if rank else 0
    return Lexicons(
        first_names=first_names,
        surnames=surnames,
        english=frozenset(_read("english_words.txt.gz")),
        clinical=frozenset(clinical),
        places=frozenset(_read("us_places.txt.gz")),
    )
