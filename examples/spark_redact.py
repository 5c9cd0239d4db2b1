"""Redact named text columns of a CSV, Parquet or JSON-lines file with Spark.

Run it with spark-submit (``pip install "phiguard[spark]"`` on the driver and
on every executor)::

    spark-submit --master local[2] examples/spark_redact.py \\
        notes.jsonl redacted.parquet --columns title description [--profile fast]
        [--config phiguard.toml]

The input's format comes from its name (``.csv`` with a header row,
``.parquet``, ``.json`` or ``.jsonl``), and so does the output's (a Parquet
or JSON-lines directory, as Spark writes them). The columns are redacted in
place: the output holds no unredacted copy of them. A row that fails (a label
the policy blocks, a detection error) fails the job, and Spark writes no
``_SUCCESS`` marker; the script then exits non-zero.
"""

from __future__ import annotations

import argparse
import time

from pyspark.sql import DataFrame, SparkSession

from phiguard.spark import redact_columns

READERS = {".csv": "csv", ".parquet": "parquet", ".json": "json", ".jsonl": "json"}


def _format(path: str) -> str:
    for ending, name in READERS.items():
        if path.endswith(ending):
            return name
    raise SystemExit(f"{path}: expected a name ending in {', '.join(READERS)}")


def _read(spark: SparkSession, path: str) -> DataFrame:
    kind = _format(path)
    if kind == "csv":
        return spark.read.csv(path, header=True, multiLine=True, escape='"')
    return spark.read.format(kind).load(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="a .csv, .parquet, .json or .jsonl file")
    parser.add_argument("output", help="a .parquet or .jsonl directory to write")
    parser.add_argument("--columns", nargs="+", required=True, help="the text columns to redact")
    parser.add_argument("--profile", default="default", choices=["default", "fast"])
    parser.add_argument("--config", help="a phiguard TOML config every executor can read")
    args = parser.parse_args()
    out_kind = _format(args.output)
    if out_kind == "csv":
        raise SystemExit("write Parquet or JSON lines: CSV loses nulls")

    spark = SparkSession.builder.appName("phiguard-redact").getOrCreate()
    started = time.perf_counter()
    notes = _read(spark, args.input)
    options = {"config": args.config} if args.config else {"profile": args.profile}
    redacted = redact_columns(notes, args.columns, **options)
    redacted.write.mode("errorifexists").format(out_kind).save(args.output)
    seconds = time.perf_counter() - started
    rows = spark.read.format(out_kind).load(args.output).count()
    print(f"redacted {', '.join(args.columns)} in {rows} rows in {seconds:.1f} s -> {args.output}")
    spark.stop()


if __name__ == "__main__":
    main()
