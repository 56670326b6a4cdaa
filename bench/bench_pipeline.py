"""dipgraph benchmark: every figure of issue 7 in one run, printed beside its target.

1. the corpus: bench/out/corpus.jsonl (made by bench/make_corpus.py when missing or too small);
2. the ceiling: spaCy's bare tokenizer (``spacy.blank(lang).tokenizer``) over the same texts;
3. extraction on one core and on all cores (graph.corpus.extract_corpus, jobs=1 and jobs=cores),
   and optionally on a Dask LocalCluster (``--dask``);
4. the graph of N synthetic events (1M; 100k with ``--quick``): build time, peak memory, pair-query
   latency and the SQLite store, in a child process so that its memory is its own (bench/bench_graph.py);
5. the store of the extracted corpus (articles, actors and events).

    make bench                                   # 10,000 articles and 1M events
    .venv/bin/python bench/bench_pipeline.py --quick          # 1,000 articles and 100k events
    .venv/bin/python bench/bench_pipeline.py --profile 300    # also the top costs of extraction
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from make_corpus import DEFAULT_OUT, make_corpus, write_corpus  # noqa: E402

from extractors.schema import Article  # noqa: E402


def load_corpus(path: Path, count: int) -> list[Article]:
    """The first ``count`` articles of the corpus file, made first when it is missing or too short."""
    have = sum(1 for _ in path.open(encoding="utf-8")) if path.exists() else 0
    if have < count:
        print(f"making a corpus of {max(count, 10_000):,} articles in {path} ...", flush=True)
        write_corpus(path, make_corpus(max(count, 10_000)))
    with path.open(encoding="utf-8") as lines:
        return [Article.model_validate_json(line) for line in islice(lines, count)]


def words_in(articles: list[Article]) -> int:
    return sum(len(a.text.split()) for a in articles)


def tokenizer_seconds(articles: list[Article]) -> float:
    """CPU seconds of spaCy's bare tokenizer of each article's language over all texts.

    CPU time, not wall time: the machine may be shared, and a single process's CPU time does not count
    the time it waited for a core. The best of three runs, each with fresh tokenizers: a tokenizer caches
    the words it has seen, and the extractor also reads each text once.
    """
    import spacy

    laps = []
    for _ in range(3):
        tokenizers = {lang: spacy.blank(lang).tokenizer for lang in ("ar", "en")}
        start = time.process_time()
        for article in articles:
            tokenizers[article.lang or "en"](article.text)
        laps.append(time.process_time() - start)
    return min(laps)


def machinery_seconds(articles: list[Article]) -> float:
    """CPU seconds of the spaCy pipeline alone (tokenizer with norms, sentences, lexicon matcher), no event engine.

    This is the part of extraction that spaCy's rule machinery does; what extraction takes beyond it is
    the event engine. Fresh pipelines (``make_nlp`` uncached), so their vocabularies start as cold as the
    tokenizer's.
    """
    from extractors.pipeline import make_nlp

    pipelines = {lang: make_nlp.__wrapped__(lang) for lang in ("ar", "en")}
    start = time.process_time()
    for article in articles:
        pipelines[article.lang or "en"](article.text)
    return time.process_time() - start


def extraction_seconds(articles: list[Article], jobs: int) -> tuple[float, int]:
    """Seconds and events for extract_corpus over the articles (pipelines loaded before the clock starts).

    One job: CPU seconds of this process (as for the tokenizer); more: wall-clock seconds.
    """
    from extractors.pipeline import make_nlp
    from graph.corpus import SkipReport, extract_corpus

    for lang in ("ar", "en"):
        make_nlp(lang)  # loaded once per process, forked into the workers
    report = SkipReport()
    clock = time.process_time if jobs == 1 else time.perf_counter
    start = clock()
    for _ in extract_corpus(iter(articles), report, jobs=jobs, progress=False):
        pass
    return clock() - start, report.events


def dask_seconds(articles: list[Article], workers: int) -> tuple[float, float, int]:
    """(seconds to start a LocalCluster and load the pipelines, seconds of the extraction, events)."""
    from distributed import Client, LocalCluster

    from graph.corpus import SkipReport
    from graph.distributed import extract_with_dask

    report = SkipReport()
    start = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster) as client, tempfile.TemporaryDirectory() as out:
        client.run(_load_pipelines)
        ready = time.perf_counter()
        extract_with_dask(articles, out, client=client, report=report)
        end = time.perf_counter()
    return ready - start, end - ready, report.events


def _load_pipelines() -> None:
    from extractors.pipeline import make_nlp

    for lang in ("ar", "en"):
        make_nlp(lang)


def corpus_store(articles: list[Article]) -> dict[str, float]:
    """Build the graph of the extracted articles and write its store: sizes and seconds."""
    from extractors import extract
    from graph import build_graph
    from graph.store import save_store

    pairs = [(a, extract(a)) for a in articles]
    start = time.perf_counter()
    kg = build_graph([e for _, es in pairs for e in es], articles=[a for a, _ in pairs])
    built = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "kg.db"
        start = time.perf_counter()
        save_store(path, kg)
        written = time.perf_counter() - start
        size = path.stat().st_size / 2**20
    return {"articles": len(articles), "events": len(kg.events), "build_s": built, "write_s": written,
            "mb": size}


def graph_figures(events: int) -> dict[str, float] | str:
    """Run bench/bench_graph.py in a child process: its JSON figures, or the end of its error output."""
    command = [sys.executable, str(ROOT / "bench" / "bench_graph.py"), "--events", str(events)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
    return json.loads(done.stdout.strip().splitlines()[-1])


def graph_rows(n_events: int, g: dict[str, float]) -> list[str]:
    peak_gb = g["peak_rss_mb"] / 1024
    # the targets are for 1M events; a smaller run is not judged (the loaded pipelines alone weigh ~0.4 GB)
    full = n_events >= 1_000_000
    return [
        row(f"graph build, {n_events:,} event JSON dicts streamed in",
            f"{g['build_s']:.1f} s ({g['build_cpu_s']:.1f} s CPU), merging included; making the events "
            f"takes {g['synth_s']:.1f} s of it", "< 60 s for 1M", g["build_s"] < 60 if full else None),
        row("peak memory of the build", f"{peak_gb:.2f} GB ({g['merged_events']:.0f} merged events)",
            "< 4 GB for 1M", peak_gb < 4 if full else None),
        row("pair query kg.between, by id", f"median {g['query_id_median_ms']:.3f} ms, p95 "
            f"{g['query_id_p95_ms']:.2f} ms ({g['query_id_events_per_pair']:.0f} events a pair)",
            "< 1 ms", g["query_id_median_ms"] < 1),
        row("pair query kg.between, by name", f"median {g['query_name_median_ms']:.3f} ms, p95 "
            f"{g['query_name_p95_ms']:.2f} ms"),
        row(f"store of {n_events:,} events", f"{g['store_mb']:.0f} MB, written in {g['store_write_s']:.1f} s"),
    ]


def profile_extraction(articles: list[Article], top: int = 25) -> None:
    """Print the functions where extraction spends its time (cProfile, sorted by own time)."""
    import cProfile
    import pstats

    from extractors import extract

    profile = cProfile.Profile()
    profile.enable()
    for article in articles:
        extract(article)
    profile.disable()
    print(f"\nwhere extraction spends its time ({len(articles)} articles, cProfile):")
    stats = pstats.Stats(profile)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


def emit(*lines: str) -> None:
    print("\n".join(lines), flush=True)


def row(label: str, figure: str, target: str = "", ok: bool | None = None) -> str:
    verdict = "" if ok is None else ("met" if ok else "MISSED")
    return f"| {label} | {figure} | {target} | {verdict} |"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 articles and 100k events")
    parser.add_argument("--articles", type=int, help="articles to extract (default 10,000; quick 1,000)")
    parser.add_argument("--events", type=int, help="synthetic events for the graph (default 1M; quick 100k)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes for 'all cores'")
    parser.add_argument("--dask", action="store_true", help="also time the Dask engine on a LocalCluster")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="profile extraction of N articles")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    n_articles = args.articles or (1_000 if args.quick else 10_000)
    n_events = args.events or (100_000 if args.quick else 1_000_000)

    articles = load_corpus(args.corpus, n_articles)
    words = words_in(articles)
    print(f"corpus: {len(articles):,} articles, {words:,} words ({words / len(articles):.0f} a article), "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} (one-core figures are CPU time)",
          flush=True)
    tok = tokenizer_seconds(articles)
    emit("| measure | figure | target | |", "| --- | --- | --- | --- |",
         row("bare spaCy tokenizer (ceiling)", f"{len(articles) / tok:,.0f} articles/s, {words / tok:,.0f} words/s"))
    machinery = machinery_seconds(articles)
    emit(row("spaCy machinery alone: tokenizer, norms, sentences, lexicon matcher",
             f"{len(articles) / machinery:,.0f} articles/s ({tok / machinery:.2f} of the tokenizer)"))
    one, events = extraction_seconds(articles, jobs=1)
    emit(row("extraction, one core", f"{len(articles) / one:,.0f} articles/s, {words / one:,.0f} words/s "
             f"({tok / one:.2f} of the tokenizer; {events:,} events; the event engine "
             f"{(one - machinery) / tok:.1f} tokenizer-times)", ">= 0.33 of the tokenizer", tok / one >= 1 / 3))
    many, _ = extraction_seconds(articles, jobs=args.jobs)
    emit(row(f"extraction, {args.jobs} processes", f"{len(articles) / many:,.0f} articles/s, "
             f"{words / many:,.0f} words/s ({one / many:.2f}x one core)"))
    if args.dask and importlib.util.find_spec("distributed") is None:
        emit(row("extraction, Dask", 'not measured: pip install "dipgraph[dask]"'))
    elif args.dask:
        start_up, alone, _ = dask_seconds(articles, args.jobs)
        emit(row(f"extraction, Dask LocalCluster of {args.jobs}", f"{len(articles) / alone:,.0f} articles/s, "
                 f"{words / alone:,.0f} words/s (+ {start_up:.1f} s to start, load pipelines)"))
    store = corpus_store(articles[: min(len(articles), 2_000)])
    emit(row(f"store of {store['articles']:,} extracted articles",
             f"{store['mb']:.1f} MB, written in {store['write_s']:.2f} s ({store['events']:,} events)"))
    g = graph_figures(n_events)
    if isinstance(g, str):
        emit(row(f"graph of {n_events:,} events", f"failed: {g}", "< 60 s and < 4 GB for 1M", False))
    else:
        emit(*graph_rows(n_events, g))
    if args.profile:
        profile_extraction(articles[: args.profile])


if __name__ == "__main__":
    main()
