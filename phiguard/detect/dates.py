"""DATE: dates and date fragments in the forms clinicians type and systems print.

Bare years, fractions (``3/4 of the lumen``), measurements, blood pressures,
ratios, scores and times alone are not dates. A short ``M/D`` without a year
is a date only when zero-padded, followed by a time, or right after a word
that introduces a date (``on 3/4``, ``since 3/4``, ``DOB 3/4``).
"""

from __future__ import annotations

import regex

from phiguard.detect.recognizer import Pattern, PatternRecognizer, initials

__all__ = ["DATE_RECOGNIZERS"]

_DATE_SEPARATORS = regex.compile(r"[/. -]")

# "May" is a month only when capitalised; "may" is usually the verb.
_MONTH = (
    r"(?:(?-i:May|MAY)|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?"
    r"|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:(?:19|20)\d{2}|'\d{2})"
_NUM_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
#: Spanish days in words: uno .. treinta y uno, primero.
_ES_DAY = (
    r"primero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce"
    r"|quince|diecis[ée]is|diecisiete|dieciocho|diecinueve|veinte|veintiuno|veintid[óo]s"
    r"|veintitr[ée]s|veinticuatro|veinticinco|veintis[ée]is|veintisiete|veintiocho|veintinueve"
    r"|treinta(?:\s+y\s+uno)?"
)
#: The words of a year's last two digits in Spanish: setenta y dos, quince.
_ES_YEAR_WORD = (
    r"y|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince"
    r"|diecis[ée]is|diecisiete|dieciocho|diecinueve|veinte|veinti\w+|treinta|cuarenta|cincuenta"
    r"|sesenta|setenta|ochenta|noventa"
)
_NUM_MONTH = r"(?:1[0-2]|0?[1-9])"
_TIME = r"(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?"
# A digit run is only a date when it stands alone: not inside a longer
# number, a decimal, a UID or a range.
# (but after a Hebrew prefix and its hyphen: ב-14.05.2024, "on 14.05.2024")
_NOT_AFTER_NUM = r"(?:(?<![\w./-])|(?<=[בלמהושכ]-))"
_NOT_BEFORE_NUM = r"(?![/-]?\d|\.\d)"
# A short M/D followed by a fraction's companions is not a date.
_SLASH_YEAR = r"(?:(?:19|20)\d{2}|\d{2})"
_NOT_FRACTION = r"(?!\s*(?:of|th|rds?|strength|power|cm|mm|%|\w*tablet|dose|cores?|nodes?))"
# A score out of a total is no date: "GCS 3/15", "MoCA 12/30", "Apgar 7/10"
_NOT_SCORE = (
    r"(?<!\b(?:gcs|glasgow|mmse|moca|apgars?|nihss|score[sd]?|scoring|pain|vas|nrs|power"
    r"|strength)(?:\s(?:was|is|of|fue|de|era|war|etait|était|foi|di)){0,2}[\s:=]{1,2})"
)
# Apgar scores at one, five and ten minutes: "Apgar 8/9/10" is no 9 August 2010
_NOT_APGAR = r"(?<!\bapgars?[\s:]{1,2})"


# "on the 8th": the words that make a lone ordinal a day of the month
_ORDINAL_CUES = (
    "on", "from", "since", "until", "till", "by", "before", "after", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
    "thu", "thur", "thurs", "fri", "sat", "sun", "birthday",
)  # fmt: skip
_MOVE_CUES = ("move", "push", "bump", "resched", "postpone", "change")
_ORDINAL_CUE = (
    rf"\b(?:(?:{'|'.join(_ORDINAL_CUES)})"
    # "can u move it to the 21st", "pushed to the 3rd"
    r"|(?:move[ds]?|moving|push(?:ed)?|bump(?:ed)?|re-?sched\w*|postpone[ds]?|change[ds]?)"
    r"(?:\s+(?:it|him|her|them|me|us|this|that))?\s+to"
    # "his birthday is the 12th"
    r"|birthday\s+(?:is|was))\s+the\s"
)
_ORDINAL = (
    r"(?P<v>(?:3[01]|[12]\d|[1-9])(?:st|nd|rd|th)\b"
    # "the 4th of March", "the 4th March": a day-month pattern's
    rf"(?!\s+of\b|\s+{_MONTH}\b)"
    r"(?!\s+(?:[a-z]+\s+)?(?:ventricle|metatarsal|metacarpal|rib|digit|finger|toe|nerve"
    r"|percentile|grade|decade|week|day|month|year|time|vertebra|segment|space|level"
    r"|compartment|lobe|cranial|intercostal|cervical|thoracic|lumbar|sacral|dose|cycle"
    r"|floor|ward|bed|room|place|line|spot|position|slot)))"
)


_SPOKEN_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_SPOKEN_ORDINAL = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    r"|twenty[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth"
    r"|thirty[\s-]first)"
)
# nineteen fifty two, nineteen oh five, twenty twenty five, two thousand and nine
_SPOKEN_YEAR = (
    rf"(?:(?:nineteen|twenty)\s(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    rf"(?:[\s-](?:{_SPOKEN_UNITS}))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    rf"|seventeen|eighteen|nineteen|oh\s(?:{_SPOKEN_UNITS}))"
    rf"|two\sthousand(?:\s(?:and\s)?(?:{_SPOKEN_UNITS}|ten|eleven|twelve|thirteen|fourteen"
    rf"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[\s-](?:{_SPOKEN_UNITS}))?))?)"
)
_SPOKEN_TENS = (
    rf"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:{_SPOKEN_UNITS}))?"
)
# a day of the month as a cardinal, before a month: "eleven november"
_SPOKEN_DAY = (
    rf"(?:{_SPOKEN_UNITS}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    rf"|eighteen|nineteen|twenty(?:[\s-](?:{_SPOKEN_UNITS}))?|thirty(?:[\s-]one)?)"
)
# Months in the other languages patients write in (French, Portuguese,
# Italian, German, Dutch, Polish in the genitive, Russian in the genitive)
_MONTH_INTL = (
    r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre"
    r"|d[ée]cembre|janeiro|fevereiro|mar[çc]o|abril|maio|junho|julho|agosto|setembro|outubro"
    r"|novembro|dezembro|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|settembre|ottobre"
    r"|dicembre|januar|februar|m[äa]rz|juni|juli|oktober|dezember|januari|februari|maart"
    r"|mei|augustus|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|wrze[śs]nia"
    r"|pa[źz]dziernika|listopada|grudnia|января|февраля|марта|апреля|мая|июня|июля|августа"
    r"|сентября|октября|ноября|декабря"
    # Spanish, Swedish, Indonesian; Turkish; Russian in the Latin alphabet
    r"|enero|febrero|mayo|junio|julio|septiembre|setiembre|octubre|noviembre|diciembre"
    r"|maj|augusti|maret|agustus|desember"
    r"|ocak|[şs]ubat|mart|nisan|may[ıi]s|haziran|temmuz|a[ğg]ustos|eyl[üu]l|ekim|kas[ıi]m|aral[ıi]k"
    r"|yanvarya|fevralya|marta|aprelya|iyunya|iyulya|avgusta|sentyabrya|oktyabrya|noyabrya"
    r"|dekabrya"
    # Czech in the genitive, Romanian
    r"|ledna|[úu]nora|b[řr]ezna|dubna|kv[ěe]tna|[čc]ervna|[čc]ervence|srpna|z[áa][řr][íi]"
    r"|[řr][íi]jna|listopadu|prosince|ianuarie|februarie|martie|aprilie|iunie|iulie"
    r"|septembrie|octombrie|noiembrie|decembrie"
    # German months spelt as English ones, after a day with its full stop: 12. August 2024
    r"|april|august|september|november"
    # Hindi: 12 मार्च 2024
    r"|जनवरी|फ़रवरी|फरवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|अक्तूबर|नवंबर"
    r"|नवम्बर|दिसंबर|दिसम्बर)"
)
# Hungarian writes the year first: 2024. május 6.
_MONTH_HU = (
    r"(?:janu[áa]r|febru[áa]r|m[áa]rcius|[áa]prilis|m[áa]jus|j[úu]nius|j[úu]lius|augusztus"
    r"|szeptember|okt[óo]ber|november|december)"
)
# Tagalog writes the month first: Marso 18, Hunyo 10 (not Mayo: the clinic)
_MONTH_FIRST_INTL = (
    r"(?:Enero|Pebrero|Marso|Abril|Hunyo|Hulyo|Agosto|Setyembre|Oktubre|Nobyembre|Disyembre)"
)
_MONTH_TL = rf"(?:{_MONTH_FIRST_INTL[3:-1]}|Mayo)"


