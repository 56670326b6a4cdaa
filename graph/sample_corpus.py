"""Where the bundled sample corpus lives (package data, so it is found from any directory after install)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def sample_dir() -> Path:
    """The folder of the bundled sample articles, ``graph/sample``.

    >>> sample_dir().name
    'sample'
    """
    return Path(str(resources.files("graph") / "sample"))
