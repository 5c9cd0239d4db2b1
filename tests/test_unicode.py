"""Hostile Unicode: PHI wrapped in marks, emoji, RTL, invisible and control
characters is still found, offsets stay exact and redaction covers it whole."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import phiguard
from tests.marks import covered, unmark

ROWS = [
    # combining marks (NFD) inside names
    "Patient: «Jose\u0301 Garci\u0301a», MRN «00412387»",
    "Patient: «Zoe\u0308 N\u0303un\u0303ez», DOB «03/04/1952»",
    # emoji, with joiners, next to PHI
    "Pt «Rosa Delgado» 👩\u200d⚕️ MRN «00412387» 📞 «(937) 555-0112»",
    "MRN:«00412387»🙂 seen «3/4/24»🩻",
    # right-to-left text and bidi controls around PHI
    "\u05de\u05d8\u05d5\u05e4\u05dc «Rosa Delgado» MRN «00412387»",
    "\u0627\u0644\u0645\u0631\u064a\u0636 MRN «00412387» \u202eDOB «03/04/1952»\u202c",
    "MRN \u2067«00412387»\u2069 ok",
    # zero-width and invisible characters inside names and numbers
    "Patient: «J\u200bohn Sm\u200bith», MRN «12\u200b34567»",
    "MRN «0041\u200d2387», SSN «123\u2060-45-6789»",
    "Patient: «Ro\u00adsa Delgado»",
    "email «rosa.d@exam\u200bple.org» today",
    # full-width digits and letters
    "MRN «１２３４５６７»",
    "ＭＲＮ：«００４１２３８７»",
    "DOB: «０３/０４/１９５２»",
    # CRLF line ends and other line separators
    "Pt «Rosa Delgado»\r\nMRN «00412387»\r\nDOB: «03/04/1952»\r\n",
    "MRN «00412387»\u2028DOB «03/04/1952»\u2029",
    # NUL and other control characters inside PHI
    "Pt «Rosa\x00 Delgado» MRN «0041\x002387» DOB «03/04/\x001952»",
    "MRN «0041\x1b2387» call «937\x07-555-0112»",
    # non-breaking and thin spaces, non-breaking hyphens
    "call «555\u2011123\u20114567», «Dr.\u00a0Okafor»",
    "MRN\u202f«00412387»",
]


@pytest.mark.parametrize("row", ROWS)
def test_phi_in_hostile_unicode_is_covered_whole(guard: phiguard.Guard, row: str) -> None:
    text, spans = unmark(row)
    assert covered(guard, text, spans), [f.text for f in guard.scan(text)]
    redaction = guard.redact(text)
    for _, _, value in spans:
        assert value not in redaction.text
    for finding in redaction.findings:
        assert text[finding.start : finding.end] == finding.text


#: Characters that may appear anywhere in a hostile prompt.
_HOSTILE = st.sampled_from(
    "\u200b\u200c\u200d\u2060\u00ad\ufeff\u202e\u2067\x00\x1b\x7f\r\n\u2028"
    "\u0301\u0308👩⚕️🙂１２\u00a0\u2011"
)


@given(st.data())
@settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])
def test_invisible_characters_inside_an_mrn_never_hide_it(data: st.DataObject) -> None:
    digits = "00412387"
    cuts = data.draw(st.lists(st.integers(1, len(digits) - 1), max_size=4))
    value = digits
    for cut in sorted(set(cuts), reverse=True):
        invisible = data.draw(st.sampled_from("\u200b\u200c\u200d\u2060\u00ad\ufeff\x00\x1b"))
        value = value[:cut] + invisible + value[cut:]
    text = f"Pt seen today, MRN {value}, CT A/P."
    start = text.index(value)
    assert covered(_FAST, text, [(start, start + len(value), value)])


@given(st.lists(st.one_of(_HOSTILE, st.sampled_from(["MRN 00412387", " Rosa Delgado ", "3/4/24"]))))
@settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])
def test_offsets_stay_exact_in_hostile_text(parts: list[str]) -> None:
    text = " ".join(parts)  # (a key glued to a word before it is evasion, not Unicode)
    redaction = _FAST.redact(text)
    for finding in redaction.findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text
    assert "00412387" not in redaction.text


_FAST = phiguard.Guard("fast")
