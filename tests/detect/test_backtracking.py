"""No catastrophic backtracking: every recognizer does linear work on hostile input.

Two checks (docs/security.md explains them):

- statically, no pattern nests an unbounded backtracking quantifier inside
  another unbounded one (``(a+)+``), unless one of them is possessive;
- empirically, each recognizer (the code ones too) and the whole Guard
  reads a hostile text of 10n characters with at most ``BOUND`` times the
  work of n characters, where linear work gives 10 and quadratic 100. Work
  is CPU time of this process (``time.process_time``), the smaller of up to
  three tries; a CPU budget per measurement only stops a runaway pattern
  from hanging the suite.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import re._constants as sre
import re._parser as sre_parse
import signal
import time
import warnings
from collections.abc import Callable, Iterable
from typing import Any

import pytest
import regex

import phiguard
import phiguard.detect
from phiguard.detect import PATTERN_RECOGNIZERS, build_recognizers
from phiguard.detect.gate import PatternTier
from tests.marks import unmark

# -- static: nested unbounded quantifiers -----------------------------------

_UNBOUNDED = sre.MAXREPEAT


def _nested_unbounded(items: Any, outer: bool) -> list[str]:
    """Unbounded greedy or lazy repeats inside another unbounded one, where
    backtracking can split a run between them in exponentially many ways."""
    found: list[str] = []
    for op, av in items:
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            _, high, body = av
            if outer and high == _UNBOUNDED:
                found.append(str(op))
            found += _nested_unbounded(body, outer or high == _UNBOUNDED)
        elif op is sre.POSSESSIVE_REPEAT:
            found += _nested_unbounded(av[2], False)  # never re-entered by backtracking
        elif op is sre.ATOMIC_GROUP:
            # inside, backtracking still runs until the group first matches
            found += _nested_unbounded(av, outer)
        elif op is sre.SUBPATTERN:
            found += _nested_unbounded(av[3], outer)
        elif op is sre.BRANCH:
            for branch in av[1]:
                found += _nested_unbounded(branch, outer)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            found += _nested_unbounded(av[1], False)  # a lookaround is atomic
        elif op is sre.GROUPREF_EXISTS:
            for branch in av[1:]:
                if branch is not None:
                    found += _nested_unbounded(branch, outer)
    return found


def _for_re(pattern: str) -> str:
    """A ``regex`` pattern in syntax ``re`` parses: the structure kept,
    Unicode properties as ``\\w``, group names (``regex`` allows repeats) and
    the reverse-search flag ``(?r)`` dropped."""
    pattern = pattern.replace("(?r)", "")
    pattern = re.sub(r"\\[pP]\{[^}]*\}", r"\\w", pattern)
    pattern = re.sub(r"\(\?P=\w+\)", "x", pattern)
    return re.sub(r"\(\?P?<(\w+)>", "(?:", pattern)


def _all_patterns() -> list[tuple[str, str]]:
    """Every regular expression of detection: recognizer data and module-level."""
    patterns = [
        (f"{spec.name}.{pattern.name}", pattern.regex)
        for spec in PATTERN_RECOGNIZERS
        for pattern in spec.patterns
    ]
    patterns += [
        (f"{spec.name}.{pattern.name}.ascii_re", pattern.ascii_re)
        for spec in PATTERN_RECOGNIZERS
        for pattern in spec.patterns
        if isinstance(pattern.ascii_re, str)
    ]
    patterns += [(f"{spec.name}.prefilter", spec.prefilter or "") for spec in PATTERN_RECOGNIZERS]
    for module_info in pkgutil.iter_modules(phiguard.detect.__path__):
        module = importlib.import_module(f"phiguard.detect.{module_info.name}")
        for name, value in vars(module).items():
            if isinstance(value, (re.Pattern, regex.Pattern)):
                patterns.append((f"{module_info.name}.{name}", value.pattern))
    return patterns


PATTERNS = _all_patterns()


def test_the_static_check_sees_every_recognizer_pattern() -> None:
    assert len(PATTERNS) > 80
    assert _nested_unbounded(sre_parse.parse(r"(?:a+b?)+c"), False)
    assert _nested_unbounded(sre_parse.parse(r"(\w+\s?)*$"), False)
    assert not _nested_unbounded(sre_parse.parse(r"(?:a++b?)+c"), False)
    assert not _nested_unbounded(sre_parse.parse(r"(?:a+b?)*+c"), False)


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[name for name, _ in PATTERNS])
def test_no_pattern_nests_unbounded_quantifiers(name: str, pattern: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # "possible set union" in re
        tree = sre_parse.parse(_for_re(pattern))
    assert _nested_unbounded(tree, False) == [], pattern


# -- empirical: the work on 10n characters against n ------------------------

N = 2000
BOUND = 30.0  # linear gives 10, quadratic 100
FLOOR = 0.002  # seconds: below this, timings are noise
BUDGET = 20.0  # CPU seconds per measurement before a runaway is stopped

#: Runs of characters that patterns love to backtrack over.
GENERIC_UNITS = (
    "1", "1 ", "1-", "1.", "1/", "1:", "1,", "12 ", "(1", "+1 ", "1x", "x1", "^", "A^", "^A",
    "a", "A", "a ", "Aa ", "AA ", "Aa-", "A-", "A.", "Aa, ", "a.", "a@", "@a", "a_", "a-", "-",
    ".", " ", "\t", "\n", "\r\n", "|", "1|", "a|", "||", ":", "a:", "#", "#1", "'", "Mr. Aa ",
    "Dr Aa Bb, ", "aa bb ", "MRN ", "Acc ", "DOB ", "PID|", "|a^b", "(0010,0010) ", "PN [A^",
    '{"0010": ', "a\u200b", "\u00a0", "é", "１", "Aa and ", "ann, ", "Ann: Aa\n",
    "address: Aa Bb\n1 ",
)  # fmt: skip


def _units_for(recognizer: object) -> tuple[str, ...]:
    """The generic runs, and runs built from a pattern recognizer's own
    examples: each whole example, and its PHI value glued to itself."""
    spec = getattr(recognizer, "spec", None)
    if spec is None:
        return GENERIC_UNITS
    derived: list[str] = []
    for example in spec.examples:
        text, spans = unmark(example)
        derived.append(text + " ")
        derived += [value for _, _, value in spans]
        derived += [value[:-1] for _, _, value in spans if len(value) > 2]
    return GENERIC_UNITS + tuple(dict.fromkeys(derived))


class _Runaway(Exception):
    pass


def _stop(signum: int, frame: object) -> None:
    raise _Runaway


def _work(run: Callable[[str], Iterable[object]], text: str) -> float:
    signal.signal(signal.SIGPROF, _stop)
    signal.setitimer(signal.ITIMER_PROF, BUDGET)
    try:
        start = time.process_time()
        for _ in run(text):
            pass
        return time.process_time() - start
    except _Runaway:
        return float("inf")
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)


def _growth(run: Callable[[str], Iterable[object]], unit: str, n: int) -> float:
    """How much more work 10n characters of ``unit`` take than n."""
    small = (unit * (n // len(unit) + 1))[:n]
    large = (unit * (10 * n // len(unit) + 1))[: 10 * n]
    ratio = float("inf")
    for _ in range(3):
        ratio = min(ratio, _work(run, large) / max(_work(run, small), FLOOR))
        if ratio < BOUND:
            break
    return ratio


def _worst(run: Callable[[str], Iterable[object]], units: Iterable[str], n: int) -> list[str]:
    return [
        f"{unit!r}: x{ratio:.0f}" for unit in units if (ratio := _growth(run, unit, n)) >= BOUND
    ]


def _each(recognizers: tuple[Any, ...]) -> list[Any]:
    """Every recognizer, the pattern tier's members one by one too."""
    found: list[Any] = []
    for recognizer in recognizers:
        if isinstance(recognizer, PatternTier):
            assert recognizer.wait_for_gate(60), "the pattern gate did not compile"
            found += recognizer.members
        found.append(recognizer)
    return found


RECOGNIZERS = _each(build_recognizers("fast"))


@pytest.mark.parametrize("recognizer", RECOGNIZERS, ids=[r.name for r in RECOGNIZERS])
def test_each_recognizer_does_linear_work(recognizer: Any) -> None:
    assert _worst(recognizer.find, _units_for(recognizer), N) == []


def test_the_whole_fast_guard_does_linear_work(fast_guard: phiguard.Guard) -> None:
    assert _worst(fast_guard.scan, GENERIC_UNITS, N) == []


def test_the_default_guard_with_its_model_does_linear_work(guard: phiguard.Guard) -> None:
    units = ("Aa ", "aa bb ", "Dr Aa Bb, ", "Mr. Aa ", "1 ", "A^", "|a^b", "a\u200b")
    assert _worst(guard.scan, units, N // 4) == []


def test_the_growth_check_catches_quadratic_work() -> None:
    # A pattern known to be quadratic under search: each start rescans the run.
    quadratic = regex.compile(r"a+b")
    assert _growth(quadratic.finditer, "a", N) >= BOUND
    # The cure the recognizers use: start only where a run starts.
    assert _growth(regex.compile(r"(?<!a)a++b").finditer, "a", N) < BOUND
