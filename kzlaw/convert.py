"""The one cattrs converter module: statute files in, statute files out, and JSON.

:func:`file_converter` structures parsed TOML into the model (unknown keys forbidden, scalars
strict: cattrs would otherwise turn ``"abc"`` into ``('a', 'b', 'c')`` and ``1.5`` into ``1``) and
unstructures the model for :func:`kzlaw.dump` with every default left out. :func:`json_converter`
is the same converter configured for JSON: dates as ISO strings, uncertain dates as objects; the
presentation layer (:mod:`kzlaw.present.json`) registers the shapes of the analysis results on it,
so every ``--json`` output comes from here. :func:`structure` turns cattrs' validation errors into
one :class:`~kzlaw.errors.StatuteError` whose field path comes from cattrs' own validation notes.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import sys
import types
import typing
from collections.abc import Callable, Iterable
from typing import Any, Literal, TypeVar, cast

import attrs

from kzlaw.errors import InvalidValueError, StatuteError, StatuteSchemaError
from kzlaw.frozen import FrozenMap
from kzlaw.intern import share_date
from kzlaw.model import Article, Version, Wording
from kzlaw.when import When

__all__ = ["file_converter", "json_converter", "structure", "when_to_file", "when_to_json"]

T = TypeVar("T")

# Fields the loader fills in from the file's head or a table's key, which the files never hold.
_DERIVED: dict[type, tuple[str, ...]] = {
    Version: ("code", "article"),
    Article: ("in_force_from", "in_force_to"),
    Wording: ("language",),
}


class _KeyError(Exception):
    """A failure inside one entry of a mapping, with the entry's key (cattrs notes lists and classes only)."""

    def __init__(self, key: str, error: BaseException) -> None:
        self.key, self.error = key, error
        super().__init__(key, error)


def _strict(kind: type, label: str, held: Callable[[Any], Any] | None = None) -> Callable[[Any, Any], Any]:
    """A hook taking exactly ``kind`` (no coercion), given as its one shared copy by ``held`` if there is one."""

    def hook(value: Any, _: Any) -> Any:
        if type(value) is not kind:
            raise TypeError(f"expected {label}, got {type(value).__name__} {value!r}"[:200])
        return value if held is None else held(value)

    return hook


#: A string, held once (:func:`sys.intern`): a corpus repeats its words, tags and ids.
_structure_str = _strict(str, "a string", sys.intern)


def _structure_when(value: Any, _: Any) -> When:
    """A date: ``2006-03-02``, ``"unknown"``, or ``{earliest = ..., latest = ..., note = "..."}``."""
    if isinstance(value, When):
        return value
    if type(value) is dt.date:
        return When.exact(share_date(value))
    if value == "unknown":
        return When()
    if isinstance(value, dict):
        extra = set(value) - {"earliest", "latest", "note"}
        if extra:
            raise ValueError(f"unexpected keys {sorted(extra)}; a date table takes earliest, latest, note")
        bounds = [value.get(k) for k in ("earliest", "latest")]
        if any(b is not None and type(b) is not dt.date for b in bounds) or not isinstance(value.get("note", ""), str):
            raise TypeError("earliest and latest are dates (YYYY-MM-DD, unquoted), note a string")
        early, late = (share_date(b) if b is not None else None for b in bounds)
        return When(early, late, sys.intern(value.get("note", "")))
    raise TypeError(f'expected a date, "unknown", or a table with earliest/latest/note, got {value!r}'[:200])


def when_to_file(w: When) -> Any:
    """An uncertain date as a statute file writes it: a date, ``"unknown"``, or a table."""
    if w.date is not None and not w.note:
        return w.date
    if w.earliest is None and w.latest is None and not w.note:
        return "unknown"
    return {k: v for k, v in (("earliest", w.earliest), ("latest", w.latest), ("note", w.note)) if v}


def when_to_json(w: When | None) -> dict[str, Any] | None:
    """A :class:`~kzlaw.when.When` in JSON: ``date`` (when exact), ``earliest``, ``latest``, ``text``, ``note``."""
    if w is None:
        return None
    return {
        "date": w.date.isoformat() if w.date else None,
        "earliest": w.earliest.isoformat() if w.earliest else None,
        "latest": w.latest.isoformat() if w.latest else None,
        "text": str(w),
        "note": w.note,
    }


def _is_literal(t: Any) -> bool:
    return bool(typing.get_origin(t) == Literal)


def _is_frozen_map(t: Any) -> bool:
    return t is FrozenMap or typing.get_origin(t) is FrozenMap


