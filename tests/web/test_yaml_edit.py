"""Edits of hand-kept YAML files: only the one entry changes, every comment and other line stays."""
from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.web.yaml_edit import EditError, append_target, set_override

HEADER = "# Outcomes written by hand (checked by A. Ivanova)\n\n"
texts = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80).map(
    lambda t: " ".join(t.split())).filter(bool)
ids = st.from_regex(r"[0-9]{4}-[0-9]-[0-9]{3}/F[1-9]/S[1-9]/[AK][1-9]", fullmatch=True)


@settings(max_examples=60, deadline=None)
@given(existing=st.dictionaries(ids, texts, max_size=4), item=ids, text=texts)
def test_any_text_is_set_exactly_and_the_rest_of_the_file_is_kept(tmp_path_factory, existing, item, text):
    path = tmp_path_factory.mktemp("o") / "overrides.yaml"
    body = "".join(yaml.safe_dump({k: v}, allow_unicode=True, width=10**6) + "# note\n" for k, v in existing.items())
    path.write_text(HEADER + body, "utf-8")
    set_override(path, item, text)
    result = path.read_text("utf-8")
    assert yaml.safe_load(result) == {**existing, item: text}
    assert result.startswith(HEADER) and result.count("# note\n") == len(existing)


def test_removing_the_last_override_leaves_the_comments(tmp_path):
    path = tmp_path / "overrides.yaml"
    path.write_text(HEADER + "3412-0-003/F2/S1/A1: a\n", "utf-8")
    assert set_override(path, "3412-0-003/F2/S1/A1", None) is True
    assert path.read_text("utf-8") == HEADER
    assert set_override(path, "3412-0-003/F2/S1/A1", None) is False  # nothing to remove: the file is not touched


def test_a_multi_line_value_is_replaced_whole(tmp_path):
    path = tmp_path / "overrides.yaml"
    path.write_text("a: |\n  first\n  second\n# after a\nb: plain text  # why\n", "utf-8")
    set_override(path, "a", "one line")
    set_override(path, "b", "new text")
    assert path.read_text("utf-8") == "a: one line\n# after a\nb: new text # why\n"


def test_a_flow_style_file_is_rewritten_in_block_style_with_its_comments(tmp_path):
    path = tmp_path / "overrides.yaml"
    path.write_text("# keep me\n{a: x}\n", "utf-8")
    set_override(path, "b", "y")
    assert path.read_text("utf-8") == "# keep me\na: x\nb: y\n"


def test_a_file_that_is_not_a_mapping_is_left_alone(tmp_path):
    path = tmp_path / "overrides.yaml"
    path.write_text("- a list\n", "utf-8")
    try:
        set_override(path, "a", "x")
    except EditError as error:
        assert "fix it by hand first" in str(error)
    else:
        raise AssertionError("an edit of a list went through")
    assert path.read_text("utf-8") == "- a list\n"


def test_targets_are_appended_after_the_last_one_and_before_later_comments(tmp_path):
    path = tmp_path / "programs.yaml"
    path.write_text("output: output\ntargets:\n  - card: A   # first\n    kinds: [program]\n"
                    "# --- end of targets ---\ndefaults:\n  year: 2026\n", "utf-8")
    append_target(path, {"card": "B", "skills": ["F2"], "provider": {"city": "Астана"}})
    assert path.read_text("utf-8") == (
        "output: output\ntargets:\n  - card: A   # first\n    kinds: [program]\n"
        "  - card: B\n    skills: [F2]\n    provider:\n      city: Астана\n"
        "# --- end of targets ---\ndefaults:\n  year: 2026\n")


def test_a_first_target_goes_below_the_commented_example(tmp_path):
    from generator.workspace.scaffold import MANIFEST_TEMPLATE

    path = tmp_path / "programs.yaml"
    path.write_text(MANIFEST_TEMPLATE, "utf-8")
    append_target(path, {"card": "3412-0-003", "folder": "short"})
    assert path.read_text("utf-8") == MANIFEST_TEMPLATE + "\ntargets:\n  - card: 3412-0-003\n    folder: short\n"


def test_an_empty_or_missing_targets_value_becomes_a_list(tmp_path):
    path = tmp_path / "programs.yaml"
    for before, after in [("targets:\nx: 1\n", "targets:\n  - card: B\nx: 1\n"),
                          ("targets: []\n", "targets:\n  - card: B\n"),
                          ("targets: [{card: A}]\n", "targets:\n  - card: A\n  - card: B\n")]:
        path.write_text(before, "utf-8")
        append_target(path, {"card": "B"})
        assert path.read_text("utf-8") == after


def test_a_new_manifest_starts_with_its_header(tmp_path):
    path = tmp_path / "programs.yaml"
    append_target(path, {"card": "B"}, header="# header\n")
    assert path.read_text("utf-8") == "# header\n\ntargets:\n  - card: B\n"
