"""The data model: every class a statute file turns into, in one place.

A :class:`Corpus` holds :class:`Article` objects; an article holds its :class:`Version` objects
in time order; a version holds :class:`Part` objects; a part holds its constitutive elements
(tags), its qualifying :class:`Circumstance` objects and its :class:`Sanction`, which is made of
:class:`Penalty` options. Dates the sources do not fix are :class:`When` values that say how
much is known. All classes are frozen and slotted: a loaded corpus cannot be changed by
accident, only replaced (use :func:`attrs.evolve`).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Mapping
from typing import Literal

from attrs import field, frozen

from kzlaw.errors import AmbiguousDateError, NotInForceError, UnknownArticleError
from kzlaw.refs import _LAW as _LAW_ID
from kzlaw.refs import Ref, parse_ref

__all__ = [
    "PENALTY_KINDS",
    "TAG_KINDS",
    "TEXT_STATUSES",
    "UNITS",
    "Article",
    "Circumstance",
    "Code",
    "Corpus",
    "Definition",
    "Law",
    "Link",
    "Note",
    "Part",
    "Penalty",
    "Sanction",
    "Source",
    "SourceDocument",
    "Tag",
    "Version",
    "When",
]

#: Penalty kinds and their English names, in the order the codes list them (lightest first).
PENALTY_KINDS: Mapping[str, str] = {
    "fine": "fine",
    "correctional_labour": "correctional labour",
    "community_service": "community service",
    "restriction_of_liberty": "restriction of liberty",
    "arrest": "detention under arrest",
    "imprisonment": "imprisonment",
    "disqualification": "deprivation of the right to hold certain posts or engage in certain activity",
    "confiscation": "confiscation of property",
}

#: Units a penalty's range can be given in.
UNITS: Mapping[str, str] = {
    "years": "years",
    "months": "months",
    "hours": "hours",
    "mci": "monthly calculation indices (MCI)",
    "monthly_income": "monthly wages or other monthly income of the offender",
}

#: How an English (or other) text relates to the law.
TEXT_STATUSES: Mapping[str, str] = {
    "official": "official text",
    "unofficial-translation": "unofficial translation",
    "summary": "kzlaw's own summary, not a translation",
}

#: The kinds of tag in the vocabulary.
TAG_KINDS: Mapping[str, str] = {
    "act": "act",
    "means": "means",
    "purpose": "purpose",
    "victim": "victim quality",
    "circumstance": "other circumstance",
    "rule": "rule",
}

InForce = Literal["yes", "no", "uncertain"]


@frozen
class When:
    """A date as precisely as the sources give it.

    An exact date has ``earliest == latest``. A date known only within bounds keeps both
    bounds; a bound the sources do not give is ``None``. ``note`` says where the bounds come from.

    >>> When.exact(dt.date(2006, 3, 2))
    When(2006-03-02)
    >>> str(When(dt.date(2019, 12, 27), dt.date(2020, 1, 31)))
    'between 2019-12-27 and 2020-01-31'
    """

    earliest: dt.date | None = None
    latest: dt.date | None = None
    note: str = ""

    @classmethod
    def exact(cls, day: dt.date, note: str = "") -> When:
        """A date the sources fix to the day."""
        return cls(day, day, note)

    @property
    def date(self) -> dt.date | None:
        """The date if it is exact, else ``None``."""
        return self.earliest if self.earliest is not None and self.earliest == self.latest else None

    @property
    def is_exact(self) -> bool:
        """Whether the sources fix this date to the day."""
        return self.date is not None

    def __str__(self) -> str:
        if self.date is not None:
            return self.date.isoformat()
        if self.earliest and self.latest:
            return f"between {self.earliest} and {self.latest}"
        if self.latest:
            return f"on or before {self.latest}"
        if self.earliest:
            return f"on or after {self.earliest} (upper bound unknown)"
        return "unknown"

    def __repr__(self) -> str:
        return f"When({self})"


@frozen
class Source:
    """Where a text or fact comes from: a document of ``statutes/sources.toml`` and a place in it."""

    document: str
    locator: str = ""
    note: str = ""

    def __str__(self) -> str:
        return f"{self.document}, {self.locator}" if self.locator else self.document


@frozen
class Penalty:
    """One penalty option: a kind, and where the law gives one, a range in a unit.

    ``minimum`` is ``None`` where the law says "up to N" (no stated minimum; the code's general
    minimum applies), which is not the same as a minimum of zero. ``optional`` is for additional
    penalties: "with or without confiscation" is optional, "with confiscation" is not.
    ``confirmed`` is false where the sources do not attest this option for this wording (it is
    inferred, and ``note`` says from what): results built on it report "unknown".
    """

    kind: str
    minimum: int | None = None
    maximum: int | None = None
    unit: str | None = None
    lifetime: bool = False
    optional: bool = False
    confirmed: bool = True
    note: str = ""

    def months(self) -> tuple[int | None, int | None]:
        """The range in months for a term in years or months; ``(None, None)`` otherwise."""
        factor = {"years": 12, "months": 1}.get(self.unit or "")
        if factor is None:
            return (None, None)
        return (
            None if self.minimum is None else self.minimum * factor,
            None if self.maximum is None else self.maximum * factor,
        )

    def range_text(self) -> str:
        """The range in words: ``5-7 years``, ``up to 3 years``, ``for life``."""
        if self.lifetime:
            return "for life"
        unit = {"mci": "MCI", "monthly_income": "monthly incomes"}.get(self.unit or "", self.unit or "")
        if self.maximum == 1 and unit in ("years", "months", "hours"):
            unit = unit[:-1]
        if self.minimum is not None and self.maximum is not None:
            return f"{self.minimum}-{self.maximum} {unit}"
        if self.maximum is not None:
            return f"up to {self.maximum} {unit}"
        if self.minimum is not None:
            return f"at least {self.minimum} {unit}"
        return ""

    def __str__(self) -> str:
        name = PENALTY_KINDS.get(self.kind, self.kind)
        rng = self.range_text()
        text = f"{name} {rng}".strip() if rng != "for life" else f"{name} for life"
        if self.kind in ("confiscation", "disqualification") or self.optional:
            text += " (optional)" if self.optional else " (mandatory)"
        return text if self.confirmed else text + " [unconfirmed]"


@frozen
class Sanction:
    """What a part is punished by.

    ``main`` lists the alternative main penalties (the court picks one); ``additional`` the ones
    imposed on top. ``unknown`` is empty when the sanction is fully known from the source, else it
    says what is not known and why (the listed options may be incomplete, or inferred).
    """

    main: tuple[Penalty, ...] = ()
    additional: tuple[Penalty, ...] = ()
    unknown: str = ""

    def imprisonment(self) -> tuple[Penalty, ...]:
        """The imprisonment options among the main penalties (a term, and life where given)."""
        return tuple(p for p in self.main if p.kind == "imprisonment")

    def imprisonment_months(self) -> tuple[int | None, int | None]:
        """Minimum and maximum term of imprisonment in months (``None`` when not stated).

        A life option makes the maximum ``None``; check :attr:`life` for it.
        """
        terms = [p for p in self.imprisonment() if not p.lifetime]
        if not terms:
            return (None, None)
        lows = [p.months()[0] for p in terms]
        highs = [p.months()[1] for p in terms]
        low = None if any(v is None for v in lows) else min(v for v in lows if v is not None)
        high = None if self.life else max((v for v in highs if v is not None), default=None)
        return (low, high)

    @property
    def imprisonment_known(self) -> bool:
        """Whether the imprisonment range is attested.

        It is not when an imprisonment option is unconfirmed, or when a sanction with gaps
        (``unknown``) lists no imprisonment at all.
        """
        options = self.imprisonment()
        if any(not p.confirmed for p in options):
            return False
        return bool(options) or not self.unknown

    @property
    def fully_known(self) -> bool:
        """Whether every option is attested and nothing is said to be missing."""
        return not self.unknown and all(p.confirmed for p in self.main + self.additional)

    def severity(self) -> tuple[float, float]:
        """A sort key for imprisonment: life first, then the maximum, then the minimum (none: lowest)."""
        if self.life:
            return (float("inf"), 0.0)
        low, high = self.imprisonment_months()
        return (float(-1 if high is None else high), float(low or 0))

    @property
    def life(self) -> bool:
        """Whether life imprisonment is among the options."""
        return any(p.lifetime for p in self.imprisonment())

    @property
    def custodial_only(self) -> bool:
        """Whether every main option is imprisonment (custody is mandatory)."""
        return bool(self.main) and all(p.kind == "imprisonment" for p in self.main)

    def __str__(self) -> str:
        if not self.main and self.unknown:
            return f"unknown ({self.unknown})"
        text = " or ".join(str(p) for p in self.main)
        if self.additional:
            text += ", with " + ", ".join(str(p) for p in self.additional)
        return text + (f" [partly unknown: {self.unknown}]" if self.unknown else "")


@frozen
class Circumstance:
    """A qualifying circumstance of a part: its label (``"h"``, ``"1-1"``), words and tags."""

    label: str
    text: str
    tags: tuple[str, ...] = ()


@frozen
class Part:
    """A numbered part of an article version.

    ``id`` is stable across versions (``"base"``, ``"cross-border"``...) so that a diff can align
    parts that were renumbered. ``elements`` are the tags of what the part itself requires or
    covers; ``circumstances`` are its lettered or numbered qualifying circumstances.
    """

    number: str
    id: str
    text: str
    sanction: Sanction
    elements: tuple[str, ...] = ()
    circumstances: tuple[Circumstance, ...] = ()

    def circumstance(self, label: str) -> Circumstance:
        """The circumstance with this label; :class:`LookupError` if none."""
        for c in self.circumstances:
            if c.label == label:
                return c
        raise LookupError(f"part {self.number} has no circumstance {label!r}")

    def __repr__(self) -> str:
        circ = f", {len(self.circumstances)} circumstances" if self.circumstances else ""
        return f"<Part {self.number} ({self.id}): {self.sanction}{circ}>"


@frozen
class Note:
    """A note to an article (``Note 1``...), with tags where it states a rule."""

    label: str
    text: str
    tags: tuple[str, ...] = ()


@frozen
class Definition:
    """A statutory definition, such as "exploitation" (1997 code note 2 to art. 125).

    ``applies_to`` lists the article numbers of the same code it applies to; empty means the
    whole code. ``tags`` say which forms the definition covers.
    """

    term: str
    label: str
    text: str
    tags: tuple[str, ...] = ()
    applies_to: tuple[str, ...] = ()

    def applies(self, article: str) -> bool:
        """Whether the definition applies to this article number of its code."""
        return not self.applies_to or article in self.applies_to


@frozen
class Version:
    """One wording of an article, in force over a half-open period ``[valid_from, valid_to)``.

    ``valid_to`` is ``None`` while the wording is in force with no end known. ``amended_by`` is the
    id of the law that brought this wording (``None`` for a code's original text or where the
    source does not say). ``text_status`` says whether the text is an official text, an
    unofficial translation or kzlaw's own summary.
    """

    code: str
    article: str
    title: str
    valid_from: When
    source: Source
    language: str
    text_status: str
    parts: tuple[Part, ...] = ()
    valid_to: When | None = None
    amended_by: str | None = None
    notes: tuple[Note, ...] = ()
    definitions: tuple[Definition, ...] = ()
    remarks: str = ""

    @property
    def article_ref(self) -> str:
        """The article's reference, ``cc1997/128``."""
        return f"{self.code}/{self.article}"

    @property
    def ref(self) -> str:
        """The version's reference, which resolves back to this version.

        A wording whose start is exact is named by that day (``cc1997/128@2006-03-02``); one whose
        start the sources leave uncertain by its amending law (``cc2014/128@292-VI``), else by the
        first day it is surely in force, else by its earliest possible day.
        """
        if self.valid_from.date is not None:
            return f"{self.article_ref}@{self.valid_from.date.isoformat()}"
        if self.amended_by is not None and _LAW_ID.fullmatch(self.amended_by):
            return f"{self.article_ref}@{self.amended_by}"
        day = self.first_sure_day() or self.valid_from.earliest
        return f"{self.article_ref}@{day.isoformat()}" if day else self.article_ref

    def reference_day(self) -> dt.date | None:
        """The day a version is read at: its first sure day, else the latest or earliest bound of its start."""
        return self.first_sure_day() or self.valid_from.latest or self.valid_from.earliest

    def first_sure_day(self) -> dt.date | None:
        """The first day on which the sources make this wording surely in force, if any."""
        day = self.valid_from.latest
        if day is None:
            return None
        if self.valid_to is not None and (self.valid_to.earliest is None or self.valid_to.earliest <= day):
            return None
        return day

    @property
    def text(self) -> str:
        """The full text (title, parts, notes and definitions) as one string."""
        lines = [f"Article {self.article}. {self.title}"]
        lines += [p.text for p in self.parts]
        lines += [f"Note {n.label}. {n.text}" if n.label else f"Note. {n.text}" for n in self.notes]
        lines += [f"{d.label}. {d.text}" for d in self.definitions]
        return "\n".join(lines)

    def part(self, number: str) -> Part:
        """The part with this number; :class:`LookupError` if none."""
        for p in self.parts:
            if p.number == number:
                return p
        raise LookupError(f"{self.ref} has no part {number!r}")

    @property
    def base(self) -> Part | None:
        """The base offence (part 1), if the version has parts."""
        return self.parts[0] if self.parts else None

    def in_force_on(self, day: dt.date) -> InForce:
        """``"yes"``, ``"no"`` or ``"uncertain"``: whether this wording was in force on ``day``."""
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
        end = "in force" if self.valid_to is None else str(self.valid_to)
        return f"{self.valid_from} to {end}" if self.valid_to is not None else f"{self.valid_from}, {end}"

    def _repr_html_(self) -> str:
        from kzlaw.render import version_html

        return version_html(self)

    def __repr__(self) -> str:
        return f"<Version {self.ref} {self.title!r}: {len(self.parts)} parts, {self.period()}>"


