from __future__ import annotations

import datetime as dt
import json

import pytest

import kzlaw
from kzlaw.cli import main


def row(table: kzlaw.PenaltyTable, ref: str, part: str) -> kzlaw.PenaltyRow:
    (found,) = [r for r in table.rows if r.ref == ref and r.part == part]
    return found


def test_271_against_128_in_2010(corpus: kzlaw.Corpus) -> None:
    t = kzlaw.compare_penalties("cc1997/271@2010-01-01", "cc1997/128@2010-01-01", corpus=corpus)
    assert max(r.imprisonment_max_months or 0 for r in t.for_ref("cc1997/271@2010-01-01")) == 60
    assert max(r.imprisonment_max_months or 0 for r in t.for_ref("cc1997/128@2006-03-02")) == 180
    top_271 = row(t, "cc1997/271@2010-01-01", "2")
    assert top_271.is_most_aggravated
    assert top_271.benchmarks["eu.directive_2011_36.aggravated"].outcome == "below"
    assert row(t, "cc1997/128@2006-03-02", "4").benchmarks["eu.directive_2011_36.aggravated"].outcome == "meets"
    assert t.by_severity()[0].ref == "cc1997/128@2006-03-02"
    assert t.by_severity()[-1] == row(t, "cc1997/271@2010-01-01", "1")


def test_fields_of_a_row(corpus: kzlaw.Corpus) -> None:
    t = kzlaw.compare_penalties("cc1997/128@2006-03-01", corpus=corpus)
    base = row(t, "cc1997/128@2006-03-01", "1")
    assert (base.imprisonment_min_months, base.imprisonment_max_months, base.min_stated) == (None, 12, False)
    assert base.custody_mandatory is False
    assert base.non_custodial_option is True
    assert base.gravity == "small gravity"
    assert base.benchmarks["untoc.serious_crime"].outcome == "below"
    assert "non-custodial" in base.benchmarks["tip.prescribed_max4"].detail
    assert base.range_text() == "up to 1 year"
    top = row(t, "cc1997/128@2006-03-01", "3")
    assert top.is_most_aggravated
    assert not top.is_base
    assert top.additional == ("confiscation of property (optional)",)
    assert top.range_text() == "3-8 years"


@pytest.mark.parametrize(
    ("months", "expected"),
    [(None, "small gravity"), (24, "small gravity"), (25, "medium gravity"), (60, "medium gravity"), (61, "grave"),
     (144, "grave"), (145, "especially grave")],
)  # fmt: skip
def test_gravity_thresholds(corpus: kzlaw.Corpus, months: int | None, expected: str) -> None:
    import attrs

    v = corpus.version("cc1997/128@2006-03-02")
    main_ = () if months is None else (kzlaw.Penalty("imprisonment", maximum=months, unit="months"),)
    part = attrs.evolve(v.parts[0], sanction=kzlaw.Sanction(main=main_ or (kzlaw.Penalty("fine", 1, 2, "mci"),)))
    assert kzlaw.gravity(part, v, corpus) == expected


def test_after_2006_every_trafficking_related_part_is_at_least_medium(corpus: kzlaw.Corpus) -> None:
    """The paper: after 2006 'all trafficking-related crimes are now categorized as either crimes of medium
    severity, severe crimes, or especially severe crimes'."""
    refs = ["cc1997/113", "cc1997/125", "cc1997/126", "cc1997/128", "cc1997/133", "cc1997/275-1"]
    after = kzlaw.compare_penalties(*(f"{r}@2007-01-01" for r in refs), corpus=corpus)
    assert {r.gravity for r in after.rows} <= {"medium gravity", "grave", "especially grave"}
    before = kzlaw.compare_penalties(*(f"{r}@2006-03-01" for r in refs if r != "cc1997/275-1"), corpus=corpus)
    assert "small gravity" in {r.gravity for r in before.rows}


def test_life_imprisonment_and_rape_comparison(corpus: kzlaw.Corpus) -> None:
    rape = kzlaw.compare_penalties("cc2014/120@2015-01-01", corpus=corpus)
    top = row(rape, "cc2014/120@2015-01-01", "4")
    assert top.life
    assert top.is_most_aggravated
    assert top.gravity == "especially grave"
    assert top.range_text() == "15 years to life"
    t = kzlaw.compare_penalties("cc2014/128@2022-06-01", corpus=corpus)
    base = row(t, "cc2014/128@292-VI", "1")
    assert base.benchmarks["kz.rape"].outcome == "below"
    assert "against rape 8 years (cc2014/120@292-VI part 1)" in base.benchmarks["kz.rape"].detail
    assert (
        row(t, "cc2014/128@292-VI", "4")
        .benchmarks["kz.rape"]
        .detail.endswith("against rape life (cc2014/120@292-VI part 4)")
    )
    early = kzlaw.compare_penalties("cc1997/128@2007-01-01", corpus=corpus)
    assert row(early, "cc1997/128@2006-03-02", "1").benchmarks["kz.rape"].outcome == "meets"


