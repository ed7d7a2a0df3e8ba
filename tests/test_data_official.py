"""The official Russian and Kazakh wordings against the exact source slices they were copied from (issue #11).

``tests/sources/official/`` holds the slices of the quyse/kz-laws mirror that kzlaw read, each named by path,
commit and start offset (``rus-81097-0396b99-259218.txt`` is rus/81097.md at commit 0396b99..., from character
259218), and ``MANIFEST.json``: which wording was copied from which slices (``copies``), and which wording follows
from another by an amending law's own instructions (``derivations``: the 2015 texts of the 2014 Code, rebuilt by
undoing the instructions, and the 1997 Code's texts after 2009, built by applying them).
"""

from __future__ import annotations

import json
import re

import pytest

import kzlaw
from kzlaw.model import Version, Wording
from tests.conftest import SOURCES

OFFICIAL = SOURCES / "official"
MANIFEST = json.loads((OFFICIAL / "MANIFEST.json").read_text(encoding="utf-8"))
COPIES = {(c["ref"], c["lang"]): c["slices"] for c in MANIFEST["copies"]}
DERIVED = MANIFEST["derivations"]
POINT = {"ru": re.compile(r"\n\n(?:\d+(?:-\d+)?|[абвгдежзиклмн])\) "), "kk": re.compile(r"\n\n\d+(?:-\d+)?\) ")}


def words(text: str) -> str:
    return " ".join(text.split())


def slice_text(name: str) -> str:
    return (OFFICIAL / name).read_text(encoding="utf-8")


def texts_of(w: Wording) -> list[str]:
    out = [w.title] + [pw.text for pw in w.parts.values()]
    out += [t for pw in w.parts.values() for t in pw.circumstances.values()]
    out += list(w.notes.values()) + list(w.definitions.values())
    return out + ([w.footnote] if w.footnote else [])


def official_wordings(corpus: kzlaw.Corpus) -> list[tuple[Version, str]]:
    return [(v, lang) for a in corpus for v in a.versions for lang, w in v.wordings.items() if w.status == "official"]


@pytest.mark.parametrize(("ref", "lang"), sorted(COPIES))
def test_copied_wordings_are_the_slices_words(corpus: kzlaw.Corpus, ref: str, lang: str) -> None:
    """Title, parts, points, notes and footnote occur in the slices: exactly (2014 Code), or with the mirror's
    paragraph indentation and line breaks taken as one space (the 1997 Code and the amending laws)."""
    w = corpus.version(ref).wording(lang)
    assert w.status == "official"
    slices = [slice_text(name) for name in COPIES[(ref, lang)]]
    exact = all(name.startswith(("rus-81097-", "kaz-81097-")) for name in COPIES[(ref, lang)])
    for text in texts_of(w):
        if exact:
            assert any(text in s for s in slices), (ref, lang, text[:80])
        else:
            assert any(words(text) in words(s) for s in slices), (ref, lang, text[:80])


def apply(texts: dict[str, str], ops: list[dict]) -> dict[str, str]:
    out = dict(texts)
    for op in ops:
        assert out[op["part"]].count(op["find"]) == 1, op["why"]
        out[op["part"]] = out[op["part"]].replace(op["find"], op["replace"])
    return out


@pytest.mark.parametrize("d", DERIVED, ids=[f"{d['from']}->{d['to']}" for d in DERIVED])
def test_instructions_turn_one_wording_into_the_next(corpus: kzlaw.Corpus, d: dict) -> None:
    """Applying the amending law's instructions to the earlier wording gives the later one exactly, and every word
    an instruction adds or removes is quoted in that instruction's own slice."""
    old, new = corpus.version(d["from"]), corpus.version(d["to"])
    wo, wn = old.wording(d["lang"]), new.wording(d["lang"])
    before = {p.number: wo.part(p.id) for p in old.parts}
    after = {p.number: wn.part(p.id) for p in new.parts}
    assert apply(before, d["ops"]) == after
    for op in d["ops"]:
        instruction = slice_text(op["slice"])
        for quote in op["quotes"]:
            assert quote in instruction, (op["why"], quote)
        quoted = {words(q) for q in op["quotes"]}
        if op["find"] in op["replace"]:
            added = op["replace"].replace(op["find"], "", 1)
            assert words(added) in quoted, op["why"]
        else:
            assert not op["replace"] or words(op["replace"]) in quoted, op["why"]
            assert words(op["find"]) in quoted or "restated" in op["why"], op["why"]
    for p in new.parts:  # the points are untouched unless an instruction says otherwise
        for text in wn.parts[p.id].circumstances.values():
            assert text in after[p.number]
    assert wn.title == wo.title


def test_every_official_wording_is_checked(corpus: kzlaw.Corpus) -> None:
    derived = {(d["from"], d["lang"]) for d in DERIVED} | {(d["to"], d["lang"]) for d in DERIVED}
    held = {(v.ref, lang) for v, lang in official_wordings(corpus)}
    assert held == set(COPIES) | derived
    assert len(held) == 39


