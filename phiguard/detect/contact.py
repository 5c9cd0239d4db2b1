"""PHONE, EMAIL, URL and IP: contact and network identifiers; and the
handles people go by in chat (NAME)."""

from __future__ import annotations

import ipaddress
import re

from phiguard.detect.lexicons import load_lexicons
from phiguard.detect.recognizer import Pattern, PatternRecognizer

__all__ = ["CONTACT_RECOGNIZERS"]

_EXT = r"(?:\s?(?:x|ext\.?|extension)\s?\d{1,6})?"

_PHONE = PatternRecognizer(
    name="phone_us_v1",
    label="PHONE",
    patterns=(
        # (937) 555-0112, (937)555-0112, +1 (937) 555 0112 x204
        Pattern(
            "parenthesised",
            rf"(?<![\w)])(?:\+?1[\s.-]?)?\(\d{{3}}\)[\s.-]?\d{{3}}[\s.-]?\d{{4}}{_EXT}(?![\w-])",
            0.85,
        ),
        # 937-555-0112, 937.555.0112, +1-937-555-0112
        Pattern(
            "separated",
            rf"(?<![\w+.-])(?:\+?1[.-])?\d{{3}}(?P<sep>[.-])\d{{3}}(?P=sep)\d{{4}}{_EXT}(?![\w-]|\.\d)",
            0.8,
            ascii_re=True,
        ),
        Pattern(
            "spaced",
            rf"(?<![\w+.-])(?:\+?1\s)?\d{{3}}\s\d{{3}}\s\d{{4}}{_EXT}(?![\w-])",
            0.45,
            ascii_re=True,
        ),
        # International: +44 20 7946 0958
        # (with the trunk 0 in brackets: +46 (0)8 928 571 38)
        Pattern(
            "international",
            r"(?<![\w+])\+\d{1,3}(?:\s?\(0\))?(?:[\s.-]?\d{1,4}){2,5}(?![\w-])",
            0.6,
        ),
        # A national number after a trunk 0 (UK, Ireland, Australia, New
        # Zealand): 020 7946 0555, 0161 555 0188, 07700 555 219, (08) 5550
        # 4412; not a list of 24-hour times (0800 1200 1600)
        Pattern(
            "trunk",
            r"(?<![\w+.-])(?:0\d{2}[\s-]\d{3,4}[\s-]\d{4}|0\d{3}[\s-]\d{3}[\s-]\d{4}"
            r"|0\d{4}[\s-]\d{3}[\s-]?\d{3}|\(0\d{1,3}\)\s?\d{4}[\s-]?\d{4}"
            # mobiles of four, three and three digits: 0491 570 110, 0903 555 017
            r"|0\d{3}[\s-]\d{3}[\s-]\d{3})(?![\w-]|\.\d)",
            0.6,
        ),
        # Other national formats (60-56-85-91, 0494 92 82 32, (99) 645-791)
        # are digit groups that need a phone word nearby.
        Pattern(
            "grouped",
            r"(?<![\w+.-])(?:\(\d{2,5}\)|\d{2,5})(?:[\s.-]\d{2,4}){2,4}+(?![\w-]|\.\d)",
            0.3,
        ),
        # A seven-digit local number with its hyphen (555-0150, 472-8813)
        # stands without a phone word: what else is written NXX-XXXX is a
        # range, and a range does not start its upper end with 0 and ends
        # it on a round number or a unit (150-2000, 500-1000 mg).
        Pattern(
            "dashed_local",
            r"(?<![\w.,/:-])[2-9]\d\d-(?:0\d{3}|\d{3}[1-9])(?![\w-]|[.,]\d)"
            r"(?!\s?(?:mg|mcg|µg|ug|g|kg|ml|l|units?|iu|meq|mmol|ms|cells|copies|pg|ng|kcal|cc)\b|\s?[/%])",
            0.55,
            ascii_re=True,
        ),
        # Nine digits in threes (Spain, Portugal, Poland: 912 555 014) and
        # Indian mobiles in fives (98200 55103) need a phone word nearby.
        Pattern(
            "threes",
            r"(?<![\w+.-])(?:[1-9]\d\d[ ]\d{3}[ ]\d{3}|[6-9]\d{4}[ ]\d{5})(?![\w-]|[ .]\d)",
            0.3,
            ascii_re=True,
        ),
        # 555-1234 and 10 bare digits need a phone word nearby.
        Pattern("local", r"(?<![\w.-])\d{3,4}[ -]\d{4}(?![\w-]|\.\d)", 0.3),
        # French numbers: a trunk 0 and four pairs (04 78 55 51 20, 06.55.51.23.87)
        Pattern(
            "french",
            r"(?<![\w+.-])0[1-9](?P<fsep>[\s.])\d\d(?:(?P=fsep)\d\d){3}(?![\w-]|[.\s]\d)",
            0.55,
        ),
        # German mobiles (0176 5550 2281, 0151 2345678) and Brazilian
        # numbers with the area code in brackets ((62) 95555-0143, (11) 3456-7890)
        Pattern(
            "mobile_abroad",
            r"(?<![\w+.-])(?:01[5-7]\d[\s-]?\d{3,4}[\s-]?\d{3,4}|\(\d\d\)\s?9?\d{4}[\s-]\d{4}"
            # Turkish numbers (0532 555 01 47, 0232 555 01 66), Russian (8 900
            # 555 01 19), Dutch (06-55501234, 06 5550 1387), Indonesian
            # (0812-5550-1378) and Swedish (070-555 01 36) mobiles
            r"|0[2-5]\d\d\s\d{3}\s\d\d\s\d\d|8[\s-]?\(?9\d\d\)?[\s-]?\d{3}[\s-]?\d\d[\s-]?\d\d"
            r"|06[\s-](?:\d{8}|\d{4}[\s-]\d{4})|08\d\d-\d{4}-\d{3,4}|07\d-\d{3}\s\d\d\s\d\d)"
            r"(?![\w-]|\.\d)",
            0.55,
        ),
        # Chinese mobiles (138-5550-0142), right after a word of any script
        Pattern(
            "china_mobile",
            r"(?<![A-Za-z\d+.-])1[3-9]\d(?P<csep>[\s-])\d{4}(?P=csep)\d{4}(?![\w-]|\.\d)",
            0.55,
        ),
        Pattern("bare", r"(?<![\w.-])1?\d{10}(?![\w-]|\.\d)", 0.3),
        # a trunk 0 and the area code, then the rest in one run (Dutch
        # 030-5550192, German 030/5550192, Italian 02 5550192): a phone word
        Pattern("area_run", r"(?<![\w+./-])0\d{1,4}[ /-]\d{5,8}(?![\w-]|[./]\d)", 0.3),
        # In-house extensions: ext 4417, ext 6-2290, x3318, cb 4-8812
        Pattern(
            "extension",
            r"\b(?:ext\.?|extension|cb|pager|beeper|bleep|paged)\s?(?:at\s)?\d(?:-?\d){2,5}(?![\w-])",
            0.7,
        ),
        Pattern("x_extension", r"(?<![\w.])(?<!\d\s)x\d{3,5}(?![\w-])", 0.55),
        Pattern("short_extension", r"(?<![\w.-])\d-\d{4}(?![\w-]|\.\d)", 0.3),
        # Typed apart to slip past the shapes above: 9 3 7 5 5 5 0 1 1 2
        Pattern("spaced_digits", r"(?<![\w.-])(?:1 )?\d(?: \d){9}(?![\w-]| \d)", 0.3),
    ),
    context=(
        "phone",
        "ph",
        "tel",
        "telephone",
        "fax",
        "cell",
        "mobile",
        r"call\w*",
        "pager",
        "page",
        "contact",
        "number",
        "reach",
        "text",
        "voicemail",
        "#",
        "ring",
        "mob",
        "dial",
        r"reach\w*",
        # other languages
        "tél",
        "téléphone",
        "portable",
        r"tel[eé]fon[eo]?",
        "cel",
        "celular",
        "móvil",
        "contacto",
        "contato",
        "handy",
        "mobil",
        r"cellular\w*",
        r"n[uú]mero",
        "kontakt",
        "ligar",
        "llamar",
        r"richiam\w*",
        "chiamare",
        "sđt",
        "thoại",
        # Norwegian and Danish (tlf), Swedish (tfn), Finnish (puh)
        "tlf",
        "tfn",
        "puh",
        # Indonesian and Malay (HP: handphone), Swahili, Greek, Russian,
        # Hebrew, Arabic and Hindi words for a phone
        "hp",
        "telp",
        "ponsel",
        "simu",
        r"τηλ\w*",
        r"тел\w*",
        "טלפון",
        "هاتف",
        "جوال",
        "फोन",
        "फ़ोन",
        # Urdu and Persian, Bengali, Amharic
        "فون",
        "تلفن",
        "ফোন",
        "ስልክ",
    ),
    context_boost=0.35,
    prefilter=(
        r"\d{3}[\s.)-]*\d{4}|\d-\d{4}|x\d{3}|ext|cb|pager|beeper|bleep|paged|\d \d \d \d"
        r"|\+\d|0\d{3,4}[\s-]\d{3}|\d\d[\s.-]\d\d+[\s.-]\d\d"
    ),
    examples=(
        "(Phone: «555-123-4567»)?",
        "contact: «(555) 123-4567».",
        "||«(937)555-0112»",
        "fax records to «987-654-3210».",
        "call «212 555 1234» now",
        "pager «555-1234»",
        "Tel «303-555-0104»",
        "reach me at «+44 20 7946 0958»",
        "phone «555-123-4567 x204» ok",
        "(Dr. Hunter Blake, «ext 6-2290») about",
        "PACS admin, «x3318».",
        "RN Bethany «cb 4-8812»: pt",
        "called dr bill fenwick hospitalist at «555-0134» on 3/9",
        "call «9 3 7 5 5 5 0 1 1 2» after 5",
        "please ring «020 7946 0555».",
        "Pharmacist Asif — «0161 555 0188».",
        "IR Dr Malhotra on «07700 555 219»",
        "NOK on «087 555 2231». US",
        "Pharmacy tel «01422 555 017».",
        "Pasient Ole, tlf «915 55 203», f. 1951",
        "Liaison Officer Noreen «(08) 5550 4412»",
        "m'appeler au «+225 07 555 01 23»",
        "then «bleep 2231» re bay 2",
        "no answer, «paged 7781». called",
        "attending «paged at 4471», blood bank notified",
        "Can someone call me on «9472 7916»? I have",
        "Personal Info: Phone: «467 3395»  E-mail",
        "call me on «01.84.17.61.18»? I have",
        "Desk: «+41 (0)96 471 07 95» Fax",
        "Please have the manager call me at «0494 92 82 32» I'd like",
        "Daughter Marjorie (HCP, «555-0150») confirms DNR",
        "huisarts, fax «030-5550192»: patiënt",
        "Μπορείτε; Τηλ. «210 555 4412».",
        "HP keluarga «0812 5550 3381».",
        "Case manager Lorna Quist «472-8813». Medicaid",
        "Sa fille, tél. «04 78 55 51 20». Comment",
        "Frau Hoffmann ist unter «0176 5550 2281» erreichbar.",
        "Telefone «(62) 95555-0143». Preciso",
        "Contacto «912 555 804». Médica",
        "Kontakt do córki: «512 555 043». Lekarz",
        "Il mio cellulare è «347 555 0119». Grazie",
        "NOK: Heather (daughter) «0491 570 110» GP",
        "Father Rohit Mehta mob «98200 55103». Thx",
        "Dudas al «(55) 5550 1102».",
        "Oğlu Emre: «0532 555 01 47».",
        "Ege Diyaliz Merkezi. Bilgi: «0232 555 01 66»",
        "Perezvonite pozhaluysta «8 900 555 0119». Spasibo",
        "contact opnemen via «06-55501987» of",
        "Telefoon dochter: «06 5550 1387».",
        "Hubungi suaminya di «0812-5550-1378».",
        "Ring dottern på «070-555 01 36». Adress",
        "家属电话«138-5550-0142»。",
    ),
    counterexamples=(
        "SSN 123-45-6789",
        "dates 2024-03-04",
        "range 120-135",
        "version 1.2.840.113619",
        "a 3 x4000 matrix",
        "nodule 2x1500",
        "scores 1 2 3 4 5 6 7 8 9 10",
        "given at 0800 1200 1600 and 2000",
        "doses 0.5 1 2 mg",
        "platelets 150-4000 seen",
        "ferritin 300-1000 ng/mL",
        "give 500-1500 mg daily",
        "dose 250-1125 mg",
        "troponin 0.04 at 10/12 1200-1300",
        "rates 1.5-2.5 and 40-60",
        "counts 120 450 900 today",
        "sizes 12345 67890 in mm",
    ),
)

