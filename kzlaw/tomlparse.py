"""TOML in: the compiled ``tomli`` where it is installed, else the standard library's :mod:`tomllib`.

:mod:`tomllib` is a copy of ``tomli``; the ``tomli`` wheels for CPython are compiled (mypyc), which
parses a statute folder about two and a half times as fast, to the same data (a test compares every
bundled file and a set of malformed ones). Without it, nothing changes but the speed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kzlaw.errors import StatuteSyntaxError
from kzlaw.fsio import read_text

try:
    from tomli import TOMLDecodeError, loads
except ImportError:  # pragma: no cover - installed without kzlaw's dependencies
    from tomllib import TOMLDecodeError, loads  # type: ignore[assignment]

__all__ = ["PARSER", "TOMLDecodeError", "loads", "read_toml"]

#: The module that parses: ``"tomli"`` or ``"tomllib"``.
PARSER: str = loads.__module__.split(".")[0]


def read_toml(file: Path, root: Path | None = None) -> dict[str, Any]:
    """The parsed TOML of a bounded regular file inside ``root`` (see :func:`kzlaw.fsio.read_text`).

    Raises:
        StatuteSyntaxError: The file cannot be read, is not UTF-8, is not valid TOML or is nested too deeply;
            the message names the file.
    """
    text = read_text(file, root)
    try:
        data: dict[str, Any] = loads(text)
        return data
    except TOMLDecodeError as e:
        raise StatuteSyntaxError(str(file), "", f"is not valid TOML: {e}") from None
    except RecursionError:
        raise StatuteSyntaxError(str(file), "", "is nested too deeply to be a statute file") from None
