"""Export article versions to Akoma Ntoso 3.0: :func:`to_akn` (one version in one language, one document).

One document holds one version in one language: an ``act`` whose body is the one article. Its ids follow the AKN
naming convention: ``art_128``, ``art_128__para_2`` (from the part's number, which is what a citation names),
``art_128__para_2__point_a`` (from the circumstance's label), ``art_128__hcontainer_1`` for notes and definitions
(by position). Each paragraph's ``wId`` carries kzlaw's stable part id (``art_128__para_qualified``): AKN's
work-level id is the one that survives renumbering, so a part renumbered between versions keeps its ``wId``.
Everything AKN has no element for (sanctions, tags, windows of uncertain dates, statuses, sources) is in one
``<proprietary source="#kzlaw">`` block in the namespace :data:`~kzlaw.akn.base.KZLAW_NS` (``urn:kzlaw:1.0``):

``kzlaw:version`` (``code``, ``article``, ``amended_by``)
   ``kzlaw:valid_from`` / ``kzlaw:valid_to`` (``earliest``, ``latest``, ``note``; a bound left out is unknown; no
   ``valid_to`` element: in force), ``kzlaw:source`` (``document``, ``locator``, ``note``), ``kzlaw:remarks``;
   ``kzlaw:part`` (``id``, ``number``, ``elements``: tags separated by spaces; ``numbered="false"`` when the text
   does not start with ``N. ``) holding ``kzlaw:sanction`` (``unknown``) with ``kzlaw:main`` / ``kzlaw:additional``
   (``kind``, ``minimum``, ``maximum``, ``unit``, ``lifetime``, ``optional``, ``confirmed``, ``note``) and
   ``kzlaw:circumstance`` (``label``, ``tags``; its text is the circumstance's words); ``kzlaw:note`` (``label``,
   ``tags``); ``kzlaw:definition`` (``term``, ``label``, ``tags``, ``applies_to``); ``kzlaw:wording``
   (``language``, ``status``, ``summarises``) with its ``kzlaw:source``.

The words themselves are only in the body: the heading (title; the footnote is its ``authorialNote``), the
paragraphs (part texts), the ``hcontainer`` elements named ``note`` and ``definition``. An uncertain date is
exported as its earliest bound (else its latest), and each ``eventRef`` so dated refers to the concept
``#kzlaw_window``; the date's ``name`` says which bound it is.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from lxml import etree

from kzlaw.akn.base import (
    AKN_NS,
    KZLAW_NS,
    AknError,
    akn_language,
    expression_uri,
    manifestation_uri,
    work_of,
    work_uri,
)
from kzlaw.akn.text import split_paragraph
from kzlaw.corpus import Corpus
from kzlaw.model import Law, Source, Version, Wording
from kzlaw.sanction import Penalty, Sanction
from kzlaw.when import When

__all__ = ["anchor", "language_code", "to_akn"]

_NSMAP = {None: AKN_NS, "kzlaw": KZLAW_NS}
_LAW_NUMBER = re.compile(r"\d+-[IVXL]+")


def _a(tag: str) -> str:
    return f"{{{AKN_NS}}}{tag}"


def _k(tag: str) -> str:
    return f"{{{KZLAW_NS}}}{tag}"


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str | None) -> etree._Element:
    given = {k: v for k, v in attrs.items() if v is not None}
    try:
        element = etree.SubElement(parent, tag, given)
    except ValueError as err:  # an attribute with a control character XML 1.0 cannot hold
        raise AknError(f"text cannot be written as XML ({err}): {str(given)[:60]!r}", element=tag) from None
    if text is not None:
        try:
            element.text = text
        except ValueError as err:  # a control character XML 1.0 cannot hold
            raise AknError(f"text cannot be written as XML ({err}): {text[:60]!r}", element=tag) from None
    return element


def anchor(when: When) -> dt.date | None:
    """The one date an AKN date attribute gets for a :class:`~kzlaw.when.When`: its earliest bound, else its latest.

    A window's full extent and reason go to the proprietary block; the date's ``name`` says which bound it is.

    Args:
        when: The date as precisely as the sources give it.

    Returns:
        The earliest attested bound, else the latest, else ``None`` (nothing is known).
    """
    return when.earliest if when.earliest is not None else when.latest


def _date_name(what: str, when: When) -> str:
    if when.date is not None:
        return what
    if when.earliest is not None:
        return f"{what}: earliest bound of a date the sources leave open (kzlaw:{what} gives the window)"
    return f"{what}: latest bound; no earlier bound is attested (kzlaw:{what} gives the window)"


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def language_code(language: str, corpus: Corpus | None) -> str:
    """The AKN three-letter code of a language: the corpus's ``languages.toml`` entry, else :data:`AKN_LANGUAGES`.

    Args:
        language: kzlaw's code (``en``).
        corpus: The corpus, if any.

    Returns:
        ``eng``.
    """
    if corpus is not None and language in corpus.languages:
        return corpus.languages[language].akn
    return akn_language(language)


def _when(parent: etree._Element, tag: str, when: When | None) -> None:
    if when is not None:
        _sub(parent, _k(tag), earliest=_iso(when.earliest), latest=_iso(when.latest), note=when.note or None)


def _source(parent: etree._Element, source: Source) -> None:
    _sub(parent, _k("source"), document=source.document, locator=source.locator or None, note=source.note or None)


def _penalty(parent: etree._Element, tag: str, p: Penalty) -> None:
    _sub(
        parent,
        _k(tag),
        kind=p.kind,
        minimum=None if p.minimum is None else str(p.minimum),
        maximum=None if p.maximum is None else str(p.maximum),
        unit=p.unit,
        lifetime="true" if p.lifetime else None,
        optional="true" if p.optional else None,
        confirmed=None if p.confirmed else "false",
        note=p.note or None,
    )


def _sanction(parent: etree._Element, sanction: Sanction) -> None:
    element = _sub(parent, _k("sanction"), unknown=sanction.unknown or None)
    for p in sanction.main:
        _penalty(element, "main", p)
    for p in sanction.additional:
        _penalty(element, "additional", p)


def _proprietary(meta: etree._Element, version: Version, wording: Wording, numbered: dict[str, bool]) -> None:
    block = _sub(meta, _a("proprietary"), source="#kzlaw")
    v = _sub(block, _k("version"), code=version.code, article=version.article, amended_by=version.amended_by)
    _when(v, "valid_from", version.valid_from)
    _when(v, "valid_to", version.valid_to)
    _source(v, version.source)
    if version.remarks:
        _sub(v, _k("remarks"), version.remarks)
    for part in version.parts:
        p = _sub(v, _k("part"), id=part.id, number=part.number, elements=" ".join(part.elements) or None)
        if not numbered[part.id]:
            p.set("numbered", "false")
        _sanction(p, part.sanction)
        for c in part.circumstances:
            _sub(
                p,
                _k("circumstance"),
                wording.circumstance(part.id, c.label),
                label=c.label,
                tags=" ".join(c.tags) or None,
            )
    for n in version.notes:
        _sub(v, _k("note"), label=n.label, tags=" ".join(n.tags) or None)
    for d in version.definitions:
        tags, applies = " ".join(d.tags) or None, " ".join(d.applies_to) or None
        _sub(v, _k("definition"), term=d.term, label=d.label, tags=tags, applies_to=applies)
    w = _sub(v, _k("wording"), language=wording.language, status=wording.status, summarises=wording.summarises)
    _source(w, wording.source)


def _law_href(law_id: str, law: Law | None, work: tuple[str, str], country: str) -> str:
    if law_id == work[1]:
        return work_uri(work, country=country)
    if law is not None and law.adopted is not None and _LAW_NUMBER.fullmatch(law_id):
        return f"/akn/{country}/act/law/{law.adopted.isoformat()}/{law_id}"
    return f"urn:kzlaw:law:{law_id}"  # no number or date the sources give: kzlaw's own id, not an AKN URI


def _identification(meta: etree._Element, version: Version, wording: Wording, ctx: _Context) -> None:
    ident = _sub(meta, _a("identification"), source="#kzlaw")
    work = _sub(ident, _a("FRBRWork"))
    _sub(work, _a("FRBRthis"), value=work_uri(ctx.work, "main", ctx.country))
    _sub(work, _a("FRBRuri"), value=work_uri(ctx.work, country=ctx.country))
    if ctx.title:
        _sub(work, _a("FRBRalias"), value=ctx.title, name="title")
    _sub(work, _a("FRBRdate"), date=ctx.work[0], name="adoption")
    _sub(work, _a("FRBRauthor"), href="#" + ctx.country)
    _sub(work, _a("FRBRcountry"), value=ctx.country)
    _sub(work, _a("FRBRsubtype"), value="code")
    _sub(work, _a("FRBRnumber"), value=ctx.work[1])
    start = anchor(version.valid_from)
    day = _iso(start)
    portion = f"art_{version.article}"
    date_attr = day or ctx.work[0]
    date_name = _date_name("valid_from", version.valid_from) if start else "valid_from unknown: the work's date"
    expr = _sub(ident, _a("FRBRExpression"))
    _sub(expr, _a("FRBRthis"), value=expression_uri(ctx.work, ctx.lang, day, portion, ctx.country))
    _sub(expr, _a("FRBRuri"), value=expression_uri(ctx.work, ctx.lang, day, country=ctx.country))
    _sub(expr, _a("FRBRdate"), date=date_attr, name=date_name)
    _sub(expr, _a("FRBRauthor"), href="#kzlaw")
    _sub(expr, _a("FRBRauthoritative"), value="true" if wording.status == "official" else "false")
    _sub(expr, _a("FRBRlanguage"), language=ctx.lang)
    if wording.summarises:
        origin = language_code(wording.summarises, ctx.corpus)
        href = expression_uri(ctx.work, origin, day, country=ctx.country)
        _sub(expr, _a("FRBRtranslation"), href=href, fromLanguage=origin, by="#kzlaw")
    man = _sub(ident, _a("FRBRManifestation"))
    _sub(man, _a("FRBRthis"), value=manifestation_uri(ctx.work, ctx.lang, day, portion, ctx.country))
    _sub(man, _a("FRBRuri"), value=manifestation_uri(ctx.work, ctx.lang, day, country=ctx.country))
    _sub(man, _a("FRBRdate"), date=date_attr, name="kzlaw export (dated as its expression, so exports reproduce)")
    _sub(man, _a("FRBRauthor"), href="#kzlaw")


class _Context:
    """What one export needs besides the version: the work, language and the corpus's registries."""

    def __init__(self, version: Version, language: str, corpus: Corpus | None) -> None:
        self.corpus = corpus
        code = corpus.codes.get(version.code) if corpus is not None else None
        if code is not None and code.number and code.adopted is not None:
            self.work = (code.adopted.isoformat(), code.number)
        else:
            self.work = work_of(version.code)
        self.country = code.jurisdiction if code is not None else "kz"
        self.title = code.title if code is not None else ""
        self.lang = language_code(language, corpus)
        self.laws: dict[str, Law | None] = {}
        self.concepts: dict[str, str] = {}
        self.windows = False

    def protocol(self, tags: Iterable[str]) -> str | None:
        """The ``refersTo`` list of the Protocol concepts of some tags (recording them for ``<references>``)."""
        if self.corpus is None:
            return None
        from kzlaw.protocol import ELEMENTS

        ids: list[str] = []
        for tag in tags:
            known = self.corpus.tags.get(tag)
            for element in known.protocol if known is not None else ():
                self.concepts[element] = ELEMENTS[element].words
                if f"#protocol_{element}" not in ids:
                    ids.append(f"#protocol_{element}")
        return " ".join(ids) or None


