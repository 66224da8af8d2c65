"""programs.yaml: defaults, targets, and bad manifests that must stop a build before it writes anything."""
from __future__ import annotations

import os
import textwrap

import pytest

from fakes import FakeRender
from generator.batch import build
from generator.workspace import Workspace
from generator.exceptions import BuildError, GeneratorError, SpecError


def write_manifest(workspace, text):
    (workspace / "programs.yaml").write_text(textwrap.dedent(text), "utf-8")


def nothing_written(workspace):
    return not [p for p in (workspace / "output").rglob("*") if p.is_file()]


def test_the_scaffolded_manifest_loads_with_its_defaults(workspace):
    manifest = Workspace.load(workspace).manifest
    assert manifest.output == "output"
    assert manifest.defaults.kinds == ["program", "outline", "assessment", "guide"]
    assert manifest.defaults.languages == ["kk", "ru"]
    assert manifest.defaults.hours_by_level["5"] == 72
    assert manifest.defaults.provider.name == "Жастар ресурстық орталығы"
    assert manifest.targets is None


def test_no_manifest_means_every_card_and_kind(workspace):
    (workspace / "programs.yaml").unlink()
    report = build(workspace, dry_run=True, _pipeline=FakeRender())
    assert len(report.results) == 8  # 2 cards × the default kinds: program, outline, assessment, guide


def test_targets_with_their_own_settings(workspace):
    write_manifest(workspace, """\
        defaults:
          kinds: [program]
          hours_by_level: {"5": 80}
        targets:
          - card: 3412-0-003
          - card: 3412-0-003
            skills: [F2]
            hours: 16
            kinds: [outline]
            folder: short
          - card: 1210-0-020
            standard: M84120
            kinds: [assessment]
        """)
    report = build(workspace, _pipeline=FakeRender())
    assert sorted(r.key for r in report.built) == [
        "output/1210-0-020/1210-0-020_assessment_kk.docx",
        "output/3412-0-003/3412-0-003_program_kk.docx",
        "output/short/3412-0-003/3412-0-003_F2_16h_outline_kk.docx",  # a selection is named as render names it
    ]
    import json

    record = json.loads((workspace / "output/.progen-build.json").read_text("utf-8"))
    assert record["targets"]["output/3412-0-003/3412-0-003_program_kk.docx"]["inputs"]["spec"]
    # hours_by_level applies to full-card programs only: change it and only that target rebuilds
    text = (workspace / "programs.yaml").read_text("utf-8").replace('{"5": 80}', '{"5": 90}')
    (workspace / "programs.yaml").write_text(text, "utf-8")
    assert [r.key for r in build(workspace, _pipeline=FakeRender()).built] == [
        "output/3412-0-003/3412-0-003_program_kk.docx"]


