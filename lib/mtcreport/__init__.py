"""mtcreport: the code the chapters of the executable report on Kashin (2012) import.

Data and structure:

- ``mtcreport.data``: one validated, typed loader per table in ``data/``; it records which
  tables a chapter read (``data.READ``) and is the package's one derivation of the repository root.
- ``mtcreport.book``: the book's structure (which chapter takes up which part of the paper).
- ``mtcreport.citation``: the report's version and how to cite it (from ``CITATION.cff``).

Analyses (each tested in ``tests/``):

- ``mtcreport.arith``: arithmetic that keeps the paper's vagueness (intervals).
- ``mtcreport.audit``: the paper's derived figures, recomputed.
- ``mtcreport.sipri``, ``mtcreport.hindsight``, ``mtcreport.sipri_changes``: the SIPRI tables,
  the paper's forecasts against later data, and what a new SIPRI edition changed.

Presentation:

- ``mtcreport.fmt``: how figures, ranges, counts and qualifiers are written in prose, and ``glue``.
- ``mtcreport.tables``: numbered, escaped tables for the book; ``mtcreport.frames``: the tables the
  chapters show, one function each.
- ``mtcreport.chartkit``: the shared chart kit (frame, source line, year panels, the paper's date,
  legend entries); ``mtcreport.charts_paper``: the charts of chapters 00-06;
  ``mtcreport.charts_hindsight``: chapter 7's charts and the findings page's story chart.
- ``mtcreport.style``: the one plotting style (every colour, grey and size, nothing else);
  ``mtcreport.sources``: source lines, built from table names checked against ``datapackage.json``.
- ``mtcreport.hindsight_tables``: chapter 7's display tables and the scorecard/ledger links.
- ``mtcreport.glossary``, ``mtcreport.datadoc``: the glossary and the data appendix, from the data.

Modules follow the chapters that read them (a chapter's execution key covers every module it
imports), and this package imports none of them: ``import mtcreport`` loads ``mtcreport.data`` only.

Build tooling (executing the chapters, the PDF, screenshots, the Sphinx extension, benchmarks)
lives apart, in the top-level ``tools`` package, which no chapter imports.
"""

from mtcreport.data import DataError

__all__ = ["DataError"]
