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
    #: The clinical terms that name things, not people's diseases: drugs,
    #: contrast agents, vendors and device models (Prevnar, Siemens, Aria).
    products: frozenset[str]
    #: The vendors among the products (Siemens, Agfa, Oracle Health).
    vendors: frozenset[str]
    #: The drugs and contrast agents among the products (Coumadin, Omnipaque).
    drugs: frozenset[str]
    #: The clinical terms that name services, payers and references: Nephro,
    #: Ortho, Aetna, UpToDate ("Nephro wants" names no one).
    services: frozenset[str]
    #: City and town names: every US one, and those of 15,000 people or more abroad.
    places: frozenset[str]
    #: Countries, continents, world regions and US states (``georgia``,
    #: ``south america``): places as big as a state, no PHI.
    regions: frozenset[str]
    #: The species of organisms among the clinical terms (``coli``,
    #: ``aureus``): after a genus's initial no surname (``E. Coli``).
    species: frozenset[str]


#: Sections of ``clinical_terms.txt`` whose terms are products (their
#: headings begin so: "# drugs: brand", "# vendors", ...).
_VENDOR_SECTIONS = ("vendors",)
_DRUG_SECTIONS = ("drugs", "contrast")
_PRODUCT_SECTIONS = (*_DRUG_SECTIONS, *_VENDOR_SECTIONS, "scanner", "software")
#: Sections whose terms are services, payers and references.
_SERVICE_SECTIONS = ("note sections", "departments")
_SPECIES_SECTIONS = ("species",)
#: How a section's heading ends whose hyphenated terms guard themselves
#: whole only, their parts being common names ("Mann-Whitney").
_WHOLE_ONLY = "(whole terms only)"


def _lines(name: str) -> list[str]:
    data = resources.files("phiguard").joinpath("data").joinpath(name).read_bytes()
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    return data.decode("utf-8").splitlines()


def _read(name: str) -> list[str]:
    return [line for line in _lines(name) if line and not line.startswith("#")]


@dataclass(frozen=True, slots=True)
class _ClinicalTerms:
    clinical: frozenset[str]
    products: frozenset[str]
    vendors: frozenset[str]
    drugs: frozenset[str]
    services: frozenset[str]
    species: frozenset[str]


def _clinical_terms() -> _ClinicalTerms:
    """Every clinical term (with the parts of hyphenated ones), the products
    (and among them the vendors, and the drugs and contrast agents) and the
    services."""
    clinical: set[str] = set()
    products: set[str] = set()
    vendors: set[str] = set()
    drugs: set[str] = set()
    services: set[str] = set()
    species: set[str] = set()
    section = ""
    for line in _lines("clinical_terms.txt"):
        if line.startswith("# "):
            section = line[2:]
            continue
        term = line.strip().lower()
        if not term or term.startswith("#"):
            continue
        clinical.add(term)
        if section.startswith(_PRODUCT_SECTIONS):
            products.add(term)
        if section.startswith(_VENDOR_SECTIONS):
            vendors.add(term)
        elif section.startswith(_DRUG_SECTIONS):
            drugs.add(term)
        if section.startswith(_SERVICE_SECTIONS):
            services.add(term)
        if section.startswith(_SPECIES_SECTIONS):
            species.add(term)
        # "salter-harris" also guards "Salter" and "Harris" written apart
        # (but for terms whose parts are common names: "Mann-Whitney")
        if not section.endswith(_WHOLE_ONLY):
            clinical.update(part for part in term.split("-") if len(part) > 2 and " " not in part)
    return _ClinicalTerms(
        frozenset(clinical),
        frozenset(products),
        frozenset(vendors),
        frozenset(drugs),
        frozenset(services),
        frozenset(species),
    )


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
    terms = _clinical_terms()
    surnames = {}
    for line in _read("surnames.txt.gz"):
        name, _, rank = line.partition("\t")
        surnames[name] = int(rank) if rank else 0
    return Lexicons(
        first_names=first_names,
        surnames=surnames,
        english=frozenset(_read("english_words.txt.gz")),
        clinical=terms.clinical,
        products=terms.products,
        vendors=terms.vendors,
        drugs=terms.drugs,
        services=terms.services,
        places=frozenset(_read("us_places.txt.gz") + _read("world_places.txt.gz")),
        regions=frozenset(_read("regions.txt.gz")),
        species=terms.species,
    )
