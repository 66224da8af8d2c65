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
    for option in ("--lang", "--kind", "--workspace", "--bloom", "--explain"):
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


def test_explain_prints_head_stem_rule_and_data(runner):
    result = runner.invoke(main, ["phrase", "--lang", "kk", "--kind", "ability", "--explain"],
                           input="Техникалық сызбаларды оқу\n\nЖаңа әдістерді сарқу\n")
    assert result.exit_code == 0, result.output
    blocks = result.output.split("\n\n")
    assert blocks[0].splitlines() == [
        "Техникалық сызбаларды оқу",
        "  → техникалық сызбаларды оқи алады",
        "    verb: оқу, Bloom: apply, source: rule",
        "    head: оқу (the last word)",
        "    converb: оқу → оқи (stem оқы-, hidden vowel) [kk.yaml verb_stems.hidden_vowel]",
    ]
    assert "warning: stem: «сарқу» is not in the verb lexicon: read as the consonant stem сарқ-" in blocks[1]
    assert blocks[2].startswith("Data files read (kk):") and "lexicon_verbs.yaml" in blocks[2]


def test_explain_russian_agreement(runner):
    result = runner.invoke(main, ["phrase", "--lang", "ru", "--kind", "ability", "--explain",
                                  "Выявление и устранение неисправности, возникающих при эксплуатации БД"])
    assert result.exit_code == 0, result.output
    assert "→ умеет выявлять и устранять неисправности, возникающие при эксплуатации БД" in result.output
    assert "agreement: «возникающих → возникающие» follows its noun into the accusative" in result.output
    assert "warning" not in result.output


def test_lint_uses_the_workspace_phrasing(runner, tmp_path, seed_yaml_path):
    (tmp_path / "phrasing").mkdir()
    (tmp_path / "phrasing" / "kk.yaml").write_text("policy:\n  ability:\n    verbless_suffix: дағдыларын меңгерген\n",
                                                   encoding="utf-8")
    plain = runner.invoke(main, ["lint", str(seed_yaml_path)])
    extended = runner.invoke(main, ["lint", "--workspace", str(tmp_path), str(seed_yaml_path)])
    assert plain.exit_code == extended.exit_code == 0
    assert "дағдыларын қолдана алады» [kk.yaml policy.ability.verbless_suffix]" in plain.stdout
    assert "дағдыларын меңгерген" in extended.stdout
