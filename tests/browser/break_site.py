"""Break one property per page of a built site, in place, to see the browser checks fail.

Usage (on a scratch copy, or rebuild afterwards)::

    cp -a _build/html /tmp/good && .venv/bin/python tests/browser/break_site.py _build/html
    .venv/bin/pytest tests/browser --deselect tests/browser/test_pdf.py   # fails as listed
    rm -rf _build/html && cp -a /tmp/good _build/html

Each edit names the check it must make fail; tests/README.md lists the failures seen.
"""

import json
import sys
from pathlib import Path

H = Path(sys.argv[1])


def edit(name, fn):
    path = H / name
    text = path.read_text()
    changed = fn(text)
    assert changed != text, name
    path.write_text(changed)


def ins(extra):
    return lambda s: s.replace('role="main">', 'role="main">' + extra, 1)


# 01: a table without a caption; a CSV named in a source line that is not a link
edit(
    "chapters/01_key_projects.html",
    lambda s: s.replace("<caption", "<xcaption", 1).replace(
        '<a class="mtc-data-link reference external" href="../data/transfers.csv">transfers.csv</a>',
        "transfers.csv",
        1,
    ),
)
# 02: a request leaving the build folder
edit(
    "chapters/02_crisis.html",
    lambda s: s.replace("</head>", '<script src="https://example.org/x.js"></script></head>', 1),
)
# 03: a broken anchor; code next to a designation in the prose the search snippet is cut from
edit(
    "chapters/03_competition.html", ins('<p><a href="04_recovery.html#no-such-anchor">x</a> glue( S-400</p>')
)
# 04: something wider than a phone
edit("chapters/04_recovery.html", ins('<div style="width:2000px">wide</div>'))
# 05: text with too little contrast; a figure without its SVG link
edit(
    "chapters/05_prospects.html",
    lambda s: ins('<p style="color:#eee;background:#fff">faint</p>')(s).replace(
        ' <span aria-hidden="true">·</span> <a href="../figures/fig-scenarios.svg">SVG</a>', "", 1
    ),
)
# 06: chart text too small at every width
edit(
    "chapters/06_arithmetic.html",
    lambda s: s.replace("</head>", "<style>.mtc-chart svg text{font-size:3px !important}</style></head>", 1),
)
# 00: the desktop drawing of the charts shown on a phone instead of the phone one
edit(
    "chapters/00_introduction.html",
    lambda s: s.replace(
        "</head>",
        "<style>.mtc-chart svg.mtc-phone{display:none !important}"
        ".mtc-chart svg.mtc-desktop{display:block !important}</style></head>",
        1,
    ),
)
# 07: one hover value off; the scorecard taller than a screen
edit(
    "chapters/07_hindsight.html",
    lambda s: s.replace(
        "<title>deliveries, 2001: 2,463 million TIV", "<title>deliveries, 2001: 2,464 million TIV", 1
    ).replace("</head>", "<style>#tbl-scorecard td{padding:30px !important}</style></head>", 1),
)
# ledger: cells too wide for a phone
edit(
    "chapters/claims_ledger.html",
    lambda s: s.replace(
        "</head>", "<style>table.mtc-filterable td{min-width:600px !important}</style></head>", 1
    ),
)
# register: a table wider than the text column at 1280 px
edit(
    "chapters/appendix_register.html",
    lambda s: s.replace("</head>", "<style>article table{min-width:3000px !important}</style></head>", 1),
)
# search index: a page that names RD-93 missing from the index
p = H / "searchindex.js"
s = p.read_text()
d = json.loads(s[s.index("(") + 1 : s.rindex(")")])
d["terms"]["rd93"] = d["terms"]["rd93"][1:]
p.write_text("Search.setIndex(" + json.dumps(d) + ")")
print("broken")
