"""The quick paths of loading (issue #12, warm load) give what the slow ones gave: same values, same errors.

Not timed: each test asserts that a shortcut (a cheaper whitespace rule, a verbatim-quote check, a read
without resolving, the converter's own tuple and table hooks, interning in the hooks, the check of names
before paths are built) keeps the result and the message, file and field path of every failure.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import sys
from pathlib import Path

import attrs
import pytest

import kzlaw
from kzlaw.convert import file_converter, structure
from kzlaw.errors import StatuteSchemaError, StatuteSyntaxError, UnknownNameError
from kzlaw.fsio import read_text
from kzlaw.loader import load_folder
from kzlaw.model import Article, PartWording, Wording
from kzlaw.parts import words_of
from tests.conftest import edit

ART = Path("cc1997") / "128.toml"


# --- words_of: str.split() against the regular expression it replaced -------------------------------


def _by_regex(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_every_code_point_is_whitespace_to_split_exactly_when_it_is_to_the_regex() -> None:
    space = re.compile(r"\s")
    differ = [cp for cp in range(sys.maxunicode + 1) if bool(space.fullmatch(chr(cp))) != chr(cp).isspace()]
    assert differ == []
    spaces = [chr(cp) for cp in range(sys.maxunicode + 1) if chr(cp).isspace()]
    assert len(spaces) > 20
    assert {"\u00a0", "\u3000", "\x1c"} <= set(spaces)
    text = "a" + "".join(spaces) + "b" + spaces[-1] + "c" + spaces[0]
    assert words_of(text) == _by_regex(text) == "a b c"


def test_words_of_matches_the_regex_on_random_texts() -> None:
    rng = random.Random(12)
    alphabet = ["a", "Ж", "𝔘", " ", "\t", "\n", "\u00a0", "\u2009", "\u3000", "\x1f", "\u200b", "\ufeff", ""]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30)))
        assert words_of(text) == _by_regex(text), repr(text)


# --- circumstance words: the verbatim shortcut ---------------------------------------------------------


def _wording(text: str, quotes: dict[str, str]) -> Wording:
    source = kzlaw.Source("adilet-81097")
    return Wording("en", "official", source, "Title", {"p": PartWording(text, quotes)})


def test_a_quote_with_other_spacing_is_still_found_and_a_verbatim_one_too() -> None:
    w = _wording("by a group\n  of persons, with   violence", {"a": "group of\tpersons", "b": "with   violence"})
    assert w.circumstance("p", "a") == "group of\tpersons"


@pytest.mark.parametrize("quote", ["", "   ", "\u3000\n"])
def test_an_empty_quote_is_refused(quote: str) -> None:
    with pytest.raises(kzlaw.KzlawError, match="is empty"):
        _wording("by a group of persons", {"a": quote})


def test_a_quote_not_in_the_text_is_refused_with_its_path() -> None:
    with pytest.raises(kzlaw.KzlawError, match=r"parts\.p\.circumstances\.a.*quote the part's own words"):
        _wording("by a group of persons", {"a": "by force"})


# --- reading inside the folder without resolving every path -------------------------------------------


def test_files_read_through_plain_paths_relative_paths_and_links_that_stay_inside(
    statutes: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    want = (statutes / ART).read_text(encoding="utf-8")
    assert read_text(statutes / ART, statutes) == want
    (statutes / "cc1997" / "900.toml").symlink_to(statutes / ART)  # a link inside the folder is followed
    assert read_text(statutes / "cc1997" / "900.toml", statutes) == want
    assert read_text(statutes / "cc1997" / ".." / ART, statutes) == want  # resolved, and inside
    monkeypatch.chdir(statutes)
    assert read_text(Path(".") / ART, Path(".")) == want
    monkeypatch.chdir(statutes.parent)
    assert read_text(Path("statutes") / ART, Path("statutes")) == want


def test_a_way_out_through_a_linked_folder_or_dot_dot_is_refused(statutes: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "1.toml").write_text('code = "cc1997"\n', encoding="utf-8")
    (statutes / "cc1997" / "linked").symlink_to(outside, target_is_directory=True)
    with pytest.raises(StatuteSyntaxError, match="outside the folder"):
        read_text(statutes / "cc1997" / "linked" / "1.toml", statutes)
    with pytest.raises(StatuteSyntaxError, match="outside the folder"):
        read_text(statutes / ".." / "outside" / "1.toml", statutes)
    (statutes / "cc1997" / "901.toml").symlink_to(outside / "1.toml")
    with pytest.raises(StatuteSyntaxError, match=r"901\.toml: is a link to .*outside the folder"):
        read_text(statutes / "cc1997" / "901.toml", statutes)


def test_a_missing_file_a_folder_and_the_size_limit_say_so(statutes: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(StatuteSyntaxError, match="cannot be read: No such file"):
        read_text(statutes / "cc1997" / "nope.toml", statutes)
    with pytest.raises(StatuteSyntaxError, match="not a regular file"):
        read_text(statutes / "cc1997", statutes)
    size = (statutes / ART).stat().st_size
    monkeypatch.setenv("KZLAW_MAX_FILE_BYTES", str(size))
    assert len(read_text(statutes / ART, statutes).encode("utf-8")) == size  # exactly at the limit
    monkeypatch.setenv("KZLAW_MAX_FILE_BYTES", str(size - 1))
    with pytest.raises(StatuteSyntaxError, match="over the limit"):
        read_text(statutes / ART, statutes)


# --- the converter's hooks: the same values, the same errors ----------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "path", "message"),
    [
        ('number = "1"', 'number = "1 x"', "versions[0].parts[0].number", "not a valid part number"),
        ('id = "base"', "id = 7", "versions[0].parts[0].id", "expected a string, got int 7"),
        ('kind = "imprisonment"', "kind = true", "versions[0].parts[0].sanction.main[5].kind", "expected a string"),
        ("maximum = 500", 'maximum = "500"', "versions[0].parts[0].sanction.main[0].maximum", "a whole number"),
        ('id = "qualified"', 'idx = 1\nid = "qualified"', "versions[0].parts[1]", "unexpected field(s) idx"),
    ],
)
def test_errors_inside_tuples_and_tables_name_the_same_field(
    statutes: Path, old: str, new: str, path: str, message: str
) -> None:
    edit(statutes / ART, old, new)
    with pytest.raises(kzlaw.StatuteError) as err:
        load_folder(statutes)
    assert err.value.file.endswith(str(ART))
    assert err.value.path == path, err.value
    assert message in str(err.value)


def test_a_wrong_value_in_a_table_of_strings_names_its_key() -> None:
    raw = {"text": "by a group of persons", "circumstances": {"a": "group", "b": 3}}
    with pytest.raises(StatuteSchemaError) as err:
        structure(raw, PartWording, "f.toml")
    assert err.value.path == "circumstances.b"
    assert "expected a string, got int 3" in str(err.value)


def test_a_list_of_strings_and_a_tuple_of_records_refuse_what_is_not_a_list() -> None:
    conv = file_converter()
    with pytest.raises(TypeError, match="expected a list of strings"):
        conv.structure("abc", tuple[str, ...])
    with pytest.raises(TypeError, match="expected a list of strings"):
        conv.structure(["a", 1], tuple[str, ...])
    assert conv.structure(["a", "b"], tuple[str, ...]) == ("a", "b")
    assert conv.structure(None, dt.date | None) is None


def test_several_failures_are_counted(statutes: Path) -> None:
    edit(statutes / ART, 'id = "base"', "id = 7")
    edit(statutes / ART, 'number = "2"', "number = 2")
    with pytest.raises(StatuteSchemaError, match=r"\(and \d+ more\)"):
        load_folder(statutes)


# --- interning in the hooks, sharing, the code's period -----------------------------------------------


def test_strings_dates_and_keys_from_different_files_are_one_object(statutes: Path) -> None:
    corpus = load_folder(statutes)
    a, b = corpus.version("cc1997/128@2006-03-02"), corpus.article("cc2014/128").versions[0]
    assert a.source.document is sys.intern(a.source.document)
    kinds = {id(p.kind) for v in (a, b) for part in v.parts for p in part.sanction.main if p.kind == "imprisonment"}
    assert len(kinds) == 1
    keys = [k for v in (a, b) for k in v.wordings]
    assert len({id(k) for k in keys if k == "en"}) == 1
    days = [v.valid_from.earliest for art in corpus for v in art.versions if v.valid_from.earliest is not None]
    assert len({id(d) for d in days}) == len(set(days))


def test_unchanged_parts_are_held_once_and_the_period_comes_from_codes_toml(statutes: Path) -> None:
    corpus = load_folder(statutes)
    parts = [p for art in corpus for v in art.versions for p in v.parts]
    assert len({id(p) for p in parts}) == len(set(parts)) < len(parts)
    art = corpus.article("cc1997/128")
    assert (art.in_force_from, art.in_force_to) == (
        corpus.codes["cc1997"].in_force_from,
        corpus.codes["cc1997"].in_force_to,
    )
    assert attrs.evolve(art) == art


def test_a_file_may_not_give_the_codes_period(statutes: Path) -> None:
    edit(statutes / ART, 'number = "128"', 'number = "128"\nin_force_from = 1998-01-01')
    with pytest.raises(StatuteSchemaError, match=r"in_force_from: comes from codes\.toml"):
        load_folder(statutes)


# --- names checked before paths are built ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        ('kind = "imprisonment"', 'kind = "exile"', "versions[0].parts[0].sanction.main[5].kind"),
        ('unit = "years"', 'unit = "decades"', "versions[0].parts[0].sanction.main[2].unit"),
        ('document = "iphr-2010"', 'document = "nowhere"', "versions[0].source.document"),
        ('"deception"]', '"deceptoin"]', "versions[0].parts[0].elements[3]"),
    ],
)
def test_an_unknown_name_is_still_found_where_it_is(statutes: Path, old: str, new: str, path: str) -> None:
    edit(statutes / ART, old, new)
    with pytest.raises(UnknownNameError) as err:
        load_folder(statutes)
    assert err.value.path == path, err.value


def test_the_bundled_corpus_loads_the_same_through_every_entry(statutes: Path) -> None:
    assert load_folder(statutes) == kzlaw.load()
    assert os.path.samefile(statutes / ART, statutes / "cc1997" / "128.toml")
    assert isinstance(kzlaw.loader.load_article(statutes / ART, statutes), Article)


# --- the TOML parser: compiled tomli where installed, the same data as tomllib --------------------------

MALFORMED = [
    "x = ",
    "x = 1\nx = 2",
    "[a]\n[a]",
    'x = "unclosed',
    "x = [1, 2",
    "x = 1979-05-27T25:00:00",
    "x = { a = 1, a = 2 }",
    "= 1",
    "x = 0x",
    "x = '''\n",
    "[[a]]\n[a]",
    "x = 1 y = 2",
    "x = [" * 5000 + "]" * 5000,
]


def test_the_parser_reads_every_bundled_file_as_tomllib_does() -> None:
    import tomllib

    from kzlaw import tomlparse
    from kzlaw.bundled import bundled_path

    files = sorted(bundled_path().rglob("*.toml"))
    assert len(files) > 20
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert tomlparse.loads(text) == tomllib.loads(text), f


@pytest.mark.parametrize("text", MALFORMED, ids=range(len(MALFORMED)))
def test_the_parser_refuses_what_tomllib_refuses(text: str) -> None:
    import tomllib

    from kzlaw import tomlparse

    with pytest.raises((tomllib.TOMLDecodeError, RecursionError)):
        tomllib.loads(text)
    with pytest.raises((tomlparse.TOMLDecodeError, RecursionError)):
        tomlparse.loads(text)


def test_the_compiled_parser_is_the_one_in_use_where_installed() -> None:
    from kzlaw import tomlparse

    try:
        import tomli
    except ImportError:
        pytest.skip("tomli is not installed (pip install tomli): kzlaw parses with tomllib")
    assert tomlparse.PARSER == "tomli"
    assert tomlparse.loads is tomli.loads
