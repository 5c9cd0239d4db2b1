"""ADDRESS: street addresses, PO boxes, ``City, ST 12345``, postcodes.

State and country names alone are not PHI; a ZIP code is, as is a city
given with its state. Two-letter state codes that are also clinical
abbreviations (CT, MD, PA, OR, MI, MS, ...) count only when a ZIP follows.
Abroad: streets written name first (``Via dei Mille 42``, ``Rua das
Acácias, 88``) or number first (``12 rue des Lilas``), with what follows
them (a flat, a neighbourhood, ``72070 Tübingen``); Vietnamese wards and
districts; Canadian and British postcodes.
"""

from __future__ import annotations

from phiguard.detect.recognizer import Pattern, PatternRecognizer
from phiguard.detect.scripts import ARABIC_LETTER, CYRILLIC_WORD, GREEK_WORD, HEBREW_LETTER

__all__ = ["ADDRESS_RECOGNIZERS", "AMBIGUOUS_STATE_CODES", "CLEAR_STATE_CODES"]

# Words a scan, not a street, ends with: "CPT 71260 Chest CT", "2 Head CT".
_BODY_PART = (
    r"(?:chest|head|brain|neck|abd|abdomen|abdominal|pelvis|pelvic|spine|sinus|cardiac|renal"
    r"|facial|orbit|orbits|body|lung|liver|neuro)"
)
_STREET_SUFFIX = (
    r"(?i:street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|court"
    rf"|ct(?<!\b{_BODY_PART}\sct)|way|place|pl"
    r"|parkway|pkwy|terrace|terr|ter|circle|cir|highway|hwy|loop|row|square|sq|trail|trl|pike"
    r"|alley|plaza|crescent|cres|close|walk|run|path|grove|heights|hts|expressway|turnpike"
    r"|route|rte|cove|crossing|xing|mews|landing|brae|wynd|gardens|gdns|rise|vale|parade"
    # Australian abbreviations: Banksia Pde, Jacaranda Cct, Ocean Tce, Bay Esp
    r"|esplanade|quay|pde|cct|tce|esp"
    # Sycamore Bend, Oak Ridge, Fox Chase, Heron Point
    r"|bend|ridge|glen|chase|hollow|knoll|point)"
)
#: The suffixes as written in a street's name: "Cedar Ln", "Elm Street".
_TITLE_SUFFIX = (
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Court|Ct|Way|Place|Pl"
    r"|Parkway|Pkwy|Terrace|Terr|Ter|Circle|Cir|Highway|Hwy|Trail|Pike|Plaza)"
)
_UNIT = r"(?i:apt|apartment|unit|suite|ste|fl|floor|rm|room|bldg|building|\#)"
#: A numbered road: Route 28, State Route 9, Hwy 61, County Road 12, I-95.
_ROUTE = (
    r"(?:(?:State|US|U\.S\.|County)[ ])?(?:Route|Rte\.?|Highway|Hwy\.?|Road)[ ]\d{1,4}[A-Z]?"
    r"|I-\d{1,3}"
)
_ORDINAL_ROAD = r"\d{1,3}(?:st|nd|rd|th)"
#: State codes that are no word or clinical abbreviation, as alternatives.
CLEAR_STATE_CODES = (
    "AK|AZ|CA|FL|IA|IL|KS|KY|MN|MT|NC|NH|NJ|NV|NY|OH|RI|SD|TN|TX|UT|VT|WA|WI|WV|WY|DC|ND|NM"
)
#: State codes that are words or clinical abbreviations too (CT, MD, OR, IN, ...).
AMBIGUOUS_STATE_CODES = "AL|AR|CO|CT|DE|GA|HI|ID|IN|LA|MA|MD|ME|MI|MO|MS|NE|OK|OR|PA|SC|VA"
_CLEAR_STATES = CLEAR_STATE_CODES
_AMBIGUOUS_STATES = AMBIGUOUS_STATE_CODES
#: Canadian provinces and territories.
_PROVINCES = "AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT"
#: A Canadian postal code: letter, digit, letter, digit, letter, digit, in the
#: letters Canada Post uses (no D, F, I, O, Q, U; no W or Z first).
_CA_POSTCODE = r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ ]?\d[ABCEGHJ-NPRSTV-Z]\d"
#: A British postcode: SW1A 1AA, M1 1AE; the inward part never holds C, I,
#: K, M, O or V ("L5 1CM" is a level and a size).
_UK_POSTCODE = r"[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?[ ]\d[ABD-HJLNP-UW-Z]{2}"
# Words are possessive and a city starts only where a run of word
# characters starts: with "-" both inside words and between them, a run such
# as "Aa-Aa-Aa-..." could be split many ways, at every start (measured:
# 800 characters took 37 s; tests/detect/test_backtracking.py).
_CITY = r"(?<![-\w.'’])[A-Z](?:[^\W\d_]++|['’.-])++(?: [A-Z](?:[^\W\d_]++|['’.-])++){0,2}"

