"""kzlaw: Kazakhstan's anti-trafficking criminal law as versioned, checkable Python objects."""

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
from kzlaw.refs import Ref, parse_ref
