"""A workspace extends and changes the activity library; every problem is reported at once with
file:line:path; the `progen activities` commands."""
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.design.activities import load_library
from generator.exceptions import ActivityDataError

PODCAST = """\
activities:
  - id: practice.podcast_lab
    phase: practice
    bloom: [apply, create]
    content_kinds: [digital, communication]
    minutes: {min: 40, default: 50, max: 70}
    group: {min: 4, max: 12}
    step_minutes: [5, 30, 15]
    evidence: [product]
    kk:
      name: Подкаст зертханасы
      materials: [смартфондар, құлаққаптар]
      preparation: Әр жұпқа смартфон мен тыныш бұрыш дайындаңыз.
      steps:
        - title: Нұсқау
          text: Тренер подкасттың құрылымын түсіндіреді.
        - title: Жазу
          text: Жұптар 3 минуттық подкаст жазады.
        - title: Тыңдау
          text: Топ подкасттарды тыңдап, кері байланыс береді.
      debrief: ["Не қиын болды?", "Не ұнады?", "Жастармен қалай қолданасыз?"]
      online: Жұптар бөлек бөлмелерде жазады және файлды ортақ қалтаға жүктейді.
      result: Подкаст файлдары
    ru:
      name: Подкаст-лаборатория
      materials: [смартфоны, наушники]
      preparation: Подготовьте для каждой пары смартфон и тихий угол.
      steps:
        - title: Инструкция
          text: Тренер объясняет структуру подкаста.
        - title: Запись
          text: Пары записывают подкаст на 3 минуты.
        - title: Прослушивание
          text: Группа слушает подкасты и дает обратную связь.
      debrief: ["Что было трудно?", "Что понравилось?", "Как вы используете это с молодежью?"]
      online: Пары записывают в сессионных залах и загружают файл в общую папку.
      result: Файлы подкастов
"""


def test_a_workspace_activity_is_added_and_selected(file_tree, tmp_path):
    file_tree({"activities/centre.yaml": PODCAST})
    library = load_library(tmp_path)
    podcast = library.get("practice.podcast_lab")
    assert podcast.kk.name == "Подкаст зертханасы" and podcast.placement == "any" and podcast.not_for == []
    assert library.sources["practice.podcast_lab"].endswith("centre.yaml")
    assert library.files[-1].name == "centre.yaml"
    assert "practice.podcast_lab" in [a.id for a in library.select("practice", content_kind="digital", minutes=45)]
    assert len(library) == len(load_library(None)) + 1


def test_a_workspace_activity_with_a_built_in_id_replaces_it(file_tree, tmp_path):
    file_tree({"activities/centre.yaml": PODCAST.replace("practice.podcast_lab", "practice.role_play")})
    library = load_library(tmp_path)
    assert library.get("practice.role_play").ru.name == "Подкаст-лаборатория"
    assert library.get("practice.role_play").not_for == []  # whole entry replaced, nothing inherited
    assert len(library) == len(load_library(None))


def test_changes_override_single_fields_of_a_built_in_activity(file_tree, tmp_path):
    file_tree({"activities/changes.yaml": """\
        changes:
          - id: practice.case_study
            minutes: {max: 90}
            ru:
              tips: [Кейсы берем из архива нашего центра.]
        """})
    library = load_library(tmp_path)
    case, builtin = library.get("practice.case_study"), load_library(None).get("practice.case_study")
    assert (case.minutes.min, case.minutes.default, case.minutes.max) == (30, 45, 90)
    assert case.ru.tips == ["Кейсы берем из архива нашего центра."]
    assert case.ru.steps == builtin.ru.steps and case.kk.tips == builtin.kk.tips
    assert library.sources["practice.case_study"].endswith("changes.yaml")


