"""File names Windows accepts, and atomic writes: no reader ever sees half a file, and an interrupted write
leaves none."""
from __future__ import annotations

import os
import re
from pathlib import Path

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def safe_filename_part(text: str) -> str:
    """A piece of a file name that Windows accepts: no <>:"/\\|?* or control characters, no trailing
    dots or spaces, not a reserved device name."""
    cleaned = _UNSAFE.sub("_", str(text)).strip().rstrip(". ")
    if not cleaned:
        cleaned = "_"
    if cleaned.split(".")[0].upper() in _RESERVED:
        cleaned = "_" + cleaned
    return cleaned


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write through a temporary file in the same folder and rename, so no half file is ever left.

    The file gets the permissions of the one it replaces, or those of a plainly created file (0666 less
    the umask): a temporary file is private (0600), and colleagues on a shared folder must read the result.
    """
    import errno
    import stat
    import tempfile

    path = Path(path)
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mode = default_file_mode()
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError as error:  # a file stands where a folder is needed: say that, not "File exists"
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path.parent)) from error
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def default_file_mode() -> int:
    """0666 less the umask: what a plainly created file gets (a temporary file is 0600 until renamed).

    Read each time (a long-lived process may change its umask); from /proc where Linux offers it, since
    setting the umask to read it is visible to other threads for a moment.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


TEMP_MARK = ".progen-tmp"  # in the name of every temporary output; a build removes what a killed one left


def temp_for(path: Path, suffix: str = "") -> Path:
    """A temporary file name next to ``path`` (hidden, unique, marked with ``TEMP_MARK``)."""
    return path.with_name(f".{path.name}.{os.getpid()}-{os.urandom(4).hex()}{TEMP_MARK}{suffix}")


def backup_copy(path: Path) -> Path:
    """``name.docx.bak-<timestamp>`` next to it: a hard link (instant, atomic) or a copy."""
    import shutil
    import time

    stamp = time.strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.name}.bak-{stamp}")
    number = 1
    while backup.exists():
        backup = path.with_name(f"{path.name}.bak-{stamp}-{number}")
        number += 1
    try:
        os.link(path, backup)
    except OSError:
        shutil.copy2(path, backup)
    return backup


def unwritable_reason(path: Path, root: Path) -> str:
    """Why a file cannot be written at ``path`` — a folder stands there, or a file stands where one of its
    folders (up to ``root``) should be — or "" when nothing is in the way."""
    def shown(place: Path) -> str:
        try:
            return place.relative_to(root).as_posix()
        except ValueError:
            return str(place)

    if path.is_dir():
        return f"{shown(path)} is a folder; move it away"
    for folder in path.parents:
        if folder.exists() and not folder.is_dir():
            return f"{shown(folder)} is a file where a folder should be; move it away"
        if folder == root or folder == folder.parent:
            break
    return ""