# Abroad. Letters are written [^\W\d_] (a capital, or a letter beyond
# ASCII: [^\W\d_a-z]), never \p{..}, which the reach analysis cannot read
# (reach.py).
_LETTER = r"[^\W\d_]"
_CAPITAL = r"[^\W\d_a-z]"
# A label, a title, a patient or a sentence after an address is no town:
# "..., Tel. 0761", "..., Please call back".
_NOT_LABEL = (
    r"(?!(?:Tel|Tél|Telefon|Telefone|Teléfono|Téléphone|Fax|Email|E-mail|Phone|Mobil|Handy"
    r"|Cel|Celular|Tlf|Dr|Dra|Sr|Sra|Patient|Paciente|Patientin|Pt|Apt|Suite|Please|Thanks"
    r"|Thank|This|That|He|She|They|We|It|I|If|When|And|But|Also|Then|Call|Seen|See"
    # the keys of a postcode: CEP 13456-210, C.P. 45210, TK 54622
    rf"|CEP|C\.[ ]?P|TK|T\.K|PIN)(?!{_LETTER}))"
)
#: A word of a town's name: Tübingen, Saint-Étienne, L'Aquila, Ø (København Ø).
_TOWN_WORD = rf"{_NOT_LABEL}{_CAPITAL}{_LETTER}*+(?:[-'’]{_LETTER}++)*+"
#: A town: up to three words, joined by the small words of place names
#: (Frankfurt am Main, Ciudad de México, Boulogne sur Mer).
_TOWN = (
    rf"{_TOWN_WORD}(?:[ ](?:(?:am|an[ ]der|an|im|bei|de|del|de[ ]la|do|da|dos|das|di|sur|sous"
    rf"|en|upon)[ ])?{_TOWN_WORD}){{0,2}}+"
)
#: A postcode before its town: 72070, D-72070, 1012 (AB), 01310-100 (Brazil),
#: 4000-123 (Portugal), 00-950 (Poland), 114 55 (Sweden).
_POSTCODE = r"(?:[A-Z]{1,2}-)?\d{4,5}(?:-\d{3})?|\d{2}-\d{3}|\d{3}[ ]\d{2}"
_POSTCODE_TOWN = rf"(?:(?:C\.?P\.?|CEP|PLZ)[ ])?(?:{_POSTCODE})[ ]{_TOWN}"
#: A flat or floor abroad: apto 302, app. 4, piso 3, dpto B, 2º andar, Whg. 5.
_FLAT = (
    r"(?:(?i:apto|ap|app|appt|dpto|depto|piso|int|interior|bloco|bl|sala|andar|esc|escalera"
    r"|puerta|pta|whg|wohnung|étage|scala|interno)\.?[ ]?(?:n[º°o]\.?[ ]?)?"
    r"(?:\d{1,4}[A-Za-z]?|[A-Z]\d{0,2})"
    r"|\d{1,2}(?:º|°|ª|e|er|ème)?[ ](?i:andar|piso|étage)"
    # a floor and a door: 3° B, 2ºA (3o B once the detection view's NFKC
    # has folded the ordinal sign)
    r"|\d{1,2}[º°ªoa][ ]?[A-Z])(?![\w-])"
)
#: A neighbourhood named with its marker: Col. Centro, Bairro Jardim, Vila Mariana.
_QUARTER = (
    r"(?:Col\.|Colonia|Bairro|Barrio|Fracc\.|Fraccionamiento|Jardim|Jd\.|Vila|Parque|Urb\."
    rf"|Urbanización|Quartier)[ ]{_TOWN}"
)
#: What may follow a street abroad: flats, a neighbourhood, then a postcode
#: and town (also on the next line: "Marktplatz 3\n72070 Tübingen") or towns.
_ABROAD_TAIL = (
    rf"(?:,?[ ]{_FLAT}){{0,2}}+(?:,[ ]{_QUARTER})?"
    rf"(?:(?:,[ ]|[ ]?\n){_POSTCODE_TOWN}|(?:,[ ]{_TOWN}){{1,2}})?"
)
#: A Vietnamese ward, district or commune: Phường 7, Quận 5, Huyện Củ Chi.
_VN_AREA = (
    r"(?:Phường|Quận|Huyện|Thị[ ]xã|Thị[ ]trấn|Xã)[ ]"
    rf"(?:\d{{1,2}}(?![\w-])|{_TOWN_WORD}(?:[ ]{_TOWN_WORD}){{0,3}}+)"
)
# Words that do not name a street in lower case: "2 days w dr", "1 amp iv st".
_LOWER_STOP = (
    r"(?:the|a|an|and|or|of|on|in|at|to|for|with|w|per|by|from|my|his|her|their|our|your|is"
    r"|was|x|mm|cm|mg|mcg|ml|cc|iv|po|im|sq|amp|days?|weeks?|wks?|months?|mos?|years?|yrs?"
    r"|hours?|hrs?|mins?|minutes?|times?|units?|tabs?|pills?|doses?|blocks?|miles?|mi|km|ft"
    r"|feet|steps?|stairs?|flights?|more|other|leads?|avf|lane|road|way|street|avenue)"
)
# Where an intersection's ordinal road ends: "Hollins and 4th, EMS", not
# "delivery and 2nd stage".
_ORDINAL_END = (
    r"(?![\w-]|[ ](?!(?:and|at|in|on|near|by|when|where|with|for|to|around|after|before|was|is"
    r"|then|from)\b)[a-z])"
)
_NAMED_ROAD = (
    r"(?:(?:N|S|E|W|North|South|East|West)\.?[ ])?[A-Z][a-z'-]++(?:[ ][A-Z][a-z'-]++){0,2}+"
)
# a road by its name alone: Route 9, Cedar Ln, 5th Ave
_SURE_ROAD = (
    rf"(?:{_ROUTE}|(?:[A-Z][a-z'-]*+[ ]){{1,3}}{_TITLE_SUFFIX}|{_ORDINAL_ROAD}[ ]{_TITLE_SUFFIX})"
    r"\.?(?![\w-])"
)
_ANY_ROAD = rf"(?:{_SURE_ROAD}|{_NAMED_ROAD}(?![\w-])|{_ORDINAL_ROAD}{_ORDINAL_END})"

