"""Policy: what counts as PHI for a guard, how sure it must be, what it becomes.

A :class:`Policy` is frozen and checked when it is made: a bad value raises
:class:`~phiguard.ConfigError` naming the key (``operators.SSN: unknown
operator 'blok'``). :meth:`Policy.preset` gives the two documented presets;
:func:`load_config` reads a TOML file into a profile and a policy.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType
from typing import Any, NamedTuple

from phiguard.errors import ConfigError
from phiguard.findings import LABELS

__all__ = [
    "LABEL_OPERATORS",
    "OPERATORS",
    "PRESETS",
    "PROFILES",
    "Config",
    "Policy",
    "load_config",
]

#: Detection profiles: ``default`` (all tiers) and ``fast`` (no NER model).
PROFILES = ("default", "fast")
#: What a finding may become (see :mod:`phiguard.transform.operators`).
OPERATORS = (
    "placeholder",
    "mask",
    "hash",
    "surrogate",
    "date_shift",
    "age90",
    "zip3",
    "block",
)
#: Operators that apply to one label only.
LABEL_OPERATORS = {"age90": "AGE", "zip3": "ADDRESS", "date_shift": "DATE"}
#: The documented presets.
PRESETS = ("default", "strict")


@dataclass(frozen=True, slots=True)
class Policy:
    """Which labels to redact, the score each must reach, and what each becomes.

    - ``threshold`` is the one knob that trades recall for precision; a
      ``thresholds`` entry overrides it for one label.
    - ``operators`` maps a label to an operator (``placeholder`` by default;
      ``block`` refuses any text with that label: the Guard raises
      :class:`~phiguard.PHIBlocked`).
    - ``hash_key`` is the secret of the ``hash`` operator; it is never shown.
    - ``allow``: words never redacted (any case); ``allow_patterns``: regular
      expressions whose full matches are never redacted.
    - ``deny``: per label, words always redacted (whole words, any case);
      ``deny_patterns``: per label, regular expressions always redacted.
    """

    threshold: float = 0.5
    thresholds: Mapping[str, float] = field(default_factory=dict)
    labels: frozenset[str] = frozenset(LABELS)
    operators: Mapping[str, str] = field(default_factory=dict)
    hash_key: bytes | None = field(default=None, repr=False)
    allow: frozenset[str] = frozenset()
    allow_patterns: tuple[str, ...] = ()
    deny: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    deny_patterns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        _check_score("threshold", self.threshold)
        for label, value in self.thresholds.items():
            _check_label(f"thresholds.{label}", label)
            _check_score(f"thresholds.{label}", value)
        for label in self.labels:
            _check_label("labels", label)
        for label, operator in self.operators.items():
            _check_label(f"operators.{label}", label)
            _check_operator(f"operators.{label}", label, operator)
        if self.uses("hash") and not self.hash_key:
            raise ConfigError("hash.key: the hash operator needs a key")
        if self.hash_key is not None and not isinstance(self.hash_key, bytes):
            raise ConfigError("hash.key: expected bytes")
        allow = _strings("allow", self.allow)
        deny = {label: _strings(f"deny.{label}", words) for label, words in self.deny.items()}
        deny_patterns = {
            label: _patterns(f"deny_patterns.{label}", patterns)
            for label, patterns in self.deny_patterns.items()
        }
        for label in (*deny, *deny_patterns):
            _check_label(f"deny.{label}", label)
        object.__setattr__(self, "thresholds", MappingProxyType(dict(self.thresholds)))
        object.__setattr__(self, "labels", frozenset(self.labels))
        object.__setattr__(self, "operators", MappingProxyType(dict(self.operators)))
        object.__setattr__(self, "allow", frozenset(word.casefold() for word in allow))
        object.__setattr__(self, "allow_patterns", _patterns("allow_patterns", self.allow_patterns))
        object.__setattr__(self, "deny", MappingProxyType(deny))
        object.__setattr__(self, "deny_patterns", MappingProxyType(deny_patterns))

    def operator(self, label: str) -> str:
        """The operator for ``label`` (``placeholder`` unless set)."""
        return self.operators.get(label, "placeholder")

    def uses(self, operator: str) -> bool:
        """Whether some label is given ``operator``."""
        return operator in self.operators.values()

    def threshold_for(self, label: str) -> float:
        return self.thresholds.get(label, self.threshold)

    @classmethod
    def preset(cls, name: str) -> Policy:
        """A documented preset.

        - ``default``: every label, threshold 0.5, typed placeholders.
        - ``strict``: threshold 0.35 (more recall, more false alarms), and
          text holding an MRN or SSN is blocked outright.
        """
        if name == "default":
            return cls()
        if name == "strict":
            return cls(threshold=0.35, operators={"MRN": "block", "SSN": "block"})
        raise ConfigError(f"preset: expected one of {', '.join(PRESETS)}")


class Config(NamedTuple):
    """What a config file sets: the profile, the policy, the audit file and
    the session store (its path and key)."""

    profile: str
    policy: Policy
    audit: str | None
    store: tuple[str, bytes] | None = None


def load_config(path: str | os.PathLike[str]) -> Config:
    """Read a TOML config file; return its profile, policy and audit path.

    Every error is a :class:`ConfigError` naming the file and the key path::

        profile = "default"            # or "fast"
        preset = "strict"              # optional starting point
        threshold = 0.5
        labels = ["NAME", "DATE"]      # optional: only these
        [thresholds]
        NAME = 0.4
        [operators]
        SSN = "block"
        AGE = "age90"
        [allow]
        words = ["Mercy"]
        patterns = ['PACS-\\d+']
        [deny.ID]
        words = ["Project Falcon"]
        patterns = ['PRJ-\\d{4}']
        [hash]
        key_env = "PHIGUARD_HASH_KEY"  # or key = "..." (keep the file private)
        [audit]
        path = "phiguard-audit.jsonl"  # one JSON record per finding, no values
        [store]
        path = "sessions.db"           # sessions shared by worker processes
        key_env = "PHIGUARD_STORE_KEY" # or key = "..."
    """
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{name}: no such file") from None
    except OSError as exc:
        raise ConfigError(f"{name}: cannot read ({type(exc).__name__})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{name}: not valid TOML ({exc})") from None
    try:
        return _from_mapping(data)
    except ConfigError as exc:
        raise ConfigError(f"{name}: {exc}") from None


def _from_mapping(data: Mapping[str, Any]) -> Config:
    known = {"profile", "preset", "threshold", "labels", "thresholds", "operators"}
    known |= {"allow", "deny", "hash", "audit", "store"}
    for key in data:
        if key not in known:
            raise ConfigError(f"{key}: unknown key; expected one of {', '.join(sorted(known))}")
    profile = data.get("profile", "default")
    if profile not in PROFILES:
        raise ConfigError(f"profile: expected one of {', '.join(PROFILES)}")
    base = Policy.preset(_typed("preset", data.get("preset", "default"), str))
    changes: dict[str, Any] = {}
    if "threshold" in data:
        changes["threshold"] = data["threshold"]
    if "labels" in data:
        changes["labels"] = frozenset(_typed("labels", data["labels"], list))
    if "thresholds" in data:
        changes["thresholds"] = _typed("thresholds", data["thresholds"], dict)
    if "operators" in data:
        changes["operators"] = {
            **base.operators,
            **_typed("operators", data["operators"], dict),
        }
    allow = _typed("allow", data.get("allow", {}), dict)
    _only("allow", allow, {"words", "patterns"})
    changes["allow"] = frozenset(_typed("allow.words", allow.get("words", []), list))
    changes["allow_patterns"] = tuple(_typed("allow.patterns", allow.get("patterns", []), list))
    deny = _typed("deny", data.get("deny", {}), dict)
    changes["deny"], changes["deny_patterns"] = {}, {}
    for label, entry in deny.items():
        _typed(f"deny.{label}", entry, dict)
        _only(f"deny.{label}", entry, {"words", "patterns"})
        changes["deny"][label] = tuple(_typed(f"deny.{label}.words", entry.get("words", []), list))
        changes["deny_patterns"][label] = tuple(
            _typed(f"deny.{label}.patterns", entry.get("patterns", []), list)
        )
    hash_key = _secret("hash", _typed("hash", data.get("hash", {}), dict), {"key", "key_env"})
    if hash_key is not None:
        changes["hash_key"] = hash_key
    store_table = _typed("store", data.get("store", {}), dict)
    store = None
    if store_table:
        store_key = _secret("store", store_table, {"path", "key", "key_env"})
        if "path" not in store_table or store_key is None:
            raise ConfigError("store: needs a path and a key (key or key_env)")
        store = (_typed("store.path", store_table["path"], str), store_key)
    audit = _typed("audit", data.get("audit", {}), dict)
    _only("audit", audit, {"path"})
    audit_path = _typed("audit.path", audit["path"], str) if "path" in audit else None
    names = {f.name for f in fields(Policy)}
    assert set(changes) <= names
    return Config(profile, replace(base, **changes), audit_path, store)


def _secret(table: str, entries: Mapping[str, Any], allowed: set[str]) -> bytes | None:
    """A key given in the file (``key``) or named by an environment variable."""
    _only(table, entries, allowed)
    if "key" in entries:
        return bytes(_typed(f"{table}.key", entries["key"], str).encode())
    if "key_env" in entries:
        variable = _typed(f"{table}.key_env", entries["key_env"], str)
        value = os.environ.get(variable)
        if not value:
            raise ConfigError(f"{table}.key_env: the environment variable {variable} is not set")
        return value.encode()
    return None


def _typed(key: str, value: Any, kind: type) -> Any:
    if not isinstance(value, kind):
        raise ConfigError(f"{key}: expected {_KINDS[kind]}, got {type(value).__name__}")
    return value


_KINDS = {str: "a string", list: "a list", dict: "a table", float: "a number"}


def _only(key: str, table: Mapping[str, Any], allowed: set[str]) -> None:
    for name in table:
        if name not in allowed:
            raise ConfigError(f"{key}.{name}: unknown key; expected {' or '.join(sorted(allowed))}")


def _strings(key: str, values: object) -> tuple[str, ...]:
    if isinstance(values, str) or not isinstance(values, (list, tuple, set, frozenset)):
        raise ConfigError(f"{key}: expected a list of strings")
    for value in values:
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{key}: expected non-empty strings")
    return tuple(values)


def _patterns(key: str, values: object) -> tuple[str, ...]:
    patterns = _strings(key, values)
    for index, pattern in enumerate(patterns):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ConfigError(f"{key}[{index}]: not a valid regular expression ({exc})") from None
    return patterns


def _check_score(key: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise ConfigError(f"{key}: expected a number between 0 and 1")


def _check_label(key: str, label: object) -> None:
    if label not in LABELS:
        raise ConfigError(f"{key}: unknown label {label!r}; expected one of {', '.join(LABELS)}")


def _check_operator(key: str, label: str, operator: object) -> None:
    if operator not in OPERATORS:
        raise ConfigError(
            f"{key}: unknown operator {operator!r}; expected one of {', '.join(OPERATORS)}"
        )
    only = LABEL_OPERATORS.get(str(operator))
    if only is not None and label != only:
        raise ConfigError(f"{key}: the {operator} operator applies to {only} only")
