"""References: the one string form kzlaw uses everywhere for articles and versions.

``cc1997/128`` names an article; ``cc1997/128@2006-03-02`` the version in force on that date;
``cc2014/128@292-VI`` the version an amending law brought; ``cc2014/128@latest`` the latest
version held. Codes, article numbers and law ids are opaque tokens (letters, digits, and ``-``,
``.`` or ``_`` between them), so other codes fit too: ``de/232a``, ``fr/225-4-1``.

>>> parse_ref("cc1997/275-1@2006-03-02")
Ref('cc1997/275-1@2006-03-02')
>>> parse_ref("cc1997/128").at is None
True
>>> parse_ref("fr/225-4-1@latest").latest
True
"""

from __future__ import annotations

import datetime as dt
import re

from attrs import frozen

from kzlaw.errors import BadReferenceError

__all__ = ["ARTICLE_TOKEN", "CODE_TOKEN", "LAW_TOKEN", "Ref", "parse_ref"]

#: A code id: a lower-case letter, then lower-case letters, digits or ``_`` (``cc1997``, ``de``).
CODE_TOKEN = r"[a-z][a-z0-9_]*"
#: An article number: runs of ASCII letters and digits joined by ``-``, ``.`` or ``_`` (``275-1``, ``232a``).
ARTICLE_TOKEN = r"[0-9A-Za-z]+(?:[-._][0-9A-Za-z]+)*"
#: A law id: the same shape (``292-VI``, ``2006-anti-trafficking``).
LAW_TOKEN = ARTICLE_TOKEN

_REF = re.compile(rf"(?P<code>{CODE_TOKEN})/(?P<article>{ARTICLE_TOKEN})(?:@(?P<at>[^\s@/]+))?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_LAW = re.compile(LAW_TOKEN)
_KEYWORDS = ("latest", "today")


@frozen
class Ref:
    """A parsed reference: a code, an article number, and optionally a date, a law id or ``latest``."""

    code: str
    article: str
    day: dt.date | None = None
    law: str | None = None
    latest: bool = False

    @property
    def article_ref(self) -> str:
        """The article part alone, ``cc1997/128``."""
        return f"{self.code}/{self.article}"

    @property
    def at(self) -> str | None:
        """What follows ``@``: the date, law id or ``latest``, or ``None``."""
        if self.day is not None:
            return self.day.isoformat()
        if self.latest:
            return "latest"
        return self.law

    def __str__(self) -> str:
        return self.article_ref if self.at is None else f"{self.article_ref}@{self.at}"

    def __repr__(self) -> str:
        return f"Ref({str(self)!r})"


def parse_ref(text: str | Ref, today: dt.date | None = None) -> Ref:
    """Parse a reference string (a :class:`Ref` is returned as it is).

    ``@today`` becomes the date ``today`` (by default :meth:`datetime.date.today`).

    Raises:
        BadReferenceError: The string is not of the form ``code/article[@YYYY-MM-DD|@law|@latest]``.
    """
    if isinstance(text, Ref):
        return text
    m = _REF.fullmatch(text.strip()) if isinstance(text, str) else None
    if m is None:
        shown = repr(text)[:80]
        raise BadReferenceError(
            f"{shown} is not a reference; write cc1997/128, cc1997/128@2006-03-02, cc2014/128@292-VI "
            "or cc2014/128@latest"
        )
    code, article, at = m["code"], m["article"], m["at"]
    if at is None:
        return Ref(code, article)
    if at == "latest":
        return Ref(code, article, latest=True)
    if at == "today":
        return Ref(code, article, day=today or dt.date.today())
    if _DATE.fullmatch(at):
        try:
            return Ref(code, article, day=dt.date.fromisoformat(at))
        except ValueError:
            raise BadReferenceError(f"{text!r}: {at!r} is not a real date") from None
    if _LAW.fullmatch(at):
        return Ref(code, article, law=at)
    raise BadReferenceError(
        f"{text!r}: after '@' comes a date (YYYY-MM-DD), a law id (292-VI), 'latest' or 'today', not {at!r}"
    )


def is_keyword(token: str) -> bool:
    """Whether a token is reserved after ``@`` (``latest``, ``today``) and so cannot be a law id."""
    return token in _KEYWORDS
