"""The official text: footnotes as provenance, points linked to circumstances, and the drift check.

The official texts here are vendored verbatim from the copies of the mirror of adilet read for
issue #11 (repository, path and commit on each); the corpus built from them holds each as the
official Russian wording of the version it belongs to.
"""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest

import kzlaw
import kzlaw.present.official  # registers the renderers until the lead wires them into present/html.py and text.py
from kzlaw.official import (
    EntryIntoForce,
    OfficialTextError,
    ascii_law_number,
    check_points,
    check_sanctions,
    footnote_windows,
    official_markdown,
    parse_footnote,
    points_of,
    read_official_text,
    verify_official,
    verify_official_command,
)

#: quyse/kz-laws rus/81097.md, commit 0396b99450a1821acf98c9ae2c5ecac0f46cd0c8, art. 128 (offset 259218), verbatim.
MIRROR_2014_128 = """#### Статья 128. Торговля людьми

1. Купля-продажа или совершение иных сделок в отношении лица, а равно его эксплуатация либо вербовка, перевозка, передача, укрывательство, получение, а также совершение иных деяний в целях эксплуатации –

наказываются лишением свободы на срок от четырех до семи лет с конфискацией имущества.

2. Те же деяния, совершенные:

1) группой лиц по предварительному сговору;

2) неоднократно;

3) с применением насилия, опасного для жизни и здоровья, или угрозой его применения;

4) с применением оружия или предметов, используемых в качестве оружия;

5) в отношении женщины, заведомо для виновного находящейся в состоянии беременности;

6) в отношении двух и более лиц;

7) в целях изъятия органов или тканей потерпевшего для трансплантации или иного использования;

8) путем обмана или злоупотребления доверием;

9) лицом с использованием своего служебного положения;

10) с использованием материальной или иной зависимости потерпевшего;

11) в отношении лица, заведомо для виновного страдающего психическим расстройством или находящегося в беспомощном состоянии;

12) с изъятием, сокрытием либо уничтожением документов, удостоверяющих личность потерпевшего, –

наказываются лишением свободы на срок от семи до девяти лет с конфискацией имущества.

3. Деяния, предусмотренные частями первой или второй настоящей статьи, совершенные в целях вывоза за пределы Республики Казахстан, ввоза в Республику Казахстан или перевозки лица через территорию Республики Казахстан из одного иностранного государства в другое, а равно вывоз за пределы Республики Казахстан, ввоз в Республику Казахстан или перевозка лица через территорию Республики Казахстан из одного иностранного государства в другое государство в целях совершения таких деяний –

наказываются лишением свободы на срок от девяти до двенадцати лет с конфискацией имущества.

4. Деяния, предусмотренные частями первой, второй или третьей настоящей статьи, если они:

1) совершены преступной группой;

2) повлекли по неосторожности смерть потерпевшего либо иные тяжкие последствия, –

наказываются лишением свободы на срок от двенадцати до пятнадцати лет с конфискацией имущества.

Сноска. Статья 128 с изменениями, внесенными Законом РК от 27.12.2019 № 292-VІ (вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования).

"""

#: quyse/kz-laws rus/8.md, commit 5b8bef50079ff29ae1bda9e5db3f5e2878b36b9a, art. 128 (offset 147329), verbatim.
MIRROR_1997_128 = """#### Статья 128. Торговля людьми

       1. Купля-продажа или совершение иных сделок в отношении лица, а равно его эксплуатация либо вербовка, перевозка, передача, укрывательство, а также совершение иных деяний в целях эксплуатации -

      наказываются лишением свободы на срок до пяти лет с конфискацией имущества или без таковой.

      2. Те же деяния, совершенные:

      а) группой лиц по предварительному сговору;

      б) неоднократно;

      в) с применением насилия, опасного для жизни и здоровья, или угрозой его применения;

      г) с применением оружия или предметов, используемых в качестве оружия;

      д) в отношении женщины, заведомо для виновного находящейся в состоянии беременности;

      е) в отношении двух и более лиц;

      ж) в целях изъятия органов или тканей потерпевшего для трансплантации или иного использования;

      з) путем обмана или злоупотребления доверием;

      и) лицом с использованием своего служебного положения;

      к) с использованием материальной или иной зависимости потерпевшего, -

      наказываются лишением свободы на срок от пяти до семи лет с конфискацией имущества или без таковой.

      3. Деяния, предусмотренные частями первой или второй настоящей статьи, совершенные в целях вывоза за пределы Республики Казахстан, ввоза в Республику Казахстан или перевозки лица через территорию Республики Казахстан из одного иностранного государства в другое, а равно вывоз за пределы Республики Казахстан, ввоз в Республику Казахстан или перевозка лица через территорию Республики Казахстан из одного иностранного государства в другое государство в целях совершения таких деяний -

      наказываются лишением свободы на срок от семи до десяти лет с конфискацией имущества или без таковой.

      4. Деяния, предусмотренные частями первой, второй или третьей настоящей статьи, если они:

      а) совершены организованной группой;

      б) повлекли по неосторожности смерть потерпевшего либо иные тяжкие последствия, -

      наказываются лишением свободы на срок от семи до пятнадцати лет с конфискацией имущества. <*>

      Сноска. Статья 128 в редакции - Законом РК от 2 марта 2006 года N  131  .

"""

