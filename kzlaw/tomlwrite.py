"""A small TOML writer for statute files: the layout a person would write by hand.

Short tables and lists of short tables are written inline (``source = { document = ... }``,
``sanction.main = [{ kind = "imprisonment", ... }]``), long texts as literal multi-line strings
(``'''...'''``) where that is exact, everything else as TOML tables. The output parses back with
:mod:`tomllib` to the same data, and writing that data again gives the same bytes.

>>> part = {"id": "base", "sanction": {"main": [{"kind": "imprisonment", "maximum": 5, "unit": "years"}]}}
>>> print(dumps({"code": "cc1997", "versions": [{"source": {"document": "iphr-2010"}, "parts": [part]}]}))
code = "cc1997"
<BLANKLINE>
[[versions]]
source = { document = "iphr-2010" }
<BLANKLINE>
[[versions.parts]]
id = "base"
sanction.main = [{ kind = "imprisonment", maximum = 5, unit = "years" }]
<BLANKLINE>
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

__all__ = ["dumps"]

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_INLINE_WIDTH = 110
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def _key(k: str) -> str:
    return k if _BARE.fullmatch(k) else _basic(k)


def _basic(s: str) -> str:
    out = []
    for ch in s:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif _CONTROL.fullmatch(ch) or 0xD800 <= ord(ch) <= 0xDFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _string(s: str, allow_multiline: bool) -> str:
    literal_ok = (
        allow_multiline
        and ("\n" in s or len(s) > _INLINE_WIDTH)
        and "'''" not in s
        and not s.endswith("'")
        and not s.startswith("\n")
        and "\r" not in s
        and not _CONTROL.search(s.replace("\t", "").replace("\n", ""))
        and not any(0xD800 <= ord(ch) <= 0xDFFF for ch in s)
    )
    return f"'''{s}'''" if literal_ok else _basic(s)


def _inline(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return _basic(value)
    if isinstance(value, list):
        return "[" + ", ".join(_inline(v) for v in value) + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{_key(k)} = {_inline(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} in TOML")


def _flat(value: Any) -> bool:
    """Whether a table holds only scalars, lists of scalars and tables of scalars."""

    def scalar(v: Any) -> bool:
        return not isinstance(v, dict | list) or (
            isinstance(v, list) and not any(isinstance(x, dict | list) for x in v)
        )

    return all(scalar(v) or (isinstance(v, dict) and all(scalar(x) for x in v.values())) for v in value.values())


def _fits(value: Any, width: int = 100_000) -> bool:
    """Whether a flat table reads well inline: on one line (statute files keep such tables whole)."""
    if not isinstance(value, dict) or not _flat(value):
        return False
    try:
        text = _inline(value)
    except TypeError:
        return False
    short = len(text) <= _INLINE_WIDTH
    # Long tables stay inline only when they are small records (a source, a date window), not texts.
    record = len(value) <= 3 and not any(isinstance(v, dict) for v in value.values()) and "text" not in value
    return (short or record) and len(text) <= width and "\\n" not in text


def _is_tables(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _list(items: list[Any]) -> str:
    if len(items) == 1:
        return f"[{_inline(items[0])}]"
    return "[\n" + "".join(f"  {_inline(item)},\n" for item in items) + "]"


def _table(path: list[str], data: dict[str, Any], lines: list[str], array: bool) -> None:
    head = ".".join(_key(p) for p in path)
    start = len(lines)
    if path:
        lines.append(f"[[{head}]]" if array else f"[{head}]")
    later: list[tuple[str, Any]] = []
    for k, v in data.items():
        if isinstance(v, dict):
            if _fits(v):
                lines.append(f"{_key(k)} = {_inline(v)}")
            elif v and all(_fits(x) or (_is_tables(x) and all(_fits(i) for i in x)) for x in v.values()):
                for sub, x in v.items():  # dotted keys: sanction.main = [...]
                    lines.append(f"{_key(k)}.{_key(sub)} = {_inline(x) if isinstance(x, dict) else _list(x)}")
            else:
                later.append((k, v))
        elif _is_tables(v):
            if all(_fits(item) for item in v):
                lines.append(f"{_key(k)} = {_list(v)}")
            else:
                later.append((k, v))
        elif isinstance(v, str):
            lines.append(f"{_key(k)} = {_string(v, allow_multiline=True)}")
        else:
            lines.append(f"{_key(k)} = {_inline(v)}")
    if path and not array and len(lines) == start + 1 and later:
        lines.pop()  # a table holding only tables needs no header of its own
    for k, v in later:
        lines.append("")
        if isinstance(v, dict):
            _table([*path, k], v, lines, array=False)
        else:
            for i, item in enumerate(v):
                if i:
                    lines.append("")
                _table([*path, k], item, lines, array=True)


def dumps(data: dict[str, Any]) -> str:
    """The TOML text of ``data`` (dicts, lists, strings, numbers, booleans and dates)."""
    lines: list[str] = []
    _table([], data, lines, array=False)
    text = "\n".join(lines).lstrip("\n")
    return re.sub(r"\n{3,}", "\n\n", text) + "\n"
