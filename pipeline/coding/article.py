"""Coding one article: code each sentence, then resolve what only the whole article can tell.

The article pass is pure too. It codes bare person names and pronouns from people named earlier
("Maksimov" after "Russian Ambassador Maksim Maksimov"), "the sides" from the last dyad, "the ministry"
from the last actor with that role, and links mentions of one event (same type, compatible actors and
dates, no two towns) so that later mentions are marked `is_reference` and undated ones take the event's date
(`date_source = linked`). It gives an attack with no target the side the article shows its attacker
striking, an attack with no attacker the article's usual attacker, and an attack it puts nowhere the
country its fighting is in (its theatre).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from pipeline.codebook.load import ActorTables
from pipeline.codebook.schema import EventType, OtherSense
from pipeline.coding.attribution import international_body, role_only, state_or_body
from pipeline.coding.sentence import Coder, SentenceCoding, SentenceEvent, code_sentence
from pipeline.records import Actor, Article, EventDate, Mention

# the finer date wins, and at one precision a date the text names beats one counted from publication
DATE_RANK = {("explicit", "day"): 0, ("relative", "day"): 1, ("explicit", "week"): 2, ("relative", "week"): 3,
             ("explicit", "month"): 4, ("relative", "month"): 5, ("explicit", "year"): 6, ("relative", "year"): 7}


def name_key(text: str) -> str:
    """Spelling-insensitive key for a name: 'AlGhanimi', 'al-Ghanimi' and 'Al Ghanimi' agree."""
    return re.sub(r"[^a-z]", "", text.lower())


@dataclass
class _People:
    """Names seen so far in the article, keyed by full name and by last name."""

    by_key: dict[str, Actor] = field(default_factory=dict)
    order: list[Actor] = field(default_factory=list)

    def add(self, name: str, actor: Actor) -> None:
        words = name.split()
        for key in {name_key(name), name_key(words[-1]) if words else ""} - {""}:
            self.by_key[key] = actor
        self.order.append(actor)

    def latest(self, other: Actor | None) -> Actor | None:
        """The person named last who is not the event's other side ("he met Erdogan" is not Erdogan)."""
        return next((a for a in reversed(self.order) if other is None or other.key is None or a.key != other.key), None)

    def find(self, text: str) -> Actor | None:
        words = text.split()
        for candidate in (text, *(words[-1:] if words else ())):
            actor = self.by_key.get(name_key(candidate))
            if actor is not None:
                return actor
        return None


@dataclass
class _Cluster:
    """Mentions of what looks like one event: its type, best-known actors and best date."""

    event_type: str
    source: Actor | None
    target: Actor | None
    date: EventDate
    reciprocal: bool
    code: str  # the first mention's CAMEO code, which bare back-references take
    town: str | None  # the first town a mention names as where it happened
    planned: bool  # its first mention is a plan
    separate: tuple[str, ...]  # codes of its type that are never the same event as another code
    words: set[str] = field(default_factory=set)  # its mentions' trigger lemmas ("strike", "talk")
    in_setting: bool = False  # a mention names a political setting ("yesterday's meetings of industrial nations")


@dataclass(frozen=True, slots=True)
class ArticleCoding:
    """An article's mentions, plus each sentence's own coding (for review: competing and dropped matches)."""

    mentions: tuple[Mention, ...]
    sentences: dict[int, SentenceCoding]  # by sentence index, for the sentences that were parsed


