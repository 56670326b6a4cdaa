"""Who did what to whom: reading source, targets and intermediaries around a trigger.

Each mention in a trigger's clause gets a marker from the word before it ("to", "from", "via",
"with", ...; Arabic proclitics such as ل count too), coordinated mentions share the marker of the
one they follow, and the trigger's frame says how markers and word order map to roles:

- active: the unmarked actor before the verb is the source (or, in Arabic VSO, the first after it);
  "to" and direct objects are targets;
- receive: the subject is the target, "from" the source ("تلقى X رسالة من Y");
- passive: "to" is the target, "by" the source;
- noun: "from", a genitive right after the noun or a possessive before it is the source; "to" the target;
  a verb of sending before the noun reads like the active frame from that verb;
- symmetric: every actor in the clause takes part.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .date_lexer import lexicon as date_lexicon
from .doc_marks import lexicon_spans
from .lexicon import Cues
from .mentions import Mention
from .normalize import fold, folded, normalization_table

EXCLUDED = {"about", "location", "of", "head"}
SKIPPABLE = {"the", "a", "an", "ال", "“", "«", '"', "‘"}


@dataclass
class Placed:
    """A mention seen from one trigger: its marker and whether it stands before the trigger."""

    mention: Mention
    marker: str | None
    before: bool
    coordinated: bool = False  # joined to the mention before it by "and" or a comma


@dataclass
class Roles:
    source: Mention | None
    targets: list[Mention]
    via: list[Mention]
    co_sources: list[Mention] = field(default_factory=list)  # "Macron, Scholz and Draghi arrived"


def coordinated_with(placed: list[Placed], mention: Mention) -> list[Mention]:
    """The mentions joined to ``mention`` by "and" or a list comma, on either side of it."""
    index = next((i for i, p in enumerate(placed) if p.mention is mention), None)
    if index is None:
        return []
    chain: list[Mention] = []
    i = index
    while i > 0 and placed[i].coordinated:
        i -= 1
        chain.append(placed[i].mention)
    i = index + 1
    while i < len(placed) and placed[i].coordinated:
        chain.append(placed[i].mention)
        i += 1
    return [m for m in chain if m.actor is not None and m.actor is not mention.actor]


def proclitic(text: str, norm: str, lang: str) -> str:
    """The letters a token carries before the form it was matched as ("لخامنئي" -> "ل")."""
    folded = fold(text, lang)
    if norm and folded.endswith(norm) and folded != norm:
        return folded[: len(folded) - len(norm)]
    if norm.startswith("ال") and folded.endswith(norm[2:]) and folded.startswith("لل"):
        return folded[: len(folded) - len(norm) + 1]
    return ""


def marker_of(doc: Doc, mention: Mention, marker_ends: dict[int, str], cue_table: Cues, lang: str,
              known: set[int] | frozenset[int] = frozenset()) -> str | None:
    """The role marker in front of a mention: a marker word, or a marking proclitic on its first token.

    An Arabic name right after an unknown content word is that word's genitive ("حلفاء واشنطن",
    Washington's allies), marked "of" so that it takes no role.
    """
    for gap in (0, 1):
        role = marker_ends.get(mention.start - gap)
        if role and (gap == 0 or doc[mention.start - 1].norm_ in SKIPPABLE):
            return role
    first = doc[mention.start]
    clitic = proclitic(first.text, first.norm_, lang)
    if clitic:
        for letter in (clitic[-1:], clitic[-2:-1]):
            role = cue_table.clitic_markers.get(letter)
            if role == "with" and (mention.kind == "place" or (mention.actor and mention.actor.kind == "state")):
                return "location"  # "بسنغافورة": in Singapore, not with it
            if role:
                return role
        if clitic.startswith(("و", "ف")):
            return "and"
    if lang == "ar" and known and mention.start > 0 and _construct_noun(doc[mention.start - 1], known):
        return "of"
    if lang == "en" and _possessor(doc, mention, known):
        return "of"
    return None


def _possessor(doc: Doc, mention: Mention, known: set[int] | frozenset[int]) -> bool:
    """"the EU's Catherine Ashton", "Iran's most powerful man": a possessor, not a participant
    (unless a trigger follows: "Obama's letter")."""
    after = mention.end
    if after + 1 >= len(doc) or doc[after].norm_ not in ("'s", "'"):
        return False
    # past a length: "Trump's two-month deadline", "Iran's 60-day ultimatum"
    first = after + 1
    units = date_lexicon(doc.lang_)
    while first < len(doc) and (doc[first].like_num or doc[first].text == "-" or units.is_time_unit(doc[first].text)):
        first += 1
    return not any(s.start in (first, first + 1) for s in lexicon_spans(doc, "triggers"))


def _construct_noun(prev: Token, known: set[int] | frozenset[int]) -> bool:
    """Whether an unknown Arabic word before a name is a noun it depends on ("حلفاء واشنطن").

    Without a tagger this is a guess: words the lexicons know, adjectives and verbs in -ى/-ي, and
    imperfect verbs (ي/ت + three letters or more) are not taken for nouns.
    """
    word = fold(prev.text, "ar")
    if word.startswith("ال"):
        return False  # a definite word heads no genitive: "رئيس مجلس السيادة عبد الفتاح البرهان" is an apposition
    if not prev.is_alpha or prev.i in known or word.endswith("ي") or prev.is_sent_start:
        return False  # a sentence opens with its verb far more often than with a noun before a name
    if len(prev.text) >= 5 and prev.text.endswith(tuple(normalization_table("ar").suffixes)):
        return False  # "وزير خارجيته هاكان فيدان": a noun with a pronoun suffix governs no genitive (apposition)
    return not (word[:1] in ("ي", "ت") and len(word) >= 4)


def place_mentions(doc: Doc, mentions: list[Mention], trigger: Span, marker_ends: dict[int, str],
                   cue_table: Cues, lang: str, known: set[int] | frozenset[int] = frozenset()) -> list[Placed]:
    """Markers for the mentions of a clause; a coordinated mention takes the marker before it."""
    placed: list[Placed] = []
    trigger_starts = _trigger_starts(doc)
    for mention in mentions:
        marker = marker_of(doc, mention, marker_ends, cue_table, lang, known)
        if marker == "of" and trigger_starts & set(range(mention.end, mention.end + 3)):
            marker = None  # "a round of Iran-U.S. talks": the possessor of the event takes part in it
        if _names_the_gathering(doc, mention, cue_table, lang):
            marker = "of"  # "hosting the G7 summit", "قمة مجموعة السبع": the body names the summit, not a party
        prev = placed[-1] if placed else None
        close = prev is not None and mention.start - prev.mention.end <= 3
        coordinated = close and (marker == "and" or (marker is None and _joined(doc, prev, mention)))
        if coordinated and prev is not None and _comma_ends_a_phrase(doc, prev.mention, mention):
            coordinated, marker = False, None if marker == "and" else marker
        if coordinated and prev is not None and _placelike(prev.mention) != _placelike(mention) and not (
                _territorial(prev.mention) and _territorial(mention) and _conjoined(doc, prev.mention, mention)):
            # "after talks in Muscat, Araghchi and Witkoff agreed": a list does not run from a place to people,
            # nor across a comma to a state ("in Muscat, Iran and the U.S. agreed"); "في غزة ولبنان" is one list
            coordinated, marker = False, None
        if marker == "and" or coordinated:
            marker = prev.marker if prev is not None and close else None
        placed.append(Placed(mention, marker, mention.end <= trigger.start, coordinated))
    return placed


def _names_the_gathering(doc: Doc, mention: Mention, cue_table: Cues, lang: str) -> bool:
    if mention.actor is None or mention.actor.kind not in ("organization", "group") or not cue_table.gathering:
        return False
    words = folded(tuple(cue_table.gathering), lang)
    if lang == "ar":
        return mention.start > 0 and doc[mention.start - 1].norm_ in words
    return mention.end < len(doc) and doc[mention.end].norm_ in words


def destination_first(placed: list[Placed]) -> list[Placed]:
    """The clause's mentions, those reached "to" first: "غادر أنقرة متوجها إلى الدوحة" went to Doha."""
    return sorted(placed, key=lambda p: p.marker != "to")


