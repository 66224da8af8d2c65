"""Deterministic YAML/JSON views of a program model (`progen plan`)."""
from __future__ import annotations

import json

from generator.design.program import Program
from generator.common.yaml_io import dump_yaml, to_plain


def program_yaml(program: Program) -> str:
    return dump_yaml(program)


def program_json(program: Program) -> str:
    return json.dumps(to_plain(program), ensure_ascii=False, indent=2) + "\n"
