"""Spark: redact text columns of a DataFrame, one Guard per Python worker process.

>>> from phiguard.spark import redact_columns
>>> clean = redact_columns(notes, ["title", "description"])  # doctest: +SKIP

The redaction runs in a pandas UDF: each executor's Python worker builds its
Guard once, on the first batch it sees, and keeps it for every later batch
and task (Spark reuses its Python workers), so the NER model loads once per
worker, not once per row or per task. Each Arrow batch goes through
:meth:`Guard.redact_many`. Nulls stay null. Any failure in a row (a blocked
label, a detection error) raises in the worker and fails the Spark job: no
row is ever passed through unredacted. Importing this module imports
pyspark and pandas; ``import phiguard`` does not.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from typing import NamedTuple

import pandas as pd
from pyspark.sql import Column, DataFrame
from pyspark.sql.pandas.functions import pandas_udf
from pyspark.sql.types import StringType

from phiguard.errors import ConfigError, InputError
from phiguard.guard import Guard
from phiguard.policy import PROFILES, Policy, load_config

__all__ = ["redact_column", "redact_columns", "redact_udf"]


class _Spec(NamedTuple):
    """What a worker needs to build its Guard; travels inside the UDF."""

    profile: str
    policy: Policy | None
    config: str | None


# One Guard per spec per worker process. A Policy holds mappings and does
# not hash, so this is a short list searched by equality, not a dict.
_guards: list[tuple[_Spec, Guard]] = []
_guards_lock = threading.Lock()


def _guard(spec: _Spec) -> Guard:
    """This process's Guard for ``spec``, built on first use."""
    with _guards_lock:
        for known, guard in _guards:
            if known == spec:
                return guard
        if spec.config is not None:
            guard = Guard.from_config(spec.config)
        else:
            guard = Guard(spec.profile, policy=spec.policy)
        _guards.append((spec, guard))
        return guard


def _redact_series(texts: pd.Series, spec: _Spec, batch_size: int) -> pd.Series:
    """The redacted texts of one Arrow batch; nulls stay null, errors raise."""
    present = texts.notna()
    redactions = _guard(spec).redact_many(texts[present].tolist(), batch_size=batch_size)
    out = pd.Series(None, index=texts.index, dtype=object)
    out[present] = [r.text for r in redactions]
    return out


def redact_udf(
    *,
    profile: str = "default",
    policy: Policy | None = None,
    config: str | os.PathLike[str] | None = None,
    batch_size: int = 64,
) -> Callable[[Column | str], Column]:
    """A pandas UDF (string → string) that redacts each text; see :func:`redact_columns`.

    Use it where a column expression is wanted, e.g.
    ``df.select(redact_udf()("note"))`` or ``spark.udf.register("redact", redact_udf())``.
    Raises :class:`ConfigError` for a bad option, on the driver.
    """
    spec = _spec(profile, policy, config)
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ConfigError("batch_size: expected a whole number of at least 1")

    def redact(texts: pd.Series) -> pd.Series:
        return _redact_series(texts, spec, batch_size)

    # pyspark's stubs know only the deprecated ``functionType=`` form, not
    # the type-hinted one it recommends.
    udf: Callable[[Column | str], Column] = pandas_udf(redact, StringType())  # type: ignore[call-overload]
    return udf


def redact_columns(
    df: DataFrame,
    columns: Sequence[str],
    *,
    profile: str = "default",
    policy: Policy | None = None,
    config: str | os.PathLike[str] | None = None,
    batch_size: int = 64,
) -> DataFrame:
    """Return ``df`` with each of the string ``columns`` redacted in place.

    The other columns and the column order are untouched; nulls stay null.
    ``profile`` and ``policy`` are as for :class:`~phiguard.Guard`; or
    ``config`` names a TOML config file (:meth:`Guard.from_config`) that the
    driver and every executor can read. ``batch_size`` is passed on to
    :meth:`Guard.redact_many`. The work is lazy, as in Spark: a row that
    fails (a ``block`` label, :class:`~phiguard.PHIBlocked`; a detection
    error) fails the action that runs it.

    Raises :class:`ConfigError` for an unknown column or a bad option and
    :class:`InputError` for a column that is not a string column, on the
    driver, before any job runs.
    """
    if isinstance(columns, str):
        raise ConfigError("columns: expected a list of column names, got a str")
    redact = redact_udf(profile=profile, policy=policy, config=config, batch_size=batch_size)
    return _with_redacted(df, {name: name for name in columns}, redact)


def redact_column(
    df: DataFrame,
    column: str,
    *,
    output: str | None = None,
    profile: str = "default",
    policy: Policy | None = None,
    config: str | os.PathLike[str] | None = None,
    batch_size: int = 64,
) -> DataFrame:
    """Return ``df`` with ``column`` redacted: in place, or into ``output``.

    Redacting in place (the default) leaves no unredacted copy in the result;
    with ``output`` the original column stays beside the redacted one. The
    options and errors are those of :func:`redact_columns`.
    """
    redact = redact_udf(profile=profile, policy=policy, config=config, batch_size=batch_size)
    return _with_redacted(df, {output or column: column}, redact)


def _with_redacted(
    df: DataFrame, targets: dict[str, str], redact: Callable[[Column], Column]
) -> DataFrame:
    """``df`` with each target column set to its source column, redacted."""
    if not isinstance(df, DataFrame):
        raise InputError(f"expected a pyspark DataFrame, got {type(df).__name__}")
    for name in targets.values():
        if not isinstance(name, str) or name not in df.columns:
            raise ConfigError(f"column {name!r}: not in the DataFrame")
        kind = df.schema[name].dataType
        if not isinstance(kind, StringType):
            raise InputError(
                f"column {name!r}: expected a string column, got {kind.simpleString()}"
            )
    return df.withColumns({target: redact(df[source]) for target, source in targets.items()})


def _spec(profile: str, policy: Policy | None, config: str | os.PathLike[str] | None) -> _Spec:
    """The checked options; a config file is read once here so a bad one fails early."""
    if profile not in PROFILES:
        raise ConfigError(f"profile: expected one of {', '.join(PROFILES)}")
    if policy is not None and not isinstance(policy, Policy):
        raise ConfigError("policy: expected a phiguard.Policy")
    if config is None:
        return _Spec(profile, policy, None)
    if policy is not None or profile != "default":
        raise ConfigError("config: give a config file or a profile and policy, not both")
    path = os.path.abspath(os.fspath(config))
    load_config(path)
    return _Spec(profile, None, path)
