"""What a reader sees, checked in a real headless browser (issue #14): JupyterLab's table styles do not win over
kzlaw's, and printing the report prints every closed section open. Skips, saying what to install, without
Chromium, poppler or nbconvert."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

missing = [tool for tool in ("chromium", "pdftotext", "pdftoppm") if shutil.which(tool) is None]
if importlib.util.find_spec("nbconvert") is None:
    missing.append("nbconvert")
pytestmark = pytest.mark.skipif(
    bool(missing), reason=f"install {', '.join(missing)} (Debian: chromium, poppler-utils; PyPI: nbconvert)"
)


@pytest.fixture(scope="module")
def check():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    try:
        import browser_check
    finally:
        sys.path.pop(0)
    return browser_check


def test_notebook_tables_are_left_aligned_in_a_browser(check, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert check.notebook_alignment(tmp_path) == []


def test_printing_the_report_opens_every_section(check, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert check.report_print(tmp_path) == []
