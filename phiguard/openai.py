"""OpenAI middleware: ``phiguard.openai.wrap(client)`` guards every message part.

The wrapped client keeps the client's own interface. ``chat.completions.create``
and ``responses.create`` redact the request (every message's text and content
parts, participant names, assistant tool-call arguments, tool results, the
Responses API's ``input`` items and ``instructions``) through a session,
call the provider, and restore the answer (message text, refusals and
tool-call arguments; streamed answers chunk by chunk). Of the rest of the
client only what carries no text passes through (``models``, ``close``,
...); any other endpoint (embeddings, files, ``parse`` and ``stream``
helpers) raises ``AttributeError`` rather than send original text.

>>> import openai, phiguard.openai                        # doctest: +SKIP
>>> client = phiguard.openai.wrap(openai.OpenAI())        # doctest: +SKIP
>>> client.chat.completions.create(model="gpt-4o-mini",  # doctest: +SKIP
...     messages=[{"role": "user", "content": "Summarise: Pt Rosa Delgado, MRN 00412387"}])

Each call gets a fresh session unless ``session=`` is given, in which case
the whole conversation shares its placeholders. A blocked label raises
:class:`phiguard.PHIBlocked`, and any phiguard error stops the call: nothing
is sent unredacted. Needs ``pip install "phiguard[openai]"``.
"""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any

from phiguard._flow import Flow, GuardedClient, Streams, plain
from phiguard.guard import Guard
from phiguard.session import Session

__all__ = ["wrap"]

#: Client attributes that carry no text to the provider.
_PASSTHROUGH = frozenset(
    {"api_key", "base_url", "close", "max_retries", "models", "organization", "project", "timeout"}
)


def wrap(client: Any, *, guard: Guard | None = None, session: Session | None = None) -> Any:
    """Return ``client`` (``openai.OpenAI`` or ``openai.AsyncOpenAI``) guarded."""
    import openai

    if not isinstance(client, (openai.OpenAI, openai.AsyncOpenAI)):
        raise TypeError("phiguard.openai.wrap: expected an openai.OpenAI or AsyncOpenAI client")
    return _Client(client, guard, session, isinstance(client, openai.AsyncOpenAI))


class _Client(GuardedClient):
    wrapper = "phiguard.openai.wrap"
    passthrough = _PASSTHROUGH

    def __init__(self, client: Any, guard: Guard | None, session: Session | None, aio: bool):
        super().__init__(client, guard, session, aio)
        self.chat = _Namespace(completions=_ChatCompletions(self))
        self.responses = _Responses(self)


class _Namespace:
    def __init__(self, **members: Any) -> None:
        self.__dict__.update(members)


# -- chat completions ----------------------------------------------------------


class _ChatCompletions:
    def __init__(self, owner: _Client) -> None:
        self._owner = owner

    def __getattr__(self, name: str) -> Any:
        raise AttributeError(f"phiguard.openai.wrap: chat.completions.{name} is not guarded")

    def create(self, **kwargs: Any) -> Any:
        flow = self._owner._flow()
        request = _chat_request(flow, kwargs)  # raises before any call on error
        target = self._owner._client.chat.completions.create
        if self._owner._async:
            return _acall(target, request, flow, _restore_chat, _restore_chat_chunk)
        answer = target(**request)
        if request.get("stream"):
            return _SyncStream(answer, flow.streams(), _restore_chat_chunk, _flush_chat)
        _restore_chat(flow, answer)
        return answer


def _chat_request(flow: Flow, kwargs: Mapping[str, Any]) -> dict[str, Any]:
    request = dict(kwargs)
    if "messages" in request:
        request["messages"] = [_chat_message(flow, m) for m in request["messages"]]
    if isinstance(request.get("prediction"), Mapping):
        prediction = dict(request["prediction"])
        prediction["content"] = _content(flow, prediction.get("content"))
        request["prediction"] = prediction
    return request


def _chat_message(flow: Flow, message: Any) -> Any:
    out = plain(message, "messages")
    out["content"] = _content(flow, out.get("content"))
    if "name" in out:
        out["name"] = flow.identifier(out["name"])
    if "refusal" in out:
        out["refusal"] = flow.text(out["refusal"])
    calls = out.get("tool_calls")
    if calls:
        out["tool_calls"] = [_tool_call(flow, call) for call in calls]
    function_call = out.get("function_call")
    if isinstance(function_call, Mapping):
        out["function_call"] = {
            **function_call,
            "arguments": flow.json_text(function_call.get("arguments")),
        }
    return out


