"""The scoring core of benchmarks/accuracy.py on tiny hand-checked documents.

Every expected number is worked out by hand in the comments. No spaCy,
Presidio or phiguard is needed: predictions are plain ``(start, end)`` pairs.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

HARNESS = Path(__file__).resolve().parents[2] / "benchmarks" / "accuracy.py"


def _load_harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmarks_accuracy", HARNESS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


acc = _load_harness()


def doc(text: str, *spans: tuple[str, str], hard_negative: bool = False, id: str = "d") -> Any:
    """A Document whose gold spans are given as (label, surface), found left to right."""
    gold, cursor = [], 0
    for label, surface in spans:
        start = text.index(surface, cursor)
        gold.append(acc.GoldSpan(start, start + len(surface), label))
        cursor = start + 1
    return acc.Document(id=id, text=text, spans=tuple(gold), hard_negative=hard_negative)


def at(text: str, surface: str, occurrence: int = 0) -> tuple[int, int]:
    """The (start, end) of the n-th occurrence of ``surface`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return start, start + len(surface)


# --------------------------------------------------------------------------- building blocks


def test_tokenize_keeps_ascii_alphanumeric_runs_only() -> None:
    text = "Pt Rosa Delgado-Marín, MRN 00412387."
    assert [text[s:e] for s, e in acc.tokenize(text)] == [
        "Pt", "Rosa", "Delgado", "Mar", "n", "MRN", "00412387",
    ]  # fmt: skip


def test_covered_mask_is_the_union_of_intervals_clipped_to_the_text() -> None:
    mask = acc.covered_mask(6, [(1, 3), (2, 4), (5, 99), (-3, 0)])
    assert list(mask) == [0, 1, 1, 1, 0, 1]


def test_split_tokens_cuts_only_inside_tokens() -> None:
    # (0, 3) is cut at 2; cuts at 0, 3 and 7 are token edges or outside tokens.
    assert acc.split_tokens([(0, 3), (4, 6)], [2, 0, 3, 7]) == [(0, 2), (2, 3), (4, 6)]


def test_parse_document_reads_spans_and_hard_negative_flag() -> None:
    record = json.loads(
        '{"id": 7, "text": "Hi Ann", "spans": [{"start": 3, "end": 6, "label": "NAME",'
        ' "text": "Ann", "orig_label": "PER"}], "meta": {"hard_negative": true}}'
    )
    parsed = acc.parse_document(record)
    assert parsed == acc.Document("7", "Hi Ann", (acc.GoldSpan(3, 6, "NAME"),), True)
    assert acc.parse_document({"id": "x", "text": "", "spans": []}).hard_negative is False


# ------------------------------------------------------------- recall, precision, span safety


def test_partly_covered_name_halves_recall_and_is_not_safe() -> None:
    d = doc("Pt John Smith seen today.", ("NAME", "John Smith"))
    scores = acc.score_corpus([d], [[at(d.text, "John")]])
    # Tokens: Pt, John, Smith, seen, today. Gold: John, Smith (2). Covered: John.
    assert scores.gold_tokens == 2
    assert scores.recall == 0.5  # 1 of 2 gold tokens covered
    assert scores.precision == 1.0  # the 1 covered token is gold
    assert scores.span_safety == 0.0  # "Smith" leaks, so the span is not safe
    assert scores.per_label["NAME"] == acc.LabelScores(
        gold_tokens=2, gold_spans=1, recall=0.5, span_safety=0.0
    )


def test_a_partly_covered_token_is_not_covered() -> None:
    d = doc("Pt John Smith seen today.", ("NAME", "John Smith"))
    # "Joh" and "mith": both gold tokens are only partly covered.
    scores = acc.score_corpus([d], [[at(d.text, "Joh"), at(d.text, "mith")]])
    assert scores.recall == 0.0
    assert scores.covered_tokens == 0
    assert scores.precision is None  # nothing covered: precision undefined
    assert scores.span_safety == 0.0


def test_over_redaction_costs_precision_not_recall() -> None:
    d = doc("Pt John Smith seen today.", ("NAME", "John Smith"))
    scores = acc.score_corpus([d], [[at(d.text, "Pt John Smith")]])
    # Covered: Pt, John, Smith (3); gold among them: John, Smith (2).
    assert scores.recall == 1.0
    assert scores.precision == pytest.approx(2 / 3)
    assert scores.span_safety == 1.0


def test_coverage_is_the_union_of_findings_and_labels_are_ignored() -> None:
    d = doc("Pt Rosa Delgado-Marín here", ("NAME", "Rosa Delgado-Marín"))
    # Two abutting/overlapping findings; neither alone covers "Delgado".
    findings = [(3, 12), (10, 21)]  # "Rosa Delg", "lgado-Marín"
    scores = acc.score_corpus([d], [findings])
    # Gold tokens: Rosa, Delgado, Mar, n (the "í" splits "Marín"), all covered.
    assert scores.gold_tokens == 4
    assert scores.recall == 1.0
    assert scores.span_safety == 1.0


def test_span_safety_checks_alphanumerics_only() -> None:
    d = doc("Pt Delgado-Marín here", ("NAME", "Delgado-Marín"))
    # Skipping the hyphen and the "í" leaks nothing: the span is safe.
    safe = [
        at(d.text, "Delgado"),
        at(d.text, "Mar"),
        (d.text.index("n here"), d.text.index(" here")),
    ]
    assert acc.score_corpus([d], [safe]).span_safety == 1.0
    # Stopping before the final "n" leaks one alphanumeric character: not safe,
    # and gold tokens Delgado, Mar covered but n not: recall 2/3.
    unsafe = [at(d.text, "Delgado-Marí")]
    scores = acc.score_corpus([d], [unsafe])
    assert scores.span_safety == 0.0
    assert scores.recall == pytest.approx(2 / 3)


def test_gold_boundary_inside_a_token_splits_it() -> None:
    d = doc("Mrs Kay, 94F, fell.", ("NAME", "Kay"), ("AGE", "94"))
    # Tokens: Mrs, Kay, 94 | F (split at the gold end), fell. Gold: Kay, 94.
    exact = acc.score_corpus([d], [[at(d.text, "Kay"), at(d.text, "94")]])
    assert (exact.recall, exact.precision, exact.span_safety) == (1.0, 1.0, 1.0)
    # Covering "94F" covers the non-gold piece "F" too: covered Kay, 94, F (3),
    # of which gold Kay, 94 (2) -> precision 2/3.
    wide = acc.score_corpus([d], [[at(d.text, "Kay"), at(d.text, "94F")]])
    assert wide.recall == 1.0
    assert wide.precision == pytest.approx(2 / 3)


def test_per_label_recall_and_counts() -> None:
    d = doc(
        "Ann Lee seen 03/04/2024, MRN 123456.",
        ("NAME", "Ann Lee"),
        ("DATE", "03/04/2024"),
        ("MRN", "123456"),
    )
    # Gold tokens: NAME Ann, Lee; DATE 03, 04, 2024; MRN 123456 -> 6.
    # Findings cover Ann Lee and 03/04 (not 2024), nothing of the MRN.
    scores = acc.score_corpus([d], [[at(d.text, "Ann Lee"), at(d.text, "03/04")]])
    assert scores.recall == pytest.approx(4 / 6)
    assert scores.span_safety == pytest.approx(1 / 3)  # only NAME is whole
    assert {label: (ls.gold_tokens, ls.gold_spans, ls.recall, ls.span_safety)
            for label, ls in scores.per_label.items()} == {
        "DATE": (3, 1, pytest.approx(2 / 3), 0.0),
        "MRN": (1, 1, 0.0, 0.0),
        "NAME": (2, 1, 1.0, 1.0),
    }  # fmt: skip


# --------------------------------------------------------------------------- OTHER


def test_other_spans_are_neither_gold_nor_false_positives() -> None:
    d = doc("The Swedish court heard Ann.", ("OTHER", "Swedish"), ("NAME", "Ann"))
    scores = acc.score_corpus([d], [[at(d.text, "Swedish court heard Ann")]])
    # Scored tokens: The, court, heard, Ann ("Swedish" is ignored).
    # Covered scored tokens: court, heard, Ann (3), gold among them: Ann (1).
    assert scores.gold_tokens == 1 and scores.gold_spans == 1
    assert "OTHER" not in scores.per_label
    assert scores.recall == 1.0
    assert scores.precision == pytest.approx(1 / 3)
    # Covering only the OTHER token changes nothing: no covered scored token.
    only_other = acc.score_corpus([d], [[at(d.text, "Swedish")]])
    assert only_other.covered_tokens == 0 and only_other.recall == 0.0


def test_phi_label_wins_over_an_overlapping_other_span() -> None:
    text = "The Swedish Government replied."
    d = acc.Document(
        "d",
        text,
        (
            acc.GoldSpan(*at(text, "Swedish"), "OTHER"),
            acc.GoldSpan(*at(text, "Swedish Government"), "FACILITY"),
        ),
    )
    scores = acc.score_corpus([d], [[]])
    # "Swedish" overlaps both: it is a FACILITY gold token, as is "Government".
    assert scores.per_label["FACILITY"].gold_tokens == 2
    assert scores.recall == 0.0


def test_a_document_with_only_other_spans_is_phi_free() -> None:
    d = doc("Reindeer grazing rights", ("OTHER", "Reindeer"))
    scores = acc.score_corpus([d], [[at(d.text, "Reindeer grazing")]])
    # Scored tokens: grazing, rights; covered: grazing -> 1/2.
    assert scores.phi_free_docs == 1
    assert scores.false_alarm_rate == 0.5


# --------------------------------------------------------------------------- false alarms


def test_false_alarm_rate_on_phi_free_documents_only() -> None:
    clean = doc("Colles versus Smith fracture on lateral view", id="clean")
    phi = doc("Call Ann now", ("NAME", "Ann"), id="phi")
    predictions = [[at(clean.text, "Smith")], [at(phi.text, "Call")]]
    scores = acc.score_corpus([clean, phi], predictions)
    # PHI-free: only "clean", 7 tokens, 1 covered -> 1/7. "Call" in the PHI
    # document hurts precision (0 gold of 2 covered) but not the false-alarm rate.
    assert (scores.phi_free_docs, scores.phi_free_tokens) == (1, 7)
    assert scores.false_alarm_rate == pytest.approx(1 / 7)
    assert scores.false_alarm_docs == 1
    assert scores.precision == 0.0
    assert scores.recall == 0.0


def test_hard_negative_flag_makes_a_document_phi_free() -> None:
    flagged = doc("Ann Lee asks about aspirin", ("NAME", "Ann Lee"), hard_negative=True)
    scores = acc.score_corpus([flagged], [[at(flagged.text, "Ann Lee asks")]])
    # Non-gold tokens: asks, about, aspirin (3); covered: asks -> 1/3.
    assert scores.phi_free_docs == 1
    assert scores.false_alarm_rate == pytest.approx(1 / 3)
    assert scores.recall == 1.0


def test_no_false_alarm_and_no_phi_free_documents() -> None:
    d = doc("No identifiers here", id="n")
    assert acc.score_corpus([d], [[]]).false_alarm_rate == 0.0
    assert acc.score_corpus([d], [[]]).false_alarm_docs == 0
    with_phi = doc("Ann", ("NAME", "Ann"))
    assert acc.score_corpus([with_phi], [[]]).false_alarm_rate is None


# --------------------------------------------------------------------------- corpus and runner


def test_score_corpus_pools_tokens_across_documents() -> None:
    a = doc("Ann Lee", ("NAME", "Ann Lee"), id="a")
    b = doc("Bo", ("NAME", "Bo"), id="b")
    scores = acc.score_corpus([a, b], [[at(a.text, "Ann")], [at(b.text, "Bo")]])
    # Gold tokens 3 (Ann, Lee, Bo), covered 2; spans 2, safe 1 (Bo).
    assert scores.docs == 2
    assert scores.recall == pytest.approx(2 / 3)
    assert scores.span_safety == 0.5


def test_score_corpus_rejects_misaligned_predictions() -> None:
    with pytest.raises(ValueError, match="1 documents but 0 predictions"):
        acc.score_corpus([doc("x")], [])


def test_run_system_counts_errors_and_covers_nothing_for_them() -> None:
    ok = doc("Ann is here", ("NAME", "Ann"), id="ok")
    bad = doc("Bo is here", ("NAME", "Bo"), id="bad")

    def scan(text: str) -> list[tuple[int, int]]:
        if text.startswith("Bo"):
            raise RuntimeError("boom")
        return [(0, 3)]

    run = acc.run_system(scan, [ok, bad])
    assert run.predictions == [[(0, 3)], []]
    assert run.errors == [acc.ScanError("bad", "RuntimeError: boom")]
    result = acc.evaluate(run, [ok, bad], load_seconds=0.0)
    assert result.scores.recall == 0.5  # Ann covered, Bo not
    report = acc.render_markdown({"tiny": {"fake": result}}, {})
    assert "| errors | 1 |" in report
    assert "- `bad`: RuntimeError: boom" in report
    payload = json.loads(acc.render_json({"tiny": {"fake": result}}, {}))
    fake = payload["corpora"]["tiny"]["systems"]["fake"]
    assert fake["errors"]["count"] == 1
    assert fake["per_label"]["NAME"] == {
        "gold_tokens": 2, "gold_spans": 2, "recall": 0.5, "span_safety": 0.5,
    }  # fmt: skip


def test_markdown_report_has_overall_and_per_label_tables() -> None:
    d = doc("Pt John Smith seen today.", ("NAME", "John Smith"))
    run = acc.run_system(lambda text: [at(text, "John")], [d])
    report = acc.render_markdown({"tiny": {"fake": acc.evaluate(run, [d], 1.0)}}, {"x": "1"})
    assert "| token recall | 50.0 % |" in report
    assert "| span safety | 0.0 % |" in report
    assert "| NAME | 2 | 1 | 50.0 % |" in report
    assert "| false-alarm rate (PHI-free docs) | n/a |" in report


def test_unknown_system_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown system"):
        acc.load_system("nope")


@pytest.mark.parametrize(
    ("span", "label"),
    [
        ({"start": 0, "end": 2, "label": "AGE", "text": "45"}, "OTHER"),
        ({"start": 0, "end": 2, "label": "AGE", "text": "89"}, "OTHER"),
        ({"start": 0, "end": 3, "label": "AGE", "text": "92F"}, "AGE"),
        ({"start": 0, "end": 4, "label": "FACILITY", "text": "ECHR", "needs_mask": False}, "OTHER"),
        ({"start": 0, "end": 4, "label": "NAME", "text": "Anna", "needs_mask": True}, "NAME"),
        ({"start": 0, "end": 4, "label": "NAME", "text": "Anna"}, "NAME"),
    ],
)
def test_gold_spans_that_are_not_phi_are_scored_as_other(span: dict[str, Any], label: str) -> None:
    assert acc.gold_label(span) == label
