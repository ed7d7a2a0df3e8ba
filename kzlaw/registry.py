"""The registries a statute folder carries beside its articles: codes, laws, sources, tags, languages.

Each is a small frozen class checked when it is built. Codes carry their jurisdiction, their
penalty vocabulary, their gravity rule and the articles benchmarks compare with, so nothing about a
particular country's code lives in Python.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from attrs import field, frozen

from kzlaw.errors import InvalidValueError, PeriodError, RangeError, StatuteSchemaError, UnknownNameError
from kzlaw.frozen import FrozenMap, as_tuple, frozen_map
from kzlaw.protocol import ELEMENTS
from kzlaw.refs import ARTICLE_TOKEN, CODE_TOKEN, LAW_TOKEN, is_keyword
from kzlaw.sanction import PENALTY_KINDS, UNITS
from kzlaw.when import When

__all__ = ["Code", "Language", "Law", "Source", "SourceDocument", "Tag", "TagKind", "nonblank", "token"]

#: The kinds of tag in the vocabulary.
TagKind = Literal["act", "means", "purpose", "victim", "circumstance", "rule"]
_TAG_KINDS = ("act", "means", "purpose", "victim", "circumstance", "rule")
_INVISIBLE = re.compile(r"[\s\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]*")


def nonblank(_: Any, attribute: Any, value: str) -> None:
    """An attrs validator: the string holds something visible (not only spaces or zero-width marks)."""
    if not isinstance(value, str):
        raise InvalidValueError(attribute.name, f"must be a string, got {value!r}"[:120], StatuteSchemaError)
    if _INVISIBLE.fullmatch(value):
        raise InvalidValueError(attribute.name, "is empty", StatuteSchemaError)


def token(pattern: str, what: str, shape: str = "ASCII letters and digits, joined by '-', '.' or '_'") -> Any:
    """An attrs validator: the string is a token of the reference grammar (a code id, an article, a law).

    ``shape`` says in words what the token may hold, for the error message.
    """
    compiled = re.compile(pattern)

    def check(_: Any, attribute: Any, value: str) -> None:
        if not isinstance(value, str) or not compiled.fullmatch(value) or is_keyword(value):
            raise InvalidValueError(
                attribute.name, f"{value!r} is not a valid {what} ({shape})"[:200], UnknownNameError
            )

    return check


@frozen
class Source:
    """Where a text or fact comes from: a document of ``statutes/sources.toml`` and a place in it."""

    document: str = field(validator=nonblank)
    locator: str = ""
    note: str = ""

    def __str__(self) -> str:
        return f"{self.document}, {self.locator}" if self.locator else self.document


@frozen
class SourceDocument:
    """A document kzlaw's data cites, with its full citation and, where public, its address.

    ``url`` is where a reader can open it; ``note`` says which copy kzlaw read and how far the
    document can be trusted for what it is cited for.
    """

    id: str = field(validator=nonblank)
    citation: str = field(validator=nonblank)
    note: str = ""
    url: str = ""


def _law_dates(instance: Law, _: Any, adopted: dt.date | None) -> None:
    latest = instance.in_force.latest
    if adopted is not None and latest is not None and adopted > latest:
        raise InvalidValueError(
            "adopted", f"{adopted} is after the law came into force ({instance.in_force})", PeriodError
        )


@frozen
class Law:
    """An amending law: its id (``"292-VI"``), when it was adopted and when it took effect."""

    id: str = field(validator=token(LAW_TOKEN, "law id"))
    title: str = field(validator=nonblank)
    in_force: When
    source: Source
    adopted: dt.date | None = field(default=None, validator=_law_dates)
    note: str = ""
    short_title: str = ""

    @property
    def label(self) -> str:
        """How a reader names the law: its short title, else ``Law No. 292-VI``."""
        return self.short_title or f"Law No. {self.id}"


def _tag_kind(_: Any, __: Any, kind: str) -> None:
    if kind not in _TAG_KINDS:
        raise InvalidValueError("kind", f"unknown tag kind {kind!r}; known: {', '.join(_TAG_KINDS)}", UnknownNameError)


def _protocol_ids(_: Any, __: Any, ids: tuple[str, ...]) -> None:
    for i, element in enumerate(ids):
        if element not in ELEMENTS:
            raise InvalidValueError(f"protocol[{i}]", f"unknown Protocol element id {element!r}", UnknownNameError)


@frozen
class Tag:
    """A tag of the controlled vocabulary, and the Protocol element ids it maps to."""

    name: str = field(
        validator=token(r"[a-z][a-z0-9_]*", "tag name", "a lower-case letter, then lower-case letters, digits or '_'")
    )
    kind: TagKind = field(validator=_tag_kind)
    label: str = field(validator=nonblank)
    protocol: tuple[str, ...] = field(default=(), converter=as_tuple, validator=_protocol_ids)
    catch_all: bool = False
    note: str = ""


@frozen
class Language:
    """A language wordings are held in: its code (``ru``), name, AKN code and the words a text uses.

    ``article`` and ``note`` are the words the language heads an article and a note with
    (``Статья``, ``Примечание``), and ``heading`` how an article's heading is put together
    (``{number}-{article}. {title}`` in Kazakh), so a version's full text reads as the law does.
    """

    id: str = field(validator=token(r"[a-z]{2,3}", "language code", "two or three lower-case letters, ISO 639"))
    name: str = field(validator=nonblank)
    akn: str = field(validator=token(r"[a-z]{3}", "Akoma Ntoso language code", "three lower-case letters, ISO 639-2"))
    article: str = field(validator=nonblank)
    note: str = field(validator=nonblank)
    part: str = "Part"
    heading: str = "{article} {number}. {title}"

    def head(self, number: str, title: str) -> str:
        """An article's heading in this language: ``Статья 128. Торговля людьми``, ``128-бап. Адам саудасы``."""
        return self.heading.format(article=self.article, number=number, title=title)


