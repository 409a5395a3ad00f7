"""Tab 数据表: editable grids of tables 二, 三 and 四; cells that fail validation are marked. An edit
is saved against what this page showed (``grid_base``), so another person's change is not undone."""

from __future__ import annotations

import gradio as gr

from assistant.app import AppService
from assistant.errors import ReportAssistantError
from ui import _ledger, views
from ui._gradio_auth import user_of
from ui._refresh import VIEW_OUTPUTS, Shown, refresh
from ui._registry import Views, notice_html
from ui._runtime import in_thread

__all__ = ["build", "wire"]

_KEYS = ("t2", "t3", "t4")  # in the report's order


def build(v: Views) -> None:
    with v.add("tab_grids", gr.Tab("数据表", id="tab-grids")):
        gr.Markdown("直接修改单元格（双击编辑，回车确认）：修改立即保存，并记录修改人。"
                    "空白表示未填写，“/”表示原表留空；未通过校验的单元格标为红色。")
        _ledger.build_tab(v)
        v.add("grid_status", gr.Markdown("", elem_id="grid-status"))
        v.add("grid_marks", gr.HTML("", elem_id="grid-marks"))
        for key in _KEYS:
            g = views.GRIDS[key]
            v.add(f"grid_{key}", gr.Dataframe(
                headers=g.headers, datatype="str", type="array", interactive=True,
                static_columns=g.static_columns, label=g.title, elem_id=f"grid-{key}",
                # tall enough for every row (表三 has 25, some wrapped): no scroll box inside the page's scroll
                wrap=True, max_height=2400 if key == "t3" else 900, buttons=["fullscreen"],
                column_widths=[*g.widths],
            ))
    v.renders(("grid_t2", "grid_t3", "grid_t4", "grid_marks", "grid_base"), _show)


def _show(d: Shown) -> dict:
    if d.empty:
        return {"grid_t2": [[]], "grid_t3": [[]], "grid_t4": [[]], "grid_marks": "", "grid_base": {}}
    rows = {k: views.grid_rows(d.snap, k) for k in ("t2", "t3", "t4")}
    return {**{f"grid_{k}": r for k, r in rows.items()}, "grid_marks": views.grid_marks_css(d.snap),
            "grid_base": rows}


def wire(v: Views, ws: AppService) -> None:
    _ledger.wire(v, ws)

    def grid_handler(key: str):
        async def on_grid(rows, draft_id, part, base, request: gr.Request):
            username = user_of(request)

            def work():
                snap = ws.snapshot(username, draft_id)
                try:
                    edits, shown = views.grid_edits(key, rows or [], snap, (base or {}).get(key))
                except ReportAssistantError as exc:
                    return {"grid_status": notice_html(str(exc)), **refresh(v, ws, username, draft_id, part)}
                if not edits:  # the grid fires again when the edit box closes: nothing new (keep the note)
                    return {"grid_status": gr.skip(), **refresh(v, ws, username, draft_id, part)}
                out = {}
                try:
                    done = ws.set_cells(username, draft_id, edits, shown)
                    if done:  # an overlapping second event of the same edit finds nothing new: keep the note
                        out["grid_status"] = notice_html("已保存：" + "；".join(done), "done")
                    else:
                        out["grid_status"] = gr.skip()
                except ReportAssistantError as exc:
                    out["grid_status"] = notice_html(f"没有保存：{exc}")
                return {**out, **refresh(v, ws, username, draft_id, part)}

            return await in_thread(work)

        return on_grid

    for key in _KEYS:
        v.on(v[f"grid_{key}"].input, grid_handler(key), [f"grid_{key}", "draft_select", "part", "grid_base"],
             ("grid_status", *VIEW_OUTPUTS), api_name=f"edit_{key}", notice="grid_status")
