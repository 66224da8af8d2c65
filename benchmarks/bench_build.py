"""Benchmark of `progen build` on a synthetic standard of 1,000 cards (a report, not a pass/fail test).

    python benchmarks/bench_build.py [--cards 1000] [--jobs 2] [--kinds program,outline,assessment]

Reports (issue 6 targets in brackets):
* `progen --help` wall time, median of 10 runs [< 150 ms];
* a full build with -j 2 [< 30 s], and the per-document cost against a bare docxtpl render of the
  same template and context;
* a no-op rebuild, in process and as a `progen build` command [< 1 s];
* peak memory of the build process and of its workers for growing numbers of targets [flat].

The synthetic standard: copies of the seed's cards under new codes (ids rewritten), see
:func:`synthetic_standard`; written with ``generator.standard.store.save_standard``.
"""
from __future__ import annotations

import argparse
import copy
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.standard import model as m  # noqa: E402
from generator.standard.store import load_standard, save_standard  # noqa: E402

SEED = REPO / "standard_data" / "M84120.kk.yaml"


def synthetic_standard(seed: m.Standard, cards: int) -> m.Standard:
    """``cards`` copies of the seed's cards under new codes (9000-0-000 …), every id rewritten."""
    result = copy.deepcopy(seed)
    result.code, result.cards, result.card_list = "SYN1000", [], []
    for number in range(cards):
        card = copy.deepcopy(seed.cards[number % len(seed.cards)])
        old, new = card.code, f"{9000 + number // 1000:04d}-{number // 100 % 10}-{number % 1000:03d}"
        card.code = new
        for function in card.functions:
            function.id = function.id.replace(old, new)
            for skill in function.skills:
                skill.id = skill.id.replace(old, new)
                for item in skill.abilities + skill.knowledge:
                    item.id = item.id.replace(old, new)
        result.cards.append(card)
    return result


def make_workspace(folder: Path, cards: int, kinds: list[str]) -> Path:
    from generator.workspace.scaffold import init_workspace

    init_workspace(folder)
    (folder / "standard_data" / "M84120.kk.yaml").unlink()
    save_standard(synthetic_standard(load_standard(SEED), cards), folder / "standard_data" / "SYN1000.kk.yaml")
    (folder / "programs.yaml").write_text(f"defaults:\n  kinds: [{', '.join(kinds)}]\n", "utf-8")
    return folder


def help_time() -> float:
    runs = []
    for _ in range(10):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "generator", "--help"], check=True, capture_output=True, cwd=REPO)
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def bare_docxtpl(kinds: list[str], samples: int = 20) -> dict[str, float]:
    """Median seconds of a bare docxtpl render (same template, same context) per kind."""
    from docxtpl import DocxTemplate

    from generator.design import plan_program
    from generator.workspace.spec import ProgramSpec
    from generator.render import build_context, find_template, render_document
    from generator.render.environment import make_environment

    seed = load_standard(SEED)
    program = plan_program(seed, ProgramSpec(card="3412-0-003"))
    result = {}
    for kind in kinds:
        template_path = find_template(kind, "kk")
        context = build_context(program, kind)
        runs = []
        for _ in range(samples):
            started = time.perf_counter()
            template = DocxTemplate(str(template_path))
            template.render(context, jinja_env=make_environment())
            template.save(io.BytesIO())
            runs.append(time.perf_counter() - started)
        result[kind] = statistics.median(runs)
        runs = []
        with tempfile.TemporaryDirectory() as folder:
            for _ in range(samples):
                started = time.perf_counter()
                render_document(program, kind, Path(folder) / f"{kind}.docx")
                runs.append(time.perf_counter() - started)
        result[f"{kind} via render_document"] = statistics.median(runs)
    return result


