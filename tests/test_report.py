from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import attrs
import pytest

import kzlaw
from kzlaw.cli import main
from kzlaw.report import build_report
from kzlaw.report.sections import public
from tests.htmlcheck import check


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_report(tmp_path_factory.mktemp("report"))


@pytest.fixture(scope="module")
def text(report: Path) -> str:
    return report.read_text(encoding="utf-8")


def test_report_is_well_formed_and_complete(text: str) -> None:
    parsed = check(text)
    corpus = kzlaw.load()
    for art in corpus.select(role="offence"):
        assert f'id="v-{art.ref.replace("/", "-")}"' in text
        for v in art.versions:
            assert v.ref in text
    for heading in ("Summary of findings", "What each amendment changed", "Where the law falls short",
                    "Penalties against the benchmarks", "Coverage of the UN Protocol", "Penalties across articles",
                    "Penalty history", "Amendments", "Protocol alignment", "Uncertainties", "Amending laws",
                    "Sources"):  # fmt: skip
        assert heading in text
    assert {"svg", "del", "ins", "details", "table"} <= set(parsed.tags)


def test_summary_speaks_in_words(text: str) -> None:
    summary = text[text.index("Summary of findings") : text.index("<nav>")]
    assert "Criminal Code 1997, art. 128, as amended by" in summary
    assert "maximum raised from 8 to 15 years" in summary
    assert "moved from the base offence to an aggravating circumstance (part 2(h))" in summary
    assert "servitude" in summary  # absent from every provision of both codes
    assert "Below “UN Convention: serious crime (maximum of 4 years or more)”: art. 126 part 1" in summary
    for bare in ("abuse_of_vulnerability", "sanction.maximum_raised", "means.deception", "untoc.serious_crime"):
        assert bare not in summary


def test_ids_never_stand_alone(text: str) -> None:
    # Benchmark and element ids appear only small beside their words (class kz-id, <small>, or a title).
    # The enforcement section is the enforcement module's own (kzlaw.present.practice); it is checked there.
    if "<div id='enforcement'>" in text:
        start = text.index("<div id='enforcement'>")
        text = text[:start] + text[text.index('<section class="article"', start) :]
    for bare in ("untoc.serious_crime", "abuse_of_vulnerability", "sanction.maximum_raised"):
        for m in re.finditer(re.escape(bare), text):
            before = text[max(0, m.start() - 200) : m.start()]
            assert re.search(r"(kz-id'>|<small>|title='|title=\"|\(|\[)[^<>]*$", before), before[-120:]


def test_loads_nothing_from_the_network(text: str) -> None:
    assert not re.search(r"""(src|srcset|data)\s*=\s*["']?(https?:)?//|url\(\s*["']?(https?:)?//|@import""", text)
    assert not re.search(r"<(link|img|iframe|object|embed)\b", text)
    assert not re.search(r"<script\b[^>]*\bsrc", text)


def test_every_details_section_opens_in_print(text: str) -> None:
    css = text[text.index("@media print") :]
    assert re.search(r"details::details-content\s*\{[^}]*content-visibility:\s*visible", css)
    script = re.search(r"<script>(.*?)</script>", text, re.S)
    assert script
    assert 'addEventListener("beforeprint"' in script.group(1)
    assert 'querySelectorAll("details:not([open])")' in script.group(1)
    assert "d.open=true" in script.group(1)
    assert text.count("<script") == 1  # the one small inline script, nothing else


def test_citations_are_public(text: str) -> None:
    assert "shared/" not in text
    assert "tests/sources" not in text
    assert "<a href='https://adilet.zan.kz/rus/docs/K1400000226'>" in text
    assert 'href="#src-iphr-2010">[' in text


def test_public_drops_internal_paths() -> None:
    assert public("kzlaw's copy: shared/seeds/003.txt. Its appendix gives texts.") == "Its appendix gives texts."
    assert public("notes (shared/reference/cc2014.md)") == "notes"
    assert "shared/" not in public("As reported in shared/reference/cc2014.md ('Lineage').")


def test_csv_tables_parse(report: Path) -> None:
    corpus = kzlaw.load()
    for name, column in (("penalties.csv", "imprisonment_max_months"), ("coverage.csv", "element"),
                         ("changes.csv", "kind")):  # fmt: skip
        rows = list(csv.DictReader(io.StringIO((report.parent / name).read_text(encoding="utf-8"))))
        assert rows, name
        assert column in rows[0], name
    coverage = list(csv.DictReader(io.StringIO((report.parent / "coverage.csv").read_text(encoding="utf-8"))))
    assert {r["element"] for r in coverage} >= {"means.deception", "act.recruitment"}
    changes = list(csv.DictReader(io.StringIO((report.parent / "changes.csv").read_text(encoding="utf-8"))))
    assert any(r["kind"] == "element.moved" and r["new"] == "part 2(h)" for r in changes)
    del corpus