def _gravity(instance: Code, _: Any, gravity: tuple[tuple[str, int], ...]) -> None:
    previous = 0
    for i, (name, limit) in enumerate(gravity):
        if not isinstance(name, str) or not name.strip():
            raise InvalidValueError(f"gravity[{i}]", "a gravity category needs a name", StatuteSchemaError)
        if type(limit) is not int or limit <= previous:
            raise InvalidValueError(
                f"gravity[{i}]",
                f"thresholds must be positive and rising (months); got {limit!r} after {previous}",
                RangeError,
            )
        previous = limit


def _code_period(instance: Code, _: Any, end: dt.date | None) -> None:
    if end is not None and end <= instance.in_force_from:
        raise InvalidValueError(
            "in_force_to", f"{end} is not after in_force_from {instance.in_force_from}", PeriodError
        )


def _kinds(_: Any, __: Any, kinds: FrozenMap[str, str]) -> None:
    for kind in kinds:
        if kind not in PENALTY_KINDS:
            raise InvalidValueError(f"penalty_kinds.{kind}", f"unknown penalty kind {kind!r}", UnknownNameError)


def _units(_: Any, __: Any, units: FrozenMap[str, str]) -> None:
    for unit in units:
        if unit not in UNITS:
            raise InvalidValueError(
                f"units.{unit}", f"unknown unit {unit!r}; known: {', '.join(UNITS)}", UnknownNameError
            )


def _comparisons(_: Any, __: Any, comparisons: FrozenMap[str, str]) -> None:
    for name, number in comparisons.items():
        if not re.fullmatch(ARTICLE_TOKEN, number):
            raise InvalidValueError(f"comparisons.{name}", f"{number!r} is not an article number", StatuteSchemaError)


@frozen
class Code:
    """A criminal code: its jurisdiction, period, penalty vocabulary and gravity rule.

    ``gravity`` lists each category with the largest maximum term (in months) it covers, in order;
    a part above the last threshold falls in ``top_gravity``. ``penalty_kinds`` and ``units`` name
    what the code's sanctions may use, with the code's own words for them. ``comparisons`` names
    articles benchmarks compare with (``{"rape": "120"}``). ``number`` and ``adopted`` identify the
    act itself (``167``, 16 July 1997), as Akoma Ntoso's FRBR names want them.
    """

    id: str = field(
        validator=token(CODE_TOKEN, "code id", "a lower-case letter, then lower-case letters, digits or '_'")
    )
    title: str = field(validator=nonblank)
    jurisdiction: str = field(validator=token(r"[a-z]{2}", "jurisdiction", "two lower-case letters, ISO 3166-1"))
    in_force_from: dt.date
    source: Source
    in_force_to: dt.date | None = field(default=None, validator=_code_period)
    gravity: tuple[tuple[str, int], ...] = field(default=(), validator=_gravity)
    top_gravity: str = "especially grave"
    gravity_source: Source | None = None
    penalty_kinds: FrozenMap[str, str] = field(factory=FrozenMap, converter=frozen_map, validator=_kinds)
    units: FrozenMap[str, str] = field(factory=FrozenMap, converter=frozen_map, validator=_units)
    comparisons: FrozenMap[str, str] = field(factory=FrozenMap, converter=frozen_map, validator=_comparisons)
    languages: tuple[str, ...] = ()
    number: str = ""
    adopted: dt.date | None = None
    short_title: str = ""

    @property
    def label(self) -> str:
        """How a reader names the code: ``Criminal Code 1997`` (its short title), else its id."""
        return self.short_title or self.id

    def kind_label(self, kind: str) -> str:
        """The code's own words for a penalty kind (``detention under arrest``)."""
        return self.penalty_kinds.get(kind, kind.replace("_", " "))

    def gravity_of(self, max_months: int | None, life: bool = False) -> str:
        """The category of an intentional offence by its maximum term (``None``: no imprisonment)."""
        if life:
            return self.top_gravity
        if max_months is None:
            return self.gravity[0][0] if self.gravity else "unknown"
        for name, limit in self.gravity:
            if max_months <= limit:
                return name
        return self.top_gravity
