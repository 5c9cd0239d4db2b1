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
from collections.abc import Mapping
from typing import Any

from phiguard._flow import Flow, GuardedClient, StreamRestore, Streams, plain, send, send_async
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
        sender = send_async if self._owner._async else send
        target = self._owner._client.chat.completions.create
        return sender(target, request, flow, _restore_chat, ChatChunks)


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
    tools = streams.close_where(lambda key: isinstance(key, tuple) and key[:2] == ("tool", index))
    for key, rest in tools.items():
        if not rest:
            continue
        assert isinstance(key, tuple)
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


class ChatChunks(StreamRestore):
    """A streamed chat completion (OpenAI's chunks, and LiteLLM's)."""

    last: Any = None

    def step(self, chunk: Any) -> list[Any]:
        _restore_chat_chunk(self.streams, chunk)
        self.last = chunk
        return [chunk]

    def finish(self) -> list[Any]:
        """A closing chunk for whatever is still held when the stream ends
        without a finish reason."""
        pending = self.streams.close_all()
        if self.last is None or not any(pending.values()):
            return []
        final = self.last.model_copy(deep=True)
        for choice in final.choices:
            choice.delta.content = pending.get(("content", choice.index), "") or None
            choice.delta.tool_calls = None
        return [final]


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
        sender = send_async if self._owner._async else send
        target = self._owner._client.responses.create
        return sender(target, request, flow, _restore_response, _ResponseEvents)


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


def _restore_event(flow: Flow, streams: Streams, event: Any) -> list[Any]:
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
        if kind.endswith("text.done"):
            event.text = flow.restore(event.text)
        else:
            event.arguments = flow.restore_json(event.arguments)
    elif kind == "response.content_part.done":
        if isinstance(getattr(event.part, "text", None), str):
            event.part.text = flow.restore(event.part.text)
    elif kind == "response.output_item.done":
        _restore_item(flow, event.item)
    elif kind in {"response.completed", "response.incomplete"}:
        _restore_response(flow, event.response)
    out.append(event)
    return out


class _ResponseEvents(StreamRestore):
    def step(self, event: Any) -> list[Any]:
        return _restore_event(self.flow, self.streams, event)
