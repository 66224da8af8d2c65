"""``progen serve`` as a trainer starts it: a real process on 127.0.0.1, the page answers, Ctrl-C stops it."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

REPO = Path(__file__).resolve().parents[2]


def test_serve_listens_on_loopback_answers_and_stops_cleanly_on_ctrl_c(workspace):
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""),
               PYTHONUNBUFFERED="1")
    process = subprocess.Popen([sys.executable, "-m", "generator", "serve", str(workspace), "--no-browser",
                                "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = process.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", line).group(0)
        with urllib.request.urlopen(url, timeout=30) as response:
            html = response.read().decode("utf-8")
        assert response.status == 200 and "progen" in html and 'name="token"' in html
        assert "Ctrl-C" in process.stdout.readline()
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()  # and close its pipes: left open, a later test's collector finds them
    assert process.returncode == 0, err
    assert "progen: stopped" in out and "Traceback" not in err


def test_a_missing_workspace_is_one_line():
    result = CliRunner().invoke(main, ["serve", "/nonexistent/centre", "--no-browser"])
    assert result.exit_code == 1
    assert result.output.strip() == "Error: /nonexistent/centre: no such workspace folder (`progen init " \
                                    "/nonexistent/centre` makes one)"


def test_a_taken_port_is_one_line(workspace):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", str(workspace), "--no-browser", "--port", str(port)])
    assert result.exit_code == 1
    assert f"127.0.0.1:{port}: cannot listen there" in result.output and "--port" in result.output


def test_without_a_port_the_next_free_one_is_taken(workspace, monkeypatch):
    import socket

    from generator.web import server as web_server

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        monkeypatch.setattr(web_server, "DEFAULT_PORT", taken.getsockname()[1])
        server, url = web_server.make_server(workspace)
        try:
            assert server.effective_port != taken.getsockname()[1] and url.startswith("http://127.0.0.1:")
        finally:
            server.close()


def test_listening_beyond_loopback_warns_and_prints_the_address_with_its_key(workspace, monkeypatch):
    from generator.web import server as web_server

    printed = []

    class Stopped:
        effective_port = 8765

        def run(self):
            raise KeyboardInterrupt

        def close(self):
            printed.append("closed")

    def fake_make_server(root, host, port, guard=None):
        from generator.web.security import Guard

        guard = Guard()
        guard.listen_on(host, 8765)
        return Stopped(), web_server.address(host, 8765, guard)

    monkeypatch.setattr(web_server, "make_server", fake_make_server)
    web_server.serve(workspace, host="0.0.0.0", open_browser=False, echo=printed.append)
    assert printed[0].startswith("warning: listening on 0.0.0.0")
    assert re.search(r"http://127\.0\.0\.1:8765/\?key=\S{20,}", printed[1])
    assert printed[-2:] == ["closed", "progen: stopped"]


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_addresses_need_no_key(host):
    from generator.web.security import Guard

    guard = Guard()
    guard.listen_on(host, 8765)
    assert guard.access_key is None and guard.key_ok(None)