#: A street, from its number on, and the city, state and ZIP after it.
_STREET = (
    # (a unit and number, as Australians write them: 4/18 Banksia St)
    r"(?:\d{1,4}[A-Z]?/)?\d{1,6}[A-Z]?(?:-\d{1,4})?\s(?:(?:[NSEW]\.?|North|South|East|West)\s)?"
    # street words; a full stop only inside one (U.S) or ending a short
    # abbreviation (St., Mt.): "14 AFTER FALL. CT HEAD" is no street
    r"(?:(?:(?:[A-Z0-9][A-Za-z0-9'-]*+(?:\.[A-Za-z0-9'-]++)*+|[A-Z][A-Za-z]{0,2}\.)\s){1,4}"
    rf"{_STREET_SUFFIX}|{_ROUTE})"
    r"\b\.?(?:[ ](?:N|S|E|W|NE|NW|SE|SW|Ext)(?![\w-]))?"
    r"(?:,?\s" + _UNIT + r"\.?\s?\#?\s?[A-Z0-9-]{1,6}\b)?"
    # a floor after it: 1400 Market Street, 22nd Floor
    r"(?:,\s\d{1,3}(?:st|nd|rd|th)\s(?i:floor|fl)\b)?"
    # then the city, state and ZIP when they follow: ", Columbus, OH 43081"
    # (Australia: Dubbo NSW 2830; New Zealand and South Africa: Whanganui
    # 4500, Pretoria North, 0182); a suburb before them where a postcode
    # closes the address: ", Rosebank, Johannesburg 2196"
    rf"(?:,\s{_CITY}(?=,\s{_CITY}(?:[ ](?:NSW|VIC|QLD|TAS|ACT|WA|SA|NT))?,?[ ]\d{{4,6}}(?![\w-])))?"
    rf"(?:,\s(?:{_CITY}(?:[ ](?:NSW|VIC|QLD|TAS|ACT|WA|SA|NT))?,?[ ]\d{{4}}|{_CITY})(?![\w-]))?"
    rf"(?:,?\s(?:{_CLEAR_STATES}|{_AMBIGUOUS_STATES}|{_PROVINCES})(?![\w-]))?"
    # (six digits: an Indian PIN code, Chennai 600040)
    rf"(?:,?\s(?:\d{{5}}(?:-\d{{4}})?|\d{{6}}|{_CA_POSTCODE}|{_UK_POSTCODE})(?![\w-]))?"
)

# A line of an address before its town: a flat, a numbered street, or a
# house or building by its name (Dunmore Cottage, Rowan Court)
_ADDRESS_LINE = (
    r"(?:(?:Flat|Apartment|Apt|Unit|Suite)\.?[ ][A-Z0-9][\w-]{0,4}+"
    r"|\d{1,4}[A-Z]?[ ][A-Z][-\w'’]++(?:[ ][A-Z][-\w'’]++){0,3}+"
    r"|[A-Z][-\w'’]++(?:[ ][A-Z][-\w'’]++){0,2}[ ](?:Cottage|Court|House|Lodge|Farm|Mews|View"
    r"|Gardens|Road|Street|Lane|Avenue|Close|Crescent|Drive|Way|Place|Terrace|Grove|Hall|Manor"
    r"|Barn|Villas?|Apartments|Flats|Estate|Square|Row|Walk|Rise|Bungalow|Cottages|Mansions"
    r"|Rd|St|Ave|Ln|Dr|Cres))"
)
# A village or district between the lines and the town: Lower Slaughter
_LOCALITY = (
    r"(?!(?:Dr|Mr|Mrs|Ms|Miss|Prof|Tel|Phone|Fax|NHS|DOB)\b)"
    r"[A-Z][-\w'’]++(?:[ ][A-Z][-\w'’]++){0,2}+"
)
_PROVINCE_NAMES = (
    "Alberta|British Columbia|Manitoba|New Brunswick|Newfoundland|Nova Scotia|Ontario"
    "|Quebec|Québec|Saskatchewan"
)

