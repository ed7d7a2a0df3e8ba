"""An article of a code with all its versions in time order (:class:`Article`), and lineage :class:`Link` objects."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Literal

from attrs import field, frozen

from kzlaw.errors import (
    AmbiguousDateError,
    BadReferenceError,
    DuplicateEntryError,
    InvalidValueError,
    NotInForceError,
    PeriodError,
    StatuteSchemaError,
)
from kzlaw.frozen import as_tuple
from kzlaw.refs import ARTICLE_TOKEN, CODE_TOKEN, parse_ref
from kzlaw.registry import Source, token
from kzlaw.version import Version
from kzlaw.when import as_date

if TYPE_CHECKING:
    from kzlaw.corpus import Corpus

__all__ = ["Article", "Link", "Role"]

#: What an article is held for.
Role = Literal["offence", "comparison", "definitions"]


@frozen
class Link:
    """A lineage link to an article of another code (``cc2014/135`` succeeds ``cc1997/133``)."""

    relation: Literal["predecessor", "successor"]
    ref: str
    source: Source

    def __attrs_post_init__(self) -> None:
        if self.relation not in ("predecessor", "successor"):
            raise InvalidValueError(
                "relation", f"is {self.relation!r}; use predecessor or successor", StatuteSchemaError
            )
        try:
            r = parse_ref(self.ref)
        except BadReferenceError as e:
            raise InvalidValueError("ref", str(e), StatuteSchemaError) from None
        if r.at is not None:
            raise InvalidValueError("ref", f"{self.ref!r} names a version; a link names an article", StatuteSchemaError)


def _versions(instance: Article, _: Any, versions: tuple[Version, ...]) -> None:
    if not versions:
        raise InvalidValueError("versions", "an article needs at least one version", StatuteSchemaError)
    for i, v in enumerate(versions):
        if (v.code, v.article) != (instance.code, instance.number):
            raise InvalidValueError(
                f"versions[{i}]",
                f"belongs to {v.article_ref}, not {instance.code}/{instance.number}",
                StatuteSchemaError,
            )
    for i in range(1, len(versions)):
        _order(i, versions[i - 1], versions[i])
    for number in instance.number.split("-"):
        if number.isdigit() and number != str(int(number)):
            raise InvalidValueError(
                "number", f"{instance.number!r} has a leading zero; write it as the code does", StatuteSchemaError
            )


def _order(i: int, previous: Version, v: Version) -> None:
    """Reject what is definitely wrong; vague bounds that may be consistent pass."""
    if previous.valid_to is None:
        raise InvalidValueError(f"versions[{i - 1}].valid_to", f"is missing, but versions[{i}] follows it", PeriodError)
    start, prev_start, prev_end = v.valid_from.latest, previous.valid_from.earliest, previous.valid_to.earliest
    if start is not None and prev_start is not None and start <= prev_start:
        raise InvalidValueError(
            f"versions[{i}].valid_from",
            f"starts {v.valid_from}, not after versions[{i - 1}] ({previous.valid_from}): order versions by time",
            PeriodError,
        )
    if start is not None and prev_end is not None and start < prev_end:
        raise InvalidValueError(
            f"versions[{i}].valid_from",
            f"starts {v.valid_from}, before versions[{i - 1}] ends ({previous.valid_to}): periods overlap",
            PeriodError,
        )


@frozen
class Article:
    """An article of a code with all its versions in time order.

    ``role`` is ``"offence"`` for the articles kzlaw studies, ``"comparison"`` for articles held
    only for their penalties (rape, art. 120), ``"definitions"`` for an article of definitions.
    ``in_force_from`` and ``in_force_to`` are the code's own period, filled in by the loader.
    """

    code: str = field(
        validator=token(CODE_TOKEN, "code id", "a lower-case letter, then lower-case letters, digits or '_'")
    )
    number: str = field(validator=token(ARTICLE_TOKEN, "article number"))
    versions: tuple[Version, ...] = field(converter=as_tuple, validator=_versions)
    role: Role = "offence"
    lineage: tuple[Link, ...] = field(default=(), converter=as_tuple)
    in_force_from: dt.date | None = field(default=None, eq=False)
    in_force_to: dt.date | None = field(default=None, eq=False)

    def __attrs_post_init__(self) -> None:
        if self.role not in ("offence", "comparison", "definitions"):
            raise InvalidValueError(
                "role", f"is {self.role!r}; use offence, comparison or definitions", StatuteSchemaError
            )
        for i, link in enumerate(self.lineage):
            if parse_ref(link.ref).article_ref == self.ref:
                raise InvalidValueError(
                    f"lineage[{i}].ref", "an article cannot be its own predecessor or successor", StatuteSchemaError
                )
        seen: dict[str, int] = {}
        for i, v in enumerate(self.versions):
            if v.ref in seen:
                raise InvalidValueError(
                    f"versions[{i}]", f"has the same reference {v.ref} as versions[{seen[v.ref]}]", DuplicateEntryError
                )
            seen[v.ref] = i

    @property
    def ref(self) -> str:
        """The article's reference, ``cc1997/128``."""
        return f"{self.code}/{self.number}"

    @property
    def title(self) -> str:
        """The title in English of the latest version that has one, else the latest version's title."""
        english = [v for v in self.versions if "en" in v.wordings]
        return (english or self.versions)[-1].title

    @property
    def latest(self) -> Version:
        """The latest version held."""
        return self.versions[-1]

    def candidates(self, day: dt.date) -> tuple[Version, ...]:
        """The versions that may have been in force on ``day`` (none, one, or several)."""
        day = as_date(day, "day")
        if self.in_force_from is not None and day < self.in_force_from:
            return ()
        if self.in_force_to is not None and day >= self.in_force_to:
            return ()
        return tuple(v for v in self.versions if v.in_force_on(day) != "no")

    def at(self, day: dt.date | str) -> Version:
        """The version in force on ``day`` (a date, a datetime, or ``YYYY-MM-DD``).

        Raises:
            NotInForceError: No version is in force then; the message says when one was.
            AmbiguousDateError: The sources leave open which of two versions was in force, or
                whether the only one held was still in force (its end is known only within a
                window and the day falls inside it). The message names the window.

        A version returned for a date in its own uncertain start (no other version held competes)
        is still returned; ``version.in_force_on(day)`` then says ``"uncertain"``.
        """
        day = as_date(day, "day")
        found = self.candidates(day)
        if len(found) == 1:
            v = found[0]
            end = v.valid_to
            if end is not None and end.earliest is not None and day >= end.earliest and v is self.versions[-1]:
                raise AmbiguousDateError(
                    f"{self.ref} on {day}: {v.ref} is attested only until {end.earliest}; it ended {end}, and "
                    f"a later wording kzlaw does not hold may have replaced it. Ask for a day before {end.earliest} "
                    f"(e.g. {v.article_ref}@{(end.earliest - dt.timedelta(days=1)).isoformat()}).",
                    (v.ref,),
                )
            return v
        if not found:
            first, last = self.versions[0], self.versions[-1]
            end_text = f"until {last.valid_to}" if last.valid_to is not None else "and is in force"
            raise NotInForceError(
                f"{self.ref} has no version in force on {day}: its versions run from {first.valid_from} {end_text}"
            )
        refs = tuple(v.ref for v in found)
        windows = "; ".join(f"{v.ref} starts {v.valid_from}" for v in found[1:])
        raise AmbiguousDateError(
            f"{self.ref} on {day}: the sources do not say which version was in force "
            f"({', '.join(refs)}): {windows}. Name one of them (e.g. {refs[-1]}) or pick a date outside the window.",
            refs,
        )

    def history(self, corpus: Corpus) -> tuple[Version, ...]:
        """Every version of this article and its predecessors and successors, in time order."""
        return corpus.history(self)

    def _repr_html_(self) -> str:
        from kzlaw.present import html

        return html.render(self)

    def __repr__(self) -> str:
        return f"<Article {self.ref} {self.title!r}: {len(self.versions)} versions>"
