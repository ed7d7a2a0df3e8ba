"""The statute data shipped with kzlaw: where it is, and :func:`load`, which reads it (or a folder of yours).

This module is light on purpose: a command such as ``kzlaw show`` that finds the bundled corpus in
the user's cache (:mod:`kzlaw.cache`) needs only the model's classes, never the TOML parser, the
converter or the loader, which are imported only when a folder is loaded in full.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import TYPE_CHECKING

from kzlaw.errors import StatuteError

if TYPE_CHECKING:
    from kzlaw.corpus import Corpus

__all__ = ["bundled_path", "load"]


def bundled_path() -> Path:
    """The folder of the statute data shipped with kzlaw.

    An installed wheel carries it inside the package (``kzlaw/statutes``); a source checkout
    has it at the top of the repository (``statutes/``).
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "statutes", here.parent / "statutes"):
        if (candidate / "codes.toml").is_file():
            return candidate
    raise StatuteError(str(here / "statutes"), "", "the bundled statute data is missing from this installation")


def load(path: str | os.PathLike[str] | None = None) -> Corpus:
    """Load and validate a statute folder: the bundled corpus, or ``path``.

    The folder holds one sub-folder per code (``cc1997/``, ``cc2014/``) with one TOML file per
    article, beside the registries ``codes.toml``, ``laws.toml``, ``sources.toml``,
    ``vocabulary.toml`` and ``languages.toml``. A registry missing from ``path`` is taken from the
    bundled data, so a folder of your own articles needs nothing else. The bundled corpus is loaded
    once and cached (it is read-only, so the cache cannot be changed).

    Raises:
        StatuteError: A file is not valid; the message names the file and the field.

    >>> corpus = load()
    >>> corpus.version("cc1997/128@2006-03-02").title
    'Trafficking in people'
    """
    if path is None:
        return _bundled()
    if not isinstance(path, str | os.PathLike):
        raise StatuteError(repr(path), "", "a statute folder is a path (a string or pathlib.Path)")
    if str(path).strip() == "":
        raise StatuteError("''", "", "an empty path is not a statute folder; name one")
    return _load_folder(Path(path))


def _load_folder(root: Path) -> Corpus:
    from kzlaw.loader import load_folder  # the parser, the converter and the checks: only for a full load

    return load_folder(root)


@functools.cache
def _bundled() -> Corpus:
    from kzlaw.cache import cached_load  # the validated corpus from the user's cache, else a full load

    return cached_load(bundled_path(), _load_folder)
