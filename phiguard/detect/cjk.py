"""NAME, FACILITY and ADDRESS written in Chinese, Japanese and Korean.

The detection view blanks Han, kana and Hangul (:mod:`phiguard.detect.view`),
so that the Latin words written against them stand apart for the other
recognizers; this one reads the original text instead, and only where it
holds such characters. With no spaces between words (Chinese, Japanese), a
name is found by what marks one: an honorific after it (山田 花子様, 佐藤
健一先生, 김민서님, 이수현 교수) or a word for a person before it (患者王秀英,
家属李强, 환자 김민서); a facility by its head noun (病院, 医院, 병원); an
address by its street and number (光明路88号, 한빛로 27길 14, 2丁目3-4).
Where a facility or address may begin is read back from its head, over at
most a few characters and never past a particle or a word of place (在, の,
에).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from phiguard.findings import Finding

__all__ = ["CjkRecognizer", "has_cjk"]

_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_KANA = "\u3040-\u30ff"
_HANGUL = "\uac00-\ud7a3"
_CJK = regex.compile(f"[{_HAN}{_KANA}{_HANGUL}]")

#: Honorifics after a Japanese name: 様, さん, 先生, 氏, 殿.
_JA_HONORIFIC = "(?:様|さん|先生|氏|殿|くん|ちゃん)"
#: Words for a person before a Chinese name: patient, relative, "I am", contact.
_ZH_CUE = (
    "(?:患者|病人|家属|家屬|我是|我叫|联系人|聯繫人|姓名[:：]?|被检者|受检者"
    # kin and the doctor who asks: 儿子李建国, 申请医生刘芳
    "|儿子|兒子|女儿|女兒|丈夫|妻子|母亲|母親|父亲|父親|申请医生|申請醫生|主治医生|主治醫生)"
)
#: The commonest Chinese surnames (simplified and traditional), one of which
#: opens a name found after a cue: not 男性 or 出现 after 患者.
_ZH_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
    "莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪"
    "梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简"
    "车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄"
    "丛仲虞敖巩明佘池查麻苑迟邝張劉陳楊黃趙吳孫馬羅鄭謝許韓馮鄧蕭葉蘇呂盧鍾譚陸賈韋鄒閻龍陶賀顧龔錢嚴"
    "戴湯莊聶魯顏歐關蘭劉喬龐倪紀畢單霍塗駱藍遊靳鮑華饒車項連麥竇費衛閔鄔邊師欒隋鞏鄺"
)
#: The commonest Korean surnames.
#: The commonest Korean surnames, which open a name before 환자 ("patient").
_KO_COMMON_SURNAMES = (
    "김이박최정강조윤장임한오서신권황안송류전홍고문양손"
    "배백허유남심노하곽성차주우구민진지엄채원천방공현"
)
_KO_SURNAMES = frozenset(
    _KO_COMMON_SURNAMES + "함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은"
    "편용예경봉사부가복태목형피두감음빈동온호범좌"
)
#: Japanese nouns that take 様 or さん and name no one: 患者様, お客様.
_JA_NOT_NAMES = (
    "患者", "客", "皆", "利用者", "家族", "担当者", "医師", "看護師", "奥", "母", "父", "娘",
    "息子", "主人", "子供", "先生", "方", "人",
)  # fmt: skip
#: What ends a Chinese name after its cue: punctuation, sex, a phone, a title.
_ZH_END = "(?=[，,、。；;：:\\s（(）)]|女|男|电话|電話|先生|女士|医生|$)"
#: Korean: an honorific or role after a name, a word for a person before one.
_KO_AFTER = (
    "(?=님|씨|[ ](?:교수|선생님|간호사|연구간호사|원장|과장|보호자)님?(?![" + _HANGUL + "]))"
)
_KO_CUE = "(?:환자|대상자|보호자|담당|담당의|의뢰의|성명|이름|저는)[:：]?[ ]"
#: Korean nouns that take 님 or 씨 and name no one: 선생님, 고객님, 어머님
#: (and the offices ending in 장 or 사: 사장님, 기사님, 목사님).
_KO_NOT_NAMES = frozenset(
    "선생 환자 교수 어머 아버 부모 고객 회원 보호자 담당자 여러분 사모 아드".split()
)

#: Kinds of patient that begin like a surname: 남자 (male), 노인 (elderly),
#: 고령 (aged), 성인 (adult), 신규 (new), 전체 (all), 이번 (this time).
_KO_PATIENT_KINDS = "(?:남자|남성|노인|고령|성인|신규|전체|이번|이전|유아|소아|중증|한방)"

_NAMES = (
    # 山田 花子様, 乗客中村 美咲様: surname, a space, given name, honorific (a
    # character or two before the surname may come along: no space parts them)
    ("ja", regex.compile(f"(?P<v>[{_HAN}]{{1,4}}[ 　][{_HAN}{_KANA}]{{1,4}}){_JA_HONORIFIC}")),
    # の鈴木さん: after a particle or punctuation, no space
    (
        "ja",
        regex.compile(
            f"(?:(?<=[のはがをにとでもへ、。：:（(「\\s])|^)(?P<v>[{_HAN}]{{2,4}}){_JA_HONORIFIC}"
        ),
    ),
    ("zh", regex.compile(f"{_ZH_CUE}(?P<v>[{_HAN}]{{2,3}}?){_ZH_END}")),
    ("ko", regex.compile(f"(?<![{_HANGUL}])(?P<v>[{_HANGUL}]{{2,4}}){_KO_AFTER}")),
    # 김민지 환자: a name of a common surname before the word for a patient
    # (not 해당 환자, "the patient in question")
    (
        "ko",
        regex.compile(
            f"(?<![{_HANGUL}])(?!{_KO_PATIENT_KINDS})"
            f"(?P<v>[{_KO_COMMON_SURNAMES}][{_HANGUL}]{{1,3}})[ ]?환자"
            f"(?:분|님|의|가|는|를|에게)?(?![{_HANGUL}])"
        ),
    ),
    # (저는 박지영입니다: "I am ...", the copula after the name)
    ("ko", regex.compile(f"{_KO_CUE}(?P<v>[{_HANGUL}]{{2,4}}?)(?=님|씨|입니다|이에요|[ ,.()]|$)")),
)

#: Forms' keys and their values: 患者氏名：山田 花子, 환자명: 김민준, 병원:
#: 서울하늘병원, 住所：東京都北区赤羽2-14-6. A name is two to eight characters
#: of the script (with a space), up to a bracket, comma or line's end; a
#: facility or an address runs to the line's end or a comma or full stop.
_FIELD_SEP = "[ ]?[:：][ 　]?"
#: What a form holds where it has no value: none, unknown, not yet decided.
_BLANKS = frozenset(
    "なし 無し 不明 未定 未記入 該当なし 없음 미상 미정 해당없음"
    " 无 無 未知 不详 不詳 待定 暂无".split()
)
_CJK_RUN = f"[{_HAN}{_KANA}{_HANGUL}]"
_FIELDS = (
    (
        "NAME",
        regex.compile(
            "(?:患者氏名|氏名|患者名|患者姓名|姓名|担当医|主治医|依頼医|報告医|报告医生|审核医生|主治医师"
            f"|申请医生|환자명|환자[ ]?성명|성명|판독의|의뢰의|주치의|담당의){_FIELD_SEP}"
            f"(?P<v>{_CJK_RUN}{{1,4}}(?:[ 　]{_CJK_RUN}{{1,4}})?)"
            "(?=[ 　]*(?:[（(、,，\n]|$)|[ 　]{2})"
        ),
    ),
    (
        "FACILITY",
        regex.compile(
            f"(?:施設|病院|医院|医疗机构|醫院|병원|기관|의료기관){_FIELD_SEP}"
            f"(?P<v>{_CJK_RUN}[{_HAN}{_KANA}{_HANGUL}0-9 ]{{1,24}}?)(?=[ ]*(?:[、,，。\n]|$))"
        ),
    ),
    (
        "ADDRESS",
        regex.compile(
            f"(?:住所|住址|地址|現住所|주소){_FIELD_SEP}"
            f"(?P<v>〒?[0-9{_HAN}{_KANA}{_HANGUL}][-0-9{_HAN}{_KANA}{_HANGUL} ]{{3,40}}?)"
            "(?=[ ]*(?:[、,，。；;\n]|$))"
        ),
    ),
)

#: A facility's head noun, and what may not be all its name says before it.
_FACILITY_HEAD = regex.compile(
    "(?:病院|医院|醫院|병원|의원|クリニック|诊所|診所|卫生院|衛生院|保健所|医療センター|医疗中心"
    "|보건소)"
)
_GENERIC = frozenset(
    "大学 大學 総合 综合 綜合 市立 県立 区立 国立 人民 中心 这家 這家 那家 该 本 贵 我们 我們"
    " 大 小 대학 종합 큰 작은 이 그 저 동네 近く 近所 この その あの 地元"
    " 专科 專科 私立 公立".split()
)
#: Addresses: a Chinese street and number (光明路88号3单元), a Korean road and
#: number (한빛로 27길 14), a Japanese block (2丁目3番4号, 2丁目3-4).
_ADDRESSES = (
    regex.compile(
        "(?:路|街|道|巷|胡同|大道)[0-9]{1,5}[号號](?:[0-9]{1,4}(?:单元|單元|栋|棟|号楼|楼|樓|室))*"
    ),
    # (not a count: 주사로 3회)
    regex.compile(
        "(?:로|길)[ ]?[0-9]{1,4}(?:-[0-9]{1,4})?"
        "(?:[ ]?번?길[ ]?[0-9]{1,4}(?:-[0-9]{1,4})?)?"
        f"(?:번지)?(?![0-9{_HANGUL}])"
    ),
    regex.compile("[0-9]{1,2}丁目[0-9]{1,3}(?:番地?[0-9]{0,3}号?|-[0-9]{1,3})"),
)
#: Characters a name of a place or street never starts with or takes in when
#: read back from its head: particles, prepositions, a word of place.
_STOPS = frozenset("在于於从從到去的和与與及のにでとへがはをも에의을를은는이가로서")
#: Words of time that open a sentence before a place with no particle
#: between (昨日東山台病院に, 今天去): no part of its name.
_LEADING_WORDS = (
    "昨日", "今日", "明日", "本日", "先日", "今朝", "昨夜", "今天", "昨天", "明天", "前天",
    "上周", "下周", "已经",
)  # fmt: skip
#: How far back a facility's or street's name may reach.
_REACH = 10


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds a Han, kana or Hangul character."""
    return _CJK.search(text) is not None


