"""Structured text: values marked by the field they sit in.

Four shapes clinicians paste: ``Key: value`` forms, DICOM header dumps
(dcmdump, pydicom, gdcmdump, tag browsers), HL7 v2 segments and pipe tables
with a header row (worklists). Each value is labelled by its field, whatever
the value looks like; :func:`phiguard.detect.fields.value_fits` only drops
values that cannot carry the label (blanks, a date field without a date).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from phiguard.detect.ages import is_over_89
from phiguard.detect.fields import FIELD_LABELS, column_label, normalise_key, value_fits
from phiguard.detect.lexicons import Lexicons
from phiguard.detect.names import could_be_name
from phiguard.findings import Finding
from phiguard.titles import TITLES

__all__ = [
    "STRUCTURE_SOURCES",
    "DicomRecognizer",
    "FieldRecognizer",
    "Hl7Recognizer",
    "MarkupRecognizer",
    "TableRecognizer",
    "X12Recognizer",
]

_FLAGS = regex.VERSION1 | regex.MULTILINE

# --------------------------------------------------------------------------
# Values: trimming a field value to the part that carries the label.

_CREDENTIALS = frozenset(
    """
    md m.d. do d.o. phd rn np pa pa-c facr mbbs frcr frcpc dnp crna rt rt(r) rdms mba
    aprn cnm dpm dds dmd od pharmd mph msn bsn lpn cna rrt
    """.split()
)
_NAME_STOPS = frozenset(
    """
    is was with has had and presents presented who a an the for in on at from to of re
    regarding about says said reports called will needs needed please pls thanks
    presenting yo y/o male female year years old
    """.split()
)
_WORD = regex.compile(r"\S+")
_TRAILING = ",.;:)]}>\"'"


def _name_span(value: str, offset: int) -> tuple[int, int] | None:
    """Span of the name at the start of a name field's value, if any.

    Skips a leading title, stops at a credential (``, MD``), the key of
    another field (``MRN``, ``DOB``), a clause word
    (``is``, ``with``), a number or bracket, a comma after the second word,
    and after six words.
    """
    start = end = -1
    words = 0
    for match in _WORD.finditer(value):
        token = match.group()
        bare = token.lower().rstrip(_TRAILING)
        if start < 0 and bare.rstrip(".") in TITLES:
            continue
        if token[0].isdigit() or token[0] in "([<{#@" or bare in _NAME_STOPS:
            break
        if not any(char.isalpha() for char in token):
            break  # "John Smith / MRN ...": a name has letters in every word
        if start >= 0 and (
            bare in _CREDENTIALS or FIELD_LABELS.get(normalise_key(bare), "NAME") != "NAME"
        ):
            break  # "John Smith, MD"; "John Smith MRN 00412387": the next field's key
        if start < 0:
            start = match.start()
        end = match.start() + len(token.rstrip(_TRAILING))
        words += 1
        # "Smith, John" goes on after its comma; "John Smith, seen at" ends.
        if words == 6 or (words > 1 and token.endswith((",", ";"))):
            break
    if start < 0 or end <= start:
        return None
    return offset + start, offset + end


# Where a field value ends inside a sentence: "DOB: 3/4/52, seen at ..."
# ends at the comma; an address keeps its commas and ends at a full stop.
_VALUE_END = regex.compile(r",\s|\.\s|\s\(|\)|;|\s-\s")
_ADDRESS_END = regex.compile(r"\.\s|\s\(|\)|;|\s-\s")


def _field_value(label: str, value: str, offset: int) -> tuple[int, int] | None:
    """Span of the value proper inside the text that follows a field key."""
    if label == "NAME":
        return _name_span(value, offset)
    shape = _VALUE_SHAPES.get(label)
    if shape is not None:
        match = shape.match(value)
        return (offset + match.start(), offset + match.end()) if match else None
    end = (_ADDRESS_END if label == "ADDRESS" else _VALUE_END).search(value)
    return _trimmed(value[: end.start()] if end else value, offset)


_MONTHS = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
#: What a value of these labels looks like, from the start of the field
#: value: "MRN: 123456 (old chart)" is 123456, "DOB: 3/4/52, seen at" 3/4/52.
_VALUE_SHAPES = {
    label: regex.compile(r"[ \t]*\K(?:" + shape + ")", regex.VERSION1)
    for labels, shape in (
        (("MRN", "ACCESSION", "ID", "SSN"), r"\#?[^\s,;()\[\]]+(?:[ -]\d+)*"),
        (("PHONE",), r"[+\d(][\d ().-]*\d(?:\s?(?i:x|ext\.?)\s?\d+)?"),
        (("EMAIL",), r"[^\s,;<>()]+@[^\s,;<>()]+"),
        (
            ("DATE",),
            rf"(?:\d[\d/.:-]*(?:st|nd|rd|th)?|{_MONTHS}|'\d\d)"
            rf"(?:,?[ \t](?:\d[\d/.:-]*(?:st|nd|rd|th)?|{_MONTHS}|'\d\d|(?i:at|am|pm)))*",
        ),
    )
    for label in labels
}


def _trimmed(value: str, offset: int) -> tuple[int, int] | None:
    stripped = value.strip().strip(",;")
    if not stripped:
        return None
    start = offset + value.index(stripped)
    return start, start + len(stripped)


def _value_finding(
    text: str, label: str, start: int, end: int, score: float, source: str
) -> Finding | None:
    """A finding for the value ``text[start:end]`` of a ``label`` field."""
    span = _field_value(label, text[start:end], start)
    if span is None:
        return None
    start, end = span
    value = text[start:end]
    if not value_fits(label, value):
        return None
    return Finding(start, end, label, score, value, source)


# --------------------------------------------------------------------------
# Key: value


_KEY_WORD = r"[A-Za-z][\w'’#./()-]*"
# "Key:" or "Key =": up to five words before the colon; which trailing words
# form a known key is settled by :func:`_split_key`.
# Found from the colon backwards: colons are few, and a scan for key words
# at every word of the text costs five tries per word.
_KEY_GAPS = regex.compile(r"[ _]+")
_KEY_END = regex.compile(r"[:=](?![:=/\\])")
_KEY = regex.compile(
    rf"(?<![\w'’#./-])(?P<key>{_KEY_WORD}(?:[ _]{_KEY_WORD}){{0,4}})[ \t]*\Z", _FLAGS
)
#: How far before a colon a key may start (five long words).
_KEY_REACH = 160
# Where a key can start at the earliest: a key is at most five words one
# space apart ("_" joins within a word), then spaces. Read backwards from the
# colon (``(?r)``), this bounds the search for _KEY to a few starts, not 160.
_KEY_BOUND = regex.compile(r"(?r)(?:\S+ ){0,4}\S*[ \t]*\Z", _FLAGS)
# A value ends at a line end, tab, pipe, semicolon or a run of spaces.
_VALUE_STOP = regex.compile(r"[\t|;\r\n]|\s{2}")


def _split_key(key: str) -> tuple[int, str] | None:
    """Longest trailing run of words of ``key`` that is a known field key.

    Returns the offset of that run in ``key`` and its label.
    """
    starts = [0] + [m.end() for m in _KEY_GAPS.finditer(key)]
    for start in starts:
        label = FIELD_LABELS.get(normalise_key(key[start:]))
        if label is not None:
            return start, label
    return None


#: the words of a field value: letters, joined by apostrophes and hyphens (o'brien)
_WORDS = regex.compile(r"[^\W\d_][^\W\d_'’-]*")


class FieldRecognizer:
    """``Key: value`` forms: ``Patient: ...``, ``DOB: ...``, ``Referring: ...``.

    A name field whose value opens with lower-case words
    none of which could be a name is read as chat, not as a form: ``pt:
    stable overnight``, ``Attending: aware, will come by`` (but ``Pt: john
    smith``, ``tech: maria``).
    """

    name = "field_v1"

    def __init__(self, lexicons: Lexicons) -> None:
        self._lexicons = lexicons

    def find(self, text: str) -> Iterator[Finding]:
        if ":" not in text and "=" not in text:
            return
        # (start of the key proper, end of "Key: ", label) for every known key
        keys = []
        for colon in _KEY_END.finditer(text):
            reach = _KEY_BOUND.search(text, max(0, colon.start() - _KEY_REACH), colon.start())
            match = _KEY.search(text, reach.start() if reach else colon.start(), colon.start())
            if match is None:
                continue
            split = _split_key(match.group("key"))
            if split is not None:
                value_start = colon.end()
                while value_start < len(text) and text[value_start] in " \t":
                    value_start += 1
                keys.append((match.start("key") + split[0], value_start, split[1]))
        for index, (_, value_start, label) in enumerate(keys):
            stop = _VALUE_STOP.search(text, value_start)
            value_end = stop.start() if stop else len(text)
            if index + 1 < len(keys):
                # the value also ends where the next key starts: "Patient:
                # John Smith DOB: 3/4/52"
                value_end = min(value_end, keys[index + 1][0])
            finding = _value_finding(text, label, value_start, value_end, 0.9, self.name)
            if finding is not None and (label != "NAME" or self._names(finding.text)):
                yield finding

    def _names(self, value: str) -> bool:
        """Whether a name field's ``value`` may hold a name (see the class)."""
        words = _WORDS.findall(value)[:3]
        return not words or any(
            not word.islower() or could_be_name(word, self._lexicons) for word in words
        )


