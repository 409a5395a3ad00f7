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
from collections.abc import Callable
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
    # shapes real providers return
    reasoning: str | None = None  # sent before the answer in reasoning_field (DeepSeek, DashScope, vLLM)
    reasoning_field: str = "reasoning_content"
    refusal: str | None = None  # OpenAI: message.refusal instead of content
    tool_calls: list[str] | None = None  # several tool calls' argument strings
    keepalive: int = 0  # ": keep-alive" SSE comments (blank lines when not streamed) before the answer
    keepalive_gap: float = 0.0  # seconds between them
    chunk_chars: int = 0  # split streamed content and tool arguments into pieces of this size
    usage_details: dict | None = None  # extra usage fields (prompt_tokens_details …)
    chunk_delay: float = 0.0  # seconds between streamed chunks (a slow model)


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
        # when set, usage is counted from the request and the reply with this tokenizer (honest
        # figures for the eval), instead of each Reply's scripted usage
        self.count_tokens: Callable[[str], int] | None = None
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
                for _ in range(reply.keepalive):
                    self.wfile.write(b": keep-alive\n\n")
                    self.wfile.flush()
                    time.sleep(reply.keepalive_gap)
                for ev in server.chunks(body, reply):
                    self.wfile.write(f"data: {json.dumps(ev, ensure_ascii=False)}\n\n".encode())
                    self.wfile.flush()
                    if reply.chunk_delay:
                        time.sleep(reply.chunk_delay)
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
        calls = reply.tool_calls if reply.tool_calls is not None else (
            [reply.tool_args] if reply.tool_args is not None else None)
        if calls is not None:
            name = tools[0]["function"]["name"] if tools else "unknown"
            message = {"role": "assistant", "content": None, "tool_calls": [
                {"id": f"call_fake{i}", "type": "function", "function": {"name": name, "arguments": args}}
                for i, args in enumerate(calls)]}
            finish = "tool_calls" if finish == "stop" else finish
        if reply.refusal is not None:
            message = {"role": "assistant", "content": None, "refusal": reply.refusal}
        if reply.reasoning is not None:
            message[reply.reasoning_field] = reply.reasoning
        return {"id": "chatcmpl-fake", "object": "chat.completion", "created": int(time.time()),
                "model": body.get("model", "fake"),
                "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
                "usage": self.usage(body, reply, message)}

    def usage(self, body: dict, reply: Reply, message: dict) -> dict:
        if self.count_tokens is None:
            return _usage(reply)
        from eval._tokens import request_tokens

        answer = (message.get("content") or "") + "".join(
            c["function"]["arguments"] for c in message.get("tool_calls") or []) + (reply.reasoning or "")
        i, o = request_tokens(body), self.count_tokens(answer)
        return {"prompt_tokens": i, "completion_tokens": o, "total_tokens": i + o}

    def chunks(self, body: dict, reply: Reply) -> list[dict]:
        """The streamed form of the reply, as providers send it: a role chunk, reasoning deltas,
        content or refusal pieces, tool-call argument fragments keyed by index, the finish reason,
        and a usage chunk with empty choices when stream_options asked for it."""
        base = {"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": int(time.time()),
                "model": body.get("model", "fake")}

        def ev(delta: dict, finish: str | None = None) -> dict:
            return {**base, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}

        whole = self.completion(body, reply)
        message, finish = whole["choices"][0]["message"], whole["choices"][0]["finish_reason"]
        size = reply.chunk_chars

        def split(text: str) -> list[str]:
            if reply.stream_pieces is not None and text == (message.get("content") or ""):
                return list(reply.stream_pieces)
            if not size:
                return [text]
            return [text[i:i + size] for i in range(0, len(text), size)] or [""]

        out = [ev({"role": "assistant", "content": ""})]
        if reply.reasoning is not None:
            out += [ev({reply.reasoning_field: p, "content": None}) for p in split(reply.reasoning)]
        if message.get("refusal") is not None:
            out += [ev({"refusal": p}) for p in split(message["refusal"])]
        elif message.get("tool_calls"):
            for i, call in enumerate(message["tool_calls"]):
                pieces = split(call["function"]["arguments"])
                out.append(ev({"tool_calls": [{"index": i, "id": call["id"], "type": "function", "function": {
                    "name": call["function"]["name"], "arguments": pieces[0]}}]}))
                out += [ev({"tool_calls": [{"index": i, "function": {"arguments": p}}]}) for p in pieces[1:]]
        else:
            content = message.get("content") or ""
            if reply.stream_pieces is not None:
                out += [ev({"content": p}) for p in reply.stream_pieces]
            elif content:
                out += [ev({"content": p}) for p in split(content)]
        out.append(ev({}, finish))
        if (body.get("stream_options") or {}).get("include_usage"):
            out.append({**base, "choices": [], "usage": whole["usage"]})
        return out

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
    return {"prompt_tokens": i, "completion_tokens": o, "total_tokens": i + o, **(reply.usage_details or {})}


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
