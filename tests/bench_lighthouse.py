"""Lighthouse for `make bench`: the built site served as GitHub Pages serves it (gzip, a 10-minute
cache) on 127.0.0.1, scored as a phone loads it. Figures only; nothing here is a test."""

from __future__ import annotations

import gzip
import json
import mimetypes
import statistics
import subprocess
import threading
from contextlib import contextmanager
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

LIGHTHOUSE = Path(__file__).resolve().parent / "bench-tools" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
RUNS = 3
COMPRESSED = ("text/", "application/javascript", "application/json", "image/svg+xml")


def handler_for(root: Path) -> type[BaseHTTPRequestHandler]:
    class PagesLike(BaseHTTPRequestHandler):
        """Files from `root`, gzipped when the browser accepts it, cached for 10 minutes."""

        def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
            path = (root / self.path.split("?")[0].lstrip("/")).resolve()
            if path.is_dir():
                path = path / "index.html"
            if root not in path.parents or not path.is_file():
                self.send_error(404)
                return
            body = path.read_bytes()
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Cache-Control", "max-age=600")
            if kind.startswith(COMPRESSED) and "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body, 6)
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    return PagesLike


@contextmanager
def served(site: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(site.resolve()))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def one_run(url: str) -> dict[str, float]:
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--only-categories=performance", "--output=json", "--output-path=stdout", "--quiet",
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking"],
        env={"CHROME_PATH": CHROMIUM, "PATH": "/usr/bin:/bin"}, capture_output=True, text=True, timeout=180,
        check=True)
    report = json.loads(result.stdout)
    audits = report["audits"]
    return {"score": report["categories"]["performance"]["score"] * 100,
            "lcp_s": audits["largest-contentful-paint"]["numericValue"] / 1000,
            "kb": audits["total-byte-weight"]["numericValue"] / 1024}


def lighthouse(site: Path, pages: dict[str, str]) -> dict[str, dict[str, float]]:
    """Median score, largest contentful paint and first-visit transfer of each page, over RUNS runs."""
    found = {}
    with served(site) as base:
        for label, page in pages.items():
            runs = [one_run(base + page) for _ in range(RUNS)]
            found[label] = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    return found
