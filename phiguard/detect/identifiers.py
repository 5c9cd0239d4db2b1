"""MRN, ACCESSION, SSN and ID: record numbers and other unique identifiers.

Labelled forms (``MRN: 00412387``, ``Acc# RB24030417``, ``Member ID HP-98765``)
score high; bare identifier shapes (long digit runs, upper-case codes with
five or more digits, DICOM UIDs) score at the threshold because Safe Harbor's
"any other unique identifying number" covers them, while clinical codes
(ICD, CPT, BI-RADS, vertebral levels) never have that shape.
"""

from __future__ import annotations

from phiguard.detect.recognizer import Pattern, PatternRecognizer

__all__ = ["IDENTIFIER_RECOGNIZERS", "labelled"]

# Between a label and its value: punctuation, and words like "is", "no.".
_SEP = r"[\s:#=.\-]{0,6}(?:(?:is|was|no\.?|num(?:ber)?|of)\b[\s:#=.]{0,4})?"
# An identifier value: 5 to 25 characters of letters, digits and inner
# dashes or slashes, at least one digit; an optional leading '#'.
_VALUE = (
    r"(?P<v>\#?(?=[A-Z0-9/-]{0,25}\d)[A-Z0-9](?:[A-Z0-9]|[-/](?=[A-Z0-9])){4,24}+)"
    r"(?![A-Z0-9@])"
)


# A value typed apart to slip past the shapes above: "1 2 3 4 5 6 7",
# "00.41.23.87", "R B 2 4 0 3 0 4 1 7"; at least five digits.
_SPACED_VALUE = (
    r"(?P<v>(?:[A-Z][ .]){0,4}+(?=(?:\d[ .]?){5})\d{1,4}+(?:[ .]\d{1,4}+){1,24}+)(?!\w|[.-]\d)"
)
# The key itself typed apart: "M R N", "M.R.N.", "A c c".
_SPACED_KEYS = r"M\.?\s?R\.?\s?N\.?|A\s?c\s?c(?:ession)?\.?"


def labelled(keys: str, initials: str = "") -> str:
    """Regex for ``KEY <sep> VALUE`` with the value as group ``v``.

    ``initials``, the letters the keys start with, lead the pattern as a
    lookahead: for ``re`` (``Pattern.ascii_re``), which otherwise tries
    every key at every word start.
    """
    lookahead = f"(?=[{initials}])" if initials else ""
    return rf"\b{lookahead}(?:{keys})(?![A-Za-z]){_SEP}{_VALUE}"


def labelled_gate(keys: str) -> str:
    """What the pattern gate scans for in place of :func:`labelled`: the
    key, then what the value's lookahead asks for (a digit within it),
    consumed. Hyperscan drops lookaheads, and without it every key followed
    by a word ("plan to", "case of") would pass the gate."""
    return rf"\b(?:{keys})(?![A-Za-z]){_SEP}\#?[A-Z0-9/-]{{0,25}}\d"


def spaced(keys: str) -> str:
    """Regex for ``KEY <sep> V A L U E``: a value typed apart, as group ``v``."""
    return rf"\b(?:{keys})(?![A-Za-z]){_SEP}{_SPACED_VALUE}"


