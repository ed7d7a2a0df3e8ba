"""The 1997-code data against its source, the appendix of the briefing paper (iphr-2010)."""

from __future__ import annotations

import re

import pytest

import kzlaw
from tests.conftest import SOURCES

APPENDIX = SOURCES / "iphr-2010-appendix.txt"

# Imprisonment (min, max) in months per part, read off the appendix by hand.
RANGES = {
    "cc1997/113@2006-03-01": {"1": (None, 60), "2": (36, 84), "3": (60, 120)},
    "cc1997/113@2006-03-02": {"1": (None, 60), "2": (60, 84), "3": (84, 120)},
    "cc1997/125@2006-03-01": {"1": (48, 84), "2": (84, 144), "3": (120, 180)},
    "cc1997/125@2006-03-02": {"1": (48, 84), "2": (84, 144), "3": (120, 180)},
    "cc1997/126@2006-03-01": {"1": (None, 36), "2": (None, 60), "3": (60, 120)},
    "cc1997/126@2006-03-02": {"1": (None, 36), "2": (None, 60), "3": (60, 120)},
    "cc1997/128@2006-03-01": {"1": (None, 12), "2": (None, 60), "3": (36, 96)},
    "cc1997/128@2006-03-02": {"1": (None, 60), "2": (60, 84), "3": (84, 120), "4": (84, 180)},
    "cc1997/133@2006-03-01": {"1": (24, 84), "2": (36, 120), "3": (84, 180)},
    "cc1997/133@2006-03-02": {"1": (60, 84), "2": (84, 120), "3": (120, 144), "4": (144, 180)},
    "cc1997/275-1@2006-03-02": {"1": (None, 60), "2": (60, 84)},
    "cc1997/270@2009-12-31": {"1": (None, 60), "2": (36, 84)},
    "cc1997/270@2010-01-01": {"1": (None, 60), "2": (36, 84)},
    "cc1997/271@2009-12-31": {"1": (None, 36), "2": (None, 60)},
    "cc1997/271@2010-01-01": {"1": (None, 36), "2": (None, 60)},
}

# Versions after 2010 that only the official Russian text gives (issue #11), read off the Russian words by hand.
RANGES_RU = {
    "cc1997/125@2013-anti-trafficking": {"1": (48, 84), "2": (84, 144), "3": (120, 180)},
    "cc1997/126@393-IV": {"1": (None, 36), "2": (None, 60), "3": (60, 120)},
    "cc1997/128@2013-anti-trafficking": {"1": (36, 60), "2": (60, 84), "3": (84, 120), "4": (120, 180)},
    "cc1997/133@2013-anti-trafficking": {"1": (60, 84), "2": (84, 120), "3": (120, 144), "4": (144, 180)},
    "cc1997/270@2011-law-enforcement": {"1": (None, 60), "2": (36, 84)},
    "cc1997/270@2013-anti-trafficking": {"1": (24, 60), "2": (36, 72), "3": (60, 84)},
    "cc1997/271@2011-law-enforcement": {"1": (None, 36), "2": (None, 60)},
    "cc1997/271@2013-anti-trafficking": {"1": (None, 60), "2": (60, 84), "3": (60, 120)},
}
ALL = {**RANGES, **RANGES_RU}

# Circumstance labels per part.
LETTERS = {
    "cc1997/113@2006-03-01": {"2": "abc"},
    "cc1997/113@2006-03-02": {"2": "abcdefghij"},
    "cc1997/125@2006-03-01": {"2": "abcdefgh", "3": "abc"},
    "cc1997/125@2006-03-02": {"2": "abcdefgh", "3": "abc"},
    "cc1997/126@2006-03-01": {"2": "abcdefgh", "3": "abc"},
    "cc1997/126@2006-03-02": {"2": "abcdefghi", "3": "abc"},
    "cc1997/128@2006-03-01": {"2": "ab"},
    "cc1997/128@2006-03-02": {"2": "abcdefghij", "4": "ab"},
    "cc1997/133@2006-03-01": {"2": "abcdefg"},
    "cc1997/133@2006-03-02": {"2": "abcdefghij", "4": "ab"},
    "cc1997/275-1@2006-03-02": {"2": "abc"},
    "cc1997/125@2013-anti-trafficking": {"2": "abcdefgh", "3": "abc"},
    "cc1997/126@393-IV": {"2": "abcdefghi", "3": "abc"},
    "cc1997/128@2013-anti-trafficking": {"2": "abcdefghijkl", "4": "ab"},
    "cc1997/133@2013-anti-trafficking": {"2": "abcdefghijklm", "4": "ab"},
    "cc1997/271@2013-anti-trafficking": {"2": "abc"},
}

NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15,
}  # fmt: skip


