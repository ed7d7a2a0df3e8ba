"""The cache of the validated bundled corpus (kzlaw.cache) and interning on load (kzlaw.intern)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

import kzlaw
from kzlaw import cache
from kzlaw.corpus import Corpus
from kzlaw.loader import bundled_path, load_folder
from tests.conftest import edit


class Spy:
    """A full loader that counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, root: Path) -> Corpus:
        self.calls += 1
        return load_folder(root)


def same(a: Corpus, b: Corpus) -> bool:
    """Equal, and equal in the fields equality leaves out (the root, the codes' periods on articles)."""
    return (
        a == b
        and a.root == b.root
        and [(x.in_force_from, x.in_force_to) for x in a] == [(x.in_force_from, x.in_force_to) for x in b]
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "cache"
    target.mkdir(mode=0o700)
    return target


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("corpus-*.pickle"))


def test_a_cached_load_equals_a_full_validated_load(statutes: Path, folder: Path) -> None:
    spy = Spy()
    first = cache.cached_load(statutes, spy, folder)
    assert spy.calls == 1
    assert len(entries(folder)) == 1
    second = cache.cached_load(statutes, spy, folder)
    assert spy.calls == 1, "the second load came from the cache"
    assert second is not first
    assert same(second, load_folder(statutes))


def test_the_bundled_load_equals_a_full_validated_load(tmp_path: Path) -> None:
    code = (
        "import pickle, sys, kzlaw; from kzlaw.loader import bundled_path, load_folder;"
        "c = kzlaw.load(); sys.stdout.buffer.write(pickle.dumps((c == load_folder(bundled_path()), c.root)))"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "KZLAW_NO_CACHE": ""}
    runs = [subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, check=True) for _ in range(2)]
    import pickle

    assert [pickle.loads(r.stdout) for r in runs] == [(True, str(bundled_path()))] * 2
    assert len(entries(tmp_path / "kzlaw")) == 1, "the first process wrote the cache the second read"


def test_an_edited_statute_file_is_never_served_from_the_cache(statutes: Path, folder: Path) -> None:
    spy = Spy()
    old = cache.cached_load(statutes, spy, folder)
    edit(statutes / "cc1997" / "128.toml", 'title = "Trafficking in people"', 'title = "Trafficking in persons"')
    new = cache.cached_load(statutes, spy, folder)
    assert spy.calls == 2
    assert new.version("cc1997/128@2006-03-02").title == "Trafficking in persons"
    assert old.version("cc1997/128@2006-03-02").title == "Trafficking in people"
    assert len(entries(folder)) == 2
    title = "Trafficking in persons"
    for n in range(cache.KEEP + 1):  # old entries are removed beyond the newest few
        edit(statutes / "cc1997" / "128.toml", f'"{title}"', f'"{title} {n}"')
        title = f"{title} {n}"
        assert cache.cached_load(statutes, spy, folder).version("cc1997/128@2006-03-02").title == title
    assert spy.calls == 3 + cache.KEEP
    assert len(entries(folder)) == cache.KEEP
    assert same(cache.cached_load(statutes, spy, folder), load_folder(statutes))
    assert spy.calls == 3 + cache.KEEP


def test_an_added_file_or_a_new_kzlaw_version_changes_the_key(statutes: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    key = cache.corpus_key(statutes)
    assert key is not None
    assert cache.corpus_key(statutes) == key
    (statutes / "cc1997" / "notes.txt").write_text("x", encoding="utf-8")
    added = cache.corpus_key(statutes)
    assert added not in (None, key)
    monkeypatch.setattr(kzlaw, "__version__", "99.0")
    assert cache.corpus_key(statutes) not in (None, key, added)


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # truncated
        lambda b: b[:-10] + bytes(x ^ 0xFF for x in b[-10:]),  # corrupted payload
        lambda b: b[:30] + b"\0" * 8 + b[38:],  # corrupted digest
        lambda b: b"",  # empty
        lambda b: b"not a cache at all",
    ],
)
def test_a_damaged_cache_is_ignored(statutes: Path, folder: Path, damage: Callable[[bytes], bytes]) -> None:
    spy = Spy()
    cache.cached_load(statutes, spy, folder)
    [entry] = entries(folder)
    entry.write_bytes(damage(entry.read_bytes()))
    again = cache.cached_load(statutes, spy, folder)
    assert spy.calls == 2
    assert same(again, load_folder(statutes))


def test_a_cache_of_the_right_layout_holding_something_else_is_ignored(statutes: Path, folder: Path) -> None:
    import hashlib
    import pickle

    spy = Spy()
    cache.cached_load(statutes, spy, folder)
    [entry] = entries(folder)
    payload = pickle.dumps({"not": "a corpus"})
    entry.write_bytes(cache.MAGIC + hashlib.blake2b(payload, digest_size=32).digest() + payload)
    assert isinstance(cache.cached_load(statutes, spy, folder), Corpus)
    assert spy.calls == 2


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="permissions are POSIX")
def test_a_folder_others_can_write_is_neither_read_nor_written(statutes: Path, folder: Path) -> None:
    spy = Spy()
    cache.cached_load(statutes, spy, folder)
    folder.chmod(0o777)
    cache.cached_load(statutes, spy, folder)
    assert spy.calls == 2, "an entry in a folder others can write is not unpickled"
    [entry] = entries(folder)
    entry.unlink()
    cache.cached_load(statutes, spy, folder)
    assert entries(folder) == [], "nothing is written there either"
    assert spy.calls == 3


