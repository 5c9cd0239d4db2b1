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


@pytest.fixture(scope="module")
def guard() -> phiguard.Guard:
    return phiguard.Guard("fast")


@pytest.fixture
def provider() -> Iterator[FakeProvider]:
    with FakeProvider() as server:
        yield server


def _call(provider: FakeProvider) -> dict[str, object]:
    return {"model": "openai/m", "api_base": provider.url, "api_key": "k", "messages": MESSAGES}


def _no_phi_reached(provider: FakeProvider) -> None:
    received = provider.received()
    assert provider.bodies
    for value in PHI:
        assert value not in received


def test_completion_sync_and_streamed(provider: FakeProvider, guard: phiguard.Guard) -> None:
    answer = phiguard.litellm.completion(phiguard_guard=guard, **_call(provider))
    text = answer.choices[0].message.content
    assert "Rosa Delgado" in text and not PLACEHOLDER.search(text)
    chunks = phiguard.litellm.completion(phiguard_guard=guard, stream=True, **_call(provider))
    streamed = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert streamed == text
    _no_phi_reached(provider)


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
    _no_phi_reached(provider)


def test_a_blocked_label_never_reaches_litellm(provider: FakeProvider) -> None:
    strict = phiguard.Guard("fast", policy=phiguard.Policy.preset("strict"))
    with pytest.raises(phiguard.PHIBlocked):
        phiguard.litellm.completion(phiguard_guard=strict, **_call(provider))
    with pytest.raises(phiguard.PHIBlocked):
        asyncio.run(phiguard.litellm.acompletion(phiguard_guard=strict, **_call(provider)))
    assert provider.bodies == []


def test_litellm_is_the_real_sdk() -> None:
    assert phiguard.litellm.litellm_module() is litellm
