"""Date shift: move a date by a fixed number of days, keeping how it is written.

One offset per session (or per Guard outside a session) keeps every
interval between dates: a CT on 3/4/24 and its follow-up on 3/18/24 stay
two weeks apart. The shifted date keeps its format: separators, zero
padding, two- or four-digit year, month names in full or short, ordinal
suffixes. A date this module cannot read becomes ``[DATE]``; it never
stays as it was.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["shift_date"]

_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH_INDEX = {name: i + 1 for i, name in enumerate(_MONTHS)}
_MONTH_INDEX.update({name[:3]: i + 1 for i, name in enumerate(_MONTHS)})
_MONTH_INDEX["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTH_INDEX, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?P<suffix>st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4}|'?\d{2})"

_NUMERIC = re.compile(r"(?P<m>\d{1,2})(?P<sep>[/.-])(?P<d>\d{1,2})(?:(?P=sep)(?P<y>\d{4}|\d{2}))?")
_ISO = re.compile(r"(?P<y>\d{4})(?P<sep>-|/|)(?P<m>\d{2})(?P=sep)(?P<d>\d{2})(?P<rest>T.*)?")
_MONTH_FIRST = re.compile(rf"{_MONTH}\s+{_DAY}(?:(?P<comma>,?\s+){_YEAR})?", re.IGNORECASE)
_DAY_FIRST = re.compile(
    rf"{_DAY}(?P<of>\s+of)?(?P<sep>\s+|-){_MONTH}(?:(?P<comma>,?(?P=sep)){_YEAR})?",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(rf"{_MONTH}(?P<comma>,?\s+){_YEAR}", re.IGNORECASE)
#: The year assumed for a date written without one (a leap year, so 2/29 reads).
_NO_YEAR = 2000


#: A weekday before a date (``Tues 5/7``, ``Monday, July 15``): dropped
#: from the shifted date, which falls on another day of the week (and the
#: old weekday beside the new date would tell the shift).
_WEEKDAY = re.compile(
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?,?[ \t]+",
    re.IGNORECASE,
)
#: A time after a date (``06/02/2024 06:30``, ``6/5 @ 4:15``, ``at 10:40 AM``): kept.
_TIME = re.compile(
    r",?[ \t]+(?:at[ \t]+|@[ \t]?)?(?:[01]?\d|2[0-3])"
    r"(?::[0-5]\d(?::[0-5]\d)?(?:[ \t]?[ap](?:\.m\.|m\b))?|[ \t]?[ap](?:\.m\.|m\b))\Z",
    re.IGNORECASE,
)


def shift_date(value: str, days: int) -> str:
    """``value`` moved by ``days`` days, written as it was; ``[DATE]`` if unreadable.

    A weekday before the date is dropped and a time after it kept.
    """
    text = value.strip()
    weekday = _WEEKDAY.match(text)
    if weekday is not None:
        text = text[weekday.end() :]
    time = _TIME.search(text)
    tail = ""
    if time is not None and time.start() > 0:
        text, tail = text[: time.start()], text[time.start() :]
    shifted = _shift(text, days)
    return shifted if shifted == "[DATE]" else shifted + tail


def _shift(text: str, days: int) -> str:
    for shift in (
        _shift_iso,
        _shift_numeric,
        _shift_month_first,
        _shift_day_first,
        _shift_month_year,
    ):
        try:
            shifted = shift(text, days)
        except (ValueError, OverflowError):
            return "[DATE]"
        if shifted is not None:
            return shifted
    return "[DATE]"


def _year(text: str | None) -> tuple[int, int]:
    """The year a written year means, and how many digits it was written with."""
    if text is None:
        return _NO_YEAR, 0
    digits = text.lstrip("'")
    if len(digits) == 4:
        return int(digits), 4
    year = int(digits)
    return (2000 + year if year < 70 else 1900 + year), 2


def _write_year(year: int, width: int, original: str | None) -> str:
    if width == 4:
        return f"{year:04d}"
    apostrophe = "'" if original and original.startswith("'") else ""
    return f"{apostrophe}{year % 100:02d}"


def _pad(number: int, original: str) -> str:
    return f"{number:02d}" if len(original) == 2 else str(number)


def _shift_iso(text: str, days: int) -> str | None:
    match = _ISO.fullmatch(text)
    if match is None:
        return None
    date = dt.date(int(match["y"]), int(match["m"]), int(match["d"])) + dt.timedelta(days)
    sep = match["sep"]
    return f"{date.year:04d}{sep}{date.month:02d}{sep}{date.day:02d}{match['rest'] or ''}"


def _shift_numeric(text: str, days: int) -> str | None:
    match = _NUMERIC.fullmatch(text)
    if match is None:
        return None
    year, width = _year(match["y"])
    date = dt.date(year, int(match["m"]), int(match["d"])) + dt.timedelta(days)
    sep = match["sep"]
    out = f"{_pad(date.month, match['m'])}{sep}{_pad(date.day, match['d'])}"
    if match["y"] is not None:
        out += sep + _write_year(date.year, width, match["y"])
    return out


def _month_name(month: int, original: str) -> str:
    name = _MONTHS[month - 1]
    bare = original.rstrip(".")
    if bare.lower() not in _MONTHS:  # short form: Mar, Sept (not June, July)
        name = name[:3]
    if original.isupper():
        name = name.upper()
    elif original[:1].isupper():
        name = name.capitalize()
    return name + ("." if original.endswith(".") and len(name) <= 4 else "")


def _ordinal(day: int) -> str:
    if 11 <= day % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _day(day: int, original: str, suffix: str | None) -> str:
    # a written day is padded only if it was: "May 30" becomes "Jul 9", "May 03" "Jul 09"
    out = f"{day:02d}" if original.startswith("0") else str(day)
    if suffix:
        ordinal = _ordinal(day)
        out += ordinal.upper() if suffix.isupper() else ordinal
    return out


def _shift_month_first(text: str, days: int) -> str | None:
    match = _MONTH_FIRST.fullmatch(text)
    if match is None:
        return None
    year, width = _year(match["year"])
    month = _MONTH_INDEX[match["month"].lower()]
    date = dt.date(year, month, int(match["day"])) + dt.timedelta(days)
    out = f"{_month_name(date.month, _original_month(text, match))} "
    out += _day(date.day, match["day"], match["suffix"])
    if match["year"] is not None:
        out += match["comma"] + _write_year(date.year, width, match["year"])
    return out


def _shift_day_first(text: str, days: int) -> str | None:
    match = _DAY_FIRST.fullmatch(text)
    if match is None:
        return None
    year, width = _year(match["year"])
    month = _MONTH_INDEX[match["month"].lower()]
    date = dt.date(year, month, int(match["day"])) + dt.timedelta(days)
    out = _day(date.day, match["day"], match["suffix"]) + (match["of"] or "") + match["sep"]
    out += _month_name(date.month, _original_month(text, match))
    if match["year"] is not None:
        out += match["comma"] + _write_year(date.year, width, match["year"])
    return out


def _shift_month_year(text: str, days: int) -> str | None:
    match = _MONTH_YEAR.fullmatch(text)
    if match is None:
        return None
    year, width = _year(match["year"])
    month = _MONTH_INDEX[match["month"].lower()]
    date = dt.date(year, month, 15) + dt.timedelta(days)  # mid-month: the month it lands in
    out = _month_name(date.month, _original_month(text, match)) + match["comma"]
    return out + _write_year(date.year, width, match["year"])


def _original_month(text: str, match: re.Match[str]) -> str:
    start, end = match.span("month")
    if end < len(text) and text[end] == ".":
        end += 1
    return text[start:end]
