"""A read-only, hashable mapping for the model's frozen classes.

:class:`FrozenMap` is what every mapping in a loaded corpus is: it cannot be changed after it is
built (no ``pop``, no item assignment), it compares equal to any mapping with the same items, and it
hashes, so the frozen attrs classes that hold one stay hashable.

>>> m = FrozenMap({"b": 2, "a": 1})
>>> m["a"], len(m), dict(m) == {"b": 2, "a": 1}
(1, 2, True)
>>> m.pop("a")
Traceback (most recent call last):
AttributeError: 'FrozenMap' object has no attribute 'pop'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Generic, TypeVar

__all__ = ["FrozenMap", "as_tuple", "frozen_map"]

K = TypeVar("K")
V = TypeVar("V")


class FrozenMap(Mapping[K, V], Generic[K, V]):
    """An immutable mapping that keeps the order it was given."""

    __slots__ = ("_data", "_hash")
    _data: dict[K, V]
    _hash: int | None

    def __init__(self, items: Mapping[K, V] | Iterable[tuple[K, V]] = ()) -> None:
        data: dict[K, V] = dict(items)
        object.__setattr__(self, "_data", data)
        object.__setattr__(self, "_hash", None)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"FrozenMap is read-only: cannot set {name!r}")

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __hash__(self) -> int:
        h = self._hash
        if h is None:
            h = hash(tuple(self._data.items()))
            object.__setattr__(self, "_hash", h)
        return h

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return dict(self._data) == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenMap, (dict(self._data),))


def frozen_map(items: Mapping[Any, Any] | Iterable[tuple[Any, Any]] = ()) -> FrozenMap[Any, Any]:
    """An attrs converter: any mapping (or pairs) as a :class:`FrozenMap` (one already frozen is kept)."""
    return items if isinstance(items, FrozenMap) else FrozenMap(items)


def as_tuple(items: Iterable[V]) -> tuple[V, ...]:
    """An attrs converter: any iterable as a tuple (one already a tuple is kept).

    A function of kzlaw's own rather than ``tuple`` itself, because attrs reads a converter's
    signature when it builds a class, and a built-in's costs a parse of its text signature.
    """
    return items if type(items) is tuple else tuple(items)