# --------------------------------------------------------------------------
# DICOM header dumps

#: Tags (group, element) whose values are PHI, from DICOM PS3.15 Annex E.
DICOM_TAGS: dict[str, str] = {
    "00080012": "DATE",
    "00080014": "ID",
    "00080018": "ID",
    "00080020": "DATE",
    "00080021": "DATE",
    "00080022": "DATE",
    "00080023": "DATE",
    "0008002A": "DATE",
    "00080050": "ACCESSION",
    "00080080": "FACILITY",
    "00080081": "ADDRESS",
    "00080090": "NAME",
    "00080092": "ADDRESS",
    "00080094": "PHONE",
    "00081048": "NAME",
    "00081049": "NAME",
    "00081050": "NAME",
    "00081060": "NAME",
    "00081070": "NAME",
    "00100010": "NAME",
    "00100020": "MRN",
    "00100030": "DATE",
    "00100050": "ID",
    "00101000": "MRN",
    "00101001": "NAME",
    "00101002": "MRN",
    "00101005": "NAME",
    "00101010": "AGE",
    "00101040": "ADDRESS",
    "00101060": "NAME",
    "00102154": "PHONE",
    "00102297": "NAME",
    "00181000": "ID",
    "00181030": "ID",
    "0020000D": "ID",
    "0020000E": "ID",
    "00200052": "ID",
    "00321032": "NAME",
    "00321033": "FACILITY",
    "00380010": "ID",
    "00400006": "NAME",
    "00400002": "DATE",
    "00400244": "DATE",
    "00402016": "ACCESSION",
    "00402017": "ACCESSION",
    "0040A123": "NAME",
    "00400275": "ID",
    "00401001": "ID",
}
#: Value representations that are PHI whatever the tag.
_VR_LABELS = {"PN": "NAME", "DA": "DATE", "DT": "DATE", "UI": "ID", "AS": "AGE"}
_VRS = (
    "AE|AS|AT|CS|DA|DS|DT|FL|FD|IS|LO|LT|OB|OD|OF|OL|OV|OW|PN|SH|SL|SQ|SS|ST|SV|TM|UC|UI|UL"
    "|UN|UR|US|UT|UV"
)
_DICOM_LINE = regex.compile(
    # (not a tag quoted in JSON: "tags_to_blank":["(0010,0010)", ...])
    r"(?<![\w(\"])(?:\(\s?(?P<g>[0-9A-Fa-f]{4})\s?,\s?(?P<e>[0-9A-Fa-f]{4})\s?\)"
    r"|(?P<g>[0-9A-Fa-f]{4}),(?P<e>[0-9A-Fa-f]{4})(?![\w,])"
    r"|x(?P<g>[0-9A-Fa-f]{4})(?P<e>[0-9A-Fa-f]{4})(?!\w))"
    r"(?P<rest>[^\r\n]*+)",
    _FLAGS,
)
_DICOM_VALUE = regex.compile(
    rf"(?<![A-Za-z'])(?P<vr>{_VRS})(?![A-Za-z'])[ \t]*:?[ \t]*"
    # a bracketed or quoted value ends at its bracket or quote; a bare one at
    # the line end or a dcmdump "#" comment
    r"(?:\[(?P<value>[^\]\r\n]*)\]|'(?P<value>[^'\r\n]*)'"
    r"|(?P<value>[^\s#\[][^#\r\n]*?)[ \t]*(?:\#|$))",
    _FLAGS,
)
_DICOM_JSON = regex.compile(
    r'"(?P<tag>[0-9A-Fa-f]{8})"\s*:\s*\{\s*"vr"\s*:\s*"(?P<vr>[A-Z]{2})"'
    r'(?:\s*,\s*"Value"\s*:\s*\[(?P<values>(?:[^\[\]]|\[[^\[\]]*\])*+)\])?'
)
# A JSON string; one followed by ":" is a key ("Alphabetic"), not a value.
_JSON_STRING = regex.compile(r'"(?P<s>(?:[^"\\]|\\.)*+)"(?P<key>\s*:)?')
_DICOM_COLON_VALUE = regex.compile(r":[ \t]*(?P<value>[^\r\n]*)")
#: A value after the tag's keyword, with no VR or colon: ``(0010,1010)
#: PatientAge 096Y``, ``(0010,1040) Patient's Address 14 Pelham Crescent``.
_DICOM_KEYWORD_VALUE = regex.compile(
    r"[ \t]+[A-Z][a-z][A-Za-z'’]*+(?:[ \t][A-Z][a-z][A-Za-z'’]*+)*+[ \t]+"
    r"(?P<value>[^\s#][^#\r\n]*?)[ \t]*(?:\#|$)"
)
#: What a value of a header dump never holds: a lower-case word, a question,
#: another tag.
_PROSE_VALUE = regex.compile(r"\b[a-z]{3,}\b|[?(]")
_STANDARD_UID_ROOT = "1.2.840.10008."
_PN_NOISE = frozenset({"", "dr", "md", "mr", "mrs", "ms"})


