"""Bad input: one line saying what is wrong and where, exit code 1, no traceback, no output file."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.exceptions import GeneratorError, ImportFormatError, SourceError
from generator.ingest import import_standard

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
UNRELATED_KK = """\
Абай Құнанбайұлы — қазақтың ұлы ақыны, ағартушы, жазба қазақ әдебиетінің негізін қалаушы.
1. Ол 1845 жылы Шыңғыс тауында дүниеге келген.
2. Қара сөздері – 45 ғақлиядан тұрады;3. Аудармалары: Пушкин, Лермонтов, Крылов.
Өлеңдері\t|\tҚыс, Жаз, Күз
"""


def _seed_variant(seed_text: str, old: str, new: str) -> str:
    assert seed_text.count(old) == 1, old
    return seed_text.replace(old, new)


def _lines(seed_text: str, *ranges: tuple[int, int]) -> str:
    """The seed keeping only the given 1-based inclusive line ranges."""
    lines = seed_text.split("\n")
    return "\n".join(line for start, end in ranges for line in lines[start - 1:end])


def _cases(seed_text: str) -> dict[str, tuple[bytes, str]]:
    """name → (file content, regular expression the error must match after 'Error: ')."""
    cut = seed_text.index("№ 247қаулысы;5.")
    return {
        "empty.txt": (b"", r"empty\.txt: the file is empty; expected the published text of a professional standard"),
        "blank.txt": (b"  \n\n\t\n", r"blank\.txt: the file is empty"),
        "binary.txt": (bytes(range(256)) * 4, r"binary\.txt: not a text file \(binary data at byte 0\)"),
        # random-looking bytes with no NUL byte, which cp1251 would happily "decode"
        "noise.txt": (bytes((i * 167 + 13) % 255 + 1 for i in range(600)),
                      r"noise\.txt: not a text file \(binary data at byte \d+\)"),
        "image.png": (PNG, r"image\.png: this is a PNG image, not text"),
        "image.txt": (PNG, r"image\.txt: this is a PNG image, not text"),
        "cp1251.txt": (seed_text.replace("ә", "а").replace("і", "и").replace("ң", "н").replace("ғ", "г")
                       .replace("ү", "у").replace("ұ", "у").replace("қ", "к").replace("ө", "о").replace("һ", "х")
                       .replace("Қ", "К").replace("Ә", "А").replace("Ө", "О").replace("Ұ", "У").replace("І", "И")
                       .replace("Ү", "У").replace("Ң", "Н").replace("Ғ", "Г").replace("–", "-")
                       .encode("cp1251"),
                       r"cp1251\.txt:1: not UTF-8 text \(byte \d+\); it looks like Windows-1251 \(cp1251\); "
                       r"save it as UTF-8"),
        "utf16.txt": (seed_text.encode("utf-16"), r"utf16\.txt: the text is UTF-16; save it as UTF-8"),
        "cut-in-card.txt": (seed_text[:cut].encode(),
                            r"cut-in-card\.txt:116: the text ends before chapter 4 \(technical data\) — "
                            r"it looks cut off; import the complete standard"),
        "cut-at-line.txt": (_lines(seed_text, (1, 150)).encode(),
                            r"cut-at-line\.txt:150: the text ends before chapter 4"),
        "middle-lost.txt": (_lines(seed_text, (1, 160), (175, 201)).encode(),
                            r"middle-lost\.txt:133: card 3412-0-003 ends before its personal competencies row — "
                            r"the text looks cut off"),
        "no-functions.txt": (_lines(seed_text, (1, 147), (169, 201)).encode(),
                             r"no-functions\.txt:133: card 3412-0-003 has no labour function descriptions; "
                             r"expected rows like 'Еңбек функциясы 1: …'"),
        "unrelated.txt": (UNRELATED_KK.encode(),
                          r"unrelated\.txt: not a professional standard in a known layout: expected .*"
                          r"'Еңбек функциясы 1'"),
        "labels-only.txt": ("Еңбек функциясы 1: Басқару\nДағды 1 Жоспарлау\nҚабілет:\n1. Жоспар құру\n".encode(),
                            r"labels-only\.txt: no chapter 3 \(profession cards\) heading found"),
    }


SEED_TEXT = (Path(__file__).resolve().parents[2] / "standard_data" / "sources" / "M84120.kk.txt").read_text("utf-8")
CASES = _cases(SEED_TEXT)
CASE_NAMES = list(CASES)


@pytest.mark.parametrize("name", CASE_NAMES)
def test_import_error_is_one_line_with_location_and_no_output(name, tmp_path, file_tree):
    content, expected = CASES[name]
    source = file_tree({f"in/{name}": content})[f"in/{name}"]
    target = tmp_path / "out" / "standard.yaml"
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(target)])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert re.fullmatch("Error: " + expected + ".*", lines[0]), lines[0]
    assert not target.exists()
    assert not target.parent.exists() or list(target.parent.iterdir()) == []


@pytest.mark.parametrize("name", CASE_NAMES)
def test_library_raises_the_projects_error_type(name, file_tree):
    content, _expected = CASES[name]
    source = file_tree({name: content})[name]
    with pytest.raises(SourceError):
        import_standard(source)


def test_a_failed_import_leaves_an_existing_target_untouched(tmp_path, file_tree):
    files = file_tree({"empty.txt": b"", "M84120.kk.yaml": """
        reviewed: true
        """})
    source, target = files["empty.txt"], files["M84120.kk.yaml"]
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(target)])
    assert result.exit_code == 1
    assert target.read_text(encoding="utf-8") == "\nreviewed: true\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["M84120.kk.yaml", "empty.txt", "home"]


def test_missing_file_and_folder(tmp_path):
    for path, expected in ((tmp_path / "nothing.txt", "nothing.txt: no such file"),
                           (tmp_path, "is a folder; give the standard's .txt, .docx or .pdf file")):
        result = CliRunner().invoke(main, ["import", str(path), "-o", str(tmp_path / "x.yaml")])
        assert result.exit_code == 1
        assert expected in result.stderr and len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "x.yaml").exists()


def test_output_that_cannot_be_written(seed_path, tmp_path):
    folder = tmp_path / "a folder"
    folder.mkdir()
    result = CliRunner().invoke(main, ["import", str(seed_path), "-o", str(folder)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {folder}: is a folder; give the YAML file to write, e.g. {folder}/M84120.kk.yaml\n"
    blocker = tmp_path / "blocker"
    blocker.write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(seed_path), "-o", str(blocker / "x.yaml")])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {blocker / 'x.yaml'}: cannot write the standard data file: Not a directory\n"
    assert "Traceback" not in result.output


def test_forced_unknown_language_and_wrong_language(seed_path):
    with pytest.raises(ImportFormatError, match=r"M84120\.kk\.txt: no labels of the 2023 layout in 'ru' found; "
                                                r"it looks like 'kk' — try --lang kk"):
        import_standard(seed_path, lang="ru")
    with pytest.raises(ImportFormatError, match="unknown language 'en'; use one of kk, ru"):
        import_standard(seed_path, lang="en")
    result = CliRunner().invoke(main, ["import", str(seed_path), "--lang", "en"])
    assert result.exit_code == 2  # a usage error, reported by click


# --- YAML standard data through the CLI ----------------------------------------------------------
def _yaml_cases(seed_yaml: str) -> dict[str, tuple[str, list[str]]]:
    title = "\ntitle: Мемлекеттік жастар саясаты саласындағы қызмет\n"
    return {
        "misspelt.yaml": (seed_yaml.replace("\ntitle: ", "\ntitel: ", 1),
                          [r"misspelt\.yaml:5: titel: unknown key 'titel' \(did you mean 'title'\?\)",
                           r"misspelt\.yaml:4: title: this key is required but missing"]),
        "wrong-type.yaml": (seed_yaml.replace("year: 2023", "year: twenty twenty-three", 1),
                            [r"wrong-type\.yaml:53: year: expected a whole number, got the text 'twenty twenty-three'"]),
        "python-tag.yaml": (seed_yaml.replace(title, "\ntitle: !!python/object/apply:os.system ['echo owned']\n", 1),
                            [r"python-tag\.yaml:5: title: the tag tag:yaml\.org,2002:python/object/apply:os\.system "
                             r"is not allowed in progen data; remove it"]),
    }


@pytest.mark.parametrize("command", ["show", "lint"])
@pytest.mark.parametrize("name", ["misspelt.yaml", "wrong-type.yaml", "python-tag.yaml"])
def test_bad_yaml_lists_each_problem_on_its_line(seed_yaml_path, tmp_path, capfd, name, command):
    content, expected = _yaml_cases(seed_yaml_path.read_text(encoding="utf-8"))[name]
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(main, [command, str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.removeprefix("Error: ").splitlines()
    if len(expected) > 1:  # a report: a head line, then a line per problem; one problem is one line
        assert lines.pop(0) == f"{path}: {len(expected)} problems found"
    assert len(lines) == len(expected)
    for line, pattern in zip(lines, expected):
        assert re.fullmatch(re.escape(str(tmp_path)) + "/" + pattern, line), line
    assert "owned" not in capfd.readouterr().out  # the tag was never constructed


@pytest.mark.parametrize("content, expected", [
    (b"", ": the file is empty; expected a mapping at the top level"),
    (PNG, ":1: not UTF-8 text (byte 0)"),
    ("code: М84120\n".encode("cp1251"), ":1: not UTF-8 text (byte 6)"),
    (b"code: [\n", ":2: not valid YAML"),
])
def test_broken_yaml_through_the_cli(tmp_path, content, expected):
    path = tmp_path / "broken.yaml"
    path.write_bytes(content)
    result = CliRunner().invoke(main, ["show", str(path), "--json"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path}{expected}")
    assert len(result.stderr.splitlines()) == 1


def test_every_error_is_a_generator_error():
    assert issubclass(SourceError, GeneratorError) and issubclass(ImportFormatError, SourceError)


def test_unknown_card_in_show(seed_yaml_path):
    result = CliRunner().invoke(main, ["show", str(seed_yaml_path), "--card", "9999-9-999"])
    assert result.exit_code == 1
    assert result.stderr == "Error: no card '9999-9-999' in standard М84120; valid cards: 1210-0-020, 3412-0-003\n"


def test_unreadable_source_is_one_line(seed_path, tmp_path, monkeypatch):
    """Regression: an OSError while opening the source (e.g. no permission) was a traceback."""
    source = tmp_path / "locked.txt"
    source.write_bytes(seed_path.read_bytes())
    real_open = Path.open

    def refuse(self, *args, **kwargs):
        if self == source:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {source}: cannot read the file: Permission denied\n"
    assert not (tmp_path / "x.yaml").exists()


def test_importing_standard_data_yaml_says_it_needs_no_import(seed_yaml_path, tmp_path):
    result = CliRunner().invoke(main, ["import", str(seed_yaml_path), "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {seed_yaml_path}: this is standard data (YAML), which needs no import; use "
                             "`progen show` or `progen lint` on it, or import the published .txt or .docx of the "
                             "standard\n")
    assert not (tmp_path / "x.yaml").exists()
