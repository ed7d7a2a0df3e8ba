"""One version of an article: its legal state over a period, and its wordings (:class:`Version`)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from attrs import field, frozen

from kzlaw.errors import InvalidValueError, PeriodError, StatuteSchemaError, UnknownPartError
from kzlaw.frozen import FrozenMap, as_tuple, frozen_map
from kzlaw.parts import Definition, Note, Part, unique
from kzlaw.refs import ARTICLE_TOKEN, CODE_TOKEN
from kzlaw.registry import Language, Source, token
from kzlaw.when import When, as_date
from kzlaw.wording import Wording

__all__ = ["InForce", "Version"]

#: Whether a version was in force on a day.
InForce = Literal["yes", "no", "uncertain"]

#: The words a full text is headed with, for languages the corpus registry does not describe.
_FALLBACK_LANGUAGE = Language("en", "English", "eng", "Article", "Note")


def _language_words(language: str) -> Language | None:
    """The words of a language from the bundled registry (English built in, so no load is needed for it)."""
    if language == "en":
        return _FALLBACK_LANGUAGE
    from kzlaw.corpus import resolve_corpus

    return resolve_corpus(None).languages.get(language)


def _label_in(label: str, note: str) -> str:
    """A definition's label in the words of a language: "Note 2" is "Примечание 2" in Russian."""
    return f"{note} {label[5:]}" if note and label.startswith("Note ") else label


def _wordings(instance: Version, _: Any, wordings: FrozenMap[str, Wording]) -> None:
    if not wordings:
        raise InvalidValueError("wordings", "a version needs at least one wording", StatuteSchemaError)
    ids = [p.id for p in instance.parts]
    for lang, w in wordings.items():
        where = f"wordings.{lang}"
        if w.language != lang:
            raise InvalidValueError(
                f"{where}.language", f"is {w.language!r} under the key {lang!r}", StatuteSchemaError
            )
        if set(w.parts) != set(ids):
            missing, extra = sorted(set(ids) - set(w.parts)), sorted(set(w.parts) - set(ids))
            raise InvalidValueError(
                f"{where}.parts",
                f"must give the words of every part: missing {missing}, unknown {extra}",
                StatuteSchemaError,
            )
        for p in instance.parts:
            labels = {c.label for c in p.circumstances}
            if set(w.parts[p.id].circumstances) != labels:
                missing, extra = (
                    sorted(labels - set(w.parts[p.id].circumstances)),
                    sorted(set(w.parts[p.id].circumstances) - labels),
                )
                raise InvalidValueError(
                    f"{where}.parts.{p.id}.circumstances",
                    f"must give the words of every circumstance: missing {missing}, unknown {extra}",
                    StatuteSchemaError,
                )
        for name, labels_ in (
            ("notes", [n.label for n in instance.notes]),
            ("definitions", [d.label for d in instance.definitions]),
        ):
            have = set(getattr(w, name))
            if have != set(labels_):
                raise InvalidValueError(
                    f"{where}.{name}",
                    f"must give the words of {sorted(labels_)}, gives {sorted(have)}",
                    StatuteSchemaError,
                )


def _version_structure(instance: Version, _: Any, __: Any) -> None:
    parts = instance.parts
    if not parts and not instance.definitions:
        raise InvalidValueError(
            "parts", "a version needs parts (or, for a definitions article, definitions)", StatuteSchemaError
        )
    unique("part number", "parts", (p.number for p in parts))
    unique("part id", "parts", (p.id for p in parts))
    unique("note label", "notes", (n.label for n in instance.notes))
    unique("definition label", "definitions", (d.label for d in instance.definitions))


def _period(instance: Version, _: Any, end: When | None) -> None:
    start = instance.valid_from
    if end is not None and end.latest is not None and start.earliest is not None and end.latest <= start.earliest:
        raise InvalidValueError("valid_to", f"ends {end}, not after it starts ({start})", PeriodError)