def _valid_numeric_date(value: str) -> bool:
    """``d1 sep d2 sep year``: one of d1, d2 must be a month."""
    parts = _DATE_SEPARATORS.split(value)
    first, second = int(parts[0]), int(parts[1])
    return (first <= 12 and second <= 31) or (second <= 12 and first <= 31)


def _valid_compact_date(value: str) -> bool:
    """``YYYYMMDD[hhmm[ss]]...``: month and day in range."""
    month, day = int(value[4:6]), int(value[6:8])
    return 1 <= month <= 12 and 1 <= day <= 31


_NUMERIC = PatternRecognizer(
    name="date_numeric_v1",
    label="DATE",
    patterns=(
        # 03/04/2024, 3/4/24, 3-4-24, 04.03.2024 (dots only with a 4-digit year)
        Pattern(
            "slash",
            _NOT_AFTER_NUM
            + _NOT_APGAR
            + rf"{_NUM_DAY}/{_NUM_DAY}/(?:(?:19|20)\d{{2}}|\d{{2}})"
            + _NOT_BEFORE_NUM,
            0.9,
        ),
        Pattern(
            "dash",
            _NOT_AFTER_NUM
            + rf"{_NUM_DAY}-{_NUM_DAY}-(?:(?:19|20)\d{{2}}|\d{{2}})"
            + _NOT_BEFORE_NUM,
            0.8,
        ),
        Pattern(
            "dot",
            _NOT_AFTER_NUM + rf"{_NUM_DAY}\.{_NUM_DAY}\.(?:19|20)\d{{2}}" + _NOT_BEFORE_NUM,
            0.7,
        ),
        # with a two-digit year, both parts padded: 05.24.24 (not 2.3.1)
        Pattern(
            "dot_short_year",
            _NOT_AFTER_NUM
            + r"(?:0[1-9]|[12]\d|3[01])\.(?:0[1-9]|[12]\d|3[01])\.\d{2}"
            + _NOT_BEFORE_NUM,
            0.6,
        ),
        # a birth date typed with spaces after its word: "birth day is 4 15 1932"
        Pattern(
            "spaced_birth",
            r"\b(?:dob|d\.o\.b\.?|birth\s?day|birthdate|date\sof\sbirth|born)(?:\s(?:is|was|on))?"
            rf":?\s(?P<v>{_NUM_DAY}\s{_NUM_DAY}\s(?:19|20)\d{{2}})(?![\d/.-])",
            0.8,
        ),
        # 3/11/2025-4/22/2025, 12/1-12/31/2024: a range ending in a full
        # date is one finding (each end alone borders a digit run)
        Pattern(
            "range",
            _NOT_AFTER_NUM
            + rf"{_NUM_DAY}/{_NUM_DAY}(?:/{_SLASH_YEAR})?-{_NUM_DAY}/{_NUM_DAY}/{_SLASH_YEAR}"
            + _NOT_BEFORE_NUM,
            0.85,
        ),
    ),
    validate=_valid_numeric_date,
    prefilter=r"\d[/.-]\d|\d \d\d? (?:19|20)\d\d",
    examples=(
        "CT A/P from «3/4/24».",
        "DOB «03/04/1952»",
        "seen «3-4-24» in clinic",
        "DOB: «11/02/1958», plan",
        "dated «14/03/2024» (day first)",
        "his birth day is «4 15 1932» pls call",
        "DOB: «12 03 1951», MRN",
        "עברה בדיקת MRI ב-«14.05.2024» במרכז",
        "born «04.03.2024»",
        "C2 «05.24.24», C3",
        "valid «3/11/2025-4/22/2025».",
        "(diary «12/1-12/31/2024»)",
        "Eligible «1/1/2025-12/31/2025»",
    ),
    counterexamples=(
        "BP 120/80 mmHg",
        "3/4 of the lumen",
        "image 34/120",
        "Apgar 8/9/10, cord pH 7.28",
        "measures 3.2 x 4.1 cm",
        "version 2.3.1 of the software",
        "build 10.12.15.4 deployed",
        "ratio 13/14/15",
        "T11-12-13 levels",
        "scores 3/4-5/6/7 in",
    ),
)

