"""Memory under load: RSS while 10,000 prompts go through ``Guard().redact``.

    PYTHONPATH=$PWD python benchmarks/memory.py [--prompts 10000] [--bound-mb 50]
        [--json out.json]

Prompts cycle through the shared corpora (``../shared/corpora``), each made
unique (a surname never seen before, a fresh MRN and date per prompt), as a
long-running chat backend sees them: the worst case for spaCy's string
store, which keeps every new token's string. RSS (``/proc/self/statm``) and the size of the spaCy
model's string store and vocabulary are sampled every 1,000 prompts. The
bound: after the first 1,000 prompts (warm-up), RSS may grow by at most
``--bound-mb``; the script exits 1 if it grows more.

The NER model runs inside spaCy's ``nlp.memory_zone()``
(``phiguard/detect/ner.py``), which frees the strings and lexemes each call
adds, so the string store should stay flat after warm-up.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import pathlib
import sys

CORPORA = pathlib.Path(__file__).resolve().parents[2] / "shared" / "corpora"
_PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * _PAGE / 2**20


def prompts(count: int) -> list[str]:
    """``count`` unique prompts built from the corpora (or a template)."""
    texts: list[str] = []
    for path in sorted(CORPORA.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            texts += [json.loads(line)["text"][:2000] for line in lines]
    texts = texts or ["Pt Rosa Delgado, MRN 00412387, CT A/P from 3/4/24."]
    return [
        f"CT for {_surname(n)} today, MRN {41_000_000 + n}, seen {n % 12 + 1}/{n % 28 + 1}/24. "
        + texts[n % len(texts)]
        for n in range(count)
    ]


def _surname(n: int) -> str:
    """A surname no other prompt has, in no word list: a word the NER model
    is asked about (so every prompt brings the model new strings)."""
    letters = "bdgklmnrstvz"
    suffix = ""
    while True:
        n, digit = divmod(n, len(letters))
        suffix += letters[digit] + "a"
        if n == 0:
            return "Okon" + suffix


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prompts", type=int, default=10_000)
    parser.add_argument("--bound-mb", type=float, default=50.0)
    parser.add_argument("--json", type=pathlib.Path)
    args = parser.parse_args()
    import phiguard
    from phiguard.detect.ner import load_person_model

    texts = prompts(args.prompts)
    guard = phiguard.Guard()
    nlp = load_person_model()._nlp
    samples = []
    for n, text in enumerate(texts, 1):
        guard.redact(text)
        if n % 1000 == 0 or n == 1:
            gc.collect()
            sample = {
                "prompts": n,
                "rss_mb": round(rss_mb(), 1),
                "strings": len(nlp.vocab.strings),
                "lexemes": len(nlp.vocab),
            }
            samples.append(sample)
            print(json.dumps(sample), flush=True)
    warm = next(s for s in samples if s["prompts"] >= min(1000, args.prompts))
    growth = samples[-1]["rss_mb"] - warm["rss_mb"]
    result = {
        "prompts": args.prompts,
        "rss_growth_after_warmup_mb": round(growth, 1),
        "bound_mb": args.bound_mb,
        "string_growth_after_warmup": samples[-1]["strings"] - warm["strings"],
        "samples": samples,
    }
    print(json.dumps({k: v for k, v in result.items() if k != "samples"}))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if growth > args.bound_mb:
        print(f"FAIL: RSS grew {growth:.1f} MB after warm-up (bound {args.bound_mb} MB)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
