"""The HTML view in a real browser: Debian's chromium, headless, driven by playwright (never `playwright install`).

Every request the page makes is routed and recorded; anything but the page file itself is aborted and fails the
test. Run only these with ``pytest -m browser``; tools/install_browser.sh installs chromium where it is absent.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from extractors.schema import Actor, Article, Event
from graph.examples import example_actors, example_articles, example_events
from graph.views import render_html, write_html

pytestmark = pytest.mark.browser
playwright_api = pytest.importorskip("playwright.sync_api")

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
PROBE = "<script>alert(1)</script><img src=x onerror=alert(2)>"
VISIBLE_EDGES = "() => window.dipgraph.edges.get({filter: e => !e.hidden})"


@pytest.fixture(scope="module")
def browser() -> Iterator:
    if not CHROMIUM.exists():
        subprocess.run(["sh", str(ROOT / "tools" / "install_browser.sh")], check=False)
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent and tools/install_browser.sh could not install it")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


class Page:
    """A loaded view with the console messages, page errors, requests and dialogs it produced."""

    def __init__(self, browser, path: Path, also: tuple[Path, ...] = ()) -> None:
        self.messages: list[tuple[str, str]] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.url = path.resolve().as_uri()
        self.allowed = {self.url} | {p.resolve().as_uri() for p in also}
        self.page = browser.new_page(viewport={"width": 1400, "height": 860})
        self.page.on("console", lambda m: self.messages.append((m.type, m.text)))
        self.page.on("pageerror", lambda e: self.messages.append(("pageerror", str(e))))
        self.page.on("dialog", self._dialog)
        self.page.route("**/*", self._route)
        self.page.goto(self.url)
        # a selector, not wait_for_function: the page's CSP forbids the eval that polling predicates use
        self.page.wait_for_selector("body[data-ready='1']", state="attached", timeout=60_000)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route) -> None:
        self.requests.append(route.request.url)
        if route.request.url in self.allowed:
            route.continue_()
        else:
            route.abort()

    def js(self, script: str, arg=None):
        return self.page.evaluate(script, arg)

    def centre_of_edge(self, index: int) -> dict[str, float]:
        # the middle of the drawn edge (curved when a pair has several), from vis-network's edge geometry
        return self.js("""(k) => { const net = window.dipgraph.network;
            const p = net.canvasToDOM(net.body.edges[k].edgeType.getPoint(0.5));
            const r = document.getElementById("graph").getBoundingClientRect();
            return {x: r.left + p.x, y: r.top + p.y}; }""", index)

    def centre_of_node(self, index: int) -> dict[str, float]:
        return self.js("""(k) => { const net = window.dipgraph.network, p = net.canvasToDOM(net.getPositions([k])[k]);
            const r = document.getElementById("graph").getBoundingClientRect();
            return {x: r.left + p.x, y: r.top + p.y}; }""", index)


def write_view(tmp_path: Path, events: list[Event], actors: dict[str, Actor], articles: dict[str, Article],
               **kw) -> Path:
    path = tmp_path / "view.html"
    write_html(path, render_html(events, actors, articles, **kw))
    return path


@pytest.fixture
def sample_page(browser, tmp_path) -> Iterator[Page]:
    page = Page(browser, write_view(tmp_path, example_events(), example_actors(), example_articles()))
    yield page
    page.page.close()


def test_loads_offline_without_errors(sample_page: Page) -> None:
    assert sample_page.requests == [sample_page.url]
    assert [m for m in sample_page.messages if m[0] in ("error", "pageerror", "warning")] == []
    assert sample_page.js("window.dipgraph.nodes.length") == 12
    assert sample_page.js("document.getElementById('graph').querySelector('canvas').width") > 0


def test_type_filter_hides_its_edges_and_brings_them_back(sample_page: Page) -> None:
    before = sample_page.js(VISIBLE_EDGES)
    letter = sample_page.js("window.dipgraph.data.types.findIndex(t => t.id === 'letter_sent')")
    letters = [e for e in before if sample_page.js(f"window.dipgraph.data.edges[{e['id']}].type") == letter]
    assert len(letters) == 2
    sample_page.page.click("#types input[data-type=letter_sent]")
    after = sample_page.js(VISIBLE_EDGES)
    assert len(after) == len(before) - 2
    assert {e["id"] for e in after}.isdisjoint({e["id"] for e in letters})
    sample_page.page.click("#types input[data-type=letter_sent]")
    assert len(sample_page.js(VISIBLE_EDGES)) == len(before)


def test_date_filter_recounts_aggregated_edges(sample_page: Page) -> None:
    obama_to_khamenei = sample_page.js("""() => window.dipgraph.data.edges.findIndex(e =>
        window.dipgraph.data.nodes[e.from].en === 'Barack Obama' && window.dipgraph.data.nodes[e.to].en ===
        'Ali Khamenei' && !e.via)""")
    assert sample_page.js(f"window.dipgraph.edges.get({obama_to_khamenei}).label") == "3"
    sample_page.page.fill("#date-from", "2014-01-01")
    sample_page.page.dispatch_event("#date-from", "change")
    assert sample_page.js(f"window.dipgraph.edges.get({obama_to_khamenei}).label") == "2"  # 2009 letters drop out
    sample_page.page.fill("#date-to", "2014-12-31")
    sample_page.page.dispatch_event("#date-to", "change")
    sample_page.page.uncheck("#undated")
    talks = sample_page.js("window.dipgraph.data.types.findIndex(t => t.id === 'talks_held')")
    visible_types = {sample_page.js(f"window.dipgraph.data.edges[{e['id']}].type")
                     for e in sample_page.js(VISIBLE_EDGES)}
    assert talks not in visible_types  # Kerry and Zarif's talks have no date


def test_search_highlights_the_neighbourhood(sample_page: Page) -> None:
    sample_page.page.fill("#search", "خامنئي")
    sample_page.page.press("#search", "Enter")
    dim = {n["label"].split("\n")[0]: n.get("dim") for n in sample_page.js("window.dipgraph.nodes.get()")}
    assert dim["Ali Khamenei"] is False and dim["Barack Obama"] is False
    assert dim["Hassan Rouhani"] is True and dim["Iran"] is True
    assert sample_page.js("window.dipgraph.network.getSelectedNodes()") == [
        sample_page.js("window.dipgraph.findActor('Ali Khamenei')")
    ]
    assert "Ali Khamenei" in sample_page.page.inner_text("#details")
    sample_page.page.click("#clear")
    assert not any(n.get("dim") for n in sample_page.js("window.dipgraph.nodes.get()"))


def probed_view(tmp_path: Path) -> Path:
    articles = example_articles()
    articles["ex-en-1"] = articles["ex-en-1"].model_copy(update={"title": "Report " + PROBE})
    articles["ex-en-2"] = articles["ex-en-2"].model_copy(update={"url": "javascript:alert(3)"})
    events = example_events()
    for i, event in enumerate(events):
        evidence = [ev.model_copy(update={"text": ev.text + " " + PROBE}) for ev in event.evidence]
        events[i] = event.model_copy(update={"evidence": evidence})
    actors = example_actors()
    actors["example:kerry"] = actors["example:kerry"].model_copy(update={"names": {"en": PROBE, "ar": PROBE}})
    return write_view(tmp_path, events, actors, articles, title=PROBE, note=PROBE)


def test_xss_probes_stay_text(browser, tmp_path) -> None:
    view = Page(browser, probed_view(tmp_path))
    page = view.page
    page.evaluate("() => { window.alert = () => { window.__xss = true; }; }")  # a second witness
    for k in range(view.js("window.dipgraph.data.edges.length")):  # hover and click every edge: tooltips, panel
        spot = view.centre_of_edge(k)
        page.mouse.move(spot["x"], spot["y"])
        page.mouse.click(spot["x"], spot["y"])
    kerry = view.js("window.dipgraph.findActor('Javad Zarif')")
    spot = view.centre_of_node(kerry)
    page.mouse.move(spot["x"], spot["y"])
    page.wait_for_timeout(300)
    assert view.dialogs == [] and view.js("window.__xss === undefined")
    assert view.js("document.querySelectorAll('img').length") == 0
    assert PROBE in page.inner_text("#title") and PROBE in page.inner_text("#notes")
    assert view.js("[...document.querySelectorAll('a')].every(a => !a.href.startsWith('javascript:'))")
    assert [m for m in view.messages if m[0] in ("error", "pageerror")] == []
    assert view.requests == [view.url]
    page.close()


def test_tooltip_lists_the_events_of_an_edge(sample_page: Page) -> None:
    k = sample_page.js("""() => window.dipgraph.data.edges.findIndex(e =>
        window.dipgraph.data.nodes[e.from].en === 'Barack Obama' && window.dipgraph.data.nodes[e.to].en ===
        'Ali Khamenei' && !e.via)""")
    spot = sample_page.centre_of_edge(k)
    sample_page.page.mouse.move(spot["x"] - 3, spot["y"])
    sample_page.page.mouse.move(spot["x"], spot["y"])
    sample_page.page.wait_for_selector("#tip:not([hidden])", timeout=5_000)
    tip = sample_page.page.inner_text("#tip")
    assert "Barack Obama → Ali Khamenei" in tip and "3 events" in tip
    assert "mid-October" in tip and "2014-10-11 – 2014-10-20" in tip and "secret" in tip
    assert sample_page.js("document.querySelector('#tip blockquote[dir=rtl]') !== null")


def sample_graph():  # -> KnowledgeGraph of the bundled sample corpus, as `dipgraph build` makes it
    from extractors import extract
    from extractors.articles import read_articles
    from graph import build_graph, sample_dir

    articles = [a for a in read_articles(sample_dir()) if isinstance(a, Article)]
    return build_graph([e for a in articles for e in extract(a)], articles=articles)


def test_screenshot_of_the_sample_graph(browser, tmp_path) -> None:
    kg = sample_graph()
    view = Page(browser, write_view(tmp_path, kg.events, kg.actors, kg.articles, title="dipgraph: the sample corpus"))
    assert view.js("window.dipgraph.nodes.length") == len({a for e in kg.events for a in
                                                           [p.id for p in e.participants + e.via]})
    assert [m for m in view.messages if m[0] in ("error", "pageerror")] == [] and view.requests == [view.url]
    # the README's picture is refreshed only on request: a test run leaves the checkout as it was
    shot = ROOT / "docs" / "screenshot.png" if os.environ.get("DIPGRAPH_UPDATE_SCREENSHOT") else tmp_path / "shot.png"
    view.page.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000
    view.page.close()


def test_language_switch_relabels_nodes(sample_page: Page) -> None:
    obama = sample_page.js("window.dipgraph.findActor('Barack Obama')")
    assert sample_page.js(f"window.dipgraph.nodes.get({obama}).label") == "Barack Obama\nباراك أوباما"
    sample_page.page.check("#lang input[value=ar]")
    assert sample_page.js(f"window.dipgraph.nodes.get({obama}).label") == "باراك أوباما"
    sample_page.page.check("#lang input[value=en]")
    assert sample_page.js(f"window.dipgraph.nodes.get({obama}).label") == "Barack Obama"


def test_pair_view_links_its_timeline(browser, tmp_path) -> None:
    from graph.timeline import timeline_html

    events = [e for e in example_events() if {p.id for p in e.participants} == {"example:obama", "example:khamenei"}]
    timeline = tmp_path / "pair-timeline.html"
    write_html(timeline, timeline_html(events, example_actors(), title="Obama and Khamenei"))
    pair = write_view(tmp_path, events, example_actors(), example_articles(),
                      focus=["example:obama", "example:khamenei"], timeline_href="pair-timeline.html")
    view = Page(browser, pair, also=(timeline,))
    view.page.click("#timeline-link")
    view.page.wait_for_selector("svg")
    assert view.page.url.endswith("/pair-timeline.html")
    assert view.js("document.querySelectorAll('svg .mark').length") == 4  # four dated letters
    assert [m for m in view.messages if m[0] in ("error", "pageerror")] == []
    assert view.requests == [view.url, timeline.resolve().as_uri()]
    view.page.close()
