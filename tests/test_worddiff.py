"""kzlaw.worddiff: exact, whole-word diffs and UTF-16 patches that other diff-match-patch ports read."""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from diff_match_patch import diff_match_patch
from hypothesis import given, settings
from hypothesis import strategies as st

from kzlaw import wordalign, worddiff
from kzlaw.errors import KzlawError
from kzlaw.worddiff import PatchError, WordDiff, apply_patch, tokenize, word_diff
from tests.conftest import FUZZ_SCALE

JS = Path(__file__).parent / "js"
ASTRAL = re.compile("[\U00010000-\U0010ffff]")

# Pieces that stress the tokeniser and the UTF-16 offsets: astral characters (emoji, CJK Extension B),
# lone combining marks, joiners, flags, carriage returns, Cyrillic and Kazakh words, punctuation.
PIECES = [
    *["от", "трех", "до", "пяти", "лет", "лишением", "свободы", "қылмыс", "2014", "a", "b", "ab", "the", "of"],
    *[" ", "  ", "\n", "\r", "\r\n", "\t", "\u00a0", ".", ",", ";", "«", "»", "—", "(", ")", "1)", "ч. 2"],
    *[
        "😀",
        "👍🏽",
        "👨\u200d👩\u200d👧",
        "🇰🇿",
        "\U00020000",
        "\U0002a6d6",
        "𝔸",
        "e\u0301",
        "\u0301",
        "\u0483",
        "\u200d",
    ],
]
piece = st.one_of(st.sampled_from(PIECES), st.characters(exclude_categories=("Cs",)))
texts = st.lists(piece, max_size=40).map("".join)


@st.composite
def pairs(draw: st.DrawFn) -> tuple[str, str]:
    """An old text and a new one: an edit of the old (words deleted, inserted, replaced) or unrelated."""
    old = draw(texts)
    if draw(st.booleans()):
        return old, draw(texts)
    tokens = tokenize(old)
    for _ in range(draw(st.integers(0, 6))):
        k = draw(st.integers(0, len(tokens)))
        if tokens and draw(st.booleans()):
            del tokens[min(k, len(tokens) - 1)]
        else:
            tokens.insert(k, draw(piece))
    return old, "".join(tokens)


def boundaries(text: str) -> set[int]:
    cuts, at = {0}, 0
    for token in tokenize(text):
        at += len(token)
        cuts.add(at)
    return cuts


def cuts(d: WordDiff, side: int) -> set[int]:
    """Where the runs of ``d`` start and end in the old text (side -1) or the new text (side 1)."""
    out, at = {0}, 0
    for op, text in d.ops:
        if op != -side:
            at += len(text)
            out.add(at)
    return out


def units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@settings(max_examples=300 * FUZZ_SCALE, deadline=None)
@given(pairs())
def test_ops_rebuild_both_texts_and_the_patch_applies(pair: tuple[str, str]) -> None:
    old, new = pair
    d = word_diff(old, new)
    assert d.old == old
    assert d.new == new
    assert "".join(t for op, t in d.ops if op != 1) == old
    assert "".join(t for op, t in d.ops if op != -1) == new
    assert all(op in (-1, 0, 1) and text for op, text in d.ops)
    assert all(x[0] != y[0] for x, y in zip(d.ops, d.ops[1:], strict=False))  # runs of one kind are merged
    assert d.changed == (old != new)
    assert apply_patch(old, d.patch) == new


@settings(max_examples=300 * FUZZ_SCALE, deadline=None)
@given(pairs())
def test_ops_never_split_a_word(pair: tuple[str, str]) -> None:
    old, new = pair
    d = word_diff(old, new)
    for text, side in ((old, -1), (new, 1)):
        assert cuts(d, side) <= boundaries(text)
        for at in cuts(d, side) - {0, len(text)}:
            assert not (text[at - 1].isalnum() and text[at].isalnum())
            if not text[at - 1].isspace():  # a combining mark stays with what it marks
                assert unicodedata.category(text[at])[0] != "M"
            assert not (text[at - 1] == "\r" and text[at] == "\n")


@settings(max_examples=200 * FUZZ_SCALE, deadline=None)
@given(pairs(), pairs())
def test_diffs_of_parts_join_into_the_diff_of_the_whole(first: tuple[str, str], second: tuple[str, str]) -> None:
    (a1, b1), (a2, b2) = first, second
    whole, d1, d2 = word_diff(a1 + a2, b1 + b2), word_diff(a1, b1), word_diff(a2, b2)
    assert d1.old + d2.old == whole.old == a1 + a2
    assert d1.new + d2.new == whole.new == b1 + b2


