"""The ``dipgraph`` command: a thin shell over the library.

Every command reads articles (text files with front matter, JSON Lines, or folders), reports each
file it cannot read in one line, goes on with the rest, and exits 1 when anything was skipped.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from extractors.errors import DipgraphError
from extractors.plover import to_plover
from extractors.schema import Article, Event

from .corpus import SkipReport, extract_corpus, iter_articles
from .files import atomic_path

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="dipgraph: a knowledge graph of diplomatic correspondence from Arabic and English news.")

PathsArg = Annotated[list[Path] | None, typer.Argument(help="article files, JSON Lines files or folders")]
DateOpt = Annotated[str | None, typer.Option("--date", help="publication date YYYY-MM-DD for every article")]
LangOpt = Annotated[str | None, typer.Option("--lang", help="language of every article: ar or en")]
EngineOpt = Annotated[str, typer.Option("--engine", help="local (processes on this machine) or dask")]
SchedulerOpt = Annotated[str | None, typer.Option("--scheduler", help="a Dask scheduler address (tcp://host:8786)")]
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", help="worker processes (0: every core for a large corpus)")]


def _fail(message: str) -> None:
    typer.echo(f"dipgraph: {message}", err=True)
    raise typer.Exit(2)


def _parse_date(text: str | None, flag: str = "--date") -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        _fail(f"{flag} {text!r} is not a date; use YYYY-MM-DD")
    return None


def _check_lang(lang: str | None) -> str | None:
    if lang not in (None, "ar", "en"):
        _fail(f"--lang {lang!r} is not one of: ar, en")
    return lang


def _extracted(paths: list[Path], report: SkipReport, published: str | None, lang: str | None,
               jobs: int) -> Iterator[tuple[Article, list[Event]]]:
    articles = iter_articles(paths, report, published=_parse_date(published), lang=_check_lang(lang))
    return extract_corpus(articles, report, jobs=jobs)


def _check_engine(engine: str) -> str:
    if engine not in ("local", "dask"):
        _fail(f"--engine {engine!r} is not one of: local, dask")
    return engine


def _dask_extract(paths: list[Path], out_dir: Path, report: SkipReport, published: str | None,
                  lang: str | None, scheduler: str | None) -> list[Path]:
    try:
        from .distributed import extract_with_dask
    except ImportError:
        _fail("--engine dask needs dask: pip install 'dipgraph[dask]'")
    articles = iter_articles(paths, report, published=_parse_date(published), lang=_check_lang(lang))
    return extract_with_dask(articles, out_dir, scheduler=scheduler, report=report)


def _dask_pairs(articles: list[Article], report: SkipReport,
                scheduler: str | None) -> list[tuple[Article, list[Event]]]:
    """Events extracted on Dask, regrouped by article for the store and the graph."""
    import tempfile

    from .distributed import extract_with_dask, read_event_files

    with tempfile.TemporaryDirectory(prefix="dipgraph-") as tmp:
        parts = extract_with_dask(articles, tmp, scheduler=scheduler, report=report)
        by_article: dict[str, list[Event]] = {a.id: [] for a in articles}
        for event in read_event_files(parts):
            by_article.setdefault(event.evidence[0].article if event.evidence else "", []).append(event)
    return [(a, by_article.get(a.id, [])) for a in articles]


def _finish(report: SkipReport) -> None:
    typer.echo(f"dipgraph: {report.summary()}", err=True)
    if report.skipped:
        raise typer.Exit(1)


@app.command()
def extract(
    paths: PathsArg = None,
    published: DateOpt = None,
    lang: LangOpt = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="write here instead of stdout")] = None,
    fmt: Annotated[str, typer.Option("--format", help="native or plover")] = "native",
    jobs: JobsOpt = 0,
    engine: EngineOpt = "local",
    scheduler: SchedulerOpt = None,
) -> None:
    """Extract events from articles, one JSON object a line.

    With --engine dask, -o names a folder that receives one events-NNNNN.jsonl file per partition.
    Example: dipgraph extract ../shared/seeds/000_c261b1e07587ab5f.txt --date 2014-11-06
    """
    if fmt not in ("native", "plover"):
        _fail(f"--format {fmt!r} is not one of: native, plover")
    if not paths:
        _fail("give at least one article file or folder")
    report = SkipReport()
    if _check_engine(engine) == "dask":
        if output is None or fmt != "native":
            _fail("--engine dask writes native events to a folder: give -o FOLDER")
        parts = _dask_extract(paths or [], output, report, published, lang, scheduler)
        typer.echo(f"dipgraph: {len(parts)} partition files written to {output}", err=True)
        _finish(report)
        return
    rows = _extracted(paths or [], report, published, lang, jobs)

    def lines() -> Iterator[str]:
        for _, events in rows:
            for event in events:
                record = to_plover(event) if fmt == "plover" else event.model_dump(mode="json")
                yield json.dumps(record, ensure_ascii=False) + "\n"

    if output is None:
        for line in lines():
            sys.stdout.write(line)
        sys.stdout.flush()
    else:
        with atomic_path(output) as tmp, tmp.open("w", encoding="utf-8") as out:
            out.writelines(lines())
        typer.echo(f"dipgraph: events written to {output}", err=True)
    _finish(report)


@app.command()
def build(
    paths: PathsArg = None,
    output: Annotated[Path, typer.Option("-o", "--output", help="the HTML graph to write")] = Path("graph.html"),
    events_out: Annotated[Path | None, typer.Option("--events", help="also write the events as JSON Lines")] = None,
    save: Annotated[Path | None, typer.Option("--save", help="write a new SQLite store")] = None,
    update: Annotated[Path | None, typer.Option("--update", help="add new articles to an existing store")] = None,
    published: DateOpt = None,
    lang: LangOpt = None,
    jobs: JobsOpt = 0,
    engine: EngineOpt = "local",
    scheduler: SchedulerOpt = None,
) -> None:
    """Extract, merge and build the graph; write a self-contained HTML view (and optionally a store).

    With no PATH the bundled sample corpus is used. Example: dipgraph build -o out/graph.html
    """
    from . import build_graph, sample_dir
    from .store import load_store, new_articles, save_store, update_store
    from .views import render_html, write_html

    report = SkipReport()
    sources = paths or [sample_dir()]
    articles = iter_articles(sources, report, published=_parse_date(published), lang=_check_lang(lang))
    if update is not None and update.exists():
        articles = new_articles(update, articles)  # only articles the store does not hold are extracted
    if _check_engine(engine) == "dask":
        pairs = _dask_pairs(list(articles), report, scheduler)
    else:
        pairs = list(extract_corpus(articles, report, jobs=jobs))
    if update is not None:
        result = update_store(update, pairs)
        typer.echo(f"dipgraph: store {update}: {result}", err=True)
        kg = load_store(update)
    else:
        kg = build_graph((e for _, es in pairs for e in es), articles=[a for a, _ in pairs])
        if save is not None:
            save_store(save, kg)
            typer.echo(f"dipgraph: store written to {save}", err=True)
    if events_out is not None:
        with atomic_path(events_out) as tmp, tmp.open("w", encoding="utf-8") as out:
            out.writelines(e.model_dump_json() + "\n" for e in kg.events)
        typer.echo(f"dipgraph: events written to {events_out}", err=True)
    write_html(output, render_html(kg.events, kg.actors, kg.articles, title="dipgraph"))
    typer.echo(f"dipgraph: graph written to {output} ({len(kg.actors)} actors, {len(kg.events)} events)", err=True)
    _finish(report)


@app.command()
def actors(
    name: Annotated[str, typer.Argument(help="any name of the actor, in Arabic or English, or a role phrase")],
    on: DateOpt = None,
) -> None:
    """Show the actor a name resolves to, with the role held on a date.

    Example: dipgraph actors "الرئيس الأمريكي" --date 2014-11-06
    """
    from extractors.actors import actor_base

    at = _parse_date(on)
    try:
        actor = actor_base().resolve(name, at=at)
    except DipgraphError as err:
        typer.echo(f"dipgraph: {err}", err=True)
        raise typer.Exit(1) from None
    role = actor.role_on(at) if at else actor.role_on(date.today())
    record = {
        "id": actor.id, "name": actor.name, "names": actor.names, "kind": actor.kind, "country": actor.country,
        "role": role.model_dump(mode="json") if role else None, "aliases": actor.aliases,
    }
    typer.echo(json.dumps(record, ensure_ascii=False, indent=2))


def _load_graph(paths: list[Path] | None, store: Path | None, report: SkipReport, published: str | None,
                lang: str | None, jobs: int):  # type: ignore[no-untyped-def]
    from . import build_graph
    from .store import load_store

    if store is not None:
        if not store.exists():
            _fail(f"{store}: no such store")
        return load_store(store)
    if not paths:
        _fail("give article PATHs or --graph kg.db")
    pairs = list(_extracted(paths or [], report, published, lang, jobs))
    return build_graph((e for _, es in pairs for e in es), articles=[a for a, _ in pairs])


def _flags(event: Event) -> str:
    marks = [name for name, on in (("secret", event.secret), ("negated", event.negated),
                                   (event.modality, event.modality != "asserted")) if on]
    return ",".join(marks)


@app.command()
def query(
    a: Annotated[str, typer.Argument(help="first actor, any name")],
    b: Annotated[str, typer.Argument(help="second actor, any name")],
    store: Annotated[Path | None, typer.Option("--graph", help="a store written by build --save")] = None,
    paths: Annotated[list[Path] | None, typer.Option("--from", help="articles to read instead of a store")] = None,
    types: Annotated[list[str] | None, typer.Option("--type", help="event type (repeatable)")] = None,
    since: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print a JSON list of events")] = False,
) -> None:
    """Events between two actors, both directions, as a table or JSON.

    Example: dipgraph query Obama Khamenei --graph kg.db --type letter_sent
    """
    report = SkipReport()
    kg = _load_graph(paths, store, report, None, None, 1)
    _parse_date(since, "--since"), _parse_date(until, "--until")
    try:
        found = kg.between(a, b, types=types or None, since=since, until=until)
    except DipgraphError as err:
        typer.echo(f"dipgraph: {err}", err=True)
        raise typer.Exit(1) from None
    if as_json:
        typer.echo(json.dumps([e.model_dump(mode="json") for e in found], ensure_ascii=False, indent=2))
        return
    for e in found:
        when = f"{e.date.start}..{e.date.end}" if e.date else "undated"
        direction = f"{e.source.name if e.source else '?'} -> {', '.join(t.name for t in e.targets)}"
        via = f" via {', '.join(v.name for v in e.via)}" if e.via else ""
        excerpt = e.evidence[0].text[:90].replace("\n", " ") if e.evidence else ""
        typer.echo(f"{when:23} {e.type:17} {direction}{via} [{_flags(e)}] ({e.reports} reports) {excerpt}")
    if not found:
        typer.echo("no events between them")


@app.command()
def view(
    paths: PathsArg = None,
    actor: Annotated[str | None, typer.Option("--actor", help="ego view of this actor")] = None,
    pair: Annotated[tuple[str, str] | None, typer.Option("--pair", help="pair view of two actors")] = None,
    hops: Annotated[int, typer.Option("--hops", help="ego radius")] = 1,
    store: Annotated[Path | None, typer.Option("--graph", help="a store written by build --save")] = None,
    output: Annotated[Path, typer.Option("-o", "--output")] = Path("view.html"),
) -> None:
    """Write an actor's ego view or a pair view as HTML.

    Example: dipgraph view --pair Obama Khamenei --graph kg.db -o pair.html
    """
    from .views import render_html, timeline_html, write_html

    report = SkipReport()
    kg = _load_graph(paths, store, report, None, None, 1)
    try:
        if actor:
            sub = kg.ego(actor, k=hops)
            focus = [kg.actor(actor).id]
            title = f"dipgraph: {kg.actor(actor).name}"
            events = sub.events
        elif pair:
            focus = [kg.actor(pair[0]).id, kg.actor(pair[1]).id]
            events = kg.between(*pair)
            title = f"dipgraph: {kg.actor(pair[0]).name} and {kg.actor(pair[1]).name}"
        else:
            _fail("give --actor NAME or --pair A B")
            return
    except DipgraphError as err:
        typer.echo(f"dipgraph: {err}", err=True)
        raise typer.Exit(1) from None
    href = None
    if pair:
        timeline_path = output.with_name(output.stem + "-timeline.html")
        write_html(timeline_path, timeline_html(events, kg.actors, title=title + " (timeline)"))
        href = timeline_path.name
    write_html(output, render_html(events, kg.actors, kg.articles, title=title, focus=focus, timeline_href=href))
    typer.echo(f"dipgraph: view written to {output}", err=True)
    if store is None:  # articles were read: say how it went
        _finish(report)


if __name__ == "__main__":
    app()
