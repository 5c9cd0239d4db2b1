"""The command line, through its real entry points in a subprocess."""

from __future__ import annotations

import json
import os
import pathlib
import shlex
import shutil
import subprocess
import sys

import pytest

PROMPT = "Pt MRN 00412387, CT from 3/4/24"
KEY = "0123456789abcdef0123456789abcdef"
DOCS = pathlib.Path(__file__).resolve().parents[1] / "docs" / "cli.md"
#: What no error message may print: the PHI in the inputs below.
SECRETS = (b"00412387", b"Rosa", b"Delgado")


def _run(
    *args: str,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
    cwd: pathlib.Path | None = None,
    script: bool = False,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m phiguard``, or the installed ``phiguard`` script."""
    if script:
        found = shutil.which("phiguard")
        assert found is not None, "the phiguard console script is not installed"
        command = [found]
    else:
        command = [sys.executable, "-m", "phiguard"]
    environment = {k: v for k, v in os.environ.items() if k != "PHIGUARD_SESSION_KEY"}
    environment.update(env or {})
    return subprocess.run(
        [*command, *args],
        input=stdin,
        capture_output=True,
        check=False,
        env=environment,
        cwd=cwd,
    )


def _jsonl(path: pathlib.Path, records: list[dict[str, object]]) -> pathlib.Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _no_secrets(result: subprocess.CompletedProcess[bytes]) -> None:
    for secret in SECRETS:
        assert secret not in (result.stdout or b"") and secret not in result.stderr


@pytest.mark.parametrize("script", [False, True], ids=["python -m phiguard", "phiguard"])
def test_redact_an_argument(script: bool) -> None:
    result = _run("redact", PROMPT, script=script)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == "Pt MRN [MRN], CT from [DATE]\n"


def test_redact_standard_input() -> None:
    result = _run("redact", "--profile", "fast", stdin=b"DOB: 03/04/1952\n")
    assert result.returncode == 0
    assert result.stdout.decode() == "DOB: [DATE]\n"


def test_redact_a_file_to_a_file(tmp_path: pathlib.Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Pt Rosa Delgado\r\nMRN 00412387\r\n", encoding="utf-8")
    out = tmp_path / "note.redacted.txt"
    result = _run("redact", "--profile", "fast", "-i", str(note), "-o", str(out))
    assert result.returncode == 0 and result.stdout == b""
    assert out.read_bytes() == b"Pt [NAME]\r\nMRN [MRN]\r\n"  # line endings kept


@pytest.mark.parametrize("script", [False, True], ids=["python -m phiguard", "phiguard"])
def test_scan_prints_a_table(script: bool) -> None:
    result = _run("scan", "--profile", "fast", PROMPT, script=script)
    assert result.returncode == 0
    header, *rows = result.stdout.decode().splitlines()
    assert header.split() == ["START", "END", "LABEL", "SCORE", "TEXT"]
    cells = [row.split() for row in rows]
    assert [(c[0], c[1], c[2], c[4]) for c in cells] == [
        ("7", "15", "MRN", "00412387"),
        ("25", "31", "DATE", "3/4/24"),
    ]


def test_scan_json_prints_json_lines() -> None:
    result = _run("scan", "--profile", "fast", "--json", PROMPT)
    assert result.returncode == 0
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [(r["start"], r["end"], r["label"], r["text"]) for r in records] == [
        (7, 15, "MRN", "00412387"),
        (25, 31, "DATE", "3/4/24"),
    ]


@pytest.mark.parametrize("command", ["scan", "redact"])
def test_check_exits_1_when_phi_is_found(command: str) -> None:
    assert _run(command, "--profile", "fast", "--check", PROMPT).returncode == 1
    assert _run(command, "--profile", "fast", "--check", "CT abdomen, no PHI").returncode == 0
    assert _run(command, "--profile", "fast", PROMPT).returncode == 0


def test_a_long_json_lines_batch_with_a_progress_bar(tmp_path: pathlib.Path) -> None:
    lines = 120  # longer than a screenful
    chats = _jsonl(
        tmp_path / "chats.jsonl",
        [
            {
                "id": i,
                "meta": {"ward": "4B", "scores": [1, 2.5]},
                "text": f"MRN 00{i:06d} on 3/4/24",
            }
            for i in range(lines)
        ],
    )
    result = _run("redact", "--profile", "fast", "-i", str(chats), "--progress")
    assert result.returncode == 0
    out = result.stdout.decode().splitlines()
    assert len(out) == lines
    for i, line in enumerate(out):
        assert json.loads(line) == {
            "id": i,
            "meta": {"ward": "4B", "scores": [1, 2.5]},
            "text": "MRN [MRN] on [DATE]",
        }
    assert f"{lines}/{lines}".encode() in result.stderr and b"100%" in result.stderr
    # stderr is no terminal here: without --progress there is no bar
    quiet = _run("redact", "--profile", "fast", "-i", str(chats))
    assert quiet.returncode == 0 and quiet.stderr == b"" and quiet.stdout == result.stdout


def test_json_lines_fields_and_blank_lines() -> None:
    stdin = (
        b'{"text": "Pt Rosa Delgado", "answer": "Call 937-555-0112", "n": 1}\n'
        b"\n"
        b'{"text": "MRN 00412387", "answer": "ok", "n": 2}\n'
    )
    result = _run(
        "redact", "--profile", "fast", "--field", "text", "--field", "answer", stdin=stdin
    )
    assert result.returncode == 0
    assert result.stdout.decode().split("\n") == [
        '{"text": "Pt [NAME]", "answer": "Call [PHONE]", "n": 1}',
        "",
        '{"text": "MRN [MRN]", "answer": "ok", "n": 2}',
        "",
    ]


def test_scan_json_lines_names_line_and_field() -> None:
    stdin = b'{"text": "no PHI here"}\n{"text": "MRN 00412387"}\n'
    result = _run("scan", "--profile", "fast", "--jsonl", "--json", stdin=stdin)
    assert result.returncode == 0
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [(r["line"], r["field"], r["label"], r["text"]) for r in records] == [
        (2, "text", "MRN", "00412387")
    ]


def test_a_session_file_keeps_placeholders_across_runs(tmp_path: pathlib.Path) -> None:
    session = str(tmp_path / "chat.db")
    env = {"PHIGUARD_SESSION_KEY": KEY}
    first = _run("redact", "--profile", "fast", "--session", session, "MRN 00412387", env=env)
    second = _run(
        "redact", "--profile", "fast", "--session", session, "MRN 0041-2387, 3/4/24", env=env
    )
    assert first.returncode == 0 and second.returncode == 0
    placeholder = first.stdout.decode().split()[1]
    assert placeholder.startswith("[MRN_1_")
    assert second.stdout.decode().startswith(f"MRN {placeholder}, [DATE_1_")
    answer = f"Book {placeholder} for {second.stdout.decode().split()[-1]}"
    restored = _run("restore", "--session", session, answer, env=env)
    assert restored.returncode == 0
    assert restored.stdout.decode() == "Book 00412387 for 3/4/24\n"
    assert b"00412387" not in (tmp_path / "chat.db").read_bytes()  # encrypted at rest


def test_the_session_key_can_come_from_the_config(tmp_path: pathlib.Path) -> None:
    config = tmp_path / "phiguard.toml"
    config.write_text(f'profile = "fast"\n[store]\npath = "unused.db"\nkey = "{KEY}"\n')
    session = str(tmp_path / "chat.db")
    redacted = _run(
        "redact", "--config", str(config), "--session", session, "MRN 00412387", cwd=tmp_path
    )
    assert redacted.returncode == 0
    restored = _run(
        "restore",
        "--config",
        str(config),
        "--session",
        session,
        redacted.stdout.decode(),
        cwd=tmp_path,
    )
    assert restored.stdout.decode() == "MRN 00412387\n"
    # --session wins over the config's path (relative: to the working directory)
    assert not (tmp_path / "unused.db").exists()


def test_the_session_file_can_come_from_the_config(tmp_path: pathlib.Path) -> None:
    store = tmp_path / "sessions.db"
    config = tmp_path / "phiguard.toml"
    config.write_text(f'profile = "fast"\n[store]\npath = "{store}"\nkey = "{KEY}"\n')
    redacted = _run("redact", "--config", str(config), "MRN 00412387")
    assert redacted.returncode == 0
    assert redacted.stdout.decode().startswith("MRN [MRN_1_")  # a session's placeholder
    assert store.exists() and b"00412387" not in store.read_bytes()
    restored = _run("restore", "--config", str(config), redacted.stdout.decode())
    assert restored.returncode == 0
    assert restored.stdout.decode() == "MRN 00412387\n"


def test_config_sets_the_policy(tmp_path: pathlib.Path) -> None:
    config = tmp_path / "phiguard.toml"
    config.write_text('profile = "fast"\nlabels = ["MRN"]\n')
    result = _run("redact", "--config", str(config), PROMPT)
    assert result.stdout.decode() == "Pt MRN [MRN], CT from 3/4/24\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["redact", "--session", "{tmp}/chat.db", "Rosa Delgado"], b"PHIGUARD_SESSION_KEY"),
        (["restore", "Rosa Delgado"], b"--session"),
        (["restore", "--session", "{tmp}/none.db", "Rosa Delgado"], b"no such session file"),
        (["redact", "-i", "{tmp}/none.txt"], b"no such file"),
        (["redact", "-i", "{tmp}/none.txt", "Rosa Delgado 00412387"], b"not both"),
        (["scan", "--profile", "slow", "Rosa Delgado"], b"invalid choice"),
        (["shred", "Rosa Delgado"], b"invalid choice"),
    ],
)
def test_usage_errors_exit_2(tmp_path: pathlib.Path, args: list[str], message: bytes) -> None:
    result = _run(*(arg.replace("{tmp}", str(tmp_path)) for arg in args))
    assert result.returncode == 2
    assert message in result.stderr
    _no_secrets(result)


def test_a_wrong_session_key_exits_3_and_prints_no_input(tmp_path: pathlib.Path) -> None:
    session = str(tmp_path / "chat.db")
    env = {"PHIGUARD_SESSION_KEY": KEY}
    assert (
        _run("redact", "--profile", "fast", "--session", session, PROMPT, env=env).returncode == 0
    )
    wrong = {"PHIGUARD_SESSION_KEY": "another key, long enough"}
    for command in ("redact", "restore"):
        result = _run(command, "--session", session, "Rosa Delgado, MRN 00412387", env=wrong)
        assert result.returncode == 3
        assert b"ConfigError" in result.stderr and b"wrong key" in result.stderr
        _no_secrets(result)


def test_a_corrupt_config_exits_3_and_prints_no_input(tmp_path: pathlib.Path) -> None:
    config = tmp_path / "phiguard.toml"
    config.write_text('profile = "fast"\nthreshold = [\n')
    result = _run("redact", "--config", str(config), "Rosa Delgado, MRN 00412387")
    assert result.returncode == 3
    assert b"ConfigError" in result.stderr
    _no_secrets(result)


@pytest.mark.parametrize(
    "bad_line",
    [
        b'{"text": "Rosa Delgado, MRN 00412387"',  # cut short
        b'["Rosa Delgado, MRN 00412387"]',  # not an object
        b'{"txt": "Rosa Delgado, MRN 00412387"}',  # no "text" field
    ],
)
def test_a_bad_json_line_exits_3_writes_no_file_and_prints_no_input(
    tmp_path: pathlib.Path, bad_line: bytes
) -> None:
    chats = tmp_path / "chats.jsonl"
    chats.write_bytes(b'{"text": "Pt Rosa Delgado"}\n' + bad_line + b"\n")
    out = tmp_path / "out.jsonl"
    result = _run("redact", "--profile", "fast", "-i", str(chats), "-o", str(out))
    assert result.returncode == 3
    assert b"InputError: line 2" in result.stderr
    _no_secrets(result)
    assert list(tmp_path.iterdir()) == [chats]  # no output file, no temporary file left


def test_an_internal_error_exits_3_and_prints_no_input(tmp_path: pathlib.Path) -> None:
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
    assert b"internal error (OSError)" in result.stderr
    _no_secrets(result)


@pytest.mark.parametrize("command", ["scan", "redact", "restore"])
def test_help_shows_examples(command: str) -> None:
    result = _run(command, "--help")
    assert result.returncode == 0
    examples = result.stdout.decode().split("examples:\n")[1]
    assert f"  phiguard {command} " in examples


def test_the_documented_json_lines_command(tmp_path: pathlib.Path) -> None:
    """docs/cli.md's command that redacts a JSON-lines file with a progress bar."""
    (command,) = [
        line.strip()
        for line in DOCS.read_text(encoding="utf-8").splitlines()
        if line.startswith("phiguard redact -i chats.jsonl")
    ]
    _jsonl(tmp_path / "chats.jsonl", [{"id": 1, "text": "Pt Rosa Delgado, MRN 00412387"}])
    result = _run(*shlex.split(command)[1:], cwd=tmp_path)
    assert result.returncode == 0 and b"1/1" in result.stderr
    written = (tmp_path / "chats.redacted.jsonl").read_text(encoding="utf-8")
    assert json.loads(written) == {"id": 1, "text": "Pt [NAME], MRN [MRN]"}


def test_the_readme_json_lines_command(tmp_path: pathlib.Path) -> None:
    """README's command on the example file it names: every line out, no name left."""
    root = DOCS.parents[1]
    (command,) = [
        line.strip()
        for line in (root / "README.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("phiguard redact -i examples/chats.jsonl")
    ]
    shutil.copytree(root / "examples", tmp_path / "examples")
    result = _run(*shlex.split(command)[1:], cwd=tmp_path, script=True)
    assert result.returncode == 0, result.stderr.decode()
    assert b"%" in result.stderr  # the progress bar
    source = (tmp_path / "examples" / "chats.jsonl").read_text(encoding="utf-8").splitlines()
    out = (tmp_path / "chats.redacted.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(out) == len(source)
    for before, after in zip(source, out):
        original, redacted = json.loads(before), json.loads(after)
        assert {k: v for k, v in redacted.items() if k != "text"} == {
            k: v for k, v in original.items() if k != "text"
        }
        for name in ("Rosa Delgado", "Wierzbicki", "Okafor", "Raman", "O'Connell", "Batista"):
            assert name not in redacted["text"]
        for clinical in ("Hodgkin", "Baker's cyst", "Chiari"):
            assert (clinical in original["text"]) == (clinical in redacted["text"])
