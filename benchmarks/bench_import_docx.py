"""Benchmark: import each real DOCX standard (../shared/fixtures/standards) and the seed as DOCX.

Run by hand or in CI as a report:  python benchmarks/bench_import_docx.py [--repeat N] [--limit S]
Target (issue 7): each import well under a second. Every timed run starts with cold label caches,
so the numbers are what one `progen import` pays after Python and the modules are loaded; the
"process" column is a whole `python -m generator import` in a fresh interpreter, start-up included.
"ms/page" divides the median by the pages the document prints to (its PDF next to it, else its
print by LibreOffice, else the page count Word saved in it). Exits with 1 when a median exceeds --limit seconds (default 1.0).
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
FIXTURES = REPO.parent / "shared" / "fixtures" / "standards"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "ingest_docx"))

from generator.ingest import import_standard  # noqa: E402
from generator.ingest.labels_atameken import _MEMO, _best_ratio  # noqa: E402


def pages(path: Path, tmp: Path) -> int:
    """Pages ``path`` prints to: a PDF's own count; for a DOCX, its printed twin's (same name .pdf),
    else its print by LibreOffice (into ``tmp``) where installed, else the count Word saved in it."""
    import re
    import zipfile

    twin = path if path.suffix == ".pdf" else path.with_suffix(".pdf")
    if not twin.is_file():
        from generator.render.pdf import convert_to_pdf, soffice_path

        twin = convert_to_pdf([path], tmp)[0] if soffice_path() else twin
    if twin.is_file():
        import pdfplumber

        with pdfplumber.open(twin) as pdf:
            return len(pdf.pages)
    with zipfile.ZipFile(path) as archive:
        found = re.search(rb"<Pages>(\d+)</Pages>", archive.read("docProps/app.xml"))
    return int(found.group(1)) if found else 1


def report(sources: list[Path], repeat: int, tmp: Path) -> list[tuple[float, int]]:
    """Print one row per source; return (the worst time of one import, pages) of each."""
    print(f"{'file':56} {'pages':>5} {'KiB':>5} {'first ms':>9} {'median ms':>10} {'ms/page':>8} {'max ms':>8} "
          f"{'process ms':>11}")
    results = []
    for path in sources:
        first = _one(path)
        runs = [_one(path) for _ in range(repeat)]
        process = _process(path, tmp / "out.yaml")
        median = statistics.median(runs)
        count = pages(path, tmp)
        results.append((max(median, first), count))
        print(f"{path.name:56} {count:5d} {path.stat().st_size / 1024:5.0f} {first * 1000:9.1f} {median * 1000:10.1f} "
              f"{median * 1000 / count:8.1f} {max(runs) * 1000:8.1f} {process * 1000:11.1f}")
    return results


def _one(path: Path) -> float:
    _best_ratio.cache_clear()
    _MEMO.clear()
    start = time.perf_counter()
    import_standard(path)
    return time.perf_counter() - start


def _process(path: Path, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator", "import", str(path), "-o", str(out)], cwd=REPO,
                   check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--limit", type=float, default=1.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sources = sorted(FIXTURES.glob("*.docx")) if FIXTURES.is_dir() else []
        try:
            from docx_testlib import docx_from_published_text

            seed = REPO / "standard_data" / "sources" / "M84120.kk.txt"
            sources.append(docx_from_published_text(seed.read_text("utf-8"), Path(tmp) / "M84120.kk.seed.docx"))
        except ImportError:  # the tests are not shipped with an installed package
            pass
        if not sources:
            print(f"no DOCX fixtures found at {FIXTURES}")
            return 0
        worst = max(time for time, _pages in report(sources, args.repeat, Path(tmp)))
    print(f"limit {args.limit * 1000:.0f} ms per import: {'ok' if worst <= args.limit else 'EXCEEDED'}")
    return 0 if worst <= args.limit else 1


if __name__ == "__main__":
    sys.exit(main())
