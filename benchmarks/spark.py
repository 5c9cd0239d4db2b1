"""Throughput and worker memory of phiguard.spark in a local Spark session.

Usage (from the repository root; needs ``pip install -e ".[spark]"``)::

    python benchmarks/spark.py [--profile default|fast] [--copies N] [--repeats N]
                               [--cores N] [--json PATH]

The rows are every text of ``asq_phi.dev``, ``radiology_chat.dev`` and
``presidio_synth`` in ``../shared/corpora``, repeated ``--copies`` times, in
four partitions of a cached DataFrame. One job is
``redact_columns(df, ["text"])`` written to Spark's ``noop`` sink (every row
is redacted, nothing is stored). The first job is timed on its own (cold:
Python workers start and build their Guard); then ``--repeats`` warm jobs,
reported as median, min and max. The in-process baseline is
``Guard(profile).redact_many`` over the same texts in this process, timed the
same way, so the ratio is taken within one run. Worker memory is read after
the jobs from each Python worker's ``/proc/self/status`` (``VmRSS``, and the
peak, ``VmHWM``), through a UDF run on every partition. A markdown summary goes
to stdout; ``--json PATH`` writes every number.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import statistics
import sys
import time
from collections.abc import Callable

import pandas as pd

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's phiguard, ahead of any installed copy
CORPUS = ROOT.parent / "shared" / "corpora"
FILES = ("asq_phi.dev.jsonl", "radiology_chat.dev.jsonl", "presidio_synth.jsonl")


def _texts(copies: int) -> list[str]:
    texts = []
    for name in FILES:
        with (CORPUS / name).open(encoding="utf-8") as lines:
            texts += [json.loads(line)["text"] for line in lines]
    return texts * copies


def _timed(run: Callable[[], object], repeats: int) -> list[float]:
    seconds = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        seconds.append(time.perf_counter() - started)
    return seconds


def _summary(seconds: list[float], rows: int, chars: int) -> dict[str, float]:
    median = statistics.median(seconds)
    return {
        "median_s": median,
        "min_s": min(seconds),
        "max_s": max(seconds),
        "rows_per_s": rows / median,
        "chars_per_s": chars / median,
    }


def _worker_memory(df: object) -> list[dict[str, int]]:
    """Each Python worker's pid, RSS and peak RSS (MB) and number of Guards."""
    from pyspark.sql.pandas.functions import pandas_udf

    @pandas_udf("string")  # type: ignore[call-overload,untyped-decorator]
    def memory(ids: pd.Series) -> pd.Series:
        from phiguard import spark as module

        status = pathlib.Path("/proc/self/status").read_text().splitlines()
        kb = {line.split(":")[0]: int(line.split()[1]) for line in status if "kB" in line}
        report = {
            "pid": os.getpid(),
            "rss_mb": kb["VmRSS"] // 1024,
            "peak_mb": kb["VmHWM"] // 1024,
            "guards": len(module._guards),
        }
        return pd.Series([json.dumps(report)] * len(ids))

    rows = df.select(memory("id")).distinct().collect()  # type: ignore[attr-defined]
    reports = {r["pid"]: r for r in (json.loads(row[0]) for row in rows)}
    return sorted(reports.values(), key=lambda r: r["pid"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="default", choices=["default", "fast"])
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--cores", type=int, default=2)
    parser.add_argument("--json", type=pathlib.Path)
    args = parser.parse_args()

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    from pyspark.sql import SparkSession

    import phiguard
    from phiguard.spark import redact_columns

    texts = _texts(args.copies)
    rows, chars = len(texts), sum(map(len, texts))
    spark = (
        SparkSession.builder.master(f"local[{args.cores}]")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    df = spark.createDataFrame(list(enumerate(texts)), "id INT, text STRING").repartition(4)
    df.cache().count()

    def job() -> None:
        redacted = redact_columns(df, ["text"], profile=args.profile)
        redacted.write.format("noop").mode("overwrite").save()

    cold = _timed(job, 1)[0]
    warm = _timed(job, args.repeats)
    workers = _worker_memory(df)
    spark.stop()

    guard = phiguard.Guard(args.profile)
    guard.redact_many(texts[:200])  # warm-up
    local = _timed(lambda: guard.redact_many(texts), args.repeats)

    spark_warm, in_process = _summary(warm, rows, chars), _summary(local, rows, chars)
    result = {
        "profile": args.profile,
        "cores": args.cores,
        "os_cpu_count": os.cpu_count(),
        "rows": rows,
        "chars": chars,
        "spark_cold_s": cold,
        "spark_warm": spark_warm,
        "in_process": in_process,
        "workers": workers,
    }
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"profile {args.profile}, local[{args.cores}], {rows} rows, {chars} chars")
    print("| run | median s | min–max s | rows/s | chars/s |")
    print("|---|---|---|---|---|")
    for name, summary in (("spark (warm)", spark_warm), ("in-process", in_process)):
        print(
            f"| {name} | {summary['median_s']:.2f} | {summary['min_s']:.2f}–"
            f"{summary['max_s']:.2f} | {summary['rows_per_s']:,.0f} | "
            f"{summary['chars_per_s']:,.0f} |"
        )
    print(f"cold first job: {cold:.1f} s")
    for worker in workers:
        print(
            f"worker {worker['pid']}: RSS {worker['rss_mb']} MB, peak {worker['peak_mb']} MB, "
            f"{worker['guards']} Guard(s)"
        )


if __name__ == "__main__":
    main()
