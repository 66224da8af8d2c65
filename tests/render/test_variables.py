"""Every field of the model and every filter is documented; labels have the same keys in kk and ru."""
from __future__ import annotations

import dataclasses

import pytest
import yaml

import generator.design.program as model
from generator.render.environment import FILTERS, dash, fill, hours_phrase, percent, quotes, short_id, sentence
from generator.languages import packs
from generator.render.variables import TYPES


@pytest.mark.parametrize("type_name", list(TYPES))
def test_every_field_is_documented(type_name):
    cls = getattr(model, type_name)
    assert [f.name for f in dataclasses.fields(cls)] == list(TYPES[type_name][1])


def test_every_model_type_is_documented():
    types = {name for name, value in vars(model).items() if dataclasses.is_dataclass(value)}
    assert types == set(TYPES)


def test_every_filter_has_a_description():
    for name, (function, doc) in FILTERS.items():
        assert callable(function) and doc and function.__doc__, name


def test_labels_have_the_same_keys_in_every_language():
    data = {code: yaml.safe_load(pack.data_file("labels").read_text("utf-8")) for code, pack in packs().items()}

    def keys(mapping, prefix=""):
        return {prefix + k if not isinstance(v, dict) else None for k, v in mapping.items()} - {None} | {
            x for k, v in mapping.items() if isinstance(v, dict) for x in keys(v, prefix + k + ".")}

    assert keys(data["kk"]) == keys(data["ru"])
    assert data["kk"]["approve"] == "«БЕКІТЕМІН»" and data["ru"]["approve"] == "«УТВЕРЖДАЮ»"


def test_filters():
    assert dash(0) == "–" and dash(None) == "–" and dash(3) == "3"
    assert percent(100.0) == "100" and percent(97.5) == "97,5"
    assert quotes('"Мемлекеттік жастар саясаты туралы" Заңы') == "«Мемлекеттік жастар саясаты туралы» Заңы"
    assert short_id("3412-0-003/F2/S1/A3", "3412-0-003") == "F2/S1/A3"
    assert sentence("жоспар құру") == "Жоспар құру." and sentence("Дайын.") == "Дайын."
    assert fill("{city}, {year} ж.", None, city="Астана", year=2026) == "Астана, 2026 ж."


def test_fill_refuses_unknown_placeholders():
    from jinja2.exceptions import UndefinedError

    with pytest.raises(UndefinedError, match=r"\{town\}"):
        fill("{town}", None, city="Астана")


@pytest.mark.parametrize("number, expected", [(1, "1 академический час"), (2, "2 академических часа"),
                                              (5, "5 академических часов"), (11, "11 академических часов"),
                                              (21, "21 академический час"), (72, "72 академических часа")])
def test_russian_hours_plural(number, expected):
    labels = yaml.safe_load(packs()["ru"].data_file("labels").read_text("utf-8"))
    assert hours_phrase({"labels": labels, "lang": "ru"}, number) == expected


def test_outcome_codes_are_in_order_with_the_prefix_once():
    from generator.render.environment import outcome_codes
    nb = "\u00a0"
    assert outcome_codes(["ОН 4.4", "ОН 4.5", "ОН 4.2"]) == f"ОН{nb}4.2, 4.4, 4.5"
    assert outcome_codes(["ОН 5.6", "ОН 5.3"]) == f"ОН{nb}5.3, 5.6"
    assert outcome_codes(["ОН 2.1", "ОН 2.2", "ОН 2.3", "ОН 3.1", "ОН 3.2", "ОН 3.3", "ОН 3.7", "ОН Ж2"]) == \
        f"ОН{nb}2.1–2.3, 3.1–3.3, 3.7, ОН{nb}Ж2"
    assert outcome_codes(["РО 1.10", "РО 1.9", "РО 1.11"]) == f"РО{nb}1.9–1.11"
