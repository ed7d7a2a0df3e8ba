"""Each bug the architecture issue (#10) found, as a test that would fail if it came back."""

from __future__ import annotations

import attrs
import pytest

import kzlaw
from kzlaw.words import months_text


def test_an_empty_corpus_is_used_not_replaced_by_the_bundled_one(corpus: kzlaw.Corpus) -> None:
    empty = attrs.evolve(corpus, articles={})
    assert not len(empty)
    with pytest.raises(kzlaw.UnknownArticleError, match="is not in the corpus"):
        kzlaw.diff("cc1997/128@2006-03-01", "cc1997/128@2006-03-02", empty)
    with pytest.raises(kzlaw.UnknownArticleError):
        kzlaw.align("cc1997/128@2006-03-02", empty)
    with pytest.raises(kzlaw.UnknownArticleError):
        kzlaw.compare_penalties("cc1997/128@2006-03-02", corpus=empty)


def test_the_cached_corpus_cannot_be_changed(corpus: kzlaw.Corpus) -> None:
    assert kzlaw.load() is corpus
    for mapping in (corpus.articles, corpus.codes, corpus.laws, corpus.sources, corpus.tags, corpus.languages):
        with pytest.raises((AttributeError, TypeError)):
            mapping.pop(next(iter(mapping)))  # type: ignore[attr-defined]
        with pytest.raises(TypeError):
            mapping["x"] = None  # type: ignore[index]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        corpus.articles = {}  # type: ignore[misc]
    v = corpus.version("cc1997/128@2006-03-02")
    with pytest.raises((AttributeError, TypeError)):
        v.wordings.pop("en")  # type: ignore[attr-defined]
    assert "cc1997/128" in kzlaw.load().articles


@pytest.mark.parametrize(
    ("call", "builtin"),
    [
        (lambda c: c.version("cc1997/128@2006-03-02").part("9"), KeyError),
        (lambda c: c.version("cc1997/128@2006-03-02").part("2").circumstance("z"), KeyError),
        (lambda c: kzlaw.align("cc1997/128@2006-03-02", c)["means.telepathy"], KeyError),
        (lambda c: kzlaw.align(["cc1997/128@2006-03-02"], c).cell("cc2014/128", "act.transfer"), KeyError),
        (lambda c: c.version("cc2014/128@170-VI"), KeyError),
        (lambda c: c.version("cc1997/128@2006-03-02").wording("kk"), KeyError),
        (lambda c: c.article("cc1997/999"), KeyError),
    ],
)
def test_every_lookup_failure_is_a_kzlaw_error_and_the_builtin(corpus: kzlaw.Corpus, call, builtin) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(kzlaw.KzlawError) as caught:
        call(corpus)
    assert isinstance(caught.value, builtin)


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("imprisonmnet", 2, 9, "years"), "kind"),
        (("imprisonment", 9, 2, "years"), "minimum"),
        (("imprisonment", 2, 9, "weeks-ish"), "unit"),
        (("imprisonment", 2, 9, "mci"), "unit"),
        (("fine", None, None, None), "unit"),
        (("confiscation", 1, 2, "years"), "unit"),
    ],
)
def test_a_misspelled_or_impossible_penalty_built_in_python_is_refused(args, field) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(kzlaw.InvalidValueError) as caught:
        kzlaw.Penalty(*args)
    assert caught.value.field == field


def test_a_notebook_built_object_is_checked_as_a_loaded_one(corpus: kzlaw.Corpus) -> None:
    v = corpus.version("cc1997/128@2006-03-02")
    with pytest.raises(kzlaw.InvalidValueError, match="duplicate part number"):
        attrs.evolve(v, parts=(v.parts[0], v.parts[0]))
    with pytest.raises(kzlaw.InvalidValueError, match="must give the words of every part"):
        attrs.evolve(v, parts=(*v.parts[:1], attrs.evolve(v.parts[1], id="renamed"), *v.parts[2:]))
    with pytest.raises(kzlaw.InvalidValueError, match="optional"):
        kzlaw.Sanction((kzlaw.Penalty("imprisonment", 1, 2, "years", optional=True),))


def test_one_wording_of_months_everywhere(corpus: kzlaw.Corpus) -> None:
    """90 months read "7 years 6 months" in a penalty, a penalty row and a change summary alike."""
    assert months_text(90) == "7 years 6 months"
    penalty = kzlaw.Penalty("imprisonment", None, 90, "months")
    assert str(penalty) == "imprisonment up to 7 years 6 months"
    v = corpus.version("cc1997/271@2010-01-01")
    part = attrs.evolve(v.parts[0], sanction=kzlaw.Sanction((penalty,)))
    odd = attrs.evolve(v, parts=(part, *v.parts[1:]))
    (row, *_) = kzlaw.compare_penalties(odd, corpus=corpus).rows
    assert row.range_text() == "up to 7 years 6 months"
    summaries = [c.summary for c in kzlaw.diff(v, odd, corpus).changes]
    assert any("to 7 years 6 months" in s for s in summaries), summaries


def test_life_imprisonment_is_null_when_unknown_in_every_json(corpus: kzlaw.Corpus) -> None:
    from kzlaw.present.json import version_data

    v = corpus.version("cc2014/120@2022-06-01")
    rows = kzlaw.compare_penalties(v, corpus=corpus).to_dict()
    parts = version_data(v, corpus)["parts"]
    unknown = [r for r in rows if r["unknown"]]
    assert unknown
    for row, part in zip(rows, parts, strict=True):
        assert row["life_imprisonment"] == part["life_imprisonment"]
        if row["unknown"] and row["imprisonment_max_months"] is None:
            assert row["life_imprisonment"] is None
