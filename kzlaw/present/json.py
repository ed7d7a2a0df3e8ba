"""JSON: the shapes every ``--json`` and ``to_dict()`` give, registered on the one converter.

:func:`to_data` is :func:`kzlaw.convert.json_converter`'s ``unstructure`` with the shapes of kzlaw's
results registered here: plain results field by field (cattrs generates them), the rest with the keys
the command line has always printed (``imprisonment_max_months``, ``life_imprisonment``...).
Unknown values are ``null`` everywhere, never ``false``.
"""

from __future__ import annotations

import functools
from typing import Any

from kzlaw.convert import json_converter, when_to_json
from kzlaw.words import TEXT_STATUS_LABELS

__all__ = ["penalty_data", "sanction_data", "to_data", "version_data"]


def penalty_data(p: Any) -> dict[str, Any]:
    """A penalty option: kind, bounds, unit, months, and its description in words."""
    low, high = p.months()
    return {
        "kind": p.kind,
        "minimum": p.minimum,
        "maximum": p.maximum,
        "unit": p.unit,
        "lifetime": p.lifetime,
        "optional": p.optional,
        "confirmed": p.confirmed,
        "minimum_months": low,
        "maximum_months": high,
        "text": str(p),
        "note": p.note,
    }


def sanction_data(s: Any) -> dict[str, Any]:
    """A sanction: options, the imprisonment range in months (``null`` where unknown), and what is unknown.

    ``imprisonment_min_months`` is ``null`` both where imprisonment is not an option and where the law
    states no minimum ("up to N"); ``imprisonment_option`` tells the two apart.
    """
    low, high = s.imprisonment_months()
    known = s.imprisonment_known
    return {
        "options": [str(p) for p in s.main],
        "main": [penalty_data(p) for p in s.main],
        "additional": [penalty_data(p) for p in s.additional],
        "imprisonment_option": bool(s.imprisonment()),
        "imprisonment_min_months": low if known else None,
        "imprisonment_max_months": high if known else None,
        "life_imprisonment": s.life if known else None,
        "custodial_only": s.custodial_only if s.fully_known else None,
        "unknown": s.unknown or None,
    }


def version_data(v: Any, corpus: Any = None, language: str | None = None) -> dict[str, Any]:
    """A version (the ``kzlaw show --json`` shape), its texts in ``language`` (English by default)."""
    from kzlaw.corpus import resolve_corpus

    corpus = resolve_corpus(corpus)
    w = v.wording(language)
    law = corpus.laws.get(v.amended_by) if v.amended_by else None
    doc = corpus.sources.get(w.source.document)
    return {
        "ref": v.ref,
        "article": v.article_ref,
        "code": v.code,
        "number": v.article,
        "title": w.title,
        "valid_from": when_to_json(v.valid_from),
        "valid_to": when_to_json(v.valid_to),
        "amended_by": None
        if v.amended_by is None
        else {
            "id": v.amended_by,
            "title": law.title if law else None,
            "adopted": law.adopted.isoformat() if law and law.adopted else None,
        },
        "language": w.language,
        "text_status": w.status,
        "text_status_label": TEXT_STATUS_LABELS[w.status],
        "source": {
            "document": w.source.document,
            "citation": doc.citation if doc else None,
            "locator": w.source.locator,
            "note": w.source.note,
        },
        "state_source": {"document": v.source.document, "locator": v.source.locator, "note": v.source.note},
        "wordings": {
            lang: {"status": o.status, "title": o.title, "source": str(o.source), "footnote": o.footnote or None}
            for lang, o in v.wordings.items()
        },
        "footnote": w.footnote or None,
        "parts": [
            {
                "number": p.number,
                "id": p.id,
                "text": w.part(p.id),
                "elements": list(p.elements),
                "circumstances": [
                    {"label": c.label, "text": w.circumstance(p.id, c.label), "tags": list(c.tags)}
                    for c in p.circumstances
                ],
                "tags": sorted({*p.elements, *(t for c in p.circumstances for t in c.tags)}),
                **sanction_data(p.sanction),
            }
            for p in v.parts
        ],
        "notes": [{"label": n.label, "text": w.notes[n.label], "tags": list(n.tags)} for n in v.notes],
        "definitions": [
            {
                "term": d.term,
                "label": d.label,
                "text": w.definitions[d.label],
                "tags": list(d.tags),
                "applies_to": list(d.applies_to),
            }
            for d in v.definitions
        ],
        "remarks": v.remarks,
    }


@functools.cache
def _converter() -> Any:
    from cattrs.gen import make_dict_unstructure_fn, override

    from kzlaw.alignment import DEFINITIONAL, Alignment, Coverage, ElementResult, Evidence, RuleResult
    from kzlaw.changes import Change, Diff
    from kzlaw.corpus import Uncertainty
    from kzlaw.model import Version
    from kzlaw.penalties import BenchmarkResult, PenaltyRow, PenaltyTable
    from kzlaw.present.practice import json_view  # noqa: F401  (registers the enforcement shapes)

    conv = json_converter()
    conv.register_unstructure_hook(Change, make_dict_unstructure_fn(Change, conv))
    conv.register_unstructure_hook(Evidence, make_dict_unstructure_fn(Evidence, conv))
    conv.register_unstructure_hook(Uncertainty, make_dict_unstructure_fn(Uncertainty, conv))
    conv.register_unstructure_hook(
        ElementResult, make_dict_unstructure_fn(ElementResult, conv, element=override(omit=True))
    )
    conv.register_unstructure_hook(RuleResult, make_dict_unstructure_fn(RuleResult, conv, rule=override(omit=True)))
    conv.register_unstructure_hook(
        BenchmarkResult, make_dict_unstructure_fn(BenchmarkResult, conv, id=override(omit=True))
    )
    conv.register_unstructure_hook(Alignment, make_dict_unstructure_fn(Alignment, conv))
    conv.register_unstructure_hook(
        PenaltyRow,
        make_dict_unstructure_fn(
            PenaltyRow,
            conv,
            min_stated=override(rename="imprisonment_min_stated"),
            life=override(rename="life_imprisonment"),
        ),
    )
    conv.register_unstructure_hook(PenaltyTable, lambda t: [conv.unstructure(r) for r in t.rows])
    conv.register_unstructure_hook(Version, version_data)
    conv.register_unstructure_hook(
        Diff,
        lambda d: {
            "old": d.old.ref,
            "new": d.new.ref,
            "language": d.language,
            "text": [[op, t] for op, t in d.text],
            "changes": [conv.unstructure(c) for c in d.changes],
            "patch": d.patch,
            "delta": d.redline.delta,
        },
    )

    def coverage(c: Coverage) -> dict[str, Any]:
        return {
            "refs": list(c.refs),
            "matrix": {el: {a.ref: a[el].status for a in c.alignments} for el in DEFINITIONAL},
            "best": {el: {"status": c.best(el)[0], "refs": list(c.best(el)[1])} for el in DEFINITIONAL},
            "rules": {k: conv.unstructure(r) for k, r in c.rules.items()},
        }

    conv.register_unstructure_hook(Coverage, coverage)
    return conv


def to_data(obj: Any) -> Any:
    """The JSON-ready form of any kzlaw object or result (dicts, lists, strings, numbers, ``None``)."""
    return _converter().unstructure(obj)
