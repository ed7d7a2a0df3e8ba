"""Writing the statute file format: :func:`dump` is the inverse of :func:`kzlaw.loader`.

The written form is canonical: what :mod:`kzlaw.tomlwrite` writes for what the one converter
(:func:`kzlaw.convert.file_converter`) unstructures, every default left out (an empty list,
``false``, an empty string), dates as TOML dates, an uncertain date as a table, short tables inline
and long texts as literal multi-line strings where that is exact (a text holding a carriage return,
which a TOML parser normalises there, is written escaped). ``load(dump(x)) == x`` holds for every
article and corpus. Every file is rendered before anything is written, and each is written
atomically, so a failure leaves what was there before.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kzlaw.convert import file_converter
from kzlaw.corpus import Corpus
from kzlaw.errors import WriteError
from kzlaw.fsio import ensure_folder, write_atomic
from kzlaw.model import Article, Law
from kzlaw.tomlwrite import dumps

__all__ = ["article_to_toml", "dump"]


def _toml(data: dict[str, Any]) -> str:
    return dumps(data)


def article_to_toml(article: Article, laws: Mapping[str, Law] | None = None) -> str:
    """The canonical TOML text of one article file.

    With ``laws``, a version's ``valid_from`` that is its amending law's entry into force is left out
    (the loader takes it from ``laws.toml``, so the date is written once).
    """
    data: dict[str, Any] = file_converter().unstructure(article)
    for version, raw in zip(article.versions, data["versions"], strict=True):
        law = (laws or {}).get(version.amended_by or "")
        if law is not None and law.in_force == version.valid_from:
            raw.pop("valid_from", None)
        order = [p.id for p in version.parts]
        for wording in raw.get("wordings", {}).values():
            if "parts" in wording:
                wording["parts"] = {pid: wording["parts"][pid] for pid in order}
    head = {"code": data.pop("code"), "number": data.pop("number")}
    return _toml({**head, **data})


def _registry_to_toml(entries: Any, key: str | None, id_field: str = "id") -> str:
    table = {}
    for name, entry in entries.items():
        plain = file_converter().unstructure(entry)
        plain.pop(id_field, None)
        table[name] = plain
    return _toml(table if key is None else {key: table})


def _check_text(name: str, text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        raise WriteError(name, f"holds a character UTF-8 cannot write (a lone surrogate?) at {e.start}") from None


def dump(obj: Corpus | Article, path: str | os.PathLike[str]) -> Path:
    """Write an article or a whole corpus in the statute file format; returns what was written.

    An article goes to ``path`` if it ends in ``.toml``, else to ``path/<code>/<number>.toml``.
    A corpus goes to the folder ``path``: the registries and one file per article.

    Raises:
        WriteError: A file cannot be written (nothing already there is lost).

    >>> import tempfile, kzlaw
    >>> corpus = kzlaw.load()
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = dump(corpus, tmp)
    ...     kzlaw.load(tmp) == corpus
    True
    """
    if str(path) == "":
        raise WriteError("''", "an empty path is not a place to write; name a folder or a .toml file")
    path = Path(path)
    if isinstance(obj, Article):
        target = path if path.suffix == ".toml" else path / obj.code / f"{obj.number}.toml"
        text = article_to_toml(obj)
        _check_text(str(target), text)
        write_atomic(target, text)
        return target
    files: dict[Path, str] = {
        path / "codes.toml": _registry_to_toml(obj.codes, None),
        path / "laws.toml": _registry_to_toml(obj.laws, "laws"),
        path / "sources.toml": _registry_to_toml(obj.sources, "sources"),
        path / "vocabulary.toml": _registry_to_toml(obj.tags, "tags", id_field="name"),
        path / "languages.toml": _registry_to_toml(obj.languages, "languages"),
    }
    for article in obj:
        files[path / article.code / f"{article.number}.toml"] = article_to_toml(article, obj.laws)
    for target, text in files.items():
        _check_text(str(target), text)
    ensure_folder(path)
    for target, text in files.items():
        write_atomic(target, text, root=path)
    return path
