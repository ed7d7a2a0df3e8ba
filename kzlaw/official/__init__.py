"""The official text: footnotes as provenance, the sanction and point cross-checks, and the drift check.

- :func:`parse_footnote` and :func:`footnote_windows` (:mod:`kzlaw.official.footnotes`): what an
  official footnote says about the laws that amended an article, and whether it agrees with the
  version its wording is held for.
- :func:`read_sanction`, :func:`check_sanctions` (:mod:`kzlaw.official.sanctions`) and
  :func:`check_points` (:mod:`kzlaw.official.points`): the structure checked against the words.
- :func:`verify_official` and :func:`verify_official_command` (:mod:`kzlaw.official.verify`): the
  held official wordings compared with a fresh copy of the official text.
"""

from __future__ import annotations

from kzlaw.official.footnotes import (
    LAW_ALIASES,
    EntryIntoForce,
    FootnoteLaw,
    FootnoteWindow,
    ascii_law_number,
    footnote_windows,
    parse_footnote,
)
from kzlaw.official.numbers import read_number
from kzlaw.official.points import OfficialPoint, PointLink, check_points, latin_label, points_of
from kzlaw.official.sanctions import (
    CHECKED_STATUSES,
    SanctionCheck,
    SanctionWords,
    check_sanctions,
    compare_sanction,
    read_sanction,
)
from kzlaw.official.verify import (
    Difference,
    OfficialArticle,
    OfficialTextError,
    VerifyReport,
    official_markdown,
    read_official_text,
    verify_official,
    verify_official_command,
)

__all__ = [
    "CHECKED_STATUSES",
    "LAW_ALIASES",
    "Difference",
    "EntryIntoForce",
    "FootnoteLaw",
    "FootnoteWindow",
    "OfficialArticle",
    "OfficialPoint",
    "OfficialTextError",
    "PointLink",
    "SanctionCheck",
    "SanctionWords",
    "VerifyReport",
    "ascii_law_number",
    "check_points",
    "check_sanctions",
    "compare_sanction",
    "footnote_windows",
    "latin_label",
    "official_markdown",
    "parse_footnote",
    "points_of",
    "read_number",
    "read_official_text",
    "read_sanction",
    "verify_official",
    "verify_official_command",
]
