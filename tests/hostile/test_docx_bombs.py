"""ZIP packages that unpack to far more than they are: refused on their directory, before a byte is inflated.

Standards come in as .docx from registries, templates from colleagues, and anything may be put into the
output folder; each is checked with generator/common/archive_limits.py first.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from generator.common.archive_limits import ArchiveLimits, check_package
from generator.exceptions import SourceError
from hostile_lib import (assert_refused, docx_bomb, many_parts_docx, measured, progen, ratio_docx, snapshot)

BOMB = "it looks like a zip bomb"


@pytest.fixture(scope="session")
def gib_bomb(tmp_path_factory) -> Path:
    """3 MB of .docx whose word/document.xml inflates to 1 GiB."""
    path = tmp_path_factory.mktemp("bombs") / "bomb.docx"
    path.write_bytes(docx_bomb(1 << 30, filler=0))
    return path


def test_the_bomb_is_what_the_issue_describes(gib_bomb):
    with zipfile.ZipFile(gib_bomb) as archive:
        assert archive.getinfo("word/document.xml").file_size == 1 << 30
    assert 2_500_000 < gib_bomb.stat().st_size < 3_500_000


def test_import_refuses_a_3mb_bomb_naming_the_limit(gib_bomb, tmp_path):
    before = snapshot(tmp_path)
    line = assert_refused(progen("import", gib_bomb, "-o", tmp_path / "out.yaml"), "bomb.docx",
                          contains="over progen's limit of 32 MB for one part")
    assert "1024 MB" in line and BOMB in line
    assert snapshot(tmp_path) == before


def test_the_bomb_is_refused_in_bounded_time_and_memory(gib_bomb):
    result = measured(f"""
        from generator.ingest import import_standard
        from generator.exceptions import GeneratorError
        import docx, generator.ingest.docx_reader, generator.standard.store  # imports are not the refusal
        # -- measured
        try:
            import_standard(Path({str(gib_bomb)!r}))
        except GeneratorError as error:
            report(str(error))
        """)
    assert "over progen's limit of 32 MB" in result["message"], result
    assert result["rss_mb"] < 100, result  # the interpreter with python-docx loaded, and 3 MB of file
    assert result["traced_mb"] < 10, result  # the file's bytes; nothing inflated
    assert result["seconds"] < 5, result  # a generous ceiling; benchmarks/bench_hostile.py prints the time


def test_a_small_bomb_with_a_high_ratio_is_refused(tmp_path):
    path = tmp_path / "small.docx"
    path.write_bytes(ratio_docx(8 << 20))
    assert path.stat().st_size < 100_000
    assert_refused(progen("import", path), "small.docx", contains="over progen's limit of 200:1")


def test_a_package_of_too_many_parts_is_refused(tmp_path):
    path = tmp_path / "parts.docx"
    path.write_bytes(many_parts_docx(10_001))
    assert_refused(progen("import", path), "parts.docx", contains="over progen's limit of 10,000")


def test_a_package_that_unpacks_to_too_much_in_all_is_refused():
    data = docx_bomb(48 << 20)  # one part within 32 MB would pass; this one is over both
    with pytest.raises(SourceError, match="unpacks to"):
        check_package(data, "x.docx", ArchiveLimits(max_member_bytes=64 << 20, max_total_bytes=40 << 20, max_ratio=10_000))


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.docx"
    with open(path, "wb") as handle:
        handle.truncate(51 << 20)  # sparse
    assert_refused(progen("import", path), "huge.docx", contains="over progen's limit of 50 MB")


def test_a_huge_text_source_is_refused_too(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(51 << 20)
    assert_refused(progen("import", path), "huge.txt", contains="over progen's limit of 50 MB")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_as_a_source_is_refused(tmp_path):
    link = tmp_path / "zero.docx"
    link.symlink_to("/dev/zero")
    assert_refused(progen("import", link), "zero.docx", contains="is not a regular file")


def test_a_lying_directory_is_caught_by_the_checksum(tmp_path):
    """A part that declares 1 KB but holds 64 MB: zipfile stops at the declared size and the checksum fails."""
    data = bytearray(docx_bomb(64 << 20))
    info = zipfile.ZipFile(__import__("io").BytesIO(bytes(data))).getinfo("word/document.xml")
    central = data.rfind(b"PK\x01\x02")  # the last central directory entry: word/document.xml
    data[central + 24:central + 28] = (1024).to_bytes(4, "little")  # uncompressed size in the directory
    local = info.header_offset
    data[local + 22:local + 26] = (1024).to_bytes(4, "little")
    path = tmp_path / "liar.docx"
    path.write_bytes(bytes(data))
    assert_refused(progen("import", path), "liar.docx", contains="damaged")


def test_a_bomb_as_a_workspace_template_fails_its_targets_with_one_line(workspace, gib_bomb):
    (workspace / "templates" / "outline.docx").write_bytes(gib_bomb.read_bytes())
    result = progen("build", "-C", workspace, "--keep-going")
    assert result.exit_code == 1 and "Traceback" not in result.output
    failed = [line for line in result.output.splitlines() if "FAILED" in line]
    assert len(failed) == 2 and all("template outline.docx" in line and BOMB in line for line in failed), failed
    assert not list((workspace / "output").rglob("*outline*"))


def test_a_bomb_as_a_template_in_render_is_one_line(tmp_path, gib_bomb):
    from hostile_lib import SEED_YAML

    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "outline.docx").write_bytes(gib_bomb.read_bytes())
    result = progen("render", "--standard", SEED_YAML, "--card", "3412-0-003", "--kind", "outline",
                    "--workspace", tmp_path, "-o", tmp_path / "out")
    assert_refused(result, "template outline.docx", contains=BOMB)
    assert not list((tmp_path / "out").rglob("*.docx"))


def test_a_bomb_put_where_a_document_goes_is_kept_not_inflated(workspace, gib_bomb):
    """The build reads what stands in the output folder through the same limits (and keeps it)."""
    target = workspace / "output" / "3412-0-003" / "3412-0-003_outline_kk.docx"
    target.parent.mkdir(parents=True)
    target.write_bytes(gib_bomb.read_bytes())
    result = progen("build", "-C", workspace, "3412-0-003/outline")
    assert result.exit_code == 0, result.output
    backups = list(target.parent.glob("3412-0-003_outline_kk.docx.bak-*"))
    assert len(backups) == 1 and backups[0].read_bytes() == gib_bomb.read_bytes()
    assert "warning" in result.stderr and backups[0].name in result.stderr
