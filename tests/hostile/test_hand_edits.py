"""Hand edits are never lost: not when the build record is gone, not when `progen render` writes into output/.

Every DOCX carries a hash of its own parts (generator/render/stamp.py); the build and render trust it
before the record, and what neither can vouch for is saved as <name>.bak-<timestamp> before it is replaced.
"""
from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import docx
import pytest

from generator.batch.record import RECORD_NAME
from generator.render.stamp import document_state, stamp_docx_bytes
from hostile_lib import SEED_YAML, kinds_per_card, progen

PROGRAM = "output/3412-0-003/3412-0-003_program_kk.docx"


def hand_edit(path: Path) -> bytes:
    document = docx.Document(str(path))
    document.add_paragraph("Әдіскердің қолмен қосқан түзетуі")
    document.save(str(path))
    return path.read_bytes()


@pytest.fixture
def built(workspace):
    result = progen("build", "-C", workspace)
    assert result.exit_code == 0, result.output
    return workspace


def backups(path: Path) -> list[Path]:
    return sorted(path.parent.glob(path.name + ".bak-*"))


@pytest.mark.parametrize("damage", ["deleted", "corrupt", "empty", "another format"])
def test_a_hand_edit_survives_a_lost_or_broken_record(built, damage):
    edited = built / PROGRAM
    content = hand_edit(edited)
    record = built / "output" / RECORD_NAME
    if damage == "deleted":
        record.unlink()
    else:
        record.write_text({"corrupt": '{"targets": {', "empty": "", "another format": '{"format": 99}'}[damage],
                          "utf-8")
    result = progen("build", "-C", built)
    assert result.exit_code == 0, result.output
    assert edited.read_bytes() == content  # not overwritten
    assert f"kept  {PROGRAM}" in result.stderr and "edited by hand" in result.stderr
    assert f"{2 * kinds_per_card(built) - 1} built" in result.output and "1 kept" in result.output
    again = progen("build", "-C", built)  # and the next build still keeps it
    assert edited.read_bytes() == content and "1 kept" in again.output


def test_deleting_the_record_and_forcing_keeps_a_copy_and_warns(built):
    edited = built / PROGRAM
    content = hand_edit(edited)
    (built / "output" / RECORD_NAME).unlink()
    result = progen("build", "-C", built, "--force")
    assert result.exit_code == 0, result.output
    (copy,) = backups(edited)
    assert copy.read_bytes() == content
    assert f"warning: the previous file (edited by hand?) was saved as {copy.name}" in result.stderr
    assert document_state(edited) == "generated"


def test_an_output_folder_copied_without_hidden_files_keeps_its_hand_edits(built, tmp_path):
    content = hand_edit(built / PROGRAM)
    copy = tmp_path / "copy"
    shutil.copytree(built, copy, ignore=shutil.ignore_patterns(".*"))
    assert not (copy / "output" / RECORD_NAME).exists()
    result = progen("build", "-C", copy)
    assert result.exit_code == 0 and (copy / PROGRAM).read_bytes() == content


def test_untouched_documents_are_rebuilt_without_copies_when_the_record_is_lost(built):
    (built / "output" / RECORD_NAME).unlink()
    result = progen("build", "-C", built)
    assert f"{2 * kinds_per_card(built)} built" in result.output and "kept" not in result.output + result.stderr
    assert not list((built / "output").rglob("*.bak-*"))


def test_an_unstamped_document_unknown_to_the_record_is_copied_before_it_is_replaced(built):
    """A document of a progen before stamps (or another program's file): no way to tell, so keep a copy."""
    target = built / PROGRAM
    with zipfile.ZipFile(target) as archive:
        parts = {name: archive.read(name) for name in archive.namelist() if name != "docProps/custom.xml"}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    target.write_bytes(buffer.getvalue())
    assert document_state(target) == "foreign"
    (built / "output" / RECORD_NAME).unlink()
    result = progen("build", "-C", built)
    (copy,) = backups(target)
    assert copy.read_bytes() == buffer.getvalue() and copy.name in result.stderr


def test_markdown_with_the_record_lost_is_copied_only_when_it_differs(workspace):
    (workspace / "programs.yaml").write_text("defaults:\n  kinds: [markdown]\n", "utf-8")
    assert progen("build", "-C", workspace).exit_code == 0
    markdown = workspace / "output/3412-0-003/3412-0-003_program_kk.md"
    (workspace / "output" / RECORD_NAME).unlink()
    assert progen("build", "-C", workspace).exit_code == 0
    assert not backups(markdown)  # the same bytes again: nothing to keep
    markdown.write_text(markdown.read_text("utf-8") + "\nҚолмен жазылған ескерту\n", "utf-8")
    edited = markdown.read_bytes()
    (workspace / "output" / RECORD_NAME).unlink()
    result = progen("build", "-C", workspace)
    (copy,) = backups(markdown)
    assert copy.read_bytes() == edited and copy.name in result.stderr