def _prose(value: str) -> bool:
    """Four or more lower-case words of three letters or more: a sentence
    about a segment, no field's value."""
    return (
        sum(1 for word in value.split() if len(word) > 2 and word.isalpha() and word.islower()) > 3
    )


class DicomRecognizer:
    """DICOM header dumps: ``(0010,0010) PN [DOE^JANE]``, its variants, and
    DICOM JSON (``"00100010": {"vr": "PN", "Value": [...]}``)."""

    name = "dicom_v1"

    def find(self, text: str) -> Iterator[Finding]:
        yield from self._lines(text)
        if '"vr"' in text:
            yield from self._json(text)

    def _json(self, text: str) -> Iterator[Finding]:
        for element in _DICOM_JSON.finditer(text):
            tag, vr = element.group("tag").upper(), element.group("vr")
            label = DICOM_TAGS.get(tag) or _VR_LABELS.get(vr)
            if label is None or element.start("values") < 0:
                continue
            for value in _JSON_STRING.finditer(
                text, element.start("values"), element.end("values")
            ):
                if value.group("key") is not None:
                    continue
                start, end = value.span("s")
                found = text[start:end]
                if not found.strip() or (label == "ID" and found.startswith(_STANDARD_UID_ROOT)):
                    continue
                if label == "AGE" and not is_over_89(found):
                    continue
                if label not in {"NAME", "AGE"} and not value_fits(label, found):
                    continue
                yield Finding(start, end, label, 0.95, found, self.name)

    def _lines(self, text: str) -> Iterator[Finding]:
        for line in _DICOM_LINE.finditer(text):
            tag = (line.group("g") + line.group("e")).upper()
            rest_start = line.start("rest")
            rest = line.group("rest")
            value = _DICOM_VALUE.search(rest)
            if value is not None:
                vr = value.group("vr")
                start, end = value.span("value")
            else:
                value = _DICOM_COLON_VALUE.search(rest)
                if value is None:
                    value = _DICOM_KEYWORD_VALUE.match(rest)
                    if value is None or _PROSE_VALUE.search(value.group("value")):
                        continue  # "(0010,0010) Patient's Name contain, and how ...": prose
                vr = ""
                start, end = value.span("value")
            label = DICOM_TAGS.get(tag) or _VR_LABELS.get(vr)
            if label is None:
                continue
            raw = rest[start:end].strip()
            if label == "ID" and raw.startswith(_STANDARD_UID_ROOT):
                continue  # SOP class and transfer syntax UIDs are standard, not PHI
            if label == "NAME" and all(
                p.strip().lower().rstrip(".") in _PN_NOISE for p in raw.split("^")
            ):
                continue
            span = _trimmed(rest[start:end], rest_start + start)
            if span is None:
                continue
            found = text[span[0] : span[1]]
            if label == "AGE" and not is_over_89(found):
                continue
            if label not in {"NAME", "AGE"} and not value_fits(label, found):
                continue
            if label == "NAME" and not value_fits("NAME", found):
                continue
            yield Finding(span[0], span[1], label, 0.95, found, self.name)


# --------------------------------------------------------------------------
# HL7 v2

