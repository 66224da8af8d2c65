"""Commands that design and render one program, and phrase items: plan, render, phrase."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.cli.app import (LanguageChoice, skill_list, load_workspace, main, make_program_from_options,
                               program_options)


# --- curriculum design: plan --------------------------------------------------------------------

@main.command()
@program_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of YAML.")
def plan(spec, standard, card, hours, skills, workspace, as_json) -> None:
    """Design a program and print its model (modules, outcomes, hours, coverage) as YAML or JSON."""
    from generator.design.output import program_json, program_yaml

    program = make_program_from_options(spec, standard, card, hours, skills, load_workspace(workspace))
    click.echo(program_json(program) if as_json else program_yaml(program), nl=False)
    shapes = program.criteria_shapes
    if shapes is not None and shapes.criteria:
        click.echo(f"criteria: {shapes.criteria}; the most used sentence ({shapes.shape}) is used {shapes.largest} "
                   f"times, {shapes.share:.1%} of the criteria (limit {shapes.limit:.0%})", err=True)
    for warning in program.warnings:
        click.echo(f"warning: {warning}", err=True)



# --- phrasing: phrase ---------------------------------------------------------------------------
@main.command("phrase")
@click.argument("texts", nargs=-1)
@click.option("--lang", type=LanguageChoice(), required=True, help="Language of the items.")
@click.option("--kind", type=click.Choice(["ability", "knowledge"]), required=True,
              help="ability → a \"can do\" outcome; knowledge → a \"knows\" outcome.")
@click.option("--workspace", type=click.Path(path_type=Path, file_okay=False, exists=True), default=None,
              help="Workspace whose phrasing/ folder extends the lexicon and holds overrides.yaml.")
@click.option("--bloom", "show_bloom", is_flag=True, help="Print \"bloom<TAB>verb<TAB>outcome\".")
@click.option("--explain", is_flag=True,
              help="Per item: the head found, the stem decided, the rule that fired and the data file/key to change.")
def phrase_command(texts, lang: str, kind: str, workspace: Path | None, show_bloom: bool, explain: bool) -> None:
    """Phrase learning outcomes from items given as TEXT, or one item per line on standard input.

    Without TEXT, writes exactly one outcome per input line, in the same order (an empty line for
    an empty line).  With --explain, writes a block per item instead.
    """
    from generator.language import get_phraser

    phraser = get_phraser(lang, workspace)
    method = phraser.ability if kind == "ability" else phraser.knowledge
    if texts:
        items = texts
    else:
        stdin = sys.stdin  # bytes through .buffer: UTF-8 whatever the locale (click 8.5 deprecates get_binary_stream)
        data = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read().encode("utf-8")
        try:
            items = data.decode("utf-8-sig").splitlines()
        except UnicodeDecodeError as error:
            raise click.ClickException(f"standard input: not UTF-8 text (byte {error.start}); "
                                       "give one item per line in UTF-8") from error
    from generator.standard.text import has_words

    if explain:
        from generator.language.explain import format_explanations

        click.echo(format_explanations(phraser, kind, [item for item in items if has_words(item)]))
        return
    for item in items:
        if not has_words(item):  # an empty line, or only «—» / invisible characters: nothing to phrase
            click.echo("")
            continue
        outcome = method(item)
        click.echo(f"{outcome.bloom}\t{outcome.verb or ''}\t{outcome.text}" if show_bloom else outcome.text)



# --- documents: render, templates (init, check, vars) ---------------------------------------------
@main.command("render")
@program_options
@click.option("--kind", "kinds", multiple=True, metavar="KIND",
              help="Document kind (program, outline, assessment, markdown, or one the workspace adds in "
                   "templates/kinds.yaml); repeat for several (default: the spec's kinds, else the default kinds).")
@click.option("-o", "--output", "output_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Output folder (default: the workspace's, from programs.yaml, else ./output); documents go to "
                   "<output>/<card>/<card>_<kind>_<lang>.docx, or <card>_<skills>_<hours>h_<kind>_<lang>.docx for "
                   "selected skills or other hours.")
@click.option("--pdf", is_flag=True, help="Also convert each document to PDF with LibreOffice (if installed).")
def render_command(spec, standard, card, hours, skills, workspace, kinds, output_dir, pdf) -> None:
    """Design a program and write it as DOCX documents from the Word templates.

    A document already in place that was edited by hand is first saved as <name>.bak-<timestamp>.
    """
    from generator.render import render_documents, render_folder, variant_of

    ws = load_workspace(workspace)
    for kind in kinds:
        ws.kind(kind)  # an unknown kind is an error before anything is designed
    program = make_program_from_options(spec, standard, card, hours, skills, ws)
    spec_file = None
    if spec is not None:
        from generator.workspace.spec import load_spec

        spec_file = load_spec(spec)
    # --kind, else the spec's kinds, else programs.yaml's default kinds, else the registry's
    kinds = tuple(kinds or (spec_file and spec_file.kinds) or ws.manifest.defaults.kinds or ws.default_kinds())
    selected = skill_list(skills) or (spec_file.skills if spec_file else None)
    written = render_documents(program, kinds, output_dir or render_folder(ws), workspace=ws,
                               variant=variant_of(program, selected, ws),
                               on_backup=lambda path, copy: click.echo(
                                   f"warning: {path} was edited by hand or is not progen's; saved it as {copy.name}",
                                   err=True))
    for path in written:
        click.echo(str(path))
    for warning in program.warnings:  # hours below what the content needs, merged topics, unknown competences
        click.echo(f"warning: {warning}", err=True)
    if pdf:
        from generator.render.pdf import convert_to_pdf, soffice_path, uno_python

        for path in convert_to_pdf([path for path, kind in zip(written, kinds) if ws.kind(kind).pdf]):
            click.echo(str(path))
        if not uno_python(soffice_path() or ""):
            click.echo("note: the PDF's table of contents is not refreshed (install python3-uno for that); "
                       "Word refreshes it when it opens the DOCX", err=True)


