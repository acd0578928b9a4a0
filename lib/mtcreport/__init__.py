"""mtcreport: the shared code of the executable report on Kashin (2012).

- ``mtcreport.data``: one validated, typed loader per table in ``data/``.
- ``mtcreport.style``: the house plotting style and the source line.
- ``mtcreport.tables``: numbered, escaped tables for the book.
- ``mtcreport.fmt``: how figures, ranges and qualifiers are written in prose.
"""

from mtcreport.data import DataError

__all__ = ["DataError"]
