"""The parts of an article version: :class:`Part` with its :class:`Circumstance` objects, :class:`Note`,
:class:`Definition`.

These hold the legal state only (numbers, stable ids, tags, sanctions); their words are in each
:class:`~kzlaw.wording.Wording`. Each class checks its invariants when built.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from attrs import field, frozen

from kzlaw.errors import DuplicateEntryError, InvalidValueError, UnknownPartError
from kzlaw.frozen import as_tuple
from kzlaw.refs import ARTICLE_TOKEN
from kzlaw.registry import nonblank, token
from kzlaw.sanction import Sanction

__all__ = ["Circumstance", "Definition", "Note", "Part", "tag_list", "unique", "words_of"]


def words_of(text: str) -> str:
    """The text with every run of whitespace as one space (how circumstance words are matched).

    Whitespace is what :meth:`str.isspace` says it is (what a Unicode regular expression's "any space"
    class matches too); leading and trailing runs are dropped.
    """
    return " ".join(text.split())


def unique(what: str, field_name: str, values: Iterable[str]) -> None:
    """Raise :class:`~kzlaw.errors.InvalidValueError` (a duplicate entry) if a value repeats."""
    seen: set[str] = set()
    for i, value in enumerate(values):
        if value in seen:
            raise InvalidValueError(f"{field_name}[{i}]", f"duplicate {what} {value!r}", DuplicateEntryError)
        seen.add(value)


def tag_list(_: Any, attribute: Any, tags: tuple[str, ...]) -> None:
    """An attrs validator: no tag twice in one list."""
    unique("tag", attribute.name, tags)


@frozen
class Circumstance:
    """A qualifying circumstance of a part: its label (``"h"``, ``"1-1"``) and the tags of what it means.

    Its words are in each wording (:meth:`Wording.circumstance`).
    """

    label: str = field(
        validator=token(
            r"[0-9A-Za-z?]+(?:[-.][0-9A-Za-z]+)*", "circumstance label", "letters and digits, joined by '-' or '.'"
        )
    )
    tags: tuple[str, ...] = field(default=(), converter=as_tuple, validator=tag_list)


def _circumstances(_: Any, __: Any, circumstances: tuple[Circumstance, ...]) -> None:
    unique("circumstance label", "circumstances", (c.label for c in circumstances))


@frozen
class Part:
    """A numbered part of an article version.

    ``id`` is stable across versions (``"base"``, ``"cross-border"``...) so that a diff can align
    parts that were renumbered. ``elements`` are the tags of what the part itself requires or
    covers; ``circumstances`` are its lettered or numbered qualifying circumstances.
    """

    number: str = field(validator=token(ARTICLE_TOKEN, "part number"))
    id: str = field(
        validator=token(r"[a-z0-9]+(?:-[a-z0-9]+)*", "part id", "lower-case letters and digits, joined by '-'")
    )
    sanction: Sanction
    elements: tuple[str, ...] = field(default=(), converter=as_tuple, validator=tag_list)
    circumstances: tuple[Circumstance, ...] = field(default=(), converter=as_tuple, validator=_circumstances)

    def circumstance(self, label: str) -> Circumstance:
        """The circumstance with this label; :class:`~kzlaw.errors.UnknownPartError` if none."""
        for c in self.circumstances:
            if c.label == label:
                return c
        labels = ", ".join(c.label for c in self.circumstances) or "none"
        raise UnknownPartError(f"part {self.number} has no circumstance {label!r} (it has: {labels})")

    def __repr__(self) -> str:
        circ = f", {len(self.circumstances)} circumstances" if self.circumstances else ""
        return f"<Part {self.number} ({self.id}): {self.sanction}{circ}>"


@frozen
class Note:
    """A note to an article (``Note 1``...), with tags where it states a rule. Its words are in each wording."""

    label: str
    tags: tuple[str, ...] = field(default=(), converter=as_tuple, validator=tag_list)


@frozen
class Definition:
    """A statutory definition, such as "exploitation" (1997 code note 2 to art. 125).

    ``applies_to`` lists the article numbers of the same code it applies to; empty means the
    whole code. ``tags`` say which forms the definition covers. Its words are in each wording.
    """

    term: str = field(validator=nonblank)
    label: str = field(validator=nonblank)
    tags: tuple[str, ...] = field(default=(), converter=as_tuple, validator=tag_list)
    applies_to: tuple[str, ...] = field(default=(), converter=as_tuple)

    def applies(self, article: str) -> bool:
        """Whether the definition applies to this article number of its code."""
        return not self.applies_to or article in self.applies_to
