"""The detection view: text as recognizers should read it, offsets kept.

PHI can hide behind characters that do not show: a zero-width space inside
an MRN (``12\u200b34567``), a soft hyphen inside a name, non-breaking
hyphens in a phone number, full-width digits, a NUL byte inside a name, a
combining accent on a digit. Recognizers read a *view* of the text in which
invisible format characters (Unicode category Cf), control characters other
than whitespace and combining marks on ASCII characters are dropped, dash
and space variants (the ASCII information separators among them) become
``-`` and `` ``, and compatibility characters
that fold to one character (full-width digits and letters) are folded,
and Han, kana and Hangul characters, which no recognizer reads, become
spaces, so the Latin words written against them stand apart (but those of
dates and ages beside their numbers: 3月18日, 昭和14年, 94岁).
Every character of the view knows the offset of the character it came
from, so findings map back onto the original text and cover the hidden
characters with it.

Numbers read from a scan often carry letters for the digits they look
like (``D0B: O4/1l/1958``, ``Phone: 555-Ol66``): inside a run of digit
groups where real digits are the most, ``O``/``o`` read as ``0`` and
``l``/``I`` as ``1`` in the view; words the other way round (``He1en
Marsha11`` reads Helen Marshall, ``Genera1 Hospita1`` General Hospital)
when the letters make a name or word of the lexicons.

ASCII text without control characters or such numbers (most prompts) is its
own view: nothing is copied.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

from phiguard.detect.lexicons import load_lexicons

__all__ = ["detection_view", "to_original", "to_view"]

_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d")
#: ASCII control characters that are not whitespace (NUL, BEL, ESC, DEL, ...),
#: and the information separators \x1c-\x1f, which Python's ``re`` reads as
#: whitespace and ``regex`` does not: folded to spaces, both engines agree.
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SEPARATORS = frozenset("\x1c\x1d\x1e\x1f")
#: Unicode categories dropped from the view (whitespace among them is kept).
_INVISIBLE = frozenset({"Cf", "Cc"})
#: Combining marks (accents, variation selectors, vowel signs).
_MARKS = frozenset({"Mn", "Mc", "Me"})
_SPACES = _SEPARATORS | frozenset(
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)


def detection_view(text: str) -> tuple[str, list[int] | None]:
    """The view of ``text`` and, if it differs, the original offset of each
    of its characters (with one more entry: the original length)."""
    if text.isascii() and _ASCII_CONTROL.search(text) is None:
        folded = _read_scan(text)
        return (text, None) if folded == text else (folded, list(range(len(text) + 1)))
    chars: list[str] = []
    origin: list[int] = []
    changed = False
    for index, char in enumerate(text):
        if char.isascii() and (char.isprintable() or char.isspace()) and char not in _SEPARATORS:
            chars.append(char)
            origin.append(index)
            continue
        if char in _DASHES:
            folded = "-"
        elif char in _SPACES or (_cjk(char) and not _date_char(text, index)):
            folded = " "
        elif (unicodedata.category(char) in _INVISIBLE and not char.isspace()) or (
            unicodedata.category(char) in _MARKS and not _takes_marks(chars)
        ):
            # zero-width space, soft hyphen, joiners, bidi marks; NUL, ESC;
            # and combining marks on plain letters, digits or nothing
            # ("00412387\u0301", "\u0301MRN", "Jose\u0301"), which would
            # make "\b" and "\d" miss the value beside them
            changed = True
            continue
        else:
            folded = unicodedata.normalize("NFKC", char)
            if len(folded) != 1:
                folded = char
            elif folded.isdecimal() and not folded.isascii():
                # Arabic-Indic, Persian, Devanagari, Bengali ... digits: ٠١٠٠ ٥٥٥
                # ٠١٩٢ is a phone, ۱۴۰۳/۰۱/۱۵ a date, as their ASCII forms are
                folded = str(unicodedata.decimal(folded))
        changed = changed or folded != char
        chars.append(folded)
        origin.append(index)
    view = "".join(chars)
    folded = _read_scan(view)
    changed = changed or folded != view
    view = folded
    if not changed:
        return text, None
    origin.append(len(text))
    return view, origin


def _read_scan(text: str) -> str:
    """``text`` with what a scan misread read back: letters inside numbers
    as digits (:func:`_ocr_digits`), digits inside names and words as
    letters (:func:`_ocr_names`); each only where a cheap first look finds
    the shape. An ``l`` read for ``I`` (:func:`_ocr_el`) only in a text
    that shows one of those misreads already: a scan's."""
    scanned = False
    if _OCR_HINT.search(text) is not None:
        text, scanned = _ocr_digits(text), True
    if _OCR_NAME.search(text) is not None:
        text, scanned = _ocr_names(text), True
    if scanned and _OCR_EL.search(text) is not None:
        text = _ocr_el(text)
    return text


