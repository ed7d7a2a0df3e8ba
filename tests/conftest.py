from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import kzlaw
from kzlaw.load import bundled_path

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
