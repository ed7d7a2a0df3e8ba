"""Issue #13: every hostile input of the catalogue (tests/hostile/catalogue.py) gets its documented result.

Statute-folder cases are built from a copy of the bundled data and loaded; the others (reports, dumps,
the API, the command line, terminal and Markdown output) have a test each below, named in the catalogue.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import kzlaw
from kzlaw.cli import main
from kzlaw.loader import bundled_path
from kzlaw.refs import parse_ref
from tests.conftest import reword
from tests.hostile.catalogue import ART, CASES, FOLDER_CASES, Case, build, mutate, rst_table

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("case", FOLDER_CASES, ids=lambda c: f"{c.row}-{c.name}")
def test_hostile_folder(case: Case, tmp_path: Path) -> None:
    root = build(case, tmp_path / "statutes")
    if case.error is None:
        corpus = kzlaw.load(root)
        assert len(corpus) > 0
        return
    with pytest.raises(case.error) as caught:
        kzlaw.load(root)
    err = caught.value
    assert isinstance(err, kzlaw.StatuteError)
    assert err.file == str(root / case.file if case.file else root)
    assert err.path == case.field
    assert case.words in err.problem


def test_every_case_is_documented_and_proved() -> None:
    page = (ROOT / "docs" / "errors.rst").read_text(encoding="utf-8")
    assert rst_table() in page, "docs/errors.rst is stale: run python -m tests.hostile.catalogue --rst"
    names = [c.name for c in CASES]
    assert len(names) == len(set(names))
    assert set(range(1, 21)) <= {c.row for c in CASES}
    here = globals()
    for c in CASES:
        assert (c.build is None) != (c.test == "") or c.outcome == "loads", c.name
        assert c.test == "" or callable(here.get(c.test)), f"{c.name}: no test {c.test}"
        assert c.outcome in ("loads", "works") or c.error is not None, c.name


def test_the_catalogue_writes_its_fixtures(tmp_path: Path) -> None:
    from tests.hostile.catalogue import main as write_fixtures

    assert write_fixtures([str(tmp_path)]) == 0
    assert {p.name for p in tmp_path.iterdir()} == {c.name for c in FOLDER_CASES}


# --- 3, 4: hostile-but-valid data through the report and the diff ------------------------------------------


def _retitle(title: str) -> Callable[[dict[str, Any]], None]:
    """Prefix every wording's title in a statute file with ``title``."""

    def change(data: dict[str, Any]) -> None:
        for version in data["versions"]:
            for wording in version["wordings"].values():
                wording["title"] = f"{title} {wording['title']}"

    return change


def _hostile_but_valid(data: dict[str, Any]) -> None:
    _retitle("$\\frac{$")(data)
    data["versions"][0]["valid_from"] = {
        "earliest": dt.date(1, 1, 1),
        "latest": data["versions"][0]["valid_from"]["latest"],
    }
    for penalty in data["versions"][1]["parts"][0]["sanction"]["main"]:
        if penalty["kind"] == "imprisonment":
            penalty["maximum"] = 800_000_000_000_000_000


def test_report_on_hostile_but_valid_data(statutes: Path, tmp_path: Path) -> None:
    from kzlaw.report import build_report

    mutate(ART, _hostile_but_valid)(statutes)
    corpus = kzlaw.load(statutes)
    v0, v1 = corpus.article("cc1997/128").versions[:2]
    assert v0.title.startswith("$\\frac{$")
    assert v0.valid_from.earliest == dt.date(1, 1, 1)
    assert v1.parts[0].sanction.imprisonment_months()[1] == 12 * 800_000_000_000_000_000
    index = build_report(tmp_path / "out", ["cc1997/128"], corpus)
    html = index.read_text(encoding="utf-8")
    assert "$\\frac{$ " in html
    assert "0001-01-01" in html
    assert "800,000,000,000,000,000 years" in html


def test_diff_of_a_part_with_more_distinct_words_than_unicode_has_characters(corpus: kzlaw.Corpus) -> None:
    n = 1_120_000  # more than the 1,114,112 code points a one-character-per-word encoding can use
    words = " ".join(f"w{i}" for i in range(n))
    old = reword(corpus.version("cc1997/128@2006-03-01"), parts={"base": f"1. {words}"})
    new = corpus.version("cc1997/128@2006-03-02")
    d = kzlaw.diff(old, new, corpus)
    old_side = "".join(t for op, t in d.text if op != 1)
    new_side = "".join(t for op, t in d.text if op != -1)
    assert f" w{n - 1}" in old_side
    assert "w0 " in old_side
    assert "Trafficking in people" in new_side
    assert "w0" not in new_side


