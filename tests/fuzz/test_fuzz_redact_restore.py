"""A short fuzz run of redact and restore in the suite (the long run:
``python tests/fuzz/fuzz_redact_restore.py``, see docs/security.md)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from phiguard.session import Session
from tests.fuzz.targets import check_redact_restore
from tests.strategies import any_text, fragment_texts

_PLACEHOLDERISH = st.sampled_from(
    ["[NAME_1_K7QX2]", "[", "]", "_1_", "NAME_", "[MRN_999999_ZZZZZ]", "**", "\u200b"]
)
_TEXTS = st.one_of(
    any_text,
    st.lists(st.one_of(fragment_texts, _PLACEHOLDERISH), max_size=8).map("".join),
    st.binary(max_size=300).map(lambda data: data.decode("utf-8", "replace")),
)


@given(_TEXTS)
@settings(deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow])
# found by the long atheris run: a title repeated just before a name's own
@example("W:7DA1MR\nMR\n\x02D\x7f\x7fE\nD?7:1MR\n")
def test_redact_then_restore_keeps_every_promise(text: str) -> None:
    check_redact_restore(text)


def test_the_target_fails_when_a_promise_breaks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Session, "restore", lambda self, text: text)  # restores nothing
    with pytest.raises(AssertionError):
        check_redact_restore("Pt MRN 00412387")
