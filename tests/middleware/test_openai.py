"""phiguard.openai against the real openai SDK and a local server on the wire."""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any

import openai
import pytest

import phiguard
import phiguard.openai
from tests.middleware.fake_provider import PLACEHOLDER, FakeProvider
from tests.test_guard import _Exploding

PHI = ("Rosa Delgado", "00412387", "3/4/24", "(937) 555-0112", "rosa.d@example.org", "Okafor")
TOOLS = [{"type": "function", "function": {"name": "lookup", "parameters": {"type": "object"}}}]


def _messages() -> list[dict[str, Any]]:
    """A history with PHI in every part: system, user text and parts,
    assistant tool call arguments, tool results, participant names."""
    return [
        {"role": "system", "content": "You help Dr. Okafor draft notes."},
        {
            "role": "user",
            "name": "Rosa Delgado",
            "content": [
                {"type": "text", "text": "Pt Rosa Delgado, MRN 00412387, CT on 3/4/24."},
                {"type": "image_url", "image_url": {"url": "https://example.test/x.png"}},
            ],
        },
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_0",
                    "type": "function",
                    "function": {"name": "lookup", "arguments": json.dumps({"mrn": "00412387"})},
                }
            ],
        },
        {
            "role": "tool",
            "tool_call_id": "call_0",
            "content": "Phone (937) 555-0112, email rosa.d@example.org",
        },
        {"role": "user", "content": "Summarise for Rosa Delgado."},
    ]


def test_chat_completions_sync(provider: FakeProvider, guard: phiguard.Guard) -> None:
    client = phiguard.openai.wrap(openai.OpenAI(base_url=provider.url, api_key="k"), guard=guard)
    messages = _messages()
    answer = client.chat.completions.create(model="m", messages=messages, tools=TOOLS)
    provider.assert_never_received(PHI)
    content = answer.choices[0].message.content
    assert "Rosa Delgado" in content and "00412387" in content and "[" not in content
    patient = json.loads(answer.choices[0].message.tool_calls[0].function.arguments)["patient"]
    assert patient and not PLACEHOLDER.search(patient)
    assert patient in json.dumps(_messages())  # an original value, restored
    assert messages == _messages()  # the caller's history is left as it was


def test_chat_completions_streamed(provider: FakeProvider, guard: phiguard.Guard) -> None:
    client = phiguard.openai.wrap(openai.OpenAI(base_url=provider.url, api_key="k"), guard=guard)
    stream = client.chat.completions.create(
        model="m", messages=_messages(), stream=True, tools=TOOLS
    )
    chunks = list(stream)
    provider.assert_never_received(PHI)
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    arguments = "".join(
        call.function.arguments or ""
        for c in chunks
        for call in (c.choices[0].delta.tool_calls or [])
    )
    assert "Rosa Delgado" in text and "[" not in text
    assert "[" not in arguments and json.loads(arguments)["patient"]


def test_streamed_restore_adds_at_most_one_chunk_of_delay(
    provider: FakeProvider, guard: phiguard.Guard
) -> None:
    raw = openai.OpenAI(base_url=provider.url, api_key="k")
    session = guard.session()
    client = phiguard.openai.wrap(raw, guard=guard, session=session)
    prompt = "Pt Rosa Delgado, MRN 00412387, seen by Dr. Okafor"
    guarded = list(
        client.chat.completions.create(
            model="m", messages=[{"role": "user", "content": prompt}], stream=True
        )
    )
    # the provider's own chunks for the same (redacted) request
    plain = list(
        raw.chat.completions.create(
            model="m",
            messages=[{"role": "user", "content": session.redact(prompt).text}],
            stream=True,
        )
    )
    assert len(guarded) == len(plain)  # no chunk is added or swallowed
    for k in range(1, len(plain) + 1):
        sent = "".join(c.choices[0].delta.content or "" for c in plain[:k])
        given = "".join(c.choices[0].delta.content or "" for c in guarded[:k])
        # by chunk k everything the provider sent is passed on, restored,
        # except the start of a placeholder that chunk k has not completed
        restored = session.restore(sent)
        assert restored.startswith(given)
        held = restored[len(given) :]
        assert len(held) <= 40 and re.fullmatch(r"\[?[A-Za-z0-9_ ]*", held), held
    assert given == session.restore(sent) and "Rosa Delgado" in given