def _conjoined(doc: Doc, left: Mention, right: Mention) -> bool:
    """Joined by a conjunction, not a comma alone: "غزة ولبنان", "Gaza and Lebanon"."""
    between = doc[left.end : right.start]
    return not any(t.is_punct for t in between) and (
        any(t.norm_ in ("and", "و") for t in between) or doc[right.start].text.startswith("و"))


def _placelike(mention: Mention) -> bool:
    return mention.kind == "place" or mention.place is not None


def _territorial(mention: Mention) -> bool:
    return mention.kind == "place" or mention.place is not None or (
        mention.actor is not None and mention.actor.kind == "state")


def _trigger_starts(doc: Doc) -> set[int]:
    if "trigger_starts" not in doc.user_data:
        doc.user_data["trigger_starts"] = {s.start for s in lexicon_spans(doc, "triggers")}
    return doc.user_data["trigger_starts"]


def _comma_ends_a_phrase(doc: Doc, prev: Mention, mention: Mention) -> bool:
    """"In a letter to Kim, Trump ...": a comma alone joins a list only when the list goes on after it
    ("to Israel, Saudi Arabia and the UAE")."""
    between = doc[prev.end : mention.start]
    if not any(t.norm_ == "," for t in between) or any(t.norm_ in ("and", "or") for t in between):
        return False
    return mention.end >= len(doc) or doc[mention.end].norm_ not in (",", "and", "or")


