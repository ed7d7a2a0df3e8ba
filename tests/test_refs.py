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
    ["128", "cc1997/", "cc1997/128@", "cc1997/128@2006-02-30", "cc1997/128@yesterday", "CC1997/128", "cc1997/12a"],
)
def test_bad_references(text: str) -> None:
    with pytest.raises(kzlaw.BadReferenceError):
        parse_ref(text)


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
