"""Writing the statute file format: :func:`dump` is the inverse of :func:`kzlaw.load`.

The written form is canonical: what `tomli-w <https://github.com/hukkin/tomli-w>`_ writes for the
article's fields with every default left out (an empty list, ``false``, an empty string), dates as
TOML dates, an uncertain date as a table, and long texts as multi-line strings (unless a string holds
a carriage return, which a TOML parser may normalise there; then every string is written escaped).
``load(dump(x)) == x`` holds for every article and corpus; a hand-written file dumped again changes
only in layout, never in content.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import attrs

from kzlaw.load import REGISTRIES
from kzlaw.model import Article, Corpus, Version, When

__all__ = ["article_to_toml", "dump", "to_plain"]

# Fields the loader fills in, which the files never hold.
_DERIVED: dict[type, set[str]] = {Version: {"code", "article"}, Article: {"in_force_from", "in_force_to"}}


def to_plain(obj: Any) -> Any:
    """A model object as plain TOML-ready data: dicts, lists, strings, numbers and dates."""
    if isinstance(obj, When):
        if obj.date is not None and not obj.note:
            return obj.date
        if obj.earliest is None and obj.latest is None and not obj.note:
            return "unknown"
        return {k: v for k, v in (("earliest", obj.earliest), ("latest", obj.latest), ("note", obj.note)) if v}
    if attrs.has(type(obj)):
        out: dict[str, Any] = {}
        skip = _DERIVED.get(type(obj), set())
        for f in attrs.fields(type(obj)):
            value = getattr(obj, f.name)
            if f.name in skip or (f.default is not attrs.NOTHING and value == f.default):
                continue
            out[f.name] = to_plain(value)
        return out
    if isinstance(obj, tuple | list):
        return [to_plain(v) for v in obj]
    if isinstance(obj, str | int | float | bool | dt.date) or obj is None:
        return obj
    raise TypeError(f"cannot write {type(obj).__name__}")


def _multiline_safe(data: Any) -> bool:
    """Whether every string survives as a multi-line TOML string.

    A TOML parser may normalise the line endings inside multi-line strings, so a string holding a
    carriage return must be written as a basic string, with escapes.
    """
    if isinstance(data, str):
        return "\r" not in data
    if isinstance(data, dict):
        return all(_multiline_safe(v) for v in data.values())
    if isinstance(data, list):
        return all(_multiline_safe(v) for v in data)
    return True


def _toml(data: dict[str, Any]) -> str:
    import tomli_w

    return tomli_w.dumps(data, multiline_strings=_multiline_safe(data))


def article_to_toml(article: Article) -> str:
    """The canonical TOML text of one article file."""
    data = to_plain(article)
    head = {"code": data.pop("code"), "number": data.pop("number")}
    return _toml({**head, **data})


def _registry_to_toml(entries: dict[str, Any], key: str | None, id_field: str = "id") -> str:
    table = {}
    for name, entry in entries.items():
        plain = to_plain(entry)
        plain.pop(id_field, None)
        table[name] = plain
    return _toml(table if key is None else {key: table})


def dump(obj: Corpus | Article, path: str | Path) -> Path:
    """Write an article or a whole corpus in the statute file format; returns what was written.

    An article goes to ``path`` if it ends in ``.toml``, else to ``path/<code>/<number>.toml``.
    A corpus goes to the folder ``path``: the registries and one file per article.

    >>> import tempfile, kzlaw
    >>> corpus = kzlaw.load()
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = dump(corpus, tmp)
    ...     kzlaw.load(tmp) == corpus
    True
    """
    path = Path(path)
    if isinstance(obj, Article):
        target = path if path.suffix == ".toml" else path / obj.code / f"{obj.number}.toml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(article_to_toml(obj), encoding="utf-8")
        return target
    path.mkdir(parents=True, exist_ok=True)
    texts = {
        "codes.toml": _registry_to_toml(dict(obj.codes), None),
        "laws.toml": _registry_to_toml(dict(obj.laws), "laws"),
        "sources.toml": _registry_to_toml(dict(obj.sources), "sources"),
        "vocabulary.toml": _registry_to_toml(dict(obj.tags), "tags", id_field="name"),
    }
    assert set(texts) == set(REGISTRIES)
    for name, text in texts.items():
        (path / name).write_text(text, encoding="utf-8")
    for article in obj:
        dump(article, path)
    return path
