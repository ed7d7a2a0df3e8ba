r"""Word documents (.docx) whose changes are real tracked revisions, for redlines.

A redline written here opens in Word or LibreOffice with every change as a revision the reader can
accept or reject one by one: inserted text sits in ``<w:ins>``, deleted text in ``<w:del>`` (as
``<w:delText>``), each with the author and, when given, the amending law's date. Revision tracking is
switched on in the document's settings, so the reader's own edits are tracked too.

Only the standard library is used (``zipfile``, ``xml``). The output is deterministic: the same input
gives the same bytes.

Text is written as given, except:

* characters XML 1.0 forbids (C0 controls other than tab, newline and carriage return; lone
  surrogates; U+FFFE and U+FFFF) are replaced by U+FFFD ``�``, visibly, so the file is never broken;
* ``\r\n`` and ``\r`` are line breaks like ``\n``: each becomes ``<w:br/>`` (read back as ``\n``);
* a tab becomes ``<w:tab/>`` (read back as ``\t``).
"""

from __future__ import annotations

import datetime
import errno
import io
import os
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import attrs

from kzlaw.errors import KzlawError, WriteError
from kzlaw.fsio import write_atomic

__all__ = [
    "DocxInputError",
    "DocxParagraph",
    "DocxReadError",
    "DocxWriteError",
    "docx_bytes",
    "read_docx_text",
    "write_docx",
]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_PIECE = re.compile(r"\r\n|[\r\n\t]|[^\r\n\t]+")
_FONT = "Times New Roman"  # on every Windows and Mac; LibreOffice substitutes the metric-compatible Liberation Serif


class DocxInputError(KzlawError, ValueError):
    """A paragraph's operations are not diff-match-patch operations ``(-1 | 0 | 1, str)``."""


class DocxWriteError(KzlawError, OSError):
    """The .docx file could not be written; the message names the path and the system's reason."""


class DocxReadError(KzlawError, ValueError):
    """The bytes are not a .docx package with a well-formed ``word/document.xml``."""


def _as_ops(ops: Iterable[Sequence[object]]) -> tuple[object, ...]:
    if not isinstance(ops, (list, tuple)):
        raise DocxInputError(f"ops must be a sequence of (op, text) pairs, not {type(ops).__name__}")
    return tuple(tuple(pair) if isinstance(pair, list) else pair for pair in ops)


def _check_ops(instance: DocxParagraph, attribute: attrs.Attribute[Any], ops: tuple[object, ...]) -> None:
    for i, pair in enumerate(ops):
        if not (isinstance(pair, tuple) and len(pair) == 2 and pair[0] in (-1, 0, 1) and isinstance(pair[1], str)):
            raise DocxInputError(f"ops[{i}] is {pair!r}; an operation is (-1 | 0 | 1, str)")


@attrs.frozen
class DocxParagraph:
    """One paragraph of a redline: an optional heading above it, and its diff.

    Attributes:
        heading: A heading written above the paragraph as its own, unrevised paragraph (``"Part 2"``), or None.
        ops: diff-match-patch operations ``(op, text)``: -1 deleted, 0 kept, 1 inserted. The kept and
            inserted texts make the new wording; the kept and deleted ones the old. A list (as
            ``diff_main`` returns) is made a tuple; anything but ``(-1 | 0 | 1, str)`` pairs raises
            :class:`DocxInputError`.
    """

    heading: str | None
    ops: tuple[tuple[int, str], ...] = attrs.field(converter=_as_ops, validator=_check_ops)


def _clean(text: str) -> str:
    return _INVALID.sub("\ufffd", text)


def _run_content(text: str, tag: str) -> Iterator[str]:
    for piece in _PIECE.findall(_clean(text)):
        if piece == "\t":
            yield "<w:tab/>"
        elif piece in ("\n", "\r", "\r\n"):
            yield "<w:br/>"
        else:
            yield f'<w:{tag} xml:space="preserve">{escape(piece)}</w:{tag}>'


