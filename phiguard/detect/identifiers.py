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
# A date is no identifier: "claim 03/04/2024", "case 2024-03-04" are DATEs.
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_NOT_A_DATE = (
    rf"(?!(?:{_DAY}[/.-]{_DAY}[/.-](?:\d{{4}}|\d{{2}})|\d{{4}}[/.-][01]?\d[/.-][0-3]?\d)(?![\w/-]))"
)

# A number joined to lower-case words is a measure, not an identifier:
# "booking 30-minute slots", "plan 5-day course", "group 2-view series".
_NOT_A_MEASURE = r"(?!(?-i:\d++(?:-[a-z]++)++)(?![\w-]))"


def _value(ahead: str = "", *, shortest: int = 5, inner: str = "/-") -> str:
    """An identifier value as group ``v``: ``shortest`` to 25 letters and
    digits, with ``inner`` characters between them, at least one digit, an
    optional leading '#'; ``ahead``: lookaheads it must pass besides."""
    chars = f"A-Z0-9{inner}"
    return (
        rf"(?P<v>\#?{_NOT_A_DATE}{_NOT_A_MEASURE}{ahead}(?=[{chars}]{{0,25}}\d)"
        rf"[A-Z0-9](?:[A-Z0-9]|[{inner}](?=[A-Z0-9])){{{shortest - 1},24}}+)(?![A-Z0-9@])"
    )


# An identifier value: 5 to 25 characters of letters, digits and inner
# dashes or slashes, at least one digit; an optional leading '#'.
_VALUE = _value()
# After the keys of other identifiers ("ref", "policy"), two numbers of two
# or three digits joined by a dash are a reference range: "Na 128 (ref
# 135-145)".
_NOT_A_RANGE = r"(?!(?:\d\d-\d\d|\d{3}-\d{3})(?![\w/.-]))"
# An IT ticket's number (INC0048812, RITM0012345, CHG0031337) names a
# ticket, not a patient's incident: "RIS incident INC0048812".
_NOT_A_TICKET = r"(?!(?:INC|RITM|CHG|PRB|SCTASK|TASK|REQ)\d{5,}(?![\w-]))"
_ID_VALUE = _value(_NOT_A_RANGE + _NOT_A_TICKET)


# A value typed apart to slip past the shapes above: "1 2 3 4 5 6 7",
# "00.41.23.87", "R B 2 4 0 3 0 4 1 7"; at least five digits.
_SPACED_VALUE = (
    r"(?P<v>(?:[A-Z][ .]){0,4}+(?=(?:\d[ .]?){5})\d{1,4}+(?:[ .]\d{1,4}+){1,24}+)(?!\w|[.-]\d)"
)
# The key itself typed apart: "M R N", "M.R.N.", "A c c".
_SPACED_KEYS = r"M\.?\s?R\.?\s?N\.?|A\s?c\s?c(?:ession)?\.?"


def labelled(keys: str, initials: str = "", value: str = _VALUE) -> str:
    """Regex for ``KEY <sep> VALUE`` with the value as group ``v``.

    ``initials``, the letters the keys start with, lead the pattern as a
    lookahead: for ``re`` (``Pattern.ascii_re``), which otherwise tries
    every key at every word start.
    """
    lookahead = f"(?=[{initials}])" if initials else ""
    return rf"\b{lookahead}(?:{keys})(?![A-Za-z]){_SEP}{value}"


def labelled_gate(keys: str, inner: str = "/-") -> str:
    """What the pattern gate scans for in place of :func:`labelled`: the
    key, then what the value's lookahead asks for (a digit within it),
    consumed. Hyperscan drops lookaheads, and without it every key followed
    by a word ("plan to", "case of") would pass the gate."""
    return rf"\b(?:{keys})(?![A-Za-z]){_SEP}\#?[A-Z0-9{inner}]{{0,25}}\d"


def spaced(keys: str) -> str:
    """Regex for ``KEY <sep> V A L U E``: a value typed apart, as group ``v``."""
    return rf"\b(?:{keys})(?![A-Za-z]){_SEP}{_SPACED_VALUE}"


