"""A faster ``__init__`` for the frozen dataclasses the text analysis builds by the dozen per report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, fields
from typing import TypeVar, cast

__all__ = ["fast_new", "quick_init"]

_T = TypeVar("_T")


def quick_init(cls: type[_T]) -> type[_T]:
    """Give a frozen, slotted dataclass an ``__init__`` that sets each slot through its descriptor:
    the generated one calls ``object.__setattr__`` per field (to get past the frozen check), which
    costs about twice as much. Same parameters, defaults and result; only plain defaults are supported."""
    params: list[str] = []
    body: list[str] = []
    namespace: dict[str, object] = {}
    for f in fields(cls):  # type: ignore[arg-type]  # a dataclass, checked by fields()
        assert f.default_factory is MISSING, f"{cls.__name__}.{f.name}: a default factory"
        namespace[f"_set_{f.name}"] = cls.__dict__[f.name].__set__
        if f.default is MISSING:
            params.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        body.append(f"    _set_{f.name}(self, {f.name})\n")
    exec(f"def __init__(self, {', '.join(params)}):\n{''.join(body)}", namespace)  # generated from the field names
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"  # type: ignore[attr-defined]
    setattr(cls, "__init__", init)  # noqa: B010 - assigning a method directly does not type-check
    return cls


def fast_new(cls: type[_T]) -> Callable[..., _T]:
    """A function building an instance of a frozen, slotted dataclass like ``cls(...)`` (same
    parameters and defaults), at about half the cost of even ``quick_init``'s ``__init__``: it fills a
    plain object of the same slots and then switches its class (CPython allows it between classes of
    the same layout). For the records built in the hottest loops."""
    twin = type(f"_{cls.__name__}Building", (), {"__slots__": cls.__slots__})  # type: ignore[attr-defined]
    params: list[str] = []
    body: list[str] = []
    namespace: dict[str, object] = {"_twin": twin, "_cls": cls}
    for f in fields(cls):  # type: ignore[arg-type]  # a dataclass, checked by fields()
        assert f.default_factory is MISSING, f"{cls.__name__}.{f.name}: a default factory"
        if f.default is MISSING:
            params.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        body.append(f"    o.{f.name} = {f.name}\n")
    assert tuple(f.name for f in fields(cls)) == cls.__slots__, cls  # type: ignore[arg-type, attr-defined]
    exec(f"def new({', '.join(params)}):\n    o = _twin()\n{''.join(body)}    o.__class__ = _cls\n    return o\n",
         namespace)  # generated from the field names
    return cast(Callable[..., _T], namespace["new"])