def normalise(text: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


def pieces(text: str, source: str, most: int = 3) -> list[str]:
    """Split ``text`` into the fewest runs of words that each occur in ``source`` (greedy, longest first).

    The appendix is a two-column table that breaks across pages, so one provision can be split in two.
    """
    words, found = text.split(), []
    while words:
        n = len(words)
        while n and " ".join(words[:n]) not in source:
            n -= 1
        if n == 0 or len(found) == most:
            raise AssertionError(f"not in the source: {' '.join(words)[:100]!r}")
        found.append(" ".join(words[:n]))
        words = words[n:]
    return found


def test_every_version_is_held(corpus: kzlaw.Corpus) -> None:
    held = {v.ref for a in corpus.select("cc1997") for v in a.versions}
    assert held == set(ALL)
    assert {v.ref for a in corpus.select("cc1997") for v in a.versions if "en" not in v.wordings} == set(RANGES_RU)


@pytest.mark.parametrize("ref", sorted(ALL))
def test_imprisonment_ranges(corpus: kzlaw.Corpus, ref: str) -> None:
    v = corpus.version(ref)
    assert [p.number for p in v.parts] == list(ALL[ref])
    got = {p.number: p.sanction.imprisonment_months() for p in v.parts}
    assert got == ALL[ref]


@pytest.mark.parametrize("ref", sorted(ALL))
def test_circumstance_labels(corpus: kzlaw.Corpus, ref: str) -> None:
    v = corpus.version(ref)
    got = {p.number: "".join(c.label for c in p.circumstances) for p in v.parts if p.circumstances}
    assert got == LETTERS.get(ref, {})


def columns() -> dict[str, str]:
    """The appendix's columns, each its cells in order, by the heading the versions' locators quote.

    The appendix is a tab-separated table. Section 1 rows are ``number, Until 2 March 2006, After 2 March 2006``;
    section 2 rows (after its heading row) are ``prior to 1 January 2010, as of 1 January 2010``. A cell a page
    break split continues in the next row of the same column, so a column's cells joined in order hold each
    provision whole.
    """
    cells: dict[str, list[str]] = {}
    heads: list[str] = []
    for line in APPENDIX.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if "Until 2 March 2006" in line and "After 2 March 2006" in line:
            heads = ["", "Until 2 March 2006", "After 2 March 2006"]
            continue
        if "prior to 1 January 2010" in line and "as of 1 January 2010" in line and "\t" in line:
            heads = ["prior to 1 January 2010", "as of 1 January 2010"]
            continue
        if not heads or len(fields) < 2:
            continue
        for head, cell in zip(heads, fields, strict=False):
            if head:
                cells.setdefault(head, []).append(cell)
    return {head: normalise(" ".join(c)) for head, c in cells.items()}


def column_of(locator: str) -> str:
    (head,) = [h for h in ("Until 2 March 2006", "After 2 March 2006", "prior to 1 January 2010",
                           "as of 1 January 2010") if h in locator]  # fmt: skip
    return head


@pytest.mark.parametrize("ref", sorted(RANGES))
def test_texts_are_the_sources_words(corpus: kzlaw.Corpus, ref: str) -> None:
    """Every part, circumstance, note and definition text is its own column's words, word for word, in one run."""
    v = corpus.version(ref)
    w = v.wording("en")
    assert w.status == "unofficial_translation"
    assert w.source.document == "iphr-2010"
    column = columns()[column_of(w.source.locator)]
    texts = [w.part(p.id) for p in v.parts] + list(w.notes.values()) + list(w.definitions.values())
    texts += [t for pw in w.parts.values() for t in pw.circumstances.values()]
    for text in texts:
        assert normalise(text) in column, (ref, text[:80])


def test_the_column_check_catches_a_word_from_the_other_column() -> None:
    cols = columns()
    assert set(cols) == {"Until 2 March 2006", "After 2 March 2006", "prior to 1 January 2010", "as of 1 January 2010"}
    after = "with regard to a minor if the guilty party was aware of this"
    assert after in cols["After 2 March 2006"]
    assert after.replace("party", "part") not in cols["After 2 March 2006"]  # the audit's typo would fail
    assert "Article 128: Trafficking in people" in cols["After 2 March 2006"]
    assert "Article 128: Trafficking in people" not in cols["Until 2 March 2006"]


def test_pieces_rejects_words_not_in_the_source() -> None:
    assert pieces("a b c d", "a b x c d") == ["a b", "c d"]
    with pytest.raises(AssertionError):
        pieces("a b c", "a x b x c x", most=2)
    with pytest.raises(AssertionError):
        pieces("a q", "a b")


@pytest.mark.parametrize("ref", sorted(RANGES))  # the English texts; the Russian ones: tests/test_data_official.py
def test_ranges_agree_with_the_words_of_the_text(corpus: kzlaw.Corpus, ref: str) -> None:
    """The structured range of each term penalty matches the number words in the part's own text."""
    v = corpus.version(ref)
    for part in v.parts:
        words = normalise(v.wording("en").part(part.id)).lower()
        for p in part.sanction.main + part.sanction.additional:
            if p.unit not in ("years", "months") or p.maximum is None:
                continue
            inv = {v: k for k, v in NUMBERS.items()}
            unit = p.unit if p.maximum != 1 else p.unit[:-1]
            if p.minimum is None:
                phrase = rf"up to {inv[p.maximum]} {unit}"
            else:
                phrase = rf"{inv[p.minimum]} to {inv[p.maximum]} {unit}"
            assert re.search(phrase, words), (ref, part.number, phrase)


def test_fines_and_options(corpus: kzlaw.Corpus) -> None:
    base = corpus.version("cc1997/128@2006-03-01").part("1").sanction
    assert [p.kind for p in base.main] == [
        "fine", "fine", "correctional_labour", "restriction_of_liberty", "arrest", "imprisonment",
    ]  # fmt: skip
    assert (base.main[0].minimum, base.main[0].maximum, base.main[0].unit) == (100, 500, "mci")
    assert (base.main[1].minimum, base.main[1].maximum, base.main[1].unit) == (2, 5, "monthly_income")
    assert base.main[4].months() == (None, 6)
    assert not base.custodial_only
    fine_271 = corpus.version("cc1997/271@2010-01-01").part("1").sanction.main[0]
    assert (fine_271.minimum, fine_271.maximum, fine_271.unit) == (500, 1000, "mci")
    arrest = corpus.version("cc1997/126@2006-03-02").part("1").sanction.main[1]
    assert (arrest.kind, arrest.months()) == ("arrest", (3, 6))


def test_confiscation_optional_versus_mandatory(corpus: kzlaw.Corpus) -> None:
    after = corpus.version("cc1997/128@2006-03-02")
    assert [p.optional for p in after.part("3").sanction.additional] == [True]
    assert [p.optional for p in after.part("4").sanction.additional] == [False]
    assert after.part("4").sanction.custodial_only


def test_tags_the_text_plainly_states(corpus: kzlaw.Corpus) -> None:
    before, after = corpus.version("cc1997/128@2006-03-01"), corpus.version("cc1997/128@2006-03-02")
    assert {"recruitment", "deception", "sexual_exploitation"} <= set(before.part("1").elements)
    assert "transfer" not in before.part("1").elements
    assert {"recruitment", "transportation", "transfer", "harbouring"} <= set(after.part("1").elements)
    assert "deception" not in after.part("1").elements
    assert after.part("2").circumstance("h").tags == ("deception", "abuse_of_trust")
    assert "minor" in corpus.version("cc1997/133@2006-03-01").part("1").elements
    assert "violence" in corpus.version("cc1997/113@2006-03-01").part("1").elements
    assert "violence" not in corpus.version("cc1997/113@2006-03-02").part("1").elements
    assert "previous_conviction" in corpus.version("cc1997/271@2009-12-31").part("2").elements
    assert "repeat" in corpus.version("cc1997/271@2010-01-01").part("2").elements


def test_definition_of_exploitation(corpus: kzlaw.Corpus) -> None:
    after = corpus.version("cc1997/125@2006-03-02")
    (d,) = after.definitions
    assert (d.term, d.label, d.applies_to) == ("exploitation", "Note 2", ("125", "126", "128", "133"))
    assert corpus.definitions(corpus.version("cc1997/128@2006-03-02"), "exploitation") == (d,)
    assert corpus.definitions(corpus.version("cc1997/128@2006-03-01"), "exploitation") == ()
    assert corpus.definitions(corpus.version("cc1997/270@2010-01-01"), "exploitation") == ()


def test_periods(corpus: kzlaw.Corpus) -> None:
    import datetime as dt

    art = corpus.article("cc1997/128")
    assert art.at(dt.date(2006, 3, 1)).ref == "cc1997/128@2006-03-01"
    assert art.at(dt.date(2006, 3, 2)).ref == "cc1997/128@2006-03-02"
    assert art.versions[0].valid_from.earliest is None  # start not attested, not guessed
    assert art.at(dt.date(2005, 6, 1)).in_force_on(dt.date(2005, 6, 1)) == "uncertain"
    assert art.at(dt.date(2009, 1, 1)).in_force_on(dt.date(2009, 1, 1)) == "yes"
    assert art.at(dt.date(2012, 1, 1)).ref == "cc1997/128@2006-03-02"  # the 2013 law cannot be in force yet
    with pytest.raises(kzlaw.AmbiguousDateError, match="do not say which version"):
        art.at(dt.date(2014, 1, 1))  # the 2013 law's entry into force is known only as on or after 2013-07-01
    with pytest.raises(kzlaw.NotInForceError):
        art.at(dt.date(1997, 12, 31))
    with pytest.raises(kzlaw.NotInForceError):
        art.at(dt.date(2015, 1, 1))