_EMAIL = PatternRecognizer(
    name="email_v1",
    label="EMAIL",
    patterns=(
        # Matches start only where a run of address characters starts, so a
        # long run without '@' is scanned once, not once per position.
        Pattern(
            "address",
            r"(?<![\w.%+-])[\w.%+-]++@(?:[A-Za-z0-9-]++\.(?=[A-Za-z0-9]))++[A-Za-z]{2,}+(?![\w-])",
            0.95,
            ascii_re=True,
        ),
    ),
    prefilter=r"@",
    examples=(
        "(Email: «alex.k@example.com»)?",
        "at «dr.brown@ny.presbyterian.org»",
        "«john_doe@example.com».",
    ),
    counterexamples=("ratio 3@4", "@mention", "user@localhost"),
)

# An address written out to slip past the address shape: "john.smith
# [at] gmail [dot] com", "john dot smith at gmail dot com".
_AT = r"(?:\s?[\[({<]\s?at\s?[\])}>]\s?|\s(?i:at)\s)"
_DOT = r"(?:\.|\s?[\[({<]\s?dot\s?[\])}>]\s?|\s(?i:dot)\s)"
_TLD = r"(?i:com|org|net|edu|gov|mil|io|us|info|biz|me|co|uk|ca)"
_USER = rf"(?<![\w.%+-])[\w%+-]++(?:{_DOT}[\w%+-]++)*+"