_ISO = PatternRecognizer(
    name="date_iso_v1",
    label="DATE",
    patterns=(
        Pattern(
            "iso",
            # (after a path's slash too: exports/2024-04-08/scan.pdf)
            r"(?<![\w.-])(?<![\d.]/)"
            + rf"(?:19|20)\d{{2}}(?P<sep>[-/]){_NUM_MONTH}(?P=sep){_NUM_DAY}"
            + rf"(?:[T ]{_TIME}(?:Z|[+-]\d{{2}}:?\d{{2}})?)?"
            + _NOT_BEFORE_NUM,
            0.95,
        ),
        # 2024.06.03, as Korea, Hungary and China write it (padded: not a
        # version such as 2024.1.3)
        Pattern(
            "iso_dotted",
            # (a full stop after it ends the sentence: "and 2022.06.30. Stable")
            _NOT_AFTER_NUM + r"(?:19|20)\d{2}\.(?:0[1-9]|1[0-2])\.(?:0[1-9]|[12]\d|3[01])(?!\.?\d)",
            0.7,
        ),
        Pattern(
            "year_month", _NOT_AFTER_NUM + r"(?:19|20)\d{2}-(?:1[0-2]|0[1-9])(?![/-]?\d|\.\d)", 0.5
        ),
        # the Solar and lunar Hijri calendars' years (Iran, Afghanistan,
        # the Gulf): 1403/01/15, 1445-09-12, and day first 15/09/1445
        Pattern(
            "hijri",
            _NOT_AFTER_NUM
            + rf"(?:13\d{{2}}|14[0-5]\d)(?P<hsep>[-/]){_NUM_MONTH}(?P=hsep){_NUM_DAY}"
            + _NOT_BEFORE_NUM,
            0.8,
        ),
        Pattern(
            "hijri_day_first",
            _NOT_AFTER_NUM
            + rf"{_NUM_DAY}(?P<dsep>[-/]){_NUM_MONTH}(?P=dsep)(?:13\d{{2}}|14[0-5]\d)"
            + _NOT_BEFORE_NUM,
            0.7,
        ),
        # 06/2021, 6-2021
        Pattern(
            "month_year",
            _NOT_AFTER_NUM + rf"{_NUM_MONTH}[/-](?:19|20)\d{{2}}" + _NOT_BEFORE_NUM,
            0.6,
            ascii_re=True,
        ),
    ),
    prefilter=r"(?:19|20|13|14)\d\d[-/.]\d|\d[-/](?:19|20|13|14)\d\d",
    examples=(
        "Exam date: «2024-02-09»",
        "تاریخ مراجعه «1403/01/15» ثبت شد",
        "visit on «1445-09-12» (Hijri)",
        "DOB «15/09/1375» per the Iranian ID card",
        "at «2024-03-04T10:15» the scan",
        "stamp «2024-03-04T10:15:22Z»",
        "When: «2000-04-16 11:34:35» Where",
        "DOB «1968/02/11»",
        "exports/«2024-04-08»/GRAVES_D_uptake.pdf",
        "since «2023-11»",
        "implanted «06/2021». No",
        "동의일 «2024.03.11», 설명자",
        "Compared with 14-Jan-23 and «2022.06.30». Stable",
    ),
    counterexamples=(
        "range 2019-2024",
        "ICD-10 code",
        "in 2021 she",
        "pip 2024.1.3 and 2023.10.1.2",
        "year 1460/01/15 is past the Hijri range",
        "path 2/1400/12/31/5 of the export",
    ),
)

