"""Safe file access: bounded reads of regular files, and atomic writes that never follow links out.

Every file kzlaw reads goes through :func:`read_text`: it must be a regular file (not a FIFO, a
device or a directory), inside the folder being loaded (a symbolic link leading out is refused), and
at most :data:`MAX_FILE_BYTES` long (``KZLAW_MAX_FILE_BYTES`` in the environment changes it). Every
file kzlaw writes goes through :func:`write_atomic` (or :func:`write_files` for several): the bytes
go to a temporary file in the same folder, which is renamed over the target only when every file is
complete, so a failure leaves the old files as they were; a link at the target is replaced, never
written through, and one leading out of the folder written is refused. Filesystem failures become
a :class:`~kzlaw.errors.WriteError` or :class:`~kzlaw.errors.StatuteSyntaxError` naming the path.
"""

from __future__ import annotations

import contextlib
import functools
import os
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

from kzlaw.errors import StatuteSyntaxError, WriteError

__all__ = [
    "MAX_FILE_BYTES",
    "ensure_folder",
    "max_file_bytes",
    "output_folder",
    "read_text",
    "write_atomic",
    "write_files",
]

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
    limit = max_file_bytes()
    try:
        info = os.lstat(file)
        no_link = not stat.S_ISLNK(info.st_mode)
        plain = root is None or (no_link and _plainly_inside(name, root))  # then inside without resolving
        if not plain and root is not None and not _inside(file, root):
            raise StatuteSyntaxError(name, "", f"is a link to {file.resolve()}, outside the folder {root}: refused")
        if not no_link:
            info = os.stat(file)
        if not stat.S_ISREG(info.st_mode):
            raise StatuteSyntaxError(name, "", "is not a regular file (a FIFO, device or folder): refused")
        if info.st_size > limit:
            raise StatuteSyntaxError(
                name, "", f"is {info.st_size:,} bytes, over the limit of {limit:,} (KZLAW_MAX_FILE_BYTES)"
            )
        # A file checked to be no link is opened without following one (were it swapped for a link since).
        fd = os.open(file, os.O_RDONLY | _NONBLOCK | (_NOFOLLOW if no_link else 0))
        try:
            data = _read_bounded(fd, info.st_size, limit)
        finally:
            os.close(fd)
    except OSError as e:
        raise StatuteSyntaxError(name, "", f"cannot be read: {e.strerror or e}") from None
    if len(data) > limit:
        raise StatuteSyntaxError(name, "", f"is over the limit of {limit:,} bytes (KZLAW_MAX_FILE_BYTES)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise StatuteSyntaxError(name, "", f"is not UTF-8 (byte {e.start})") from None


_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _read_bounded(fd: int, size: int, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of an open file, asking first for the ``size`` it had (it may have changed)."""
    chunks: list[bytes] = []
    total, want = 0, min(size, limit) + 1
    while total <= limit:
        chunk = os.read(fd, want)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        want = min(limit + 1 - total, 1 << 20)
    return b"".join(chunks)


def _plainly_inside(name: str, root: Path) -> bool:
    """Whether the path ``name``, no link itself, lies inside ``root`` without resolving anything.

    True when ``name`` is ``root`` followed by plain names (no ``..``, no ``.``) and no folder between
    ``root`` and the file is a symbolic link: such a path cannot lead out of ``root``, whatever ``root``
    itself is. Anything else (``False``) is left to :func:`_inside`, which resolves both.
    """
    base = str(root)
    if base == ".":  # pathlib writes Path(".") / "cc1997" as "cc1997"
        if os.path.isabs(name):
            return False
        rest = name
    else:
        prefix = base if base.endswith(os.sep) else base + os.sep
        if not name.startswith(prefix):
            return False
        rest = name[len(prefix) :]
    steps = rest.split(os.sep)
    if any(step in ("", ".", "..") for step in steps) or (os.altsep and os.altsep in name):
        return False
    folder = base
    for step in steps[:-1]:
        folder = os.path.join(folder, step)
        try:
            if stat.S_ISLNK(os.lstat(folder).st_mode):
                return False
        except OSError:
            return False
    return True


def _inside(path: Path, root: Path) -> bool:
    real, base = path.resolve(), root.resolve()
    return real == base or base in real.parents


def output_folder(out: str | os.PathLike[str]) -> Path:
    """The folder a command writes into, created if needed; an empty name is refused, not read as ``.``.

    Raises:
        WriteError: ``out`` is empty, exists and is not a folder, or cannot be created.
    """
    if not isinstance(out, str | os.PathLike) or str(out).strip() == "":
        raise WriteError(repr(out) if not isinstance(out, str) else "''", "an empty path is not a folder; name one")
    folder = Path(out)
    ensure_folder(folder)
    return folder


def ensure_folder(folder: Path) -> None:
    """Create ``folder`` (and its parents) or raise :class:`WriteError` saying why it cannot be."""
    if str(folder).strip() == "":
        raise WriteError("''", "an empty path is not a folder; name one")
    try:
        clash = folder.exists() and not folder.is_dir()
        if not clash:
            folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise WriteError(str(folder), f"cannot be created: {e.strerror or e}") from None
    if clash:
        raise WriteError(str(folder), "exists and is not a folder")


def _payload(target: Path, data: bytes | str) -> bytes:
    try:
        return data.encode("utf-8") if isinstance(data, str) else data
    except UnicodeEncodeError as e:
        raise WriteError(
            str(target), f"holds a character UTF-8 cannot write (a lone surrogate?) at {e.start}"
        ) from None


def _check_target(target: Path, root: Path | None) -> None:
    if str(target).strip() in ("", "."):
        raise WriteError(repr(str(target)), "an empty path is not a file; name one")
    if root is not None:
        if not _inside(target.parent, root):
            raise WriteError(str(target), f"lies outside the folder {root} (through a link): refused")
        if target.is_symlink() and not _inside(target, root):
            raise WriteError(
                str(target), f"is a link to {target.resolve()}, outside the folder {root}: refused (remove the link)"
            )
    if target.is_dir() and not target.is_symlink():
        raise WriteError(str(target), "is a folder; cannot write a file there")


def _mode(target: Path) -> int:
    """The permissions a written file gets: the old file's, else what the umask allows (mkstemp gives 0600)."""
    try:
        return stat.S_IMODE(target.stat(follow_symlinks=False).st_mode) if not target.is_symlink() else _umasked()
    except OSError:
        return _umasked()


@functools.cache
def _umasked() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _stage(target: Path, payload: bytes) -> str:
    """Write ``payload`` to a new temporary file beside ``target``; return its name."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode(target))
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def write_atomic(target: Path, data: bytes | str, root: Path | None = None) -> int:
    """Write ``data`` to ``target`` atomically (temporary file, then rename); returns the bytes written.

    A symbolic link at ``target`` is replaced, never written through; with ``root``, a target whose
    folder lies outside ``root``, or a link at ``target`` leading out of it, is refused.

    Raises:
        WriteError: The target cannot be written; the message names it and says why.
    """
    return write_files({target: data}, root)


def write_files(files: Mapping[Path, bytes | str], root: Path | None = None) -> int:
    """Write several files as nearly all-or-nothing as a filesystem allows; returns the bytes written.

    Every file is encoded and checked first, then written to a temporary file beside its target;
    only when all are on disk are they renamed over their targets, so a full disk, a read-only
    folder or a bad character leaves every target as it was (and removes the temporaries).

    Raises:
        WriteError: A target cannot be written; the message names it and says why.
    """
    payloads = {target: _payload(target, data) for target, data in files.items()}
    for target in payloads:
        _check_target(target, root)
    staged: list[tuple[str, Path]] = []
    try:
        for target, payload in payloads.items():
            ensure_folder(target.parent)
            try:
                staged.append((_stage(target, payload), target))
            except OSError as e:
                raise WriteError(str(target), f"cannot be written: {e.strerror or e}") from None
        while staged:
            tmp, target = staged[0]
            try:
                os.replace(tmp, target)
            except OSError as e:
                raise WriteError(str(target), f"cannot be written: {e.strerror or e}") from None
            staged.pop(0)
    finally:
        for tmp, _ in staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return sum(len(p) for p in payloads.values())
