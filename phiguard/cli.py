"""Command line: ``phiguard scan``, ``redact`` and ``restore`` over text, files and JSON lines.

Exit codes: 0 done, 1 PHI found (with ``--check``), 2 usage error, 3 internal
error. Error messages name the error's type and never print the input text.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any

from phiguard.errors import ConfigError, DetectionError, InputError, PhiguardError
from phiguard.policy import PROFILES

if TYPE_CHECKING:
    from tqdm import tqdm

    from phiguard.findings import Finding
    from phiguard.guard import Guard
    from phiguard.policy import Config
    from phiguard.session import Session
    from phiguard.store import SqliteSessionStore

__all__ = ["main"]

EXIT_OK, EXIT_FOUND, EXIT_USAGE, EXIT_ERROR = 0, 1, 2, 3
#: The environment variable holding the key of ``--session`` files.
SESSION_KEY_ENV = "PHIGUARD_SESSION_KEY"
#: JSON lines go through the Guard this many lines at a time (one NER pass each).
_CHUNK = 64

_EXAMPLES = {
    "scan": """examples:
  phiguard scan "Pt Rosa Delgado, MRN 00412387, CT from 3/4/24"
  phiguard scan --json -i note.txt                   # one JSON object per finding
  phiguard scan --check -i note.txt > /dev/null      # exit 1 if the note holds PHI
  phiguard scan --jsonl --field text -i chats.jsonl  # findings with their line numbers
""",
    "redact": """examples:
  phiguard redact "Pt Rosa Delgado, MRN 00412387, CT from 3/4/24"
  echo "DOB: 03/04/1952" | phiguard redact
  phiguard redact -i note.txt -o note.redacted.txt --config phiguard.toml
  phiguard redact -i chats.jsonl -o chats.redacted.jsonl --field text --progress
  export PHIGUARD_SESSION_KEY=$(python -c "import secrets; print(secrets.token_hex(32))")
  phiguard redact --session chat.db "Dr. Okafor saw Rosa Delgado on 3/4/24"
""",
    "restore": """examples:
  phiguard restore --session chat.db "Ask [NAME_1_K7QX2] about [DATE_1_K7QX2]"
  phiguard restore --session chat.db -i answer.txt
  phiguard restore --session chat.db -i answers.jsonl --field answer
""",
}
_OVERVIEW = """examples:
  phiguard redact "Pt Rosa Delgado, MRN 00412387, CT from 3/4/24"
  phiguard scan -i note.txt
  phiguard redact -i chats.jsonl -o chats.redacted.jsonl --progress

