"""Extraction on Dask: articles mapped over partitions, events written as partitioned JSON Lines files.

Extraction is a pure function of an article, so a corpus splits into partitions that any worker can
take. The client reads the articles (bad files go to the :class:`SkipReport`, as with ``-j``), sends
each partition to the cluster, and writes every partition's events to ``out_dir/events-NNNNN.jsonl``
atomically as soon as it comes back; only a few partitions are in flight at a time, so memory does not
grow with the corpus. The workers need dipgraph installed, nothing else: they read no files and write
none, so no shared file system is needed. ``read_event_files`` streams the events back for
``graph.build_graph``.

Without ``scheduler`` a :class:`distributed.LocalCluster` with one single-threaded worker process per core
is started and closed; with ``scheduler="tcp://host:8786"`` the running cluster at that address is used.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from extractors import extract
from extractors.schema import Article, Event

from .corpus import SkipReport, default_jobs, iter_articles
from .files import atomic_path

PARTITION_SIZE = 64  # articles per task (about a second of work): hides scheduling costs, balances load
PART_GLOB = "events-*.jsonl"
_EXTRACT_LOCK = threading.Lock()  # spaCy pipelines are not thread-safe; uncontended in one-thread workers


def extract_partition(articles: list[Article]) -> tuple[list[str], list[str], int]:
    """Run on a worker: (event JSON lines, skip messages, articles done) for one partition."""
    lines: list[str] = []
    skipped: list[str] = []
    done = 0
    for article in articles:
        try:
            with _EXTRACT_LOCK:
                events = extract(article)
        except Exception as err:  # one bad article must not lose the partition
            skipped.append(f"{article.path or article.id}: extraction failed: {type(err).__name__}: {err}"[:240])
            continue
        done += 1
        lines.extend(event.model_dump_json() + "\n" for event in events)
    return lines, skipped, done


def _as_articles(items: Iterable[str | Path | Article], report: SkipReport) -> Iterator[Article]:
    for item in items:
        if isinstance(item, Article):
            yield item
        else:
            yield from iter_articles([item], report)


def _batches(articles: Iterator[Article], size: int) -> Iterator[list[Article]]:
    while batch := list(islice(articles, size)):
        yield batch


def _split(articles: list[Article], partitions: int) -> list[list[Article]]:
    size = max(1, -(-len(articles) // max(1, partitions)))
    return [articles[i : i + size] for i in range(0, len(articles), size)]


def _client(scheduler: str | None, workers: int | None, processes: bool) -> tuple[Any, Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as err:  # an optional extra: say how to get it
        raise ImportError('the dask engine needs dask: pip install "dipgraph[dask]"') from err
    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=workers or default_jobs(), threads_per_worker=1, processes=processes,
                           dashboard_address=None)
    return Client(cluster), cluster


def _write_part(out_dir: Path, index: int, lines: list[str]) -> Path:
    path = out_dir / f"events-{index:05d}.jsonl"
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8") as out:
        out.writelines(lines)
    return path


def extract_with_dask(
    paths_or_articles: Iterable[str | Path | Article],
    out_dir: str | Path,
    *,
    scheduler: str | None = None,
    partitions: int | None = None,
    partition_size: int = PARTITION_SIZE,
    report: SkipReport | None = None,
    workers: int | None = None,
    processes: bool = True,
    client: Any | None = None,
) -> list[Path]:
    """Extract every article on a Dask cluster; the partition files written, in input order.

    ``partitions`` fixes the number of partitions (the articles are then read first); otherwise the
    articles stream in partitions of ``partition_size``. ``workers`` and ``processes`` shape the
    LocalCluster started when no ``scheduler`` address is given; an open ``distributed.Client`` may be
    passed instead (it is left open, its workers keep their loaded pipelines). Earlier ``events-*.jsonl`` files in
    ``out_dir`` are removed first, so the directory holds exactly this run's partitions.
    """
    from distributed import as_completed

    report = report if report is not None else SkipReport()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob(PART_GLOB):
        old.unlink()
    articles = _as_articles(paths_or_articles, report)
    batches: Iterator[list[Article]] = (
        iter(_split(list(articles), partitions)) if partitions else _batches(articles, partition_size)
    )
    own = client is None
    client, cluster = _client(scheduler, workers, processes) if own else (client, None)
    written: dict[int, Path] = {}
    try:
        in_flight = max(2, 2 * len(client.scheduler_info().get("workers", {})))
        pending = as_completed()
        numbered = enumerate(batches)
        index_of: dict[Any, int] = {}

        def submit(count: int) -> None:
            for number, batch in islice(numbered, count):
                future = client.submit(extract_partition, batch, pure=False)
                index_of[future.key] = number
                pending.add(future)

        submit(in_flight)
        for future in pending:
            index = index_of.pop(future.key)
            lines, skipped, done = future.result()
            for message in skipped:
                report.add(message)
            report.articles += done
            report.events += len(lines)
            written[index] = _write_part(out, index, lines)
            future.release()
            submit(1)
    finally:
        if own:
            client.close()
        if cluster is not None:
            cluster.close()
    return [written[i] for i in sorted(written)]


def read_event_files(paths: Iterable[str | Path]) -> Iterator[Event]:
    """The events of partitioned JSON Lines files (or ``dipgraph extract`` output), file by file.

    >>> import tempfile, pathlib
    >>> from graph.examples import example_events
    >>> part = pathlib.Path(tempfile.mkdtemp()) / "events-00000.jsonl"
    >>> _ = part.write_text("".join(e.model_dump_json() + "\\n" for e in example_events()[:2]))
    >>> [e.type for e in read_event_files([part])] == [e.type for e in example_events()[:2]]
    True
    """
    for path in paths:
        with Path(path).open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                if line.strip():
                    try:
                        yield Event.model_validate_json(line)
                    except ValueError as err:
                        raise ValueError(f"{path}:{number}: not an event: {str(err).splitlines()[0]}") from None


def partition_files(out_dir: str | Path) -> list[Path]:
    """The partition files of a run in ``out_dir``, in order."""
    return sorted(Path(out_dir).glob(PART_GLOB))
