"""Field keys: which label a ``Key:`` names, and whether its value fits.

Shared by the ``Key: value`` recognizer, worklist table headers and DICOM
keyword dumps. Keys are normalised (lower case, letters, digits and ``#``
only), so ``Patient's Name``, ``PatientName`` and ``patient_name`` are one key.
"""

from __future__ import annotations

import regex

from phiguard.detect.ages import is_over_89
from phiguard.detect.facility import names_a_place

__all__ = ["FIELD_LABELS", "column_label", "normalise_key", "value_fits"]

_KEYS: dict[str, tuple[str, ...]] = {
    "NAME": (
        "patient",
        "patient name",
        "pt",
        "pt name",
        "name",
        "full name",
        "patient full name",
        "first name",
        "last name",
        "surname",
        "given name",
        "family name",
        "middle name",
        "patient first",
        "patient last",
        "patient first name",
        "patient last name",
        "maiden name",
        "mother's maiden name",
        "referring",
        "referring physician",
        "referring physician's name",
        "referring provider",
        "referring doctor",
        "ref phys",
        "ref dr",
        "referred by",
        "ordering",
        "ordering physician",
        "ordering provider",
        "ordering md",
        "attending",
        "attending physician",
        "attending radiologist",
        "radiologist",
        "reading radiologist",
        "interpreting radiologist",
        "interpreted by",
        "read by",
        "dictated by",
        "signed by",
        "electronically signed by",
        "e-signed by",
        "reviewed by",
        "verified by",
        "approved by",
        "transcribed by",
        "performed by",
        "technologist",
        "tech",
        "sonographer",
        "resident",
        "fellow",
        "physician",
        "provider",
        "pcp",
        "primary care physician",
        "surgeon",
        "operator",
        "operators' name",
        "performing physician",
        "performing physician's name",
        "physician of record",
        "physicians of record",
        "requesting physician",
        "requested by",
        "cc",
        "from",
        "sender",
        "author",
        "contact person",
        "emergency contact",
        "next of kin",
        "nok",
        "guardian",
        "mother",
        "father",
        "spouse",
        "husband",
        "wife",
        "son",
        "daughter",
        "caregiver",
        "guarantor",
        "subscriber",
        "insured",
        "user",
        "username",
        "user name",
        "login",
        "other patient names",
        "patient's birth name",
        "responsible person",
        "scheduled performing physician's name",
        "name of physicians reading study",
        "nurse",
        "attn",
        "attention",
        "caller",
        "called by",
        # HL7 v2 field references, as interface logs write them: PID-5=...
        "pid-5",
        "pid-6",
        "pid-9",
        "nk1-2",
    ),
    "DATE": (
        "dob",
        "d.o.b",
        "date of birth",
        "birth date",
        "birthdate",
        "born",
        "patient's birth date",
        "date",
        "exam date",
        "study date",
        "date of exam",
        "date of study",
        "date of service",
        "dos",
        "service date",
        "admit date",
        "admission date",
        "admitted",
        "discharge date",
        "discharged",
        "visit date",
        "appointment",
        "appt",
        "scheduled",
        "scheduled date",
        "procedure date",
        "surgery date",
        "scan date",
        "collection date",
        "collected",
        "received",
        "reported",
        "report date",
        "signed on",
        "dictated on",
        "transcribed",
        "date/time",
        "datetime",
        "timestamp",
        "ordered",
        "order date",
        "performed on",
        "acquisition date",
        "content date",
        "series date",
        "date of death",
        "dod",
        "injury date",
        "doi",
        "date of injury",
        "onset",
        "last seen",
        "last visit",
        "follow-up date",
        "next",
        "next appt",
        "next visit",
        "next due",
        "f/u",
        "follow-up",
        "follow up",
        "due date",
        "edd",
        "lmp",
        "sent",
        "pid-7",
        "pid-29",
    ),
    "MRN": (
        "mrn",
        "ur",
        "ur no",
        "urn",
        "uhid",
        "hosp no",
        "hospital no",
        "hospital number",
        "mr#",
        "mr no",
        "mr number",
        "medical record",
        "medical record number",
        "medical record no",
        "med rec",
        "med rec no",
        "med rec #",
        "patient id",
        "pt id",
        "patient number",
        "patient #",
        "chart",
        "chart number",
        "chart #",
        "hospital number",
        "unit number",
        "emr",
        "emr #",
        "other patient ids",
        "mrn#",
        "record number",
        "record #",
        "pid-2",
        "pid-3",
        "pid-4",
    ),
    "ACCESSION": (
        "accession",
        "accession number",
        "accession no",
        "accession #",
        "acc",
        "acc#",
        "acc no",
        "order number",
        "order #",
        "order no",
        "order id",
        "requisition",
        "requisition #",
        "placer order number",
        "filler order number",
        "encounter",
        "encounter #",
        "encounter number",
        "visit number",
        "visit #",
        "fin",
        "csn",
        "exam id",
        "exam #",
    ),
    "SSN": (
        "ssn",
        "ss#",
        "social security",
        "social security number",
        "social security #",
        "soc sec #",
        "pid-19",
    ),
    "PHONE": (
        "phone",
        "phone number",
        "ph",
        "tel",
        "telephone",
        "fax",
        "cell",
        "cell phone",
        "mobile",
        "home phone",
        "work phone",
        "pager",
        "contact number",
        "callback",
        "call back",
        "callback number",
        "patient's telephone numbers",
        "telephone numbers",
        "contact phone",
        "pid-13",
        "pid-14",
        "nk1-5",
    ),
    "EMAIL": ("email", "e-mail", "email address"),
    "ADDRESS": (
        "address",
        "addr",
        "home address",
        "home addr",
        "street",
        "street address",
        "patient's address",
        "residence",
        "city",
        "zip",
        "zip code",
        "postal code",
        "institution address",
        "mailing address",
        "pid-11",
        "nk1-4",
    ),
    "ID": (
        "insurance",
        "insurance id",
        "insurance #",
        "member id",
        "member #",
        "subscriber id",
        "policy",
        "policy #",
        "policy number",
        "group number",
        "group #",
        "account",
        "account number",
        "account #",
        "acct",
        "acct #",
        "mbi",
        "medicare",
        "medicare id",
        "nhs",
        "nhs no",
        "nhs number",
        "nhi",
        "phn",
        "hcn",
        "ohip",
        "h&c no",
        "health card",
        "health card number",
        "medicaid",
        "medicaid id",
        "plan id",
        "health plan",
        "npi",
        "dea",
        "license",
        "licence",
        "license #",
        "driver's license",
        "device serial number",
        "serial number",
        "serial #",
        "s/n",
        "study instance uid",
        "series instance uid",
        "sop instance uid",
        "claim #",
        "claim number",
        "visit id",
        "case number",
        "case #",
        "ref code",
        "reference number",
        "pid-18",
        "pid-20",
    ),
    "FACILITY": (
        "facility",
        "hospital",
        "institution",
        "institution name",
        "clinic",
        "practice",
        "referring facility",
        "sending facility",
        "performing facility",
        "ordering facility",
        "organization",
    ),
    "AGE": ("age", "patient's age", "age at exam"),
}


