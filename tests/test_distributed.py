"""The Dask engine on a small LocalCluster: same events as one process, partitioned files, bad input reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="the dask engine is an optional extra: pip install dipgraph[dask]")

from graph import build_graph, sample_dir  # noqa: E402
from graph.corpus import SkipReport, extract_corpus, iter_articles  # noqa: E402
from graph.distributed import extract_with_dask, partition_files, read_event_files  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for source in sorted(sample_dir().iterdir()):
        (folder / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "broken.jsonl").write_text(
        json.dumps({"id": "extra", "text": "Kerry met Zarif in Vienna.", "lang": "en", "date": "2014-11-20"})
        + "\n{broken\n", encoding="utf-8")
    return folder


def test_dask_gives_the_events_of_one_process_in_partition_files(corpus: Path, tmp_path: Path) -> None:
    local = SkipReport()
    expected = [e for _, events in extract_corpus(iter_articles([corpus], local), local) for e in events]
    report = SkipReport()
    written = extract_with_dask([corpus], tmp_path / "parts", partition_size=2, workers=2, processes=False,
                                report=report)
    assert len(written) >= 3 and written == partition_files(tmp_path / "parts")
    events = list(read_event_files(written))
    assert [e.model_dump() for e in events] == [e.model_dump() for e in expected] and expected
    assert (report.articles, report.events) == (local.articles, local.events)
    (skipped,) = report.skipped
    assert "broken.jsonl:2" in skipped
    kg = build_graph(events)
    assert kg.between("Kerry", "Zarif")


def test_fixed_partition_count_and_articles_given_directly(corpus: Path, tmp_path: Path) -> None:
    articles = list(iter_articles([corpus], SkipReport()))
    out = tmp_path / "parts"
    out.mkdir()
    (out / "events-00099.jsonl").write_text("stale\n", encoding="utf-8")  # a file of an earlier run
    written = extract_with_dask(articles, out, partitions=2, workers=2, processes=False)
    assert [p.name for p in written] == ["events-00000.jsonl", "events-00001.jsonl"]
    assert partition_files(out) == written
    ids = [e.evidence[0].article for e in read_event_files(written)]
    assert ids and set(ids) <= {a.id for a in articles}


def test_a_broken_event_file_names_the_line(tmp_path: Path) -> None:
    part = tmp_path / "events-00000.jsonl"
    part.write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="events-00000.jsonl:1"):
        list(read_event_files([part]))
