"""phiguard.spark: a local Spark job redacts what Guard.redact_many redacts, row for row."""

from __future__ import annotations

import json
import pathlib
import sys
from collections.abc import Iterator

import pandas as pd
import pytest
from pyspark.errors import PythonException
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql.pandas.functions import pandas_udf

import phiguard
from phiguard.spark import _spec, redact_column, redact_columns, redact_udf

CORPUS = pathlib.Path(__file__).resolve().parents[2] / "shared" / "corpora"
SCHEMA = "id INT, title STRING, text STRING, score DOUBLE"
SSN_ROW = "Pt Rosa Delgado, SSN 123-45-6789, CT A/P from 3/4/24."


def _texts() -> list[str]:
    texts = []
    for name in ("radiology_chat.dev.jsonl", "asq_phi.dev.jsonl", "presidio_synth.jsonl"):
        path = CORPUS / name
        if path.exists():
            with path.open(encoding="utf-8") as lines:
                texts += [json.loads(line)["text"] for line in lines]
    # the shared corpora sit beside the repository in CI; fall back to prompts
    return texts or [
        f"Pt Rosa Delgado {n}, MRN 0041{n:04d}, seen 3/{n % 28 + 1}/24" for n in range(2000)
    ]


TEXTS = _texts()


def _rows(texts: list[str]) -> list[tuple[int, str | None, str | None, float]]:
    """Rows with a title (another row's opening), the text; nulls and empty texts among them."""
    return [
        (
            n,
            None if n % 41 == 0 else texts[(n + 1) % len(texts)][:60],
            None if n % 97 == 0 else "" if n % 89 == 0 else text,
            n / 7,
        )
        for n, text in enumerate(texts)
    ]


def _expected(guard: phiguard.Guard, values: list[str | None]) -> list[str | None]:
    """``guard.redact_many`` of the non-null values, nulls where they were."""
    redacted = iter(guard.redact_many([v for v in values if v is not None]))
    return [None if v is None else next(redacted).text for v in values]


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    with pytest.MonkeyPatch.context() as env:
        # workers run this interpreter (and inherit PYTHONPATH); nothing
        # listens beyond the loopback interface
        env.setenv("PYSPARK_PYTHON", sys.executable)
        env.setenv("SPARK_LOCAL_IP", "127.0.0.1")
        session = (
            SparkSession.builder.master("local[2]")
            .appName("phiguard-tests")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "2")
            # several Arrow batches per partition: the Guard must outlive a batch
            .config("spark.sql.execution.arrow.maxRecordsPerBatch", "300")
            .getOrCreate()
        )
        session.sparkContext.setLogLevel("ERROR")
        yield session
        session.stop()


@pytest.fixture(scope="module")
def notes(spark: SparkSession) -> DataFrame:
    return spark.createDataFrame(_rows(TEXTS), SCHEMA).repartition(4, "id")


def _collect(df: DataFrame) -> list[tuple[object, ...]]:
    return sorted((tuple(row) for row in df.collect()), key=lambda row: row[0])


def test_the_executors_run_this_checkouts_phiguard(spark: SparkSession) -> None:
    @pandas_udf("string")  # type: ignore[call-overload,untyped-decorator]
    def where(texts: pd.Series) -> pd.Series:
        import phiguard

        return pd.Series([phiguard.__file__] * len(texts))

    rows = spark.createDataFrame([("x",)], "t STRING").select(where("t")).collect()
    assert [row[0] for row in rows] == [phiguard.__file__]


def test_redact_columns_equals_redact_many_row_for_row(
    spark: SparkSession, notes: DataFrame, guard: phiguard.Guard
) -> None:
    rows = _rows(TEXTS)
    redacted = redact_columns(notes, ["title", "text"])
    assert redacted.columns == ["id", "title", "text", "score"]
    out = _collect(redacted)
    assert [row[0] for row in out] == [row[0] for row in rows]
    assert [row[3] for row in out] == [row[3] for row in rows]
    assert [row[1] for row in out] == _expected(guard, [row[1] for row in rows])
    assert [row[2] for row in out] == _expected(guard, [row[2] for row in rows])
    # the texts do hold PHI, and nulls stayed null
    assert sum(o[2] != r[2] for o, r in zip(out, rows)) > len(rows) // 2
    assert sum(row[2] is None for row in out) == len(range(0, len(rows), 97))