_MRN_KEYS = (
    r"MRN|MR\s?\#|MR\s?(?:No|Num(?:ber)?)\.?|Med(?:ical)?\.?\s?Rec(?:ord)?s?\.?"
    r"(?:\s?(?:No|Num(?:ber)?|\#|ID))?\.?|Patient\s?ID|Pt\.?\s?ID|PID|EMR(?:\s?(?:No|ID|\#))?"
    r"|Chart\s?(?:No\.?|Num(?:ber)?|\#|ID)|Hosp(?:ital)?\s?(?:No|Num(?:ber)?|\#|ID)"
    r"|Unit\s?(?:No|Num(?:ber)?)|Patient\s?(?:No|Num(?:ber)?|\#)"
    # UK, Australian and Indian hospital numbers: UR 771203, UHID SRM/24/118702
    r"|UR\s?No\.?|URN|UHID|IP\s?No\.?|IPD\s?No\.?|Reg(?:istration)?\.?\s?No\.?"
)
_ACCESSION_KEYS = (
    r"Acc(?:ession)?\.?(?:\s?(?:No|Num(?:ber)?|ID|\#))?|Order\s?(?:No\.?|Num(?:ber)?|\#|ID)"
    r"|Req(?:uisition)?\.?\s?(?:No\.?|\#|ID)|(?:Study|Exam|Encounter|Visit)\s?(?:ID|No\.?|\#)"
    r"|CSN|FIN"
)
_ID_KEYS = (
    r"(?:ins(?:urance)?\.?|health\s?plan|plan|policy|member|subscriber|group|account|acct\.?"
    r"|claim|case|site|badge|employee|passport|certificate|benefici?ary|medicaid|medicare"
    r"|ref(?:erence)?\.?|confirmation|device|serial|licen[cs]e|driver'?s?\s?licen[cs]e)"
    r"(?:[\s.]{0,2}(?:plan|policy|ID|no|num|number|\#|code|serial))*"
    r"|S/N|NPI|DEA|MBI|HICN|HBN|VIN|UID|ID"
    # research numbers: participant # AP-0072, screening no. SCR-0441, subject RAD-PRISM-0193
    r"|participant(?:\s?(?:ID|no|num|number|\#))?|subject(?:\s?(?:ID|no|num|number|\#))?"
    r"|screening\s?(?:ID|no|num|number|\#)|enrol(?:l)?ment\s?(?:ID|no|num|number|\#)"
)
# National health numbers: NHS 943 476 5919, NHI ZAC4521, PHN 9876 543 210,
# OHIP 6620-443-118, RAMQ LAVG 4512 1598, Medicare 4418 22103 2
_HEALTH_NUMBER_KEYS = (
    r"NHS(?:\s?(?:No|Num(?:ber)?))?\.?|NHI|PHN|HCN|OHIP|RAMQ|CHI|IHI|H&C(?:\s?No)?\.?"
    r"|health\s?card(?:\s?(?:no|num(?:ber)?|\#))?|medicare(?:\s?(?:no|num(?:ber)?|\#))?"
)
_HEALTH_NUMBER = (
    rf"\b(?:{_HEALTH_NUMBER_KEYS})(?![A-Za-z])[\s:#=.]{{0,4}}(?:is\s)?"
    r"(?P<v>(?:[A-Z]{3,4}\s?)?\d{2,5}(?:[ -]\d{1,5}){1,3}|[A-Z]{3}\d{4})(?![\w-])"
)

_MRN = PatternRecognizer(
    name="mrn_labelled_v1",
    label="MRN",
    patterns=(
        Pattern(
            "labelled",
            labelled(_MRN_KEYS),
            0.95,
            gate=labelled_gate(_MRN_KEYS),
            ascii_re=labelled(_MRN_KEYS, "mpechuir"),
        ),
        Pattern("spaced", spaced(rf"{_MRN_KEYS}|M\.?\s?R\.?\s?N\.?"), 0.9),
    ),
    prefilter=r"M\.?\s?R|Med|ID|EMR|Chart|Hosp|Unit|Patient|\bUR|Reg|\bIP",
    examples=(
        "Pt Rosa, MRN «00412387», CT",
        "(MRN: #«SC987654»)",
        "MRN is «CC-98765» for ref",
        "MR# «A1234567»",
        "Med Rec No. «98234-AB»",
        "med rec #«99887766», w/",
        "Patient ID: «LK0078231»",
        "EMR: «456123789».",
        "MRN «1 2 3 4 5 6 7» ok",
        "M R N «1 2 3 4 5 6 7»",
        "m.r.n. «00.41.23.87»,",
        "MRN: «0041 2387»",
        "UHID: «SRM/24/118702»  IP No",
        "Reg No «NGP/2025/00918». Previous",
        "IPD No «IPD/2503/0771», MR No",
        "URN «771203» seen",
    ),
    counterexamples=(
        "MRI of the brain",
        "MR imaging 12345",
        "MRN pending",
        "MRN 1 2 or 3",
        "M R N A",
    ),
)