class CjkRecognizer:
    """Names, facilities and addresses in Chinese, Japanese and Korean, on
    the original text (offsets as in it)."""

    name = "cjk_v1"

    def find(self, text: str) -> Iterator[Finding]:
        if not has_cjk(text):
            return
        for language, pattern in _NAMES:
            for match in pattern.finditer(text):
                start, end = match.span("v")
                value = text[start:end]
                if _a_name(value, language):
                    yield Finding(start, end, "NAME", 0.85, value, self.name)
        for match in _FACILITY_HEAD.finditer(text):
            start = _read_back(text, match.start())
            if match.start() - start < 2 or text[start : match.start()] in _GENERIC:
                continue
            yield Finding(start, match.end(), "FACILITY", 0.8, text[start : match.end()], self.name)
        for label, pattern in _FIELDS:
            for match in pattern.finditer(text):
                start, end = match.span("v")
                value = text[start:end]
                if value not in _BLANKS:
                    yield Finding(start, end, label, 0.85, value, self.name)
        for pattern in _ADDRESSES:
            for match in pattern.finditer(text):
                start = _read_back(text, match.start())
                if match.start() - start < 2:
                    continue  # a number and no street: 3丁目 alone is a block of anywhere
                yield Finding(
                    start, match.end(), "ADDRESS", 0.8, text[start : match.end()], self.name
                )


