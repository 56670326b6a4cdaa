"""Extraction on sentences written for these tests: type, participants, date and flags of each event."""

from __future__ import annotations

from datetime import date

import pytest

from extractors import extract
from extractors.articles import article_from_text
from extractors.schema import Event

from .conftest import names

PUBLISHED = date(2014, 11, 6)  # a Thursday

# (text, type, source or None for symmetric, participants, (start, end) or None, flags)
CASES = [
    # a message told by phone is a call
    ("Putin told Obama by phone on Monday that Russia would stay in the talks.", "phone_call", None,
     {"Vladimir Putin", "Barack Obama"}, ("2014-11-03", "2014-11-03"), {}),
    ("وأبلغ بوتين أوباما هاتفيا يوم الاثنين أن روسيا ستبقى في المحادثات.", "phone_call", None,
     {"Vladimir Putin", "Barack Obama"}, ("2014-11-03", "2014-11-03"), {}),
    # who received is named right after the verb of receiving ("تسلم طهران"), not the speaker before it
    ("وأكد المتحدث باسم الخارجية الإيرانية تسلم طهران رسالة من واشنطن.", "letter_sent", "United States",
     {"United States", "Iran"}, None, {}),
    ("The top U.S. diplomat met his Iranian counterpart in Vienna on Monday.", "meeting_held", None,
     {"John Kerry", "Javad Zarif"}, ("2014-11-03", "2014-11-03"), {"location": "Vienna"}),
    ("The Omani foreign minister delivered Iran's response to the U.S. envoy on Tuesday.", "message_passed", "Iran",
     {"Iran", "United States"}, ("2014-11-04", "2014-11-04"), {}),
    ("سلمت حماس ردها إلى الوسطاء المصريين يوم الثلاثاء.", "message_passed", "Hamas", {"Hamas", "Egypt"},
     ("2014-11-04", "2014-11-04"), {}),
    ("Obama welcomed Abbas to the White House on Monday.", "meeting_held", None,
     {"Barack Obama", "Mahmoud Abbas"}, ("2014-11-03", "2014-11-03"), {}),
    ("Rouhani will host Putin in Tehran next week.", "meeting_held", None,
     {"Hassan Rouhani", "Vladimir Putin"}, ("2014-11-10", "2014-11-16"), {"modality": "planned"}),
    ("Obama secretly wrote to Khamenei in mid-October, according to people familiar with the letter.",
     "letter_sent", "Barack Obama", {"Barack Obama", "Ali Khamenei"}, ("2014-10-11", "2014-10-20"),
     {"secret": True, "modality": "reported"}),
    ("The White House did not inform Israel, Saudi Arabia and the UAE about the letter.",
     "message_passed", "White House", {"White House", "Israel", "Saudi Arabia", "United Arab Emirates"}, None,
     {"negated": True}),
    ("Obama called Rouhani on Friday.", "phone_call", None, {"Barack Obama", "Hassan Rouhani"},
     ("2014-10-31", "2014-10-31"), {}),
    ("Kerry and Zarif held talks in Vienna last week.", "talks_held", None, {"John Kerry", "Javad Zarif"},
     ("2014-10-27", "2014-11-02"), {"location": "Vienna"}),
    ("Khamenei received a letter from Obama in October.", "letter_sent", "Barack Obama",
     {"Barack Obama", "Ali Khamenei"}, ("2014-10-01", "2014-10-31"), {}),
    ("The U.S. president sent two letters to the Iranian supreme leader in the first half of 2009.",
     "letter_sent", "Barack Obama", {"Barack Obama", "Ali Khamenei"}, ("2009-01-01", "2009-06-30"), {"count": 2}),
    ("Kerry is set to meet Zarif on Sunday in Muscat.", "meeting_held", None, {"John Kerry", "Javad Zarif"},
     ("2014-11-09", "2014-11-09"), {"modality": "planned", "location": "Muscat"}),
    ("Iran and world powers face a deadline of Nov. 24 to reach a comprehensive nuclear agreement.",
     "deadline_set", None, {"Iran", "P5+1"}, ("2014-11-24", "2014-11-24"), {}),
    ("كتب الرئيس الأمريكي باراك أوباما سرا إلى المرشد الأعلى الإيراني علي خامنئي في منتصف الشهر الماضي.",
     "letter_sent", "Barack Obama", {"Barack Obama", "Ali Khamenei"}, ("2014-10-11", "2014-10-20"), {"secret": True}),
    ("تلقى خامنئي رسالة من أوباما يوم الأربعاء.", "letter_sent", "Barack Obama",
     {"Barack Obama", "Ali Khamenei"}, ("2014-11-05", "2014-11-05"), {}),
    ("أجرى أوباما اتصالا هاتفيا مع روحاني أمس.", "phone_call", None, {"Barack Obama", "Hassan Rouhani"},
     ("2014-11-05", "2014-11-05"), {}),
    ("لم يبلغ البيت الأبيض إسرائيل بالرسالة.", "message_passed", "White House", {"White House", "Israel"}, None,
     {"negated": True}),
    ("عقد كيري وظريف جولة محادثات في فيينا أوائل الشهر الجاري.", "talks_held", None, {"John Kerry", "Javad Zarif"},
     ("2014-11-01", "2014-11-10"), {"location": "Vienna"}),
    ("من المقرر أن يزور أوباما السعودية في كانون الأول.", "visit", "Barack Obama", {"Barack Obama", "Saudi Arabia"},
     ("2014-12-01", "2014-12-31"), {"modality": "planned"}),
    # a deadline stated as a duration falls on the day the duration ends, counted from publication
    ("أمهل الرئيس الأمريكي باراك أوباما إيران عشرة أيام للرد.", "deadline_set", "Barack Obama",
     {"Barack Obama", "Iran"}, ("2014-11-16", "2014-11-16"), {}),
    ("منح أوباما إيران مهلة أسبوعين للرد على الرسالة.", "deadline_set", "Barack Obama", {"Barack Obama", "Iran"},
     ("2014-11-20", "2014-11-20"), {}),
    ("منحت واشنطن طهران مهلة ثلاثة أسابيع للرد.", "deadline_set", "United States", {"United States", "Iran"},
     ("2014-11-27", "2014-11-27"), {"count": None}),
    ("أمهل مجلس الأمن العراق شهرين للانسحاب من الكويت.", "deadline_set", "UN Security Council",
     {"UN Security Council", "Iraq"}, ("2015-01-06", "2015-01-06"), {}),
    ("Obama set Iran a two-week deadline to answer the letter.", "deadline_set", "Barack Obama",
     {"Barack Obama", "Iran"}, ("2014-11-20", "2014-11-20"), {}),
    ("Obama gave Iran a deadline of ten days to reply.", "deadline_set", "Barack Obama", {"Barack Obama", "Iran"},
     ("2014-11-16", "2014-11-16"), {"count": None}),  # "ten" counts days, not deadlines
    ("سيزور أوباما السعودية خلال أسبوعين.", "visit", "Barack Obama", {"Barack Obama", "Saudi Arabia"},
     ("2014-11-20", "2014-11-20"), {"modality": "planned"}),
    # a length is not a date, even for a plan
    ("Kerry and Zarif held talks for two days in Vienna.", "talks_held", None, {"John Kerry", "Javad Zarif"}, None,
     {"location": "Vienna", "count": None}),
    ("سيزور أوباما السعودية في زيارة تستغرق يومين.", "visit", "Barack Obama", {"Barack Obama", "Saudi Arabia"}, None,
     {"modality": "planned"}),
    ("Kerry will make a two-day visit to Riyadh next week.", "visit", "John Kerry", {"John Kerry", "Saudi Arabia"},
     ("2014-11-10", "2014-11-16"), {"modality": "planned"}),
    # day numbers written out
    ("Obama gave Iran until the fifteenth of January to answer.", "deadline_set", "Barack Obama",
     {"Barack Obama", "Iran"}, ("2015-01-15", "2015-01-15"), {}),
    ("أمهل أوباما إيران حتى العاشر من كانون الثاني للرد.", "deadline_set", "Barack Obama", {"Barack Obama", "Iran"},
     ("2015-01-10", "2015-01-10"), {}),
    ("وصل ظريف إلى مسقط في الخامس من تشرين الثاني والتقى الوزير العماني.", "visit", "Javad Zarif",
     {"Javad Zarif", "Oman"}, ("2014-11-05", "2014-11-05"), {}),
    ("Zarif met Kerry in Vienna on the fifth of November.", "meeting_held", None, {"Javad Zarif", "John Kerry"},
     ("2014-11-05", "2014-11-05"), {"location": "Vienna"}),
    # a noun naming the agreement again, with no party of its own, leaves its date to the verb
    ("Iran and the P5+1 agreed on the first phase of a nuclear deal on Monday.", "agreement_reached", None,
     {"Iran", "P5+1"}, ("2014-11-03", "2014-11-03"), {}),
    # talks a traveller flies to hold are held then and there, and are as planned as the trip
    ("Kerry will fly to Vienna on Monday for talks with Zarif.", "talks_held", "John Kerry",
     {"John Kerry", "Javad Zarif"}, ("2014-11-10", "2014-11-10"), {"modality": "planned", "location": "Vienna"}),
]


