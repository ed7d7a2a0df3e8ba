"""kzlaw: Kazakhstan's anti-trafficking criminal law as versioned, checkable Python objects.

>>> import kzlaw
>>> corpus = kzlaw.load()
>>> corpus.version("cc1997/128@2007-01-01").part("4").sanction.imprisonment_months()
(84, 180)
"""

from kzlaw.alignment import Alignment, Coverage, ElementResult, Evidence, RuleResult, align
from kzlaw.diff import CHANGE_KINDS, Change, Diff, diff, diffs
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
from kzlaw.penalties import (
    BENCHMARKS,
    Benchmark,
    BenchmarkResult,
    PenaltyRow,
    PenaltyTable,
    compare_penalties,
    gravity,
    penalty_history,
)
from kzlaw.protocol import ELEMENTS, Element
from kzlaw.refs import Ref, parse_ref

__all__ = [
    "BENCHMARKS",
    "CHANGE_KINDS",
    "ELEMENTS",
    "Alignment",
    "AmbiguousDateError",
    "Article",
    "BadReferenceError",
    "Benchmark",
    "BenchmarkResult",
    "Change",
    "Circumstance",
    "Code",
    "Corpus",
    "Coverage",
    "Definition",
    "Diff",
    "DuplicateEntryError",
    "Element",
    "ElementResult",
    "Evidence",
    "KzlawError",
    "Law",
    "Link",
    "NotInForceError",
    "Note",
    "Part",
    "Penalty",
    "PenaltyRow",
    "PenaltyTable",
    "PeriodError",
    "RangeError",
    "Ref",
    "RuleResult",
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
    "align",
    "compare_penalties",
    "diff",
    "diffs",
    "dump",
    "gravity",
    "load",
    "parse_ref",
    "penalty_history",
]
