"""Make-style behaviour of `generator.batch.build` on a workspace made by `progen init`.

These use real design and phrasing and a fast stand-in render (`fakes.FakeRender`) whose "templates"
are text files, so a test can change one; `test_build_real.py` runs the real render end to end.
"""
from __future__ import annotations

import json
import logging

import docx
import pytest

import generator
from fakes import FakeRender
from generator.batch import build
from generator.batch.record import JOURNAL_NAME, RECORD_NAME
from generator.exceptions import BuildError
from generator.standard.store import load_standard, save_standard

CARDS = ("1210-0-020", "3412-0-003")
KINDS = ("program", "outline", "assessment", "guide")


def keys(results):
    return sorted(r.key for r in results)


def outputs(workspace):
    return sorted(p.relative_to(workspace).as_posix() for p in (workspace / "output").rglob("*.docx"))


def stamps(workspace):
    return {p: p.stat().st_mtime_ns for p in (workspace / "output").rglob("*") if p.is_file()}


@pytest.fixture
def pipe():
    return FakeRender()


@pytest.fixture
def built(workspace, pipe):
    report = build(workspace, _pipeline=pipe)
    assert report.ok and len(report.built) == 8
    return workspace


def test_first_build_makes_every_card_times_every_kind(workspace, pipe):
    report = build(workspace, _pipeline=pipe)
    expected = sorted(f"output/{c}/{c}_{k}_kk.docx" for c in CARDS for k in KINDS)
    assert keys(report.built) == expected
    assert outputs(workspace) == expected
    assert {r.reason for r in report.built} == {"new"}
    for key in expected:
        text = "\n".join(p.text for p in docx.Document(workspace / key).paragraphs)
        assert "template v1" in text
    assert report.summary().startswith("8 built, 0 up to date, 0 failed")


def test_second_build_rewrites_nothing(built, pipe):
    before = stamps(built)
    report = build(built, _pipeline=pipe)
    assert [(r.status, r.reason) for r in report.results] == [("up-to-date", "")] * 8
    assert stamps(built) == before  # neither an output nor the record was written


def test_changing_one_template_rebuilds_only_its_targets(built, pipe):
    (built / "templates" / "outline.kk.txt").write_text("outline template v2", "utf-8")
    report = build(built, _pipeline=pipe)
    assert keys(report.built) == [f"output/{c}/{c}_outline_kk.docx" for c in CARDS]
    assert {r.reason for r in report.built} == {"changed: templates"}
    assert len(report.up_to_date) == 6
    text = "\n".join(p.text for p in docx.Document(built / report.built[0].key).paragraphs)
    assert "outline template v2" in text
    (built / "templates" / "outline.kk.txt").unlink()  # removing the override goes back to the built-in
    assert len(build(built, _pipeline=pipe).built) == 2


def _edit_standard(workspace, change):
    path = workspace / "standard_data" / "M84120.kk.yaml"
    standard = load_standard(path)
    change(standard)
    save_standard(standard, path)


def test_editing_one_cards_item_rebuilds_only_that_card(built, pipe):
    def change(standard):
        item = standard.card("3412-0-003").functions[1].skills[0].abilities[0]
        item.text = item.text + " (өңделген)"

    _edit_standard(built, change)
    report = build(built, _pipeline=pipe)
    assert keys(report.built) == sorted(f"output/3412-0-003/3412-0-003_{k}_kk.docx" for k in KINDS)
    assert {r.reason for r in report.built} == {"changed: standard"}


def test_standard_fields_no_program_uses_rebuild_nothing(built, pipe):
    def change(standard):
        standard.technical.state_body = "Басқа министрлік"
        standard.review_date = "2030-01-01"

    _edit_standard(built, change)
    assert not build(built, _pipeline=pipe).built


def test_standard_title_rebuilds_everything(built, pipe):
    def change(standard):
        standard.title = standard.title + " (жаңа редакция)"

    _edit_standard(built, change)
    assert len(build(built, _pipeline=pipe).built) == 8


def test_phrasing_override_rebuilds_only_what_it_affects(built, pipe):
    item = "3412-0-003/F2/S1/A1"
    (built / "phrasing").mkdir()
    (built / "phrasing" / "overrides.yaml").write_text(f'"{item}": қолмен жазылған нәтиже алады\n', "utf-8")
    report = build(built, _pipeline=pipe)
    assert keys(report.built) == sorted(f"output/3412-0-003/3412-0-003_{k}_kk.docx" for k in KINDS)
    assert {r.reason for r in report.built} == {"changed: phrasing"}
    text = "\n".join(p.text for p in docx.Document(built / "output/3412-0-003/3412-0-003_program_kk.docx").paragraphs)
    assert "қолмен жазылған нәтиже алады" in text
    # another override of the same card: again that card only; an override of nothing known: nothing
    (built / "phrasing" / "overrides.yaml").write_text(
        f'"{item}": қолмен жазылған нәтиже алады\n"9999-9-999/F1/S1/A1": ешкімге әсер етпейді\n', "utf-8")
    assert not build(built, _pipeline=pipe).built