_EMAIL_WRITTEN_OUT = PatternRecognizer(
    name="email_written_out_v1",
    label="EMAIL",
    patterns=(
        # "[at]" or "(at)": nothing else writes that
        Pattern(
            "bracketed_at",
            rf"{_USER}\s?[\[({{<]\s?at\s?[\])}}>]\s?[A-Za-z0-9-]++(?:{_DOT}[A-Za-z0-9-]++)*?"
            rf"{_DOT}{_TLD}(?![\w-])",
            0.9,
            ascii_re=True,
        ),
        # "at ... dot com": the domain's dot spelled out too
        Pattern(
            "spelled",
            rf"{_USER}{_AT}[A-Za-z0-9-]++(?:{_DOT}[A-Za-z0-9-]++)*?"
            rf"(?:\s?[\[({{<]\s?dot\s?[\])}}>]\s?|\s(?i:dot)\s){_TLD}(?![\w-])",
            0.85,
            ascii_re=True,
        ),
        # "john.smith at gmail.com" is also "looked at webmd.com": it needs
        # a mail word before it
        Pattern(
            "spelled_at",
            rf"{_USER}\s(?i:at)\s[A-Za-z0-9-]++(?:\.[A-Za-z0-9-]++)*?\.{_TLD}(?![\w-])",
            0.4,
            ascii_re=True,
        ),
    ),
    context=("email", "e-mail", "mail", "address", "contact", "write", "send"),
    context_boost=0.4,
    prefilter=r"[\[({<]\s?at\s?[\])}>]|\sdot\s|\sat\s[\w-]+\.",
    examples=(
        "email «john.smith[at]gmail[dot]com» please",
        "«john (at) gmail (dot) com».",
        "«john dot smith at gmail dot com»",
        "e-mail her: «rosa.d at example.org»",
    ),
    counterexamples=(
        "looked at webmd.com for info",
        "dot the i at home dot",
        "meet at 5 dot",
        "at the (at) sign",
    ),
)