_ADDRESS = PatternRecognizer(
    name="address_us_v1",
    label="ADDRESS",
    patterns=(
        # 88 Larchmont Ave, 45 Sycamore Pl Apt 12, 1200 Kestrel Parkway,
        # 310 Route 28; 100 King St W, Toronto ON M5V 3L9
        Pattern("street", r"(?<![\w.-])" + _STREET, 0.8),
        # the flat first: "Apt 12, 800 Bayview Terr" (a pattern of its own:
        # an optional start would cost the street its fast first-digit search)
        Pattern(
            "unit_street",
            r"\b(?:Apt|Apartment|Unit|Suite|Ste)\.?[ ]?\#?[A-Z0-9-]{1,6},?[ ]" + _STREET,
            0.8,
        ),
        # in lower case, after a word that puts it somewhere: "live at 922 w
        # elm st apt b", "moved to 1140 cherry blossom ln"
        Pattern(
            "street_lower",
            r"\b(?:at|to|from|is|on|in|near|address|addr|live|lives|living|resides?|moved)"
            r":?[ ](?P<v>\d{1,6}[a-z]?[ ](?:[nsew]\.?[ ])?"
            rf"(?:(?!{_LOWER_STOP}[ ])[a-z][a-z'-]*+[ ]){{1,3}}"
            r"(?:st(?![ ](?:elevation|depression|segment|changes?|waves?)\b)|street|ave|avenue|rd"
            r"|road|ln|lane|blvd|boulevard|terrace|pkwy|parkway|hwy|highway)(?![\w'-])\.?"
            r"(?:[ ](?:apt|unit|suite|ste|\#)\.?[ ]?\#?[a-z0-9-]{1,5}(?![\w-]))?"
            # and its town, state and ZIP in lower case: ", chicago il 60641"
            r"(?:,?[ ][a-z]++(?:[ ][a-z]++)?,?[ ](?:[a-z]{2}[ ])?\d{5}(?![\w-]))?)",
            0.6,
        ),
        # Singapore's blocks: Blk 123 Bedok North Ave 3, #05-221, Singapore 460123
        Pattern(
            "block",
            r"\b(?:Blk|Block)[ ]\d{1,4}[A-Z]?[ ](?:[A-Z][a-z]++[ ]){1,4}"
            r"(?:Ave|Avenue|St|Street|Rd|Road|Dr|Drive|Crescent|Cres|Lane|Close|Walk|Central"
            r"|Ring|Link|View|Way)(?:[ ]\d{1,2})?(?![\w-])"
            r"(?:,?[ ]\#\d{2}-\d{2,4}(?![\w-]))?(?:,?[ ]Singapore[ ]\d{6}(?![\w-]))?",
            0.8,
        ),
        # "the Walgreens on Kirkwood Hwy", "lives on Elm Hill Rd": a street
        # without a number, after a word that puts something on it, with a
        # suffix that is no other word (not Dr, St, Ct: "at Tumor Board Dr Ng");
        # a numbered one: "on 5th ave", "off 42nd Street"
        Pattern(
            "named_street",
            r"\b(?:on|off|at|near|along|onto)\s(?P<v>(?:(?:N|S|E|W|North|South|East|West)\.?\s)?"
            r"(?:(?:[A-Z][a-z]++(?:['-][A-Za-z]++)?\s){1,3}"
            r"(?:Street|Avenue|Ave|Road|Rd|Boulevard|Blvd|Highway|Hwy|Lane|Ln|Parkway|Pkwy|Pike"
            r"|Turnpike|Expressway|Drive)"
            rf"|{_ORDINAL_ROAD}\s(?:[Ss]treet|[Ss]t|[Aa]venue|[Aa]ve|[Bb]lvd|[Rr]d|[Rr]oad))"
            r"(?![A-Za-z]))",
            0.7,
        ),
        # a crossing: "at Route 9 and Cedar Ln", "scene was Hollins and 4th":
        # one of them a road by its name alone (or a name and an ordinal)
        Pattern(
            "intersection",
            r"\b(?:at|on|near|scene[ ](?:was|is)(?:[ ]at)?)[ ](?:the[ ])?(?P<v>"
            rf"{_SURE_ROAD}[ ](?:and|&|/)[ ]{_ANY_ROAD}|{_ANY_ROAD}[ ](?:and|&|/)[ ]{_SURE_ROAD}"
            rf"|{_NAMED_ROAD}[ ](?:and|&)[ ]{_ORDINAL_ROAD}{_ORDINAL_END}"
            rf"|{_ORDINAL_ROAD}[ ](?:and|&)[ ]{_NAMED_ROAD}(?![\w-]))",
            0.75,
        ),
        # any two after "corner of": "the corner of Main and Elm"
        Pattern(
            "corner",
            r"\b(?i:corner|intersection)[ ]of[ ](?:the[ ])?"
            rf"(?P<v>{_ANY_ROAD}[ ](?:and|&|/)[ ]{_ANY_ROAD})",
            0.75,
        ),
        # "the 600 block of Harmon St"
        Pattern(
            "hundred_block",
            r"(?<![\w.,-])\d{1,3}00[ ][Bb]lock[ ]of[ ](?:(?:N|S|E|W|North|South|East|West)\.?[ ])?"
            r"(?:[A-Z][a-z'-]*+|\d{1,3}(?:st|nd|rd|th))(?:[ ][A-Z][A-Za-z'-]*+){0,3}+\.?",
            0.8,
        ),
        # "Lakeview Mobile Home Park, Lot 22"
        Pattern(
            "home_park",
            r"(?<![\w-])(?:[A-Z][a-z'-]*+[ ]){1,3}(?:Mobile[ ]Home|Trailer|RV|Manufactured[ ]Home)"
            r"[ ](?:Park|Court|Ct|Estates|Village|Community|Ranch)(?![\w-])"
            r"(?:,?[ ](?:Lot|Space|Spc|Site|Unit|Trailer|\#)\.?[ ]?\#?[A-Z0-9-]{1,5}(?![\w-]))?",
            0.8,
        ),
        # Streets abroad, name then number: Via dei Fiorentini 17, rue des
        # Acacias 12, ul. Zamkowa 33, Calle Luna 418; Augsburger Strasse 36,
        # Hauptstraße 5 (ß spelled as any letter or two: "ß" would make the
        # reach analysis give up on the whole pattern, reach.py),
        # Søndergade 52, Hafnarstraeti 5, Mannerheimintie 12; Avenida
        # Paulista, 1578; Calle Hidalgo s/n; then what follows (_ABROAD_TAIL)
        Pattern(
            "street_abroad",
            r"(?<![\w.])(?:(?:Via|Viale|Piazza|Piazzetta|Corso|Largo|Calle|Avenida|Av\.|Rua|Rue"
            r"|Boulevard|Bd\.?|Chemin|Carrer|Paseo|Strada|ul\.|ulica|Plac|Aleja|al\.|Pasaje|Pje\."
            r"|Camino|Callejón|Travesía|Ronda|Praça|Travessa|Alameda|Estrada|Rodovia|C/"
            # Romanian, Greek and Hebrew in Latin letters: Str. Trandafirilor nr. 8,
            # Odos Pindou 44, Rehov HaZayit 12
            r"|Str\.|Calea|Bulevardul|Odos|Odou|Leoforos|Rehov|Rechov|Sderot)"
            r"(?:[ ](?:d[eiao]s?|dei|del|della|delle|dello|degli|du|la|le|les|de[ ]la|von|van"
            r"|der))?"
            r"(?:[ ][^\W\d_a-z][^\W\d_]*+(?:['’.-][^\W\d_]++)?){1,4}+"
            r"|(?:[^\W\d_a-z][^\W\d_]*+[ ])?(?:[^\W\d_a-z][^\W\d_]*(?:stra[^\W\d_]{1,2}e|(?i:str\."
            r"|gasse|weg|allee|platz|damm|gade|vej|vägen|gatan|veien|vegen|straat|laan|gracht"
            r"|katu|tie|utca|straeti|stræde))|Stra[^\W\d_]{1,2}e|Str\.|Gasse|Weg|Allee|Platz|Straat)"
            # named after someone, with hyphens: Karl-Liebknecht-Str. 45
            r"|(?:[^\W\d_a-z][^\W\d_]*+-){1,3}(?:Stra[^\W\d_]{1,2}e|Str\.|Weg|Allee|Platz|Gasse|Ring"
            r"|Damm))"
            # (a flat after a slash: ul. Lipowa 12/4)
            # (a number with a letter: Björkvägen 4B, Kerkstraat 12A)
            r",?[ ](?:(?i:nr|no)\.?[ ])?"
            r"(?:\d{1,4}[a-zA-Z]?(?:/\d{1,4}[a-z]?)?(?![\w/-])|s/n(?![\w/]))" + _ABROAD_TAIL,
            0.75,
        ),
        # Whatever follows an address's key, to the end of its sentence or
        # line, when a number comes early in it: "address Flat 3C, Sai Krupa
        # Apartments, 14th Cross, ... Bengaluru 560055, mob ...", "Her address
        # is the new one: Suite 1204, The Meridian, 88 Harbour Quay, ..."
        Pattern(
            "after_key",
            # (not an email's, an IP's or a web address)
            r"(?<![Ii][Pp][ ])(?<![Ll][ ])(?<![Bb][ ])(?<![Cc][ ])(?<![Ll][Ss][ ])"
            r"\b(?i:(?:home[ ]|mailing[ ]|postal[ ]|new[ ])?address|addr\.?|adres|adresse|anschrift"
            r"|domicilio|direcci[óo]n|endere[çc]o|tirahan|indirizzo)"
            r"(?:[ ](?i:is|was|now))?(?:[ ](?i:the[ ]new[ ]one))?[ ]?[:=-]?[ ]"
            r"(?P<v>(?=[^\n]{0,40}\d)(?=[^\n]{0,60}[A-Z][a-z])"
            r"(?!(?i:on[ ]file|unknown|changed|verified|confirmed|updated|the|a|an|all|each|these"
            r"|of|for|to|in|on|at|is|was|with|and|or|line)\b)"
            r"(?:\#|\d|[^\W\d_a-z])[^\n]{4,120}?)"
            # (to a sentence's or line's end, a phone's label, a dash or a
            # bracket; or a comma before a word in lower case or a label:
            # "..., Boston, seen on 4/14", "..., DOB 3/4/1950")
            # (not the full stop of an abbreviation: "H.No. 221, Gali No. 4")
            r"(?=(?<!\b(?i:no|nr|apt|bl|ap))\.[ ]|\.?$|\.?\n"
            r"|,[ ](?:[a-z]|(?i:tel|tél|phone|ph|mob|mobile|cell|fax|e-?mail)\b"
            r"|(?:DOB|MRN|SSN|NHS|ID|Tel|Ph)\b)|[ ][—–][ ]|[ ]\(|;)",
            0.7,
        ),
        # German streets named by a preposition, with their postcode and town
        # (without them "Am Dienstag 3" or "Im Jahr 2024"): Am Mühlbach 3,
        # 79874 Tannenweiler
        Pattern(
            "street_preposition",
            r"(?<![\w.])(?:Am|Im|An[ ]der|Auf[ ]de[mr]|Zum|Zur)[ ][^\W\d_a-z][^\W\d_]{2,}+"
            r"(?:[ -][^\W\d_a-z][^\W\d_]++)?[ ]\d{1,3}[a-zA-Z]?(?:,[ ]|[ ]?\n)" + _POSTCODE_TOWN,
            0.75,
        ),
        # number first, in French, Spanish, Portuguese: 12 rue des Acacias
        Pattern(
            "street_abroad_numbered",
            r"(?<![\w.,-])\d{1,4}(?:[ ]?bis)?,?[ ](?i:rue|avenue|av\.|boulevard|bd|chemin|allée"
            r"|impasse|place|calle|rua|avenida)(?:[ ](?:d[eiao]s?|du|la|le|les|de[ ]la|d'))?"
            r"(?:[ ]?[^\W\d_a-z][^\W\d_]*+(?:[-'’][^\W\d_]++)?){1,4}+" + _ABROAD_TAIL,
            0.75,
        ),
        # a postcode and town after a word that says where someone lives:
        # "wohnhaft in 72070 Tübingen", "domicilié à 35000 Rennes"
        Pattern(
            "postcode_town",
            r"(?<![\w-])(?i:wohnhaft|wohnt|wohnort|adresse|anschrift|domicilio|domicilié|domiciliée"
            r"|domiciliado|domiciliada|résidant|résidente?|residente|demeurant|woonachtig|woont"
            r"|bosatt|bor)(?:[ ](?:in|à|a|en|em|na|no|au|te|i|på))?:?[ ]"
            rf"(?P<v>{_POSTCODE_TOWN})",
            0.8,
        ),
        # a postcode after its key: CEP 13456-210 (Brazil), C.P. 45210
        # (Mexico), TK 54622 (Greece), PIN 302019 (India)
        Pattern(
            "postcode_key",
            r"(?<![\w.])(?:(?-i:CEP|C\.[ ]?P\.|TK|T\.K\.|PIN)(?:[ ]code)?|pin[ ]?code)"
            r"[ ]?:?[ ]?(?P<v>\d{5}-\d{3}|\d{3}[ ]\d{2}|\d{6}|\d{5})(?![\w-])",
            0.8,
            ascii_re=True,
        ),
        # Vietnam: "45 Nguyễn Trãi, Phường 7, Quận 5", "Quận Bình Thạnh, TP HCM"
        Pattern(
            "area_vn",
            r"(?:(?<![\w.,/-])\d{1,4}[A-Z]?(?:/\d{1,4})?[ ](?:(?:Đường|Phố)[ ])?"
            rf"{_TOWN_WORD}(?:[ ]{_TOWN_WORD}){{0,3}}+,[ ])?"
            rf"(?<![\w-]){_VN_AREA}(?:,[ ]{_VN_AREA}){{0,3}}+"
            rf"(?:,[ ](?:TP\.?|Thành[ ]phố)[ ]?{_TOWN})?",
            # the words for ward and district name nothing else
            0.95,
        ),
        # the flat or lot before a street's number: "Flat 2, 9 Harbour View",
        # "Lot 4 Bindaree Rd", and an Indian house number: "H.No. 14-2-331"
        Pattern(
            "unit_before",
            r"\b(?:(?:Flat|Unit|Apt\.?|Apartment|Suite)[ ]?\#?[\dA-Z][\w/-]{0,6}"
            r"(?=,[ ]\d{1,6}[A-Z]?[ ][A-Z])"
            r"|(?:Lot|Plot)(?=[ ]\d{1,5}[ ][A-Z])"
            # Australian unit/number: "Unit 4/18 Banksia St"
            r"|(?:Unit|Flat|Apt\.?)(?=[ ]\d{1,4}[A-Z]?/\d{1,5}[ ][A-Z])"
            r"|(?:H\.[ ]?No\.?|Door[ ]No\.?|Plot[ ]No\.?)[ ]?\d[\w/-]{0,12})",
            0.7,
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
        # rural routes and highway contract routes: RR 2 Box 44B, HC 61 Box
        # 2210, then the town and state: ", Cawood KY"
        Pattern(
            "rural_box",
            r"\b(?:RR|R\.R\.|Rural[ ]Route|HC|HCR|Star[ ]Route)[ ]?\d{1,4},?[ ]"
            r"(?:Box|Bx)[ ]\d{1,6}[A-Z]?"
            r"(?![\w-])(?:,[ ][A-Z][a-z]++(?:[ ][A-Z][a-z]++)?+"
            rf"(?:,?[ ](?:{_CLEAR_STATES}|{_AMBIGUOUS_STATES}))?(?![\w-]))?",
            0.85,
        ),
        # Grand Rapids, MI 49503 / Boulder, CO 80301-1234 / Montréal, QC H1X 1G4
        Pattern(
            "city_state_zip",
            rf"{_CITY},?\s(?:(?:{_CLEAR_STATES}|{_AMBIGUOUS_STATES})\s\d{{5}}(?:-\d{{4}})?"
            rf"|(?:{_PROVINCES})\s{{1,2}}{_CA_POSTCODE})\b",
            0.9,
        ),
        # London SW1A 1AA, Manchester M1 1AE
        Pattern("city_postcode_uk", rf"{_CITY},?[ ]{_UK_POSTCODE}(?![\w-])", 0.85),
        # a British address's lines before its town and postcode: "Flat 2, 9
        # Harbour View, Falmouth TR11 3QH", "Dunmore Cottage, Lower
        # Slaughter, Cheltenham GL54 2HT", "Apt 5, 61 Tollgate Rd, Eastmere,
        # Manitoba R2K 1X9"
        Pattern(
            "lines_postcode",
            rf"(?<![-\w'’])(?:{_ADDRESS_LINE},[ ]){{1,3}}+(?:{_LOCALITY},[ ]){{0,2}}"
            rf"{_CITY},?[ ](?:(?:{_PROVINCE_NAMES})[ ])?(?:{_UK_POSTCODE}|{_CA_POSTCODE})(?![\w-])",
            0.85,
        ),
        # Atlanta, GA is ambiguous (GA: general anaesthesia); Dallas, TX is not.
        Pattern("city_state", rf"{_CITY},\s(?:{_CLEAR_STATES})(?![\w-])", 0.7),
        Pattern("zip_plus4", r"(?<![\w-])\d{5}-\d{4}(?![\w-])", 0.7),
        Pattern("zip", r"(?<![\w.-])\d{5}(?![\w-]|\.\d)", 0.2),
        # H1X 1G4 (not "T2N 1M0", a stage)
        Pattern(
            "postcode_ca",
            r"(?<![\w-])(?!T\dN[ ]\dM\d)[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ ]\d"
            r"[ABCEGHJ-NPRSTV-Z]\d(?![\w-])",
            0.6,
        ),
        # run together (K1A0B1) or British (SW1A 1AA) alone only after a word
        # for a postcode: "G2P1A1" is gravida and para, "L5 1AB" may be a level
        Pattern(
            "postcode_labelled",
            r"\b(?i:post(?:al)?[ ]?code|code[ ]postal|zip(?:[ ]?code)?)\W{1,3}"
            rf"(?P<v>{_CA_POSTCODE}|{_UK_POSTCODE})(?![\w-])",
            0.85,
        ),
    ),
    context=(
        "zip",
        "zipcode",
        "postal",
        "postcode",
        "post code",
        "code postal",
        "address",
        "addr",
        "lives",
        "resides",
        "residing",
    ),
    context_window=25,
    context_boost=0.45,
    ignore_case=False,
    examples=(
        "cc: Mr Penhaligon, «Flat 2, 9 Harbour Gardens, Falmouth TR11 3QH»",
        "lives out at «Lot» «4 Bindaree Rd, Dubbo NSW 2830» so",
        "lives with a toddler at «3321 Sycamore Bend, Apt 12, Lakehurst, NJ 08733»; can",
        "Aroha Te Rangi, «8 Kowhai Street, Whanganui 4500», ph",
        "ID no. 5803125088087, «23 Jacaranda Ave, Pretoria North, 0182», cell",
        "Rosebank Dental Studio, «14 Tyrwhitt Ave, Rosebank, Johannesburg 2196», tel",
        "Mr Arthur Penhaligon, «Flat 2, 9 Harbour View, Falmouth TR11 3QH», who",
        "Mr Frederick Ashworth, «Dunmore Cottage, Lower Slaughter, Cheltenham GL54 2HT», tel",
        "Supplies to «Apt 5, 61 Tollgate Rd, Eastmere, Manitoba R2K 1X9» please",
        "from Glenbrae Community Hospital, «Kirkton Road, Strathmoor, IV27 4PL».",
        "my new adress is «4417 w belmont ave apt 2, chicago il 60641» for the bills",
        "NRIC S8512345D, «Blk 123 Bedok North Ave 3, #05-221, Singapore 460123», +65",
        "R/o «Flat 3B», «12 Sai Krupa Gardens, Chennai 600040», UHID",
        "Address: «H.No. 14-2-331, Gandhi Nagar»",
        "home: «17 Craigmount Brae, Edinburgh EH12 8XD» note",
        "domiciliado en «Av. Corrientes 2450, 3° B, CABA», tel",
        "zam. «ul. Lipowa 12/4, 30-001 Kraków», skierowana",
        "Vive en «Pasaje Los Álamos 221, Maipú».",
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
        "Our address is «Calle Luna 418, Santa Fe»",
        "Please return to 35108 «ul. Zamkowa 33» «Apt. 406» Beerze",
        "«Augsburger Strasse 36» >«Suite 960» >Schuld",
        "Stephan M Urner  4844 «Søndergade 52»  Apt",
        "4 «Hafnarstraeti 5»  Suite",
        "wohnt «Hauptstraße 5» in",
        "update my new address is «PSC 6293, Box 8158 APO AP 04336»",
        "send a new one to «USNS Sekerková FPO AA 65728»?",
        "Nous habitons «12 rue des Acacias, Abidjan».",
        # a postcode and town after a street abroad, or after a word for living there
        "Patient wohnhaft «Marktplatz 3, 72070 Tübingen», seit 2019.",
        "Adresse : «12 rue des Lilas, 69003 Lyon».",
        "woont op «Keizersgracht 12, 1012 AB Amsterdam» nu",
        "bor på «Nørrebrogade 4, 2100 København Ø» i dag",
        "lebt in «Lindenstraße 17, 79098 Freiburg im Breisgau» mit",
        "domicilié à «35000 Rennes» depuis",
        "Wohnort: «D-72070 Tübingen»",
        # name first, number after a comma, then a flat, neighbourhood, towns
        "vive en «Calle Hidalgo 245, Col. Centro, Oaxaca».",
        "domicilio «Av. Revolución 1180, Col. Las Palmas, 06000 Ciudad de México»",
        "mora na «Avenida Paulista, 1578»; telefone",
        "«Rua das Acácias, 88, apto 302, Bairro Jardim, Recife»",
        "residente in «Via dei Mille 42, Napoli».",
        "«Via Roma 12», Tel. 0761 2345",
        "«Calle Luna 418», Please call back",
        "demeure au «3310 rue Beaubien Est, app. 4, Montréal»",
        "vive en «Calle Morelos s/n, Col. Centro»",
        "sống tại «45 Nguyễn Trãi, Phường 7, Quận 5, TP HCM».",
        "nhà ở «Quận Bình Thạnh» gần",
        # Canada and Britain
        "«100 King St W, Toronto ON M5V 3L9»",
        "from «Montréal, QC H1X 1G4».",
        "postal code «K1A0B1» on file",
        "postcode «SW1A 1AA» on file",
        "lives at «10 Downing St, London SW1A 1AA» now",
        "«Manchester M1 1AE»",
        "then to «H1X 1G4» by mail",
        # US: numbered routes, units first, intersections, blocks, parks
        "lives at «310 Route 28» with daughter",
        "address «Apt 12, 800 Bayview Terr, Hull»",
        "the accident at «Route 9 and Cedar Ln» last night",
        "scene was «Hollins and 4th», EMS arrived",
        "found at the corner of «Main and Elm» by police",
        "the «600 block of Harmon St» was closed",
        "lives at «Lakeview Mobile Home Park, Lot 22» alone",
        # lower case, as patients write
        "i live at «922 w elm st apt b» with my mom",
        "we moved to «1140 cherry blossom ln» last year",
        "my address is «78 orchard st»",
        "i work on «5th ave» now",
        "physical «RR 2 Box 44B, Cawood KY». No phone",
        "wohnhaft «Am Mühlbach 3, 79874 Tannenweiler», die",
        "address «Flat 3C, Sai Krupa Apartments, 14th Cross, Bengaluru 560055», mob",
        "Her address is the new one: «Suite 1204, The Meridian, 88 Harbour Quay»; call",
        "Adress: «Björkvägen 4B, 762 31 Rimbohult».",
        "Adres: «Kerkstraat 12A, 3421 BK Oudewater-Noord». Telefoon",
        "Domicilio: «C/ Albahaca 14, 3º B, 28944». Alergia",
        "mail to «HC 61 Box 2210, Ganado AZ». Thanks",
        "lives «Unit» «4/18 Banksia St, Toowoomba QLD 4350». Bloods",
        "pt Liam Kerr, «22 Wattle Pde, Coral Springs NSW 2758», ph",
        "our office, «1400 Market Street, 22nd Floor, Philadelphia, PA 19103» (fax",
        "Adresă: «Str. Salcâmilor nr. 8, bl. C2, ap. 14, Târgu Albești». Medic",
        "sti dieuthynsi «Odos Pindou 44, Ano Kastania», TK «54622».",
        "Ha-ktovet: «Rehov HaZayit 12, Givat Rimonim». Tel",
        "mora na «Rua das Flores, 451», CEP «13456-210». Tel",
        "vive en «Calle Pinos 214», C.P. «45210».",
        "Address: «H.No. 221, Gali No. 4, Shanti Nagar, Rampur Kalan 302019».",
    ),
    counterexamples=(
        "cep 12345 and the pin 123456",
        "HC 3 boxes of gloves",
        "Am Dienstag 3 Termine frei",
        "the email address is 2 lines down",
        "please address the 3 concerns below",
        "change the address linked to card 4",
        "Im Jahr 2024 war das anders",
        "RR 22 box score",
        "XR Chest 2 Lateral Views done",
        "the lot 4 results were",
        "Unit 3, 2 beds free",
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
        # numbers before capitalised words that are no postcode and town
        "CPT 71260 Chest CT with contrast",
        "prior 2 Head CT scans",
        "12345 units of heparin",
        "ICD 10 codes",
        "40000 IU Vitamin D weekly",
        "2019 Guidelines recommend",
        "WBC 11200 Neutrophils 80%",
        "Grade 3, 1200 Neurology consult",
        "lesion at L5 1CM from the cord",
        "staged T2N1M0, G2P1A1, T2N 1M0",
        # lower case: doses, leads and times before street-like words
        "given 1 amp iv st",
        "st depression in leads 2 3 avf st changes",
        "follow up in 2 weeks with dr lee",
        "a 2 lane road",
        "at 2nd and 3rd trimester",
        "seen at Mercy and Kaiser",
    ),
)

# Streets in Cyrillic, Hebrew, Greek and Arabic script, by the word for a
# street before the name: ул. Профсоюзная, д. 43, кв. 118, г. Москва;
# רחוב הרצל 45; Οδός Θηβών 212; شارع الملك فهد 12.
_CYRILLIC_NAME = CYRILLIC_WORD
_HEBREW_NAME = rf"{HEBREW_LETTER}(?:{HEBREW_LETTER}|[\"׳'-])*"
_GREEK_NAME = GREEK_WORD
_ARABIC_NAME = rf"{ARABIC_LETTER}+"
_SCRIPT_STREETS = PatternRecognizer(
    name="address_script_v1",
    label="ADDRESS",
    patterns=(
        Pattern(
            "russian",
            r"(?<![\w.])(?:ул\.|улица|пр-т|проспект|пер\.|переулок|бульвар|б-р|шоссе|наб\.)[ ]?"
            rf"{_CYRILLIC_NAME}(?:[ ]{_CYRILLIC_NAME})?"
            r"(?:,?[ ](?:д\.|дом)[ ]?\d{1,4}[а-я]?(?:/\d{1,4})?)?"
            r"(?:,?[ ](?:корп\.|к\.)[ ]?\d{1,3})?"
            r"(?:,?[ ](?:кв\.|квартира)[ ]?\d{1,4})?"
            rf"(?:,?[ ](?:г\.|город)[ ]?{_CYRILLIC_NAME})?",
            0.8,
            gate=r"ул\.|улица|пр-т|проспект|пер\.|переулок|бульвар|б-р|шоссе|наб\.",
        ),
        Pattern(
            "russian_town",
            rf"(?<![\w.])(?:г\.|город)[ ]?{_CYRILLIC_NAME}",
            0.7,
            gate=r"г\.|город",
        ),
        Pattern(
            "hebrew",
            rf"(?:רחוב|רח'|שדרות|שד')[ ]{_HEBREW_NAME}(?:[ ]{_HEBREW_NAME})?[ ]\d{{1,4}}",
            0.8,
            gate=r"רחוב|רח'|שדרות|שד'",
        ),
        Pattern(
            "greek",
            rf"(?:Οδός|οδός|Λεωφόρος|Λεωφ\.)[ ]{_GREEK_NAME}(?:[ ]{_GREEK_NAME})?[ ]\d{{1,4}}",
            0.8,
            gate=r"Οδός|οδός|Λεωφόρος|Λεωφ\.",
        ),
        Pattern(
            "arabic",
            rf"شارع[ ]{_ARABIC_NAME}(?:[ ]{_ARABIC_NAME}){{0,2}}(?:[ ]?[،,]?[ ]?\d{{1,4}})?",
            0.75,
            gate=r"شارع",
        ),
    ),
    prefilter=r"ул\.|улица|пр-т|проспект|пер\.|переулок|бульвар|б-р|шоссе|наб\.|г\.|город|רחוב|רח'"
    r"|שדרות|שד'|Οδός|οδός|Λεωφ|شارع",
    ignore_case=False,
    examples=(
        "Адрес: «ул. Профсоюзная, д. 43, кв. 118, г. Москва». Заключение",
        "Адрес: «ул. Садовая, д. 14, кв. 88, г. Подольск». Тел.",
        "מרכז רפואי, «רחוב הרצל 45», חולון",
        "Διεύθυνση: «Οδός Θηβών 212», Πειραιάς",
        "العنوان: «شارع الملك فهد 12»، الرياض",
    ),
    counterexamples=("на улице холодно", "по городу"),
)

# An Irish Eircode after a comma or its key: routing key (a letter and two
# digits, or D6W), then four of the letters and digits An Post uses, one a
# letter and one a digit ("..., Dublin 6, D06 X2K7"; not "T12 L1S1": no L).
_EIRCODE = PatternRecognizer(
    name="address_eircode_v1",
    label="ADDRESS",
    patterns=(
        Pattern(
            "eircode",
            r"(?:(?<=,[ ])|(?<=(?i:eircode)[ ])|(?<=(?i:eircode):[ ]))"
            r"(?:[AC-FHKNPRTV-Y]\d{2}|D6W)[ ]?"
            r"(?=[0-9ACDEFHKNPRTV-Y]{0,3}[ACDEFHKNPRTV-Y])(?=[0-9ACDEFHKNPRTV-Y]{0,3}\d)"
            r"[0-9ACDEFHKNPRTV-Y]{4}(?![\w-])",
            0.8,
            ascii_re=True,
        ),
    ),
    ignore_case=False,
    examples=(
        "We're at 14 Ranelagh Road, Dublin 6, «D06 X2K7». My number",
        "Eircode: «V92 X3K7»",
    ),
    counterexamples=("levels T12, L1S1 fused", "seen, A12 B3C4 x"),
)

ADDRESS_RECOGNIZERS: tuple[PatternRecognizer, ...] = (_ADDRESS, _SCRIPT_STREETS, _EIRCODE)
