"""Days counted from the article's own story ("the next day", "في اليوم التالي"), not from publication."""

from __future__ import annotations

from datetime import date

import pytest

from extractors import extract
from extractors.articles import article_from_text
from extractors.dates import Anchor, find_dates

from .conftest import names

PUBLISHED = date(2014, 11, 6)  # a Thursday
ANCHOR = date(2014, 11, 2)


@pytest.mark.parametrize("text,lang,expression,day", [
    ("he flew home the next day", "en", "the next day", "2014-11-03"),
    ("On the following day the envoy returned", "en", "the following day", "2014-11-03"),
    ("two days later the talks resumed", "en", "two days later", "2014-11-04"),
    ("later that day they spoke again", "en", "later that day", "2014-11-02"),
    ("the previous day he had written", "en", "the previous day", "2014-11-01"),
    ("وفي اليوم التالي عاد المبعوث", "ar", "اليوم التالي", "2014-11-03"),
    ("والتقيا في اليوم نفسه", "ar", "اليوم نفسه", "2014-11-02"),
    ("وبعد ذلك بيومين استؤنفت المحادثات", "ar", "بعد ذلك بيومين", "2014-11-04"),
    ("وكان قد كتب في اليوم السابق", "ar", "اليوم السابق", "2014-11-01"),
])
def test_anchored_day_counts_from_the_anchor(text: str, lang: str, expression: str, day: str) -> None:
    found = find_dates(text, lang, PUBLISHED, anchor=Anchor(day=ANCHOR))
    assert [(m.span.text, str(m.span.start), str(m.span.end), m.span.precision) for m in found] == [
        (expression, day, day, "day")]


@pytest.mark.parametrize("text,lang", [
    ("he flew home the next day", "en"),
    ("وفي اليوم التالي عاد المبعوث", "ar"),
    ("والتقيا في اليوم نفسه", "ar"),
])
def test_without_an_anchor_it_is_no_date_and_not_today(text: str, lang: str) -> None:
    assert find_dates(text, lang, PUBLISHED) == []


def test_today_and_the_day_after_tomorrow_still_count_from_publication() -> None:
    found = find_dates("اليوم", "ar", PUBLISHED, anchor=Anchor(day=ANCHOR))
    assert [str(m.span.start) for m in found] == ["2014-11-06"]
    found = find_dates("the day after tomorrow", "en", PUBLISHED, anchor=Anchor(day=ANCHOR))
    assert [str(m.span.start) for m in found] == ["2014-11-08"]


@pytest.mark.parametrize("text,kind,participants,day", [
    ("Kerry arrived in Vienna on Sunday. The next day he met Zarif.",
     "meeting_held", {"John Kerry", "Javad Zarif"}, "2014-11-03"),
    ("Kerry met Zarif in Muscat on Sunday. Two days later Kerry called Lavrov.",
     "phone_call", {"John Kerry", "Sergey Lavrov"}, "2014-11-04"),
    ("التقى كيري ظريف في مسقط يوم الأحد. وفي اليوم التالي اتصل كيري بلافروف.",
     "phone_call", {"John Kerry", "Sergey Lavrov"}, "2014-11-03"),
    ("وصل كيري إلى فيينا يوم الأحد. وفي اليوم التالي التقى بظريف.",
     "meeting_held", {"John Kerry", "Javad Zarif"}, "2014-11-03"),
    ("Zarif wrote to Kerry on Saturday. Kerry answered the same day.",
     "letter_sent", {"John Kerry", "Javad Zarif"}, "2014-11-01"),
])
def test_event_takes_the_day_after_the_last_dated_event(text: str, kind: str, participants: set[str],
                                                       day: str) -> None:
    events = extract(article_from_text(text, date=PUBLISHED))
    found = [e for e in events if e.type == kind and names(e.participants) == participants]
    assert found, [(e.type, names(e.participants), e.date) for e in events]
    assert found[0].date is not None and (str(found[0].date.start), str(found[0].date.end)) == (day, day)


