"""The staff corpus (``eval/datasets/staff/``): dialogues written the way clerks type, with gold for
all 200 cells and the named facts. Each is run through the dialogue (offline engine by default) and
measured:

- values right after the scripted messages alone (cells and named facts with gold);
- wrong values ever recorded (a value differing from gold at any point, on an item the clerk never
  corrects in the dialogue);
- stated values overwritten by a zero statement;
- questions stored as facts;
- messages to complete, with scripted follow-ups (the clerk answers what is asked, from ``followups``).

The tune set (``tune-*.json``) is what the reader is tuned on; the held-out set (``heldout-*.json``)
is reported apart.

    python -m eval.staff [--verbose] [--only tune-NN]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from assistant._script import t2s
from assistant.dialogue import DialogueService
from assistant.offline import OfflineModel
from assistant.reading import is_question
from assistant.storage import Store

DATA = Path(__file__).resolve().parent / "datasets" / "staff"
AUTHOR = "评测"
# the tune set by when it was written: 61–80 came later, on shapes the reader had not met, and were
# first run on it as it stood then (README of the dataset)
BATCHES = (("tune 01–60", 1, 60), ("tune 61–80 (written later, unseen shapes)", 61, 80),
           ("tune 81–92 (written later again, session 10)", 81, 92),
           ("tune 93–104 (written later again, session 11)", 93, 104),
           ("tune 105–116 (written later again, session 12)", 105, 116),
           ("tune 117–128 (written later again, session 13)", 117, 128),
           ("tune 129–140 (written at the end of session 13, tuned on in session 14)", 129, 140),
           ("tune 141–152 (written in session 14, tuned on in it)", 141, 152),
           ("tune 153–164 (written in session 14, tuned on in session 15)", 153, 164),
           ("tune 165–176 (written in session 15, tuned on in it)", 165, 176),
           ("tune 177–188 (written in session 15, tuned on in session 16)", 177, 188),
           ("tune 189–200 (written in session 16, tuned on in it)", 189, 200),
           ("tune 201–212 (written in session 16, tuned on in session 17)", 201, 212),
           ("tune 213–224 (written in session 17, tuned on in it)", 213, 224),
           ("tune 225–236 (written in session 17, tuned on in session 18)", 225, 236),
           ("tune 237–248 (written in session 18, tuned on in it)", 237, 248),
           ("tune 249–260 (written in session 18, tuned on in session 19)", 249, 260),
           ("tune 261–272 (written in session 19, tuned on in it)", 261, 272),
           ("tune 273–284 (written in session 19, tuned on in session 20)", 273, 284),
           ("tune 285–296 (written in session 20, first run then tuned on)", 285, 296),
           ("tune 297–308 (written in session 20, first run then tuned on)", 297, 308),
           ("tune 309–320 (written in session 20, first run then tuned on)", 309, 320),
           ("tune 321–332 (written in session 20, first run then tuned on)", 321, 332),
           ("tune 333–344 (written at the end of session 20, tuned on in session 21)", 333, 344),
           ("tune 345–356 (written in session 21, first run then tuned on)", 345, 356),
           ("tune 357–368 (written in session 21, first run then tuned on)", 357, 368),
           ("tune 369–380 (written in session 21, first run then tuned on)", 369, 380),
           ("tune 381–392 (written in session 21, not tuned on in it)", 381, 392),
           ("tune 393–404 (written in session 22, first run then tuned on)", 393, 404),
           ("tune 405–416 (written in session 22, tuned on in session 23)", 405, 416),
           ("tune 417–428 (written in session 23, tuned on in session 24)", 417, 428),
           ("tune 429–440 (written in session 24, not tuned on in it)", 429, 440),
           ("tune 441–452 (written in session 25, not tuned on in it)", 441, 452),
           ("tune 453–464 (written in session 26, tuned on in sessions 26–27)", 453, 464),
           ("tune 465–476 (written in session 26, tuned on in session 27)", 465, 476),
           ("tune 477–488 (written in session 27, tuned on in session 28)", 477, 488),
           ("tune 489–494 (written in session 28, first run then tuned on)", 489, 494),
           ("tune 495–500 (written in session 28, tuned on in session 29)", 495, 500),
           ("tune 501–506 (written in session 29, first run then tuned on)", 501, 506),
           ("tune 507–512 (written in session 29, first run, then tuned on once 513–524 were written)", 507, 512),
           ("tune 513–524 (written in session 29, not tuned on in it; tuned on in session 30)", 513, 524),
           ("tune 525–530 (written in session 30: tables copied from elsewhere; first run, then tuned on)", 525, 530),
           ("tune 531–536 (written in session 30: two at one desk, in a hurry; first run, then tuned on)", 531, 536),
           ("tune 537–542 (written in session 30: the clerk's half-written draft; tuned on in session 31)", 537, 542),
           ("tune 543–548 (written in session 30: dictated into a phone; tuned on in session 31)", 543, 548),
           ("tune 549–554 (written in session 31: forwarded from the work group; not tuned on in it; tuned on in session 32)", 549, 554),
           ("tune 555–560 (written in session 31: counting as they go; first run, then tuned on in sessions 31 and 33)", 555, 560),
           ("tune 561–566 (written in session 32: answering the county office's checklist; not tuned on in it)", 561, 566),
           ("tune 567–572 (written in session 32: taking over from someone who left; first run, then tuned on)", 567, 572),
           ("tune 573–578 (written in session 33: answering the reviewer's comments; not tuned on in it)", 573, 578),
           ("tune 579–584 (written in session 33: figures from the system export; first run, then tuned on)", 579, 584))
MAX_FOLLOWUPS = 12
_CORRECTION = re.compile(r"^\s*[*＊]|不对|错了|少说|多说|说少了|说多了|其实有|一开始只|写成|打成|记成|说错|改成|改为|更正|不是.{0,6}是|是.{0,6}不是|应该是|重复录|弄错|写错|搞错|纠正|看错|记错|"
                         r"算错|数错|点错|翻到|又找到|没录|填错|打错|多打|少打|多写|少写|准确|具体是|确切|再对|核对|核一下|核了|截止到|截至|漏了|漏说|漏掉|漏报|漏记|忘说|忘加|忘了|改过|搞反|弄反|写反|说反|颠倒|"
                         r"改一下|改下|应该算|应算|又办了|又收了|后来又|看成|看串|看岔|要改|挪到|其实是|少算|多算|还有一个是|另外还有一|删了|删掉|去掉|"
                         r"作废|以这个为准|以此为准|以这版为准|补充一下|补充一句|补充下|再补充|"
                         r"发串|那条不算|上条不算|上一条不算|刚才那条不算|刚才发的不算|"
                         # a figure given before replaced by the one relayed now: a draft version, a reviewer's point
                         r"以[^，,。；;\n]{0,8}为准|老数据|最终版|定稿|正式版|[0-9０-９]\s*改\s*[0-9０-９]|应为|有误|按[^，,。；;\n]{0,6}说的改|改成[他她]说的")


@dataclass
class StaffResult:
    id: str
    held_out: bool
    scripted: int
    gold: int = 0
    right: int = 0
    wrong_final: list[str] = field(default_factory=list)
    wrong_ever: list[str] = field(default_factory=list)
    zero_overwrites: list[str] = field(default_factory=list)
    questions_stored: list[str] = field(default_factory=list)
    messages: int = 0
    complete: bool = False
    stuck_on: str | None = None


def load(held_out: bool | None = None) -> list[dict[str, Any]]:
    out = []
    for path in sorted(DATA.glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        if held_out is None or bool(d.get("held_out")) == held_out:
            out.append(d)
    return out


def _same(got: Any, want: Any) -> bool:
    if got is None:
        return want is None
    if isinstance(want, bool) or isinstance(got, bool):
        return got == want
    if isinstance(want, (int, float, Decimal)) or (isinstance(want, str) and re.fullmatch(r"-?\d+(\.\d+)?", want)):
        try:
            return Decimal(str(got)) == Decimal(str(want))
        except Exception:
            return False
    if isinstance(want, str) and isinstance(got, str):
        return got.strip() == want.strip() or (want in _LEVELS and got == _LEVELS[want])
    return got == want


_LEVELS = {"国务院部门": "state_council_dept", "省级": "provincial", "市级": "municipal", "县级": "county",
           "县级部门": "county", "乡镇": "township", "街道": "township"}


def _values(service: DialogueService, draft_id: int) -> dict[str, Any]:
    facts = service.facts(draft_id)
    out: dict[str, Any] = dict(facts.cells)
    out.update({k: v for k, v in facts.model_dump(exclude={"cells", "pending", "quotes"}).items() if v is not None})
    return out


def _gold(d: dict[str, Any]) -> dict[str, Any]:
    gold = dict(d["gold_cells"])
    gold.update({k: v for k, v in d.get("gold_named", {}).items()})
    return gold


def _corrected_items(d: dict[str, Any], service_values: list[dict[str, Any]]) -> set[str]:
    """Items whose value changes on a turn that reads as a correction: the clerk's own slip."""
    out: set[str] = set()
    for i, turn in enumerate(d["turns"]):
        if _CORRECTION.search(t2s(turn)) and i > 0:  # (錯了 typed in traditional characters too)
            before, after = service_values[i - 1], service_values[i]
            # (a value taken back, "上面那条不算", changes too: to nothing)
            out |= {k for k in {*before, *after} if before.get(k) is not None and not _same(after.get(k), before[k])}
    return out


