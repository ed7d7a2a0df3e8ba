"""Sanctions: what a part of an article is punished by, as :class:`Penalty` options.

The classes check their own invariants when they are built (in a notebook as in the loader): a kind
and unit from the closed lists, bounds that are non-negative with ``minimum <= maximum``, a unit that
fits the kind (no imprisonment in MCI), and no optional main penalty.

>>> Penalty("imprisonment", 3, 5, "years").months()
(36, 60)
>>> str(Penalty("imprisonment", None, 5, "years"))
'imprisonment up to 5 years'
>>> Penalty("imprisonmnet", 9, 2, "weeks")
Traceback (most recent call last):
kzlaw.errors.InvalidValueError: kind: unknown penalty kind 'imprisonmnet'; known: fine, ...
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, get_args

from attrs import field, frozen

from kzlaw.errors import InvalidValueError, RangeError, StatuteSchemaError, UnknownNameError
from kzlaw.frozen import as_tuple
from kzlaw.words import KIND_WORDS, MONTHS_PER_UNIT, amount_text, range_text

__all__ = ["KIND_UNITS", "PENALTY_KINDS", "UNITS", "Penalty", "PenaltyKind", "Sanction", "Unit", "severity_key"]

#: The kinds of penalty, lightest first. Each code's data (``codes.toml``) names those it uses.
PenaltyKind = Literal[
    "fine",
    "correctional_labour",
    "community_service",
    "restriction_of_liberty",
    "arrest",
    "imprisonment",
    "disqualification",
    "confiscation",
]
#: The units a range can be in: terms of time, hours of work, and amounts of money.
Unit = Literal["years", "months", "weeks", "days", "hours", "mci", "monthly_income"]

PENALTY_KINDS: tuple[str, ...] = get_args(PenaltyKind)
UNITS: tuple[str, ...] = get_args(Unit)
_TERMS = ("years", "months", "weeks", "days")
_MONEY = ("mci", "monthly_income")

#: The units each kind's range may be given in (empty: the kind takes no range).
KIND_UNITS: Mapping[str, tuple[str, ...]] = {
    "fine": _MONEY,
    "correctional_labour": (*_MONEY, *_TERMS),
    "community_service": ("hours",),
    "restriction_of_liberty": _TERMS,
    "arrest": _TERMS,
    "imprisonment": _TERMS,
    "disqualification": _TERMS,
    "confiscation": (),
}
_LIFETIME_KINDS = ("imprisonment", "disqualification")


def _check_kind(_: Any, __: Any, kind: str) -> None:
    if kind not in PENALTY_KINDS:
        known = ", ".join(PENALTY_KINDS)
        raise InvalidValueError("kind", f"unknown penalty kind {kind!r}; known: {known}", UnknownNameError)


def _check_unit(instance: Penalty, _: Any, unit: str | None) -> None:
    if unit is not None and unit not in UNITS:
        raise InvalidValueError("unit", f"unknown unit {unit!r}; known: {', '.join(UNITS)}", UnknownNameError)
    has_range = instance.minimum is not None or instance.maximum is not None
    if has_range and unit is None:
        raise InvalidValueError("unit", "a range needs a unit", StatuteSchemaError)
    if unit is not None and not has_range:
        raise InvalidValueError("unit", f"unit {unit!r} is given but no minimum or maximum", StatuteSchemaError)
    if unit is not None and unit not in KIND_UNITS[instance.kind]:
        fits = ", ".join(KIND_UNITS[instance.kind]) or "no range at all"
        raise InvalidValueError("unit", f"{instance.kind} is not measured in {unit!r} (it takes {fits})", RangeError)


def _check_bounds(instance: Penalty, _: Any, maximum: int | None) -> None:
    for name, bound in (("minimum", instance.minimum), ("maximum", maximum)):
        if bound is not None and (type(bound) is not int):
            raise InvalidValueError(name, f"must be a whole number, got {bound!r}", StatuteSchemaError)
        if bound is not None and bound < 0:
            raise InvalidValueError(name, f"bound {bound} is negative", RangeError)
    if maximum == 0:
        raise InvalidValueError(
            "maximum", "a maximum of 0 punishes nothing; leave it out if none is stated", RangeError
        )
    if instance.minimum is not None and maximum is not None and instance.minimum > maximum:
        raise InvalidValueError(
            "minimum",
            f"minimum {amount_text(instance.minimum, instance.unit)} exceeds "
            f"maximum {amount_text(maximum, instance.unit)}",
            RangeError,
        )


def _check_lifetime(instance: Penalty, _: Any, lifetime: bool) -> None:
    if not lifetime:
        if KIND_UNITS.get(instance.kind) and instance.unit is None:
            life = ", or lifetime = true" if instance.kind in _LIFETIME_KINDS else ""
            raise InvalidValueError(
                "unit",
                f"{instance.kind} with no term or amount: give minimum and/or maximum with a unit{life}",
                StatuteSchemaError,
            )
        return
    if instance.kind not in _LIFETIME_KINDS:
        raise InvalidValueError("lifetime", f"{instance.kind} cannot be for life", RangeError)
    if instance.minimum is not None or instance.maximum is not None:
        raise InvalidValueError("lifetime", "a lifetime penalty has no range", StatuteSchemaError)


def severity_key(known: bool, life: bool, max_months: int | None, min_months: int | None) -> tuple[float, float]:
    """The one sort key for how severe imprisonment is: life highest, then the maximum, then the minimum.

    Imprisonment that is not attested sorts lowest (it is unknown, not light); no imprisonment next.
    """
    if not known:
        return (-2.0, 0.0)
    if life:
        return (float("inf"), float(min_months or 0))
    return (float(-1 if max_months is None else max_months), float(min_months or 0))


@frozen
class Penalty:
    """One penalty option: a kind, and where the law gives one, a range in a unit.

    ``minimum`` is ``None`` where the law says "up to N" (no stated minimum; the code's general
    minimum applies), which is not the same as a minimum of zero. ``optional`` is for additional
    penalties: "with or without confiscation" is optional, "with confiscation" is not.
    ``confirmed`` is false where the sources do not attest this option for this wording (it is
    inferred, and ``note`` says from what): results built on it report "unknown".
    """

    kind: PenaltyKind = field(validator=_check_kind)
    minimum: int | None = None
    maximum: int | None = field(default=None, validator=_check_bounds)
    unit: Unit | None = field(default=None, validator=_check_unit)
    lifetime: bool = field(default=False, validator=_check_lifetime)
    optional: bool = False
    confirmed: bool = True
    note: str = ""

    def months(self) -> tuple[int | None, int | None]:
        """The range in months for a term in years or months; ``(None, None)`` otherwise."""
        factor = MONTHS_PER_UNIT.get(self.unit or "")
        if factor is None:
            return (None, None)
        return (
            None if self.minimum is None else self.minimum * factor,
            None if self.maximum is None else self.maximum * factor,
        )

    def range_text(self) -> str:
        """The range in words: ``5-7 years``, ``up to 3 years``, ``for life``."""
        return range_text(self.minimum, self.maximum, self.unit, self.lifetime)

    def __str__(self) -> str:
        name = KIND_WORDS.get(self.kind, self.kind.replace("_", " "))
        text = f"{name} {self.range_text()}".strip()
        if self.kind in ("confiscation", "disqualification") or self.optional:
            text += " (optional)" if self.optional else " (mandatory)"
        return text if self.confirmed else text + " [unconfirmed]"


def _check_main(_: Any, __: Any, main: tuple[Penalty, ...]) -> None:
    for i, p in enumerate(main):
        if p.optional:
            raise InvalidValueError(
                f"main[{i}].optional", "a main penalty is an alternative, not optional", StatuteSchemaError
            )


def _check_sanction(instance: Sanction, _: Any, unknown: str) -> None:
    if not instance.main and not unknown.strip():
        raise InvalidValueError("main", "no main penalty; list them, or say in 'unknown' why not", StatuteSchemaError)
    for name, options in (("main", instance.main), ("additional", instance.additional)):
        kinds = [(p.kind, p.unit, p.lifetime) for p in options]
        for i, k in enumerate(kinds):
            if k in kinds[:i]:
                raise InvalidValueError(f"{name}[{i}]", f"the option {options[i]} is listed twice", StatuteSchemaError)


@frozen
class Sanction:
    """What a part is punished by.

    ``main`` lists the alternative main penalties (the court picks one); ``additional`` the ones
    imposed on top. ``unknown`` is empty when the sanction is fully known from the source, else it
    says what is not known and why (the listed options may be incomplete, or inferred).
    """

    main: tuple[Penalty, ...] = field(default=(), converter=as_tuple, validator=_check_main)
    additional: tuple[Penalty, ...] = field(default=(), converter=as_tuple)
    unknown: str = field(default="", validator=_check_sanction)

    def imprisonment(self) -> tuple[Penalty, ...]:
        """The imprisonment options among the main penalties (a term, and life where given)."""
        return tuple(p for p in self.main if p.kind == "imprisonment")

    def imprisonment_months(self) -> tuple[int | None, int | None]:
        """Minimum and maximum term of imprisonment in months (``None`` when not stated).

        A life option makes the maximum ``None``; check :attr:`life` for it.
        """
        terms = [p for p in self.imprisonment() if not p.lifetime]
        if not terms:
            return (None, None)
        lows = [p.months()[0] for p in terms]
        highs = [p.months()[1] for p in terms]
        low = None if any(v is None for v in lows) else min(v for v in lows if v is not None)
        high = None if self.life else max((v for v in highs if v is not None), default=None)
        return (low, high)

    @property
    def imprisonment_known(self) -> bool:
        """Whether the imprisonment range is attested.

        It is not when an imprisonment option is unconfirmed, or when a sanction with gaps
        (``unknown``) lists no imprisonment at all.
        """
        options = self.imprisonment()
        if any(not p.confirmed for p in options):
            return False
        return bool(options) or not self.unknown

    @property
    def fully_known(self) -> bool:
        """Whether every option is attested and nothing is said to be missing."""
        return not self.unknown and all(p.confirmed for p in self.main + self.additional)

    def severity(self) -> tuple[float, float]:
        """The sort key of :func:`severity_key`: life highest, then the maximum; unknown lowest."""
        low, high = self.imprisonment_months()
        return severity_key(self.imprisonment_known, self.life, high, low)

    @property
    def life(self) -> bool:
        """Whether life imprisonment is among the options."""
        return any(p.lifetime for p in self.imprisonment())

    @property
    def custodial_only(self) -> bool:
        """Whether every main option is imprisonment (custody is mandatory)."""
        return bool(self.main) and all(p.kind == "imprisonment" for p in self.main)

    def __str__(self) -> str:
        if not self.main and self.unknown:
            return f"unknown ({self.unknown})"
        text = " or ".join(str(p) for p in self.main)
        if self.additional:
            text += ", with " + ", ".join(str(p) for p in self.additional)
        return text + (f" [partly unknown: {self.unknown}]" if self.unknown else "")