#: Footnotes as printed (quyse/kz-laws rus/81097.md commit 0396b99; rus/8.md commit 5b8bef5; kaz/81097.md commit 0075f5e).
F_128 = (
    "Сноска. Статья 128 с изменениями, внесенными Законом РК от 27.12.2019 № 292-VІ (вводится в действие по "
    "истечении десяти календарных дней после дня его первого официального опубликования)."
)
F_134 = (
    "Сноска. Статья 134 с изменениями, внесенными законами РК от 02.07.2018 № 170-VІ (вводится в действие по "
    "истечении шести месяцев после дня его первого официального опубликования); от 27.12.2019 № 292-VІ (вводится в "
    "действие по истечении десяти календарных дней после дня его первого официального опубликования)."
)
F_1997_128 = "Сноска. Статья 128 в редакции - Законом РК от 2 марта 2006 года N  131  ."
F_1997_111 = (
    "Сноска. В статью 111 внесены изменения - Законами РК от 21 декабря 2002 г.  N 363  ; от 9 декабря 2004 г.  N 10  ."
)
F_1997_4 = (
    "Сноска. Статья 4 с изменениями, внесенными законами РК от 05.05.2000 N 47; от 30.10.2002 N 349; от 31.12.2003 N "
    "514; от 10.12.2009 № 228-IV (порядок введения в действие см. ст. 2)."
)
F_1 = "Сноска. Статья 1 с изменениями, внесенными Законом РК от 27.12.2021 № 88-VII (вводится в действие с 01.01.2023)."
F_KK_128 = (
    "Ескерту. 128-бапқа өзгерістер енгізілді - ҚР 27.12.2019 № 292-VІ (01.01.2023 бастап қолданысқа енгізілетін, "
    "қылмыстық құқық бұзушылықтар құрамдарын алқабилер қатысатын соттың қарауына жатқызу туралы ережелерді "
    "қоспағанда, алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі) Заңымен."
)
SOURCE_2014 = kzlaw.Source("adilet-81097", "art. 128", "copy read: quyse/kz-laws rus/81097.md, commit 0396b99")


def _wording(version, text, source):
    (art,) = read_official_text(text, "ru")
    parts = {}
    for p in version.parts:
        words = art.parts[p.number]
        points = {pt.label: pt.words.rstrip(" ;,–-") for pt in points_of(words)}
        parts[p.id] = kzlaw.PartWording(words, {c.label: points[c.label] for c in p.circumstances})
    return kzlaw.Wording("ru", "official", source, art.title, parts, footnote=art.footnote)


def _with_official(corpus, *held):
    """A copy of the corpus where each (ref, text) is the official Russian wording of that version."""
    articles = dict(corpus.articles)
    for ref, text in held:
        v = corpus.version(ref)
        art = articles[v.article_ref]
        w = _wording(v, text, SOURCE_2014 if v.code == "cc2014" else kzlaw.Source("iphr-2010", "rus/8.md, 5b8bef5"))
        new = attrs.evolve(v, wordings={**v.wordings, "ru": w})
        articles[art.ref] = attrs.evolve(art, versions=tuple(new if x is v else x for x in art.versions))
    return attrs.evolve(corpus, articles=articles)


def _only(corpus, *refs):
    """The corpus with only these articles."""
    return attrs.evolve(corpus, articles={ref: corpus.articles[ref] for ref in refs})


@pytest.fixture(scope="module")
def official():
    return _with_official(
        kzlaw.load(), ("cc2014/128@292-VI", MIRROR_2014_128), ("cc1997/128@2006-03-02", MIRROR_1997_128)
    )


@pytest.fixture(scope="module")
def small(official):
    """Arts. 128 of both codes, each with the vendored official wording."""
    return _only(official, "cc2014/128", "cc1997/128")


# --- footnotes ------------------------------------------------------------------------------------


