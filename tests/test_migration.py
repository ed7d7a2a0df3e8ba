"""The move to wordings apart from legal state lost no datum (issue #10).

``tests/sources/pre-migration.json`` is every text, date and range of the bundled corpus as the old
model held them (one wording per version), written by the old code before the file format changed.
"""

import json
from pathlib import Path

import pytest

import kzlaw

BEFORE = json.loads((Path(__file__).parent / "sources" / "pre-migration.json").read_text(encoding="utf-8"))


def _day(d):
    return str(d)  # the snapshot wrote str(date), "None" for a bound not given


def _flatten(corpus):
    out = {}
    for a in corpus:
        for i, v in enumerate(a.versions):
            w = v.wordings["en"]
            out[f"{a.ref}#{i}"] = {
                "title": w.title,
                "valid_from": [_day(v.valid_from.earliest), _day(v.valid_from.latest), v.valid_from.note],
                "valid_to": None
                if v.valid_to is None
                else [_day(v.valid_to.earliest), _day(v.valid_to.latest), v.valid_to.note],
                "amended_by": v.amended_by,
                "language": w.language,
                "text_status": w.status.replace("_", "-"),
                "source": [w.source.document, w.source.locator, w.source.note],
                "remarks": v.remarks,
                "parts": [
                    {
                        "number": p.number,
                        "id": p.id,
                        "text": w.part(p.id),
                        "elements": list(p.elements),
                        "circumstances": [
                            [c.label, w.circumstance(p.id, c.label), list(c.tags)] for c in p.circumstances
                        ],
                        "main": [
                            [q.kind, q.minimum, q.maximum, q.unit, q.lifetime, q.optional, q.confirmed, q.note]
                            for q in p.sanction.main
                        ],
                        "additional": [
                            [q.kind, q.minimum, q.maximum, q.unit, q.lifetime, q.optional, q.confirmed, q.note]
                            for q in p.sanction.additional
                        ],
                        "unknown": p.sanction.unknown,
                    }
                    for p in v.parts
                ],
                "notes": [[n.label, w.notes[n.label], list(n.tags)] for n in v.notes],
                "definitions": [
                    [d.term, d.label, w.definitions[d.label], list(d.tags), list(d.applies_to)] for d in v.definitions
                ],
            }
    return out


#: Data corrected after the migration, by the issue that asked for it: key -> {path: new value}.
CORRECTIONS: dict[str, dict[tuple, object]] = {}


def _set(data, path, value):
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


def _str_dates(d):
    return json.loads(json.dumps(d, default=str))


AFTER = _flatten(kzlaw.load())


@pytest.mark.parametrize("key", sorted(BEFORE))
def test_every_pre_migration_version_keeps_its_data(key):
    """Each old version is still there with the same texts, dates, ranges, tags and sources.

    Data corrected since the migration is listed in CORRECTIONS, each with the issue that asked for it.
    """
    before = _str_dates(BEFORE[key])
    after = _str_dates(AFTER[key])
    for path, value in CORRECTIONS.get(key, {}).items():
        _set(before, path, value)
    assert after == before
