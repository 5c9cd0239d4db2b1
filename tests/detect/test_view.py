"""Invisible and look-alike characters do not hide PHI from the recognizers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import phiguard
from phiguard.detect.view import detection_view, to_original


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("MRN 12\u200b34567", "12\u200b34567"),  # zero-width space
        ("SSN 123\u200b-45-6789", "123\u200b-45-6789"),
        ("MRN 0041\u206023 87", "0041\u206023"),  # word joiner
        ("Patient: J\u200bohn Smith", "J\u200bohn Smith"),
        ("Patient: Ro\u00adsa Delgado", "Ro\u00adsa Delgado"),  # soft hyphen
        ("call 555\u2011123\u20114567 today", "555\u2011123\u20114567"),  # non-breaking hyphens
        ("MRN １２３４５６７", "１２３４５６７"),  # full-width digits
        ("DOB: ０３/０４/１９５２", "０３/０４/１９５２"),
        # digits of other scripts: Arabic-Indic, Persian, Bengali
        ("الهاتف ٠١٠٠ ٥٥٥ ٠١٩٢ للتواصل", "٠١٠٠ ٥٥٥ ٠١٩٢"),
        ("تاريخ الدخول ١٤/٠٣/٢٠٢٤", "١٤/٠٣/٢٠٢٤"),
        ("شماره ۰۹۱۲ ۵۵۵ ۰۱۴۷", "۰۹۱۲ ۵۵۵ ۰۱۴۷"),
        ("ফোন ০১৭১১ ৫৫৫০১২", "০১৭১১ ৫৫৫০১২"),
        # information separators: whitespace to re, not to regex
        ("DOB 4\x1cMarch 2021", "4\x1cMarch 2021"),
        ("call 555\x1f123\x1f4567 today", "555\x1f123\x1f4567"),
        # Latin written against Han and Hangul, with no space between
        ("她的病历号是SF-0082219。请", "SF-0082219"),
        ("我妈妈在Golden Gate Imaging做了CT", "Golden Gate Imaging"),
        ("약국은 Hanmi Pharmacy on Western Ave입니다", "Western Ave"),
        # letters a scan read for digits
        ("D0B : O4/1l/1958", "O4/1l/1958"),
        ("ADMIT: 01/2l/2025", "01/2l/2025"),
        ("SOC: O1/O6/2O25 per fax", "O1/O6/2O25"),
        ("Phone: 555-Ol66", "555-Ol66"),
    ],
)
def test_hidden_characters_do_not_hide_phi(
    fast_guard: phiguard.Guard, text: str, hidden: str
) -> None:
    redaction = fast_guard.redact(text)
    found = [f.text for f in redaction.findings]
    assert any(hidden in value or value in hidden for value in found), found
    assert hidden not in redaction.text


def test_ascii_text_is_its_own_view() -> None:
    assert detection_view("MRN 00412387") == ("MRN 00412387", None)
    assert detection_view("Ďurová") == ("Ďurová", None)  # nothing folds


@pytest.mark.parametrize(
    "text",
    [
        "O2 sat 98 on 2l NC, CO2 24",  # oxygen, litres, carbon dioxide
        "I-131 therapy; IL-6 10; Il 10",  # an isotope, an interleukin
        "lO/lO",  # more letters than digits
        "Ol/O1/OO25",  # a group without a real digit
        "lO/lO/lO",  # no real digit at all
        "5 mL of dL, Clinic, all lymph, 2 lbs",  # units and words keep their l
        "0ne 10th at 0800",  # no name after a zero; an ordinal stays a number
        "the MRi and CTiMR",  # an i among capitals that makes no name
        "Dr K. lshikawa, MRl",  # l for I only in a text with misread digits: a scan's
    ],
)
def test_scanned_letters_stay_letters_outside_numbers(text: str) -> None:
    assert detection_view(text) == (text, None)


def test_scanned_letters_read_as_digits_inside_numbers() -> None:
    view, origin = detection_view("DOB O6/3O/198O, MRN 1O27384956")
    assert view == "DOB 06/30/1980, MRN 1027384956"
    assert origin == list(range(len(view) + 1))


@pytest.mark.parametrize(
    ("text", "view"),
    [
        ("Patient He1en Marsha11", "Patient Helen Marshall"),
        ("JOHNS0N, MAR1A", "JOHNSON, MARIA"),
        ("Dr. Kap00r and Deborah K1ine", "Dr. Kapoor and Deborah Kline"),
        ("T0: Radio1ogy, Lakeshore Genera1 Hospita1", "T0: Radiology, Lakeshore General Hospital"),
        ("FR0M:  Dr  0la Brekke", "FROM:  Dr  Ola Brekke"),
        ("D0B O5/l7/62 Dr K. lshikawa MRl C-SPlNE", "D0B 05/17/62 Dr K. Ishikawa MRI C-SPINE"),
        ("MEMBER: DAViD K. 0KAFOR  lD: 4471", "MEMBER: DAVID K. OKAFOR  ID: 4471"),
        # numbers: an area code's bracket; a date with as many letters as digits
        ("FAX:  (2l3) 555-Ol88", "FAX:  (213) 555-0188"),
        ("f.  l4.O2.l95l", "f.  14.02.1951"),
    ],
)
def test_scanned_digits_read_as_letters_inside_names(text: str, view: str) -> None:
    assert detection_view(text)[0] == view


@pytest.mark.parametrize(
    "text",
    [
        "HbA1c 7.1, BRCA1 and MUC1 negative",  # codes, not names
        "T1a N0 M0; L5-S1; COL1A1; CD10; IL10",
    ],
)
def test_codes_keep_their_digits(text: str) -> None:
    assert detection_view(text) == (text, None)


def test_misread_card_is_redacted(fast_guard: phiguard.Guard) -> None:
    text = (
        "MEMBER:  DAViD K. 0KAFOR   SSN:  4l2-5O-8833   DOB  O9/3O/l97l   "
        "FAX:  (2l3) 555-Ol88   REF PHYS:  Dr  K. lshikawa   tlf  9l5 55 2O3"
    )
    found = {f.text: f.label for f in fast_guard.scan(text)}
    assert found["DAViD K. 0KAFOR"] == "NAME"
    assert found["O9/3O/l97l"] == "DATE"
    assert found["(2l3) 555-Ol88"] == "PHONE"
    assert found["9l5 55 2O3"] == "PHONE"
    assert any(value.endswith("K. lshikawa") for value in found)


def test_misread_names_are_found(fast_guard: phiguard.Guard) -> None:
    text = "Pt He1en Marsha11 called about the MRI"
    assert [f.text for f in fast_guard.scan(text) if f.label == "NAME"] == ["He1en Marsha11"]
    text = "FAX T0: Radio1ogy Scheduling, Lakeshore Genera1 Hospita1"
    facilities = [f.text for f in fast_guard.scan(text) if f.label == "FACILITY"]
    assert facilities == ["Lakeshore Genera1 Hospita1"]


@given(st.text(alphabet=st.sampled_from("ab1 -\u200b\u00ad\u2011\u00a0１Ď\u2060"), max_size=40))
def test_every_view_character_maps_back_to_its_source(text: str) -> None:
    view, origin = detection_view(text)
    if origin is None:
        assert view == text
        return
    assert len(origin) == len(view) + 1 and origin[-1] == len(text)
    assert origin == sorted(origin) and len(set(origin)) == len(origin)
    for i in range(len(view)):
        start, end = to_original(origin, i, i + 1)
        assert end - start == 1
        source = text[start]
        assert view[i] == source or source in "\u2011\u00a0１" or view[i] in "lLiI"


@given(st.text(alphabet=st.sampled_from("aM2 \x1c\x1d\x1e\x1f:-"), max_size=40))
def test_separators_read_as_spaces(text: str) -> None:
    # both regex engines read the view alike: no separator reaches them
    view, _ = detection_view(text)
    assert not any(char in view for char in "\x1c\x1d\x1e\x1f")
    spaced = text.translate(str.maketrans("\x1c\x1d\x1e\x1f", "    "))
    assert view == spaced


def test_han_kana_and_hangul_read_as_spaces_but_date_characters_stay() -> None:
    view, origin = detection_view("林小雨3月18日在CT")
    assert view == "   3月18日 CT"
    assert origin is not None and len(origin) == len(view) + 1