def _match(events: list[Event], kind: str, participants: set[str]) -> Event:
    found = [e for e in events if e.type == kind and names(e.participants) == participants]
    assert found, [(e.type, names(e.participants)) for e in events]
    return found[0]


@pytest.mark.parametrize("text,kind,source,participants,when,attrs", CASES, ids=[c[0][:40] for c in CASES])
def test_sentence_gives_event(text: str, kind: str, source: str | None, participants: set[str],
                              when: tuple[str, str] | None, attrs: dict) -> None:
    event = _match(extract(article_from_text(text, date=PUBLISHED)), kind, participants)
    if source is not None:
        assert event.source is not None and event.source.name == source
    if when is None:
        assert event.date is None
    else:
        assert event.date is not None
        assert (event.date.start.isoformat(), event.date.end.isoformat()) == when
    for key, value in attrs.items():
        assert getattr(event, key) == value, key


HARD_NEGATIVES = [
    "The plan met with resistance in Congress, and activists called for restraint.",
    "The bank issued a letter of credit to the importer.",
    "Visit the website of the ministry for more details.",
    "تلقى الفريق ضربة قوية بعد إصابة مهاجمه.",
    "حمل الخطاب رسالة سياسية إلى الداخل.",
    "The two football teams meet again on Sunday.",
    # replies to nothing written, refusals, and plural roles that did not meet
    "Tehran refused to answer the letter.",
    "No reply has come from Tehran.",
    "The ministers did not meet.",
    "Iran responded to the strikes with a barrage of missiles.",
    "He answered questions from reporters for an hour.",
    "رفضت طهران الرد على الرسالة.",
    "ردت إيران على الهجوم الإسرائيلي بالصواريخ.",
    "لم يلتق الوزيران.",
    # welcoming a deal or a statement is a reaction, not a meeting
    "Saudi Arabia welcomed the agreement between Iran and the United States.",
    "Qatar welcomed the joint statement by Iran and Egypt on Monday.",
    # telling reporters is speaking, not passing a message
    "Lavrov told reporters on Monday that Moscow was ready.",
    # a signal sent in public is no letter
    "وجهت طهران رسالة واضحة إلى واشنطن مفادها أنها لن تتراجع.",
    "Iran sent a clear message to Washington that it would not back down.",
    # talks called for or proposed are not held
    "Macron called for talks between Israel and Hamas.",
    "دعا ماكرون إلى محادثات بين إسرائيل وحماس.",
]


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_contact_words_that_are_not_contacts(text: str) -> None:
    assert extract(article_from_text(text, date=PUBLISHED)) == []


