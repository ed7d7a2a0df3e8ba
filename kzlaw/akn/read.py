"""Read Akoma Ntoso 3.0 back into a :class:`~kzlaw.model.Version`: :func:`from_akn`.

A document kzlaw wrote carries a ``<proprietary source="#kzlaw">`` block, and reads back to the version it was
written from. Any other AKN ``act`` with one article reads as texts with parts, circumstances (its points), notes
and dates; what AKN does not carry (sanctions, tags) is unknown, and the version says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
from lxml import etree

from kzlaw.akn.base import AKN_LANGUAGES, AKN_NS, CODE_WORKS, KZLAW_NS, AknError, parse_xml, validate
from kzlaw.akn.text import join_exact, join_readable
from kzlaw.corpus import Corpus
from kzlaw.errors import KzlawError
from kzlaw.model import Circumstance, Definition, Note, Part, PartWording, Version, Wording
from kzlaw.registry import Source
from kzlaw.sanction import Penalty, Sanction
from kzlaw.when import When

__all__ = ["PLAIN_REMARK", "PLAIN_SANCTION", "from_akn"]

#: The ``unknown`` of every sanction read from an AKN document without kzlaw's block.
PLAIN_SANCTION = "not given: the Akoma Ntoso document carries no kzlaw metadata, so its penalties are not read"
#: The remark on a version read from such a document.
PLAIN_REMARK = (
    "Read from an Akoma Ntoso document without kzlaw's metadata: the sanctions, element and circumstance tags are"
    " unknown, and the text status is taken from FRBRauthoritative."
)
_WORK = re.compile(r"/akn/(?P<country>[a-z]{2})[^/]*/act/(?:[^/]+/)*?(?P<date>\d{4}(?:-\d\d){0,2})/(?P<number>[^/]+)")
T = TypeVar("T")


def _a(tag: str) -> str:
    return f"{{{AKN_NS}}}{tag}"


def _k(tag: str) -> str:
    return f"{{{KZLAW_NS}}}{tag}"


def _where(element: etree._Element) -> tuple[int | None, str]:
    qname = etree.QName(element)
    prefix = "kzlaw:" if qname.namespace == KZLAW_NS else "akn:"
    eid = element.get("eId")
    return element.sourceline, prefix + qname.localname + (f' eId="{eid}"' if eid else "")


def _build(element: etree._Element, factory: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Build a model object, turning a broken invariant into an :class:`AknError` at the element."""
    try:
        return factory(*args, **kwargs)
    except (KzlawError, TypeError, ValueError) as err:
        raise AknError(str(err), *_where(element)) from None


def _find(parent: etree._Element, path: str, what: str) -> etree._Element:
    found = parent.find(path)
    if found is None:
        raise AknError(f"no {what}", *_where(parent))
    return found


def _attr(element: etree._Element, name: str) -> str:
    value = element.get(name)
    if value is None:
        raise AknError(f"attribute {name!r} is missing", *_where(element))
    return value


def _words(element: etree._Element | None) -> str:
    """The text of a block container: its paragraphs' text, one per line, notes left out."""
    if element is None:
        return ""
    ps = [p for p in element.iter(_a("p")) if not _in_note(p)]
    return "\n".join(_inline(p) for p in ps) if ps else _inline(element)


def _in_note(p: etree._Element) -> bool:
    parent = p.getparent()
    return parent is not None and etree.QName(parent).localname == "authorialNote"


def _inline(element: etree._Element | None) -> str:
    """An element's text without its authorial notes."""
    if element is None:
        return ""
    pieces = [element.text or ""]
    for child in element:
        if etree.QName(child).localname != "authorialNote":
            pieces.append("".join(child.itertext()))
        pieces.append(child.tail or "")
    return "".join(pieces)


def _pieces(para: etree._Element) -> tuple[str, str, list[tuple[str, str]], str]:
    num = _inline(para.find(_a("num")))
    content = para.find(_a("content"))
    if content is not None:
        return num, _words(content), [], ""
    points = [(_inline(pt.find(_a("num"))), _words(pt.find(_a("content")))) for pt in para.findall(_a("point"))]
    return num, _words(para.find(_a("intro"))), points, _words(para.find(_a("wrapUp")))


def _tags(element: etree._Element, name: str = "tags") -> tuple[str, ...]:
    return tuple((element.get(name) or "").split())


def _when(element: etree._Element | None) -> When | None:
    if element is None:
        return None
    return _build(element, When, element.get("earliest"), element.get("latest"), element.get("note") or "")


def _source(parent: etree._Element) -> Source:
    element = _find(parent, _k("source"), "kzlaw:source")
    doc, locator, note = _attr(element, "document"), element.get("locator") or "", element.get("note") or ""
    return _build(element, Source, doc, locator, note)


def _int(element: etree._Element, name: str) -> int | None:
    value = element.get(name)
    if value is None:
        return None
    if not re.fullmatch(r"\d+", value):
        raise AknError(f"{name}={value!r} is not a whole number", *_where(element))
    return int(value)


