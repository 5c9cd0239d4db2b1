"""Audit: one record per redacted (or blocked) finding, never the value.

A Guard given ``audit=`` calls the sink with an :class:`AuditRecord` for
every finding it redacts or blocks. A sink is any callable taking one
record, or :class:`JsonLinesAudit` (what a path given to ``Guard(audit=...)``
or ``[audit] path`` in a config file becomes), which appends one JSON object
a line.

A record holds the time, the session's tag (``None`` outside a session),
the label, the offsets, the recognizer, the score, the operator, and a keyed
hash of the value (HMAC-SHA256 with the policy's ``hash_key``, or with a
random key of the Guard's own when the policy has none, so hashes then
match only within that Guard's lifetime). The value itself never reaches a
record. A sink that fails fails the redaction (:class:`~phiguard.DetectionError`):
an audited system must not send what it could not record.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass

__all__ = ["AuditRecord", "AuditSink", "JsonLinesAudit"]


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """What the audit sink receives for one finding."""

    time: str  # ISO 8601, UTC
    session: str | None
    label: str
    start: int
    end: int
    recognizer: str
    score: float
    operator: str
    value_hash: str  # 16 hex digits of HMAC-SHA256(label:value)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


AuditSink = Callable[[AuditRecord], object]


class JsonLinesAudit:
    """Appends each record to a file as one line of JSON; thread-safe."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        self._lock = threading.Lock()

    def __call__(self, record: AuditRecord) -> None:
        line = json.dumps(record.to_dict(), sort_keys=True)
        with self._lock, open(self.path, "a", encoding="utf-8") as handle:
            handle.write(line + "\n")

    def __repr__(self) -> str:
        return f"JsonLinesAudit({self.path!r})"
