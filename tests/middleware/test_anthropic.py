"""phiguard.anthropic against the real anthropic SDK and a local server on the wire."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import anthropic
import pytest

import phiguard
import phiguard.anthropic
from tests.middleware.fake_provider import PLACEHOLDER, FakeProvider

PHI = ("Rosa Delgado", "00412387", "3/4/24", "(937) 555-0112", "rosa.d@example.org", "Okafor")
TOOLS = [{"name": "lookup", "input_schema": {"type": "object"}}]


def _messages() -> list[dict[str, Any]]:
    """PHI in every block: text, tool_use input, tool_result content, document."""
    return [
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "Pt Rosa Delgado, MRN 00412387, CT on 3/4/24."},
                {
                    "type": "document",
                    "source": {
                        "type": "text",
                        "media_type": "text/plain",
                        "data": "Referral from Dr. Okafor",
                    },
                },
            ],
        },
        {
            "role": "assistant",
            "content": [
                {
                    "type": "tool_use",
                    "id": "toolu_0",
                    "name": "lookup",
                    "input": {"mrn": "00412387", "name": "Rosa Delgado"},
                },
            ],
        },
        {
            "role": "user",
            "content": [
                {
                    "type": "tool_result",
                    "tool_use_id": "toolu_0",
                    "content": [
                        {"type": "text", "text": "Phone (937) 555-0112, rosa.d@example.org"}
                    ],
                },
            ],
        },
    ]


SYSTEM = [{"type": "text", "text": "You help Dr. Okafor draft notes."}]


def _client(provider: FakeProvider, guard: phiguard.Guard, aio: bool = False) -> Any:
    cls = anthropic.AsyncAnthropic if aio else anthropic.Anthropic
    return phiguard.anthropic.wrap(cls(base_url=provider.base, api_key="k"), guard=guard)


def test_messages_sync(provider: FakeProvider, guard: phiguard.Guard) -> None:
    messages = _messages()
    answer = _client(provider, guard).messages.create(
        model="m", max_tokens=100, system=SYSTEM, messages=messages, tools=TOOLS
    )
    provider.assert_never_received(PHI)
    text, tool = answer.content
    assert "Rosa Delgado" in text.text and not PLACEHOLDER.search(text.text)
    assert tool.input["patient"] and not PLACEHOLDER.search(tool.input["patient"])
    assert messages == _messages()


def test_messages_stream_events(provider: FakeProvider, guard: phiguard.Guard) -> None:
    events = list(
        _client(provider, guard).messages.create(
            model="m",
            max_tokens=100,
            system="Help Dr. Okafor.",
            messages=_messages(),
            tools=TOOLS,
            stream=True,
        )
    )
    provider.assert_never_received(PHI)
    text = "".join(
        e.delta.text
        for e in events
        if e.type == "content_block_delta" and e.delta.type == "text_delta"
    )
    arguments = "".join(
        e.delta.partial_json
        for e in events
        if e.type == "content_block_delta" and e.delta.type == "input_json_delta"
    )
    assert "Rosa Delgado" in text and not PLACEHOLDER.search(text)
    assert json.loads(arguments)["patient"] and not PLACEHOLDER.search(arguments)


def test_messages_stream_helper(provider: FakeProvider, guard: phiguard.Guard) -> None:
    with _client(provider, guard).messages.stream(
        model="m", max_tokens=100, messages=_messages()
    ) as stream:
        text = "".join(stream.text_stream)
        final = stream.get_final_message()
    provider.assert_never_received(PHI)
    assert "Rosa Delgado" in text and not PLACEHOLDER.search(text)
    assert final.content[0].text == text


def test_async_messages(provider: FakeProvider, guard: phiguard.Guard) -> None:
    client = _client(provider, guard, aio=True)

    async def run() -> tuple[str, str, str]:
        answer = await client.messages.create(model="m", max_tokens=100, messages=_messages())
        events = await client.messages.create(
            model="m", max_tokens=100, messages=_messages(), stream=True
        )
        streamed = "".join(
            [
                e.delta.text
                async for e in events
                if e.type == "content_block_delta" and e.delta.type == "text_delta"
            ]
        )
        async with client.messages.stream(model="m", max_tokens=100, messages=_messages()) as s:
            helper = "".join([t async for t in s.text_stream])
        return answer.content[0].text, streamed, helper

    whole, streamed, helper = asyncio.run(run())
    assert whole == streamed == helper and "Rosa Delgado" in whole
    provider.assert_never_received(PHI)


def test_a_blocked_label_never_reaches_the_network(provider: FakeProvider) -> None:
    strict = phiguard.Guard("fast", policy=phiguard.Policy.preset("strict"))
    with pytest.raises(phiguard.PHIBlocked):
        _client(provider, strict).messages.create(model="m", max_tokens=10, messages=_messages())
    with pytest.raises(phiguard.PHIBlocked):
        _client(provider, strict).messages.stream(model="m", max_tokens=10, messages=_messages())
    assert provider.bodies == []


def test_wrap_refuses_what_is_not_an_anthropic_client() -> None:
    with pytest.raises(TypeError, match="Anthropic"):
        phiguard.anthropic.wrap(object())


def test_endpoints_phiguard_does_not_guard_are_refused(provider: FakeProvider) -> None:
    client = phiguard.anthropic.wrap(anthropic.Anthropic(base_url=provider.base, api_key="k"))
    for reach in (lambda: client.beta, lambda: client.messages.count_tokens):
        with pytest.raises(AttributeError, match="not guarded"):
            reach()
    assert provider.bodies == []


def test_sdk_blocks_put_back_into_the_history_are_redacted(
    provider: FakeProvider, guard: phiguard.Guard
) -> None:
    # the usual tool loop: the answer's content blocks (restored, so full of
    # PHI) go back into the next request as the assistant turn
    client = _client(provider, guard)
    first = client.messages.create(model="m", max_tokens=100, messages=_messages(), tools=TOOLS)
    assert any(getattr(b, "type", "") == "tool_use" for b in first.content)
    history = [*_messages(), {"role": "assistant", "content": first.content}]
    history.append({"role": "user", "content": "And Rosa Delgado's MRN 00412387?"})
    client.messages.create(model="m", max_tokens=100, messages=history, tools=TOOLS)
    provider.assert_never_received(PHI)
    with pytest.raises(TypeError, match="content blocks"):
        client.messages.create(
            model="m", max_tokens=10, messages=[{"role": "user", "content": [object()]}]
        )
