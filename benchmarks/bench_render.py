"""Benchmark: one document of each kind with progen against a bare docxtpl render of the same template and context.

Plain script (not a timed test): ``python benchmarks/bench_render.py [--repeat N] [--card CODE] [--kinds …]``.
Targets (issue 17): progen ≤ 0.25 × bare docxtpl per document, for the program, outline and assessment;
the other Word kinds of the registry (guide, feedback) are reported beside them.

* "bare docxtpl" = ``DocxTemplate(template).render(context, jinja_env=<plain jinja2.Environment + our
  filters>, autoescape=True)`` and ``save()``: what docxtpl does on its own, every time; saved to
  memory, and (second line) to a file;
* "progen" = the render of ``progen render`` and ``progen build``: the template prepared once per
  process (:mod:`generator.render.prepared`), then per document the sandbox with its limits and the
  time budget, StrictUndefined, numbering restart, document language, title and content stamp; the
  DOCX bytes in memory (``render_bytes``), and
  (second line) ``render_document``, which also writes the file atomically (temporary file, fsync,
  rename);
* "docxtpl path" = the same through docxtpl and python-docx (the reference and fallback,
  ``render_bytes_docxtpl``), with the compiled-template cache progen had before issue 17;
* "first in process" = the render caches (prepared and compiled templates) cleared before each render:
  the first document of a kind in a build worker, preparation included.

The limit applies to the bytes in memory (the same work on both sides); the file lines show what the
disk adds; "to a file" lines compare with bare docxtpl saving to a file. Medians and minimums are
printed: on a machine shared with other work the minimums are the runs nobody interrupted. The runs of each group are interleaved, so drift of a shared machine affects them alike; medians
are reported.
"""
from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "render"))

TARGET_KINDS = ("program", "outline", "assessment")  # the kinds issue 17's limit names
LIMIT = 0.25


def bare_render(template: Path, context: dict, target=None) -> None:
    """docxtpl on its own: read the template, render with a plain environment and our filters, save."""
    from docxtpl import DocxTemplate
    from jinja2 import Environment

    from generator.render.environment import FILTERS

    env = Environment(autoescape=True)
    env.filters.update({name: function for name, (function, _doc) in FILTERS.items()})
    document = DocxTemplate(str(template))
    document.render(context, jinja_env=env)
    document.save(BytesIO() if target is None else str(target))


def measure(program, kind: str, repeat: int, folder: Path) -> dict[str, list[float]]:
    from generator.render import build_context, find_template, render_document
    from generator.render.docx_render import render_bytes, render_bytes_docxtpl
    from generator.render.environment import render_environment
    from generator.render.prepared import clear_prepared
    from generator.workspace import Workspace

    template = find_template(kind, program.language)
    context = build_context(program, kind)
    options = {"title": program.title, "word_tag": Workspace.builtin().language(program.language).word_tag}

    def cold(function):
        def run():
            clear_prepared()
            render_environment().clear_cache()
            function()
        return run

    warm = {"bare docxtpl": lambda: bare_render(template, context),
            "bare docxtpl, to a file": lambda: bare_render(template, context, folder / "bare.docx"),
            "progen": lambda: render_bytes(template, context, **options),
            "progen, to a file": lambda: render_document(program, kind, folder / "progen.docx"),
            "docxtpl path": lambda: render_bytes_docxtpl(template, context, **options)}
    first = {"progen, first in process": cold(lambda: render_bytes(template, context, **options)),
             "docxtpl path, first in process": cold(lambda: render_bytes_docxtpl(template, context, **options))}
    times: dict[str, list[float]] = {name: [] for name in [*warm, *first]}
    for runs in (warm, first):  # the second group clears the caches the first one keeps
        for function in runs.values():  # warm up imports and caches
            function()
        for _ in range(repeat):
            for name, function in runs.items():
                gc.collect()  # each run pays for its own garbage, not for the previous run's (docxtpl leaves much)
                start = time.perf_counter()
                function()
                times[name].append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--card", default="3412-0-003")
    parser.add_argument("--kinds", default="", help="comma-separated kinds (default: every Word kind of the registry)")
    args = parser.parse_args()
    from generator.workspace import Workspace

    kinds = [k for k in args.kinds.split(",") if k] or [
        name for name, kind in Workspace.builtin().kinds.items() if kind.renderer == "docx"]

    from helpers import design_seed

    program = design_seed(args.card)
    print(f"card {args.card} ({len(program.modules)} modules), {args.repeat} runs of each, interleaved; "
          f"{os.getloadavg()[0]:.2f} load average")
    worst = 0.0
    with tempfile.TemporaryDirectory() as folder:
        for kind in kinds:
            times = measure(program, kind, args.repeat, Path(folder))
            medians = {name: statistics.median(values) * 1000 for name, values in times.items()}
            fastest = {name: min(values) * 1000 for name, values in times.items()}
            print(f"{kind + ':':<33}   median (× bare)       min (× bare)")
            for name, value in medians.items():
                bare = "bare docxtpl, to a file" if "file" in name else "bare docxtpl"
                print(f"  {name:<31} {value:7.1f} ms ({value / medians[bare]:.2f}) {fastest[name]:7.1f} ms "
                      f"({fastest[name] / fastest[bare]:.2f})")
            if kind in TARGET_KINDS:
                worst = max(worst, medians["progen"] / medians["bare docxtpl"])
    print(f"largest ratio progen / bare docxtpl of {', '.join(TARGET_KINDS)}: {worst:.2f} (limit {LIMIT}); "
          f"{os.getloadavg()[0]:.2f} load average")
    return 0 if worst <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
