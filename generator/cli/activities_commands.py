"""The activity library that session plans are built from: list, show, check."""
from __future__ import annotations

from pathlib import Path

import click

from generator.cli.app import lang_option, language_of, workspace_option, load_workspace, main


# --- activity library: list, show, check -----------------------------------------------------------
@main.group("activities")
def activities_group() -> None:
    """The activity library that session plans are built from (built-in + <workspace>/activities/)."""


@activities_group.command("list")
@lang_option
@click.option("--phase", type=click.Choice(["opening", "energiser", "input", "practice", "reflection",
                                            "assessment", "evaluation"]), help="Only this phase.")
@workspace_option
def activities_list(lang: str | None, phase: str | None, workspace: Path | None) -> None:
    """List the activities as a table: id, name, phase, minutes (default), group size."""
    from generator.design.activity_show import activity_terms, list_table

    ws = load_workspace(workspace)
    lang = language_of(ws, lang)
    click.echo(list_table(ws.activities, lang, activity_terms(ws, lang), phase))


@activities_group.command("show")
@click.argument("activity_id")
@lang_option
@workspace_option
def activities_show(activity_id: str, lang: str | None, workspace: Path | None) -> None:
    """Print one activity in full: facts, materials, preparation, timed steps, debrief, online variant, tips."""
    from generator.design.activity_show import activity_terms, show_text

    ws = load_workspace(workspace)
    lang = language_of(ws, lang)
    library = ws.activities
    click.echo(show_text(library.get(activity_id), lang, activity_terms(ws, lang), library.sources[activity_id]))


@activities_group.command("check")
@click.argument("workspace", required=False, type=click.Path(path_type=Path, file_okay=False, exists=True))
def activities_check(workspace: Path | None) -> None:
    """Validate the activity library (built-in + WORKSPACE/activities/*.yaml; default: current folder),
    the literature list and the feedback-form and organisation texts; exit 1 with every problem."""
    ws = load_workspace(workspace)  # the program texts of every language are checked as the workspace loads
    library = ws.activities
    added = sum(1 for source in library.sources.values() if source != "built-in")
    click.echo(f"activity library: {len(library)} activities OK "
               f"({len(library) - added} built-in, {added} added or changed by the workspace; "
               f"{len(library.files)} file(s) read)")
    click.echo(f"literature: {len(ws.literature)} entries OK")
    click.echo(f"feedback and organisation texts: {', '.join(ws.languages)} OK")