def test_phrasing_lexicon_and_design_rules_rebuild_everything(built, pipe):
    (built / "design.yaml").write_text("hours:\n  min_module_hours: 3\n", "utf-8")
    report = build(built, _pipeline=pipe)
    assert len(report.built) == 8 and {r.reason for r in report.built} == {"changed: design"}


def test_an_activity_change_rebuilds_the_kinds_made_from_session_plans_only(built, pipe):
    (built / "activities").mkdir()
    (built / "activities" / "centre.yaml").write_text(
        "changes:\n  - id: practice.case_study\n    minutes: {max: 90}\n", "utf-8")
    report = build(built, _pipeline=pipe)
    assert keys(report.built) == sorted(f"output/{c}/{c}_{k}_kk.docx" for c in CARDS
                                        for k in ("program", "outline", "guide"))
    assert {r.reason for r in report.built} == {"changed: design"}  # not the assessment sheets
    (built / "feedback.yaml").write_text("kk:\n  closing: Рахмет!\n", "utf-8")
    assert keys(build(built, _pipeline=pipe).built) == sorted(f"output/{c}/{c}_{k}_kk.docx" for c in CARDS
                                                              for k in ("program", "outline", "guide"))


def test_spec_change_in_the_manifest_rebuilds_that_card(built, pipe):
    manifest = built / "programs.yaml"
    manifest.write_text(manifest.read_text("utf-8") + "targets:\n  - card: 3412-0-003\n    hours: 80\n"
                        "  - card: 1210-0-020\n", "utf-8")
    report = build(built, _pipeline=pipe)
    assert keys(report.built) == sorted(f"output/3412-0-003/3412-0-003_{k}_kk.docx" for k in KINDS)
    assert {r.reason for r in report.built} == {"changed: spec"}


def test_new_generator_version_rebuilds_everything(built, pipe, monkeypatch):
    monkeypatch.setattr(generator, "__version__", "99.0")
    report = build(built, _pipeline=pipe)
    assert len(report.built) == 8 and {r.reason for r in report.built} == {"changed: version"}


def test_missing_output_is_rebuilt(built, pipe):
    (built / "output/1210-0-020/1210-0-020_outline_kk.docx").unlink()
    report = build(built, _pipeline=pipe)
    assert [(r.key, r.reason) for r in report.built] == [("output/1210-0-020/1210-0-020_outline_kk.docx",
                                                          "output missing")]


def _hand_edit(path):
    document = docx.Document(path)
    document.add_paragraph("Әдіскердің қолмен қосқан түзетуі")
    document.save(path)


def test_hand_edited_output_is_kept_and_reported(built, pipe):
    edited = built / "output/3412-0-003/3412-0-003_program_kk.docx"
    _hand_edit(edited)
    content = edited.read_bytes()
    (built / "templates" / "program.kk.txt").write_text("program template v2", "utf-8")
    report = build(built, _pipeline=pipe)
    assert keys(report.kept) == ["output/3412-0-003/3412-0-003_program_kk.docx"]
    assert "edited by hand" in report.kept[0].reason and "templates" in report.kept[0].reason
    assert keys(report.built) == ["output/1210-0-020/1210-0-020_program_kk.docx"]
    assert edited.read_bytes() == content
    assert report.ok  # kept is not a failure
    # still kept next time, even with unchanged inputs
    assert keys(build(built, _pipeline=pipe).kept) == ["output/3412-0-003/3412-0-003_program_kk.docx"]


def test_force_backs_up_a_hand_edited_output_then_rebuilds(built, pipe):
    edited = built / "output/3412-0-003/3412-0-003_program_kk.docx"
    _hand_edit(edited)
    content = edited.read_bytes()
    report = build(built, force=True, _pipeline=pipe)
    assert len(report.built) == 8 and {r.reason for r in report.built} == {"forced"}
    backups = list(edited.parent.glob("3412-0-003_program_kk.docx.bak-*"))
    assert len(backups) == 1 and backups[0].read_bytes() == content
    assert [r.backup for r in report.built if r.backup] == [backups[0].name]
    assert edited.read_bytes() != content
    assert len(build(built, _pipeline=pipe).up_to_date) == 8


