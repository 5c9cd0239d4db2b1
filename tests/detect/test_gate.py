"""The pattern gate changes how fast pattern findings come, never which.

Every test compares the gated pattern tier with the same tier ungated
(every pattern run on every text) or checks the soundness rules the gate
rests on: the ASCII projection and the pattern rewrite.
"""

from __future__ import annotations

import builtins
import sys
import threading
from typing import Any

import hyperscan
import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from phiguard.detect import PATTERN_RECOGNIZERS
from phiguard.detect.gate import (
    FOLDS_TO_ASCII,
    OTHER_STAND_IN,
    WORD_STAND_IN,
    PatternTier,
    UnsupportedPattern,
    project,
    rewrite,
)
from tests.marks import pattern_texts


def _tier(*, gated: bool = True) -> PatternTier:
    return PatternTier([spec.compile() for spec in PATTERN_RECOGNIZERS], gated=gated)


GATED = _tier()
UNGATED = _tier(gated=False)


def _found(tier: PatternTier, text: str) -> list[tuple[int, int, str, float, str]]:
    return sorted((f.start, f.end, f.label, f.score, f.source) for f in tier.find(text))


TEXTS = pattern_texts()


def test_every_shipped_pattern_is_gated() -> None:
    # a pattern the rewrite cannot read would run on every text: keep none
    assert GATED.wait_for_gate(60)
    for spec in PATTERN_RECOGNIZERS:
        for pattern in spec.patterns:
            rewrite(pattern.gate or pattern.regex)
        if spec.prefilter:
            rewrite(spec.prefilter)


def test_the_gate_rules_out_most_patterns_on_plain_prose() -> None:
    assert GATED.wait_for_gate(60)
    gate = GATED._slot.gate  # type: ignore[union-attr]
    total = sum(len(ids) + (pre is not None) for pre, ids in GATED._ids)
    hits = gate.hits("The liver is normal in size. No focal lesion. Kidneys unremarkable.")
    assert len(hits) < total / 4


def _gate_id(recognizer: str, pattern: str) -> int | None:
    for member, (_, ids) in zip(GATED.members, GATED._ids):
        if member.name == recognizer:
            return ids[[p.name for p in member.spec.patterns].index(pattern)]
    raise KeyError(recognizer)


@pytest.mark.parametrize(
    ("recognizer", "pattern", "text"),
    [
        ("date_written_v1", "ordinal_day", "the 5th metatarsal, 1st MTP joint"),
        ("address_us_v1", "zip", "acc RB24030417, station x12345"),
    ],
)
def test_a_leading_lookbehind_narrows_the_gate(recognizer: str, pattern: str, text: str) -> None:
    # what the lookbehind rules out, the gate rules out too (it consumes it)
    assert GATED.wait_for_gate(60)
    gate = GATED._slot.gate  # type: ignore[union-attr]
    assert _gate_id(recognizer, pattern) not in gate.hits(text)


def test_gated_findings_equal_ungated_on_examples_and_corpora() -> None:
    assert GATED.wait_for_gate(60)
    assert len(TEXTS) > 200
    differ = [i for i, text in enumerate(TEXTS) if _found(GATED, text) != _found(UNGATED, text)]
    assert differ == []


# Texts built from what the patterns care about: digits, separators,
# keywords, ASCII letters, the stand-ins themselves, non-ASCII word and
# non-word characters and the characters that fold to ASCII.
_PIECES = st.sampled_from(
    [
        "MRN",
        "mrn ",
        "Acc#",
        "SSN",
        "DOB",
        "Dr. ",
        "seen at ",
        "St. Mary",
        "Hospital",
        "@",
        ".com",
        "www.",
        "ext",
        "jan",
        "March ",
        "1st",
        "de mayo",
        "y/o",
        "years old",
        " ",
        "\n",
        "-",
        "/",
        ".",
        ":",
        "(",
        ")",
        "#",
        "_",
        "?",
        "é",
        "É",
        "’",
        "—",
        "\xa0",
        "٣",
        "ß",
        "ſ",
        "K",
        "ﬁ",
        "İ",
        "\x1c",
    ]
)
_TEXTS = st.lists(
    st.one_of(_PIECES, st.from_regex(r"\d{1,11}", fullmatch=True), st.text(max_size=3)),
    max_size=25,
).map("".join)


@given(_TEXTS)
def test_gated_findings_equal_ungated_on_generated_text(text: str) -> None:
    assert GATED.wait_for_gate(60)
    assert _found(GATED, text) == _found(UNGATED, text)


