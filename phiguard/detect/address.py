"""ADDRESS: street addresses, PO boxes, ``City, ST 12345`` and ZIP codes.

State and country names alone are not PHI; a ZIP code is, as is a city
given with its state. Two-letter state codes that are also clinical
abbreviations (CT, MD, PA, OR, MI, MS, ...) count only when a ZIP follows.
"""

from __future__ import annotations

from phiguard.detect.recognizer import Pattern, PatternRecognizer

__all__ = ["ADDRESS_RECOGNIZERS", "AMBIGUOUS_STATE_CODES", "CLEAR_STATE_CODES"]

_STREET_SUFFIX = (
    r"(?i:street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|court|ct|way|place|pl"
    r"|parkway|pkwy|terrace|ter|circle|cir|highway|hwy|loop|row|square|sq|trail|trl|pike"
    r"|alley|plaza|crescent|cres|close|walk|run|path|grove|heights|hts|expressway|turnpike"
    r"|route|rte)"
)
_UNIT = r"(?i:apt|apartment|unit|suite|ste|fl|floor|rm|room|bldg|building|\#)"
#: State codes that are no word or clinical abbreviation, as alternatives.
CLEAR_STATE_CODES = (
    "AK|AZ|CA|FL|IA|IL|KS|KY|MN|MT|NC|NH|NJ|NV|NY|OH|RI|SD|TN|TX|UT|VT|WA|WI|WV|WY|DC|ND|NM"
)
#: State codes that are words or clinical abbreviations too (CT, MD, OR, IN, ...).
AMBIGUOUS_STATE_CODES = "AL|AR|CO|CT|DE|GA|HI|ID|IN|LA|MA|MD|ME|MI|MO|MS|NE|OK|OR|PA|SC|VA"
_CLEAR_STATES = CLEAR_STATE_CODES
_AMBIGUOUS_STATES = AMBIGUOUS_STATE_CODES
# Words are possessive and a city starts only where a run of word
# characters starts: with "-" both inside words and between them, a run such
# as "Aa-Aa-Aa-..." could be split many ways, at every start (measured:
# 800 characters took 37 s; tests/detect/test_backtracking.py).
_CITY = r"(?<![\w.'-])[A-Z][A-Za-z.'-]++(?: [A-Z][A-Za-z.'-]++){0,2}"

_ADDRESS = PatternRecognizer(
    name="address_us_v1",
    label="ADDRESS",
    patterns=(
        # 88 Larchmont Ave, 45 Sycamore Pl Apt 12, 1200 Kestrel Parkway
        Pattern(
            "street",
            r"(?<![\w.-])\d{1,6}[A-Z]?(?:-\d{1,4})?\s(?:(?:[NSEW]\.?|North|South|East|West)\s)?"
            # street words; a full stop only inside one (U.S) or ending a short
            # abbreviation (St., Mt.): "14 AFTER FALL. CT HEAD" is no street
            r"(?:(?:[A-Z0-9][A-Za-z0-9'-]*+(?:\.[A-Za-z0-9'-]++)*+|[A-Z][A-Za-z]{0,2}\.)\s){1,4}"
            + _STREET_SUFFIX
            + r"\b\.?"
            r"(?:,?\s" + _UNIT + r"\.?\s?\#?\s?[A-Z0-9-]{1,6}\b)?"
            # then the city, state and ZIP when they follow: ", Columbus, OH 43081"
            rf"(?:,\s{_CITY}(?![\w-]))?(?:,?\s(?:{_CLEAR_STATES}|{_AMBIGUOUS_STATES})(?![\w-]))?"
            r"(?:,?\s\d{5}(?:-\d{4})?(?![\w-]))?",
            0.8,
        ),
        # "the Walgreens on Kirkwood Hwy", "lives on Elm Hill Rd": a street
        # without a number, after a word that puts something on it, with a
        # suffix that is no other word (not Dr, St, Ct: "at Tumor Board Dr Ng")
        Pattern(
            "named_street",
            r"\b(?:on|off|at|near|along|onto)\s(?P<v>(?:(?:N|S|E|W|North|South|East|West)\.?\s)?"
            r"(?:[A-Z][a-z]++(?:['-][A-Za-z]++)?\s){1,3}"
            r"(?:Street|Avenue|Ave|Road|Rd|Boulevard|Blvd|Highway|Hwy|Lane|Ln|Parkway|Pkwy|Pike"
            r"|Turnpike|Expressway|Drive)(?![A-Za-z]))",
            0.7,
        ),
        Pattern("po_box", r"\b(?i:p\.?\s?o\.?\s?box)\s\d{1,6}\b", 0.85),
        # Grand Rapids, MI 49503 / Boulder, CO 80301-1234
        Pattern(
            "city_state_zip",
            rf"{_CITY},?\s(?:{_CLEAR_STATES}|{_AMBIGUOUS_STATES})\s\d{{5}}(?:-\d{{4}})?\b",
            0.9,
        ),
        # Atlanta, GA is ambiguous (GA: general anaesthesia); Dallas, TX is not.
        Pattern("city_state", rf"{_CITY},\s(?:{_CLEAR_STATES})(?![\w-])", 0.7),
        Pattern("zip_plus4", r"(?<![\w-])\d{5}-\d{4}(?![\w-])", 0.7),
        Pattern("zip", r"(?<![\w.-])\d{5}(?![\w-]|\.\d)", 0.2),
    ),
    context=("zip", "zipcode", "postal", "address", "addr", "lives", "resides", "residing"),
    context_window=25,
    context_boost=0.45,
    ignore_case=False,
    examples=(
        "address is «1234 Elm St, Boston», seen",
        "at «45 Sycamore Pl Apt 12»^^",
        "| «1800 Aspen Loop, Boulder, CO 80301» | Tel",
        "lives at «123 Maple Street», in",
        "(«902 Ferncliff Blvd, Columbus») is down",
        "guardian, «410 Cedar Ave, Boulder, 80304». I have",
        "«Grand Rapids MI 49503»'",
        "«Boulder, CO 80301» | Tel",
        "who resides in «Dallas, TX» and",
        "mail to «PO Box 1234» today",
        "lives at «12 N. Main St.» now",
        "at «300 Mt. Vernon Ave» since",
        "zip «60201» area",
        "sent to the Walgreens on «Kirkwood Hwy» not the mail order",
        "the convent on «Elm Hill Rd», transport issue",
        "Hanmi Pharmacy on «Western Ave»입니다",
        "a technician at the pharmacy on «Parker Road». Headaches",
    ),
    counterexamples=(
        "GCS 14 AFTER FALL. CT HEAD",
        "a 3 mm nodule",
        "seen by 2 radiologists",
        "Boston, MA is cold",
        "Harpreet Kaur Sandhu, MD",
        "CPT 76830 billed",
        "Smith, CT scan",
        "discussed at Tumor Board Dr Ng agreed",
        "on Main floor of the hospital",
        "back on the road to recovery",
    ),
)

ADDRESS_RECOGNIZERS: tuple[PatternRecognizer, ...] = (_ADDRESS,)