#: The hosts of standards and terminologies, whose addresses name a code
#: system, never a person: FHIR's "system": "http://loinc.org".
_STANDARDS = (
    r"(?:www\.|terminology\.|build\.)?(?:loinc\.org|snomed\.info|hl7\.org|unitsofmeasure\.org"
    r"|dicom\.nema\.org|ihe\.net|fhir\.org|nlm\.nih\.gov|who\.int|ncithesaurus\.nci\.nih\.gov)"
    r"(?![\w.-])"
)

_URL = PatternRecognizer(
    name="url_v1",
    label="URL",
    patterns=(
        Pattern(
            "scheme",
            rf"\b(?:https?|ftp|sftp|dicomweb)://(?!{_STANDARDS})"
            r"[^\s<>\"'()\[\]{}|^]*(?<![.,;:!?])",
            0.85,
        ),
        Pattern("www", r"(?<![\w.])www\.[^\s<>\"'()\[\]{}|^]*(?<![.,;:!?])", 0.85),
        # Bare domains are often references (acr.org); they need a hint.
        Pattern(
            "domain",
            r"(?<![\w.@-])(?:[a-z0-9-]++\.(?=[a-z0-9]))++(?:com|org|net|edu|gov|io|health|care|us|info)"
            r"(?:/[^\s<>\"'()]*(?<![.,;:!?]))?(?![\w@-])",
            0.35,
            ascii_re=True,
        ),
    ),
    context=("portal", "site", "website", "link", "url", "page", "visit", "login", "profile"),
    prefilter=r"://|www\.|\.(?:com|org|net|edu|gov|io|health|care|us|info)",
    examples=(
        "portal at «https://mychart.example.org/p/123».",
        "see «www.example.com/jdoe»",
        "her page «jdoe.example.com» says",
    ),
    counterexamples=(
        "per acr.org guidance",
        "e.g. this",
        "i.e. that",
        '"system":"http://loinc.org","code":"8867-4"',
        "system http://hl7.org/fhir/sid/us-npi here",
    ),
)


