"""Lighthouse over the built site, as a phone reader gets it (a step of ``make bench``; never a test).

Usage: ``python -m tools.lighthouse [page ...]`` after ``make book``. Serves ``_build/html`` on
localhost with gzip, as GitHub Pages serves the published site, and runs Lighthouse (pinned in
``tools/lighthouse/package-lock.json``, installed with npm on first use) in Debian's Chromium with
its mobile preset and simulated phone network, page by page. Prints and returns, per page, the four
category scores, the largest contentful paint and the bytes transferred with every asset.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from tools.paths import HTML, ROOT, pages

FOLDER = ROOT / "tools" / "lighthouse"
CLI = FOLDER / "node_modules" / ".bin" / "lighthouse"
FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking "
    "--disable-component-update --disable-sync"
)
TEXT = (".html", ".css", ".js", ".svg", ".json", ".csv", ".txt", ".map")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, text ones gzipped when the client accepts it, over kept-alive connections
    (HTTP/1.1, not Python's default HTTP/1.0 with a connection per file; GitHub Pages serves
    HTTP/2)."""

    protocol_version = "HTTP/1.1"

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (path.suffix in TEXT and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        import io

        return io.BytesIO(body)

    def log_message(self, *args):  # quiet
        pass


def install() -> None:
    if CLI.exists():
        return
    if shutil.which("npm") is None:
        sys.exit("lighthouse: npm is missing")
    subprocess.run(["npm", "ci", "--prefix", str(FOLDER), "--no-audit", "--no-fund", "--silent"], check=True)


def audit(url: str, chromium: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run(
            [str(CLI), url, "--quiet", "--output=json", f"--output-path={out}", f"--chrome-flags={FLAGS}",
             "--only-categories=performance,accessibility,best-practices,seo"],
            check=True, env={**os.environ, "CHROME_PATH": chromium},
        )  # fmt: skip
        report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    return {
        **{name: round(100 * c["score"]) for name, c in report["categories"].items()},
        "lcp_s": round(audits["largest-contentful-paint"]["numericValue"] / 1000, 1),
        "bytes": int(audits["total-byte-weight"]["numericValue"]),
    }


def run(selected: list[str] | None = None) -> dict[str, dict]:
    install()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("lighthouse: Chromium is missing (make browser-deps)")
    handler = functools.partial(GzipHandler, directory=str(HTML))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    results = {}
    try:
        for page in selected or pages():
            results[page] = audit(f"http://127.0.0.1:{server.server_port}/{page}.html", chromium)
            print(f"lighthouse: {page} {results[page]}", flush=True)
    finally:
        server.shutdown()
    return results


if __name__ == "__main__":
    run(sys.argv[1:] or None)