def test_corrupt_or_missing_record_rebuilds_everything(built, pipe, caplog):
    (built / "output" / RECORD_NAME).write_text("{not json", "utf-8")
    with caplog.at_level(logging.DEBUG, logger="generator.batch"):
        report = build(built, _pipeline=pipe)
    assert len(report.built) == 8 and {r.reason for r in report.built} == {"not in the build record"}
    assert "unreadable" in caplog.text
    json.loads((built / "output" / RECORD_NAME).read_text("utf-8"))
    (built / "output" / RECORD_NAME).unlink()
    assert len(build(built, _pipeline=pipe).built) == 8


def test_targets_removed_from_the_manifest_are_reported_and_cleaned(built, pipe):
    manifest = built / "programs.yaml"
    manifest.write_text(manifest.read_text("utf-8") + "targets:\n  - card: 3412-0-003\n", "utf-8")
    report = build(built, _pipeline=pipe)
    assert report.removed == sorted(f"output/1210-0-020/1210-0-020_{k}_kk.docx" for k in KINDS)
    assert not report.cleaned and (built / report.removed[0]).exists()
    report = build(built, clean=True, _pipeline=pipe)
    assert report.cleaned == report.removed and not (built / report.removed[0]).exists()
    assert not (built / "output/1210-0-020").exists()  # the emptied card folder goes too
    assert build(built, _pipeline=pipe).removed == []


def test_dry_run_writes_nothing(workspace, pipe):
    report = build(workspace, dry_run=True, _pipeline=pipe)
    assert len(report.having("would-build")) == 8
    assert list((workspace / "output").iterdir()) == []
    assert "8 would be built" in report.summary()


def test_stops_at_first_failure_unless_keep_going(workspace):
    report = build(workspace, _pipeline=FakeRender(fail_cards=("1210-0-020",)))
    assert not report.ok
    assert len(report.failed) == 4 and "failed on purpose" in report.failed[0].message
    assert len(report.having("skipped")) == 4 and not report.built
    report = build(workspace, keep_going=True, _pipeline=FakeRender(fail_cards=("1210-0-020",)))
    assert len(report.failed) == 4 and len(report.built) == 4
    assert not list((workspace / "output").rglob("*progen-tmp*"))


def test_parallel_build_equals_serial(workspace, pipe, tmp_path):
    report = build(workspace, jobs=2, _pipeline=pipe)
    assert len(report.built) == 8 and report.ok
    assert len(build(workspace, jobs=2, _pipeline=pipe).up_to_date) == 8
    (workspace / "templates" / "assessment.kk.txt").write_text("v2", "utf-8")
    assert len(build(workspace, jobs=2, _pipeline=pipe).built) == 2


def test_a_parallel_build_scans_a_new_standard_in_its_processes(workspace, pipe, monkeypatch):
    """-j 2: a new standard's cards are parsed on two processes too (every file counts as big here); the
    index and the workers' slices are those of a serial build."""
    from generator.batch import standard_scan

    used = []
    original = standard_scan._in_processes
    monkeypatch.setattr(standard_scan, "PARALLEL_FROM", 0)
    monkeypatch.setattr(standard_scan, "BATCH", 1)
    monkeypatch.setattr(standard_scan, "_in_processes", lambda *args: used.append(args[2]) or original(*args))
    assert len(build(workspace, jobs=2, _pipeline=pipe).built) == 8 and used == [2]
    parallel = json.loads((workspace / "output" / RECORD_NAME).read_text("utf-8"))["standards"]
    slices = {p.name: p.read_bytes() for p in (workspace / "output").rglob("*.json") if p.parent.name != "output"}
    (workspace / "output" / RECORD_NAME).unlink()
    for path in (workspace / "output").rglob("*.json"):
        if path.parent.name != "output":
            path.unlink()
    assert len(build(workspace, jobs=1, force=True, _pipeline=pipe).built) == 8 and used == [2]
    assert json.loads((workspace / "output" / RECORD_NAME).read_text("utf-8"))["standards"] == parallel
    assert {p.name: p.read_bytes() for p in (workspace / "output").rglob("*.json") if p.parent.name != "output"} \
        == slices and len(slices) == 2


def test_selected_targets(built, pipe):
    report = build(built, targets=["3412-0-003/program", "1210-0-020"], force=True, _pipeline=pipe)
    assert keys(report.built) == sorted(["output/3412-0-003/3412-0-003_program_kk.docx"]
                                        + [f"output/1210-0-020/1210-0-020_{k}_kk.docx" for k in KINDS])
    assert len(build(built, targets=["outline"], force=True, _pipeline=pipe).built) == 2
    assert len(build(built, targets=["output/*/*_assessment_kk.docx"], force=True, _pipeline=pipe).built) == 2
    with pytest.raises(BuildError, match="no target matches '9999-0-000'"):
        build(built, targets=["9999-0-000"], _pipeline=pipe)


