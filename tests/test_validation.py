"""Every kind of bad input gets its own KzlawError subclass naming the file and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

import kzlaw
from tests.conftest import edit

ART = "cc1997/128.toml"

CASES = [
    # (file, old, new, error class, field path, words in the message)
    (ART, 'title = "Trafficking in people"', 'title = "Trafficking in people', kzlaw.StatuteSyntaxError, "", "not valid TOML"),
    (ART, 'title = "Trafficking in people"\n', "", kzlaw.StatuteSchemaError, "versions[1].wordings.en.title", "required field 'title' is missing"),
    (ART, 'valid_to = 2006-03-02', 'valid_to = 2006-03-02\nefective = 1', kzlaw.StatuteSchemaError, "versions[0]", "unexpected field(s) efective"),
    (ART, 'elements = ["recruitment"', 'elements = "recruitment"\nx = ["recruitment"', kzlaw.StatuteSchemaError, "versions[0].parts[0].elements", "expected a list of strings"),
    (ART, '"deception"]', '"deceptoin"]', kzlaw.UnknownNameError, "versions[0].parts[0].elements[3]", "unknown tag 'deceptoin'"),
    (ART, 'tags = ["repeat"]', 'tags = ["repeated"]', kzlaw.UnknownNameError, "versions[1].parts[1].circumstances[1].tags[0]", "unknown tag 'repeated'"),
    (ART, 'kind = "arrest"', 'kind = "arest"', kzlaw.UnknownNameError, "versions[0].parts[0].sanction.main[4].kind", "unknown penalty kind 'arest'"),
    (ART, 'maximum = 6, unit = "months"', 'maximum = 6, unit = "fortnights"', kzlaw.UnknownNameError, "versions[0].parts[0].sanction.main[4].unit", "unknown unit 'fortnights'"),
    (ART, 'maximum = 6, unit = "months"', 'maximum = 6, unit = "weeks"', kzlaw.UnknownNameError, "versions[0].parts[0].sanction.main[4].unit", "'weeks' is not a unit of cc1997"),
    (ART, 'maximum = 6, unit = "months"', 'maximum = 6, unit = "mci"', kzlaw.RangeError, "versions[0].parts[0].sanction.main[4].unit", "arrest is not measured in 'mci'"),
    (ART, 'maximum = 6, unit = "months"', "maximum = 6", kzlaw.StatuteSchemaError, "versions[0].parts[0].sanction.main[4].unit", "a range needs a unit"),
    (ART, "minimum = 5, maximum = 7", "minimum = 7, maximum = 5", kzlaw.RangeError, "versions[1].parts[1].sanction.main[0].minimum", "minimum 7 years exceeds maximum 5 years"),
    (ART, "maximum = 6,", "maximum = -6,", kzlaw.RangeError, "versions[0].parts[0].sanction.main[4].maximum", "negative"),
    (ART, "maximum = 6,", "maximum = 0,", kzlaw.RangeError, "versions[0].parts[0].sanction.main[4].maximum", "a maximum of 0"),
    (ART, "minimum = 5, maximum = 7", 'minimum = "5", maximum = 7', kzlaw.StatuteSchemaError, "versions[1].parts[1].sanction.main[0].minimum", "whole number"),
    (ART, "minimum = 5, maximum = 7", "minimum = 5.5, maximum = 7", kzlaw.StatuteSchemaError, "versions[1].parts[1].sanction.main[0].minimum", "whole number"),
    (ART, "valid_to = 2006-03-02", "valid_to = 2007-01-01", kzlaw.PeriodError, "versions[1].valid_from", "periods overlap"),
    (ART, "valid_to = { earliest = 2013-07-01,", "valid_to = { latest = 2006-03-02,", kzlaw.PeriodError, "versions[1].valid_to", "not after it starts"),
    (ART, "valid_to = { earliest = 2013-07-01,", "valid_to = { earliest = 2013-07-01, latest = 2013-01-01,", kzlaw.PeriodError, "versions[1].valid_to.earliest", "2013-07-01 is after latest"),
    (ART, 'number = "2"', 'number = "1"', kzlaw.DuplicateEntryError, "versions[0].parts[1]", "duplicate part number '1'"),
    (ART, 'id = "qualified"', 'id = "base"', kzlaw.DuplicateEntryError, "versions[0].parts[1]", "duplicate part id 'base'"),
    (ART, '{ label = "b", tags = ["repeat"]', '{ label = "a", tags = ["repeat"]', kzlaw.DuplicateEntryError, "versions[1].parts[1].circumstances[1]", "duplicate circumstance label 'a'"),
    (ART, 'i = "by means of abuse of power"', 'i = "by means of abuse of office"', kzlaw.StatuteSchemaError, "versions[1].wordings.en.parts.qualified.circumstances.i", "not found in the part's text"),
    (ART, 'i = "by means of abuse of power"\n', "", kzlaw.StatuteSchemaError, "versions[1].wordings.en.parts.qualified.circumstances", "missing ['i']"),
    (ART, 'amended_by = "2006-anti-trafficking"', 'amended_by = "2006-law"', kzlaw.UnknownNameError, "versions[1].amended_by", "unknown law '2006-law'"),
    (ART, 'document = "iphr-2010"', 'document = "iphr-2011"', kzlaw.UnknownNameError, "versions[0].source.document", "unknown source document"),
    (ART, 'status = "unofficial_translation"', 'status = "translation"', kzlaw.UnknownNameError, "versions[0].wordings.en.status", "unknown text status"),
    (ART, 'number = "128"', 'number = "129"', kzlaw.StatuteSchemaError, "number", "must live in cc1997/129.toml"),
    (ART, 'code = "cc1997"', 'code = "cc1999"', kzlaw.UnknownNameError, "code", "unknown code 'cc1999'"),
    (ART, 'code = "cc1997"', 'code = "cc1997"\nin_force_from = 1990-01-01', kzlaw.StatuteSchemaError, "in_force_from", "comes from codes.toml"),
    (ART, 'number = "128"', 'number = "128"\n[[lineage]]\nrelation = "successor"\nref = "cc2014:128"\nsource = { document = "sc-2017-3" }\n', kzlaw.StatuteSchemaError, "lineage[0].ref", "is not a reference"),
    (ART, 'number = "128"', 'number = "128"\n[[lineage]]\nrelation = "sibling"\nref = "cc2014/128"\nsource = { document = "sc-2017-3" }\n', kzlaw.StatuteSchemaError, "lineage[0].relation", ""),
    (ART, "valid_to = 2006-03-02", 'valid_to = "2006-03-02"', kzlaw.StatuteSchemaError, "versions[0].valid_to", "expected a date"),
    ("vocabulary.toml", 'kind = "act"', 'kind = "deed"', kzlaw.UnknownNameError, "tags.recruitment.kind", "unknown tag kind 'deed'"),
    ("vocabulary.toml", 'protocol = ["act.recruitment"]', 'protocol = ["act.recruit"]', kzlaw.UnknownNameError, "tags.recruitment.protocol[0]", "unknown Protocol element id"),
    ("laws.toml", "in_force = 2010-01-01", "in_force = 2010-13-01", kzlaw.StatuteSyntaxError, "", "not valid TOML"),
    ("codes.toml", "in_force_from = 1998-01-01", "", kzlaw.StatuteSchemaError, "cc1997.in_force_from", "required field 'in_force_from' is missing"),
    ("codes.toml", "in_force_to = 2015-01-01", "in_force_to = 1990-01-01", kzlaw.PeriodError, "cc1997.in_force_to", "is not after in_force_from"),
    ("codes.toml", '["medium gravity", 60]', '["medium gravity", 12]', kzlaw.RangeError, "cc1997.gravity[1]", "positive and rising"),
    ("laws.toml", "adopted = 2009-12-10", "adopted = 2011-12-10", kzlaw.PeriodError, "laws.227-IV.adopted", "after the law came into force"),
    (ART, 'number = "128"', 'number = "0128"', kzlaw.StatuteSchemaError, "number", "leading zero"),
]  # fmt: skip


@pytest.mark.parametrize(("file", "old", "new", "error", "path", "words"), CASES)
def test_bad_input_is_named(
    statutes: Path, file: str, old: str, new: str, error: type[kzlaw.StatuteError], path: str, words: str
) -> None:
    edit(statutes / file, old, new)
    with pytest.raises(error) as caught:
        kzlaw.load(statutes)
    err = caught.value
    assert err.file == str(statutes / file)
    assert err.path == path
    assert words in err.problem
    assert str(err).startswith(f"{statutes / file}: ")


def test_unordered_versions(statutes: Path) -> None:
    edit(
        statutes / ART,
        "valid_from = { latest = 2006-03-01",
        "valid_from = { earliest = 2005-01-01, latest = 2006-03-01",
    )
    edit(
        statutes / ART,
        'amended_by = "2006-anti-trafficking"',
        'amended_by = "2006-anti-trafficking"\nvalid_from = 2004-01-01',
    )
    with pytest.raises(
        kzlaw.PeriodError, match=r"versions\[1\]\.valid_from: starts 2004-01-01, not after versions\[0\]"
    ):
        kzlaw.load(statutes)


def test_a_gap_between_versions_is_allowed_and_reported_by_at(statutes: Path) -> None:
    import datetime as dt

    edit(statutes / ART, "valid_to = 2006-03-02", "valid_to = 2005-01-01")
    art = kzlaw.load(statutes).article("cc1997/128")
    with pytest.raises(kzlaw.NotInForceError):
        art.at(dt.date(2005, 6, 1))


def test_a_folder_for_an_unknown_code(statutes: Path) -> None:
    (statutes / "cc1999").mkdir()
    (statutes / "cc1999" / "1.toml").write_text("", encoding="utf-8")
    with pytest.raises(kzlaw.UnknownNameError, match=r"'cc1999' is not a code of codes\.toml"):
        kzlaw.load(statutes)


def test_not_utf8(statutes: Path) -> None:
    (statutes / ART).write_bytes("title = '\u0422'\n".encode("cp1251"))
    with pytest.raises(kzlaw.StatuteSyntaxError, match="is not UTF-8"):
        kzlaw.load(statutes)


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(kzlaw.StatuteError, match="no such folder"):
        kzlaw.load(tmp_path / "nowhere")


def test_errors_are_also_builtin_errors(statutes: Path) -> None:
    edit(statutes / ART, "minimum = 5, maximum = 7", "minimum = 7, maximum = 5")
    with pytest.raises(ValueError, match="exceeds"):
        kzlaw.load(statutes)


def test_a_failed_load_leaves_the_loaded_corpus_intact(corpus: kzlaw.Corpus, statutes: Path) -> None:
    before = corpus.version("cc1997/128@2006-03-02")
    edit(statutes / ART, "minimum = 5, maximum = 7", "minimum = 7, maximum = 5")
    with pytest.raises(kzlaw.RangeError):
        kzlaw.load(statutes)
    assert kzlaw.load() is corpus
    assert corpus.version("cc1997/128@2006-03-02") == before
    assert before.part("2").sanction.imprisonment_months() == (60, 84)


def test_a_folder_of_articles_only_uses_the_bundled_registries(statutes: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine" / "cc1997"
    mine.mkdir(parents=True)
    (mine / "128.toml").write_text((statutes / ART).read_text(encoding="utf-8"), encoding="utf-8")
    small = kzlaw.load(mine.parent)
    assert [a.ref for a in small] == ["cc1997/128"]
    assert small.article("cc1997/128") == kzlaw.load().article("cc1997/128")


def test_model_objects_are_frozen(corpus: kzlaw.Corpus) -> None:
    import attrs

    v = corpus.version("cc1997/128@2006-03-02")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        v.title = "x"  # type: ignore[misc]
