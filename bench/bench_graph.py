"""Graph-side benchmark: synthesise N events, build the graph, time pair queries and the SQLite store.

The events are JSON dicts with every field of Event, as ``dipgraph extract`` writes them; they stream into
``build_graph`` as they are made, so ``build_s`` (wall) and ``build_cpu_s`` include making them, and
``synth_s`` / ``synth_cpu_s`` (a separate pass that only makes them) tell how much of it that is.

Run by bench/bench_pipeline.py in a child process, so that its peak memory is this stage's alone; the
last line it prints is a JSON object of figures.

    .venv/bin/python bench/bench_graph.py --events 100000
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from bisect import bisect
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ACTORS_FILE = ROOT / "extractors" / "data" / "actors.jsonl"
TYPES = ["letter_sent", "message_passed", "phone_call", "meeting_held", "talks_held", "visit",
         "deadline_set", "agreement_reached", "statement"]
SENTENCES = [
    "{a} sent a letter to {b} about the talks, officials said on {d}.",
    "{a} and {b} spoke by phone on {d} to discuss the ceasefire and prisoner exchanges.",
    "{a} met {b} in Muscat on {d}, two diplomats familiar with the meeting said.",
    "{a} passed a message to {b} through an intermediary in Baghdad on {d}.",
]


def rss_mb() -> float:
    """This process's resident memory now (Linux /proc; the peak so far elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def actor_refs(limit: int = 3000) -> list[dict[str, str]]:
    """Actor ids and names (as events name actors) from the actor base (made-up ones when it is absent)."""
    refs: list[dict[str, str]] = []
    if ACTORS_FILE.exists():
        for line in ACTORS_FILE.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("//"):
                record = json.loads(line)
                refs.append({"id": record["id"], "name": record["name"]})
    return refs[:limit] or [{"id": f"person:actor-{i}", "name": f"Actor {i}"} for i in range(limit)]


def synthesise(count: int, seed: int = 11) -> Iterator[dict[str, Any]]:
    """``count`` events between actors of skewed popularity (a few actors take part in most events), each a
    dict with every field of Event, as ``dipgraph extract`` writes them (``Event.model_dump(mode="json")``),
    with its own nested dicts and lists. Days are drawn from 25 years; every fourth event starts an article."""
    rng = random.Random(seed)
    uniform = rng.random  # one call per choice: randint and choice cost several Python calls each
    refs = actor_refs()
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(refs))))
    total = cumulative[-1]
    first = dt.date(2000, 1, 1).toordinal()
    days = [dt.date.fromordinal(first + n).isoformat() for n in range(9001)]
    for i in range(count):
        # what rng.choices(refs, cum_weights=cumulative, k=3) does, without its checks on every call
        a = refs[bisect(cumulative, uniform() * total)]
        b = refs[bisect(cumulative, uniform() * total)]
        c = refs[bisect(cumulative, uniform() * total)]
        day = days[int(uniform() * len(days))]
        text = SENTENCES[int(uniform() * len(SENTENCES))].format(a=a["name"], b=b["name"], d=day)
        start = int(uniform() * 4000)
        yield {
            "id": f"ev{i:07d}", "type": TYPES[int(uniform() * len(TYPES))], "source": dict(a), "targets": [dict(b)],
            "via": [dict(c)] if uniform() < 0.05 else [],
            "date": {"start": day, "end": day, "text": day, "precision": "day"},
            "negated": False, "secret": False, "modality": "asserted", "attribution": None, "count": None,
            "ordinal": None, "recurring": False, "location": None, "topic": [], "cameo": None, "plover": None,
            "trigger": None, "lang": None,
            "evidence": [{"article": f"art{i // 4:06d}", "text": text, "start": start, "end": start + len(text)}],
            "other_dates": [], "reports": 1,
        }


def time_queries(kg, samples: int = 300, seed: int = 5) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Median and 95th percentile latency of ``kg.between`` for pairs that have events, by id and by name."""
    rng = random.Random(seed)
    index = kg.G.graph["event_edges"]
    ids = rng.sample(sorted(index), min(samples, len(index)))
    pairs = [tuple(index[i][0]) for i in ids]
    out: dict[str, float] = {}
    t = time.perf_counter()
    kg.between(kg.actors[pairs[0][0]].name, kg.actors[pairs[0][1]].name)  # the first name lookup builds the index
    out["name_index_s"] = time.perf_counter() - t
    for label in ("id", "name"):
        laps, found = [], 0
        for a, b in pairs:
            if label == "name":
                a, b = kg.actors[a].name, kg.actors[b].name
            t = time.perf_counter()
            found += len(kg.between(a, b))
            laps.append(time.perf_counter() - t)
        laps.sort()
        out[f"query_{label}_median_ms"] = 1000 * statistics.median(laps)
        out[f"query_{label}_p95_ms"] = 1000 * laps[int(0.95 * (len(laps) - 1))]
        out[f"query_{label}_events_per_pair"] = found / len(pairs)
    return out


def _note(figures: dict[str, float], **values: float) -> None:
    """Record figures and print them at once on stderr, so a run that runs out of memory still tells."""
    figures.update(values)
    print(" ".join(f"{k}={v:.1f}" for k, v in values.items()), f"rss_mb={rss_mb():.0f}", file=sys.stderr, flush=True)


def run(count: int, store: bool) -> dict[str, float]:
    from graph import build_graph
    from graph.store import save_store

    figures: dict[str, float] = {"events": count, "rss_start_mb": rss_mb()}
    # what making the events costs alone (they are dropped as made): a part of build_s, not of the build
    t, cpu = time.perf_counter(), time.process_time()
    for _ in synthesise(count):
        pass
    _note(figures, synth_s=time.perf_counter() - t, synth_cpu_s=time.process_time() - cpu)
    # events stream in as a pipeline would give them: build_graph keeps only the graph (merging included)
    t, cpu = time.perf_counter(), time.process_time()
    kg = build_graph(synthesise(count))
    _note(figures, build_s=time.perf_counter() - t, build_cpu_s=time.process_time() - cpu,
          merged_events=len(kg.G.graph["event_edges"]), rss_built_mb=rss_mb())
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # the build's peak
    figures["nodes"], figures["edges"] = kg.G.number_of_nodes(), kg.G.number_of_edges()
    figures.update(time_queries(kg))
    if store:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "kg.db"
            t = time.perf_counter()
            save_store(path, kg)
            _note(figures, store_write_s=time.perf_counter() - t, store_mb=path.stat().st_size / 2**20)
    figures["peak_rss_with_store_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--no-store", action="store_true", help="skip the SQLite store")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the run here")
    args = parser.parse_args(argv)
    if args.profile:
        import cProfile

        cProfile.runctx("run(args.events, not args.no_store)", globals(), {"run": run, "args": args},
                        str(args.profile))
        return
    print(json.dumps(run(args.events, store=not args.no_store)))


if __name__ == "__main__":
    main()
