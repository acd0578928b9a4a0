"""Small Sphinx fixes for the book, loaded through ``_config.yml`` (``sphinx.extra_extensions``).

- sphinx-thebe registers its configuration script once per read phase, so a page can carry
  it twice and the browser reports ``Identifier 'THEBE_JS_URL' has already been declared``.
  Each page keeps one copy of every script.
- Every page's footer names the report's version (from ``pyproject.toml``) and the date of the
  build (``SOURCE_DATE_EPOCH`` when set, for reproducible builds; otherwise today, UTC), with a
  link to the "How to cite" section of the front page.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from mtcreport.citation import version as report_version


def build_date() -> str:
    """The date of this build, ISO 8601 (``SOURCE_DATE_EPOCH`` wins when set)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return moment.date().isoformat()


def footer_html(pathto_root: str = "") -> str:
    return (
        f'<p class="mtc-version">Version {report_version()}, built {build_date()}. '
        f'<a href="{pathto_root}chapters/findings.html#how-to-cite">How to cite this report</a>.</p>'
    )


def set_version(app, config) -> None:
    config.version = config.release = report_version()


def add_footer(app, pagename, templatename, context, doctree) -> None:
    context["theme_extra_footer"] = footer_html("../" * pagename.count("/"))


def _script_key(script) -> tuple:
    attributes = getattr(script, "attributes", {}) or {}
    filename = getattr(script, "filename", str(script)) or ""
    return (filename, tuple(sorted((k, str(v)) for k, v in attributes.items())))


def dedupe_scripts(app, pagename, templatename, context, doctree) -> None:
    scripts = context.get("script_files")
    if not scripts:
        return
    seen, unique = set(), []
    for script in scripts:
        key = _script_key(script)
        if key not in seen:
            seen.add(key)
            unique.append(script)
    context["script_files"] = unique


def setup(app):
    app.connect("config-inited", set_version)
    app.connect("html-page-context", dedupe_scripts, priority=900)
    app.connect("html-page-context", add_footer, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
