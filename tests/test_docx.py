"""Redlines as .docx files with real tracked revisions: accepting every revision gives the new text,
rejecting every one the old, paragraph by paragraph; the package is well-formed; LibreOffice opens it."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzlaw.errors import KzlawError
from kzlaw.present.docx import (
    DocxInputError,
    DocxParagraph,
    DocxReadError,
    DocxWriteError,
    docx_bytes,
    read_docx_text,
    write_docx,
)
from tests.conftest import FUZZ_SCALE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DAY = dt.date(2006, 3, 2)

OPS: list[tuple[tuple[int, str], ...]] = [
    ((0, "Кто "), (-1, "вербует"), (1, "вербует и перевозит"), (0, " людей")),
    ((0, "by "), (-1, "way"), (1, "means"), (0, " of "), (-1, "deception"), (1, "deceit")),
    ((1, "Қазақстан Республикасы 𝔸𝔹 🇰🇿 "), (0, "kept"), (-1, " 😀 gone")),
    ((0, "a & b < c > d \"e\" 'f' ]]> &amp;"), (-1, "<w:t>x</w:t>"), (1, "&lt;")),
    ((0, "2. The same act committed:\na) by a group;\n"), (-1, "b) old\n"), (1, "b) new\nc) added\n"), (0, "tail")),
    ((0, ""), (1, ""), (-1, ""), (0, "only kept")),
    ((1, "  leading and trailing spaces  "), (-1, " "), (0, "\t tab\t")),
    ((1, "wholly new paragraph"),),
    ((-1, "wholly repealed paragraph"),),
    (),
]


def side(ops: Sequence[tuple[int, str]], accept: bool) -> str:
    drop = -1 if accept else 1
    return "".join(text for op, text in ops if op != drop)


def expected(paragraphs: Sequence[DocxParagraph], accept: bool, front: Sequence[str]) -> list[str]:
    out = list(front)
    for para in paragraphs:
        out += [para.heading] if para.heading is not None else []
        out.append(side(para.ops, accept))
    return out


def parts(data: bytes) -> dict[str, ET.Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: ET.fromstring(archive.read(name)) for name in archive.namelist()}


def revisions(data: bytes) -> list[ET.Element]:
    body = parts(data)["word/document.xml"]
    return [e for e in body.iter() if e.tag in (W + "ins", W + "del")]


@pytest.fixture
def paragraphs() -> list[DocxParagraph]:
    return [DocxParagraph(f"Part {i}" if i % 2 else None, ops) for i, ops in enumerate(OPS, 1)]


@pytest.mark.parametrize("ops", OPS)
def test_each_op_list_round_trips(ops: tuple[tuple[int, str], ...]) -> None:
    data = docx_bytes(title="T", subtitle_lines=[], paragraphs=[DocxParagraph(None, ops)])
    assert read_docx_text(data, accept=True) == ["T", side(ops, True)]
    assert read_docx_text(data, accept=False) == ["T", side(ops, False)]


def test_whole_document_round_trips(paragraphs: list[DocxParagraph]) -> None:
    front = ["Article 128 & <128-1>", "Criminal Code of 1997", "2 March 2006: Қазақстан", "Legend: underlined = new"]
    data = docx_bytes(title=front[0], subtitle_lines=front[1:3], paragraphs=paragraphs, date=DAY, legend=front[3])
    accepted, rejected = read_docx_text(data, accept=True), read_docx_text(data, accept=False)
    assert accepted == expected(paragraphs, True, front)
    assert rejected == expected(paragraphs, False, front)
    assert accepted != rejected


@settings(max_examples=200 * FUZZ_SCALE, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([-1, 0, 1]),
            st.text(
                st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff")
                | st.sampled_from("\n\t"),
                max_size=12,
            ),
        ),
        max_size=8,
    )
)
def test_any_valid_text_round_trips(ops: list[tuple[int, str]]) -> None:
    data = docx_bytes(title="", subtitle_lines=[], paragraphs=[DocxParagraph(None, tuple(ops))])
    assert read_docx_text(data, accept=True)[1] == side(ops, True)
    assert read_docx_text(data, accept=False)[1] == side(ops, False)


def test_xml_invalid_characters_are_replaced_visibly() -> None:
    bad = "a\x00b\x01c\x1fd\ud800e\udfff\ufffef\uffffg\x0bh"
    data = docx_bytes(
        title=bad, subtitle_lines=[bad], paragraphs=[DocxParagraph(bad, ((1, bad), (-1, bad)))], author=bad
    )
    parts(data)  # every part parses
    clean = "a\ufffdb\ufffdc\ufffdd\ufffde\ufffd\ufffdf\ufffdg\ufffdh"
    assert read_docx_text(data, accept=True) == [clean, clean, clean, clean]
    assert {e.get(W + "author") for e in revisions(data)} == {clean}


def test_carriage_returns_are_line_breaks() -> None:
    data = docx_bytes(title="T", subtitle_lines=[], paragraphs=[DocxParagraph(None, ((0, "a\r\nb\rc\nd"),))])
    assert read_docx_text(data, accept=True) == ["T", "a\nb\nc\nd"]
    assert len(list(parts(data)["word/document.xml"].iter(W + "br"))) == 3


def test_package_is_complete_and_well_formed(paragraphs: list[DocxParagraph]) -> None:
    data = docx_bytes(title="Article 128", subtitle_lines=["cc1997"], paragraphs=paragraphs, date=DAY)
    xml = parts(data)
    assert set(xml) == {
        "[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml",
        "word/styles.xml", "word/settings.xml", "docProps/core.xml",
    }  # fmt: skip
    overrides = {e.get("PartName") for e in xml["[Content_Types].xml"]}
    assert {"/word/document.xml", "/word/styles.xml", "/word/settings.xml", "/docProps/core.xml"} <= overrides
    targets = {e.get("Target") for e in xml["_rels/.rels"]} | {
        "word/" + str(e.get("Target")) for e in xml["word/_rels/document.xml.rels"]
    }
    assert targets == {"word/document.xml", "docProps/core.xml", "word/styles.xml", "word/settings.xml"}
    assert xml["word/settings.xml"].find(W + "trackRevisions") is not None
    styles = {e.get(W + "styleId") for e in xml["word/styles.xml"].iter(W + "style")}
    assert {"Normal", "Title", "Subtitle", "Heading1"} <= styles
    fonts = next(xml["word/styles.xml"].iter(W + "rFonts"))
    assert fonts.get(W + "ascii") == fonts.get(W + "hAnsi") == "Times New Roman"
    core = xml["docProps/core.xml"]
    assert core.findtext("{http://purl.org/dc/elements/1.1/}title") == "Article 128"
    assert core.findtext("{http://purl.org/dc/elements/1.1/}creator") == "kzlaw"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist()[0] == "[Content_Types].xml"
        assert archive.testzip() is None


def test_revisions_have_unique_ids_author_and_date(paragraphs: list[DocxParagraph]) -> None:
    data = docx_bytes(title="T", subtitle_lines=[], paragraphs=paragraphs, author="kzlaw test", date=DAY)
    revs = revisions(data)
    assert len(revs) == sum(1 for p in paragraphs for op, text in p.ops if op != 0 and text)
    ids = [e.get(W + "id") for e in revs]
    assert len(set(ids)) == len(ids)
    assert {e.get(W + "author") for e in revs} == {"kzlaw test"}
    assert {e.get(W + "date") for e in revs} == {"2006-03-02T00:00:00Z"}
    body = parts(data)["word/document.xml"]
    for rev in revs:  # deleted text only as w:delText inside w:del, inserted only as w:t inside w:ins
        texts = {e.tag for e in rev.iter() if e.tag in (W + "t", W + "delText")}
        assert texts == {W + ("t" if rev.tag == W + "ins" else "delText")}
    assert sum(1 for _ in body.iter(W + "delText")) == sum(
        1 for r in revs if r.tag == W + "del" for _ in r.iter(W + "delText")
    )


def test_without_a_date_revisions_are_undated_and_bytes_are_reproducible(paragraphs: list[DocxParagraph]) -> None:
    data = docx_bytes(title="T", subtitle_lines=[], paragraphs=paragraphs)
    assert revisions(data)
    assert all(e.get(W + "date") is None for e in revisions(data))
    assert data == docx_bytes(title="T", subtitle_lines=[], paragraphs=paragraphs)


def test_lists_of_operations_become_tuples() -> None:
    assert DocxParagraph(None, [(0, "a"), [1, "b"]]).ops == ((0, "a"), (1, "b"))


@pytest.mark.parametrize("ops", [((2, "x"),), ((0, 5),), ((0,),), "ab", ("ab",), {(0, "x")}, None])
def test_bad_operations_are_refused(ops: object) -> None:
    with pytest.raises(DocxInputError, match="op"):
        DocxParagraph(None, ops)  # type: ignore[arg-type]


def test_read_refuses_what_is_not_a_docx() -> None:
    with pytest.raises(DocxReadError):
        read_docx_text(b"not a zip", accept=True)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document")
    with pytest.raises(DocxReadError):
        read_docx_text(buffer.getvalue(), accept=True)


def test_write_replaces_atomically(tmp_path: Path, paragraphs: list[DocxParagraph]) -> None:
    target = tmp_path / "redline.docx"
    target.write_bytes(b"old")
    write_docx(target, title="T", subtitle_lines=["s"], paragraphs=paragraphs, date=DAY)
    assert target.read_bytes() == docx_bytes(title="T", subtitle_lines=["s"], paragraphs=paragraphs, date=DAY)
    assert os.listdir(tmp_path) == ["redline.docx"]


@pytest.mark.parametrize("where", ["missing/redline.docx", "a-folder"])
def test_write_errors_name_the_path_and_leave_nothing(tmp_path: Path, where: str) -> None:
    (tmp_path / "a-folder").mkdir()
    (tmp_path / "a-folder" / "keep").write_text("x")
    target = tmp_path / where
    with pytest.raises(DocxWriteError, match="cannot write") as caught:
        write_docx(target, title="T", subtitle_lines=[], paragraphs=[])
    assert isinstance(caught.value, KzlawError)
    assert isinstance(caught.value, OSError)
    assert str(target) in str(caught.value)
    assert sorted(os.listdir(tmp_path)) == ["a-folder"]
    assert os.listdir(tmp_path / "a-folder") == ["keep"]


SOFFICE, PDFTOTEXT = shutil.which("soffice"), shutil.which("pdftotext")


@pytest.mark.skipif(
    SOFFICE is None or PDFTOTEXT is None, reason="install LibreOffice (libreoffice-writer-nogui) and poppler-utils"
)
def test_libreoffice_opens_it_and_shows_the_revisions(tmp_path: Path) -> None:
    ops = ((0, "Кто "), (-1, "обманом вербует"), (1, "вербует, перевозит"), (0, " людей"), (1, " Inserted-Latin-Word"))
    write_docx(
        tmp_path / "redline.docx", title="Статья 128", subtitle_lines=["Article 128"],
        paragraphs=[DocxParagraph("Part 1", ops)], date=DAY,
    )  # fmt: skip
    profile = (tmp_path / "profile").as_uri()  # a profile of its own, so a running LibreOffice does not interfere
    for target in ("pdf", "docx:MS Word 2007 XML"):
        subprocess.run(
            [str(SOFFICE), f"-env:UserInstallation={profile}", "--headless", "--convert-to", target, "--outdir",
             str(tmp_path / "out"), str(tmp_path / "redline.docx")],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
    # LibreOffice read the revisions as revisions: it writes them back, and accepting or rejecting them all gives the same texts.
    ours, theirs = (tmp_path / "redline.docx").read_bytes(), (tmp_path / "out" / "redline.docx").read_bytes()
    for accept in (True, False):
        assert read_docx_text(theirs, accept=accept) == read_docx_text(ours, accept=accept)
    assert {e.get(W + "author") for e in revisions(theirs)} == {"kzlaw"}
    assert {e.get(W + "date") for e in revisions(theirs)} == {"2006-03-02T00:00:00Z"}
    pdf = tmp_path / "out" / "redline.pdf"
    assert pdf.stat().st_size > 1000
    text = subprocess.run([str(PDFTOTEXT), str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    words = " ".join(text.split())
    assert "Статья 128" in words
    assert "Part 1" in words
    # LibreOffice prints the document with its changes shown: the inserted words, and the deleted ones struck through.
    assert "вербует, перевозит" in words
    assert "Inserted-Latin-Word" in words
    assert "обманом" in words
