"""One house style: fixed fonts and sizes, country colours; style.py holds colours and sizes only."""

import matplotlib

matplotlib.use("Agg")


from mtcreport import style


def test_apply_style_sets_fonts_and_size():
    matplotlib.rcdefaults()
    style.apply_style()
    assert matplotlib.rcParams["font.family"] == ["DejaVu Sans"]
    assert tuple(matplotlib.rcParams["figure.figsize"]) == style.FIGSIZE
    assert matplotlib.rcParams["svg.hashsalt"] == "mtcreport"


def test_country_colours_differ_and_are_fixed():
    assert style.RUSSIA == style.OKABE_ITO["blue"] != style.CHINA == style.OKABE_ITO["vermillion"]
    assert len(set(style.CATEGORY_COLORS.values())) == len(style.CATEGORY_COLORS)


def test_colours_greys_and_figure_sizes_are_written_only_in_style():
    import re
    from pathlib import Path

    import mtcreport

    literal = re.compile(
        r"#[0-9A-Fa-f]{6}\b|\b(?:color|facecolor|edgecolor|mfc|mec)=\"[a-z]+\"|\"(?:white|black|grey|gray)\"|"
        r"figure\(\(|figsize=\("
    )
    found = []
    for path in Path(mtcreport.__file__).parent.glob("*.py"):
        if path.name != "style.py":
            found += [(path.name, m.group(0)) for m in literal.finditer(path.read_text(encoding="utf-8"))]
    assert found == []