def test_footnote_of_2020():
    (law,) = parse_footnote(F_128)
    assert law.number == "292-V\u0406"
    assert law.number in F_128
    assert law.law_id == "292-VI"
    assert law.law_id.isascii()
    assert law.lookalikes
    assert law.date == dt.date(2019, 12, 27)
    assert law.words in F_128
    assert law.words.startswith("от 27.12.2019 № 292-VІ (")
    assert law.entry_into_force.kind == "ten_days_after_publication"
    assert law.entry_into_force.words == (
        "вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования"
    )
    assert law.action == "amended"


def test_footnote_with_two_laws():
    first, second = parse_footnote(F_134)
    assert (first.law_id, first.date, first.entry_into_force.kind) == (
        "170-VI",
        dt.date(2018, 7, 2),
        "six_months_after_publication",
    )
    assert (second.law_id, second.entry_into_force.kind) == ("292-VI", "ten_days_after_publication")


def test_footnotes_of_1997():
    (law,) = parse_footnote(F_1997_128)
    assert (law.number, law.law_id, law.date, law.action) == (
        "131",
        "2006-anti-trafficking",
        dt.date(2006, 3, 2),
        "restated",
    )
    assert law.entry_into_force == EntryIntoForce()  # not stated
    assert [(x.law_id, x.date) for x in parse_footnote(F_1997_111)] == [
        ("363", dt.date(2002, 12, 21)),
        ("10", dt.date(2004, 12, 9)),
    ]
    laws = parse_footnote(F_1997_4)
    assert [x.law_id for x in laws] == ["47", "349", "514", "228-IV"]
    assert laws[-1].entry_into_force.kind == "see_law"
    assert laws[0].entry_into_force.kind == "not_stated"


def test_fixed_date_and_kazakh_rules():
    (law,) = parse_footnote(F_1)
    assert (law.law_id, law.entry_into_force.kind, law.entry_into_force.date) == (
        "88-VII",
        "fixed_date",
        dt.date(2023, 1, 1),
    )
    (kk,) = parse_footnote(F_KK_128)
    assert (kk.law_id, kk.date, kk.action) == ("292-VI", dt.date(2019, 12, 27), "amended")
    assert kk.entry_into_force.kind == "ten_days_after_publication"
    assert kk.entry_into_force.except_from == dt.date(2023, 1, 1)
    assert parse_footnote("") == ()
    assert parse_footnote("Сноска. Статья исключена.") == ()


def test_ascii_law_numbers():
    assert ascii_law_number("292-V\u0406") == "292-VI"
    assert ascii_law_number("111-V\u0406\u0406\u0406") == "111-VIII"
    assert ascii_law_number("226-V") == "226-V"


def test_footnote_windows(official):
    windows = {(w.ref, w.language): w for w in footnote_windows(official)}
    assert windows["cc2014/128@292-VI", "ru"].status == "agrees"
    assert windows["cc2014/128@292-VI", "ru"].rule.kind == "ten_days_after_publication"
    assert windows["cc1997/128@2006-03-02", "ru"].status == "agrees"  # N 131 is the 2006 law
    # The 2020 footnote held on the 2015 wording cites a later law: those words are not the 2015 version's.
    v = official.version("cc2014/128@2015-01-01")
    w = attrs.evolve(official.version("cc2014/128@292-VI").wordings["ru"], footnote=F_128)
    moved = _replace(official, attrs.evolve(v, wordings={**v.wordings, "ru": w}))
    bad = {(x.ref, x.language): x for x in footnote_windows(moved)}["cc2014/128@2015-01-01", "ru"]
    assert (bad.status, bad.later_laws, bad.agrees) == ("later_law", ("292-VI",), False)


def _replace(corpus, version):
    art = corpus.article(version.article_ref)
    versions = tuple(version if x.ref == version.ref else x for x in art.versions)
    return attrs.evolve(corpus, articles={**corpus.articles, art.ref: attrs.evolve(art, versions=versions)})


def test_own_law_missing(official):
    v = official.version("cc2014/128@292-VI")
    w = attrs.evolve(v.wordings["ru"], footnote=F_1)
    changed = _replace(official, attrs.evolve(v, wordings={**v.wordings, "ru": w}))
    found = {(x.ref, x.language): x for x in footnote_windows(changed)}
    assert found["cc2014/128@292-VI", "ru"].status == "own_law_missing"


def test_every_held_official_footnote_agrees_with_its_version(corpus):
    windows = footnote_windows(corpus)
    print(f"\nofficial footnotes held: {len(windows)}")
    assert [(w.ref, w.language, w.status) for w in windows if not w.agrees] == []


