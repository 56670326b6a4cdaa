"""A tiny hand-made corpus for docstring examples and tests: three short articles written for this
project (facts of the 2009-2015 Obama-Khamenei correspondence, sentences of our own), the actors they
name and the events an extractor would read from them, before merging."""

from __future__ import annotations

from datetime import date

from extractors.schema import Actor, ActorRef, Article, DateSpan, Event, Evidence, Role

ARTICLES = {
    "ex-en-1": (
        "en",
        date(2014, 11, 6),
        "Officials said President Obama wrote secretly to Ayatollah Khamenei in mid-October. "
        "The White House did not brief Israel or Saudi Arabia about the letter. "
        "Obama had already sent two letters to the Iranian leader in the first half of 2009. "
        "Washington also used the Iraqi government and Ali al-Sistani to pass word to Tehran. "
        "Khamenei spoke about the nuclear file on 6 November.",
    ),
    "ex-ar-1": (
        "ar",
        date(2014, 11, 7),
        "أفادت مصادر بأن أوباما بعث الشهر الماضي برسالة إلى خامنئي. "
        "ويلتقي كيري وظريف بانتظام لبحث الملف النووي.",
    ),
    "ex-en-2": (
        "en",
        date(2015, 2, 15),
        "Khamenei answered Obama with a letter of his own in January. "
        "Obama and Rouhani spoke by phone on 27 September 2013.",
    ),
}

_ACTORS = [
    ("obama", "Barack Obama", "باراك أوباما", "person", "USA", ["Obama", "President Obama"], ["أوباما"]),
    ("khamenei", "Ali Khamenei", "علي خامنئي", "person", "IRN", ["Khamenei"], ["خامنئي"]),
    ("rouhani", "Hassan Rouhani", "حسن روحاني", "person", "IRN", ["Rouhani"], ["روحاني"]),
    ("kerry", "John Kerry", "جون كيري", "person", "USA", ["Kerry"], ["كيري"]),
    ("zarif", "Javad Zarif", "جواد ظريف", "person", "IRN", ["Zarif"], ["ظريف"]),
    ("sistani", "Ali al-Sistani", "علي السيستاني", "person", "IRQ", ["Sistani"], ["السيستاني"]),
    ("usa", "United States", "الولايات المتحدة", "state", "USA", ["Washington"], ["واشنطن"]),
    ("iran", "Iran", "إيران", "state", "IRN", ["Tehran"], ["طهران"]),
    ("iraq", "Government of Iraq", "الحكومة العراقية", "organization", "IRQ", ["Iraqi government"], []),
    ("white_house", "White House", "البيت الأبيض", "organization", "USA", [], []),
    ("israel", "Israel", "إسرائيل", "state", "ISR", [], []),
    ("saudi", "Saudi Arabia", "السعودية", "state", "SAU", [], []),
]


def example_actors() -> dict[str, Actor]:
    """The actors of the example corpus, ids ``example:<name>``, names in English and Arabic."""
    actors = {}
    for key, en, ar, kind, country, aliases_en, aliases_ar in _ACTORS:
        roles = [Role(title="President", of="USA", start=date(2009, 1, 20), end=date(2017, 1, 20))]
        actors[f"example:{key}"] = Actor(
            id=f"example:{key}",
            name=en,
            names={"en": en, "ar": ar},
            kind=kind,
            country=country,
            aliases={"en": aliases_en, "ar": aliases_ar},
            roles=roles if key == "obama" else [],
            source="graph.examples",
        )
    return actors


def example_articles() -> dict[str, Article]:
    """The three example articles by id."""
    return {
        aid: Article(id=aid, text=text, lang=lang, date=day, title=f"Example {aid}")
        for aid, (lang, day, text) in ARTICLES.items()
    }


def _ref(key: str) -> ActorRef:
    return ActorRef(id=f"example:{key}", name=dict((a[0], a[1]) for a in _ACTORS)[key])


def _evidence(article: str, words: str) -> Evidence:
    """The sentence of ``article`` that holds ``words``, with its offsets."""
    text = ARTICLES[article][2]
    at = text.index(words)
    stop = text.rfind(". ", 0, at)
    start = stop + 2 if stop >= 0 else 0
    end = text.index(".", at) + 1
    return Evidence(article=article, text=text[start:end], start=start, end=end)


def _span(start: str, end: str, text: str, precision: str) -> DateSpan:
    return DateSpan(
        start=date.fromisoformat(start), end=date.fromisoformat(end), text=text, precision=precision
    )


def _event(
    n: int, type_: str, source: str | None, targets: list[str], article: str, words: str, **kw
) -> Event:
    lang = ARTICLES[article][0]
    return Event(
        id=f"{article}#{n}",
        type=type_,
        source=_ref(source) if source else None,
        targets=[_ref(t) for t in targets],
        evidence=[_evidence(article, words)],
        lang=lang,
        **kw,
    )


def example_events() -> list[Event]:
    """Nine event reports; two of them (English and Arabic) report the same October 2014 letter."""
    oct14 = _span("2014-10-11", "2014-10-20", "mid-October", "part_of_month")
    return [
        _event(1, "letter_sent", "obama", ["khamenei"], "ex-en-1", "wrote secretly", date=oct14, secret=True),
        _event(
            2,
            "message_passed",
            "white_house",
            ["israel", "saudi"],
            "ex-en-1",
            "did not brief",
            date=oct14,
            negated=True,
        ),
        _event(
            3,
            "letter_sent",
            "obama",
            ["khamenei"],
            "ex-en-1",
            "two letters",
            count=2,
            date=_span("2009-01-01", "2009-06-30", "in the first half of 2009", "part_of_year"),
        ),
        _event(
            4, "message_passed", "usa", ["iran"], "ex-en-1", "pass word", via=[_ref("iraq"), _ref("sistani")]
        ),
        _event(
            5,
            "statement",
            "khamenei",
            [],
            "ex-en-1",
            "spoke about",
            date=_span("2014-11-06", "2014-11-06", "on 6 November", "day"),
        ),
        _event(
            1,
            "letter_sent",
            "obama",
            ["khamenei"],
            "ex-ar-1",
            "برسالة",
            date=_span("2014-10-01", "2014-10-31", "الشهر الماضي", "month"),
        ),
        _event(2, "talks_held", None, ["kerry", "zarif"], "ex-ar-1", "بانتظام", recurring=True),
        _event(
            1,
            "letter_sent",
            "khamenei",
            ["obama"],
            "ex-en-2",
            "answered",
            date=_span("2015-01-01", "2015-01-31", "in January", "month"),
        ),
        _event(
            2,
            "phone_call",
            "obama",
            ["rouhani"],
            "ex-en-2",
            "by phone",
            date=_span("2013-09-27", "2013-09-27", "on 27 September 2013", "day"),
        ),
    ]


def example_kg():  # -> KnowledgeGraph (imported late: graph.build imports this module's users)
    """The example corpus merged and built into a KnowledgeGraph, with its actors and articles."""
    from .build import build_graph

    return build_graph(example_events(), actors=example_actors(), articles=example_articles())


def example_graph():  # -> nx.MultiDiGraph
    """The MultiDiGraph of :func:`example_kg`, for the plain query functions."""
    return example_kg().G