'phiguard COMMAND --help' shows each command's options and examples.
exit codes: 0 done, 1 PHI found (--check), 2 usage error, 3 internal error
"""
_HELP = {
    "scan": "list the PHI found: a table, or JSON lines with --json",
    "redact": "print the text with PHI replaced by typed placeholders",
    "restore": "put a session's original values back into an answer",
}


class _UsageError(Exception):
    """A command line that cannot run as given (exit code 2)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="phiguard",
        description="Find and redact PHI in clinical text before it reaches an AI provider.",
        epilog=_OVERVIEW,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, help_text in _HELP.items():
        command = commands.add_parser(
            name,
            help=help_text,
            description=help_text[0].upper() + help_text[1:] + ".",
            epilog=_EXAMPLES[name],
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        command.add_argument(
            "text", nargs="?", help="the text itself (default: --input, else standard input)"
        )
        command.add_argument("-i", "--input", metavar="FILE", help="read FILE ('-': stdin)")
        command.add_argument(
            "-o",
            "--output",
            metavar="FILE",
            help="write FILE whole or not at all (default: stdout)",
        )
        command.add_argument(
            "--jsonl",
            action="store_true",
            help="the input is JSON lines (implied by --field and a .jsonl input file)",
        )
        command.add_argument(
            "--field",
            action="append",
            metavar="NAME",
            help="the JSON-lines field to guard; repeat for several (default: text)",
        )
        command.add_argument(
            "--config",
            metavar="TOML",
            help="a phiguard.toml: policy, profile, audit, [store] path and key",
        )
        command.add_argument(
            "--progress",
            action=argparse.BooleanOptionalAction,
            default=None,
            help="a progress bar on stderr for JSON lines "
            "(default: when stderr is a terminal and the input is longer than a screenful)",
        )
        if name != "restore":
            command.add_argument(
                "--profile", choices=PROFILES, help="detection profile (default: the config's)"
            )
            command.add_argument(
                "--check", action="store_true", help="exit with code 1 if any PHI is found"
            )
        if name == "scan":
            command.add_argument(
                "--json", action="store_true", help="one JSON object per finding, not a table"
            )
        else:
            command.add_argument(
                "--session",
                metavar="FILE",
                help="the encrypted session file (default: --config's [store] path; "
                f"key: --config's [store] key or ${SESSION_KEY_ENV})",
            )
            command.add_argument(
                "--session-id",
                default="default",
                metavar="ID",
                help="the conversation within the session file (default: default)",
            )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except _UsageError as exc:
        _error(f"phiguard {args.command}: error: {exc}")
        return EXIT_USAGE
    except PhiguardError as exc:
        # phiguard's own messages never quote the guarded text (errors.py)
        _error(f"phiguard: {type(exc).__name__}: {exc}")
        return EXIT_ERROR
    except BrokenPipeError:  # the reader stopped reading (``| head``): no more to say
        _drop_output()
        return EXIT_ERROR
    except Exception as exc:  # the message may quote the input: print the type only
        if isinstance(exc, OSError):
            _drop_output()
        _error(f"phiguard: internal error ({type(exc).__name__}); output is missing or incomplete")
        return EXIT_ERROR


def _error(message: str) -> None:
    sys.stderr.write(message + "\n")


def _drop_output() -> None:
    """Point stdout at the null device: output that could not be written is
    not flushed again at exit (Python would report a second error, exit 120)."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _run(args: argparse.Namespace) -> int:
    fields = tuple(args.field or ("text",))
    text, jsonl = _read_input(args)
    records = _records(text, fields) if jsonl else None
    config = None
    if args.config is not None:
        from phiguard.policy import load_config

        config = load_config(args.config)
    store = _store(args, config)  # usage errors before the model loads
    guard = _guard(args, config)
    session = None if store is None else _session(args, guard, store)
    found = 0
    with _output(args.output) as out:
        if records is None:
            found = _guard_text(args, guard, session, text, out)
        else:
            with _progress(args, len(records)) as bar:
                for first in range(0, len(records), _CHUNK):
                    chunk = records[first : first + _CHUNK]
                    found += _guard_lines(args, guard, session, chunk, first, fields, out)
                    bar.update(len(chunk))
    return EXIT_FOUND if getattr(args, "check", False) and found else EXIT_OK


def _read_input(args: argparse.Namespace) -> tuple[str, bool]:
    """The input text, and whether it is JSON lines."""
    path = args.input
    jsonl = bool(args.jsonl or args.field or (path and path.lower().endswith(".jsonl")))
    if args.text is not None:
        if path is not None:
            raise _UsageError("give the text or --input, not both")
        return args.text, jsonl
    try:
        if path is None or path == "-":
            return sys.stdin.read(), jsonl
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read(), jsonl
    except FileNotFoundError:
        raise _UsageError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise InputError("the input is not UTF-8 text") from None
    except OSError as exc:
        raise _UsageError(f"{path}: cannot read ({type(exc).__name__})") from None


def _guard(args: argparse.Namespace, config: Config | None) -> Guard:
    """The Guard the options and the config ask for."""
    from phiguard.guard import Guard

    # restoring detects nothing: the fast profile loads no model
    profile = getattr(args, "profile", None) if args.command != "restore" else "fast"
    if config is None:
        return Guard(profile or "default")
    return Guard(profile or config.profile, policy=config.policy, audit=config.audit)


def _store(args: argparse.Namespace, config: Config | None) -> SqliteSessionStore | None:
    """The session file (``--session``, else the config's ``[store] path``),
    opened with its key, or ``None`` without one."""
    if args.command == "scan":
        return None
    path = args.session
    if path is None and config is not None and config.store is not None:
        path = config.store[0]
    if path is None:
        if args.command == "restore":
            raise _UsageError(
                "restore needs a session: --session FILE or a [store] path in --config"
            )
        return None
    if args.command == "restore" and not os.path.exists(path):
        raise _UsageError(f"{path}: no such session file")
    key = config.store[1] if config is not None and config.store is not None else None
    key = key or os.environ.get(SESSION_KEY_ENV, "").encode()
    if not key:
        raise _UsageError(
            f"--session needs a key: set {SESSION_KEY_ENV} or a [store] key in --config"
        )
    from phiguard.store import SqliteSessionStore

    try:
        return SqliteSessionStore(path, key=key)
    except sqlite3.DatabaseError:
        raise ConfigError(f"{path}: not a phiguard session file") from None


def _session(args: argparse.Namespace, guard: Guard, store: SqliteSessionStore) -> Session:
    """The ``--session-id`` conversation of the session file."""
    session = guard.session(args.session_id, store=store)
    try:
        session.restore("")  # reads the map now, so that a wrong key fails here
    except DetectionError:
        raise ConfigError(
            f"{store.path}: cannot read the session: a wrong key, or not a phiguard session file"
        ) from None
    return session


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[IO[str]]:
    """Standard output, or a file written whole or not at all."""
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    folder = os.path.dirname(os.path.abspath(path))
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 (renamed into place below)
        "w", encoding="utf-8", newline="", dir=folder, prefix=".phiguard-", delete=False
    )
    try:
        with handle:
            yield handle
        os.replace(handle.name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        raise


def _progress(args: argparse.Namespace, total: int) -> tqdm[Any]:
    """A progress bar on stderr: shown if forced, or on a terminal for a long input."""
    from tqdm import tqdm

    show = args.progress
    if show is None:
        show = sys.stderr.isatty() and total > shutil.get_terminal_size().lines
    return tqdm(
        total=total, unit="line", file=sys.stderr, disable=not show, desc=f"phiguard {args.command}"
    )


def _records(text: str, fields: tuple[str, ...]) -> list[dict[str, Any] | None]:
    """The JSON objects of ``text``, one a line (``None`` for a blank line).

    Every object must hold every field as a string: a missing field could be
    a misspelled ``--field``, and would leave the text unguarded.
    """
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    records: list[dict[str, Any] | None] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            records.append(None)
            continue
        try:
            record = json.loads(line)
        except ValueError:
            raise InputError(f"line {number}: not valid JSON") from None
        if not isinstance(record, dict):
            raise InputError(f"line {number}: not a JSON object")
        for field in fields:
            if not isinstance(record.get(field), str):
                raise InputError(f"line {number}: field {field!r} is missing or not a string")
        records.append(record)
    return records


def _guard_text(
    args: argparse.Namespace, guard: Guard, session: Session | None, text: str, out: IO[str]
) -> int:
    """Guard one plain text; write the result; return the number of findings."""
    if args.command == "scan":
        found = guard.scan(text)
        _write_findings(args, out, [(None, None, f) for f in found], first=True)
        return len(found)
    ((output, count),) = _transform(args, guard, session, [text])
    out.write(output if output.endswith("\n") else output + "\n")
    return count


def _guard_lines(
    args: argparse.Namespace,
    guard: Guard,
    session: Session | None,
    chunk: list[dict[str, Any] | None],
    first: int,
    fields: tuple[str, ...],
    out: IO[str],
) -> int:
    """Guard the fields of one chunk of JSON lines; write them; return the number of findings."""
    places = [
        (first + index + 1, field, record[field])
        for index, record in enumerate(chunk)
        if record is not None
        for field in fields
    ]
    texts = [text for _, _, text in places]
    if args.command == "scan":
        rows: list[tuple[int | None, str | None, Finding]] = [
            (line, field, finding)
            for (line, field, _), found in zip(places, guard.scan_many(texts, batch_size=_CHUNK))
            for finding in found
        ]
        _write_findings(args, out, rows, first=first == 0, width=max(map(len, fields)))
        return len(rows)
    results = iter(_transform(args, guard, session, texts))
    found = 0
    for record in chunk:
        if record is not None:
            for field in fields:
                record[field], count = next(results)
                found += count
            out.write(json.dumps(record, ensure_ascii=False))
        out.write("\n")
    return found


def _transform(
    args: argparse.Namespace, guard: Guard, session: Session | None, texts: list[str]
) -> list[tuple[str, int]]:
    """Each text redacted (or restored), with its number of findings."""
    if args.command == "restore":
        assert session is not None  # --session is required
        return [(session.restore(text), 0) for text in texts]
    if session is not None:
        redactions = [session.redact(text) for text in texts]
    else:
        redactions = guard.redact_many(texts, batch_size=_CHUNK)
    return [(r.text, len(r.findings)) for r in redactions]


def _write_findings(
    args: argparse.Namespace,
    out: IO[str],
    rows: list[tuple[int | None, str | None, Finding]],
    *,
    first: bool,
    width: int = 0,
) -> None:
    """Findings as JSON lines (``--json``) or as a table with a header."""
    if args.json:
        for line, field, f in rows:
            record: dict[str, Any] = {} if line is None else {"line": line, "field": field}
            record.update(
                start=f.start,
                end=f.end,
                label=f.label,
                score=round(f.score, 3),
                text=f.text,
                source=f.source,
            )
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    where = f"{'LINE':>6}  {'FIELD':<{width}}  " if width else ""
    if first:
        out.write(f"{where}{'START':>6} {'END':>6}  {'LABEL':<9}  SCORE  TEXT\n")
    for line, field, f in rows:
        place = f"{line:>6}  {field:<{width}}  " if width else ""
        shown = f.text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
        out.write(f"{place}{f.start:>6} {f.end:>6}  {f.label:<9}  {f.score:5.2f}  {shown}\n")


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
