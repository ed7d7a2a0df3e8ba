"""The version redline: provision by provision, then word by word (kzlaw.redline)."""

from __future__ import annotations

from itertools import accumulate, pairwise

import attrs
import pytest

import kzlaw
from kzlaw.changes import compared_text
from kzlaw.redline import pieces, redline
from kzlaw.worddiff import WordDiff, apply_patch, tokenize, word_diff


def _pairs(corpus: kzlaw.Corpus) -> list[tuple[kzlaw.Version, kzlaw.Version, str]]:
    return [
        (x, y, lang) for art in corpus for x, y in pairwise(art.versions) for lang in x.wordings if lang in y.wordings
    ]


def _cuts_between_tokens(d: WordDiff) -> bool:
    """Every run boundary of ``d`` falls between two tokens of both texts (as a word diff's do)."""
    for side, text in ((-1, d.old), (1, d.new)):
        allowed = set(accumulate(map(len, tokenize(text)), initial=0))
        at = 0
        for op, run in d.ops:
            if op != -side:
                at += len(run)
                if at not in allowed:
                    return False
    return True


def test_every_bundled_redline_rebuilds_both_texts_and_its_patch_applies() -> None:
    corpus = kzlaw.load()
    pairs = _pairs(corpus)
    assert len(pairs) >= 40
    cut = 0
    for x, y, lang in pairs:
        a, b = compared_text(x, lang), compared_text(y, lang)
        cut += pieces(x, a, lang) is not None and pieces(y, b, lang) is not None
        d = redline(x, y, a, b, lang)
        assert (d.old, d.new) == (a, b), (x.ref, y.ref, lang)
        assert apply_patch(a, d.patch) == b
        assert all(text for _, text in d.ops)
        assert all(p != q for (p, _), (q, _) in pairwise(d.ops))  # runs of one kind are merged
        assert _cuts_between_tokens(d), (x.ref, y.ref, lang)
        assert kzlaw.diff(x, y, corpus, lang).redline == d
    assert cut == len(pairs)  # every bundled text is cut into its provisions


def test_pieces_join_into_the_text_and_their_keys_are_unique() -> None:
    corpus = kzlaw.load()
    for art in corpus:
        for v in art.versions:
            for lang in v.wordings:
                text = compared_text(v, lang)
                found = pieces(v, text, lang)
                assert found is not None
                assert "".join(t for _, t in found) == text
                assert len({k for k, _ in found}) == len(found)


def test_a_repealed_point_is_not_read_as_turned_into_a_new_one() -> None:
    """The 2006 reform of art. 128: 2(b) "with regard to a minor" went; 2(e) "a pregnant woman" came."""
    d = kzlaw.diff("cc1997/128@2006-03-01", "cc1997/128@2006-03-02", language="en")
    deleted = [t for op, t in d.redline.ops if op < 0]
    inserted = [t for op, t in d.redline.ops if op > 0]
    assert "b) with regard to a minor, if the guilty part was aware of this fact" in deleted
    assert any("e) with regard to a pregnant woman" in t for t in inserted)
    # the whole-text word diff pairs them word by word, which is what the redline avoids
    whole = word_diff(d.redline.old, d.redline.new)
    assert (-1, "minor,") in whole.ops
    assert (-1, "minor,") not in d.redline.ops
    # nothing of the old part 3 is matched into the new part 4 (old "Republic" read as new "death")
    assert not any(op == -1 and t == "Republic" for op, t in d.redline.ops)


def test_a_point_that_moves_to_another_part_is_deleted_there_and_inserted_here() -> None:
    corpus = kzlaw.load()
    for number in ("125", "126"):
        before, after = (
            v for v in corpus.article(f"cc2014/{number}").versions if v.amended_by in ("292-VI", "72-VIII")
        )
        d = kzlaw.diff(before, after, corpus, "en")
        assert any(op < 0 and "against a minor" in t for op, t in d.redline.ops)
        assert any(op > 0 and "against a minor" in t for op, t in d.redline.ops)


def test_a_text_that_cannot_be_cut_is_diffed_whole() -> None:
    corpus = kzlaw.load()
    x, y = corpus.version("cc1997/128@2006-03-01"), corpus.version("cc1997/128@2006-03-02")
    a, b = compared_text(x, "en"), compared_text(y, "en")
    other = "Some other text\nof two lines."
    assert pieces(x, other, "en") is None
    assert redline(x, y, other, b, "en") == word_diff(other, b)
    assert redline(x, y, a, b, "en") != word_diff(a, b)