_MRN_KEYS = (
    r"MRN|MR\s?\#|MR\s?(?:No|Num(?:ber)?)\.?|Med(?:ical)?\.?\s?Rec(?:ord)?s?\.?"
    r"(?:\s?(?:No|Num(?:ber)?|\#|ID))?\.?|Patient\s?ID|Pt\.?\s?ID|PID|EMR(?:\s?(?:No|ID|\#))?"
    r"|Chart\s?(?:No\.?|Num(?:ber)?|\#|ID)|Hosp(?:ital)?\s?(?:No|Num(?:ber)?|\#|ID)"
    # a chart alone before a number of four digits or a letter code (chart
    # D-5531, chart 00412238; not "chart 2024", a year)
    r"|Chart(?=\s(?:[A-Z]{1,4}-)?\d{4})(?!\s(?:19|20)\d\d(?![\d-]))"
    r"|Unit\s?(?:No|Num(?:ber)?)|Patient\s?(?:No|Num(?:ber)?|\#)"
    # UK, Australian and Indian hospital numbers: UR 771203, UHID SRM/24/118702
    r"|UR\s?No\.?|URN|UHID|IP\s?No\.?|IPD\s?No\.?|Reg(?:istration)?\.?\s?No\.?"
    # other languages: Pat.-Nr., Fallnummer, patiëntnummer, nr historii
    # choroby, numer karty pacjenta, cartella clinica, SDO, IPP, n° de
    # dossier, historia clínica, NHC, prontuário, số hồ sơ
    r"|Pat(?:ienten)?\.?-?\s?Nr\.?|Patientennummer|Fall-?\s?(?:nummer|Nr\.?)|Aufnahme-?nummer"
    r"|pati[eë]nt-?nummer|ZIS-?nummer"
    r"|(?:nr|numer)\.?\s(?:historii\schoroby|karty(?:\spacjenta)?)"
    r"|(?:n\.?\s|n[°º]\s?)?cartella(?:\sclinica)?(?:\sn\.?|\sn[°º])?|(?-i:SDO)|nosologico"
    r"|(?-i:IPP|NIP)|(?:n[°º]|num[ée]ro)\s?(?:de\s)?dossier|dossier\sn[°º]"
    r"|(?:n[úu]m(?:ero)?\.?\s(?:de\s)?)?(?:historia\scl[íi]nica|expediente)|(?-i:NHC)"
    # a file's number, as Nigerian and British hospitals call the record: File no LUTH/GYN/2291
    r"|file\s?(?:no\.?|num(?:ber)?|\#)"
    # Russian: история болезни № 4471-24, медкарта № 5521
    r"|истори[яи]\sболезни(?:\s№)?|(?:мед(?:ицинская\s)?)?карт[аы](?:\sпациента)?\s№|ИБ\s№"
    r"|(?:n[úu]mero\s(?:de\s|do\s)?)?prontu[áa]rio|s[ốo]\sh[ồo]\ss[ơo]"
    # Indonesian: no. RM (rekam medis) 00-45-82-19
    r"|no\.?\s?(?-i:RM)"
)
_ACCESSION_KEYS = (
    r"Acc(?:ession)?\.?(?:\s?(?:No|Num(?:ber)?|ID|\#))?|Order\s?(?:No\.?|Num(?:ber)?|\#|ID)"
    r"|Req(?:uisition)?\.?\s?(?:No\.?|\#|ID)|(?:Study|Exam|Encounter|Visit)\s?(?:ID|No\.?|\#)"
    r"|CSN|FIN"
)
_ID_KEYS = (
    r"(?:ins(?:urance)?\.?|health\s?plan|plan|policy|member|subscriber|group|account|acct\.?"
    r"|claim|site|badge|employee|passport|certificate|benefici?ary|medicaid|medicare"
    r"|ref(?:erence)?\.?|confirmation|device|serial"
    # police and court numbers: Incident #: 25-004471, booking # BK2503-00471
    r"|incident|booking|docket|citation|inmate|(?:police|incident|crime|accident)\s?report)"
    r"(?:[\s.]{0,2}(?:plan|policy|ID|no|num|number|\#|code|serial))*"
    r"|(?:report|tax)(?:[\s.]{0,2}(?:ID|no|num|number)|(?=\s?\#))"
    # prior authorisations: PA # 24-118-55023, prior auth no. PA-5521
    r"|(?-i:PA)(?=\s?\#)|prior\s?auth(?:ori[sz]ation)?(?:[\s.]{0,2}(?:ID|no|num|number|\#))?"
    # tax numbers (TIN 91-3304871, EIN 12-3456789) and serial numbers
    # (SN 175523) in capitals only: "tin", "ein", "sn" are words too
    r"|(?-i:F?EIN|I?TIN|SN|S\.N\.?)"
    r"|S/N|NPI|DEA|MBI|HICN|HBN|VIN|UID|ID"
    # an attorney's State Bar Number: SBN 281904, bar no. 55120
    r"|(?-i:SBN)|bar\s?(?:no|num|number|\#)"
    # research numbers: participant # AP-0072, screening no. SCR-0441, subject RAD-PRISM-0193
    r"|participant(?:\s?(?:ID|no|num|number|\#))?|subj(?:ect|\.)?(?:\s?(?:ID|no|num|number|\#))?"
    # incident and run numbers of the ambulance service (Inc# 24-033817,
    # Einsatznr. 2024-041177), bills, and airline bookings (PNR LM8Q3T)
    r"|inc\s?\#|einsatz-?(?:nr|nummer)\.?|bill\s?(?:no|num|number|\#)|(?-i:PNR)"
    r"|screening\s?(?:ID|no|num|number|\#)|enrol(?:l)?ment\s?(?:ID|no|num|number|\#)"
)
# "case" is a word of clinical prose ("case 3 of 10", "case report"): its
# value has four digits, or letters and a hyphen (case CPD-25-018832).
# (a vendor's or service desk's case is no patient's: "Vendor case 4008812")
_CASE_KEYS = r"(?<!vendor\s)(?<!service\s)(?<!support\s)case(?:[\s.]{0,2}(?:ID|no|num|number|\#))?"
_CASE_VALUE = _value(r"(?:(?=(?:[A-Z/-]*+\d){4})|(?=[A-Z0-9/]*+-)(?=[0-9/-]*+[A-Z]))")
# Licences, whose numbers may be dotted: License LCS.0041827, lic # MD44102
_LICENCE_KEYS = (
    r"(?:driver'?s?\s?|medical\s|nursing\s|professional\s|state\s)?licen[cs]e"
    r"(?:[\s.]{0,2}(?:ID|no|num|number|\#))?|lic\.?(?:\s?(?:no|num|number|\#))?"
    # Brazil's medical council: CRM 54218, CRM-SP 123456
    r"|(?-i:CRM)(?:-[A-Z]{2})?"
    # the registry of radiologic technologists: ARRT 589214
    r"|(?-i:ARRT)(?:\s?(?:no|num|number|\#))?"
)
# A state's code before the number: "state license MD 72144"
_STATE_LICENCE_VALUE = r"(?P<v>(?-i:[A-Z]{2})\s\d{4,8})(?![\w-])"
_LICENCE_VALUE = _value(inner="/.-")
# Keys explicit enough for a short number (three digits or more): badge
# 4471, badge no. 3301, officer Ortega #8812, employee ID E44102
_BADGE_KEYS = (
    r"(?:police\s|officer\s)?badge(?:[\s.]{0,2}(?:ID|no|num|number|\#))?"
    r"|(?:officer|ofc\.?|deputy|detective|det\.|trooper|sergeant|sgt\.?)"
    r"(?:\s(?-i:[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?)\s?\#|\s?(?:\#|no\.?|num(?:ber)?))"
    r"|(?:employee|emp|staff|personnel)[\s.]{0,2}(?:ID|no|num|number|\#)"
    # a British constable's collar number: PC Probert, collar no. 4417
    r"|collar\s?(?:no|num|number|\#)"
)
_BADGE_VALUE = _value(r"(?=(?:[A-Z/-]*+\d){3})", shortest=3)
# National health numbers: NHS 943 476 5919, NHI ZAC4521, PHN 9876 543 210,
# OHIP 6620-443-118, RAMQ LAVG 4512 1598, Medicare 4418 22103 2; Brazil's
# CPF 482.119.037-51 and cartão SUS, India's Aadhaar, Mexico's NSS,
# Portugal's número de utente, Quebec's NAM, Italy's codice fiscale,
# Germany's Versicherungsnummer K441028736
_HEALTH_NUMBER_KEYS = (
    r"NHS(?:\s?(?:No|Num(?:ber)?))?\.?|NHI|PHN|HCN|OHIP|RAMQ|CHI|IHI|H&C(?:\s?No)?\.?"
    r"|health\s?card(?:\s?(?:no|num(?:ber)?|\#))?|medicare(?:\s?(?:no|num(?:ber)?|\#))?"
    r"|CPF|(?:cart[aã]o\s(?:do\s|de\s)?)?(?-i:SUS)|(?-i:CNS)"
    r"|aadhaa?r(?:\s?(?:no|num(?:ber)?|card))?\.?|(?-i:NSS)|IMSS|n[uú]mero\s(?:de\s)?utente"
    r"|(?-i:NAM)|codice\s?fiscale|tessera\s?sanitaria|n\.?\s?º\s(?:de\s)?utente"
    # Pakistan's CNIC, the UAE's Emirates ID
    r"|(?-i:CNIC)|شناختی\sکارڈ|emirates\s?id"
    r"|(?:kranken)?versicherungs-?nummer|versicherten-?nummer|(?-i:KVNR)"
    # national numbers: Argentina's DNI and CUIL, Chile's RUT, Poland's PESEL,
    # the Netherlands' BSN, Switzerland's AVS/AHV, France's NIR, PhilHealth
    r"|(?-i:DNI|CUIL|CUIT|RUT|RUN|PESEL|BSN|AVS|AHV|NIR|NIE|NIF)(?:-?(?i:Nr)\.?)?"
    r"|n[°º]\s(?:de\s)?s[ée]curit[ée]\ssociale|philhealth(?:\s(?:number|no\.?|id))?"
    # Sweden's personnummer: pnr 19410312-5518
    r"|pnr|personnummer|personnr"
    # Hungary's TAJ, Bangladesh's NID, Hong Kong's HKID, Canada's SIN (NAS in
    # French), the Czech rodné číslo (r.č.), a US alien number (A# A-208 417 553)
    r"|(?-i:TAJ|NID|HKID|SIN|NAS)|r\.\s?[čc]\.|rodn[ée]\s[čc][íi]slo|(?-i:A\#)|alien\s?(?:no|number|\#)"
    # Russia's policy of medical insurance and SNILS, Korea's resident
    # number, India's Aadhaar in Devanagari
    r"|полис(?:\sОМС)?|ОМС|СНИЛС|(?-i:RRN)|आधार(?:\sनंबर|\sसंख्या)?"
)
# Italy's codice fiscale: six letters, two digits, a letter, two digits, a
# letter, three digits, a letter (MRTGPP31D59F839X)
_FISCAL_CODE = r"[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z]"
_HEALTH_NUMBER = (
    rf"\b(?:{_HEALTH_NUMBER_KEYS})(?![A-Za-z])[\s:#=.]{{0,4}}(?:is\s)?"
    # digit groups apart (with six digits or more), after capitals maybe:
    # 943 476 5919, 482.119.037-51, LAVG 4512 1598; stop at a comma, a
    # full stop before a space, or a word
    # (first, whole: an HKID with its check digit, K123456(7); a rodné
    # číslo, 485612/1234; an alien number, A-208 417 553)
    r"(?P<v>(?-i:[A-Z]{1,2})\d{6}\([\dA]\)|\d{6}/\d{3,4}|(?-i:A)-?\d{3}[ ]?\d{3}[ ]?\d{3}"
    r"|(?:(?-i:[A-Z]{3,4})\s?)?(?=\d(?:[ .-]?\d){5})\d{2,5}(?:[ .-]\d{1,9}){1,4}"
    # an Argentine DNI in thousands: 4.887.213
    r"|\d{1,2}\.\d{3}\.\d{3}"
    # one run of digits, after capitals maybe: TREG 54021218, K441028736
    r"|(?-i:[A-Z]{4}\s?|[A-Z])?\d{6,12}"
    rf"|[A-Z]{{3}}\d{{4}}|{_FISCAL_CODE}"
    # France's NIR: 2 47 07 69 123 456 78
    r"|[12][ ]?\d\d[ ]?\d\d[ ]?(?:\d\d|2[AB])[ ]?\d{3}[ ]?\d{3}(?:[ ]?\d\d)?"
    # a personnummer: 19410312-5518, 410312-5518; a Korean resident number
    r"|\d{6}(?:\d\d)?[-+]\d{4}|\d{6}-[1-8]\d{6})"
    # a check digit after a dash: RUT 12.345.678-5, 12.345.678-K
    r"(?:-[\dK](?![\w-]))?(?![\w-])"
)