def code_article(article: Article, sentences: Sequence[str], docs: Mapping[int, Doc], coder: Coder) -> ArticleCoding:
    """Mentions for one article; `docs[i]` is the parse of `sentences[i]` for the sentences worth parsing."""
    order = sorted(docs)
    codings = [code_sentence(docs[i], coder, article.published) for i in order]
    people = _People()
    for coding in codings:
        for name, actor in coding.people:
            people.by_key.setdefault(name_key(name), actor)
    types = coder.codebook.events.event_types
    places = {index: coding.places for index, coding in zip(order, codings)}
    resolved: list[tuple[int, SentenceEvent]] = []
    seen_people = _People()
    recent: list[Actor] = []  # the events' actors so far
    groups: list[Actor] = []  # groups named so far, whatever the sentence said of them
    attacker: Actor | None = None  # the source of the last one-sided event (an attack) so far
    for index, coding in zip(order, codings):
        for name, actor in coding.people:
            seen_people.add(name, actor)
        for event in coding.events:
            one_sided = not types[event.event_type].reciprocal
            owner = attacker if one_sided else None
            before = places.get(index - 1)  # the countries the sentence before names (None: not parsed)
            source = _owned(_resolve(event.source, event.target, seen_people, people, recent), owner, before)
            target = _owned(_resolve(event.target, source, seen_people, people, recent), owner, before)
            dyad = _last_dyad(resolved, event.event_type) if source is not None and source.ref == "dyad" else None
            if dyad is not None:
                source, target = (dyad[0], target) if target is not None and target.code else dyad
            elif source is not None and source.ref == "dyad":  # "the ministers were meeting": the ones named before
                source = _same_head(source, [*recent, *groups]) or source
            resolved.append((index, replace(event, source=source, target=target)))
            recent += [a for a in (source, target) if a is not None and a.code]
            attacker = source if one_sided and source is not None else attacker
        groups += coding.groups
    linked = _in_theatre(_struck_sides(_link(resolved, coder), types), _theatre(codings), places, coder)
    linked = _local_targets(linked, {index: coding.towns for index, coding in zip(order, codings)}, coder)
    linked = _by_usual_attacker(linked, types)
    ambiguous = any(_ambiguous(event, types[event.event_type].other_sense) for _, event in linked)
    words = frozenset(re.findall(r"[a-z]+", " ".join(sentences).lower())) if ambiguous else frozenset()
    mentions = tuple(
        _mention(article, sentences[i], i, event)
        for i, event in linked
        if _political(event, types[event.event_type])
        and not _other_sense(event, types[event.event_type].other_sense, words)
    )
    return ArticleCoding(mentions, dict(zip(order, codings)))


def _resolve(actor: Actor | None, other: Actor | None, seen: _People, everyone: _People, recent: list[Actor]) -> Actor | None:
    """Code a bare name, pronoun or role word from what the article said before (dyads are done by the
    caller); a pronoun is not the event's `other` side."""
    if actor is None or actor.ref is None:
        return actor
    if actor.ref == "name":
        found = seen.find(actor.text) or everyone.find(actor.text)
        return _as(found, actor) if found else actor
    if actor.ref == "pronoun":
        found = seen.latest(other)
        return _as(found, actor) if found else actor
    if actor.ref == "role":  # "the coalition": the "US-led coalition" named before, else the last of its role
        head = _head_word(actor.text)
        earlier = next((e for e in reversed(recent) if e.country and _head_word(e.text) == head), None)
        earlier = earlier or next((e for e in reversed(recent) if e.role == actor.role and e.country), None)
        if earlier is not None:
            return Actor(earlier.country + (actor.role or ""), earlier.country, actor.text, actor.role, "role")
    return actor


def _owned(actor: Actor | None, attacker: Actor | None, before: frozenset[str] | None) -> Actor | None:
    """An attack's side named by "its" or "their" with no country ("Its overnight raid", "its jets bombed the
    town") is the state whose attack the article reported last: "Israeli jets struck a Syrian base. Its
    overnight raid..." (ISRMIL); not when that attacker was a group without a country (Isis), nor when the
    sentence before names other countries only ("... tell Israel it is not alone. Its raid ..." after US
    strikes) or was not parsed, so what it names is not known. Not for meetings, whose "their talks" are both
    sides'."""
    if actor is None or actor.ref != "owner" or actor.country is not None:
        return actor
    found = attacker if before is not None else None
    if found is None or not found.country or found.role not in {None, "GOV", "MIL"} or before and found.country not in before:
        return actor if actor.code else None  # a bare "its" left unresolved is no side, which the article may fill
    role = actor.role or found.role
    return Actor(found.country + (role or ""), found.country, actor.text, role, "owner")


def _same_head(actor: Actor, recent: list[Actor]) -> Actor | None:
    """The latest coded actor named with the same head word ("EC industry ministers" for "the ministers")."""
    head = _head_word(actor.text)
    found = next((e for e in reversed(recent) if e.key and _head_word(e.text) == head), None)
    return _as(found, actor) if found is not None else None


def _head_word(text: str) -> str:
    words = text.lower().split()
    return words[-1] if words else ""


def _as(found: Actor, words: Actor) -> Actor:
    """The found actor's code with the words of this mention (so reviewers see what the text said)."""
    return Actor(found.code, found.country, words.text, found.role, words.ref)


