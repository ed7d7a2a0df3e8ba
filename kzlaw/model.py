"""The data model: every class a statute file turns into, declared or re-exported here.

A :class:`~kzlaw.corpus.Corpus` holds :class:`Article` objects; an article holds its
:class:`Version` objects in time order. A version is the *legal state* of the provision over a
period: its amending law, its :class:`Part` objects (each with a stable id, its constitutive
elements as tags, its qualifying :class:`Circumstance` objects and its
:class:`~kzlaw.sanction.Sanction`), its notes and definitions. Its *words* are apart, in
:attr:`Version.wordings`: one :class:`Wording` per language (official Russian, an unofficial
English translation, kzlaw's own summary...), each with its status and source.

Every class is frozen and slotted and checks its invariants when built, so an object made in a
notebook is as valid as a loaded one; a broken invariant raises
:class:`~kzlaw.errors.InvalidValueError`, a :class:`~kzlaw.errors.KzlawError`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
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
    UnknownNameError,
    UnknownPartError,
)
from kzlaw.frozen import FrozenMap, frozen_map
from kzlaw.refs import ARTICLE_TOKEN, CODE_TOKEN, parse_ref
from kzlaw.registry import Code, Language, Law, Source, SourceDocument, Tag, nonblank, token
from kzlaw.sanction import Penalty, Sanction
from kzlaw.when import When, as_date
from kzlaw.words import TEXT_STATUS_LABELS

if TYPE_CHECKING:
    from kzlaw.corpus import Corpus

__all__ = [
    "Article",
    "Circumstance",
    "Code",
    "Definition",
    "InForce",
    "Language",
    "Law",
    "Link",
    "Note",
    "Part",
    "PartWording",
    "Penalty",
    "Role",
    "Sanction",
    "Source",
    "SourceDocument",
    "Tag",
    "TextStatus",
    "Version",
    "When",
    "Wording",
]

InForce = Literal["yes", "no", "uncertain"]
#: How a wording relates to the law.
TextStatus = Literal["official", "unofficial_translation", "summary"]
#: What an article is held for.
Role = Literal["offence", "comparison", "definitions"]
_SPACE = re.compile(r"\s+")


def _words(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _unique(what: str, field_name: str, values: Iterable[str]) -> None:
    seen: set[str] = set()
    for i, value in enumerate(values):
        if value in seen:
            raise InvalidValueError(f"{field_name}[{i}]", f"duplicate {what} {value!r}", DuplicateEntryError)
        seen.add(value)


def _tag_list(_: Any, attribute: Any, tags: tuple[str, ...]) -> None:
    _unique("tag", attribute.name, tags)


@frozen
class Circumstance:
    """A qualifying circumstance of a part: its label (``"h"``, ``"1-1"``) and the tags of what it means.

    Its words are in each wording (:meth:`Wording.circumstance`).
    """

    label: str = field(validator=token(r"[0-9A-Za-z?]+(?:[-.][0-9A-Za-z]+)*", "circumstance label"))
    tags: tuple[str, ...] = field(default=(), converter=tuple, validator=_tag_list)


def _circumstances(_: Any, __: Any, circumstances: tuple[Circumstance, ...]) -> None:
    _unique("circumstance label", "circumstances", (c.label for c in circumstances))


@frozen
class Part:
    """A numbered part of an article version.

    ``id`` is stable across versions (``"base"``, ``"cross-border"``...) so that a diff can align
    parts that were renumbered. ``elements`` are the tags of what the part itself requires or
    covers; ``circumstances`` are its lettered or numbered qualifying circumstances.
    """

    number: str = field(validator=token(ARTICLE_TOKEN, "part number"))
    id: str = field(validator=token(r"[a-z0-9]+(?:-[a-z0-9]+)*", "part id"))
    sanction: Sanction
    elements: tuple[str, ...] = field(default=(), converter=tuple, validator=_tag_list)
    circumstances: tuple[Circumstance, ...] = field(default=(), converter=tuple, validator=_circumstances)

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
    tags: tuple[str, ...] = field(default=(), converter=tuple, validator=_tag_list)


@frozen
class Definition:
    """A statutory definition, such as "exploitation" (1997 code note 2 to art. 125).

    ``applies_to`` lists the article numbers of the same code it applies to; empty means the
    whole code. ``tags`` say which forms the definition covers. Its words are in each wording.
    """

    term: str = field(validator=nonblank)
    label: str = field(validator=nonblank)
    tags: tuple[str, ...] = field(default=(), converter=tuple, validator=_tag_list)
    applies_to: tuple[str, ...] = field(default=(), converter=tuple)

    def applies(self, article: str) -> bool:
        """Whether the definition applies to this article number of its code."""
        return not self.applies_to or article in self.applies_to


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
        words = _words(pw.text)
        for label, text in pw.circumstances.items():
            if not _words(text):
                raise InvalidValueError(f"parts.{pid}.circumstances.{label}", "is empty", StatuteSchemaError)
            if _words(text) not in words:
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

    language: str = field(validator=token(r"[a-z]{2,3}", "language code"))
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


#: The words a full text is headed with, for languages the corpus registry does not describe.
_FALLBACK_LANGUAGE = Language("en", "English", "eng", "Article", "Note")


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
    _unique("part number", "parts", (p.number for p in parts))
    _unique("part id", "parts", (p.id for p in parts))
    _unique("note label", "notes", (n.label for n in instance.notes))
    _unique("definition label", "definitions", (d.label for d in instance.definitions))


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

    code: str = field(validator=token(CODE_TOKEN, "code id"))
    article: str = field(validator=token(ARTICLE_TOKEN, "article number"))
    valid_from: When
    source: Source
    valid_to: When | None = field(default=None, validator=_period)
    amended_by: str | None = None
    remarks: str = ""
    parts: tuple[Part, ...] = field(default=(), converter=tuple)
    notes: tuple[Note, ...] = field(default=(), converter=tuple)
    definitions: tuple[Definition, ...] = field(default=(), converter=tuple, validator=_version_structure)
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
        """The full text in one language, headed with that language's words (``Статья 128. ...``)."""
        w = self.wording(language)
        lang = words or (_FALLBACK_LANGUAGE if w.language == "en" else None)
        head = f"{lang.article} {self.article}. " if lang else f"{self.article}. "
        lines = [head + w.title]
        lines += [w.part(p.id) for p in self.parts]
        note = lang.note if lang else ""
        lines += [
            f"{note} {n.label}. {w.notes[n.label]}".strip() if n.label else f"{note}. {w.notes[n.label]}".lstrip(". ")
            for n in self.notes
        ]
        lines += [f"{d.label}. {w.definitions[d.label]}" for d in self.definitions]
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

    code: str = field(validator=token(CODE_TOKEN, "code id"))
    number: str = field(validator=token(ARTICLE_TOKEN, "article number"))
    versions: tuple[Version, ...] = field(converter=tuple, validator=_versions)
    role: Role = "offence"
    lineage: tuple[Link, ...] = field(default=(), converter=tuple)
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
        """The title of the latest version."""
        return self.versions[-1].title

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
