"""The errors kzlaw raises: one root, :class:`KzlawError`, and small precise subclasses.

Every error about a statute file names the file and the field path inside it, so a message
reads ``statutes/cc1997/128.toml: versions[1].parts[2].sanction.main[0]: minimum 7 years
exceeds maximum 5 years``. Each class also derives from the builtin it refines
(:class:`ValueError` or :class:`LookupError`), so generic handlers keep working.
"""

from __future__ import annotations

__all__ = [
    "AmbiguousDateError",
    "BadReferenceError",
    "DuplicateEntryError",
    "KzlawError",
    "NotInForceError",
    "PeriodError",
    "RangeError",
    "StatuteError",
    "StatuteSchemaError",
    "StatuteSyntaxError",
    "UnknownArticleError",
    "UnknownNameError",
]


class KzlawError(Exception):
    """The root of every error kzlaw raises on purpose."""


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
    """The file is not well-formed TOML (the message gives the line and column)."""


class StatuteSchemaError(StatuteError):
    """A field is missing, unexpected (a typo'd key), or of the wrong type."""


class UnknownNameError(StatuteError):
    """A name is not in its controlled list: an element tag, a penalty kind or unit, a law, a source."""


class RangeError(StatuteError):
    """A range is impossible: its minimum exceeds its maximum, or a bound is negative."""


class PeriodError(StatuteError):
    """Version periods are unordered, overlap, or end before they start."""


class DuplicateEntryError(StatuteError):
    """Two entries share what must be unique: part numbers or ids, circumstance labels, articles."""


class BadReferenceError(KzlawError, ValueError):
    """A reference string does not parse (the form is ``cc1997/128`` or ``cc1997/128@2006-03-02``)."""


class UnknownArticleError(KzlawError, LookupError):
    """The corpus holds no such code or article."""


class NotInForceError(KzlawError, LookupError):
    """No version of the article is in force on the date asked; the message says when it was."""


class AmbiguousDateError(KzlawError, LookupError):
    """The date falls in a window where the sources do not say which version was in force.

    Attributes:
        candidates: The references of the versions that may have been in force.
    """

    def __init__(self, message: str, candidates: tuple[str, ...]) -> None:
        self.candidates = candidates
        super().__init__(message)
