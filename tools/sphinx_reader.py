"""Less machinery between the reader and the text (issue 20), part of the book's Sphinx extension.

- A code cell with nothing to show (imports, numbers glued into the prose) is left out of the
  page: its folded "Show code cell source" bar led nowhere a reader needed. The notebook keeps the
  cell, and nbval still runs it. Cells with an output keep their folded code.
- No icon-font script: the theme loads Font Awesome's 1.5 MB script to draw about fifteen icons.
  The build copies the outlines of just those icons from that script (Font Awesome Free, CC BY
  4.0; see ``_static/icons.css``'s header) into a small stylesheet of CSS masks, and the pages
  stop loading the script. Nor do they load the search scripts and index (20 kB gzipped, which
  blocked the first paint by about a second on a simulated phone): the book has no
  search-as-you-type box, and only the search page searches. The scripts left in a page's head
  are deferred (run once the page is parsed), so the first paint waits for the stylesheets alone,
  and the stylesheets and scripts of extensions the book does not use (sphinx-design, sphinx-thebe)
  are not loaded at all.
- Every page has a meta description for search engines and link previews: the opening of its
  text after the title (the "In brief" of a chapter), cut at a word near 155 characters.
- The terms of measure of ``data/terms.csv`` (TIV, SIPRI edition) are links to their glossary
  entry at their first use on every page (outside headings, links and code); the glossary page
  itself is left alone.
- Charts placed inline keep no RDF metadata: matplotlib writes an ``<rdf:RDF>`` block (its name
  and a Dublin Core type) into each SVG, which HTML does not allow inside inline SVG (the Nu HTML
  Checker reported about ten errors a chart). The chart files offered for download keep theirs.
- The fold's summary holds its two labels in ``<span>``, not ``<p>`` (HTML allows no paragraph in a
  ``<summary>``; the Nu HTML Checker reported one error per folded cell).
"""

from __future__ import annotations

import re
import urllib.parse
from pathlib import Path

from docutils import nodes
from sphinx import addnodes

from tools.paths import ROOT

#: The theme's icons the pages use (``<i class="fa-solid fa-bars">`` and the like).
ICONS = (
    "angle-left", "angle-right", "arrow-up", "bars", "circle-half-stroke", "download", "expand",
    "file", "file-pdf", "list", "magnifying-glass", "moon", "outdent", "sun",
)  # fmt: skip
ICON_ENTRY = re.compile(r'"?([a-z0-9-]+)"?:\[(\d+),(\d+),\[[^\]]*\],"[0-9a-f]+","(M[^"]+)"\]')
#: The elements that show an icon: <i> or <span> with the style class Font Awesome uses.
ICON_ELEMENT = ":is(.fa-solid, .fas, .fa-regular, .far)"
#: A link to a file to download, which the theme marks with a download icon drawn from the font.
DOWNLOAD_LINK = "a.reference.download"


def _classes(node) -> list[str]:
    return node.get("classes", []) if isinstance(node, nodes.Element) else []


def drop_silent_cells(app, doctree, docname) -> None:
    """Remove every code cell whose output is empty."""
    for cell in list(doctree.findall(nodes.container)):
        if "cell" in _classes(cell) and not _has_output(cell):
            cell.parent.remove(cell)


def _has_output(cell: nodes.Element) -> bool:
    """A cell shows something if its output container holds any text, image or raw markup."""
    for child in cell.findall(nodes.container):
        if "cell_output" not in _classes(child):
            continue
        if (
            child.astext().strip()
            or next(child.findall(nodes.image), None)
            or next(child.findall(nodes.raw), None)
        ):
            return True
    return False


SUMMARY = re.compile(
    r'(<summary[^>]*>\s*)<p class="(collapsed|expanded) admonition-title">(.*?)</p>\s*'
    r'<p class="(collapsed|expanded) admonition-title">(.*?)</p>(\s*</summary>)',
    re.DOTALL,
)


RDF = re.compile(r"\s*<metadata>\s*<rdf:RDF\b.*?</rdf:RDF>\s*</metadata>", re.DOTALL)


