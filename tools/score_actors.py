"""Score the actor resolver on tests/devset/actor_mentions.jsonl: accuracy per language and category.

Each line is a mention as an article writes it, the article's date, optional context (the article's country
for bare titles, the other participant for counterpart phrases) and the expected actor id (null: not an actor).

    .venv/bin/python tools/score_actors.py [PATH] [--misses]
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.actors import actor_base  # noqa: E402

DEVSET = ROOT / "tests" / "devset" / "actor_mentions.jsonl"


def predict(item: dict) -> str | None:
    found = actor_base().lookup(
        item["mention"], at=date.fromisoformat(item["date"]), lang=item["lang"],
        country=item.get("country"), counterpart_of=item.get("counterpart_of"))
    return found.id if found else None


def score(path: Path = DEVSET) -> dict:
    """{"overall": acc, "by_lang": {...}, "by_category": {...}, "misses": [...], "n": count}"""
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    hits: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for item in items:
        got = predict(item)
        ok = got == item["expected"]
        for group in ("all", f"lang:{item['lang']}", f"cat:{item['category']}", f"{item['lang']}:{item['category']}"):
            hits[group][0] += ok
            hits[group][1] += 1
        if not ok:
            misses.append({"id": item["id"], "mention": item["mention"], "date": item["date"],
                           "expected": item["expected"], "got": got})
    acc = {group: right / total for group, (right, total) in hits.items()}
    return {
        "n": len(items),
        "overall": acc["all"],
        "by_lang": {g[5:]: a for g, a in acc.items() if g.startswith("lang:")},
        "by_category": {g[4:]: a for g, a in acc.items() if g.startswith("cat:")},
        "by_lang_category": {g: a for g, a in acc.items() if g[:3] in ("ar:", "en:")},
        "counts": {g: t for g, (_, t) in hits.items()},
        "misses": misses,
    }


def main(argv: list[str]) -> int:
    paths = [a for a in argv if not a.startswith("--")]
    result = score(Path(paths[0]) if paths else DEVSET)
    print(f"actor mentions: {result['n']}  accuracy {result['overall']:.3f}")
    for lang, acc in sorted(result["by_lang"].items()):
        print(f"  {lang}: {acc:.3f} ({result['counts']['lang:' + lang]})")
    print("  by language and category:")
    for group, acc in sorted(result["by_lang_category"].items()):
        print(f"    {group:<22} {acc:.3f} ({result['counts'][group]})")
    if "--misses" in argv:
        for miss in result["misses"]:
            print(f"  MISS {miss['id']} {miss['mention']!r} @{miss['date']}: expected {miss['expected']}, "
                  f"got {miss['got']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
