"""Commands on standard data: import, show, lint, export (Moodle, CASE, Markdown)."""
from __future__ import annotations

from pathlib import Path

import click

from generator.cli.app import LanguageChoice, main


# --- standard data: import, show, lint ------------------------------------------------------
@main.command("import")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="YAML file to write (default: standard_data/<code>.<lang>.yaml).")
@click.option("--lang", type=LanguageChoice(), help="Language of the labels (default: detected).")
@click.option("--layout", type=click.Choice(["2023", "A", "B"]), help="Force a layout (default: detected).")
def import_command(source: Path, output: Path | None, lang: str | None, layout: str | None) -> None:
    """Import a professional standard as published (.txt, .docx or .pdf with a text layer) into standard data YAML.

    Prints an account of what became of every line of the cards, and each problem of the source
    that was read past (a number used twice, a label with a typo, …) with its line and what was assumed.
    """
    from generator.ingest import import_standard
    from generator.ingest.account import summary
    from generator.review import lint
    from generator.standard.store import default_filename, save_standard

    standard = import_standard(source, lang=lang, layout=layout)
    target = output or Path("standard_data") / default_filename(standard)
    copy = save_standard(standard, target, keep_copy=True)
    if copy is not None:
        click.echo(f"warning: {target} was different (reviewed by hand?); saved it as {copy.name}", err=True)
    abilities = sum(1 for *_, kind, _i in standard.iter_items() if kind == "ability")
    knowledge = sum(1 for *_, kind, _i in standard.iter_items() if kind == "knowledge")
    click.echo(f"{source}: layout {standard.source.layout}, language {standard.language}, "
               f"{len(standard.cards)} cards, {abilities} abilities, {knowledge} knowledge items → {target}")
    click.echo(summary(standard.source.account))
    notes = standard.source.notes
    if notes:
        click.echo(f"{len(notes)} problem(s) of the source read past (kept in the data; `progen lint` reports them):")
        for note in notes:
            click.echo(f"  {note.where}: {note.message} [{note.code}]")
    warnings = lint(standard)
    if warnings:
        click.echo(f"{len(warnings)} lint warning(s); see `progen lint {target}`", err=True)


def _load_any(path: Path, lang: str | None = None):
    """A YAML standard data file, or a source that is imported on the fly."""
    if path.suffix.lower() in (".yaml", ".yml"):
        from generator.standard.store import load_standard

        return load_standard(path)
    from generator.ingest import import_standard

    return import_standard(path, lang=lang)


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--card", "card_code", help="Show only this card.")
@click.option("--json", "as_json", is_flag=True, help="Print the whole model as JSON.")
def show(file: Path, card_code: str | None, as_json: bool) -> None:
    """Show standard data as a readable tree with counts (then the import's account and the lint
    warnings, for a reviewer), or as JSON."""
    from generator.review import review_lines
    from generator.standard.show import show_json, show_tree

    standard = _load_any(file)
    if as_json:
        click.echo(show_json(standard, card_code))
        return
    lines = [show_tree(standard, card_code)] + (review_lines(standard) if card_code is None else [])
    click.echo("\n".join(lines))


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Exit with code 1 when there is any warning.")
@click.option("--workspace", type=click.Path(path_type=Path, file_okay=False, exists=True), default=None,
              help="Workspace whose phrasing/ folder extends the lexicon used for the phrasing checks and whose "
                   "personal.yaml extends the lexicon of personal competences (default: current folder).")
def lint(file: Path, strict: bool, workspace: Path | None) -> None:
    """Report where a standard contradicts itself (levels, function lists, titles), what the import
    repaired and what still looks glued, outcomes whose phrasing assumed a reading or fell back, and the
    personal competences the design data cannot phrase as behaviour."""
    from generator.review import lint as lint_all

    warnings = lint_all(_load_any(file), workspace)
    for warning in warnings:
        click.echo(str(warning))
    click.echo(f"{len(warnings)} warning(s)", err=True)
    if warnings and strict:
        raise SystemExit(1)



# --- exports: Moodle competency CSV, CASE 1.0 JSON, Markdown program --------------------------
@main.command("export")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("-f", "--format", "fmt", required=True, metavar="moodle|case|markdown",
              help="moodle: competency framework CSV; case: CASE 1.0 CFPackage JSON (both from standard data); "
                   "markdown: the program, from a program spec or standard data with --card.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="File to write (default: <workspace>/output/exports/<standard>[.<card>].<ext>).")
@click.option("--card", help="Profession card code: only this card (moodle, case), the program's card (markdown).")
@click.option("--workspace", type=click.Path(path_type=Path, file_okay=False),
              help="Workspace with phrasing/ and design.yaml overrides, for markdown (default: current folder).")
def export_command(file: Path, fmt: str, output: Path | None, card: str | None, workspace: Path | None) -> None:
    """Export a standard for Moodle or CASE, or a program as Markdown for review."""
    from generator.export import export

    target = export(file, fmt, output, card=card, workspace=workspace or Path.cwd())
    click.echo(f"{file} → {target}")