_ACCESSION = PatternRecognizer(
    name="accession_labelled_v1",
    label="ACCESSION",
    patterns=(
        Pattern(
            "labelled",
            labelled(_ACCESSION_KEYS),
            0.95,
            gate=labelled_gate(_ACCESSION_KEYS),
            ascii_re=True,
        ),
        Pattern("spaced", spaced(rf"{_ACCESSION_KEYS}|A\s?c\s?c\.?"), 0.9, ascii_re=True),
    ),
    prefilter=r"A\s?c\s?c|Order|Req|ID|No|#|CSN|FIN",
    examples=(
        "Acc «RB24030417»",
        "Acc# «A8812034»",
        "Accession No.: «GP0209240077»",
        "ACC «RB24030917» |",
        "Order # «ORD7782201»",
        "Acc # «R B 2 4 0 3 0 4 1 7»",
        "A c c «24 03 04 17»",
    ),
    counterexamples=("according to 2019 data", "accessory spleen", "in order 1 2 3"),
)

_SSN = PatternRecognizer(
    name="ssn_v1",
    label="SSN",
    patterns=(
        Pattern(
            "labelled",
            r"\b(?:SSN|S\.?\s?S\.?\s?N\.?|SS\#|soc(?:ial)?\.?\s?sec(?:urity)?\.?"
            r"(?:\s?(?:no|num(?:ber)?|\#))?)"
            # 123-45-6789, and typed apart: 1 2 3 4 5 6 7 8 9, 123.45.6789
            r"[\s:#=.]{0,4}(?:is\s)?(?P<v>\d(?:[- .]?\d){8})(?!\d)",
            0.98,
        ),
        # Invalid areas (000, 666, 9xx) still leak: the shape is what matters.
        Pattern("dashed", r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])", 0.85),
        Pattern("spaced", r"(?<![\d ])\d{3} \d{2} \d{4}(?![\d])", 0.3),
    ),
    context=("ssn", "social", "security", "ss#"),
    prefilter=r"\d(?:[- .]?\d){8}",
    examples=(
        "(SSN: «987-65-4321»)",
        "social security number «412673390»",
        "SSN «123 45 6789»",
        "ssn is «031-44-8821»",
        "SB2403100044|«031-44-8821»|",
        "SSN «1 2 3 4 5 6 7 8 9»",
        "S S N «123.45.6789»",
    ),
    counterexamples=("call 555-123-4567", "ratio 123-45"),
)

_ID_LABELLED = PatternRecognizer(
    name="id_labelled_v1",
    label="ID",
    patterns=(
        Pattern(
            "labelled",
            labelled(_ID_KEYS),
            0.9,
            gate=labelled_gate(_ID_KEYS),
            ascii_re=labelled(_ID_KEYS, "abcdeghilmnprsuv"),
        ),
    ),
    examples=(
        "pt has ins plan #«R-987654».",
        "insurance policy number «HP-1234-5678»?",
        "with insurance ID «SH-8567»?",
        "Insurance #«JP456789».",
        "ref. code: «EM-2554».",
        "under ID: «RX-87654321».",
        "(ins. #«789-1234-567»)",
        "(Account Number: «9876543210»)",
        "Device Serial Number: «RCT40522HV»",
        "Member ID «XQH123456789»",
        "NPI «1881045523»",
        "participant # «AP-0072». Scan",
        "Screening no. «SCR-0441». Consent",
        "quick q about subject «RAD-PRISM-0193» (Marta",
    ),
    counterexamples=(
        "ID card was lost",
        "the policy is 5 years old",
        "group 2 patients",
        "subject to change 2024",
    ),
)

