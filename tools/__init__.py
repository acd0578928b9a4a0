"""Build and maintenance tooling, kept apart from the report's package (``lib/mtcreport``, which
the chapters import). Nothing here is imported by a chapter.

- ``tools.paths``: the project's paths (the one place the repository root is derived).
- ``tools.execute``: re-executes the chapters whose inputs changed (``make notebooks``).
- ``tools.pdf``, ``tools.screenshots``: the PDF and the review screenshots (headless Chromium).
- ``tools.sphinxext``: the book's Sphinx extension (loaded through ``_config.yml``).
- ``tools.sipri_update``: imports one edition of SIPRI's database (``make sipri-update``).
- ``tools.bench``: ``make bench``.
"""