# --- points ---------------------------------------------------------------------------------------


def test_points_are_linked_to_circumstances(small):
    links = [x for x in check_points(small) if x.ref in ("cc2014/128@292-VI", "cc1997/128@2006-03-02")]
    links = [x for x in links if x.language == "ru"]
    by = {(x.ref, x.part, x.label): x for x in links}
    assert len([x for x in links if x.ref == "cc2014/128@292-VI"]) == 14  # 12 points of part 2, 2 of part 4
    assert by[("cc2014/128@292-VI", "2", "12")].tags == ("identity_documents",)
    point = by[("cc1997/128@2006-03-02", "2", "j")]  # "к)" is the tenth letter: j
    assert (point.printed_label, point.status, point.tags) == ("к", "linked", ("dependence",))
    assert all(x.status == "linked" and x.words_match for x in links)


def test_untagged_points_and_circumstances_without_a_point(official):
    v = official.version("cc2014/128@292-VI")
    base, qualified = v.parts[0], v.parts[1]
    w = v.wordings["ru"]
    fewer = attrs.evolve(qualified, circumstances=qualified.circumstances[:-1])
    extra = attrs.evolve(base, circumstances=(kzlaw.Circumstance("x", ("recruitment",)),))
    words = {
        **w.parts,
        "qualified": attrs.evolve(
            w.parts["qualified"], circumstances=dict(list(w.parts["qualified"].circumstances.items())[:-1])
        ),
        "base": attrs.evolve(w.parts["base"], circumstances={"x": "вербовка"}),
    }
    changed = attrs.evolve(v, parts=(extra, fewer, *v.parts[2:]), wordings={"ru": attrs.evolve(w, parts=words)})
    found = {(x.part, x.label): x for x in check_points(_replace(official, changed)) if x.ref == v.ref}
    assert found[("2", "12")].status == "untagged"
    assert found[("2", "12")].words.startswith("с изъятием, сокрытием")
    assert found[("1", "x")].status == "no_point"


def test_every_held_official_point_is_linked_or_untagged(corpus):
    links = check_points(corpus)
    print(f"\nofficial points: {len(links)}; untagged: {sum(x.status == 'untagged' for x in links)}")
    assert [(x.ref, x.part, x.label) for x in links if x.status == "no_point"] == []
    assert [(x.ref, x.part, x.label) for x in links if x.status == "linked" and not x.words_match] == []


def test_official_parts_are_cross_checked(small):
    checks = [c for c in check_sanctions(small, ["ru"]) if c.ref in ("cc2014/128@292-VI", "cc1997/128@2006-03-02")]
    assert len(checks) == 8
    assert all(c.agrees for c in checks)


# --- verify-official -----------------------------------------------------------------------------


def test_reads_the_mirror():
    (art,) = read_official_text(MIRROR_2014_128)
    assert (art.number, art.title, list(art.parts)) == ("128", "Торговля людьми", ["1", "2", "3", "4"])
    assert art.footnote == F_128
    assert not art.notes
    (old,) = read_official_text(MIRROR_1997_128)
    assert old.parts["4"].endswith("с конфискацией имущества. <*>")
    assert old.footnote == F_1997_128


def test_the_unchanged_copy_has_no_difference(small, tmp_path):
    path = tmp_path / "81097.md"
    path.write_text(official_markdown(small, "cc2014", "ru"), encoding="utf-8")
    report = verify_official(small, path, "cc2014", "ru")
    assert report.ok
    assert ("cc2014/128", "cc2014/128@292-VI") in report.compared
    mirror = tmp_path / "mirror.md"
    mirror.write_text("# Уголовный кодекс\n\n" + MIRROR_2014_128, encoding="utf-8")
    assert verify_official(small, mirror).ok  # the mirror's own text, as read


def test_one_changed_word_is_reported(small, tmp_path):
    path = tmp_path / "81097.md"
    text = official_markdown(small, "cc2014", "ru")
    assert text.count("от четырех до семи лет") == 1
    path.write_text(text.replace("от четырех до семи лет", "от пяти до семи лет"), encoding="utf-8")
    (d,) = verify_official(small, path).differences
    assert (d.article, d.version, d.where, d.kind) == ("cc2014/128", "cc2014/128@292-VI", "part 1", "changed_words")
    assert "от [-четырех-] {+пяти+} до семи лет" in d.diff
    assert "art. 128, part 1 (cc2014/128@292-VI): words changed: " in verify_official(small, path).to_text()


