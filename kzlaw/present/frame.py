"""Tables out: ``to_dataframe()`` and the CSV rows of every tabular result.

:func:`rows` flattens a result into one dict per table row (the same columns the CSV files of
``--format csv`` and the report have); :func:`to_dataframe` makes a :class:`pandas.DataFrame` of them
(pandas is imported only then).
"""

from __future__ import annotations

import csv
import functools
import io
from typing import Any

from kzlaw.errors import KzlawError

__all__ = ["csv_text", "rows", "to_dataframe"]


@functools.singledispatch
def rows(obj: Any) -> list[dict[str, Any]]:
    """The rows of a tabular result, one flat dict each."""
    raise KzlawError(f"{type(obj).__name__} is not a table; to_dataframe() works on alignments, penalties and diffs")


def to_dataframe(obj: Any) -> Any:
    """A ``pandas.DataFrame`` of :func:`rows` (needs the ``pandas`` extra)."""
    try:
        import pandas as pd
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise KzlawError("to_dataframe() needs pandas: pip install 'kzlaw[pandas]'") from err
    return pd.DataFrame.from_records(rows(obj))


def csv_text(obj: Any) -> str:
    """The rows as CSV text (a header line, then one line per row)."""
    data = rows(obj)
    out = io.StringIO()
    if data:
        writer = csv.DictWriter(out, fieldnames=list(data[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(data)
    return out.getvalue()


def _register() -> None:
    from kzlaw.alignment import DEFINITIONAL, Alignment, Coverage
    from kzlaw.changes import Change, Diff
    from kzlaw.penalties import PenaltyRow, PenaltyTable
    from kzlaw.present.json import to_data
    from kzlaw.present.labels import element_label
    from kzlaw.present.practice import frame_view  # noqa: F401  (registers the enforcement views)

    @rows.register(PenaltyTable)
    def _penalties(t: PenaltyTable) -> list[dict[str, Any]]:
        out = []
        for r in t.rows:
            d = to_data(r)
            benchmarks = d.pop("benchmarks")
            d["options"] = "; ".join(d["options"])
            d["additional"] = "; ".join(d["additional"])
            d.update({k: v["outcome"] for k, v in benchmarks.items()})
            out.append(d)
        return out

    @rows.register(PenaltyRow)
    def _row(r: PenaltyRow) -> list[dict[str, Any]]:
        return _penalties(PenaltyTable((r,)))

    @rows.register(Alignment)
    def _alignment(a: Alignment) -> list[dict[str, Any]]:
        return [
            {
                "ref": a.ref,
                "element": r.element,
                "element_words": element_label(r.element),
                "status": r.status,
                "evidence": " | ".join(f"{e.place}: {e.words}" for e in r.evidence),
                "remarks": " | ".join(r.remarks),
            }
            for r in a.elements.values()
        ]

    @rows.register(Coverage)
    def _coverage(c: Coverage) -> list[dict[str, Any]]:
        return [
            {"element": el, "element_words": element_label(el), **{a.ref: a[el].status for a in c.alignments}}
            for el in DEFINITIONAL
        ]

    @rows.register(Diff)
    def _diff(d: Diff) -> list[dict[str, Any]]:
        return [{"old": d.old.ref, "new": d.new.ref, **to_data(c)} for c in d.changes]

    @rows.register(Change)
    def _change(c: Change) -> list[dict[str, Any]]:
        return [to_data(c)]


_register()
