"""Components by name, and events whose outputs are matched by name, never by position.

Each panel adds its components to one ``Views`` (``v.add("preview", gr.HTML(…))``), says which of
them it renders from a draft (``v.renders``) and which a role must be allowed to see
(``shown_to``), and wires its events with ``v.on``. A handler returns (or yields) a mapping
``{name: value}`` for any of the event's outputs; an output it leaves out is not updated. So adding
an output to an event cannot shift the others. The order of an event's output names only fixes the
order of the results an API caller (gradio_client) receives.
"""

from __future__ import annotations

import functools
import html
import inspect
import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

import gradio as gr

from assistant.errors import ReportAssistantError
from ui._sent import PAGES, Page

__all__ = ["Views", "keyed", "notice_html", "page_of"]

B = TypeVar("B")  # a Gradio component or layout block (Tab, Accordion)
Renderer = Callable[[Any], Mapping[str, Any]]
_SERIALS = itertools.count(1)


class Views:
    def __init__(self) -> None:
        self._blocks: dict[str, Any] = {}
        self._renderers: list[tuple[frozenset[str], Renderer]] = []
        self.shown_to: dict[str, str] = {}  # name → the action a role must be allowed to see it
        self.serial = next(_SERIALS)  # tells this app's pages from another's in the same process (tests)

    # ---- components -----------------------------------------------------------------------------
    def add(self, name: str, block: B, *, shown_to: str | None = None) -> B:
        """Register ``block`` as ``name``; ``shown_to``: the action (``assistant.auth``) that makes
        it visible to a role (on load; the server checks every action again)."""
        if name in self._blocks:
            raise ValueError(f"duplicate view name {name!r}")
        self._blocks[name] = block
        if shown_to:
            self.shown_to[name] = shown_to
        return block

    def __getitem__(self, name: str) -> Any:
        return self._blocks[name]

    def __call__(self, *names: str) -> list[Any]:
        return [self._blocks[n] for n in names]

    @property
    def blocks(self) -> dict[str, Any]:
        return dict(self._blocks)

    # ---- what a draft looks like ------------------------------------------------------------------
    def renders(self, names: Iterable[str], fn: Renderer) -> None:
        """``fn(shown)`` returns exactly ``names``' values for a draft (``ui._refresh.Shown``)."""
        self._renderers.append((frozenset(names), fn))

    def render(self, shown: Any, names: Sequence[str]) -> dict[str, Any]:
        """The values of ``names``, calling only the renderers that produce one of them."""
        wanted, out = set(names), dict[str, Any]()
        for produced, fn in self._renderers:
            if produced & wanted:
                values = dict(fn(shown))
                if set(values) != produced:
                    raise ValueError(f"{fn.__qualname__} rendered {sorted(values)}, declared {sorted(produced)}")
                out.update((k, values[k]) for k in produced & wanted)
        missing = wanted - set(out)
        if missing:
            raise ValueError(f"no renderer for {sorted(missing)}")
        return out

    # ---- events ---------------------------------------------------------------------------------
    def on(self, trigger: Callable[..., Any], fn: Callable[..., Any], inputs: Sequence[str],
           outputs: Sequence[str], *, notice: str | None = None, **kwargs: Any) -> Any:
        """``trigger(…)`` (e.g. ``v["send"].click``) wired to ``fn`` with the named inputs (passed in
        this order) and outputs (results in this order); ``fn`` returns ``{output name: value}``.
        ``notice``: the component next to the action where a refusal is said (and cleared when the
        action goes through); it joins the outputs, before the draft selector, which stays last."""
        outputs = list(dict.fromkeys(outputs))  # a view an event names itself and refreshes too: once
        if notice is not None and notice not in outputs:
            at = len(outputs) - 1 if outputs and outputs[-1] == "draft_select" else len(outputs)
            outputs.insert(at, notice)
        if len(set(outputs)) != len(outputs):
            raise ValueError(f"duplicate outputs in {list(outputs)}")
        return trigger(keyed(fn, {n: self._blocks[n] for n in outputs}, notice=notice, scope=self.serial),
                       self(*inputs), self(*outputs), **kwargs)


