"""PHONE, EMAIL, URL and IP through the whole Guard."""

from __future__ import annotations

import pytest

import phiguard
from tests.marks import spans_of, unmark

ROWS = [
    ("PHONE", "call «(937) 555-0112» today"),
    ("PHONE", "call «937-555-0112» today"),
    ("PHONE", "fax «937.555.0112»"),
    ("PHONE", "phone «+1-937-555-0112»"),
    ("PHONE", "tel «555-123-4567 ext. 204»"),
    ("PHONE", "||«(937)555-0112»"),
    ("EMAIL", "mail «jane.doe@example.org» please"),
    ("EMAIL", "«dr.brown@ny.presbyterian.org»."),
    ("URL", "portal «https://mychart.example.org/p/123»."),
    ("URL", "see «www.example.com/jdoe»"),
    ("IP", "client IP «10.41.2.117», station"),
    ("IP", "from «2001:db8:85a3::8a2e:370:7334» at"),
]

NOT_PHI = [
    "at 10:15:22 today",
    "range 120-135 mg/dL",
    "ratio 1:2",
    "std::vector",
    "version 2.3.1",
    "per acr.org guidance",
    "e.g. this, i.e. that",
]


@pytest.mark.parametrize(("label", "row"), ROWS)
def test_contact_is_found(guard: phiguard.Guard, label: str, row: str) -> None:
    text, expected = unmark(row)
    found = spans_of(guard, text, label)
    assert found == expected


@pytest.mark.parametrize("text", NOT_PHI)
def test_not_contact(guard: phiguard.Guard, text: str) -> None:
    assert guard.scan(text) == []
