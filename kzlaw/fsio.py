"""Safe file access: bounded reads of regular files, and atomic writes that never follow links out.

Every file kzlaw reads goes through :func:`read_text`: it must be a regular file (not a FIFO, a
device or a directory), inside the folder being loaded (a symbolic link leading out is refused), and
at most :data:`MAX_FILE_BYTES` long (``KZLAW_MAX_FILE_BYTES`` in the environment changes it). Every
file kzlaw writes goes through :func:`write_atomic`: the bytes go to a temporary file in the same
folder, which is renamed over the target only when complete, so a failure leaves the old file as
it was. Filesystem failures become a :class:`~kzlaw.errors.WriteError` or
:class:`~kzlaw.errors.StatuteSyntaxError` naming the path.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from kzlaw.errors import StatuteSyntaxError, WriteError

__all__ = ["MAX_FILE_BYTES", "max_file_bytes", "read_text", "write_atomic"]

#: The default largest statute file kzlaw reads (5 MB).
MAX_FILE_BYTES = 5_000_000


def max_file_bytes() -> int:
    """The size limit in force: ``KZLAW_MAX_FILE_BYTES`` if set to a positive number, else the default."""
    try:
        value = int(os.environ.get("KZLAW_MAX_FILE_BYTES", MAX_FILE_BYTES))
    except ValueError:
        return MAX_FILE_BYTES
    return value if value > 0 else MAX_FILE_BYTES


def read_text(file: Path, root: Path | None = None) -> str:
    """The UTF-8 text of a regular file of bounded size inside ``root``.

    Raises:
        StatuteSyntaxError: The file is not a regular file, leaves ``root``, is too large, cannot be
            read, or is not UTF-8.
    """
    name = str(file)
    try:
        if root is not None:
            real, base = file.resolve(), root.resolve()
            if real != base and base not in real.parents:
                raise StatuteSyntaxError(name, "", f"is a link to {real}, outside the folder {root}: refused")
        info = file.stat()
        if not stat.S_ISREG(info.st_mode):
            raise StatuteSyntaxError(name, "", "is not a regular file (a FIFO, device or folder): refused")
        limit = max_file_bytes()
        if info.st_size > limit:
            raise StatuteSyntaxError(
                name, "", f"is {info.st_size:,} bytes, over the limit of {limit:,} (KZLAW_MAX_FILE_BYTES)"
            )
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as e:
        raise StatuteSyntaxError(name, "", f"cannot be read: {e.strerror or e}") from None
    if len(data) > limit:
        raise StatuteSyntaxError(name, "", f"is over the limit of {limit:,} bytes (KZLAW_MAX_FILE_BYTES)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise StatuteSyntaxError(name, "", f"is not UTF-8 (byte {e.start})") from None


def ensure_folder(folder: Path) -> None:
    """Create ``folder`` (and its parents) or raise :class:`WriteError` saying why it cannot be."""
    if str(folder) == "":
        raise WriteError("''", "an empty path is not a folder; name one")
    try:
        if folder.exists() and not folder.is_dir():
            raise WriteError(str(folder), "exists and is not a folder")
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise WriteError(str(folder), f"cannot be created: {e.strerror or e}") from None


def write_atomic(target: Path, data: bytes | str, root: Path | None = None) -> None:
    """Write ``data`` to ``target`` atomically (temporary file, then rename).

    A symbolic link at ``target`` is replaced, never written through; with ``root``, a target whose
    folder lies outside ``root`` is refused.

    Raises:
        WriteError: The target cannot be written; the message names it and says why.
    """
    try:
        payload = data.encode("utf-8") if isinstance(data, str) else data
    except UnicodeEncodeError as e:
        raise WriteError(
            str(target), f"holds a character UTF-8 cannot write (a lone surrogate?) at {e.start}"
        ) from None
    folder = target.parent
    if root is not None:
        real, base = folder.resolve(), root.resolve()
        if real != base and base not in real.parents:
            raise WriteError(str(target), f"lies outside the folder {root} (through a link): refused")
    if target.is_dir() and not target.is_symlink():
        raise WriteError(str(target), "is a folder; cannot write a file there")
    ensure_folder(folder)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        tmp = None
    except OSError as e:
        raise WriteError(str(target), f"cannot be written: {e.strerror or e}") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