#: A digit beside a letter a scan may have read for one: a cheap first look.
_OCR_HINT = re.compile(r"\d[OolI]|[OolI]\d")
#: Digit groups joined by date and number separators (``O4/1l/1958``,
#: ``555-Ol66``, ``O4 72 55 O1 18``), or one long run (``1O27384956``), in
#: which scans may have put letters for digits.
_OCR_NUMBER = re.compile(
    # (an area code's bracket is a separator too: "(2l3) 555-Ol88")
    r"(?<![A-Za-z0-9])(?:[0-9OolI]{1,4}+(?:(?:\s?[/.-]\s?|\)[ ]?|[ ])[0-9OolI]{1,4}+){1,4}+"
    r"|[0-9OolI]{7,12}+)(?![A-Za-z0-9])"
)
_GROUPS = re.compile(r"[0-9OolI]+")
_OCR_FOLD = str.maketrans("OolI", "0011")


def _ocr_digits(text: str) -> str:
    """``text`` with the letters of misread numbers read as digits: in every
    group of the number a real digit, and more real digits than letters (as
    many in a number of three groups and more: ``l4.O2.l95l``)."""

    def fold(match: re.Match[str]) -> str:
        number = match.group()
        digits = sum(char.isdigit() for char in number)
        letters = sum(char in "OolI" for char in number)
        groups = _GROUPS.findall(number)
        if not letters or digits < letters or (digits == letters and len(groups) < 3):
            return number
        if not all(any(char.isdigit() for char in group) for group in groups):
            return number
        return number.translate(_OCR_FOLD)

    return _OCR_NUMBER.sub(fold, text)


#: A word of letters with 0 or 1 among them, which a scan may have read for
#: o, O, l, I: ``He1en Marsha11``, ``JOHNS0N``, ``MAR1A``, ``Hospita1``.
_OCR_NAME = re.compile(r"\b(?:[A-Za-z]+[01]|0[A-Za-z])[A-Za-z01]*\b")
#: An ``l`` a scan read for ``I``: in a word of capitals (``MRl``, ``C-SPlNE``,
#: ``lNS lD``), or opening a name before a consonant no English word has
#: after it (``Dr K. lshikawa``).
_OCR_EL = re.compile(
    r"\b(?:[A-Z]*(?:[A-Z]l|l[A-Z])[A-Zl]*|l[bcdfghjkmnpqrstvwxz][a-z]+|[A-Z]{2,}i[A-Z]+)\b"
)


def _ocr_names(text: str) -> str:
    """``text`` with the misread letters of words read as letters: a word
    of three letters or more, with more letters than digits, whose digits
    read as letters make a given name, a surname or an English word
    (``He1en`` is Helen, ``Kap00r`` Kapoor, ``Genera1 Hospita1`` General
    Hospital). Codes stay as they are: ``HbA1c``, ``BRCA1``, ``T1a``,
    ``L5S1`` make no word."""
    lexicons = load_lexicons()

    def fold(match: re.Match[str]) -> str:
        word = match.group()
        digits = word.count("0") + word.count("1")
        if digits * 2 > len(word):
            return word
        if word[0] == "0":
            # a capital O read as a zero opens a name: "Dr 0la Brekke",
            # "0KAFOR" (a name, not a word: "0ne" stays)
            candidate = "O" + word[1:].replace("0", "o" if word[1:].islower() else "O")
            lower = candidate.lower()
            if len(word) - digits >= 2 and (
                lower in lexicons.first_names or lower in lexicons.surnames
            ):
                return candidate
            return word
        if len(word) - digits < 3:
            return word
        upper = word.isupper() or not any(char.islower() for char in word)
        for one in "li" if not upper else "IL":
            candidate = word.replace("0", "O" if upper else "o").replace("1", one)
            lower = candidate.lower()
            if (
                lower in lexicons.first_names
                or lower in lexicons.surnames
                or lower in lexicons.english
            ):
                return candidate
        return word

    return _OCR_NAME.sub(fold, text)


