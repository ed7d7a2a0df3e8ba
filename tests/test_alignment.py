from __future__ import annotations

import datetime as dt
import json

import pytest

import kzlaw
from kzlaw.cli import main
from kzlaw.protocol import ELEMENTS


def test_128_before_2006(corpus: kzlaw.Corpus) -> None:
    a = kzlaw.align("cc1997/128@2006-03-01", corpus)
    assert a["means.deception"].status == "constitutive"
    (ev,) = a["means.deception"].evidence
    assert (ev.ref, ev.place, ev.tag) == ("cc1997/128@2006-03-01", "part 1", "deception")
    assert "when committed by way of deception" in ev.words
    assert a["act.transfer"].status == "absent"
    assert a["act.harbouring"].status == "absent"
    assert a["act.transfer"].evidence == ()
    assert a["act.recruitment"].status == "constitutive"
    assert a["act.transportation"].status == "aggravating"
    assert a["purpose.sexual_exploitation"].status == "constitutive"
    assert a.rules["rule.child_no_means"].status == "not met"
    assert any("requires a means" in s for s in a.summary)


def test_128_after_2006(corpus: kzlaw.Corpus) -> None:
    a = kzlaw.align("cc1997/128@2006-03-02", corpus)
    assert a["means.deception"].status == "aggravating"
    assert [(e.place, e.words) for e in a["means.deception"].evidence] == [
        ("part 2(h)", "by means of deceit or breach of confidence")
    ]
    for act in ("act.recruitment", "act.transportation", "act.transfer", "act.harbouring"):
        assert a[act].status == "constitutive"
    assert a["act.receipt"].status == "absent"
    assert any("catch-all" in r for r in a["act.receipt"].remarks)
    assert a["purpose.organ_removal"].status == "aggravating"
    # Purposes come through the definition of exploitation (note 2 to art. 125):
    forced = a["purpose.forced_labour"]
    assert forced.status == "constitutive"
    assert forced.evidence[0].place == "part 1 via Note 2"
    assert a["purpose.servitude"].status == "absent"
    assert a.rules["rule.child_no_means"].status == "partly"
    assert any("requires no means" in s for s in a.summary)


def test_every_element_and_rule_is_reported(corpus: kzlaw.Corpus) -> None:
    a = kzlaw.align(corpus.version("cc2014/135@2022-06-01"), corpus)
    assert set(a.elements) == {k for k in ELEMENTS if k.split(".")[0] in ("act", "means", "purpose")}
    assert set(a.rules) == {k for k in ELEMENTS if k.split(".")[0] in ("rule", "liability")}
    assert a.rules["rule.child_under_18"].status == "unknown"
    assert a.rules["liability.attempt"].status == "general part"
    for r in a:
        assert (r.status == "absent") == (r.evidence == ()), r.element


def test_without_a_definition_purposes_are_flagged(corpus: kzlaw.Corpus) -> None:
    a = kzlaw.align("cc1997/125@2006-03-01", corpus)
    assert a["purpose.forced_labour"].status == "absent"
    assert any("not defined" in r for r in a["purpose.forced_labour"].remarks)


def test_2014_definition_and_consent_note(corpus: kzlaw.Corpus) -> None:
    before = kzlaw.align("cc2014/135@2022-06-01", corpus)
    after = kzlaw.align("cc2014/135@111-VIII", corpus)
    assert before.rules["rule.consent_irrelevant"].status == "not stated"
    assert after.rules["rule.consent_irrelevant"].status == "stated"
    assert before["purpose.sexual_exploitation"].status == "constitutive"  # coercion into sexual services
    assert before["act.receipt"].status == "constitutive"
    assert any("begging" in s for s in before.summary)
    assert before.rules["rule.child_no_means"].status == "met"


def test_prostitution_articles_require_means(corpus: kzlaw.Corpus) -> None:
    a = kzlaw.align("cc1997/270@2010-01-01", corpus)
    assert a["means.force"].status == "constitutive"
    assert a["means.coercion"].status == "constitutive"
    assert a["act.recruitment"].status == "constitutive"
    assert a["purpose.prostitution"].status == "constitutive"


def test_coverage_matrix_of_the_1997_code(corpus: kzlaw.Corpus) -> None:
    cov = kzlaw.align(corpus.in_force("cc1997", dt.date(2010, 6, 1)), corpus)
    assert "cc1997/120@2000-01-01" not in cov.refs  # comparison articles are left out
    assert len(cov.refs) == 8
    assert cov.cell("cc1997/125@2006-03-02", "means.abduction") == "constitutive"
    assert cov.best("act.harbouring") == ("constitutive", ("cc1997/128@2006-03-02", "cc1997/133@2006-03-02"))
    assert cov.best("act.receipt") == ("absent", ())
    assert cov.best("means.payments")[0] == "absent"
    assert cov.rules["rule.child_no_means"].status == "partly"
    data = cov.to_dict()
    assert data["matrix"]["means.abduction"]["cc1997/125@2006-03-02"] == "constitutive"
    assert "C in the base offence, a only as an aggravating circumstance, · absent" in str(cov)


def test_coverage_before_2006_differs(corpus: kzlaw.Corpus) -> None:
    cov = kzlaw.align(corpus.in_force("cc1997", dt.date(2005, 6, 1)), corpus)
    assert cov.best("act.harbouring") == ("absent", ())
    assert cov.best("act.transfer") == ("constitutive", ("cc1997/133@2006-03-01",))


def test_html_is_escaped(corpus: kzlaw.Corpus) -> None:
    from tests.conftest import reword

    v = corpus.version("cc1997/128@2006-03-02")
    html = kzlaw.align(reword(v, parts={"base": "<script>x</script>"}), corpus)._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_cli_json_keys(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["align", "cc1997/128@2005-06-01", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"ref", "elements", "rules"}
    assert data["elements"]["means.deception"]["status"] == "constitutive"
    assert data["elements"]["means.deception"]["evidence"][0]["place"] == "part 1"
    assert main(["align", "cc1997/128", "--json"]) == 0
    refs = [d["ref"] for d in json.loads(capsys.readouterr().out)]
    assert refs == ["cc1997/128@2006-03-01", "cc1997/128@2006-03-02", "cc1997/128@2013-anti-trafficking"]
    assert main(["align", "cc1997/128"]) == 0
    assert "Coverage" in capsys.readouterr().out
