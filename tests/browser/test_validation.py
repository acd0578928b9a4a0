"""Every page of the book is valid HTML: the Nu HTML Checker (vnu.jar, pinned in tools/vnu from the
npm package vnu-jar) reports no error. Needs Java; skipped with a message where it is missing."""

import json
import shutil
import subprocess

import pytest

from .conftest import HTML, ROOT, toc_pages

VNU = ROOT / "tools" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_pages_have_no_html_errors():
    java = shutil.which("java")
    if java is None:
        pytest.skip(
            "Java is not installed: the Nu HTML Checker cannot run (apt-get install default-jre-headless)"
        )
    if not VNU.exists():
        pytest.skip("vnu.jar is missing: `make venv` installs it with npm (tools/vnu)")
    pages = [str(HTML / f"{page}.html") for page in toc_pages()]
    done = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(done.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{m.get('url', '').rsplit('/', 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]
    assert errors == [], f"{len(errors)} HTML errors, first: " + "\n".join(errors[:10])
