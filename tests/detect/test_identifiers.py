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
    # the last four digits, which still identify beside a name
    ("SSN", "Consuelo Ibarra's SSN ends in «4471», DOB on file"),
    ("SSN", "verified with the last 4 of her social: «0193»"),
    # record numbers after keys of other languages
    ("MRN", "Frau Renate Hoffmann (Pat.-Nr. «2024-008831», geb. 17.06.1939)"),
    ("MRN", "pacjent Jan Kowalczyk, nr historii choroby «HC/2024/07731»: kontrola"),
    ("MRN", "il sig. Giuseppe Conti (SDO «2024/000318») è stato dimesso"),
    ("ID", "Member ID «XQH123456789»"),
    ("ID", "Account Number: «9876543210»"),
    ("ID", "Device Serial Number: «RCT40522HV»"),
    ("ID", "UID «1.2.840.113619.2.55.3.604688119.868»"),
    ("ID", "licence number «D1234567»"),
    # police, court and audit records
    ("ID", "Incident #: «25-004471», officer Ortega #«8812» responded"),
    ("ID", "case «CPD-25-018832»"),
    ("ID", "booking # «BK2503-00471»"),
    ("ID", "badge no. «3301»"),
    ("ID", "plate «TXR-4418» seen"),
    ("ID", "license plate «HVY 4421»"),
    ("ID", "user «mrodriguez4» opened the chart"),
    # licences and tax numbers
    ("ID", "License «LCS.0041827»"),
    ("ID", "TIN «91-3304871»"),
    ("ID", "EIN «12-3456789»"),
    # device serials
    ("ID", "SN «175523»"),
    ("ID", "serial no. «X9-4410»"),
    # national and health numbers written apart
    ("ID", "CPF «482.119.037-51», RG"),
    ("ID", "cartão SUS «898 0012 4471 0093»"),
    ("ID", "Aadhaar «4471 2093 8816». Father"),
    ("ID", "NSS «4419 87 1122 3»"),
    ("ID", "número de utente «287 441 903»"),
    ("ID", "RAMQ «TREG 54021218»"),
    ("ID", "C.F. «MRTGPP31D59F839X»"),
    ("ID", "Versicherungsnummer «K441028736»"),
    # a date after an identifier's key stays a date
    ("DATE", "claim «03/04/2024» denied"),
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
    "case 3 of 10",
    "in case of fever",
    "a case report of 2 patients",
    "the user was confused by the user interface",
    "a user-friendly portal",
    "the plate was removed",
    "plate 10-hole",
    "badge reader broken",
    "serial imaging in 3 months",
    "last 4 weeks of therapy",
    "the last four of the series 1234 were blurred",
    "Fall 2024 clinic schedule",
]


@pytest.mark.parametrize(("label", "row"), ROWS)
def test_identifier_is_found(guard: phiguard.Guard, label: str, row: str) -> None:
    text, expected = unmark(row)
    found = spans_of(guard, text, label)
    assert found == expected


@pytest.mark.parametrize("text", NOT_PHI)
def test_clinical_code_is_kept(guard: phiguard.Guard, text: str) -> None:
    assert guard.scan(text) == []
