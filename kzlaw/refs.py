"""References: the one string form kzlaw uses everywhere for articles and versions.

``cc1997/128`` names an article; ``cc1997/128@2006-03-02`` the version in force on that date;
``cc2014/128@292-VI`` the version an amending law brought.

>>> parse_ref("cc1997/275-1@2006-03-02")
Ref('cc1997/275-1@2006-03-02')
>>> parse_ref("cc1997/128").at is None
True
"""

from __future__ import annotations

import datetime as dt
import re

from attrs import frozen

from kzlaw.errors import BadReferenceError

__all__ = ["Ref", "parse_ref"]

_REF = re.compile(r"(?P<code>[a-z][a-z0-9]*)/(?P<article>\d+(?:-\d+)?)(?:@(?P<at>[^\s@]+))?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LAW = re.compile(r"[0-9]+-[IVX]+")


@frozen
class Ref:
    """A parsed reference: a code, an article number, and optionally a date or a law id."""

    code: str
    article: str
    day: dt.date | None = None
    law: str | None = None

    @property
    def article_ref(self) -> str:
        """The article part alone, ``cc1997/128``."""
        return f"{self.code}/{self.article}"

    @property
    def at(self) -> str | None:
        """What follows ``@``: the date or law id, or ``None``."""
        if self.day is not None:
            return self.day.isoformat()
        return self.law

    def __str__(self) -> str:
        return self.article_ref if self.at is None else f"{self.article_ref}@{self.at}"

    def __repr__(self) -> str:
        return f"Ref({str(self)!r})"


def parse_ref(text: str) -> Ref:
    """Parse a reference string.

    Raises:
        BadReferenceError: The string is not of the form ``code/article[@YYYY-MM-DD|@law]``.
    """
    m = _REF.fullmatch(text.strip()) if isinstance(text, str) else None
    if m is None:
        raise BadReferenceError(
            f"{text!r} is not a reference; write cc1997/128, cc1997/128@2006-03-02 or cc2014/128@292-VI"
        )
    at = m["at"]
    if at is None:
        return Ref(m["code"], m["article"])
    if _DATE.fullmatch(at):
        try:
            return Ref(m["code"], m["article"], day=dt.date.fromisoformat(at))
        except ValueError:
            raise BadReferenceError(f"{text!r}: {at!r} is not a real date") from None
    if _LAW.fullmatch(at):
        return Ref(m["code"], m["article"], law=at)
    raise BadReferenceError(f"{text!r}: after '@' comes a date (YYYY-MM-DD) or a law id (292-VI), not {at!r}")
