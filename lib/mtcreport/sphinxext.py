"""Small Sphinx fixes for the book, loaded through ``_config.yml`` (``sphinx.extra_extensions``).

- sphinx-thebe registers its configuration script once per read phase, so a page can carry
  it twice and the browser reports ``Identifier 'THEBE_JS_URL' has already been declared``.
  Each page keeps one copy of every script.
"""

from __future__ import annotations


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
    app.connect("html-page-context", dedupe_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
