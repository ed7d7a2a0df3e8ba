"""Enforcement figures: how often the anti-trafficking articles are used, as the sources count it.

``statutes/enforcement.toml`` holds every figure the sources give (cases opened, convictions, sentences...), each
with its period, the article it counts (or ``unspecified``), the source with a locator and the source's own words.
:func:`load_enforcement` reads it through the one converter (:func:`kzlaw.convert.structure`): the classes here check
their own invariants, the loader what needs the corpus (articles, parts, sources, the code's period) and that the
figures breaking a stated total do not sum above it. Nothing is apportioned or estimated. The joined analysis is
:func:`kzlaw.practice.enforcement_table`.

>>> data = load_enforcement()
>>> [(f.ref, f.count) for f in data.select("2009") if f.measure == "cases_opened"][:3]
[('unspecified', 271), ('cc1997/128', 20), ('cc1997/133', 16)]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from attrs import field, frozen

from kzlaw.corpus import Corpus
from kzlaw.errors import (
    BadReferenceError,
    InvalidValueError,
    PeriodError,
    RangeError,
    StatuteSchemaError,
    UnknownNameError,
    UnknownPeriodError,
)
from kzlaw.frozen import as_tuple
from kzlaw.refs import parse_ref
from kzlaw.registry import Source
from kzlaw.words import MONTHS_PER_UNIT, months_text

__all__ = [
    "CHOICES",
    "MEASURES",
    "SENTENCE_KINDS",
    "UNSPECIFIED",
    "Enforcement",
    "Figure",
    "Period",
    "Sentence",
    "default_file",
    "load_enforcement",
]

#: The ``ref`` of a figure that names no single article (a total, or several articles named together).
UNSPECIFIED = "unspecified"
#: What a figure counts.
MEASURES: tuple[str, ...] = (
    "cases_opened",
    "cases_to_court",
    "investigations_initiated",
    "investigations_continued",
    "prosecutions",
    "convictions",
    "victims_identified",
    "sentences_imposed",
)
#: The allowed values of each controlled field.
CHOICES: Mapping[str, tuple[str, ...]] = {
    "measure": MEASURES,
    "unit": ("cases", "persons", "victims", "sentences"),
    "exploitation": ("sex_trafficking", "forced_labour", "unspecified"),
    "nationality": ("kazakhstani", "foreign", "unspecified"),
}
#: The kinds of sentence a source reports.
SENTENCE_KINDS = ("imprisonment", "probation", "conditional", "non-custodial")
_PERIOD = re.compile(r"(\d{4})(?:-H([12])|-(\d{4}))?")


def _choice(_: Any, attribute: Any, value: str) -> None:
    allowed = CHOICES[attribute.name]
    if value not in allowed:
        problem = f"unknown {attribute.name} {value!r}; known: {', '.join(allowed)}"
        raise InvalidValueError(attribute.name, problem, UnknownNameError)


def _nonblank(what: str) -> Any:
    def check(_: Any, attribute: Any, value: str) -> None:
        if not value.strip():
            raise InvalidValueError(attribute.name, f"is empty: give {what}", StatuteSchemaError)

    return check


def _period_order(instance: Period, _: Any, end: dt.date) -> None:
    if instance.start is not None and instance.start > end:
        raise InvalidValueError(
            "end", f"{instance.label} ends ({end}) before it starts ({instance.start})", PeriodError
        )


@frozen
class Period:
    """A period as the source states it: a year, a half-year, years, or a stated span.

    ``start`` is ``None`` where the source gives only the day of its statement (``end``).
    """

    label: str = field(validator=_nonblank("a label"))
    start: dt.date | None
    end: dt.date = field(validator=_period_order)

    @classmethod
    def parse(cls, text: str) -> Period:
        """``2009`` (a year), ``2010-H1`` (a half-year) or ``2003-2006`` (years, inclusive).

        Raises:
            InvalidValueError: Not one of these forms (its kind is :class:`~kzlaw.errors.PeriodError`).
        """
        m = _PERIOD.fullmatch(text)
        if m is None:
            problem = f"{text!r} is not a period: write 2009, 2010-H1, 2003-2006 or {{start, end, label}}"
            raise InvalidValueError("", problem, PeriodError)
        first, half, last = int(m[1]), m[2], int(m[3] or m[1])
        start = dt.date(first, 7 if half == "2" else 1, 1)
        return cls(text, start, dt.date(last, 6, 30) if half == "1" else dt.date(last, 12, 31))

    def day(self) -> dt.date:
        """The day the law in force is read at: the period's middle, or its end when it has no start."""
        return self.end if self.start is None else self.start + (self.end - self.start) / 2

    def __str__(self) -> str:
        return self.label