def test_each_linked_docx_exists(report: Path, text: str) -> None:
    links = re.findall(r"href='(redlines/[^']+\.docx)'", text)
    assert len(links) == sum(len(kzlaw.diffs(a.ref)) for a in kzlaw.load().select(role="offence"))
    for link in links:
        path = report.parent / link
        assert path.is_file(), link
        with zipfile.ZipFile(path) as z:
            assert "<w:body>" in z.read("word/document.xml").decode()
    with zipfile.ZipFile(report.parent / "redlines" / "cc1997-128_2006-03-01_to_2006-03-02.docx") as z:
        document = z.read("word/document.xml").decode()
    assert '<w:ins w:id="' in document
    assert 'w:author="kzlaw"' in document


def test_report_json_is_compact(report: Path) -> None:
    raw = (report.parent / "report.json").read_text(encoding="utf-8").rstrip("\n")
    data = json.loads(raw)
    assert raw == json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    assert {"summary", "articles", "coverage", "penalties"} <= set(data)
    (art128,) = [a for a in data["articles"] if a["ref"] == "cc1997/128"]
    assert art128["amendments"][0]["old"] == "cc1997/128@2006-03-01"
    assert "maximum raised from 8 to 15 years" in art128["amendments"][0]["in_words"]
    assert art128["alignment"][0]["elements"]["means.deception"]["status"] == "constitutive"


def test_report_escapes_statute_text(tmp_path: Path) -> None:
    corpus = kzlaw.load()
    art = corpus.article("cc1997/271")
    from tests.conftest import reword

    v0 = art.versions[0]
    evil = reword(v0, title="<script>alert(1)</script>", parts={v0.parts[0].id: "</table><b>x"})
    evil_corpus = attrs.evolve(
        corpus, articles={**corpus.articles, art.ref: attrs.evolve(art, versions=(evil, *art.versions[1:]))}
    )
    index = build_report(tmp_path, ["cc1997/271"], evil_corpus)
    text = index.read_text(encoding="utf-8")
    check(text)
    assert "<script>alert" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&lt;/table&gt;&lt;b&gt;x" in text


def test_chosen_articles_and_progress(tmp_path: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    index = build_report(tmp_path, ["cc1997/128@2006-03-02", "cc2014/128"], progress=lambda *a: seen.append(a))
    assert seen == [(1, 2, "cc1997/128"), (2, 2, "cc2014/128")]
    text = index.read_text(encoding="utf-8")
    assert 'id="v-cc2014-128"' in text
    assert 'id="v-cc1997-133"' not in text


def test_charts_need_no_matplotlib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "matplotlib", None)  # importing it now fails
    text = build_report(tmp_path, ["cc1997/270"]).read_text(encoding="utf-8")
    assert text.count("<svg") >= 3


def test_enforcement_section_is_guarded(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    import kzlaw.present
    from kzlaw.report import enforcement

    monkeypatch.setitem(sys.modules, "kzlaw.present.practice", None)
    monkeypatch.delattr(kzlaw.present, "practice", raising=False)
    assert enforcement(kzlaw.load()) == ""


def test_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "cc1997/270", "-o", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"report written to {tmp_path / 'out' / 'index.html'}")
    assert (tmp_path / "out" / "report.json").is_file()


def test_each_version_links_its_akoma_ntoso_documents(report: Path) -> None:
    """Issue #15: the report links each version's AKN file in every language it holds, and each is valid."""
    import re
    import urllib.parse

    akn = pytest.importorskip("kzlaw.akn", reason="install the akn extra: pip install 'kzlaw[akn]'")
    text = report.read_text(encoding="utf-8")
    links = [urllib.parse.unquote(h) for h in re.findall(r"href='(akn/[^']+)'", text)]
    corpus = kzlaw.load()
    expected = sum(len(v.wordings) for a in corpus.select(role="offence") for v in a.versions)
    assert len(links) == expected
    for link in links[:: max(1, len(links) // 12)]:  # a sample, validated against the strict schema
        path = report.parent / link
        assert path.is_file(), link
        akn.validate(akn.parse_xml(path.read_bytes()))