@given(st.text(max_size=60))
def test_the_projection_keeps_length_and_word_boundaries(text: str) -> None:
    projected = project(text).decode("ascii")
    assert len(projected) == len(text)
    for original, stand_in in zip(text, projected):
        if original.isascii():
            assert stand_in == original
        else:
            word = regex.match(r"\w", original) is not None
            assert stand_in == (WORD_STAND_IN if word else OTHER_STAND_IN)


def test_folds_to_ascii_is_every_character_that_folds_to_an_ascii_letter() -> None:
    folding = set()
    for code in range(0x80, sys.maxunicode + 1):
        char = chr(code)
        forms = char.casefold() + char.lower() + char.upper() + char.title()
        if any(c.isascii() and c.isalpha() for c in forms):
            folding.add(char)
    assert folding == set(FOLDS_TO_ASCII)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bMRN\s?#", r"\bMRN[\s\x1c-\x1f\?]?#"),
        (r"\w+", r"[\w_]+"),
        (r"\d{3}", r"[\d_]{3}"),
        (r"[A-Za-z'’&.-]", r"[A-Za-z'&.\-\?]"),
        (r"[-/ ]", r"[\-/ ]"),
        (r"[^\s<>]", r"[^\s\x1c-\x1f<>]"),
        (r"[^’_?]", r"[\x00-\xff]"),
        (r"\p{Lu}é", r"[\x00-\xff]_"),
        (r"[]a]", r"[\]a]"),
        (r"x(?<![\w.-])x", r"x(?<![\w.\-_])x"),
        # a leading lookbehind is consumed: prefilter mode would drop it
        (r"(?<![\w.-])x", r"(?:^|[^\w.\-])x"),
        (r"(?<![\w'’])x", r"(?:^|[^\w'])x"),
        (r"(?<=\b(?:on|by)\s)x|y", r"(?:\b(?:on|by)[\s\x1c-\x1f\?])x|y"),
        (r"(?<=a[)]|b)x", r"(?:a[)]|b)x"),
        (r"(?<=[^])]\))x", r"(?:[^\])]\))x"),
        (r"(?<![^a])x", r"(?<![^a])x"),
    ],
)
def test_rewrite(pattern: str, expected: str) -> None:
    assert rewrite(pattern) == expected


@pytest.mark.parametrize(
    "pattern",
    [r"\1", r"[[a-z]--[q]]", r"[à-ÿ]", r"[a", "\\", r"\p", r"\X", r"[\b]", r"(?<=a(b)x"],
)
def test_rewrite_refuses_what_it_cannot_read(pattern: str) -> None:
    with pytest.raises(UnsupportedPattern):
        rewrite(pattern)


@given(st.sampled_from([p for spec in PATTERN_RECOGNIZERS for p in spec.patterns]), _TEXTS)
def test_each_rewritten_pattern_matches_the_projection_wherever_the_pattern_matches(
    pattern: Any, text: str
) -> None:
    compiled = regex.compile(pattern.regex, regex.VERSION1 | regex.MULTILINE | regex.IGNORECASE)
    if compiled.search(text) is None or regex.search(f"[{FOLDS_TO_ASCII}]", text):
        return
    database = hyperscan.Database()
    database.compile(
        expressions=[rewrite(pattern.gate or pattern.regex).encode("ascii")],
        ids=[0],
        elements=1,
        flags=[
            hyperscan.HS_FLAG_PREFILTER
            | hyperscan.HS_FLAG_MULTILINE
            | hyperscan.HS_FLAG_ALLOWEMPTY
            | hyperscan.HS_FLAG_CASELESS
        ],
    )
    hits: list[int] = []
    database.scan(project(text), match_event_handler=lambda *args: hits.append(1))
    assert hits


def test_without_hyperscan_every_pattern_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_hyperscan(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "hyperscan":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_hyperscan)
    # a rewrite the shipped tier has not compiled, so this slot compiles now
    spec = PATTERN_RECOGNIZERS[0]
    lonely = PatternTier([spec.compile()])
    assert lonely.wait_for_gate(60) is False
    text = "DOB 03/04/1951, MRN 00412387"
    assert _found(lonely, text) == _found(PatternTier([spec.compile()], gated=False), text)


def test_threads_share_the_gate_safely() -> None:
    assert GATED.wait_for_gate(60)
    # long texts too, gated piece by piece
    texts = TEXTS[:300] + ["\n\n".join(TEXTS[k : k + 200]) for k in range(300, 1500, 200)]
    expected = [_found(UNGATED, text) for text in texts]
    results: list[list[Any]] = [[] for _ in range(4)]

    def work(k: int) -> None:
        results[k] = [_found(GATED, text) for text in texts]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(result == expected for result in results)
