"""Loading and validating statute folders.

The pipeline per file: read a bounded regular file as UTF-8 (:mod:`kzlaw.fsio`) -> parse TOML (:mod:`kzlaw.tomlparse`)
-> structure into the frozen model classes with the one converter (:mod:`kzlaw.convert`; the classes check their
own invariants) -> the checks that need the registries (known tags, laws, sources and kinds; periods inside the
code's; every version's reference naming exactly that version). The first problem raises a
:class:`~kzlaw.errors.StatuteError` subclass naming the file and the field. A corpus is built only when every file
has passed, so a failed load leaves nothing half-built behind. A folder of Akoma Ntoso documents loads too.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

import attrs

from kzlaw.bundled import bundled_path, load
from kzlaw.convert import structure
from kzlaw.corpus import Corpus
from kzlaw.errors import (
    AmbiguousDateError,
    DuplicateEntryError,
    KzlawError,
    PeriodError,
    StatuteError,
    StatuteSchemaError,
    StatuteSyntaxError,
    UnknownNameError,
)
from kzlaw.intern import share_article
from kzlaw.model import Article, Code, Language, Law, SourceDocument, Tag, Version
from kzlaw.refs import ARTICLE_TOKEN, parse_ref
from kzlaw.tomlparse import read_toml

__all__ = ["REGISTRIES", "Registries", "bundled_path", "load", "load_article", "registries"]

#: The folder-level files beside the code folders, each a table of named entries.
REGISTRIES = ("codes.toml", "laws.toml", "sources.toml", "vocabulary.toml", "languages.toml")

T = TypeVar("T")
_ARTICLE = re.compile(ARTICLE_TOKEN)
_LEADING_DIGITS = re.compile("[0-9]+")


@attrs.frozen
class Registries:
    """The registries an article file is checked against (see :func:`registries`)."""

    codes: Mapping[str, Code]
    laws: Mapping[str, Law]
    sources: Mapping[str, SourceDocument]
    tags: Mapping[str, Tag]
    languages: Mapping[str, Language]


def registries(root: str | os.PathLike[str] | None = None) -> Registries:
    """The registries of a statute folder (each missing one taken from the bundled data), checked.

    Raises:
        StatuteError: A registry file is not valid.
    """
    base = Path(root) if root is not None else bundled_path()
    bundled = bundled_path()
    files: dict[str, Path] = {}
    for name in REGISTRIES:
        own = base / name
        if own.exists() or own.is_symlink():
            if not own.is_file():
                raise StatuteSyntaxError(str(own), "", "is not a regular file")
            files[name] = own
        else:
            files[name] = bundled / name
    codes = _registry(files["codes.toml"], Code, base)
    sources = _registry(files["sources.toml"], SourceDocument, base, key="sources")
    laws = _registry(files["laws.toml"], Law, base, key="laws")
    tags = _registry(files["vocabulary.toml"], Tag, base, key="tags", id_field="name")
    languages = _registry(files["languages.toml"], Language, base, key="languages")
    reg = Registries(codes, laws, sources, tags, languages)
    for name, entry in codes.items():
        _check_source(reg, str(files["codes.toml"]), f"{name}.source.document", entry.source.document)
    for name, law in laws.items():
        _check_source(reg, str(files["laws.toml"]), f"laws.{name}.source.document", law.source.document)
    return reg


def load_folder(root: Path) -> Corpus:
    """Load a statute folder (what :func:`load` does for a path)."""
    if not root.is_dir():
        raise StatuteError(str(root), "", "no such folder")
    reg = registries(root)
    for entry in sorted(root.iterdir()):
        if entry.is_dir() and entry.name not in reg.codes and any(_statute_files(entry)):
            raise UnknownNameError(
                str(entry), "", f"holds statute files but {entry.name!r} is not a code of codes.toml"
            )
    articles: dict[str, Article] = {}
    shared: dict[tuple[type, int], Any] = {}  # equal parts and part wordings of the corpus, held once
    for code_id in reg.codes:
        folder = root / code_id
        if not folder.is_dir():
            continue
        for file in sorted(_statute_files(folder), key=lambda p: _number_key(p.stem)):
            art = _load_article(file, reg, root, shared)
            articles[art.ref] = art
    if not articles and any(root.glob("*/*/*@*.xml")):  # a folder of Akoma Ntoso documents
        try:
            from kzlaw.akn import load_akn
        except ImportError:
            raise StatuteError(str(root), "", "holds Akoma Ntoso documents: pip install 'kzlaw[akn]'") from None
        return load_akn(root)
    if not articles:
        raise StatuteError(
            str(root),
            "",
            f"holds no statute files (expected <code>/<article>.toml for a code of {', '.join(reg.codes)})",
        )
    for art in articles.values():
        for i, link in enumerate(art.lineage):
            if parse_ref(link.ref).code not in reg.codes:
                raise UnknownNameError(
                    f"{root}/{art.code}/{art.number}.toml", f"lineage[{i}].ref", f"unknown code in {link.ref!r}"
                )
    return Corpus(
        codes=reg.codes,
        articles=articles,
        laws=reg.laws,
        sources=reg.sources,
        tags=reg.tags,
        languages=reg.languages,
        root=str(root),
    )


def _statute_files(folder: Path) -> list[Path]:
    files = []
    for p in folder.iterdir():
        if p.suffix.lower() == ".toml":
            if p.suffix != ".toml":
                raise StatuteSchemaError(str(p), "", "statute files end in '.toml' (lower case): rename it")
            files.append(p)
    return files


def _number_key(number: str) -> tuple[tuple[int, str], ...]:
    """The order of article numbers as a code has them: 2 < 10 < 128 < 128-1 < 128a (ASCII digits only)."""
    key = []
    for segment in number.split("-"):
        m = _LEADING_DIGITS.match(segment)
        digits = m.group() if m else ""
        key.append((int(digits) if digits else 1 << 62, segment[len(digits) :]))
    return tuple(key)


def _check_source(reg: Registries, file: str, path: str, document: str) -> None:
    if document not in reg.sources:
        raise UnknownNameError(file, path, f"unknown source document {document!r}; add it to sources.toml")


def _check_tags(reg: Registries, file: str, path: str, tags: tuple[str, ...]) -> None:
    for i, tag in enumerate(tags):
        if tag not in reg.tags:
            near = [t for t in reg.tags if t.startswith(tag[:3])][:5]
            hint = f" (did you mean {', '.join(near)}?)" if near else ""
            raise UnknownNameError(
                file, f"{path}[{i}]", f"unknown tag {tag!r}{hint}; tags are listed in vocabulary.toml"
            )


def _registry(file: Path, cls: type[T], root: Path, key: str | None = None, id_field: str = "id") -> dict[str, T]:
    name = str(file)
    raw = read_toml(file, None if file.parent != root else root)
    table = raw if key is None else raw.get(key)
    if not isinstance(table, dict):
        raise StatuteSchemaError(name, key or "", "required: a table of entries")
    out: dict[str, T] = {}
    for entry_id, entry in table.items():
        path = entry_id if key is None else f"{key}.{entry_id}"
        if not isinstance(entry, dict):
            raise StatuteSchemaError(name, path, "must be a table")
        if id_field in entry:
            raise StatuteSchemaError(name, f"{path}.{id_field}", "is the table's own name; remove it")
        out[sys.intern(entry_id)] = structure({id_field: entry_id, **entry}, cls, name, prefix=path)
    return out


def load_article(file: str | os.PathLike[str], root: str | os.PathLike[str] | None = None) -> Article:
    """Load and validate one article file against the registries of ``root`` (by default the bundled ones).

    Raises:
        StatuteError: The file is not valid; the message names the file and the field.
    """
    return _load_article(Path(file), registries(root), None)


def _prepare(name: str, raw: dict[str, Any], reg: Registries) -> None:
    """Fill in what the file's head and the law registry give each version; reject what they own."""
    for key in ("in_force_from", "in_force_to"):
        if key in raw:
            raise StatuteSchemaError(name, key, "comes from codes.toml; remove it")
    if not isinstance(raw.get("versions"), list):
        raise StatuteSchemaError(name, "versions", "required: a list of [[versions]] tables")
    for i, version in enumerate(raw["versions"]):
        if not isinstance(version, dict):
            raise StatuteSchemaError(name, f"versions[{i}]", "must be a table")
        for key in ("code", "article"):
            if key in version:
                raise StatuteSchemaError(name, f"versions[{i}].{key}", "is set by the file; remove it")
        version["code"], version["article"] = raw.get("code"), raw.get("number")
        law_id = version.get("amended_by")
        if isinstance(law_id, str) and law_id not in reg.laws:
            raise UnknownNameError(name, f"versions[{i}].amended_by", f"unknown law {law_id!r}; add it to laws.toml")
        law = reg.laws.get(law_id) if isinstance(law_id, str) else None
        if "valid_from" not in version and law is not None:
            version["valid_from"] = law.in_force
        wordings = version.get("wordings")
        if isinstance(wordings, dict):
            for lang, w in wordings.items():
                if isinstance(w, dict):
                    if "language" in w:
                        raise StatuteSchemaError(
                            name, f"versions[{i}].wordings.{lang}.language", "is the table's key; remove it"
                        )
                    w["language"] = lang


