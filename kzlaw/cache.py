"""A cache of the validated bundled corpus, so that a fresh process does not parse and validate it again.

The first :func:`kzlaw.load` on a machine loads the bundled statute folder in full (parse, structure,
validate) and writes the result to the **user's own** cache folder, ``$XDG_CACHE_HOME/kzlaw`` (else
``~/.cache/kzlaw``), as ``corpus-<key>.pickle``. Later processes read the statute files' bytes, compute
the key and load the pickle instead. What the cache holds is exactly what the full load returned, so
``load()`` from the cache equals a full validated load.

The key is a hash of everything the result depends on: every file of the statute folder (name and
bytes), kzlaw's version, the size and modification time of every module of kzlaw (a changed validator
is a changed result), the Python version, the folder's path and the file-size limit in force. Edit a
statute file and the key changes, so the old entry is never used (the folder keeps the newest
:data:`KEEP` entries). The file carries a digest of its contents, checked before anything is unpickled, so a
truncated or corrupted file is never read as data.

A pickle can run code when it is loaded, so the cache is used only where no one else can write: a
folder and file owned by the user and writable by no one else. Anything unexpected (no cache folder,
one that is not the user's or not writable, a missing, stale, unreadable or corrupt entry, a statute
folder holding links or special files) falls back silently to the full load; the cache never raises.
``KZLAW_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

try:  # blake2b without loading OpenSSL, which hashlib loads for its other hashes
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python without the module
    from hashlib import blake2b

if TYPE_CHECKING:
    from kzlaw.corpus import Corpus

__all__ = ["cache_folder", "cached_load", "corpus_key"]

#: The first bytes of a cache file; a change of layout changes them.
MAGIC = b"kzlaw corpus cache 1\n"
_DIGEST = 32
#: How many entries the folder keeps (one per installation and version of the data in use).
KEEP = 3


def cache_folder() -> Path | None:
    """The user's cache folder for kzlaw (``$XDG_CACHE_HOME/kzlaw`` or ``~/.cache/kzlaw``); ``None`` if off."""
    if os.environ.get("KZLAW_NO_CACHE", "").strip() not in ("", "0"):
        return None
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    if base and os.path.isabs(base):
        return Path(base) / "kzlaw"
    try:
        return Path.home() / ".cache" / "kzlaw"
    except (RuntimeError, KeyError, OSError):  # no home directory
        return None


def corpus_key(root: Path) -> str | None:
    """The cache key of the corpus loaded from ``root``, or ``None`` where the folder cannot be cached.

    A folder holding anything but regular files and folders (a link, a FIFO, a device) is not cached:
    the full load decides what to make of it.
    """
    from kzlaw import __version__
    from kzlaw.fsio import max_file_bytes

    h = blake2b(digest_size=_DIGEST)
    h.update(MAGIC)
    for part in (__version__, sys.version, pickle.HIGHEST_PROTOCOL, os.path.abspath(root), max_file_bytes()):
        h.update(f"{part}\0".encode())
    package = os.path.dirname(os.path.abspath(__file__))
    try:
        for folder, dirs, files in os.walk(package):
            dirs[:] = sorted(d for d in dirs if d not in ("statutes", "__pycache__"))  # no modules there
            for name in sorted(files):
                if name.endswith(".py"):
                    info = os.stat(os.path.join(folder, name))
                    module = os.path.relpath(os.path.join(folder, name), package)
                    h.update(f"{module}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
        for folder, dirs, files in os.walk(root, followlinks=False):
            dirs.sort()
            for name in dirs:
                if os.path.islink(os.path.join(folder, name)):
                    return None
            for name in sorted(files):
                path = os.path.join(folder, name)
                if not stat.S_ISREG(os.lstat(path).st_mode):
                    return None
                with open(path, "rb") as handle:
                    data = handle.read()
                h.update(f"{os.path.relpath(path, root)}\0{len(data)}\0".encode())
                h.update(data)
    except (OSError, ValueError):
        return None
    return h.hexdigest()


def cached_load(root: Path, load: Callable[[Path], Corpus], folder: Path | None = None) -> Corpus:
    """``load(root)``, or the same corpus from the user's cache when the cache holds it for ``root``'s files.

    ``folder`` is the cache folder (by default :func:`cache_folder`). Errors of the full load propagate
    as they are; nothing the cache does raises.
    """
    folder = cache_folder() if folder is None else folder
    key = corpus_key(root) if folder is not None else None
    if folder is None or key is None:
        return load(root)
    target = folder / f"corpus-{key}.pickle"
    found = _read(target)
    if found is not None:
        return found
    corpus = load(root)
    _write(folder, target, corpus)
    return corpus


def _private(info: os.stat_result) -> bool:
    """Whether a file or folder is the user's own and writable by no one else."""
    if not hasattr(os, "getuid"):  # pragma: no cover - Windows: the profile folder is private
        return True
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _read(target: Path) -> Corpus | None:
    from kzlaw.corpus import Corpus

    try:
        if not _private(os.stat(target.parent)):
            return None
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or not _private(info):
                return None
            data = handle.read()
    except OSError:
        return None
    head = len(MAGIC) + _DIGEST
    if len(data) <= head or not data.startswith(MAGIC):
        return None
    payload = memoryview(data)[head:]
    if blake2b(payload, digest_size=_DIGEST).digest() != data[len(MAGIC) : head]:
        return None
    try:
        corpus = pickle.loads(payload)
    except Exception:  # a class renamed since the file was written, or any other failure: load in full
        return None
    return corpus if type(corpus) is Corpus else None


def _write(folder: Path, target: Path, corpus: Corpus) -> None:
    import tempfile

    tmp = None
    try:
        payload = pickle.dumps(corpus, protocol=pickle.HIGHEST_PROTOCOL)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(os.stat(folder)):
            return
        fd, tmp = tempfile.mkstemp(prefix=".corpus-", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(MAGIC)
            handle.write(blake2b(payload, digest_size=_DIGEST).digest())
            handle.write(payload)
        os.replace(tmp, target)
        tmp = None
        # keep a few entries (several installations may share the folder), the newest first
        others = [p for p in folder.glob("corpus-*.pickle") if p.name != target.name]
        others.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in others[KEEP - 1 :]:
            with contextlib.suppress(OSError):
                old.unlink()
    except Exception:  # a full disk, a read-only home, an object that cannot be pickled: no cache, no error
        return
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
