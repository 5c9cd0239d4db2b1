"""The public Guard: API, properties of redaction, and failing closed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import phiguard
from phiguard.findings import LABELS, Finding
from tests.strategies import any_text, fragment_texts

PROMPT = (
    "Pt Rosa Delgado, MRN 00412387, CT A/P from 3/4/24. Call (937) 555-0112 or "
    "rosa.d@example.org. Patient: Rosa Delgado  DOB: 03/04/1952"
)
PHI_VALUES = ("00412387", "3/4/24", "(937) 555-0112", "rosa.d@example.org", "03/04/1952")


def test_scan_returns_findings_with_the_documented_fields(guard: phiguard.Guard) -> None:
    findings = guard.scan(PROMPT)
    assert findings
    for finding in findings:
        assert isinstance(finding, phiguard.Finding)
        assert PROMPT[finding.start : finding.end] == finding.text
        assert finding.label in LABELS
        assert 0.0 <= finding.score <= 1.0


def test_redact_removes_every_value_and_keeps_the_rest(guard: phiguard.Guard) -> None:
    redaction = guard.redact(PROMPT)
    for value in PHI_VALUES:
        assert value not in redaction.text
    assert "[MRN]" in redaction.text and "[DATE]" in redaction.text
    assert redaction.text.startswith("Pt ")
    assert "CT A/P from" in redaction.text
    assert redaction.findings == tuple(guard.scan(PROMPT))


def test_module_level_functions_use_a_shared_default_guard() -> None:
    assert phiguard.scan(PROMPT) == phiguard.Guard().scan(PROMPT)
    assert phiguard.redact(PROMPT).text == phiguard.Guard().redact(PROMPT).text


def test_fast_profile_is_a_guard(fast_guard: phiguard.Guard) -> None:
    assert "00412387" not in fast_guard.redact(PROMPT).text


def test_text_without_phi_comes_back_unchanged(guard: phiguard.Guard) -> None:
    text = "Is a 1.2 cm Bosniak II cyst worth follow-up? Gleason 3+4, BP 120/80."
    assert guard.redact(text).text == text


@pytest.mark.parametrize("bad", [None, b"MRN 00412387", 42, ["MRN 00412387"], {"text": "x"}])
def test_non_text_input_raises_a_clear_error(guard: phiguard.Guard, bad: object) -> None:
    with pytest.raises(phiguard.InputError, match="expected str"):
        guard.scan(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        guard.redact(bad)  # type: ignore[arg-type]


def test_unknown_profile_and_bad_policy_raise_config_errors() -> None:
    with pytest.raises(phiguard.ConfigError, match="profile"):
        phiguard.Guard(profile="turbo")
    with pytest.raises(phiguard.ConfigError, match="threshold"):
        phiguard.Policy(threshold=1.5)
    with pytest.raises(phiguard.ConfigError, match=r"thresholds\.NAMES"):
        phiguard.Policy(thresholds={"NAMES": 0.5})


class _Exploding:
    """A recognizer that fails with the text in its message, as bugs do."""

    name = "exploding_v1"

    def find(self, text: str) -> Iterator[Finding]:
        raise ValueError(f"cannot parse {text!r}")


def test_a_failing_recognizer_fails_closed_without_leaking(monkeypatch: pytest.MonkeyPatch) -> None:
    guard = phiguard.Guard()
    monkeypatch.setattr(guard, "_recognizers", (*guard._recognizers, _Exploding()))
    with pytest.raises(phiguard.DetectionError) as caught:
        guard.redact(PROMPT)
    error = caught.value
    assert "ValueError" in str(error)
    for value in PHI_VALUES:
        assert value not in str(error) and value not in repr(error)
    assert error.__cause__ is None and error.__suppress_context__


def test_a_failing_transform_fails_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_render(text: str, findings: object) -> str:
        raise RuntimeError(text)

    monkeypatch.setattr("phiguard.guard.render", broken_render)
    with pytest.raises(phiguard.DetectionError, match="transform") as caught:
        phiguard.Guard().redact(PROMPT)
    assert "00412387" not in str(caught.value)


def test_reprs_carry_no_phi(guard: phiguard.Guard) -> None:
    redaction = guard.redact(PROMPT)
    shown = repr(redaction) + repr(redaction.findings) + repr(guard)
    for value in PHI_VALUES:
        assert value not in shown


def test_findings_are_frozen(guard: phiguard.Guard) -> None:
    finding = guard.scan(PROMPT)[0]
    with pytest.raises(AttributeError):
        finding.score = 0.0  # type: ignore[misc]


# -- properties ---------------------------------------------------------------

_GUARD = phiguard.Guard()
_FAST = phiguard.Guard("fast")


@given(any_text)
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_findings_are_sorted_disjoint_and_within_bounds(text: str) -> None:
    findings = _GUARD.scan(text)
    assert all(0 <= f.start < f.end <= len(text) for f in findings)
    assert all(a.end <= b.start for a, b in pairwise(findings))
    assert all(text[f.start : f.end] == f.text for f in findings)


@given(any_text)
@settings(deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_redacting_twice_never_unredacts(text: str) -> None:
    # The NER model reads context, and redaction changes the context
    # ("MRN 00412387" becomes "MRN [MRN]"), so a second pass of the default
    # profile may find a little more; it never gives anything back.
    # The rules read context too (an HL7 field shifts when its value is a
    # placeholder): the same holds for the fast profile.
    for guard in (_GUARD, _FAST):
        once = guard.redact(text).text
        twice = guard.redact(once).text
        for placeholder in set(re.findall(r"\[[A-Z]+\]", once)):
            assert twice.count(placeholder) >= once.count(placeholder)


@given(fragment_texts)
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_no_finding_survives_in_the_output(text: str) -> None:
    redaction = _GUARD.redact(text)
    for finding in redaction.findings:
        if text.count(finding.text) == 1:
            assert finding.text not in redaction.text


@given(st.text(alphabet=st.characters(codec="utf-8"), min_size=1000, max_size=3000))
@settings(deadline=None, max_examples=20, suppress_health_check=[HealthCheck.too_slow])
def test_arbitrary_unicode_never_crashes(text: str) -> None:
    _GUARD.redact(text)


def test_long_input_is_redacted_whole() -> None:
    text = (PROMPT + "\n") * 2000
    redaction = _GUARD.redact(text)
    assert "00412387" not in redaction.text
    assert redaction.text.count("[MRN]") == 2000