def _lifecycle(meta: etree._Element, version: Version, ctx: _Context) -> tuple[str | None, str | None]:
    events: list[tuple[str, str, str, str | None, When]] = []  # eId, date, source, type, when
    history: Sequence[Version] = ()
    if ctx.corpus is not None and version.article_ref in ctx.corpus.articles:
        history = ctx.corpus.articles[version.article_ref].versions
    for earlier in history:
        if earlier.ref == version.ref:
            break
        day = anchor(earlier.valid_from)
        if earlier.amended_by and day is not None:
            ctx.laws[earlier.amended_by] = ctx.corpus.laws.get(earlier.amended_by) if ctx.corpus else None
            kind: str | None = "generation" if earlier.amended_by == ctx.work[1] else "amendment"
            events.append(
                (f"e_{earlier.amended_by}", day.isoformat(), f"#law_{earlier.amended_by}", kind, earlier.valid_from)
            )
    start = anchor(version.valid_from)
    if start is not None:
        law = version.amended_by
        if law:
            ctx.laws[law] = ctx.corpus.laws.get(law) if ctx.corpus else None
        kind = None if not law else "generation" if law == ctx.work[1] else "amendment"
        events.append(("e_valid_from", start.isoformat(), f"#law_{law}" if law else "#kzlaw", kind, version.valid_from))
    end = None if version.valid_to is None else anchor(version.valid_to)
    if end is not None and version.valid_to is not None:
        events.append(("e_valid_to", end.isoformat(), "#kzlaw", None, version.valid_to))
    if events:
        life = _sub(meta, _a("lifecycle"), source="#kzlaw")
        for eid, day_, source, kind, when in {e[0]: e for e in events}.values():
            uncertain = None if when.date is not None else "#kzlaw_window"
            ctx.windows = ctx.windows or uncertain is not None
            _sub(life, _a("eventRef"), eId=eid, date=day_, source=source, type=kind, refersTo=uncertain)
    return ("#e_valid_from" if start is not None else None), ("#e_valid_to" if end is not None else None)