@frozen
class Link:
    """A lineage link to an article of another code (``cc2014/135`` succeeds ``cc1997/133``)."""

    relation: Literal["predecessor", "successor"]
    ref: str
    source: Source


@frozen
class Article:
    """An article of a code with all its versions in time order.

    ``role`` is ``"offence"`` for the articles kzlaw studies, ``"comparison"`` for articles held
    only for their penalties (rape, art. 120), ``"definitions"`` for an article of definitions.
    ``in_force_from`` and ``in_force_to`` are the code's own period, filled in by the loader.
    """

    code: str
    number: str
    versions: tuple[Version, ...]
    role: Literal["offence", "comparison", "definitions"] = "offence"
    lineage: tuple[Link, ...] = ()
    in_force_from: dt.date | None = field(default=None, eq=False)
    in_force_to: dt.date | None = field(default=None, eq=False)

    @property
    def ref(self) -> str:
        """The article's reference, ``cc1997/128``."""
        return f"{self.code}/{self.number}"

    @property
    def title(self) -> str:
        """The title of the latest version."""
        return self.versions[-1].title

    def candidates(self, day: dt.date) -> tuple[Version, ...]:
        """The versions that may have been in force on ``day`` (none, one, or several)."""
        if self.in_force_from is not None and day < self.in_force_from:
            return ()
        if self.in_force_to is not None and day >= self.in_force_to:
            return ()
        return tuple(v for v in self.versions if v.in_force_on(day) != "no")

    def at(self, day: dt.date) -> Version:
        """The version in force on ``day``.

        Raises:
            NotInForceError: No version is in force then; the message says when one was.
            AmbiguousDateError: The sources leave open which of two versions was in force.
                The message names the window; pick a date outside it or use :meth:`candidates`.

        A version returned for a date in its own uncertain margin (its start is not attested, and no
        other version held here competes) is still returned; ``version.in_force_on(day)`` then
        says ``"uncertain"``.
        """
        found = self.candidates(day)
        if len(found) == 1:
            return found[0]
        if not found:
            first, last = self.versions[0], self.versions[-1]
            end = f"until {last.valid_to}" if last.valid_to is not None else "and is in force"
            raise NotInForceError(
                f"{self.ref} has no version in force on {day}: its versions run from {first.valid_from} {end}"
            )
        refs = tuple(v.ref for v in found)
        windows = "; ".join(f"{v.ref} starts {v.valid_from}" for v in found[1:])
        raise AmbiguousDateError(
            f"{self.ref} on {day}: the sources do not say which version was in force "
            f"({', '.join(refs)}): {windows}. Pick a date outside the window or call candidates().",
            refs,
        )

    def history(self, corpus: Corpus) -> tuple[Version, ...]:
        """Every version of this article and its predecessors and successors, in time order."""
        return tuple(v for a in corpus.lineage(self.ref) for v in a.versions)

    def _repr_html_(self) -> str:
        from kzlaw.render import article_html

        return article_html(self)

    def __repr__(self) -> str:
        return f"<Article {self.ref} {self.title!r}: {len(self.versions)} versions>"


