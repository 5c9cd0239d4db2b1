"""AGE: ages over 89, the only ages Safe Harbor treats as identifying."""

from __future__ import annotations

import regex

from phiguard.detect.recognizer import Pattern, PatternRecognizer

__all__ = ["AGE_RECOGNIZERS"]

# 90 to 129; never 89 or under.
_OVER_89 = r"(?:9\d|1[0-2]\d)"

_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
# ninety, ninety-three, ninety three, a hundred, one hundred and two
_SPOKEN_OVER_89 = (
    rf"(?:ninety(?:[\s-](?:{_UNITS}))?|(?:a|one)\shundred(?:\s(?:and\s)?(?:{_UNITS}|{_TEENS}"
    rf"|twenty(?:[\s-](?:{_UNITS}))?))?)"
)
# Two capitalised words, or two in capitals: a full name
_FULL_NAME = (
    r"[A-Z][^\W\d_A-Z]+[ ][A-Z][^\W\d_A-Z]+(?:[-'’][A-Z]?[^\W\d_A-Z]+)?|[A-Z]{2,}[ ][A-Z]{2,}"
)
# Who may be the subject of a bare age: "I'm 94", "she is 93", "my dad is 91"
_KIN = (
    r"(?:my\s)?(?:mom|mum|mother|dad|father|grand(?:ma|pa|mother|father)|granny|husband|wife"
    r"|aunt|auntie|uncle)|my\s(?:gran|nan|nana|nanna|grandmom|grand?dad|brother|sister"
    r"|lola|lolo|abuela|abuelo|oma|opa|nonna|nonno)"
)
_PERSON_IS = rf"(?:I['’]m|I\sam|(?:he|she|pt|patient|{_KIN})(?:\s(?:is|was)|['’]s))"
# What a number after "is" measures, when it is no age: "I'm 95% sure",
# "she is 92 on room air", "he is 90 minutes away"
_NOT_A_MEASURE = (
    r"(?![\w%°]|[–.,\-]\d|\s?(?:%|percent|per\b|sure|certain|confident|mg|mcg|g\b|kg|kilos?"
    r"|lbs?|pounds?|cm|mm|km|miles?|feet|ft|inch(?:es)?|degrees?|bpm|beats|mmhg|x\b|/"
    r"|minutes?|mins?|seconds?|secs?|hours?|hrs?|days?|weeks?|wks?|months?|units?|ml|mph"
    r"|points?|pts?|on\b|at\b|in\b|after\b|over\b|to\b|out\sof|of\b))"
)
# A word of a name, any case: wen-jie, Lin, O'Brien
_NAME_WORD = r"[^\W\d_]{2,}(?:[-'’][^\W\d_]+)?"
# What a bracketed "(word word, 92)" may be instead of a name and an age
_MEASURES = (
    r"rate|level|score|sats?|saturation|glucose|sugar|pulse|pressure|weight|count|temp|low|high"
    r"|normal|baseline|mean|median|average|total|range|max|min"
)
# Words between kin and "is" that are no name: "my dad says his sugar is 95"
_NOT_NAME_WORDS = (
    r"says?|said|thinks?|thought|told|his|her|their|the|a|an|and|or|who|that|which|also|now"
    r"|still|just|only|blood|heart|oxygen|o2|bp|hr|weight|temperature|number|age"
)
_SPOKEN = regex.compile(rf"{_SPOKEN_OVER_89}\b", regex.IGNORECASE)


def is_over_89(value: str) -> bool:
    """True when the leading number of ``value`` is 90 or more, in digits
    or in words (``ninety-one``, a column of ages dictated; ``noventa y
    dos`` in Spanish or Portuguese)."""
    if _SPOKEN.match(value.strip()) or value.strip().lower().startswith("noventa"):
        return True
    digits = ""
    for char in value.lstrip("0"):
        if not char.isdigit():
            break
        digits += char
    return digits != "" and 90 <= int(digits) <= 129


