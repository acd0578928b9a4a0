"""Small Sphinx fixes for the book, loaded through ``_config.yml`` (``sphinx.extra_extensions``).

- sphinx-thebe registers its configuration script once per read phase, so a page can carry
  it twice and the browser reports ``Identifier 'THEBE_JS_URL' has already been declared``.
  Each page keeps one copy of every script.
- Search indexes the prose, not the code: the input of a code cell (folded on the page) is left
  out of the index, and ``_static/designations.js`` leaves it out of the snippets too.
- Search finds designations typed with or without their hyphens: the index gets each hyphenated
  designation with a digit in it ("S-400", "Su-27SK") also as one word ("s400", "su27sk"), and
  ``_static/designations.js`` joins the same designations in the reader's query. A variant also
  counts for its family ("WS-10A" is indexed as "ws10" too), so WS-10 finds WS-10A/B/C.
- The references list is a list screen readers can use: docutils writes each citation with the
  deprecated role ``doc-biblioentry`` inside a ``role="list"`` container, which axe-core reports
  as critical; each entry becomes a ``listitem``.
- Every page's footer names the report's version (from ``pyproject.toml``) and the date of the
  build (``SOURCE_DATE_EPOCH`` when set, for reproducible builds; otherwise today, UTC), with a
  link to the "How to cite" section of the front page.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime

import sphinx.search
from docutils import nodes
from sphinx.search.en import SearchEnglish

from mtcreport.citation import version as report_version

#: A hyphenated designation: letters or digits joined by hyphens (kept only if it has a digit).
DESIGNATION = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+")


#: A designation's family: its letters and its first number ("WS-10A" -> "WS10", "Su-27SK" -> "Su27").
FAMILY = re.compile(r"^[A-Za-z]*[0-9]+")


def joined_designations(text: str) -> list[str]:
    """'the S-400 and the Su-27SK' -> ['S400', 'Su27SK', 'Su27']: each hyphenated designation with
    a digit as one word, and also its family (letters and first number) where that is shorter, so
    that a search for WS-10 finds the pages that name only the WS-10A. Words without a digit are
    left alone."""
    found = []
    for match in DESIGNATION.findall(text):
        if not any(c.isdigit() for c in match):
            continue
        joined = match.replace("-", "")
        found.append(joined)
        family = FAMILY.match(joined)
        if family and family.group() != joined:
            found.append(family.group())
    return found


class DesignationSearch(SearchEnglish):
    """English search that also indexes hyphenated designations as single words."""

    def split(self, input: str) -> list[str]:
        return super().split(input) + joined_designations(input)


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


def fix_citation_roles(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body")
    if body and 'role="doc-biblioentry"' in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')


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


class ProseWordCollector(sphinx.search.WordCollector):
    """Sphinx's word collector, skipping the input of code cells (myst-nb's ``cell_input``)."""

    def dispatch_visit(self, node) -> None:
        if isinstance(node, nodes.Element) and "cell_input" in node.get("classes", []):
            raise nodes.SkipNode
        super().dispatch_visit(node)


def setup(app):
    from tools import sphinx_charts, sphinx_data, sphinx_reader

    sphinx_charts.setup(app)
    sphinx_data.setup(app)
    sphinx_reader.setup(app)
    # Sphinx 7.4 has no hook for this; IndexBuilder.feed looks the collector up by name.
    sphinx.search.WordCollector = ProseWordCollector
    app.add_search_language(DesignationSearch)
    app.connect("config-inited", set_version)
    app.connect("html-page-context", dedupe_scripts, priority=900)
    app.connect("html-page-context", add_footer, priority=900)
    app.connect("html-page-context", fix_citation_roles, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


# --- Anchors inside tables (claim ids as links) -------------------------------------------------
# ``{anchor}`c58 <claim-c58>``` shows "c58" and makes it a link target with the id "claim-c58";
# ``{ref}`c58 <claim-c58>``` links to it from any page (Sphinx resolves it, and a target that no
# page defines is a warning, so an error in the -W build). The claims ledger marks each claim's row
# this way and the tables that name a claim link to it (see ``mtcreport.tables.anchor`` and
# ``mtcreport.tables.ref``). Registered as a docutils role when Sphinx imports this module, so that
# ``setup`` above stays as it is.
ANCHOR = re.compile(r"(?P<text>.*?)\s*<(?P<target>[a-z][a-z0-9-]*)>", re.DOTALL)


def anchor_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """The docutils role ``anchor``: the text, as an explicit target named by the part in <>."""
    match = ANCHOR.fullmatch(text.strip())
    if match is None or not match["text"]:
        message = inliner.reporter.error(
            f"anchor: expected `text <target-id>` (lower-case id), got {text!r}", line=lineno
        )
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    node = nodes.inline(rawtext, match["text"], classes=["mtc-anchor"])
    node["names"].append(match["target"])
    inliner.document.note_explicit_target(node, node)
    return [node], []


def _register_anchor_role() -> None:
    from docutils.parsers.rst import roles

    roles.register_local_role("anchor", anchor_role)


_register_anchor_role()
