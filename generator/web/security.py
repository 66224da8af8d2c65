"""What keeps the local page from being used by anyone but the trainer at this computer.

* **Token.** Every state-changing request (every POST) carries a random token made when the server
  starts (a hidden form field, or the ``X-Progen-Token`` header from the page's script). Another web
  page open in the same browser cannot read our pages (same-origin policy), so it cannot know the
  token: a cross-site form that tries to save, import or build is refused.
* **Host check.** A request whose ``Host`` is not this server's loopback address is refused, so a site
  that re-points its own domain name at 127.0.0.1 (DNS rebinding) cannot read a page and its token.
* **Access key** (only when listening on another address than loopback): every request must carry a
  second random key, given once in the printed address (``?key=…``) and then kept in a cookie.
* **Headers.** A content security policy that allows only the package's own script and style, no
  framing, no referrer, no sniffing; pages are not cached (they contain the token).
"""
from __future__ import annotations

import hmac
import ipaddress
import secrets
from dataclasses import dataclass, field

TOKEN_FIELD = "token"
TOKEN_HEADER = "X-Progen-Token"
KEY_PARAMETER = "key"
KEY_COOKIE = "progen_key"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")

CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 or the name localhost."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass
class Guard:
    """The secrets of one server process and the checks made with them."""

    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    access_key: str | None = None  # set when the server listens beyond loopback
    allowed_hosts: set[str] = field(default_factory=set)  # "127.0.0.1:8765", "localhost:8765"…

    def listen_on(self, host: str, port: int) -> None:
        """Remember the address the server is bound to (known only once the socket is bound)."""
        if is_loopback(host):
            names = {"127.0.0.1", "localhost", "[::1]", host if ":" not in host else f"[{host}]"}
            self.allowed_hosts = {f"{name}:{port}" for name in names}
            self.access_key = None
        else:
            self.allowed_hosts = set()  # any name of this machine; the access key protects instead
            self.access_key = self.access_key or secrets.token_urlsafe(24)

    def host_ok(self, host_header: str) -> bool:
        if not self.allowed_hosts:
            return True
        host = host_header.lower()
        if not host.rsplit("]", 1)[-1].count(":"):
            host += ":80"  # an address without a port is port 80 (and some clients leave it out then)
        return host in self.allowed_hosts

    def token_ok(self, given: str | None) -> bool:
        return bool(given) and hmac.compare_digest(given.encode("utf-8"), self.token.encode("utf-8"))

    def key_ok(self, given: str | None) -> bool:
        if self.access_key is None:
            return True
        return bool(given) and hmac.compare_digest(given.encode("utf-8"), self.access_key.encode("utf-8"))
