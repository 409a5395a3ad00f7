"""Which fonts the exported document names: the GB/T 9704 fonts when installed, else a CJK fallback.

Detection asks fontconfig (``fc-list``); a machine without fc-list counts as having none of them.
A role whose official font is missing gets the first installed font of its fallback chain (serif
first, except 黑体, whose nearest substitute is a sans face, and 楷体, whose substitutes are other 楷体
faces before any serif, so level-2 headings still differ from the body); the substitution is named in
the document's properties so nobody mistakes the fallback for the official layout.

Digits and Latin letters use the same font as the Chinese text of their role (as hand-set 公文 in
仿宋_GB2312 do): a separate Latin font falls back to another face on Linux and spaces "2024 年" apart.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = ["OFFICIAL_FONTS", "FontPlan", "installed_fonts", "plan_fonts"]

# role → official font (GB/T 9704-2012)
OFFICIAL_FONTS: dict[str, str] = {
    "title": "方正小标宋简体",
    "heading1": "黑体",
    "heading2": "楷体_GB2312",
    "body": "仿宋_GB2312",
    "page_number": "宋体",
}

# other names fontconfig may list the same typeface under
_ALIASES: dict[str, tuple[str, ...]] = {
    "方正小标宋简体": ("方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "FZXiaoBiaoSong-B05"),
    "黑体": ("黑体", "SimHei"),
    "楷体_GB2312": ("楷体_GB2312", "KaiTi_GB2312"),
    "仿宋_GB2312": ("仿宋_GB2312", "FangSong_GB2312"),
    "宋体": ("宋体", "SimSun"),
}

_SERIF_CHAIN = ("Noto Serif CJK SC", "Noto Sans CJK SC", "SimSun")
_SANS_CHAIN = ("Noto Sans CJK SC", "Noto Serif CJK SC", "SimSun")
# free 楷体 faces (Debian fonts-arphic-ukai, LXGW WenKai), then Windows' own 楷体
_KAI_CHAIN = ("AR PL UKai CN", "LXGW WenKai", "KaiTi", "楷体", *_SERIF_CHAIN)
_LAST_RESORT = "SimSun"  # present on every Chinese Windows; named even when nothing was detected


@functools.lru_cache(maxsize=1)
def installed_fonts() -> frozenset[str]:
    """Every family name fontconfig knows (all aliases), or nothing without fc-list."""
    exe = shutil.which("fc-list")
    if exe is None:
        return frozenset()
    try:
        out = subprocess.run([exe, ":", "family"], capture_output=True, text=True, timeout=30, check=False).stdout
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    names: set[str] = set()
    for line in out.splitlines():
        names.update(n.strip().replace("\\-", "-") for n in line.split(",") if n.strip())
    return frozenset(names)


@dataclass(frozen=True)
class FontPlan:
    """East Asian font per role, and which official fonts were replaced by what."""

    fonts: dict[str, str]
    substitutions: dict[str, str] = field(default_factory=dict)  # official → used

    @property
    def table(self) -> str:
        return self.fonts["body"]

    def describe(self) -> str:
        """A Chinese sentence for the document properties; empty when every official font is used."""
        if not self.substitutions:
            return ""
        pairs = "，".join(f"{official}→{used}" for official, used in self.substitutions.items())
        return f"本机未安装公文标准字体，已用替代字体排版（{pairs}）；在装有标准字体的电脑上请改回标准字体。"


def plan_fonts(installed: Iterable[str] | None = None) -> FontPlan:
    """The font plan for this machine (``installed`` overrides detection, for tests)."""
    have = frozenset(installed) if installed is not None else installed_fonts()
    fonts: dict[str, str] = {}
    subs: dict[str, str] = {}
    for role, official in OFFICIAL_FONTS.items():
        if any(name in have for name in _ALIASES[official]):
            fonts[role] = official
            continue
        chain = {"黑体": _SANS_CHAIN, "楷体_GB2312": _KAI_CHAIN}.get(official, _SERIF_CHAIN)
        used = next((f for f in chain if f in have or (f == "SimSun" and "宋体" in have)), _LAST_RESORT)
        fonts[role] = used
        subs[official] = used
    return FontPlan(fonts, subs)
