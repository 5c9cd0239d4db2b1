"""The command line, through its real entry point in a subprocess."""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys

PROMPT = "Pt MRN 00412387, CT from 3/4/24"


def _run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "phiguard", *args], input=stdin, capture_output=True, check=False
    )


def test_redact_an_argument() -> None:
    result = _run("redact", PROMPT)
    assert result.returncode == 0
    assert result.stdout.decode() == "Pt MRN [MRN], CT from [DATE]\n"


def test_redact_standard_input() -> None:
    result = _run("redact", stdin=b"DOB: 03/04/1952\n")
    assert result.returncode == 0
    assert result.stdout.decode() == "DOB: [DATE]\n"


def test_scan_prints_json_lines() -> None:
    result = _run("scan", "--profile", "fast", PROMPT)
    assert result.returncode == 0
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [(r["label"], r["text"]) for r in records] == [("MRN", "00412387"), ("DATE", "3/4/24")]


def test_usage_error_exits_2() -> None:
    assert _run("shred", PROMPT).returncode == 2


def test_internal_error_exits_3_and_prints_no_input(tmp_path: pathlib.Path) -> None:
    # An output that cannot be written to is a fault inside the run.
    unwritable = tmp_path / "out.txt"
    unwritable.write_text("")
    with unwritable.open("rb") as stdout:
        result = subprocess.run(
            [sys.executable, "-m", "phiguard", "redact", "MRN 00412387 Rosa Delgado"],
            stdout=stdout,
            stderr=subprocess.PIPE,
            check=False,
        )
    assert result.returncode == 3
    assert b"internal error" in result.stderr
    assert b"00412387" not in result.stderr and b"Rosa" not in result.stderr
