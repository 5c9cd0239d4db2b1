"""The audit sink: one record per finding, never a value."""

from __future__ import annotations

import json
import pathlib
import re
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings

import phiguard
from phiguard.audit import AuditRecord
from phiguard.transform import hash_value
from tests.strategies import fragment_texts

PROMPT = "Pt Rosa Delgado, MRN 00412387, seen 3/4/24."
VALUES = ("Rosa Delgado", "00412387", "3/4/24")
KEY = b"audit-test-key-0123456789"


def test_each_redacted_finding_gets_one_record() -> None:
    records: list[AuditRecord] = []
    policy = phiguard.Policy(hash_key=KEY, operators={"MRN": "mask"})
    guard = phiguard.Guard("fast", policy=policy, audit=records.append)
    findings = guard.redact(PROMPT).findings
    assert [(r.label, r.start, r.end, r.recognizer) for r in records] == [
        (f.label, f.start, f.end, f.source) for f in findings
    ]
    by_label = {r.label: r for r in records}
    assert by_label["MRN"].operator == "mask" and by_label["NAME"].operator == "placeholder"
    assert by_label["MRN"].value_hash == hash_value("MRN", "00412387", KEY)
    assert all(r.session is None and r.time.endswith("+00:00") for r in records)


def test_session_records_carry_the_session_id() -> None:
    records: list[AuditRecord] = []
    session = phiguard.Guard("fast", audit=records.append).session("conversation-42")
    session.redact(PROMPT)
    assert records and {r.session for r in records} == {"conversation-42"}


def test_blocked_text_is_recorded_as_blocked(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "audit.jsonl"
    policy = phiguard.Policy(operators={"MRN": "block"})
    guard = phiguard.Guard("fast", policy=policy, audit=path)
    with pytest.raises(phiguard.PHIBlocked):
        guard.redact(PROMPT)
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert {line["operator"] for line in lines} == {"block"}
    assert {line["label"] for line in lines} >= {"MRN", "NAME"}


def test_a_failing_sink_fails_the_redaction_closed() -> None:
    def broken(record: AuditRecord) -> None:
        raise OSError("disk full")

    guard = phiguard.Guard("fast", audit=broken)
    with pytest.raises(phiguard.DetectionError, match="audit failed") as caught:
        guard.redact(PROMPT)
    assert not any(value in str(caught.value) for value in VALUES)


def test_a_bad_sink_is_a_config_error() -> None:
    with pytest.raises(phiguard.ConfigError, match="audit"):
        phiguard.Guard("fast", audit=42)  # type: ignore[arg-type]


def test_a_config_file_can_name_the_audit_file(tmp_path: pathlib.Path) -> None:
    audit = tmp_path / "audit.jsonl"
    config = tmp_path / "phiguard.toml"
    config.write_text(f'profile = "fast"\n[audit]\npath = {json.dumps(str(audit))}\n')
    phiguard.Guard.from_config(config).redact(PROMPT)
    assert len(audit.read_text(encoding="utf-8").splitlines()) == 3


_PATH = pathlib.Path()


@given(fragment_texts)
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_audit_output_never_holds_an_original_value(text: str) -> None:
    lines: list[str] = []
    guard = _guard(lines)
    redaction = guard.session().redact(text)
    assert len(lines) == len(redaction.findings)
    for line in lines:
        record = json.loads(line)
        # the two free-form fields hold only a hex digest and a timestamp
        assert re.fullmatch(r"[0-9a-f]{12}", record.pop("value_hash"))
        datetime.fromisoformat(record.pop("time"))
        rest = json.dumps(record)
        for finding in redaction.findings:
            value = finding.text.strip()
            if len(value) > 1 and (not value.isdigit() or len(value) >= 6):
                assert value not in rest


_GUARDS: dict[str, tuple[phiguard.Guard, list[list[str]]]] = {}


def _guard(lines: list[str]) -> phiguard.Guard:
    """One fast Guard whose JSON-lines sink writes into the current list."""
    if "fast" not in _GUARDS:
        current: list[list[str]] = [[]]

        def sink(record: AuditRecord) -> None:
            current[0].append(json.dumps(record.to_dict()))

        _GUARDS["fast"] = (phiguard.Guard("fast", audit=sink), current)
    guard, current = _GUARDS["fast"]
    current[0] = lines
    return guard