def test_denial_negates_the_letter_and_is_a_statement() -> None:
    events = extract(article_from_text("The White House denied that Obama had sent a letter to Khamenei.",
                                       date=PUBLISHED))
    letter = _match(events, "letter_sent", {"Barack Obama", "Ali Khamenei"})
    assert letter.negated
    statement = [e for e in events if e.type == "statement"]
    assert statement and statement[0].source and statement[0].source.name == "White House"


def test_undated_sentence_takes_no_date_not_the_publication_date() -> None:
    (event,) = extract(article_from_text("Obama wrote to Khamenei.", date=PUBLISHED))
    assert event.date is None


def test_role_resolves_by_date() -> None:
    text = "The U.S. president wrote a letter to the Iranian supreme leader."
    (early,) = extract(article_from_text(text, date=date(2014, 11, 6)))
    (late,) = extract(article_from_text(text, date=date(2019, 5, 1)))
    assert early.source and early.source.name == "Barack Obama"
    assert late.source and late.source.name == "Donald Trump"


PHENOMENA = [
    # exchanges give one event each way
    ("قال أوباما إنه تبادل الرسائل مع روحاني.", date(2013, 9, 16),
     {("letter_sent", "Barack Obama", ("Hassan Rouhani",)), ("letter_sent", "Hassan Rouhani", ("Barack Obama",))}),
    # a coordinated verb shares the first verb's subject
    ("زار عراقجي الرياض أوائل الشهر الجاري والتقى ولي العهد السعودي.", date(2024, 10, 20),
     {("visit", "Abbas Araghchi", ("Saudi Arabia",)), ("meeting_held", "Abbas Araghchi", ("Mohammed bin Salman",))}),
    # a host receiving a foreign guest: a meeting, and the guest's visit
    ("Macron received Zarif in Paris on Friday.", date(2019, 8, 24),
     {("meeting_held", "Emmanuel Macron", ("Javad Zarif",)), ("visit", "Javad Zarif", ("France",))}),
    # two parties named "between" are the parties, whoever announces or hosts
    ("أعلنت سلطنة عمان استئناف المحادثات بين طهران وواشنطن.", date(2025, 6, 14),
     {("talks_held", "Iran", ("United States",)), ("statement", "Oman", ())}),
    # coordinated subjects each did it; a second verb shares them all
    ("Macron, Scholz and Draghi arrived in Kyiv on Thursday and met Zelensky.", date(2022, 6, 17),
     {("visit", "Emmanuel Macron", ("Ukraine",)), ("visit", "Olaf Scholz", ("Ukraine",)),
      ("visit", "Mario Draghi", ("Ukraine",)),
      ("meeting_held", "Mario Draghi", ("Emmanuel Macron", "Olaf Scholz", "Volodymyr Zelensky"))}),
    # reported speech: the speaker is the one who called
    ("قال أردوغان إنه تحدث هاتفيا مع ماكرون يوم الثلاثاء.", date(2020, 10, 30),
     {("phone_call", "Recep Tayyip Erdogan", ("Emmanuel Macron",))}),
    # the speaker at the end of the sentence is not a participant
    ("Blinken has not met any Iranian official since taking office, the State Department said.", date(2024, 8, 15),
     {("meeting_held", "Antony Blinken", ("Iran",))}),
]