def _load_article(
    file: Path, reg: Registries, root: Path | None, shared: dict[tuple[type, int], Any] | None = None
) -> Article:
    """One article file, checked; ``shared`` holds the equal parts of the articles loaded with it (see kzlaw.intern)."""
    name = str(file)
    raw = read_toml(file, root)
    _prepare(name, raw, reg)
    known = reg.codes.get(raw["code"]) if type(raw.get("code")) is str else None
    if known is not None:  # the code's own period (the file may not give it: _prepare checked)
        raw["in_force_from"], raw["in_force_to"] = known.in_force_from, known.in_force_to
    art = structure(raw, Article, name)
    share_article(art, {} if shared is None else shared)  # unchanged parts of later versions held once
    code = reg.codes.get(art.code)
    if code is None:
        raise UnknownNameError(name, "code", f"unknown code {art.code!r}; codes.toml holds {', '.join(reg.codes)}")
    if file.parent.name != art.code or file.stem != art.number:
        raise StatuteSchemaError(
            name, "number", f"article {art.code}/{art.number} must live in {art.code}/{art.number}.toml"
        )
    _check_article(name, art, reg, code)
    return art


def _check_article(file: str, art: Article, reg: Registries, code: Code) -> None:
    for i, link in enumerate(art.lineage):
        _check_source(reg, file, f"lineage[{i}].source.document", link.source.document)
    for i, v in enumerate(art.versions):
        path = f"versions[{i}]"
        _check_version(file, path, v, reg, code)
        problem = _ref_problem(art, i)
        if problem:
            raise DuplicateEntryError(file, path, problem)


