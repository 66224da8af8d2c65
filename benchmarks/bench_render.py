"""Benchmark: rendering one program with progen vs a bare docxtpl render of the same template and context.

Plain script (not a timed test): ``python benchmarks/bench_render.py [--repeat N]``.
Target: progen ≤ 1.3 × bare docxtpl, and under 100 ms median.

"Bare" = ``DocxTemplate(template).render(context, jinja_env=<plain jinja2.Environment + our filters>,
autoescape=True)`` and ``save()`` to memory: what docxtpl does on its own. progen adds the sandbox,
StrictUndefined, error mapping, list-numbering restart, document language and an atomic write to disk,
and keeps compiled templates between renders ("progen"); "progen (cold)" clears that cache before each
render, so it compiles everything exactly as the bare render does.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "render"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--card", default="3412-0-003")
    args = parser.parse_args()

    from docxtpl import DocxTemplate
    from jinja2 import Environment

    from conftest import design_seed
    from generator.render import build_context, find_template, render_document
    from generator.render.environment import FILTERS, render_environment

    program = design_seed(args.card)
    template = find_template("program", program.language)
    context = build_context(program, "program")

    def bare():
        env = Environment(autoescape=True)
        env.filters.update({name: function for name, (function, _doc) in FILTERS.items()})
        document = DocxTemplate(str(template))
        document.render(context, jinja_env=env)
        document.save(BytesIO())

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "program.docx"

        def ours():
            render_document(program, "program", target)

        def ours_cold():
            render_environment().clear_cache()  # as the first render of a process: compile everything
            render_document(program, "program", target)

        for function in (bare, ours):  # warm up imports
            function()
        times = {"bare docxtpl": [], "progen": [], "progen (cold)": []}
        for _ in range(args.repeat):  # interleaved, so drift affects all alike
            for name, function in (("bare docxtpl", bare), ("progen (cold)", ours_cold), ("progen", ours)):
                start = time.perf_counter()
                function()
                times[name].append(time.perf_counter() - start)
    medians = {name: statistics.median(values) * 1000 for name, values in times.items()}
    ratio = medians["progen"] / medians["bare docxtpl"]
    cold = medians["progen (cold)"] / medians["bare docxtpl"]
    print(f"card {args.card}, {len(program.modules)} modules, {args.repeat} runs each")
    for name, value in medians.items():
        print(f"  {name:<14} median {value:7.1f} ms   (min {min(times[name]) * 1000:.1f} ms)")
    print(f"  ratio progen / bare = {ratio:.2f}, cold (compiling like bare does) = {cold:.2f}  (limit 1.30)")
    print(f"  progen median under 100 ms: {'yes' if medians['progen'] < 100 else 'NO'}")
    return 0 if max(ratio, cold) <= 1.3 and medians["progen"] < 100 else 1


if __name__ == "__main__":
    sys.exit(main())
