"""The vocabulary's lookup by first character finds what one regex alternation of every word, longest
first, found (the lookup it replaced, about 40 times slower): the same anchors, in the same order."""

from __future__ import annotations

import functools
import random
import re

from assistant.reading._vocab import Anchor, vocabulary


@functools.cache
def _alternation() -> tuple[re.Pattern[str], list[str]]:
    words = sorted(vocabulary()._meanings, key=lambda w: -len(w))
    return re.compile("|".join(f"(?P<w{i}>{re.escape(w)})" for i, w in enumerate(words))), words


def _as_before(text: str) -> list[Anchor]:
    """``Vocabulary._find`` as it was: the words by one alternation, then the homophone slips."""
    v = vocabulary()
    pattern, words = _alternation()
    out = []
    for m in pattern.finditer(text):
        assert m.lastgroup is not None
        out += [Anchor(kind, key, m.start(), m.end()) for kind, key in v._meanings[words[int(m.lastgroup[1:])]]]
    if not re.search(r"[\u4e00-\u9fff]", text):
        return [a for a in out if a.kind != "not_an_item"]
    slips = v._misspelt(text, out)
    out = [a for a in out if a.end - a.start > 1 or not any(s.start <= a.start < s.end for s in slips)]
    # (the [words] not_items take their text and name nothing: "社区矫正" is no 社区)
    return [a for a in out + slips if a.kind != "not_an_item"]


def test_the_lookup_finds_what_the_alternation_found() -> None:
    v = vocabulary()
    rnd = random.Random(19)
    words = list(v._meanings)
    texts = [
        "本年新收政府信息公开申请45件，予以公开35件，部分公开10件，行政复议3件，维持2件。",
        "网站公开政务信息900条，微信公众号发布2000条，不予公开的3件是国家秘密。",
        "我们是示例第一局，市级单位，要写2023年度的年报。规张性文件清理了20件，处发决定5件。",
        "", "件", "abc 123",
    ]
    texts += ["".join(rnd.choice(words) for _ in range(rnd.randrange(1, 7))) for _ in range(150)]
    texts += [w[:-1] + w for w in rnd.sample(words, 80)]  # a word cut short, then whole
    texts += [t[rnd.randrange(len(t) + 1):] for t in texts[6:86]]  # cut anywhere
    texts += [t + t[: rnd.randrange(len(t) + 1)] for t in texts[6:86]]  # a word cut at the end
    for text in texts:
        assert v._find(text) == _as_before(text), text