def normalise_key(key: str) -> str:
    """``"Patient's Name"`` → ``"patientsname"``: the form keys are looked up in."""
    return "".join(char for char in key.lower() if char.isalnum() or char == "#")


#: Normalised key → label.
FIELD_LABELS: dict[str, str] = {
    normalise_key(key): label for label, keys in _KEYS.items() for key in keys
}

# Column names of exports (REDCap, CSV, data frames) that no list holds:
# "subject_id", "screenId", "enroll_date", "date_screened", "subject".
_WORD_END = r"(?:[\s_.-]+|(?<=[a-z])(?=[A-Z]))"
_ID_COLUMN = regex.compile(
    rf"^(?!(?:row|item|question|page|line|version|index|seq|type|code|event|arm|field|form)"
    rf"{_WORD_END})[A-Za-z]+{_WORD_END}(?:id|ID|Id|no|No|num|Num|nbr|number|Number)$"
    r"|^(?i:subject|participant|enrollee|screening)$"
)
_DATE_COLUMN = regex.compile(
    rf"^[A-Za-z]+{_WORD_END}(?:date|Date|DATE|dt|DT)$|^(?i:date){_WORD_END}[A-Za-z]+$"
)


#: Keys that name a column only where a key names one (a table header, a
#: JSON key): in prose "First: CT head" is no name.
_COLUMN_KEYS = {
    normalise_key(key): label
    for label, keys in {
        "NAME": ("first", "last", "given", "family", "fname", "lname", "employee", "claimant"),
        "SSN": ("ssn_last4", "ssn4", "last4"),
        # a workers' compensation table: claim_no,employee,...,employer
        "FACILITY": ("employer", "employer_name", "company"),
    }.items()
    for key in keys
}


