"""A stand-in for the render stage: python-docx writes the program's text (real design, real phrasing).

Used where a test needs a render that is fast, or one it can break on purpose; the end-to-end tests
use the real pipeline. Instances are picklable, so they also run in worker processes.
"""
from __future__ import annotations

import os
from pathlib import Path

from generator.batch.pipeline import Pipeline
from generator.render.stamp import stamp_docx_bytes

FAKE_TEMPLATES = Path(__file__).parent / "fake_templates"


class FakeRender(Pipeline):
    """Real design and phrasing; a template is ``templates/<kind>.<lang>.txt`` (workspace) or built in."""

    def __init__(self, fail_cards=(), delay: float = 0.0, crash_cards=()):
        self.fail_cards = tuple(fail_cards)
        self.crash_cards = tuple(crash_cards)  # the worker process dies (use with jobs > 1 only)
        self.delay = delay

    def output_name(self, card_code, kind, lang, workspace, variant=""):
        return f"{card_code}/{card_code}{'_' + variant if variant else ''}_{kind}_{lang}.docx"

    def template(self, kind, lang, workspace) -> Path:
        override = workspace.root / "templates" / f"{kind}.{lang}.txt"
        return override if override.exists() else FAKE_TEMPLATES / f"{kind}.txt"

    def dependencies(self, kind, lang, workspace):
        return dict(super().dependencies(kind, lang, workspace), templates=[self.template(kind, lang, workspace)])

    def render(self, program, kind, destination, workspace):
        import time

        import docx

        if program.card_code in self.crash_cards:
            os._exit(3)
        if program.card_code in self.fail_cards:
            raise RuntimeError(f"render failed on purpose for {program.card_code}")
        if self.delay:
            time.sleep(self.delay)
        template = self.template(kind, program.language, workspace).read_text("utf-8")
        document = docx.Document()
        document.add_paragraph(template.strip())
        document.add_paragraph(program.title)
        for module in program.modules:
            document.add_paragraph(module.title)
            for outcome in module.outcomes:
                document.add_paragraph(f"{outcome.code} {outcome.text}")
        tmp = Path(destination).with_name(Path(destination).name + ".fake")
        document.save(tmp)
        tmp.write_bytes(stamp_docx_bytes(tmp.read_bytes()))  # stamped like every document progen writes
        os.replace(tmp, destination)
        return Path(destination)
