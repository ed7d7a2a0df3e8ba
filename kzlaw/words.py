"""kzlaw's English wording of values, written once: terms, ranges, statuses and marks.

Every module that prints a term of imprisonment, a penalty range, a Protocol status or a text status
takes its words from here, so 90 months always reads "7 years 6 months" and a status always has the
same mark. This module imports nothing from kzlaw: the model and every presentation use it.

>>> months_text(90), months_text(180), months_text(6), months_text(12)
('7 years 6 months', '15 years', '6 months', '1 year')
>>> range_text(None, 5, "years"), range_text(3, 5, "years"), range_text(None, 3000, "mci")
('up to 5 years', '3-5 years', 'up to 3,000 MCI')
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = [
    "KIND_WORDS",
    "MONTHS_PER_UNIT",
    "STATUS_LABELS",
    "STATUS_MARKS",
    "TEXT_STATUS_LABELS",
    "UNIT_WORDS",
    "amount_text",
    "months_text",
    "plural",
    "range_text",
]

#: How many months one unit of a term is (terms in other units are not comparable with prison terms).
MONTHS_PER_UNIT: Mapping[str, int] = {"years": 12, "months": 1}

#: English words for each kind of penalty (a code's ``penalty_kinds`` may give its own).
KIND_WORDS: Mapping[str, str] = {
    "fine": "fine",
    "correctional_labour": "correctional labour",
    "community_service": "community service",
    "restriction_of_liberty": "restriction of liberty",
    "arrest": "detention under arrest",
    "imprisonment": "imprisonment",
    "disqualification": "deprivation of the right to hold certain posts or engage in certain activity",
    "confiscation": "confiscation of property",
}

#: Short words for each unit, singular and plural.
UNIT_WORDS: Mapping[str, tuple[str, str]] = {
    "years": ("year", "years"),
    "months": ("month", "months"),
    "weeks": ("week", "weeks"),
    "days": ("day", "days"),
    "hours": ("hour", "hours"),
    "mci": ("MCI", "MCI"),
    "monthly_income": ("monthly income", "monthly incomes"),
}

#: What each text status means, for a reader.
TEXT_STATUS_LABELS: Mapping[str, str] = {
    "official": "official text",
    "unofficial_translation": "unofficial translation",
    "summary": "kzlaw's own summary, not a translation",
}

#: The Protocol statuses in words.
STATUS_LABELS: Mapping[str, str] = {
    "constitutive": "in the base offence",
    "aggravating": "only as an aggravating circumstance",
    "absent": "absent",
}

#: One mark per Protocol status, for matrices (text and HTML alike).
STATUS_MARKS: Mapping[str, str] = {"constitutive": "C", "aggravating": "a", "absent": "·"}


def plural(n: int, unit: str) -> str:
    """``n`` and the unit's word, singular for one: ``1 year``, ``5 years``, ``3,000 MCI``."""
    one, many = UNIT_WORDS.get(unit, (unit, unit))
    return f"{n:,} {one if n == 1 else many}"


def months_text(months: int | None) -> str:
    """A term in months, in years and months: ``7 years 6 months``; ``unstated`` for ``None``."""
    if months is None:
        return "unstated"
    years, rest = divmod(months, 12)
    if not years:
        return plural(rest, "months")
    return plural(years, "years") + (f" {plural(rest, 'months')}" if rest else "")


def amount_text(value: int | None, unit: str | None) -> str:
    """One bound in words: months and years are normalised, other units kept (``800 hours``)."""
    if value is None:
        return "unstated"
    factor = MONTHS_PER_UNIT.get(unit or "")
    if factor is not None:
        return months_text(value * factor)
    return plural(value, unit or "")


def range_text(minimum: int | None, maximum: int | None, unit: str | None, lifetime: bool = False) -> str:
    """A range in words: ``5-7 years``, ``up to 3 years``, ``at least 2 years``, ``for life``."""
    if lifetime:
        return "for life"
    if minimum is not None and maximum is not None:
        factor = MONTHS_PER_UNIT.get(unit or "")
        if factor is not None and (minimum * factor) % 12 == 0 and (maximum * factor) % 12 == 0:
            return f"{minimum * factor // 12}-{maximum * factor // 12} years"
        if factor is None:
            return f"{minimum:,}-{maximum:,} {UNIT_WORDS.get(unit or '', ('', unit or ''))[1]}"
        return f"{amount_text(minimum, unit)} to {amount_text(maximum, unit)}"
    if maximum is not None:
        return f"up to {amount_text(maximum, unit)}"
    if minimum is not None:
        return f"at least {amount_text(minimum, unit)}"
    return ""