def _joined(doc: Doc, prev: Placed | None, mention: Mention) -> bool:
    if prev is None:
        return False
    if (prev.mention.start, prev.mention.end) == (mention.start, mention.end):
        return True  # the two people of one pair phrase ("the two leaders")
    between = doc[prev.mention.end : mention.start]
    # an Arabic comma sets off an apposition ("وزيرا الخارجية، كيري وظريف"), not a list
    joiners = {"and", "و", "or", "او"} | ({","} if doc.lang_ == "en" else set())
    return any(t.norm_ in joiners for t in between) and all(
        t.norm_ in joiners or t.norm_ in SKIPPABLE for t in between)


def _first(items: list[Placed]) -> Mention | None:
    return items[0].mention if items else None


def _subject(placed: list[Placed], lang: str, pivot_before: list[Placed], pivot_after: list[Placed]) -> Mention | None:
    before = [p for p in pivot_before if p.marker is None]
    if before:
        # "غادر أردوغان أنقرة متوجها إلى الدوحة": the place left is the verb's object; the one who left, its subject
        if len(before) > 1 and _placelike(before[-1].mention) and not _placelike(before[-2].mention):
            return before[-2].mention
        return before[-1].mention
    after = [p for p in pivot_after if p.marker is None]
    return after[0].mention if after and lang == "ar" else None


def fill_roles(frame: str, placed: list[Placed], lang: str, trigger: Span, pivot: int | None = None,
               pivot_frame: str | None = None, genitive: str = "source", to_is_party: bool = False) -> Roles:
    """Source, targets and intermediaries of one trigger from its clause's placed mentions.

    ``pivot`` is the token where a governing verb stands (a verb of sending or receiving before a
    noun trigger); word order is then read from the verb instead of the noun.
    """
    usable = [p for p in placed if p.marker not in EXCLUDED and p.mention.actor is not None]
    via = [p.mention for p in usable if p.marker == "via"]
    usable = [p for p in usable if p.marker != "via"]
    if frame == "symmetric":
        return _participants(usable, via, trigger, to_is_party)
    at = pivot if pivot is not None else trigger.start
    before = [p for p in usable if p.mention.end <= at]
    after = [p for p in usable if p.mention.start >= (trigger.end if pivot is None else at + 1)]
    frame = pivot_frame or frame
    marked_to = [p.mention for p in usable if p.marker == "to" and p.mention.start > at]
    marked_from = [p.mention for p in usable if p.marker in ("from", "by")]
    if frame == "receive":
        # "received a letter from X", and "received Obama's letter" / "تسلم رسالة أوباما"
        sender = _first([p for p in usable if p.marker in ("from", "by")]) or (
            _genitive(placed, trigger, lang) if pivot is not None else None)
        subject = _subject(usable, lang, [p for p in before if p.mention is not sender],
                           [p for p in after if p.mention is not sender])
        verb_end = (pivot if pivot is not None else trigger.end - 1) + 1
        right_after = next((p.mention for p in after if p.marker is None and p.mention.start == verb_end
                            and p.mention is not sender), None)
        if lang == "ar" and right_after is not None:
            subject = right_after  # "أكد بقائي تسلم طهران رسالة": who received is named right after the verb
        # "received a message from X, handed to him by Y": Y carried it
        carriers = [p.mention for p in usable if p.marker == "by" and p.mention not in (sender, subject)]
        return Roles(sender, [m for m in [subject] if m], via + carriers)
    if frame == "dispatch":
        # "Trump sent Witkoff to Moscow", "أوفد السيسي شكري إلى موسكو": the one sent makes the visit, not the sender
        sender = _subject(usable, lang, before, after)
        sent = next((p.mention for p in after if p.marker is None and p.mention is not sender
                     and p.mention.actor is not None and p.mention.actor.kind == "person"), None)
        return Roles(sent, marked_to if sent is not None else [], via)
    if frame == "passive":
        objects = marked_to or [p.mention for p in after if p.marker is None][:1]
        return Roles(marked_from[0] if marked_from else None, objects, via)
    if frame == "noun" and pivot is None and genitive == "target":
        # "زيارة الرياض", "a visit to Riyadh": what follows the noun is where, the visitor is its subject;
        # "جولة تشمل السعودية وقطر": every state listed
        objects = marked_to or [p.mention for p in _chain([p for p in after if p.marker is None])]
        return Roles(_subject(usable, lang, before, []), objects, via)
    if frame == "noun" and pivot is None:
        source = next((p.mention for p in usable if p.marker == "from" and p.mention.start >= trigger.end), None
                      ) or _genitive(placed, trigger, lang)
        # "a letter from X ... by Y": with the sender named, the one "by" whom it came carried it
        carriers = [p.mention for p in usable if p.marker == "by" and p.mention is not source]
        if source is None and carriers:
            source, carriers = carriers[0], carriers[1:]
        return Roles(source, [m for m in marked_to if m is not source], via + carriers)
    # active, or a noun governed by a verb of sending
    source = _subject(usable, lang, before, after)
    sender = next((p.mention for p in usable if p.marker == "from" and p.mention.start > at), None)
    if pivot is not None and sender is None and pivot_frame != "receive" and genitive == "source":
        sender = _genitive(placed, trigger, lang)  # not "يقوم بجولة تشمل السعودية": a visit's genitive is where
    if pivot is not None and sender is not None:
        # "X delivered a letter from Y to Z": Y wrote it, X carried it
        via = via + ([source] if source is not None and source is not sender else [])
        source = sender
    # "سلم مستشار لرئيس الإمارات رسالة إلى عراقجي": with a verb before the noun, "to" after the noun wins
    after_noun = [m for m in marked_to if m.start >= trigger.end]
    objects = after_noun if pivot is not None and after_noun else marked_to[:]
    unmarked_after = [p for p in after if p.marker is None and p.mention is not source]
    if not objects and unmarked_after:
        objects = [p.mention for p in (unmarked_after if lang == "ar" else _chain(unmarked_after))]
    return Roles(source, [m for m in objects if m is not source], via)


