"""Every notebook under notebooks/ runs headlessly from top to bottom without an error."""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks() -> None:
    assert [p.name for p in NOTEBOOKS][:2] == ["01_quickstart.ipynb", "02_store_questions.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIPGRAPH_STORE", str(tmp_path / "kg.db"))  # the store notebook writes here
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.setenv("PYTHONPATH", str(REPO))
    book = nbformat.read(path, as_version=4)
    # "python3" is the kernel of the running interpreter (jupyter_client maps "python" to sys.executable)
    client = nbclient.NotebookClient(
        book, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(REPO)}}
    )
    client.execute()  # raises CellExecutionError naming the cell on any error
    errors = [
        o
        for cell in book.cells
        if cell.cell_type == "code"
        for o in cell.get("outputs", [])
        if o.get("output_type") == "error"
    ]
    assert errors == []
    shown = [o for cell in book.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert shown, "the notebook showed nothing"


def test_quickstart_shows_the_graph_inline() -> None:
    book = nbformat.read(REPO / "notebooks" / "01_quickstart.ipynb", as_version=4)
    sources = "\n".join(cell.source for cell in book.cells)
    assert "render_html" in sources and "srcdoc" in sources and "sample_dir()" in sources