# Field kinds: how a field's components carry PHI.
_CX = "cx"  # id^check^scheme^authority^type: component 1 (type SS makes it an SSN)
_XPN = "xpn"  # family^given^middle^suffix^prefix: the whole name
_XCN = "xcn"  # id^family^given^middle^...: id and name
_XAD = "xad"  # street^other^city^state^zip^country: street, other, city, zip
_PL = "pl"  # point^room^bed^facility: the facility
_HD = "hd"  # namespace^universal id: component 1
_WHOLE = "whole"  # the whole field (each repetition)

#: An assigning authority that is a hospital's code: four letters and more
#: (not the Social Security Administration's, a state's or a country's).
_FACILITY_CODE = regex.compile(
    r"(?!(?:USSSA|CMS|NPI|MEDICARE|MEDICAID|HCFA|USA|CAN|NHS|DMV|STATE)$)[A-Z][A-Z0-9 &'-]{3,}"
)
#: Labels of fields that hold numbers; what else stands there is PHI too.
_NUMBERED = frozenset({"MRN", "ACCESSION", "ID", "SSN", "PHONE"})
#: (segment, field number) → (label, kind). Field numbers as in the standard.
HL7_FIELDS: dict[tuple[str, int], tuple[str, str]] = {
    ("MSH", 4): ("FACILITY", _HD),
    ("MSH", 6): ("FACILITY", _HD),
    ("MSH", 7): ("DATE", _WHOLE),
    ("EVN", 2): ("DATE", _WHOLE),
    ("EVN", 5): ("NAME", _XCN),
    ("EVN", 6): ("DATE", _WHOLE),
    ("PID", 2): ("MRN", _CX),
    ("PID", 3): ("MRN", _CX),
    ("PID", 4): ("MRN", _CX),
    ("PID", 5): ("NAME", _XPN),
    ("PID", 6): ("NAME", _XPN),
    ("PID", 7): ("DATE", _WHOLE),
    ("PID", 9): ("NAME", _XPN),
    ("PID", 11): ("ADDRESS", _XAD),
    ("PID", 13): ("PHONE", _WHOLE),
    ("PID", 14): ("PHONE", _WHOLE),
    ("PID", 18): ("ID", _CX),
    ("PID", 19): ("SSN", _WHOLE),
    ("PID", 20): ("ID", _WHOLE),
    ("PID", 21): ("ID", _CX),
    ("PID", 23): ("ADDRESS", _WHOLE),
    ("PID", 29): ("DATE", _WHOLE),
    ("PD1", 3): ("FACILITY", _HD),
    ("PD1", 4): ("NAME", _XCN),
    ("NK1", 2): ("NAME", _XPN),
    ("NK1", 4): ("ADDRESS", _XAD),
    ("NK1", 5): ("PHONE", _WHOLE),
    ("NK1", 6): ("PHONE", _WHOLE),
    ("NK1", 13): ("FACILITY", _HD),
    ("NK1", 30): ("NAME", _XPN),
    ("NK1", 31): ("PHONE", _WHOLE),
    ("NK1", 32): ("ADDRESS", _XAD),
    ("NK1", 33): ("ID", _CX),
    ("NK1", 37): ("SSN", _WHOLE),
    ("PV1", 3): ("FACILITY", _PL),
    ("PV1", 7): ("NAME", _XCN),
    ("PV1", 8): ("NAME", _XCN),
    ("PV1", 9): ("NAME", _XCN),
    ("PV1", 17): ("NAME", _XCN),
    ("PV1", 19): ("ID", _CX),
    ("PV1", 44): ("DATE", _WHOLE),
    ("PV1", 45): ("DATE", _WHOLE),
    ("PV1", 50): ("ID", _CX),
    ("ORC", 2): ("ID", _HD),
    ("ORC", 3): ("ACCESSION", _HD),
    ("ORC", 9): ("DATE", _WHOLE),
    ("ORC", 10): ("NAME", _XCN),
    ("ORC", 11): ("NAME", _XCN),
    ("ORC", 12): ("NAME", _XCN),
    ("ORC", 14): ("PHONE", _WHOLE),
    ("ORC", 15): ("DATE", _WHOLE),
    ("ORC", 21): ("FACILITY", _HD),
    ("ORC", 22): ("ADDRESS", _XAD),
    ("ORC", 23): ("PHONE", _WHOLE),
    ("ORC", 24): ("ADDRESS", _XAD),
    ("OBR", 2): ("ID", _HD),
    ("OBR", 3): ("ACCESSION", _HD),
    ("OBR", 6): ("DATE", _WHOLE),
    ("OBR", 7): ("DATE", _WHOLE),
    ("OBR", 8): ("DATE", _WHOLE),
    ("OBR", 14): ("DATE", _WHOLE),
    ("OBR", 16): ("NAME", _XCN),
    ("OBR", 17): ("PHONE", _WHOLE),
    ("OBR", 18): ("ACCESSION", _WHOLE),
    ("OBR", 19): ("ID", _WHOLE),
    ("OBR", 20): ("ID", _WHOLE),
    ("OBR", 21): ("ID", _WHOLE),
    ("OBR", 22): ("DATE", _WHOLE),
    ("OBR", 28): ("NAME", _XCN),
    ("OBR", 32): ("NAME", _WHOLE),
    ("OBR", 33): ("NAME", _WHOLE),
    ("OBR", 34): ("NAME", _WHOLE),
    ("OBR", 35): ("NAME", _WHOLE),
    ("OBX", 14): ("DATE", _WHOLE),
    ("OBX", 16): ("NAME", _XCN),
    ("OBX", 19): ("DATE", _WHOLE),
    ("OBX", 23): ("FACILITY", _HD),
    ("OBX", 24): ("ADDRESS", _XAD),
    ("OBX", 25): ("NAME", _XCN),
    ("SCH", 1): ("ID", _HD),
    ("SCH", 2): ("ID", _HD),
    ("SCH", 12): ("NAME", _XCN),
    ("SCH", 13): ("PHONE", _WHOLE),
    ("SCH", 16): ("NAME", _XCN),
    ("SCH", 17): ("PHONE", _WHOLE),
    ("SCH", 20): ("NAME", _XCN),
    ("SCH", 21): ("PHONE", _WHOLE),
    ("AIL", 3): ("FACILITY", _PL),
    ("AIP", 3): ("NAME", _XCN),
    ("IN1", 2): ("ID", _HD),
    ("IN1", 3): ("ID", _CX),
    ("IN1", 4): ("FACILITY", _HD),
    ("IN1", 5): ("ADDRESS", _XAD),
    ("IN1", 7): ("PHONE", _WHOLE),
    ("IN1", 8): ("ID", _WHOLE),
    ("IN1", 9): ("FACILITY", _HD),
    ("IN1", 16): ("NAME", _XPN),
    ("IN1", 18): ("DATE", _WHOLE),
    ("IN1", 19): ("ADDRESS", _XAD),
    ("IN1", 36): ("ID", _WHOLE),
    ("IN1", 49): ("ID", _CX),
    ("GT1", 2): ("ID", _CX),
    ("GT1", 3): ("NAME", _XPN),
    ("GT1", 4): ("NAME", _XPN),
    ("GT1", 5): ("ADDRESS", _XAD),
    ("GT1", 6): ("PHONE", _WHOLE),
    ("GT1", 7): ("PHONE", _WHOLE),
    ("GT1", 8): ("DATE", _WHOLE),
    ("GT1", 12): ("SSN", _WHOLE),
    ("MRG", 1): ("MRN", _CX),
    ("MRG", 2): ("MRN", _CX),
    ("MRG", 3): ("ID", _CX),
    ("MRG", 4): ("MRN", _CX),
    ("MRG", 5): ("ID", _CX),
    ("MRG", 7): ("NAME", _XPN),
    ("TXA", 4): ("DATE", _WHOLE),
    ("TXA", 5): ("NAME", _XCN),
    ("TXA", 9): ("NAME", _XCN),
    ("TXA", 10): ("NAME", _XCN),
    ("TXA", 12): ("ID", _HD),
    ("TXA", 22): ("NAME", _XCN),
    ("DG1", 16): ("NAME", _XCN),
    ("ROL", 4): ("NAME", _XCN),
}
_HL7_SEGMENTS = (
    "MSH|EVN|PID|PD1|NK1|PV1|PV2|ORC|OBR|OBX|NTE|SCH|AIL|AIP|AIG|AIS|IN1|IN2|GT1|MRG|DG1|AL1"
    "|TXA|ROL|TQ1|SPM|FT1|MFE|QRD|RXA|RXE|RXO|PR1"
)
# A segment starts a line, or follows whitespace when a paste lost the
# carriage returns between segments; it runs to the next segment or line end.
_HL7_SEGMENT = regex.compile(
    rf"(?:^[ \t]*(?P<segment>[A-Z][A-Z0-9]{{2}})|(?<=\s)(?P<segment>{_HL7_SEGMENTS}))"
    rf"\|(?P<body>(?:(?!\s+(?:{_HL7_SEGMENTS})\|)[^\r\n])*+)",
    _FLAGS,
)
_HL7_TS = regex.compile(
    r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:\d{2}){0,3}(?:\.\d{1,6})?"
    r"(?:Z|[+-]\d{4})?"
)


