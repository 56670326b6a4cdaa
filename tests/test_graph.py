"""How events become a graph (graph/build.py) and the KnowledgeGraph around it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import networkx as nx
import pytest
from pydantic import ValidationError

from extractors.errors import ActorNotFound
from extractors.schema import Actor, ActorRef, DateSpan, Event, Evidence
from graph import KnowledgeGraph, actor_records, build_graph, graph_from_events
from graph.build import EVENT_EDGES, edge_pairs
from graph.examples import example_actors, example_articles, example_events, example_kg


def ref(key: str) -> ActorRef:
    return ActorRef(id=f"example:{key}", name=example_actors()[f"example:{key}"].name)


def event(
    type_: str, source: str | None, targets: list[str], via: list[str] = (), day: str | None = None, **kw
) -> Event:
    span = DateSpan(start=date.fromisoformat(day), end=date.fromisoformat(day), text=day) if day else None
    return Event(
        id=f"t-{type_}-{source}-{'-'.join(targets)}-{day}",
        type=type_,
        source=ref(source) if source else None,
        targets=[ref(t) for t in targets],
        via=[ref(v) for v in via],
        date=span,
        **kw,
    )


@pytest.mark.parametrize(
    ("made", "edges"),
    [
        (event("letter_sent", "obama", ["khamenei"]), [("obama", "khamenei", "direct")]),
        (
            event("message_passed", "white_house", ["israel", "saudi"]),
            [("white_house", "israel", "direct"), ("white_house", "saudi", "direct")],
        ),
        (event("phone_call", "rouhani", ["obama"]), [("obama", "rouhani", "symmetric")]),
        (event("talks_held", None, ["zarif", "kerry"]), [("kerry", "zarif", "symmetric")]),
        (event("statement", "khamenei", []), [("khamenei", "khamenei", "self")]),
        (event("statement", "khamenei", ["khamenei"]), [("khamenei", "khamenei", "self")]),
        (
            event("message_passed", "usa", ["iran"], via=["iraq"]),
            [("usa", "iran", "direct"), ("usa", "iraq", "via"), ("iraq", "iran", "via")],
        ),
        (
            event("meeting_held", "kerry", ["zarif"], via=["usa"]),
            [("kerry", "zarif", "symmetric"), ("kerry", "usa", "via"), ("usa", "zarif", "via")],
        ),
    ],
)
def test_edges_of_each_event_shape(made: Event, edges: list[tuple[str, str, str]]) -> None:
    expected = [(f"example:{u}", f"example:{v}", role) for u, v, role in edges]
    assert edge_pairs(made) == expected
    G = graph_from_events([made], actors=example_actors())
    assert sorted((u, v, d["role"]) for u, v, d in G.edges(data=True)) == sorted(expected)
    assert all(key == made.id for _, _, key in G.edges(keys=True))
    assert G.graph[EVENT_EDGES][made.id] == [[u, v] for u, v, _ in expected]


def test_carrier_that_is_a_participant_gets_no_via_edge() -> None:
    made = event("message_passed", "usa", ["iran"], via=["iran"])
    assert edge_pairs(made) == [("example:usa", "example:iran", "direct")]


def test_symmetric_flag_follows_type_and_missing_source() -> None:
    G = example_kg().G
    flags = {(d["type"], d["symmetric"]) for _, _, d in G.edges(data=True)}
    assert ("phone_call", True) in flags and ("talks_held", True) in flags
    assert ("letter_sent", False) in flags and ("letter_sent", True) not in flags


def test_graph_attributes_are_json_safe_and_events_round_trip() -> None:
    kg = example_kg()
    json.dumps(dict(kg.G.nodes(data=True)), ensure_ascii=False)
    for _, _, data in kg.G.edges(data=True):
        json.dumps(data, ensure_ascii=False)
        assert Event.model_validate(data).model_dump(mode="json") == {
            k: v for k, v in data.items() if k not in ("role", "symmetric")
        }


def test_nodes_carry_names_in_both_languages() -> None:
    node = example_kg().G.nodes["example:khamenei"]
    assert (node["name"], node["name_ar"], node["kind"], node["country"]) == (
        "Ali Khamenei",
        "علي خامنئي",
        "person",
        "IRN",
    )
    assert "خامنئي" in node["aliases"] and "Khamenei" in node["aliases"]


def test_build_merges_cross_language_reports() -> None:
    kg = build_graph(example_events(), actors=example_actors(), articles=example_articles())
    letters = kg.between("Barack Obama", "Ali Khamenei", types="letter_sent")
    assert [e.date.start.year for e in letters] == [2009, 2014, 2015]
    october = letters[1]
    assert {ev.article for ev in october.evidence} == {"ex-en-1", "ex-ar-1"}
    assert set(kg.articles) == {"ex-en-1", "ex-ar-1", "ex-en-2"}


def test_build_without_merge_keeps_every_report() -> None:
    kg = build_graph(example_events(), actors=example_actors(), merge=False)
    assert len(kg) == len(example_events())


def test_build_from_json_dicts_equals_build_from_events() -> None:
    """The dicts ``dipgraph extract`` writes give the graph that their Events give, whatever their key order."""
    events = example_events()
    from_events = build_graph(events, actors=example_actors())
    as_json = [e.model_dump(mode="json") for e in events]
    as_json[1] = dict(reversed(as_json[1].items())) | {"note": "a field Event does not have"}
    from_json = build_graph(as_json, actors=example_actors())
    assert list(from_json.G.edges(keys=True, data=True)) == list(from_events.G.edges(keys=True, data=True))
    assert list(from_json.G.nodes(data=True)) == list(from_events.G.nodes(data=True))
    assert from_json.G.graph == from_events.G.graph


def test_build_validates_dicts_that_are_not_whole_events() -> None:
    """A dict that lacks fields is read as an Event (defaults filled in); one that is no event is refused."""
    letter = example_events()[0]
    short = {k: v for k, v in letter.model_dump(mode="json").items() if k not in ("secret", "topic", "reports")}
    built = build_graph([short], actors=example_actors())
    assert built.events == build_graph([letter.model_copy(update={"secret": False, "topic": [], "reports": 1})],
                                       actors=example_actors()).events
    with pytest.raises(ValidationError):
        build_graph([{**letter.model_dump(mode="json"), "type": "letter"}])


@pytest.mark.parametrize(
    "name", ["Barack Obama", "obama", "أوباما", "باراك أوباما", "President Obama", "example:obama"]
)
def test_actor_by_any_name(name: str) -> None:
    assert example_kg().actor(name).id == "example:obama"


def test_actor_not_found_suggests_closest() -> None:
    with pytest.raises(ActorNotFound) as err:
        example_kg().actor("Sistanni")
    assert err.value.suggestion == "Sistani"


def test_unknown_person_gets_minimal_record_and_is_found_by_name() -> None:
    stranger = ActorRef(id="person:jane-roe", name="Jane Roe")
    letter = Event(
        id="x",
        type="letter_sent",
        source=stranger,
        targets=[ref("obama")],
        evidence=[Evidence(article="a", text="Jane Roe wrote to Obama.", start=0, end=24)],
    )
    kg = build_graph([letter], actors=example_actors())
    assert kg.actor("jane roe").kind == "person"
    assert kg.G.nodes["person:jane-roe"]["kind"] == "person"
    org = actor_records.minimal_actor(ActorRef(id="org:some-fund", name="Some Fund"))
    assert org.kind == "organization"


class FakeBase:
    """Stands in for extractors.actors.actor_base(): the graph uses its `actors` dict and `lookup`."""

    def __init__(self, actors: dict[str, Actor]) -> None:
        self.actors = actors

    def lookup(self, name: str, at: date | None = None, lang: str | None = None) -> Actor | None:
        return next((a for a in self.actors.values() if name in a.aliases.get("en", [])), None)


def test_knowledge_base_records_and_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    kb = FakeBase(
        {
            "kb:oman": Actor(
                id="kb:oman",
                name="Oman",
                names={"en": "Oman", "ar": "عُمان"},
                kind="state",
                country="OMN",
                aliases={"en": ["Sultanate of Oman"]},
            )
        }
    )
    monkeypatch.setattr(actor_records, "knowledge_base", lambda: kb)
    visit = Event(id="v", type="visit", source=ref("kerry"), targets=[ActorRef(id="kb:oman", name="Oman")])
    kg = build_graph([visit])
    assert kg.G.nodes["kb:oman"]["name_ar"] == "عُمان"  # the KB record, not a minimal one
    assert kg.actor("Sultanate of Oman").id == "kb:oman"
    assert kg.between("John Kerry", "Sultanate of Oman")[0].type == "visit"


def test_add_events_merges_into_existing() -> None:
    kg = example_kg()
    before = len(kg)
    report = event(
        "letter_sent",
        "obama",
        ["khamenei"],
        day="2014-10-15",
        evidence=[Evidence(article="new", text="A letter went out on 15 October.", start=0, end=32)],
    )
    kg.add_events([report])
    assert len(kg) == before
    october = kg.between("obama", "khamenei", since="2014-10-01", until="2014-10-31")[0]
    assert october.date.start == date(2014, 10, 15)  # the more precise date now leads
    assert october.reports == 3
    assert len([k for _, _, k in kg.G.edges(keys=True) if k == october.id]) == 1


def test_ego_is_a_knowledge_graph_of_the_neighbourhood() -> None:
    sub = example_kg().ego("Ali al-Sistani", k=2)
    assert isinstance(sub, KnowledgeGraph)
    assert set(sub.G) == {"example:sistani", "example:usa", "example:iran", "example:iraq"}
    assert set(sub.actors) == set(sub.G)
    assert all(sub.G.has_edge(u, v, key=k) for k, pairs in sub.G.graph[EVENT_EDGES].items() for u, v in pairs)


def test_to_frames() -> None:
    actors, events = example_kg().to_frames()
    assert list(events["start"].dropna().dt.year) == sorted(events["start"].dropna().dt.year)
    assert events.loc[events["type"] == "phone_call", "source_name"].item() == "Barack Obama"
    assert actors.loc["example:usa", "kind"] == "state"


def test_collapsed_is_simple_weighted_digraph() -> None:
    D = example_kg().collapsed()
    assert type(D) is nx.DiGraph
    assert D["example:rouhani"]["example:obama"]["weight"] == 1  # a call counts both ways
    assert not D.has_edge("example:white_house", "example:israel")  # negated
    assert not any(u == v for u, v in D.edges)


SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds" / "000_c261b1e07587ab5f.txt"


@pytest.mark.skipif(not SEED.is_file(), reason="the seed article lives in ../shared/seeds, absent here")
def test_seed_and_english_sample_report_one_october_letter() -> None:
    """Integration: the Arabic seed and the English sample article both report the October 2014 letter."""
    from extractors import extract
    from extractors.articles import read_articles
    from graph import sample_dir

    seed = next(iter(read_articles(SEED))).model_copy(update={"date": date(2014, 11, 6)})
    english = next(iter(read_articles(sample_dir() / "en-2014-obama-letter.txt")))
    kg = build_graph(extract(seed) + extract(english), articles=[seed, english])
    letters = [e for e in kg.between("Barack Obama", "Ali Khamenei", types="letter_sent") if not e.negated]
    by_year = {e.date.start.year: e for e in letters if e.date}
    october = by_year[2014]
    assert {ev.article for ev in october.evidence} == {seed.id, english.id}
    assert october.reports == 2 and october.secret
    assert 2009 in by_year and by_year[2009].id != october.id  # the 2009 letters stay their own event
