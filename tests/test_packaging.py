"""`pip install .` (a wheel, not an editable install) ships the statute data."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_ships_the_statutes_and_loads_them(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = tmp_path.glob("kzlaw-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    shipped = {n.removeprefix("kzlaw/statutes/") for n in names if n.startswith("kzlaw/statutes/")}
    bundled = {str(p.relative_to(ROOT / "statutes")) for p in (ROOT / "statutes").rglob("*.toml")}
    assert shipped == bundled
    assert "kzlaw/py.typed" in names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import kzlaw; from kzlaw.loader import bundled_path; c = kzlaw.load(); print(kzlaw.__file__, bundled_path(), len(c))",
        ],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(site)},
    ).stdout.split()
    assert out[0].startswith(str(site))
    assert out[1] == str(site / "kzlaw" / "statutes")
    assert int(out[2]) == len([b for b in bundled if "/" in b])  # every article file (the rest are registries)
