"""Benchmark of `progen build` on a synthetic standard of 1,000 cards (a report, not a pass/fail test).

    python benchmarks/bench_build.py [--cards 1000] [--jobs 2] [--kinds program,outline,…]
                                     [--baseline DIR] [--memory 50,200] [--rounds 1]

Reports (targets in brackets):
* `progen --help` wall time, median of 10 runs [< 150 ms];
* a full build of every card's program with -j 2, side by side with bare docxtpl rendering the same
  documents on as many processes [issue 17: ≤ 0.35 × bare docxtpl and ≤ 20 s for 1,000 programs], and
  how the workers' time splits into planning (``plan_program``), rendering (``render_document``:
  context, render, file) and the rest (the card's slice of the standard, the output's hash, the pool);
  then the same for every card × every kind (``--kinds``, default every Word kind);
* per kind, the median cost of a document in a worker (its share of the design, render and hash);
* a no-op rebuild, in process and as a `progen build` command [< 1 s], and a one-card rebuild;
* peak memory of the build process and of its largest worker for growing numbers of targets [flat];
* with ``--baseline DIR`` (progen's source before the change, e.g. ``git archive <commit> | tar -x -C
  DIR``): the program build, its memory, the no-op and the one-card rebuild with that code too, on the
  same workspace, in the same run.

Bare docxtpl = :func:`bench_render.bare_render` (docxtpl with a plain Jinja environment and our
filters, saved to a file) in ``--jobs`` forked processes; each designs its share of the programs and
builds the contexts first, and the clock starts when all of them start rendering. The split of a
build's time comes from a subclass of the build's Pipeline that notes how long each plan and render
took (one line per call in a file per process). The load average is printed with each measurement:
other work on the machine shows there.

The synthetic standard: copies of the seed's cards under new codes (ids rewritten), see
:func:`synthetic_standard`; written with ``generator.standard.store.save_standard``.
"""
from __future__ import annotations

import argparse
import copy
import gc
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

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


def _bare_process(workspace: Path, codes: list[str], kinds: list[str], folder: str, barrier, results) -> None:
    """One of the bare docxtpl processes: design its share of the documents (not timed), wait for the
    others, then render them with docxtpl and save them to files; puts (start, end, documents)."""
    from bench_render import bare_render

    from generator.design import plan_program
    from generator.render import build_context, find_template
    from generator.workspace.spec import ProgramSpec

    standard = load_standard(workspace / "standard_data" / "SYN1000.kk.yaml")
    work = []
    for code in codes:
        program = plan_program(standard, ProgramSpec(card=code), workspace)
        work += [(find_template(kind, program.language, workspace), build_context(program, kind, workspace),
                  Path(folder) / f"{code}_{kind}.docx") for kind in kinds]
    gc.freeze()  # the designed programs stay alive: keep them out of the collector's scans, as a build does
    barrier.wait()
    started = time.time()
    for template, context, target in work:
        bare_render(template, context, target)
    results.put((started, time.time(), len(work)))


def bare_docxtpl_build(workspace: Path, kinds: list[str], jobs: int) -> float:
    """Wall seconds of bare docxtpl rendering the documents of the build on ``jobs`` processes
    (contexts made beforehand; the clock runs from the moment all processes start rendering)."""
    import multiprocessing

    codes = [card.code for card in load_standard(workspace / "standard_data" / "SYN1000.kk.yaml").cards]
    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(jobs), context.Queue()
    with tempfile.TemporaryDirectory() as folder:
        processes = [context.Process(target=_bare_process, args=(workspace, codes[number::jobs], kinds, folder,
                                                                 barrier, results)) for number in range(jobs)]
        for process in processes:
            process.start()
        spans = [results.get() for _ in processes]
        for process in processes:
            process.join()
    assert sum(count for _start, _end, count in spans) == len(codes) * len(kinds)
    return max(end for _start, end, _count in spans) - min(start for start, _end, _count in spans)


