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

from collections.abc import AsyncIterator, Iterator
from typing import Any

from phiguard._flow import Flow, Streams
from phiguard.guard import Guard, _shared_guard
from phiguard.openai import _chat_request, _restore_chat
from phiguard.session import Session

__all__ = ["acompletion", "completion", "proxy_guardrail"]


def completion(
    *, phiguard_guard: Guard | None = None, phiguard_session: Session | None = None, **kwargs: Any
) -> Any:
    """``litellm.completion`` with the request redacted and the answer restored."""
    import litellm

    flow = _flow(phiguard_guard, phiguard_session)
    request = _chat_request(flow, kwargs)  # raises before LiteLLM on any error
    answer = litellm.completion(**request)
    if request.get("stream"):
        return _restored_stream(answer, flow.streams())
    _restore_chat(flow, answer)
    return answer


async def acompletion(
    *, phiguard_guard: Guard | None = None, phiguard_session: Session | None = None, **kwargs: Any
) -> Any:
    """``litellm.acompletion`` with the request redacted and the answer restored."""
    import litellm

    flow = _flow(phiguard_guard, phiguard_session)
    request = _chat_request(flow, kwargs)
    answer = await litellm.acompletion(**request)
    if request.get("stream"):
        return _arestored_stream(answer, flow.streams())
    _restore_chat(flow, answer)
    return answer


def litellm_module() -> Any:
    """The ``litellm`` module this wrapper calls."""
    import litellm

    return litellm


def _flow(guard: Guard | None, session: Session | None) -> Flow:
    return Flow(session or (guard or _shared_guard()).session())


def _restore_chunk(streams: Streams, chunk: Any) -> None:
    for choice in getattr(chunk, "choices", None) or []:
        delta = getattr(choice, "delta", None)
        if delta is not None and isinstance(getattr(delta, "content", None), str):
            delta.content = streams.feed(("content", choice.index), delta.content)
        if getattr(choice, "finish_reason", None) and delta is not None:
            tail = streams.close(("content", choice.index))
            if tail:
                delta.content = (delta.content or "") + tail


def _restored_stream(stream: Any, streams: Streams) -> Iterator[Any]:
    last = None
    for chunk in stream:
        _restore_chunk(streams, chunk)
        last = chunk
        yield chunk
    yield from _closing(streams, last)


async def _arestored_stream(stream: Any, streams: Streams) -> AsyncIterator[Any]:
    last = None
    async for chunk in stream:
        _restore_chunk(streams, chunk)
        last = chunk
        yield chunk
    for chunk in _closing(streams, last):
        yield chunk


def _closing(streams: Streams, last: Any) -> Iterator[Any]:
    """A last chunk for text still held when a stream ends without a finish."""
    pending = streams.close_all()
    if last is None or not any(pending.values()):
        return
    final = last.model_copy(deep=True)
    for choice in final.choices:
        choice.delta.content = pending.get(("content", choice.index), "") or None
    yield final


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
            self._flows: dict[str, tuple[Flow, Streams]] = {}

        async def async_pre_call_hook(
            self, user_api_key_dict: Any, cache: Any, data: dict[str, Any], call_type: str
        ) -> dict[str, Any]:
            if call_type not in _CHAT_CALLS:
                raise ValueError(f"phiguard: the {call_type} call type is not guarded")
            flow = _flow(guard, None)
            redacted = _chat_request(flow, data)
            key = str(data.get("litellm_call_id") or id(data))
            redacted["litellm_call_id"] = key
            self._flows[key] = (flow, flow.streams())
            return redacted

        def _take(self, data: dict[str, Any]) -> tuple[Flow, Streams] | None:
            return self._flows.pop(str(data.get("litellm_call_id") or ""), None)

        async def async_post_call_success_hook(
            self, data: dict[str, Any], user_api_key_dict: Any, response: Any
        ) -> Any:
            found = self._take(data)
            if found is not None:
                _restore_chat(found[0], response)
            return response

        async def async_post_call_streaming_iterator_hook(  # type: ignore[override]
            self, user_api_key_dict: Any, response: Any, request_data: dict[str, Any]
        ) -> AsyncIterator[Any]:
            found = self._take(request_data)
            if found is None:
                async for chunk in response:
                    yield chunk
                return
            async for chunk in _arestored_stream(response, found[1]):
                yield chunk

    return PhiguardGuardrail()
