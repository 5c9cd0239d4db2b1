"""NAME, DATE and FACILITY written in Thai.

Thai puts no spaces between words, so the recognizers read what marks
each: a name after its title (นาย, นาง, นางสาว, เด็กชาย, ด.ญ. ...) glued to
it, a surname after one space; a date as a day, an abbreviated month (ม.ค.
... ธ.ค.) and a year of the Buddhist era (2567); a hospital or clinic by
its head word (โรงพยาบาล, คลินิก) and the name glued to it.
"""

from __future__ import annotations

from phiguard.detect.recognizer import Pattern, PatternRecognizer

__all__ = ["THAI_RECOGNIZERS"]

#: Thai letters and their vowel and tone marks (no digits, no punctuation).
_LETTERS = "[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e]"
#: Titles before a name: Mr, Mrs, Miss, boy, girl and their abbreviations.
_TITLES = "(?:นางสาว|นาย|นาง|เด็กชาย|เด็กหญิง|ด\\.ช\\.|ด\\.ญ\\.|น\\.ส\\.)"
#: The months' abbreviations, January to December.
_MONTHS = (
    "(?:ม\\.ค\\.|ก\\.พ\\.|มี\\.ค\\.|เม\\.ย\\.|พ\\.ค\\.|มิ\\.ย\\.|ก\\.ค\\.|ส\\.ค\\.|ก\\.ย\\."
    "|ต\\.ค\\.|พ\\.ย\\.|ธ\\.ค\\.)"
)

THAI_RECOGNIZERS: tuple[PatternRecognizer, ...] = (
    PatternRecognizer(
        name="thai_name_v1",
        label="NAME",
        patterns=(
            Pattern(
                "titled",
                # the title stays outside: "ผู้ป่วย นายสมชาย ใจดี HN"
                f"{_TITLES}(?P<v>{_LETTERS}{{2,20}}(?:[ ]{_LETTERS}{{2,24}})?)",
                0.85,
                gate="นางสาว|นาย|นาง|เด็กชาย|เด็กหญิง|ด\\.ช\\.|ด\\.ญ\\.|น\\.ส\\.",
            ),
        ),
        prefilter="นาย|นาง|เด็ก|ด\\.ช|ด\\.ญ|น\\.ส",
        ignore_case=False,
        examples=(
            "ผู้ป่วย นาย«สมชาย ใจดี» HN 6612034",
            "มารดา นางสาว«สุดารัตน์ แก้วมณี» โทร",
        ),
        counterexamples=("ผู้ป่วยชายอายุ 45 ปี",),
    ),
    PatternRecognizer(
        name="thai_date_v1",
        label="DATE",
        patterns=(
            Pattern(
                "day_month_year",
                f"(?<![0-9])(?:[1-9]|[12][0-9]|3[01])[ ]?{_MONTHS}"
                "(?:[ ]?(?:25[0-9]{2}|[0-9]{2}))?(?![0-9])",
                0.85,
                gate=_MONTHS,
            ),
        ),
        prefilter=_MONTHS,
        ignore_case=False,
        examples=("วันที่ตรวจ «15 ม.ค. 2567» โรงพยาบาล",),
        counterexamples=("ผลตรวจปกติ",),
    ),
    PatternRecognizer(
        name="thai_facility_v1",
        label="FACILITY",
        patterns=(
            Pattern(
                "head",
                f"(?:โรงพยาบาล|คลินิก|ศูนย์การแพทย์){_LETTERS}{{2,30}}",
                0.8,
                gate="โรงพยาบาล|คลินิก|ศูนย์การแพทย์",
            ),
        ),
        prefilter="โรงพยาบาล|คลินิก|ศูนย์การแพทย์",
        ignore_case=False,
        examples=("วันที่ตรวจ 15 ม.ค. 2567 «โรงพยาบาลเวชธานีเหนือ» ผล",),
        counterexamples=("ไปโรงพยาบาล พรุ่งนี้",),
    ),
)
