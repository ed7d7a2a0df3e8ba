from __future__ import annotations

import json

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import kzlaw
from kzlaw.changes import CHANGE_KINDS
from kzlaw.cli import main
from kzlaw.registry import nonblank
from kzlaw.worddiff import apply_patch, word_diff
from tests.conftest import FUZZ_SCALE
from tests.htmlcheck import check

REFORM = ("cc1997/128@2006-03-01", "cc1997/128@2006-03-02")


@pytest.fixture(scope="module")
def reform() -> kzlaw.Diff:
    return kzlaw.diff(*REFORM)


def test_the_2006_reform(reform: kzlaw.Diff) -> None:
    summaries = [c.summary for c in reform.changes]
    moved = [c for c in reform.changes if c.kind == "element.moved" and c.tag == "deception"]
    assert [(c.old, c.new) for c in moved] == [("the base offence (part 1)", "part 2(h)")]
    assert not [c for c in reform.changes if c.kind == "element.removed" and c.tag == "deception"]
    new_acts = {c.tag for c in reform.changes if c.kind == "element.added" and c.part == "1"}
    assert {"transportation", "transfer", "harbouring"} <= new_acts
    added = {c.new for c in reform.changes if c.kind == "circumstance.added"}
    assert {"2(b)", "2(c)", "2(h)", "2(j)", "4(b)"} <= added
    assert (
        "part 4 (especially-qualified) added: imprisonment 7-15 years, with confiscation of property (mandatory)"
        in summaries
    )
    assert "maximum term across the article raised from 8 years to 15 years" in summaries
    assert "part 3: imprisonment maximum raised from 8 years to 10 years" in summaries
    assert "part 1: option removed: fine 100-500 MCI" in summaries
    assert "an organised group moved from part 3 to part 4(a)" in summaries  # the words, not the tag id
    assert "circumstance 2(b) removed: 'with regard to a minor, if the guilty part was aware of this fact'" in summaries
    assert set(reform.kinds()) <= set(CHANGE_KINDS)


def test_redline_and_patch(reform: kzlaw.Diff) -> None:
    assert reform.redline.old == reform.old.text
    assert reform.redline.new == reform.new.text
    assert apply_patch(reform.old.text, reform.patch) == reform.new.text


def test_words_stay_whole() -> None:
    ops = word_diff(
        "two to five monthly wages or other income", "two to five monthly salaries or other monthly income"
    ).ops
    assert any(op == -1 and "wages" in t and t != "wag" for op, t in ops)
    assert any(op == 1 and "salaries" in t for op, t in ops)
    assert word_diff("обман", "злоупотребление доверием").ops == ((-1, "обман"), (1, "злоупотребление доверием"))


def test_across_codes() -> None:
    d = kzlaw.diff("cc1997/133@2006-03-02", "cc2014/135@2020-06-01")
    assert d.new.ref == "cc2014/135@292-VI"
    kinds = d.kinds()
    assert "circumstance.relabelled" in kinds
    assert "sanction.became_mandatory" in kinds
    assert any(c.kind == "element.added" and c.tag == "receipt" for c in d.changes)
    assert [c.summary for c in d.changes][-1] == "maximum term across the article raised from 15 years to 18 years"


def test_notes_and_definitions() -> None:
    d = kzlaw.diff("cc1997/125@2006-03-01", "cc1997/125@2006-03-02")
    kinds = d.kinds()
    assert "definition.added" in kinds
    assert "note.added" in kinds  # the note became 'Note 1'
    assert "note.removed" in kinds
    same = kzlaw.diff("cc1997/125@2006-03-02", "cc1997/125@2006-03-02")
    assert same.changes == ()
    assert same.text == ((0, same.old.text),)
    assert not same.redline.changed


def test_sanction_changes_are_typed() -> None:
    d = kzlaw.diff("cc2014/134@292-VI", "cc2014/134@393-VI")
    assert [c.kind for c in d.changes] == ["sanction.additional_added"] * 3
    d = kzlaw.diff("cc2014/116@2015-01-01", "cc2014/116@292-VI")
    assert "part 2: confiscation became mandatory" in [c.summary for c in d.changes]
    assert "part 2: imprisonment minimum raised from 5 years to 6 years" in [c.summary for c in d.changes]


