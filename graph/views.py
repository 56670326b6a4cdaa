"""Self-contained, offline HTML views of the event graph (vis-network, as shipped inside pyvis).

The page holds everything it needs: the vis-network script from pyvis's package files (its URLs in
comments and strings neutralised, Bootstrap and the CDN links of pyvis's template dropped), our own script
and style from graph/assets, and the view data as JSON. Text from articles never becomes markup: the data
is JSON with ``<``, ``>``, ``&`` and ``/`` escaped, read by the page with ``JSON.parse`` and written into the
page with ``textContent`` only; a Content-Security-Policy with script hashes blocks inline event handlers
and every network fetch as a second line of defence.

>>> from graph.examples import example_actors, example_articles, example_events
>>> page = render_html(example_events(), example_actors(), example_articles(), title="<b>demo</b>")
>>> "http://" in page or "https://" in page, "<b>demo</b>" in page
(False, False)
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from extractors.schema import Actor, Article, Event

from .files import atomic_path
from .timeline import timeline_html
from .view_model import ASSETS, add_layout, style, view_model

__all__ = ["render_html", "write_html", "timeline_html", "page_data", "inline_frame"]

VIS_JS = "lib/vis-9.1.2/vis-network.min.js"
JSON_TABLE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "/": "\\/", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def neutralise_urls(script: str) -> str:
    """Write ``http://`` as ``http:\\/\\/``: the same string in JS code, comments or regexes, but no URL
    the file could be said to reference (and ``</script`` cannot close the tag early).

    >>> neutralise_urls('createElementNS("http://www.w3.org/2000/svg")')
    'createElementNS("http:\\\\/\\\\/www.w3.org/2000/svg")'
    """
    for scheme in ("http", "https", "HTTP", "HTTPS"):
        script = script.replace(scheme + "://", scheme + ":\\/\\/")
    return script.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")


@lru_cache(maxsize=1)
def vis_script() -> str:
    """vis-network's standalone script, read from the pyvis package, made URL-free."""
    text = (resources.files("pyvis") / VIS_JS).read_text(encoding="utf-8")
    return neutralise_urls(text)


def asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


def json_for_script(value: Any) -> str:
    """JSON that can sit inside ``<script type="application/json">`` and never end or open a tag.

    >>> json_for_script({"t": "</script><img src=x onerror=alert(1)>"})
    '{"t": "\\\\u003c\\\\/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False)
    text = text.encode("utf-8", "replace").decode("utf-8")  # a lone surrogate cannot be written as UTF-8
    return text.translate(JSON_TABLE)


def script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def relative_href(href: str | None) -> str | None:
    """A link to a sibling file (the timeline); anything with a scheme or host is refused.

    >>> relative_href("pair-timeline.html"), relative_href("javascript:alert(1)")
    ('pair-timeline.html', None)
    """
    if not href:
        return None
    parts = urlsplit(href)
    return href if not parts.scheme and not parts.netloc and not href.startswith("//") else None


def page_data(
    events: Sequence[Event],
    actors: Mapping[str, Actor],
    articles: Mapping[str, Article] | None = None,
    *,
    title: str = "dipgraph",
    focus: Sequence[str] = (),
    max_actors: int = 500,
    note: str | None = None,
    timeline_href: str | None = None,
) -> dict[str, Any]:
    """The JSON the page is drawn from (nodes, aggregated edges, events, notes); see graph.view_model."""
    model = view_model(events, actors, articles, focus=focus, max_actors=max_actors)
    model["physics"] = not add_layout(model)
    model["title"] = title
    notes = [note] if note else []
    total, shown = model["total"], model["shown"]
    if shown["actors"] < total["actors"]:
        notes.append(
            f"Showing the {shown['actors']:,} most active of {total['actors']:,} actors "
            f"and {shown['events']:,} of {total['events']:,} events. "
            "Use an ego or pair view (dipgraph view --actor / --pair) for the rest."
        )
    model["notes"] = notes
    model["timeline"] = relative_href(timeline_href) or ""
    model["font"] = style()["font_stack"]
    return model


def render_html(
    events: Sequence[Event],
    actors: Mapping[str, Actor],
    articles: Mapping[str, Article] | None = None,
    *,
    title: str = "dipgraph",
    focus: Sequence[str] = (),
    max_actors: int = 500,
    note: str | None = None,
    timeline_href: str | None = None,
) -> str:
    """One self-contained HTML page showing ``events`` between ``actors``, capped to ``max_actors``.

    ``focus`` actor ids are always kept and drawn with a heavy border; ``note`` is shown in the header;
    ``timeline_href`` (a relative file name) links the pair's timeline page.
    """
    data = page_data(
        events, actors, articles, title=title, focus=focus, max_actors=max_actors, note=note,
        timeline_href=timeline_href,
    )
    return page(title, data)


def page(title: str, data: Mapping[str, Any]) -> str:
    """The HTML around the data: head with CSP, the controls, the canvas and the scripts."""
    scripts = [vis_script(), asset("view.js")]
    csp = (
        "default-src 'none'; script-src " + " ".join(script_hash(s) for s in scripts)
        + "; style-src 'unsafe-inline'; img-src data: blob:; font-src data:"
    )
    body = asset("view.html").replace("{title}", html.escape(title))
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>\n{asset('view.css')}</style>\n</head>\n<body>\n"
        f"{body}\n"
        f'<script type="application/json" id="dipgraph-data">{json_for_script(data)}</script>\n'
        + "".join(f"<script>{s}</script>\n" for s in scripts)
        + "</body>\n</html>\n"
    )


def write_html(path: str | Path, html: str) -> None:
    """Write the page atomically: a temporary file in the same folder, then ``os.replace``."""
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as out:
        out.write(html)


def inline_frame(page_html: str, *, height: int = 720) -> str:
    """The page in a sandboxed ``<iframe srcdoc>``, for a notebook: ``IPython.display.HTML(inline_frame(p))``.

    The sandbox allows scripts but no same-origin access, so the view cannot touch the notebook.

    >>> inline_frame('<p title="x">a & b</p>', height=300).split("srcdoc=")[1]
    '"&lt;p title=&quot;x&quot;&gt;a &amp; b&lt;/p&gt;"></iframe>'
    """
    return (f'<iframe sandbox="allow-scripts" style="width:100%;height:{int(height)}px;border:0" '
            f'srcdoc="{html.escape(page_html, quote=True)}"></iframe>')