def run_one(d: dict[str, Any], store: Store) -> StaffResult:
    service = DialogueService(store, OfflineModel())
    res = StaffResult(d["id"], bool(d.get("held_out")), len(d["turns"]))
    gold = _gold(d)
    draft_id = service.start(AUTHOR).id
    snapshots: list[dict[str, Any]] = []
    for turn in d["turns"]:
        before = _values(service, draft_id)
        service.handle(draft_id, AUTHOR, turn)
        after = _values(service, draft_id)
        snapshots.append(after)
        res.messages += 1
        # a blanket zero that replaced a stated value
        # (not the clerk's own correction: "…记错咧，…部分公开一件都没有" changes the value it names, as it should)
        if re.search(r"都是0|都是零|都为0|全是0|都没有|均为0|全部为0|都填0|空着的", turn) and not _CORRECTION.search(t2s(turn)):
            res.zero_overwrites += [k for k, v in before.items() if not _same(after.get(k), v)
                                    and _same(after.get(k), 0) and not _same(v, 0)]
        sentences = [s for s in re.split(r"[。！!\n]", turn) if s.strip()]
        if sentences and all(is_question(s) for s in sentences):
            texts = [k for k in after if k not in before and isinstance(after[k], str) and k in d.get("gold_texts", {})]
            res.questions_stored += texts
    corrected = _corrected_items(d, snapshots)
    for snap in snapshots:
        for k, v in snap.items():
            if k in gold and k not in corrected and not _same(v, gold[k]) and k not in res.wrong_ever:
                res.wrong_ever.append(k)
    final = _values(service, draft_id)
    for k, want in gold.items():
        res.gold += 1
        if _same(final.get(k), want):
            res.right += 1
        else:
            res.wrong_final.append(f"{k}: {final.get(k)!r} ≠ {want!r}")
    # follow-ups: the clerk answers what is asked, when the dialogue gives the answer
    followups = d.get("followups", {})
    asked: dict[str, int] = {}
    for _ in range(MAX_FOLLOWUPS):
        p = service.plan(draft_id)
        if p.complete:
            res.complete = True
            break
        q = p.questions[0] if p.questions else None
        key = q.key if q else (p.pending[0] if p.pending else "")
        answer = followups.get(key) or followups.get(key.split(".")[0])
        asked[key] = asked.get(key, 0) + 1
        if not answer or asked[key] > 2:
            res.stuck_on = key
            break
        service.handle(draft_id, AUTHOR, answer)
        res.messages += 1
    else:
        res.complete = service.plan(draft_id).complete
    return res


