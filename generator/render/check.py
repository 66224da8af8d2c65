"""``progen templates check``: find what would break a render, before a render.

For every ``.docx`` template in a folder, and every part with text (document, headers, footers):

* tags split across Word runs (Word splits text into runs when part of it is edited or formatted;
  docxtpl joins the pieces, but the formatting inside is lost and a split ``{`` ``{`` is fragile) — warning;
* typographic quotes inside tags: « » „ break Jinja (error); “ ” ‘ ’ are straightened by docxtpl (warning);
* Jinja syntax errors (error);
* unknown filters and tests (error) — see ``progen templates vars``;
* unknown variables: names that are not in the context, and attributes that the program does not have
  (found by rendering the template against the sample program of every language with an
  undefined that records instead of failing) — error;
* operations refused by the sandbox (``__class__`` …) — error.

Each finding names the template, the part and the text of the paragraph where it occurs.
"""
from __future__ import annotations

import re
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from docxtpl import DocxTemplate
from jinja2 import ChainableUndefined, meta, nodes
from jinja2.exceptions import SecurityError, TemplateError, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

from generator.render.docx_render import paragraph_text, unescape_xml
from generator.render.variables import TOP_LEVEL

_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_PARAGRAPH = re.compile(r"<w:p[ >].*?</w:p>", re.S)
_TEXT = re.compile(r"<w:t(?: [^>]*)?>(.*?)</w:t>", re.S)
_BAD_QUOTES = "«»„‟"
_SOFT_QUOTES = "“”‘’"
_PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes)\.xml$")


@dataclass
class Finding:
    template: str
    severity: str  # error | warning
    part: str
    message: str
    paragraph: str = ""

    def __str__(self) -> str:
        where = f" [{self.part}]" if self.part != "document" else ""
        text = f"; paragraph: «{self.paragraph}»" if self.paragraph else ""
        return f"{self.template}{where}: {self.severity}: {self.message}{text}"


# -- text-level checks ------------------------------------------------------------------------
def _run_checks(name: str, part: str, xml: str) -> list[Finding]:
    findings: list[Finding] = []
    for paragraph in _PARAGRAPH.findall(xml):
        pieces = [unescape_xml(t) for t in _TEXT.findall(paragraph)]
        text = "".join(pieces)
        if "{" not in text:
            continue
        shown = " ".join(text.split())
        bounds, position = [], 0
        for piece in pieces:
            bounds.append((position, position + len(piece)))
            position += len(piece)
        for match in _TAG.finditer(text):
            start, end = match.span()
            runs = [i for i, (a, b) in enumerate(bounds) if a < end and b > start]
            if len(runs) > 1:
                findings.append(Finding(name, "warning", part,
                                        f"tag {match.group(0)!r} is split across {len(runs)} Word runs; "
                                        "retype it in one go (or clear its formatting) so it sits in one run",
                                        shown))
            inner = match.group(0)
            bad = sorted({c for c in inner if c in _BAD_QUOTES})
            soft = sorted({c for c in inner if c in _SOFT_QUOTES})
            if bad:
                findings.append(Finding(name, "error", part,
                                        f"typographic quotes {' '.join(bad)} inside tag {inner!r}; Jinja needs "
                                        "straight quotes ' or \" (turn off AutoFormat 'straight quotes with smart "
                                        "quotes' in Word)", shown))
            elif soft:
                findings.append(Finding(name, "warning", part,
                                        f"smart quotes {' '.join(soft)} inside tag {inner!r}; use straight quotes",
                                        shown))
        stripped = _TAG.sub("", text)
        for opener in ("{{", "{%", "{#"):
            if opener in stripped:
                findings.append(Finding(name, "error", part,
                                        f"'{opener}' opens a tag that does not close in the same paragraph", shown))
                break
    return findings


# -- Jinja-level checks ------------------------------------------------------------------------
class _Recorder(ChainableUndefined):
    """An undefined that records where it was created instead of failing (check mode only)."""

    __slots__ = ()
    found: list = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        frame = sys._getframe(1)
        while frame is not None:
            if frame.f_code.co_filename == "<template>":
                template = frame.f_globals.get("__jinja_template__")
                line = template.get_corresponding_lineno(frame.f_lineno) if template else None
                _Recorder.found.append((self, line))
                break
            frame = frame.f_back


def _check_env(undefined=None) -> SandboxedEnvironment:
    from generator.render.environment import make_environment

    env = make_environment()
    if undefined is not None:
        env.undefined = undefined
    return env


def _line_text(source_lines: list[str], line: Optional[int]) -> str:
    if not line or not 1 <= line <= len(source_lines):
        return ""
    return paragraph_text(source_lines[line - 1])


