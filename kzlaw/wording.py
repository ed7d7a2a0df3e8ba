"""The words of a version in one language: :class:`Wording` and its :class:`PartWording` objects."""

from __future__ import annotations

from typing import Any, Literal

from attrs import field, frozen

from kzlaw.errors import InvalidValueError, StatuteSchemaError, UnknownNameError, UnknownPartError
from kzlaw.frozen import FrozenMap, frozen_map
from kzlaw.parts import words_of
from kzlaw.registry import Source, nonblank, token
from kzlaw.words import TEXT_STATUS_LABELS

__all__ = ["PartWording", "TextStatus", "Wording"]

#: How a wording relates to the law.
TextStatus = Literal["official", "unofficial_translation", "summary"]


@frozen
class PartWording:
    """The words of one part in one language, and of its circumstances by label."""

    text: str = field(validator=nonblank)
    circumstances: FrozenMap[str, str] = field(factory=FrozenMap, converter=frozen_map)


def _status(_: Any, __: Any, status: str) -> None:
    if status not in TEXT_STATUS_LABELS:
        known = ", ".join(TEXT_STATUS_LABELS)
        raise InvalidValueError("status", f"unknown text status {status!r}; known: {known}", UnknownNameError)


def _circumstance_words(instance: Wording, _: Any, parts: FrozenMap[str, PartWording]) -> None:
    for pid, pw in parts.items():
        if not pw.circumstances:
            continue
        words: str | None = None  # the part's words, worked out only for a quote that is not verbatim
        for label, text in pw.circumstances.items():
            if not text or text.isspace():  # words_of(text) == ""
                raise InvalidValueError(f"parts.{pid}.circumstances.{label}", "is empty", StatuteSchemaError)
            if text in pw.text:
                continue  # a verbatim quote: its words are then among the part's words too (words_of keeps runs)
            if words is None:
                words = words_of(pw.text)
            if words_of(text) not in words:
                raise InvalidValueError(
                    f"parts.{pid}.circumstances.{label}",
                    "is not found in the part's text: quote the part's own words",
                    StatuteSchemaError,
                )


@frozen
class Wording:
    """The words of a version in one language, with what they are and where they come from.

    ``parts`` maps each part id to its :class:`PartWording`; ``notes`` and ``definitions`` map
    labels to words. ``status`` is ``official``, ``unofficial_translation`` or ``summary``
    (kzlaw's own summary); ``footnote`` is the official text's own footnote on amendments.
    ``summarises`` names, for a summary or translation, the language of the wording it renders.
    """

    language: str = field(validator=token(r"[a-z]{2,3}", "language code", "two or three lower-case letters, ISO 639"))
    status: TextStatus = field(validator=_status)
    source: Source
    title: str = field(validator=nonblank)
    parts: FrozenMap[str, PartWording] = field(factory=FrozenMap, converter=frozen_map, validator=_circumstance_words)
    notes: FrozenMap[str, str] = field(factory=FrozenMap, converter=frozen_map)
    definitions: FrozenMap[str, str] = field(factory=FrozenMap, converter=frozen_map)
    footnote: str = ""
    summarises: str | None = None

    @property
    def status_label(self) -> str:
        """The status in words: ``unofficial translation``."""
        return TEXT_STATUS_LABELS[self.status]

    def part(self, part_id: str) -> str:
        """The words of a part, by its stable id."""
        try:
            return self.parts[part_id].text
        except KeyError:
            raise UnknownPartError(f"the {self.language} wording has no part {part_id!r}") from None

    def circumstance(self, part_id: str, label: str) -> str:
        """The words of a circumstance, by its part's id and its label."""
        try:
            return self.parts[part_id].circumstances[label]
        except KeyError:
            raise UnknownPartError(f"the {self.language} wording has no circumstance {part_id}({label})") from None