#: one word of a name in an HL7 component: letters, maybe joined by - or '
_NAME_PART = regex.compile(r"[^\W\d_]{2,}+(?:['’-][^\W\d_]++)*+")


def _pieces(value: str, offset: int, separator: str) -> Iterator[tuple[int, str]]:
    """Split ``value`` at ``separator``, yielding (absolute offset, piece)."""
    position = offset
    for piece in value.split(separator):
        yield position, piece
        position += len(piece) + 1


class Hl7Recognizer:
    """HL7 v2 segments (``MSH|``, ``PID|``, ``OBR|`` ...), labelled by field."""

    name = "hl7_v1"

    def __init__(self, lexicons: Lexicons | None = None) -> None:
        #: for names in fields of no known rule (a segment miscounted by one)
        self._lexicons = lexicons

    def find(self, text: str) -> Iterator[Finding]:
        if "|" not in text:
            return
        for segment in _HL7_SEGMENT.finditer(text):
            name = segment.group("segment")
            # MSH-1 is the field separator itself: MSH's first piece is MSH-2.
            first = 2 if name == "MSH" else 1
            for index, (offset, field) in enumerate(
                _pieces(segment.group("body"), segment.start("body"), "|")
            ):
                if not field:
                    continue
                rule = HL7_FIELDS.get((name, index + first))
                if name == "MSH" and index + first == 2:
                    continue  # encoding characters
                for rep_offset, repetition in _pieces(field, offset, "~"):
                    yield from self._repetition(text, rule, rep_offset, repetition)

    def _repetition(
        self, text: str, rule: tuple[str, str] | None, offset: int, value: str
    ) -> Iterator[Finding]:
        components = list(_pieces(value, offset, "^"))
        if rule is None:
            # Unknown field: timestamps are still dates, and a person's name
            # is still one (a field pasted one place off: PV1-6 for PV1-7)
            for comp_offset, component in components:
                if _HL7_TS.fullmatch(component):
                    yield self._finding(text, "DATE", comp_offset, component)
            yield from self._stray_name(text, components)
            return
        label, kind = rule
        if kind == _WHOLE:
            yield from self._maybe(text, label, offset, value)
        elif kind == _CX:
            comp_offset, component = components[0]
            if len(components) >= 5 and components[4][1] == "SS":
                label = "SSN"
            if not any(char.isdigit() for char in component) and value_fits("NAME", component):
                # no id but words (a name pasted in PID-3): the whole field
                comp_offset, component = offset, value
            yield from self._maybe(text, label, comp_offset, component)
            if len(components) >= 4 and _FACILITY_CODE.fullmatch(components[3][1]):
                # the assigning authority: the hospital that gave the number
                # (88341207^^^HCRMC^MR), as MSH-4 names it; not a state's
                # or a country's (^^^SSA^SS, ^^^NOR^NNNOR)
                yield self._finding(text, "FACILITY", *components[3])
        elif kind == _HD:
            comp_offset, component = components[0]
            yield from self._maybe(text, label, comp_offset, component)
        elif kind == _PL:
            if len(components) >= 4:
                yield from self._maybe(text, label, *components[3])
        elif kind == _XAD:
            for position in (0, 1, 2, 4):
                if position < len(components):
                    yield from self._maybe(text, label, *components[position])
        elif kind in (_XPN, _XCN):
            # an XCN's id first, but "KOWALSKI^ANNA^^^DR" (no id) is pasted too
            with_id = kind == _XCN and any(char.isdigit() for char in components[0][1])
            names = components[1:5] if with_id else components[:4]
            if with_id:
                yield from self._maybe(text, "ID", *components[0])
            filled = [(o, c) for o, c in names if c.strip()]
            if filled:
                start = filled[0][0]
                end = filled[-1][0] + len(filled[-1][1])
                yield from self._maybe(text, "NAME", start, text[start:end])

    def _stray_name(self, text: str, components: list[tuple[int, str]]) -> Iterator[Finding]:
        """A name in a field of no known rule: ``FAMILY^GIVEN`` (maybe after
        an id), the given name in the name lexicon, the family name in it or
        no English word; both letters only."""
        if self._lexicons is None:
            return
        if len(components) >= 3 and components[0][1].isdigit():
            components = components[1:]
        if len(components) < 2:
            return
        (start, family), (given_at, given) = components[0], components[1]
        lex = self._lexicons
        if not (_NAME_PART.fullmatch(family) and _NAME_PART.fullmatch(given)):
            return
        family_key, given_key = family.lower(), given.lower()
        if given_key in lex.first_names and (
            family_key in lex.surnames or family_key not in lex.english
        ):
            yield Finding(
                start,
                given_at + len(given),
                "NAME",
                0.8,
                text[start : given_at + len(given)],
                self.name,
            )

    def _maybe(self, text: str, label: str, offset: int, value: str) -> Iterator[Finding]:
        span = _trimmed(value, offset)
        if span is None:
            return
        found = text[span[0] : span[1]]
        if _prose(found):
            return  # "PID|1|| fields are populated by the interface engine": a sentence
        if value_fits(label, found):
            yield Finding(span[0], span[1], label, 0.95, found, self.name)
        elif label == "NAME" and value_fits("ID", found):
            # A name field holding a number (an ID typed into PID-5) is still PHI.
            yield Finding(span[0], span[1], "ID", 0.95, found, self.name)
        elif label in _NUMBERED and value_fits("NAME", found):
            # ... and so is a name in a number's field (a shifted segment, an
            # alphabetic identifier): where the field is, the PHI is.
            yield Finding(span[0], span[1], "NAME", 0.9, found, self.name)

    def _finding(self, text: str, label: str, offset: int, value: str) -> Finding:
        return Finding(offset, offset + len(value), label, 0.9, value, self.name)


