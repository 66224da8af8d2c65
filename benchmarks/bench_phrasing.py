"""Benchmark: phrase every Kazakh item of the seed standard (73 items, 52 unique texts).

Run with ``python benchmarks/bench_phrasing.py``.  The phraser is built once (loading the YAML
data), then all items are phrased; the best of several rounds is reported.  Target: well under
10 ms for the 73 items.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.language import Phraser  # noqa: E402

SEED_TSV = ROOT / "tests" / "data" / "kk_outcomes_seed.tsv"
SEED_ITEMS = 73  # 33 abilities + 40 knowledge items in the seed (some texts repeat across cards)


def load_items() -> list[tuple[str, str]]:
    rows = [line.split("\t") for line in SEED_TSV.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    items = [("ability" if cls.startswith("a") else "knowledge", item) for cls, item, _ in rows]
    # Repeat the unique texts to the seed's 73 items (the repeated ones are shared knowledge items).
    knowledge = [pair for pair in items if pair[0] == "knowledge"]
    while len(items) < SEED_ITEMS:
        items.append(knowledge[len(items) % len(knowledge)])
    return items


def main() -> None:
    start = time.perf_counter()
    phraser = Phraser("kk")
    built = time.perf_counter() - start
    items = load_items()
    timings = []
    for _ in range(20):
        phraser = Phraser("kk")  # fresh caches every round: no help from memoised converbs
        start = time.perf_counter()
        for kind, text in items:
            getattr(phraser, kind)(text)
        timings.append(time.perf_counter() - start)
    best, median = min(timings), sorted(timings)[len(timings) // 2]
    print(f"Phraser('kk') construction: {built * 1000:.1f} ms")
    print(f"{len(items)} seed items: best {best * 1000:.2f} ms, median {median * 1000:.2f} ms "
          f"({best / len(items) * 1e6:.0f} µs per item)")
    ru = Phraser("ru")
    ru_items = ["Организация обучающих мероприятий", "Проведение резервного копирования баз данных",
                "Методы оптимизации запросов", "Знание драйверов для установки требуемых устройств"] * 18
    start = time.perf_counter()
    for text in ru_items:
        ru.ability(text)
        ru.knowledge(text)
    print(f"{len(ru_items)} Russian items (ability + knowledge): {(time.perf_counter() - start) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