def test_an_undated_story_leaves_the_next_day_undated() -> None:
    events = extract(article_from_text("The next day Kerry called Lavrov.", date=PUBLISHED))
    call = next(e for e in events if e.type == "phone_call")
    assert call.date is None


@pytest.mark.parametrize("text,lang,day", [
    ("بعث أردوغان برسالة إلى بوتين في أواخر حزيران 2016، ما مهد لاتصال هاتفي بين الرئيسين في التاسع والعشرين من "
     "الشهر نفسه.", "ar", "2016-06-29"),
    ("Erdogan wrote to Putin in late June 2016, which led to a phone call between the two leaders on the 29th of "
     "that month.", "en", "2016-06-29"),
])
def test_the_same_month_is_the_month_told_before(text: str, lang: str, day: str) -> None:
    events = extract(article_from_text(text, date=date(2016, 7, 10), lang=lang))
    call = next(e for e in events if e.type == "phone_call")
    assert call.date is not None and (str(call.date.start), str(call.date.end)) == (day, day)


@pytest.mark.parametrize("text,lang", [
    ("Hamas has until Sunday to accept the deal, Obama said.", "en"),
    ("Obama said Hamas had until Sunday to accept the deal.", "en"),
    ("Obama said Hamas was given until Sunday to accept the deal.", "en"),
])
def test_a_party_that_has_until_a_day_is_bound_by_the_speaker(text: str, lang: str) -> None:
    events = extract(article_from_text(text, date=PUBLISHED, lang=lang))
    deadline = next(e for e in events if e.type == "deadline_set")
    assert deadline.source is not None and deadline.source.name == "Barack Obama"
    assert names(deadline.targets) == {"Hamas"}
    assert deadline.date is not None and str(deadline.date.start) == "2014-11-09"


@pytest.mark.parametrize("text,lang,day", [
    ("Obama said Hamas had ten days to accept the deal.", "en", "2014-11-16"),
    ("Obama said Hamas had fifty days to accept the deal.", "en", "2014-12-26"),
    ("وقال أوباما إنه منح حماس مهلة خمسين يوما لقبول الاتفاق.", "ar", "2014-12-26"),
])
def test_a_party_that_has_days_to_act_is_bound(text: str, lang: str, day: str) -> None:
    events = extract(article_from_text(text, date=PUBLISHED, lang=lang))
    assert [(e.type, e.source.name if e.source else None, names(e.targets), str(e.date.start) if e.date else None)
            for e in events] == [("deadline_set", "Barack Obama", {"Hamas"}, day)]


@pytest.mark.parametrize("text,lang,dates", [
    # a date named beats the length counted from publication; the possessor past the length set it
    ("Trump's two-month deadline for a deal with Iran expires in early June.", "en", ("2015-06-01", "2015-06-10")),
    ("The 60-day deadline Trump set for Iran to reach a deal ends on Friday.", "en", ("2014-11-07", "2014-11-07")),
])
def test_a_date_named_beats_a_length(text: str, lang: str, dates: tuple[str, str]) -> None:
    events = extract(article_from_text(text, date=PUBLISHED, lang=lang))
    assert [(e.type, e.source.name if e.source else None, names(e.targets), (str(e.date.start), str(e.date.end)))
            for e in events] == [("deadline_set", "Donald Trump", {"Iran"}, dates)]


def test_the_end_of_the_month_is_this_months_end() -> None:
    found = find_dates("until the end of the month", "en", PUBLISHED, future=True)
    assert [(str(m.span.start), str(m.span.end)) for m in found] == [("2014-11-21", "2014-11-30")]


@pytest.mark.parametrize("text,lang,day", [
    ("The deadline Trump set for Iran ended on Friday.", "en", "2014-10-31"),
    ("The deadline Trump set for Iran ends on Friday.", "en", "2014-11-07"),
    ("وانتهت المهلة التي حددها ترامب لإيران يوم الجمعة.", "ar", "2014-10-31"),
])
def test_a_deadline_told_as_past_reads_its_date_back(text: str, lang: str, day: str) -> None:
    [event] = extract(article_from_text(text, date=PUBLISHED, lang=lang))
    assert event.type == "deadline_set" and str(event.date.start) == day