# --------------------------------------------------------------------------
# Tables with a header row (worklists, exports, tracking boards)

_TABLE_LINE = regex.compile(r"^[^\r\n]*[|\t][^\r\n]*$", _FLAGS)
# A comma-separated line of three or more short cells: "Bed,Pt,Age,Rhythm"
_CSV_LINE = regex.compile(r"^[^\r\n|\t,]{1,30}(?:,[^\r\n|\t,]{0,30}){2,}$", _FLAGS)
# A line of three or more cells two spaces apart or more: "T1   HAWTHORNE, J    90"
_ALIGNED_LINE = regex.compile(r"^[^\r\n|\t]*\S {2,}\S[^\r\n|\t]* {2,}\S[^\r\n|\t]*$", _FLAGS)
_ALIGNED_CELL = regex.compile(r"\S++(?: \S++)*+")
_RULE_ROW = regex.compile(r"^[\s|:+-]+$")
_CAPITALISED = regex.compile(r"\b\p{Lu}")


#: Column headers that name the patient, enough alone to read a table by
#: ("Name" alone heads drugs and exams too).
_PATIENT_COLUMNS = frozenset(
    {"patient", "patient name", "patient_name", "pt", "pt name", "resident", "member name"}
)


class TableRecognizer:
    """Tables whose header names the columns: pipe-, tab-, comma- or
    space-aligned.

    ``| Acc | MRN | Patient |``, ``Acc<TAB>Name<TAB>Age``, ``Bed,Pt,Age`` or
    ``Bed  Pt   Age`` (columns two spaces apart or more, as tracking boards
    paste): a header with at least two known field keys labels the cells
    below it, row by row, until a line that is no row. Comma and space
    tables are prose's shapes too: their rows must have the header's width
    (a comma row one cell wider has an unquoted ``Last, First`` in its name
    column) and their names a capital letter.
    """

    name = "table_v1"

    def find(self, text: str) -> Iterator[Finding]:
        if "|" in text or "\t" in text:
            yield from self._table(text, _TABLE_LINE, None)
        if "," in text:
            yield from self._table(text, _CSV_LINE, ",")
        if "  " in text:
            yield from self._table(text, _ALIGNED_LINE, "  ")

    def _table(
        self, text: str, lines: regex.Pattern[str], delimiter: str | None
    ) -> Iterator[Finding]:
        """``delimiter``: "," or "  " (two spaces or more) for the strict
        kinds; None for pipes or tabs, as the header has them."""
        columns: list[str | None] | None = None
        strict = delimiter is not None
        split = delimiter or "|"
        previous_end = -2
        for line in lines.finditer(text):
            contiguous = line.start() <= previous_end + 1
            previous_end = line.end()
            if columns is None or not contiguous:
                if delimiter is None:
                    split = "\t" if "\t" in line.group() else "|"
                cells = _cells(line.group(), line.start(), split)
                labels = [column_label(cell) for _, cell in cells]
                known = sum(label is not None for label in labels)
                # two known keys, or a name's among three columns and more
                # (a bed board: "Unit,Bed,Status,Patient,Expected DC")
                named = (
                    known == 1
                    and len(labels) >= 3
                    and any(cell.strip().lower() in _PATIENT_COLUMNS for _, cell in cells)
                )
                columns = labels if known >= 2 or named else None
                continue
            if _RULE_ROW.match(line.group()):
                continue
            cells = _cells(line.group(), line.start(), split)
            if split == "," and len(cells) == len(columns) + 1 and "NAME" in columns:
                # an unquoted "Sutherland, Ines" in the name column
                i = columns.index("NAME")
                cells[i : i + 2] = [(cells[i][0], f"{cells[i][1]},{cells[i + 1][1]}")]
            if strict and len(cells) != len(columns):
                continue
            for (offset, cell), label in zip(cells, columns):
                if label is None or (strict and label == "NAME" and not _CAPITALISED.search(cell)):
                    continue
                finding = _value_finding(text, label, offset, offset + len(cell), 0.9, self.name)
                if finding is not None:
                    yield finding