@settings(max_examples=300 * FUZZ_SCALE, deadline=None)
@given(pairs())
def test_patch_is_diff_match_patch_text_with_utf16_offsets(pair: tuple[str, str]) -> None:
    old, new = pair
    d = word_diff(old, new)
    dmp = diff_match_patch()
    ours = dmp.patch_fromText(d.patch)  # Python's port reads it
    theirs = dmp.patch_make(old, list(d.ops))  # Python's port, offsets in code points
    assert [p.diffs for p in ours] == [p.diffs for p in theirs]
    if not ASTRAL.search(old + new):
        assert d.patch == dmp.patch_toText(theirs)
        assert dmp.patch_apply(ours, old)[0] == new
    for p, q in zip(ours, theirs, strict=True):
        assert p.start2 == units(new[: q.start2])
        assert p.length1 == sum(units(t) for op, t in q.diffs if op != 1)
        assert p.length2 == sum(units(t) for op, t in q.diffs if op != -1)
    assert dmp.diff_fromDelta(old, d.delta) == list(d.ops)  # the delta counts UTF-16 units too


@settings(max_examples=200 * FUZZ_SCALE, deadline=None)
@given(st.lists(st.characters(max_codepoint=0xFFFF), max_size=30).map("".join))
def test_the_bmp_tokeniser_is_the_wide_one(text: str) -> None:
    assert worddiff._pattern(False).findall(text) == worddiff._pattern(True).findall(text)


def test_the_mark_blocks_hold_every_combining_mark() -> None:
    inside = {c for lo, hi in worddiff._MARK_BLOCKS for c in range(lo, hi)}
    missing = [c for c in range(0x110000) if unicodedata.category(chr(c))[0] == "M" and c not in inside]
    assert missing == []


@pytest.mark.parametrize(
    ("old", "new", "ops"),
    [
        (
            "от трех до пяти",
            "от четырех до семи",
            ((0, "от "), (-1, "трех"), (1, "четырех"), (0, " до "), (-1, "пяти"), (1, "семи")),
        ),
        (
            "наказывается лишением свободы на срок до пяти лет.",
            "наказывается лишением свободы на срок от трех до семи лет с конфискацией имущества.",
            (
                (0, "наказывается лишением свободы на срок "),
                (1, "от трех "),
                (0, "до "),
                (-1, "пяти"),
                (1, "семи"),
                (0, " лет"),
                (1, " с конфискацией имущества"),
                (0, "."),
            ),
        ),
        (
            "2. Те же деяния, совершенные: а) группой лиц;",
            "2. Те же деяния, совершенные: а) группой лиц по предварительному сговору;",
            ((0, "2. Те же деяния, совершенные: а) группой лиц"), (1, " по предварительному сговору"), (0, ";")),
        ),
        (  # a heavy rewrite reads as one deleted run and one inserted run, not as interleaved words
            "лишение свободы на срок до пяти лет с конфискацией имущества",
            "штраф в размере до двух тысяч месячных расчетных показателей либо исправительные работы на тот же срок",
            (
                (-1, "лишение свободы на срок до пяти лет с конфискацией имущества"),
                (
                    1,
                    "штраф в размере до двух тысяч месячных расчетных показателей либо исправительные работы на тот же срок",
                ),
            ),
        ),
        (
            "Purchase and sale of a minor or other transactions in respect of him",
            "Recruitment, transportation, transfer, harbouring or receipt of persons for the purpose of exploitation",
            (
                (-1, "Purchase and sale of a minor or other transactions in respect of him"),
                (
                    1,
                    "Recruitment, transportation, transfer, harbouring or receipt of persons for the purpose of exploitation",
                ),
            ),
        ),
        (
            "by way of deception",
            "by means of deceit",
            ((0, "by "), (-1, "way"), (1, "means"), (0, " of "), (-1, "deception"), (1, "deceit")),
        ),
        ("лет\r\nи", "лет\nи", ((0, "лет"), (-1, "\r\n"), (1, "\n"), (0, "и"))),
        ("е\u0301сли 😀 да", "е\u0301сли 👍🏽 да", ((0, "е\u0301сли "), (-1, "😀"), (1, "👍🏽"), (0, " да"))),
        ("", "", ()),
        ("", "слово", ((1, "слово"),)),
        ("слово", "слово", ((0, "слово"),)),
    ],
)
def test_golden(old: str, new: str, ops: tuple[tuple[int, str], ...]) -> None:
    d = word_diff(old, new)
    assert d.ops == ops
    assert apply_patch(old, d.patch) == new


