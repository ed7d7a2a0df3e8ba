"""Writing the statute file format: :func:`dump` is the inverse of :func:`kzlaw.load`.

The written form is canonical: what :mod:`kzlaw.tomlwrite` writes for what the one converter
(:func:`kzlaw.convert.file_converter`) unstructures, every default left out (an empty list,
``false``, an empty string), dates as TOML dates, an uncertain date as a table, short tables inline
and long texts as literal multi-line strings where that is exact (a text holding a carriage return,
which a TOML parser normalises there, is written escaped). ``load(dump(x)) == x`` holds for every
article and corpus. Every file is rendered and checked before anything is written, all are written to
temporary files beside their targets, and only then renamed over them (:func:`kzlaw.fsio.write_files`),
so a failure leaves what was there before, and a folder that loaded still loads.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kzlaw.convert import file_converter
from kzlaw.corpus import Corpus
from kzlaw.errors import WriteError
from kzlaw.fsio import ensure_folder, write_atomic, write_files
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


_SURROGATE = re.compile("[\ud800-\udfff]")


def _surrogate(data: Any, path: str = "") -> str | None:
    """The field path of the first string holding a lone surrogate (which neither UTF-8 nor TOML can hold)."""
    if isinstance(data, str):
        return path if _SURROGATE.search(data) else None
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        where = _surrogate(value, f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}".lstrip("."))
        if where is not None:
            return where
    return None


def _check_text(name: str, text: str, source: Any = None) -> None:
    """Refuse to write a file that would not load back (nothing is written then)."""
    try:
        text.encode("utf-8")
        tomllib.loads(text)
    except (UnicodeEncodeError, tomllib.TOMLDecodeError) as e:
        try:
            where = _surrogate(file_converter().unstructure(source)) if source is not None else None
        except Exception:  # only to name the field; the error is raised either way
            where = None
        detail = f" in {where}" if where else ""
        raise WriteError(
            name, f"holds a character UTF-8 and TOML cannot hold (a lone surrogate?){detail}; it would not load: {e}"
        ) from None


def dump(obj: Corpus | Article, path: str | os.PathLike[str]) -> Path:
    """Write an article or a whole corpus in the statute file format; returns what was written.

    An article goes to ``path`` if it ends in ``.toml``, else to ``path/<code>/<number>.toml``.
    A corpus goes to the folder ``path``: the registries and one file per article.

    Raises:
        WriteError: ``path`` is empty, a file cannot be written, or a text holds what UTF-8 cannot
            encode (a lone surrogate); the files already there are left as they were.

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
        _check_text(str(target), text, obj)
        write_atomic(target, text)
        return target
    files: dict[Path, str] = {}
    sources: dict[Path, Any] = {
        path / "codes.toml": obj.codes,
        path / "laws.toml": obj.laws,
        path / "sources.toml": obj.sources,
        path / "vocabulary.toml": obj.tags,
        path / "languages.toml": obj.languages,
    }
    files[path / "codes.toml"] = _registry_to_toml(obj.codes, None)
    files[path / "laws.toml"] = _registry_to_toml(obj.laws, "laws")
    files[path / "sources.toml"] = _registry_to_toml(obj.sources, "sources")
    files[path / "vocabulary.toml"] = _registry_to_toml(obj.tags, "tags", id_field="name")
    files[path / "languages.toml"] = _registry_to_toml(obj.languages, "languages")
    for article in obj:
        target = path / article.code / f"{article.number}.toml"
        files[target], sources[target] = article_to_toml(article, obj.laws), article
    for target, text in files.items():
        _check_text(str(target), text, sources[target])
    ensure_folder(path)
    write_files(files, root=path)
    return path
