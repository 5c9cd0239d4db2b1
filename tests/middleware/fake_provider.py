"""A local HTTP server that speaks the OpenAI and Anthropic wire formats, for wire tests.

It records every request body it receives (so tests can check that no PHI
ever reached it) and answers by echoing the placeholders it was sent, so
the client's restore has something to restore. Streams are server-sent
events, split into small chunks so placeholders straddle chunk boundaries.
"""

from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

PLACEHOLDER = re.compile(r"\[[A-Z]+_\d+_[0-9A-Z]{5}\]")
CHUNK = 7  # characters per streamed chunk


class FakeProvider:
    """Start with ``with FakeProvider() as provider:``; ``provider.url`` is the base URL."""

    def __init__(self) -> None:
        self.bodies: list[bytes] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"{self.base}/v1"

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> FakeProvider:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def received(self) -> str:
        return b"\n".join(self.bodies).decode("utf-8")

    def assert_never_received(self, values: tuple[str, ...]) -> None:
        """Requests arrived, and no value, raw or JSON-escaped, was in them."""
        received = self.received()
        assert self.bodies
        for value in values:
            assert value not in received
            assert json.dumps(value)[1:-1] not in received

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                provider.bodies.append(body)
                request = json.loads(body)
                echoed = sorted(set(PLACEHOLDER.findall(body.decode("utf-8"))))
                text = "Noted: " + ", ".join(echoed) + "." if echoed else "Noted."
                if self.path.endswith("/chat/completions"):
                    self._chat(request, text, echoed)
                elif self.path.endswith("/responses"):
                    self._responses(request, text, echoed)
                elif self.path.endswith("/messages"):
                    self._messages(request, text, echoed)
                else:
                    self.send_error(404)

            # -- chat completions ------------------------------------------

            def _chat(self, request: dict[str, Any], text: str, echoed: list[str]) -> None:
                tool = None
                if request.get("tools"):
                    arguments = json.dumps({"patient": echoed[0] if echoed else ""})
                    tool = {
                        "id": "call_1",
                        "type": "function",
                        "function": {
                            "name": request["tools"][0]["function"]["name"],
                            "arguments": arguments,
                        },
                    }
                if not request.get("stream"):
                    message: dict[str, Any] = {"role": "assistant", "content": text}
                    if tool:
                        message["tool_calls"] = [tool]
                    self._json(
                        {
                            "id": "chatcmpl-1",
                            "object": "chat.completion",
                            "created": int(time.time()),
                            "model": request["model"],
                            "choices": [
                                {
                                    "index": 0,
                                    "message": message,
                                    "finish_reason": "tool_calls" if tool else "stop",
                                }
                            ],
                        }
                    )
                    return
                events = []
                for start in range(0, len(text), CHUNK):
                    events.append({"content": text[start : start + CHUNK]})
                if tool:
                    arguments = tool["function"]["arguments"]
                    for start in range(0, len(arguments), CHUNK):
                        call: dict[str, Any] = {
                            "index": 0,
                            "function": {"arguments": arguments[start : start + CHUNK]},
                        }
                        if start == 0:
                            call.update(id="call_1", type="function")
                            call["function"]["name"] = tool["function"]["name"]
                        events.append({"tool_calls": [call]})
                chunks = [self._chunk(request, delta, None) for delta in events]
                chunks.append(self._chunk(request, {}, "tool_calls" if tool else "stop"))
                self._sse(chunks, done=True)

            def _chunk(
                self, request: dict[str, Any], delta: dict[str, Any], finish: str | None
            ) -> dict[str, Any]:
                return {
                    "id": "chatcmpl-1",
                    "object": "chat.completion.chunk",
                    "created": int(time.time()),
                    "model": request["model"],
                    "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
                }

            # -- responses -------------------------------------------------

            def _responses(self, request: dict[str, Any], text: str, echoed: list[str]) -> None:
                item = {
                    "id": "msg_1",
                    "type": "message",
                    "status": "completed",
                    "role": "assistant",
                    "content": [{"type": "output_text", "text": text, "annotations": []}],
                }
                output: list[dict[str, Any]] = [item]
                arguments = json.dumps({"patient": echoed[0] if echoed else ""})
                if request.get("tools"):
                    output.append(
                        {
                            "id": "fc_1",
                            "type": "function_call",
                            "status": "completed",
                            "call_id": "call_1",
                            "name": request["tools"][0]["name"],
                            "arguments": arguments,
                        }
                    )
                response = {
                    "id": "resp_1",
                    "object": "response",
                    "created_at": int(time.time()),
                    "model": request["model"],
                    "status": "completed",
                    "output": output,
                    "parallel_tool_calls": False,
                    "tool_choice": "auto",
                    "tools": [],
                }
                if not request.get("stream"):
                    self._json(response)
                    return
                events: list[dict[str, Any]] = [
                    {
                        "type": "response.created",
                        "sequence_number": 0,
                        "response": {**response, "status": "in_progress", "output": []},
                    }
                ]
                for start in range(0, len(text), CHUNK):
                    events.append(
                        {
                            "type": "response.output_text.delta",
                            "item_id": "msg_1",
                            "output_index": 0,
                            "content_index": 0,
                            "logprobs": [],
                            "sequence_number": len(events),
                            "delta": text[start : start + CHUNK],
                        }
                    )
                events.append(
                    {
                        "type": "response.output_text.done",
                        "item_id": "msg_1",
                        "output_index": 0,
                        "content_index": 0,
                        "logprobs": [],
                        "sequence_number": len(events),
                        "text": text,
                    }
                )
                if request.get("tools"):
                    for start in range(0, len(arguments), CHUNK):
                        events.append(
                            {
                                "type": "response.function_call_arguments.delta",
                                "item_id": "fc_1",
                                "output_index": 1,
                                "sequence_number": len(events),
                                "delta": arguments[start : start + CHUNK],
                            }
                        )
                    events.append(
                        {
                            "type": "response.function_call_arguments.done",
                            "item_id": "fc_1",
                            "output_index": 1,
                            "sequence_number": len(events),
                            "arguments": arguments,
                        }
                    )
                events.append(
                    {
                        "type": "response.completed",
                        "sequence_number": len(events),
                        "response": response,
                    }
                )
                self._sse(events, done=False, named=True)

            # -- anthropic messages ----------------------------------------

            def _messages(self, request: dict[str, Any], text: str, echoed: list[str]) -> None:
                blocks: list[dict[str, Any]] = [{"type": "text", "text": text}]
                if request.get("tools"):
                    blocks.append(
                        {
                            "type": "tool_use",
                            "id": "toolu_1",
                            "name": request["tools"][0]["name"],
                            "input": {"patient": echoed[0] if echoed else ""},
                        }
                    )
                message = {
                    "id": "msg_1",
                    "type": "message",
                    "role": "assistant",
                    "model": request["model"],
                    "content": blocks,
                    "stop_reason": "end_turn",
                    "stop_sequence": None,
                    "usage": {"input_tokens": 1, "output_tokens": 1},
                }
                if not request.get("stream"):
                    self._json(message)
                    return
                events: list[dict[str, Any]] = [
                    {"type": "message_start", "message": {**message, "content": []}}
                ]
                for index, block in enumerate(blocks):
                    if block["type"] == "text":
                        events.append(
                            {
                                "type": "content_block_start",
                                "index": index,
                                "content_block": {"type": "text", "text": ""},
                            }
                        )
                        pieces = [
                            block["text"][i : i + CHUNK]
                            for i in range(0, len(block["text"]), CHUNK)
                        ]
                        events += [
                            {
                                "type": "content_block_delta",
                                "index": index,
                                "delta": {"type": "text_delta", "text": p},
                            }
                            for p in pieces
                        ]
                    else:
                        events.append(
                            {
                                "type": "content_block_start",
                                "index": index,
                                "content_block": {**block, "input": {}},
                            }
                        )
                        raw = json.dumps(block["input"])
                        pieces = [raw[i : i + CHUNK] for i in range(0, len(raw), CHUNK)]
                        events += [
                            {
                                "type": "content_block_delta",
                                "index": index,
                                "delta": {"type": "input_json_delta", "partial_json": p},
                            }
                            for p in pieces
                        ]
                    events.append({"type": "content_block_stop", "index": index})
                events.append(
                    {
                        "type": "message_delta",
                        "delta": {"stop_reason": "end_turn", "stop_sequence": None},
                        "usage": {"output_tokens": 1},
                    }
                )
                events.append({"type": "message_stop"})
                self._sse(events, done=False, named=True)

            # -- wire ------------------------------------------------------

            def _json(self, data: dict[str, Any]) -> None:
                payload = json.dumps(data).encode()
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def _sse(
                self, events: list[dict[str, Any]], *, done: bool, named: bool = False
            ) -> None:
                self.send_response(200)
                self.send_header("content-type", "text/event-stream")
                self.end_headers()
                for event in events:
                    prefix = f"event: {event['type']}\n" if named else ""
                    self.wfile.write(f"{prefix}data: {json.dumps(event)}\n\n".encode())
                    self.wfile.flush()
                if done:
                    self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()

        return Handler