_WRITTEN = PatternRecognizer(
    name="date_written_v1",
    label="DATE",
    patterns=(
        # March 4th, Mar. 4, 2024, Feb 10 2023, Jan 9th '23
        Pattern(
            "month_day",
            rf"\b{_MONTH}\.?\s+{_DAY}\b(?:,?\s*(?:{_YEAR}|{_SPOKEN_YEAR})\b)?(?!\s*(?:mg|mm|cm|%))",
            0.85,
        ),
        # 4 Mar 2024, 4th of July 2022, 4-Mar-24, 04-MAR-2024
        Pattern(
            "day_month",
            rf"\b{_DAY}(?:\s+of)?\s+{_MONTH}\b\.?(?:,?\s+{_YEAR}\b)?",
            0.85,
            ascii_re=True,
        ),
        # 12JUN24, 17Mar2024: military and airline style, no separators
        Pattern(
            "day_month_compact",
            r"\b(?:3[01]|[12]\d|0?[1-9])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
            r"(?:(?:19|20)\d{2}|\d{2})\b",
            0.85,
            ascii_re=True,
        ),
        Pattern(
            "day_month_dashed",
            rf"\b{_NUM_DAY}(?P<sep>[-/ ]){_MONTH}(?P=sep)(?:(?:19|20)\d{{2}}|\d{{2}})\b",
            0.9,
            ascii_re=True,
        ),
        # 4 de marzo de 1949
        Pattern(
            "day_month_es",
            rf"\b{_NUM_DAY}\s+de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|sept?iembre"
            rf"|setiembre|octubre|noviembre|diciembre)(?:\s+(?:de|del)\s+(?:19|20)\d{{2}})?\b",
            0.85,
        ),
        # dictated in Spanish: tres de junio, veinte de mayo de mil novecientos
        # setenta (the year's words when they follow)
        Pattern(
            "day_month_es_spoken",
            rf"\b(?:{_ES_DAY})\s+de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto"
            r"|sept?iembre|setiembre|octubre|noviembre|diciembre)"
            rf"(?:\s+de(?:l)?\s+(?:mil\s+novecientos|dos\s+mil)(?:\s+(?:{_ES_YEAR_WORD})){{0,3}})?\b",
            0.8,
        ),
        # dictated: january fifteenth 2025, march third nineteen fifty two,
        # the fifteenth of march
        Pattern(
            "month_spoken_day",
            rf"\b{_MONTH}\s(?:the\s)?{_SPOKEN_ORDINAL}\b(?:,?\s(?:{_YEAR}|{_SPOKEN_YEAR})\b)?"
            # (not "On 30 April the Fourth Section decided")
            r"(?!\s(?-i:[A-Z][a-z]))",
            0.8,
        ),
        # the twelfth of june nineteen eighty, twenty third of august,
        # eleven november nineteen thirty three ("of may" is the month)
        Pattern(
            "spoken_day_of_month",
            rf"\b(?:the\s)?(?:{_SPOKEN_ORDINAL}\sof\s(?:may|{_MONTH})|{_SPOKEN_DAY}\s{_MONTH})\b"
            rf"(?:,?\s(?:{_YEAR}|{_SPOKEN_YEAR}|{_SPOKEN_TENS}))?\b",
            0.8,
        ),
        # dictated as numbers after a birth or service cue: "dob ten ten
        # thirty two", "date of birth seven seventeen nineteen sixty", "D O B
        # oh nine slash twelve slash sixty one"
        Pattern(
            "spoken_numeric",
            r"\b(?:dob|d\so\sb|date\sof\s(?:birth|service|exam|surgery)|born|birth\s?(?:day|date))"
            r"(?:\s(?:is|was))?[\s:,]+"
            rf"(?P<v>(?:oh\s)?(?:{_SPOKEN_UNITS}|ten|eleven|twelve)(?:\sslash)?\s"
            rf"(?:oh\s)?{_SPOKEN_DAY}(?:\sslash)?\s(?:{_SPOKEN_YEAR}|{_SPOKEN_TENS}|oh\s(?:{_SPOKEN_UNITS})))\b",
            0.8,
        ),
        # on the 8th, from the 9th, Monday the 11th
        Pattern(
            "ordinal_day",
            rf"(?<={_ORDINAL_CUE}){_ORDINAL}",
            0.6,
            # the cue consumed: cue and ordinal are whole words, so no cue
            # overlaps an earlier match, and the finding is the same group
            ascii_re=initials((*_ORDINAL_CUES, *_MOVE_CUES)) + _ORDINAL_CUE + _ORDINAL,
        ),
        # on the twelfth, moved to the third: a spoken ordinal after the same
        # cues, ending its clause ("on the third try" is no date)
        Pattern(
            "ordinal_day_spoken",
            # (not "first" or "second": "from the first, she said no")
            rf"(?<={_ORDINAL_CUE})(?!first|second)(?P<v>{_SPOKEN_ORDINAL})"
            r"(?=\s*(?:[,.;:!?)]|$)|\s(?:and|or|at|but|so|because|when|if|since)\b)",
            0.6,
        ),
        # March 2024, Sept. 2023
        # March 2024, Oct '23
        Pattern(
            "month_year", rf"\b{_MONTH}\.?,?\s+(?:(?:19|20)\d{{2}}\b|['’]\d{{2}}(?![\w'’]))", 0.6
        ),
        # last July, this past Friday: a named month or day relative to the text
        Pattern(
            "relative_named",
            r"\b(?:last|this\s+past|past|next|this|early|late|mid)[\s-]+(?:(?-i:May)|jan(?:uary)?"
            r"|feb(?:ruary)?|march|april|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
            r"|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday"
            r"|sunday)\b"
            # (not a rule's day: "the last Monday in May", "the first Monday of
            # each month")
            r"(?!\s(?:in|of)\s(?:(?-i:May)|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec|each|every"
            r"|the\smonth))",
            0.6,
        ),
    ),
    prefilter=(
        r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|day|ene|abr|ago|dic|\d(?:st|nd|rd|th)"
        r"|dob|d\so\sb|date|born|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
        r"|tenth|eleventh|twelfth|teenth|tieth"
    ),
    examples=(
        "seen on «March 4th» for",
        "on «Mar. 4, 2024» at",
        "admitted «4 Mar 2024» to",
        "on «4th July 2022» (Insurance",
        "at UPMC on «Jan 9th '23» (MRN",
        "«November 22nd, 2022»?",
        "on «Feb 10 2023», doc",
        "DOB «04-MAR-1952»",
        "since «March 2024» she",
        "last seen «Oct '23». Recall",
        "blast exposure «12JUN24», MACE 2",
        "evacuated «7Mar2024» to Role 3",
        "born «4 de marzo de 1949», the",
        "fecha de nacimiento «veinte de mayo de mil novecientos setenta», número",
        "estudio de rodilla izquierda del «tres de junio», edema",
        "I had the CT on the «8th» and got",
        "brain from Monday the «11th» we never",
        "can u move it to the «21st»? my number",
        "appt moved to fri the «12th»",
        "his birthday is the «12th» so bring a card",
        "had the stress test on the «twelfth» and nobody called",
        "can we move it to the «third»?",
        "on the «4th of March»",
        "date of surgery «january fifteenth 2025» surgeon",
        "date of birth «march third nineteen fifty two» comma",
        "first name Krzysztof, birthday «nine twelve fifty-eight», he had",
        "onset «april second» period",
        "seen on «the twenty-first of June», then",
        "admitted «December 3rd, two thousand and nine».",
        "On «30 April» the Fourth Section decided",
        "date of birth «the twelfth of june nineteen eighty» callback",
        "dob «twenty third of august nineteen forty» accession",
        "dob «seventeenth of january fifty two» SSN",
        "date of birth «eleven november nineteen thirty three» CT head",
        "date of birth «the ninth of may nineteen thirty two» comma",
        "patient bill brightwater, dob «ten ten thirty two» so he's",
        "dob «seven seventeen nineteen sixty» lives in",
        "D O B «oh nine slash twelve slash sixty one» bone scan",
        "date of service «three fifteen twenty five», contrast enema",
    ),
    counterexamples=(
        "closed from the last Monday in May through the first Monday in September",
        "audits run the last Friday of each month",
        "you may 5 times a day",
        "in 2021 she",
        "marching band",
        "a 5 mm nodule in the",
        "fracture of the 5th metatarsal",
        "dilated on the 4th ventricle",
        "the second of three nodules",
        "two of three may need surgery",
        "born with one kidney",
        "you may second that",
        "on the third try it worked",
        "from the first, she said no",
        "moved to the 4th floor",
        "pushed to the 2nd line of therapy",
    ),
)