def _last_dyad(events: list[tuple[int, SentenceEvent]], event_type: str) -> tuple[Actor, Actor] | None:
    """The latest pair of coded actors, preferring events of the same type ('the sides discussed' → last talks)."""
    pairs = [(e.event_type, e.source, e.target) for _, e in events if e.source and e.target and e.source.key and e.target.key]
    for kind, source, target in reversed(pairs):
        if kind == event_type:
            return source, target
    return (pairs[-1][1], pairs[-1][2]) if pairs else None


def _country(actor: Actor | None) -> str | None:
    return actor.key if actor else None


def _bare_body(actor: Actor | None) -> bool:
    return actor is not None and actor.code == "IGO"


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _joins(event: SentenceEvent, cluster: _Cluster) -> bool:
    """Whether a mention can be another mention of the cluster's event."""
    if event.event_type != cluster.event_type:
        return False
    dated = event.date.source in {"explicit", "relative"} and not event.needs_antecedent  # "condemned the attack on Tuesday"
    if dated and cluster.date.source in {"explicit", "relative"}:
        if event.date.date != cluster.date.date:
            return False
    if not event.needs_antecedent and _far_apart(event.date, cluster.date):
        return False  # a report of its own is another event when the dates are apart, even if one is only implied
    if event.modality == "planned" and _before(cluster.date, event.date):
        return False  # "OPEC has scheduled a meeting in June" is not its December meeting
    if cluster.planned and not event.needs_antecedent and _before(event.date, cluster.date):
        return False  # nor is its December meeting the June one it has scheduled
    if event.town and cluster.town and not _same_town(event.town, cluster.town):
        return False  # "the ground operations in Raqqa" are not the offensive on Afrin
    if event.cameo_code != cluster.code and {event.cameo_code, cluster.code} & set(cluster.separate):
        return False  # "at the end of the meeting" is not the phone call reported before
    if not cluster.reciprocal and _rivals(event.source, cluster.source):
        return False  # the rebels' shelling of Damascus is not the regime's bombing of Ghouta
    pairs = [(_country(event.source), _country(cluster.source)), (_country(event.target), _country(cluster.target))]
    crossed = [(pairs[0][0], pairs[1][1]), (pairs[1][0], pairs[0][1])]
    straight = all(_compatible(x, y) for x, y in pairs)
    if not (straight or cluster.reciprocal and all(_compatible(x, y) for x, y in crossed)):
        return False
    # an actor both mentions name: a country on either side (a civil war's country is attacker and place struck),
    # a group only on the same side ("Isis adherents conducted attacks" is not the attempt on Baghdadi)
    shared = any(x is not None and x == y for x, y in pairs) or any(
        x is not None and x == y and (len(x) == 3 or cluster.reciprocal) for x, y in crossed
    )
    own = any(_country(a) for a in (event.source, event.target))
    referring = event.is_reference or event.needs_antecedent  # "the talks", "today's discussions"
    return shared or referring and not own  # "the SDF offensive" is not the attack in New Zealand


STATE_ROLES = frozenset({"GOV", "MIL", "COP", "SPY"})
INSURGENT_ROLES = frozenset({"REB", "OPP"})


def _rivals(a: Actor | None, b: Actor | None) -> bool:
    """Two actors of one country on opposite sides of its civil strife: its state and its rebels."""
    if a is None or b is None or a.country is None or a.country != b.country:
        return False
    return {a.role, b.role} & STATE_ROLES != set() and {a.role, b.role} & INSURGENT_ROLES != set()


def _same_town(a: str, b: str) -> bool:
    """One place however named: 'Ghouta' and 'eastern Ghouta', 'Al-Bab' and 'al Bab'."""
    x, y = name_key(a), name_key(b)
    return x in y or y in x


def _before(held: EventDate, planned: EventDate) -> bool:
    """Whether a dated event lies before the date a plan was reported: it cannot be what was planned."""
    dated = held.source in {"explicit", "relative"}
    return dated and held.date is not None and planned.date is not None and held.date < planned.date


def _far_apart(a: EventDate, b: EventDate) -> bool:
    """Whether two dates are more than a year apart, too far for one event: the 2013 sarin attack is not the
    attack reported today (an offensive begun "two months ago" may still be the one going on)."""
    return a.date is not None and b.date is not None and abs((a.date - b.date).days) > 366


