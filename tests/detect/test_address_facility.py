"""ADDRESS and FACILITY through the whole Guard."""

from __future__ import annotations

import pytest

import phiguard
from tests.marks import spans_of, unmark

ROWS = [
    ("ADDRESS", "lives at «88 Larchmont Ave», near"),
    ("ADDRESS", "at «45 Sycamore Pl Apt 12». Call"),
    ("ADDRESS", "«1200 Kestrel Parkway, Grand Rapids MI 49503»"),
    ("ADDRESS", "from «Boulder, CO 80301» today"),
    ("ADDRESS", "moved to «Dallas, TX» last"),
    ("ADDRESS", "zip «60201-1234»"),
    ("ADDRESS", "mail «PO Box 1234»"),
    ("FACILITY", "from «St. Mary's Medical Center»."),
    ("FACILITY", "at «Mercy Hospital» yesterday"),
    ("FACILITY", "read at «Granite Peak Imaging»."),
    ("FACILITY", "at «Lakeshore Imaging Center»."),
    ("FACILITY", "seen at «Eastlake Family Clinic» for"),
    ("FACILITY", "Institution Name  LO  [«RIVERBEND MEDICAL CENTER»]"),
]

NOT_PHI = [
    "Siemens SOMATOM Force and GE Revolution CT",
    "Magnetic Resonance Imaging of the knee",
    "seen in the ED overnight",
    "admitted to ICU",
    "Harpreet Kaur Sandhu, MD",
    "the patient lives in Ohio",
    "a 3 mm nodule at 2 o'clock",
    "St. John's wort",
    "Breast Imaging Center protocol",
]


@pytest.mark.parametrize(("label", "row"), ROWS)
def test_place_is_found(guard: phiguard.Guard, label: str, row: str) -> None:
    text, expected = unmark(row)
    found = spans_of(guard, text, label)
    assert found == expected


@pytest.mark.parametrize("text", NOT_PHI)
def test_not_a_place(guard: phiguard.Guard, text: str) -> None:
    assert [f for f in guard.scan(text) if f.label in {"ADDRESS", "FACILITY"}] == []