def _jinja_checks(name: str, part: str, source: str, contexts: list[dict]) -> list[Finding]:
    findings: list[Finding] = []
    lines = source.splitlines()
    env = _check_env()
    try:
        tree = env.parse(source)
    except TemplateSyntaxError as error:
        return [Finding(name, "error", part, f"syntax error: {error.message}", _line_text(lines, error.lineno))]
    for node in tree.find_all(nodes.Filter):
        if node.name not in env.filters:
            findings.append(Finding(name, "error", part, f"unknown filter '{node.name}'; see `progen templates vars`",
                                    _line_text(lines, node.lineno)))
    for node in tree.find_all(nodes.Test):
        if node.name not in env.tests:
            findings.append(Finding(name, "error", part, f"unknown test '{node.name}'", _line_text(lines, node.lineno)))
    try:
        declared = meta.find_undeclared_variables(tree)
    except TemplateError:  # compiling stops at an unknown filter; approximate with the names loaded
        stored = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
        declared = {n.name for n in tree.find_all(nodes.Name) if n.ctx == "load"} - stored
    unknown = declared - set(TOP_LEVEL) - set(env.globals)
    for variable in sorted(unknown):
        line = next((n.lineno for n in tree.find_all(nodes.Name) if n.name == variable), None)
        findings.append(Finding(name, "error", part, f"unknown variable '{variable}'; see `progen templates vars`",
                                _line_text(lines, line)))
    if findings:
        return findings
    seen: set[tuple] = set()
    for context in contexts:
        env = _check_env(_Recorder)
        _Recorder.found = []
        try:
            env.from_string(source).render(context)
        except SecurityError as error:
            findings.append(Finding(name, "error", part, f"refused by the sandbox: {error}",
                                    _line_text(lines, _traceback_line(error))))
        except Exception as error:  # a TemplateError, or a filter failed on a value (a wrong argument)  # noqa: BLE001
            findings.append(Finding(name, "error", part, f"{type(error).__name__}: {error}",
                                    _line_text(lines, _traceback_line(error))))
        for undefined, line in _Recorder.found:
            variable = undefined._undefined_name
            if undefined._undefined_exception is SecurityError:
                message = f"refused by the sandbox: access to '{variable}'"
            elif variable is None:
                continue
            else:
                owner = undefined._undefined_obj
                of = "" if owner.__class__.__name__ == "_MissingType" else f" (no such field of {type(owner).__name__})"
                message = f"unknown variable '{variable}'{of}; see `progen templates vars`"
            key = (message, line)
            if key not in seen:
                seen.add(key)
                findings.append(Finding(name, "error", part, message, _line_text(lines, line)))
    return findings


def _traceback_line(error: BaseException) -> Optional[int]:
    from generator.render.docx_render import _template_line

    return _template_line(error)


# -- entry points ------------------------------------------------------------------------------
def _contexts(kind: str) -> list[dict]:
    from generator.render import build_context
    from generator.render.sample import sample_languages, sample_program

    return [build_context(sample_program(lang), kind) for lang in sample_languages()]


def _kind_of(path: Path, kinds: dict) -> str:
    """The document kind a template file serves (``program.docx``, ``program_kk.docx`` → program); a file
    that is no kind's template is checked as a program."""
    for name, kind in kinds.items():
        if not kind.template:
            continue
        template = Path(kind.template)
        if path.name == template.name or (path.suffix == template.suffix
                                          and path.stem.rpartition("_")[0] == template.stem):
            return name
    return "program"


def check_template(path: Path, kinds: Optional[dict] = None) -> list[Finding]:
    """Every finding of one template (``kinds``: the document kinds it may serve; default the built-in ones)."""
    path = Path(path)
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            parts = {info.filename: archive.read(info.filename).decode("utf-8")
                     for info in archive.infolist() if _PARTS.match(info.filename)}
    except (zipfile.BadZipFile, OSError, UnicodeDecodeError) as error:
        return [Finding(name, "error", "file", f"not a Word document (.docx): {error}")]
    if "word/document.xml" not in parts:
        return [Finding(name, "error", "file", "not a Word document: word/document.xml is missing")]
    patcher = DocxTemplate.__new__(DocxTemplate)
    if kinds is None:
        from generator.workspace import Workspace

        kinds = Workspace.builtin().kinds
    contexts = _contexts(_kind_of(path, kinds))
    findings: list[Finding] = []
    for filename in sorted(parts, key=lambda f: (f != "word/document.xml", f)):
        part = Path(filename).stem
        xml = parts[filename]
        findings += _run_checks(name, part, xml)
        source = re.sub(r"<w:p([ >])", r"\n<w:p\1", patcher.patch_xml(xml))
        findings += _jinja_checks(name, part, source, contexts)
    return findings


def check_data(folder: Path) -> tuple[list[Finding], dict]:
    """A templates folder's ``labels.yaml`` and ``kinds.yaml``, read as a workspace would read them;
    returns the findings and the document kinds (built-in and the folder's own)."""
    import tempfile

    from generator.exceptions import GeneratorError
    from generator.workspace import Workspace

    folder = Path(folder)
    data = [name for name in ("labels.yaml", "kinds.yaml") if (folder / name).is_file()]
    if not data:
        return [], Workspace.builtin().kinds
    with tempfile.TemporaryDirectory() as root:  # a workspace holding just these files
        (Path(root) / "templates").mkdir()
        for name in data:
            (Path(root) / "templates" / name).write_bytes((folder / name).read_bytes())
        try:
            return [], Workspace.load(root).kinds
        except GeneratorError as error:
            message = str(error).replace(str(Path(root).resolve() / "templates"), str(folder))
            message = message.replace(str(Path(root) / "templates"), str(folder))
            return [Finding(", ".join(data), "error", "data", message)], Workspace.builtin().kinds


def check_folder(folder: Path) -> list[Finding]:
    """Every finding of every ``.docx`` in ``folder`` (Word's lock files ``~$…`` are skipped), and of
    its ``labels.yaml`` and ``kinds.yaml`` if it has them."""
    findings, kinds = check_data(Path(folder))
    for path in sorted(Path(folder).glob("*.docx")):
        if not path.name.startswith("~$"):
            findings += check_template(path, kinds)
    return findings