def test_unknowns_are_reported_not_filled(corpus: kzlaw.Corpus) -> None:
    # The only ranges the sources leave unconfirmed since the official text was read (issue #11): rape, parts 2-3,
    # as kzlaw's reference dates them to Law No. 292-VI without support.
    t = kzlaw.compare_penalties("cc2014/120@292-VI", corpus=corpus)
    unknown = [r for r in t.rows if r.unknown]
    assert [r.part for r in unknown] == ["2", "3"]
    for r in unknown:
        assert r.imprisonment_max_months is None
        assert r.imprisonment_min_months is None
        assert r.unknown
        assert r.gravity == "unknown"
        assert r.benchmarks["untoc.serious_crime"].outcome == "unknown"
    # the 2015 text of art. 308, rebuilt from the official text by undoing Law No. 180-VI, is now known
    settled = kzlaw.compare_penalties("cc2014/308@2016-01-01", corpus=corpus)
    assert [r.imprisonment_max_months for r in settled.rows] == [36, 72, 84]
    assert not any(r.unknown for r in settled.rows)
    later = kzlaw.compare_penalties("cc2014/308@2022-06-01", corpus=corpus)
    assert row(later, "cc2014/308@180-VI", "1").imprisonment_max_months == 36
    assert row(later, "cc2014/308@180-VI", "1").benchmarks["untoc.serious_crime"].outcome == "below"


def test_cross_code_and_history(corpus: kzlaw.Corpus) -> None:
    t = kzlaw.compare_penalties("cc1997/133@2006-03-02", "cc2014/135@2022-06-01", corpus=corpus)
    assert [r.imprisonment_max_months for r in t.rows if r.is_most_aggravated] == [180, 216]
    history = kzlaw.penalty_history("cc1997/133", corpus=corpus)
    assert [r.ref for r in history.rows if r.is_base] == [
        "cc1997/133@2006-03-01", "cc1997/133@2006-03-02", "cc1997/133@2013-anti-trafficking",
        "cc2014/135@2015-01-01", "cc2014/135@292-VI", "cc2014/135@111-VIII",
    ]  # fmt: skip
    assert [r.imprisonment_min_months for r in history.rows if r.is_base] == [24, 60, 60, 60, 60, 60]


def test_article_reference_means_every_version(corpus: kzlaw.Corpus) -> None:
    t = kzlaw.compare_penalties("cc1997/270", corpus=corpus)
    assert {r.ref for r in t.rows} == {
        "cc1997/270@2009-12-31", "cc1997/270@2010-01-01", "cc1997/270@2011-law-enforcement",
        "cc1997/270@2013-anti-trafficking",
    }  # fmt: skip


def test_dataframe_and_html(corpus: kzlaw.Corpus) -> None:
    t = kzlaw.compare_penalties("cc1997/128@2006-03-02", corpus=corpus)
    df = t.to_dataframe()
    assert list(df["imprisonment_max_months"]) == [60, 84, 120, 180]
    assert df.loc[0, "untoc.serious_crime"] == "meets"
    html = t._repr_html_()
    assert html == t.to_html()
    from tests.htmlcheck import check

    parsed = check(html)
    assert parsed.tags.count("tr") == 1 + len(t.rows)  # a header row and one row per part
    for r in t.rows:
        assert r.range_text() in html
    assert "UN Convention: serious crime (maximum of 4 years or more)" in html  # benchmarks by name, not bare ids
    assert "Criminal Code 1997, art. 128" in html


def test_cli(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["penalties", "cc1997/271@2010-01-01", "cc1997/128@2010-01-01", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {
        "ref",
        "part",
        "imprisonment_min_months",
        "imprisonment_max_months",
        "gravity",
        "options",
        "benchmarks",
    } <= set(rows[0])
    assert [(r["ref"], r["part"], r["imprisonment_max_months"]) for r in rows if r["is_most_aggravated"]] == [
        ("cc1997/271@2010-01-01", "2", 60), ("cc1997/128@2006-03-02", "4", 180),
    ]  # fmt: skip
    assert rows[0]["benchmarks"]["untoc.serious_crime"]["outcome"] == "below"
    assert main(["penalties", "cc2014/120@2022-06-01"]) == 0
    assert "unknown in cc2014/120@292-VI: the imprisonment range is not confirmed" in capsys.readouterr().out


def test_ambiguous_date_is_an_error_not_a_guess(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["penalties", "cc2014/128@2020-01-10"]) == 2
    assert "do not say which version" in capsys.readouterr().err
    with pytest.raises(kzlaw.AmbiguousDateError):
        kzlaw.compare_penalties("cc2014/128@2020-01-10")
    assert kzlaw.load().article("cc2014/128").candidates(dt.date(2020, 1, 10))