def summary_spans(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body")
    if body and "<rdf:RDF" in body:
        body = context["body"] = RDF.sub("", body)
    if body and "<summary" in body:
        context["body"] = SUMMARY.sub(
            r'\1<span class="\2 admonition-title">\3</span><span class="\4 admonition-title">\5</span>\6',
            body,
        )


def icon_paths(script: str, names=ICONS) -> dict[str, tuple[int, int, str]]:
    """Width, height and SVG path of each named icon in Font Awesome's script. A name can be in
    several styles; the solid style, the theme's, is the last one defined."""
    found = {}
    for match in ICON_ENTRY.finditer(script):
        name, width, height, path = match.groups()
        if name in names:
            found[name] = (int(width), int(height), path)
    missing = sorted(set(names) - set(found))
    if missing:
        raise ValueError(f"icons not found in Font Awesome's script: {missing}")
    return found


def icons_css(script: str, license_text: str) -> str:
    """One CSS mask per icon, drawn in the text's colour, at the size Font Awesome gives it."""
    rules = [
        "/* The theme's icons without Font Awesome's script (tools/sphinx_reader.py).",
        *[f"   {line}" for line in license_text.strip().splitlines()],
        "*/",
        f"{ICON_ELEMENT} {{ width: 1.25em; height: 1em; vertical-align: -0.125em;"
        " background-color: currentColor; -webkit-mask: var(--mtc-icon) center / contain no-repeat;"
        " mask: var(--mtc-icon) center / contain no-repeat; }",
        f"{ICON_ELEMENT}:not(.theme-switch) {{ display: inline-block; }}",
        ".fa-lg { font-size: 1.25em; }",
        # the theme's stylesheet still draws each icon's glyph from the icon font (156 kB)
        f"{ICON_ELEMENT}::before {{ content: none !important; }}",
        # and draws the icon before a download link (the data appendix's) from the font too
        f"{DOWNLOAD_LINK}::before {{ content: '' !important; font: inherit !important; display: inline-block;"
        " width: 0.8em; height: 0.8em; padding: 0; margin: 0 0.3em 0 0.1em; background-color: currentColor;"
        " -webkit-mask: var(--mtc-icon) center / contain no-repeat; mask: var(--mtc-icon) center / contain"
        " no-repeat; }",
    ]
    for name, (width, height, path) in sorted(icon_paths(script).items()):
        svg = (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}"><path d="{path}"/></svg>'
        )
        selector = f".fa-{name}, {DOWNLOAD_LINK}" if name == "download" else f".fa-{name}"
        rules.append(f'{selector} {{ --mtc-icon: url("data:image/svg+xml,{urllib.parse.quote(svg)}"); }}')
    return "\n".join(rules) + "\n"


def write_icons(out: Path) -> None:
    """Write _static/icons.css from the copy of Font Awesome's script the theme put in the site."""
    script = out / "_static" / "scripts" / "fontawesome.js"
    license_file = script.with_name("fontawesome.js.LICENSE.txt")
    text = "Icons: Font Awesome Free by @fontawesome, https://fontawesome.com, CC BY 4.0 (icons)."
    if license_file.exists():  # its own comment markers dropped: this text goes inside a comment
        notice = license_file.read_text(encoding="utf-8").replace("/*!", "").replace("*/", "")
        text += "\n" + "\n".join(line.strip(" *") for line in notice.splitlines() if line.strip(" *"))
    css = icons_css(script.read_text(encoding="utf-8"), text)
    (out / "_static" / "icons.css").write_text(css, encoding="utf-8")


def _asset(*files: str) -> re.Pattern:
    """The ``<script src>`` or stylesheet ``<link>`` of a page that loads one of ``files``."""
    names = "|".join(re.escape(f) for f in files)
    return re.compile(
        rf'\s*(?:<script[^>]*\bsrc="[^"]*(?:{names})[^"]*"[^>]*></script>|<link[^>]*\bhref="[^"]*(?:{names})[^"]*"[^>]*>)'
    )


#: Assets the theme and Jupyter Book put on every page, each with the test of a page that uses it
#: (given the page's path in the site and its HTML): Font Awesome's icon script (no page: the icons
#: are in icons.css); the search scripts and index, for a search-as-you-type box the book does not
#: turn on (``search_as_you_type``; only the search page searches); sphinx-design's stylesheet and
#: tab script (for its cards, tabs and grids, which give ``sd-`` classes); and sphinx-thebe's (for
#: live code cells, which the book does not turn on: ``launch_buttons.thebe`` is false).
UNUSED_ASSETS = (
    (_asset("fontawesome.js"), lambda page, html: False),
    (
        _asset("searchtools.js", "language_data.js", "searchindex.js"),
        lambda page, html: page == "search.html",
    ),
    (_asset("sphinx-design.min.css", "design-tabs.js"), lambda page, html: 'class="sd-' in html),
    (_asset("sphinx-thebe.css", "sphinx-thebe.js"), lambda page, html: "thebe-launch-button" in html),
)


def drop_unused_assets(page: str, html: str) -> str:
    """``html`` (the page ``page`` of the site) without the assets of :data:`UNUSED_ASSETS` it does
    not use."""
    for tag, used in UNUSED_ASSETS:
        if not used(page, html):
            html = tag.sub("", html)
    return html