@pytest.mark.parametrize("manifest, message", [
    ("targets:\n  - card: 9999-0-000\n",
     r"programs.yaml:2: targets\[0\].card: unknown card '9999-0-000'; valid cards: 1210-0-020, 3412-0-003"),
    ("targets:\n  - card: 3412-0-003\n    kinds: [program, poster]\n",
     r"programs.yaml:3: targets\[0\].kinds\[1\]: unknown document kind 'poster'; valid kinds: program, outline"),
    ("defaults:\n  kinds: [syllabus]\n",
     r"programs.yaml:2: defaults.kinds\[0\]: unknown document kind 'syllabus'"),
    ("targets:\n  - card: 3412-0-003\n  - card: 3412-0-003\n    hours: 20\n",
     r"programs.yaml:\d: targets\[1\]: writes output/3412-0-003/3412-0-003_program_kk.docx, which "
     r"targets\[0\] \(line 2\) also writes; give one of them another 'folder'"),
    ("output: ../elsewhere\n",
     r"programs.yaml:1: output: '../elsewhere' is outside the workspace"),
    ("output: /tmp/progen-absolute-output\n",
     r"programs.yaml:1: output: '/tmp/progen-absolute-output' is outside the workspace"),
    ("targets:\n  - card: 3412-0-003\n    folder: ../../x\n",
     r"programs.yaml:3: targets\[0\].folder: '../../x' is outside the output folder"),
    ("defaults:\n  format: очный\n",
     r"card 1210-0-020: format: 'очный' is not one of күндізгі, онлайн, аралас"),
    ("targets:\n  - card: 3412-0-003\n    format: очный\n",
     r"programs.yaml:2: targets\[0\]: format: 'очный' is not one of күндізгі, онлайн, аралас"),
    ("targets:\n  - card: 3412-0-003\n    standard: ../../M84120.kk.yaml\n",
     r"programs.yaml:3: targets\[0\].standard: '../../M84120.kk.yaml' is outside the workspace"),
    ("targets:\n  - card: 3412-0-003\n    standard: X999\n",
     r"programs.yaml:3: targets\[0\].standard: no standard 'X999' in standard_data/; standards: М84120"),
    ("targets:\n  - card: 3412-0-003\n    skills: [F9]\n",
     r"programs.yaml:3: targets\[0\].skills: unknown skill or function 'F9' for card 3412-0-003"),
    ("targets:\n  - card: 3412-0-003\n    hours: -5\n",
     r"programs.yaml:2: targets\[0\]: hours: must be a positive number"),
    ("targets:\n  - crad: 3412-0-003\n",
     r"programs.yaml:2: targets\[0\].crad: unknown key 'crad' \(did you mean 'card'\?\)"),
    ("defaults:\n  languages: [en]\n",
     r"programs.yaml:2: defaults.languages\[0\]: unknown language 'en'"),
    ("output: output\ntargets: !!python/object/apply:os.system [echo hacked]\n",
     r"tag .* is not allowed"),
    ("- just\n- a list\n",
     r"the top level must be a mapping"),
])
def test_bad_manifests_stop_before_anything_is_written(workspace, manifest, message):
    write_manifest(workspace, manifest)
    with pytest.raises(SpecError, match=message):
        build(workspace, _pipeline=FakeRender())
    assert nothing_written(workspace)


def test_every_problem_is_reported_at_once(workspace):
    write_manifest(workspace, """\
        targets:
          - card: 9999-0-000
          - card: 3412-0-003
            skills: [F9]
          - card: 3412-0-003
            kinds: [poster, program, leaflet]
        """)
    with pytest.raises(SpecError) as error:  # checks that need no standard come first
        build(workspace, _pipeline=FakeRender())
    assert "'poster'" in str(error.value) and "'leaflet'" in str(error.value)
    write_manifest(workspace, """\
        targets:
          - card: 9999-0-000
          - card: 3412-0-003
            skills: [F9]
        """)
    with pytest.raises(SpecError) as error:
        build(workspace, _pipeline=FakeRender())
    assert "unknown card '9999-0-000'" in str(error.value) and "'F9'" in str(error.value)


def test_an_output_folder_that_is_not_writable(workspace):
    (workspace / "output").rmdir()
    (workspace / "output").write_text("a file where the output folder should be", "utf-8")
    with pytest.raises(BuildError, match=r"programs.yaml:\d+: output: the output folder .*output is not writable"):
        build(workspace, _pipeline=FakeRender())


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_output_folder(workspace):  # pragma: no cover - CI runs as root
    (workspace / "output").chmod(0o500)
    try:
        with pytest.raises(BuildError, match="not writable"):
            build(workspace, _pipeline=FakeRender())
    finally:
        (workspace / "output").chmod(0o700)


def test_the_workspace_itself_cannot_be_the_output(workspace):
    write_manifest(workspace, "output: .\n")
    with pytest.raises(SpecError, match="must be a subfolder of the workspace"):
        build(workspace, _pipeline=FakeRender())


def test_a_broken_standard_stops_the_build_with_its_line(workspace):
    path = workspace / "standard_data" / "M84120.kk.yaml"
    path.write_text(path.read_text("utf-8").replace("    level: '6'", "    level: [6]", 1), "utf-8")
    with pytest.raises(GeneratorError, match=r"M84120.kk.yaml:\d+: cards\[0\].level: expected text"):
        build(workspace, _pipeline=FakeRender())
    assert nothing_written(workspace)


def test_missing_workspace(tmp_path):
    with pytest.raises(BuildError, match="no such workspace folder"):
        build(tmp_path / "nowhere", _pipeline=FakeRender())


def test_a_folder_without_standard_data(tmp_path):
    folder = tmp_path / "not-a-workspace"
    folder.mkdir()
    with pytest.raises(BuildError, match="no standard data in standard_data/ — is this a workspace"):
        build(folder, _pipeline=FakeRender())
    assert not list(folder.iterdir())
