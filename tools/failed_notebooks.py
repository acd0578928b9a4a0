"""After a failed ``make nbval``: execute each chapter nbval reported as failing into
``_build/failed-notebooks/`` (CI uploads them, to diff against the stored outputs).

Reads the JUnit report ``make nbval`` writes (``_build/nbval-junit.xml``); does nothing without it.
Usage: ``python -m tools.failed_notebooks``.
"""

from __future__ import annotations

import re
import shutil
import sys
import xml.etree.ElementTree as ET

from tools.paths import BUILD, CHAPTERS

REPORT = BUILD / "nbval-junit.xml"
OUT = BUILD / "failed-notebooks"


def failing(report_text: str) -> list[str]:
    """Names (``07_hindsight``) of the chapters with a failed or erroring cell in a JUnit report."""
    names = set()
    for case in ET.fromstring(report_text).iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            where = f"{case.get('file', '')} {case.get('classname', '')}"
            found = re.search(r"chapters[/.]([\w-]+)\.ipynb", where)
            if found:
                names.add(found.group(1))
    return sorted(names)


def main() -> int:
    if not REPORT.exists():
        print(f"failed-notebooks: no {REPORT.name}; nothing to do")
        return 0
    from tools.execute import execute

    OUT.mkdir(parents=True, exist_ok=True)
    for name in failing(REPORT.read_text(encoding="utf-8")):
        copy = OUT / f"{name}.ipynb"
        shutil.copy(CHAPTERS / f"{name}.ipynb", copy)
        try:
            execute(copy)
            print(f"failed-notebooks: {copy} (re-executed; diff it against chapters/{name}.ipynb)")
        except Exception as exc:  # the error is what the reader of the artifact needs
            print(f"failed-notebooks: {name} stops with {type(exc).__name__}: {exc}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