def _penalty(element: etree._Element) -> Penalty:
    return _build(
        element,
        Penalty,
        _attr(element, "kind"),
        _int(element, "minimum"),
        _int(element, "maximum"),
        element.get("unit"),
        lifetime=element.get("lifetime") == "true",
        optional=element.get("optional") == "true",
        confirmed=element.get("confirmed") != "false",
        note=element.get("note") or "",
    )


def _sanction(part: etree._Element) -> Sanction:
    element = _find(part, _k("sanction"), "kzlaw:sanction")
    main = [_penalty(p) for p in element.findall(_k("main"))]
    additional = [_penalty(p) for p in element.findall(_k("additional"))]
    return _build(element, Sanction, main, additional, element.get("unknown") or "")


def _boxes(article: etree._Element, name: str) -> list[etree._Element]:
    return [h for h in article.findall(_a("hcontainer")) if h.get("name") == name]


def _kzlaw_version(block: etree._Element, article: etree._Element) -> Version:
    """The version a kzlaw document holds: the legal state from its block, the words from its body."""
    code, number = _attr(block, "code"), _attr(block, "article")
    paras = {p.get("eId"): p for p in article.findall(_a("paragraph"))}
    parts, wparts = [], {}
    for pe in block.findall(_k("part")):
        pid, pnum = _attr(pe, "id"), _attr(pe, "number")
        para = paras.get(f"art_{number}__para_{pnum}")
        if para is None:
            raise AknError(f"the body has no paragraph art_{number}__para_{pnum}", *_where(pe))
        num, intro, points, wrap = _pieces(para)
        text = join_exact(num, pe.get("numbered") != "false", intro, points, wrap)
        circs = pe.findall(_k("circumstance"))
        items = [_build(c, Circumstance, _attr(c, "label"), _tags(c)) for c in circs]
        parts.append(_build(pe, Part, pnum, pid, _sanction(pe), _tags(pe, "elements"), items))
        wparts[pid] = _build(
            para, PartWording, text, {c.label: (e.text or "") for c, e in zip(items, circs, strict=True)}
        )
    labelled: dict[str, list[tuple[str, str]]] = {}
    for name in ("note", "definition"):
        kept, boxes = block.findall(_k(name)), _boxes(article, name)
        if len(kept) != len(boxes):
            raise AknError(f"the kzlaw block lists {len(kept)} {name}s, the body holds {len(boxes)}", *_where(article))
        labelled[name] = [(_attr(e, "label"), _words(b.find(_a("content")))) for e, b in zip(kept, boxes, strict=True)]
    notes = [_build(e, Note, _attr(e, "label"), _tags(e)) for e in block.findall(_k("note"))]
    definitions = [
        _build(e, Definition, _attr(e, "term"), _attr(e, "label"), _tags(e), _tags(e, "applies_to"))
        for e in block.findall(_k("definition"))
    ]
    we = _find(block, _k("wording"), "kzlaw:wording")
    heading = article.find(_a("heading"))
    footnote = heading.find(f"{_a('authorialNote')}") if heading is not None else None
    wording = _build(
        we,
        Wording,
        _attr(we, "language"),
        _attr(we, "status"),
        _source(we),
        _inline(heading),
        wparts,
        dict(labelled["note"]),
        dict(labelled["definition"]),
        footnote=_words(footnote) if footnote is not None else "",
        summarises=we.get("summarises"),
    )
    start = _when(_find(block, _k("valid_from"), "kzlaw:valid_from"))
    return _build(
        block,
        Version,
        code,
        number,
        start,
        _source(block),
        valid_to=_when(block.find(_k("valid_to"))),
        amended_by=block.get("amended_by"),
        remarks=(block.findtext(_k("remarks")) or ""),
        parts=parts,
        notes=notes,
        definitions=definitions,
        wordings={wording.language: wording},
    )


def _code_of(meta: etree._Element, corpus: Corpus | None) -> str:
    uri = _find(meta, f"{_a('identification')}/{_a('FRBRWork')}/{_a('FRBRuri')}", "FRBRWork/FRBRuri")
    match = _WORK.fullmatch(uri.get("value") or "")
    if match is not None:
        key = (match["date"], match["number"])
        for code in corpus.codes.values() if corpus is not None else ():
            if code.adopted is not None and (code.adopted.isoformat(), code.number) == key:
                return code.id
        for code_id, work in CODE_WORKS.items():
            if work == key:
                return code_id
    raise AknError(f"the work {uri.get('value')!r} is not a code kzlaw knows", *_where(uri))


def _event_date(meta: etree._Element, which: str) -> When | None:
    interval = meta.find(f"{_a('temporalData')}/{_a('temporalGroup')}/{_a('timeInterval')}")
    ref = (interval.get(which) or "") if interval is not None else ""
    for event in meta.iter(_a("eventRef")):
        if ref and event.get("eId") == ref.lstrip("#"):
            return _build(event, When.exact, _attr(event, "date"))
    return None