_AGE = PatternRecognizer(
    name="age_over_89_v1",
    label="AGE",
    patterns=(
        # 92 yo, 92y/o, 92-year-old, 93 y.o. F, 95 yrs
        Pattern(
            "number_unit",
            rf"(?<![\d.])(?P<v>{_OVER_89})(?:\s*|-)"
            r"(?:years?|yrs?|y/o|y\.o\.?|yo|y)(?:[- ]old)?(?![A-Za-z])",
            0.9,
        ),
        # aged 93, age: 94, age 91
        # (and the word in Spanish, Portuguese and Tagalog, Italian: edad 91, idade 93)
        Pattern(
            "aged",
            rf"\b(?:age[ds]?|edad|idade|et[àa])\s*(?:of\s*)?[:=]?\s*(?P<v>{_OVER_89})(?!\d|\.\d)",
            0.9,
        ),
        # 93F, 91 M (as in "93M with chest pain")
        Pattern("number_sex", rf"(?<![\d.])(?:{_OVER_89})\s?(?-i:[MF])(?![A-Za-z\d])", 0.6),
        # "he's 91, hard of hearing", "Vandermeer, 90, seen": a bare age
        # after "is" or a name and comma, not followed by a unit.
        Pattern(
            "bare_after_name",
            rf"(?<=\b(?:(?:patient|pt|(?-i:[A-Z][a-z]+))\s+is|he['’]?s|she['’]?s|turned|turns)\s"
            rf"|[A-Za-z]{{2}},\s)(?P<v>{_OVER_89})"
            r"(?=,|\s+(?:and|with|who|yo)\b|\.(?!\d))",
            0.6,
        ),
        # 94/F, 95 / M: age and sex in a list
        Pattern(
            "number_slash_sex",
            rf"(?<![\d./])(?P<v>{_OVER_89})\s?/\s?(?-i:[MF])(?![A-Za-z\d])",
            0.7,
        ),
        # after a full name: "Agnes Kovač (98)", "Remedios Santos is 94",
        # "FRANCIS ADEBAYO IS 91" (two name-like words, so no "Sat is 92"
        # or "HR (95)"; in brackets, so no house number: "Via Tasso 129")
        Pattern(
            "is_after_full_name",
            rf"(?<=\b(?-i:{_FULL_NAME})[ ](?:is|IS)[ ])(?P<v>{_OVER_89})"
            r"(?!\d|\.\d|\s*(?:%|percent|mg|kg|lbs?|cm|mm|degrees|bpm|mmhg|x\b))",
            0.6,
        ),
        # "Rm 14 Lorna Beasley, 94: sacral", "bay 2: Grace Mbeki 95, #NOF": a
        # full name, its age, then the next item (not "Oxygen Sat 94, HR")
        Pattern(
            "after_full_name",
            rf"\b(?-i:{_FULL_NAME})(?<!\b(?i:{_MEASURES}|sat|temp|room|bed|bay|unit|ward|grade"
            r"|stage|type|zone|day|week|page|level|score|ox|spo2|round|number|version|total"
            r"|id|no|class|group|set|phase|step|item|line|lot|block)),?[ ]"
            rf"(?P<v>{_OVER_89})(?=[,:;][ \n])",
            0.6,
        ),
        # "my grandpa eugene moreau is 99": kin, a name in any case, "is"
        Pattern(
            "kin_name_is",
            rf"\b(?:{_KIN})[ ](?:(?!(?:{_MEASURES}|{_NOT_NAME_WORDS})\b)[^\W\d_]{{2,}}[ ]){{1,3}}"
            r"(?:is|was)[ ]"
            rf"(?P<v>{_OVER_89}){_NOT_A_MEASURE}",
            0.7,
        ),
        Pattern(
            "bracket_after_full_name",
            rf"(?<=\b(?-i:{_FULL_NAME})[ ]\()(?P<v>{_OVER_89})(?=\))",
            0.6,
        ),
        # "I'm 94", "my dad is 91,", "she is 93.": a bare age after a person
        # and "is", not followed by a unit ("pt is 95 on 2L", "I'm 95% sure")
        Pattern(
            "person_is",
            rf"(?<=\b{_PERSON_IS}\s)(?P<v>{_OVER_89}){_NOT_A_MEASURE}",
            0.7,
        ),
        # "(wen-jie lin, 90)": a name of two or three words, its age in brackets
        Pattern(
            "bracket_name_comma",
            rf"(?<=\((?:{_NAME_WORD}\s){{1,2}}{_NAME_WORD},\s?)(?<!\b(?:{_MEASURES}),\s?)"
            rf"(?P<v>{_OVER_89})(?=\))",
            0.6,
        ),
        # after a date of birth, in brackets: "DOB 12/01/1931 (92)"
        Pattern(
            "bracket_after_date",
            rf"(?<=\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}[ ]?\()(?P<v>{_OVER_89})(?=\))",
            0.7,
        ),
        # Swahili puts the years first: "ana miaka 93"
        Pattern("miaka", rf"\bmiaka\s(?P<v>{_OVER_89})(?!\d|\.\d)", 0.85),
        # German "(92 J.)": Jahre
        Pattern("bracket_jahre", rf"(?<=\()(?P<v>{_OVER_89})\s?(?-i:J)\.?(?=\))", 0.85),
        Pattern("birthday", rf"(?<![\d.])(?P<v>{_OVER_89})(?:st|nd|rd|th)\s+birthday", 0.9),
        # 92 años, 97 anni, 90 ans, 91 Jahre, 92-jährige, 93 an (Haitian
        # Creole), 91 سنة, 93 sana (Arabic in Latin letters)
        Pattern(
            "number_years_other",
            rf"(?<![\d.$€£])(?P<v>{_OVER_89})\s?(?:años|anos|anni|ans?|jahre|jaar|lat|лет|года"
            r"|год|tuổi|yaş(?:ında)?|سنة|عاما|岁|歳|세|sana|saal|sal|taong\sgulang|-?jährig(?:e[nrms]?)?)(?!\w)",
            0.85,
        ),
        # "96 J.," in a German note (not "200 J" of a shock: the full stop)
        Pattern("number_j", rf"(?<![\d.$€£])(?P<v>{_OVER_89})\s(?-i:J)\.(?=[\s,;)])", 0.7),
        # noventa y dos años, noventa e dois anos
        Pattern(
            "spoken_years_es_pt",
            r"\b(?P<v>noventa(?:\s[ye]\s(?:un[oa]?|dos|dois|duas|tres|três|cuatro|quatro|cinco"
            r"|seis|siete|sete|ocho|oito|nueve|nove))?)\sa[ñn]os\b",
            0.85,
        ),
    ),
    validate=is_over_89,
    prefilter=r"(?:9\d|1[0-2]\d|noventa)",
    examples=(
        "Walter Graves, DOB 12/01/1931 («92»), metastatic",
        "Mama yangu ana miaka «93» na alilazwa",
        "Annem «91» yaşında, acile getirdik",
        "a «92» yo woman",
        "«92»y/o male",
        "this «92»-year-old",
        "«93» y.o. F with",
        "aged «93» with",
        "Age: «101»",
        "Pangalan: Dela Cruz, Remedios S., edad «91», PhilHealth",
        "«93F» with dyspnea",
        "O'Sullivan, «94F», fall at",
        "(he's «91», hard of hearing",
        "jose luis ramirez hes «92» and had the cat scan",
        "Пациент Иванов Пётр Алексеевич, «91» год, КТ головы",
        "my patient Hope is «102» and her",
        "Vandermeer, «90», seen in our clinic",
        "mi mamá tiene «92» años y",
        "tiene «noventa y dos» años, la citaron",
        "po ay «91» taong gulang, na-admit",
        "Unki umar «92» saal hai",
        "Pat. Ingeborg Schäfer, «96» J., Sturz",
        "患者王秀英，女，«94»岁，住院号",
        "Mio padre, «97» anni, ha la febbre",
        "Manman m gen «93» an, li tonbe",
        "والدي عمره «91» سنة",
        "Re: Shmuel Katz, ID 034782219, aged «90». Chest",
        "2 | Parvati Bai | «95»/F | UH2204478",
        "complaint from family of Agnes Kovač («98») re delayed",
        "my lola Remedios Santos is «94» she had",
        "MY DAD FRANCIS ADEBAYO IS «91» AND THE",
        "- Rm 14 Lorna Beasley, «94»: sacral stage 2",
        "bay 2: Grace Mbeki «95», #NOF, awaiting theatre",
        "my grandpa eugene moreau is «99» and just had an mri",
        "my grandma ethel mae dunning is «96» and at the home",
        "I'm «94» and still driving",
        "I am «91»",
        "she is «93».",
        "my dad is «91», he fell",
        "Grandma’s «96» now",
        "pt is «95» and lives alone",
        "(wen-jie lin, «90»)",
        "(Maria Souza, «97»)",
        "Frau K. («92» J.)",
        "avó com «95» anos",
        "3umro «93» sana",
        "eine «92»-jährige Patientin",
    ),
    counterexamples=(
        "BP 120/80 (95) after the bolus",
        "89 yo man",
        "shocked at 200 J, then 96 J",
        "tiene ochenta y dos años",
        "a 45-year-old",
        "aged 67",
        "92 mm lesion",
        "SpO2 92%",
        "temperature 98.6F",
        "HR 92 bpm",
        "sats were 88, 92, 95 overnight",
        "glucose is 95, stable",
        "$90 an hour",
        "Sat is 92 on RA",
        "HR (95) and BP",
        "O2 Sat 94%",
        "Room 95, bed 2",
        "Megan lives on Via Tasso 129 street.",
        "Scalette Rubiani 104  Apt. 905",
        "90 analyses",
        "potassium is 96",
        "the score is 92",
        "SpO2 is 94%",
        "I'm 95% sure",
        "I'm 100 percent sure",
        "it is 90 mg daily",
        "HR is 92",
        "she is 92 on room air",
        "he is 90 minutes away",
        "my dad is 95 kg",
        "I am 91.5 cm",
        "(heart rate, 92)",
        "(fasting glucose, 95)",
        "(n = 92)",
        "(Table 2, 95)",
        "(sodium low, 92)",
        "pt is 94 at rest",
        "she is 92-94 on 2L",
        "Oxygen Sat 94, HR 80",
        "Ward Round 95, bed 2",
        "my dad says his sugar is 95 today",
    ),
)