def test_responses_sync_and_streamed(provider: FakeProvider, guard: phiguard.Guard) -> None:
    client = phiguard.openai.wrap(openai.OpenAI(base_url=provider.url, api_key="k"), guard=guard)
    items = [
        {
            "role": "user",
            "content": [{"type": "input_text", "text": "Pt Rosa Delgado, MRN 00412387"}],
        },
        {
            "type": "function_call_output",
            "call_id": "c1",
            "output": json.dumps({"phone": "(937) 555-0112"}),
        },
    ]
    answer = client.responses.create(model="m", input=items, instructions="Help Dr. Okafor.")
    assert "Rosa Delgado" in answer.output_text and "[" not in answer.output_text
    events = list(
        client.responses.create(model="m", input="Pt Rosa Delgado on 3/4/24", stream=True)
    )
    deltas = "".join(e.delta for e in events if e.type == "response.output_text.delta")
    done = next(e for e in events if e.type == "response.output_text.done").text
    assert deltas == done and "Rosa Delgado" in done and "[" not in done
    provider.assert_never_received(PHI)


def test_async_client_sync_and_streamed(provider: FakeProvider, guard: phiguard.Guard) -> None:
    client = phiguard.openai.wrap(
        openai.AsyncOpenAI(base_url=provider.url, api_key="k"), guard=guard
    )

    async def run() -> tuple[str, str]:
        answer = await client.chat.completions.create(model="m", messages=_messages())
        stream = await client.chat.completions.create(model="m", messages=_messages(), stream=True)
        text = "".join([c.choices[0].delta.content or "" async for c in stream])
        return answer.choices[0].message.content, text

    whole, streamed = asyncio.run(run())
    assert whole == streamed and "Rosa Delgado" in whole and "[" not in whole
    provider.assert_never_received(PHI)


def test_a_blocked_label_never_reaches_the_network(provider: FakeProvider) -> None:
    strict = phiguard.Guard("fast", policy=phiguard.Policy.preset("strict"))
    client = phiguard.openai.wrap(openai.OpenAI(base_url=provider.url, api_key="k"), guard=strict)
    with pytest.raises(phiguard.PHIBlocked):
        client.chat.completions.create(model="m", messages=_messages())
    assert provider.bodies == []