_HEALTH_NUMBERS = PatternRecognizer(
    name="health_number_v1",
    label="ID",
    patterns=(Pattern("labelled", _HEALTH_NUMBER, 0.9),),
    prefilter=r"NHS|NHI|PHN|HCN|OHIP|RAMQ|CHI|IHI|H&C|health\s?card|medicare",
    examples=(
        "Dennis Wainwright  NHS «943 476 5919»  Hosp",
        "(DOB 30/10/1929, NHS «450 557 7104»)",
        "NHI «ZAC4521». partner",
        "PHN «9876 543 210»  DOB",
        "HCN «4421-118-330»\nExam",
        "OHIP «6620-443-118»",
        "RAMQ «LAVG 4512 1598», née",
        "Medicare «4418 22103 2».",
        "NHS number «401 023 2137»",
    ),
    counterexamples=(
        "NHS guidance from 2019",
        "Medicare Part B covers 80 percent",
        "CHI 2 score",
    ),
)

_ID_SHAPES = PatternRecognizer(
    name="id_shape_v1",
    label="ID",
    patterns=(
        # DICOM UIDs: 1.2.840.113619.2.55.3... (five or more dotted parts).
        # (not the standard's own UIDs under 1.2.840.10008: SOP classes,
        # transfer syntaxes)
        Pattern(
            "dicom_uid",
            r"(?<![\d.])(?!1\.2\.840\.10008\.)[12](?:\.\d++){4,}+(?![\d.]|\.\d)",
            0.9,
        ),
        Pattern("uuid_uid", r"(?<![\d.])2\.25\.\d{10,}+(?![\d.]|\.\d)", 0.9),
        # Codes with letters and at least five digits: E4471920, HV24-CT-77301,
        # k4471920; not DICOM tags written x00100010 nor trial numbers (NCT04512345).
        Pattern(
            "code",
            r"(?<![\w-])(?!x[0-9A-Fa-f]{8}(?![\w-])|NCT\d{8}(?![\w-]))(?=[A-Za-z0-9-]*[A-Za-z])"
            r"(?=[A-Za-z-]*\d(?:[A-Za-z-]*\d){4})[A-Za-z0-9]++(?:-[A-Za-z0-9]++)*+(?![\w-])",
            0.5,
            # what the lookaheads ask, as something the pattern gate can scan for
            gate=r"\d(?:[A-Za-z-]*\d){4}",
            ascii_re=True,
        ),
        # Long digit runs: record, account and order numbers.
        # (not DICOM JSON's tag keys: "00100010": {...}, nor the numbers of
        # articles and terminologies: PMID: 29456789, SNOMED 233604007)
        Pattern(
            "digits",
            r"(?<![\w.,/-])(?<!(?i:pmid|pmcid|snomed(?:\sct)?|loinc|rxcui|rxnorm)[:#]?\s?)"
            r"\d{7,}+(?![\w/-]|[.,]\d|\"\s*:)",
            0.5,
        ),
    ),
    ignore_case=False,
    examples=(
        "UI [«1.2.840.113619.2.55.3.604688119.868.1549345.4»]",
        "| «A8812034» | CT",
        "«HV24-CT-77301»|",
        "station «RCT40522HV» x",
        "pt chen mei-ling «k4471920» cr 1.6",
        '"Value": ["«2.25.188402277431905561288130941277305512»"]',
        "called «4155551234» twice",
    ),
    counterexamples=(
        "C5-6 disc",
        "ICD-10 M54.5",
        "BI-RADS 4",
        "LI-RADS LR-4",
        "CPT 76830",
        "SARS-CoV-2",
        "HER2 positive",
        "version 2.3.1",
        "IP 10.41.2.117",
        "1,000,000 units",
        "x00100010  PatientName",
        "SOP Class 1.2.840.10008.5.1.4.1.1.2",
        "Trial NCT04512345 enrolled",
        "PMID: 29456789 describes",
        "SNOMED 233604007 pneumonia",
    ),
)

IDENTIFIER_RECOGNIZERS: tuple[PatternRecognizer, ...] = (
    _MRN,
    _ACCESSION,
    _SSN,
    _ID_LABELLED,
    _HEALTH_NUMBERS,
    _ID_SHAPES,
)