_AGE_WORDS = PatternRecognizer(
    name="age_words_v1",
    label="AGE",
    patterns=(
        # a ninety three year old female, ninety-one years old
        Pattern(
            "words_unit",
            rf"\b(?P<v>{_SPOKEN_OVER_89})[\s-](?:years?|yrs?|yo|y/o|y\.o\.?)(?:[\s-]old)?(?![\w/])",
            0.85,
        ),
        # age ninety one, aged ninety-four, she is ninety six (not "the
        # rate is ninety two": a person is the subject)
        Pattern(
            "words_after",
            rf"\b(?:age[ds]?|(?:he|she|pt|patient|{_KIN})(?:\s(?-i:[A-Z][a-z]+))?\s+is"
            rf"|(?:he|she)['’]?s|turned|turns)\s+(?P<v>{_SPOKEN_OVER_89})"
            r"\b(?!\s+(?:percent|degrees?|minutes?|seconds?|pounds?|kilos?|kg|beats|over|mg"
            r"|milligrams?|millimeters?|centimeters?|%))",
            0.75,
        ),
        # after a full name and a comma, before the next item: "Winifred Ashby,
        # ninety-seven, rib fractures", "rm 27 Faith Mbeki-Lawson, ninety-six"
        Pattern(
            "words_after_name",
            r"\b(?-i:[A-Z][^\W\d_A-Z]+(?:-[A-Z][^\W\d_A-Z]+)?\s(?:[a-z]{2,3}\s)?"
            r"[A-Z][^\W\d_A-Z]+(?:[-'’][A-Z]?[^\W\d_A-Z]+)?),\s"
            rf"(?P<v>{_SPOKEN_OVER_89})(?=\s?[,;)]|\s(?:-|–)\s|\n)",
            0.7,
        ),
    ),
    prefilter=r"ninety|hundred",
    examples=(
        "is a «ninety three» year old female from",
        "patient name Ottoline Greaves age «ninety one» code status",
        "she is «ninety six» period complaining",
        "he is «one hundred and two» years old",
        "EMS: «ninety-four» yo M found down",
        "Pt is «one hundred and two» - family asking",
        "grandpa Eustace is «ninety nine» lol",
        "APS case: Winifred Ashby, «ninety-seven», rib fractures",
        "rm 27 Faith Mbeki-Lawson, «ninety-six», comfort care",
        "Consult: Jean-Baptiste von Falkenhausen, «ninety-two», CTA runoff",
        "«ninety-four»-year-old man with",
    ),
    counterexamples=(
        "saturation is ninety six percent",
        "the heart rate is ninety two",
        "flexion to ninety degrees",
        "a ninety minute wait",
        "she is eighty nine",
        "ninety days of therapy",
        "Saturation is ninety four percent",
        "Result, ninety-two, within range",
        "Lab Result, ninety-two percent",
    ),
)

AGE_RECOGNIZERS: tuple[PatternRecognizer, ...] = (_AGE, _AGE_WORDS)
