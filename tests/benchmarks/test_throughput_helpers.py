"""The pure helpers of benchmarks/throughput.py: percentiles, prompt building, ratios.

Every expected number is worked out by hand in the comments. Nothing is timed
and no spaCy, Presidio or phiguard engine is built.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _load(name: str, filename: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / filename)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


tp = _load("benchmarks_throughput", "throughput.py")

WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"]
POOL = [
    "alpha beta gamma delta",
    "epsilon zeta\neta theta iota",
    "kappa alpha   beta",
    "gamma",
]
LONGEST_WORD = max(map(len, WORDS))


# --------------------------------------------------------------------------- percentiles


def test_percentile_interpolates_linearly_between_ranks() -> None:
    values = [15, 20, 35, 40, 50]
    assert tp.percentile(values, 50) == 35  # rank 0.5 * 4 = 2
    assert tp.percentile(values, 40) == pytest.approx(29)  # rank 1.6: 20 + 0.6 * (35 - 20)
    assert tp.percentile(values, 95) == pytest.approx(48)  # rank 3.8: 40 + 0.8 * (50 - 40)
    assert tp.percentile(values, 0) == 15
    assert tp.percentile(values, 100) == 50


def test_percentile_sorts_its_input() -> None:
    assert tp.percentile([50, 15, 40, 20, 35], 40) == pytest.approx(29)


def test_percentile_of_an_even_count_median_is_the_midpoint() -> None:
    assert tp.percentile([4, 1, 3, 2], 50) == 2.5  # rank 1.5: 2 + 0.5 * (3 - 2)


def test_percentile_tails_of_one_to_ten() -> None:
    values = list(range(1, 11))
    assert tp.percentile(values, 95) == pytest.approx(9.55)  # rank 8.55: 9 + 0.55
    assert tp.percentile(values, 99) == pytest.approx(9.91)  # rank 8.91: 9 + 0.91


def test_percentile_of_one_value_is_that_value() -> None:
    assert [tp.percentile([7.5], p) for p in (0, 50, 99, 100)] == [7.5] * 4


def test_percentile_rejects_no_values_and_bad_percentages() -> None:
    with pytest.raises(ValueError):
        tp.percentile([], 50)
    with pytest.raises(ValueError):
        tp.percentile([1, 2], 101)
    with pytest.raises(ValueError):
        tp.percentile([1, 2], -1)


# --------------------------------------------------------------------------- prompts


@pytest.mark.parametrize(
    ("limit", "expected"),
    [
        (16, "alpha beta gamma"),  # the whole text
        (40, "alpha beta gamma"),
        (12, "alpha beta"),  # "g" of gamma would be cut: back to the space before it
        (11, "alpha beta"),  # ends on the space: stripped
        (10, "alpha beta"),  # the character after the cut is a space
        (9, "alpha"),
        (5, "alpha"),
        (3, "alp"),  # no whitespace before the limit: a hard cut, not an empty prompt
        (0, ""),
    ],
)
def test_truncate_at_whitespace(limit: int, expected: str) -> None:
    assert tp.truncate_at_whitespace("alpha beta gamma", limit) == expected


def test_truncate_at_whitespace_cuts_at_newlines_and_strips_them() -> None:
    # "one\n\ntwo three": index 6 is the "w" of two, so the cut goes back to the
    # blank line, which is stripped.
    assert tp.truncate_at_whitespace("one\n\ntwo three", 6) == "one"
    assert tp.truncate_at_whitespace("one\n\ntwo three", 8) == "one\n\ntwo"


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("target", [20, 100, 500, 2_000, 10_000])
def test_build_prompt_hits_the_target_length_and_cuts_between_words(target: int, seed: int) -> None:
    prompt = tp.build_prompt(POOL, target, random.Random(seed))
    assert len(prompt) <= target
    # Short by at most the word the cut fell in plus the whitespace before it
    # (at most three characters in POOL).
    assert len(prompt) >= target - LONGEST_WORD - 3
    assert prompt == prompt.strip()
    assert set(prompt.split()) <= set(WORDS)  # no word was cut in half


def test_build_prompt_shorter_than_the_first_word_is_a_hard_cut() -> None:
    assert tp.build_prompt(["epsilon zeta"], 3, random.Random(0)) == "eps"


def test_build_prompt_joins_documents_with_blank_lines() -> None:
    prompt = tp.build_prompt(["aa bb", "cc dd"], 50, random.Random(0))
    assert prompt.count("\n\n") >= 1
    assert {piece.strip() for piece in prompt.split("\n\n")[:-1]} <= {"aa bb", "cc dd"}


def test_build_prompt_skips_blank_documents_and_rejects_an_empty_pool() -> None:
    prompt = tp.build_prompt(["", "   ", "word"], 30, random.Random(0))
    assert set(prompt.split()) == {"word"}
    with pytest.raises(ValueError):
        tp.build_prompt(["", "  "], 30, random.Random(0))


def test_build_prompt_is_deterministic_given_the_generator_seed() -> None:
    first = tp.build_prompt(POOL, 300, random.Random(42))
    assert tp.build_prompt(POOL, 300, random.Random(42)) == first
    assert tp.build_prompt(POOL, 300, random.Random(43)) != first


def test_build_prompts_counts_and_determinism() -> None:
    prompts = tp.build_prompts(POOL, (100, 500, 10_000), 12, seed=7)
    assert {size: len(texts) for size, texts in prompts.items()} == {100: 12, 500: 12, 10_000: 5}
    assert tp.build_prompts(POOL, (100, 500, 10_000), 12, seed=7) == prompts
    assert tp.build_prompts(POOL, (100, 500, 10_000), 12, seed=8) != prompts
    # Each size has its own generator: dropping a bucket leaves the others alone.
    assert tp.build_prompts(POOL, (500,), 12, seed=7)[500] == prompts[500]
    assert all(len(text) <= size for size, texts in prompts.items() for text in texts)


@pytest.mark.parametrize(
    ("size", "per_size", "expected"),
    [(100, 40, 40), (2_000, 8, 8), (10_000, 40, 10), (10_000, 8, 5), (10_000, 3, 3)],
)
def test_prompts_per_size(size: int, per_size: int, expected: int) -> None:
    # max(5, 40 // 4) = 10; max(5, 8 // 4) = 5; never more than asked for.
    assert tp.prompts_per_size(size, per_size) == expected


def test_sample_texts_keeps_corpus_order_and_is_deterministic() -> None:
    texts = [f"doc {i}" for i in range(50)]
    sample = tp.sample_texts(texts, 10, random.Random(1))
    assert len(sample) == len(set(sample)) == 10
    assert sample == sorted(sample, key=texts.index)
    assert tp.sample_texts(texts, 10, random.Random(1)) == sample
    assert tp.sample_texts(texts, 80, random.Random(1)) == texts


def test_rotated() -> None:
    assert tp.rotated(["a", "b", "c"], 0) == ["a", "b", "c"]
    assert tp.rotated(["a", "b", "c"], 1) == ["b", "c", "a"]
    assert tp.rotated(["a", "b", "c"], 5) == ["c", "a", "b"]
    assert tp.rotated([], 2) == []


# --------------------------------------------------------------------------- summaries


def test_summarize_latency() -> None:
    summary = tp.summarize_latency([3_000_000, 1_000_000, 4_000_000, 2_000_000], [100, 300] * 2)
    assert summary.prompts == 4
    assert summary.chars == 800
    assert summary.mean_chars == 200
    assert summary.p50_ms == pytest.approx(2.5)  # ms 1, 2, 3, 4: rank 1.5
    assert summary.p95_ms == pytest.approx(3.85)  # rank 2.85: 3 + 0.85
    assert summary.p99_ms == pytest.approx(3.97)  # rank 2.97
    assert summary.mean_ms == pytest.approx(2.5)
    assert summary.chars_per_second == pytest.approx(80_000)  # 800 chars in 10 ms


def test_summarize_latency_rejects_mismatched_or_empty_samples() -> None:
    with pytest.raises(ValueError):
        tp.summarize_latency([], [])
    with pytest.raises(ValueError):
        tp.summarize_latency([1, 2], [10])


def test_speedup_is_baseline_over_candidate() -> None:
    assert tp.speedup(30.0, 10.0) == pytest.approx(3.0)  # 3x faster than the baseline
    assert tp.speedup(5.0, 10.0) == pytest.approx(0.5)
    assert tp.speedup(None, 1.0) is None
    assert tp.speedup(1.0, None) is None
    assert tp.speedup(1.0, 0.0) is None


def test_p50_speedups_compare_each_profile_with_presidio() -> None:
    def summary(p50_ms: float) -> object:
        return tp.LatencySummary(1, 10, 10.0, p50_ms, p50_ms, p50_ms, p50_ms, 1.0)

    speedups = tp.p50_speedups(
        {"phiguard-default": summary(4.0), "phiguard-fast": summary(0.5), "presidio": summary(20.0)}
    )
    assert speedups == {"phiguard-default": pytest.approx(5.0), "phiguard-fast": pytest.approx(40)}
    assert tp.p50_speedups({"phiguard-default": summary(4.0), "presidio": None}) == {
        "phiguard-default": None,
        "phiguard-fast": None,
    }


def test_chars_per_second() -> None:
    assert tp.chars_per_second(5_000, 0.5) == pytest.approx(10_000)
    assert tp.chars_per_second(5_000, 0.0) is None


def test_scaling_ratio_of_largest_to_smallest_size() -> None:
    # t(1 MB) / (1000 * t(1 KB)) = 3.0 / (1000 * 0.002) = 1.5
    assert tp.scaling_ratio({1: 0.002, 10: 0.02, 100: 0.2, 1000: 3.0}) == (1000, pytest.approx(1.5))
    # Without the 1 MB document, the largest measured size: 0.3 / (100 * 0.002) = 1.5
    assert tp.scaling_ratio({10: 0.02, 1: 0.002, 100: 0.3}) == (100, pytest.approx(1.5))
    assert tp.scaling_ratio({1: 0.002}) is None
    assert tp.scaling_ratio({1: 0.0, 10: 0.1}) is None


def test_scaling_runs_shrink_with_size() -> None:
    runs = [tp.scaling_runs(kb) for kb in (1, 10, 100, 1000)]
    assert runs == sorted(runs, reverse=True)
    assert runs[0] >= 5 and runs[-1] >= 1


def test_batch_report_takes_the_median_round() -> None:
    report = tp.batch_report(
        {"phiguard-fast": [0.3, 0.1, 0.2], "presidio": [2.0, 1.0, 5.0]}, chars=1_000, docs=10
    )
    fast, presidio = report["systems"]["phiguard-fast"], report["systems"]["presidio"]
    assert fast["median_seconds"] == pytest.approx(0.2)
    assert fast["chars_per_second"] == pytest.approx(5_000)
    assert fast["speedup_vs_presidio"] == pytest.approx(10.0)  # 2.0 / 0.2
    assert presidio["speedup_vs_presidio"] is None


# --------------------------------------------------------------------------- machine and settings


def test_parse_cpu_model_and_vm_hwm() -> None:
    cpuinfo = "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\nflags\t: x\n"
    assert tp.parse_cpu_model(cpuinfo) == "AMD EPYC 7B13"
    assert tp.parse_cpu_model("processor : 0\n") is None
    assert tp.parse_vm_hwm_kb("VmPeak:\t  200 kB\nVmHWM:\t   12345 kB\nVmRSS: 1 kB\n") == 12345
    assert tp.parse_vm_hwm_kb("Name: python\n") is None


def test_quick_settings_shrink_every_section_and_explicit_options_win() -> None:
    full = tp.resolve_settings(tp.parse_args([]))
    quick = tp.resolve_settings(tp.parse_args(["--quick", "--docs", "7"]))
    assert full.sizes == (100, 500, 2_000, 10_000) and full.max_scale_kb == 1_000
    assert (full.docs, full.per_size, full.batch_docs) == (150, 40, None)
    assert max(quick.sizes) == 2_000 and quick.max_scale_kb == 100
    assert quick.docs == 7


def test_presidio_uses_the_accuracy_benchmarks_spacy_model() -> None:
    accuracy = _load("benchmarks_accuracy", "accuracy.py")
    assert tp.PRESIDIO_SPACY_MODEL == accuracy.PRESIDIO_SPACY_MODEL
