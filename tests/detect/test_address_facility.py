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
    ("FACILITY", "«Castellan & Sons Funeral Home» notified."),
    ("FACILITY", "refill to «Hillcrest Pharmacy #112» please"),
    ("FACILITY", "«Bell and Sons Funeral Directors» collected the body"),
    ("FACILITY", "transferred from «Pine Ridge Sanatorium» today"),
    ("FACILITY", "booked at «Hillcrest Maternity Unit» for 36 weeks"),
    ("FACILITY", "seen at «Cwmtawe Medical Practice» today"),
    ("FACILITY", "she's at «Te Awa Rest Home» in town"),
    ("FACILITY", "referred by «Northside OB/GYN» for a scan"),
    ("FACILITY", "at «Brightwater Hospice House» rm 6"),
    ("FACILITY", "hi its Rusty from «Sunrise Home Care», she is out of lasix"),
    ("FACILITY", "Admitted to «St. Vincent de Marigold Hospital» for cellulitis."),
    ("FACILITY", "read at «Granite Peak Imaging»."),
    ("FACILITY", "at «Lakeshore Imaging Center»."),
    ("FACILITY", "seen at «Eastlake Family Clinic» for"),
    ("FACILITY", "Institution Name  LO  [«RIVERBEND MEDICAL CENTER»]"),
    # suffixes: Lab(s), Drugs, Ctr, Assoc, General, ER, NICU, Peds, Neuro, OTP...
    ("FACILITY", "results from «Brookside Lab» are back"),
    ("FACILITY", "sent out to «Northstar Reference Labs» for"),
    ("FACILITY", "MRI @ «Sunset Blvd Lab» on"),
    ("FACILITY", "pharmacy: «Harbor Drugs» on Main"),
    ("FACILITY", "admitted to «Willowbrook Nursing Ctr» for rehab"),
    ("FACILITY", "«RIDGECREST PULMONARY ASSOC» PFT report"),
    ("FACILITY", "transferred from «Clearwater General» for"),
    ("FACILITY", "went to «Lakewood ER» last night"),
    ("FACILITY", "in «St. Brendan's NICU» for 3 weeks"),
    ("FACILITY", "f/u at «Oakmont Peds» on"),
    ("FACILITY", "referral to «Eastside Neuro» for EMG"),
    ("FACILITY", "at «Valley Sun Children's Annex», she"),
    ("FACILITY", "dosing at «Crossroads OTP» daily"),
    # a product's name (lotus) that begins a place's
    ("FACILITY", "at «Lotus Women's Clinic» on"),
    # lower case after at/from/to/in (or "pharmacy")
    ("FACILITY", "pt at «st lukes» yesterday"),
    ("FACILITY", "lives at «sunnybrook nursing home» since"),
    ("FACILITY", "at «oakmont peds» on"),
    ("FACILITY", "pharmacy «harbor drugs» refill"),
    ("FACILITY", "to «riverside childrens» today"),
    ("FACILITY", "at «north point birthing center» on"),
    # other languages
    ("FACILITY", "internado en el «hospital san judas» desde"),
    ("FACILITY", "au «CHU de Rennes» le 3"),
    ("FACILITY", "MRT in der «Praxis am Rosengarten» am"),
    ("FACILITY", "khám tại «Phòng khám Đa khoa An Phúc» ngày"),
    ("FACILITY", "no «posto de saúde do Jardim Ângela» ontem"),
    ("FACILITY", "au «CLSC Rosemont-Est» hier"),
]

NOT_PHI = [
    # kinds of places, vendors, interface jargon
    "Faith-based health systems may opt out of certain services.",
    "The GE HealthCare Revolution CT dose report shows CTDIvol 12.4 mGy.",
    "Our interface engine still expects ORM for radiology.",
    "Rapid response criteria at our hospital: HR over 130, RR over 28, SBP under 90.",
    "May-Thurner syndrome, compression of the left common iliac vein. Best imaging?",
    "Bi-weekly labs and Fasting Labs on Monday.",
    "Achilles rupture, equinus cast and refer to fracture clinic.",
    "A Stanford University study showed no benefit.",
    "MSH|^~\\&|LAB|LAB|EHR|EHR|||ORU^R01|CTRL0001|T|2.5.1 is the template header.",
    "Siemens SOMATOM Force and GE Revolution CT",
    "Magnetic Resonance Imaging of the knee",
    "seen in the ED overnight",
    "admitted to ICU",
    "Harpreet Kaur Sandhu, MD",
    "the patient lives in Ohio",
    "a 3 mm nodule at 2 o'clock",
    "St. John's wort",
    "Breast Imaging Center protocol",
    "ECG done in the Cath Lab",
    "Sleep Lab study showed OSA",
    "the Surgeon General warning",
    "Division of General Internal Medicine",
    "sent to the ER",
    "Frequent ER visits this year",
    "Invasive Ductal Carcinoma ER positive",
    "Physical Exam\nGeneral: NAD",
    "Denies Illicit Drugs",
    "Genetic Counseling referral placed",
    "Coumadin Clinic INR 2.4",
    "Hospital Day 3, afebrile",
    "Hospital Course: uneventful",
    "Hospital Anxiety and Depression Scale score 9",
    "in order to see neuro",
    "to check labs tomorrow",
    "allergic to sulfa drugs",
    "GE Healthcare Discovery MR750",
    "refer for Zika counseling if pregnant",
    "Travel clinic: hepatitis A vaccine for rural trips longer than a month",
]


@pytest.mark.parametrize(("label", "row"), ROWS)
def test_place_is_found(guard: phiguard.Guard, label: str, row: str) -> None:
    text, expected = unmark(row)
    found = spans_of(guard, text, label)
    assert found == expected


@pytest.mark.parametrize("text", NOT_PHI)
def test_not_a_place(guard: phiguard.Guard, text: str) -> None:
    assert [f for f in guard.scan(text) if f.label in {"ADDRESS", "FACILITY"}] == []