def measure_build(workspace: Path, jobs: int, **options) -> dict:
    """Build in a fresh process; its peak RSS (VmHWM: ru_maxrss would include the benchmark's own, kept
    across exec), the largest worker's (RUSAGE_CHILDREN, counting pages shared with the build process
    after fork) and a worker's largest private memory sampled during the build, in MB."""
    import json

    code = f"""
import json, resource, sys, time
sys.path.insert(0, {str(REPO)!r})
from generator.batch import build
import os
private = [0]
def sample(done, total, key):
    # the largest private memory (USS) of a worker, sampled while the build runs
    if done % 25:
        return
    try:
        children = open(f"/proc/{{os.getpid()}}/task/{{os.getpid()}}/children").read().split()
    except OSError:
        return
    for child in children:
        try:
            rollup = open(f"/proc/{{child}}/smaps_rollup").read().splitlines()
        except OSError:
            continue
        kb = sum(int(line.split()[1]) for line in rollup if line.startswith(("Private_Clean", "Private_Dirty")))
        private[0] = max(private[0], kb)
started = time.perf_counter()
report = build({str(workspace)!r}, jobs={jobs}, progress=sample, **{options!r})
seconds = time.perf_counter() - started
print(json.dumps({{"seconds": seconds, "built": len(report.built), "up": len(report.up_to_date),
    "failed": len(report.failed), "targets": len(report.results),
    "doc_seconds": {{k: [r.seconds for r in report.built if r.kind == k] for k in {{r.kind for r in report.built}}}},
    "self_mb": [int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM")][0] / 1024,
    "children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    "worker_private_mb": private[0] / 1024}}))
"""
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    data = json.loads(out.strip().splitlines()[-1])
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--kinds", default="program,outline,assessment")
    parser.add_argument("--memory", default="50,200,1000", help="card counts for the memory series (program only)")
    args = parser.parse_args()
    kinds = args.kinds.split(",")
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")

    print(f"progen --help: {help_time() * 1000:.0f} ms median of 10 (target < 150 ms)")
    bare = bare_docxtpl(kinds)
    for kind, seconds in bare.items():
        label = kind if " " in kind else f"{kind}, bare docxtpl"
        print(f"one document ({label}): {seconds * 1000:.1f} ms median")

    with tempfile.TemporaryDirectory() as folder:
        workspace = make_workspace(Path(folder) / "ws", args.cards, kinds)
        full = measure_build(workspace, args.jobs)
        documents = full["built"]
        print(f"full build, {args.cards} cards × {len(kinds)} kinds = {documents} documents, -j {args.jobs}: "
              f"{full['seconds']:.1f} s (target < 30 s), {full['failed']} failed; "
              f"{full['seconds'] * args.jobs / max(documents, 1) * 1000:.1f} ms per document per worker")
        for kind, seconds in sorted(full["doc_seconds"].items()):
            per_doc = statistics.median(seconds)
            print(f"  {kind}: median {per_doc * 1000:.1f} ms per document in a worker (its share of the design, "
                  f"render, hash) vs bare docxtpl {bare[kind] * 1000:.1f} ms ({per_doc / bare[kind]:.2f}×)")
        floor = sum(bare[kind] * len(seconds) for kind, seconds in full["doc_seconds"].items()) / args.jobs
        print(f"  the same documents as bare docxtpl renders on {args.jobs} processes would take {floor:.1f} s")
        print(f"  peak memory: build process {full['self_mb']:.0f} MB; largest worker {full['children_mb']:.0f} MB RSS "
              f"(pages shared with the build process included), {full['worker_private_mb']:.0f} MB private")
        noop = measure_build(workspace, args.jobs)
        print(f"no-op rebuild ({noop['up']} up to date) in process: {noop['seconds'] * 1000:.0f} ms (target < 1 s)")
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "generator", "build", "-C", str(workspace)], check=True,
                       capture_output=True, cwd=REPO)
        print(f"no-op rebuild as `progen build`: {(time.perf_counter() - started) * 1000:.0f} ms")
        one_card = measure_build(workspace, args.jobs, targets=["9000-0-007"], force=True)
        print(f"one card rebuilt (--force 9000-0-007): {one_card['seconds'] * 1000:.0f} ms")

    print("memory in the number of targets (program kind only, -j 2):")
    for cards in [int(n) for n in args.memory.split(",") if n]:
        with tempfile.TemporaryDirectory() as folder:
            workspace = make_workspace(Path(folder) / "ws", cards, ["program"])
            data = measure_build(workspace, 2)
            print(f"  {cards:>5} targets: {data['seconds']:.1f} s, build process {data['self_mb']:.0f} MB, "
                  f"largest worker {data['children_mb']:.0f} MB RSS, {data['worker_private_mb']:.0f} MB private")


if __name__ == "__main__":
    main()
