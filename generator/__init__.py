"""progen: non-formal training programs from Kazakhstan professional standards.

The package is laid out as the pipeline it runs:
``ingest`` (source readers) → ``standard`` (reviewed standard data) →
``design`` (curriculum design) → ``language`` (phrasing) → ``render`` (DOCX) →
``build`` (make-style batch builds) and ``export`` (Moodle, CASE, Markdown).
"""

__version__ = "0.1.0"