# --- 5, 20: report targets ----------------------------------------------------------------------------------


def _report(out: str | Path, corpus: kzlaw.Corpus) -> Path:
    from kzlaw.report import build_report

    return build_report(out, ["cc1997/128"], corpus)


def test_report_targets_give_write_errors(
    corpus: kzlaw.Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a_file = tmp_path / "file"
    a_file.write_text("keep", encoding="utf-8")
    with pytest.raises(kzlaw.WriteError, match="exists and is not a folder") as caught:
        _report(a_file, corpus)
    assert caught.value.path == str(a_file)
    with pytest.raises(kzlaw.WriteError, match="Not a directory") as caught:
        _report(a_file / "sub", corpus)
    assert caught.value.path == str(a_file / "sub")
    assert a_file.read_text(encoding="utf-8") == "keep"
    folder = tmp_path / "has-dir"
    (folder / "index.html").mkdir(parents=True)
    with pytest.raises(kzlaw.WriteError, match="is a folder") as caught:
        _report(folder, corpus)
    assert caught.value.path == str(folder / "index.html")
    assert not (folder / "report.json").exists()  # nothing half-written
    # A read-only folder (simulated: tests may run as root, which ignores permissions).
    from kzlaw import fsio

    def denied(*_: object, **__: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    ro = tmp_path / "ro"
    ro.mkdir()
    monkeypatch.setattr(fsio.tempfile, "mkstemp", denied)
    with pytest.raises(kzlaw.WriteError, match="Permission denied") as caught:
        _report(ro, corpus)
    assert Path(caught.value.path).parent in (ro, ro / "redlines")  # the first file it tried to write
    assert not [p for p in ro.rglob("*") if p.is_file()]
    monkeypatch.undo()
    if os.geteuid() != 0:  # the real thing, where permissions apply
        ro.chmod(0o555)
        try:
            with pytest.raises(kzlaw.WriteError, match="Permission denied"):
                _report(ro, corpus)
        finally:
            ro.chmod(0o755)


def test_report_refuses_a_link_out_and_an_empty_path(
    corpus: kzlaw.Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outside = tmp_path / "outside.html"
    outside.write_text("keep", encoding="utf-8")
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "index.html").symlink_to(outside)
    with pytest.raises(kzlaw.WriteError, match="outside the folder") as caught:
        _report(folder, corpus)
    assert caught.value.path == str(folder / "index.html")
    assert outside.read_text(encoding="utf-8") == "keep"
    monkeypatch.chdir(tmp_path)
    with pytest.raises(kzlaw.WriteError, match="an empty path"):
        _report("", corpus)
    assert not (tmp_path / "index.html").exists()
    assert main(["report", "cc1997/128", "-o", ""]) == 2
    assert not (tmp_path / "index.html").exists()


def test_report_prints_the_size_it_wrote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "big.bin").write_bytes(b"0" * 3_000_000)  # not the report's: must not be counted
    assert main(["report", "cc1997/128", "-o", str(out)]) == 0
    line = capsys.readouterr().out
    index, data = out / "index.html", out / "report.json"
    assert f"index.html {index.stat().st_size / 1024:.0f} KiB" in line
    assert f"report.json {data.stat().st_size / 1024:.0f} KiB" in line
    assert "big.bin" not in line
    assert "2930 KiB" not in line
    assert oct(index.stat().st_mode & 0o077) != "0o0"  # readable like any file the umask allows, not 0600
    assert main(["report", "cc1997/128", "-o", str(out)]) == 0  # over an existing report: replaced


# --- 6: dump never loses data -------------------------------------------------------------------------------


def test_dump_with_a_lone_surrogate_leaves_the_target_intact(corpus: kzlaw.Corpus, tmp_path: Path) -> None:
    art = corpus.article("cc1997/128")
    target = tmp_path / "128.toml"
    kzlaw.dump(art, target)
    before = target.read_bytes()
    bad = attrs.evolve(art, versions=(reword(art.versions[0], title="broken \udc80 title"), *art.versions[1:]))
    with pytest.raises(kzlaw.WriteError, match="lone surrogate") as caught:
        kzlaw.dump(bad, target)
    assert caught.value.path == str(target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["128.toml"]  # no temporary left behind


def test_a_corpus_dump_failing_half_way_leaves_a_loadable_folder(
    corpus: kzlaw.Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kzlaw import fsio

    folder = tmp_path / "dump"
    kzlaw.dump(corpus, folder)
    before = {p: p.read_bytes() for p in folder.rglob("*.toml")}
    art = corpus.article("cc1997/128")
    changed = attrs.evolve(art, versions=(reword(art.versions[0], title="A new title"), *art.versions[1:]))
    other = attrs.evolve(corpus, articles={**corpus.articles, art.ref: changed})
    real, calls = fsio._stage, []

    def full_disk(target: Path, payload: bytes) -> str:
        calls.append(target)
        if len(calls) == 9:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(target, payload)

    monkeypatch.setattr(fsio, "_stage", full_disk)
    with pytest.raises(kzlaw.WriteError, match="No space left on device"):
        kzlaw.dump(other, folder)
    monkeypatch.undo()
    assert {p: p.read_bytes() for p in folder.rglob("*.toml")} == before
    assert not [p for p in folder.rglob("*") if p.name.endswith(".tmp")]
    assert kzlaw.load(folder) == corpus
    kzlaw.dump(other, folder)
    assert kzlaw.load(folder).version("cc1997/128@2006-03-01").title == "A new title"


# --- 7, 10: the API takes what a person passes ----------------------------------------------------------------


def test_api_takes_dates_strings_and_refs_and_refuses_other_types(corpus: kzlaw.Corpus) -> None:
    art = corpus.article("cc1997/128")
    assert art.at(dt.datetime(2007, 1, 1, 12, 30)).ref == "cc1997/128@2006-03-02"
    assert art.at("2006-03-02").ref == "cc1997/128@2006-03-02"
    for bad in (None, 128, b"cc1997/128"):
        with pytest.raises(kzlaw.BadReferenceError, match="is not a reference"):
            corpus.version(bad)  # type: ignore[arg-type]
    ref = parse_ref("cc1997/128@2007-01-01")
    assert kzlaw.align(ref, corpus).ref == "cc1997/128@2006-03-02"
    assert kzlaw.diff(parse_ref("cc1997/128@2006-03-01"), ref, corpus).new.ref == "cc1997/128@2006-03-02"
    with pytest.raises(kzlaw.KzlawError):
        art.at("2006-02-30")


def test_a_day_in_an_uncertain_end_is_ambiguous(corpus: kzlaw.Corpus) -> None:
    # cc1997/128 as the 2010 briefing paper left it: the 2006 wording attested until its date, the end unknown.
    art = corpus.article("cc1997/128")
    end = kzlaw.When(dt.date(2010, 11, 26), dt.date(2015, 1, 1))
    as_in_2010 = attrs.evolve(art, versions=(art.versions[0], attrs.evolve(art.versions[1], valid_to=end)))
    with pytest.raises(kzlaw.AmbiguousDateError, match="attested only until 2010-11-26") as caught:
        as_in_2010.at("2012-01-01")
    assert caught.value.candidates == ("cc1997/128@2006-03-02",)
    assert as_in_2010.at("2010-11-25").ref == "cc1997/128@2006-03-02"
    # In the bundled data: every day inside an uncertain boundary is ambiguous, and every ref names its version.
    for a in corpus:
        for v in a.versions:
            end = v.valid_to
            if end is not None and end.earliest is not None and end.latest is not None and not end.is_exact:
                with pytest.raises(kzlaw.AmbiguousDateError):
                    a.at(end.earliest)
    refs = [v.ref for a in corpus for v in a.versions]
    assert len(refs) == len(set(refs))
    assert all(corpus.version(r).ref == r for r in refs)


# --- 8, 9, 15: the command line and the filesystem --------------------------------------------------------------


def _cli(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    code = "import sys; from kzlaw.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        cwd=ROOT,
        check=False,
    )


def test_ascii_terminal_gets_replacement_characters() -> None:
    done = _cli("diff", "cc1997/128@2006-03-01", "cc1997/128@2006-03-02", "--format", "markdown",
                env={"PYTHONIOENCODING": "ascii"})  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "<del>" in done.stdout
    assert "?" in done.stdout
    assert "→" not in done.stdout


def test_fifo_and_device_links_do_not_hang(statutes: Path) -> None:
    os.mkfifo(statutes / "cc1997" / "555.toml")
    done = _cli("--data", str(statutes), "list", timeout=30)
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0
    assert "555.toml: is not a regular file" in done.stderr
    (statutes / "cc1997" / "555.toml").unlink()
    (statutes / "cc1997" / "556.toml").symlink_to("/dev/zero")
    done = _cli("--data", str(statutes), "list", timeout=30)
    assert done.returncode == 2
    assert "556.toml: is a link to /dev/zero, outside the folder" in done.stderr


def test_a_file_over_the_size_limit_is_refused(statutes: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KZLAW_MAX_FILE_BYTES", "1000")
    with pytest.raises(kzlaw.StatuteSyntaxError, match="over the limit of 1,000") as caught:
        kzlaw.load(statutes)
    assert caught.value.file.endswith(".toml")


def test_any_folder_is_not_a_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    (tmp_path / "passwd").write_text("root:x:0:0\n", encoding="utf-8")
    (tmp_path / "conf.d").mkdir()
    with pytest.raises(kzlaw.StatuteError, match="holds no statute files"):
        kzlaw.load(tmp_path)
    assert main(["--data", "/etc", "list"]) == 2
    assert main(["--data", str(tmp_path), "report", "-o", str(tmp_path / "r")]) == 2
    assert not (tmp_path / "r" / "index.html").exists()
    monkeypatch.chdir(bundled_path())  # '' must not mean the current folder, even a statute folder
    with pytest.raises(kzlaw.StatuteError, match="an empty path"):
        kzlaw.load("")
    assert main(["--data", "", "list"]) == 2
    err = capsys.readouterr().err
    assert err.count("kzlaw: error:") == 3
    assert "Traceback" not in err


# --- 13, 17, 18, 19: what the data can make the output do ------------------------------------------------------


def test_an_article_128a_lists_and_reports(statutes: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (statutes / ART).read_text(encoding="utf-8").replace('number = "128"', 'number = "128a"')
    (statutes / "cc1997" / "128a.toml").write_text(text, encoding="utf-8")
    corpus = kzlaw.load(statutes)
    assert corpus.version("cc1997/128a@2006-03-02").article == "128a"
    refs = [a.ref for a in corpus.select("cc1997")]
    assert refs.index("cc1997/128a") == refs.index("cc1997/128") + 1
    assert main(["--data", str(statutes), "list", "--code", "cc1997"]) == 0
    assert "cc1997/128a" in capsys.readouterr().out
    assert main(["--data", str(statutes), "report", "cc1997/128a", "cc1997/128", "-o", str(tmp_path / "r")]) == 0
    data = json.loads((tmp_path / "r" / "report.json").read_text(encoding="utf-8"))
    assert [a["ref"] for a in data["articles"]] == ["cc1997/128a", "cc1997/128"]


def test_show_json_lineage_held_is_a_boolean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "cc2014/134", "--json"]) == 0
    lineage = json.loads(capsys.readouterr().out)["lineage"]
    assert {link["ref"]: link["held"] for link in lineage} == {"cc1997/132-1": False}
    assert main(["show", "cc2014/128@latest", "--json"]) == 0
    held = [link["held"] for link in json.loads(capsys.readouterr().out)["lineage"]]
    assert held == [True]


HOSTILE = "\x1b]0;pwned\x07 \x1b[2J \x1b]52;c;ZXZpbA==\x07 \u202eevil\u202c \x9b31m"


def test_terminal_controls_are_shown_not_obeyed(statutes: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kzlaw.present import html

    mutate(ART, _retitle(HOSTILE))(statutes)
    corpus = kzlaw.load(statutes)
    assert HOSTILE in corpus.article("cc1997/128").title
    for argv in (["list"], ["show", "cc1997/128"], ["diff", "cc1997/128@2006-03-01", "cc1997/128@2006-03-02"],
                 ["diff", "cc1997/128", "--format", "markdown"], ["show", "cc1997/128@2006-03-02"]):  # fmt: skip
        assert main(["--data", str(statutes), *argv]) == 0
        out = capsys.readouterr().out
        assert not set(out) & {"\x1b", "\x07", "\u202e", "\u202c", "\x9b"}, argv
        assert "U+001B" in out, argv
        assert "U+202E" in out, argv
    page = html.render(corpus.version("cc1997/128@2006-03-02"))
    assert "\x1b" not in page
    assert "U+001B" in page
    assert "U+202E" in page


def test_markdown_lone_carriage_return_is_a_plain_line_break(corpus: kzlaw.Corpus) -> None:
    from kzlaw.present.markdown import esc

    for text in ("harmless\r# Injected heading", "a\r\r- item\r> quote\r1. list", "x\r\n# y", "x\r    code"):
        lines = esc(text).split("\n")
        assert "\r" not in esc(text)
        assert not any(line.lstrip().startswith(("#", "- ", ">", "1.")) for line in lines[1:]), lines
    old = corpus.version("cc1997/128@2006-03-02")
    new = reword(old, title="Trafficking\r# Injected heading")
    md = kzlaw.diff(old, new, corpus).to_markdown()
    assert "\n# Injected" not in md
    assert "\r" not in md


@pytest.fixture(autouse=True)
def _no_leftovers() -> Iterator[None]:
    """No test of this file may write into the repository (``-o ""`` once wrote there)."""
    before = {p.name for p in ROOT.iterdir()}
    yield
    assert {p.name for p in ROOT.iterdir()} - before == set()
