"""Rules that act across the events of one sentence: deadlines and what they bind, denials, and the
visits that hosting implies.
"""

from __future__ import annotations

from .actors import actor_base
from .clauses import Unit
from .lexicon import event_types
from .mentions import Mention
from .roles import Placed, destination_first
from .schema import CORRESPONDENCE, ActorRef, Event


def implied_visit(meeting: Event, unit: Unit) -> list[tuple[Event, Unit, bool]]:
    """"Macron received Zarif in Paris": Zarif visited France (the host's country), when it is not his own."""
    base = actor_base()
    if not meeting.source or not meeting.targets:
        return []
    host_ref, guest_ref = meeting.source, meeting.targets[0]
    if unit.rule.guest_first:
        host_ref, guest_ref = guest_ref, host_ref
    host, guest = base.actors.get(host_ref.id), base.actors.get(guest_ref.id)
    if host is None or guest is None or not host.country or host.country == guest.country:
        return []
    state = base.actors.get(host.country)
    if state is None:
        return []
    spec = event_types()["visit"]
    visit = meeting.model_copy(update={
        "id": meeting.id + "-visit", "type": "visit", "source": guest_ref, "via": [],
        "targets": [ActorRef(id=state.id, name=state.name)], "cameo": spec.cameo, "plover": spec.plover})
    return [(visit, unit, True)]


def visited_states(placed: list[Placed]) -> list[Mention]:
    """"flew to Vienna", "توجه إلى سيول": the state of the place visited."""
    base = actor_base()
    for p in destination_first(placed):  # where they went before where they were
        m = p.mention
        if m.place and m.kind == "actor" and m.actor is not None and m.actor.kind == "state":
            return [m]  # a capital standing for its state: "arrived in Moscow"
        if m.kind == "place" and m.country and p.marker in ("to", None, "location"):
            state = base.actors.get(m.country)
            if state is not None:
                return [Mention(m.start, m.end, "actor", actor=state, text=m.text)]
    return []


def absorb_into_deadlines(built: list[tuple[Event, Unit, bool]], events: list[Event]) -> None:
    """A deadline absorbs the agreement or talks after it that it is the deadline for ("a deadline of
    24 November to reach an agreement"), with their participants."""
    specs = event_types()
    for event, unit, _ in built:
        for other, other_unit, _ in built:
            if other.type in specs[event.type].absorbs and other_unit.start > unit.start and other in events:
                ids = {r.id for r in event.participants}
                event.targets += [r for r in other.participants if r.id not in ids]
                if event.source is None and event.targets:
                    event.source, event.targets = event.targets[0], event.targets[1:]
                event.topic = sorted(set(event.topic) | set(other.topic))
                events.remove(other)


def bind_deadline_parties(built: list[tuple[Event, Unit, bool]],
                          earlier: Event | None = None) -> list[tuple[Event, Unit, bool]]:
    """A deadline whose clause names nobody binds the parties of the event before it in the sentence, or
    those of the letter the article reported just before ("Trump's letter reached Tehran. It set a deadline")."""
    previous = earlier if earlier is not None and earlier.type in CORRESPONDENCE else None
    result = []
    for event, unit, complete in built:
        if event.type == "deadline_set" and not complete and previous is not None:
            event.source, event.targets = previous.source, list(previous.targets)
            complete = True
        elif complete:
            previous = event
        result.append((event, unit, complete))
    return result


def apply_denials(built: list[tuple[Event, Unit, bool]]) -> None:
    """"X denied sending a letter": what follows the denial is negated; the denial is a statement."""
    denial = next((u.start for _, u, _ in built if u.rule.denies), None)
    if denial is None:
        return
    for event, unit, _ in built:
        if event.type != "statement" and unit.start > denial:
            event.negated = True


def handover_meeting(delivered: Event, unit: Unit) -> list[tuple[Event, Unit, bool]]:
    """"تسلم X رسالة ... سلمها المبعوث Y خلال استقباله": a letter handed over in person means the courier
    and the recipient met (and the courier, when foreign, visited the recipient's state)."""
    if not delivered.targets:
        return []
    base = actor_base()
    recipient = delivered.targets[0]
    spec = event_types()["meeting_held"]
    found: list[tuple[Event, Unit, bool]] = []
    for n, courier in enumerate(delivered.via):
        actor = base.actors.get(courier.id)
        if actor is None or actor.kind != "person" or courier.id == recipient.id:
            continue
        meeting = delivered.model_copy(update={
            "id": f"{delivered.id}-met{n}", "type": "meeting_held", "source": recipient, "targets": [courier],
            "via": [], "cameo": spec.cameo, "plover": spec.plover, "count": None, "ordinal": None, "topic": []})
        found.append((meeting, unit, True))
        found += implied_visit(meeting, unit)
    return found


def drop_told_handovers(built: list[tuple[Event, Unit, bool]]) -> list[tuple[Event, Unit, bool]]:
    """"استقبل فيصل عراقجي، الذي سلمه رسالة إلى الملك": the courier's meeting is told already (with the host who
    took the letter), so the hand-over implies no meeting with the addressee, nor a visit of its own."""
    told = [(e, {r.id for r in e.participants}) for e, _, _ in built
            if e.type == "meeting_held" and "-met" not in e.id]
    dropped = {e.id for e, _, _ in built if e.type == "meeting_held" and "-met" in e.id and e.targets
               and any(e.targets[0].id in parties for _, parties in told)}
    return [b for b in built if b[0].id not in dropped and b[0].id.removesuffix("-visit") not in dropped]


def bind_preposed_parties(built: list[tuple[Event, Unit, bool]]) -> list[tuple[Event, Unit, bool]]:
    """"بعد ست ساعات من المحادثات، اتفقت إيران والولايات المتحدة": talks, a meeting or a call that names
    nobody takes the parties of the next event of the sentence when that one is symmetric too; else it goes."""
    specs = event_types()
    result = []
    for i, (event, unit, complete) in enumerate(built):
        if complete or event.type == "deadline_set" or event.participants or not specs[event.type].symmetric:
            result.append((event, unit, complete))
            continue
        after = next((e for e, _, c in built[i + 1 :] if c), None)
        if after is not None and specs[after.type].symmetric and after.type != "deadline_set" and after.participants:
            event.source, event.targets = after.source, list(after.targets)
            result.append((event, unit, True))
    return result