def _valid_ipv6(value: str) -> bool:
    try:
        ipaddress.IPv6Address(value)
    except ValueError:
        return False
    return len(value) >= 6


_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"

#: The words a version number follows (fixed-width lookbehinds, for ``re``).
_NOT_A_VERSION = "".join(
    f"(?<!{word}\\s)"
    for word in (
        "(?i:build)", "(?i:version)", "(?i:firmware)", "(?i:release)", "(?i:ver)", "(?i:rev)",
        "(?i:patch)", "(?i:back to)", "(?i:grade to)", "(?i:date to)", "(?i:hotfix)",
    )
) + "(?<![vV])"  # fmt: skip


_IPV4 = PatternRecognizer(
    name="ipv4_v1",
    label="IP",
    patterns=(
        Pattern(
            "dotted",
            # (not a network's block, its host part zero: 10.20.0.0/16)
            # (nor this host or every host: 127.0.0.1, 0.0.0.0; nor a subnet
            # mask: 255.255.255.0; nor a version after its word: firmware
            # 4.2.10.117, build 7.3.2.114, roll back to 7.3.1.98)
            rf"(?<![\d.]){_NOT_A_VERSION}(?!127\.|0\.0\.0\.0|255\.)"
            rf"(?:{_OCTET}\.){{3}}{_OCTET}(?!\.?\d)(?!(?<=\.0)/\d)",
            0.8,
        ),
    ),
    prefilter=r"\d\.\d+\.\d+\.\d",
    examples=(
        "client IP «10.41.2.117», station",
        "server («10.20.4.12», port 104)",
        "host «10.20.4.12»/24 on the VLAN",
    ),
    counterexamples=(
        "UID 1.2.840.113619.2.55",
        "version 1.2.3",
        "999.1.1.1",
        "the 10.0.0.0/8 block and 10.20.0.0/16",
        "listens on 0.0.0.0:8443; healthcheck on 127.0.0.1:9000",
        "subnet mask 255.255.255.0 vs a /23",
        "Router firmware 4.2.10.117, vendor build 5.4.0.2231.",
        "Viewer build 7.3.2.114 broke MPR; roll back to 7.3.1.98 or wait",
        "upgraded to v10.2.0.15 last night",
    ),
)

