"""Text and HTML views of the official-text results: footnotes, the sanction and point checks, verify-official.

Importing this module registers its renderers on :func:`kzlaw.present.text.render` and
:func:`kzlaw.present.html.render` (the ``_register()`` functions of those modules import it).
Statute words pass through :func:`kzlaw.present.text.clean` and :func:`kzlaw.present.html.esc`.
"""

from __future__ import annotations

from collections.abc import Mapping

from kzlaw.official.footnotes import EntryIntoForce, FootnoteWindow
from kzlaw.official.points import PointLink
from kzlaw.official.sanctions import SanctionCheck, SanctionWords
from kzlaw.official.verify import Difference, VerifyReport
from kzlaw.present import html, labels, text
from kzlaw.present.html import esc
from kzlaw.present.text import clean

__all__ = ["DIFFERENCE_WORDS", "RULE_WORDS", "WINDOW_WORDS", "rule_text"]

#: Each kind of entry-into-force rule in words.
RULE_WORDS: Mapping[str, str] = {
    "ten_days_after_publication": "ten calendar days after its first official publication",
    "six_months_after_publication": "six months after its first official publication",
    "fixed_date": "on a fixed date",
    "on_publication": "on the day of its official publication",
    "see_law": "as the law itself provides (the footnote refers to it)",
    "other": "by a rule of another form",
    "not_stated": "not stated in the footnote",
}
#: Each verdict of a footnote window in words.
WINDOW_WORDS: Mapping[str, str] = {
    "agrees": "the footnote cites the law that brought this version, and no later law",
    "later_law": "the footnote cites a later law: these words are not this version's",
    "own_law_missing": "the footnote does not cite the law that brought this version",
    "no_law_to_check": "an original text: the footnote cites no later law",
}
#: Each kind of verify-official difference in words.
DIFFERENCE_WORDS: Mapping[str, str] = {
    "missing_article": "article not in the file",
    "changed_title": "title changed",
    "missing_part": "part not in the file",
    "new_part": "part in the file that kzlaw does not hold",
    "changed_words": "words changed",
    "missing_note": "note not in the file",
    "new_note": "note in the file that kzlaw does not hold",
    "changed_note": "note changed",
    "changed_definition": "definition changed",
    "changed_footnote": "footnote changed",
}


def rule_text(rule: EntryIntoForce) -> str:
    """An entry-into-force rule in words: ``ten calendar days after its first official publication``."""
    words = RULE_WORDS[rule.kind]
    if rule.kind == "fixed_date" and rule.date is not None:
        words = f"on {rule.date.isoformat()}"
    if rule.except_from is not None:
        words += f" (some provisions from {rule.except_from.isoformat()})"
    return words


def _box(inner: str, title: str, standalone: bool, styled: bool) -> str:
    if standalone:
        return html.page(title, f'<div class="kz kz">{inner}</div>')
    style = f"<style>{html.CSS}</style>" if styled else ""
    return f'<div class="kz kz">{style}{inner}</div>'


def _words_text(w: SanctionWords) -> str:
    options = " or ".join(str(p) for p in w.main) or "no main penalty read"
    if w.additional:
        options += ", with " + ", ".join(str(p) + (f" [{p.note}]" if p.note else "") for p in w.additional)
    return options


@text.render.register(SanctionWords)
def _sanction_words_text(w: SanctionWords, color: bool = False) -> str:
    lines = [f"{_words_text(w)}", f"  read from ({w.language}): {clean(w.clause)}"]
    lines += [f"  could not read: {clean(u)}" for u in w.unread]
    return "\n".join(lines)


@text.render.register(SanctionCheck)
def _sanction_check_text(c: SanctionCheck, color: bool = False) -> str:
    head = f"{labels.version_label_ref(c.ref)}, part {c.part} ({c.language}, {c.status.replace('_', ' ')}): "
    head += "words and structure agree" if c.agrees else "words and structure disagree"
    lines = [head, f"  structure: {c.structured}"]
    if c.words is not None:
        lines.append(f"  words: {_words_text(c.words)}")
        lines.append(f"  clause: {clean(c.words.clause)}")
    lines += [f"  - {clean(d)}" for d in c.differences]
    return "\n".join(lines)


@text.render.register(FootnoteWindow)
def _window_text(w: FootnoteWindow, color: bool = False) -> str:
    lines = [f"{labels.version_label_ref(w.ref)} ({w.language}): {WINDOW_WORDS[w.status]}"]
    lines.append(f"  footnote: {clean(w.footnote)}")
    for law in w.laws:
        lines.append(
            f"  - {labels.law_label(law.law_id)} ({clean(law.words)}): {law.action}; "
            f"in force {rule_text(law.entry_into_force)}"
        )
    if w.later_laws:
        lines.append(f"  later laws cited: {', '.join(w.later_laws)}")
    if w.law_in_force is not None:
        lines.append(f"  kzlaw holds {labels.law_label(w.amended_by)} in force {w.law_in_force}")
    return "\n".join(lines)


