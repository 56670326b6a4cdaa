"""The HTML views without a browser: offline, escaped, aggregated, capped (browser checks: test_views_browser)."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.schema import Actor, ActorRef, Article, DateSpan, Event, Evidence
from graph.examples import example_actors, example_articles, example_events
from graph.timeline import timeline_html, timeline_svg
from graph.view_model import edge_pairs, view_model
from graph.views import json_for_script, page_data, render_html, script_hash, vis_script, write_html

PROBES = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</script><script>alert(2)</script>"]
DATA_RE = re.compile(r'<script type="application/json" id="dipgraph-data">(.*?)</script>', re.S)


def page_json(page: str) -> dict:
    return json.loads(DATA_RE.search(page).group(1))


def probed_corpus(probe: str) -> tuple[list[Event], dict[str, Actor], dict[str, Article]]:
    """The example corpus with ``probe`` in an article title, an evidence sentence and an actor name."""
    articles = example_articles()
    articles["ex-en-1"] = articles["ex-en-1"].model_copy(
        update={"title": "Letters " + probe, "url": "https://news.example.org/a?b=1&c=" + probe}
    )
    events = example_events()
    first = events[0]
    events[0] = first.model_copy(
        update={"evidence": [first.evidence[0].model_copy(update={"text": "He wrote " + probe})]}
    )
    actors = example_actors()
    actors["example:kerry"] = actors["example:kerry"].model_copy(update={"names": {"en": probe, "ar": probe}})
    return events, actors, articles


def ring(n_actors: int, per_actor: int) -> tuple[list[Event], dict[str, Actor]]:
    """A synthetic network: actor i writes to the next ``per_actor`` actors; actor 0 is the busiest."""
    actors = {f"a{i}": Actor(id=f"a{i}", name=f"Actor {i}", names={"en": f"Actor {i}"}, kind="person")
              for i in range(n_actors)}
    events = []
    for i in range(n_actors):
        for k in range(1, per_actor + 1):
            j = 0 if i % 3 == 0 else (i + k) % n_actors
            if j == i:
                continue
            events.append(Event(id=f"e{i}-{k}", type="letter_sent", source=ActorRef(id=f"a{i}", name=f"Actor {i}"),
                                targets=[ActorRef(id=f"a{j}", name=f"Actor {j}")]))
    return events, actors


def test_page_has_no_web_reference_even_with_article_links() -> None:
    events, actors, articles = probed_corpus("x")
    page = render_html(events, actors, articles)
    assert "http://" not in page.lower() and "https://" not in page.lower()
    ours = page.replace(vis_script(), "")  # vis-network's own code mentions "<script>" in a string
    assert "<link" not in ours and " src=" not in ours and "@import" not in ours
    assert vis_script() in page  # the library is inlined, not linked
    # the link is still there, as data the page turns back into a URL
    assert page_json(page)["articles"][0]["url"].startswith("https://news.example.org/")


@pytest.mark.parametrize("probe", PROBES)
def test_text_from_articles_never_becomes_markup(probe: str) -> None:
    events, actors, articles = probed_corpus(probe)
    page = render_html(events, actors, articles, title="T " + probe, note=probe)
    ours = page.replace(vis_script(), "")
    assert ours.count("<script") == 3  # the JSON data, vis-network and the view script
    assert "<img" not in ours and probe not in page
    data = page_json(page)
    assert data["title"] == "T " + probe  # the data survives exactly
    assert any(ev["t"] == "He wrote " + probe for e in data["events"] for ev in e["ev"])
    assert probe in data["notes"]


def test_json_for_script_cannot_end_the_script_element() -> None:
    text = json_for_script({"t": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"t": "</script><!-- & \u2028"}


@given(st.text(st.characters(blacklist_categories=("Cs",))))
def test_any_text_round_trips_through_the_page_json_without_markup(text: str) -> None:
    encoded = json_for_script({"t": text})
    assert not set("<>&") & set(encoded) and "</" not in encoded
    assert json.loads(encoded) == {"t": text}


def test_unsafe_links_are_dropped() -> None:
    events, actors, articles = probed_corpus("x")
    articles["ex-ar-1"] = articles["ex-ar-1"].model_copy(update={"url": "javascript:alert(1)"})
    data = page_data(events, actors, articles, timeline_href="javascript:alert(1)")
    urls = {a["id"]: a["url"] for a in data["articles"]}
    assert urls["ex-ar-1"] == "" and data["timeline"] == ""
    assert page_data(events, actors, articles, timeline_href="pair-timeline.html")["timeline"] == "pair-timeline.html"


def test_csp_allows_exactly_the_inline_scripts() -> None:
    page = render_html(*probed_corpus("x"))
    csp = re.search(r'Content-Security-Policy" content="([^"]*)"', page).group(1)
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 2
    assert all(script_hash(s) in csp for s in scripts)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_edges_aggregate_per_pair_and_type() -> None:
    model = view_model(example_events(), example_actors(), example_articles())
    name = {i: n["en"] for i, n in enumerate(model["nodes"])}
    types = [t["id"] for t in model["types"]]
    edges = {(name[e["from"]], name[e["to"]], types[e["type"]], e["via"]): e for e in model["edges"]}
    assert len(edges[("Barack Obama", "Ali Khamenei", "letter_sent", False)]["events"]) == 3
    assert len(edges[("Ali Khamenei", "Barack Obama", "letter_sent", False)]["events"]) == 1
    assert edges[("Barack Obama", "Ali Khamenei", "letter_sent", False)]["directed"] is True
    talks = [e for k, e in edges.items() if k[2] == "talks_held"]
    assert len(talks) == 1 and talks[0]["directed"] is False
    carriers = {(a, b) for a, b, t, via in edges if via}
    assert carriers == {("United States", "Government of Iraq"), ("Government of Iraq", "Iran"),
                        ("United States", "Ali al-Sistani"), ("Ali al-Sistani", "Iran")}
    # a statement with no target is kept on its node, not drawn as an edge
    khamenei = next(n for n in model["nodes"] if n["en"] == "Ali Khamenei")
    assert [model["events"][i]["id"] for i in khamenei["solo"]] == ["ex-en-1#5"]


def test_tooltip_rows_carry_dates_flags_and_evidence() -> None:
    model = view_model(example_events(), example_actors(), example_articles())
    row = next(r for r in model["events"] if r["id"] == "ex-en-1#1")
    assert (row["date"], row["d0"], row["d1"]) == ("mid-October", "2014-10-11", "2014-10-20")
    assert row["flags"] == ["secret"] and row["src"] == "Barack Obama" and row["tgt"] == ["Ali Khamenei"]
    arabic = next(r for r in model["events"] if r["id"] == "ex-ar-1#1")
    assert arabic["ev"][0]["rtl"] is True and row["ev"][0]["rtl"] is False
    assert model["articles"][row["ev"][0]["a"]]["title"] == "Example ex-en-1"
    negated = next(r for r in model["events"] if r["id"] == "ex-en-1#2")
    assert negated["flags"] == ["negated"]


def test_symmetric_events_join_every_pair_and_via_goes_through_the_carrier() -> None:
    ref = {k: ActorRef(id=k, name=k.upper()) for k in "abcd"}
    meeting = Event(id="m", type="meeting_held", source=ref["a"], targets=[ref["b"], ref["c"]])
    assert sorted(edge_pairs(meeting)) == [("a", "b", False), ("a", "c", False), ("b", "c", False)]
    message = Event(id="x", type="message_passed", source=ref["a"], targets=[ref["b"]], via=[ref["d"]])
    assert edge_pairs(message) == [("a", "b", False), ("a", "d", True), ("d", "b", True)]


def test_unknown_actor_falls_back_to_the_name_in_the_event() -> None:
    event = Event(id="u", type="phone_call", source=ActorRef(id="example:obama", name="Barack Obama"),
                  targets=[ActorRef(id="unknown:1", name="A Mystery Envoy")])
    model = view_model([event], example_actors())
    envoy = next(n for n in model["nodes"] if n["key"] == "unknown:1")
    assert (envoy["en"], envoy["ar"], envoy["known"]) == ("A Mystery Envoy", "", False)


def test_cap_keeps_the_most_active_and_the_focus_and_says_so() -> None:
    events, actors = ring(60, 4)
    data = page_data(events, actors, max_actors=10, focus=["a59"])
    keys = {n["key"] for n in data["nodes"]}
    assert len(keys) == 10 and "a0" in keys and "a59" in keys
    assert any("10 most active of 60 actors" in note for note in data["notes"])
    assert all(set(e["events"]) and e["from"] < 10 and e["to"] < 10 for e in data["edges"])
    assert not any("most active" in n for n in page_data(events, actors, max_actors=60)["notes"])


def test_big_views_get_a_precomputed_layout_and_no_physics() -> None:
    small = page_data(*ring(20, 2))
    assert small["physics"] is True and "x" not in small["nodes"][0]
    big = page_data(*ring(400, 2), max_actors=400)
    assert big["physics"] is False
    xs = [n["x"] for n in big["nodes"]]
    assert len(set(xs)) > 350  # spread out, not stacked
    assert all(isinstance(n["y"], float) for n in big["nodes"])


def test_write_html_replaces_atomically(tmp_path) -> None:
    target = tmp_path / "out" / "graph.html"
    write_html(target, "first")
    write_html(target, "second ع")
    assert target.read_text(encoding="utf-8") == "second ع"
    assert [p.name for p in target.parent.iterdir()] == ["graph.html"]


def test_timeline_marks_intervals_and_escapes_text() -> None:
    probe = PROBES[1]
    event = Event(
        id="t", type="letter_sent", source=ActorRef(id="a", name="A " + probe), targets=[ActorRef(id="b", name="B")],
        date=DateSpan(start=date(2014, 10, 11), end=date(2014, 10, 20), text="mid-October", precision="part_of_month"),
        evidence=[Evidence(article="x", text="wrote " + probe, start=0, end=5)],
    )
    call = Event(id="c", type="phone_call", source=ActorRef(id="a", name="A"), targets=[ActorRef(id="b", name="B")],
                 date=DateSpan(start=date(2013, 9, 27), end=date(2013, 9, 27), text="27 September 2013"))
    undated = Event(id="u", type="talks_held", targets=[ActorRef(id="a", name="A"), ActorRef(id="b", name="B")])
    svg = timeline_svg([event, call, undated])
    assert svg.count('<rect class="mark"') == 1 and svg.count('<circle class="mark"') == 1
    assert "2014-10-11 – 2014-10-20" in svg
    page = timeline_html([event, call, undated], {}, title=probe)
    assert "<img" not in page and "<script" not in page and "://" not in page
    assert "Without a date" in page