def test_every_problem_is_reported_at_once_with_file_line_and_path(file_tree, tmp_path):
    bad = (PODCAST.replace("[apply, create]", "[apply, creat]")
           .replace("{min: 40, default: 50, max: 70}", "{min: 40, default: 30, max: 70}")
           .replace('"Не ұнады?", ', "")
           .replace("Подготовьте для каждой пары", "Әр жұпқа"))
    paths = file_tree({"activities/centre.yaml": bad + """\
changes:
  - id: practice.role_pley
    minutes: {max: 50}
"""})
    with pytest.raises(ActivityDataError) as caught:
        load_library(tmp_path)
    message = str(caught.value)
    path = paths["activities/centre.yaml"]
    assert message.splitlines()[0] == "activity library: 6 problems found"
    for line in [
        f"{path}:4: activities[0].bloom (practice.podcast_lab): unknown value 'creat'; known values: "
        "remember, understand, apply, analyse, evaluate, create",
        f"{path}:6: activities[0].minutes (practice.podcast_lab): needs 1 <= min <= default <= max <= 240, "
        "got min 40, default 30, max 70",
        f"{path}:8: activities[0].step_minutes (practice.podcast_lab): the steps add up to 50 minutes, "
        "minutes.default is 30; make them equal",
        f"{path}:21: activities[0].kk.debrief (practice.podcast_lab): exactly 3 debrief questions are needed, found 2",
        f"{path}:27: activities[0].ru.preparation (practice.podcast_lab): Kazakh letters in a Russian text ('Ә'); "
        "is it in the wrong language block?",
        f"{path}:39: changes[0].id: no activity 'practice.role_pley' to change (did you mean 'practice.role_play'?)",
    ]:
        assert line in message, message


def test_missing_fields_languages_and_duplicates_are_named(file_tree, tmp_path):
    no_ru = PODCAST[: PODCAST.index("    ru:")]
    paths = file_tree({"activities/a.yaml": no_ru + no_ru.replace("activities:\n", "").replace(
        "    phase: practice\n", "")})
    with pytest.raises(ActivityDataError) as caught:
        load_library(tmp_path)
    message = str(caught.value)
    assert f"{paths['activities/a.yaml']}:2: activities[0].ru (practice.podcast_lab): the ru texts are missing" in message
    assert "activities[1].id: the id 'practice.podcast_lab' is used twice (first at " in message


def test_yaml_mistakes_get_a_hint_and_python_tags_are_refused(file_tree, tmp_path):
    file_tree({"activities/a.yaml": PODCAST.replace("result: Подкаст файлдары", "result: Нәтиже: файлдар")})
    with pytest.raises(ActivityDataError, match=r"a\.yaml:23: not valid YAML: mapping values .*must be quoted"):
        load_library(tmp_path)
    file_tree({"activities/a.yaml": "activities: !!python/object/apply:os.system [echo hi]\n"})
    with pytest.raises(ActivityDataError, match="the tag tag:yaml.org,2002:python/object/apply:os.system is not allowed"):
        load_library(tmp_path)


def test_cli_list_show_and_check(file_tree, tmp_path):
    runner = CliRunner()
    listed = runner.invoke(main, ["activities", "list", "--lang", "ru", "--phase", "reflection", "--workspace", str(tmp_path)])
    assert listed.exit_code == 0 and "reflection.three_two_one" in listed.output and "Рефлексия (reflection)" in listed.output
    shown = runner.invoke(main, ["activities", "show", "opening.intro_expectations_agreement", "--workspace", str(tmp_path)])
    assert shown.exit_code == 0 and "Танысу, күтулер және топ келісімі" in shown.output
    assert "Бағдарламадағы орны: бағдарламаның бірінші сабағы" in shown.output
    unknown = runner.invoke(main, ["activities", "show", "practice.rol_play", "--workspace", str(tmp_path)])
    assert unknown.exit_code == 1 and "no activity 'practice.rol_play'; did you mean practice.role_play" in unknown.output
    ok = runner.invoke(main, ["activities", "check", str(tmp_path)])
    assert ok.exit_code == 0 and "activities OK" in ok.output and "literature: 9 entries OK" in ok.output

    file_tree({"activities/centre.yaml": PODCAST})
    added = runner.invoke(main, ["activities", "check", str(tmp_path)])
    assert "1 added or changed by the workspace" in added.output
    shown = runner.invoke(main, ["activities", "show", "practice.podcast_lab", "--workspace", str(tmp_path), "--lang", "ru"])
    assert "Источник: " in shown.output and "centre.yaml" in shown.output
    file_tree({"activities/centre.yaml": PODCAST.replace("[apply, create]", "[apply, creat]")})
    failed = runner.invoke(main, ["activities", "check", str(tmp_path)])
    assert failed.exit_code == 1 and "unknown value 'creat'" in failed.output and "Traceback" not in failed.output
