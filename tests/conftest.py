from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import kzlaw
from kzlaw.loader import bundled_path

#: Property tests run a bounded number of examples in CI; KZLAW_FUZZ_SCALE=20 runs twenty times more.
FUZZ_SCALE = int(os.environ.get("KZLAW_FUZZ_SCALE", "1"))

SOURCES = Path(__file__).parent / "sources"


@pytest.fixture(scope="session")
def corpus() -> kzlaw.Corpus:
    return kzlaw.load()


@pytest.fixture
def statutes(tmp_path: Path) -> Path:
    """A writable copy of the bundled statute folder."""
    target = tmp_path / "statutes"
    shutil.copytree(bundled_path(), target)
    return target


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace ``old`` by ``new`` in a file, insisting that ``old`` is there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def reword(
    version, language: str = "en", *, title: str | None = None, parts: dict[str, str] | None = None, remarks=None
):
    """A copy of ``version`` whose wording in ``language`` has another title or other part texts.

    A part given new words loses its circumstances (their words would no longer be in its text).
    """
    import attrs

    import kzlaw

    w = version.wording(language)
    words = dict(w.parts)
    new_parts = []
    for p in version.parts:
        if parts and p.id in parts:
            words[p.id] = kzlaw.PartWording(parts[p.id])
            p = attrs.evolve(p, circumstances=())
        new_parts.append(p)
    wording = attrs.evolve(w, title=w.title if title is None else title, parts=words)
    changes = {"parts": tuple(new_parts), "wordings": {**version.wordings, language: wording}}
    if remarks is not None:
        changes["remarks"] = remarks
    return attrs.evolve(version, **changes)