def _ocr_el(text: str) -> str:
    """``text`` with the ``l`` (or ``i``) a scan read for ``I`` read back:
    an ``l`` inside a word of three capitals or more (``MRl`` is MRI,
    ``CHlNWE`` Chinwe) and in ``lD`` (ID); an ``l`` opening a word whose
    ``I`` makes a name of the lexicons (``lshikawa``: Ishikawa); an ``i``
    among capitals that then make a name (``DAViD``). ``Il``, ``mL`` and
    English words stay."""
    lexicons = load_lexicons()

    def fold(match: re.Match[str]) -> str:
        word = match.group()
        if "i" in word and not word[1:].islower():
            # a capital I read small inside a name of capitals: "DAViD"
            candidate = word.replace("i", "I")
            lower = candidate.lower()
            if lower in lexicons.first_names or lower in lexicons.surnames:
                return candidate
            return word
        if word[1:].islower():
            candidate = "I" + word[1:]
            lower = candidate.lower()
            if word not in lexicons.english and (
                lower in lexicons.first_names or lower in lexicons.surnames
            ):
                return candidate
            return word
        if len(word) >= 3 or word == "lD":
            return word.replace("l", "I")
        return word

    return _OCR_EL.sub(fold, text)


#: The date characters of Chinese, Japanese and Korean (3月18日, 3월 18일)
#: and the words for years of age (94岁, 94歳, 94세), after a number.
_CJK_DATE = frozenset("年月日년월일岁歳세")
#: The Japanese eras (昭和14年5月2日, 令和元年).
_ERAS = ("明治", "大正", "昭和", "平成", "令和")


def _date_char(text: str, index: int) -> bool:
    """Whether the CJK character at ``index`` belongs to a date or an age
    (its number stays in the view with it): a date character after a
    number or 元 (3月18日, 令和元年), a Japanese era's name, and 元 after
    one. Elsewhere these are words like any other (和 is "and": Chiari畸形和
    Dandy-Walker keeps no 和 glued to Dandy)."""
    char = text[index]
    if char in _CJK_DATE:
        before = index - 1
        if before >= 0 and text[before] == " ":
            before -= 1
        return before >= 0 and (text[before].isdecimal() or text[before] == "元")
    if char == "元":
        return text[max(index - 2, 0) : index] in _ERAS
    return text[index : index + 2] in _ERAS or text[max(index - 1, 0) : index + 1] in _ERAS


def _cjk(char: str) -> bool:
    """Whether ``char`` is a Han ideograph, kana or a Hangul syllable.

    In the view these are spaces: no recognizer reads them, and written
    without spaces they glue themselves to the Latin words and numbers
    around them ("在Golden Gate Imaging做了CT", "病历号是SF-0082219"),
    which word boundaries then take for one word.
    """
    return (
        "\u3040" <= char <= "\u30ff"
        or "\u3400" <= char <= "\u4dbf"
        or "\u4e00" <= char <= "\u9fff"
        or "\uac00" <= char <= "\ud7af"
        or "\uf900" <= char <= "\ufaff"
    )


def _takes_marks(chars: list[str]) -> bool:
    """Whether the view so far ends in a non-ASCII letter or mark, whose
    combining marks are part of the word (Vietnamese, Devanagari, ...)."""
    return (
        bool(chars)
        and not chars[-1].isascii()
        and (chars[-1].isalpha() or unicodedata.category(chars[-1]) in _MARKS)
    )


def to_original(origin: list[int], start: int, end: int) -> tuple[int, int]:
    """The original span of the view span ``[start, end)``."""
    return origin[start], origin[end - 1] + 1


def to_view(origin: list[int], start: int, end: int) -> tuple[int, int]:
    """The view span of the original span ``[start, end)``: from the first
    of its characters the view keeps to the last (a dropped one at an end
    falls outside)."""
    first = bisect.bisect_left(origin, start)
    last = bisect.bisect_left(origin, end) - 1
    return first, max(first + 1, last + 1)