def _plain(text: str, style: str, *, italic: bool = False) -> str:
    rpr = "<w:rPr><w:i/></w:rPr>" if italic else ""
    body = "".join(_run_content(text, "t"))
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r>{rpr}{body}</w:r></w:p>'


def _document(
    title: str, subtitles: Sequence[str], paragraphs: Sequence[DocxParagraph], who: str, legend: str | None
) -> str:
    out = [_plain(title, "Title")]
    out += [_plain(line, "Subtitle") for line in subtitles]
    if legend is not None:
        out.append(_plain(legend, "Normal", italic=True))
    rev = 0
    for para in paragraphs:
        if para.heading is not None:
            out.append(_plain(para.heading, "Heading1"))
        runs: list[str] = []
        for op, text in para.ops:
            if not text:
                continue
            if op == 0:
                runs.append(f"<w:r>{''.join(_run_content(text, 't'))}</w:r>")
            else:
                rev += 1
                tag, inner = ("ins", "t") if op == 1 else ("del", "delText")
                runs.append(f'<w:{tag} w:id="{rev}"{who}><w:r>{"".join(_run_content(text, inner))}</w:r></w:{tag}>')
        out.append(f"<w:p>{''.join(runs)}</w:p>")
    section = (
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1418" '
        'w:header="709" w:footer="709" w:gutter="0"/>'
        "</w:sectPr>"
    )
    return f'{_XML}<w:document xmlns:w="{_W}"><w:body>{"".join(out)}{section}</w:body></w:document>'


_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_PKG = "http://schemas.openxmlformats.org/package/2006"
_OFF = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CONTENT_TYPES = (
    f'{_XML}<Types xmlns="{_PKG}/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/settings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    f'{_XML}<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_OFF}/officeDocument" Target="word/document.xml"/>'
    f'<Relationship Id="rId2" Type="{_PKG}/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    "</Relationships>"
)
_DOC_RELS = (
    f'{_XML}<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_OFF}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{_OFF}/settings" Target="settings.xml"/>'
    "</Relationships>"
)
_SETTINGS = (
    f'{_XML}<w:settings xmlns:w="{_W}"><w:zoom w:percent="100"/><w:trackRevisions/><w:defaultTabStop w:val="709"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" '
    'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
    "</w:compat></w:settings>"
)


def _style(sid: str, name: str, ppr: str, rpr: str) -> str:
    return (
        f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/>'
        f'<w:next w:val="Normal"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>'
    )


_STYLES = (
    f'{_XML}<w:styles xmlns:w="{_W}"><w:docDefaults><w:rPrDefault><w:rPr>'
    f'<w:rFonts w:ascii="{_FONT}" w:hAnsi="{_FONT}" w:eastAsia="{_FONT}" w:cs="{_FONT}"/>'
    '<w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
    '</w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    "<w:qFormat/></w:style>"
    + _style("Title", "Title", '<w:spacing w:after="240"/><w:jc w:val="center"/>', '<w:b/><w:sz w:val="36"/>')
    + _style("Subtitle", "Subtitle", '<w:jc w:val="center"/>', '<w:color w:val="404040"/><w:sz w:val="26"/>')
    + _style(
        "Heading1",
        "heading 1",
        '<w:keepNext/><w:spacing w:before="240" w:after="80"/><w:jc w:val="left"/><w:outlineLvl w:val="0"/>',
        '<w:b/><w:sz w:val="26"/>',
    )
    + "</w:styles>"
)


def _core(title: str, author: str, stamp: str | None) -> str:
    created = f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>' if stamp else ""
    return (
        f"{_XML}<cp:coreProperties "
        f'xmlns:cp="{_PKG}/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(_clean(title))}</dc:title><dc:creator>{escape(_clean(author))}</dc:creator>{created}"
        "</cp:coreProperties>"
    )