def _participants(usable: list[Placed], via: list[Mention], trigger: Span, to_is_party: bool = False) -> Roles:
    """Everyone taking part in a symmetric event; with people named, a state reached "to" is where
    they went ("travelled to Pyongyang and met Kim"), not a participant. Two parties named "between"
    or as adjectives of the noun ("المفاوضات الإيرانية الأمريكية") are the parties, whoever hosts."""
    people = [p for p in usable if p.marker in (None, "with", "between", "to", "and", "from", "by")]
    between = [p for p in people if p.marker == "between"]
    adjectives = [p for p in people if p.mention.state_of and 0 <= p.mention.start - trigger.end <= 3]
    for named in (between, adjectives):
        if len(named) >= 2:
            return Roles(named[0].mention, [p.mention for p in named[1:]], via)
    persons = sum(1 for p in people if p.mention.actor and p.mention.actor.kind == "person")
    if persons and not to_is_party:  # "welcomed Abbas to the White House": where he came, not who met
        people = [p for p in people if not (p.marker == "to" and p.mention.actor and p.mention.actor.kind != "person")]
    if persons >= 2:  # "after the Singapore summit Trump met Kim": the state is where, not who
        people = [p for p in people if p.mention.actor and p.mention.actor.kind != "state"]
    found = [p.mention for p in people]
    return Roles(found[0] if found else None, found[1:], via)


def _chain(items: list[Placed]) -> list[Placed]:
    """The first item and the ones coordinated with it ("Israel, Saudi Arabia and the UAE")."""
    chain = items[:1]
    for p in items[1:]:
        if not p.coordinated:
            break
        chain.append(p)
    return chain


def _genitive(placed: list[Placed], trigger: Span, lang: str) -> Mention | None:
    """The sender of a letter named right after the noun ("رسالة أوباما") or before it ("Obama's letter")."""
    for p in placed:
        m = p.mention
        if p.marker is None and lang == "ar" and 0 <= m.start - trigger.end <= 1:
            return m
        if lang == "en" and 0 <= trigger.start - m.end <= 2:
            doc = trigger.doc
            if m.end < len(doc) and doc[m.end].norm_ in {"'s", "'"}:
                return m
    return None