def test_golden_patch_and_repr() -> None:
    d = word_diff("до 😀 пяти лет", "до 😀 семи лет")
    # Four code points of context, "о 😀 ", start at code unit 1 and span 5 units ("😀" is two UTF-16
    # units, one code point): the hunk is 5 + 4 + 4 = 13 units long (Python's port would say 12).
    assert d.patch == (
        "@@ -2,13 +2,13 @@\n %D0%BE %F0%9F%98%80 \n-%D0%BF%D1%8F%D1%82%D0%B8\n+%D1%81%D0%B5%D0%BC%D0%B8\n"
        "  %D0%BB%D0%B5%D1%82\n"
    )
    assert d.delta == "=6\t-4\t+%D1%81%D0%B5%D0%BC%D0%B8\t=4"
    assert repr(d) == "WordDiff('до 😀 [-пяти-]{+семи+} лет')"
    assert not word_diff("a", "a").changed


def test_tokenize() -> None:
    assert tokenize("ч. 2, ст. 128") == ["ч", ".", " ", "2", ",", " ", "ст", ".", " ", "128"]
    assert tokenize("е\u0301сли 🇰🇿🇷🇺 👨\u200d👩\u200d👧!\r\n") == [
        "е\u0301сли",
        " ",
        "🇰🇿",
        "🇷🇺",
        " ",
        "👨\u200d👩\u200d👧",
        "!",
        "\r\n",
    ]


def test_patch_errors() -> None:
    d = word_diff("до пяти лет", "до семи лет")
    with pytest.raises(PatchError, match="is not the hunk's"):
        apply_patch("до шести лет", d.patch)
    with pytest.raises(PatchError, match="invalid patch header"):
        apply_patch("x", "@@ -1 +1 @\n-x\n")
    with pytest.raises(PatchError, match="invalid patch line"):
        apply_patch("x", "@@ -1 +1 @@\n*x\n")
    with pytest.raises(PatchError, match="lengths do not match"):
        apply_patch("x", "@@ -1,2 +1 @@\n-x\n+y\n")
    with pytest.raises(PatchError, match="outside the text"):
        apply_patch("x", "@@ -5 +5 @@\n-x\n+y\n")
    assert issubclass(PatchError, KzlawError)
    assert issubclass(PatchError, ValueError)
    # Python's own port counts code points, so past U+FFFF its offsets are not JavaScript's: refused.
    old, new = "😀😀 a b c d e f g h", "😀😀 a b c d e f g x"
    python_patch = diff_match_patch().patch_toText(diff_match_patch().patch_make(old, new))
    with pytest.raises(PatchError):
        apply_patch(old, python_patch)
    assert apply_patch(old, word_diff(old, new).patch) == new
    with pytest.raises(PatchError, match="lone surrogate"):
        _ = word_diff("a \ud800", "b").patch
    with pytest.raises(PatchError, match="lone surrogate"):
        apply_patch("a \ud800", "")


def test_many_distinct_tokens() -> None:
    # Far more distinct tokens than there are characters to encode them: each gap is encoded alone.
    old = " ".join(f"a{i}" for i in range(600_000))
    new = " ".join(f"b{i}" for i in range(600_000)) + " a599999"
    d = word_diff(old, new)
    assert d.old == old
    assert d.new == new
    assert d.ops[0][0] == -1


def test_a_few_changes_in_a_long_repetitive_text_stay_small() -> None:
    # Few words occur once in a long text drawn from a small vocabulary: the anchors are sparse, yet
    # the diff must still be the handful of changed words, not the whole text deleted and inserted.
    rng = random.Random(5)
    vocab = [f"w{i}" for i in range(800)]
    old_words = [rng.choice(vocab) for _ in range(20_000)]
    new_words = list(old_words)
    for k in rng.sample(range(len(new_words)), 200):
        new_words[k] = rng.choice(vocab)
    d = word_diff(" ".join(old_words), " ".join(new_words))
    kept = sum(len(t.split()) for op, t in d.ops if op == 0)
    assert kept >= 19_700
    assert len(d.ops) <= 4 * 200 + 1