def test_a_second_build_at_the_same_time_is_refused(built, pipe, monkeypatch):
    from generator.batch import outputs
    from generator.batch.outputs import OutputLock

    monkeypatch.setattr(outputs, "LOCK_WAIT", 0.1)
    with OutputLock(built / "output"):
        with pytest.raises(BuildError, match="another progen build is running"):
            build(built, _pipeline=pipe)


def test_leftovers_of_a_killed_build_are_removed(built, pipe):
    leftover = built / "output/3412-0-003/.3412-0-003_program_kk.docx.123-abcd.progen-tmp"
    leftover.write_bytes(b"PK\x03\x04 half a zip")
    build(built, _pipeline=pipe)
    assert not leftover.exists()


def test_journal_of_a_killed_build_is_not_mistaken_for_a_hand_edit(built, pipe):
    """Killed after the journal line and the rename, before the record was saved."""
    from generator.batch.hashing import sha256_file

    target = built / "output/3412-0-003/3412-0-003_outline_kk.docx"
    record_path = built / "output" / RECORD_NAME
    record = json.loads(record_path.read_text("utf-8"))
    entry = record["targets"]["output/3412-0-003/3412-0-003_outline_kk.docx"]
    _hand_edit(target)  # stands for the new bytes the killed build renamed into place
    line = {"key": "output/3412-0-003/3412-0-003_outline_kk.docx",
            "entry": dict(entry, output=sha256_file(target), size=None, mtime_ns=None)}
    (built / "output" / JOURNAL_NAME).write_text(json.dumps(line) + "\n" + '{"key": "torn', "utf-8")
    report = build(built, _pipeline=pipe)
    assert len(report.up_to_date) == 8 and not report.kept
    assert not (built / "output" / JOURNAL_NAME).exists()


def test_a_dying_worker_fails_its_targets_not_the_build(workspace):
    report = build(workspace, jobs=2, keep_going=True, _pipeline=FakeRender(crash_cards=("1210-0-020",)))
    assert not report.ok
    assert {r.card for r in report.failed} >= {"1210-0-020"}
    assert all("worker process died" in r.message for r in report.failed)
    assert build(workspace, jobs=2, _pipeline=FakeRender()).ok
    assert not list((workspace / "output").rglob("*progen-tmp*"))


def test_an_output_that_cannot_be_put_in_place_fails_that_target(workspace, pipe):
    (workspace / "output/3412-0-003/3412-0-003_outline_kk.docx").mkdir(parents=True)
    report = build(workspace, keep_going=True, _pipeline=pipe)
    assert [r.key for r in report.failed] == ["output/3412-0-003/3412-0-003_outline_kk.docx"]
    assert "cannot put the output in place" in report.failed[0].message
    assert len(report.built) == 7


def test_documents_get_ordinary_permissions(built):
    import os
    import stat

    mask = os.umask(0o022)
    os.umask(mask)
    for path in (built / "output").rglob("*.docx"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask
    assert stat.S_IMODE((built / "programs.yaml").stat().st_mode) == 0o666 & ~mask


def test_journal_line_without_its_rename_leaves_the_old_output_valid(built, pipe):
    """Killed after the journal line, before the rename: the old bytes are still the recorded ones."""
    key = "output/1210-0-020/1210-0-020_program_kk.docx"
    record = json.loads((built / "output" / RECORD_NAME).read_text("utf-8"))
    line = {"key": key, "entry": dict(record["targets"][key], output="0" * 64, size=None, mtime_ns=None)}
    (built / "output" / JOURNAL_NAME).write_text(json.dumps(line) + "\n", "utf-8")
    report = build(built, _pipeline=pipe)
    assert len(report.up_to_date) == 8 and not report.kept
    assert json.loads((built / "output" / RECORD_NAME).read_text("utf-8"))["pending"] == {}


@pytest.mark.parametrize("jobs", [1, 2])
def test_interrupted_build_keeps_what_it_finished(workspace, pipe, jobs):
    """Ctrl-C after two documents: those stay built and recorded; the next build does the rest."""
    def progress(done, total, key):
        if done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build(workspace, jobs=jobs, progress=progress, _pipeline=pipe)
    report = build(workspace, jobs=jobs, _pipeline=pipe)
    assert not report.kept and report.ok
    assert len(report.up_to_date) >= 2 and len(report.built) + len(report.up_to_date) == 8
    assert not list((workspace / "output").rglob("*progen-tmp*"))