#: A script the head loads and the page waits for; ``documentation_options.js`` stays so (the
#: inline scripts after it set its options at once).
BLOCKING_SCRIPT = re.compile(
    r'<script (?![^>]*\b(?:async|defer)\b)(?![^>]*documentation_options)([^>]*\bsrc="[^"]+"[^>]*)>'
)


def defer_scripts(html: str) -> str:
    """The head's scripts load without holding up the first paint (``defer``: they run, in their
    order, once the page is parsed, as the theme's own scripts already do)."""
    head, found, rest = html.partition("</head>")
    if not found:
        return html
    return BLOCKING_SCRIPT.sub(r"<script defer \1>", head) + found + rest


def drop_unused_scripts(app, exception) -> None:
    """The pages no longer load the icon-font script (the site no longer carries it), and no page
    but the search page loads the search scripts and index."""
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    write_icons(out)
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        name = page.relative_to(out).as_posix()
        lighter = drop_unused_assets(name, text)
        if name != "search.html":  # the search page keeps its scripts' order as Sphinx wrote it
            lighter = defer_scripts(lighter)
        if lighter != text:
            page.write_text(lighter, encoding="utf-8")
    for leftover in (out / "_static" / "scripts").glob("fontawesome.js*"):
        if not leftover.name.endswith("LICENSE.txt"):
            leftover.unlink()


def description(doctree, limit: int = 155) -> str:
    """The opening text of a page after its title, at most ``limit`` characters, cut at a word."""
    words = []
    for paragraph in doctree.findall(nodes.paragraph):
        if any("cell" in _classes(parent) for parent in _ancestors(paragraph)):
            continue  # the text of code cells' outputs (tables, source lines) is not the prose
        words += paragraph.astext().split()
        if sum(len(w) + 1 for w in words) > limit:
            break
    text = ""
    for word in words:
        if len(text) + len(word) + 1 > limit - 1:
            return text.rstrip(",;:") + "…"
        text = f"{text} {word}".strip()
    return text


def _ancestors(node):
    while node.parent is not None:
        node = node.parent
        yield node


def add_description(app, pagename, templatename, context, doctree) -> None:
    if doctree is None:
        return
    from html import escape

    text = description(doctree)
    if text:
        context["metatags"] = (
            context.get("metatags", "") + f'\n<meta name="description" content="{escape(text)}" />'
        )


GLOSSARY = "chapters/glossary"
#: Text that is not linked: headings, links, code, raw markup (charts) and the glossary's terms.
NO_LINK = (
    nodes.title, nodes.reference, addnodes.pending_xref, nodes.literal, nodes.literal_block,
    nodes.raw, nodes.term, nodes.FixedTextElement, nodes.target,
)  # fmt: skip


def term_patterns(root: Path = ROOT) -> list[tuple[str, re.Pattern]]:
    """(glossary term, pattern of the term and its other forms) for each row of data/terms.csv."""
    import csv

    patterns = []
    with (root / "data" / "terms.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            forms = [row["term"]] + [f.strip() for f in (row["also"] or "").split(";") if f.strip()]
            forms.sort(key=len, reverse=True)  # the longest form first
            alternatives = "|".join(re.escape(form) for form in forms)
            patterns.append((row["term"], re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")))
    return patterns


def _linkable(node: nodes.Text) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, NO_LINK) or "cell_input" in _classes(parent):
            return False
        parent = parent.parent
    return True


def link_terms(app, doctree) -> None:
    """Make the first use of each term of measure on a page a link to its glossary entry."""
    if app.env.docname == GLOSSARY:
        return
    for term, pattern in term_patterns():
        for text in doctree.findall(nodes.Text):
            match = pattern.search(text.astext())
            if not match or not _linkable(text):
                continue
            source = text.astext()
            found = match.group()
            xref = addnodes.pending_xref(
                "", refdomain="std", reftype="term", reftarget=term.lower(), refexplicit=True, refwarn=True
            )
            xref += nodes.inline(found, found, classes=["xref", "std", "std-term"])
            parts = [nodes.Text(source[: match.start()]), xref, nodes.Text(source[match.end() :])]
            text.parent.replace(
                text, [part for part in parts if not isinstance(part, nodes.Text) or part.astext()]
            )
            break


def setup(app) -> None:
    app.connect("doctree-read", link_terms)
    app.connect("html-page-context", add_description)
    app.connect("build-finished", drop_unused_scripts)
    app.add_css_file("icons.css")
    app.connect("doctree-resolved", drop_silent_cells)
    app.connect("html-page-context", summary_spans, priority=900)
