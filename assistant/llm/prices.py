"""What model calls cost: a listed price per model (``prices.toml``), or the staff's own.

The figures come from the provider's ``usage`` in the call log; cached input is billed at the
cache price where the provider reports it, else at the full price (never less than it cost).
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources

__all__ = ["Price", "cost_of", "listed_price", "price_for"]

_SYMBOLS = {"CNY": "¥", "USD": "$"}


@dataclass(frozen=True, slots=True)
class Price:
    """Per million tokens."""

    input: Decimal
    output: Decimal
    cached: Decimal | None = None
    currency: str = "CNY"
    source: str = ""  # where the figure is listed ("" for the staff's own)
    listed: str = ""

    @property
    def symbol(self) -> str:
        return _SYMBOLS.get(self.currency, self.currency + " ")


@functools.cache
def _table() -> dict[str, Price]:
    raw = tomllib.loads(resources.files("assistant.llm").joinpath("prices.toml").read_text(encoding="utf-8"))
    return {model: Price(Decimal(str(p["input"])), Decimal(str(p["output"])),
                         Decimal(str(p["cached"])) if "cached" in p else None, p["currency"], p["source"],
                         p["listed"]) for model, p in raw.items()}


def listed_price(model: str) -> Price | None:
    return _table().get(model.strip().lower())


def price_for(model: str, *, input: float | None = None, output: float | None = None,
              cached: float | None = None) -> Price | None:
    """The staff's own price (元 per million tokens) when given, else the listed one, else None."""
    if input is not None and output is not None:
        return Price(Decimal(str(input)), Decimal(str(output)),
                     Decimal(str(cached)) if cached is not None else None, "CNY")
    return listed_price(model)


def cost_of(price: Price, input_tokens: int, output_tokens: int, cached_tokens: int = 0) -> Decimal:
    cached = min(cached_tokens, input_tokens) if price.cached is not None else 0
    per = Decimal(1_000_000)
    return ((input_tokens - cached) * price.input + cached * (price.cached or 0) + output_tokens * price.output) / per