def _cells(row: str, offset: int, delimiter: str) -> list[tuple[int, str]]:
    """The (absolute offset, text) of each cell of a table row."""
    if delimiter == "  ":
        return [(offset + m.start(), m.group()) for m in _ALIGNED_CELL.finditer(row)]
    return list(_pieces(row, offset, delimiter))


#: The sources of findings whose label the text's structure gives.
# --------------------------------------------------------------------------
# X12 EDI: claims (837), remittances (835), eligibility (270/271)

#: A segment: its id, then ``*``-separated elements, up to ``~`` or a line end.
_X12_SEGMENT = regex.compile(
    r"(?:^|(?<=~)|(?<=~[ \t\r\n]))[ \t]*+(?P<id>NM1|N3|N4|DMG|DTM|DTP|REF|CLP|SBR|PER)"
    r"\*(?P<body>[^~\r\n]*+)",
    _FLAGS,
)
_X12_DATE = regex.compile(r"(?:19|20)\d{6}(?:-(?:19|20)\d{6})?")


class X12Recognizer:
    """X12 EDI segments pasted from claims and remittances: the person in
    ``NM1*QC*1*TAVARES*NELSON****MI*TVN88201947``, ``N3``/``N4`` addresses,
    ``DMG``/``DTM``/``DTP`` dates, ``REF`` and ``CLP`` numbers, ``PER``
    phone numbers (X12 005010 element positions)."""

    name = "x12_v1"

    def find(self, text: str) -> Iterator[Finding]:
        if "*" not in text:
            return
        for segment in _X12_SEGMENT.finditer(text):
            kind = segment.group("id")
            elements = list(_pieces(segment.group("body"), segment.start("body"), "*"))
            yield from self._segment(text, kind, elements)

    def _segment(self, text: str, kind: str, elements: list[tuple[int, str]]) -> Iterator[Finding]:
        def at(position: int) -> tuple[int, str]:  # element NN01 is elements[0]
            return elements[position - 1] if position <= len(elements) else (0, "")

        if kind == "NM1":
            if at(2)[1] == "1":  # a person (2 is an organisation)
                names = [(o, v) for o, v in elements[2:6] if v.strip()]
                if names:
                    start, end = names[0][0], names[-1][0] + len(names[-1][1])
                    yield from self._maybe(text, "NAME", start, end)
                # the person's member or patient id (an organisation's is a payer's)
                yield from self._maybe(text, "ID", at(9)[0], at(9)[0] + len(at(9)[1]))
        elif kind == "N3":
            for offset, value in elements[:2]:
                yield from self._maybe(text, "ADDRESS", offset, offset + len(value))
        elif kind == "N4":
            for position in (1, 3):
                offset, value = at(position)
                yield from self._maybe(text, "ADDRESS", offset, offset + len(value))
        elif kind in ("DMG", "DTM", "DTP"):
            for offset, value in elements[1:3]:
                if _X12_DATE.fullmatch(value):
                    yield Finding(offset, offset + len(value), "DATE", 0.9, value, self.name)
        elif kind == "REF" or kind == "CLP":
            for position in (2,) if kind == "REF" else (1, 7):
                offset, value = at(position)
                yield from self._maybe(text, "ID", offset, offset + len(value))
        elif kind == "PER":
            for position in (4, 6, 8):
                offset, value = at(position)
                yield from self._maybe(text, "PHONE", offset, offset + len(value))

    def _maybe(self, text: str, label: str, start: int, end: int) -> Iterator[Finding]:
        span = _trimmed(text[start:end], start) if end > start else None
        if span is not None and value_fits(label, text[span[0] : span[1]]):
            yield Finding(span[0], span[1], label, 0.9, text[span[0] : span[1]], self.name)


# --------------------------------------------------------------------------
# JSON and XML: FHIR resources, CDA documents, API payloads