_INTL = PatternRecognizer(
    name="date_intl_v1",
    label="DATE",
    patterns=(
        # 12 avril 2012, 12. März 2024, 14 ноября, 12 lutego, 3 de março de 2024
        Pattern(
            "day_month",
            rf"\b{_NUM_DAY}\.?\s(?:de\s)?{_MONTH_INTL}(?:\s(?:de\s)?(?:19|20)\d{{2}})?(?!\w)",
            0.85,
        ),
        # day and month with dots and no year, after a word that dates
        # something in the languages that write them: am 14.05., vom 02.04.
        # bis, le 18.04, с 15.04, Kontrolle 28.05. (not "Hb 12.10": no cue)
        Pattern(
            "dotted_day_month",
            r"\b(?:am|vom|bis(?:\szum)?|ab|seit|zum|Kontrolle|Termin|le|du|au|dal|al|il|op|van|tot"
            r"|dnia|od|do|kontrola|wizyta|controle|contr[ôo]le|visita|consulta|cita|с|по|до|от)"
            r"\s(?P<v>(?:0[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2])\.?(?!\d|\.\d)"
            rf"|{_NUM_DAY}\.{_NUM_MONTH}\.(?!\S))",
            0.75,
        ),
        # 2024. május 6.
        Pattern(
            "year_month_hu",
            rf"\b(?:19|20)\d{{2}}\.\s?{_MONTH_HU}\s?{_NUM_DAY}\.?(?!\w)",
            0.85,
        ),
        # noong ika-3 ng Hulyo: the third of July, in Tagalog
        Pattern("ika_tl", rf"\bika-?{_NUM_DAY}\s(?:ng\s)?{_MONTH_TL}\b", 0.85),
        # Marso 18, Hunyo 10, 2024
        Pattern(
            "month_day",
            rf"\b{_MONTH_FIRST_INTL}\s{_NUM_DAY}(?:,?\s(?:19|20)\d{{2}})?(?![\w/-]|\.\d)",
            0.85,
        ),
        # 3月18日, 2024年3月18日, 3월 18일
        Pattern(
            "cjk",
            r"(?<!\d)(?:(?:(?:19|20)\d{2}|(?:明治|大正|昭和|平成|令和)(?:元|\d{1,2}))\s?[年년]\s?)?"
            r"(?:1[0-2]|0?[1-9])\s?[月월]\s?"
            r"(?:3[01]|[12]\d|0?[1-9])\s?[日일]",
            0.9,
        ),
    ),
    prefilter=(
        r"janv|f[ée]v|mars|avr|mai|juin|juil|ao[uû]t|sept|octo|nove|d[ée]c|jane|mar[çc]|abr|ago"
        r"|sete|outu|deze|genn|febb|marz|apri|magg|giug|lugl|sett|otto|dice|janu|febr|m[äa]rz"
        r"|juni|juli|okto|maart|mei|augu|stycz|lut|kwie|maja|czer|lip|sierp|wrze|pa[źz]d|list"
        r"|grud|январ|феврал|март|апрел|мая|июн|июл|август|сентябр|октябр|ноябр|декабр|月|월"
        r"|ener|mayo|juni|juli|sept|seti|octu|novi|dici|maj|augusti|maret|agust|desem|ocak|ubat"
        r"|mart|nisan|may|hazi|temm|ustos|eyl|ekim|kas|aral|yanv|fevr|aprel|iyun|iyul|avgu"
        r"|sentya|oktya|noya|dekab|pebr|marso|hunyo|hulyo|setye|oktu|nobye|disye"
        r"|ledna|nora|ezna|dubna|tna|ervn|rven|srpna|z[áa][řr]|jna|prosin|ianu|marti|iuni|iuli"
        r"|octom|noiem|decem|rcius|prilis|jus|nius|lius|szept|ika"
        r"|जनवरी|फ़रवरी|फरवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सित|अक्|नव|दिस"
        r"|\d\.\d"
    ),
    examples=(
        "की एमआरआई «12 मार्च 2024» को",
        "geboren am «12. August 2024», Kontrolle",
        "née le «12 avril 2012». Elle",
        "Можно записаться на «14 ноября»?",
        "operację «12 lutego» w Kedzie",
        "operiert am «12. März 2024» in",
        "teve alta em «3 de março de 2024».",
        "我妈妈«3月18日»在Golden Gate Imaging做了CT",
        "검사 «2024년 3월 18일» 결과",
        "Kontrol «22 Mayıs». Oğlu",
        "lezhit s «10 aprelya», nomer",
        "el «7 de mayo» a las 4",
        "na-admit kahapon, «Marso 18». PhilHealth",
        "check-up sa «Hunyo 10» sa Laguna",
        "Wurzelbehandlung am «14.05.», Kontrolle am «28.05.» in der",
        "der sich vom «02.04.» bis 09.04.2024 in",
        "переведён на гемодиализ с «15.04» по",
        "objednána na mamografii «5. června 2024» v",
        "născut la «19 aprilie 1985», internat",
        "a «2024. május 6.» napon készült",
        "naaksidente noong «ika-3 ng Hulyo» habang",
        "(ID 00447812、«昭和14年5月2日»生)",
    ),
    counterexamples=(
        "Mars 2 rover",
        "2 marsupials",
        "seen at Mayo 2 weeks ago",
        "Hb 12.10 today",
        "dose reduced to 2.5 mg",
        "am 1.5 fold",
        "3 martians",
        "take 2 tabs",
    ),
)

