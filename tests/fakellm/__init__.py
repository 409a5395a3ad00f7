"""A local OpenAI-compatible server for tests: real HTTP on 127.0.0.1, scripted per test.

``POST /v1/chat/completions`` answers from a queue of ``Reply`` objects (content, tool calls,
SSE chunks for ``stream=True`` with the final usage chunk, status codes, delays, malformed JSON)
and records every request so a test can assert on what the client sent.

Use the ``fake_llm`` fixture (import it into the test module), script replies with
``fake_llm.push(...)``, and point the code at ``fake_llm.base_url``.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

__all__ = [
    "FakeLLMServer", "Recorded", "Reply", "fake_llm", "reply_json", "reply_status", "reply_stream",
    "reply_structured", "reply_text", "reply_tool",
]


@dataclass
class Reply:
    """One scripted answer. ``structured`` adapts to the request: a tool call when the request
    offered tools, JSON content otherwise."""

    status: int = 200
    content: str | None = None
    structured: Any = None
    tool_args: str | None = None  # raw arguments string of a tool call (may be malformed)
    stream_pieces: list[str] | None = None
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    error_body: dict | None = None
    usage: tuple[int, int] = (11, 7)
    finish_reason: str = "stop"


def reply_text(text: str, **kw) -> Reply:
    return Reply(content=text, **kw)


def reply_json(obj: Any, **kw) -> Reply:
    return Reply(content=json.dumps(obj, ensure_ascii=False), **kw)


def reply_structured(obj: Any, **kw) -> Reply:
    return Reply(structured=obj, **kw)


def reply_tool(args: str, **kw) -> Reply:
    return Reply(tool_args=args, **kw)


def reply_stream(text: str, pieces: int = 4, **kw) -> Reply:
    step = max(1, -(-len(text) // pieces))
    return Reply(stream_pieces=[text[i:i + step] for i in range(0, len(text), step)], **kw)


def reply_status(status: int, message: str = "scripted error", **kw) -> Reply:
    return Reply(status=status, error_body={"error": {"message": message, "type": "scripted", "code": status}}, **kw)


@dataclass
class Recorded:
    path: str
    headers: dict[str, str]  # names in lower case
    body: dict[str, Any]

    @property
    def system(self) -> str:
        return "\n".join(m["content"] for m in self.body.get("messages", []) if m["role"] in ("system", "developer"))

    @property
    def all_text(self) -> str:
        return "\n".join(str(m.get("content") or "") for m in self.body.get("messages", []))


class FakeLLMServer:
    def __init__(self) -> None:
        self.replies: list[Reply] = []
        self.requests: list[Recorded] = []
        self.unscripted = 0
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # keep test output clean
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                try:
                    body = json.loads(raw or b"{}")
                except ValueError:
                    body = {"_unparsable": raw.decode("utf-8", "replace")}
                with server._lock:
                    server.requests.append(Recorded(self.path, {k.lower(): v for k, v in self.headers.items()}, body))
                    reply = server.replies.pop(0) if server.replies else None
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    return self._send_json(404, {"error": {"message": f"no route {self.path}"}})
                if reply is None:
                    with server._lock:
                        server.unscripted += 1
                    return self._send_json(500, {"error": {"message": "fake server: no scripted reply"}})
                if reply.delay:
                    time.sleep(reply.delay)
                try:
                    if reply.status != 200:
                        return self._send_json(reply.status, reply.error_body or {}, reply.headers)
                    if body.get("stream"):
                        return self._send_stream(body, reply)
                    return self._send_json(200, server.completion(body, reply), reply.headers)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout tests)

            def _send_json(self, status: int, obj: dict, headers: dict | None = None):
                data = json.dumps(obj, ensure_ascii=False).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

            def _send_stream(self, body: dict, reply: Reply):
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-cache")
                self.send_header("Connection", "close")
                self.end_headers()
                base = {"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": int(time.time()),
                        "model": body.get("model", "fake")}
                pieces = reply.stream_pieces if reply.stream_pieces is not None else [reply.content or ""]
                events = [{**base, "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""},
                                                "finish_reason": None}]}]
                events += [{**base, "choices": [{"index": 0, "delta": {"content": p}, "finish_reason": None}]}
                           for p in pieces]
                events.append({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": reply.finish_reason}]})
                if (body.get("stream_options") or {}).get("include_usage"):
                    events.append({**base, "choices": [], "usage": _usage(reply)})
                for ev in events:
                    self.wfile.write(f"data: {json.dumps(ev, ensure_ascii=False)}\n\n".encode())
                    self.wfile.flush()
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()
                self.close_connection = True

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02},
                                        daemon=True)

    # ---- script and inspect ------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def push(self, *replies: Reply) -> FakeLLMServer:
        with self._lock:
            self.replies.extend(replies)
        return self

    @property
    def bodies(self) -> list[dict]:
        return [r.body for r in self.requests]

    def completion(self, body: dict, reply: Reply) -> dict:
        message: dict[str, Any] = {"role": "assistant", "content": reply.content}
        finish = reply.finish_reason
        tools = body.get("tools") or []
        if reply.structured is not None:
            text = json.dumps(reply.structured, ensure_ascii=False)
            if tools:
                reply = Reply(tool_args=text, usage=reply.usage)
            else:
                message["content"] = text
        if reply.tool_args is not None:
            name = tools[0]["function"]["name"] if tools else "unknown"
            message = {"role": "assistant", "content": None, "tool_calls": [
                {"id": "call_fake", "type": "function", "function": {"name": name, "arguments": reply.tool_args}}]}
            finish = "tool_calls"
        return {"id": "chatcmpl-fake", "object": "chat.completion", "created": int(time.time()),
                "model": body.get("model", "fake"),
                "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
                "usage": _usage(reply)}

    # ---- lifecycle ---------------------------------------------------------------------------
    def start(self) -> FakeLLMServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)


def _usage(reply: Reply) -> dict:
    i, o = reply.usage
    return {"prompt_tokens": i, "completion_tokens": o, "total_tokens": i + o}


@pytest.fixture
def fake_llm(monkeypatch) -> FakeLLMServer:
    """A started fake server; no proxy and no tracing can take a request elsewhere."""
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy",
                "OPENAI_BASE_URL", "OPENAI_API_BASE", "OPENAI_API_KEY", "LANGSMITH_TRACING",
                "LANGCHAIN_TRACING_V2", "LANGSMITH_API_KEY", "LANGCHAIN_API_KEY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    server = FakeLLMServer().start()
    yield server
    server.stop()
