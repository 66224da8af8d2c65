"""Command line interface: parses options, calls one library function, reports known errors.

Heavy modules are imported inside the commands so that ``progen --help`` stays fast.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from generator import __version__
from generator.exceptions import GeneratorError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


def _version_message() -> str:
    location = Path(__file__).resolve().parent
    return f"progen {__version__} from {location} (Python {sys.version.split()[0]})"


class ReportingGroup(click.Group):
    """Turn a GeneratorError raised anywhere in a command into a one-line error and exit 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except GeneratorError as error:
            raise click.ClickException(str(error)) from error


@click.group(cls=ReportingGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "-V", "--version", message=_version_message())
def main() -> None:
    """progen: turn a professional standard into non-formal training programs (DOCX)."""


# --- commands are added below, one block per job -------------------------------------------