# -- render and build agree -------------------------------------------------------------------------------
def test_a_document_render_wrote_into_output_is_not_taken_for_a_hand_edit(built):
    result = progen("render", "--standard", "standard_data/M84120.kk.yaml", "--card", "3412-0-003",
                    "--kind", "program", cwd=built)
    assert result.exit_code == 0, result.output
    assert not backups(built / PROGRAM)  # render replaced the build's untouched document: no copy
    build = progen("build", "-C", built)
    assert build.exit_code == 0, build.output
    assert "kept" not in build.output + build.stderr and not backups(built / PROGRAM)


def test_render_for_selected_skills_never_overwrites_the_full_outline(built):
    full = built / "output/3412-0-003/3412-0-003_outline_kk.docx"
    before = full.read_bytes()
    result = progen("render", "--standard", "standard_data/M84120.kk.yaml", "--card", "3412-0-003",
                    "--kind", "outline", "--skills", "F2", "--hours", "16", cwd=built)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().endswith("3412-0-003_F2_16h_outline_kk.docx")  # a design warning goes to stderr
    assert full.read_bytes() == before
    other = progen("render", "--standard", "standard_data/M84120.kk.yaml", "--card", "3412-0-003",
                   "--kind", "outline", "--hours", "36", cwd=built)
    assert other.stdout.strip().endswith("3412-0-003_36h_outline_kk.docx") and full.read_bytes() == before


def test_render_keeps_a_copy_of_a_hand_edited_document_it_replaces(tmp_path):
    args = ["render", "--standard", SEED_YAML, "--card", "3412-0-003", "--kind", "outline", "-o", tmp_path / "out",
            "--workspace", tmp_path]
    assert progen(*args).exit_code == 0
    document = tmp_path / "out/3412-0-003/3412-0-003_outline_kk.docx"
    assert progen(*args).exit_code == 0 and not backups(document)  # untouched: replaced without a copy
    content = hand_edit(document)
    result = progen(*args)
    assert result.exit_code == 0
    (copy,) = backups(document)
    assert copy.read_bytes() == content
    assert f"warning: {document} was edited by hand or is not progen's; saved it as {copy.name}" in result.stderr


def test_render_takes_the_workspace_defaults_like_build(built):
    (built / "programs.yaml").write_text("defaults:\n  provider:\n    name: Алматы ЖРО\n    city: Алматы\n", "utf-8")
    assert progen("build", "-C", built).exit_code == 0
    result = progen("render", "--standard", "standard_data/M84120.kk.yaml", "--card", "3412-0-003",
                    "--kind", "program", cwd=built)
    assert result.exit_code == 0
    text = "\n".join(p.text for p in docx.Document(str(built / PROGRAM)).paragraphs)
    assert "Алматы ЖРО" in text


# -- the stamp itself -----------------------------------------------------------------------------------------
def test_both_ways_of_stamping_agree_and_a_resave_counts_as_an_edit(built, tmp_path):
    path = built / PROGRAM
    assert document_state(path) == "generated"
    copy = tmp_path / "restamped.docx"
    copy.write_bytes(stamp_docx_bytes(path.read_bytes()))
    assert document_state(copy) == "generated"
    resaved = tmp_path / "resaved.docx"
    docx.Document(str(path)).save(str(resaved))  # opened and saved without a change: not ours any more
    assert document_state(resaved) == "edited"
    (tmp_path / "text.docx").write_text("not a package", "utf-8")
    assert document_state(tmp_path / "text.docx") == "unreadable"


def test_a_template_s_own_custom_properties_are_kept(tmp_path):
    from generator.render.stamp import custom_properties_xml

    theirs = ('<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Department">'
              "<vt:lpwstr>ЖРО</vt:lpwstr></property><property ").encode("utf-8")
    old = custom_properties_xml("sha256:old").replace(b"<property ", theirs, 1)
    new = custom_properties_xml("sha256:new", old).decode("utf-8")
    assert 'name="Department"' in new and "ЖРО" in new and "sha256:new" in new and "sha256:old" not in new
    assert new.count('pid="2"') == 1 and 'pid="3"' in new


def test_importing_again_keeps_a_copy_of_a_standard_reviewed_by_hand(tmp_path):
    from hostile_lib import SEED_TEXT

    target = tmp_path / "M84120.kk.yaml"
    assert progen("import", SEED_TEXT, "-o", target).exit_code == 0
    assert progen("import", SEED_TEXT, "-o", target).exit_code == 0
    assert not backups(target)  # the same data again: nothing to keep
    reviewed = target.read_text("utf-8").replace("Жастармен жұмыс жөніндегі маман", "Жастармен жұмыс маманы", 1)
    target.write_text(reviewed, "utf-8")
    result = progen("import", SEED_TEXT, "-o", target)
    (copy,) = backups(target)
    assert copy.read_text("utf-8") == reviewed and copy.name in result.stderr