def test_missing_article_new_part_and_changed_footnote(small, tmp_path):
    text = official_markdown(small, "cc2014", "ru")
    path = tmp_path / "a.md"
    path.write_text(text.replace("292-VІ", "292-VI").replace("\n\n4. ", "\n\n5. Новая часть.\n\n4. "), encoding="utf-8")
    kinds = {(d.where, d.kind) for d in verify_official(small, path).differences}
    assert kinds == {("footnote", "changed_footnote"), ("part 5", "new_part")}
    path.write_text("#### Статья 129. Клевета\n\n1. Клевета.\n", encoding="utf-8")
    (d,) = verify_official(small, path).differences
    assert (d.article, d.kind) == ("cc2014/128", "missing_article")


def test_the_held_data_round_trips(corpus, tmp_path):
    pairs = {
        (v.code, lang) for a in corpus for v in a.versions for lang, w in v.wordings.items() if w.status == "official"
    }
    for code, lang in sorted(pairs):
        path = tmp_path / f"{code}-{lang}.md"
        path.write_text(official_markdown(corpus, code, lang), encoding="utf-8")
        report = verify_official(corpus, path, code, lang)
        assert report.ok, report.to_text()
    print(f"\nheld official texts round-tripped: {sorted(pairs)}")


def test_errors_name_the_file(official, tmp_path):
    path = tmp_path / "empty.md"
    path.write_text("nothing here\n", encoding="utf-8")
    with pytest.raises(OfficialTextError, match="no article heading"):
        verify_official(official, path)
    with pytest.raises(OfficialTextError, match="cannot be read"):
        verify_official(official, tmp_path / "absent.md")


def test_command(small, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("kzlaw.bundled.load", lambda data=None: small)
    path = tmp_path / "81097.md"
    path.write_text(official_markdown(small), encoding="utf-8")
    assert verify_official_command([str(path)]) == 0
    assert "no difference" in capsys.readouterr().out
    path.write_text(official_markdown(small).replace("неоднократно", "многократно"), encoding="utf-8")
    assert verify_official_command([str(path), "--code", "cc2014", "--lang", "ru", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [d["where"] for d in data["differences"]] == ["part 2"]
    assert verify_official_command([str(tmp_path / "absent.md")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "absent.md" in err
    assert verify_official_command(["--lang", "xx", str(path)]) == 2
    assert capsys.readouterr().err.count("\n") == 1


# --- presentation ---------------------------------------------------------------------------------


def test_renderers(small, tmp_path):
    path = tmp_path / "81097.md"
    path.write_text(official_markdown(small).replace("неоднократно", "<b>"), encoding="utf-8")
    report = verify_official(small, path)
    html = report.to_html()
    assert "<b>" not in html
    assert "&lt;b&gt;" in html
    assert "words changed" in html
    assert "Criminal Code 2014, art. 128, part 2" in report.to_text()
    (window,) = [w for w in footnote_windows(small) if (w.ref, w.language) == ("cc2014/128@292-VI", "ru")]
    assert "ten calendar days after its first official publication" in window.to_text()
    assert "<table>" in window.to_html()
    (check,) = [c for c in check_sanctions(small, ["ru"]) if c.ref == "cc2014/128@292-VI" and c.part == "1"]
    assert "agree" in check.to_text()
    assert "от четырех до семи лет" in check.to_html()
    link = next(x for x in check_points(small) if x.status == "linked")
    assert "linked to circumstance" in link.to_text()
    assert json.dumps(report.to_dict(), ensure_ascii=False)
    assert json.dumps(window.to_dict(), ensure_ascii=False)


def test_mirror_artifacts_are_not_differences(small, tmp_path):
    path = tmp_path / "8.md"
    text = official_markdown(small, "cc1997", "ru", at="2009-12-31")
    assert "<*>" in text  # the vendored 1997 wording keeps the mirror's mark
    path.write_text(
        text.replace(" <*>", "").replace("или без таковой.", "или без таковой. P07001S", 1), encoding="utf-8"
    )
    assert verify_official(small, path, "cc1997", at="2009-12-31").ok
    path.write_text(text.replace("организованной группой", "преступной группой"), encoding="utf-8")
    (d,) = verify_official(small, path, "cc1997", at="2009-12-31").differences
    assert (d.where, d.kind) == ("part 4", "changed_words")


def test_at_a_date(official, tmp_path):
    path = tmp_path / "8.md"
    path.write_text(MIRROR_1997_128, encoding="utf-8")
    only = _only(official, "cc1997/128")
    report = verify_official(only, path, "cc1997", "ru", at="2009-12-31")
    assert report.compared == (("cc1997/128", "cc1997/128@2006-03-02"),)
    assert report.ok
