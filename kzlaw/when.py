"""Dates as precisely as the sources give them: :class:`When`.

>>> When.exact(dt.date(2006, 3, 2))
When(2006-03-02)
>>> str(When(dt.date(2019, 12, 27), dt.date(2020, 1, 31)))
'between 2019-12-27 and 2020-01-31'
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from attrs import field, frozen

from kzlaw.errors import InvalidValueError, PeriodError

__all__ = ["When", "as_date"]


def as_date(value: Any, what: str = "date") -> dt.date:
    """A plain :class:`datetime.date` from a date, a datetime (its day) or an ISO string.

    Raises:
        InvalidValueError: The value is none of these.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InvalidValueError(what, f"expected a date (YYYY-MM-DD), got {value!r}"[:160])


def _optional_day(value: Any) -> dt.date | None:
    return None if value is None else as_date(value)


def _ordered(instance: When, _: Any, latest: dt.date | None) -> None:
    if instance.earliest is not None and latest is not None and instance.earliest > latest:
        raise InvalidValueError("earliest", f"{instance.earliest} is after latest {latest}", PeriodError)


@frozen
class When:
    """A date as precisely as the sources give it.

    An exact date has ``earliest == latest``. A date known only within bounds keeps both
    bounds; a bound the sources do not give is ``None``. ``note`` says where the bounds come from.
    """

    earliest: dt.date | None = field(default=None, converter=_optional_day)
    latest: dt.date | None = field(default=None, converter=_optional_day, validator=_ordered)
    note: str = ""

    @classmethod
    def exact(cls, day: dt.date, note: str = "") -> When:
        """A date the sources fix to the day."""
        return cls(day, day, note)

    @property
    def date(self) -> dt.date | None:
        """The date if it is exact, else ``None``."""
        return self.earliest if self.earliest is not None and self.earliest == self.latest else None

    @property
    def is_exact(self) -> bool:
        """Whether the sources fix this date to the day."""
        return self.date is not None

    def __str__(self) -> str:
        if self.date is not None:
            return self.date.isoformat()
        if self.earliest and self.latest:
            return f"between {self.earliest} and {self.latest}"
        if self.latest:
            return f"on or before {self.latest}"
        if self.earliest:
            return f"on or after {self.earliest} (upper bound unknown)"
        return "unknown"

    def __repr__(self) -> str:
        return f"When({self})"
