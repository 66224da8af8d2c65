"""The catalogue of hostile and careless inputs: what every case checks, and the bad files themselves.

A case runs a command as a user would (click's CliRunner, or a subprocess where memory and time are
measured) and checks: exit code 1 (or the code the case names), one line ``Error: <file>…`` naming the
file, no traceback, and nothing written or lost in the workspace (:func:`snapshot` before and after).
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
import textwrap
import zipfile
import zlib
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main

REPO = Path(__file__).resolve().parents[2]
SEED_YAML = REPO / "standard_data" / "M84120.kk.yaml"
SEED_TEXT = REPO / "standard_data" / "sources" / "M84120.kk.txt"
MB = 1 << 20


# -- running and checking -----------------------------------------------------------------------------
def progen(*args, cwd: Path | None = None):
    """``progen ARGS`` in-process; the current folder is ``cwd`` when given."""
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, [str(a) for a in args])
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return runner.invoke(main, [str(a) for a in args])
    finally:
        os.chdir(old)


def assert_refused(result, *names: str, code: int = 1, contains: str = "") -> str:
    """Exit ``code``, no exception but SystemExit, exactly one error line naming every one of ``names``."""
    assert result.exit_code == code, (result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, result.stderr
    line = errors[0]
    assert result.stderr.strip() == line, f"more than one line: {result.stderr!r}"
    for name in names:
        assert name in line, (name, line)
    assert contains in line, (contains, line)
    return line


def snapshot(root: Path) -> dict[str, str]:
    """Every file under ``root`` (relative path → sha256), to show that nothing was written or lost.

    The build's own bookkeeping is left out only where a case says so (see ``without``)."""
    files = {}
    for path in sorted(Path(root).rglob("*")):
        if path.is_file() and not path.is_symlink():
            files[path.relative_to(root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return files


def without(files: dict[str, str], *prefixes: str) -> dict[str, str]:
    return {name: digest for name, digest in files.items() if not name.startswith(prefixes)}


def measured(code: str, timeout: float = 120) -> dict:
    """Run ``code`` in a fresh interpreter; it ends by calling ``report(message)``. Returns the message,
    the seconds the operation took, the process's peak RSS (MB) and tracemalloc's peak (MB)."""
    prelude = textwrap.dedent("""\
        import json, resource, sys, time, tracemalloc
        from pathlib import Path
        tracemalloc.start()
        _started = time.perf_counter()
        def report(message):
            seconds = time.perf_counter() - _started
            traced = tracemalloc.get_traced_memory()[1] / 2**20
            try:  # this process's own peak: ru_maxrss may carry the forking parent's after exec
                rss = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM")) / 1024
            except (OSError, StopIteration):
                rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(json.dumps({"message": message, "seconds": seconds, "rss_mb": rss, "traced_mb": traced}))
        """)
    setup, _, body = textwrap.dedent(code).partition("# -- measured\n")
    script = setup + prelude + body  # imports happen before the clock and tracemalloc start
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=timeout, env=env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- YAML ------------------------------------------------------------------------------------------------
def alias_bomb(levels: int = 10, width: int = 10, prefix: str = "lol") -> str:
    """``width ** levels`` values in a few hundred bytes: each list repeats the one above it."""
    lines = [f"{prefix}0: &{prefix}0 [" + ", ".join(["lol"] * width) + "]"]
    for level in range(1, levels):
        lines.append(f"{prefix}{level}: &{prefix}{level} [" + ", ".join([f"*{prefix}{level - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def standard_alias_bomb() -> str:
    """A standard data file of about 3 KB: the first top-level keys of the seed, then an alias bomb of
    10 ** 12 values under keys the checking code would report one by one."""
    header = SEED_YAML.read_text("utf-8").split("cards:\n")[0]
    blocks: list[str] = []
    for line in header.splitlines(keepends=True):
        if line[:1].isalpha() or not blocks:
            blocks.append(line)
        else:
            blocks[-1] += line
    kept = ""
    for block in blocks:
        if len((kept + block).encode("utf-8")) > 2400:
            break
        kept += block
    return kept + alias_bomb(12, 10, "lol") + "cards: *lol11\n"


def deep_flow(depth: int) -> str:
    return "[" * depth + "]" * depth


def deep_block(depth: int) -> str:
    return "".join("  " * i + f"k{i}:\n" for i in range(depth)) + "  " * depth + "x: 1\n"


# -- ZIP packages -------------------------------------------------------------------------------------------
_CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                  b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                  b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                  b'<Default Extension="xml" ContentType="application/xml"/>'
                  b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                  b'officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         b'officeDocument" Target="word/document.xml"/></Relationships>')


def _raw_member(archive: zipfile.ZipFile, name: str, deflated: bytes, size: int, crc: int) -> None:
    """Add a member whose deflated bytes are already made (so a GiB is never held in memory)."""
    info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.file_size, info.compress_size, info.CRC = size, len(deflated), crc
    info.header_offset = archive.fp.tell()
    archive.fp.write(info.FileHeader(zip64=size >= zipfile.ZIP64_LIMIT))
    archive.fp.write(deflated)
    archive.filelist.append(info)
    archive.NameToInfo[name] = info
    archive.start_dir = archive.fp.tell()


def docx_bomb(unpacked: int = 1 << 30, filler: int = 0) -> bytes:
    """A .docx whose word/document.xml inflates to ``unpacked`` bytes of Word XML; ``filler`` bytes of
    random image data make the file as big as a real bomb (3 MB for 1 GiB with the default stream)."""
    chunk = (b"<w:p><w:r><w:t>lol</w:t></w:r></w:p>" * 30000)[:MB]
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    compressor.compress(chunk)
    compressor.flush(zlib.Z_FULL_FLUSH)
    piece = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)  # the same bytes every time
    count = unpacked // MB
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(chunk, crc)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        if filler:
            archive.writestr("word/media/image1.png", os.urandom(filler), compress_type=zipfile.ZIP_STORED)
        _raw_member(archive, "word/document.xml", piece * count + compressor.flush(), count * MB, crc)
    return buffer.getvalue()


def many_parts_docx(parts: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", b"<w:document/>")
        for index in range(parts):
            archive.writestr(f"customXml/item{index}.xml", b"")
    return buffer.getvalue()


def ratio_docx(unpacked: int = 8 * MB) -> bytes:
    """A small bomb: one part packed far beyond Word's usual 12:1 (under the per-part size limit)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", b"<w:document>" + b" " * unpacked + b"</w:document>")
    return buffer.getvalue()


def kinds_per_card(workspace) -> int:
    """How many documents programs.yaml makes of each card (its default kinds)."""
    from generator.workspace import Workspace

    return len(Workspace.load(workspace).manifest.defaults.kinds)
