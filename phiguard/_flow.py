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
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from phiguard.session import Session, StreamRestorer

if TYPE_CHECKING:
    from phiguard.guard import Guard

__all__ = ["Flow", "GuardedClient", "plain"]

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
        from phiguard.guard import _shared_guard

        return Flow(self._session or (self._guard or _shared_guard()).session())


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

    def close_all(self) -> dict[object, str]:
        return {key: self.close(key) for key in list(self._open)}


def _map_strings(value: Any, change: Callable[[str], Any]) -> Any:
    if isinstance(value, str):
        return change(value)
    if isinstance(value, Mapping):
        return {key: _map_strings(item, change) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_map_strings(item, change) for item in value]
    return value
