"""A timeline of contacts as inline SVG: one row per kind of contact (type and direction), one mark per event.

A day-precise event is a dot; a vaguer date ("mid-October", "the first half of 2009") is a bar over its whole
interval, so the uncertainty is visible. Negated events are hollow, planned ones dashed. Every mark has a
``<title>`` (the browser's tooltip) with the date as written, the ISO interval, the direction and the first
evidence sentence. All text is escaped; the page has no script and no external reference.

>>> from graph.examples import example_actors, example_events
>>> svg = timeline_svg([e for e in example_events() if e.type == "letter_sent"], example_actors())
>>> svg.count("<circle"), svg.count("<rect class=\\"mark")
(0, 4)
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from extractors.schema import Actor, Event

from .build import is_symmetric
from .view_model import style, type_table

LABEL_W, PLOT_W, ROW_H, TOP, MAX_ROWS = 300, 640, 30, 34, 40
FONT = '"Noto Sans", "Noto Naskh Arabic", "Segoe UI", "Arial", sans-serif'
CSS = """
body { font-family: "Noto Sans", "Noto Naskh Arabic", "Segoe UI", "Arial", sans-serif; color: #2b2b2b;
       background: #fbfaf7; margin: 16px 24px; font-size: 14px; }
h1 { font-size: 17px; font-weight: 600; margin: 0 0 8px; }
.muted { color: #77736a; font-size: 13px; }
svg text { font-family: inherit; font-size: 12px; fill: #2b2b2b; }
svg .axis { fill: #77736a; font-size: 11px; }
svg .mark:hover { stroke: #222; stroke-width: 2; }
li { margin: 3px 0; }
"""


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def row_key(event: Event) -> tuple[str, str]:
    """(type, who): who is "A → B" for directed events and "A ↔ B" for symmetric ones."""
    if is_symmetric(event):
        who = " ↔ ".join(sorted(p.name for p in event.participants))
    else:
        who = event.source.name if event.source else "?"
        who += " → " + ", ".join(t.name for t in event.targets) if event.targets else ""
    return event.type, who


def mark_title(event: Event) -> str:
    span = event.date
    if span is None:
        return " ".join(row_key(event)[::-1])
    iso = span.start.isoformat() + ("" if span.end == span.start else " – " + span.end.isoformat())
    lines = [f"{span.text} ({iso})", " ".join(row_key(event)[::-1])]
    flags = [f for f in ("secret", "negated", "recurring") if getattr(event, f)]
    flags += [event.modality] if event.modality != "asserted" else []
    if event.via:
        lines.append("via " + ", ".join(v.name for v in event.via))
    if flags:
        lines.append(", ".join(flags))
    if event.evidence:
        lines.append("“" + event.evidence[0].text + "”")
    return "\n".join(lines)


def axis_ticks(lo: date, hi: date) -> list[date]:
    """Year starts, or month starts when the span is under two years."""
    if (hi - lo).days > 730:
        return [date(y, 1, 1) for y in range(lo.year + 1, hi.year + 1)]
    months = []
    y, m = lo.year, lo.month
    while True:
        m, y = (1, y + 1) if m == 12 else (m + 1, y)
        if date(y, m, 1) > hi:
            return months
        months.append(date(y, m, 1))


def _marks(events: Sequence[Event], x, y: float, colour: str) -> list[str]:
    out = []
    for e in events:
        span = e.date
        if span is None:
            continue
        fill = "none" if e.negated else colour
        dash = ' stroke-dasharray="3 2"' if e.modality == "planned" else ""
        title = f"<title>{esc(mark_title(e))}</title>"
        x0, x1 = x(span.start), x(span.end + timedelta(days=1))
        if span.start == span.end:
            out.append(f'<circle class="mark" cx="{(x0 + x1) / 2:.1f}" cy="{y:.1f}" r="5.5" fill="{fill}" '
                       f'stroke="{colour}" stroke-width="1.5"{dash}>{title}</circle>')
        else:
            w = max(x1 - x0, 6.0)
            out.append(f'<rect class="mark" x="{x0:.1f}" y="{y - 6:.1f}" width="{w:.1f}" height="12" rx="4" '
                       f'fill="{fill}" fill-opacity="0.55" stroke="{colour}" stroke-width="1.2"{dash}>'
                       f"{title}</rect>")
    return out


def timeline_svg(
    events: Sequence[Event], actors: Mapping[str, Actor] | None = None, *, width: int = PLOT_W
) -> str:
    """An SVG timeline of the dated ``events`` (``actors`` is accepted for symmetry with the graph view)."""
    dated = sorted((e for e in events if e.date), key=lambda e: (e.date.start, e.id))  # type: ignore[union-attr]
    if not dated:
        return '<p class="muted">No dated events.</p>'
    rows: dict[tuple[str, str], list[Event]] = {}
    for e in dated:
        rows.setdefault(row_key(e), []).append(e)
    shown = sorted(rows.items(), key=lambda kv: kv[1][0].date.start)[:MAX_ROWS]  # type: ignore[union-attr]
    lo = min(e.date.start for e in dated) - timedelta(days=20)  # type: ignore[union-attr]
    hi = max(e.date.end for e in dated) + timedelta(days=20)  # type: ignore[union-attr]
    span_days = max((hi - lo).days, 1)

    def x(day: date) -> float:
        return LABEL_W + (day - lo).days / span_days * width

    colours = {t["id"]: t["colour"] for t in type_table()}
    labels = {t["id"]: t["en"] for t in type_table()}
    height = TOP + ROW_H * len(shown) + 10
    # presentation attributes, not only CSS: the SVG stands alone in a notebook cell
    parts = [f'<svg role="img" width="{LABEL_W + width + 20}" height="{height}" '
             f'viewBox="0 0 {LABEL_W + width + 20} {height}" font-family="{esc(FONT)}" font-size="12">']
    for tick in axis_ticks(lo, hi):
        tx = x(tick)
        text = str(tick.year) if tick.month == 1 and (hi - lo).days > 730 else tick.strftime("%b %Y")
        parts.append(f'<line x1="{tx:.1f}" y1="{TOP - 8}" x2="{tx:.1f}" y2="{height - 6}" stroke="#e6e2d8"/>')
        parts.append(f'<text class="axis" x="{tx + 3:.1f}" y="{TOP - 14}" fill="#77736a" font-size="11">'
                     f"{esc(text)}</text>")
    for i, ((kind, who), evs) in enumerate(shown):
        y = TOP + ROW_H * i + ROW_H / 2
        colour = colours.get(kind, style()["fallback_colour"])
        parts.append(f'<line x1="{LABEL_W}" y1="{y:.1f}" x2="{LABEL_W + width}" y2="{y:.1f}" stroke="#eeeae0"/>')
        parts.append(f'<text x="8" y="{y + 4:.1f}"><tspan fill="{colour}" font-weight="600">'
                     f"{esc(labels.get(kind, kind))}</tspan> {esc(who)}</text>")
        parts.extend(_marks(evs, x, y, colour))
    parts.append("</svg>")
    if len(rows) > MAX_ROWS:
        parts.append(f'<p class="muted">Showing the first {MAX_ROWS} of {len(rows)} rows.</p>')
    return "\n".join(parts)


def undated_list(events: Sequence[Event]) -> str:
    undated = [e for e in events if not e.date]
    if not undated:
        return ""
    items = "".join(f"<li>{esc(' '.join(row_key(e)[::-1]))}: {esc(e.type.replace('_', ' '))}"
                    + (f' <span class="muted">“{esc(e.evidence[0].text)}”</span>' if e.evidence else "")
                    + "</li>" for e in undated)
    return f'<h2 class="muted">Without a date</h2><ul>{items}</ul>'


def timeline_html(
    events: Sequence[Event], actors: Mapping[str, Actor] | None = None, *, title: str = "timeline"
) -> str:
    """A self-contained page with :func:`timeline_svg` and the undated events; no script at all."""
    csp = "default-src 'none'; style-src 'unsafe-inline'"
    legend = ("dot: a dated day · bar: a vaguer date, drawn over its whole interval · hollow: negated · "
              "dashed outline: planned · hover a mark for its evidence")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"<h1>{esc(title)}</h1>\n<p class=\"muted\">{legend}</p>\n"
        f"{timeline_svg(events, actors)}\n{undated_list(events)}\n</body>\n</html>\n"
    )
