"""``progen serve``: the page's server on this computer, the browser opened on it, Ctrl-C to stop.

The server is waitress: pure Python (nothing to compile on a trainer's Windows laptop), a maintained
production WSGI server rather than a development one, with its own limit on request bodies and a clean
stop on Ctrl-C. It listens on 127.0.0.1 unless told otherwise.
"""
from __future__ import annotations

import errno
import socket
import sys
import threading
import webbrowser
from pathlib import Path
from typing import Callable, Optional

from generator.exceptions import GeneratorError
from generator.web.security import Guard, is_loopback
from generator.web.uploads import UPLOAD_LIMIT

DEFAULT_PORT = 8765
PORTS_TRIED = 20  # without --port, the next free port after a busy default


class ServeError(GeneratorError):
    """The page's server cannot start (folder missing, port taken, address not on this computer)."""


def make_server(root: Path, host: str = "127.0.0.1", port: Optional[int] = None, guard: Optional[Guard] = None):
    """A bound, not yet running waitress server for the workspace ``root``, and its address."""
    from waitress.server import create_server

    from generator.web.app import create_app

    root = Path(root)
    if not root.is_dir():
        raise ServeError(f"{root}: no such workspace folder (`progen init {root}` makes one)")
    guard = guard or Guard()
    app = create_app(root, guard)
    candidates = [port] if port is not None else list(range(DEFAULT_PORT, DEFAULT_PORT + PORTS_TRIED))
    for candidate in candidates:
        try:
            _try_bind(host, candidate)  # first with a socket of our own: waitress leaks its socket when bind fails
            server = create_server(app, host=host, port=candidate, threads=4, ident="progen",
                                   max_request_body_size=4 * UPLOAD_LIMIT, clear_untrusted_proxy_headers=True)
        except OSError as error:
            if error.errno == errno.EADDRINUSE and len(candidates) > 1:
                continue
            raise ServeError(f"{host}:{candidate}: cannot listen there ({error.strerror or error}); "
                             f"another program may use the port: give another with --port") from error
        guard.listen_on(host, server.effective_port)
        return server, address(host, server.effective_port, guard)
    raise ServeError(f"ports {candidates[0]}–{candidates[-1]} are all taken; give a free one with --port")


def _try_bind(host: str, port: int) -> None:
    """Raise OSError when ``host:port`` cannot be listened on (the socket is closed either way)."""
    family, kind, proto, _name, address_ = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    with socket.socket(family, kind, proto) as probe:
        if hasattr(socket, "SO_REUSEADDR") and sys.platform != "win32":  # as waitress binds on POSIX
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(address_)


def address(host: str, port: int, guard: Guard) -> str:
    """The address to open in a browser on this computer (with the access key when there is one)."""
    shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else (f"[{host}]" if ":" in host else host)
    return f"http://{shown}:{port}/" + (f"?key={guard.access_key}" if guard.access_key else "")


def serve(root: Path, host: str = "127.0.0.1", port: Optional[int] = None, open_browser: bool = True,
          echo: Callable[[str], None] = print) -> None:
    """Serve the workspace until Ctrl-C."""
    server, url = make_server(root, host, port)
    if not is_loopback(host):
        echo(f"warning: listening on {host}: other computers of the network can open this page "
             f"with its key; use it only on a network you trust (the default, 127.0.0.1, is this computer only)")
    echo(f"progen: the page of workspace {Path(root).resolve()} is at {url}")
    echo("Press Ctrl-C to stop.")
    if open_browser:
        threading.Timer(0.3, webbrowser.open, args=(url,)).start()
    try:
        server.run()  # returns after Ctrl-C (waitress stops its worker threads)
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    echo("progen: stopped")