def test_an_unusable_cache_folder_falls_back_silently(statutes: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    spy = Spy()
    for folder in (blocker, blocker / "kzlaw"):
        assert same(cache.cached_load(statutes, spy, folder), load_folder(statutes))
    assert spy.calls == 2


def test_a_folder_holding_a_link_is_not_cached(statutes: Path, folder: Path) -> None:
    (statutes / "cc1997" / "link.txt").symlink_to(statutes / "codes.toml")
    assert cache.corpus_key(statutes) is None
    spy = Spy()
    cache.cached_load(statutes, spy, folder)
    assert spy.calls == 1
    assert entries(folder) == []


def test_load_errors_propagate_unchanged(statutes: Path, folder: Path) -> None:
    edit(statutes / "cc1997" / "128.toml", 'number = "128"', 'number = "129"')
    with pytest.raises(kzlaw.StatuteError, match=r"128\.toml"):
        cache.cached_load(statutes, load_folder, folder)
    assert entries(folder) == []


def test_the_cache_folder_follows_xdg_and_can_be_turned_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("KZLAW_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_folder() == tmp_path / "kzlaw"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # the XDG spec: a relative path is ignored
    assert cache.cache_folder() == Path.home() / ".cache" / "kzlaw"
    monkeypatch.setenv("KZLAW_NO_CACHE", "1")
    assert cache.cache_folder() is None


# --- interning -------------------------------------------------------------------------------------


def test_equal_dates_are_one_object_and_other_values_are_kept() -> None:
    import datetime as dt

    from kzlaw.intern import share_date

    day, again = dt.date(2006, 3, 2), dt.date(2006, 3, 2)
    assert share_date(day) is share_date(again)
    assert share_date(dt.date(2006, 3, 3)) == dt.date(2006, 3, 3)


def test_a_loaded_corpus_holds_equal_strings_once(corpus: Corpus) -> None:
    kinds = [pen.kind for a in corpus for v in a.versions for p in v.parts for pen in p.sanction.main]
    assert len(kinds) > 50
    assert len({id(k) for k in kinds}) == len(set(kinds))
    texts = [pw.text for a in corpus for v in a.versions for w in v.wordings.values() for pw in w.parts.values()]
    assert len({id(t) for t in texts}) == len(set(texts)) < len(texts), "an unchanged part text is held once"


def test_interning_survives_the_cache(statutes: Path, folder: Path) -> None:
    cache.cached_load(statutes, load_folder, folder)
    cached = cache.cached_load(statutes, lambda root: pytest.fail("the cache was not used"), folder)
    tags = [t for a in cached for v in a.versions for p in v.parts for t in p.elements]
    assert len({id(t) for t in tags}) == len(set(tags)) < len(tags)


def test_evolve_after_a_cached_load_still_validates(statutes: Path, folder: Path) -> None:
    cache.cached_load(statutes, load_folder, folder)
    corpus = cache.cached_load(statutes, load_folder, folder)
    v = corpus.version("cc1997/128@2006-03-02")
    with pytest.raises(kzlaw.KzlawError):
        attrs.evolve(v, parts=())


# --- the definitions index (kzlaw.corpus, issue #12: lookups stay linear) -------------------------


def _scan(corpus: Corpus, version: kzlaw.Version, term: str) -> list[tuple[str, str]]:
    """Corpus.definitions_with_source the slow way: every article of the code, in corpus order."""
    found = [(version.ref, d.label) for d in version.definitions if d.term == term and d.applies(version.article)]
    day = version.reference_day()
    for art in corpus:
        if art.code != version.code or art.number == version.article or day is None:
            continue
        possible = [v for v in art.versions if v.in_force_on(day) != "no"]
        same_law = [v for v in possible if v.amended_by is not None and v.amended_by == version.amended_by]
        sure = [v for v in possible if v.in_force_on(day) == "yes"]
        for v in same_law or sure or possible:
            found += [(v.ref, d.label) for d in v.definitions if d.term == term and d.applies(version.article)]
    return found


def test_the_definitions_index_finds_what_a_scan_of_every_article_finds(corpus: Corpus) -> None:
    checked = 0
    for art in corpus:
        for v in art.versions:
            got = [(holder.ref, d.label) for holder, d in corpus.definitions_with_source(v, "exploitation")]
            assert got == _scan(corpus, v, "exploitation")
            checked += bool(got)
    assert checked > 10, "some versions do have definitions that apply"