def measure_build(workspace: Path, jobs: int, root: Path = REPO, **options) -> dict:
    """Build in a fresh process with progen's source at ``root``; its peak RSS (VmHWM: ru_maxrss would
    include the benchmark's own, kept across exec), the largest worker's (RUSAGE_CHILDREN, counting pages
    shared with the build process after fork), a worker's largest private memory sampled during the
    build, in MB, and the seconds the workers spent planning and rendering."""
    import json

    code = f"""
import json, os, resource, sys, tempfile, time
sys.path.insert(0, {str(root)!r})
from generator.batch import build
from generator.batch.pipeline import Pipeline
TIMES = tempfile.mkdtemp(prefix="bench_build_times-")

def noted(stage, function, *args):
    started = time.perf_counter()
    try:
        return function(*args)
    finally:
        with open(os.path.join(TIMES, str(os.getpid())), "a") as log:
            log.write(f"{{stage}} {{time.perf_counter() - started}}\\n")

class TimingPipeline(Pipeline):
    def plan(self, *args):
        return noted("plan", super().plan, *args)

    def render(self, *args):
        return noted("render", super().render, *args)

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
report = build({str(workspace)!r}, jobs={jobs}, progress=sample, _pipeline=TimingPipeline(), **{options!r})
seconds = time.perf_counter() - started
stages = {{}}
for name in os.listdir(TIMES):
    for line in open(os.path.join(TIMES, name)):
        stage, spent = line.split()
        stages.setdefault(name, {{"plan": 0.0, "render": 0.0}})[stage] += float(spent)
    os.unlink(os.path.join(TIMES, name))
os.rmdir(TIMES)
print(json.dumps({{"seconds": seconds, "built": len(report.built), "up": len(report.up_to_date),
    "failed": len(report.failed), "targets": len(report.results), "stages": stages,
    "doc_seconds": {{k: [r.seconds for r in report.built if r.kind == k] for k in {{r.kind for r in report.built}}}},
    "self_mb": [int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM")][0] / 1024,
    "children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    "worker_private_mb": private[0] / 1024}}))
"""
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def split(data: dict, jobs: int) -> str:
    """How the workers' time went: planning, rendering, the rest (of ``jobs`` × the wall time)."""
    plan = sum(stage["plan"] for stage in data["stages"].values())
    render = sum(stage["render"] for stage in data["stages"].values())
    rest = data["seconds"] * jobs - plan - render
    workers = ", ".join(f"plan {stage['plan']:.1f} s + render {stage['render']:.1f} s"
                        for stage in data["stages"].values())
    return (f"planning {plan:.1f} s, rendering {render:.1f} s, the rest {rest:.1f} s of {jobs} × "
            f"{data['seconds']:.1f} s (per process: {workers}); on {jobs} processes that is "
            f"{plan / jobs:.1f} s planning + {render / jobs:.1f} s rendering")


def _load() -> str:
    return "load average %.2f %.2f %.2f" % os.getloadavg()


def compare(cards: int, kinds: list[str], jobs: int) -> tuple[Path, dict, float]:
    """A full build and bare docxtpl on the same documents, side by side; prints and returns both."""
    folder = Path(tempfile.mkdtemp(prefix="bench_build-"))
    workspace = make_workspace(folder / "ws", cards, kinds)
    print(f"{cards} cards × {', '.join(kinds)} ({_load()}):")
    full = measure_build(workspace, jobs)
    bare = bare_docxtpl_build(workspace, kinds, jobs)
    documents = full["built"]
    print(f"  progen build -j {jobs}: {full['seconds']:.1f} s for {documents} documents, {full['failed']} failed; "
          f"bare docxtpl on {jobs} processes: {bare:.1f} s; ratio {full['seconds'] / bare:.2f}")
    print(f"  in the workers: {split(full, jobs)}")
    for kind, seconds in sorted(full["doc_seconds"].items()):
        print(f"  {kind}: median {statistics.median(seconds) * 1000:.1f} ms per document in a worker (its share of "
              f"the design, render, hash)")
    print(f"  bare docxtpl: {bare * jobs / documents * 1000:.1f} ms per document per process")
    print(f"  peak memory: build process {full['self_mb']:.0f} MB; largest worker {full['children_mb']:.0f} MB RSS "
          f"(pages shared with the build process included), {full['worker_private_mb']:.0f} MB private  ({_load()})")
    return workspace, full, bare


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--kinds", default="", help="the kinds of the second build (default: every Word kind)")
    parser.add_argument("--memory", default="50,200", help="more card counts for the memory series (program only)")
    parser.add_argument("--baseline", type=Path, help="progen's source before the change, measured beside it")
    parser.add_argument("--rounds", type=int, default=1,
                        help="program builds side by side with bare docxtpl (the machine's speed drifts: medians)")
    args = parser.parse_args()
    from generator.workspace import Workspace

    kinds = [kind for kind in args.kinds.split(",") if kind] or [
        name for name, kind in Workspace.builtin().kinds.items() if kind.renderer == "docx"]
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")

    print(f"progen --help: {help_time() * 1000:.0f} ms median of 10 (target < 150 ms)")
    rounds = []
    for number in range(max(args.rounds, 1)):  # each round a new workspace: the scan of a new standard included
        if rounds:
            shutil.rmtree(rounds[-1][0].parent)
            print(f"round {number + 1} of {args.rounds}:")
        rounds.append(compare(args.cards, ["program"], args.jobs))
    workspace, programs, bare = rounds[-1]
    seconds = statistics.median(full["seconds"] for _, full, _ in rounds)
    ratio = statistics.median(full["seconds"] / side for _, full, side in rounds)
    if len(rounds) > 1:
        builds = ", ".join("%.1f" % full["seconds"] for _, full, _ in rounds)
        bares = ", ".join("%.1f" % side for _, _, side in rounds)
        ratios = ", ".join("%.2f" % (full["seconds"] / side) for _, full, side in rounds)
        print(f"{len(rounds)} rounds, each progen then bare docxtpl: progen {builds} s; bare docxtpl {bares} s; "
              f"ratios {ratios}; medians {seconds:.1f} s and {ratio:.2f}")
    print(f"  targets (issue 17{', medians of the rounds' if len(rounds) > 1 else ''}): ≤ 0.35 × bare docxtpl: "
          f"{'yes' if ratio <= 0.35 else 'NO'}; ≤ 20 s: {'yes' if seconds <= 20 else 'NO'}")
    if args.baseline:
        baseline(workspace, args.baseline.resolve(), args.jobs, programs, bare)
    shutil.rmtree(workspace.parent)
    if kinds:
        all_kinds(args.cards, kinds, args.jobs)
    memory_series(args, programs)