def _from_api(args: tuple, kwargs: dict) -> bool:
    """True when the event comes from a program (gradio_client marks its requests), or from a direct
    call without a request (tests of the handlers)."""
    for a in (*args, *kwargs.values()):
        if isinstance(a, gr.Request):
            try:
                headers = a.headers or {}
            except (AttributeError, KeyError):  # a Request made without an HTTP request: a direct call
                return True
            return headers.get("x-gradio-user") == "api"
    return True


def page_of(v: Views | int, request: Any) -> Page | None:
    """The page (one Gradio session of this app) an event comes from; None for a direct call."""
    session = getattr(request, "session_hash", None) if isinstance(request, gr.Request) else None
    return (v if isinstance(v, int) else v.serial, session) if session else None


def _page_in(scope: int, args: tuple, kwargs: dict) -> Page | None:
    return next((page_of(scope, a) for a in (*args, *kwargs.values()) if isinstance(a, gr.Request)), None)


def notice_html(text: str, kind: str = "refused") -> str:
    """A line next to an action: why it was refused (``refused``) or what it did (``done``)."""
    if not text:
        return ""
    label = {"refused": "没有完成", "done": "已完成"}.get(kind, "提示")
    return (f'<div class="notice {kind}" role="status"><b>{label}</b>'
            f"<span>{html.escape(text)}</span></div>")


def keyed(fn: Callable[..., Any], outputs: Mapping[str, Any], *, notice: str | None = None,
          scope: int = 0) -> Callable[..., Any]:
    """``fn`` answering ``{component: value}`` to Gradio for its ``{name: value}``; core errors
    (permission, validation, storage) become a Chinese message in the page, in ``notice`` (the
    component next to the action) when the event has one. Same signature as ``fn`` (Gradio reads
    it for ``gr.Request`` and ``gr.Progress``), same kind (async, generator)."""
    def convert(result: Any, page: Page | None, clear: bool = True) -> Any:
        if not isinstance(result, Mapping):
            raise TypeError(f"{fn.__qualname__} must return {{output name: value}}, not {type(result).__name__}")
        unknown = set(result) - set(outputs)
        if unknown:
            raise KeyError(f"{fn.__qualname__} returned {sorted(unknown)}, not among its outputs {list(outputs)}")
        if clear and notice is not None and notice not in result:
            result = {**result, notice: ""}  # the action went through: an earlier refusal no longer holds
        PAGES.record(page, result)  # what this page shows now: a later turn leaves it out if unchanged
        if not outputs:  # an event that only tells the server something (a tab selected)
            return None
        if not result:  # Gradio reads an empty dict as one value
            return gr.skip()
        return {outputs[name]: value for name, value in result.items()}

    def refused(exc: ReportAssistantError, args: tuple, kwargs: dict) -> Any:
        """An expected refusal. To a program (gradio_client) an error; in the page a Chinese line next
        to the action, every other component keeping what it shows (an error would blank the
        outputs), and no traceback in the server's log."""
        if _from_api(args, kwargs):
            return gr.Error(str(exc), title="无法完成", print_exception=False)
        if notice is not None:
            return {outputs[notice]: notice_html(str(exc))}
        gr.Warning(str(exc), title="无法完成")
        return gr.skip()

    if inspect.isasyncgenfunction(fn):
        @functools.wraps(fn)
        async def wrapper(*args, **kwargs):
            try:
                first = True  # a generator clears the last notice once, with its first answer
                async for item in fn(*args, **kwargs):
                    yield convert(item, _page_in(scope, args, kwargs), clear=first)
                    first = False
            except ReportAssistantError as exc:
                answer = refused(exc, args, kwargs)
                if isinstance(answer, gr.Error):
                    raise answer from exc
                yield answer
    elif inspect.iscoroutinefunction(fn):
        @functools.wraps(fn)
        async def wrapper(*args, **kwargs):
            try:
                return convert(await fn(*args, **kwargs), _page_in(scope, args, kwargs))
            except ReportAssistantError as exc:
                answer = refused(exc, args, kwargs)
                if isinstance(answer, gr.Error):
                    raise answer from exc
                return answer
    else:
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            try:
                return convert(fn(*args, **kwargs), _page_in(scope, args, kwargs))
            except ReportAssistantError as exc:
                answer = refused(exc, args, kwargs)
                if isinstance(answer, gr.Error):
                    raise answer from exc
                return answer

    wrapper.keyed_outputs = tuple(outputs)  # type: ignore[attr-defined]  # read by tests
    return wrapper
