"""The errors kzlaw raises: one root, :class:`KzlawError`, and small precise subclasses.

Every error about a statute file names the file and the field path inside it, so a message
reads ``statutes/cc1997/128.toml: versions[1].parts[2].sanction.main[0]: minimum 7 years
exceeds maximum 5 years``. Each class also derives from the builtin it refines
(:class:`ValueError`, :class:`LookupError`, :class:`KeyError` or :class:`OSError`), so generic
handlers keep working, as attrs' own errors do.
"""

from __future__ import annotations

__all__ = [
    "AmbiguousDateError",
    "BadReferenceError",
    "DuplicateEntryError",
    "InvalidValueError",
    "KzlawError",
    "NotInForceError",
    "PeriodError",
    "RangeError",
    "StatuteError",
    "StatuteSchemaError",
    "StatuteSyntaxError",
    "TotalExceededError",
    "UnknownArticleError",
    "UnknownElementError",
    "UnknownLawError",
    "UnknownNameError",
    "UnknownPartError",
    "UnknownPeriodError",
    "WriteError",
]


class KzlawError(Exception):
    """The root of every error kzlaw raises on purpose."""


class InvalidValueError(KzlawError, ValueError):
    """A model object was built with a value that breaks one of its invariants.

    Raised by the classes themselves (their attrs validators), so an object built in a notebook is
    checked exactly as a loaded one. The loader turns it into a :class:`StatuteError` with the file
    and field. ``field`` names the attribute (``"minimum"``), ``problem`` says what is wrong.
    """

    def __init__(self, field: str, problem: str, kind: type[StatuteError] | None = None) -> None:
        self.field = field
        self.problem = problem
        self.kind = kind
        super().__init__(f"{field}: {problem}" if field else problem)


class StatuteError(KzlawError, ValueError):
    """A statute file (or a folder of them) is not valid.

    Args:
        file: The file, as given to the loader (``statutes/cc1997/128.toml``).
        path: The field path inside the file (``versions[1].parts[0]``); empty for the whole file.
        problem: What is wrong, in one sentence.
    """

    def __init__(self, file: str, path: str, problem: str) -> None:
        self.file = file
        self.path = path
        self.problem = problem
        where = f"{file}: {path}" if path else file
        super().__init__(f"{where}: {problem}")


class StatuteSyntaxError(StatuteError):
    """The file is not well-formed TOML (the message gives the line and column), or cannot be read."""


class StatuteSchemaError(StatuteError):
    """A field is missing, unexpected (a typo'd key), empty, or of the wrong type."""


class UnknownNameError(StatuteError):
    """A name is not in its controlled list: an element tag, a penalty kind or unit, a law, a source."""


class RangeError(StatuteError):
    """A range is impossible: its minimum exceeds its maximum, or a bound is negative or zero."""


class PeriodError(StatuteError):
    """Periods are unordered, overlap, end before they start, or fall outside their code's period."""


class TotalExceededError(StatuteError):
    """Figures of an enforcement file that break down a stated total sum to more than it."""


class DuplicateEntryError(StatuteError):
    """Two entries share what must be unique: part numbers or ids, circumstance labels, articles, refs."""


class BadReferenceError(KzlawError, ValueError):
    """A reference does not parse (the form is ``cc1997/128``, ``cc1997/128@2006-03-02`` or ``@292-VI``)."""


class UnknownArticleError(KzlawError, KeyError):
    """The corpus holds no such code or article."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class UnknownLawError(UnknownArticleError):
    """No version of the article was brought by the law a reference names (``cc2014/128@170-VI``)."""


class UnknownPartError(KzlawError, KeyError):
    """A version has no part with that number, or a part no circumstance with that label."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class UnknownElementError(KzlawError, KeyError):
    """An alignment or coverage matrix holds no such Protocol element id or version."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class NotInForceError(KzlawError, LookupError):
    """No version of the article is in force on the date asked; the message says when one was."""


class AmbiguousDateError(KzlawError, LookupError):
    """The date falls in a window where the sources do not say which version was in force.

    Attributes:
        candidates: The references of the versions that may have been in force.
    """

    def __init__(self, message: str, candidates: tuple[str, ...]) -> None:
        self.candidates = candidates
        super().__init__(message)


class UnknownPeriodError(KzlawError, LookupError):
    """No enforcement figure is held for the period asked; the message lists the periods held."""


class WriteError(KzlawError, OSError):
    """A file or folder could not be written (``dump``, ``report``, exports); the message names the path."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"
