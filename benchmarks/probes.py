"""Recall and false alarms on the hand-written chat probes in ``benchmarks/probes/``.

    python benchmarks/probes.py [--round 5] [--profiles default,fast] [-v]

Each round is two files written for phiguard by people (here: helper
agents) who had not seen its rules: ``round<N>_phi.txt``, chat messages
with every piece of PHI marked inline as ``«value|LABEL»``, and
``round<N>_clean.txt``, messages with none. One message per line; ``\\n``
and ``\\t`` (backslash, n or t) stand for a line break and a tab. All PHI
in them is made up.

Scored per marked span: it counts as caught if a finding covers every
letter and digit of it, whatever label the finding gives (a leak is a leak;
for AGE only its digits count, as phiguard redacts ``[AGE] yo``). A clean
message counts as a false alarm if phiguard finds anything in it. ``-v``
lists the misses and false alarms.

A round's numbers are honest only until rules are written from it: say in
``benchmarks/probes/README.md`` which rounds fixes were made from.
"""

from __future__ import annotations

import argparse
import collections
import pathlib
import re
import sys

PROBES = pathlib.Path(__file__).resolve().parent / "probes"
_MARK = re.compile("«(.*?)\\|([A-Z]+)»", re.DOTALL)

Span = tuple[int, int, str]


def parse(line: str) -> tuple[str, list[Span]]:
    """The plain text of a marked line, and its (start, end, label) spans."""
    line = line.rstrip("\n").replace("\\n", "\n").replace("\\t", "\t")
    spans: list[Span] = []
    out: list[str] = []
    position = 0
    for match in _MARK.finditer(line):
        out.append(line[position : match.start()])
        start = sum(map(len, out))
        out.append(match.group(1))
        spans.append((start, start + len(match.group(1)), match.group(2)))
        position = match.end()
    out.append(line[position:])
    return "".join(out), spans


def _must_cover(text: str, start: int, end: int, label: str) -> list[int]:
    value = text[start:end]
    if label == "AGE" and any(char.isdigit() for char in value):
        return [i for i in range(start, end) if text[i].isdigit()]
    return [i for i in range(start, end) if text[i].isalnum()]


def score(profile: str, round_: int, verbose: bool) -> None:
    import phiguard

    guard = phiguard.Guard(profile=profile)
    total: collections.Counter[str] = collections.Counter()
    caught: collections.Counter[str] = collections.Counter()
    notes: list[str] = []
    for line in (PROBES / f"round{round_}_phi.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        text, spans = parse(line)
        inside = {i for f in guard.scan(text) for i in range(f.start, f.end)}
        for start, end, label in spans:
            total[label] += 1
            if all(i in inside for i in _must_cover(text, start, end, label)):
                caught[label] += 1
            else:
                notes.append(f"missed {label} {text[start:end]!r} | {text!r}")
    clean = alarms = 0
    for line in (PROBES / f"round{round_}_clean.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        clean += 1
        text = line.replace("\\n", "\n").replace("\\t", "\t")
        found = guard.scan(text)
        if found:
            alarms += 1
            notes.append(f"false alarm {[(f.text, f.label) for f in found]} | {text!r}")
    recall = sum(caught.values()) / max(1, sum(total.values()))
    print(
        f"round {round_}, {profile}: recall {sum(caught.values())}/{sum(total.values())} "
        f"= {recall:.1%}; clean messages with a finding {alarms}/{clean} = "
        f"{alarms / max(1, clean):.1%}"
    )
    for label in sorted(total):
        share = caught[label] / total[label]
        print(f"  {label:10s} {caught[label]:4d}/{total[label]:<4d} {share:.1%}")
    if verbose:
        print("\n".join(notes))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--round", type=int, action="append", help="round(s) to score (default all)"
    )
    parser.add_argument("--profiles", default="default,fast")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    rounds = args.round or sorted(
        int(path.name[5:].split("_")[0]) for path in PROBES.glob("round*_phi.txt")
    )
    for round_ in rounds:
        for profile in args.profiles.split(","):
            score(profile, round_, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
