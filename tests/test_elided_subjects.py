"""An Arabic verb that names no subject goes on with the person the last sentence named first."""

from __future__ import annotations

from datetime import date

import pytest

from extractors import extract
from extractors.articles import article_from_text

from .conftest import names

PUBLISHED = date(2014, 11, 6)


@pytest.mark.parametrize("text,kind,source,participants", [
    ("وصل كيري إلى فيينا. والتقى بظريف مساء الأحد.", "meeting_held", "John Kerry", {"John Kerry", "Javad Zarif"}),
    ("وصل لافروف إلى القاهرة. وأجرى اتصالا هاتفيا مع كيري.", "phone_call", "Sergey Lavrov",
     {"Sergey Lavrov", "John Kerry"}),
    ("وصل كيري إلى فيينا. وبعث برسالة إلى لافروف.", "letter_sent", "John Kerry", {"John Kerry", "Sergey Lavrov"}),
    ("التقى كيري بظريف في مسقط. وفي اليوم التالي اتصل بلافروف.", "phone_call", "John Kerry",
     {"John Kerry", "Sergey Lavrov"}),
])
def test_the_last_sentences_person_is_the_subject(text: str, kind: str, source: str, participants: set[str]) -> None:
    events = extract(article_from_text(text, date=PUBLISHED))
    found = [e for e in events if e.type == kind and names(e.participants) == participants]
    assert found, [(e.type, names(e.participants)) for e in events]
    assert found[0].source is not None and found[0].source.name == source


@pytest.mark.parametrize("text,kind", [
    # a name the lexicons do not know stands where the subject goes: it is the subject
    ("وصل كيري إلى فيينا. أجرى الزعبلاوي اتصالا هاتفيا مع لافروف.", "phone_call"),
    ("وصل كيري إلى فيينا. وعقد الزعبلاوي محادثات مع لافروف.", "talks_held"),
    # a subject named before the verb
    ("وصل كيري إلى فيينا. لافروف اتصل بظريف.", "phone_call"),
])
def test_a_named_or_unknown_subject_is_not_replaced(text: str, kind: str) -> None:
    events = extract(article_from_text(text, date=PUBLISHED))
    assert not any(e.type == kind and "John Kerry" in names(e.participants) for e in events), [
        (e.type, names(e.participants)) for e in events]


def test_english_has_no_elided_subject() -> None:
    events = extract(article_from_text("Kerry arrived in Vienna. Met with Zarif.", date=PUBLISHED))
    assert not any(e.type == "meeting_held" and "John Kerry" in names(e.participants) for e in events)


@pytest.mark.parametrize("text,kind,source,participants,day,location", [
    ("زار كيري الدوحة يوم الأحد حيث التقى بأمير قطر.", "meeting_held", "John Kerry",
     {"John Kerry", "Tamim bin Hamad Al Thani"}, "2014-11-02", "Doha"),
    # the verb's suffix is the traveller, the one named after it the host
    ("وصل كيري إلى الرياض يوم الأحد، حيث استقبله الملك عبد الله بن عبد العزيز.", "meeting_held",
     "Abdullah bin Abdulaziz", {"John Kerry", "Abdullah bin Abdulaziz"}, "2014-11-02", "Riyadh"),
])
def test_where_goes_on_with_the_traveller(text: str, kind: str, source: str, participants: set[str], day: str,
                                          location: str) -> None:
    events = extract(article_from_text(text, date=PUBLISHED))
    found = [e for e in events if e.type == kind and names(e.participants) == participants]
    assert found, [(e.type, names(e.participants)) for e in events]
    assert found[0].source is not None and found[0].source.name == source
    assert found[0].date is not None and str(found[0].date.start) == day
    assert found[0].location == location
    assert not any(e.type == "visit" and e.source is not None and e.source.name != "John Kerry" for e in events)


def test_discussing_during_a_call_is_the_call() -> None:
    text = "أجرى كيري اتصالا هاتفيا مع لافروف مساء الثلاثاء، بحثا خلاله التطورات في غزة ولبنان."
    events = extract(article_from_text(text, date=PUBLISHED))
    assert [(e.type, names(e.participants), e.location) for e in events] == [
        ("phone_call", {"John Kerry", "Sergey Lavrov"}, None)]
