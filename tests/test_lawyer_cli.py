"""What a lawyer gets on the command line and in Word (issue #14): labels, CSV, docx, latest, --version."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import kzlaw
from kzlaw.cli import main
from kzlaw.present.docx import read_docx_text

REFORM = ("cc1997/128@2006-03-01", "cc1997/128@2006-03-02")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_version_and_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"kzlaw {kzlaw.__version__}"
    with pytest.raises(SystemExit):
        main(["diff", "--help"])
    assert "examples:" in capsys.readouterr().out


def test_coverage_columns_are_told_apart(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "align", "cc1997/128")
    assert code == 0
    assert "[1] cc1997/128@2006-03-01" in out
    assert "[2] cc1997/128@2006-03-02" in out


def test_penalty_columns_keep_eu_base_and_aggravated_apart(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "penalties", "cc1997/128@2007-01-01")
    head = out.splitlines()[0]
    assert "EU base" in head
    assert "EU aggr." in head
    widths = {len(line) for line in out.splitlines()[2:6]}
    assert len(widths) <= 2  # rows line up (trailing spaces are stripped, so at most two lengths)


@pytest.mark.parametrize("command", ["align", "penalties"])
def test_csv(capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, out, _ = run(capsys, command, "cc1997/128", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows
    assert {"ref"} <= set(rows[0])
    refs = {r["ref"] for r in rows}
    assert refs == {"cc1997/128@2006-03-01", "cc1997/128@2006-03-02", "cc1997/128@2013-anti-trafficking"}


def test_diff_changes_as_csv(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diff", *REFORM, "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {"old", "new", "kind", "summary"} <= set(rows[0])
    assert "maximum term across the article raised from 8 years to 15 years" in {r["summary"] for r in rows}


def test_ambiguous_date_tells_a_cli_user_what_to_type(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", "cc2014/128@2020-01-10")
    assert code == 2
    assert "Name one of them (e.g. cc2014/128@292-VI)" in err
    assert "candidates()" not in err


def test_latest_and_lookup(corpus: kzlaw.Corpus) -> None:
    assert corpus.version("cc2014/128@latest").amended_by == "111-VIII"
    found = corpus.lookup("cc1997/128@2007-01-01")
    assert found.certain
    assert found.version.ref == "cc1997/128@2006-03-02"
    with pytest.raises(kzlaw.AmbiguousDateError):
        corpus.lookup("cc2014/128@2020-01-10")  # the candidates differ in their sanctions


def test_lookup_answers_when_the_candidates_read_the_same(corpus: kzlaw.Corpus) -> None:
    import attrs

    art = corpus.article("cc2014/309")
    # two versions with the same legal content and an uncertain boundary between them
    first, second = art.versions[0], art.versions[1]
    same = attrs.evolve(second, parts=first.parts, notes=first.notes, definitions=first.definitions)
    twin = attrs.evolve(corpus, articles={**corpus.articles, art.ref: attrs.evolve(art, versions=(first, same))})
    day = same.valid_from.earliest or same.valid_from.latest
    assert day is not None
    if same.valid_from.is_exact:
        pytest.skip("cc2014/309's versions now have an exact boundary; nothing uncertain to look up")
    found = twin.lookup(f"cc2014/309@{day.isoformat()}")
    assert not found.certain
    assert "read the same in law" in found.explanation


def test_docx_redline_accepts_to_the_new_text(tmp_path: Path) -> None:
    d = kzlaw.diff(*REFORM)
    path = d.to_docx(tmp_path / "redline.docx")
    data = path.read_bytes()
    accepted, rejected = read_docx_text(data, accept=True), read_docx_text(data, accept=False)
    new_w, old_w = d.new.wording("en"), d.old.wording("en")
    assert new_w.title in accepted
    assert old_w.title in rejected
    for p in d.new.parts:
        assert new_w.part(p.id) in accepted
    for p in d.old.parts:
        assert old_w.part(p.id) in rejected
    assert b'w:author="kzlaw"' in _document(data)
    assert b'w:date="2006-03-02T00:00:00Z"' in _document(data)


def test_docx_from_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.docx"
    code, text, _ = run(capsys, "diff", "cc2014/128", "--format", "docx", "-o", str(out))
    assert code == 0
    assert out.is_file()
    assert "tracked changes" in text
    code, _, err = run(capsys, "diff", "cc2014/128", "--format", "docx")
    assert code == 2
    assert "-o FILE.docx" in err


def test_summaries_show_penalty_changes_in_the_redline() -> None:
    d = kzlaw.diff("cc2014/128@2015-01-01", "cc2014/128@292-VI", language="en")
    assert "[Sanction, part 1: imprisonment 3-5 years" in d.redline.old
    assert "[Sanction, part 1: imprisonment 4-7 years" in d.redline.new
    kept = "".join(t for op, t in d.text if op == 0)
    assert "imprisonment 3-5 years" not in kept  # the change is marked, not kept


def _document(data: bytes) -> bytes:
    import zipfile

    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")


def test_json_of_life_imprisonment_is_null_when_unknown(capsys: pytest.CaptureFixture[str]) -> None:
    """show --json and penalties --json agree: unknown is null in both, never false."""
    _, out, _ = run(capsys, "penalties", "cc2014/134@2015-01-01", "--json")
    rows = json.loads(out)
    _, out, _ = run(capsys, "show", "cc2014/134@2015-01-01", "--json")
    parts = json.loads(out)["parts"]
    for row, part in zip(rows, parts, strict=True):
        assert row["life_imprisonment"] == part["life_imprisonment"]
