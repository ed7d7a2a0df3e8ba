"""Equal values held once: the strings and dates of parsed statute files, shared across a corpus.

A corpus repeats itself: ``"imprisonment"`` and ``"years"`` in every sanction, tag names, part ids,
source locators, and whole texts a later version leaves unchanged. Loading interns as it structures:
the converter's hooks (:mod:`kzlaw.convert`) give every string, table key included, as its one interned
copy (:func:`sys.intern`) and every date as one shared :class:`datetime.date` (:func:`share_date`);
:func:`intern_tree` does the same to a whole parsed tree (tables, arrays, leaves) for other callers, and
:func:`share_article` then holds equal parts once. The model classes keep the objects they are given, so a loaded
corpus holds each distinct string once however many versions quote it. Values are only swapped
for equal ones of the same type, so nothing a caller can observe changes but memory.

>>> a = intern_tree({"kind": "".join(["impri", "sonment"])})
>>> b = intern_tree({"kind": "".join(["imprison", "ment"])})
>>> a["kind"] is b["kind"], a == {"kind": "imprisonment"}
(True, True)
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any, TypeVar

__all__ = ["intern_tree", "share", "share_article", "share_date"]

T = TypeVar("T")

#: The dates seen so far, each held once (a corpus names a few hundred distinct days at most).
_DATES: dict[dt.date, dt.date] = {}
#: Past this many distinct dates the table starts afresh (a bound on what it keeps alive).
_MAX_DATES = 100_000


def intern_tree(value: Any) -> Any:
    """``value`` with every string and date in it replaced by its one shared copy (tables rebuilt, arrays in place).

    Strings of exactly :class:`str` go through :func:`sys.intern` (interned strings are freed once nothing
    holds them); dates (exactly :class:`datetime.date`) through a shared table. Other values are kept.
    """
    kind = type(value)
    if kind is str:
        return sys.intern(value)
    if kind is dict:
        return _table(value)
    if kind is list:
        _array(value)
        return value
    if kind is dt.date:
        return share_date(value)
    return value


def share_date(day: dt.date) -> dt.date:
    """The one shared :class:`datetime.date` equal to ``day`` (exactly a date, not a subclass)."""
    held = _DATES.get(day)
    if held is None:
        if len(_DATES) >= _MAX_DATES:
            _DATES.clear()
        _DATES[day] = held = day
    return held


def _table(table: dict[str, Any]) -> dict[str, Any]:
    intern = sys.intern
    out: dict[str, Any] = {}
    for key, item in table.items():
        kind = type(item)
        if kind is str:
            item = intern(item)
        elif kind is dict:
            item = _table(item)
        elif kind is list:
            _array(item)
        elif kind is dt.date:
            item = share_date(item)
        out[intern(key) if type(key) is str else key] = item
    return out


def _array(array: list[Any]) -> None:
    intern = sys.intern
    for i, item in enumerate(array):
        kind = type(item)
        if kind is str:
            array[i] = intern(item)
        elif kind is dict:
            array[i] = _table(item)
        elif kind is list:
            _array(item)
        elif kind is dt.date:
            array[i] = share_date(item)


def share(obj: T, held: dict[tuple[type, int], Any]) -> T:
    """An object equal to ``obj`` already in ``held`` (another part of the same corpus), else ``obj``, now held.

    For frozen, hashable model objects (parts, their wordings): a part a later version leaves unchanged, or the
    same part wording in two articles, is then one object. Equal objects cannot be told apart, so this only saves
    memory. ``held`` is the table of one load (see :func:`share_article`), so nothing outlives the corpus.
    """
    key = (type(obj), hash(obj))
    same = held.get(key)
    if same is not None and same == obj:
        return same  # type: ignore[no-any-return]
    held[key] = obj
    return obj


def share_article(article: Any, held: dict[tuple[type, int], Any]) -> None:
    """Make the versions of a freshly built article hold shared parts and part wordings (see :func:`share`).

    The versions are frozen; their fields are swapped for equal objects only, right after the article is built,
    before anyone else can see it. ``held`` is shared by the articles of one load.
    """
    for version in article.versions:
        object.__setattr__(version, "parts", tuple([share(p, held) for p in version.parts]))
        for wording in version.wordings.values():
            parts = wording.parts
            object.__setattr__(parts, "_data", {pid: share(pw, held) for pid, pw in parts.items()})
