"""`progen phrase`: argument mapping and end-to-end runs with click's CliRunner."""
from __future__ import annotations

from pathlib import Path
from unittest import mock

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.language import Outcome


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_texts_are_phrased_one_per_line(runner):
    result = runner.invoke(main, ["phrase", "--lang", "kk", "--kind", "ability",
                                  "Оқыту іс-шараларын ұйымдастыру және өткізу", "Жастарға ақпарат беру"])
    assert result.exit_code == 0, result.output
    assert result.output == "оқыту іс-шараларын ұйымдастыра және өткізе алады\nжастарға ақпарат бере алады\n"


def test_stdin_keeps_order_and_empty_lines(runner):
    items = "Қазақстан Республикасының Конституциясы\n\nБейресми білім беру әдістерін білу\n   \nМониторинг\n"
    result = runner.invoke(main, ["phrase", "--lang", "kk", "--kind", "knowledge"], input=items)
    assert result.exit_code == 0, result.output
    assert result.output.split("\n") == [
        "Қазақстан Республикасының Конституциясын біледі",
        "",
        "бейресми білім беру әдістерін біледі",
        "",
        "мониторингті біледі",
        "",
    ]


def test_stdin_that_is_not_utf8_is_a_one_line_error(runner):
    result = runner.invoke(main, ["phrase", "--lang", "ru", "--kind", "knowledge"], input=b"\xd0\xa1\n\xff\n")
    assert result.exit_code == 1
    assert result.output == "Error: standard input: not UTF-8 text (byte 3); give one item per line in UTF-8\n"


def test_bloom_column(runner):
    result = runner.invoke(main, ["phrase", "--lang", "ru", "--kind", "ability", "--bloom",
                                  "Организация обучающих мероприятий"])
    assert result.exit_code == 0, result.output
    assert result.output == "create\tорганизовывать\tумеет организовывать обучающие мероприятия\n"


def test_workspace_is_used(runner, tmp_path):
    (tmp_path / "phrasing").mkdir()
    (tmp_path / "phrasing" / "kk.yaml").write_text("proper_names: [Ақмола]\n", encoding="utf-8")
    result = runner.invoke(main, ["phrase", "--lang", "kk", "--kind", "ability", "--workspace", str(tmp_path),
                                  "Ақмола облысында іс-шаралар өткізу"])
    assert result.exit_code == 0, result.output
    assert result.output == "Ақмола облысында іс-шаралар өткізе алады\n"


def test_invalid_workspace_data_is_a_one_line_error(runner, tmp_path):
    (tmp_path / "phrasing").mkdir()
    (tmp_path / "phrasing" / "kk.yaml").write_text("- not a mapping\n", encoding="utf-8")
    result = runner.invoke(main, ["phrase", "--lang", "kk", "--kind", "ability", "--workspace", str(tmp_path), "x"])
    assert result.exit_code == 1
    assert result.output == (f"Error: {tmp_path / 'phrasing' / 'kk.yaml'}:1: the top level must be a mapping "
                             "(key: value), like the built-in phrasing data\n")
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["phrase", "--kind", "ability", "x"],
        ["phrase", "--lang", "en", "--kind", "ability", "x"],
        ["phrase", "--lang", "kk", "--kind", "skill", "x"],
    ],
)
def test_usage_errors(runner, args):
    result = runner.invoke(main, args)
    assert result.exit_code == 2


def test_help(runner):
    result = runner.invoke(main, ["phrase", "-h"])
    assert result.exit_code == 0
    assert "one item per line" in result.output
    for option in ("--lang", "--kind", "--workspace", "--bloom"):
        assert option in result.output


def test_argument_mapping(runner, tmp_path):
    fake = mock.Mock()
    fake.knowledge.return_value = Outcome("x біледі", "knowledge", "білу", "remember", "rule")
    with mock.patch("generator.language.get_phraser", autospec=True, return_value=fake) as get_phraser:
        result = runner.invoke(main, ["phrase", "--lang", "kk", "--kind", "knowledge",
                                      "--workspace", str(tmp_path), "X"])
    assert result.exit_code == 0, result.output
    get_phraser.assert_called_once_with("kk", Path(str(tmp_path)))
    fake.knowledge.assert_called_once_with("X")
    fake.ability.assert_not_called()
    assert result.output == "x біледі\n"