@pytest.mark.parametrize("text,published,expected", PHENOMENA, ids=[p[0][:30] for p in PHENOMENA])
def test_phenomena(text: str, published: date, expected: set) -> None:
    events = extract(article_from_text(text, date=published))
    found = {(e.type, e.source.name if e.source else None, tuple(sorted(names(e.targets)))) for e in events}
    assert found == expected


def test_not_until_is_not_a_negation() -> None:
    (event,) = [e for e in extract(article_from_text("لم يبلغ أوباما نتنياهو بالمحادثات إلا في أيلول 2013.",
                                                      date=date(2013, 11, 30))) if e.type == "message_passed"]
    assert not event.negated and event.date and event.date.start == date(2013, 9, 1)


def test_unknown_person_after_a_title_becomes_an_actor() -> None:
    (event,) = extract(article_from_text("Ambassador Jane Holloway delivered a letter from Obama to Rouhani.",
                                         date=PUBLISHED))
    assert event.source and event.source.name == "Barack Obama"
    assert [v.name for v in event.via] == ["Jane Holloway"] and event.via[0].id.startswith("person:")


def test_a_person_named_in_full_is_later_known_by_one_part_of_the_name() -> None:
    text = "Ambassador Jane Holloway arrived in Tehran on Monday. Holloway met Zarif on Tuesday."
    events = extract(article_from_text(text, date=PUBLISHED))
    meeting = _match(events, "meeting_held", {"Jane Holloway", "Javad Zarif"})
    visit = _match(events, "visit", {"Jane Holloway", "Iran"})
    assert meeting.source and visit.source and meeting.source.id == visit.source.id
    assert visit.location == "Tehran" and meeting.date and meeting.date.start == date(2014, 11, 4)


def test_gave_a_count_of_days_is_a_deadline() -> None:
    event = _match(extract(article_from_text("Obama gave Iran ten days to reply.", date=PUBLISHED)), "deadline_set",
                   {"Barack Obama", "Iran"})
    assert event.date is not None and event.date.start == date(2014, 11, 16)


