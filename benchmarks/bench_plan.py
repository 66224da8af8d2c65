"""Benchmark: design every card of the seed, and of a synthetic standard of 1,000 cards.

Run by hand or in CI as a report:  python benchmarks/bench_plan.py
Targets (issue 4): the seed's cards well under 50 ms; 1,000 cards under 20 s on 2 cores.
"""
from __future__ import annotations

import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.design import plan_program  # noqa: E402
from generator.workspace.spec import ProgramSpec  # noqa: E402
from generator.language import get_phraser  # noqa: E402
from generator.standard.store import load_standard  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import synthetic_standard  # noqa: E402  (one synthetic standard for all benchmarks)

SEED = REPO / "standard_data" / "M84120.kk.yaml"


def _plan_codes(args):
    path, codes = args
    standard = load_standard(path)
    return sum(len(plan_program(standard, ProgramSpec(card=code)).modules) for code in codes)


def main() -> None:
    seed = load_standard(SEED)
    get_phraser("kk")  # load the phrasing data once, as a build does
    timings = []
    for _ in range(20):
        start = time.perf_counter()
        for card in seed.cards:
            plan_program(seed, ProgramSpec(card=card.code))
        timings.append(time.perf_counter() - start)
    print(f"plan every seed card ({len(seed.cards)}): median {statistics.median(timings) * 1000:.1f} ms "
          f"(target well under 50 ms)")

    import tempfile

    from generator.standard.store import save_standard

    big = synthetic_standard(seed, 1000)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "synthetic.kk.yaml"
        save_standard(big, path)
        codes = [card.code for card in big.cards]
        start = time.perf_counter()
        with ProcessPoolExecutor(max_workers=2) as pool:
            modules = sum(pool.map(_plan_codes, [(path, codes[0::2]), (path, codes[1::2])]))
        elapsed = time.perf_counter() - start
    print(f"plan a synthetic standard of 1,000 cards with 2 processes: {elapsed:.2f} s, {modules} modules "
          f"(target under 20 s)")


if __name__ == "__main__":
    main()