def _references(meta: etree._Element, ctx: _Context) -> None:
    refs = _sub(meta, _a("references"), source="#kzlaw")
    for law_id, law in ctx.laws.items():
        href = _law_href(law_id, law, ctx.work, ctx.country)
        _sub(refs, _a("passiveRef"), eId=f"law_{law_id}", href=href, showAs=law.title if law else law_id)
    _sub(refs, _a("TLCOrganization"), eId="kzlaw", href="/ontology/organization/kzlaw", showAs="kzlaw")
    _sub(refs, _a("TLCOrganization"), eId=ctx.country, href=f"/ontology/organization/{ctx.country}", showAs=ctx.country)
    _sub(refs, _a("TLCConcept"), eId="inForce", href="/ontology/concept/inForce", showAs="in force")
    if ctx.windows:
        shown = "a date the sources leave open: the date given is a bound, the kzlaw block gives the window and why"
        _sub(refs, _a("TLCConcept"), eId="kzlaw_window", href="urn:kzlaw:1.0:window", showAs=shown)
    for element, words in ctx.concepts.items():
        href = f"/ontology/concept/un-trafficking-protocol/{element}"
        _sub(refs, _a("TLCConcept"), eId=f"protocol_{element}", href=href, showAs=words)


def _p(parent: etree._Element, tag: str, text: str) -> None:
    _sub(_sub(parent, _a(tag)), _a("p"), text)


