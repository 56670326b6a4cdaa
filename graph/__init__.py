"""dipgraph's graph package: events -> a networkx knowledge graph, merging, queries, store and exports.

>>> from graph import build_graph
>>> from graph.examples import example_actors, example_events
>>> kg = build_graph(example_events(), actors=example_actors())
>>> kg.actor("خامنئي").name
'Ali Khamenei'
"""

from extractors.schema import Actor, Article, Event

from .build import build_graph, graph_from_events
from .knowledge_graph import KnowledgeGraph
from .merge import merge_events
from .query import (
    between,
    collapsed,
    correspondence,
    ego,
    event,
    events,
    intermediaries,
    lookup,
    most_active,
    most_active_pairs,
    of_type,
    shortest_channel,
    timeline,
)
from .sample_corpus import sample_dir
from .timeline import timeline_svg
from .views import inline_frame, render_html, timeline_html, write_html

__all__ = [
    "Actor",
    "Article",
    "Event",
    "KnowledgeGraph",
    "between",
    "build_graph",
    "collapsed",
    "correspondence",
    "ego",
    "event",
    "events",
    "graph_from_events",
    "inline_frame",
    "intermediaries",
    "lookup",
    "merge_events",
    "most_active",
    "most_active_pairs",
    "of_type",
    "render_html",
    "sample_dir",
    "shortest_channel",
    "timeline",
    "timeline_html",
    "timeline_svg",
    "write_html",
]