# Replies, ultimatums with a duration, plural and pair role phrases, parties named in another clause:
# (text, published, type, source or None for symmetric, participants, (start, end) or None, flags)
LEXICON_CASES = [
    ("Tehran answered Trump's letter with a message carried through Oman.", date(2025, 3, 28),
     "message_passed", "Iran", {"Iran", "Donald Trump"}, None, {"negated": False}),
    ("ردت طهران على رسالة ترامب برسالة عبر سلطنة عمان يوم الأربعاء.", date(2025, 3, 28),
     "message_passed", "Iran", {"Iran", "Donald Trump"}, ("2025-03-26", "2025-03-26"), {}),
    ("Kim Jong Un sent Trump a written reply on Monday.", date(2018, 9, 12),
     "letter_sent", "Kim Jong Un", {"Kim Jong Un", "Donald Trump"}, ("2018-09-10", "2018-09-10"), {}),
    ("بعث خامنئي رداً مكتوباً على رسالة أوباما.", date(2014, 11, 6),
     "letter_sent", "Ali Khamenei", {"Ali Khamenei", "Barack Obama"}, None, {}),
    ("وصل جواب إيران إلى ترامب عبر سلطنة عمان.", date(2025, 3, 28),
     "message_passed", "Iran", {"Iran", "Donald Trump"}, None, {}),
    ("Khamenei refused to answer Obama's letter.", date(2014, 11, 6),
     "message_passed", "Ali Khamenei", {"Ali Khamenei", "Barack Obama"}, None, {"negated": True}),
    ("Iran has yet to reply to Trump's letter.", date(2025, 3, 28),
     "message_passed", "Iran", {"Iran", "Donald Trump"}, None, {"negated": True}),
    ("Obama received Rouhani's reply through the Swiss embassy.", date(2014, 11, 6),
     "message_passed", "Hassan Rouhani", {"Hassan Rouhani", "Barack Obama"}, None, {}),
    ("Trump gave Iran ten days to respond.", date(2025, 3, 28),
     "deadline_set", "Donald Trump", {"Donald Trump", "Iran"}, ("2025-04-07", "2025-04-07"), {"count": None}),
    ("The United States has given Hamas a week to answer the proposal.", date(2025, 3, 28),
     "deadline_set", "United States", {"United States", "Hamas"}, ("2025-04-04", "2025-04-04"), {}),
    ("حدد ترامب مهلة شهرين لإيران.", date(2025, 3, 28),
     "deadline_set", "Donald Trump", {"Donald Trump", "Iran"}, ("2025-05-28", "2025-05-28"), {"count": None}),
    ("منح ترامب إيران مهلة عشرة أيام للرد.", date(2025, 3, 28),
     "deadline_set", "Donald Trump", {"Donald Trump", "Iran"}, ("2025-04-07", "2025-04-07"), {}),
    ("The Saudi and Iranian foreign ministers met in Beijing on Thursday.", date(2023, 4, 7),
     "meeting_held", None, {"Faisal bin Farhan", "Hossein Amir-Abdollahian"}, ("2023-04-06", "2023-04-06"), {}),
    ("التقى وزيرا خارجية السعودية وإيران في بكين يوم الخميس.", date(2023, 4, 7),
     "meeting_held", None, {"Faisal bin Farhan", "Hossein Amir-Abdollahian"}, ("2023-04-06", "2023-04-06"), {}),
    ("التقى وزيرا الخارجية السعودي والإيراني في بكين.", date(2023, 4, 7),
     "meeting_held", None, {"Faisal bin Farhan", "Hossein Amir-Abdollahian"}, None, {}),
    ("The presidents of Russia and Turkey spoke by phone on Friday.", date(2020, 3, 1),
     "phone_call", None, {"Vladimir Putin", "Recep Tayyip Erdogan"}, ("2020-02-28", "2020-02-28"), {"count": None}),
    ("Obama met Rouhani in New York. The two leaders agreed to keep talking.", date(2014, 11, 6),
     "agreement_reached", None, {"Barack Obama", "Hassan Rouhani"}, None, {}),
    ("After six hours of talks in Muscat, Araghchi and Witkoff agreed to meet again.", date(2025, 4, 13),
     "talks_held", None, {"Abbas Araghchi", "Steve Witkoff"}, None, {"count": None}),
    ("بعد ست ساعات من المحادثات، اتفقت إيران والولايات المتحدة على الاجتماع مجددا.", date(2025, 4, 13),
     "talks_held", None, {"Iran", "United States"}, None, {"count": None}),
    ("Relations between Russia and Turkey have improved. The foreign ministers of the two countries met on Monday.",
     date(2020, 3, 10), "meeting_held", None, {"Sergey Lavrov", "Mevlut Cavusoglu"}, ("2020-03-09", "2020-03-09"), {}),
    ("تحسنت العلاقات بين روسيا وتركيا. واستؤنفت المحادثات بين البلدين يوم الاثنين.", date(2020, 3, 10),
     "talks_held", None, {"Russia", "Turkey"}, ("2020-03-09", "2020-03-09"), {}),
    ("ورد خامنئي على رسالة أوباما برسالة مقتضبة.", date(2014, 11, 6),
     "message_passed", "Ali Khamenei", {"Ali Khamenei", "Barack Obama"}, None, {}),
    ("ورد في رسالة أوباما إلى خامنئي أن التعاون مرهون باتفاق.", date(2014, 11, 6),
     "letter_sent", "Barack Obama", {"Barack Obama", "Ali Khamenei"}, None, {}),
    ("Araghchi held consultations with Lavrov in Moscow on Monday.", date(2025, 3, 28),
     "talks_held", None, {"Abbas Araghchi", "Sergey Lavrov"}, ("2025-03-24", "2025-03-24"), {"location": "Moscow"}),
    ("أجرى عراقجي مشاورات مع لافروف في موسكو يوم الاثنين.", date(2025, 3, 28),
     "talks_held", None, {"Abbas Araghchi", "Sergey Lavrov"}, ("2025-03-24", "2025-03-24"), {"location": "Moscow"}),
    ("Khamenei received Obama's letter on Thursday.", date(2014, 11, 8),
     "letter_sent", "Barack Obama", {"Barack Obama", "Ali Khamenei"}, ("2014-11-06", "2014-11-06"), {}),
]