@text.render.register(PointLink)
def _point_text(p: PointLink, color: bool = False) -> str:
    where = f"{labels.version_label_ref(p.ref)}, part {p.part}, point {p.printed_label or p.label}"
    if p.status == "linked":
        match = "" if p.words_match else " (the circumstance's words differ from the point's)"
        return f"{where}: linked to circumstance {p.label} [{', '.join(p.tags)}]{match}"
    if p.status == "untagged":
        return f"{where}: untagged: {clean(p.words)}"
    return f"{where}: circumstance {p.label} [{', '.join(p.tags)}] has no point in the official words"


def _where(d: Difference) -> str:
    return f"{labels.article_label(d.article)}, {d.where}" + (f" ({d.version})" if d.version else "")


@text.render.register(Difference)
def _difference_text(d: Difference, color: bool = False) -> str:
    line = f"{_where(d)}: {DIFFERENCE_WORDS[d.kind]}"
    return line + (f": {clean(d.diff)}" if d.diff else "")


@text.render.register(VerifyReport)
def _report_text(r: VerifyReport, color: bool = False) -> str:
    lines = [
        f"{labels.code_label(r.code)} ({r.language}): the held official wordings against {clean(r.file)}",
        f"  {r.articles_in_file} articles in the file; {len(r.compared)} held official wordings compared",
    ]
    if r.ok:
        lines.append("  no difference")
    else:
        lines.append(f"  {len(r.differences)} difference(s):")
        lines += ["  * " + _difference_text(d) for d in r.differences]
    return "\n".join(lines)


@html.render.register(SanctionCheck)
def _sanction_check_html(c: SanctionCheck, standalone: bool = False, styled: bool = True) -> str:
    verdict = "agree" if c.agrees else "disagree"
    items = "".join(f"<li>{esc(d)}</li>" for d in c.differences)
    words = f"<p>Words: {esc(_words_text(c.words))}<br><q>{esc(c.words.clause)}</q></p>" if c.words else ""
    inner = (
        f"<h4>{esc(labels.version_label_ref(c.ref))}, part {esc(c.part)} ({esc(c.language)})</h4>"
        f"<p class='kz-meta'>Words and structure {verdict}. Structure: {esc(c.structured)}</p>{words}"
        + (f"<ul class='kz-warn'>{items}</ul>" if items else "")
    )
    return _box(inner, f"{c.ref} part {c.part}", standalone, styled)


@html.render.register(SanctionWords)
def _sanction_words_html(w: SanctionWords, standalone: bool = False, styled: bool = True) -> str:
    inner = f"<p>{esc(_words_text(w))}<br><q>{esc(w.clause)}</q></p>"
    return _box(inner, "sanction", standalone, styled)


@html.render.register(FootnoteWindow)
def _window_html(w: FootnoteWindow, standalone: bool = False, styled: bool = True) -> str:
    rows = "".join(
        f"<tr><td>{esc(labels.law_label(x.law_id))}</td><td>{esc(x.words)}</td><td>{esc(x.action)}</td>"
        f"<td>{esc(rule_text(x.entry_into_force))}</td></tr>"
        for x in w.laws
    )
    cls = "kz-meta" if w.agrees else "kz-warn"
    inner = (
        f"<h4>{esc(labels.version_label_ref(w.ref))} ({esc(w.language)})</h4>"
        f"<p class='{cls}'>{esc(WINDOW_WORDS[w.status])}</p><p><q>{esc(w.footnote)}</q></p>"
        "<table><tr><th>Law</th><th>As printed</th><th>Did</th><th>In force</th></tr>"
        f"{rows}</table>"
    )
    return _box(inner, f"footnote of {w.ref}", standalone, styled)


@html.render.register(PointLink)
def _point_html(p: PointLink, standalone: bool = False, styled: bool = True) -> str:
    return _box(f"<p>{esc(_point_text(p))}</p>", p.ref, standalone, styled)


@html.render.register(Difference)
def _difference_html(d: Difference, standalone: bool = False, styled: bool = True) -> str:
    return _box(f"<p>{esc(_difference_text(d))}</p>", d.article, standalone, styled)


@html.render.register(VerifyReport)
def _report_html(r: VerifyReport, standalone: bool = False, styled: bool = True) -> str:
    rows = "".join(
        f"<tr><td>{esc(labels.article_label(d.article))}</td><td>{esc(d.where)}</td>"
        f"<td>{esc(DIFFERENCE_WORDS[d.kind])}</td><td class='kz-text'>{esc(d.diff)}</td></tr>"
        for d in r.differences
    )
    table = (
        "<div class='kz-scroll'><table><tr><th>Article</th><th>Where</th><th>Difference</th><th>Words</th></tr>"
        f"{rows}</table></div>"
        if rows
        else "<p>No difference.</p>"
    )
    inner = (
        f"<h3>{esc(labels.code_label(r.code))} ({esc(r.language)}): held official wordings against "
        f"{esc(r.file)}</h3><p class='kz-meta'>{r.articles_in_file} articles in the file; "
        f"{len(r.compared)} held official wordings compared.</p>{table}"
    )
    return _box(inner, f"verify-official {r.file}", standalone, styled)