#: Keys that name PHI in JSON and XML only: FHIR's and CDA's element names,
#: too vague for ``Key: value`` prose ("Given: ...", "Line: ...").
_MARKUP_KEYS = {
    "family": "NAME",
    "given": "NAME",
    "line": "ADDRESS",
    "streetaddressline": "ADDRESS",
    "district": "ADDRESS",
    "birthtime": "DATE",
}
#: Keys of person names: whatever the value's shape, it is the name.
_PERSON_KEYS = frozenset(
    {"family", "given", "first", "last", "fname", "lname", "firstname", "lastname"}
)
#: A JSON member with a string, number or array-of-strings value; the key is
#: read from its last word (``patient.birthDate`` → ``birthDate``).
_JSON_MEMBER = regex.compile(
    r'"(?P<key>[A-Za-z_@$][\w .@$-]{0,60}+)"[ \t]*+:[ \t]*+'
    r'(?:"(?P<v>(?:[^"\\\n]|\\.){1,300}+)"|(?P<n>\d[\d.-]{3,30}+)(?![\w.])'
    r'|\[(?P<arr>[ \t]*+"[^\[\]\n]{0,600}+)\])',
    _FLAGS,
)
_JSON_ITEM = regex.compile(r'"(?P<v>(?:[^"\\\n]|\\.){1,300}+)"', _FLAGS)
#: An XML element holding text (``<given>Imogen</given>``), or an element
#: whose ``value``/``extension`` attribute holds it (``<birthTime value="19950815"/>``).
_XML_ELEMENT = regex.compile(
    r"<(?:[A-Za-z][\w.-]{0,30}+:)?(?P<key>[A-Za-z][\w.-]{0,60}+)(?:\s[^<>]{0,300}+)?>"
    r"(?P<v>[^<>\n]{1,300}+)</(?:[A-Za-z][\w.-]{0,30}+:)?(?P=key)>",
    _FLAGS,
)
_XML_ATTRIBUTE = regex.compile(
    r"<(?:[A-Za-z][\w.-]{0,30}+:)?(?P<key>[A-Za-z][\w.-]{0,60}+)\s(?:[^<>]{0,300}?\s)?+"
    r'(?P<attr>value|extension)="(?P<v>[^"<>\n]{1,300}+)"',
    _FLAGS,
)
#: A FHIR reference to a person (``"reference": "Patient/884120"``), and the
#: ``display`` beside it in the same object, which is the person's name.
_FHIR_PERSON = regex.compile(
    r'"reference"[ \t]*+:[ \t]*+"(?:Patient|Practitioner|RelatedPerson|Person)'
    r'/(?P<id>[\w.-]{1,64}+)"'
    r'(?:[ \t\r\n]*+,[ \t\r\n]*+"display"[ \t]*+:[ \t]*+"(?P<name>[^"\\\n]{1,120}+)")?',
    _FLAGS,
)


class MarkupRecognizer:
    """Values of known keys in JSON and XML: FHIR ``"family": "Abernathy"``,
    ``"given": ["Clementine", "Rose"]``, ``"postalCode": "97206"``, CDA
    ``<city>Ithaca</city>``, ``<birthTime value="19950815"/>``, and a FHIR
    reference to a person with its ``display`` name.

    Keys are those of ``Key: value`` forms (:data:`FIELD_LABELS`) and the
    element names of FHIR and CDA; a ``name`` key's value must look like a
    person's name (``"name": "Hemoglobin A1c"`` is a test's).
    """

    name = "markup_v1"

    def __init__(self, lexicons: Lexicons) -> None:
        self._lexicons = lexicons

    def find(self, text: str) -> Iterator[Finding]:
        json = '":' in text or '" :' in text
        xml = "</" in text or '="' in text
        if json:
            yield from self._json(text)
            for match in _FHIR_PERSON.finditer(text):
                yield Finding(*match.span("id"), "ID", 0.9, match.group("id"), self.name)
                if match.start("name") >= 0 and self._person(match.group("name")):
                    yield Finding(*match.span("name"), "NAME", 0.9, match.group("name"), self.name)
        if xml:
            for pattern in (_XML_ELEMENT, _XML_ATTRIBUTE):
                for match in pattern.finditer(text):
                    key = match.group("key")
                    if pattern is _XML_ATTRIBUTE and match.group("attr") == "extension":
                        label = "ID" if key.lower() == "id" else None
                    else:
                        label = self._label(key)
                    if label is not None:
                        yield from self._value(text, label, key, *match.span("v"))

    def _json(self, text: str) -> Iterator[Finding]:
        for match in _JSON_MEMBER.finditer(text):
            key = match.group("key").rsplit(".", 1)[-1]
            label = self._label(key)
            if label is None:
                continue
            if match.start("arr") >= 0:
                offset = match.start("arr")
                for item in _JSON_ITEM.finditer(match.group("arr")):
                    start, end = item.span("v")
                    yield from self._value(text, label, key, offset + start, offset + end)
            else:
                group = "v" if match.start("v") >= 0 else "n"
                yield from self._value(text, label, key, *match.span(group))

    @staticmethod
    def _label(key: str) -> str | None:
        return _MARKUP_KEYS.get(normalise_key(key)) or column_label(key)

    def _value(self, text: str, label: str, key: str, start: int, end: int) -> Iterator[Finding]:
        value = text[start:end]
        if label == "NAME" and normalise_key(key) not in _PERSON_KEYS and not self._person(value):
            return
        finding = _value_finding(text, label, start, end, 0.9, self.name)
        if finding is not None:
            yield finding

    def _person(self, value: str) -> bool:
        """A person's name: capitalised words (or DICOM ``DOE^JANE``), one of
        them in a name lexicon, none a clinical term."""
        words = _WORDS.findall(value)
        lexicons = self._lexicons
        return (
            0 < len(words) <= 5
            and all(word[0].isupper() for word in words)
            and not any(word.lower() in lexicons.clinical for word in words)
            and any(
                word.lower() in lexicons.first_names or word.lower() in lexicons.surnames
                for word in words
            )
        )


STRUCTURE_SOURCES = frozenset(
    recognizer.name
    for recognizer in (
        FieldRecognizer,
        DicomRecognizer,
        Hl7Recognizer,
        MarkupRecognizer,
        TableRecognizer,
        X12Recognizer,
    )
)