def test_every_official_point_is_a_circumstance(corpus: kzlaw.Corpus) -> None:
    """Each numbered or lettered point of an official part is one circumstance of that part, in order."""
    for v, lang in official_wordings(corpus):
        w = v.wording(lang)
        for p in v.parts:
            text = w.part(p.id)
            found = POINT[lang].findall(text)
            assert len(found) == len(p.circumstances), (v.ref, lang, p.number)
            positions = [text.index(w.circumstance(p.id, c.label)) for c in p.circumstances]
            assert positions == sorted(positions), (v.ref, lang, p.number)


LAW_NO = re.compile(r"№ (\d+-[VIІ]+)")


def laws_named(footnote: str) -> list[str]:
    return [n.replace("І", "I") for n in LAW_NO.findall(footnote)]  # the footnotes write CYRILLIC І for Latin I


def test_footnotes_name_exactly_the_laws_of_the_versions_so_far(corpus: kzlaw.Corpus) -> None:
    """A January 2020 (or 2022) official text is attached to the version its footnote makes it: the footnote names
    the laws that brought this version and the earlier ones, and no other."""
    checked = 0
    for ref, lang in COPIES:
        v = corpus.version(ref)
        if v.code != "cc2014":
            continue
        art = corpus.article(v.article_ref)
        upto = art.versions[: art.versions.index(v) + 1]
        expected = [x.amended_by for x in upto if x.amended_by not in (None, "226-V")]
        assert laws_named(v.wording(lang).footnote) == expected, (ref, lang)
        checked += 1
    assert checked == 16  # arts. 116, 125, 126, 128, 134, 135, 308, 309 in Russian and Kazakh


def test_the_reconstructed_2015_redline(corpus: kzlaw.Corpus) -> None:
    before, after = corpus.version("cc2014/128@2015-01-01"), corpus.version("cc2014/128@292-VI")
    assert "от трех до пяти лет" in before.wording("ru").part("base")
    assert "от четырех до семи лет" in after.wording("ru").part("base")
    assert before.wording("ru").footnote == ""  # the 2020 footnote belongs to the 2020 text
    assert "Статья 128 с изменениями" in after.wording("ru").footnote


def test_audit_items_settled_by_the_official_text(corpus: kzlaw.Corpus) -> None:
    v125 = corpus.version("cc2014/125@292-VI")
    assert v125.part("2").circumstance("3").tags == ("violence",)
    assert "угроз" not in v125.wording("ru").circumstance("qualified", "3")
    assert [c.label for c in v125.part("2").circumstances] == [str(i) for i in range(1, 11)]
    v116 = corpus.version("cc2014/116@292-VI")
    assert "criminal_group" in v116.part("3").elements
    assert not v116.part("3").sanction.unknown
    assert [p.kind for p in v116.part("3").sanction.additional] == ["confiscation", "disqualification"]
    assert "иные тяжкие последствия" in corpus.version("cc2014/126@292-VI").wording("ru").part("especially-qualified")
    assert "involvement_in_prostitution" in corpus.version("cc2014/309@2015-01-01").part("2").circumstance("3").tags
    assert not corpus.version("cc2014/309@2015-01-01").wording("ru").footnote
    assert not all(p.confirmed for p in corpus.version("cc2014/120@292-VI").part("2").sanction.main)


def test_the_1997_code_after_2009_is_held_in_russian_only(corpus: kzlaw.Corpus) -> None:
    v = corpus.version("cc1997/126@393-IV")
    assert v.languages == ("ru",)
    assert [p.kind for p in v.part("1").sanction.main] == ["restriction_of_liberty", "imprisonment"]
    assert "арестом" not in v.wording("ru").part("base")
    assert "арестом" in corpus.version("cc1997/126@2006-03-02").wording("ru").part("base")
    assert corpus.version("cc1997/128@2013-anti-trafficking").wording("ru").notes["3"].startswith("Согласие")
    assert corpus.laws["2006-anti-trafficking"].in_force.note  # listed by uncertainties()
    assert any(u.where == "law 2006-anti-trafficking" for u in corpus.uncertainties())


def test_a_note_defining_a_term_is_headed_in_the_text_s_own_language() -> None:
    """Definitions are labelled "Note 2" in the data; the Russian and Kazakh texts say it in their words."""
    corpus = kzlaw.load()
    held = [(v, lang) for a in corpus for v in a.versions if v.definitions for lang in v.wordings if lang != "en"]
    assert held
    for v, lang in held:
        text = v.full_text(lang)
        assert "Note " not in text, (v.ref, lang)
        word = corpus.languages[lang].note
        assert all(f"{word} {d.label[5:]}. " in text for d in v.definitions if d.label.startswith("Note ")), v.ref