_RELATIVE = PatternRecognizer(
    name="date_relative_v1",
    label="DATE",
    patterns=(
        # "seen at Mercy last week" dates an encounter; "diagnosed last year"
        # dates nothing that identifies anyone.
        Pattern(
            "last_period", r"\b(?:last|this\s+past|past|this)\s+(?:week(?:end)?|month|year)\b", 0.3
        ),
    ),
    context=(
        "seen",
        r"visit\w*",
        "admitted",
        "treated",
        "cared",
        "consulted",
        "discharged",
        "evaluated",
        "examined",
        "hospital",
        "clinic",
        "center",
        "centre",
        "appointment",
    ),
    context_boost=0.3,
    prefilter=r"week|month|year",
    examples=(
        "seen at the Cleveland Clinic «last month» (MRN",
        "consulted Dr. S. at Boston General Hospital «last week»?",
    ),
    counterexamples=(
        "diagnosed with Guillain-Barré syndrome last year after",
        "a woman who presented last week with fatigue",
    ),
)

_SHORT = PatternRecognizer(
    name="date_short_v1",
    label="DATE",
    patterns=(
        # 3/20-3/22: a range of two short dates
        Pattern(
            "range",
            _NOT_AFTER_NUM + rf"{_NUM_MONTH}/{_NUM_DAY}-{_NUM_MONTH}/{_NUM_DAY}" + _NOT_BEFORE_NUM,
            0.7,
        ),
        # 03/04 13:05 (worklists), 3/14 at 7:30, 3/9 at 0215, 3/6 0210 (but
        # not a common fraction: "1/2 at 2200" is half a tablet)
        Pattern(
            "with_time",
            _NOT_AFTER_NUM
            + r"(?!(?:1/[2348]|2/3|3/4|[357]/8)(?!\d))"
            + rf"{_NUM_MONTH}/{_NUM_DAY}"
            + rf"(?=,?\s+(?:at\s+|@\s?)?(?:{_TIME}|(?:[01]\d|2[0-3])[0-5]\d(?![\d:%/-]|\.\d)))",
            0.8,
        ),
        # 03/04: fractions are never zero-padded
        Pattern(
            "padded", _NOT_AFTER_NUM + r"0[1-9]/(?:0[1-9]|[12]\d|3[01])" + _NOT_BEFORE_NUM, 0.6
        ),
        # 2/19: fractions and scores rarely have a denominator from 13 to 31
        Pattern(
            "late_day",
            _NOT_AFTER_NUM
            + _NOT_SCORE
            + rf"{_NUM_MONTH}/(?:1[3-9]|2\d|3[01])"
            + _NOT_BEFORE_NUM
            + _NOT_FRACTION,
            0.55,
        ),
        Pattern(
            "bare",
            _NOT_AFTER_NUM
            + _NOT_SCORE
            + rf"{_NUM_MONTH}/{_NUM_DAY}"
            + _NOT_BEFORE_NUM
            + _NOT_FRACTION,
            0.3,
        ),
        # day first (British, Indian, Australian text): 18/03 padded like a
        # date, 15/3 after a date word; never 24/7
        Pattern(
            "day_first_padded",
            _NOT_AFTER_NUM + r"(?:1[3-9]|2\d|3[01])/0[1-9]" + _NOT_BEFORE_NUM + _NOT_FRACTION,
            0.6,
        ),
        Pattern(
            "day_first",
            _NOT_AFTER_NUM
            + r"(?!24/7(?!\d))(?:1[3-9]|2\d|3[01])/(?:1[0-2]|[1-9])"
            + _NOT_BEFORE_NUM
            + _NOT_FRACTION,
            0.3,
        ),
    ),
    context=(
        "on",
        "from",
        "since",
        "dated?",
        "until",
        "till",
        "through",
        "thru",
        "by",
        "before",
        "after",
        "prior",
        "dob",
        "dos",
        "doi",
        "born",
        "seen",
        "done",
        "performed",
        "obtained",
        "compared?",
        "comparison",
        "scan",
        "study",
        "exam",
        "admitted",
        "discharged",
        "f/u",
        "follow-?up",
        "last",
        "next",
        "between",
        "and",
        "of",
        "noted",
        "scheduled",
        "booked",
        "admit",
        "fall",
        "fell",
        "lmp",
        "edd",
        "onset",
        "injur(?:y|ed)",
        "surgery",
        "drawn",
        "collected",
        "labs",
        "tested",
        "hcg",
        "ct",
        "cta",
        "mri?",
        "mra",
        "mrcp",
        "us",
        "xr",
        "pet",
        "clinic",
        "visit",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tues?",
        "wed",
        "thu(?:rs?)?",
        "fri",
        "sat",
        "sun",
        # scheduling: "moved to 6/6", "rescheduled to 11/4", "any opening 7/9 or 7/10"
        "moved",
        "re-?sched\\w*",
        "postponed",
        "pushed",
        "bumped",
        "appts?",
        "appointments?",
        "opening",
        "slot",
        "bx",
        "biopsy",
        "injection",
        "procedure",
        "denied",
        "approved",
        # events of a stay: "referred 4/4", "d/c 8/8", "fill 11/4", "comfort care 3/5"
        "referred",
        "referral",
        "d/c",
        "dc'?d",
        "fill(?:ed)?",
        "refill(?:ed)?",
        "eval(?:uation|uated)?",
        "consult(?:ed)?",
        "died",
        "expired",
        "passed",
        "transitioned",
        "care",
        "started",
        "stopped",
        "extubated",
        "intubated",
        "delivered",
        "round",
        # a note's or a meeting's date: "NICU handoff 3/7", "Nurse note 9/12",
        # "Heme board 11/6", "list update 5/1", "EBUS 4/9", "PICC placed 8/2"
        "hand-?off",
        "sign-?out",
        "meeting",
        "therapy",
        "picc",
        "re-?evals?",
        "brought",
        "note",
        "board",
        "update",
        "huddle",
        "rounds",
        "presented",
        "placed",
        "inserted",
        "removed",
        "ebus",
        "egd",
        "ercp",
        "tte",
        "tee",
        "ekg",
        "ecg",
        "eeg",
        "cath",
        "colonoscopy",
        "ed",
        # "due 6/5, 6/9", "to finish 6/9", "s/p resection 2/2", "to see 6/8"
        "due",
        "finish",
        "s/p",
        "resect\\w*",
        "see",
        "crossmatch\\w*",
        # nata il 2/4, nacido el 3/4
        "nat[oa]",
        "nacid[oa]",
        "il",
        # ngày 3/2 (Vietnamese), em 7/5 (Portuguese), le 3/4, el 3/4
        "ngày",
        "em",
        "le",
        "el",
        # what happened to someone on the day: "DNR signed 4/3", "CPS called
        # 2/12", "hiker found 3/2", "IVIG 1/10", "call notes 3/6"
        "signed",
        "called",
        "found",
        "received",
        "ivig",
        "notes",
        "filed",
        "faxed",
        "sent",
        "ordered",
    ),
    context_window=20,
    context_boost=0.3,
    prefilter=r"\d/\d",
    examples=(
        "| ED | «03/04» 13:05 |",
        "CT from «3/4» shows",
        "compared with the MRI of «2/17»",
        "DOB «3/4»",
        "booked for «3/14» at 7:30 am",
        "brought in «3/9» at 0215 after the MVC",
        "badge 3091, «3/6» 0210. Source pt",
        "Family meeting «6/8»: son present",
        "CT chest «2/19» showed",
        "is down «3/20-3/22» for a tube",
        "seen in our clinic «3/12». US",
        "fell on «6/1» and",
        "LMP «1/3», hCG neg «1/6»",
        "MR enterography rescheduled to «11/4», NPO",
        "US-guided injection «3/6», pt has a latex allergy",
        "any opening «7/9» or «7/10»?",
        "ward round «15/03», cons Dr Rao",
        "chụp CT ngày «15/3» at",
        "Mrs. Chang has a DNR signed «4/3», her daughter",
        "CPS intake called «2/12» by SW Kolar",
        "contrast on «18/03» interacts",
        "denied «3/10» (claim 8841)",
        "PDMP shows another fill «11/4» from Dr. K",
        "Referral from Sacred Oak Hospital, d/c «8/8» after CHF",
        "lacks capacity per psych eval «4/4». Court date",
        "transitioned to comfort care «3/5», died 3/6/2024",
    ),
    counterexamples=(
        "3/4 of the lumen",
        "Biopsy: 4/12 cores positive, Gleason 4+3=7",
        "pain 7/10 since the procedure",
        "La escala de Glasgow fue de 9/15 (O2 V3 M4)",
        "Glasgow 9/15 on arrival",
        "strength 5/5 throughout",
        "pain 7/10 today",
        "give 1/2 at 2200 if needed",
        "then 3/4 at 0800",
        "ratio 5/10 120 mg",
        "Gleason 3+4",
        "BI-RADS 4 in 1/2 cases",
        "liver segments 6/7, future remnant",
        "GCS 14/15 on arrival",
        "GCS 3/15 with fixed pupils",
        "MoCA 12/30 today",
        "pain score: 3/10 now",
        "vision 20/20",
        "care 24/7 at home",
        "ratio 16/3 in the",
        "care 1/2 of the time",
        "referred 2/3 of patients",
        "found 3/4 of the nodes positive",
        "given 1/2 tab at night",
        "eval of the 3/4 strength",
    ),
)

