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

__all__ = ["acompletion", "completion"]


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