def test_renderers(reform: kzlaw.Diff) -> None:
    text = reform.to_text()
    assert "[-Recruitment" in text
    assert "{+Trafficking in people" in text
    assert "\x1b[" in reform.to_text(color=True)
    page = reform.to_html(standalone=True)
    parsed = check(page)
    assert {"del", "ins", "ul", "li"} <= set(parsed.tags)
    assert reform._repr_html_() == reform.to_html()
    md = reform.to_markdown()
    assert md.startswith("### Criminal Code 1997, art. 128, as worded before 2006-03-02 → Criminal Code 1997, art. 128")
    assert "`cc1997/128@2006-03-01` → `cc1997/128@2006-03-02`" in md
    # one form for every change (issue #14): <del>/<ins>, never ** or ~~
    assert "<del>Recruitment</del>" in md or "<del>Recruitment, as well" in md
    assert "<ins>Trafficking in people</ins>" in md
    assert "**" not in md.replace("\\*", "")
    assert "~~" not in md


def test_json_is_stable(reform: kzlaw.Diff) -> None:
    data = reform.to_dict()
    assert list(data)[:2] == ["old", "new"]
    assert {"old", "new", "text", "changes", "patch"} <= set(data)  # the keys of issue #3; more may be added
    assert data["old"] == REFORM[0]
    assert {op for op, _ in data["text"]} == {-1, 0, 1}
    assert list(data["changes"][0]) == ["kind", "summary", "part", "tag", "old", "new"]
    json.dumps(data)


def test_cli(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", *REFORM, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {c["kind"] for c in data["changes"]} >= {"element.moved", "sanction.article_maximum"}
    assert main(["diff", "cc1997/270"]) == 0
    assert "cc1997/270@2009-12-31 -> cc1997/270@2010-01-01" in capsys.readouterr().out
    assert main(["diff", "cc1997/275-1"]) == 0
    assert "single version" in capsys.readouterr().out
    assert main(["diff", *REFORM, "--format", "html"]) == 0
    check(capsys.readouterr().out)
    assert main(["diff", "cc2014/134", "--format", "html"]) == 0
    check(capsys.readouterr().out)
    assert main(["diff", *REFORM, "--format", "markdown"]) == 0
    assert capsys.readouterr().out.startswith("### ")
    assert main(["diff", "a", "b", "c"]) == 2
    assert "takes OLD_REF NEW_REF" in capsys.readouterr().err


# --- properties -------------------------------------------------------------------------------------

unicode_text = st.text(st.characters(codec="utf-8"), max_size=300)
words = st.lists(
    st.sampled_from(["обман", "деception", "شخص", "a\u0301", "\u202e", " ", "\n", ",", "law", "5"]), max_size=60
)


ALLOWED_HTML = {
    "div",
    "style",
    "h3",
    "ul",
    "li",
    "code",
    "del",
    "ins",
    "p",
    "span",
}  # span: a visible control character
ALLOWED_MD = {"h3", "ul", "li", "p", "br", "strong", "s", "del", "ins", "em", "code"}  # em, code: the legend and refs


@settings(max_examples=150 * FUZZ_SCALE, deadline=None)
@given(unicode_text, unicode_text)
@example("", "\u200b")  # a zero-width space is blank to the model: the test's texts must be visible
def test_statute_text_never_becomes_markup(evil_old: str, evil_new: str) -> None:
    import markdown_it

    base = kzlaw.load().version(REFORM[0])
    w = base.wording("en")
    bare = attrs.evolve(base.parts[1], circumstances=())

    def visible(text: str) -> str:  # blank as the model judges it (spaces and zero-width marks): "x" instead
        try:
            nonblank(None, attrs.fields(kzlaw.Wording).title, text)
        except kzlaw.InvalidValueError:
            return "x"
        return text

    def with_text(text: str, title: str) -> kzlaw.Version:
        words = {base.parts[0].id: w.parts[base.parts[0].id], bare.id: kzlaw.PartWording(visible(text))}
        wording = attrs.evolve(w, title=visible(title), parts=words)
        return attrs.evolve(base, parts=(base.parts[0], bare), wordings={"en": wording})

    old, new = with_text(evil_old, evil_new[:20]), with_text(evil_new, w.title)
    d = kzlaw.diff(old, new)
    parsed = check(d.to_html())
    assert set(parsed.tags) <= ALLOWED_HTML
    rendered = markdown_it.MarkdownIt("commonmark").enable("strikethrough").render(d.to_markdown())
    assert set(check(rendered).tags) <= ALLOWED_MD