# A vehicle plate: 7KLM442, TXR-4418, HVY 4421; letters and digits, five
# to eight of them, in one part or two (the second with a digit, but for
# the British AB12 CDE)
_PLATE_KEY = (
    r"\b(?:(?:(?:licen[cs]e|number|car|vehicle|reg(?:istration)?\.?)\s?plate|plate"
    r"|(?:vehicle\s|car\s)?registration|VRN|(?:kfz-?)?kennzeichen|kenteken|matr[ií]cula|targa)"
    r"(?:\s?(?:no\.?|num(?:ber)?|\#))?"
    r"|tag\s?(?:no\.?|num(?:ber)?|\#))(?![A-Za-z])[\s:#=.]{0,4}(?:is\s)?"
)
# (not spinal levels: plate T12-L2)
_PLATE = _PLATE_KEY + (
    # a German plate first: district, letters, number (B-LH 4821, M-AB 123E)
    r"(?P<v>[A-Z]{1,3}-[A-Z]{1,2}\s?\d{1,4}[EH]?"
    r"|(?![CTLS]\d{1,2}-[CTLS]\d)(?=\d{0,8}[ -]?\d{0,5}[A-Z])(?=[A-Z]{0,8}[ -]?[A-Z]{0,5}\d)"
    r"(?:[A-Z0-9]{5,8}|[A-Z]{2}\d{2}\s[A-Z]{3}"
    r"|(?:[A-Z0-9]{2}[ -](?=[A-Z]{0,4}\d)[A-Z0-9]{3,5}"
    r"|[A-Z0-9]{3,4}[ -](?=[A-Z]{0,4}\d)[A-Z0-9]{2,5})))"
    r"(?![\w-])"
)

