"""Shared fixtures: the seed article (read from ../shared, never copied) and event lookups."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from extractors.schema import Event

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_c261b1e07587ab5f.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"the seed article is not here ({SEED}); it lives in the shared folder beside the repo")
    return SEED


def names(refs: Iterable) -> set[str]:
    return {r.name for r in refs}


def find(events: list[Event], type: str, participants: set[str] | None = None, **where: object) -> list[Event]:
    """Events of ``type`` whose participants (source and targets) are exactly ``participants``."""
    found = [e for e in events if e.type == type]
    if participants is not None:
        found = [e for e in found if names(e.participants) == participants]
    for key, value in where.items():
        found = [e for e in found if getattr(e, key) == value]
    return found
