from __future__ import annotations

import datetime as dt

import pytest

import kzlaw
from kzlaw import parse_ref


def test_forms() -> None:
    assert parse_ref("cc1997/128").at is None
    assert parse_ref("cc1997/128@2006-03-02").day == dt.date(2006, 3, 2)
    assert parse_ref("cc2014/128@292-VI").law == "292-VI"
    assert str(parse_ref(" cc1997/275-1@2006-03-02 ")) == "cc1997/275-1@2006-03-02"


@pytest.mark.parametrize(
    "text",
    ["128", "cc1997/", "cc1997/128@", "cc1997/128@2006-02-30", "CC1997/128", "cc1997/1 <b>", "cc1997/128@a@b",
     "cc1997/128@-VI", "cc1997/128-", None, 128, b"cc1997/128"],
)  # fmt: skip
def test_bad_references(text: object) -> None:
    with pytest.raises(kzlaw.BadReferenceError):
        parse_ref(text)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["de/232a", "fr/225-4-1", "cc2014/128@111-VIII", "cc1997/12a@latest", "us/18.1591"])
def test_other_codes_parse(text: str) -> None:
    assert str(parse_ref(text)) == text


def test_latest_and_today(corpus: kzlaw.Corpus) -> None:
    assert corpus.version("cc2014/128@latest") is corpus.article("cc2014/128").versions[-1]
    assert parse_ref("cc2014/128@today", today=dt.date(2021, 5, 5)).day == dt.date(2021, 5, 5)
    assert parse_ref(parse_ref("cc1997/128")) == parse_ref("cc1997/128")


def test_unknown_law_is_named(corpus: kzlaw.Corpus) -> None:
    with pytest.raises(kzlaw.UnknownLawError, match="no version of cc2014/128 was brought by law yesterday"):
        corpus.version("cc1997/128@yesterday".replace("cc1997", "cc2014"))
    with pytest.raises(KeyError):  # a lookup error a notebook catches as KeyError, and as KzlawError
        corpus.version("cc2014/128@170-VI")


def test_resolve(corpus: kzlaw.Corpus) -> None:
    assert isinstance(corpus.resolve("cc1997/128"), kzlaw.Article)
    v = corpus.resolve("cc1997/128@2006-03-02")
    assert isinstance(v, kzlaw.Version)
    assert corpus.resolve(v.ref) == v
    for art in corpus:
        for version in art.versions:
            assert corpus.version(version.ref) == version


def test_unknown_article_and_code(corpus: kzlaw.Corpus) -> None:
    with pytest.raises(kzlaw.UnknownArticleError, match="cc1997/999 is not in the corpus; cc1997 holds: 113"):
        corpus.article("cc1997/999")
    with pytest.raises(kzlaw.UnknownArticleError, match="unknown code 'cc1959'"):
        corpus.article("cc1959/128")


def test_not_in_force_says_when(corpus: kzlaw.Corpus) -> None:
    with pytest.raises(
        kzlaw.NotInForceError, match=r"cc1997/275-1 has no version in force on 2005-01-01: .* from 2006-03-02"
    ):
        corpus.version("cc1997/275-1@2005-01-01")


def test_lookup_errors_are_lookup_errors(corpus: kzlaw.Corpus) -> None:
    with pytest.raises(LookupError):
        corpus.version("cc1997/275-1@2005-01-01")
