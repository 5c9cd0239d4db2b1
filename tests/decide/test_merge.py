"""The one merge: sorted, non-overlapping, covering, order independent."""

from __future__ import annotations

import random
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from phiguard.decide import decide, merge_findings, repeats
from phiguard.findings import Finding
from tests.strategies import findings_in

TEXT = "Pt John Smith MRN 00412387 seen 3/4/24 at Mercy Hospital, Dayton OH 45402."


def _covered(findings: list[Finding]) -> set[int]:
    return {i for f in findings for i in range(f.start, f.end)}


@given(st.data())
def test_merge_is_sorted_disjoint_and_covers_every_character(data: st.DataObject) -> None:
    findings = data.draw(findings_in(TEXT))
    merged = merge_findings(TEXT, findings)
    assert all(a.end <= b.start for a, b in pairwise(merged))
    assert _covered(merged) == _covered(findings)
    assert all(f.text == TEXT[f.start : f.end] for f in merged)


@given(st.data())
def test_merge_is_idempotent(data: st.DataObject) -> None:
    merged = merge_findings(TEXT, data.draw(findings_in(TEXT)))
    assert merge_findings(TEXT, merged) == merged


@given(st.data(), st.randoms())
def test_merge_does_not_depend_on_input_order(data: st.DataObject, rnd: random.Random) -> None:
    findings = data.draw(findings_in(TEXT))
    shuffled = list(findings)
    rnd.shuffle(shuffled)
    assert merge_findings(TEXT, shuffled) == merge_findings(TEXT, findings)


def test_overlap_takes_the_best_label_and_the_union() -> None:
    low = Finding(0, 10, "ID", 0.5, TEXT[0:10], "a")
    high = Finding(5, 13, "NAME", 0.9, TEXT[5:13], "b")
    [merged] = merge_findings(TEXT, [low, high])
    assert (merged.start, merged.end, merged.label, merged.score) == (0, 13, "NAME", 0.9)


def test_equal_scores_break_ties_by_length_then_label_order() -> None:
    short = Finding(18, 22, "ID", 0.9, TEXT[18:22], "a")
    long = Finding(18, 26, "DATE", 0.9, TEXT[18:26], "b")
    assert merge_findings(TEXT, [short, long])[0].label == "DATE"
    mrn = Finding(18, 26, "MRN", 0.9, TEXT[18:26], "a")
    id_ = Finding(18, 26, "ID", 0.9, TEXT[18:26], "b")
    assert merge_findings(TEXT, [id_, mrn])[0].label == "MRN"


def test_touching_findings_stay_apart() -> None:
    a = Finding(0, 2, "NAME", 0.9, TEXT[0:2], "a")
    b = Finding(2, 4, "NAME", 0.9, TEXT[2:4], "a")
    assert merge_findings(TEXT, [b, a]) == [a, b]


def test_decide_drops_findings_below_threshold_before_merging() -> None:
    weak = Finding(0, 20, "ID", 0.3, TEXT[0:20], "a")
    strong = Finding(18, 26, "MRN", 0.95, TEXT[18:26], "b")
    assert decide(TEXT, [weak, strong], threshold=0.5) == [strong]
    assert decide(TEXT, [weak, strong], threshold=0.5, thresholds={"MRN": 0.99}) == []
    assert decide(TEXT, [weak, strong], threshold=0.2, labels=frozenset({"ID"})) == [weak]


def _found(text: str, value: str, label: str, source: str, nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(value, start + 1)
    return Finding(start, start + len(value), label, 0.9, value, source)


def test_a_value_a_structure_labels_is_found_where_the_text_repeats_it() -> None:
    text = "From: Aisling Brennan\nTo: Hector\n\nok.\nAisling Brennan, RN | Aisling Brennanova"
    field = _found(text, "Aisling Brennan", "NAME", "field_v1")
    again = repeats(text, [field])
    assert [(f.start, f.end, f.label, f.source) for f in again] == [
        (text.index("Aisling Brennan, RN"), text.index(", RN"), "NAME", "repeat_v1")
    ]
    assert [f.start for f in decide(text, [field], threshold=0.5)] == [6, again[0].start]


def test_codes_repeat_from_any_source_but_only_whole() -> None:
    text = "MRN 3300917 ok; row 3300917, and 33009170 or 93300917"
    mrn = _found(text, "3300917", "MRN", "mrn_labelled_v1")
    assert [f.start for f in repeats(text, [mrn])] == [text.index("3300917", 10)]


def test_guesses_and_single_words_are_not_repeated() -> None:
    text = "the Parole Board said Hope. Parole Board, Hope"
    guess = _found(text, "Parole Board", "NAME", "name_ner_v1")
    word = _found(text, "Hope", "NAME", "field_v1")
    short = _found(text, "Hope", "MRN", "mrn_labelled_v1")
    assert repeats(text, [guess, word, short]) == []


def test_a_name_inside_a_place_gives_the_place_its_label() -> None:
    text = "lives at Calle Hidalgo 245, Madrid; Dr. Hidalgo"
    name = Finding(9, 22, "NAME", 0.9, text[9:22], "names")
    address = Finding(9, 34, "ADDRESS", 0.75, text[9:34], "address")
    [merged, doctor] = merge_findings(
        text, [name, address, Finding(36, 47, "NAME", 0.9, text[36:47], "names")]
    )
    assert (merged.start, merged.end, merged.label, merged.score) == (9, 34, "ADDRESS", 0.75)
    assert doctor.label == "NAME"
    # a name that reaches past the place keeps the better score's label
    wider = Finding(0, 22, "NAME", 0.9, text[0:22], "names")
    assert merge_findings(text, [wider, address])[0].label == "NAME"