_IPV6 = PatternRecognizer(
    name="ipv6_v1",
    label="IP",
    patterns=(
        Pattern("colon_hex", r"(?<![\w:.])[0-9A-Fa-f:]{2,39}+(?![\w:])", 0.8, ascii_re=True),
    ),
    validate=_valid_ipv6,
    prefilter=r"[0-9A-Fa-f]:[0-9A-Fa-f:]",
    examples=("from «2001:db8:85a3::8a2e:370:7334» at", "host «fe80::1ff:fe23:4567:890a»"),
    counterexamples=("at 10:15:22 today", "ratio 1:2", "std::vector"),
)

_HANDLE_PARTS = re.compile(r"[._-]+")
#: Words of handles that name a key, a group or the channel, not a person:
#: @here, @channel, @ir-team, study_date:, patient.name:
_NOT_PERSON_PARTS = frozenset(
    """
    here channel everyone all team group desk schedulers scheduling oncall on call bot admin
    support staff nurses techs residents fellows attendings name names id ids date dob mrn
    code type status first last middle zip city state phone email user username
    """.split()
)


def _listed_name(word: str) -> bool:
    """Lower-case ``word`` is a given name or surname of the lexicons."""
    lexicons = load_lexicons()
    return word in lexicons.first_names or word in lexicons.surnames


def _handle_parts(value: str) -> list[str]:
    """The lower-case parts of a handle between dots, underscores and hyphens."""
    return [part for part in _HANDLE_PARTS.split(value.lower()) if part]


def _a_person_handle(value: str) -> bool:
    """A chat handle that names a person: a part of it is a given name or
    surname, or no English word (``dana.k``, ``coach.grant``, ``drjkwon``,
    ``hpatel_ir``); not a group's or a key's (``@here``, ``@radiology``,
    ``first_name``)."""
    lexicons = load_lexicons()
    parts = _handle_parts(value)
    if not parts or any(part in _NOT_PERSON_PARTS for part in parts):
        return False
    words = [part for part in parts if part.isalpha() and len(part) > 1]
    return any(
        _listed_name(part) or (part not in lexicons.english and part not in lexicons.clinical)
        for part in words
    )


def _a_speaker_handle(value: str) -> bool:
    """A handle opening a line of a chat export (``nina.v:``, ``tomas_r:``):
    besides :func:`_a_person_handle`, one of its parts is a name and the
    others are names or initials (``study_date:`` and ``order.status:`` are
    keys)."""
    parts = _handle_parts(value)
    named = [_listed_name(part) for part in parts]
    return (
        _a_person_handle(value)
        and any(named)
        and all(known or len(part) <= 2 for part, known in zip(parts, named, strict=True))
    )


_HANDLE = PatternRecognizer(
    name="handle_v1",
    label="NAME",
    patterns=(
        # @dana.k, @hpatel_ir: a mention, not an address (nothing before the @)
        Pattern(
            "mention",
            r"(?<![\w.@+-])@(?P<v>[A-Za-z][\w.-]{0,30}[A-Za-z0-9])(?![\w@-]|\.[A-Za-z])",
            0.7,
            ascii_re=True,
        ),
    ),
    validate=_a_person_handle,
    prefilter=r"@",
    ignore_case=False,
    examples=(
        "@«dana.k»: can we squeeze her in",
        "ping @«hpatel_ir» for consent",
        "@«coach.grant» heads up",
    ),
    counterexamples=("cc @here and @channel", "mail jo@example.org", "ask @radiology"),
)