def _body(act: etree._Element, version: Version, wording: Wording, ctx: _Context) -> dict[str, bool]:
    art = f"art_{version.article}"
    article = _sub(_sub(act, _a("body")), _a("article"), eId=art, wId=art)
    _sub(article, _a("num"), version.article)
    heading = _sub(article, _a("heading"), wording.title)
    if wording.footnote:
        note = _sub(heading, _a("authorialNote"), marker="*", placement="bottom", eId=f"{art}__authorialNote_1")
        _sub(note, _a("p"), wording.footnote)
    numbered: dict[str, bool] = {}
    for part in version.parts:
        words = wording.parts[part.id]
        eid = f"{art}__para_{part.number}"
        para = _sub(
            article, _a("paragraph"), eId=eid, wId=f"{art}__para_{part.id}", refersTo=ctx.protocol(part.elements)
        )
        circs = [(c.label, words.circumstances[c.label]) for c in part.circumstances]
        num, numbered[part.id], body, layout = split_paragraph(words.text, part.number, circs)
        _sub(para, _a("num"), num)
        if layout is None:
            _p(para, "content", body)
            continue
        intro, points, wrap = layout
        if intro:
            _p(para, "intro", intro)
        for (label, content), c in zip(points, part.circumstances, strict=True):
            point = _sub(para, _a("point"), eId=f"{eid}__point_{c.label}", refersTo=ctx.protocol(c.tags))
            _sub(point, _a("num"), label)
            _p(point, "content", content)
        if wrap:
            _p(para, "wrapUp", wrap)
    position = 0
    for name, items in (("note", version.notes), ("definition", version.definitions)):
        for item in items:
            position += 1
            box = _sub(article, _a("hcontainer"), eId=f"{art}__hcontainer_{position}", name=name)
            if item.label:
                _sub(box, _a("num"), item.label)
            if name == "note" and ctx.corpus is not None and wording.language in ctx.corpus.languages:
                _sub(box, _a("heading"), ctx.corpus.languages[wording.language].note)
            _p(box, "content", (wording.notes if name == "note" else wording.definitions)[item.label])
    return numbered


def to_akn(version: Version, language: str = "en", corpus: Corpus | None = None) -> bytes:
    """One version in one language as an Akoma Ntoso 3.0 ``act`` (UTF-8 bytes, valid against the strict schema).

    Args:
        version: The version.
        language: The wording to write (``en``, ``ru``, ``kk``); the version must hold it.
        corpus: The corpus the version belongs to: with it, the document also names the code's title, the amending
            laws' titles and dates, the article's earlier amendments and the Protocol concepts of the tags.

    Returns:
        The document.

    Raises:
        AknError: The code has no known FRBR work, the language no AKN code, or a text holds a character XML cannot.
        kzlaw.errors.UnknownPartError: The version holds no wording in ``language``.
    """
    wording = version.wording(language)
    ctx = _Context(version, language, corpus)
    root = etree.Element(_a("akomaNtoso"), nsmap=_NSMAP)
    act = _sub(root, _a("act"), name="code", contains="singleVersion")
    meta = _sub(act, _a("meta"))
    _identification(meta, version, wording, ctx)
    start, end = _lifecycle(meta, version, ctx)
    if start or end:
        group = _sub(_sub(meta, _a("temporalData"), source="#kzlaw"), _a("temporalGroup"), eId="tg_period")
        _sub(group, _a("timeInterval"), refersTo="#inForce", start=start, end=end)
    numbered = _body(act, version, wording, ctx)
    _references(meta, ctx)
    _proprietary(meta, version, wording, numbered)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
