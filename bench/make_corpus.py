"""Make a realistic benchmark corpus: Arabic and English news articles of about 600 words as JSON Lines.

Each article mixes a few contact sentences between real actors (letters, calls, meetings, talks, visits,
messages through intermediaries, deadlines, agreements) with filler news built from templates and word
lists: markets, weather, sport, budgets, with numbers, places and dates, so that the vocabulary varies
the way real news does and no paragraph is repeated. Actor names come from extractors/data/actors.jsonl
when it exists (a short built-in list otherwise). The output is deterministic for a given seed.

    .venv/bin/python bench/make_corpus.py --articles 10000 -o bench/out/corpus.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_words import AR, EN, FALLBACK_ACTORS  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ACTORS_FILE = ROOT / "extractors" / "data" / "actors.jsonl"
DEFAULT_OUT = ROOT / "bench" / "out" / "corpus.jsonl"
ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def load_actor_names(limit: int = 400) -> list[tuple[list[str], list[str]]]:
    """(English forms, Arabic forms) of actors named in both languages: canonical name and a few aliases."""
    if not ACTORS_FILE.exists():
        return [([en], [ar]) for en, ar in FALLBACK_ACTORS]
    people: list[tuple[list[str], list[str]]] = []
    others: list[tuple[list[str], list[str]]] = []
    for line in ACTORS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("//"):
            continue
        record = json.loads(line)
        names, aliases = record.get("names") or {}, record.get("aliases") or {}
        if names.get("en") and names.get("ar"):
            forms = ([names["en"], *aliases.get("en", [])[:2]], [names["ar"], *aliases.get("ar", [])[:2]])
            (people if record.get("kind") == "person" else others).append(forms)
    # a stride over the sorted file, so the picked names are not all from the start of the alphabet
    picked = people[:: max(1, len(people) * 2 // limit)] + others[:: max(1, len(others) * 2 // limit)]
    return picked or [([en], [ar]) for en, ar in FALLBACK_ACTORS]


class ArticleMaker:
    """Fills the templates of one language with random words, names, numbers and dates."""

    def __init__(self, lang: str, actors: list[tuple[list[str], list[str]]], rng: random.Random) -> None:
        self.lang = lang
        self.words = AR if lang == "ar" else EN
        self.names = [ar if lang == "ar" else en for en, ar in actors]
        self.rng = rng

    def number(self) -> str:
        n = self.rng.choice([self.rng.randint(2, 99), self.rng.randint(100, 9999), self.rng.randint(10_000, 900_000)])
        text = f"{n:,}" if self.lang == "en" else str(n)
        return text.translate(ARABIC_DIGITS) if self.lang == "ar" and self.rng.random() < 0.3 else text

    def percent(self) -> str:
        return f"{self.rng.randint(1, 40)}.{self.rng.randint(0, 9)}"

    def day(self, year: int) -> str:
        months = self.words["months"]
        return f"{self.rng.randint(1, 28)} {self.rng.choice(months)} {year}"

    def fill(self, template: str, published: dt.date) -> str:
        pick = self.rng.choice
        a, b, c = (pick(forms) for forms in self.rng.sample(self.names, 3))
        slots = {
            "A": a, "B": b, "C": c, "num": self.number(), "num2": self.number(), "pct": self.percent(),
            "date": self.day(published.year + self.rng.choice([0, 0, 1])), "year": str(published.year - 1),
            "score": f"{self.rng.randint(0, 5)}-{self.rng.randint(0, 5)}",
        }
        for key, options in self.words["slots"].items():
            slots[key] = pick(options)
        return template.format(**slots)

    def sentence(self, published: dt.date, contact: bool) -> str:
        templates = self.words["contact"] if contact else self.words["filler"]
        return self.fill(self.rng.choice(templates), published)

    def article(self, number: int, published: dt.date, words: int) -> dict[str, str]:
        paragraphs: list[str] = []
        count = 0
        while count < words:
            sentences = [
                self.sentence(published, contact=self.rng.random() < 0.18) for _ in range(self.rng.randint(2, 5))
            ]
            paragraph = " ".join(sentences)
            paragraphs.append(paragraph)
            count += len(paragraph.split())
        title = self.fill(self.rng.choice(self.words["titles"]), published)
        return {
            "id": f"bench-{self.lang}-{number:06d}", "title": title, "date": published.isoformat(),
            "lang": self.lang, "text": "\n\n".join(paragraphs),
        }


def make_corpus(count: int, seed: int = 7, words: int = 600) -> list[dict[str, str]]:
    """``count`` articles, alternately Arabic and English, about ``words`` words each.

    >>> corpus = make_corpus(4, seed=1, words=120)
    >>> [a["lang"] for a in corpus], len({a["text"] for a in corpus})
    (['ar', 'en', 'ar', 'en'], 4)
    >>> make_corpus(2, seed=1, words=50) == make_corpus(2, seed=1, words=50)
    True
    """
    rng = random.Random(seed)
    actors = load_actor_names()
    makers = {lang: ArticleMaker(lang, actors, rng) for lang in ("ar", "en")}
    first = dt.date(2005, 1, 1).toordinal()
    out = []
    for i in range(count):
        lang = "ar" if i % 2 == 0 else "en"
        published = dt.date.fromordinal(first + rng.randint(0, 20 * 365))
        length = rng.randint(int(words * 0.75), int(words * 1.25))
        out.append(makers[lang].article(i, published, length))
    return out


def write_corpus(path: Path, articles: list[dict[str, str]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".part")
    with tmp.open("w", encoding="utf-8") as out:
        for article in articles:
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    tmp.replace(path)
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=600, help="mean words per article")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    articles = make_corpus(args.articles, seed=args.seed, words=args.words)
    write_corpus(args.output, articles)
    total = sum(len(a["text"].split()) for a in articles)
    print(f"{len(articles)} articles, {total:,} words -> {args.output}")


if __name__ == "__main__":
    main()
