"""Guard.scan_many / redact_many: the batch API gives what scan gives, in order."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import phiguard
from tests.strategies import fragment_texts
from tests.test_guard import PHI_VALUES, PROMPT, _Exploding

# Texts that reach the NER model (names the rules leave open) and texts
# that do not, so batches mix both.
TEXTS = [
    PROMPT,
    "Kelly Okonkwo-Baptiste and Ahmadou spoke with the ED about the CT.",
    "No PHI here: a 2.1 cm Baker's cyst.",
    "",
    "olga krylova needs her MRI moved; ask Thuy in scheduling.",
    "Chiari I malformation with 7 mm tonsillar ectopia.",
]


@pytest.mark.parametrize("profile", ["default", "fast"])
def test_scan_many_equals_scan_in_a_loop(profile: str) -> None:
    guard = phiguard.Guard(profile)
    expected = [guard.scan(text) for text in TEXTS]
    assert guard.scan_many(TEXTS) == expected
    assert guard.scan_many(TEXTS, batch_size=2) == expected
    assert guard.scan_many(reversed(TEXTS)) == expected[::-1]
    assert guard.scan_many(text for text in TEXTS) == expected


def test_redact_many_equals_redact_in_a_loop(guard: phiguard.Guard) -> None:
    redactions = guard.redact_many(TEXTS, batch_size=4)
    assert [r.text for r in redactions] == [guard.redact(text).text for text in TEXTS]
    for value in PHI_VALUES:
        assert value not in redactions[0].text


def test_an_empty_batch_gives_an_empty_list(guard: phiguard.Guard) -> None:
    assert guard.scan_many([]) == []
    assert guard.redact_many(()) == []


@given(st.lists(fragment_texts, max_size=8), st.integers(min_value=1, max_value=5))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_batches_of_any_size_give_the_serial_result(texts: list[str], batch_size: int) -> None:
    guard = _shared()
    assert guard.scan_many(texts, batch_size=batch_size) == [guard.scan(t) for t in texts]


@pytest.mark.parametrize(
    ("texts", "message"),
    [
        ("a single string", "got a str"),
        (42, "got int"),
        (["fine", b"bytes"], r"texts\[1\]: expected str, got bytes"),
        ([None], r"texts\[0\]"),
    ],
)
def test_bad_batches_raise_input_errors(guard: phiguard.Guard, texts: object, message: str) -> None:
    with pytest.raises(phiguard.InputError, match=message):
        guard.scan_many(texts)  # type: ignore[arg-type]
    with pytest.raises(phiguard.InputError, match=message):
        guard.redact_many(texts)  # type: ignore[arg-type]


@pytest.mark.parametrize("option", ["batch_size", "n_process"])
@pytest.mark.parametrize("value", [0, -1, 1.5, True, "8"])
def test_bad_batch_options_raise_config_errors(
    guard: phiguard.Guard, option: str, value: object
) -> None:
    with pytest.raises(phiguard.ConfigError, match=option):
        guard.scan_many(["MRN 00412387"], **{option: value})  # type: ignore[arg-type]


def test_a_failing_recognizer_fails_the_whole_batch_closed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    guard = phiguard.Guard("fast")
    monkeypatch.setattr(guard, "_recognizers", (*guard._recognizers, _Exploding()))
    with pytest.raises(phiguard.DetectionError) as caught:
        guard.redact_many(TEXTS)
    for value in PHI_VALUES:
        assert value not in str(caught.value)


_GUARD: phiguard.Guard | None = None


def _shared() -> phiguard.Guard:
    global _GUARD
    if _GUARD is None:
        _GUARD = phiguard.Guard()
    return _GUARD
