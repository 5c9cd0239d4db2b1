"""MRN, ACCESSION, SSN and ID through the whole Guard."""

from __future__ import annotations

import pytest

import phiguard
from tests.marks import spans_of, unmark

ROWS = [
    ("MRN", "MRN «00412387»"),
    ("MRN", "MR# «A1234567»"),
    ("MRN", "Med Rec No. «98234-AB»"),
    ("MRN", "Patient ID: «LK0078231»"),
    ("MRN", "(0010,0020) Patient ID  LO  [«00412345»]"),
    ("MRN", "PID|1||«E4471920»^^^^MR||DOE^JANE"),
    ("ACCESSION", "Acc «RB24030417»"),
    ("ACCESSION", "Acc# «A8812034»"),
    ("ACCESSION", "Accession No. «GP0209240077»"),
    ("ACCESSION", "ACC «RB24030917»"),
    ("ACCESSION", "Order # «ORD7782201»"),
    ("ACCESSION", "(0008,0050) Accession Number  SH  [«MV240301-0231»]"),
    ("ACCESSION", "OBR|1|X1|«SC24-MR-00412»|MRABD^MRI ABDOMEN"),
    ("SSN", "SSN: «987-65-4321»"),
    ("SSN", "social security number «412673390»"),
    ("ID", "Member ID «XQH123456789»"),
    ("ID", "Account Number: «9876543210»"),
    ("ID", "Device Serial Number: «RCT40522HV»"),
    ("ID", "UID «1.2.840.113619.2.55.3.604688119.868»"),
    ("ID", "licence number «D1234567»"),
]

NOT_PHI = [
    "CPT 76830",
    "ICD-10 M54.5",
    "BI-RADS 4",
    "C5-6 disc",
    "HER2 positive",
    "SARS-CoV-2",
    "CTDIvol 38.72 mGy",
    "MRI of the brain",
    "(0018,0087) Magnetic Field Strength  DS  [1.5]",
    "(0020,0011) Series Number  IS  [4]",
    "(0008,0016) SOP Class UID  UI  [1.2.840.10008.5.1.4.1.1.2]",
]


@pytest.mark.parametrize(("label", "row"), ROWS)
def test_identifier_is_found(guard: phiguard.Guard, label: str, row: str) -> None:
    text, expected = unmark(row)
    found = spans_of(guard, text, label)
    assert found == expected


@pytest.mark.parametrize("text", NOT_PHI)
def test_clinical_code_is_kept(guard: phiguard.Guard, text: str) -> None:
    assert guard.scan(text) == []
