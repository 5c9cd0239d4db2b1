"""Sessions: consistent placeholders across turns, restore, streamed restore."""

from __future__ import annotations

import asyncio
import re
import threading
from collections.abc import AsyncIterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import phiguard
from tests.strategies import fragment_texts

_GUARDS: dict[str, phiguard.Guard] = {}


def _guard() -> phiguard.Guard:
    """The fast Guard, built once (Hypothesis tests cannot take fixtures)."""
    return _GUARDS.setdefault("fast", phiguard.Guard("fast"))


def _placeholders(text: str) -> list[str]:
    return re.findall(r"\[[A-Z]+_\d+_[0-9A-Z]{5}\]", text)


def test_the_same_value_keeps_its_placeholder_across_turns() -> None:
    session = _guard().session()
    first = session.redact("Pt Rosa Delgado, MRN 00412387, seen 3/4/24.").text
    second = session.redact("MRN 00412387 again; Rosa Delgado called on 3/5/24.").text
    tag = session.tag
    assert first == f"Pt [NAME_1_{tag}], MRN [MRN_1_{tag}], seen [DATE_1_{tag}]."
    assert second == (f"MRN [MRN_1_{tag}] again; [NAME_1_{tag}] called on [DATE_2_{tag}].")


def test_different_values_never_share_a_placeholder() -> None:
    session = _guard().session()
    text = "Dr. Okafor and Dr. Lindqvist; MRN 00412387 and MRN 00999111."
    redacted = session.redact(text).text
    found = _placeholders(redacted)
    assert len(found) == len(set(found)) == 4
    assert {p.split("_")[0] for p in found} == {"[NAME", "[MRN"}
    assert session.restore(redacted) == text


def test_later_forms_of_a_name_link_to_the_person() -> None:
    session = _guard().session()
    tag = session.tag
    assert session.redact("Patient: John Smith").text == f"Patient: [NAME_1_{tag}]"
    for later in ("Mr. Smith called back", "SMITH^JOHN on the worklist", "J. Smith, again"):
        assert f"[NAME_1_{tag}]" in session.redact(later).text, later
    # the provider's answer names him once; he comes back whole
    assert session.restore(f"[NAME_1_{tag}] needs a CT.") == "John Smith needs a CT."


def test_a_shorter_form_fitting_two_people_gets_its_own_placeholder() -> None:
    session = _guard().session()
    tag = session.tag
    session.redact("Patient: John Smith. Mother: Mary Smith.")
    redacted = session.redact("Mrs. Smith called").text
    assert redacted == f"[NAME_3_{tag}] called"
    assert session.restore(redacted) == "Mrs. Smith called"


def test_a_fuller_form_seen_later_is_what_restore_gives() -> None:
    session = _guard().session()
    tag = session.tag
    session.redact("Dr. Okafor read it")
    assert session.redact("Dr. Chidi Okafor agrees").text == f"[NAME_1_{tag}] agrees"
    assert session.restore(f"Ask [NAME_1_{tag}].") == "Ask Dr. Chidi Okafor."


def test_linking_can_be_switched_off() -> None:
    session = _guard().session(link_names=False)
    session.redact("Patient: John Smith")
    assert f"[NAME_2_{session.tag}]" in session.redact("Mr. Smith called").text


@pytest.mark.parametrize(
    "answer",
    [
        "[NAME_1_{tag}]'s CT is normal.",
        "**[NAME_1_{tag}]** CT is normal.",
        "NAME_1_{tag} CT is normal.",
        "[Name_1_{low}] CT is normal.",
        "[ NAME_1_{tag} ] CT is normal.",
        "name_1_{low}, CT is normal.",
    ],
)
def test_restore_tolerates_what_models_do_to_placeholders(answer: str) -> None:
    session = _guard().session()
    session.redact("Patient: Rosa Delgado")
    restored = session.restore(answer.format(tag=session.tag, low=session.tag.lower()))
    assert "Rosa Delgado" in restored
    assert "NAME" not in restored.upper().replace("ROSA DELGADO", "")


def test_unknown_and_foreign_placeholders_are_left_alone() -> None:
    session = _guard().session()
    session.redact("Patient: Rosa Delgado")
    text = f"[NAME_2_{session.tag}] and [NAME_1_ZZZZZ] and [NAME_1] and XNAME_1_{session.tag}"
    assert session.restore(text) == text


def test_forget_drops_the_values() -> None:
    session = _guard().session()
    redacted = session.redact("Patient: Rosa Delgado").text
    session.forget()
    assert session.restore(redacted) == redacted
    assert "Rosa" not in repr(session)


def test_reprs_carry_no_phi() -> None:
    session = _guard().session()
    redaction = session.redact("Patient: Rosa Delgado, MRN 00412387")
    shown = repr(session) + repr(redaction)
    assert "Rosa" not in shown and "00412387" not in shown
    assert repr(session) == f"Session(id={session.id!r})"


