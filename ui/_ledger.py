"""The ledger in the page: upload the application ledger (in the 数据表 tab), see
tables 三 and 四 derived from it and the rows that could not be placed, pick a column the reader did
not find, accept (the cells go in through ``AppService.apply_ledger``: one action, undo works), and
download the ledger template. Thin: every rule is in ``assistant.ledger`` and the service."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.app import LEDGER_TYPES, AppService
from assistant.ledger import (
    APPLICATION_ROLES,
    LEDGER_NAMES,
    REVIEW_ROLES,
    ColumnsMissing,
    LedgerDerivation,
    rows_phrase,
)
from schemas import labels as L
from schemas.layout import T3_ROWS, T4_BLOCKS
from ui._gradio_auth import user_of
from ui._refresh import VIEW_OUTPUTS, refresh
from ui._registry import Views, notice_html
from ui._runtime import in_thread

__all__ = ["PICKERS", "build_tab", "ledger_html", "wire"]

# the columns a person may be asked to pick: (kind, role)
PICKERS: tuple[tuple[str, str], ...] = (("applications", "received"), ("applications", "outcome"),
                                        ("applications", "applicant_type"), ("reviews", "kind"), ("reviews", "result"))
_HINT = ("上传本年度的政府信息公开申请台账（登记台账、办理台账均可，Excel、WPS 导出的 xlsx、xls、ods 或 csv），"
         "由台账逐行统计生成表三；同时上传复议诉讼台账（或放在同一工作簿的另一张工作表）时也生成表四。"
         "核对无误后点“采用”，表格中的数字随即更新，每个数字都注明来自台账的哪几行；“撤销”可以撤回。")


def _picker(kind: str, role: str) -> str:
    return f"ledger_pick_{kind}_{role}"


def build_tab(v: Views) -> None:
    """In the 数据表 tab, above the grids."""
    with v.add("ledger_box", gr.Accordion("由申请台账生成表三、表四", open=False, visible=False, elem_id="ledger-box"),
               shown_to="edit_cells"):
        gr.Markdown(_HINT)
        # short labels (the formats are in the hint above): a long one covered the upload icon, and
        # 110 px cut off 点击上传
        with gr.Row():
            v.add("ledger_file", gr.File(label="申请台账", file_types=list(LEDGER_TYPES),
                                         type="filepath", height=150, elem_id="ledger-upload"))
            v.add("ledger_reviews", gr.File(label="复议诉讼台账（可选）", file_types=list(LEDGER_TYPES),
                                            type="filepath", height=150, elem_id="ledger-reviews"))
        with gr.Row():
            for kind, role in PICKERS:
                roles = APPLICATION_ROLES if kind == "applications" else REVIEW_ROLES
                v.add(_picker(kind, role), gr.Dropdown(label=f"{LEDGER_NAMES[kind]}中哪一列是“{roles[role]}”",
                                                       choices=[], visible=False, interactive=True,
                                                       elem_id=f"ledger-pick-{kind}-{role}"))
        with gr.Row():
            v.add("ledger_read", gr.Button("读取台账", elem_id="ledger-read", scale=0, min_width=120))
            v.add("ledger_apply", gr.Button("采用，填入表三、表四", variant="primary", interactive=False,
                                            elem_id="ledger-apply", scale=0, min_width=230))  # on one line
            v.add("ledger_template", gr.Button("下载台账模板", elem_id="ledger-template-make", scale=0, min_width=130))
            v.add("ledger_template_file", gr.File(label="台账模板（申请人类型、办理结果都有下拉列表）", interactive=False,
                                                  visible=False, height=70, elem_id="ledger-template"))
        v.add("ledger_notice", gr.HTML("", elem_id="ledger-notice"))
        v.add("ledger_view", gr.HTML("", elem_id="ledger-view"))
    v.add("ledger_state", gr.State({}))


def _table(headers: list[str], rows: list[tuple[str, list[tuple[int, str]]]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr><th class='label'>" + html.escape(label) + "</th>"
        + "".join(f"<td title='{html.escape(t)}'>{v}</td>" for v, t in cells) + "</tr>"
        for label, cells in rows)
    return f"<table class='ledger-table'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def ledger_html(d: LedgerDerivation) -> str:
    """The derived tables (each number's rows on hover), the rows left out, the notes."""
    cells, prov = d.cells, d.provenance
    out = []
    for part in d.parts:
        out.append(f"<p class='ledger-summary'>{html.escape(part.name)}《{html.escape(part.filename)}》"
                   f"（工作表“{html.escape(part.sheet)}”，表头在第{part.header_row}行）：计入<b>{len(part.placements)}</b>行，"
                   f"无法归类<b>{len(part.issues)}</b>行。</p>")
    if d.issues:
        items = "".join(f"<li><b>{LEDGER_NAMES[i.ledger]}第{i.row}行</b>：{html.escape(i.reason)}</li>" for i in d.issues)
        out.append(f"<div class='ledger-issues'><p>以下{len(d.issues)}行无法归类，没有计入表格（请修改台账后重新上传，"
                   f"或采用后在数据表中手工修改）：</p><ul>{items}</ul></div>")
    for note in d.notes:
        out.append(f"<p class='ledger-note'>注：{html.escape(note)}</p>")

    def row(address: str) -> list[tuple[int, str]]:
        return [(cells[f"{address}.{c}"], rows_phrase(prov[f"{address}.{c}"]) or "没有")
                for c in L.T3_COLUMN_LABELS]

    if d.applications is not None:
        out.append(f"<p><b>表三（{d.year}年，由台账统计）</b></p>")
        out.append(_table(["", *L.T3_COLUMN_LABELS.values()], [(r.full_label, row(r.address)) for r in T3_ROWS]))
    if d.reviews is not None:
        out.append("<p><b>表四（由复议诉讼台账统计）</b></p>")
        out.append(_table(["", *L.T4_COLUMN_LABELS.values()],
                          [(L.T4_BLOCK_LABELS[b], [(cells[f"t4.{b}.{c}"], rows_phrase(prov[f"t4.{b}.{c}"]) or "没有")
                                                   for c in L.T4_COLUMN_LABELS]) for b in T4_BLOCKS]))
    return "<div class='ledger'>" + "".join(out) + "</div>"


def _columns(picks: tuple[Any, ...]) -> tuple[dict[str, str], dict[str, str]]:
    apps: dict[str, str] = {}
    revs: dict[str, str] = {}
    for (kind, role), value in zip(PICKERS, picks):
        if value:
            (apps if kind == "applications" else revs)[role] = str(value)
    return apps, revs


def _hidden_pickers() -> dict[str, Any]:
    return {_picker(k, r): gr.update(visible=False, value=None) for k, r in PICKERS}


def wire(v: Views, ws: AppService) -> None:
    assert len(PICKERS) == 5  # the handlers take the five pickers by name
    pick_names = [_picker(k, r) for k, r in PICKERS]
    pick_outputs = tuple(pick_names)

    def reader(source: str):
        async def on_read(draft_id, path, reviews, state, pick1, pick2, pick3, pick4, pick5, request: gr.Request):
            picks = (pick1, pick2, pick3, pick4, pick5)  # PICKERS, in order
            username = user_of(request)
            path = path or (state or {}).get("path")  # read again (after choosing a column): the same file
            if not path:
                return {"ledger_notice": notice_html("请先选择申请台账文件。"), "ledger_box": gr.update(open=True)}
            apps, revs = _columns(tuple(picks))
            new_state = {"path": str(path), "name": Path(str(path)).name,
                         "reviews": str(reviews) if reviews else None,
                         "reviews_name": Path(str(reviews)).name if reviews else None}
            opened = {"ledger_box": gr.update(open=True), "workspace": gr.update(selected="tab-grids")}

            def work():
                try:
                    result = ws.read_ledger(username, draft_id, new_state["path"], new_state["name"],
                                            reviews=new_state["reviews"], reviews_filename=new_state["reviews_name"],
                                            columns=apps, review_columns=revs)
                except ColumnsMissing as exc:
                    shown = {_picker(exc.kind, r): gr.update(visible=True, choices=exc.headers, value=None)
                             for r in exc.missing if (exc.kind, r) in PICKERS}
                    return {**opened, "ledger_state": new_state, "ledger_apply": gr.update(interactive=False),
                            "ledger_view": "", **shown,
                            "ledger_notice": notice_html(str(exc), "info")}
                return {**opened, "ledger_state": new_state, "ledger_view": ledger_html(result),
                        "ledger_apply": gr.update(interactive=True),
                        "ledger_notice": notice_html("已读取台账：请核对下面的表格和无法归类的行，无误后点“采用”。", "info"),
                        **{n: gr.skip() for n in pick_names}}

            return await in_thread(work)

        return on_read

    read_outputs = ("ledger_state", "ledger_view", "ledger_apply", "ledger_box", "workspace", *pick_outputs)
    v.on(v["ledger_read"].click, reader("tab"),
         ["draft_select", "ledger_file", "ledger_reviews", "ledger_state", *pick_names],
         read_outputs, api_name="read_ledger", notice="ledger_notice")

    async def on_apply(draft_id, state, part, pick1, pick2, pick3, pick4, pick5, request: gr.Request):
        picks = (pick1, pick2, pick3, pick4, pick5)  # PICKERS, in order
        username = user_of(request)
        state = state or {}
        apps, revs = _columns(tuple(picks))

        def work():
            result, lines = ws.apply_ledger(username, draft_id, state.get("path"), state.get("name"),
                                            reviews=state.get("reviews"), reviews_filename=state.get("reviews_name"),
                                            columns=apps, review_columns=revs)
            return {"ledger_notice": notice_html("".join(lines), "done"), "ledger_view": ledger_html(result),
                    "ledger_apply": gr.update(interactive=False), **_hidden_pickers(),
                    **refresh(v, ws, username, draft_id, part)}

        return await in_thread(work)

    v.on(v["ledger_apply"].click, on_apply, ["draft_select", "ledger_state", "part", *pick_names],
         ("ledger_view", "ledger_apply", *pick_outputs, *VIEW_OUTPUTS), api_name="apply_ledger",
         notice="ledger_notice")

    async def on_template(draft_id, request: gr.Request):
        path = await in_thread(ws.ledger_template, user_of(request), draft_id)
        return {"ledger_template_file": gr.update(value=str(path), visible=True)}

    v.on(v["ledger_template"].click, on_template, ["draft_select"], ["ledger_template_file"],
         api_name="ledger_template", notice="ledger_notice")
