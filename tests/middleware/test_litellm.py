"""phiguard.litellm against the real litellm SDK and a local server on the wire."""

from __future__ import annotations

import asyncio
import gc
import os
from collections.abc import Iterator

import pytest

# LiteLLM fetches a model price list at import unless told not to.
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

import litellm

import phiguard
import phiguard.litellm
from tests.middleware.fake_provider import PLACEHOLDER, FakeProvider

# LiteLLM's own types warn under pydantic, and LiteLLM leaves its event
# loop and sockets for the garbage collector; those are LiteLLM's, not ours.
pytestmark = [
    pytest.mark.filterwarnings("ignore:Item .* is using the `ReadOnly` qualifier:UserWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
]


@pytest.fixture(autouse=True)
def _collect_litellm_leftovers() -> Iterator[None]:
    yield
    gc.collect()  # inside the test, where the filters above apply


PHI = ("Rosa Delgado", "00412387", "Okafor")
MESSAGES = [
    {"role": "system", "content": "You help Dr. Okafor."},
    {"role": "user", "content": "Pt Rosa Delgado, MRN 00412387: summarise"},
]


def _call(provider: FakeProvider) -> dict[str, object]:
    return {"model": "openai/m", "api_base": provider.url, "api_key": "k", "messages": MESSAGES}


def test_completion_sync_and_streamed(provider: FakeProvider, guard: phiguard.Guard) -> None:
    answer = phiguard.litellm.completion(phiguard_guard=guard, **_call(provider))
    text = answer.choices[0].message.content
    assert "Rosa Delgado" in text and not PLACEHOLDER.search(text)
    chunks = phiguard.litellm.completion(phiguard_guard=guard, stream=True, **_call(provider))
    streamed = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert streamed == text
    provider.assert_never_received(PHI)


def test_acompletion_sync_and_streamed(provider: FakeProvider, guard: phiguard.Guard) -> None:
    async def run() -> tuple[str, str]:
        answer = await phiguard.litellm.acompletion(phiguard_guard=guard, **_call(provider))
        stream = await phiguard.litellm.acompletion(
            phiguard_guard=guard, stream=True, **_call(provider)
        )
        text = "".join([c.choices[0].delta.content or "" async for c in stream])
        return answer.choices[0].message.content, text

    whole, streamed = asyncio.run(run())
    assert whole == streamed and "Rosa Delgado" in whole and not PLACEHOLDER.search(whole)
    provider.assert_never_received(PHI)


def test_a_blocked_label_never_reaches_litellm(provider: FakeProvider) -> None:
    strict = phiguard.Guard("fast", policy=phiguard.Policy.preset("strict"))
    with pytest.raises(phiguard.PHIBlocked):
        phiguard.litellm.completion(phiguard_guard=strict, **_call(provider))
    with pytest.raises(phiguard.PHIBlocked):
        asyncio.run(phiguard.litellm.acompletion(phiguard_guard=strict, **_call(provider)))
    assert provider.bodies == []


def test_litellm_is_the_real_sdk() -> None:
    assert phiguard.litellm.litellm_module() is litellm


def test_the_proxy_guardrail_redacts_requests_and_restores_answers(guard: phiguard.Guard) -> None:
    from litellm.types.utils import Delta, ModelResponse, ModelResponseStream, StreamingChoices

    guardrail = phiguard.litellm.proxy_guardrail(guard=guard, guardrail_name="phiguard")
    data = {"model": "m", "messages": [dict(m) for m in MESSAGES], "litellm_call_id": "c1"}

    async def run() -> tuple[dict[str, object], str, str]:
        sent = await guardrail.async_pre_call_hook(None, None, data, "acompletion")
        placeholders = sorted(set(PLACEHOLDER.findall(str(sent["messages"]))))
        answer = ModelResponse(
            choices=[
                {"index": 0, "message": {"role": "assistant", "content": " ".join(placeholders)}}
            ]
        )
        restored = await guardrail.async_post_call_success_hook(sent, None, answer)

        second = await guardrail.async_pre_call_hook(
            None, None, {**data, "litellm_call_id": "c2"}, "acompletion"
        )
        text = " ".join(sorted(set(PLACEHOLDER.findall(str(second["messages"])))))

        async def chunks():  # the provider's stream, in 5-character pieces
            for i in range(0, len(text), 5):
                finish = "stop" if i + 5 >= len(text) else None
                yield ModelResponseStream(
                    choices=[
                        StreamingChoices(
                            index=0, delta=Delta(content=text[i : i + 5]), finish_reason=finish
                        )
                    ]
                )

        pieces = [
            c.choices[0].delta.content or ""
            async for c in guardrail.async_post_call_streaming_iterator_hook(None, chunks(), second)
        ]
        return sent, restored.choices[0].message.content, "".join(pieces)

    sent, whole, streamed = asyncio.run(run())
    for value in PHI:
        assert value not in str(sent["messages"])
    for value in ("Rosa Delgado", "00412387"):
        assert value in whole and value in streamed
    assert not PLACEHOLDER.search(whole) and not PLACEHOLDER.search(streamed)


def test_the_proxy_guardrail_refuses_call_types_it_does_not_guard(guard: phiguard.Guard) -> None:
    guardrail = phiguard.litellm.proxy_guardrail(guard=guard)
    with pytest.raises(ValueError, match="embedding call type is not guarded"):
        asyncio.run(guardrail.async_pre_call_hook(None, None, {"input": ["Rosa"]}, "embedding"))