def _structure_period(value: Any, _: Any) -> Period:
    if isinstance(value, str):
        return Period.parse(value)
    if isinstance(value, dict) and type(value.get("end")) is dt.date and set(value) <= {"start", "end", "label"}:
        start, label = value.get("start"), value.get("label")
        if (start is not None and type(start) is not dt.date) or (label is not None and type(label) is not str):
            raise TypeError("a period table takes start and end (dates, unquoted) and label (a string)")
        return Period(label or f"{start or ''}/{value['end']}", start, value["end"])
    raise TypeError(f"expected a period (2009, 2010-H1, 2003-2006) or a table with end, start, label; got {value!r}")


def _sentence_range(instance: Sentence, _: Any, maximum: int | None) -> None:
    low = instance.minimum
    if instance.unit not in MONTHS_PER_UNIT:
        raise InvalidValueError("unit", f"unknown unit {instance.unit!r}; use years or months", UnknownNameError)
    if (low is None) != (maximum is None):
        raise InvalidValueError("maximum", "give both minimum and maximum (equal for one term), or neither", RangeError)
    if low is not None and maximum is not None and not 0 <= low <= maximum:
        raise InvalidValueError("minimum", f"{low} to {maximum} is not a range (0 <= minimum <= maximum)", RangeError)


def _sentence_kind(_: Any, __: Any, kind: str) -> None:
    if kind not in SENTENCE_KINDS:
        problem = f"unknown sentence kind {kind!r}; known: {', '.join(SENTENCE_KINDS)}"
        raise InvalidValueError("kind", problem, UnknownNameError)


@frozen
class Sentence:
    """A sentence as imposed: its kind and, where the source states it, its range of terms."""

    kind: str = field(validator=_sentence_kind)
    minimum: int | None = None
    maximum: int | None = field(default=None, validator=_sentence_range)
    unit: str = "years"

    @property
    def min_months(self) -> int | None:
        """The shortest term in months (``None`` where no term is stated)."""
        return None if self.minimum is None else self.minimum * MONTHS_PER_UNIT[self.unit]

    @property
    def max_months(self) -> int | None:
        """The longest term in months (``None`` where no term is stated)."""
        return None if self.maximum is None else self.maximum * MONTHS_PER_UNIT[self.unit]

    def __str__(self) -> str:
        low, high = self.min_months, self.max_months
        if high is None:
            return f"{self.kind} sentence"
        if low == high:
            return f"{months_text(high)} {self.kind}"
        if low is not None and low % 12 == high % 12 == 0:
            return f"{low // 12}-{high // 12} years {self.kind}"
        return f"{months_text(low)} to {months_text(high)} {self.kind}"


def _count(_: Any, __: Any, count: int) -> None:
    if count < 0:
        raise InvalidValueError("count", f"a count is a whole number of at least 0, not {count}", RangeError)


def _article_ref(where: str, ref: str) -> None:
    try:
        r = parse_ref(ref)
    except BadReferenceError as e:
        raise InvalidValueError(where, f"{e} (or {UNSPECIFIED!r})", StatuteSchemaError) from None
    if r.at is not None:
        raise InvalidValueError(where, f"{ref!r} names a version; name the article ({r.article_ref})", UnknownNameError)


