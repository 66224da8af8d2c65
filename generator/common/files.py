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
    """Write through a temporary file in the same folder and rename, so no half file is ever left."""
    import errno
    import os
    import tempfile

    path = Path(path)
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
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def default_file_mode() -> int:
    """0666 less the umask: what a plainly created file gets (a temporary file is 0600 until renamed)."""
    global _FILE_MODE
    if _FILE_MODE is None:
        mask = os.umask(0o022)
        os.umask(mask)
        _FILE_MODE = 0o666 & ~mask
    return _FILE_MODE


_FILE_MODE = None