def _link(events: list[tuple[int, SentenceEvent]], coder: Coder) -> list[tuple[int, SentenceEvent]]:
    """Group mentions of one event; later mentions are references, and undated ones take the event's date."""
    clusters: list[_Cluster] = []
    membership: list[int] = []
    kept: list[tuple[int, SentenceEvent]] = []
    for index, event in events:
        spec = coder.codebook.events.event_types[event.event_type]
        joinable = [n for n in range(len(clusters) - 1, -1, -1) if _joins(event, clusters[n])]
        # a bare "the strikes" is the last event reported as strikes, not a later assault
        named = [n for n in joinable if event.lemma in clusters[n].words] if event.needs_antecedent else []
        home = next(iter(named or joinable), None)
        if home is None and event.needs_antecedent:
            if not _unlinked_named(event, spec, [e for i, e in kept if i == index]):
                continue  # "condemned the attack" with no attack reported before it: nothing to refer to
            event = replace(event, needs_antecedent=False, is_reference=False)  # "Miyazawa told the meeting"
        kept.append((index, event))
        if home is None:
            clusters.append(
                _Cluster(
                    event.event_type, event.source, event.target, event.date, spec.reciprocal, event.cameo_code, event.town,
                    event.modality == "planned", spec.separate_codes, {event.lemma}, event.in_setting,
                )
            )
            membership.append(len(clusters) - 1)
            continue
        cluster = clusters[home]
        cluster.words.add(event.lemma)
        cluster.in_setting = cluster.in_setting or event.in_setting
        cluster.source = cluster.source if _country(cluster.source) or event.source is None else event.source
        cluster.target = cluster.target if _country(cluster.target) or event.target is None else event.target
        cluster.town = cluster.town or event.town
        if _rank(event.date) < _rank(cluster.date):
            cluster.date = event.date
        membership.append(home)
    linked: list[tuple[int, SentenceEvent]] = []
    first_of: dict[int, int] = {}
    for position, ((index, event), home) in enumerate(zip(kept, membership)):
        cluster = clusters[home]
        earlier = home in first_of
        first_of.setdefault(home, position)
        date = event.date  # a bare reference's date is its reporting verb's ("condemned the attack on Tuesday")
        undated = event.needs_antecedent or date.source in {"publication", "none"}
        if undated and cluster.date.source in {"explicit", "relative"}:
            date = EventDate(cluster.date.date, "linked", cluster.date.precision, cluster.date.text)
        elif event.needs_antecedent:
            date = cluster.date
        source, target = event.source, event.target
        # the event's actors, also those a later mention names ("killed in a suicide attack ... Isis claimed the
        # attack"), but never one actor on both sides
        source = source if _country(source) or _country(cluster.source) in {None, _country(target)} else cluster.source
        target = target if _country(target) or _country(cluster.target) in {None, _country(source)} else cluster.target
        # a body with no code of its own (CAMEO's bare IGO: the ICO) is still the side of its event's later mentions
        later = earlier or event.is_reference
        source = cluster.source if later and source is None and _bare_body(cluster.source) and not _bare_body(target) else source
        planned = coder.codebook.events.event_types[event.event_type].planned
        announced = cluster.code == planned and event.modality == "asserted"  # "the talks recessed": no longer a plan
        code = cluster.code if event.needs_antecedent and not announced else event.cameo_code
        reference = earlier or event.is_reference
        # "the meeting reaffirmed the accord": the setting its first mention named stands in for its actors too
        setting = event.in_setting or cluster.in_setting
        linked.append(
            (index, replace(event, date=date, source=source, target=target, cameo_code=code, is_reference=reference, in_setting=setting))
        )
    return linked


def _unlinked_named(event: SentenceEvent, spec: EventType, same_sentence: list[SentenceEvent]) -> bool:
    """Whether a bare mention linked to nothing is an event of its own: its rule says so, its sentence names a
    party to it, and reports no other event of its type (which it would be another mention of)."""
    return (
        event.unlinked_named
        and _actors(event, spec) >= max(spec.min_actors, 1)
        and all(other.event_type != event.event_type for other in same_sentence)
    )


SIDE_SHOWN = 2  # attacks on one side an article must report before an unnamed side is taken to be it


