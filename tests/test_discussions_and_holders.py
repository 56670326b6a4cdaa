"""'Discussed X with Y' is talks when a partner is named (a call in the same sentence takes over); a short name
after a role phrase is the office holder when the name is his."""

from __future__ import annotations

from datetime import date

import pytest

from extractors import extract
from extractors.articles import article_from_text

from .conftest import names

PUBLISHED = date(2025, 4, 3)  # a Thursday


def _events(text: str, lang: str) -> set[tuple[str, frozenset[str]]]:
    return {(e.type, frozenset(names(e.participants)))
            for e in extract(article_from_text(text, date=PUBLISHED, lang=lang))}


@pytest.mark.parametrize("text,lang,expected", [
    ("بحث وزير الخارجية القطري مع المبعوث الأمريكي ستيف ويتكوف الجهود المبذولة لوقف إطلاق النار.", "ar",
     {("talks_held", frozenset({"Mohammed bin Abdulrahman Al Thani", "Steve Witkoff"}))}),
    ("Araghchi discussed the nuclear file with his Omani counterpart on Tuesday.", "en",
     {("talks_held", frozenset({"Abbas Araghchi", "Badr Albusaidi"}))}),
    # the call is the event; discussing in it adds nothing
    ("بحث محمد بن سلمان مع دونالد ترامب في اتصال هاتفي مستجدات المنطقة.", "ar",
     {("phone_call", frozenset({"Mohammed bin Salman", "Donald Trump"}))}),
    ("Rubio discussed Gaza with Lavrov in a phone call.", "en",
     {("phone_call", frozenset({"Marco Rubio", "Sergey Lavrov"}))}),
    # a contact opening the sentence holds what is discussed after it
    ("In a phone call with Hakan Fidan on Saturday, Lavrov discussed the situation in Syria.", "en",
     {("phone_call", frozenset({"Hakan Fidan", "Sergey Lavrov"}))}),
    ("وفي اتصال هاتفي مع هاكان فيدان يوم السبت، بحث لافروف الوضع في سوريا.", "ar",
     {("phone_call", frozenset({"Hakan Fidan", "Sergey Lavrov"}))}),
    ("تحدث الرئيس الفرنسي مع نظيره الأمريكي عبر الهاتف يوم الأحد.", "ar",
     {("phone_call", frozenset({"Emmanuel Macron", "Donald Trump"}))}),
    # "spoke with" a named partner is a call, unless the sentence names the contact another way
    ("Trump spoke with Putin for more than two hours on Monday.", "en",
     {("phone_call", frozenset({"Donald Trump", "Vladimir Putin"}))}),
    ("Rubio spoke to reporters in Doha.", "en", set()),
    # views exchanged are talks; exchanged in a call, they are that call
    ("Qatar's emir and Turkey's president exchanged views on regional developments.", "en",
     {("talks_held", frozenset({"Tamim bin Hamad Al Thani", "Recep Tayyip Erdogan"}))}),
    ("وتبادل أمير قطر والرئيس التركي وجهات النظر حول القضايا الإقليمية.", "ar",
     {("talks_held", frozenset({"Tamim bin Hamad Al Thani", "Recep Tayyip Erdogan"}))}),
    ("أجرى أردوغان اتصالا هاتفيا مع بوتين تبادلا خلاله وجهات النظر.", "ar",
     {("phone_call", frozenset({"Recep Tayyip Erdogan", "Vladimir Putin"}))}),
    ("Blinken and Wang Yi conferred on the sidelines of the G20.", "en",
     {("talks_held", frozenset({"Antony Blinken", "Wang Yi"}))}),
    # nobody to discuss it with
    ("ناقش مجلس الوزراء السعودي في جلسته الأسبوعية تطورات الأوضاع في غزة.", "ar", set()),
    ("Lawmakers discussed the sanctions bill with reporters for three hours.", "en", set()),
])
def test_discussed_with(text: str, lang: str, expected: set) -> None:
    assert _events(text, lang) == expected


@pytest.mark.parametrize("text,expected", [
    ("Jordan's King Abdullah met Sisi in Amman.", {"Abdullah II", "Abdel Fattah el-Sisi"}),
    ("Saudi Foreign Minister Prince Faisal met Araghchi.", {"Faisal bin Farhan", "Abbas Araghchi"}),
    # a title without a state names nobody the base knows: the name is a new person
    ("Ambassador Jane Roe met Araghchi.", {"Jane Roe", "Abbas Araghchi"}),
])
def test_short_name_after_a_role_is_the_holder(text: str, expected: set[str]) -> None:
    meetings = [e for e in extract(article_from_text(text, date=PUBLISHED)) if e.type == "meeting_held"]
    assert len(meetings) == 1 and names(meetings[0].participants) == expected


@pytest.mark.parametrize("text,lang,expected", [
    ("Qatar's emir received a phone call from the Iranian president on Tuesday. The two leaders discussed the "
     "regional situation.", "en", [("phone_call", {"Tamim bin Hamad Al Thani", "Masoud Pezeshkian"}, "2025-04-01")]),
    ("تلقى أمير قطر اتصالا هاتفيا من الرئيس الإيراني يوم الثلاثاء. وبحث الزعيمان تطورات الأوضاع في المنطقة.", "ar",
     [("phone_call", {"Tamim bin Hamad Al Thani", "Masoud Pezeshkian"}, "2025-04-01")]),
    # discussed on another day: talks of their own
    ("Qatar's emir received a phone call from the Iranian president on Tuesday. On Wednesday, the two leaders "
     "discussed the situation again.", "en",
     [("phone_call", {"Tamim bin Hamad Al Thani", "Masoud Pezeshkian"}, "2025-04-01"),
      ("talks_held", {"Tamim bin Hamad Al Thani", "Masoud Pezeshkian"}, "2025-04-02")]),
])
def test_what_they_discussed_right_after_a_contact_belongs_to_it(text: str, lang: str, expected: list) -> None:
    events = extract(article_from_text(text, date=PUBLISHED, lang=lang))
    assert [(e.type, names(e.participants), str(e.date.start) if e.date else None) for e in events] == expected


@pytest.mark.parametrize("text,lang", [
    ("A new round of talks between the Sudanese army and the Rapid Support Forces opened in Jeddah on Saturday. "
     "In a joint statement, Riyadh and Washington said the two sides had agreed to a seven-day truce.", "en"),
    ("استضافت مدينة جدة يوم السبت جولة جديدة من المحادثات بين الجيش السوداني وقوات الدعم السريع. وقال بيان مشترك "
     "إن الطرفين اتفقا على هدنة مدتها سبعة أيام.", "ar"),
])
def test_the_two_sides_are_the_parties_just_told(text: str, lang: str) -> None:
    events = extract(article_from_text(text, date=PUBLISHED, lang=lang))
    assert [(e.type, names(e.participants)) for e in events] == [
        ("talks_held", {"Sudanese Armed Forces", "Rapid Support Forces"}),
        ("agreement_reached", {"Sudanese Armed Forces", "Rapid Support Forces"})]


def test_the_two_sides_with_nothing_told_before_are_nobody() -> None:
    assert _events("The two sides agreed to a truce.", "en") == set()
