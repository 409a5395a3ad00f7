"""How the page looks: its CSS, the script that makes preview numbers clickable, and the theme."""

from __future__ import annotations

import gradio as gr

__all__ = ["APP_CSS", "APP_JS", "theme"]

APP_CSS = """
.gradio-container { max-width: 100% !important; }
#app-header h2 { margin: 0; }
#user-badge { text-align: right; }
/* the tables derived from a ledger: compact, each number's ledger rows on hover */
#ledger-view .ledger-table { border-collapse: collapse; font-size: 13px; margin: 4px 0 10px; }
#ledger-view .ledger-table th, #ledger-view .ledger-table td { border: 1px solid #c9d3e0; padding: 2px 6px; }
#ledger-view .ledger-table td { text-align: right; min-width: 2.5em; }
#ledger-view .ledger-table th.label { text-align: left; font-weight: normal; }
#ledger-view .ledger-issues { border-left: 4px solid #d9822b; background: #fff8f0; padding: 4px 10px; margin: 6px 0; }
/* Gradio sets its blocks' overflow to visible and its container's to hidden: without !important the
   report runs under the page's edge and parts 二–六 cannot be reached */
#preview { max-height: max(360px, calc(100vh - 330px)); overflow-y: auto !important; background: #f3f3f3; padding: 12px;
           border-radius: 8px; }
#preview .preview-page main.report { box-sizing: border-box; max-width: 820px; margin: 0 auto; padding: 40px 48px;
  background: #fff; color: #000; box-shadow: 0 1px 4px rgba(0,0,0,.15);
  font: 16px/1.9 "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif; text-align: justify; }
#preview main.report h1 { font: 24px/1.5 "Noto Serif CJK SC", serif; font-weight: 700; text-align: center; word-break: keep-all;
  margin: 0 0 20px; }
#preview main.report h2 { font: 17px/1.9 "Noto Sans CJK SC", sans-serif; font-weight: 700; margin: 14px 0 0;
  text-indent: 2em; }
#preview main.report h3 { font: 16px/1.9 "Noto Serif CJK SC", serif; font-weight: 700; margin: 6px 0 0;
  text-indent: 2em; }
#preview main.report p { margin: 0; text-indent: 2em; }
#preview main.report .run-in { font-weight: 700; }
#preview main.report table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 8px 0 16px;
  font: 12px/1.5 "Noto Sans CJK SC", sans-serif; text-align: center; }
#preview main.report th, #preview main.report td { border: 1px solid #333; padding: 2px 3px; font-weight: normal;
  word-break: break-all; }
#preview main.report th.label { text-align: left; }
#preview td[data-address], #preview .num { cursor: pointer; }
#preview td[data-address]:hover { outline: 2px solid #1e6fd9; outline-offset: -2px; }
#preview .num { border-bottom: 1px dashed #1e6fd9; }
#preview .num:hover { background: #e3efff; }
#provenance-pop { position: fixed; z-index: 60; box-sizing: border-box; max-height: 230px; overflow-y: auto; background: #fff;
  border: 1px solid #1e6fd9; border-left-width: 4px; border-radius: 6px; padding: 6px 12px 8px; font-size: 14px;
  line-height: 1.6; box-shadow: 0 4px 16px rgba(0,0,0,.2); }
#provenance-pop .close { float: right; border: 0; background: #eef4fd; color: #123c73; border-radius: 4px;
  padding: 0 8px; cursor: pointer; }
#provenance-pop p, #provenance-pop blockquote { margin: 2px 0; }
#provenance { position: absolute !important; left: -10000px !important; width: 1px; height: 1px; overflow: hidden; }
/* what the chat says with no report open (a supervisor before anyone has made one): a readable paragraph */
#chat .placeholder-content .placeholder { padding: 0 32px; color: #333; font-size: 15px; line-height: 1.8; }
/* a table in a chat message ("看看初稿" shows the draft): its own horizontal scroll, columns wide enough to
   read (a narrow bubble otherwise squeezes each header to one character a line) */
#chat table { display: block; overflow-x: auto; max-width: 100%; border-collapse: collapse; font-size: 13px; }
#chat th, #chat td { min-width: 5em; padding: 2px 6px; vertical-align: top; }
#chat th:first-child, #chat td:first-child { min-width: 13em; }
#provenance-hint { border-left: 4px solid #1e6fd9; padding-left: 12px; background: #f7faff; }
.findings .summary { font-weight: 700; margin: 4px 0 10px; }
.findings .ok { color: #1b7d3a; font-weight: 700; font-size: 16px; }
.findings h4.group { margin: 14px 0 6px; font-size: 15px; }
.findings ol { padding-left: 1.4em; margin: 0; }
.findings li[data-target] { cursor: pointer; }
.findings ol li { margin: 0 0 8px; padding: 6px 10px; border-radius: 6px; background: #fafafa; }
.findings ol li:hover, .findings ol li:focus { background: #eef4fd; }
.findings li.error { border-left: 4px solid #c62828; }
.findings li.warning { border-left: 4px solid #e0a000; }
.findings .badge { display: inline-block; padding: 0 6px; margin-right: 6px; border-radius: 4px; color: #fff;
  font-size: 12px; }
.findings .badge.error { background: #c62828; }
.findings .badge.warning { background: #c88a00; }
.findings .details { margin-top: 2px; color: #777; font-size: 12px; }
.findings .snippet { margin-top: 4px; color: #555; font-size: 13px; }
.findings mark { background: #ffe08a; }
.progress { border: 1px solid #cfe0f7; background: #f7faff; border-radius: 8px; padding: 8px 12px; margin-bottom: 12px; }
.progress ul { list-style: none; padding: 0; margin: 0; }
.progress li { display: flex; gap: 10px; align-items: center; padding: 4px 0; }
.progress .what { flex: 0 0 17em; font-weight: 600; }
.progress .bar { flex: 0 0 120px; height: 8px; background: #dde3ea; border-radius: 4px; overflow: hidden; }
.progress .bar span { display: block; height: 100%; background: #2e7d32; }
.progress .count { color: #333; }
#preview .flash { outline: 3px solid #1e6fd9 !important; outline-offset: 2px; background: #e3efff !important;
  transition: background 1s; }
.confirm { border: 2px solid #1e6fd9 !important; border-radius: 8px; padding: 6px 10px; background: #f7faff; }
.confirm p { margin: 2px 0; color: #10233f; font-size: 15px; }
.confirm .html-container, .confirm .prose { opacity: 1 !important; background: transparent !important; }
.todo { border: 1px solid #f0c36d; background: #fffaf0; border-radius: 8px; padding: 6px 12px; margin: 4px 0; }
.todo .hint { color: #666; font-weight: normal; margin-left: 6px; }
.todo ul { margin: 4px 0 0; padding-left: 1.4em; }
.todo li.current { font-weight: 700; }
.todo li[data-draft] { cursor: pointer; }
.todo li[data-draft]:hover { text-decoration: underline; color: #1e6fd9; }
/* a notice or to-do list with nothing to say takes no room (the message box stays in view) */
#todo:not(:has(.todo)), #page-notice:not(:has(.notice)), #review-notice:not(:has(.notice)),
#chat-notice:not(:has(.notice)), #write-note:not(:has(.notice)), #history-notice:not(:has(.notice)),
#export-notice:not(:has(.notice)), #editor-notice:not(:has(.notice)), #draft-copy-notice:not(:has(.notice)),
#users-notice:not(:has(.notice)), #grid-status:not(:has(.notice)), #revision { display: none !important; }
/* only a <style> and data for the page's script: it applies and is read without taking room */
#grid-marks { display: none !important; }
.notice { margin: 4px 0; padding: 6px 10px; border-radius: 6px; font-size: 14px; line-height: 1.6; }
.notice b { margin-right: 8px; }
.notice.refused { background: #fff4e5; border-left: 4px solid #d97706; color: #5c3a00; }
.notice.done { background: #edf7ee; border-left: 4px solid #2e7d32; color: #1b4d1f; }
.notice.info { background: #eef4fd; border-left: 4px solid #1e6fd9; color: #123c73; }
.empty { color: #666; padding: 24px; text-align: center; }
#review-bar { align-items: center; }
/* the state and its next step get most of the bar: beside 理由 and two buttons they were squeezed into
   a third of it ("提交审 / 核）"); Markdown takes no scale or min_width of its own */
#review-bar > #draft-status { flex: 3 1 0% !important; min-width: min(480px, 100%) !important; }
.diff { line-height: 1.9; padding: 10px; background: #fff; border: 1px solid #ddd; border-radius: 6px; }
.diff del { background: #fde2e2; color: #a11; }
.diff ins { background: #dff5e1; color: #135e22; text-decoration: underline; }
.conflict { border: 2px solid #c62828; border-radius: 8px; padding: 8px 12px; background: #fff8f8; }
.conflict .sides { display: flex; gap: 12px; }
.conflict .side { flex: 1; min-width: 0; }
.conflict .side .text { background: #fff; border: 1px solid #ddd; padding: 8px; white-space: pre-wrap; }
"""

