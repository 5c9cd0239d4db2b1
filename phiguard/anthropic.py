"""Anthropic middleware: ``phiguard.anthropic.wrap(client)`` guards the Messages API.

``messages.create`` and ``messages.stream`` redact the request and restore
the answer, on ``anthropic.Anthropic`` and ``anthropic.AsyncAnthropic``:

- **Redacted in the request:**
  - ``system`` (a string or text blocks);
  - every message's text blocks;
  - ``tool_use`` inputs;
  - ``tool_result`` content;
  - plain-text ``document`` sources.
- **Restored in the answer:**
  - text blocks and ``tool_use`` inputs;
  - in streams (``stream=True`` events and ``messages.stream``), text
    deltas and tool-input JSON deltas, as they arrive.

Thinking blocks are passed through untouched: the API checks their
signatures. Of the rest of the client only what carries no text passes
through; any other endpoint raises ``AttributeError`` rather than send
original text.

Each call gets a fresh session unless ``session=`` is given. A blocked label
raises :class:`phiguard.PHIBlocked` and any phiguard error stops the call:
nothing is sent unredacted. Needs ``pip install "phiguard[anthropic]"``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from phiguard._flow import (
    AsyncRestoredStream,
    Flow,
    GuardedClient,
    RestoredStream,
    StreamRestore,
    Streams,
    plain,
    send,
    send_async,
)
from phiguard.guard import Guard
from phiguard.session import Session

__all__ = ["wrap"]

#: Client attributes that carry no text to the provider.
_PASSTHROUGH = frozenset({"api_key", "base_url", "close", "max_retries", "models", "timeout"})


def wrap(client: Any, *, guard: Guard | None = None, session: Session | None = None) -> Any:
    """Return ``client`` (``anthropic.Anthropic`` or ``AsyncAnthropic``) guarded."""
    import anthropic

    if not isinstance(client, (anthropic.Anthropic, anthropic.AsyncAnthropic)):
        raise TypeError(
            "phiguard.anthropic.wrap: expected an anthropic.Anthropic or AsyncAnthropic client"
        )
    return _Client(client, guard, session, isinstance(client, anthropic.AsyncAnthropic))


class _Client(GuardedClient):
    wrapper = "phiguard.anthropic.wrap"
    passthrough = _PASSTHROUGH

    def __init__(self, client: Any, guard: Guard | None, session: Session | None, aio: bool):
        super().__init__(client, guard, session, aio)
        self.messages = _Messages(self)


class _Messages:
    def __init__(self, owner: _Client) -> None:
        self._owner = owner

    def __getattr__(self, name: str) -> Any:
        raise AttributeError(f"phiguard.anthropic.wrap: messages.{name} is not guarded")

    def create(self, **kwargs: Any) -> Any:
        flow = self._owner._flow()
        request = _request(flow, kwargs)  # raises before any call on error
        sender = send_async if self._owner._async else send
        target = self._owner._client.messages.create
        return sender(target, request, flow, _restore_message, _MessageEvents)

    def stream(self, **kwargs: Any) -> Any:
        """Like ``client.messages.stream``: a manager whose stream is restored."""
        from anthropic import NOT_GIVEN
        from anthropic.lib.streaming import AsyncMessageStreamManager, MessageStreamManager

        flow = self._owner._flow()
        request = _request(flow, kwargs)
        request["stream"] = True
        target = self._owner._client.messages.create
        if self._owner._async:

            async def open_async() -> Any:
                return AsyncRestoredStream(await target(**request), _MessageEvents(flow))

            return AsyncMessageStreamManager(open_async(), output_format=NOT_GIVEN)
        # the manager takes what opens a stream; ours is restored on the way
        opener: Any = lambda: RestoredStream(target(**request), _MessageEvents(flow))  # noqa: E731
        return MessageStreamManager(opener, output_format=NOT_GIVEN)


def _request(flow: Flow, kwargs: Mapping[str, Any]) -> dict[str, Any]:
    request = dict(kwargs)
    if "system" in request:
        request["system"] = _blocks(flow, request["system"])
    if "messages" in request:
        messages = []
        for item in request["messages"]:
            message = plain(item, "messages")
            messages.append({**message, "content": _blocks(flow, message.get("content"))})
        request["messages"] = messages
    return request


def _blocks(flow: Flow, content: Any) -> Any:
    """A string, or a list of content blocks, with the text in them redacted."""
    if isinstance(content, str):
        return flow.text(content)
    if content is None:
        return content
    if not isinstance(content, list):
        raise TypeError(f"phiguard: content must be text or blocks, got {type(content).__name__}")
    out = []
    for item in content:
        block = plain(item, "content blocks")
        kind = block.get("type")
        if kind == "text":
            block["text"] = flow.text(block.get("text"))
        elif kind == "tool_use":
            block["input"] = flow.structure(block.get("input"))
        elif kind == "tool_result":
            block["content"] = _blocks(flow, block.get("content"))
        elif kind == "document" and isinstance(block.get("source"), Mapping):
            source = dict(block["source"])
            if source.get("type") == "text":
                source["data"] = flow.text(source.get("data"))
            elif source.get("type") == "content":
                source["content"] = _blocks(flow, source.get("content"))
            block["source"] = source
            if "title" in block:
                block["title"] = flow.text(block["title"])
        out.append(block)
    return out


def _restore_message(flow: Flow, message: Any) -> None:
    for block in getattr(message, "content", None) or []:
        kind = getattr(block, "type", None)
        if kind == "text":
            block.text = flow.restore(block.text)
        elif kind == "tool_use":
            block.input = flow.restore_json(block.input)


def _restore_event(flow: Flow, streams: Streams, event: Any) -> list[Any]:
    """The events to pass on for one streamed event, restored."""
    kind = getattr(event, "type", None)
    if kind == "content_block_delta":
        delta = event.delta
        if getattr(delta, "type", None) == "text_delta":
            delta.text = streams.feed(("text", event.index), delta.text)
            streams.last[("text", event.index)] = event
        elif getattr(delta, "type", None) == "input_json_delta":
            delta.partial_json = streams.feed(("json", event.index), delta.partial_json)
            streams.last[("json", event.index)] = event
        return [event]
    out = []
    if kind == "content_block_stop":
        for name, field in (("text", "text"), ("json", "partial_json")):
            key = (name, event.index)
            tail = streams.close(key)
            last = streams.last.pop(key, None)
            if tail and last is not None:
                extra = last.model_copy(deep=True)
                setattr(extra.delta, field, tail)
                out.append(extra)
    elif kind == "message_start":
        _restore_message(flow, event.message)
    out.append(event)
    return out


class _MessageEvents(StreamRestore):
    def step(self, event: Any) -> list[Any]:
        return _restore_event(self.flow, self.streams, event)
