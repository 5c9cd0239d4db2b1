"""LiteLLM: ``phiguard.litellm.completion`` / ``acompletion``, guarded.

Drop-in replacements for ``litellm.completion`` and ``litellm.acompletion``
that run the same flow as :mod:`phiguard.openai`. Every message part of the
request is redacted before LiteLLM sees it, the answer is restored, and a
streamed answer is restored chunk by chunk::

    import phiguard.litellm
    answer = phiguard.litellm.completion(model="openai/gpt-4o-mini", messages=[...])

Wrapping the call, rather than registering a LiteLLM callback, is what
keeps this fail closed. LiteLLM's deployment hooks run only on
``acompletion``, and it logs and swallows what its other pre-call
callbacks raise, so a callback cannot stop a synchronous call that should
be refused. Here a blocked label raises :class:`phiguard.PHIBlocked`, and
any phiguard error stops the call, before LiteLLM is reached.

Pass ``phiguard_guard=`` or ``phiguard_session=`` to choose the guard, or
the conversation's session (a fresh session per call otherwise). Needs
``pip install "phiguard[litellm]"``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from phiguard._flow import AsyncRestoredStream, Flow, new_flow, send, send_async
from phiguard.guard import Guard
from phiguard.openai import ChatChunks, _chat_request, _restore_chat
from phiguard.session import Session

__all__ = ["acompletion", "completion", "proxy_guardrail"]


def completion(
    *, phiguard_guard: Guard | None = None, phiguard_session: Session | None = None, **kwargs: Any
) -> Any:
    """``litellm.completion`` with the request redacted and the answer restored."""
    import litellm

    flow = new_flow(phiguard_guard, phiguard_session)
    request = _chat_request(flow, kwargs)  # raises before LiteLLM on any error
    return send(litellm.completion, request, flow, _restore_chat, ChatChunks)


async def acompletion(
    *, phiguard_guard: Guard | None = None, phiguard_session: Session | None = None, **kwargs: Any
) -> Any:
    """``litellm.acompletion`` with the request redacted and the answer restored."""
    import litellm

    flow = new_flow(phiguard_guard, phiguard_session)
    request = _chat_request(flow, kwargs)
    return await send_async(litellm.acompletion, request, flow, _restore_chat, ChatChunks)


def litellm_module() -> Any:
    """The ``litellm`` module this wrapper calls."""
    import litellm

    return litellm


# -- the LiteLLM proxy ------------------------------------------------------------

#: Proxy call types whose messages this guardrail redacts.
_CHAT_CALLS = frozenset({"completion", "acompletion"})


def proxy_guardrail(*, guard: Guard | None = None, **options: Any) -> Any:
    """A guardrail for the LiteLLM proxy (``custom_guardrail.py``)::

        # custom_guardrail.py, next to the proxy's config.yaml
        import phiguard.litellm
        phiguard_guardrail = phiguard.litellm.proxy_guardrail(guardrail_name="phiguard")

        # config.yaml
        litellm_settings:
          callbacks: custom_guardrail.phiguard_guardrail

    Before each chat call, the request's messages are redacted. After it,
    the answer is restored, streamed chunks too. A call type that carries
    text but is not chat completions (embeddings, the Responses API, ...)
    is refused, which keeps the proxy fail closed. ``options`` go to
    LiteLLM's ``CustomGuardrail``.
    """
    from litellm.integrations.custom_guardrail import CustomGuardrail

    class PhiguardGuardrail(CustomGuardrail):  # type: ignore[misc,unused-ignore]
        def __init__(self) -> None:
            super().__init__(**options)
            self._flows: dict[str, Flow] = {}

        async def async_pre_call_hook(
            self, user_api_key_dict: Any, cache: Any, data: dict[str, Any], call_type: str
        ) -> dict[str, Any]:
            if call_type not in _CHAT_CALLS:
                raise ValueError(f"phiguard: the {call_type} call type is not guarded")
            flow = new_flow(guard, None)
            redacted = _chat_request(flow, data)
            key = str(data.get("litellm_call_id") or id(data))
            redacted["litellm_call_id"] = key
            self._flows[key] = flow
            return redacted

        def _take(self, data: dict[str, Any]) -> Flow | None:
            return self._flows.pop(str(data.get("litellm_call_id") or ""), None)

        async def async_post_call_success_hook(
            self, data: dict[str, Any], user_api_key_dict: Any, response: Any
        ) -> Any:
            flow = self._take(data)
            if flow is not None:
                _restore_chat(flow, response)
            return response

        async def async_post_call_streaming_iterator_hook(  # type: ignore[override]
            self, user_api_key_dict: Any, response: Any, request_data: dict[str, Any]
        ) -> AsyncIterator[Any]:
            flow = self._take(request_data)
            stream = response if flow is None else AsyncRestoredStream(response, ChatChunks(flow))
            async for chunk in stream:
                yield chunk

    return PhiguardGuardrail()