# A user name in an audit log: user mrodriguez4, username: jdoe22; a word
# after "user" only with a digit in it ("the user was", "user interface"),
# or after "username:", "login=".
_USER_NAME = r"(?:[A-Z0-9_]|[.-](?=[A-Z0-9_])){2,31}+(?![\w@]|[.-]\w)"
_USER_KEYS = r"user(?:\s?(?:name|id))?|userid|log(?:in|on)(?:\s?(?:name|id))?"
_LOG_STATUS = (
    r"(?!(?:failed|failure|success(?:ful)?|succeeded|ok|denied|required|pending|error|none|null"
    r"|unknown|invalid|expired|locked|disabled|enabled|attempts?|page|screen|time|date)\b)"
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
            ascii_re=labelled(_MRN_KEYS, "mpechuirfaznksdoимк"),
        ),
        Pattern("spaced", spaced(rf"{_MRN_KEYS}|M\.?\s?R\.?\s?N\.?"), 0.9),
        # a hospital's letters, a space, then the number: Hospital no RXH 0091123
        Pattern(
            "prefixed",
            rf"\b(?:{_MRN_KEYS})(?![A-Za-z]){_SEP}(?P<v>(?-i:[A-Z]{{2,4}})[ ]\d{{5,10}})(?![\w-])",
            0.9,
        ),
        # a record's number in a web address: /patients/4410982/studies
        Pattern(
            "path",
            r"/(?:patients?|mrns?|persons?)/(?P<v>\d{5,12})(?=[/?#\s\"']|$)",
            0.75,
        ),
    ),
    prefilter=(
        r"/patient|/mrn|/person|\bfile\s?(?:no|num|\#)"
        r"|M\.?\s?R|Med|ID|EMR|Chart|Hosp|Unit|Patient|\bUR|Reg|\bIP|Pat|Fall|Aufnahme|\bnr|numer"
        r"|ZIS|cartella|SDO|nosolog|NIP|dossier|historia|expediente|NHC|prontu|s[ốo]\sh|no\.?\s?rm"
        r"|болезни|карт|ИБ"
    ),
    examples=(
        "история болезни № «4471-24». Подскажите",
        "Hospital no «RXH 0091123». Please fax",
        "File no «LUTH/GYN/2291». Phone",
        '"GET /api/v2/patients/«4410982»/studies?acc=MR24-5512 HTTP/1.1" 200',
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
        "Pasien Siti, no. RM «00-45-82-19», jadwal",
        "IPD No «IPD/2503/0771», MR No",
        "URN «771203» seen",
        "(Pat.-Nr. «2024-008831», geb.",
        "Fallnummer: «F24-118830»",
        "nr historii choroby «HC/2024/07731»: kontrola",
        "Numer karty pacjenta: «KP/2024/1187». Proszę",
        "(SDO «2024/000318»)?",
        "Pano for Elif Demir, age 34, chart «D-5531», taken 2024-05-20",
        "cartella clinica n. «24/118830»",
        "(IPP «0087331204») sort",
        "n° de dossier «D-2024-5512»",
        "historia clínica «HC-884120»",
        "prontuário «HC-884120»",
        "patiëntnummer «7781203»",
    ),
    counterexamples=(
        "MRI of the brain",
        "MR imaging 12345",
        "MRN pending",
        "MRN 1 2 or 3",
        "M R N A",
        "Patient 2 of 3",
        "Fall 2024 schedule",
        "the flow chart 2024 revision",
        "historia de 3 meses",
        "the SDO 12 mg dose",
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

# An exam's number written with its modality and no key: "hand XR
# XR-0093", "(MG-1104)", "NM-DAT-331". Five digits and more are codes of
# id_shape_v1 already; this takes the short ones, which need the modality
# (not a year: "CT-2019"; not a road: US-101 has three digits and no infix).
_MODALITIES = (
    r"CT|MRI?|US|XR|NM|MG|PET|DX|CR|RF|BW|CEPH|PANO?|DEXA|DXA|IR|FL|OB|ECHO|VQ|MAMMO?"
    r"|CBCT|HUS|SPECT|ANGIO|EEG|ECG|EKG|PATH|CYTO"
)
_ACCESSION_MODALITY = PatternRecognizer(
    name="accession_modality_v1",
    label="ACCESSION",
    patterns=(
        Pattern(
            "modality",
            rf"(?<![\w-])(?:{_MODALITIES})"
            r"(?:-[A-Z]{2,4}-\d{3,4}|-(?!(?:19|20)\d\d(?![\w-]))\d{4})(?![\w-])",
            0.6,
            gate=r"-\d{3}",
            ascii_re=True,
        ),
    ),
    ignore_case=False,
    prefilter=r"-\d{3}",
    examples=(
        "hand XR «XR-0093»: Boxer's fracture",
        "Bertha Young («MG-1101»), Lan Nguyen («MG-1104»)",
        "DaTscan for him, scan «NM-DAT-331» on 7/2",
        "mammo «MG-HMC-2219», 6/7/24",
        "ortho ceph «CEPH-3311» at",
    ),
    counterexamples=(
        "CT-2019 protocol revision",
        "north on US-101 to the clinic",
        "MR-4 and MR-12 sequences",
        "BI-RADS 4, LI-RADS LR-4",
        "MG-132 proteasome inhibitor",
    ),
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

# The last four digits of an SSN still identify, beside a name or a date
# of birth: "SSN ends in 4471", "last 4 of her social: 4471", "XXX-XX-4471".
_SSN_WORD = (
    r"(?:SSN|SS\#|social(?:\ssecurity)?(?:\s(?:no\.?|num(?:ber)?|\#))?"
    r"|soc\.?\ssec\.?(?:\s(?:no\.?|\#))?)"
)
_LAST_FOUR = r"(?:[\s:#=.,-]{1,4}(?:(?:is|are|was|were)\s)?)(?P<v>\d{4})(?![\d-])"
_SSN_LAST_FOUR = PatternRecognizer(
    name="ssn_last_four_v1",
    label="SSN",
    patterns=(
        Pattern(
            "ends",
            rf"\b{_SSN_WORD}\s(?:ends?|ending)\s(?:in|with)\s(?P<v>\d{{4}})(?![\d-])",
            0.9,
        ),
        Pattern(
            "last_four_of",
            r"\blast\s(?:4|four)(?:\s(?:digits|numbers))?\s(?:of\s)?"
            r"(?:(?:the|her|his|their|my|your|pt'?s|patient'?s)\s)?"
            rf"{_SSN_WORD}{_LAST_FOUR}",
            0.9,
        ),
        # "(last 4 7721)": the last four after their words alone
        Pattern(
            "last_four",
            r"\blast\s(?:4|four)(?:\s(?:digits|numbers))?[:\s]\s?(?P<v>\d{4})(?![\d,.-])",
            0.7,
        ),
        Pattern(
            "key_last_four",
            rf"\b{_SSN_WORD}\s\(?(?:last[\s-](?:4|four)|L4)\)?{_LAST_FOUR}",
            0.9,
        ),
        # masked: XXX-XX-4471, ***-**-4471
        Pattern(
            "masked",
            r"(?<![\w*#-])(?:XXX|\*\*\*|\#\#\#)[- ]?(?:XX|\*\*|\#\#)[- ]?(?P<v>\d{4})(?![\d-])",
            0.9,
        ),
    ),
    prefilter=r"ss|social|soc|xxx|\*\*\*|\#\#\#|last",
    examples=(
        "SSN (last 4): «4471»\nAddress",
        "her SSN ends in «4471». We need",
        "social security number ending with «0193»",
        "last 4 of SSN «5521»",
        "last four digits of her social are «8830».",
        "SSN last 4: «1234»",
        "SSN: XXX-XX-«4471»",
        "ssn ***-**-«0099»",
        "Ramón Echeverría (last 4 «7721»), C&P exam",
    ),
    counterexamples=(
        "last 4 weeks",
        "the last 4 1,000-unit doses",
        "SSN ends in 44711",
        "last four of the series 1234",
        "XXX-XX-44712",
    ),
)

# A number after a person's name and "#": an inmate's, a resident's or a
# roster's number (Albright #88214-0, Ted #33021, Tehrani #A1177203); not a
# room's, a bed's or a store's (Room #4410, Walgreens #09921).
_NOT_NAMED_THINGS = (
    r"(?:Room|Rm|Bed|Bay|Suite|Ste|Apt|Unit|Ward|Floor|Store|Pharmacy|Walgreens|Order|Case|Ext"
    r"|Line|Lot|Box|Station|Chair|Cabin|Item|Ticket|Issue|Version|Rev|Step|Day|Week|Cycle"
    r"|Visit|Series|Image|Slice|Page|Table|Figure|Fig|Report|Batch|Invoice|Check|Claim|Account"
    r"|Policy|Member|Badge|Job|Run|Build|Comment|Tooth|Gate|Door|Dock|Trial|Study|Protocol"
    r"|Form|Model|Part|Kit|Lane|Route|Bus|Flight|Train|Seat|Locker|Pod|Cell|Block|Tier|Dorm)"
)
_NUMBER_AFTER_NAME = PatternRecognizer(
    name="id_after_name_v1",
    label="ID",
    patterns=(
        Pattern(
            "hash",
            rf"(?<![\w#-])(?!{_NOT_NAMED_THINGS}\b)[^\W\d_a-z][^\W\d_A-Z]++"
            r"(?:[-'’][^\W\d_a-z]?[^\W\d_A-Z]++)?+"
            r"[ ]\#[ ]?(?P<v>[A-Z]?\d{4,8}(?:-\d{1,5})?)(?![\w-])",
            0.6,
        ),
    ),
    ignore_case=False,
    prefilter=r"\#\s?[a-z]?\d{4}",
    examples=(
        "Marcus 'Tiny' Albright #«88214-0», says",
        "I/M Trevor Lassiter #«2024-11873», checks q15",
        "Alvarez, Jesús #«51192» DM2; Booker, Terrell #«48820» HTN",
        "Amir Tehrani #«A1177203», wt 71.2 kg",
    ),
    counterexamples=(
        "moved to Room #4410 today",
        "Walgreens #09921 on Main",
        "see Figure #1234",
        "pt in bed #12",
        "Kowalski, Ted ext #3",
    ),
)

_ID_LABELLED = PatternRecognizer(
    name="id_labelled_v1",
    label="ID",
    patterns=(
        Pattern(
            "labelled",
            labelled(_ID_KEYS, value=_ID_VALUE),
            0.9,
            gate=labelled_gate(_ID_KEYS),
            ascii_re=labelled(_ID_KEYS, "abcdefghilmnprstuv", _ID_VALUE),
        ),
        Pattern(
            "case",
            labelled(_CASE_KEYS, value=_CASE_VALUE),
            0.9,
            gate=labelled_gate(_CASE_KEYS),
            ascii_re=labelled(_CASE_KEYS, "c", _CASE_VALUE),
        ),
        Pattern(
            "licence",
            labelled(_LICENCE_KEYS, value=_LICENCE_VALUE),
            0.9,
            gate=labelled_gate(_LICENCE_KEYS, "/.-"),
            ascii_re=labelled(_LICENCE_KEYS, "acdlmnps", _LICENCE_VALUE),
        ),
        Pattern(
            "licence_state",
            labelled(_LICENCE_KEYS, value=_STATE_LICENCE_VALUE),
            0.85,
            gate=rf"\b(?:{_LICENCE_KEYS})(?![A-Za-z]){_SEP}[A-Z]{{2}}\s\d",
            ascii_re=labelled(_LICENCE_KEYS, "acdlmnps", _STATE_LICENCE_VALUE),
        ),
        Pattern(
            "badge",
            labelled(_BADGE_KEYS, value=_BADGE_VALUE),
            0.9,
            gate=labelled_gate(_BADGE_KEYS),
            ascii_re=labelled(_BADGE_KEYS, "bcdeopst", _BADGE_VALUE),
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
        "attorney Margaret O'Sullivan-Reyes, SBN «281904». Is a",
        "participant # «AP-0072». Scan",
        "Screening no. «SCR-0441». Consent",
        "quick q about subject «RAD-PRISM-0193» (Marta",
        "subj «0417-003» consented",
        "Medic 12  Inc# «24-033817»  03/02/2024",
        "Einsatznr. «2024-041177»: Pat.",
        "Bill number «JRH/24/0518». Dr",
        "pax Arjun Gummadi, PNR «LM8Q3T», frequent flyer",
        "Incident #: «25-004471» reported",
        "case «CPD-25-018832» opened",
        "PD case «25-11873»,",
        "case no. «2024-0033» filed",
        "police report «R25-88120».",
        "report #«R25-88120» attached",
        "booking # «BK2503-00471» at",
        "Rx BIN 610014. PA # «24-118-55023». Decision expected",
        "call ref «CR-88102477» logged",
        "License «LCS.0041827», exp",
        "lic # «MD44102» on file",
        "Dr. Rafael Tavares, licence CRM «54218».",
        "PC Gareth Probert, collar no. «4417», requested",
        "driver's licence number «D1234567»",
        "TIN «91-3304871»",
        "tax ID «72-1184409».",
        "EIN: «12-3456789»",
        "SN «175523» (pump)",
        "S/N: «A44-1029»",
        "serial «88120447»",
        "serial no. «X9-4410».",
        "badge «4471» at the desk",
        "badge #«4471»",
        "badge no. «3301».",
        "officer Ortega #«8812» took",
        "Sgt. Ruiz # «1182»",
        "employee ID «E44102»",
        "staff no. «441»",
    ),
    counterexamples=(
        "please stop booking 30-minute slots for cardiac MRI",  # a measure
        "Na 128 mmol/L (ref 135-145), osmolality 265",  # a reference range
        "K 5.9 (ref 35-50)",
        "ID card was lost",
        "the policy is 5 years old",
        "group 2 patients",
        "subject to change 2024",
        "case 3 of 10",
        "Vendor case 4008812 is already open",
        "RIS incident INC0048812 is about a sync backlog",
        "opened a support case 7730291 with Philips",
        "in case of 2 or more",
        "case report 2019",
        "case 1-2-3 was",
        "claim 03/04/2024 denied",
        "case 2024-03-04 review",
        "report 3 of 4",
        "report 2 findings",
        "the tin 12345 can",
        "licence 2 years",
        "license to practice since 2019",
        "badge 12 ok",
        "officer Ortega said 8812",
        "officer on duty 2 days",
        "employee 401k plan",
        "serial 3 views",
        "serial imaging 12 months",
    ),
)

_VEHICLE_PLATES = PatternRecognizer(
    name="vehicle_plate_v1",
    label="ID",
    patterns=(
        Pattern(
            "labelled",
            _PLATE,
            0.85,
            # the key and the digit the value's lookahead asks for
            gate=_PLATE_KEY + r"(?:[A-Z]{1,3}-[A-Z]{1,2}\s?\d|[A-Z]{0,8}[ -]?[A-Z]{0,5}\d)",
            ascii_re=True,
        ),
    ),
    prefilter=r"plate|tag|registration|VRN|kennzeichen|kenteken|matr[ií]cula|targa",
    examples=(
        "plate «7KLM442» seen",
        "bitte Kfz-Kennzeichen «B-LH 4821» eintragen",
        "plate «TXR-4418».",
        "license plate «HVY 4421», blue",
        "tag # «ABC1234»",
        "vehicle registration «AB12 CDE».",
        "plate number: «4GHJ 112»",
    ),
    counterexamples=(
        "the plate was clean",
        "plate 12 mm",
        "plate 10-hole",
        "The plaque narrows about 3/4 of the lumen",
        "3.5 mm plate 8 holes",
        "plate 12 A1 well",
        "tag the note 12345",
        "registration desk 2",
        "plate 2019 model",
        "plate 12345678",
        "anterior plate T12-L2 fused",
    ),
)

_USER_NAMES = PatternRecognizer(
    name="user_name_v1",
    label="ID",
    patterns=(
        Pattern(
            "with_digit",
            rf"\b(?:{_USER_KEYS})(?![A-Za-z])[\s:=#]{{1,3}}(?P<v>(?=[A-Z_.-]*+\d)[A-Z]{_USER_NAME})",
            0.85,
            gate=rf"\b(?:{_USER_KEYS})(?![A-Za-z])[\s:=#]{{1,3}}[A-Z][A-Z_.-]*\d",
            ascii_re=True,
        ),
        Pattern(
            "after_colon",
            rf"\b(?:(?:user\s?(?:name|id)|userid|log(?:in|on)(?:\s?(?:name|id))?)\s?[:=]|user\s?=)"
            rf"\s?{_LOG_STATUS}(?P<v>(?-i:[a-z0-9_]){_USER_NAME})",
            0.85,
            ascii_re=True,
        ),
    ),
    prefilter=r"user|log[io]n",
    examples=(
        "user «mrodriguez4» opened the chart",
        "username: «jdoe22»",
        "login: «bsmith» at 09:14",
        "userid=«jdoe»;",
        "user=«k.lee»,",
        "by user «j.doe_22».",
    ),
    counterexamples=(
        "user interface",
        "the user was confused",
        "user-friendly",
        "login was slow",
        "login: failed",
        "User: Hello doc",
        "user 12 of",
        "users 2fa",
        "email user jdoe22@example.org",
    ),
)

_HEALTH_NUMBERS = PatternRecognizer(
    name="health_number_v1",
    label="ID",
    patterns=(
        Pattern("labelled", _HEALTH_NUMBER, 0.9),
        # the Emirates ID by its shape: 784, the year of birth, seven digits, a check digit
        Pattern("emirates_id", r"(?<![\w-])784-(?:19|20)\d\d-\d{7}-\d(?![\w-])", 0.85),
        # France's NIR after the English words for it (a US number there is
        # an SSN: ssn_v1)
        Pattern(
            "nir",
            r"\bsocial\ssecurity(?:\s(?:no\.?|num(?:ber)?|\#))?[\s:#=.]{0,4}"
            r"(?P<v>[12][ ]\d\d[ ]\d\d[ ](?:\d\d|2[AB])[ ]\d{3}[ ]\d{3}(?:[ ]\d\d)?)(?![\w-])",
            0.85,
        ),
        Pattern(
            "fiscal_code",
            rf"\b(?:(?-i:C\.\s?F\.|CF)|codice\s?fiscale)[\s:#=.]{{0,4}}"
            rf"(?P<v>{_FISCAL_CODE})(?![\w-])",
            0.9,
        ),
    ),
    prefilter=(
        r"NHS|NHI|PHN|HCN|OHIP|RAMQ|CHI|IHI|H&C|health\s?card|medicare|CPF|SUS|CNS|aadhaa?r|NSS"
        r"|utente|NAM|C\.\s?F|CF|fiscale|tessera|versicher|KVNR"
        r"|DNI|CUI|RUT|RUN|PESEL|BSN|AVS|AHV|NIR|NIE|NIF|sociale|philhealth|pnr|personn"
        r"|TAJ|NID|HKID|SIN|NAS|r\.\s?[čc]\.|rodn|A\#|alien|полис|ОМС|СНИЛС|RRN|आधार"
        r"|CNIC|شناختی|emirates|784-"
        r"|social\ssecurity"
    ),
    examples=(
        "Dennis Wainwright  NHS «943 476 5919»  Hosp",
        "(DOB 30/10/1929, NHS «450 557 7104»)",
        "NHI «ZAC4521». partner",
        "Mi abuelo Héctor, DNI «4.887.213», tiene 93 años",
        "O doente Joaquim, n.º de utente «298 441 503», fez TAC",
        "Patient Muhammad Usman Tariq, CNIC «35202-5512098-3», House 14",
        "مریض محمد عمران قریشی، شناختی کارڈ «35202-1234567-1»، ایکسرے",
        "PhilHealth no. «12-050077341-9», Blk 4",
        "رقم الهوية «784-1990-5512034-1» شكرا",
        "French social security no. «1 84 07 75 118 044 52», mobile",
        "полис ОМС «7755 0012 3344 8810». КТ",
        "Korean pt Lee Ji-hoon, RRN «850412-1558213», visiting",
        "उनका आधार नंबर «4821 5530 9176» है।",
        "PHN «9876 543 210»  DOB",
        "HCN «4421-118-330»\nExam",
        "OHIP «6620-443-118»",
        "RAMQ «LAVG 4512 1598», née",
        "Medicare «4418 22103 2».",
        "NHS number «401 023 2137»",
        "CPF «482.119.037-51», RG",
        "cartão SUS «898 0012 4471 0093»",
        "Aadhaar «4471 2093 8816». Father",
        "NSS «4419 87 1122 3» vigente",
        "número de utente «287 441 903». Mãe",
        "NAM «TREG 5402 1218»",
        "RAMQ «TREG 54021218»",
        "Pt Horváth Ádám, TAJ «044 512 339», discharged",
        "NID «1994 2618 5503 217». PET-CT",
        "Verify with HKID «K123456(7)».",
        "paní Věra, r.č. «485612/1234», je",
        "A# «A-208 417 553», DOB",
        "C.F. «MRTGPP31D59F839X»",
        "codice fiscale «MRTGPP31D59F839X»,",
        "paciente Andrés, DNI «45.123.876», domiciliado",
        "Rodrigo Fuentes, RUT «12.345.678-5», con cita",
        "PESEL «48021401234», zam.",
        "mevr. de Wit (BSN «123456782», geb.",
        "AHV-Nr. «756.4410.2281.06». Diagnose",
        "N° de sécurité sociale «2 47 07 69 123 456 78». Tél",
        "Versicherungsnummer «K441028736»",
        "Elsa Lindgren-Åberg (pnr «19410312-5518») har tid",
    ),
    counterexamples=(
        "NHS guidance from 2019",
        "Medicare Part B covers 80 percent",
        "CHI 2 score",
        "CHI 2.5 score",
        "NHS 12.5 million",
        "NSS 1000 mL",
        "CF 2019-2020 cohort",
        "Nam 1952, Hanoi",
        "sus 123456",
    ),
)

_ID_SHAPES = PatternRecognizer(
    name="id_shape_v1",
    label="ID",
    patterns=(
        # DICOM UIDs: 1.2.840.113619.2.55.3... (five or more dotted parts).
        # (not the standard's own UIDs under 1.2.840.10008: SOP classes,
        # transfer syntaxes; nor HL7's OIDs of code systems and namespaces,
        # 2.16.840.1.113883.6.1 LOINC, 2.16.840.1.113883.4.1 the SSN)
        Pattern(
            "dicom_uid",
            r"(?<![\d.])(?!1\.2\.840\.10008\.|2\.16\.840\.1\.113883(?:\.\d++){0,3}+(?!\d|\.\d))"
            r"[12](?:\.\d++){4,}+(?!\d|\.\d)",
            0.9,
        ),
        Pattern("uuid_uid", r"(?<![\d.])2\.25\.\d{10,}+(?!\d|\.\d)", 0.9),
        # Codes with letters and at least five digits: E4471920, HV24-CT-77301,
        # k4471920; not DICOM tags written x00100010, trial numbers
        # (NCT04512345) nor sizes (512x512, 256x256x128).
        Pattern(
            "code",
            # (nor a drug's lot or batch: "lot 24B118")
            r"(?<![\w-])(?<!(?i:lot)\s)(?<!(?i:batch)\s)"
            r"(?!x[0-9A-Fa-f]{8}(?![\w-])|NCT\d{8}(?![\w-])|\d++(?:x\d++)++(?![\w-]))"
            + _NOT_A_TICKET
            + r"(?=[A-Za-z0-9-]*[A-Za-z])"
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
            r"(?<![\w.,/-])(?<!(?i:pmid|pmcid|snomed(?:\sct)?(?:\sconcept)?|loinc|rxcui|rxnorm)[:#]?\s?)"
            # (nor a vendor's or service desk's case: "Vendor case 4008812")
            r"(?<!(?i:vendor|service|support)\scase\s)"
            r"\d{7,}+(?![\w/-]|[.,]\d|\"\s*:)",
            0.5,
        ),
    ),
    ignore_case=False,
    examples=(
        "UI [«1.2.840.113619.2.55.3.604688119.868.1549345.4»]",
        "the same Study Instance UID «1.2.840.113619.2.55.3.60468.971.16867.41». Looks",
        "UID «2.25.329800735698586629295641978511506172918».",
        "| «A8812034» | CT",
        "«HV24-CT-77301»|",
        "station «RCT40522HV» x",
        "pt chen mei-ling «k4471920» cr 1.6",
        '"Value": ["«2.25.188402277431905561288130941277305512»"]',
        "called «4155551234» twice",
    ),
    counterexamples=(
        "a 512x512 matrix, 256x256x128 voxels",  # sizes
        "Vendor case 4008812 is already open; RIS incident INC0048812 too",
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
        "OID 2.16.840.1.113883.6.96 is SNOMED CT",
        "Trial NCT04512345 enrolled",
        "PMID: 29456789 describes",
        "SNOMED 233604007 pneumonia",
        "SNOMED CT concept 22298006 is myocardial infarction",
        "Drug lot 24B118 recalled; batch 24B77120",
    ),
)

IDENTIFIER_RECOGNIZERS: tuple[PatternRecognizer, ...] = (
    _MRN,
    _ACCESSION,
    _ACCESSION_MODALITY,
    _SSN,
    _SSN_LAST_FOUR,
    _NUMBER_AFTER_NAME,
    _ID_LABELLED,
    _VEHICLE_PLATES,
    _USER_NAMES,
    _HEALTH_NUMBERS,
    _ID_SHAPES,
)