def _tool_call(flow: Flow, call: Any) -> Any:
    out = copy.deepcopy(dict(call))
    function = out.get("function")
    if isinstance(function, Mapping):
        out["function"] = {**function, "arguments": flow.json_text(function.get("arguments"))}
    return out


def _content(flow: Flow, content: Any) -> Any:
    """Message content: a string, or a list of parts (text parts redacted)."""
    if isinstance(content, str):
        return flow.text(content)
    if isinstance(content, list):
        parts = []
        for item in content:
            part = plain(item, "content parts")
            if isinstance(part.get("text"), str):
                part["text"] = flow.text(part["text"])
            if isinstance(part.get("file"), Mapping) and "filename" in part["file"]:
                part["file"] = {**part["file"], "filename": flow.text(part["file"]["filename"])}
            parts.append(part)
        return parts
    if content is not None:
        raise TypeError(
            f"phiguard: message content must be text or parts, got {type(content).__name__}"
        )
    return content


def _restore_chat(flow: Flow, answer: Any) -> None:
    for choice in getattr(answer, "choices", None) or []:
        message = choice.message
        message.content = flow.restore(message.content)
        if getattr(message, "refusal", None):
            message.refusal = flow.restore(message.refusal)
        for call in getattr(message, "tool_calls", None) or []:
            function = getattr(call, "function", None)
            if function is not None:
                function.arguments = flow.restore_json(function.arguments)


def _restore_chat_chunk(streams: Streams, chunk: Any) -> None:
    for choice in getattr(chunk, "choices", None) or []:
        delta = choice.delta
        index = choice.index
        if delta is not None:
            delta.content = streams.feed(("content", index), delta.content)
            for call in delta.tool_calls or []:
                if call.function is not None and call.function.arguments is not None:
                    key = ("tool", index, call.index)
                    call.function.arguments = streams.feed(key, call.function.arguments)
        if choice.finish_reason is not None:
            _flush_choice(streams, choice)


def _flush_choice(streams: Streams, choice: Any) -> None:
    from openai.types.chat.chat_completion_chunk import (
        ChoiceDelta,
        ChoiceDeltaToolCall,
        ChoiceDeltaToolCallFunction,
    )

    index = choice.index
    if choice.delta is None:
        choice.delta = ChoiceDelta()
    delta = choice.delta
    tail = streams.close(("content", index))
    if tail:
        delta.content = (delta.content or "") + tail
    for key, rest in streams.close_all().items():
        if not rest or not (isinstance(key, tuple) and key[0] == "tool" and key[1] == index):
            continue
        calls = delta.tool_calls = list(delta.tool_calls or [])
        same = [c for c in calls if c.index == key[2] and c.function is not None]
        if same:
            same[0].function.arguments = (same[0].function.arguments or "") + rest
        else:
            calls.append(
                ChoiceDeltaToolCall(
                    index=key[2], function=ChoiceDeltaToolCallFunction(arguments=rest)
                )
            )


def _flush_chat(streams: Streams, last: Any) -> Any:
    """A closing chunk for whatever is still held when the stream ends."""
    pending = streams.close_all()
    if last is None or not any(pending.values()):
        return None
    final = last.model_copy(deep=True)
    for choice in final.choices:
        choice.delta.content = pending.get(("content", choice.index), "") or None
        choice.delta.tool_calls = None
    return final


# -- responses -------------------------------------------------------------------


class _Responses:
    def __init__(self, owner: _Client) -> None:
        self._owner = owner

    def __getattr__(self, name: str) -> Any:
        raise AttributeError(f"phiguard.openai.wrap: responses.{name} is not guarded")

    def create(self, **kwargs: Any) -> Any:
        flow = self._owner._flow()
        request = dict(kwargs)
        if "input" in request:
            request["input"] = _response_input(flow, request["input"])
        if "instructions" in request:
            request["instructions"] = flow.text(request["instructions"])
        target = self._owner._client.responses.create
        if self._owner._async:
            return _acall(target, request, flow, _restore_response, _restore_event)
        answer = target(**request)
        if request.get("stream"):
            return _SyncStream(answer, flow.streams(), _restore_event, None, flow)
        _restore_response(flow, answer)
        return answer


