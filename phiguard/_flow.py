"""The middleware flow, written once: redact a request, call, restore the answer.

Provider adapters (:mod:`phiguard.openai`, :mod:`phiguard.anthropic`) say
*where* the text is in their request and response shapes; this module says
*what* happens to it. Requests are copied, never changed in place: the
caller's message list keeps its original values. Any phiguard error raised
while redacting stops the call before it is made (fail closed).
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from phiguard.session import Session, StreamRestorer

if TYPE_CHECKING:
    from phiguard.guard import Guard

__all__ = [
    "AsyncRestoredStream",
    "Flow",
    "GuardedClient",
    "RestoredStream",
    "StreamRestore",
    "new_flow",
    "plain",
]

_NAME_FIELD = re.compile(r"[^A-Za-z0-9_-]")


def plain(value: Any, what: str) -> Any:
    """A request part as a dict: SDK objects (``response.choices[0].message``,
    ``response.content`` blocks put back into the history) are dumped; any
    other object is refused, since text inside it could not be redacted."""
    if isinstance(value, Mapping):
        return dict(value)
    dump = getattr(value, "model_dump", None)
    if callable(dump):
        data = dump(mode="json", exclude_none=True)
        if isinstance(data, dict):
            return data
    raise TypeError(f"phiguard: {what} must be dicts or SDK objects, got {type(value).__name__}")


class Flow:
    """One request/response round trip through a session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # -- requests -----------------------------------------------------------

    def text(self, value: Any) -> Any:
        """A string redacted; anything else as it is."""
        if isinstance(value, str):
            return self.session.redact(value).text
        return value

    def identifier(self, value: Any) -> Any:
        """A participant name (``[A-Za-z0-9_-]`` only), redacted to that shape."""
        if isinstance(value, str):
            return _NAME_FIELD.sub("", self.session.redact(value).text) or "user"
        return value

    def json_text(self, value: Any) -> Any:
        """A JSON document (tool arguments, tool output) with every string
        value redacted; text that is not JSON is redacted as text."""
        if not isinstance(value, str):
            return self.structure(value)
        try:
            data = json.loads(value)
        except ValueError:
            return self.text(value)
        return json.dumps(self.structure(data), ensure_ascii=False)

    def structure(self, value: Any) -> Any:
        """Every string inside a JSON-like value redacted (keys kept)."""
        return _map_strings(value, self.text)

    # -- responses ------------------------------------------------------------

    def restore(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.session.restore(value)
        return value

    def restore_json(self, value: Any) -> Any:
        if not isinstance(value, str):
            return _map_strings(value, self.restore)
        try:
            data = json.loads(value)
        except ValueError:
            return self.restore(value)
        return json.dumps(_map_strings(data, self.restore), ensure_ascii=False)

    def streams(self) -> Streams:
        return Streams(self.session)


class GuardedClient:
    """What a provider wrapper shares: the client, its guard or session, and
    a fail-closed attribute pass-through."""

    #: The wrapper's name in messages (``phiguard.openai.wrap``).
    wrapper = ""
    #: Client attributes that carry no text to the provider.
    passthrough: frozenset[str] = frozenset()

    def __init__(self, client: Any, guard: Guard | None, session: Session | None, aio: bool):
        self._client = client
        self._guard = guard
        self._session = session
        self._async = aio

    def __getattr__(self, name: str) -> Any:
        # Fail closed: only what sends no text passes through; an endpoint
        # phiguard does not guard (embeddings, files, ...) is refused rather
        # than called with the original text.
        if name in self.passthrough:
            return getattr(self._client, name)
        raise AttributeError(
            f"{self.wrapper}: {name!r} is not guarded; use the unwrapped client for it knowingly"
        )

    def __repr__(self) -> str:
        return f"{self.wrapper}({self._client!r})"

    def _flow(self) -> Flow:
        return new_flow(self._guard, self._session)


def new_flow(guard: Guard | None, session: Session | None) -> Flow:
    """A round trip through ``session``, else a fresh session of ``guard``
    (of the shared default Guard if neither is given)."""
    from phiguard.guard import _shared_guard

    return Flow(session or (guard or _shared_guard()).session())


class Streams:
    """One restorer per stream of text inside a streamed answer (per choice,
    per tool call, per content part), made on first use."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._open: dict[object, StreamRestorer] = {}
        #: The last delta event of each stream (a template for a closing one).
        self.last: dict[object, Any] = {}

    def feed(self, key: object, text: str | None) -> str | None:
        if text is None:
            return None
        restorer = self._open.get(key)
        if restorer is None:
            restorer = self._open[key] = self._session.stream_restorer()
        return restorer.feed(text)

    def close(self, key: object) -> str:
        restorer = self._open.pop(key, None)
        return restorer.close() if restorer is not None else ""

    def close_where(self, chosen: Callable[[object], bool]) -> dict[object, str]:
        """Close the open streams whose keys are ``chosen``; their tails, by key."""
        return {key: self.close(key) for key in list(self._open) if chosen(key)}

    def close_all(self) -> dict[object, str]:
        return self.close_where(lambda key: True)


class StreamRestore:
    """How one streamed answer is restored: ``step`` turns each item the
    provider sends into the items to pass on; ``finish`` gives any closing
    items once the provider's stream ends."""

    def __init__(self, flow: Flow) -> None:
        self.flow = flow
        self.streams = flow.streams()

    def step(self, item: Any) -> list[Any]:
        raise NotImplementedError

    def finish(self) -> list[Any]:
        return []


class RestoredStream:
    """The provider's stream, restored item by item, with its interface."""

    def __init__(self, stream: Any, restore: StreamRestore) -> None:
        self._stream = stream
        self._iterator = self._restored(restore)

    def _restored(self, restore: StreamRestore) -> Iterator[Any]:
        for item in self._stream:
            yield from restore.step(item)
        yield from restore.finish()

    def __iter__(self) -> Iterator[Any]:
        return self._iterator

    def __next__(self) -> Any:
        return next(self._iterator)

    def __enter__(self) -> RestoredStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if close is not None:
            close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class AsyncRestoredStream:
    """:class:`RestoredStream` for an async provider stream."""

    def __init__(self, stream: Any, restore: StreamRestore) -> None:
        self._stream = stream
        self._iterator = self._restored(restore)

    async def _restored(self, restore: StreamRestore) -> AsyncIterator[Any]:
        async for item in self._stream:
            for restored in restore.step(item):
                yield restored
        for restored in restore.finish():
            yield restored

    def __aiter__(self) -> AsyncIterator[Any]:
        return self._iterator

    async def __anext__(self) -> Any:
        return await self._iterator.__anext__()

    async def __aenter__(self) -> AsyncRestoredStream:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if close is not None:
            await close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


Restore = Callable[[Flow, Any], None]


def send(
    target: Callable[..., Any],
    request: dict[str, Any],
    flow: Flow,
    restore: Restore,
    stream_restore: Callable[[Flow], StreamRestore],
) -> Any:
    """Send the (redacted) request; restore the answer, or wrap its stream."""
    answer = target(**request)
    if request.get("stream"):
        return RestoredStream(answer, stream_restore(flow))
    restore(flow, answer)
    return answer


async def send_async(
    target: Callable[..., Any],
    request: dict[str, Any],
    flow: Flow,
    restore: Restore,
    stream_restore: Callable[[Flow], StreamRestore],
) -> Any:
    """:func:`send` for an async client."""
    answer = await target(**request)
    if request.get("stream"):
        return AsyncRestoredStream(answer, stream_restore(flow))
    restore(flow, answer)
    return answer


def _map_strings(value: Any, change: Callable[[str], Any]) -> Any:
    if isinstance(value, str):
        return change(value)
    if isinstance(value, Mapping):
        return {key: _map_strings(item, change) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_map_strings(item, change) for item in value]
    return value
