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
        # Streets abroad, name then number: Via dei Fiorentini 17, rue des
        # Acacias 12, ul. Zamkowa 33, Calle Luna 418; Augsburger Strasse 36,
        # Hauptstraße 5 (ß spelled as any letter or two: "ß" would make the
        # reach analysis give up on the whole pattern, reach.py),
        # Søndergade 52, Hafnarstraeti 5, Mannerheimintie 12
        Pattern(
            "street_abroad",
            r"(?<![\w.])(?:(?:Via|Viale|Piazza|Piazzetta|Corso|Largo|Calle|Avenida|Av\.|Rua|Rue"
            r"|Boulevard|Bd\.?|Chemin|Carrer|Paseo|Strada|ul\.|ulica|Plac|Aleja)"
            r"(?:[ ](?:d[eiao]s?|dei|del|della|delle|dello|degli|du|la|le|les|de[ ]la|von|van"
            r"|der))?"
            r"(?:[ ][^\W\d_a-z][^\W\d_]*+(?:['’.-][^\W\d_]++)?){1,4}+"
            r"|(?:[^\W\d_a-z][^\W\d_]*+[ ])?(?:[^\W\d_a-z][^\W\d_]*(?:stra[^\W\d_]{1,2}e|(?i:str\."
            r"|gasse|weg|allee|platz|damm|gade|vej|vägen|gatan|veien|vegen|straat|laan|gracht"
            r"|katu|tie|utca|straeti|stræde))|Stra[^\W\d_]{1,2}e|Str\.|Gasse|Weg|Allee|Platz|Straat))"
            r"[ ]\d{1,4}[a-z]?(?![\w/-])",
            0.75,
        ),
        # number first, in French, Spanish, Portuguese: 12 rue des Acacias
        Pattern(
            "street_abroad_numbered",
            r"(?<![\w.,-])\d{1,4}(?:[ ]?bis)?,?[ ](?i:rue|avenue|av\.|boulevard|bd|chemin|allée"
            r"|impasse|place|calle|rua|avenida)(?:[ ](?:d[eiao]s?|du|la|le|les|de[ ]la|d'))?"
            r"(?:[ ]?[^\W\d_a-z][^\W\d_]*+(?:[-'’][^\W\d_]++)?){1,4}+",
            0.75,
        ),
        # the unit line of an address: Apt. 839, Suite 282, Ste 4B
        Pattern("unit", r"\b(?:Apt\.?|Apartment|Suite|Ste\.?)[ ]?\#?\d{1,5}[A-Z]?\b", 0.6),
        # US military mail: PSC 6293, Box 8158 APO AP 04336; USNS Sekerková FPO AA 65728
        Pattern(
            "military",
            r"\b(?:(?:PSC|CMR|Unit)[ ]\d{3,5},?[ ](?:Box[ ]\d{3,5}[ ])?"
            r"|USNS[ ][^\W\d_a-z][^\W\d_]+[ ])"
            r"\n?(?:APO|FPO|DPO)[ ](?:AA|AE|AP)[ ]\d{5}\b",
            0.85,
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
        "Timotea lives on «Via dei Fiorentini 17» street.",
        "Our address is «Calle Luna 418», Santa Fe",
        "Please return to 35108 «ul. Zamkowa 33» «Apt. 406» Beerze",
        "«Augsburger Strasse 36» >«Suite 960» >Schuld",
        "Stephan M Urner  4844 «Søndergade 52»  Apt",
        "4 «Hafnarstraeti 5»  Suite",
        "wohnt «Hauptstraße 5» in",
        "update my new address is «PSC 6293, Box 8158 APO AP 04336»",
        "send a new one to «USNS Sekerková FPO AA 65728»?",
        "Nous habitons «12 rue des Acacias», Abidjan.",
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
        "Via 2 ports, then",
        "Unit 4 nurses",
        "the Fleischner Society 2017 guidelines",
        "Kellgren-Lawrence grade 3",
        "currently scoring 3.5 on the DAS28",
        "During 1971, the firm",
        "a bullet measuring 15 x 10 mm",
    ),
)

ADDRESS_RECOGNIZERS: tuple[PatternRecognizer, ...] = (_ADDRESS,)
