"""Loading and validating statute folders.

The pipeline per file: read UTF-8 -> parse TOML (:mod:`tomllib`) -> structure into the frozen
model classes with cattrs (unknown keys forbidden, scalars strict) -> semantic checks (known tags,
kinds and units, ranges, ordered periods, unique parts). The first problem raises a
:class:`~kzlaw.errors.StatuteError` subclass naming the file and the field. A corpus is built only
when every file has passed, so a failed load leaves nothing half-built behind.
"""

from __future__ import annotations

import datetime as dt
import functools
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import attrs

from kzlaw.errors import (
    BadReferenceError,
    DuplicateEntryError,
    PeriodError,
    RangeError,
    StatuteError,
    StatuteSchemaError,
    StatuteSyntaxError,
    UnknownNameError,
)
from kzlaw.model import (
    PENALTY_KINDS,
    TAG_KINDS,
    TEXT_STATUSES,
    UNITS,
    Article,
    Code,
    Corpus,
    Law,
    Penalty,
    SourceDocument,
    Tag,
    Version,
    When,
)
from kzlaw.protocol import ELEMENTS
from kzlaw.refs import parse_ref

__all__ = ["REGISTRIES", "bundled_path", "load", "load_article"]

#: The folder-level files beside the code folders, each a table of named entries.
REGISTRIES = ("codes.toml", "laws.toml", "sources.toml", "vocabulary.toml")

T = TypeVar("T")


