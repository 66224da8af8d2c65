"""The PDF tests build their Word files with the DOCX tests' helpers (tests/ingest_docx/docx_testlib.py)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest_docx"))
