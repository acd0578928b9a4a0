"""Fixtures for the unit tests: a private, editable copy of the data package."""

import shutil
from pathlib import Path

import pytest

from mtcreport import data

REAL_DATA = Path(data.__file__).resolve().parents[2] / "data"


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A copy of data/ that the loaders read instead of the real one."""
    target = tmp_path / "data"
    shutil.copytree(REAL_DATA, target)
    monkeypatch.setenv(data.DATA_DIR_ENV, str(target))
    return target
