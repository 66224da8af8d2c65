"""Benchmark: import each real standard printed to PDF (../shared/fixtures/standards/*.pdf) and the
seed printed to PDF (its text made into the Word file it came from, printed by LibreOffice).

Run by hand or in CI as a report:  python benchmarks/bench_import_pdf.py [--repeat N] [--limit S]
Columns as in bench_import_docx.py; "ms/page" is the median import time per printed page, the
number to compare with the DOCX of the same standard. Every timed run starts with cold label
caches. Exits with 1 when an import takes more than --limit seconds per page (default 1.0).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from bench_import_docx import FIXTURES, REPO, report

sys.path.insert(0, str(REPO / "tests" / "ingest_docx"))


def _seed_pdf(folder: Path) -> list[Path]:
    """The seed as a printed PDF (and its DOCX next to it), when LibreOffice is installed."""
    try:
        from docx_testlib import docx_from_published_text
    except ImportError:  # the tests are not shipped with an installed package
        return []
    from generator.render.pdf import convert_to_pdf, soffice_path

    if soffice_path() is None:
        print("LibreOffice not installed: the seed is not printed")
        return []
    seed = REPO / "standard_data" / "sources" / "M84120.kk.txt"
    docx = docx_from_published_text(seed.read_text("utf-8"), folder / "M84120.kk.seed.docx")
    return convert_to_pdf([docx])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--limit", type=float, default=1.0, help="seconds per page")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sources = (sorted(FIXTURES.glob("*.pdf")) if FIXTURES.is_dir() else []) + _seed_pdf(Path(tmp))
        if not sources:
            print(f"no PDF fixtures found at {FIXTURES}")
            return 0
        per_page = max(time / count for time, count in report(sources, args.repeat, Path(tmp)))
    print(f"limit {args.limit * 1000:.0f} ms per page: {'ok' if per_page <= args.limit else 'EXCEEDED'}")
    return 0 if per_page <= args.limit else 1


if __name__ == "__main__":
    sys.exit(main())
