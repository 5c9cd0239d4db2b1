"""NAME, FACILITY and ADDRESS in Chinese, Japanese and Korean, which the
detection view blanks and :mod:`phiguard.detect.cjk` reads in the original
text. The rows were written for these tests."""

from __future__ import annotations

import pytest

import phiguard
from phiguard.detect.cjk import CjkRecognizer, has_cjk
from phiguard.detect.view import detection_view, to_original, to_view
from tests.marks import spans_of, unmark

ROWS = [
    # Japanese: surname and given name before an honorific
    ("NAME", "本日、«高橋 美穂»様のCT予約を変更しました。"),
    ("NAME", "整形外科の«木村 大輔»先生に確認してください。"),
    ("NAME", "受付の«森田»さんから連絡がありました。"),
    # Chinese: after a word for the patient or a relative, or "I am"
    ("NAME", "患者«刘建国»，男，复查胸部CT。"),
    # kin and the requesting doctor; Korean "I am", the referring doctor
    ("NAME", "家属：儿子«李建国»，电话见病历"),
    ("NAME", "检查日期2024-07-02，申请医生«刘芳»。"),
    ("NAME", "안녕하세요, 저는 «박지영»입니다."),
    ("NAME", "판독 요청: 의뢰의 «정민수» 교수님."),
    ("NAME", "家属«赵敏»电话已登记。"),
    ("NAME", "您好，我是«孙丽华»，想改约时间。"),
    # Korean: before 님 or a role, after a word for a patient
    ("NAME", "«박서연»님 검사 결과가 나왔습니다."),
    ("NAME", "담당 «윤재호» 교수, 영상의학과."),
    ("NAME", "환자 «한지민» (등록번호 3302117)"),
    ("NAME", "안녕하세요, «김민지» 환자(등록번호 KR-5520147)의 복부 CT"),
    # the values of a form's keys
    ("NAME", "患者氏名：«山田 花子»（«ヤマダ»）\n患者ID：JP-0038812"),
    ("NAME", "환자명: «김민준»\n등록번호: KR20118834"),
    ("NAME", "报告医生：«陈晓梅»\n"),
    ("FACILITY", "검사일: 2024.04.18\n병원: «서울하늘병원»\n"),
    ("FACILITY", "医院：«上海仁和医院»\nCT所见"),
    ("ADDRESS", "住所：«東京都北区赤羽2-14-6»、電話"),
    ("ADDRESS", "주소: «서울특별시 마포구 월드컵북로 396»\n소견"),
    # facilities by their head noun
    ("FACILITY", "昨日«東山台中央病院»に入院しました。"),
    ("FACILITY", "转到«白河县人民医院»继续治疗。"),
    ("FACILITY", "«하늘빛병원» 영상의학과입니다."),
    # a stop character that is a syllable of the name: 서 (not 에서), 和 in 协和
    ("FACILITY", "2024년 5월 27일 «서울아산병원»에서 유방 초음파 시행."),
    ("FACILITY", "2024年6月3日在«北京协和医院»行胸部CT。"),
    # addresses by street and number
    ("ADDRESS", "住址：«长宁县建设路12号2单元»。"),
    ("ADDRESS", "주소 «푸른솔로 15길 8», 연락 바랍니다."),
    ("ADDRESS", "住所は«緑町3丁目4-5»です。"),
]

NOT_PHI = [
    "儿子高烧三天了，怎么办？",
    "患者男性，出现胸痛，建议到大学医院检查。",
    "선생님, 고객님, 사장님 감사합니다. 주사로 3회 맞았어요.",
    "患者様とお客様にご案内します。",
    "연구 참여 동의서: 연구간호사가 설명합니다.",
    "この病院の先生に聞いてください。",
    "해당 환자의 CT 결과를 알려주세요. 모든 환자는 금식합니다.",
    "患者名：なし、病院：未定、住所：不明",
    # eponyms written against Han words: 和 ("and") is no part of a date
    "Chiari畸形和Dandy-Walker畸形的区别是什么？",
    "平成Hodgkin淋巴瘤和Burkitt淋巴瘤大不同",
]


@pytest.mark.parametrize(("label", "row"), ROWS)
def test_cjk_phi_is_found(fast_guard: phiguard.Guard, label: str, row: str) -> None:
    text, expected = unmark(row)
    assert spans_of(fast_guard, text, label) == expected


@pytest.mark.parametrize("text", NOT_PHI)
def test_cjk_words_are_no_phi(fast_guard: phiguard.Guard, text: str) -> None:
    assert [f for f in fast_guard.scan(text) if f.label in {"NAME", "FACILITY", "ADDRESS"}] == []


def test_cjk_names_are_redacted_with_the_rest(guard: phiguard.Guard) -> None:
    text = "患者刘建国，2024年3月5日在白河县人民医院做了CT。"
    redacted = guard.redact(text).text
    assert "刘建国" not in redacted
    assert "白河县人民医院" not in redacted
    assert "2024年3月5日" not in redacted
    assert "CT" in redacted


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("昭和14年5月2日生まれ", "昭和14年5月2日"),
        ("令和元年5月1日に受診", "令和元年5月1日"),
        ("검사일 2024년 3월 18일 오전", "2024년 3월 18일"),
    ],
)
def test_era_and_date_characters_stay_with_their_numbers(
    fast_guard: phiguard.Guard, text: str, date: str
) -> None:
    assert date in [f.text for f in fast_guard.scan(text) if f.label == "DATE"]


def test_texts_without_cjk_are_not_read() -> None:
    assert not has_cjk("Dr. Okafor, 3/4/2024, Golden Gate Imaging")
    assert list(CjkRecognizer().find("Dr. Okafor called")) == []


def test_to_view_inverts_to_original_around_dropped_characters() -> None:
    # a zero-width space the view drops sits before the name
    text = "a\u200bb 患者刘建国，男"
    view, origin = detection_view(text)
    assert origin is not None
    start = text.index("刘")
    end = start + 3
    first, last = to_view(origin, start, end)
    assert to_original(origin, first, last) == (start, end)
    assert last - first == 3
    assert view[first:last] == "   "  # the view blanks the characters it maps
