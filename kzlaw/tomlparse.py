"""TOML in: the compiled ``tomli`` where it is installed, else the standard library's :mod:`tomllib`.

:mod:`tomllib` is a copy of ``tomli``; the ``tomli`` wheels for CPython are compiled (mypyc), which
parses a statute folder about two and a half times as fast, to the same data (a test compares every
bundled file and a set of malformed ones). Without it, nothing changes but the speed.
"""

from __future__ import annotations

try:
    from tomli import TOMLDecodeError, loads
except ImportError:  # pragma: no cover - installed without kzlaw's dependencies
    from tomllib import TOMLDecodeError, loads  # type: ignore[assignment]

__all__ = ["PARSER", "TOMLDecodeError", "loads"]

#: The module that parses: ``"tomli"`` or ``"tomllib"``.
PARSER: str = loads.__module__.split(".")[0]