def docx_bytes(
    *,
    title: str,
    subtitle_lines: Sequence[str],
    paragraphs: Sequence[DocxParagraph],
    author: str = "kzlaw",
    date: datetime.date | None = None,
    legend: str | None = None,
) -> bytes:
    """A .docx package of a redline: a title, subtitle lines, an optional legend, then the paragraphs.

    Args:
        title: The document's title (a Title paragraph, and the title in the document's properties).
        subtitle_lines: Lines below the title, one Subtitle paragraph each.
        paragraphs: The redlined paragraphs, in order; each heading becomes a Heading 1 paragraph above its text.
        author: The author of every revision, and the document's creator.
        date: The date of every revision (the amending law's date, written ``YYYY-MM-DDT00:00:00Z``), or None
            to leave revisions undated.
        legend: An italic paragraph below the subtitles (for example, what the revisions mean), or None.

    Returns:
        The bytes of the .docx file. XML-invalid characters are replaced by U+FFFD (see the module docstring).
    """
    stamp = None if date is None else f"{date.isoformat()}T00:00:00Z"
    who = f" w:author={quoteattr(_clean(author))}" + ("" if stamp is None else f' w:date="{stamp}"')
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _ROOT_RELS,
        "docProps/core.xml": _core(title, author, stamp),
        "word/_rels/document.xml.rels": _DOC_RELS,
        "word/document.xml": _document(title, subtitle_lines, paragraphs, who, legend),
        "word/styles.xml": _STYLES,
        "word/settings.xml": _SETTINGS,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in parts.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))  # fixed, so the bytes are reproducible
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, xml.encode("utf-8"))
    return buffer.getvalue()


def write_docx(path: str | os.PathLike[str], **content: Any) -> None:
    """Write :func:`docx_bytes` to ``path`` atomically: a temporary file in the same folder, then a rename.

    Args:
        path: The .docx file to create or replace (its folder must exist).
        **content: The keyword arguments of :func:`docx_bytes` (``title``, ``subtitle_lines``, ``paragraphs``,
            ``author``, ``date``, ``legend``).

    Raises:
        DocxWriteError: The folder is missing or not writable, the disk is full, or the rename failed;
            an existing file at ``path`` is then left as it was.
    """
    target = Path(path)
    if not target.parent.is_dir():  # a .docx is written into a folder that exists; none is created for it
        raise DocxWriteError(errno.ENOENT, "cannot write the .docx file: No such file or directory", str(target))
    try:
        write_atomic(target, docx_bytes(**content))
    except WriteError as error:
        raise DocxWriteError(errno.EIO, f"cannot write the .docx file: {error.problem}", str(target)) from error


def read_docx_text(data: bytes, *, accept: bool) -> list[str]:
    r"""The text of each paragraph of a .docx file, with every revision accepted or every one rejected.

    Args:
        data: The bytes of a .docx file.
        accept: True keeps inserted text and drops deleted text (the new wording); False does the reverse (the old).

    Returns:
        One string per paragraph of the body, in order; a line break reads as ``\n``, a tab as ``\t``.

    Raises:
        DocxReadError: The bytes are not a zip holding a well-formed ``word/document.xml``.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            root = ET.fromstring(archive.read("word/document.xml"))
    except (zipfile.BadZipFile, KeyError, ET.ParseError) as error:
        raise DocxReadError(f"not a readable .docx file: {error}") from error
    show = {
        f"{{{_W}}}ins": accept,
        f"{{{_W}}}moveTo": accept,
        f"{{{_W}}}del": not accept,
        f"{{{_W}}}moveFrom": not accept,
    }
    texts = {f"{{{_W}}}t", f"{{{_W}}}delText"}
    breaks = {f"{{{_W}}}br": "\n", f"{{{_W}}}cr": "\n", f"{{{_W}}}tab": "\t"}

    def walk(element: ET.Element, out: list[str]) -> None:
        for child in element:
            if child.tag in (f"{{{_W}}}pPr", f"{{{_W}}}rPr"):
                continue
            if child.tag in texts:
                out.append(child.text or "")
            elif child.tag in breaks:
                out.append(breaks[child.tag])
            elif show.get(child.tag, True):
                walk(child, out)

    result = []
    for paragraph in root.iter(f"{{{_W}}}p"):
        out: list[str] = []
        walk(paragraph, out)
        result.append("".join(out))
    return result