@frozen
class Version:
    """The legal state of an article over a half-open period ``[valid_from, valid_to)``, and its wordings.

    ``valid_to`` is ``None`` while the version is in force with no end known. ``amended_by`` is the
    id of the law that brought it (``None`` for a code's original text or where the source does not
    say). ``source`` is where the legal state (parts, sanctions) comes from; each wording has its own.
    """

    code: str = field(
        validator=token(CODE_TOKEN, "code id", "a lower-case letter, then lower-case letters, digits or '_'")
    )
    article: str = field(validator=token(ARTICLE_TOKEN, "article number"))
    valid_from: When
    source: Source
    valid_to: When | None = field(default=None, validator=_period)
    amended_by: str | None = None
    remarks: str = ""
    parts: tuple[Part, ...] = field(default=(), converter=as_tuple)
    notes: tuple[Note, ...] = field(default=(), converter=as_tuple)
    definitions: tuple[Definition, ...] = field(default=(), converter=as_tuple, validator=_version_structure)
    wordings: FrozenMap[str, Wording] = field(factory=FrozenMap, converter=frozen_map)

    def __attrs_post_init__(self) -> None:
        _wordings(self, None, self.wordings)

    @property
    def article_ref(self) -> str:
        """The article's reference, ``cc1997/128``."""
        return f"{self.code}/{self.article}"

    @property
    def ref(self) -> str:
        """The version's reference, which resolves back to this version (the loader checks it does).

        A version whose start is exact is named by that day (``cc1997/128@2006-03-02``); one whose
        start the sources leave uncertain by its amending law (``cc2014/128@292-VI``), else by the
        first day it is surely in force, else by the latest bound of its start.
        """
        if self.valid_from.date is not None:
            return f"{self.article_ref}@{self.valid_from.date.isoformat()}"
        if self.amended_by is not None:
            return f"{self.article_ref}@{self.amended_by}"
        day = self.first_sure_day() or self._last_possible_day() or self.valid_from.latest or self.valid_from.earliest
        return f"{self.article_ref}@{day.isoformat()}" if day else f"{self.article_ref}@unknown-start"

    def _last_possible_day(self) -> dt.date | None:
        end = self.valid_to.earliest if self.valid_to is not None else None
        if end is None:
            return None
        day = end - dt.timedelta(days=1)
        start = self.valid_from.earliest
        return day if start is None or day >= start else None

    def reference_day(self) -> dt.date | None:
        """The day a version is read at: its first sure day, else the latest or earliest bound of its start."""
        return self.first_sure_day() or self.valid_from.latest or self.valid_from.earliest

    def first_sure_day(self) -> dt.date | None:
        """The first day on which the sources make this version surely in force, if any."""
        day = self.valid_from.latest
        if day is None:
            return None
        if self.valid_to is not None and (self.valid_to.earliest is None or self.valid_to.earliest <= day):
            return None
        return day

    # --- wordings ---------------------------------------------------------------------------------

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages this version's words are held in."""
        return tuple(self.wordings)

    def wording(self, language: str | None = None) -> Wording:
        """The wording in ``language``; by default English if held, else the first held.

        Raises:
            UnknownPartError: No wording in that language is held (the message lists those held).
        """
        if language is None:
            language = "en" if "en" in self.wordings else next(iter(self.wordings))
        try:
            return self.wordings[language]
        except KeyError:
            held = ", ".join(self.wordings)
            raise UnknownPartError(f"{self.ref} has no {language!r} wording; held: {held}") from None

    @property
    def title(self) -> str:
        """The title in the default wording."""
        return self.wording().title

    @property
    def language(self) -> str:
        """The language of the default wording."""
        return self.wording().language

    @property
    def text_status(self) -> str:
        """The status of the default wording (``official``, ``unofficial_translation``, ``summary``)."""
        return self.wording().status

    @property
    def text(self) -> str:
        """The full text of the default wording (title, parts, notes and definitions) as one string."""
        return self.full_text()

    def full_text(self, language: str | None = None, words: Language | None = None) -> str:
        """The full text in one language, headed as the law is in that language (``Статья 128. ...``).

        ``words`` gives the language's words; by default they come from the bundled ``languages.toml``.
        """
        w = self.wording(language)
        lang = words or _language_words(w.language)
        lines = [lang.head(self.article, w.title) if lang else f"{self.article}. {w.title}"]
        lines += [w.part(p.id) for p in self.parts]
        note = lang.note if lang else ""
        lines += [
            f"{note} {n.label}. {w.notes[n.label]}".strip() if n.label else f"{note}. {w.notes[n.label]}".lstrip(". ")
            for n in self.notes
        ]
        lines += [f"{_label_in(d.label, note)}. {w.definitions[d.label]}" for d in self.definitions]
        if w.footnote:
            lines.append(w.footnote)
        return "\n".join(lines)

    def part(self, number: str) -> Part:
        """The part with this number; :class:`~kzlaw.errors.UnknownPartError` if none."""
        for p in self.parts:
            if p.number == number:
                return p
        numbers = ", ".join(p.number for p in self.parts) or "none"
        raise UnknownPartError(f"{self.ref} has no part {number!r} (it has: {numbers})")

    @property
    def base(self) -> Part | None:
        """The base offence (part 1), if the version has parts."""
        return self.parts[0] if self.parts else None

    def in_force_on(self, day: dt.date) -> InForce:
        """``"yes"``, ``"no"`` or ``"uncertain"``: whether this version was in force on ``day``."""
        day = as_date(day, "day")
        start, end = self.valid_from, self.valid_to
        if start.earliest is not None and day < start.earliest:
            return "no"
        if end is not None and end.latest is not None and day >= end.latest:
            return "no"
        sure_start = start.latest is not None and start.latest <= day
        sure_end = end is None or (end.earliest is not None and day < end.earliest)
        return "yes" if sure_start and sure_end else "uncertain"

    def period(self) -> str:
        """The period in words: ``2006-03-02 to between 2010-11-26 and 2015-01-01``."""
        if self.valid_to is None:
            return f"{self.valid_from}, in force"
        return f"{self.valid_from} to {self.valid_to}"

    def _repr_html_(self) -> str:
        from kzlaw.present import html

        return html.render(self)

    def __repr__(self) -> str:
        langs = "/".join(self.wordings)
        return f"<Version {self.ref} {self.title!r} ({langs}): {len(self.parts)} parts, {self.period()}>"