_SPEAKER_HANDLE = PatternRecognizer(
    name="speaker_handle_v1",
    label="NAME",
    patterns=(
        # a line of a chat export: "nina.v: anyone seen the outside CT"
        Pattern(
            "speaker",
            r"^(?P<v>[a-z][a-z0-9]*+(?:[._][a-z0-9]++)++)(?=:\s)",
            0.6,
            ascii_re=True,
        ),
    ),
    validate=_a_speaker_handle,
    prefilter=r"[._][a-z0-9]++:\s",
    ignore_case=False,
    examples=("#body-imaging\n«nina.v»: anyone seen it?\n«tomas_r»: the import failed",),
    counterexamples=("study_date: 2024-03-01", "order.status: final", "e.g.: this"),
)


def _a_login(value: str) -> bool:
    """A login that names a person: a name of the lists among its parts
    (``c.ibarra``, ``maria_lopez2``), or one part that is an initial or two
    before a surname of the lists that is no English word (``tmcallister``,
    ``kpatel3``); not ``admin``, ``guest``."""
    lexicons = load_lexicons()
    parts = _handle_parts(value.rstrip("0123456789"))
    if not parts or any(part in _NOT_PERSON_PARTS for part in parts):
        return False
    if len(parts) > 1:
        return any(len(part) > 2 and _listed_name(part) for part in parts)
    (word,) = parts
    surnames, english = lexicons.surnames, lexicons.english
    if word in english or word in lexicons.clinical:
        return False
    return any(
        len(rest) > 3 and rest in surnames and rest not in english for rest in (word[1:], word[2:])
    )


_LOGIN = PatternRecognizer(
    name="login_v1",
    label="NAME",
    patterns=(
        # audit logs and payloads: "user tmcallister", "login: kpatel3",
        # "ack":"c.ibarra", "logged in as jdoe"
        Pattern(
            "after_key",
            r"\b(?i:user(?:name|id)?|login|logon|logged\s(?:in|on)\sas|uid|operator|ack(?:ed)?"
            r"(?:\sby)?|accessed\sby|opened\sby|password\sfor|organi[sz]er)"
            r"[\s:=\"']{1,4}"
            r"(?P<v>[a-z][a-z0-9]*+(?:[._-][a-z0-9]++)*+)(?![\w@-]|\.[a-z])",
            0.7,
            ascii_re=True,
        ),
    ),
    validate=_a_login,
    prefilter=(
        r"(?i:user|log[io]|logged|uid|operator|ack|accessed\sby|opened\sby"
        r"|password\sfor|organi[sz]er)"
    ),
    ignore_case=False,
    examples=(
        "audit: user «tmcallister» (Terrence McAllister) opened chart",
        '{"fired_at":"05:40","ack":"«c.ibarra»"}',
        "logged in as «kpatel3» from the ED",
        "can IT reset the password for «jmccarthy3»? she's locked out",
        "Organizer: «nlowenstein»\nNotes: MRN",
    ),
    counterexamples=(
        "user admin reset the password",
        "logged in as guest",
        "user interface is slow",
        "login failed twice",
        "userid 40417 locked",
    ),
)

#: Accounts of machines and services, no person's.
_SYSTEM_ACCOUNTS = frozenset(
    """
    admin administrator root guest anonymous system www nginx apache svc service test api
    bot monitor healthcheck pacs ris interface daemon nobody
    """.split()
)


def _a_log_user(value: str) -> bool:
    """A web log's user that is a person's login, whatever its spelling
    (``kbjornsdottir``): no account of a machine or service, no part that
    names no one."""
    parts = _handle_parts(value.rstrip("0123456789"))
    return bool(parts) and not any(
        part in _SYSTEM_ACCOUNTS or part in _NOT_PERSON_PARTS for part in parts
    )


# A web server's access log: the user after the client's address
# (198.51.100.23 - nokafor [10/Jun/2024...] "GET ..."). Where the log puts
# it, a login is a person's whether or not the name lists know it.
_LOG_USER = PatternRecognizer(
    name="log_user_v1",
    label="NAME",
    patterns=(
        Pattern(
            "access_log",
            r"(?<=\d[ ]-[ ])(?P<v>[a-z][a-z0-9]*+(?:[._-][a-z0-9]++)*+)(?=[ ][\"\[])",
            0.7,
            ascii_re=True,
        ),
    ),
    validate=_a_log_user,
    prefilter=r"\d - [a-z]",
    ignore_case=False,
    examples=(
        '198.51.100.23 - «nokafor» "GET /api/v2/studies HTTP/1.1" 200',
        '198.51.100.23 - «kbjornsdottir» "GET /portal/patient/88412009 HTTP/1.1" 403',
        '10.4.2.18 - «a.lindqvist» [10/Jun/2024:08:14:02 +0000] "GET /"',
    ),
    counterexamples=(
        '10.0.0.5 - nginx "GET /healthz HTTP/1.1" 200',
        '10.0.0.5 - svc_monitor "GET /status HTTP/1.1" 200',
    ),
)

