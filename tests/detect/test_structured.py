"""Structured text: DICOM dumps, HL7 segments, Key: value forms and tables."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import phiguard
from phiguard.detect import structured
from tests.marks import unmark

# Each row: marked text and the labels of its marked values, in order.
ROWS = [
    (
        "(0010,0010) PatientName PN [«DOE^JANE»]\n(0010,0030) PatientBirthDate DA [«19520304»]",
        ["NAME", "DATE"],
    ),
    (
        "(0010, 0010) Patient's Name                      PN: '«KOWALSKI^MAREK»'\n"
        "(0010, 0020) Patient ID                          LO: '«MR-00218874»'",
        ["NAME", "MRN"],
    ),
    (
        "0010,0010 Patient's Name: «ZHANG^WEI»\n"
        "0010,1040 Patient's Address: «55 Cherry Hill Ct^Muskegon^MI^49441»",
        ["NAME", "ADDRESS"],
    ),
    ("(0008,0090) PN [«Nakamura^Kenji»]                #  14, 1 ReferringPhysicianName", ["NAME"]),
    ("x00100010  PatientName  PN  «BAKARE^TOLULOPE^A»", ["NAME"]),
    ("  (0040,0006) PN [«NAIR^DEEPIKA»]", ["NAME"]),
    ("Patient's Birth Date: «19520304»", ["DATE"]),
    ("PatientName: «KOWALCZYK^MALGORZATA»\nPatientID: «00397742»", ["NAME", "MRN"]),
    (
        "PID|1||«E4471920»^^^^MR||«OKONKWO^FAITH^ADAEZE»||«1979-06-23»|F|||"
        "«88 Larchmont Ave»^^«Dayton»^OH^«45402»||«(937)555-0112»",
        ["MRN", "NAME", "DATE", "ADDRESS", "ADDRESS", "ADDRESS", "PHONE"],
    ),
    ("PID|1||«MV-5521080»^^^^MR~«412673390»^^^^SS||«GOLDBERG^ELIAS^M»", ["MRN", "SSN", "NAME"]),
    # the hospital that assigned the number; not the SSA
    (
        "PID|1||«MR55102983»^^^«SUMMITVALE»^MR~«487-22-1093»^^^SSA^SS||«O'HARA^BRIDGET»",
        ["MRN", "FACILITY", "SSN", "NAME"],
    ),
    # HL7 field references as the keys of an interface log
    (
        "MSH seg ok; PID-3=«M77120844»;PID-5=«DELACROIX^AMELIE^R»;PID-7=«19910228»;"
        "PID-11=«45 RUE PRINCIPALE^^SHERBROOKE^QC^J1H 2A4»;PID-13=«(819)555-0143»",
        ["MRN", "NAME", "DATE", "ADDRESS", "PHONE"],
    ),
    (
        "OBR|1|«ORD7782201»|«MV24-0311-0087»|76830^US PELVIS|||«20240311082900»",
        ["ID", "ACCESSION", "DATE"],
    ),
    ("ORC|NW|||||||||||«1881045523»^«PRICE^ELEANOR»^^^^MD", ["ID", "NAME"]),
    # a provider pasted without an id; a name where an id belongs
    ("PV1|1|I|4W^412^01||||«ADEBAYO^OLUWASEUN»^^^DR", ["NAME"]),
    ("PID|||«Jean-Baptiste^Marie-Claire»", ["NAME"]),
    (
        "OBR|1|«123456»|«A778812»|71020^CHEST||||||||||||«KOWALSKI^ANNA»^^^DR",
        ["ID", "ACCESSION", "NAME"],
    ),
    # a segment shifted by one field: a name where the call-back phone belongs
    (
        "OBR|1|«123456»|«A778812»|71020^CHEST|||||||||||||«KOWALSKI^ANNA^^^DR»",
        ["ID", "ACCESSION", "NAME"],
    ),
    (
        "(0010,1010) PatientAge «096Y»\n(0010,1040) Patient's Address «14 Pelham Crescent^Oldbury»",
        ["AGE", "ADDRESS"],
    ),
    (
        "MSH|^~\\&|EPIC|«MERCYVALLEY»|RADIANT|RIS|«20240311083512»||ORM^O01",
        ["FACILITY", "DATE"],
    ),
    (
        "Patient: «Venkatesh Subramaniam»   DOB: «1968-02-11»   Pt ID: «GPI-2207719»",
        ["NAME", "DATE", "MRN"],
    ),
    ("Referring: «Harpreet Kaur Sandhu», MD", ["NAME"]),
    ("Interpreted by: «Siddharth Rao», MD", ["NAME"]),
    ("Name: «smith, john»", ["NAME"]),
    (
        "| Acc | MRN | Patient | Exam |\n|---|---|---|---|\n"
        "| «A8812034» | «7734120» | «GARCIA, JOSE L» | CT HEAD |",
        ["ACCESSION", "MRN", "NAME"],
    ),
    ("Acc\tName\tAge\n«ED24-55012»\t«PETROVIC, MILAN»\t«92»", ["ACCESSION", "NAME", "AGE"]),
    # comma-separated: short cells, rows of the header's width
    (
        "Bed,Pt,Age,Rhythm\n7W-01,«Florian Metz»,«93»,AF RVR\n7W-04,«Odell Brigham»,66,NSR",
        ["NAME", "AGE", "NAME"],
    ),
    ("Acc, MRN, Exam\n«A8812034», «7734120», CT HEAD", ["ACCESSION", "MRN"]),
    # a patient's column alone among three and more (a bed board)
    (
        "Unit,Bed,Status,Patient,Expected DC\nICU,3,occupied,«Barrington Hardy»,--\nICU,7,dirty,,",
        ["NAME"],
    ),
    (
        "Date,Patient,MRN,Test\n«2025-01-04»,«Sutherland, Ines»,«3300917»,Troponin I",
        ["DATE", "NAME", "MRN"],
    ),
    # columns two spaces apart or more, as a tracking board pastes
    (
        "Bed  Pt              Age  CC\nT1   «HAWTHORNE, J»    «90»   weakness\n"
        "T2   «NAKAGAWA, R»     34   abd pain",
        ["NAME", "AGE", "NAME"],
    ),
    ("Bed  Pt  Age\nT1  «ODUYA, K»  «93»", ["NAME", "AGE"]),
    # a column headed "next" holds dates
    ("name | inr | next\n«whitmore, agnes» | 3.4 | «6/9»", ["NAME", "DATE"]),
    # a name field's value ends at the next field's key
    ("Patient: «Halina Brzezinska» MRN «00412387»", ["NAME", "MRN"]),
    ("Pt name: «Oduya Kamau» DOB «3/4/1950»", ["NAME", "DATE"]),
    # lower-case names in a name field: no English word, or a frequent name
    ("Pt: «nguyen thi lan»", ["NAME"]),
    ("tech: «rose»", ["NAME"]),
    # JSON and XML: FHIR resources and CDA documents
    (
        '{"resourceType": "Patient", "name": [{"family": "«Brannigan»", '
        '"given": ["«Odile»", "«Mae»"]}], "address": [{"city": "«Tacoma»", '
        '"postalCode": "«98402»"}]}',
        ["NAME", "NAME", "NAME", "ADDRESS", "ADDRESS"],
    ),
    (
        '"subject": {"reference": "Patient/«p-88412»", "display": "«Harriet Quinlan»"}',
        ["ID", "NAME"],
    ),
    (
        "<name><given>«Lucinda»</given><family>«Marchetti»</family></name>"
        '<birthTime value="«19470302»"/><addr><city>«Duluth»</city></addr>',
        ["NAME", "NAME", "DATE", "ADDRESS"],
    ),
    ("PatientFirst: «Wanda»\nPatientLast: «Osterholt»", ["NAME", "NAME"]),
    # X12 claims and remittances
    (
        "CLP*«PCN4471902»*1*450*112.60*30*12*«25031200471»~\n"
        "NM1*QC*1*«TAVARES*NELSON»****MI*«TVN88201947»~\nDTM*232*«20250207»~\n"
        "N3*«12 ELM ST»~N4*«SPRINGFIELD»*IL*«62704»~DMG*D8*«19600418»*F~",
        ["ID", "ID", "NAME", "ID", "DATE", "ADDRESS", "ADDRESS", "ADDRESS", "DATE"],
    ),
    # HL7: a name in a field of no rule, one place off (PV1-6 for PV1-7)
    ("PV1|1|I|4E^412^A|||«1730184422»^«HALVORSEN^ERIK»", ["ID", "NAME"]),
    # export columns no key list holds, read by their shape
    (
        "subject_id,site,enroll_date,arm\n«KX-311»,north,«02/11/2025»,B\n"
        "«KX-312»,south,«02/14/2025»,A",
        ["ID", "DATE", "ID", "DATE"],
    ),
    ("screenId\tvisitDate\teligible\n«Q-7781»\t«2025-06-03»\tY", ["ID", "DATE"]),
    ('{"participant_no": "«P0098»", "arm": "placebo"}', ["ID"]),
    # a kiosk's JSON: first and last names whatever words they are, an SSN's last four
    ('{"first":"«Hunter»","last":"«Nakagawa-Bell»","ssn_last4":"«0142»"}', ["NAME", "NAME", "SSN"]),
    ("read back: Y\ncaller: «T. Okwuosa»", ["NAME"]),
]


@pytest.mark.parametrize(("row", "labels"), [r for r in ROWS if r[1]])
def test_structured_values_are_found(guard: phiguard.Guard, row: str, labels: list[str]) -> None:
    text, expected = unmark(row)
    found = [(f.start, f.end, f.text, f.label) for f in guard.scan(text)]
    assert found == [(s, e, v, label) for (s, e, v), label in zip(expected, labels)]


KEPT = [
    "MSH|^~\\&|LAB|SITE|EHR|SITE|||ORU^R01|CTRL|P|2.5.1 is the template; PID|1|| fields are "
    "populated by the interface engine, never typed by hand.",
    '{"deid":{"tags_to_blank":["(0010,0010)","(0010,0020)"],"keep":["(0008,0060)"],"log":"INFO"}}',
    # a question about tags, whose keywords stand where a dump's values would
    "What does DICOM tag (0010,0010) Patient's Name contain, and how is (0010,0030) treated?",
    "(0008,0060) Modality  CS  [CT]",
    "(0018,0060) KVP  DS  [100]",
    "(0008,1030) Study Description  LO  [CT ANGIO CHEST PE]",
    "(0010,1010) Patient's Age  AS  [072Y]",
    "(0008,0090) Referring Physician's Name  PN  [^^^Dr]",
    "(0010, 0020) Patient ID                          LO: ''",
    "Patient: 67M with chest pain",
    "DOB: unknown",
    "Exam: CT head without contrast",
    "Impression: no acute findings",
    # a diagnosis code after a key of an encounter number
    "ICD-10 for a closed fracture of the radius, initial encounter: S52.531A?",
    "OBX|1|TX|MRABD^IMPRESSION||No portal vein thrombosis||||||F",
    # chat, not a form: a name key before words no one is called
    "pt: stable overnight, tolerating diet",
    "Attending: aware, will come by after the case",
    "IR tech: sheath out at 1540, manual pressure 20 min",
    "Radiologist: agree with the prelim",
    # commas in prose are no table, and a row of another width is skipped
    "Name, age, MRN\nwere all checked, twice, by the tech",
    "Patient, Exam, Room\nsee above, then, CT, room two",
    "Name  Age  Room\nwill check  later  today",
    "Stable overnight.  Name and age confirmed.  Plan unchanged.",
    # JSON and XML keys of no PHI, and a name key holding a test's name
    '{"code": {"display": "Hemoglobin A1c"}, "name": "Hemoglobin A1c", "status": "final"}',
    '{"properties": {"patient_name": {"type": "string"}, "birth_date": {"format": "date"}}}',
    "<name>Chest CT protocol</name><given>unknown</given>",
    '{"reference": "Observation/4471", "display": "Potassium"}',
    # asterisks in prose
    "x = a*b*c; the NM1 segment names the patient",
    # HL7 components in a field of no rule that are no names
    "OBX|1|TX|MRABD^IMPRESSION||No portal vein thrombosis||||||F",
    "OBR|1|||CHEST^PORTABLE",
    # columns whose shape names no identifier
    "row_id,item_no,question_id\n12,40,Q7",
    "fluid\tthyroid\tlipid\n1200\tTSH 2.1\tLDL 99",
    # a name's column alone heads drugs and exams too
    "Name,Dose,Route\nAmoxicillin,500 mg,PO\nIbuprofen,400 mg,PO",
]


def test_x12_organisations_are_no_people() -> None:
    # a payer (entity type 2): neither its name nor its payer id is PHI
    assert list(structured.X12Recognizer().find("NM1*PR*2*BLUE CROSS*****PI*00590~")) == []


@pytest.mark.parametrize("text", KEPT)
def test_structured_non_phi_is_kept(guard: phiguard.Guard, text: str) -> None:
    assert guard.scan(text) == []


# --------------------------------------------------------------------------
# The key search window: _KEY_BOUND only narrows where the search starts.

_KEY_ALPHABET = "aB_ .:=\t\n'’#/()-9é"


@given(st.text(alphabet=_KEY_ALPHABET, max_size=200))
@settings(max_examples=400, deadline=None)
def test_key_bound_finds_what_the_full_window_finds(text: str) -> None:
    """For every colon, the key found from the bound is the key found by
    searching the whole reach before it (the bound must never cut a key)."""
    for colon in structured._KEY_END.finditer(text):
        lo = max(0, colon.start() - structured._KEY_REACH)
        reach = structured._KEY_BOUND.search(text, lo, colon.start())
        assert reach is not None
        narrowed = structured._KEY.search(text, reach.start(), colon.start())
        full = structured._KEY.search(text, lo, colon.start())
        assert (narrowed and narrowed.span("key")) == (full and full.span("key"))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Referring Physician Name: Dr Foo", "Referring Physician Name"),
        ("seen by the on call team at noon: ok", "on call team at noon"),
        ("one two three four five six seven:", "three four five six seven"),
        ("Patient_Name  : x", "Patient_Name"),
    ],
)
def test_key_bound_rows(text: str, key: str) -> None:
    colon = structured._KEY_END.search(text)
    assert colon is not None
    reach = structured._KEY_BOUND.search(text, 0, colon.start())
    match = structured._KEY.search(text, reach.start(), colon.start())
    assert match is not None and match.group("key") == key