def bundled_path() -> Path:
    """The folder of the statute data shipped with kzlaw.

    An installed wheel carries it inside the package (``kzlaw/statutes``); a source checkout
    has it at the top of the repository (``statutes/``).
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "statutes", here.parent / "statutes"):
        if (candidate / "codes.toml").is_file():
            return candidate
    raise StatuteError(str(here / "statutes"), "", "the bundled statute data is missing from this installation")


def load(path: str | Path | None = None) -> Corpus:
    """Load and validate a statute folder: the bundled corpus, or ``path``.

    The folder holds one sub-folder per code (``cc1997/``, ``cc2014/``) with one TOML file per
    article, beside the registries ``codes.toml``, ``laws.toml``, ``sources.toml`` and
    ``vocabulary.toml``. A registry missing from ``path`` is taken from the bundled data, so a
    folder of your own articles needs nothing else. The bundled corpus is loaded once and cached.

    Raises:
        StatuteError: A file is not valid; the message names the file and the field.

    >>> corpus = load()
    >>> corpus.version("cc1997/128@2006-03-02").title
    'Trafficking in people'
    """
    if path is None:
        return _bundled()
    return _load_folder(Path(path))


@functools.cache
def _bundled() -> Corpus:
    return _load_folder(bundled_path())


def _load_folder(root: Path) -> Corpus:
    if not root.is_dir():
        raise StatuteError(str(root), "", "no such folder")
    bundled = None if (root / "codes.toml").is_file() else bundled_path()
    files = {
        name: (root / name if (root / name).is_file() or bundled is None else bundled / name) for name in REGISTRIES
    }
    codes = _registry(files["codes.toml"], Code)
    sources = _registry(files["sources.toml"], SourceDocument, key="sources")
    laws = _registry(files["laws.toml"], Law, key="laws")
    tags = _registry(files["vocabulary.toml"], Tag, key="tags", id_field="name")
    context = _Context(codes, laws, sources, tags)
    for name, entry in codes.items():
        context.check_source(str(files["codes.toml"]), f"{name}.source", entry.source.document)
    for name, law in laws.items():
        context.check_source(str(files["laws.toml"]), f"laws.{name}.source", law.source.document)
    for name, tag in tags.items():
        _check_tag(str(files["vocabulary.toml"]), name, tag)
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and p.name not in codes):
        if any(folder.glob("*.toml")):
            raise UnknownNameError(
                str(folder), "", f"holds statute files but {folder.name!r} is not a code of codes.toml"
            )
    articles: dict[str, Article] = {}
    for code_id in codes:
        folder = root / code_id
        if not folder.is_dir():
            continue
        for file in sorted(folder.glob("*.toml"), key=lambda p: _number_key(p.stem)):
            art = load_article(file, context)
            articles[art.ref] = art
    return Corpus(codes=codes, articles=articles, laws=laws, sources=sources, tags=tags, root=str(root))


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(n) if n.isdigit() else 0 for n in number.split("-"))


class _Context:
    """The registries an article file is checked against."""

    def __init__(
        self,
        codes: Mapping[str, Code],
        laws: Mapping[str, Law],
        sources: Mapping[str, SourceDocument],
        tags: Mapping[str, Tag],
    ) -> None:
        self.codes, self.laws, self.sources, self.tags = codes, laws, sources, tags

    def check_source(self, file: str, path: str, document: str) -> None:
        if document not in self.sources:
            raise UnknownNameError(file, path, f"unknown source document {document!r}; add it to sources.toml")

    def check_tags(self, file: str, path: str, tags: tuple[str, ...]) -> None:
        for i, tag in enumerate(tags):
            if tag not in self.tags:
                near = [t for t in self.tags if t.startswith(tag[:3])][:5]
                hint = f" (did you mean {', '.join(near)}?)" if near else ""
                raise UnknownNameError(
                    file, f"{path}[{i}]", f"unknown tag {tag!r}{hint}; tags are listed in vocabulary.toml"
                )


def load_article(file: str | Path, context: _Context | None = None) -> Article:
    """Load and validate one article file against the bundled registries (or ``context``'s).

    Raises:
        StatuteError: The file is not valid; the message names the file and the field.
    """
    file = Path(file)
    if context is None:
        corpus = load()
        context = _Context(corpus.codes, corpus.laws, corpus.sources, corpus.tags)
    name = str(file)
    raw = _read_toml(file)
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
        version["code"] = raw.get("code")
        version["article"] = raw.get("number")
        law_id = version.get("amended_by")
        if isinstance(law_id, str) and law_id not in context.laws:
            raise UnknownNameError(name, f"versions[{i}].amended_by", f"unknown law {law_id!r}; add it to laws.toml")
        law = context.laws.get(law_id) if isinstance(law_id, str) else None
        if "valid_from" not in version and law is not None:
            version["valid_from"] = law.in_force
    art = _structure(raw, Article, name)
    code = context.codes.get(art.code)
    if code is None:
        raise UnknownNameError(name, "code", f"unknown code {art.code!r}; codes.toml holds {', '.join(context.codes)}")
    if file.parent.name != art.code or file.stem != art.number:
        raise StatuteSchemaError(
            name, "number", f"article {art.code}/{art.number} must live in {art.code}/{art.number}.toml"
        )
    _check_article(name, art, context)
    return attrs.evolve(art, in_force_from=code.in_force_from, in_force_to=code.in_force_to)


def _read_toml(file: Path) -> dict[str, Any]:
    name = str(file)
    try:
        text = file.read_bytes().decode("utf-8")
    except OSError as e:
        raise StatuteError(name, "", f"cannot be read: {e.strerror or e}") from None
    except UnicodeDecodeError as e:
        raise StatuteSyntaxError(name, "", f"is not UTF-8 (byte {e.start})") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise StatuteSyntaxError(name, "", f"is not valid TOML: {e}") from None


def _registry(file: Path, cls: type[T], key: str | None = None, id_field: str = "id") -> dict[str, T]:
    name = str(file)
    raw = _read_toml(file)
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
        out[entry_id] = _structure({id_field: entry_id, **entry}, cls, name, prefix=path)
    return out


@functools.cache
def _converter() -> Any:
    from cattrs.preconf.tomllib import make_converter

    conv = make_converter(forbid_extra_keys=True)

    def strict(kind: type, label: str) -> Callable[[Any, Any], Any]:
        def hook(value: Any, _: Any) -> Any:
            if type(value) is not kind:
                raise TypeError(f"expected {label}, got {type(value).__name__} {value!r}"[:200])
            return value

        return hook

    conv.register_structure_hook(str, strict(str, "a string"))
    conv.register_structure_hook(int, strict(int, "a whole number"))
    conv.register_structure_hook(bool, strict(bool, "true or false"))

    def str_tuple(value: Any, _: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(type(v) is str for v in value):
            raise TypeError(f"expected a list of strings, got {value!r}"[:200])
        return tuple(value)

    conv.register_structure_hook_func(lambda t: t == tuple[str, ...], str_tuple)

    def date(value: Any, _: Any) -> dt.date:
        if type(value) is not dt.date:
            raise TypeError(f"expected a date (YYYY-MM-DD, unquoted), got {value!r}"[:200])
        return value

    conv.register_structure_hook(dt.date, date)
    conv.register_structure_hook(When, _structure_when)
    conv.register_unstructure_hook(When, lambda w: w)
    return conv


def _structure_when(value: Any, _: Any) -> When:
    """A date: ``2006-03-02``, ``"unknown"``, or ``{earliest = ..., latest = ..., note = "..."}``."""
    if isinstance(value, When):
        return value
    if type(value) is dt.date:
        return When.exact(value)
    if value == "unknown":
        return When()
    if isinstance(value, dict):
        extra = set(value) - {"earliest", "latest", "note"}
        if extra:
            raise ValueError(f"unexpected keys {sorted(extra)}; a date table takes earliest, latest, note")
        bounds = [value.get(k) for k in ("earliest", "latest")]
        if any(b is not None and type(b) is not dt.date for b in bounds) or not isinstance(value.get("note", ""), str):
            raise TypeError("earliest and latest are dates (YYYY-MM-DD, unquoted), note a string")
        return When(bounds[0], bounds[1], value.get("note", ""))
    raise TypeError(f'expected a date, "unknown", or a table with earliest/latest/note, got {value!r}'[:200])


def _structure(raw: dict[str, Any], cls: type[T], file: str, prefix: str = "") -> T:
    from cattrs import BaseValidationError, transform_error
    from cattrs.v import format_exception

    def describe(exc: BaseException, type_: Any) -> str:
        # kzlaw's own hooks raise TypeError/ValueError with a sentence for the reader: keep it.
        if isinstance(exc, TypeError | ValueError) and type(exc) in (TypeError, ValueError) and exc.args:
            return str(exc)
        return format_exception(exc, type_)

    try:
        result: T = _converter().structure(raw, cls)
    except BaseValidationError as e:
        messages = transform_error(e, format_exception=describe)
        first = messages[0] if messages else str(e)
        problem, _, where = first.rpartition(" @ ")
        path = where.removeprefix("$").removeprefix(".")
        path = f"{prefix}.{path}" if prefix and path else prefix or path
        more = f" (and {len(messages) - 1} more)" if len(messages) > 1 else ""
        raise StatuteSchemaError(file, path, f"{problem or first}{more}") from None
    return result


def _check_tag(file: str, name: str, tag: Tag) -> None:
    path = f"tags.{name}"
    if tag.kind not in TAG_KINDS:
        raise UnknownNameError(file, f"{path}.kind", f"unknown tag kind {tag.kind!r}; known: {', '.join(TAG_KINDS)}")
    for i, element in enumerate(tag.protocol):
        if element not in ELEMENTS:
            raise UnknownNameError(file, f"{path}.protocol[{i}]", f"unknown Protocol element id {element!r}")


def _check_when(file: str, path: str, w: When) -> None:
    if w.earliest is not None and w.latest is not None and w.earliest > w.latest:
        raise PeriodError(file, path, f"earliest {w.earliest} is after latest {w.latest}")


def _check_article(file: str, art: Article, ctx: _Context) -> None:
    if not art.versions:
        raise StatuteSchemaError(file, "versions", "an article needs at least one version")
    for i, link in enumerate(art.lineage):
        try:
            parse_ref(link.ref)
        except BadReferenceError as e:
            raise StatuteSchemaError(file, f"lineage[{i}].ref", str(e)) from None
        ctx.check_source(file, f"lineage[{i}].source.document", link.source.document)
    previous: Version | None = None
    for i, v in enumerate(art.versions):
        _check_version(file, f"versions[{i}]", v, ctx)
        if previous is not None:
            _check_order(file, i, previous, v)
        previous = v


def _check_order(file: str, i: int, previous: Version, v: Version) -> None:
    """Reject what is definitely wrong; vague bounds that may be consistent pass."""
    path = f"versions[{i}].valid_from"
    if previous.valid_to is None:
        raise PeriodError(file, f"versions[{i - 1}].valid_to", f"is missing, but versions[{i}] follows it")
    start, prev_start, prev_end = v.valid_from.latest, previous.valid_from.earliest, previous.valid_to.earliest
    if start is not None and prev_start is not None and start <= prev_start:
        raise PeriodError(
            file,
            path,
            f"starts {v.valid_from}, not after versions[{i - 1}] ({previous.valid_from}): order versions by time",
        )
    if start is not None and prev_end is not None and start < prev_end:
        raise PeriodError(
            file, path, f"starts {v.valid_from}, before versions[{i - 1}] ends ({previous.valid_to}): periods overlap"
        )


def _check_version(file: str, path: str, v: Version, ctx: _Context) -> None:
    _check_when(file, f"{path}.valid_from", v.valid_from)
    if v.valid_to is not None:
        _check_when(file, f"{path}.valid_to", v.valid_to)
        end, start = v.valid_to.latest, v.valid_from.earliest
        if end is not None and start is not None and end <= start:
            raise PeriodError(file, f"{path}.valid_to", f"ends {v.valid_to}, not after it starts ({v.valid_from})")
    ctx.check_source(file, f"{path}.source.document", v.source.document)
    if v.text_status not in TEXT_STATUSES:
        raise UnknownNameError(
            file, f"{path}.text_status", f"unknown text status {v.text_status!r}; known: {', '.join(TEXT_STATUSES)}"
        )
    if not v.title.strip():
        raise StatuteSchemaError(file, f"{path}.title", "is empty")
    if not v.parts and not v.definitions:
        raise StatuteSchemaError(
            file, f"{path}.parts", "a version needs parts (or, for a definitions article, definitions)"
        )
    _unique(file, path, "parts", [p.number for p in v.parts], "part number")
    _unique(file, path, "parts", [p.id for p in v.parts], "part id")
    _unique(file, path, "notes", [n.label for n in v.notes], "note label")
    for j, part in enumerate(v.parts):
        ppath = f"{path}.parts[{j}]"
        ctx.check_tags(file, f"{ppath}.elements", part.elements)
        _unique(file, ppath, "circumstances", [c.label for c in part.circumstances], "circumstance label")
        words = " ".join(part.text.split())
        for k, circ in enumerate(part.circumstances):
            ctx.check_tags(file, f"{ppath}.circumstances[{k}].tags", circ.tags)
            if " ".join(circ.text.split()) not in words:
                raise StatuteSchemaError(
                    file,
                    f"{ppath}.circumstances[{k}].text",
                    "is not found in the part's text: quote the part's own words",
                )
        for kind, penalties in (("main", part.sanction.main), ("additional", part.sanction.additional)):
            for k, pen in enumerate(penalties):
                _check_penalty(file, f"{ppath}.sanction.{kind}[{k}]", pen)
        if not part.sanction.main and not part.sanction.unknown:
            raise StatuteSchemaError(
                file, f"{ppath}.sanction", "has no main penalty; list them, or say in 'unknown' why not"
            )
    for j, note in enumerate(v.notes):
        ctx.check_tags(file, f"{path}.notes[{j}].tags", note.tags)
    for j, d in enumerate(v.definitions):
        ctx.check_tags(file, f"{path}.definitions[{j}].tags", d.tags)


def _unique(file: str, path: str, field: str, values: list[str], what: str) -> None:
    seen: set[str] = set()
    for i, value in enumerate(values):
        if value in seen:
            raise DuplicateEntryError(file, f"{path}.{field}[{i}]", f"duplicate {what} {value!r}")
        seen.add(value)


def _check_penalty(file: str, path: str, p: Penalty) -> None:
    if p.kind not in PENALTY_KINDS:
        raise UnknownNameError(
            file, f"{path}.kind", f"unknown penalty kind {p.kind!r}; known: {', '.join(PENALTY_KINDS)}"
        )
    has_range = p.minimum is not None or p.maximum is not None
    if p.unit is not None and p.unit not in UNITS:
        raise UnknownNameError(file, f"{path}.unit", f"unknown unit {p.unit!r}; known: {', '.join(UNITS)}")
    if has_range and p.unit is None:
        raise StatuteSchemaError(file, f"{path}.unit", "a range needs a unit")
    if has_range and p.lifetime:
        raise StatuteSchemaError(file, path, "a lifetime penalty has no range")
    for bound in (p.minimum, p.maximum):
        if bound is not None and bound < 0:
            raise RangeError(file, path, f"bound {bound} is negative")
    if p.minimum is not None and p.maximum is not None and p.minimum > p.maximum:
        raise RangeError(file, path, f"minimum {p.minimum} {p.unit} exceeds maximum {p.maximum} {p.unit}")
