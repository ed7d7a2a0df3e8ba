"""The corpus: a loaded, validated set of articles with the registries they use.

Get one with :func:`kzlaw.load`. Its mappings are read-only (:class:`~kzlaw.frozen.FrozenMap`), so the
cached bundled corpus cannot be changed through any public attribute. Every function of kzlaw that
takes ``corpus: Corpus | None = None`` resolves ``None`` to the bundled corpus in one place,
:func:`resolve_corpus`; an empty corpus you pass is used as it is.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator, Mapping
from typing import Literal

from attrs import field, frozen

from kzlaw.errors import AmbiguousDateError, BadReferenceError, UnknownArticleError, UnknownLawError
from kzlaw.frozen import FrozenMap, frozen_map
from kzlaw.model import Article, Code, Definition, Language, Law, Link, SourceDocument, Tag, Version
from kzlaw.refs import Ref, parse_ref
from kzlaw.when import as_date

__all__ = ["Corpus", "Lookup", "Uncertainties", "Uncertainty", "resolve_corpus"]


def _same_law(a: Version, b: Version) -> bool:
    return (a.parts, a.notes, a.definitions) == (b.parts, b.notes, b.definitions)


@frozen
class Lookup:
    """What :meth:`Corpus.lookup` found: the version, whether it is certain, and why not if it is not."""

    version: Version
    certain: bool
    explanation: str


@frozen
class Uncertainty:
    """One datum the sources do not confirm: where it is, and what is not known and why.

    It unpacks as a pair: ``for where, what in corpus.uncertainties()``.
    """

    where: str
    what: str

    def __iter__(self) -> Iterator[str]:
        return iter((self.where, self.what))

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


class Uncertainties(tuple[Uncertainty, ...]):
    """What :meth:`Corpus.uncertainties` returns: a tuple of :class:`Uncertainty`, with a short repr and HTML."""

    __slots__ = ()

    def __repr__(self) -> str:
        laws = sum(1 for u in self if u.where.startswith(("law ", "code ")))
        rest = len(self) - laws
        return f"<Uncertainties: {len(self)} data not confirmed ({laws} on laws and codes, {rest} on versions)>"

    def __str__(self) -> str:
        return "\n".join(str(u) for u in self)

    def _repr_html_(self) -> str:
        from kzlaw.present import html

        return html.render(self)


def resolve_corpus(corpus: Corpus | None) -> Corpus:
    """``corpus`` itself, or the bundled corpus when it is ``None`` (never when it is merely empty)."""
    if corpus is not None:
        return corpus
    from kzlaw.bundled import load

    return load()


@frozen
class Corpus:
    """A loaded, validated set of articles with the codes, laws, sources, vocabulary and languages they use.

    Look things up with :meth:`article`, :meth:`version`, :meth:`versions` or :meth:`resolve`.
    """

    codes: FrozenMap[str, Code] = field(converter=frozen_map)
    articles: FrozenMap[str, Article] = field(converter=frozen_map)
    laws: FrozenMap[str, Law] = field(converter=frozen_map)
    sources: FrozenMap[str, SourceDocument] = field(converter=frozen_map)
    tags: FrozenMap[str, Tag] = field(converter=frozen_map)
    languages: FrozenMap[str, Language] = field(factory=FrozenMap, converter=frozen_map)
    root: str = field(default="", eq=False)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles.values())

    def __len__(self) -> int:
        return len(self.articles)

    def __bool__(self) -> bool:
        return True  # an empty corpus is still a corpus: never fall back to the bundled one

    def article(self, ref: str | Ref) -> Article:
        """The article a reference names (any version date in it is ignored)."""
        r = parse_ref(ref)
        if r.code not in self.codes:
            raise UnknownArticleError(f"unknown code {r.code!r} in {r}; known: {', '.join(self.codes) or 'none'}")
        try:
            return self.articles[r.article_ref]
        except KeyError:
            held = ", ".join(a.number for a in self.articles.values() if a.code == r.code)
            raise UnknownArticleError(
                f"{r.article_ref} is not in the corpus; {r.code} holds: {held or 'nothing'}"
            ) from None

    def version(self, ref: str | Ref, when: dt.date | str | None = None) -> Version:
        """The version a reference names: ``cc1997/128@2006-03-02``, ``cc2014/128@292-VI``, ``...@latest``.

        A reference without ``@`` names the latest version, or with ``when`` (a date, or
        ``"today"``) the version in force then.
        """
        r = parse_ref(ref)
        art = self.article(r)
        if when is not None and r.at is None:
            r = Ref(r.code, r.article, day=dt.date.today() if when == "today" else as_date(when, "when"))
        if r.day is not None:
            return art.at(r.day)
        if r.law is not None:
            for v in art.versions:
                if v.amended_by == r.law:
                    return v
            laws = ", ".join(v.amended_by for v in art.versions if v.amended_by) or "none"
            raise UnknownLawError(f"no version of {art.ref} was brought by law {r.law} (laws held: {laws})")
        return art.versions[-1]

    def lookup(self, ref: str | Ref, when: dt.date | str | None = None) -> Lookup:
        """The version a reference (or an article and ``when``) names, saying how sure that is.

        Inside a window where the sources do not say which version was in force, a lookup still answers
        when every candidate has the same legal content (parts, sanctions, notes, definitions): it gives
        the latest candidate, ``certain=False`` and an explanation. Otherwise it raises
        :class:`~kzlaw.errors.AmbiguousDateError`, whose message names the references to ask for instead.
        """
        try:
            return Lookup(self.version(ref, when), True, "")
        except AmbiguousDateError as err:
            found = [self.version(c) for c in err.candidates]
            if len(found) > 1 and all(_same_law(found[0], v) for v in found[1:]):
                refs = ", ".join(v.ref for v in found)
                why = f"the sources do not say which of {refs} was in force, but they read the same in law"
                return Lookup(found[-1], False, why)
            raise

    def resolve(self, ref: str | Ref) -> Article | Version:
        """An :class:`Article` for ``cc1997/128``, a :class:`Version` for ``cc1997/128@2006-03-02``."""
        r = parse_ref(ref)
        return self.version(r) if r.at else self.article(r)

    def versions(self, *items: Version | Article | str | Ref | Iterable[Version | str]) -> tuple[Version, ...]:
        """Turn what a user gives into versions, the one way every function does it.

        A :class:`Version` is itself; an :class:`Article` or an undated reference gives every version
        of the article; a dated reference its version; an iterable, each of its items.

        >>> import kzlaw
        >>> [v.ref for v in kzlaw.load().versions("cc1997/270", "cc1997/128@2007-01-01")][-3:]
        ['cc1997/270@2011-law-enforcement', 'cc1997/270@2013-anti-trafficking', 'cc1997/128@2006-03-02']
        """
        out: list[Version] = []
        for item in items:
            if isinstance(item, Version):
                out.append(item)
            elif isinstance(item, Article):
                out += item.versions
            elif isinstance(item, str | Ref):
                found = self.resolve(item)
                out += found.versions if isinstance(found, Article) else [found]
            elif isinstance(item, Iterable):
                out += self.versions(*item)
            else:
                raise BadReferenceError(f"expected a version, an article or a reference, got {type(item).__name__}")
        return tuple(out)

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

    def comparison(self, version: Version, name: str) -> Article | None:
        """The article of the version's code that benchmarks compare with (``"rape"``), if held."""
        code = self.codes.get(version.code)
        number = code.comparisons.get(name) if code else None
        return self.articles.get(f"{version.code}/{number}") if number else None

    def definitions(self, version: Version, term: str) -> tuple[Definition, ...]:
        """The definitions of ``term`` that apply to ``version``'s article while it is in force.

        They come from the version itself or from any article of the same code (1997: note 2 to
        art. 125; 2014: art. 3). Of another article's versions, the one brought by the same law is
        taken, else those surely in force on the version's reference day, else those possibly in force.
        """
        return tuple(d for _, d in self.definitions_with_source(version, term))

    def definitions_with_source(self, version: Version, term: str) -> tuple[tuple[Version, Definition], ...]:
        """Like :meth:`definitions`, each with the version that holds it (to quote its words)."""
        found = [(version, d) for d in version.definitions if d.term == term and d.applies(version.article)]
        day = version.reference_day()
        index = self._defining  # only the articles that define this term for this article (issue #12)
        held = (*index.get((version.code, term, ""), ()), *index.get((version.code, term, version.article), ()))
        for _, art in sorted(dict(held).items()):
            if art.number == version.article or day is None:
                continue
            possible = [v for v in art.versions if v.in_force_on(day) != "no"]
            same_law = [v for v in possible if v.amended_by is not None and v.amended_by == version.amended_by]
            sure = [v for v in possible if v.in_force_on(day) == "yes"]
            for v in same_law or sure or possible:
                found += [(v, d) for d in v.definitions if d.term == term and d.applies(version.article)]
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

    def history(self, ref: str | Article) -> tuple[Version, ...]:
        """Every version of an article and of its predecessors and successors, in time order."""
        art = ref if isinstance(ref, Article) else self.article(ref)
        return tuple(v for a in self.lineage(art.ref) for v in a.versions)

    @functools.cached_property
    def _defining(self) -> Mapping[tuple[str, str, str], tuple[tuple[int, Article], ...]]:
        """By (code, term, article number or "" for the whole code), the articles defining it, with their place.

        Computed once, so that a lookup visits only the articles that can answer it and stays linear.
        """
        out: dict[tuple[str, str, str], list[tuple[int, Article]]] = {}
        for i, art in enumerate(self.articles.values()):
            keys = {(art.code, d.term, n) for v in art.versions for d in v.definitions for n in d.applies_to or ("",)}
            for key in keys:
                out.setdefault(key, []).append((i, art))
        return FrozenMap({key: tuple(arts) for key, arts in out.items()})

    @functools.cached_property
    def _reverse_links(self) -> Mapping[str, tuple[Link, ...]]:
        """For each article, the links other files state of it, turned round (computed once)."""
        flip: dict[str, Literal["predecessor", "successor"]] = {"predecessor": "successor", "successor": "predecessor"}
        out: dict[str, list[Link]] = {}
        for other in self.articles.values():
            for link in other.lineage:
                target = parse_ref(link.ref).article_ref
                out.setdefault(target, []).append(Link(flip[link.relation], other.ref, link.source))
        return FrozenMap({ref: tuple(links) for ref, links in out.items()})

    def uncertainties(self) -> Uncertainties:
        """Every datum the sources do not confirm, each an :class:`Uncertainty` (where, what and why).

        Dates known only within bounds, dates taken from kzlaw's own brief rather than a legal source,
        penalties marked unconfirmed, sanctions with gaps, and the remarks versions carry. A version
        whose start is its law's uncertain entry into force is listed once, under the law.
        """
        out: list[Uncertainty] = []
        for code in self.codes.values():
            doc = self.sources.get(code.source.document)
            if doc is not None and doc.id.startswith("kzlaw-brief"):
                out.append(
                    Uncertainty(
                        f"code {code.id}",
                        f"period taken from kzlaw's project brief, not a legal source: {code.source.locator}",
                    )
                )
        law_windows = {(x.in_force.earliest, x.in_force.latest) for x in self.laws.values()}
        for law in self.laws.values():
            if law.adopted is None:
                out.append(Uncertainty(f"law {law.id}", f"adoption date not stated: {law.note}"))
            if not law.in_force.is_exact or law.in_force.note:
                # an exact date with a note is one the sources state only loosely: say what they say
                out.append(Uncertainty(f"law {law.id}", f"entry into force {law.in_force}: {law.in_force.note}"))
        for art in self.articles.values():
            for v in art.versions:
                start, end = v.valid_from, v.valid_to
                if not start.is_exact and (start.earliest, start.latest) not in law_windows:
                    out.append(Uncertainty(v.ref, f"valid from {start}: {start.note}"))
                if end is not None and not end.is_exact and (end.earliest, end.latest) not in law_windows:
                    out.append(Uncertainty(v.ref, f"valid to {end}: {end.note}"))
                for p in v.parts:
                    where = f"{v.ref} part {p.number}"
                    if p.sanction.unknown:
                        out.append(Uncertainty(where, f"sanction: {p.sanction.unknown}"))
                    out += [
                        Uncertainty(where, f"{pen}" + (f" ({pen.note})" if pen.note else ""))
                        for pen in p.sanction.main + p.sanction.additional
                        if not pen.confirmed
                    ]
                if v.remarks:
                    out.append(Uncertainty(v.ref, v.remarks))
        return Uncertainties(out)

    def _repr_html_(self) -> str:
        from kzlaw.present import html

        return html.render(self)

    def __repr__(self) -> str:
        per_code = ", ".join(f"{c}: {len(self.select(c, None))}" for c in self.codes)
        return f"<Corpus {len(self.articles)} articles ({per_code}) from {self.origin}>"

    @property
    def origin(self) -> str:
        """Where the corpus was loaded from, in words: ``kzlaw's bundled statutes``, a folder, or ``memory``."""
        if not self.root:
            return "memory"
        from kzlaw.bundled import bundled_path

        return "kzlaw's bundled statutes" if self.root == str(bundled_path()) else self.root
