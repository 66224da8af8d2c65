"""Benchmark: how much a hostile input costs before it is refused (a report, not a pass/fail test).

    python benchmarks/bench_hostile.py

Each case runs in a fresh interpreter (modules imported and built-in data read before the clock starts) and prints the seconds the
refusal took, the process's peak RSS and tracemalloc's peak, and the message. Issue 15 asks for a 3 KB
alias file and a 3 MB DOCX bomb to be refused in under 1 s and under 100 MB; without the limits the
first ran for minutes past 800 MB and the second took 20 s and gigabytes.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "hostile"))

from hostile_lib import alias_bomb, docx_bomb, measured, standard_alias_bomb  # noqa: E402

CASES = {
    "3 KB alias standard data (load_standard)": ("bomb.kk.yaml", standard_alias_bomb,
                                                 "from generator.standard.store import load_standard as load"),
    "3 KB alias standard data (the build's fast scan)": ("bomb.kk.yaml", standard_alias_bomb,
                                                         "from generator.batch.standard_scan import scan_standard as load"),
    "44 KB alias programs.yaml (Workspace.load)": (
        "ws/programs.yaml", lambda: "".join(alias_bomb(9, 60, f"p{n}") for n in range(13)),
        "from generator.workspace import Workspace; Workspace.builtin(); load = lambda path: Workspace.load(path.parent)"),
    "3 MB DOCX inflating to 1 GiB (import_standard)": ("bomb.docx", lambda: docx_bomb(1 << 30),
                                                       "from generator.ingest import import_standard as load; import generator.ingest.docx_reader, generator.standard.store, docx"),
}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for title, (name, make, loader) in CASES.items():
            path = Path(folder) / name
            path.parent.mkdir(parents=True, exist_ok=True)
            content = make()
            path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
            result = measured(f"""
                {loader}
                from generator.exceptions import GeneratorError
                # -- measured
                try:
                    load(Path({str(path)!r}))
                    report("ACCEPTED")
                except GeneratorError as error:
                    report(str(error))
                """)
            print(f"{title}: {path.stat().st_size / 1024:,.1f} KB file, refused in {result['seconds'] * 1000:.1f} ms, "
                  f"peak RSS {result['rss_mb']:.0f} MB, traced peak {result['traced_mb']:.1f} MB")
            print(f"    {result['message'].splitlines()[0][:160]}")


if __name__ == "__main__":
    main()
