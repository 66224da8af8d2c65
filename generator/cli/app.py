"""The ``progen`` group and what its commands share: parameter types, error reporting, program options."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from generator import __version__
from generator.exceptions import GeneratorError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


def _version_message() -> str:
    location = Path(__file__).resolve().parents[1]  # the generator package
    return f"progen {__version__} from {location} (Python {sys.version.split()[0]})"


class LanguageChoice(click.Choice):
    """The registered language packs, read when a command runs (not when the CLI module is imported)."""

    def __init__(self) -> None:
        super().__init__(())

    @property
    def choices(self):  # noqa: D102 - click reads it for validation, help and completion
        from generator.languages import codes

        return codes()

    @choices.setter
    def choices(self, _value) -> None:
        pass


class HoursParam(click.ParamType):
    """Academic hours: a positive whole number, or ``auto`` (computed from the content and the level)."""

    name = "HOURS|auto"

    def convert(self, value, param, ctx):
        if isinstance(value, int) or str(value).strip().lower() == "auto":
            return value if isinstance(value, int) else "auto"
        try:
            return int(str(value).strip())
        except ValueError:
            self.fail(f"'{value}' is neither a whole number of academic hours nor 'auto'", param, ctx)


class ReportingGroup(click.Group):
    """Turn a GeneratorError raised anywhere in a command into a one-line error and exit 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except GeneratorError as error:
            raise click.ClickException(str(error)) from error


@click.group(cls=ReportingGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "-V", "--version", message=_version_message())
def main() -> None:
    """progen: turn a professional standard into non-formal training programs (DOCX)."""



def program_options(function):
    """Options shared by commands that design a program (plan, render)."""
    function = click.option("--workspace", type=click.Path(path_type=Path, file_okay=False),
                            help="Workspace with phrasing/ and design.yaml overrides (default: current folder).")(function)
    function = click.option("--skills", help="Comma-separated skill or function ids, e.g. F2/S1,F3 (default: all).")(function)
    function = click.option("--hours", type=HoursParam(),
                            help="Total academic hours (default 72 for a full card), or 'auto': computed from the "
                                 "content and the card's level.")(function)
    function = click.option("--card", help="Profession card code, e.g. 3412-0-003.")(function)
    function = click.option("--standard", type=click.Path(path_type=Path),
                            help="Standard data YAML (with --card instead of a SPEC file).")(function)
    function = click.argument("spec", required=False, type=click.Path(path_type=Path))(function)
    return function


def load_workspace(folder: Path | None):
    """The workspace of a command: ``--workspace``, else the current folder (its data files are optional)."""
    from generator.workspace import Workspace

    return Workspace.load(folder or Path.cwd())


def make_program_from_options(spec, standard, card, hours, skills, workspace):
    """Design the program the options describe; ``workspace`` is a loaded Workspace.

    The workspace's programs.yaml ``defaults`` (provider, format, hours by level …) apply as they do to
    ``progen build``, below the spec file and the options, so both make the same document of a card.
    """
    from generator.design import make_program
    from generator.workspace.manifest import defaults_spec

    if spec is None and (standard is None or card is None):
        raise click.UsageError("give a SPEC file, or --standard FILE and --card CODE")
    defaults = workspace.manifest.defaults
    return make_program(spec, standard=standard, card=card, hours=hours, skills=skill_list(skills),
                        workspace=workspace, base=defaults_spec(defaults), hours_by_level=defaults.hours_by_level)


def skill_list(skills: str | None) -> list[str] | None:
    return [s.strip() for s in skills.split(",")] if skills is not None else None


def workspace_option(function):
    return click.option("--workspace", type=click.Path(path_type=Path, file_okay=False), default=None,
                        help="Workspace whose activities/*.yaml add or change activities (default: current folder).")(function)


def lang_option(function):
    return click.option("--lang", type=LanguageChoice(), default=None,
                        help="Language of the names and texts (default: the first registered language).")(function)


def language_of(ws, lang: str | None) -> str:
    return lang or next(iter(ws.languages))


