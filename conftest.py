"""pytest configuration shared by the unit tests and the nbval run over chapters/.

nbval ignores image/png and image/jpeg outputs, but not the same images stored by
``myst_nb.glue(..., display=False)`` under the papermill prefix: those would be
compared byte for byte. Glued *text* stays compared: it is the regression check
on every number in the prose.
"""

GLUED_IMAGES = (
    "application/papermill.record/image/png",
    "application/papermill.record/image/jpeg",
    "application/papermill.record/image/svg+xml",
)


def pytest_collectstart(collector):
    if collector.path.suffix == ".ipynb":
        collector.skip_compare += GLUED_IMAGES
