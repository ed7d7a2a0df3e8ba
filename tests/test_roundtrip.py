from __future__ import annotations

import tomllib
from pathlib import Path

import kzlaw
from kzlaw.loader import bundled_path
from kzlaw.writer import article_to_toml


def test_dump_then_load_is_identity(corpus: kzlaw.Corpus, tmp_path: Path) -> None:
    kzlaw.dump(corpus, tmp_path)
    again = kzlaw.load(tmp_path)
    assert again == corpus
    assert list(again.articles) == list(corpus.articles)


def test_canonical_form_is_stable(corpus: kzlaw.Corpus, tmp_path: Path) -> None:
    """Dumping what was dumped gives the same bytes: the written form is canonical."""
    first = kzlaw.dump(corpus, tmp_path / "a")
    second = kzlaw.dump(kzlaw.load(first), tmp_path / "b")
    for file in sorted(first.rglob("*.toml")):
        assert file.read_bytes() == (second / file.relative_to(first)).read_bytes(), file


def test_hand_written_files_change_only_in_layout(corpus: kzlaw.Corpus) -> None:
    """The canonical text of each bundled article parses to the same data as the file itself."""
    for art in corpus:
        original = tomllib.loads((bundled_path() / art.code / f"{art.number}.toml").read_text(encoding="utf-8"))
        canonical = tomllib.loads(article_to_toml(art, corpus.laws))
        assert canonical["code"] == original["code"]
        assert len(canonical["versions"]) == len(original["versions"])
        for ours, theirs in zip(canonical["versions"], original["versions"], strict=True):
            theirs.setdefault("valid_from", ours.get("valid_from"))  # a file may leave its law's date out
            ours.setdefault("valid_from", theirs.get("valid_from"))
            assert ours == theirs


def test_dump_one_article(corpus: kzlaw.Corpus, tmp_path: Path) -> None:
    art = corpus.article("cc1997/128")
    written = kzlaw.dump(art, tmp_path)
    assert written == tmp_path / "cc1997" / "128.toml"
    assert kzlaw.load(tmp_path).article("cc1997/128") == art


def test_carriage_returns_survive(corpus: kzlaw.Corpus, tmp_path: Path) -> None:
    """Found by the deep fuzz run: a multi-line TOML string turns \\r\\n into \\n when parsed."""
    import attrs

    from tests.conftest import reword

    art = corpus.article("cc1997/128")
    v = reword(attrs.evolve(art.versions[0], remarks="line one\r\nline two\r"), title="A\rB")
    changed = attrs.evolve(art, versions=(v, *art.versions[1:]))
    kzlaw.dump(changed, tmp_path)
    assert kzlaw.load(tmp_path).article("cc1997/128") == changed