@frozen
class Law:
    """An amending law: its id (``"292-VI"``), when it was adopted and when it took effect."""

    id: str
    title: str
    in_force: When
    source: Source
    adopted: dt.date | None = None
    note: str = ""


@frozen
class SourceDocument:
    """A document kzlaw's data cites, with its full citation."""

    id: str
    citation: str
    note: str = ""


@frozen
class Tag:
    """A tag of the controlled vocabulary, and the Protocol element ids it maps to."""

    name: str
    kind: str
    label: str
    protocol: tuple[str, ...] = ()
    catch_all: bool = False
    note: str = ""


@frozen
class Code:
    """A criminal code: ``cc1997`` or ``cc2014``, its period and its gravity thresholds.

    ``gravity`` maps a category name to the largest maximum term (in months) it covers, in order;
    a part above the last threshold falls in ``top_gravity``.
    """

    id: str
    title: str
    in_force_from: dt.date
    source: Source
    in_force_to: dt.date | None = None
    gravity: tuple[tuple[str, int], ...] = ()
    top_gravity: str = "especially grave"
    gravity_source: Source | None = None


@frozen
class Corpus:
    """A loaded, validated set of articles with the codes, laws, sources and vocabulary they use.

    Get one with :func:`kzlaw.load`. Look things up with :meth:`article`, :meth:`version` or
    :meth:`resolve`.
    """

    codes: Mapping[str, Code]
    articles: Mapping[str, Article]
    laws: Mapping[str, Law]
    sources: Mapping[str, SourceDocument]
    tags: Mapping[str, Tag]
    root: str = field(default="", eq=False)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles.values())

    def __len__(self) -> int:
        return len(self.articles)

    def article(self, ref: str | Ref) -> Article:
        """The article a reference names (any version date in it is ignored)."""
        r = parse_ref(ref) if isinstance(ref, str) else ref
        if r.code not in self.codes:
            raise UnknownArticleError(f"unknown code {r.code!r} in {r}; known: {', '.join(self.codes)}")
        try:
            return self.articles[r.article_ref]
        except KeyError:
            held = ", ".join(a.number for a in self.articles.values() if a.code == r.code)
            raise UnknownArticleError(f"{r.article_ref} is not in the corpus; {r.code} holds: {held}") from None

    def version(self, ref: str | Ref) -> Version:
        """The version a reference names: ``cc1997/128@2006-03-02`` or ``cc2014/128@292-VI``.

        A reference without a date names the latest version.
        """
        r = parse_ref(ref) if isinstance(ref, str) else ref
        art = self.article(r)
        if r.day is not None:
            return art.at(r.day)
        if r.law is not None:
            for v in art.versions:
                if v.amended_by == r.law:
                    return v
            raise UnknownArticleError(f"no version of {art.ref} was brought by law {r.law}")
        return art.versions[-1]

    def resolve(self, ref: str | Ref) -> Article | Version:
        """An :class:`Article` for ``cc1997/128``, a :class:`Version` for ``cc1997/128@2006-03-02``."""
        r = parse_ref(ref) if isinstance(ref, str) else ref
        return self.version(r) if r.at else self.article(r)

    def select(self, code: str | None = None, role: str | None = "offence") -> tuple[Article, ...]:
        """The articles of one code (or all), with one role (or any, with ``role=None``)."""
        return tuple(
            a for a in self.articles.values() if (code is None or a.code == code) and (role is None or a.role == role)
        )

    def in_force(self, code: str, day: dt.date, role: str | None = "offence") -> tuple[Version, ...]:
        """Every version of ``code`` in force on ``day`` (skipping articles not in force then).

        Raises:
            AmbiguousDateError: For an article whose version on that day the sources leave open.
        """
        return tuple(a.at(day) for a in self.select(code, role) if a.candidates(day))

    def definitions(self, version: Version, term: str) -> tuple[Definition, ...]:
        """The definitions of ``term`` that apply to ``version``'s article while it is in force.

        They come from the version itself or from any article of the same code (1997: note 2 to
        art. 125; 2014: art. 3). Of another article's wordings, the one brought by the same law is
        taken, else those surely in force on the version's first sure day, else those possibly in force.
        """
        found = [d for d in version.definitions if d.term == term and d.applies(version.article)]
        day = version.reference_day()
        for art in self._defining.get(version.code, ()):
            if art.number == version.article or day is None:
                continue
            possible = [v for v in art.versions if v.in_force_on(day) != "no"]
            same_law = [v for v in possible if v.amended_by is not None and v.amended_by == version.amended_by]
            sure = [v for v in possible if v.in_force_on(day) == "yes"]
            for v in same_law or sure or possible:
                found += [d for d in v.definitions if d.term == term and d.applies(version.article)]
        return tuple(found)

    def links(self, ref: str) -> tuple[Link, ...]:
        """The article's lineage links, both those its file states and those other files state of it."""
        art = self.article(ref)
        return (*art.lineage, *self._reverse_links.get(art.ref, ()))

    def lineage(self, ref: str) -> tuple[Article, ...]:
        """The article and all its predecessors and successors held, oldest code first."""
        start = self.article(ref)
        seen = {start.ref: start}
        todo = [start]
        while todo:
            for link in self.links(todo.pop().ref):
                target = self.articles.get(parse_ref(link.ref).article_ref)
                if target is not None and target.ref not in seen:
                    seen[target.ref] = target
                    todo.append(target)
        order = list(self.codes)
        return tuple(
            sorted(seen.values(), key=lambda a: (order.index(a.code), a.versions[0].valid_from.latest or dt.date.min))
        )

    @functools.cached_property
    def _defining(self) -> Mapping[str, tuple[Article, ...]]:
        """The articles of each code that hold definitions (computed once: lookups stay linear)."""
        out: dict[str, list[Article]] = {}
        for art in self.articles.values():
            if any(v.definitions for v in art.versions):
                out.setdefault(art.code, []).append(art)
        return {code: tuple(arts) for code, arts in out.items()}

    @functools.cached_property
    def _reverse_links(self) -> Mapping[str, tuple[Link, ...]]:
        """For each article, the links other files state of it, turned round (computed once)."""
        flip: dict[str, Literal["predecessor", "successor"]] = {"predecessor": "successor", "successor": "predecessor"}
        out: dict[str, list[Link]] = {}
        for other in self.articles.values():
            for link in other.lineage:
                target = parse_ref(link.ref).article_ref
                out.setdefault(target, []).append(Link(flip[link.relation], other.ref, link.source))
        return {ref: tuple(links) for ref, links in out.items()}

    def uncertainties(self) -> tuple[tuple[str, str], ...]:
        """Every datum the sources do not confirm, as ``(where, what and why)`` pairs.

        Dates known only within bounds, penalties marked unconfirmed, sanctions with gaps, and the
        remarks that versions carry. A version whose start is its law's uncertain entry into force is
        listed once, under the law.
        """
        out: list[tuple[str, str]] = []
        law_windows = {(x.in_force.earliest, x.in_force.latest) for x in self.laws.values()}
        for law in self.laws.values():
            if law.adopted is None:
                out.append((f"law {law.id}", f"adoption date not stated: {law.note}"))
            if not law.in_force.is_exact:
                out.append((f"law {law.id}", f"entry into force {law.in_force}: {law.in_force.note}"))
        for art in self.articles.values():
            for v in art.versions:
                start, end = v.valid_from, v.valid_to
                if not start.is_exact and (start.earliest, start.latest) not in law_windows:
                    out.append((v.ref, f"valid from {start}: {start.note}"))
                if end is not None and not end.is_exact and (end.earliest, end.latest) not in law_windows:
                    out.append((v.ref, f"valid to {end}: {end.note}"))
                for p in v.parts:
                    where = f"{v.ref} part {p.number}"
                    if p.sanction.unknown:
                        out.append((where, f"sanction: {p.sanction.unknown}"))
                    out += [
                        (where, f"{pen}" + (f" ({pen.note})" if pen.note else ""))
                        for pen in p.sanction.main + p.sanction.additional
                        if not pen.confirmed
                    ]
                if v.remarks:
                    out.append((v.ref, v.remarks))
        return tuple(out)

    def __repr__(self) -> str:
        per_code = ", ".join(f"{c}: {len(self.select(c, None))}" for c in self.codes)
        return f"<Corpus {len(self.articles)} articles ({per_code}) from {self.root or 'memory'}>"
