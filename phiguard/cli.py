"""Command line: ``phiguard redact`` and ``phiguard scan`` over an argument or stdin.

Exit codes: 0 done, 2 usage error, 3 internal error. Errors never print the
input text.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

__all__ = ["main"]

_EXAMPLES = """examples:
  phiguard redact "Pt Rosa Delgado, MRN 00412387, CT from 3/4/24"
  echo "DOB: 03/04/1952" | phiguard redact
  phiguard scan --profile fast "Acc# RB24030417"
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="phiguard",
        description="Find and redact PHI in clinical text before it reaches an AI provider.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (
        ("redact", "print the text with PHI replaced by typed placeholders"),
        ("scan", "print the findings as JSON lines"),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("text", nargs="?", help="text to guard (default: standard input)")
        command.add_argument("--profile", choices=("default", "fast"), default="default")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    try:
        text = args.text if args.text is not None else sys.stdin.read()
        from phiguard.guard import Guard

        guard = Guard(profile=args.profile)
        if args.command == "redact":
            sys.stdout.write(guard.redact(text).text + ("" if text.endswith("\n") else "\n"))
        else:
            for finding in guard.scan(text):
                record = {
                    "start": finding.start,
                    "end": finding.end,
                    "label": finding.label,
                    "score": round(finding.score, 3),
                    "text": finding.text,
                    "source": finding.source,
                }
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    except Exception as exc:  # the message may not quote the input: print the type only
        sys.stderr.write(f"phiguard: internal error ({type(exc).__name__}); nothing was output\n")
        return 3
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
