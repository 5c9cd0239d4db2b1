"""A name written twice: in Latin letters and, in brackets beside it, in its
own script (``Lee Ji-hoon (이지훈)``, ``فاطمة الزهراني (Fatima Al-Zahrani)``,
``अनीता शर्मा (Anita Sharma)``).

The name tier finds the Latin form; the other is the same person's name
whatever its script, and no word list of that script is needed to know it.
This reads the original text (the detection view blanks Han, kana and
Hangul), after the findings are decided and mapped back onto it.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import regex

from phiguard.findings import Finding

__all__ = ["names_beside"]

#: A word of letters and their marks, in any script but Latin.
_WORD = r"(?:(?!\p{Latin})[\p{L}\p{M}])+"
#: Brackets, plain or full-width, with at most a space inside.
_OPEN = r"[(（]"
_CLOSE = r"[)）]"
#: Right after a name: " (이지훈)", "（李晓梅）".
_AFTER = regex.compile(rf"[ \t]?{_OPEN}[ \t]?({_WORD}(?:[ ·・]{_WORD}){{0,4}})[ \t]?{_CLOSE}")
#: Right before a name in brackets: "अनीता शर्मा (" before "Anita Sharma)".
_BEFORE = regex.compile(rf"({_WORD}(?:[ ·・]{_WORD}){{0,5}})[ \t]?{_OPEN}[ \t]?\Z")
#: How far back a name in its own script may begin.
_REACH = 60
_SOURCE = "name_transliterated_v1"


def names_beside(text: str, findings: Sequence[Finding]) -> list[Finding]:
    """``findings`` (sorted, non-overlapping, offsets in ``text``) with the
    names in another script in brackets beside a NAME, or before a NAME in
    brackets (as many words before it as the Latin name has)."""
    if text.isascii() or not any(f.label == "NAME" for f in findings):
        return list(findings)
    added: list[Finding] = []
    for finding in findings:
        if finding.label != "NAME":
            continue
        after = _AFTER.match(text, finding.end)
        if after is not None:
            added.append(_name(text, *after.span(1), finding.score))
            continue
        if text[finding.end : finding.end + 2].strip().startswith((")", "）")):
            before = _BEFORE.search(text, max(finding.start - _REACH, 0), finding.start)
            if before is not None:
                words = before.group(1).split()[-len(finding.text.split()) :]
                start = before.end(1) - len(" ".join(words))
                if text[start : before.end(1)] == " ".join(words):
                    added.append(_name(text, start, before.end(1), finding.score))
    if not added:
        return list(findings)
    merged = list(findings)
    starts = [f.start for f in merged]
    for new in added:
        index = bisect.bisect_left(starts, new.start)
        clear_before = index == 0 or merged[index - 1].end <= new.start
        clear_after = index == len(merged) or merged[index].start >= new.end
        if clear_before and clear_after:
            merged.insert(index, new)
            starts.insert(index, new.start)
    return merged


def _name(text: str, start: int, end: int, score: float) -> Finding:
    return Finding(start, end, "NAME", score, text[start:end], _SOURCE)