# Clicking a number in the preview asks the server for its provenance through two hidden components.
APP_JS = """
() => {
  const tabNamed = (name) => [...document.querySelectorAll('#workspace-tabs [role="tab"]')]
    .find((b) => b.textContent.trim() === name);
  // a finding or a line of what is still to fill: show its text or cell in the preview
  const showInPreview = (address) => {
    const tab = tabNamed('报告预览');
    if (tab) tab.click();
    setTimeout(() => {
      const pv = document.querySelector('#preview');
      if (!pv) return;
      const esc = CSS.escape(address);
      const hit = pv.querySelector(`[data-part="${esc}"], td[data-address="${esc}"]`)
        || pv.querySelector(`[data-part^="${esc}."], td[data-address^="${esc}."]`)
        || (address === 'report' || address === 'meta.title' ? pv.querySelector('h1') : null);
      if (!hit) return;
      hit.scrollIntoView({ block: 'center' });
      hit.classList.add('flash');
      setTimeout(() => hit.classList.remove('flash'), 2500);
    }, 200);
  };
  // the source of a clicked number opens next to it, in a card of our own: Gradio re-renders its
  // components (their classes and styles) on every update, so the answer is copied into the card
  let pop = null;
  const closePop = () => { if (pop) pop.hidden = true; };
  const openPop = (hit) => {
    if (!pop) {
      pop = document.createElement('div');
      pop.id = 'provenance-pop';
      pop.setAttribute('role', 'dialog');
      pop.innerHTML = '<button type="button" class="close" title="关闭">关闭</button><div class="body"></div>';
      pop.querySelector('.close').addEventListener('click', closePop);
      document.body.appendChild(pop);
      const copy = () => {
        const src = document.querySelector('#provenance .prose, #provenance');
        if (src && pop && pop.dataset.waiting !== src.innerText) pop.querySelector('.body').innerHTML = src.innerHTML;
      };
      pop.copyNow = () => { pop.dataset.waiting = ''; copy(); };
      new MutationObserver(copy).observe(document.querySelector('#provenance') || document.body,
                                         { subtree: true, childList: true, characterData: true });
    }
    const src = document.querySelector('#provenance');
    pop.dataset.waiting = src ? src.innerText : '';
    pop.querySelector('.body').textContent = '正在查找来源……';
    const r = hit.getBoundingClientRect();
    const width = Math.min(460, window.innerWidth - 24);
    pop.style.width = width + 'px';
    pop.style.left = Math.max(12, Math.min(r.left, window.innerWidth - width - 12)) + 'px';
    pop.style.top = (r.bottom + 240 < window.innerHeight ? r.bottom + 8 : Math.max(12, r.top - 248)) + 'px';
    pop.hidden = false;
    // the same number again: the answer does not change, so nothing re-renders; show it anyway
    setTimeout(() => { if (pop.querySelector('.body').textContent === '正在查找来源……') pop.copyNow(); }, 2000);
  };
  // a confirmation that appears below the fold (起草全部正文 at 1366×768) is brought into view, and
  // kept there while its text and buttons arrive: shown empty first, only its top edge came into view;
  // a draft copy, once made, is downloaded without a second click
  const seen = new WeakSet();
  const opened = new WeakMap();
  const growing = new ResizeObserver((entries) => {
    for (const { target } of entries) {
      if (target.offsetParent !== null && Date.now() - (opened.get(target) || 0) < 3000) {
        target.scrollIntoView({ block: 'nearest' });
      }
    }
  });
  new MutationObserver(() => {
    for (const box of document.querySelectorAll('.confirm')) {
      if (box.offsetParent !== null && !seen.has(box)) {
        seen.add(box); opened.set(box, Date.now()); growing.observe(box); box.scrollIntoView({ block: 'nearest' });
      }
      if (box.offsetParent === null) { seen.delete(box); growing.unobserve(box); }
    }
    // the tables derived from a ledger appear under the upload, below the screen: show them
    const derived = document.querySelector('#ledger-view .ledger');
    if (derived && !seen.has(derived)) { seen.add(derived); derived.scrollIntoView({ block: 'start', behavior: 'smooth' }); }
    const link = document.querySelector('#draft-copy a[download]');
    if (link && !seen.has(link)) { seen.add(link); link.click(); }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['style', 'class'] });
  // the chat follows each exchange: Gradio scrolls only when the chat was at its bottom after the
  // update, which a long reply (grown already) never is; the clerk's newest message is brought to the
  // top of the chat, with the reply under it read from its start
  let chatRows = 0;
  new MutationObserver(() => {
    const wrap = document.querySelector('#chat .bubble-wrap');
    if (!wrap) return;
    const rows = wrap.querySelectorAll('.message-row');
    if (rows.length <= chatRows) { chatRows = rows.length; return; }
    chatRows = rows.length;
    const users = wrap.querySelectorAll('.message-row.user-row');
    const last = users[users.length - 1];
    if (!last) return;
    const bring = () => {
      const top = last.getBoundingClientRect().top - wrap.getBoundingClientRect().top;
      wrap.scrollTop += top - 8;
    };
    bring();
    setTimeout(bring, 400);  // (after Gradio's own scroll, 300 ms after an update)
  }).observe(document.body, { subtree: true, childList: true });
  document.addEventListener('scroll', (ev) => { if (ev.target.id === 'preview') closePop(); }, true);
  document.addEventListener('click', (ev) => {
    const finding = ev.target.closest('#findings [data-target]');
    if (finding) { showInPreview(finding.dataset.target); return; }
    const todo = ev.target.closest('#todo [data-draft]');
    if (todo) {  // open the draft waiting: through two hidden components, as a number's source
      const key = document.querySelector('#todo-key textarea, #todo-key input');
      const open = document.querySelector('#todo-go');
      if (key && open) {
        key.value = todo.dataset.draft;
        key.dispatchEvent(new Event('input', { bubbles: true }));
        setTimeout(() => open.click(), 60);
      }
      return;
    }
    const hit = ev.target.closest('#preview [data-fact], #preview td[data-address]');
    if (!hit) {
      // a click outside the source card closes it (not the hidden button this script clicks itself)
      if (!ev.target.closest('#provenance-pop, #provenance-go')) closePop();
      return;
    }
    openPop(hit);
    const key = hit.dataset.fact || hit.dataset.address;
    const box = document.querySelector('#provenance-key textarea, #provenance-key input');
    const go = document.querySelector('#provenance-go');
    if (!box || !go) return;
    box.value = key;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    setTimeout(() => go.click(), 60);
  });
  document.addEventListener('keydown', (ev) => {
    const finding = ev.target.closest && ev.target.closest('#findings [data-target]');
    if (finding && (ev.key === 'Enter' || ev.key === ' ')) { ev.preventDefault(); showInPreview(finding.dataset.target); }
  });
  // a marked grid cell says what is wrong with it on hover
  document.addEventListener('mouseover', (ev) => {
    const cell = ev.target.closest('[id^="grid-t"] [data-testid^="cell-"]');
    if (!cell) return;
    const grid = cell.closest('[id^="grid-t"]').id.slice(5);
    const data = document.querySelector('#grid-notes');
    const notes = data ? JSON.parse(data.dataset.notes || '{}') : {};
    const note = ((notes[grid] || {})[cell.dataset.testid.slice(5)]) || '';
    if (note) cell.setAttribute('title', note); else cell.removeAttribute('title');
  });
}
"""


def theme() -> gr.themes.Base:
    # system fonts only: the default theme would fetch web fonts from the internet
    return gr.themes.Default(
        primary_hue="blue", neutral_hue="slate",
        font=["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "sans-serif"],
        font_mono=["Noto Sans Mono CJK SC", "DejaVu Sans Mono", "monospace"],
    )
