"""Command line interface: parses options, calls one library function, reports known errors.

Heavy modules are imported inside the commands so that ``progen --help`` stays fast. The group and
what its commands share are in :mod:`generator.cli.app`; each module below adds the commands of one
job to it.
"""
from generator.cli import activities_commands, build_commands, design_commands, standard_commands  # noqa: F401
from generator.cli.app import main
from generator.cli.build_commands import _ProgressLine  # noqa: F401 - tested on its own

__all__ = ["main"]
