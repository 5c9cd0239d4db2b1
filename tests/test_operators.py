"""Operators per label, blocking, allow- and deny-lists."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

import phiguard
from phiguard.findings import Finding
from phiguard.transform import Context, apply, hash_value
from phiguard.transform.dates import shift_date
from phiguard.transform.surrogates import surrogate

KEY = b"0123456789abcdef-test-key"
PROMPT = "Pt Rosa Delgado, 92 yo, MRN 00412387, 88 Larchmont Ave, Dayton, OH 45402."


def _guard(**policy: object) -> phiguard.Guard:
    return phiguard.Guard("fast", policy=phiguard.Policy(**policy))  # type: ignore[arg-type]


def test_each_operator_writes_what_its_table_says() -> None:
    guard = _guard(
        operators={"NAME": "mask", "AGE": "age90", "MRN": "hash", "ADDRESS": "zip3"},
        hash_key=KEY,
    )
    text = guard.redact(PROMPT).text
    digest = hash_value("MRN", "00412387", KEY)
    assert text == f"Pt **** *******, 90+ yo, MRN [MRN_{digest}], [ADDRESS] 454XX."


def test_zip3_writes_000_for_sparse_areas_and_keeps_only_three_digits() -> None:
    sparse = Finding(0, 5, "ADDRESS", 1.0, "03601", "t")
    dense = Finding(0, 10, "ADDRESS", 1.0, "45402-1234", "t")
    street = Finding(0, 15, "ADDRESS", 1.0, "88 Larchmont Ave", "t")
    assert apply("zip3", sparse) == "000XX"
    assert apply("zip3", dense) == "454XX"
    assert apply("zip3", street) == "[ADDRESS]"


def test_the_keyed_hash_is_stable_keyed_and_normalised() -> None:
    assert hash_value("NAME", "John  Smith", KEY) == hash_value("NAME", "JOHN SMITH", KEY)
    assert hash_value("NAME", "John Smith", KEY) != hash_value("NAME", "John Smith", b"other")
    assert hash_value("NAME", "John Smith", KEY) != hash_value("NAME", "Jane Smith", KEY)
    assert len(hash_value("MRN", "1", KEY)) == 12


def test_the_hash_operator_needs_a_key() -> None:
    with pytest.raises(phiguard.ConfigError, match=r"hash\.key"):
        phiguard.Policy(operators={"MRN": "hash"})


def test_block_raises_before_any_output_and_names_only_labels() -> None:
    guard = _guard(operators={"SSN": "block", "MRN": "block"})
    with pytest.raises(phiguard.PHIBlocked) as caught:
        guard.redact("SSN 123-45-6789 for Rosa Delgado")
    assert caught.value.labels == frozenset({"SSN"})
    assert "123-45-6789" not in str(caught.value) and "Rosa" not in str(caught.value)
    assert guard.redact("Rosa Delgado called").text == "[NAME] called"
    with pytest.raises(phiguard.PHIBlocked):
        guard.session().redact("MRN 00412387")
    with pytest.raises(phiguard.PHIBlocked):
        guard.redact_many(["fine", "MRN 00412387"])


def test_the_strict_preset_blocks_mrn_and_ssn_and_lowers_the_threshold() -> None:
    strict = phiguard.Policy.preset("strict")
    assert strict.threshold < phiguard.Policy.preset("default").threshold
    assert strict.operator("MRN") == strict.operator("SSN") == "block"
    assert strict.operator("NAME") == "placeholder"
    with pytest.raises(phiguard.ConfigError, match="preset"):
        phiguard.Policy.preset("lenient")


@pytest.mark.parametrize(
    ("operators", "message"),
    [
        ({"SSN": "blok"}, r"operators\.SSN: unknown operator 'blok'"),
        ({"NAME": "age90"}, r"operators\.NAME: the age90 operator applies to AGE only"),
        ({"DATE": "zip3"}, r"operators\.DATE: the zip3 operator applies to ADDRESS only"),
        ({"NAMES": "mask"}, r"operators\.NAMES: unknown label"),
    ],
)
def test_bad_operators_are_named(operators: dict[str, str], message: str) -> None:
    with pytest.raises(phiguard.ConfigError, match=message):
        phiguard.Policy(operators=operators)


def test_allowed_words_and_patterns_are_kept() -> None:
    guard = _guard(allow={"okafor"}, allow_patterns=(r"RB\d{8}",))
    text = "Dr. Okafor and Dr. Lindqvist; Acc# RB24030417; MRN 00412387"
    assert guard.redact(text).text == "Dr. Okafor and [NAME]; Acc# RB24030417; MRN [MRN]"


def test_denied_words_and_patterns_are_always_redacted() -> None:
    guard = _guard(deny={"ID": ("Project Falcon",)}, deny_patterns={"ID": (r"PRJ-\d{4}",)})
    text = "enrolled in project falcon, study PRJ-0042, not falconry"
    assert guard.redact(text).text == "enrolled in [ID], study [ID], not falconry"


def test_bad_patterns_and_lists_are_named() -> None:
    with pytest.raises(phiguard.ConfigError, match=r"allow_patterns\[1\]: not a valid regular"):
        phiguard.Policy(allow_patterns=("ok", "(unclosed"))
    with pytest.raises(phiguard.ConfigError, match=r"deny\.ID: expected a list of strings"):
        phiguard.Policy(deny={"ID": "Falcon"})  # type: ignore[dict-item]
    with pytest.raises(phiguard.ConfigError, match=r"deny\.NAMES"):
        phiguard.Policy(deny={"NAMES": ("x",)})


def test_the_policy_repr_never_shows_the_key() -> None:
    policy = phiguard.Policy(operators={"MRN": "hash"}, hash_key=KEY)
    assert KEY.decode() not in repr(policy)


# -- date shift and surrogates --------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shifted"),
    [
        ("3/4/24", "3/24/24"),
        ("03/04/2024", "03/24/2024"),
        ("3-4-2024", "3-24-2024"),
        ("3/4", "3/24"),
        ("2024-03-04", "2024-03-24"),
        ("2024-03-04T10:15", "2024-03-24T10:15"),
        ("20240304", "20240324"),
        ("March 4, 2024", "March 24, 2024"),
        ("Mar 4th, 2024", "Mar 24th, 2024"),
        ("4 Mar 2024", "24 Mar 2024"),
        ("4th of March 2024", "24th of March 2024"),
        ("04-Mar-24", "24-Mar-24"),
        ("Dec 21st 1999", "Jan 10th 2000"),
        ("MARCH 2024", "APRIL 2024"),  # from mid-month: March 15 + 20 days
        ("March 31, 2024", "April 20, 2024"),
        ("13/45/2024", "[DATE]"),
        ("last week", "[DATE]"),
        # full month names stay full, unpadded days unpadded
        ("July 15, 2024", "August 4, 2024"),
        ("June 30", "July 20"),
        ("Sept 3", "Sep 23"),
        # a weekday is dropped (the shifted date falls on another), a time kept
        ("Tues 5/7", "5/27"),
        ("Monday, July 15, 2024 at 10:40 AM", "August 4, 2024 at 10:40 AM"),
        ("06/02/2024 06:30", "06/22/2024 06:30"),
        ("the 5th", "[DATE]"),
    ],
)
def test_dates_shift_in_their_own_format(value: str, shifted: str) -> None:
    assert shift_date(value, 20) == shifted


@given(
    st.dates(min_value=date(1950, 1, 1), max_value=date(2040, 12, 31)),
    st.dates(min_value=date(1950, 1, 1), max_value=date(2040, 12, 31)),
    st.integers(min_value=-365, max_value=365),
)
def test_a_shift_keeps_every_interval(first: date, second: date, days: int) -> None:
    def parse(text: str) -> date:
        month, day, year = map(int, text.split("/"))
        return date(year, month, day)

    a = parse(shift_date(f"{first.month}/{first.day}/{first.year}", days))
    b = parse(shift_date(f"{second.month}/{second.day}/{second.year}", days))
    assert (b - a) == (second - first)
    assert (a - first).days == days


def test_the_date_shift_operator_applies_to_dates_only() -> None:
    with pytest.raises(phiguard.ConfigError, match="date_shift operator applies to DATE only"):
        phiguard.Policy(operators={"NAME": "date_shift"})


SURROGATE_POLICY = phiguard.Policy(
    operators={label: "surrogate" for label in ("NAME", "MRN", "PHONE", "EMAIL", "DATE", "AGE")}
)
TURN = (
    "Pt Rosa Delgado (DELGADO^ROSA), 92 yo, MRN 00412387, CT 3/4/24, f/u 3/18/24; "
    "call (937) 555-0112 or rosa.d@example.com. Dr. Okafor"
)


def test_surrogates_are_consistent_within_a_session_and_keep_shapes() -> None:
    session = phiguard.Guard("fast", policy=SURROGATE_POLICY).session()
    first = session.redact(TURN).text
    again = session.redact(TURN).text
    assert first == again
    words = set(re.findall(r"\w+", first.casefold()))
    for value in ("rosa", "delgado", "00412387", "0112", "okafor"):
        assert value not in words
    shape = re.fullmatch(
        r"Pt (\w+ \w+) \(([A-Z]+)\^([A-Z]+)\), 90\+ yo, MRN (\d{8}), CT (\d+/\d+/\d\d), "
        r"f/u (\d+/\d+/\d\d); call \(\d{3}\) \d{3}-\d{4} or ([a-z]+\.[a-z]+)@example\.org\. "
        r"Dr\. (\w+)",
        first,
    )
    assert shape is not None, first
    ct, follow_up = (
        date(2000 + int(y), int(m), int(d)) for m, d, y in (x.split("/") for x in shape.group(5, 6))
    )
    assert (follow_up - ct).days == 14  # the interval survives the shift


def _secret_drawing(value: str, fake: str) -> bytes:
    """A secret whose first draw for ``value`` is ``fake``."""
    for i in range(1, 200_000):
        secret = i.to_bytes(32, "big")
        if surrogate("NAME", value, secret, 0) == fake:
            return secret
    raise AssertionError("no such secret")  # pragma: no cover


@pytest.mark.parametrize("session", [False, True])
def test_a_surrogate_never_repeats_another_original_of_the_text(
    monkeypatch: pytest.MonkeyPatch, session: bool
) -> None:
    # A secret under which Dr. Okafor's fake would be the patient's own surname.
    secret = _secret_drawing("Dr. Okafor", "Dr. Delgado")
    monkeypatch.setattr(Context, "random", classmethod(lambda cls: cls(40, secret)))
    guard = phiguard.Guard("fast", policy=SURROGATE_POLICY)
    redactor = guard.session() if session else guard
    text = redactor.redact("Pt Rosa Delgado seen today. Dr. Okafor").text
    assert "delgado" not in re.findall(r"\w+", text.casefold()), text
    assert re.fullmatch(r"Pt \w+ \w+ seen today\. Dr\. \w+", text), text
    # Without Delgado in the text, Okafor keeps the first draw.
    assert redactor.redact("Dr. Okafor called").text == "Dr. Delgado called"


def test_a_surrogate_is_never_its_own_original() -> None:
    for surname in ("Smith", "Johnson", "Garcia", "Nguyen", "Lee"):
        for i in range(300):
            secret = i.to_bytes(32, "big")
            assert surrogate("NAME", surname, secret, 0) != surname
    for number in ("7", "42", "A1"):
        fakes = {surrogate("MRN", number, i.to_bytes(32, "big"), 0) for i in range(300)}
        assert number not in fakes


def test_sessions_draw_different_surrogates() -> None:
    guard = phiguard.Guard("fast", policy=SURROGATE_POLICY)
    outputs = {guard.session().redact(TURN).text for _ in range(4)}
    assert len(outputs) > 1