def _response_input(flow: Flow, value: Any) -> Any:
    if isinstance(value, str):
        return flow.text(value)
    if not isinstance(value, list):
        return value
    items = []
    for item in value:
        out = plain(item, "input items")
        if "content" in out:
            out["content"] = _content(flow, out["content"])
        if "output" in out:  # function_call_output
            out["output"] = flow.json_text(out["output"])
        if "arguments" in out:  # function_call
            out["arguments"] = flow.json_text(out["arguments"])
        items.append(out)
    return items


def _restore_response(flow: Flow, response: Any) -> None:
    for item in getattr(response, "output", None) or []:
        _restore_item(flow, item)


def _restore_item(flow: Flow, item: Any) -> None:
    for part in getattr(item, "content", None) or []:
        if isinstance(getattr(part, "text", None), str):
            part.text = flow.restore(part.text)
        if isinstance(getattr(part, "refusal", None), str):
            part.refusal = flow.restore(part.refusal)
    if isinstance(getattr(item, "arguments", None), str):
        item.arguments = flow.restore_json(item.arguments)


def _restore_event(streams: Streams, event: Any, flow: Flow | None = None) -> list[Any]:
    """The events to pass on for one streamed Responses event."""
    kind = getattr(event, "type", "")
    if kind in {"response.output_text.delta", "response.function_call_arguments.delta"}:
        key = (event.item_id, getattr(event, "content_index", "arguments"))
        event.delta = streams.feed(key, event.delta)
        streams.last[key] = event
        return [event]
    out = []
    if kind in {"response.output_text.done", "response.function_call_arguments.done"}:
        key = (event.item_id, getattr(event, "content_index", "arguments"))
        tail = streams.close(key)
        last = streams.last.pop(key, None)
        if tail and last is not None:
            extra = last.model_copy()
            extra.delta = tail
            out.append(extra)
        if flow is not None:
            if kind.endswith("text.done"):
                event.text = flow.restore(event.text)
            else:
                event.arguments = flow.restore_json(event.arguments)
    elif flow is not None and kind == "response.content_part.done":
        if isinstance(getattr(event.part, "text", None), str):
            event.part.text = flow.restore(event.part.text)
    elif flow is not None and kind == "response.output_item.done":
        _restore_item(flow, event.item)
    elif flow is not None and kind in {"response.completed", "response.incomplete"}:
        _restore_response(flow, event.response)
    out.append(event)
    return out


# -- streams -----------------------------------------------------------------------


class _SyncStream:
    """The provider's stream, restored chunk by chunk; same interface."""

    def __init__(
        self, stream: Any, streams: Streams, restore: Any, flush: Any, flow: Flow | None = None
    ):
        self._stream = stream
        self._streams = streams
        self._restore = restore
        self._flush = flush
        self._flow = flow
        self._iterator = self._restored()

    def _restored(self) -> Iterator[Any]:
        last = None
        for item in self._stream:
            if self._flow is not None:  # Responses events
                yield from self._restore(self._streams, item, self._flow)
                continue
            self._restore(self._streams, item)
            last = item
            yield item
        if self._flush is not None:
            final = self._flush(self._streams, last)
            if final is not None:
                yield final

    def __iter__(self) -> Iterator[Any]:
        return self._iterator

    def __next__(self) -> Any:
        return next(self._iterator)

    def __enter__(self) -> _SyncStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if close is not None:
            close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class _AsyncStream:
    def __init__(self, stream: Any, streams: Streams, restore: Any, flush: Any, flow: Flow | None):
        self._stream = stream
        self._streams = streams
        self._restore = restore
        self._flush = flush
        self._flow = flow
        self._iterator = self._restored()

    async def _restored(self) -> AsyncIterator[Any]:
        last = None
        async for item in self._stream:
            if self._flow is not None:
                for event in self._restore(self._streams, item, self._flow):
                    yield event
                continue
            self._restore(self._streams, item)
            last = item
            yield item
        if self._flush is not None:
            final = self._flush(self._streams, last)
            if final is not None:
                yield final

    def __aiter__(self) -> AsyncIterator[Any]:
        return self._iterator

    async def __anext__(self) -> Any:
        return await self._iterator.__anext__()

    async def __aenter__(self) -> _AsyncStream:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if close is not None:
            await close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


async def _acall(
    target: Any, request: dict[str, Any], flow: Flow, restore: Any, restore_part: Any
) -> Any:
    answer = await target(**request)
    if request.get("stream"):
        is_chat = restore is _restore_chat
        return _AsyncStream(
            answer,
            flow.streams(),
            restore_part,
            _flush_chat if is_chat else None,
            None if is_chat else flow,
        )
    restore(flow, answer)
    return answer
