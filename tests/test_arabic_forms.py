"""Arabic word forms the lexicons must see through: a pronoun on a hamza noun, the future prefix, and a verb
whose sense depends on what follows it."""

from __future__ import annotations

from datetime import date

from extractors import extract
from extractors.articles import article_from_text
from extractors.pipeline import make_nlp

from .conftest import names

PUBLISHED = date(2025, 11, 20)


def _extract(text: str) -> list:
    return extract(article_from_text(text, date=PUBLISHED, lang="ar"))


def test_a_pronoun_on_a_hamza_noun_keeps_the_noun() -> None:
    """"لقائه" is "لقاء" + "ه": the hamza sits on a ya before the pronoun."""
    doc = make_nlp("ar").make_doc("خلال لقائه ولقائهما")
    assert [t.norm_ for t in doc] == ["خلال", "لقاء", "لقاء"]


def test_his_meeting_with_his_counterpart_is_a_meeting_and_stressing_is_no_statement() -> None:
    events = _extract("أكد وزير الخارجية السعودي خلال لقائه نظيره الأمريكي ضرورة وقف إطلاق النار.")
    assert [(e.type, names(e.participants)) for e in events] == [
        ("meeting_held", {"Faisal bin Farhan", "Marco Rubio"})]


def test_confirming_is_still_a_statement() -> None:
    events = _extract("أكدت الخارجية الإيرانية تلقي رسالة من واشنطن.")
    assert any(e.type == "statement" and e.source and e.source.name == "Iranian Foreign Ministry" for e in events)


def test_the_future_prefix_plans_the_meeting() -> None:
    [event] = _extract("سيلتقي ترامب بوتين في العاصمة المجرية.")
    assert event.type == "meeting_held" and event.modality == "planned" and not event.negated
    assert names(event.participants) == {"Donald Trump", "Vladimir Putin"}


def test_a_full_name_beats_another_person_s_surname() -> None:
    """"آبي" alone is Shinzo Abe's surname; "آبي أحمد" is Ethiopia's prime minister."""
    events = _extract("اتفق الرئيس المصري ورئيس الوزراء الإثيوبي آبي أحمد على استئناف المفاوضات.")
    agreement = next(e for e in events if e.type == "agreement_reached")
    assert names(agreement.participants) == {"Abdel Fattah el-Sisi", "Abiy Ahmed"}


def test_putting_down_one_s_saddlebags_is_a_visit() -> None:
    """"حط رحاله في" (arrived, lit. set down his saddlebags) and "شد الرحال إلى" (set off for) are travel idioms."""
    found = [_extract("حط الرئيس الفرنسي إيمانويل ماكرون رحاله في بيروت يوم الخميس."),
             _extract("شد وزير الخارجية الإيراني الرحال إلى مسقط أمس.")]
    assert [[(e.type, e.source.name if e.source else None, names(e.targets), e.location, str(e.date.start))
              for e in events] for events in found] == [
        [("visit", "Emmanuel Macron", {"Lebanon"}, "Beirut", "2025-11-20")],
        [("visit", "Abbas Araghchi", {"Oman"}, "Muscat", "2025-11-19")]]


def test_a_schedule_before_the_clause_plans_it() -> None:
    """"من المقرر أن", "من المتوقع أن" stand before the clause break "أن" that opens the event's clause."""
    found = [_extract("ومن المقرر أن يلتقي كيري وظريف في جنيف يوم الأربعاء."),
             _extract("ومن المتوقع أن يصل عراقجي إلى القاهرة."),
             _extract("وقال عراقجي إنه التقى ويتكوف في مسقط.")]
    assert [[(e.type, e.modality, str(e.date.start) if e.date else None) for e in events] for events in found] == [
        [("meeting_held", "planned", "2025-11-26")], [("visit", "planned", None)],
        [("meeting_held", "asserted", None)]]


def test_a_name_after_a_definite_word_is_in_apposition() -> None:
    """A definite word heads no genitive: after "رئيس مجلس السيادة" the name is the council's head himself."""
    [event] = _extract("وكان رئيس مجلس السيادة عبد الفتاح البرهان قد تلقى اتصالا هاتفيا من وزير الخارجية الأمريكي.")
    assert (event.type, names(event.participants)) == ("phone_call", {"Abdel Fattah al-Burhan", "Marco Rubio"})


def test_one_who_speaks_in_a_body_s_name_is_the_body() -> None:
    """"متحدث باسم X" speaks for X: the denial is X's statement, and the meeting it denies is negated."""
    events = _extract("ونفى متحدث باسم الدعم السريع أن يكون قائد القوات محمد حمدان دقلو قد التقى أي مسؤول أمريكي.")
    assert sorted((e.type, e.source.name if e.source else None, e.negated) for e in events) == [
        ("meeting_held", "Mohamed Hamdan Dagalo", True), ("statement", "Rapid Support Forces", False)]