def test_a_translation_is_replaced_whole() -> None:
    english = "1. Recruitment, transportation or transfer of a person for the purpose of exploitation (a) by deceit"
    russian = "1. Вербовка, перевозка или передача человека в целях эксплуатации (а) путем обмана"
    assert word_diff(english, russian).ops == ((0, "1. "), (-1, english[3:]), (1, russian[3:]))


def _brute_lcs(x: list[str], y: list[str]) -> int:
    rows = [[0] * (len(y) + 1) for _ in range(len(x) + 1)]
    for i in range(len(x) - 1, -1, -1):
        for j in range(len(y) - 1, -1, -1):
            rows[i][j] = rows[i + 1][j + 1] + 1 if x[i] == y[j] else max(rows[i + 1][j], rows[i][j + 1])
    return rows[0][0]


@settings(max_examples=300 * FUZZ_SCALE, deadline=None)
@given(st.lists(st.sampled_from("abcde"), max_size=9), st.lists(st.sampled_from("abcde"), max_size=9))
def test_the_exact_step_is_a_longest_common_subsequence(x: list[str], y: list[str]) -> None:
    ii, jj = wordalign._lcs(x, list(range(len(x))), y, list(range(len(y))))
    assert all(x[i] == y[j] for i, j in zip(ii, jj, strict=True))
    assert ii == sorted(set(ii))  # in order, each token matched once
    assert jj == sorted(set(jj))
    assert len(ii) == _brute_lcs(x, y)


@settings(max_examples=300 * FUZZ_SCALE, deadline=None)
@given(pairs())
def test_the_common_head_and_tail_are_cut_where_tokens_start(pair: tuple[str, str]) -> None:
    old, new = pair
    if old == new or not old or not new:
        return
    p, t = worddiff._cut(old, new)
    assert old[:p] == new[:p]
    assert old[len(old) - t :] == new[len(new) - t :]
    assert p + t <= min(len(old), len(new))
    for text in (old, new):
        middle = text[p : len(text) - t]
        assert tokenize(text[:p]) + tokenize(middle) + tokenize(text[len(text) - t :]) == tokenize(text)
        assert worddiff._tokens(text[:p]) + worddiff._tokens(middle) == worddiff._tokens(text[: len(text) - t])


def _runs_rebuild(a: list[str], b: list[str], runs: list[tuple[int, int]]) -> None:
    ia = ib = 0
    for op, n in runs:
        assert n > 0
        if op == 0:
            assert a[ia : ia + n] == b[ib : ib + n]
        ia, ib = ia + n * (op <= 0), ib + n * (op >= 0)
    assert (ia, ib) == (len(a), len(b))


def test_gaps_beyond_the_exact_bound_fall_back_to_a_deletion_and_an_insertion() -> None:
    # No token occurs once, none as often in both texts: no anchor and too many pairs for the exact
    # step, so the whole gap is deleted and inserted; the texts still rebuild and no word is split.
    old = " ".join(["alpha", "beta"] * 300 + ["gamma"] * 3)
    new = " ".join(["beta", "alpha", "alpha"] * 150 + ["gamma"] * 5)
    x, y = worddiff._keys(worddiff._tokens(old)), worddiff._keys(worddiff._tokens(new))
    assert len(x) * len(y) > wordalign.MID
    runs = wordalign.align(x, y)
    _runs_rebuild(x, y, runs)
    d = word_diff(old, new)
    assert d.old == old
    assert d.new == new
    assert cuts(d, -1) <= boundaries(old)
    assert cuts(d, 1) <= boundaries(new)
    assert apply_patch(old, d.patch) == new
    # A small gap past the bound is the same: a deletion and an insertion, whole words.
    small = wordalign.align(["a", "b"] * 9, ["b", "a", "a"] * 6)
    _runs_rebuild(["a", "b"] * 9, ["b", "a", "a"] * 6, small)