_COMPACT = PatternRecognizer(
    name="date_compact_v1",
    label="DATE",
    patterns=(
        # DICOM DA/DT and HL7 TS: 20240304, 20240311083512, 20240307101522-0500
        Pattern(
            "compact",
            r"(?<![\w.])(?:19|20)\d{6}(?:\d{2}){0,3}(?:\.\d{1,6})?(?:Z|[+-]\d{4})?(?![\w.])",
            0.45,
        ),
        # in a file name, against an underscore: 20240522_NGUYEN_HOA.jpg,
        # PXL_20240523_143012.jpg
        Pattern(
            "file_name",
            r"(?<![A-Za-z0-9.])(?:19|20)\d{6}(?=_)|(?<=_)(?:19|20)\d{6}(?![A-Za-z0-9])",
            0.6,
            ascii_re=True,
        ),
    ),
    context=(
        r"[a-z]*date",
        "dob",
        r"[a-z]*birth",
        "born",
        "da",
        "dt",
        "ts",
        "study",
        "exam",
        "scan",
        "on",
        r"\|",
        r"\[",
    ),
    context_window=40,
    context_boost=0.4,
    validate=_valid_compact_date,
    prefilter=r"(?:19|20)\d{6}",
    examples=(
        "(0008,0020) Study Date  DA  [«20240304»]",
        "Patient's Birth Date: «19520304»",
        "StudyDate: «20240212»",
        "uploaded «20240522»_NGUYEN_HOA_L_forearm_01.jpg and PXL_«20240523»_143012.jpg",
    ),
    counterexamples=("count 20241399 cells", "Series 12345678", "IMG_20241399_1.jpg"),
)

DATE_RECOGNIZERS: tuple[PatternRecognizer, ...] = (
    _NUMERIC,
    _ISO,
    _WRITTEN,
    _INTL,
    _RELATIVE,
    _SHORT,
    _COMPACT,
)
