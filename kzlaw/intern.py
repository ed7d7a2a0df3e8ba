"""Equal values held once: the strings and dates of parsed statute files, shared across a corpus.

A corpus repeats itself: ``"imprisonment"`` and ``"years"`` in every sanction, tag names, part ids,
source locators, and whole texts a later version leaves unchanged. Loading interns as it structures:
the converter's hooks (:mod:`kzlaw.convert`) give every string, table key included, as its one interned
copy (:func:`sys.intern`) and every date as one shared :class:`datetime.date` (:func:`share_date`);
and :func:`share_article` then holds equal parts once. The model classes keep the objects they are given, so a loaded
corpus holds each distinct string once however many versions quote it. Values are only swapped
for equal ones of the same type, so nothing a caller can observe changes but memory.

>>> import datetime as dt
>>> share_date(dt.date(2006, 3, 2)) is share_date(dt.date(2006, 3, 2))
True
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

__all__ = ["share", "share_article", "share_date"]

T = TypeVar("T")

#: The dates seen so far, each held once (a corpus names a few hundred distinct days at most).
_DATES: dict[dt.date, dt.date] = {}
#: Past this many distinct dates the table starts afresh (a bound on what it keeps alive).
_MAX_DATES = 100_000


def share_date(day: dt.date) -> dt.date:
    """The one shared :class:`datetime.date` equal to ``day`` (exactly a date, not a subclass)."""
    held = _DATES.get(day)
    if held is None:
        if len(_DATES) >= _MAX_DATES:
            _DATES.clear()
        _DATES[day] = held = day
    return held


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
