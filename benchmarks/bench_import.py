"""Benchmark: import the seed (published text → model → YAML) and load its standard data YAML.

Run by hand or in CI as a report:  python benchmarks/bench_import.py [--repeat N]
Target (issue 2): importing the seed takes well under a second. Nothing is written into the
repository: the YAML is written to a temporary folder.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.ingest import import_standard  # noqa: E402
from generator.ingest.blocks import decode_text  # noqa: E402
from generator.standard.store import load_standard, save_standard, standard_to_yaml  # noqa: E402

SEED = REPO / "standard_data" / "sources" / "M84120.kk.txt"
SEED_YAML = REPO / "standard_data" / "M84120.kk.yaml"
RU_SAMPLE = REPO / "tests" / "data" / "ru_sample_2023.txt"
TARGET_SECONDS = 1.0


def timed(function, repeat: int) -> tuple[float, float, float]:
    """(first run, median, best) in milliseconds; the first run includes imports and caches."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return samples[0], statistics.median(samples), min(samples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50, help="runs per measurement (default 50)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "M84120.kk.yaml"
        rows = [
            ("decode seed text", lambda: decode_text(SEED, SEED.read_bytes())),
            ("import seed (text → model)", lambda: import_standard(SEED)),
            ("import + write YAML", lambda: save_standard(import_standard(SEED), target)),
            ("model → YAML text", (lambda s: lambda: standard_to_yaml(s))(import_standard(SEED))),
            ("load seed YAML (validated)", lambda: load_standard(SEED_YAML)),
        ]
        if RU_SAMPLE.exists():
            rows.append(("import Russian sample", lambda: import_standard(RU_SAMPLE)))
        print(f"Python {sys.version.split()[0]}; {args.repeat} runs each; times in ms")
        print(f"{'step':32} {'first':>8} {'median':>8} {'best':>8}")
        results = {}
        for name, function in rows:
            first, median, best = timed(function, args.repeat)
            results[name] = (first, median, best)
            print(f"{name:32} {first:8.1f} {median:8.1f} {best:8.1f}")

        cold = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "generator", "import", str(SEED), "-o", str(target)],
                           check=True, capture_output=True, cwd=folder)
            cold.append((time.perf_counter() - start) * 1000)
        print(f"{'progen import, new process':32} {cold[0]:8.1f} {statistics.median(cold):8.1f} {min(cold):8.1f}")

    import_first, import_median, _ = results["import seed (text → model)"]
    ok = max(import_first, import_median) < TARGET_SECONDS * 1000
    print(f"seed import: first {import_first:.1f} ms, median {import_median:.1f} ms — "
          f"{'well under' if ok else 'NOT under'} the {TARGET_SECONDS:.0f} s target")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