def _figure(instance: Figure, _: Any, __: Any) -> None:
    if instance.ref != UNSPECIFIED:
        _article_ref("ref", instance.ref)
    for i, ref in enumerate(instance.refs_named):
        _article_ref(f"refs_named[{i}]", ref)
    if instance.refs_named and instance.ref != UNSPECIFIED:
        raise InvalidValueError("refs_named", "is for a figure whose ref is 'unspecified'", StatuteSchemaError)
    if instance.part is not None and instance.ref == UNSPECIFIED:
        raise InvalidValueError("part", "needs the article it is a part of (ref)", StatuteSchemaError)
    if instance.sentence is not None and instance.measure != "sentences_imposed":
        raise InvalidValueError("sentence", "is for measure 'sentences_imposed' only", StatuteSchemaError)
    if not instance.source.locator.strip():
        raise InvalidValueError("source.locator", "is empty: say where in the document", StatuteSchemaError)


@frozen
class Figure:
    """One number a source states: what it counts, in which period, under which article, and the source's words.

    ``ref`` is an article (``cc1997/271``) or ``"unspecified"``; ``refs_named`` lists the articles a source names
    for an unspecified figure without splitting it. A field left generic (``unspecified``, no ``part``, no
    ``sentence``) means "all": such a figure is the total of those that differ from it only in that field.
    """

    period: Period
    ref: str
    measure: str = field(validator=_choice)
    count: int = field(validator=_count)
    unit: str = field(validator=_choice)
    source: Source
    quote: str = field(validator=_nonblank("the source's exact words"))
    part: str | None = None
    exploitation: str = field(default="unspecified", validator=_choice)
    nationality: str = field(default="unspecified", validator=_choice)
    sentence: Sentence | None = None
    refs_named: tuple[str, ...] = field(default=(), converter=as_tuple)
    note: str = field(default="", validator=_figure)

    @property
    def articles(self) -> tuple[str, ...]:
        """The articles the figure names: its ``ref``, or its ``refs_named``."""
        return self.refs_named if self.ref == UNSPECIFIED else (self.ref,)

    def dims(self) -> dict[str, Any]:
        """What the figure counts, by dimension (a generic value means "all")."""
        return {k: getattr(self, k) for k in _GENERIC}

    def scope(self) -> str:
        """The dimensions in words: ``cc1997/125 part 3``, ``all articles, sex_trafficking``."""
        words = self.ref if self.ref != UNSPECIFIED else "all articles"
        words += f" part {self.part}" if self.part else ""
        extra = [v for v in (self.exploitation, self.nationality) if v != "unspecified"]
        extra += [str(self.sentence)] if self.sentence else []
        return "".join([words, *(f", {v}" for v in extra)])


#: The generic value of each dimension of a figure.
_GENERIC: Mapping[str, Any] = {
    "ref": UNSPECIFIED,
    "part": None,
    "exploitation": "unspecified",
    "nationality": "unspecified",
    "sentence": None,
}


@frozen
class Enforcement:
    """The figures of one enforcement file, in file order (``figures[i]`` is ``figure[i]`` of ``file``)."""

    figures: tuple[Figure, ...]
    file: str

    def periods(self) -> tuple[str, ...]:
        """The period labels held, in file order."""
        return tuple(dict.fromkeys(f.period.label for f in self.figures))

    def select(self, period: str | None = None) -> tuple[Figure, ...]:
        """The figures of one period (all with ``None``).

        Raises:
            UnknownPeriodError: No figure is held for ``period``; the message lists those held.
        """
        found = tuple(f for f in self.figures if period is None or f.period.label == period)
        if not found:
            raise UnknownPeriodError(
                f"no figures for period {period!r} in {self.file}; held: {', '.join(self.periods())}"
            )
        return found

    def __iter__(self) -> Iterator[Figure]:
        return iter(self.figures)

    def __len__(self) -> int:
        return len(self.figures)

    def __repr__(self) -> str:
        return f"<Enforcement {len(self.figures)} figures, periods {', '.join(self.periods())}, from {self.file}>"


def default_file(corpus: Corpus) -> Path:
    """The corpus folder's ``enforcement.toml``, else the bundled one (see :mod:`kzlaw.enforcement_file`)."""
    from kzlaw.enforcement_file import default_file as found

    return found(corpus)


def load_enforcement(path: str | Path | None = None, corpus: Corpus | None = None) -> Enforcement:
    """Load and check an enforcement file (``kzlaw.enforcement_file.read_enforcement`` does the reading)."""
    from kzlaw.enforcement_file import read_enforcement

    return read_enforcement(path, corpus)