_FILE_EXTENSIONS = (
    r"jpe?g|png|heic|gif|tiff?|bmp|pdf|dcm|dicom|docx?|xlsx?|csv|txt|rtf|zip|mp4|mov|wav|m4a"
)


def _a_filed_person(value: str) -> bool:
    """Surname and given name or initial joined by an underscore in a file
    name (``NGUYEN_HOA``, ``smith_j``, ``RODRIGUEZ-PAGE_M``): the surname is
    one of the name list's, in capitals or, in lower case, before an
    initial; the given name is one too, or an initial."""
    surname, _, given = value.partition("_")
    if not all(_listed_name(part) for part in surname.lower().split("-")):
        return False
    if len(given) == 1:
        return surname.isupper() or surname.islower()
    return surname.isupper() and given.isupper() and given.lower() in load_lexicons().first_names


_FILE_NAME_PERSON = PatternRecognizer(
    name="file_name_person_v1",
    label="NAME",
    patterns=(
        Pattern(
            "surname_given",
            r"(?<![A-Za-z0-9])(?P<v>[A-Za-z][A-Za-z'-]{1,30}+_[A-Za-z][A-Za-z']{0,20}+)(?=[_.])"
            rf"(?=[\w.'-]{{0,80}}?\.(?i:{_FILE_EXTENSIONS})\b)",
            0.7,
            ascii_re=True,
        ),
    ),
    validate=_a_filed_person,
    prefilter=rf"_[\w.'-]{{0,80}}?\.(?:{_FILE_EXTENSIONS})\b",
    ignore_case=False,
    examples=(
        "uploaded 20240522_«NGUYEN_HOA»_L_forearm_01.jpg",
        "IMG_2024_0312_«smith_j».jpg and 20240315_«RODRIGUEZ-PAGE_M»_sacrum.HEIC",
        "exports/2024-04-08/«GRAVES_DELPHINE»_I131_uptake.pdf",
    ),
    counterexamples=("brain_mri.dcm", "DSC_0042.jpg", "left_knee_AP.png", "chest_ct_final.pdf"),
)

_INITIALS = PatternRecognizer(
    name="initials_v1",
    label="NAME",
    patterns=(
        # a subject named by initials, as trial reports do: initials H.Y.,
        # initiales M.L., Initialen K.-H. B.
        Pattern(
            "after_key",
            r"\b(?i:initials?|initiales|iniciales|iniciais|initialen|iniziali)[:]?[ ]"
            r"(?:(?i:are|were|is|was)[ ])?"
            r"(?P<v>[A-Z]\.?(?:-?[A-Z]\.?){1,2}(?:[ ][A-Z]\.?)?)(?![\w-])",
            0.8,
        ),
    ),
    prefilter=r"initia|inicia|iniziali",
    ignore_case=False,
    examples=(
        "subject 0417-003 (initials «H.Y.»), onset",
        "patient P-0417, initiales «M.L.», survenue",
        "Pt initials: «JD», age 44",
    ),
    counterexamples=("sign with your initials here", "initials of the drug names"),
)

CONTACT_RECOGNIZERS: tuple[PatternRecognizer, ...] = (
    _PHONE,
    _EMAIL,
    _EMAIL_WRITTEN_OUT,
    _URL,
    _IPV4,
    _IPV6,
    _HANDLE,
    _SPEAKER_HANDLE,
    _LOGIN,
    _LOG_USER,
    _FILE_NAME_PERSON,
    _INITIALS,
)
