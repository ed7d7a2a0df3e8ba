"""One change between two versions (:class:`Change`) and the kinds of change (:data:`CHANGE_KINDS`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, cast

from attrs import field, frozen

from kzlaw.display import Presentable
from kzlaw.errors import InvalidValueError, UnknownNameError

__all__ = ["CHANGE_KINDS", "Change", "ChangeKind", "kind_of"]

#: Every kind of :class:`Change`, with what it means. The kinds are a contract: scripts rely on them.
CHANGE_KINDS: Mapping[str, str] = {
    "title.changed": "the article's title changed",
    "part.added": "a part was added",
    "part.removed": "a part was removed",
    "part.renumbered": "a part kept its id but changed its number",
    "element.added": "a part gained a constitutive element (or a circumstance gained a tag)",
    "element.removed": "a part lost a constitutive element (or a circumstance lost a tag)",
    "element.moved": "an element left one place (e.g. the base offence) and appears in another (e.g. a circumstance)",
    "circumstance.added": "a qualifying circumstance was added",
    "circumstance.removed": "a qualifying circumstance was removed",
    "circumstance.relabelled": "a circumstance kept its meaning but changed its letter or number",
    "circumstance.moved": "a circumstance moved to another part",
    "sanction.option_added": "a main penalty option was added",
    "sanction.option_removed": "a main penalty option was removed",
    "sanction.minimum_raised": "the minimum of an option was raised (or newly stated)",
    "sanction.minimum_lowered": "the minimum of an option was lowered (or no longer stated)",
    "sanction.maximum_raised": "the maximum of an option was raised",
    "sanction.maximum_lowered": "the maximum of an option was lowered",
    "sanction.additional_added": "an additional penalty was added",
    "sanction.additional_removed": "an additional penalty was removed",
    "sanction.became_mandatory": "an additional penalty went from optional to mandatory",
    "sanction.became_optional": "an additional penalty went from mandatory to optional",
    "sanction.article_maximum": "the heaviest imprisonment the article allows changed",
    "note.added": "a note was added",
    "note.removed": "a note was removed",
    "definition.added": "a definition was added",
    "definition.removed": "a definition was removed",
}


#: A change's kind (the keys of :data:`CHANGE_KINDS`).
ChangeKind = Literal[
    "title.changed",
    "part.added",
    "part.removed",
    "part.renumbered",
    "element.added",
    "element.removed",
    "element.moved",
    "circumstance.added",
    "circumstance.removed",
    "circumstance.relabelled",
    "circumstance.moved",
    "sanction.option_added",
    "sanction.option_removed",
    "sanction.minimum_raised",
    "sanction.minimum_lowered",
    "sanction.maximum_raised",
    "sanction.maximum_lowered",
    "sanction.additional_added",
    "sanction.additional_removed",
    "sanction.became_mandatory",
    "sanction.became_optional",
    "sanction.article_maximum",
    "note.added",
    "note.removed",
    "definition.added",
    "definition.removed",
]
Ops = tuple[tuple[int, str], ...]


def kind_of(kind: str) -> ChangeKind:
    """A kind built from parts (``sanction.{bound}_{direction}``), typed; the class checks it is known."""
    return cast("ChangeKind", kind)


def _kind(_: object, __: object, kind: str) -> None:
    if kind not in CHANGE_KINDS:
        raise InvalidValueError("kind", f"unknown change kind {kind!r}; see kzlaw.CHANGE_KINDS", UnknownNameError)


@frozen
class Change(Presentable):
    """One change between two versions: a machine-readable ``kind`` and a one-line ``summary``.

    ``part`` is the part it concerns (its number in the new version, or in the old one if removed);
    ``tag``, ``old`` and ``new`` carry what changed where that applies.
    """

    kind: ChangeKind = field(validator=_kind)
    summary: str
    part: str | None = None
    tag: str | None = None
    old: str | None = None
    new: str | None = None
