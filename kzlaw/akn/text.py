r"""How a part's text maps onto an AKN paragraph, exactly and back.

A part's text ``"2. The same act committed:\na) by a group ...;\nb) ..., shall be punished ..."`` becomes a
paragraph with ``<num>2.</num>``, an ``<intro>``, one ``<point>`` per circumstance (``<num>a)</num>`` and the
words up to the next point) and a ``<wrapUp>``. The split keeps every character: joining the pieces back
(:func:`join_exact`) gives the text again, and :func:`split_paragraph` only proposes a split that does. A text
whose circumstances cannot be found as ``label) words`` in order stays whole in one ``<content>``.

>>> num, numbered, body, layout = split_paragraph("2. Acts:\na) x;\nb) y, punished.", "2", [("a", "x"), ("b", "y")])
>>> num, numbered, layout
('2.', True, ('Acts:\n', [('a)', 'x;\n'), ('b)', 'y')], ', punished.'))
>>> join_exact(num, numbered, *layout)
'2. Acts:\na) x;\nb) y, punished.'
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["Layout", "join_exact", "join_readable", "split_paragraph"]

#: A paragraph split into its intro, its points as (num, words) and its wrap-up.
Layout = tuple[str, list[tuple[str, str]], str]


def _points(body: str, circumstances: Sequence[tuple[str, str]]) -> Layout | None:
    spans: list[tuple[int, int, int, str]] = []  # marker start, words start, words end, label
    position = 0
    for label, words in circumstances:
        marker = f"{label}) "
        at = body.find(marker + words, position)
        if at < 0 or not words:
            return None
        start = at + len(marker)
        spans.append((at, start, start + len(words), label))
        position = start + len(words)
    points = []
    for i, (_, start, end, label) in enumerate(spans):
        stop = spans[i + 1][0] if i + 1 < len(spans) else end
        points.append((f"{label})", body[start:stop]))
    return body[: spans[0][0]], points, body[spans[-1][2] :]


def split_paragraph(
    text: str, number: str, circumstances: Sequence[tuple[str, str]]
) -> tuple[str, bool, str, Layout | None]:
    """Split a part's text into the paragraph's num, body and (if its circumstances are found) points.

    Args:
        text: The part's words.
        number: The part's number (``2``).
        circumstances: Each circumstance's label and words, in order.

    Returns:
        ``(num, numbered, body, layout)``: ``num`` is ``"2."`` when the text starts with ``"2. "`` (then
        ``numbered`` is true and the body is the rest), else the bare number with the whole text as body;
        ``layout`` is the intro, points and wrap-up, or ``None`` to keep the body whole.
    """
    head = f"{number}. "
    numbered = text.startswith(head)
    num, body = (f"{number}.", text[len(head) :]) if numbered else (number, text)
    layout = _points(body, circumstances) if circumstances else None
    if layout is not None and join_exact(num, numbered, *layout) != text:  # pragma: no cover - by construction
        layout = None
    return num, numbered, body, layout


def join_exact(num: str, numbered: bool, intro: str, points: Sequence[tuple[str, str]], wrap: str) -> str:
    """The part's text from a paragraph kzlaw wrote: every piece as it is, ``num`` and a space before each point.

    Args:
        num: The paragraph's num.
        numbered: Whether the text starts with the num (:func:`split_paragraph`).
        intro: The intro's words (or the content's, with no points).
        points: Each point's num and words.
        wrap: The wrap-up's words.

    Returns:
        The text.
    """
    text = intro + "".join(f"{n} {words}" for n, words in points) + wrap
    return f"{num} {text}" if numbered else text


def join_readable(num: str, intro: str, points: Sequence[tuple[str, str]], wrap: str) -> str:
    """The part's text from any AKN paragraph: the num, then the intro, each point and the wrap-up on lines.

    Args:
        num: The paragraph's num (may be empty).
        intro: The intro's (or content's) words.
        points: Each point's num and words.
        wrap: The wrap-up's words.

    Returns:
        The text, with whitespace trimmed at each piece's ends.
    """
    lines = [intro.strip()] + [f"{n.strip()} {words.strip()}".strip() for n, words in points] + [wrap.strip()]
    body = "\n".join(line for line in lines if line)
    return f"{num.strip()} {body}".strip()
