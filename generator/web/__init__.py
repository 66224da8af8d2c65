"""``progen serve``: a local web page where a trainer makes a program without the command line.

Pages (server-rendered HTML, a little vanilla JavaScript for the live preview; every script and style
ships in this package, nothing is fetched from the network):

* ``/`` — make a program: standard → card → skills → hours → format → language → organisation, a live
  preview of the plan, downloads (DOCX, PDF where LibreOffice is installed, all as ZIP), saving the
  choices as a program spec (``specs/<name>.yaml``) and as a target of ``programs.yaml``;
* ``/import`` — upload a standard, see it as a tree with counts and lint warnings, save it on "yes";
* ``/wording`` — learning outcomes written by hand (``phrasing/overrides.yaml``);
* ``/build`` — what ``progen build`` would do, a button that does it, with progress.

Library use::

    from generator.web import create_app, serve
    serve("path/to/workspace")                   # until Ctrl-C; or create_app(path) for any WSGI server
"""
from __future__ import annotations

from generator.web.app import create_app
from generator.web.server import serve

__all__ = ["create_app", "serve"]