def test_a_point_whose_words_are_not_in_its_part_keeps_the_part_whole() -> None:
    corpus = kzlaw.load()
    v = corpus.version("cc1997/128@2006-03-02")
    w = v.wording("en")
    part = v.part("2")
    words = dict(w.parts[part.id].circumstances)
    words[part.circumstances[0].label] = "words that are nowhere"
    text = w.part(part.id)
    from kzlaw.redline import part_pieces

    assert part_pieces(part, text, words) == [(f"part:{part.id}", text)]
    cut = part_pieces(part, text, w.parts[part.id].circumstances)
    assert len(cut) == len(part.circumstances) + 2
    assert "".join(t for _, t in cut) == text


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_official_wordings_are_cut_at_their_points_too(lang: str) -> None:
    corpus = kzlaw.load()
    held = [v for a in corpus for v in a.versions if lang in v.wordings and any(p.circumstances for p in v.parts)]
    assert held
    for v in held:
        found = pieces(v, compared_text(v, lang), lang)
        assert found is not None
        assert any(k.startswith("point:") for k, _ in found), v.ref


def test_a_version_built_in_a_notebook_gets_the_same_redline() -> None:
    corpus = kzlaw.load()
    x = corpus.version("cc1997/128@2006-03-01")
    y = attrs.evolve(x, remarks="built by hand")
    d = kzlaw.diff(x, y, corpus, "en")
    assert not d.redline.changed


def test_a_part_cut_into_points_in_one_version_only_is_compared_whole() -> None:
    """Art. 133, 2006: the old part 3 has no points, the new part 4 has two; the penalty change still reads."""
    d = kzlaw.diff("cc1997/133@2006-03-01", "cc1997/133@2006-03-02", language="en")
    assert (-1, "seven") in d.redline.ops
    assert (1, "twelve") in d.redline.ops


def test_a_point_not_cut_in_one_version_leaves_an_unchanged_part_unchanged() -> None:
    corpus = kzlaw.load()
    v = corpus.version("cc1997/128@2006-03-02")
    w = v.wording("en")
    part = v.part("2")
    last = part.circumstances[-1].label
    quoted = dict(w.parts[part.id].circumstances)
    quoted[last] = quoted[last][:-3]  # the quote now ends inside a word: that version's part is not cut
    shortened = attrs.evolve(w.parts[part.id], circumstances=quoted)
    w2 = attrs.evolve(w, parts={**w.parts, part.id: shortened})
    v2 = attrs.evolve(v, wordings={**v.wordings, "en": w2})
    text = compared_text(v, "en")
    assert compared_text(v2, "en") == text
    assert not redline(v, v2, text, text, "en").changed


def test_a_point_is_found_by_its_label_before_its_words_elsewhere() -> None:
    corpus = kzlaw.load()
    v = corpus.version("cc1997/128@2006-03-01")
    w = v.wording("en")
    part = v.part("2")
    first = part.circumstances[0]
    words = w.parts[part.id].circumstances[first.label]
    opening = f"2. The same act committed, unless {words} under art. 31:"
    text = w.part(part.id).replace("2. The same act committed:", opening, 1)
    assert opening in text
    v2 = attrs.evolve(
        v,
        wordings={
            **v.wordings,
            "en": attrs.evolve(w, parts={**w.parts, part.id: attrs.evolve(w.parts[part.id], text=text)}),
        },
    )
    found = dict(pieces(v2, compared_text(v2, "en"), "en") or [])
    assert found[f"part:{part.id}"].startswith(opening)
    assert found[f"point:{part.id}:{'+'.join(sorted(first.tags))}"].startswith(f"{first.label}) {words}")


def test_the_word_redline_pairs_points_as_the_version_redline_does() -> None:
    from kzlaw.present.redline_docx import diff_paragraphs

    d = kzlaw.diff("cc1997/128@2006-03-01", "cc1997/128@2006-03-02", language="en")
    part2 = next(p for p in diff_paragraphs(d) if p.heading == "Part 2")
    assert (-1, "b) with regard to a minor, if the guilty part was aware of this fact") in part2.ops
    assert (-1, "minor,") not in part2.ops
    assert "".join(t for op, t in part2.ops if op >= 0) == d.new.wording("en").part("qualified")
    assert "".join(t for op, t in part2.ops if op <= 0) == d.old.wording("en").part("qualified")