def _struck_sides(events: list[tuple[int, SentenceEvent]], types: Mapping[str, EventType]) -> list[tuple[int, SentenceEvent]]:
    """A one-sided attack whose attacker the article shows striking one side only takes that side as its
    target ("defend the city from Turkish attack" in an article on Turkey's offensive against Afrin: SYR).
    Only for types whose sides are not interchangeable, and only when the article's other attacks by that
    attacker name one target, at least `SIDE_SHOWN` times, never the attacker's own country."""
    struck: dict[tuple[str, str], list[Actor]] = {}
    for _, event in events:
        if types[event.event_type].reciprocal or event.source is None or event.source.key is None:
            continue
        if event.target is not None and event.target.key not in {None, event.source.key} and event.target.ref != "place":
            struck.setdefault((event.event_type, event.source.key), []).append(event.target)
    filled: list[tuple[int, SentenceEvent]] = []
    for index, event in events:
        side = (event.event_type, event.source.key) if event.source is not None and event.source.key else None
        targets = struck.get(side, []) if side is not None and (event.target is None or event.target.key is None) else []
        if len(targets) >= SIDE_SHOWN and len({t.key for t in targets}) == 1:
            target = targets[0]
            event = replace(event, target=Actor(target.code, target.country, "", target.role, "article"))
        filled.append((index, event))
    return filled


ATTACKER_SHOWN = 3  # attacks an article must name one attacker for before its attacks with no attacker are its
ATTACKER_SHARE = 0.75  # ... and the share of the attacks with a named attacker that must be its


def _by_usual_attacker(events: list[tuple[int, SentenceEvent]], types: Mapping[str, EventType]) -> list[tuple[int, SentenceEvent]]:
    """An attack with no attacker in an article whose attacks name one attacker is that attacker's ("a week
    of airstrikes" in a report on the regime's bombing of Ghouta): at least `ATTACKER_SHOWN` of its attacks,
    and three in four of those naming who attacked, name it. The actor's `ref` is `article`."""
    named = [e.source for _, e in events if types[e.event_type].places_struck and e.source is not None and e.source.key]
    keys = Counter(actor.key for actor in named)
    if not keys:
        return events
    key, count = keys.most_common(1)[0]
    if count < ATTACKER_SHOWN or count < ATTACKER_SHARE * len(named):
        return events
    code, country, role = Counter((a.code, a.country, a.role) for a in named if a.key == key).most_common(1)[0][0]
    attacker = Actor(code, country, "", role, "article")
    return [
        (index, replace(event, source=attacker) if types[event.event_type].places_struck and event.source is None
         and (event.target is None or event.target.key != key) else event)
        for index, event in events
    ]


THEATRE_SHOWN = 3  # towns of one country an article must name before its unplaced attacks are put there
THEATRE_SHARE = 0.75  # ... and the share of all the towns it names that they must be


def _theatre(codings: Sequence[SentenceCoding]) -> str | None:
    """The one country an article's fighting is in: the country of at least `THEATRE_SHOWN` of the towns its
    event sentences name, and of three in four of them (a Syria report names Idlib, Afrin, Raqqa)."""
    towns = Counter(country for coding in codings for country in coding.towns)
    if not towns:
        return None
    country, count = towns.most_common(1)[0]
    return country if count >= THEATRE_SHOWN and count >= THEATRE_SHARE * sum(towns.values()) else None


def _in_theatre(
    events: list[tuple[int, SentenceEvent]], theatre: str | None, places: Mapping[int, frozenset[str]], coder: Coder
) -> list[tuple[int, SentenceEvent]]:
    """An attack the article puts nowhere happened in its theatre: with no target, the theatre's country is
    the place struck ("airstrikes killed 20 people" in a report from Idlib: SYR), and a side named only by a
    role of the country at home is of the theatre's country ("civilians": SYRCVL, "the regime": SYRGOV).
    Only when its sentence names no country or region but the theatre and its sides', so "attacks in 29
    countries" stays unplaced, and so does an attack by the theatre's own state with no target named ("Israel's
    air raids on its northern neighbour" in a report from Israel). Theatre or not, the state at home that
    strikes a place (or its people) is the place's country's: "the regime's attacks on rebel-held Idlib" are
    SYRGOV's."""
    types, actors = coder.codebook.events.event_types, coder.codebook.actors
    placed: list[tuple[int, SentenceEvent]] = []
    for index, event in events:
        sides = {theatre, *(a.country for a in (event.source, event.target) if a is not None)}
        if not types[event.event_type].places_struck:
            placed.append((index, event))
            continue
        attacker_home = event.source is not None and event.source.country == theatre  # Israel's raids abroad
        if theatre is not None and places[index] <= sides and not (attacker_home and event.target is None):
            struck = Actor(theatre, theatre, "", None, "theatre") if event.target is None else _at_home(event.target, theatre, actors)
            event = replace(event, source=_at_home(event.source, theatre, actors), target=struck)
        target = event.target
        if target is not None and target.country and target.role in {None, *actors.local_roles}:
            event = replace(event, source=_at_home(event.source, target.country, actors, local=False))
        placed.append((index, event))
    return placed


