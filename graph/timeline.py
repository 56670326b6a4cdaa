"""Timeline (placeholder, replaced below)."""
from __future__ import annotations


def timeline_html(events, actors, *, title: str = "timeline") -> str:
    return "<!DOCTYPE html><meta charset=utf-8><title>t</title>"
