"""The Flask application of ``progen serve``: one workspace, one trainer, pages in the interface language.

Each request reads the workspace again (:meth:`Workspace.load` takes a few milliseconds once the built-in
data is cached), so what a methodologist changes in a file by hand shows at the next click. Security
checks run before every request (:mod:`generator.web.security`); a problem a trainer can fix is said on
the page in one sentence; anything else is logged with its traceback in the terminal and the page says
only that something went wrong.
"""
from __future__ import annotations

import logging
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from flask import Flask, current_app, g, redirect, render_template, request
from jinja2 import StrictUndefined
from werkzeug.exceptions import HTTPException

from generator.exceptions import GeneratorError
from generator.workspace import Workspace
from generator.web.batchrun import BuildRunner
from generator.web.catalogue import CatalogueCache
from generator.web.security import (HEADERS, KEY_COOKIE, KEY_PARAMETER, SAFE_METHODS, TOKEN_FIELD, TOKEN_HEADER,
                                    Guard)
from generator.web.uploads import UPLOAD_LIMIT, PendingImports

log = logging.getLogger(__name__)
UI_COOKIE = "progen_ui"
HERE = Path(__file__).resolve().parent


@dataclass
class Server:
    """What lives as long as the server process: the workspace folder, secrets, caches, the build."""

    root: Path
    guard: Guard
    upload_limit: int = UPLOAD_LIMIT
    catalogues: CatalogueCache = field(default_factory=CatalogueCache)
    builds: BuildRunner = field(default_factory=BuildRunner)
    imports: PendingImports = field(default_factory=PendingImports)
    write_lock: threading.Lock = field(default_factory=threading.Lock)  # one edit of a workspace file at a time


def server() -> Server:
    return current_app.extensions["progen"]


def create_app(root: Path, guard: Guard | None = None, upload_limit: int = UPLOAD_LIMIT) -> Flask:
    """The application for the workspace at ``root`` (an existing folder)."""
    app = Flask("generator.web", template_folder=str(HERE / "templates"), static_folder=str(HERE / "static"))
    app.config.update(SECRET_KEY=secrets.token_bytes(32), MAX_CONTENT_LENGTH=upload_limit + 1024 * 1024,
                      SESSION_COOKIE_SAMESITE="Strict", SESSION_COOKIE_HTTPONLY=True,
                      SESSION_COOKIE_NAME="progen_session", TEMPLATES_AUTO_RELOAD=False)
    app.jinja_env.undefined = StrictUndefined
    app.extensions["progen"] = Server(Path(root).resolve(), guard or Guard(), upload_limit)
    app.jinja_env.globals.update(tr=tr, token_field=TOKEN_FIELD, ui_languages=_ui_languages)
    app.before_request(_before)
    app.after_request(_after)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(GeneratorError, _generator_error)
    app.register_error_handler(Exception, _unexpected)
    app.add_url_rule("/ui/<code>", "interface_language", _switch_language)

    from generator.web import views_build, views_import, views_program, views_wording

    for module in (views_program, views_import, views_wording, views_build):
        app.register_blueprint(module.blueprint)
    return app


# -- every request ----------------------------------------------------------------------------------------
def _before():
    state = server()
    guard = state.guard
    g.token = guard.token
    g.interface_ws = Workspace.builtin()  # the language packs: the pages' texts
    g.ui = _interface_language()
    g.labels = g.interface_ws.interface_labels(g.ui)
    if not guard.host_ok(request.host):
        return _refusal("refused_host", 403)
    if guard.access_key is not None:
        given = request.args.get(KEY_PARAMETER) or request.cookies.get(KEY_COOKIE)
        if not guard.key_ok(given):
            return _refusal("refused_key", 403)
        g.set_key_cookie = request.args.get(KEY_PARAMETER) is not None
    if request.method not in SAFE_METHODS:
        given = request.headers.get(TOKEN_HEADER) or request.form.get(TOKEN_FIELD)
        if not guard.token_ok(given):
            return _refusal("refused_token", 403)
    g.ws, g.ws_error = None, None
    try:
        g.ws = Workspace.load(state.root)
    except GeneratorError as error:
        g.ws_error = first_line(error)
    return None


def _after(response):
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if response.mimetype == "text/html":
        response.headers["Cache-Control"] = "no-store"
    if g.get("set_key_cookie"):
        response.set_cookie(KEY_COOKIE, server().guard.access_key, httponly=True, samesite="Strict")
    return response


# -- interface language ------------------------------------------------------------------------------------
def _ui_languages() -> list[tuple[str, str]]:
    """(code, native name) of every language the pages are written in."""
    ws = g.interface_ws
    return [(code, ws.language(code).native_name) for code in ws.interface_languages()]


def _interface_language() -> str:
    codes = g.interface_ws.interface_languages()
    chosen = request.cookies.get(UI_COOKIE)
    if chosen in codes:
        return chosen
    best = request.accept_languages.best_match(codes)
    return best or codes[0]


def _switch_language(code: str):
    response = redirect(local_target(request.args.get("back")), code=303)
    if code in g.interface_ws.interface_languages():
        response.set_cookie(UI_COOKIE, code, max_age=365 * 24 * 3600, samesite="Lax", httponly=True)
    return response


def tr(key: str, **params) -> str:
    """The interface text ``key`` in the page's language, with ``{name}`` fields filled."""
    text = g.labels[key]
    return text.format(**params) if params else text


def local_target(value: str | None, default: str = "/") -> str:
    """``value`` if it is an address of this server (a path, no scheme or host), else ``default``."""
    if not value:
        return default
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return default
    return value


def needs_workspace():
    """Before the pages made of the workspace's data: without a readable workspace, say why instead."""
    if g.ws is None:
        return render_template("message.html", title=tr("error_title"),
                               message=tr("workspace_broken", detail=g.ws_error)), 500
    return None


def first_line(error: BaseException) -> str:
    return str(error).splitlines()[0] if str(error) else type(error).__name__


# -- errors: one sentence on a page, never a traceback -------------------------------------------------------
def _refusal(key: str, status: int):
    return render_template("message.html", title=tr("error_title"), message=tr(key)), status


def _http_error(error: HTTPException):
    keys = {413: "upload_too_large", 404: "not_found", 405: "not_found", 400: "bad_request"}
    key = keys.get(error.code or 500, "bad_request")
    params = {"limit": server().upload_limit // (1024 * 1024)} if error.code == 413 else {}
    if error.code == 413 and request.path.startswith("/import"):
        from generator.web.views_import import import_page

        return import_page(error=tr(key, **params)), 413
    return render_template("message.html", title=tr("error_title"), message=tr(key, **params)), error.code or 500


def _generator_error(error: GeneratorError):
    return render_template("message.html", title=tr("error_title"),
                           message=tr("library_error", detail=first_line(error))), 400


def _unexpected(error: Exception):
    log.exception("unexpected error on %s %s", request.method, request.path)
    return render_template("message.html", title=tr("error_title"),
                           message=tr("unexpected_error", name=type(error).__name__)), 500
