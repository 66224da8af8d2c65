"""Benchmark: phrasing per item — the seed standard (73 items), our Kazakh set (354 items) and our
Russian set (168 items).

Run with ``python benchmarks/bench_phrasing.py``.  The phraser is built once (loading the YAML
data), then all items are phrased; the best of several rounds is reported, each round with a fresh
phraser (no help from memoised converbs or parses).  Target: under 1 ms per item.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.language import Phraser  # noqa: E402

SEED_TSV = ROOT / "tests" / "data" / "kk_outcomes_seed.tsv"
KK_TSV = ROOT / "tests" / "language" / "kk_items.tsv"
RU_TSV = ROOT / "tests" / "language" / "ru_items.tsv"
SEED_ITEMS = 73  # 33 abilities + 40 knowledge items in the seed (some texts repeat across cards)


def read(path: Path) -> list[tuple[str, str]]:
    """(kind, item) from a test set: class/kind in the first column, the item before the expected one."""
    items = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        cells = line.split("\t")
        if len(cells) >= 3:
            items.append(("ability" if cells[0].startswith("a") else "knowledge", cells[-2]))
    return items


def seed_items() -> list[tuple[str, str]]:
    items = read(SEED_TSV)
    # Repeat the unique texts to the seed's 73 items (the repeated ones are shared knowledge items).
    knowledge = [pair for pair in items if pair[0] == "knowledge"]
    while len(items) < SEED_ITEMS:
        items.append(knowledge[len(items) % len(knowledge)])
    return items


def best_of(lang: str, items: list[tuple[str, str]], rounds: int) -> tuple[float, float]:
    timings = []
    for _ in range(rounds):
        phraser = Phraser(lang)
        start = time.perf_counter()
        for kind, text in items:
            getattr(phraser, kind)(text)
        timings.append(time.perf_counter() - start)
    return min(timings), sorted(timings)[len(timings) // 2]


def main() -> None:
    start = time.perf_counter()
    Phraser("kk")
    print(f"Phraser('kk') construction: {(time.perf_counter() - start) * 1000:.1f} ms")
    for label, lang, items, rounds in (
        ("seed items (kk)", "kk", seed_items(), 20),
        ("own Kazakh items", "kk", read(KK_TSV) if KK_TSV.is_file() else [], 10),
        ("own Russian items", "ru", read(RU_TSV) if RU_TSV.is_file() else [], 5),
    ):
        if not items:
            continue
        best, median = best_of(lang, items, rounds)
        print(f"{len(items)} {label}: best {best * 1000:.2f} ms, median {median * 1000:.2f} ms "
              f"({best / len(items) * 1e6:.0f} µs per item)")


if __name__ == "__main__":
    main()