def run(corpus: list[dict[str, Any]]) -> list[StaffResult]:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'staff.sqlite3'}")
        try:
            return [run_one(d, store) for d in corpus]
        finally:
            store.close()


def summary(results: list[StaffResult]) -> dict[str, Any]:
    gold = sum(r.gold for r in results)
    return {
        "dialogues": len(results),
        "values_right": sum(r.right for r in results) / gold if gold else 1.0,
        "wrong_ever": sum(len(r.wrong_ever) for r in results),
        "zero_overwrites": sum(len(r.zero_overwrites) for r in results),
        "questions_stored": sum(len(r.questions_stored) for r in results),
        "complete": sum(r.complete for r in results),
        "avg_extra_messages": (sum(r.messages - r.scripted for r in results) / len(results)) if results else 0.0,
    }


def _print(title: str, results: list[StaffResult], verbose: bool) -> None:
    s = summary(results)
    print(f"{title}: {s['dialogues']} dialogues; values right {s['values_right']:.1%}; wrong ever recorded "
          f"{s['wrong_ever']}; zero overwrites {s['zero_overwrites']}; questions stored {s['questions_stored']}; "
          f"complete {s['complete']}/{s['dialogues']}; messages beyond the script {s['avg_extra_messages']:.2f}")
    if verbose:
        for r in results:
            print(f"  {r.id}: {r.right}/{r.gold} right, +{r.messages - r.scripted} msgs, "
                  f"{'complete' if r.complete else 'stuck on ' + str(r.stuck_on)}")
            for w in r.wrong_final[:12]:
                print(f"    final  {w}")
            if r.wrong_ever:
                print(f"    ever   {', '.join(r.wrong_ever[:12])}")
            for z in r.zero_overwrites:
                print(f"    zeroed {z}")
            for q in r.questions_stored:
                print(f"    question stored as {q}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--verbose", action="store_true")
    p.add_argument("--only", help="one dialogue id")
    args = p.parse_args(argv)
    corpus = load()
    if args.only:
        corpus = [d for d in corpus if d["id"] == args.only]
    tune = run([d for d in corpus if not d.get("held_out")])
    held = run([d for d in corpus if d.get("held_out")])
    if tune:
        _print("tune", tune, args.verbose)
        for name, lo, hi in BATCHES:
            part = [r for r in tune if lo <= int(r.id.split("-")[1]) <= hi]
            if part and len(part) < len(tune):
                _print(f"  {name}", part, False)
    if held:
        # held-out details are not printed: they must not guide the tuning of the reader
        _print("held out", held, False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