@pytest.mark.parametrize("text,published,kind,source,participants,when,attrs", LEXICON_CASES,
                         ids=[c[0][:40] for c in LEXICON_CASES])
def test_lexicon_sentence_gives_event(text: str, published: date, kind: str, source: str | None,
                                      participants: set[str], when: tuple[str, str] | None, attrs: dict) -> None:
    event = _match(extract(article_from_text(text, date=published)), kind, participants)
    if source is not None:
        assert event.source is not None and event.source.name == source
    found = (event.date.start.isoformat(), event.date.end.isoformat()) if event.date is not None else None
    assert found == when
    for key, value in attrs.items():
        assert getattr(event, key) == value, key


def test_a_reply_to_the_letter_of_an_earlier_sentence_goes_to_its_writer() -> None:
    text = "Obama sent a letter to Khamenei in October. Iran answered the letter on Wednesday through Oman."
    events = extract(article_from_text(text, date=date(2014, 11, 6)))
    reply = _match(events, "message_passed", {"Iran", "Barack Obama"})
    assert reply.source and reply.source.name == "Iran" and names(reply.via) == {"Oman"}
    assert reply.date and reply.date.start == date(2014, 11, 5)
    assert [names(e.participants) for e in events if e.type == "letter_sent"] == [{"Barack Obama", "Ali Khamenei"}]


def test_a_reply_presupposes_the_letter_it_answers() -> None:
    events = extract(article_from_text("Khamenei answered Obama's letter on Thursday, an Iranian official said.",
                                       date=date(2014, 11, 8)))
    reply = _match(events, "message_passed", {"Ali Khamenei", "Barack Obama"})
    letter = _match(events, "letter_sent", {"Ali Khamenei", "Barack Obama"})
    assert reply.source and reply.source.name == "Ali Khamenei" and reply.modality == "reported"
    assert letter.source and letter.source.name == "Barack Obama"
    assert letter.date is None and letter.modality == "asserted" and not letter.negated



@pytest.mark.parametrize("text,lang", [
    ("Armenia's prime minister and Azerbaijan's president initialed the peace deal at the White House.", "en"),
    ("Ethiopia and Eritrea signed a memorandum of understanding in Addis Ababa.", "en"),
    ("وقعت إثيوبيا وإريتريا مذكرة تفاهم في أديس أبابا.", "ar"),
])
def test_agreements_initialed_and_memoranda_signed(text: str, lang: str) -> None:
    events = extract(article_from_text(text, date=date(2025, 8, 9), lang=lang))
    assert [e.type for e in events] == ["agreement_reached"] and len(events[0].participants) == 2


@pytest.mark.parametrize("text,lang", [("The truce held for a week.", "en"), ("صمدت الهدنة أسبوعا.", "ar")])
def test_a_truce_without_a_verb_of_agreeing_is_no_agreement(text: str, lang: str) -> None:
    assert extract(article_from_text(text, date=date(2025, 8, 9), lang=lang)) == []
