"""Drafting with a model, in a real browser: the app runs with a model configured (the local fake
server, over HTTP), a part is written slowly, and its first characters show in the chat and in the
preview before it is finished; 停止起草 stops the next run, and the parts already written are saved."""

from __future__ import annotations

import time

import pytest

from eval.harness import AppServer, add_users, logged_in_page, send_message
from tests.fakellm import FakeLLMServer, Recorded, Reply
from tests.fakellm.responders import install, task_of
from tests.test_ui_browser import PASSWORD, _require_browser

pytestmark = pytest.mark.timeout(400)

SLOW = ["本机关坚持以公开为常态、", "不公开为例外，", "通过门户网站主动公开", "政务信息148条，", "内容涵盖", "机构职能、",
        "政策文件、", "财政预决算等。", "全文完毕"]


class Model:
    def __init__(self) -> None:
        self.slow_delay = 0.6

    def __call__(self, request: Recorded) -> Reply:
        task = task_of(request)
        if task == "extract":
            return Reply(structured={"ops": []})
        if task == "draft.p1.active":
            return Reply(stream_pieces=list(SLOW), chunk_delay=self.slow_delay)
        return Reply(content="本机关按要求做好相关工作。")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    _require_browser()
    fake = FakeLLMServer().start()
    model = Model()
    install(fake, model)
    work = tmp_path_factory.mktemp("ui-stream")
    url = f"sqlite:///{work / 'app.sqlite3'}"
    add_users(url, [("zhangsan", PASSWORD, "staff", "张三")])
    env = {"REPORT_LLM_BASE_URL": fake.base_url, "REPORT_LLM_MODEL": "test-model", "REPORT_LLM_PROFILE": "vllm",
           "REPORT_LLM_API_KEY": "sk-test", "REPORT_LLM_TIMEOUT_S": "30", "REPORT_LLM_MAX_RETRIES": "0"}
    try:
        with AppServer(url, work, env=env) as base:
            yield base, fake, model, work
    finally:
        fake.stop()


def test_a_part_shows_as_it_is_written_and_drafting_can_be_stopped(served):
    from playwright.sync_api import expect

    base, fake, model, work = served
    expect.set_options(timeout=30_000)
    with logged_in_page(base, "zhangsan", PASSWORD) as page:
        chat = page.locator("#chat")
        expect(chat).to_contain_text("您好！我来帮您收集")
        send_message(page, "网站公开政务信息148条，新媒体发布信息59条。")
        expect(chat).to_contain_text("148")

        page.locator("#draft-all").click()
        page.locator("#confirm-draft_all").click()  # drafting asks first
        # the first pieces are on the page while the part is still being written
        expect(chat).to_contain_text("本机关坚持以公开为常态", timeout=20_000)
        assert "全文完毕" not in chat.inner_text()
        # and in the preview, in its place in the report, marked as not yet saved
        writing = page.locator('#preview .preview-page[data-writing="1"] p[data-part="p1.active"]')
        expect(writing).to_contain_text("本机关坚持以公开为常态")
        assert "全文完毕" not in writing.inner_text()
        page.screenshot(path=str(work / "streaming-1366x768.png"))
        expect(chat).to_contain_text("已起草", timeout=60_000)
        expect(page.locator("#preview")).to_contain_text("全文完毕")

        # a second run, stopped while the slow part is being written
        model.slow_delay = 1.5
        page.locator("#draft-all").click()
        page.locator("#confirm-draft_all").click()  # drafting asks first
        expect(chat).to_contain_text("本机关坚持以公开为常态", timeout=20_000)
        time.sleep(0.5)
        page.locator("#stop-draft").click()
        expect(chat).to_contain_text("已按您的要求停止起草", timeout=30_000)
        page.screenshot(path=str(work / "stopped-1366x768.png"))
        # the part that was stopped keeps its first version
        expect(page.locator('#preview p[data-part="p1.active"]')).to_contain_text("全文完毕")
    log = (work / "server.log").read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in log, log[-3000:]
    # the app's drafting went to the model over HTTP, and only the parts with facts were asked for
    asked = [task_of(r) for r in fake.requests if task_of(r).startswith("draft.")]
    assert asked.count("draft.p1.active") == 2 and "draft.p6.fees" not in asked
