"""Command line interface: parses options, calls one library function, reports known errors.

Heavy modules are imported inside the commands so that ``progen --help`` stays fast.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from generator import __version__
from generator.exceptions import GeneratorError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


def _version_message() -> str:
    location = Path(__file__).resolve().parent
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


# --- commands are added below, one block per job -------------------------------------------


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


# --- curriculum design: plan --------------------------------------------------------------------
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
    return make_program(spec, standard=standard, card=card, hours=hours, skills=_skill_list(skills),
                        workspace=workspace, base=defaults_spec(defaults), hours_by_level=defaults.hours_by_level)


def _skill_list(skills: str | None) -> list[str] | None:
    return [s.strip() for s in skills.split(",")] if skills is not None else None


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


# --- activity library: list, show, check -----------------------------------------------------------
@main.group("activities")
def activities_group() -> None:
    """The activity library that session plans are built from (built-in + <workspace>/activities/)."""


def _workspace_option(function):
    return click.option("--workspace", type=click.Path(path_type=Path, file_okay=False), default=None,
                        help="Workspace whose activities/*.yaml add or change activities (default: current folder).")(function)


def _lang_option(function):
    return click.option("--lang", type=LanguageChoice(), default=None,
                        help="Language of the names and texts (default: the first registered language).")(function)


def _language_of(ws, lang: str | None) -> str:
    return lang or next(iter(ws.languages))


@activities_group.command("list")
@_lang_option
@click.option("--phase", type=click.Choice(["opening", "energiser", "input", "practice", "reflection",
                                            "assessment", "evaluation"]), help="Only this phase.")
@_workspace_option
def activities_list(lang: str | None, phase: str | None, workspace: Path | None) -> None:
    """List the activities as a table: id, name, phase, minutes (default), group size."""
    from generator.design.activity_show import activity_terms, list_table

    ws = load_workspace(workspace)
    lang = _language_of(ws, lang)
    click.echo(list_table(ws.activities, lang, activity_terms(ws, lang), phase))


@activities_group.command("show")
@click.argument("activity_id")
@_lang_option
@_workspace_option
def activities_show(activity_id: str, lang: str | None, workspace: Path | None) -> None:
    """Print one activity in full: facts, materials, preparation, timed steps, debrief, online variant, tips."""
    from generator.design.activity_show import activity_terms, show_text

    ws = load_workspace(workspace)
    lang = _language_of(ws, lang)
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


# --- workspaces and batch builds: init, build ---------------------------------------------------
@main.command("init")
@click.argument("directory", required=False, default=".", type=click.Path(path_type=Path, file_okay=False))
@click.option("--force", is_flag=True, help="Overwrite programs.yaml and the bundled standard if they exist.")
def init_command(directory: Path, force: bool) -> None:
    """Create a workspace: programs.yaml, standard_data/ with the bundled standard, templates/, output/."""
    from generator.workspace.scaffold import init_workspace

    written = init_workspace(directory, force=force)
    for path in written:
        click.echo(f"created {path}")
    click.echo(f"workspace ready in {directory} ({len(written)} file(s) written); "
               f"next: edit programs.yaml, then `progen build`")


class _ProgressLine:
    """A one-line progress bar on a terminal (stderr), nothing otherwise."""

    def __init__(self) -> None:
        self.active = sys.stderr.isatty()
        self.width = 0

    def __call__(self, done: int, total: int, key: str) -> None:
        if not self.active or not total:
            return
        filled = int(30 * done / total)
        line = f"[{'#' * filled}{'.' * (30 - filled)}] {done}/{total} {key}"[:110]
        sys.stderr.write("\r" + line.ljust(self.width))
        self.width = len(line)
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


@main.command("build")
@click.argument("targets", nargs=-1)
@click.option("-C", "--workspace", type=click.Path(path_type=Path, file_okay=False), default=".",
              help="Workspace folder (default: the current folder).")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Worker processes (0: one per CPU).")
@click.option("--force", is_flag=True, help="Rebuild up-to-date targets too; back up hand-edited outputs first.")
@click.option("-n", "--dry-run", is_flag=True, help="Only say what would be built.")
@click.option("--clean", is_flag=True, help="Delete outputs of targets removed from programs.yaml.")
@click.option("--pdf", is_flag=True, help="Also convert each document to PDF (needs LibreOffice).")
@click.option("-k", "--keep-going", is_flag=True, help="After a failure, build the other targets.")
@click.option("-v", "--verbose", is_flag=True,
              help="List every target, up-to-date ones included, and log details (tracebacks of failures).")
def build_command(targets, workspace, jobs, force, dry_run, clean, pdf, keep_going, verbose) -> None:
    """Build the stale documents of a workspace (make-style: only what changed).

    TARGETS are card codes (3412-0-003), CARD/KIND (3412-0-003/program), kinds, output paths or
    globs; default: everything programs.yaml lists.
    """
    import logging

    from generator.batch import build

    if verbose:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
        logger = logging.getLogger("generator.batch")
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)

    progress = _ProgressLine()
    try:
        report = build(workspace, targets=list(targets) or None, jobs=jobs, force=force, dry_run=dry_run,
                       clean=clean, pdf=pdf, keep_going=keep_going, progress=progress)
    except KeyboardInterrupt:
        if progress.width:
            sys.stderr.write("\n")  # end the progress line before click's "Aborted!"
        raise
    labels = {"built": "built", "would-build": "would build", "failed": "FAILED", "kept": "kept",
              "skipped": "not built", "up-to-date": "up to date"}
    for result in report.results:
        if result.status == "up-to-date" and not verbose:
            continue
        detail = result.message or result.reason
        click.echo(f"{labels[result.status]:>11}  {result.key}" + (f"  ({detail})" if detail else ""),
                   err=result.status in ("failed", "kept"))
        if result.backup:
            click.echo(f"{'':>11}  warning: the previous file (edited by hand?) was saved as {result.backup}",
                       err=True)
    for key in report.removed:
        action = ("deleted" if key in report.cleaned
                  else "no longer a target of programs.yaml or the standard data; --clean deletes it")
        click.echo(f"{'removed':>11}  {key}  ({action})", err=True)
    click.echo(report.summary())
    if not report.ok:
        raise SystemExit(1)


# --- the trainer's page: serve -------------------------------------------------------------------
@main.command("serve")
@click.argument("workspace", required=False, default=".", type=click.Path(path_type=Path, file_okay=False))
@click.option("--port", type=click.IntRange(0, 65535), default=None,
              help="Port to listen on (default: 8765, or the next free one).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Any other than 127.0.0.1 lets other computers of the network open "
                   "the page (with the key in its address); a warning says so.")
@click.option("--no-browser", is_flag=True, help="Do not open the web browser.")
def serve_command(workspace: Path, port: int | None, host: str, no_browser: bool) -> None:
    """Open a local web page to make programs, import standards, edit wording and build (Ctrl-C stops it)."""
    from generator.web.server import serve

    serve(workspace, host=host, port=port, open_browser=not no_browser, echo=click.echo)


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
    selected = _skill_list(skills) or (spec_file.skills if spec_file else None)
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


@main.group("templates")
def templates_group() -> None:
    """Word templates: copy the built-ins for editing, check edited ones, list their variables."""


@templates_group.command("init")
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False))
@click.option("--force", is_flag=True, help="Overwrite templates that already exist in DIRECTORY.")
def templates_init(directory: Path, force: bool) -> None:
    """Copy the built-in templates (and labels.yaml) into DIRECTORY for editing in Word."""
    from generator.render.manage import init_templates

    for path in init_templates(directory, force=force):
        click.echo(str(path))


@templates_group.command("check")
@click.argument("directory", required=False, type=click.Path(path_type=Path, file_okay=False))
def templates_check(directory: Path | None) -> None:
    """Report split tags, smart quotes in tags, unknown variables/filters and syntax errors.

    DIRECTORY defaults to ./templates, or the built-ins when there is none.
    """
    from generator.render.manage import check_command

    text, errors = check_command(directory)
    click.echo(text)
    if errors:
        raise SystemExit(1)


@templates_group.command("vars")
def templates_vars() -> None:
    """Print every variable and filter a template can use, with a description."""
    from generator.render.variables import describe
    from generator.workspace import Workspace

    ws = Workspace.builtin()
    click.echo(describe(sorted(ws.labels(next(iter(ws.languages))))))
