"""A real loopback HTTP server whose links work, break, crawl, hang, redirect and lie.

Each path answers HEAD and GET its own way; every request is logged (method, path, Range), so a
test can assert that a check read little, or that a forbidden address was never contacted.
"""
from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CSV = "ปี,จังหวัด,จำนวน\n2567,เชียงใหม่,10\n".encode("utf-8")
HUGE = 10 ** 12


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def handle_one(self):
        server = self.server
        server.log.append((self.command, self.path, self.headers.get("Range")))
        path = self.path.split("?", 1)[0]
        name = path.strip("/").split("/", 1)[0].split(".", 1)[0] or "ok"  # /ok.csv → r_ok
        route = getattr(self, "r_" + name.replace("-", "_"), None)
        try:
            (route or self.r_missing)()
        except (BrokenPipeError, ConnectionResetError):
            pass

    do_GET = do_HEAD = handle_one

    def answer(self, status, body=b"", content_type="text/csv", length=None, headers=()):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        for key, value in headers:
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    # Routes -------------------------------------------------------------------------------
    def r_ok(self):
        self.answer(200, CSV, "text/csv; charset=utf-8")

    def r_missing(self):
        self.answer(404, b"not found", "text/plain")

    def r_error(self):
        self.answer(500, b"oops", "text/plain")

    def r_nohead(self):
        """HEAD refused (405); the ranged GET answers 206 with the total size."""
        if self.command == "HEAD":
            return self.answer(405, b"", "text/plain")
        self.answer(206, CSV[:10], "text/csv", headers=[("Content-Range", f"bytes 0-9/{len(CSV)}")])

    def r_html(self):
        """Declared CSV by the agency, but the server sends an HTML page."""
        self.answer(200, b"<!DOCTYPE html><html><body>portal</body></html>", "text/html; charset=utf-8")

    def r_untyped(self):
        """No Content-Type on HEAD; the first bytes say PDF."""
        self.answer(200, b"%PDF-1.7 ....", None if self.command == "HEAD" else "application/octet-stream")

    def r_huge(self):
        """A terabyte declared: HEAD tells it, nothing is downloaded."""
        self.answer(200, b"", "application/zip", length=HUGE)

    def r_endless(self):
        """HEAD refused; GET ignores Range and streams without end (until the client hangs up)."""
        if self.command == "HEAD":
            return self.answer(405, b"", "text/plain")
        self.send_response(200)
        self.send_header("Content-Type", "text/csv")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        stop = time.monotonic() + 20
        while time.monotonic() < stop and not self.server.closing.is_set():
            self.wfile.write(b"x" * 65536)

    def r_slow(self):
        """Answers after `server.delay` seconds."""
        self.server.closing.wait(self.server.delay)
        self.answer(200, CSV, "text/csv")

    def r_hang(self):
        """Accepts and never answers (until the server closes)."""
        self.server.closing.wait(30)

    def r_drip_head(self):
        """Sends its status line and headers a byte at a time, never finishing them: each read
        gets a byte well inside any read timeout (for at most 30 s)."""
        self._drip(b"HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nX-Pad: " + b"a" * 10_000)

    def r_drip_body(self):
        """HEAD refused; GET answers at once and then sends its body a byte at a time."""
        if self.command == "HEAD":
            return self.answer(405, b"", "text/plain")
        self._drip(b"HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nConnection: close\r\n\r\n", b"x" * 10_000)

    def _drip(self, at_once: bytes, slowly: bytes = b""):
        self.close_connection = True
        data = slowly or at_once
        if slowly:
            self.wfile.write(at_once)
            self.wfile.flush()
        stop = time.monotonic() + 30
        for byte in data:
            if time.monotonic() > stop or self.server.closing.wait(0.1):
                return
            self.wfile.write(bytes([byte]))
            self.wfile.flush()

    def r_redirect(self):
        self.answer(302, b"", "text/plain", headers=[("Location", "/ok.csv")])

    def r_redirect_forbidden(self):
        """To 127.0.0.2, outside the allow-list (stands for a private address)."""
        target = f"http://127.0.0.2:{self.server.server_port}/ok.csv"
        self.answer(302, b"", "text/plain", headers=[("Location", target)])

    def r_loop(self):
        self.answer(302, b"", "text/plain", headers=[("Location", "/loop")])


class LinkServer:
    def __init__(self, host="127.0.0.1", delay=3.0):
        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address):  # a checker hanging up is normal
                pass

        self.httpd = Server((host, 0), Handler)
        self.httpd.log = []
        self.httpd.delay = delay
        self.httpd.closing = threading.Event()
        self.host, self.port = host, self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    @property
    def log(self) -> list:
        return self.httpd.log

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.closing.set()
        self.httpd.shutdown()
        self.httpd.server_close()