@settings(max_examples=100 * FUZZ_SCALE, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "c", "d", "e", "f", "g", "h"]), min_size=40, max_size=400), st.data())
def test_long_repetitive_texts_align_exactly(words: list[str], data: st.DataObject) -> None:
    # Long gaps from a small vocabulary take every path: anchors once in both, the rarest tokens, the
    # exact step, and the fallback; the runs always rebuild both lists.
    other = list(words)
    for _ in range(data.draw(st.integers(0, 20))):
        k = data.draw(st.integers(0, len(other) - 1))
        other[k] = data.draw(st.sampled_from(["a", "b", "x", "y"]))
    _runs_rebuild(words, other, wordalign.align(words, other))
    old, new = " ".join(words), " ".join(other)
    d = word_diff(old, new)
    assert d.old == old
    assert d.new == new


def test_a_rewrite_costs_a_few_passes_not_a_square() -> None:
    # Two unrelated texts of 20,000 words each: under a second (a quadratic step would take minutes).
    rng = random.Random(11)
    vocab = [f"w{i}" for i in range(3000)]
    old = " ".join(rng.choice(vocab) for _ in range(20_000))
    new = " ".join(rng.choice(vocab) for _ in range(20_000))
    d = word_diff(old, new)
    assert d.old == old
    assert d.new == new
    assert sum(op != 0 for op, _ in d.ops) <= 40  # replaced in a few whole runs, not word by word


def test_javascript_applies_the_patches() -> None:
    node = shutil.which("node")
    if node is None or not (JS / "node_modules" / "diff-match-patch").is_dir():
        pytest.skip("install node and run `npm install --prefix tests/js`")
    rng = random.Random(2026)
    astral = ["😀", "👍🏽", "🇰🇿", "\U00020000", "\U0002a6d6", "𝔸", "👨\u200d👩"]
    words = [
        *astral,
        *["от", "трех", "до", "пяти", "лет", "қылмыс", "a", "b", "e\u0301", "\u0301"],
        " ",
        "\n",
        "\r\n",
        ".",
        ",",
    ]

    def text() -> str:
        return "".join(rng.choice(words) for _ in range(rng.randint(1, 120)))

    cases = []
    for _ in range(200):
        old = text()
        cut = sorted(rng.randint(0, len(tokenize(old))) for _ in range(2))
        new = "".join(tokenize(old)[: cut[0]]) + text()[:40] + "".join(tokenize(old)[cut[1] :])
        cases.append({"old": old, "patch": word_diff(old, new).patch, "new": new})
    assert sum(bool(ASTRAL.search(c["old"] + c["new"])) for c in cases) >= 190
    # A control: Python's own patch, offsets in code points, must fail there (apply.js applies exactly).
    control_old, control_new = "😀😀😀 до пяти лет 😀 и так далее", "😀😀😀 до семи лет 😀 и так далее"
    control = diff_match_patch().patch_toText(diff_match_patch().patch_make(control_old, control_new))
    run = subprocess.run(
        [node, str(JS / "apply.js")],
        input=json.dumps(
            [*({"old": c["old"], "patch": c["patch"]} for c in cases), {"old": control_old, "patch": control}]
        ),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    *results, refused = json.loads(run.stdout)
    assert not all(refused["applied"])
    assert len(results) == len(cases)
    for case, result in zip(cases, results, strict=True):
        assert all(result["applied"]), case
        assert result["text"] == case["new"], case


def test_the_stored_token_patterns_are_what_this_python_builds() -> None:
    """kzlaw.tokenclasses holds the patterns this Python builds (regenerate: python -m kzlaw.worddiff)."""
    from kzlaw import tokenclasses

    assert unicodedata.unidata_version == tokenclasses.UNIDATA_VERSION, "regenerate: python -m kzlaw.worddiff"
    assert worddiff._build_pattern(False) == tokenclasses.BMP
    assert worddiff._build_pattern(True) == tokenclasses.WIDE
    assert worddiff._token_classes_module() == Path(tokenclasses.__file__).read_text(encoding="ascii")


def test_another_unicode_version_builds_its_own_token_patterns(monkeypatch: pytest.MonkeyPatch) -> None:
    from kzlaw import tokenclasses

    monkeypatch.setattr(tokenclasses, "UNIDATA_VERSION", "0.0.0")
    monkeypatch.setattr(tokenclasses, "BMP", "x")  # what another version stored: never used here
    worddiff._pattern.cache_clear()
    try:
        assert worddiff._pattern(False).pattern == worddiff._build_pattern(False)
        assert worddiff.tokenize("ч. 2, ст. 128") == ["ч", ".", " ", "2", ",", " ", "ст", ".", " ", "128"]
    finally:
        worddiff._pattern.cache_clear()