def baseline(workspace: Path, root: Path, jobs: int, programs: dict, bare: float) -> None:
    """The same program build with progen's source before the change (forced: the code differs)."""
    print(f"baseline {root} ({_load()}):")
    before = measure_build(workspace, jobs, root, force=True)
    print(f"  progen build -j {jobs}: {before['seconds']:.1f} s for {before['built']} documents (× bare docxtpl "
          f"{before['seconds'] / bare:.2f}; now {programs['seconds']:.1f} s, {programs['seconds'] / before['seconds']:.2f} "
          f"× the baseline)")
    print(f"  in the workers: {split(before, jobs)}")
    print(f"  peak memory: build process {before['self_mb']:.0f} MB (now {programs['self_mb']:.0f}); largest worker "
          f"{before['children_mb']:.0f} MB RSS (now {programs['children_mb']:.0f}), {before['worker_private_mb']:.0f} "
          f"MB private (now {programs['worker_private_mb']:.0f})")
    rebuilds(workspace, jobs, root, "baseline: ")  # the workspace was just built by the baseline
    measure_build(workspace, jobs, REPO, force=True)
    rebuilds(workspace, jobs, REPO, "now: ")
    print(f"  ({_load()})")


def rebuilds(workspace: Path, jobs: int, root: Path, label: str) -> None:
    """A no-op rebuild in process and as `progen build`, and one card forced, with the source at ``root``
    (the workspace was last built with that source)."""
    noop = measure_build(workspace, jobs, root)
    environment = {**os.environ, "PYTHONPATH": str(root)}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator", "build", "-C", str(workspace)], check=True,
                   capture_output=True, cwd=root, env=environment)
    command = time.perf_counter() - started
    one_card = measure_build(workspace, jobs, root, targets=["9000-0-007"], force=True)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator", "build", "-C", str(workspace), "--force", "9000-0-007"],
                   check=True, capture_output=True, cwd=root, env=environment)
    one_command = time.perf_counter() - started
    print(f"  {label}no-op rebuild ({noop['up']} up to date): {noop['seconds'] * 1000:.0f} ms in process, "
          f"{command * 1000:.0f} ms as `progen build`; one card forced ({one_card['built']} documents): "
          f"{one_card['seconds'] * 1000:.0f} ms in process, {one_command * 1000:.0f} ms as `progen build`")


def all_kinds(cards: int, kinds: list[str], jobs: int) -> None:
    """Every card × every kind; then a no-op rebuild and a one-card rebuild of that workspace."""
    workspace, _full, _bare = compare(cards, kinds, jobs)
    rebuilds(workspace, jobs, REPO, "")
    shutil.rmtree(workspace.parent)


def memory_series(args, programs: dict) -> None:
    print("memory in the number of targets (program kind only, -j 2):")
    series = [int(n) for n in args.memory.split(",") if n]
    for cards in series:
        with tempfile.TemporaryDirectory() as folder:
            data = measure_build(make_workspace(Path(folder) / "ws", cards, ["program"]), 2)
            print(f"  {cards:>5} targets: {data['seconds']:.1f} s, build process {data['self_mb']:.0f} MB, "
                  f"largest worker {data['children_mb']:.0f} MB RSS, {data['worker_private_mb']:.0f} MB private")
    print(f"  {args.cards:>5} targets: {programs['seconds']:.1f} s, build process {programs['self_mb']:.0f} MB, "
          f"largest worker {programs['children_mb']:.0f} MB RSS, {programs['worker_private_mb']:.0f} MB private")
    print(_load())


if __name__ == "__main__":
    main()