def _local_targets(
    events: list[tuple[int, SentenceEvent]], towns: Mapping[int, tuple[str, ...]], coder: Coder
) -> list[tuple[int, SentenceEvent]]:
    """Rebels, the opposition or civilians struck with no country are the people of the one country whose
    towns their sentence names: "Idlib has seen bloodshed as Syrian and Russian jets have bombed rebel-held
    positions" (SYRREB, though Russia is named); "jets bombed rebel-held positions, residents of Idlib and
    Mosul said" leaves them REB."""
    types, local = coder.codebook.events.event_types, coder.codebook.actors.local_roles
    placed: list[tuple[int, SentenceEvent]] = []
    for index, event in events:
        target = event.target
        countries = set(towns.get(index, ()))
        if types[event.event_type].places_struck and target is not None and target.role in local and role_only(target) and len(countries) == 1:
            country = countries.pop()
            event = replace(event, target=Actor(country + target.role, country, target.text, target.role, target.ref))
        placed.append((index, event))
    return placed


def _at_home(actor: Actor | None, country: str, actors: ActorTables, local: bool = True) -> Actor | None:
    """A role-only side as that role of the country, when its words name the state at home or (with `local`)
    its role is a local one; soldiers, jets or "the coalition" may be foreign, so they stay as they are."""
    if actor is None or actor.role is None or not role_only(actor):
        return actor
    of_here = local and actor.role in actors.local_roles
    if of_here or not actors.home_words.isdisjoint(re.findall(r"[a-z]+", actor.text.lower())):
        return Actor(country + actor.role, country, actor.text, actor.role, "theatre")
    return actor


def _ambiguous(event: SentenceEvent, sense: OtherSense | None) -> bool:
    return sense is not None and event.trigger.lower() in sense.triggers


def _other_sense(event: SentenceEvent, sense: OtherSense | None, words: frozenset[str]) -> bool:
    """Whether the trigger is its other sense here: the article has words of that sense and none of the type's
    (`words` is the article's words, read only when some trigger is ambiguous)."""
    if sense is None or not _ambiguous(event, sense):
        return False
    return not words.isdisjoint(sense.other) and words.isdisjoint(sense.own)


def _political(event: SentenceEvent, spec: EventType) -> bool:
    """Whether a row has the actors its type needs, or a political setting standing in for them; not a
    setting of a company's or union's meeting ("shareholders approved it at the annual meeting in Providence"),
    and not a private body's routine event without a state or international body ("at its annual meeting"), nor
    a meeting of a body's own organ without an international body ("the board meeting")."""
    if event.private and not any(state_or_body(actor) for actor in (event.source, event.target)):
        return False
    if event.organ and not any(international_body(actor) for actor in (event.source, event.target)):
        return False  # the Security Council's meeting, not a company's board meeting nor a state's security council
    if _actors(event, spec) >= spec.min_actors:
        return True
    return event.in_setting and not any(actor is not None and actor.role in spec.uncounted_roles for actor in (event.source, event.target))


def _actors(event: SentenceEvent, spec: EventType) -> int:
    """How many of the row's actors count for `min_actors`: a coded actor (a role alone counts: "rebels")
    or a named one the dictionary does not know yet. A pronoun the article does not resolve ("we will see
    him and meet him") is nobody in particular, and an uncounted role (a company, a union: "the UAW and
    American Motors resumed talks") is no political actor, whatever its country; facing one, an unknown name
    is most likely another company ("Varian Inc is holding talks with Philips Electronics")."""
    sides = (event.source, event.target)
    business = any(actor is not None and actor.role in spec.uncounted_roles for actor in sides)
    return sum(
        actor is not None
        and (actor.code is not None or actor.ref == "dyad" or actor.ref == "name" and not business)
        and actor.role not in spec.uncounted_roles
        for actor in sides
    )


def _rank(date: EventDate) -> int:
    return DATE_RANK.get((date.source, date.precision or ""), 9)


def _mention(article: Article, sentence: str, index: int, event: SentenceEvent) -> Mention:
    return Mention(
        article_id=article.id,
        sentence_index=index,
        sentence=sentence,
        trigger=event.trigger,
        trigger_start=event.trigger_start,
        event_type=event.event_type,
        cameo_code=event.cameo_code,
        rule_id=event.rule_id,
        modality=event.modality,
        is_reference=event.is_reference,
        source=event.source,
        target=event.target,
        date=event.date,
        part=event.part,
    )
