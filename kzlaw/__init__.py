"""kzlaw: Kazakhstan's anti-trafficking criminal law as versioned, checkable Python objects.

>>> import kzlaw
>>> corpus = kzlaw.load()
>>> corpus.version("cc1997/128@2007-01-01").part("4").sanction.imprisonment_months()
(84, 180)
"""

from kzlaw.dump import dump
from kzlaw.errors import (
    AmbiguousDateError,
    BadReferenceError,
    DuplicateEntryError,
    KzlawError,
    NotInForceError,
    PeriodError,
    RangeError,
    StatuteError,
    StatuteSchemaError,
    StatuteSyntaxError,
    UnknownArticleError,
    UnknownNameError,
)
from kzlaw.load import load
from kzlaw.model import (
    Article,
    Circumstance,
    Code,
    Corpus,
    Definition,
    Law,
    Link,
    Note,
    Part,
    Penalty,
    Sanction,
    Source,
    SourceDocument,
    Tag,
    Version,
    When,
)
from kzlaw.protocol import ELEMENTS, Element
from kzlaw.refs import Ref, parse_ref

__all__ = [
    "ELEMENTS",
    "AmbiguousDateError",
    "Article",
    "BadReferenceError",
    "Circumstance",
    "Code",
    "Corpus",
    "Definition",
    "DuplicateEntryError",
    "Element",
    "KzlawError",
    "Law",
    "Link",
    "NotInForceError",
    "Note",
    "Part",
    "Penalty",
    "PeriodError",
    "RangeError",
    "Ref",
    "Sanction",
    "Source",
    "SourceDocument",
    "StatuteError",
    "StatuteSchemaError",
    "StatuteSyntaxError",
    "Tag",
    "UnknownArticleError",
    "UnknownNameError",
    "Version",
    "When",
    "dump",
    "load",
    "parse_ref",
]
