"""Being somewhere abroad is a visit ("was in Washington"); going home or travelling at home is none."""

from __future__ import annotations

from datetime import date

import pytest

from extractors import extract
from extractors.articles import article_from_text

PUBLISHED = date(2025, 11, 20)


def _visits(text: str, lang: str) -> list[tuple]:
    events = extract(article_from_text(text, date=PUBLISHED, lang=lang))
    return sorted((e.source.name if e.source else None, tuple(sorted(t.name for t in e.targets)), e.location,
                   str(e.date.start) if e.date else None) for e in events if e.type == "visit")


@pytest.mark.parametrize("text,lang,expected", [
    ("The Emir of Qatar was in Washington on Tuesday, where he held talks with Trump.", "en",
     [("Tamim bin Hamad Al Thani", ("United States",), "Washington", "2025-11-18")]),
    ("Araghchi was in Muscat.", "en", [("Abbas Araghchi", ("Oman",), "Muscat", None)]),
    ("Iran is in talks with the IAEA.", "en", []),
    ("Araghchi returned to Tehran on Friday.", "en", []),
    ("عاد عراقجي إلى طهران يوم الجمعة.", "ar", []),
    ("Trump was in Washington on Tuesday.", "en", []),
    # each traveller's own country is left out: only the guest visits
    ("Macron and Scholz arrived in Paris on Monday.", "en", [("Olaf Scholz", ("France",), "Paris", "2025-11-17")]),
])
def test_visits_abroad_only(text: str, lang: str, expected: list) -> None:
    assert _visits(text, lang) == expected


@pytest.mark.parametrize("text,lang,expected", [
    ("Iranian Foreign Minister Abbas Araghchi arrived in Muscat on Saturday. He was greeted at the airport by his "
     "Omani counterpart.", "en",
     [("meeting_held", ("Abbas Araghchi", "Badr Albusaidi"), "Muscat"),
      ("visit", ("Abbas Araghchi", "Oman"), "Muscat")]),
    # "on" before a date is no "about": the reception is dated with the landing
    ("Biden landed in Jeddah on Tuesday and was received by Crown Prince Mohammed bin Salman.", "en",
     [("meeting_held", ("Joe Biden", "Mohammed bin Salman"), "Jeddah"),
      ("visit", ("Joe Biden", "Saudi Arabia"), "Jeddah")]),
    # "المبعوث الأمريكي" before the name says whose envoy he is; the meeting is where the traveller arrived
    ("وصل عراقجي إلى مسقط يوم السبت. والتقى عراقجي لاحقا بالمبعوث الأمريكي ستيف ويتكوف.", "ar",
     [("meeting_held", ("Abbas Araghchi", "Steve Witkoff"), "Muscat"),
      ("visit", ("Abbas Araghchi", "Oman"), "Muscat")]),
])
def test_the_meetings_of_a_visit(text: str, lang: str, expected: list) -> None:
    events = extract(article_from_text(text, date=PUBLISHED, lang=lang))
    assert sorted((e.type, tuple(sorted(r.name for r in e.participants)), e.location) for e in events) == expected


@pytest.mark.parametrize("text,lang,expected", [
    ("Macron hosted the G7 summit in Biarritz on Sunday.", "en", []),
    ("استضاف ماكرون قمة مجموعة السبع في بياريتز يوم الأحد.", "ar", []),
    ("At a NATO summit in Vilnius, Erdogan met Biden.", "en",
     [("meeting_held", ("Joe Biden", "Recep Tayyip Erdogan"))]),
])
def test_a_body_that_names_the_summit_is_no_party(text: str, lang: str, expected: list) -> None:
    events = extract(article_from_text(text, date=PUBLISHED, lang=lang))
    assert sorted((e.type, tuple(sorted(r.name for r in e.participants))) for e in events) == expected


def test_on_before_a_date_is_no_about() -> None:
    """"landed in Jeddah on Tuesday and was received by ...": the reception is no topic of "on"; it takes the date."""
    events = extract(article_from_text("Biden landed in Jeddah on Tuesday and was received by Crown Prince Mohammed "
                                       "bin Salman.", date=PUBLISHED, lang="en"))
    assert sorted((e.type, str(e.date.start) if e.date else None) for e in events) == [
        ("meeting_held", "2025-11-18"), ("visit", "2025-11-18")]


@pytest.mark.parametrize("text,lang,expected", [
    # the place left is the verb's object; where the traveller headed is the visit
    ("غادر أردوغان أنقرة متوجها إلى الدوحة.", "ar", [("Recep Tayyip Erdogan", ("Qatar",), "Doha", None)]),
    ("وغادر عراقجي طهران صباح اليوم متوجها إلى مسقط.", "ar", [("Abbas Araghchi", ("Oman",), "Muscat", "2025-11-20")]),
])
def test_leaving_home_for_abroad(text: str, lang: str, expected: list) -> None:
    assert _visits(text, lang) == expected