def column_label(key: str) -> str | None:
    """The label of a table column or a JSON key: a field key's
    (:data:`FIELD_LABELS`), else one its shape gives (``record_id`` an ID,
    ``consent_date`` a DATE). The shape is read in headers and data keys
    only, where a key names a column; in prose ``Study no: 4`` is a field
    key's job alone."""
    normalised = normalise_key(key)
    label = FIELD_LABELS.get(normalised) or _COLUMN_KEYS.get(normalised)
    if label is not None:
        return label
    key = key.strip()
    if _DATE_COLUMN.match(key):
        return "DATE"
    if _ID_COLUMN.match(key):
        return "ID"
    return None


_MONTH_WORD = regex.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", regex.IGNORECASE
)
_DATE_SHAPE = regex.compile(r"\d{1,4}[/.-]\d|\d{6,}")
_DOI = regex.compile(r"10\.\d{4,}/")
#: An ICD-10 code with its dot (S52.531A, M54.5, C34.90): no record number.
_ICD10 = regex.compile(r"[A-Z]\d[0-9A-Z]\.[0-9A-Z]{1,4}")
# [NAME], [DATE_2]; in a bracketed DICOM value, [[NAME]] reads as "[NAME".
_PLACEHOLDER = regex.compile(r"\[+[A-Z]+(?:_\d+)?\]*|\[*[A-Z]+(?:_\d+)?\]+")
_EMPTY_VALUES = frozenset(
    {"", "na", "n/a", "none", "unknown", "pending", "-", "--", "null", "anon"}
)


def value_fits(label: str, value: str) -> bool:
    """Whether ``value`` can be a value of a field labelled ``label``.

    Field values are redacted whatever they look like, except values that
    cannot carry the label at all (a date field without digits, an ID without
    a digit, an age of 89 or under) and explicit blanks.
    """
    if value.strip().lower() in _EMPTY_VALUES or _PLACEHOLDER.fullmatch(value.strip()):
        return False  # blanks, and phiguard's own placeholders: [NAME], [DATE]
    digits = sum(char.isdigit() for char in value)
    if label == "DATE":
        if _DOI.match(value.strip()):
            return False  # "DOI: 10.1148/radiol.2017161659" names an article
        return bool(_DATE_SHAPE.search(value) or (_MONTH_WORD.search(value) and digits))
    if label in {"MRN", "ACCESSION", "ID", "SSN"}:
        if _ICD10.fullmatch(value.strip().rstrip("?.,;:!")):
            return False  # "initial encounter: S52.531A?": a diagnosis code
        return digits >= 1 and sum(char.isalnum() for char in value) >= 4
    if label == "PHONE":
        return digits >= 7
    if label == "EMAIL":
        return "@" in value
    if label == "AGE":
        return is_over_89(value)
    if label == "FACILITY":
        return names_a_place(value)
    if label == "NAME":
        return any(char.isalpha() for char in value) and not value[:1].isdigit()
    return any(char.isalnum() for char in value)