def test_a_phiguard_failure_stops_the_call(
    provider: FakeProvider, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = phiguard.Guard("fast")
    monkeypatch.setattr(broken, "_recognizers", (*broken._recognizers, _Exploding()))
    client = phiguard.openai.wrap(openai.OpenAI(base_url=provider.url, api_key="k"), guard=broken)
    with pytest.raises(phiguard.DetectionError):
        client.chat.completions.create(model="m", messages=_messages())
    assert provider.bodies == []


def test_a_conversation_session_keeps_placeholders_across_calls(
    provider: FakeProvider, guard: phiguard.Guard
) -> None:
    session = guard.session()
    client = phiguard.openai.wrap(
        openai.OpenAI(base_url=provider.url, api_key="k"), session=session
    )
    for _ in range(2):
        client.chat.completions.create(
            model="m", messages=[{"role": "user", "content": "Rosa Delgado?"}]
        )
    first, second = (json.loads(body)["messages"][0]["content"] for body in provider.bodies)
    assert first == second == f"[NAME_1_{session.tag}]?"


def test_wrap_refuses_what_is_not_an_openai_client() -> None:
    with pytest.raises(TypeError, match=r"openai\.OpenAI"):
        phiguard.openai.wrap(object())


def test_endpoints_phiguard_does_not_guard_are_refused(provider: FakeProvider) -> None:
    client = phiguard.openai.wrap(openai.OpenAI(base_url=provider.url, api_key="k"))
    for reach in (
        lambda: client.embeddings,
        lambda: client.files,
        lambda: client.chat.completions.parse,
        lambda: client.responses.stream,
    ):
        with pytest.raises(AttributeError, match="not guarded"):
            reach()
    assert client.models is client._client.models
    assert provider.bodies == []


def test_responses_function_calls_are_restored_whole_and_streamed(
    provider: FakeProvider, guard: phiguard.Guard
) -> None:
    client = phiguard.openai.wrap(openai.OpenAI(base_url=provider.url, api_key="k"), guard=guard)
    tools = [{"type": "function", "name": "lookup", "parameters": {"type": "object"}}]
    answer = client.responses.create(model="m", input="Pt Rosa Delgado", tools=tools)
    call = next(item for item in answer.output if item.type == "function_call")
    assert json.loads(call.arguments) == {"patient": "Rosa Delgado"}
    events = list(
        client.responses.create(model="m", input="Pt Rosa Delgado", tools=tools, stream=True)
    )
    streamed = "".join(
        e.delta for e in events if e.type == "response.function_call_arguments.delta"
    )
    done = next(e for e in events if e.type == "response.function_call_arguments.done")
    assert json.loads(streamed) == json.loads(done.arguments) == {"patient": "Rosa Delgado"}
    provider.assert_never_received(PHI)


def test_async_responses_whole_and_streamed(provider: FakeProvider, guard: phiguard.Guard) -> None:
    client = phiguard.openai.wrap(
        openai.AsyncOpenAI(base_url=provider.url, api_key="k"), guard=guard
    )
    tools = [{"type": "function", "name": "lookup", "parameters": {"type": "object"}}]

    async def run() -> tuple[str, str, str]:
        answer = await client.responses.create(model="m", input="Pt Rosa Delgado", tools=tools)
        stream = await client.responses.create(
            model="m", input="Pt Rosa Delgado", tools=tools, stream=True
        )
        events = [event async for event in stream]
        text = "".join(e.delta for e in events if e.type == "response.output_text.delta")
        arguments = "".join(
            e.delta for e in events if e.type == "response.function_call_arguments.delta"
        )
        return answer.output_text, text, arguments

    whole, streamed, arguments = asyncio.run(run())
    assert whole == streamed and "Rosa Delgado" in whole
    assert json.loads(arguments) == {"patient": "Rosa Delgado"}
    provider.assert_never_received(PHI)


def test_sdk_messages_put_back_into_the_history_are_redacted(
    provider: FakeProvider, guard: phiguard.Guard
) -> None:
    client = phiguard.openai.wrap(openai.OpenAI(base_url=provider.url, api_key="k"), guard=guard)
    first = client.chat.completions.create(model="m", messages=_messages(), tools=TOOLS)
    history = [*_messages(), first.choices[0].message]  # the restored answer, as an object
    history.append({"role": "user", "content": "Thanks; and Rosa Delgado's MRN 00412387?"})
    client.chat.completions.create(model="m", messages=history, tools=TOOLS)
    provider.assert_never_received(PHI)
    with pytest.raises(TypeError, match="content parts"):
        client.chat.completions.create(model="m", messages=[{"role": "user", "content": [42]}])


def test_one_choice_finishing_keeps_the_other_choices_held_text(guard: phiguard.Guard) -> None:
    from openai.types.chat import ChatCompletionChunk

    from phiguard._flow import Flow
    from phiguard.openai import ChatChunks

    session = guard.session()
    session.redact("Pt Rosa Delgado")
    tag = session.tag

    def chunk(deltas: dict[int, str], finished: set[int]) -> ChatCompletionChunk:
        return ChatCompletionChunk.model_validate(
            {
                "id": "c",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": "m",
                "choices": [
                    {
                        "index": i,
                        "delta": {"content": text},
                        "finish_reason": "stop" if i in finished else None,
                    }
                    for i, text in deltas.items()
                ],
            }
        )

    # choice 1 is inside a placeholder when choice 0 finishes
    chunks = [
        chunk({0: "Done.", 1: "Ask [NAME_1_"}, {0}),
        chunk({1: f"{tag}] now."}, {1}),
    ]
    restore = ChatChunks(Flow(session))
    out = [c for item in chunks for c in restore.step(item)] + restore.finish()
    texts: dict[int, str] = {}
    for c in out:
        for choice in c.choices:
            texts[choice.index] = texts.get(choice.index, "") + (choice.delta.content or "")
    assert texts == {0: "Done.", 1: "Ask Rosa Delgado now."}
