"""The 2014-code data against the reference tables (shared/reference/cc2014.md), lineage and uncertainty."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import kzlaw

Y = 12
# (article, amending law) -> imprisonment (min, max) in years per part, from the reference's tables.
TABLES = {
    ("128", "226-V"): [(3, 5), (5, 7), (7, 10), (10, 15)],
    ("128", "292-VI"): [(4, 7), (7, 9), (9, 12), (12, 15)],
    ("128", "111-VIII"): [(4, 7), (7, 9), (9, 12), (12, 15)],
    ("135", "226-V"): [(5, 7), (7, 10), (10, 12), (12, 15)],
    ("135", "292-VI"): [(5, 9), (9, 12), (10, 15), (12, 18)],
    ("135", "111-VIII"): [(5, 9), (9, 12), (10, 15), (12, 18)],
    ("134", "170-VI"): [(3, 5), (5, 7), (6, 10), (7, 12)],
    ("134", "292-VI"): [(3, 6), (5, 8), (6, 10), (7, 12)],
    ("134", "393-VI"): [(3, 6), (5, 8), (6, 10), (7, 12)],
    ("134", "111-VIII"): [(3, 6), (5, 8), (6, 10), (7, 12)],
    ("308", "180-VI"): [(None, 3), (3, 6), (5, 7)],
    ("308", "111-VIII"): [(None, 3), (3, 6), (5, 7)],
    ("309", "226-V"): [(None, 5), (3, 7), (5, 10)],
    ("309", "111-VIII"): [(None, 5), (3, 7), (5, 10)],
    ("116", "226-V"): [(None, 5), (5, 10), (8, 12)],
    ("116", "292-VI"): [(None, 5), (6, 10), (8, 12)],
    ("125", "226-V"): [(4, 7), (7, 12), (10, 15)],
    ("125", "292-VI"): [(4, 7), (7, 12), (10, 15)],
    ("125", "72-VIII"): [(4, 7), (7, 12), (10, 15)],
    ("126", "226-V"): [(None, 3), (None, 5), (5, 10)],
    ("126", "292-VI"): [(None, 3), (None, 5), (5, 10)],
    ("126", "72-VIII"): [(None, 3), (None, 5), (5, 10)],
    ("120", "226-V"): [(3, 5), (5, 10), (10, 15), (15, 20)],
    ("120", "292-VI"): [(5, 8), (9, 12), (12, 15), (15, 20)],
}


def months(pair: tuple[int | None, int]) -> tuple[int | None, int]:
    lo, hi = pair
    return (None if lo is None else lo * Y, hi * Y)


def version(corpus: kzlaw.Corpus, number: str, law: str) -> kzlaw.Version:
    (found,) = [v for v in corpus.article(f"cc2014/{number}").versions if v.amended_by == law]
    return found


@pytest.mark.parametrize(("number", "law"), sorted(TABLES))
def test_every_range_of_every_version(corpus: kzlaw.Corpus, number: str, law: str) -> None:
    v = version(corpus, number, law)
    expected = [months(p) for p in TABLES[(number, law)]]
    got = []
    for part in v.parts:
        terms = [p for p in part.sanction.imprisonment() if not p.lifetime]
        got.append(terms[0].months() if terms else None)
    assert got == expected
    assert v.text_status == "summary"
    assert v.source.document == "adilet-81097"


def test_mandatory_confiscation_and_lifetime_disqualification(corpus: kzlaw.Corpus) -> None:
    for number in ("128", "135", "134", "308", "309"):
        for v in corpus.article(f"cc2014/{number}").versions:
            for part in v.parts:
                conf = [p for p in part.sanction.additional if p.kind == "confiscation"]
                assert [p.optional for p in conf] == [False], (v.ref, part.number)
    after_393 = version(corpus, "134", "393-VI")
    before_393 = version(corpus, "134", "292-VI")
    for part in after_393.parts:
        assert any(p.kind == "disqualification" and p.lifetime for p in part.sanction.additional)
    assert [any(p.lifetime for p in part.sanction.additional) for part in before_393.parts] == [
        False,
        False,
        False,
        True,
    ]
    assert "item 2" in before_393.part("4").sanction.additional[1].note
    assert [p.optional for p in version(corpus, "125", "226-V").part("2").sanction.additional] == [True]


def test_308_part_1_options(corpus: kzlaw.Corpus) -> None:
    part = corpus.version("cc2014/308@2022-06-01").part("1")
    assert [(p.kind, p.maximum, p.unit) for p in part.sanction.main] == [
        ("fine", 3000, "mci"),
        ("correctional_labour", 3000, "mci"),
        ("community_service", 800, "hours"),
        ("restriction_of_liberty", 3, "years"),
        ("imprisonment", 3, "years"),
    ]
    assert part.sanction.fully_known


def test_308_and_134_before_2018_are_settled_by_the_reconstructed_official_text(corpus: kzlaw.Corpus) -> None:
    v = corpus.version("cc2014/308@2016-01-01")
    part = v.part("1")
    assert part.sanction.fully_known
    assert part.sanction.imprisonment_known
    assert "community_service" not in [p.kind for p in part.sanction.main]
    assert all(p.confirmed for p in part.sanction.main + part.sanction.additional)
    assert v.wording("ru").status == "official"
    assert "общественным работам" not in v.wording("ru").part("base")
    v134 = corpus.version("cc2014/134@2016-01-01")
    assert v134.part("1").sanction.imprisonment_months() == (36, 60)
    assert all(p.confirmed for q in v134.parts for p in q.sanction.main + q.sanction.additional)
    assert corpus.version("cc2014/134@2022-06-01").part("1").sanction.imprisonment_known


def test_numbered_circumstances(corpus: kzlaw.Corpus) -> None:
    v = corpus.version("cc2014/134@2022-06-01")
    assert [c.label for c in v.part("3").circumstances] == ["1", "1-1", "2"]
    assert [c.label for c in version(corpus, "134", "226-V").part("3").circumstances] == ["1", "2"]
    assert [c.label for c in corpus.version("cc2014/128@2022-06-01").part("2").circumstances] == [
        str(i) for i in range(1, 13)
    ]
    assert [c.label for c in version(corpus, "128", "111-VIII").part("2").circumstances][-1] == "13"
    assert len(version(corpus, "135", "111-VIII").part("2").circumstances) == 14


def test_minor_moves_from_part_2_to_part_3_in_2024(corpus: kzlaw.Corpus) -> None:
    for number in ("125", "126"):
        before, after = version(corpus, number, "292-VI"), version(corpus, number, "72-VIII")
        minor = lambda v, n: any("minor" in c.tags for c in v.part(n).circumstances)  # noqa: E731
        assert (minor(before, "2"), minor(before, "3")) == (True, False)
        assert (minor(after, "2"), minor(after, "3")) == (False, True)
        # 72-VIII did nothing else to these articles (the reference's row): the rest is the 292-VI version's
        kept = [c for c in before.part("2").circumstances if "minor" not in c.tags]
        assert list(after.part("2").circumstances) == kept
        # the sanctions are the 292-VI ones, carried over: no source attests them for 2024, and the data says so
        options = lambda v: [o for p in v.parts for o in p.sanction.main + p.sanction.additional]  # noqa: E731
        assert [attrs.evolve(o, confirmed=True, note="") for o in options(after)] == options(before)
        assert all(o.confirmed for o in options(before))
        assert not any(o.confirmed for o in options(after))
        assert all("no text of the 2024 state is held" in o.note for o in options(after))
        assert after.notes == before.notes
        changes = kzlaw.diff(before, after, corpus).changes
        assert [c.summary for c in changes] == ["circumstance 2(5) moved to 3(?1): 'against a minor'"]
        assert "Carried over from the 2020 text, not confirmed for 2024" in after.remarks
        assert "the 2024 wording itself is not held" in after.remarks


def test_amending_laws_have_adoption_and_uncertain_entry_into_force(corpus: kzlaw.Corpus) -> None:
    law = corpus.laws["292-VI"]
    assert law.adopted == dt.date(2019, 12, 27)
    assert not law.in_force.is_exact
    assert (law.in_force.earliest, law.in_force.latest) == (dt.date(2020, 1, 6), dt.date(2020, 1, 31))
    assert "десяти календарных дней" in version(corpus, "128", "292-VI").wording("ru").footnote
    assert corpus.laws["111-VIII"].in_force.latest is None
    assert corpus.laws["226-V"].in_force.date == dt.date(2015, 1, 1)
    assert version(corpus, "128", "292-VI").valid_from == law.in_force


def test_at_inside_an_uncertain_window_refuses_to_pick(corpus: kzlaw.Corpus) -> None:
    art = corpus.article("cc2014/128")
    with pytest.raises(kzlaw.AmbiguousDateError) as caught:
        art.at(dt.date(2020, 1, 10))
    assert caught.value.candidates == ("cc2014/128@2015-01-01", "cc2014/128@292-VI")
    assert "between 2020-01-06 and 2020-01-31" in str(caught.value)
    assert [v.ref for v in art.candidates(dt.date(2020, 1, 10))] == list(caught.value.candidates)
    assert art.at(dt.date(2020, 1, 5)).amended_by == "226-V"  # ten days after publication cannot have passed
    assert art.at(dt.date(2020, 2, 1)).amended_by == "292-VI"
    with pytest.raises(kzlaw.AmbiguousDateError):
        art.at(dt.date(2026, 1, 1))  # 111-VIII's entry into force has no known upper bound


def test_a_version_can_be_named_by_its_law(corpus: kzlaw.Corpus) -> None:
    v = corpus.version("cc2014/128@111-VIII")
    assert v.amended_by == "111-VIII"
    assert v.ref == "cc2014/128@111-VIII"
    with pytest.raises(kzlaw.UnknownArticleError, match="no version of cc2014/128 was brought by law 170-VI"):
        corpus.version("cc2014/128@170-VI")


def test_lineage(corpus: kzlaw.Corpus) -> None:
    chain = [a.ref for a in corpus.lineage("cc2014/135")]
    assert chain == ["cc1997/133", "cc2014/135"]
    assert [a.ref for a in corpus.lineage("cc1997/133")] == chain
    pairs = {
        "cc1997/113": "cc2014/116", "cc1997/125": "cc2014/125", "cc1997/126": "cc2014/126", "cc1997/128": "cc2014/128",
        "cc1997/133": "cc2014/135", "cc1997/270": "cc2014/308", "cc1997/271": "cc2014/309",
    }  # fmt: skip
    for old, new in pairs.items():
        assert [(link.relation, link.ref) for link in corpus.links(old)] == [("successor", new)]
        assert [link.source.document for link in corpus.links(new)] == ["sc-2017-3"]
    assert [link.ref for link in corpus.links("cc2014/134")] == ["cc1997/132-1"]  # not held, still named
    assert [a.ref for a in corpus.lineage("cc2014/134")] == ["cc2014/134"]


def test_history_traces_the_maximum_term_from_1998(corpus: kzlaw.Corpus) -> None:
    history = corpus.article("cc2014/128").history(corpus)
    assert [v.ref for v in history][:2] == ["cc1997/128@2006-03-01", "cc1997/128@2006-03-02"]
    maxima = [max(p.sanction.imprisonment_months()[1] or 0 for p in v.parts) for v in history]
    assert maxima == [96, 180, 180, 180, 180, 180]


def test_definitions_of_exploitation(corpus: kzlaw.Corpus) -> None:
    (d2015,) = corpus.definitions(corpus.version("cc2014/128@2016-01-01"), "exploitation")
    assert "begging" in d2015.tags
    assert "illegal_activity_coercion" not in d2015.tags
    (d2024,) = corpus.definitions(corpus.version("cc2014/128@111-VIII"), "exploitation")
    assert "illegal_activity_coercion" in d2024.tags
    assert d2015.label == d2024.label == "Art. 3 point 1"


def test_every_2014_version_cites_its_law(corpus: kzlaw.Corpus) -> None:
    for art in corpus.select("cc2014", role=None):
        for v in art.versions:
            if v.amended_by is None:
                assert v.remarks, v.ref  # the one version whose law is not named says so
            else:
                assert v.amended_by in v.source.locator or v.amended_by == "226-V"