def _ref_problem(art: Article, i: int) -> str:
    """Why ``versions[i]``'s reference does not name exactly that version ("" when it does)."""
    v = art.versions[i]
    r = parse_ref(v.ref)
    if r.law is not None:
        same = [j for j, w in enumerate(art.versions) if w.amended_by == r.law]
        if same == [i]:
            return ""
        return (
            f"its reference {v.ref} names the law {r.law}, which versions {', '.join(map(str, same))} all give "
            "as amended_by: give each one's valid_from exactly"
        )
    if r.day is None:
        return f"its reference {v.ref} does not name a day: give valid_from exactly, or amended_by"
    try:
        back = art.at(r.day)
    except AmbiguousDateError as e:
        if e.candidates == (v.ref,):
            return ""
        others = [
            f"versions[{j}] ({w.period()})" for j, w in enumerate(art.versions) if j != i and w.ref in e.candidates
        ]
        return (
            f"its reference {v.ref} is ambiguous: on {r.day} {', '.join(others)} may also be in force; "
            "make the periods meet (the earlier version's valid_to no later than this valid_from), "
            "or name the law that brought this version (amended_by)"
        )
    except KzlawError as e:
        return f"its reference {v.ref} does not resolve: {e}"
    if back is v:
        return ""
    j = art.versions.index(back)
    return (
        f"its reference {v.ref} names versions[{j}] ({back.period()}), not this one: "
        "give valid_from exactly, or the law that brought it (amended_by)"
    )


def _check_period(file: str, path: str, v: Version, code: Code) -> None:
    start, end = v.valid_from, v.valid_to
    if start.latest is not None and start.latest < code.in_force_from:
        raise PeriodError(
            file, f"{path}.valid_from", f"{start} is before the code came into force ({code.in_force_from})"
        )
    if code.in_force_to is not None and start.earliest is not None and start.earliest >= code.in_force_to:
        raise PeriodError(file, f"{path}.valid_from", f"{start} is after the code was repealed ({code.in_force_to})")
    if (
        code.in_force_to is not None
        and end is not None
        and end.earliest is not None
        and end.earliest > code.in_force_to
    ):
        raise PeriodError(file, f"{path}.valid_to", f"{end} is after the code was repealed ({code.in_force_to})")


def _check_version(file: str, path: str, v: Version, reg: Registries, code: Code) -> None:
    _check_source(reg, file, f"{path}.source.document", v.source.document)
    _check_period(file, path, v, code)
    for lang, w in v.wordings.items():
        _check_source(reg, file, f"{path}.wordings.{lang}.source.document", w.source.document)
    for j, part in enumerate(v.parts):
        ppath = f"{path}.parts[{j}]"
        _check_tags(reg, file, f"{ppath}.elements", part.elements)
        for k, circ in enumerate(part.circumstances):
            _check_tags(reg, file, f"{ppath}.circumstances[{k}].tags", circ.tags)
        for kind, penalties in (("main", part.sanction.main), ("additional", part.sanction.additional)):
            for k, pen in enumerate(penalties):
                if code.penalty_kinds and pen.kind not in code.penalty_kinds:
                    raise UnknownNameError(
                        file,
                        f"{ppath}.sanction.{kind}[{k}].kind",
                        f"{pen.kind!r} is not a penalty of {code.id} (codes.toml)",
                    )
                if code.units and pen.unit is not None and pen.unit not in code.units:
                    raise UnknownNameError(
                        file,
                        f"{ppath}.sanction.{kind}[{k}].unit",
                        f"{pen.unit!r} is not a unit of {code.id} (codes.toml)",
                    )
    for j, note in enumerate(v.notes):
        _check_tags(reg, file, f"{path}.notes[{j}].tags", note.tags)
    _check_definitions(file, path, v, reg)


def _check_definitions(file: str, path: str, v: Version, reg: Registries) -> None:
    for j, d in enumerate(v.definitions):
        _check_tags(reg, file, f"{path}.definitions[{j}].tags", d.tags)
        seen: set[str] = set()
        for k, number in enumerate(d.applies_to):
            where = f"{path}.definitions[{j}].applies_to[{k}]"
            if not _ARTICLE.fullmatch(number):
                raise StatuteSchemaError(file, where, f"{number!r} is not an article number of the code (like 128)")
            if number in seen:
                raise DuplicateEntryError(file, where, f"article {number} is listed twice")
            seen.add(number)