def _a_name(value: str, language: str) -> bool:
    """Whether a name's pattern found one: a Korean or Chinese name opens
    with a common surname (not 선생님, 고객님, 患者男性), a Korean one ends
    in no office (사장님, 기사님); a Japanese one is no noun that takes an
    honorific (患者様, お客様)."""
    if language == "ko":
        return (
            value[0] in _KO_SURNAMES
            and value not in _KO_NOT_NAMES
            and value[:2] not in _KO_NOT_NAMES
            and value[-1] not in "장사"
        )
    if language == "zh":
        return value[0] in _ZH_SURNAMES
    return not value.endswith(_JA_NOT_NAMES)


#: Stop characters that are syllables of names after these: 서 is a particle
#: only in 에서 (서울아산병원 is in Seoul), 和 a conjunction but in 协和, 仁和,
#: 中和 (北京协和医院).
_NAME_SYLLABLES = {"서": "에", "和": "协協仁中太同祥安"}


def _in_a_name(text: str, index: int) -> bool:
    """Whether the stop character at ``index`` is a syllable of a name here."""
    before = _NAME_SYLLABLES.get(text[index])
    if before is None or index == 0:
        return False
    if text[index] == "서":
        return text[index - 1] not in before
    return text[index - 1] in before


def _read_back(text: str, head: int) -> int:
    """Where a name ending at ``head`` begins: back over CJK characters (and
    the spaces Korean puts between words, but not before a particle), at
    most :data:`_REACH`, never past a stop character."""
    start = head
    while start > 0 and head - start < _REACH:
        char = text[start - 1]
        if (char in _STOPS and not _in_a_name(text, start - 1)) or not (
            _CJK.match(char) or char.isdigit()
        ):
            break
        start -= 1
    for word in _LEADING_WORDS:
        if text.startswith(word, start, head) and head - start - len(word) >= 2:
            return start + len(word)
    return start