def _plain_version(act: etree._Element, article: etree._Element, corpus: Corpus | None) -> Version:
    """The version any AKN act holds: texts, parts, circumstances, notes and dates; sanctions and tags unknown."""
    meta = _find(act, _a("meta"), "meta")
    expression = _find(meta, f"{_a('identification')}/{_a('FRBRExpression')}", "FRBRExpression")
    language = _attr(_find(expression, _a("FRBRlanguage"), "FRBRlanguage"), "language")
    codes = {lang.akn: lang.id for lang in corpus.languages.values()} if corpus is not None else {}
    codes.update({v: k for k, v in AKN_LANGUAGES.items() if v not in codes})
    if language not in codes:
        raise AknError(f"language {language!r} is not one kzlaw holds ({', '.join(codes)})", *_where(expression))
    start = _event_date(meta, "start") or _build(
        expression, When.exact, _attr(_find(expression, _a("FRBRdate"), "FRBRdate"), "date")
    )
    authoritative = expression.find(_a("FRBRauthoritative"))
    official = authoritative is not None and authoritative.get("value") == "true"
    this = _attr(_find(expression, _a("FRBRthis"), "FRBRthis"), "value")
    note = "Text status from FRBRauthoritative" + (
        "" if authoritative is not None else " (absent: taken as unofficial)"
    )
    by = _find(meta, _a("identification"), "identification").get("source", "")
    source = Source(by.lstrip("#") or "akn", this, note)
    number = _inline(article.find(_a("num"))).strip() or (article.get("eId") or "").removeprefix("art_")
    parts, wparts = [], {}
    for i, para in enumerate(article.findall(_a("paragraph")), 1):
        num, intro, points, wrap = _pieces(para)
        pnum = num.strip().rstrip(".)") or str(i)
        pid = re.sub(r"[^a-z0-9]+", "-", pnum.lower()).strip("-") or f"p{i}"
        circs = {n.strip().rstrip(".)"): words.strip().rstrip(";,.").strip() for n, words in points}
        items = [_build(para, Circumstance, label) for label in circs]
        parts.append(_build(para, Part, pnum, pid, Sanction(unknown=PLAIN_SANCTION), (), items))
        wparts[pid] = _build(para, PartWording, join_readable(num, intro, points, wrap), circs)
    notes = {_inline(h.find(_a("num"))).strip(): _words(h.find(_a("content"))) for h in _boxes(article, "note")}
    wording = _build(
        article,
        Wording,
        codes[language],
        "official" if official else "unofficial_translation",
        source,
        _inline(article.find(_a("heading"))).strip() or f"Article {number}",
        wparts,
        notes,
    )
    return _build(
        article,
        Version,
        _code_of(meta, corpus),
        number,
        start,
        source,
        valid_to=_event_date(meta, "end"),
        remarks=PLAIN_REMARK,
        parts=parts,
        notes=[Note(label) for label in notes],
        wordings={wording.language: wording},
    )


def _one(xml: bytes, corpus: Corpus | None, check: bool) -> Version:
    root = parse_xml(xml)
    if check:
        validate(root)
    elif etree.QName(root).namespace != AKN_NS:
        validate(root)  # raises the namespace error
    act = root.find(_a("act"))
    if act is None:
        raise AknError("kzlaw reads an AKN <act>; this document holds none", *_where(root[0] if len(root) else root))
    articles = list(act.iter(_a("article")))
    if len(articles) != 1:
        raise AknError(f"kzlaw reads one article per document; this one holds {len(articles)}", *_where(act))
    block = act.find(f"{_a('meta')}/{_a('proprietary')}/{_k('version')}")
    if block is not None:
        return _kzlaw_version(block, articles[0])
    return _plain_version(act, articles[0], corpus)


def from_akn(xml: bytes, *more: bytes, corpus: Corpus | None = None, check: bool = True) -> Version:
    """Read one version from Akoma Ntoso documents: one per language, as :func:`~kzlaw.akn.write.to_akn` wrote them.

    Args:
        xml: A document.
        *more: Documents of the same version in other languages; their wordings are joined.
        corpus: The corpus whose codes and languages identify a plain document's work and language.
        check: Validate each document against the strict schema first.

    Returns:
        The version. From kzlaw's own documents, it equals the version they were written from.

    Raises:
        AknError: A document is hostile, not well-formed, not valid, not an act of one article, names a work
            or language kzlaw does not know, breaks one of the model's invariants, or disagrees with the first
            document on the legal state. The message names the line and the element.
    """
    version = _one(xml, corpus, check)
    wordings = dict(version.wordings)
    for i, other in enumerate(more, 2):
        next_ = _one(other, corpus, check)
        if _state(next_) != _state(version):
            raise AknError(f"document {i} holds another legal state than document 1 ({next_.ref} vs {version.ref})")
        if set(next_.wordings) & set(wordings):
            raise AknError(f"document {i} repeats the {next_.language!r} wording of an earlier document")
        wordings.update(next_.wordings)
    return attrs.evolve(version, wordings=wordings)


def _state(version: Version) -> tuple[object, ...]:
    """Everything of a version but its wordings: what all documents of one version must agree on."""
    return tuple(getattr(version, f.name) for f in attrs.fields(Version) if f.name != "wordings")