def test_bad_input_raises_clear_errors() -> None:
    session = _guard().session()
    with pytest.raises(phiguard.InputError):
        session.redact(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(phiguard.InputError):
        session.restore(None)  # type: ignore[arg-type]
    with pytest.raises(phiguard.InputError):
        session.restore_stream("a string, not chunks")
    with pytest.raises(phiguard.InputError):
        list(session.restore_stream(["fine", 3]))  # type: ignore[list-item]
    with pytest.raises(phiguard.ConfigError):
        _guard().session(link_names="yes")  # type: ignore[arg-type]


def test_streamed_restore_holds_back_only_a_split_placeholder() -> None:
    session = _guard().session()
    session.redact("Patient: Rosa Delgado")
    tag = session.tag
    chunks = ["The CT of [NAM", f"E_1_{tag}] is ", "normal; [NAME_1_", f"{tag}]'s ", "MRI too."]
    out = list(session.restore_stream(chunks))
    assert out == [
        "The CT of ",
        "Rosa Delgado is ",
        "normal; ",
        "Rosa Delgado's ",
        "MRI too.",
    ]


def test_async_streams_restore_the_same() -> None:
    session = _guard().session()
    session.redact("Patient: Rosa Delgado")
    chunks = ["Ask [NA", f"ME_1_{session.tag}]", " today."]

    async def produce() -> AsyncIterator[str]:
        for chunk in chunks:
            yield chunk

    async def collect() -> list[str]:
        return [piece async for piece in session.restore_stream(produce())]

    assert "".join(asyncio.run(collect())) == "Ask Rosa Delgado today."


def test_concurrent_turns_keep_one_placeholder_per_value() -> None:
    session = _guard().session()
    texts = [f"MRN 0041{n:04d} for Dr. Okafor" for n in range(40)]
    results: list[str] = []

    def work(chunk: list[str]) -> None:
        for text in chunk:
            results.append(session.redact(text).text)

    threads = [threading.Thread(target=work, args=(texts[i::4],)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    found = [p for text in results for p in _placeholders(text)]
    assert len({p for p in found if p.startswith("[MRN")}) == 40
    assert len({p for p in found if p.startswith("[NAME")}) == 1
    for text in texts:
        assert session.restore(session.redact(text).text) == text


# -- properties ---------------------------------------------------------------


@given(st.lists(fragment_texts, min_size=1, max_size=4))
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_restore_inverts_redact_for_every_turn(turns: list[str]) -> None:
    session = _guard().session(link_names=False)
    for text in turns:
        assert session.restore(session.redact(text).text) == text


@given(st.lists(fragment_texts, min_size=1, max_size=3))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_linked_names_restore_to_the_same_person(turns: list[str]) -> None:
    # With linking, a turn restores to itself except that each name comes
    # back as the fullest form of the person its placeholder stands for.
    session = _guard().session()
    for text in turns:
        redaction = session.redact(text)
        placeholders = _placeholders(redaction.text)
        assert len(placeholders) == len(redaction.findings)
        expected, position = [], 0
        for finding, placeholder in zip(redaction.findings, placeholders):
            expected.append(text[position : finding.start])
            expected.append(session.restore(placeholder))
            position = finding.end
        expected.append(text[position:])
        assert session.restore(redaction.text) == "".join(expected)
        for finding, placeholder in zip(redaction.findings, placeholders):
            if finding.label != "NAME":
                assert session.restore(placeholder) == finding.text


@given(fragment_texts, st.data())
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_stream_split_anywhere_restores_as_the_whole(text: str, data: st.DataObject) -> None:
    session = _guard().session()
    answer = session.redact(text).text
    answer = answer.replace("[", "**[", 1).replace("]", "]**", 1)  # some decoration
    cuts = sorted(data.draw(st.sets(st.integers(0, len(answer)), max_size=12)))
    chunks = [answer[a:b] for a, b in zip([0, *cuts], [*cuts, len(answer)])]
    assert "".join(session.restore_stream(chunks)) == session.restore(answer)


@given(fragment_texts)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_single_boundary_split_restores_as_the_whole(text: str) -> None:
    session = _guard().session()
    answer = session.redact(text).text
    whole = session.restore(answer)
    for cut in range(len(answer) + 1):
        assert "".join(session.restore_stream([answer[:cut], answer[cut:]])) == whole


@given(fragment_texts, fragment_texts)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_sessions_never_restore_each_others_values(ours: str, theirs: str) -> None:
    mine, other = _guard().session(), _guard().session()
    mine.redact(ours)
    their_answer = other.redact(theirs).text
    assert mine.restore(their_answer) == their_answer


@pytest.mark.parametrize(
    "text", ["Seen by MR MR SMITH today", "Dr. Dr. Chidi Okafor called", "dr dr. Okafor"]
)
def test_a_title_the_text_itself_repeats_is_restored(text: str) -> None:
    # The title before the placeholder was the text's own, not the answer's:
    # restore gives back the text exactly (found by the long atheris run).
    session = _guard().session(link_names=False)
    redaction = session.redact(text)
    assert any(f.label == "NAME" for f in redaction.findings)
    assert session.restore(redaction.text) == text


def test_a_title_the_model_writes_before_the_placeholder_is_not_doubled() -> None:
    session = _guard().session()
    session.redact("Please cc Dr. Chidi Okafor")
    tag = session.tag
    assert session.restore(f"Dear Dr. [NAME_1_{tag}],") == "Dear Dr. Chidi Okafor,"
    assert session.restore(f"Dear DR [NAME_1_{tag}],") == "Dear DR Chidi Okafor,"
    assert session.restore(f"Dear [NAME_1_{tag}],") == "Dear Dr. Chidi Okafor,"
    chunks = ["Dear Dr", ". [NAME", f"_1_{tag}],"]
    assert "".join(session.restore_stream(chunks)) == "Dear Dr. Chidi Okafor,"
