"""kzlaw: Kazakhstan's anti-trafficking criminal law as versioned, checkable Python objects.

>>> import kzlaw
>>> corpus = kzlaw.load()
>>> corpus.version("cc1997/128@2007-01-01").part("4").sanction.imprisonment_months()
(84, 180)

Submodules load on first use (:pep:`562`), so ``import kzlaw`` stays fast.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # not `from typing import TYPE_CHECKING`: importing typing is most of `import kzlaw`

__version__ = "0.2.0"

# Every public name, and the module that defines it.
_NAMES: dict[str, str] = {
    **dict.fromkeys(["Alignment", "Coverage", "ElementResult", "Evidence", "RuleResult", "align"], "kzlaw.alignment"),
    **dict.fromkeys(["CHANGE_KINDS", "Change", "Diff", "diff", "diffs"], "kzlaw.changes"),
    **dict.fromkeys(["WordDiff", "word_diff", "apply_patch"], "kzlaw.worddiff"),
    **dict.fromkeys(["dump"], "kzlaw.writer"),
    **dict.fromkeys(
        [
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
        ],
        "kzlaw.errors",
    ),
    "load": "kzlaw.bundled",
    "load_article": "kzlaw.loader",
    **dict.fromkeys(["Corpus", "Lookup", "Uncertainty"], "kzlaw.corpus"),
    **dict.fromkeys(
        [
            "Article",
            "Circumstance",
            "Code",
            "Definition",
            "Language",
            "Law",
            "Link",
            "Note",
            "Part",
            "PartWording",
            "Penalty",
            "Sanction",
            "Source",
            "SourceDocument",
            "Tag",
            "Version",
            "When",
            "Wording",
        ],
        "kzlaw.model",
    ),
    **dict.fromkeys(
        [
            "BENCHMARKS",
            "Benchmark",
            "BenchmarkResult",
            "PenaltyRow",
            "PenaltyTable",
            "compare_penalties",
            "gravity",
            "penalty_history",
        ],
        "kzlaw.penalties",
    ),
    **dict.fromkeys(["ELEMENTS", "Element"], "kzlaw.protocol"),
    **dict.fromkeys(["Ref", "parse_ref"], "kzlaw.refs"),
    **dict.fromkeys(["FrozenMap"], "kzlaw.frozen"),
    **dict.fromkeys(["AknError", "from_akn", "to_akn", "write_akn"], "kzlaw.akn"),
    **dict.fromkeys(["Enforcement", "Figure", "Period", "Sentence", "load_enforcement"], "kzlaw.enforcement"),
    **dict.fromkeys(["Derived", "EnforcementTable", "PartPenalty", "Row", "enforcement_table"], "kzlaw.practice"),
}

__all__ = [
    "BENCHMARKS",
    "CHANGE_KINDS",
    "ELEMENTS",
    "AknError",
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
    "Derived",
    "Diff",
    "DuplicateEntryError",
    "Element",
    "ElementResult",
    "Enforcement",
    "EnforcementTable",
    "Evidence",
    "Figure",
    "FrozenMap",
    "InvalidValueError",
    "KzlawError",
    "Language",
    "Law",
    "Link",
    "Lookup",
    "NotInForceError",
    "Note",
    "Part",
    "PartPenalty",
    "PartWording",
    "Penalty",
    "PenaltyRow",
    "PenaltyTable",
    "Period",
    "PeriodError",
    "RangeError",
    "Ref",
    "Row",
    "RuleResult",
    "Sanction",
    "Sentence",
    "Source",
    "SourceDocument",
    "StatuteError",
    "StatuteSchemaError",
    "StatuteSyntaxError",
    "Tag",
    "TotalExceededError",
    "Uncertainty",
    "UnknownArticleError",
    "UnknownElementError",
    "UnknownLawError",
    "UnknownNameError",
    "UnknownPartError",
    "UnknownPeriodError",
    "Version",
    "When",
    "WordDiff",
    "Wording",
    "WriteError",
    "align",
    "apply_patch",
    "compare_penalties",
    "diff",
    "diffs",
    "dump",
    "enforcement_table",
    "from_akn",
    "gravity",
    "load",
    "load_article",
    "load_enforcement",
    "parse_ref",
    "penalty_history",
    "to_akn",
    "word_diff",
    "write_akn",
]


def __getattr__(name: str) -> Any:
    module = _NAMES.get(name)
    if module is None:
        raise AttributeError(f"module 'kzlaw' has no attribute {name!r}")
    __import__(module)
    value = getattr(sys.modules[module], name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])


if TYPE_CHECKING:  # the names as type checkers and documentation tools see them
    from typing import Any

    from kzlaw.akn import AknError, from_akn, to_akn, write_akn
    from kzlaw.alignment import Alignment, Coverage, ElementResult, Evidence, RuleResult, align
    from kzlaw.bundled import load
    from kzlaw.changes import CHANGE_KINDS, Change, Diff, diff, diffs
    from kzlaw.corpus import Corpus, Lookup, Uncertainty
    from kzlaw.enforcement import Enforcement, Figure, Period, Sentence, load_enforcement
    from kzlaw.errors import (
        AmbiguousDateError,
        BadReferenceError,
        DuplicateEntryError,
        InvalidValueError,
        KzlawError,
        NotInForceError,
        PeriodError,
        RangeError,
        StatuteError,
        StatuteSchemaError,
        StatuteSyntaxError,
        TotalExceededError,
        UnknownArticleError,
        UnknownElementError,
        UnknownLawError,
        UnknownNameError,
        UnknownPartError,
        UnknownPeriodError,
        WriteError,
    )
    from kzlaw.frozen import FrozenMap
    from kzlaw.loader import load_article
    from kzlaw.model import (
        Article,
        Circumstance,
        Code,
        Definition,
        Language,
        Law,
        Link,
        Note,
        Part,
        PartWording,
        Penalty,
        Sanction,
        Source,
        SourceDocument,
        Tag,
        Version,
        When,
        Wording,
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
    from kzlaw.practice import Derived, EnforcementTable, PartPenalty, Row, enforcement_table
    from kzlaw.protocol import ELEMENTS, Element
    from kzlaw.refs import Ref, parse_ref
    from kzlaw.worddiff import WordDiff, apply_patch, word_diff
    from kzlaw.writer import dump