def _all_str(values: Iterable[Any]) -> bool:
    """Whether every value is exactly a :class:`str` (checked at C speed: the types of the values, as a set)."""
    return set(map(type, values)) <= {str}


def _is_homogeneous_tuple(t: Any) -> bool:
    args = typing.get_args(t)
    return typing.get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis and args[0] is not Any


def _is_optional(t: Any) -> bool:
    args = typing.get_args(t)
    return typing.get_origin(t) in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args


def _tuple_hook(conv: Any, t: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
    """``tuple[X, ...]`` with X's hook looked up once; a failure gives cattrs' own error tree (an index per item)."""
    from cattrs.errors import IterableValidationError, IterableValidationNote

    item = typing.get_args(t)[0]
    hook = conv.get_structure_hook(item)

    def structure_tuple(value: Any, _: Any) -> tuple[Any, ...]:
        try:
            return tuple(map(hook, value, itertools.repeat(item)))
        except Exception:  # again item by item, to say which items fail (as cattrs' own tuple hook does)
            errors: list[Exception] = []
            done = []
            for ix, entry in enumerate(value):
                try:
                    done.append(hook(entry, item))
                except Exception as exc:
                    note = IterableValidationNote(f"Structuring {t} @ index {ix}", ix, item)
                    exc.__notes__ = [*getattr(exc, "__notes__", []), note]
                    errors.append(exc)
            if errors:
                raise IterableValidationError(f"While structuring {t!r}", errors, t) from None
            return tuple(done)

    return structure_tuple


def _optional_hook(conv: Any, t: Any) -> Callable[[Any, Any], Any]:
    """``X | None`` with X's hook looked up once."""
    args = typing.get_args(t)
    other = args[0] if args[1] is type(None) else args[1]
    hook = conv.get_structure_hook(other)

    def structure_optional(value: Any, _: Any) -> Any:
        return None if value is None else hook(value, other)

    return structure_optional


def _frozen_map_hook(conv: Any, t: Any) -> Callable[[Any, Any], FrozenMap[Any, Any]]:
    """A table as a :class:`FrozenMap`, its values structured with the hook of the value type (looked up once)."""
    args = typing.get_args(t)
    item = args[1] if len(args) == 2 else Any
    hook = None if item is Any else conv.get_structure_hook(item)

    def frozen_map(value: Any, _: Any) -> FrozenMap[Any, Any]:
        if not isinstance(value, dict):
            raise TypeError(f"expected a table, got {type(value).__name__} {value!r}"[:200])
        if hook is None:
            return FrozenMap(value)
        if item is str and _all_str(value) and _all_str(value.values()):
            return FrozenMap(zip(map(sys.intern, value), map(sys.intern, value.values()), strict=True))
        out = {}
        for key, entry in value.items():
            try:
                out[sys.intern(key) if type(key) is str else key] = hook(entry, item)
            except Exception as e:
                raise _KeyError(key, e) from None
        return FrozenMap(out)

    return frozen_map


def _base(json: bool) -> Any:
    from cattrs.preconf.tomllib import make_converter

    conv = make_converter(forbid_extra_keys=True)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _strict(int, "a whole number"))
    conv.register_structure_hook(bool, _strict(bool, "true or false"))
    conv.register_structure_hook(dt.date, _strict(dt.date, "a date (YYYY-MM-DD, unquoted)", share_date))
    conv.register_structure_hook(When, _structure_when)
    # Literals are checked by the classes' validators, which name what is allowed.
    conv.register_structure_hook_func(_is_literal, _structure_str)

    conv.register_structure_hook_factory(_is_homogeneous_tuple, functools.partial(_tuple_hook, conv))
    conv.register_structure_hook_factory(_is_optional, functools.partial(_optional_hook, conv))

    def str_tuple(value: Any, _: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not _all_str(value):
            raise TypeError(f"expected a list of strings, got {value!r}"[:200])
        return tuple(map(sys.intern, value))

    conv.register_structure_hook_func(lambda t: t == tuple[str, ...], str_tuple)

    def gravity(value: Any, _: Any) -> tuple[tuple[str, int], ...]:
        if not isinstance(value, list) or not all(
            isinstance(v, list) and len(v) == 2 and type(v[0]) is str and type(v[1]) is int for v in value
        ):
            raise TypeError(f'expected a list of ["category", months] pairs, got {value!r}'[:200])
        return tuple((sys.intern(v[0]), v[1]) for v in value)

    conv.register_structure_hook_func(lambda t: t == tuple[tuple[str, int], ...], gravity)

    conv.register_structure_hook_factory(_is_frozen_map, functools.partial(_frozen_map_hook, conv))
    conv.register_unstructure_hook_func(_is_frozen_map, lambda m: {k: conv.unstructure(v) for k, v in m.items()})
    if json:
        conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
        conv.register_unstructure_hook(When, when_to_json)
    else:
        conv.register_unstructure_hook(When, when_to_file)
        _omit_defaults(conv)
    return conv


def _omit_defaults(conv: Any) -> None:
    """Statute files leave out every default (an empty list, ``false``, an empty string) and derived field."""
    from cattrs.gen import make_dict_unstructure_fn, override

    def factory(cls: type) -> Callable[[Any], dict[str, Any]]:
        skip = {name: override(omit=True) for name in _DERIVED.get(cls, ())}
        fn: Callable[[Any], dict[str, Any]] = cast(Any, make_dict_unstructure_fn)(
            cls, conv, _cattrs_omit_if_default=True, **skip
        )

        def unstructure(obj: Any) -> dict[str, Any]:
            out: dict[str, Any] = fn(obj)
            return {k: v for k, v in out.items() if v != [] and v != {} and v is not None}

        return unstructure

    conv.register_unstructure_hook_factory(attrs.has, factory)


@functools.cache
def file_converter() -> Any:
    """The converter for statute files (structure from TOML, unstructure for :func:`kzlaw.dump`)."""
    return _base(json=False)


@functools.cache
def json_converter() -> Any:
    """The converter for JSON output; :mod:`kzlaw.present.json` adds the shapes of results."""
    return _base(json=True)


def _leaf(exc: BaseException, path: str) -> tuple[BaseException, str]:
    """The first failure in a cattrs error tree, and its field path from cattrs' validation notes."""
    from cattrs.errors import ClassValidationError, IterableValidationError

    while True:
        if isinstance(exc, _KeyError):
            key = exc.key
            exc = exc.error
            path = f"{path}.{key}" if path else key
        elif isinstance(exc, ClassValidationError):
            with_notes, others = exc.group_exceptions()
            if with_notes:
                sub, note = with_notes[0]
                exc, path = sub, f"{path}.{note.name}" if path else note.name
            elif others:
                exc = others[0]
            else:
                return exc, path
        elif isinstance(exc, IterableValidationError):
            with_index, others = exc.group_exceptions()
            if with_index:
                sub, inote = with_index[0]
                exc, path = sub, f"{path}[{inote.index}]"
            elif others:
                exc = others[0]
            else:
                return exc, path
        else:
            return exc, path


def _count(exc: BaseException) -> int:
    from cattrs.errors import BaseValidationError

    if isinstance(exc, _KeyError):
        return _count(exc.error)
    if isinstance(exc, BaseValidationError):
        return sum(_count(e) for e in exc.exceptions)
    return 1


def structure(raw: Any, cls: type[T], file: str, prefix: str = "") -> T:
    """Structure parsed data into ``cls``; any failure is one :class:`StatuteError` naming file and field."""
    from cattrs.errors import ForbiddenExtraKeysError

    try:
        result: T = file_converter().structure(raw, cls)
    except Exception as error:
        exc, path = _leaf(error, prefix)
        more = _count(error) - 1
        tail = f" (and {more} more)" if more > 0 else ""
        if isinstance(exc, StatuteError):
            raise exc from None
        if isinstance(exc, InvalidValueError):
            field_path = f"{path}.{exc.field}" if path and exc.field else path or exc.field
            raise (exc.kind or StatuteSchemaError)(file, field_path, exc.problem + tail) from None
        if isinstance(exc, ForbiddenExtraKeysError):
            keys = ", ".join(sorted(exc.extra_fields))
            raise StatuteSchemaError(
                file, path, f"unexpected field(s) {keys}: a typo? (fields are listed in docs/format.rst)"
            ) from None
        if isinstance(exc, KeyError):
            missing = exc.args[0] if exc.args else "?"
            raise StatuteSchemaError(file, path, f"required field {missing!r} is missing{tail}") from None
        if isinstance(exc, TypeError | ValueError) and type(exc) in (TypeError, ValueError) and exc.args:
            raise StatuteSchemaError(file, path, f"{exc}{tail}") from None
        raise StatuteSchemaError(file, path, f"cannot be read: {type(exc).__name__}: {exc}"[:300] + tail) from None
    return result
