"""An envoy sent somewhere makes the visit ("Trump sent Witkoff to Moscow", "أوفد أردوغان فيدان إلى دمشق"); the one
who sent him stays home. Sending a letter, troops or an unnamed delegation is no visit."""

from __future__ import annotations

from datetime import date

import pytest

from extractors import extract
from extractors.articles import article_from_text

from .conftest import names

PUBLISHED = date(2025, 11, 20)


def _events(text: str, lang: str) -> list[tuple]:
    events = extract(article_from_text(text, date=PUBLISHED, lang=lang))
    return sorted((e.type, e.source.name if e.source else None, tuple(sorted(names(e.targets))), e.location,
                   str(e.date.start) if e.date else None, e.modality) for e in events)


CASES = [
    ("Trump sent his special envoy Steve Witkoff to Moscow last week, where he met Vladimir Putin.", "en",
     [("meeting_held", "Steve Witkoff", ("Vladimir Putin",), "Moscow", "2025-11-10", "asserted"),
      ("visit", "Steve Witkoff", ("Russia",), "Moscow", "2025-11-10", "asserted")]),
    ("Erdogan will send Hakan Fidan to Damascus next week.", "en",
     [("visit", "Hakan Fidan", ("Syria",), "Damascus", "2025-11-24", "planned")]),
    ("أوفد الرئيس الأمريكي دونالد ترامب مبعوثه ستيف ويتكوف إلى موسكو يوم الثلاثاء.", "ar",
     [("visit", "Steve Witkoff", ("Russia",), "Moscow", "2025-11-18", "asserted")]),
    # a noun with a pronoun suffix governs no genitive: the name after "وزير خارجيته" is the minister himself
    ("وأوفد أردوغان وزير خارجيته هاكان فيدان إلى طهران حيث التقى عراقجي.", "ar",
     [("meeting_held", "Hakan Fidan", ("Abbas Araghchi",), "Tehran", None, "asserted"),
      ("visit", "Hakan Fidan", ("Iran",), "Tehran", None, "asserted")]),
    ("ومن المقرر أن يوفد أردوغان فيدان إلى دمشق الأسبوع المقبل.", "ar",
     [("visit", "Hakan Fidan", ("Syria",), "Damascus", "2025-11-24", "planned")]),
]


@pytest.mark.parametrize("text,lang,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_the_one_sent_makes_the_visit(text: str, lang: str, expected: list) -> None:
    assert _events(text, lang) == expected


@pytest.mark.parametrize("text,lang,expected", [
    ("Putin sent a message to Trump through Witkoff.", "en",
     [("message_passed", "Vladimir Putin", ("Donald Trump",), None, None, "asserted")]),
    ("Trump sent a letter to Khamenei on Monday.", "en",
     [("letter_sent", "Donald Trump", ("Ali Khamenei",), None, "2025-11-17", "asserted")]),
    ("وأرسل ترامب رسالة إلى خامنئي يوم الاثنين.", "ar",
     [("letter_sent", "Donald Trump", ("Ali Khamenei",), None, "2025-11-17", "asserted")]),
    ("Iran sent a delegation to Vienna on Monday.", "en", []),
    ("أرسلت مصر وفدا أمنيا إلى تل أبيب.", "ar", []),
    ("Biden sent troops to Poland.", "en", []),
    # "بعثة" (a mission) is not the verb "بعث"
    ("نفت بعثة إيران لدى الأمم المتحدة أن تكون طهران قد تسلمت رسالة من ترامب.", "ar",
     [("letter_sent", "Donald Trump", ("Iran",), None, None, "asserted"),
      ("statement", "Iran", (), None, None, "asserted")]),
])
def test_sending_something_else_is_no_visit(text: str, lang: str, expected: list) -> None:
    assert _events(text, lang) == expected


@pytest.mark.parametrize("text,lang,expected", [
    # "is expected in" is a visit, and a planned one: its weekday lies ahead
    ("Araghchi is expected in Cairo on Monday for meetings with Egyptian and Qatari mediators.", "en",
     [("meeting_held", "Abbas Araghchi", ("Egypt", "Qatar"), "Cairo", "2025-11-24", "planned"),
      ("visit", "Abbas Araghchi", ("Egypt",), "Cairo", "2025-11-24", "planned")]),
    # "agreed to" plans what follows it, not the agreement it is
    ("Iran and the IAEA agreed to a new inspection plan on Monday.", "en",
     [("agreement_reached", "Iran", ("IAEA",), None, "2025-11-17", "asserted")]),
])
def test_an_expected_arrival_is_a_planned_visit(text: str, lang: str, expected: list) -> None:
    assert _events(text, lang) == expected