def test_each_worker_keeps_one_guard_across_jobs(spark: SparkSession, notes: DataFrame) -> None:
    redact_column(notes, "text").count()  # a second job with the same options
    wanted = _spec("default", None, None)

    @pandas_udf("int")  # type: ignore[call-overload,untyped-decorator]
    def guards(ids: pd.Series) -> pd.Series:
        from phiguard import spark as module

        return pd.Series([sum(spec == wanted for spec, _ in module._guards)] * len(ids))

    counts = {row[0] for row in notes.select(guards("id")).collect()}
    # the Guard lives in the workers' imported module, built once per worker:
    # not pickled with the UDF, not built again per job, task or batch
    assert 1 in counts
    assert counts <= {0, 1}


def test_a_policy_and_an_output_column(spark: SparkSession) -> None:
    texts = TEXTS[:150]
    policy = phiguard.Policy(operators={"NAME": "mask", "SSN": "hash"}, hash_key=b"k" * 32)
    df = spark.createDataFrame(_rows(texts), SCHEMA)
    out = _collect(redact_column(df, "text", output="clean", profile="fast", policy=policy))
    originals = [row[2] for row in _rows(texts)]
    assert [row[2] for row in out] == originals
    expected = _expected(phiguard.Guard("fast", policy=policy), originals)
    assert [row[4] for row in out] == expected
    assert expected != _expected(phiguard.Guard("fast"), originals)


def test_a_config_file(spark: SparkSession, tmp_path: pathlib.Path) -> None:
    config = tmp_path / "phiguard.toml"
    config.write_text(
        'profile = "fast"\n[operators]\nDATE = "mask"\n[deny.ID]\nwords = ["CT"]\n',
        encoding="utf-8",
    )
    texts = [*TEXTS[:100], SSN_ROW]
    df = spark.createDataFrame([(t,) for t in texts], "text STRING")
    out = [row[0] for row in df.select(redact_udf(config=config)("text")).collect()]
    expected = _expected(phiguard.Guard.from_config(config), list(texts))
    assert out == expected
    assert "[ID] A/P" in str(expected[-1])


def test_a_blocked_row_fails_the_job_without_its_phi(
    spark: SparkSession, fast_guard: phiguard.Guard
) -> None:
    policy = phiguard.Policy(operators={"SSN": "block"})
    # only SSN_ROW is blocked
    clean = [t for t in TEXTS[:200] if all(f.label != "SSN" for f in fast_guard.scan(t))][:100]
    texts = [*clean[:50], SSN_ROW, *clean[50:]]
    df = spark.createDataFrame([(t,) for t in texts], "text STRING")
    redacted = redact_columns(df, ["text"], profile="fast", policy=policy)
    with pytest.raises(PythonException) as failure:
        redacted.collect()
    message = str(failure.value)
    assert "PHIBlocked" in message
    assert "SSN" in message
    for value in ("123-45-6789", "Rosa", "Delgado", "3/4/24"):
        assert value not in message


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda df: redact_columns(df, ["missing"]), phiguard.ConfigError, "'missing'"),
        (lambda df: redact_columns(df, "text"), phiguard.ConfigError, "got a str"),
        (lambda df: redact_column(df, "id"), phiguard.InputError, "'id': expected a string"),
        (lambda df: redact_column(df.toPandas(), "text"), phiguard.InputError, "DataFrame"),
        (lambda df: redact_column(df, "text", profile="quick"), phiguard.ConfigError, "profile"),
        (
            lambda df: redact_column(df, "text", policy={}),  # type: ignore[arg-type]
            phiguard.ConfigError,
            "policy",
        ),
        (lambda df: redact_column(df, "text", batch_size=0), phiguard.ConfigError, "batch_size"),
        (
            lambda df: redact_column(df, "text", config="nowhere.toml"),
            phiguard.ConfigError,
            "no such file",
        ),
        (
            lambda df: redact_column(df, "text", config="x.toml", policy=phiguard.Policy()),
            phiguard.ConfigError,
            "not both",
        ),
    ],
)
def test_bad_options_fail_on_the_driver(
    spark: SparkSession, call: object, error: type[Exception], message: str
) -> None:
    df = spark.createDataFrame([(1, "MRN 00412387")], "id INT, text STRING")
    with pytest.raises(error, match=message):
        call(df)  # type: ignore[operator]
