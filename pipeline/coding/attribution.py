"""Who did it to whom: source and target of an event from the dependency parse around its trigger.

Verb triggers take their subject and object (passives swapped: "was struck by X"), noun triggers their
possessor and modifiers ("Russia's strike", "US drone strike"), "between X and Y", prepositional targets
("strikes on X", "talks with X") and the subject of the light verb that reports them ("X held talks",
"X passed a resolution"). Clauses hanging on the trigger supply targets ("the strike that killed X",
"a resolution urging X to withdraw").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from pipeline.codebook.schema import EventType, Rule
from pipeline.coding.actors import (
    BACKING,
    EPISODES,
    MULTINATIONAL,
    ActorLexicon,
    ActorMarks,
    code_phrase,
    names_a_backer,
    without_backers,
)
from pipeline.coding.syntax import (
    SESSIONS,
    SEQUENCE_PREPS,
    conjuncts,
    direct_objects,
    event_anchor,
    is_definite,
    is_verbal,
    np_tokens,
    passive_agents,
    passive_subjects,
    prep_objects,
    subjects,
)
from pipeline.records import Actor

OWN_MODIFIERS = frozenset({"poss", "compound", "amod", "nmod"})
ARMS = frozenset({"MIL", "GOV", "REB", "COP", "SPY"})  # roles whose own modifier says whose arm acted
OBJECT_PREPS = ("on", "against")
TOPIC_VERBS = frozenset({"discuss", "debate", "review", "examine", "consider", "address", "raise", "study", "focus",
                         "concentrate", "cover", "tackle"})
SUFFERED = frozenset({"target", "victim", "object", "focus"})  # "X was the target of airstrikes"
BORDERS = frozenset({"border", "frontier", "boundary", "borderland"})
SUFFERING = frozenset({"suffer", "sustain", "endure", "withstand", "repel", "repulse", "survive", "experience", "undergo"})  # "the UK has suffered attacks"
CLAIMING = frozenset({"claim", "take", "accept", "admit"})  # "X claimed responsibility for the attack"
# passives whose subject takes part in what they are "in": "Kurdish forces are engaged in fierce fighting with Isis"
TAKING_PART = frozenset({"engage", "involve", "embroil", "lock", "mire", "bog"})
JOURNEYS = frozenset({"arrival", "visit", "trip", "journey", "return", "departure", "stay"})
HELP = frozenset({"support", "defence", "defense", "aid", "protection", "solidarity"})  # "in support of X"
TRIPS = frozenset({"visit", "trip", "tour"})  # "during a visit, X was received by Y": X travelled
ANNOUNCING = frozenset({"announce", "say", "confirm", "state", "declare", "report", "tell"})


def _is_passive(verb: Token) -> bool:
    """Passive voice, including a reduced relative ("two tankers attacked in the Gulf")."""
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or verb.dep_ == "acl" and verb.tag_ == "VBN"


def _reporting_verb(trigger: Token, light_verbs: Sequence[str]) -> Token | None:
    """The verb that reports a noun event: 'held' in 'X held talks', 'arrived' in 'arrived on a visit'."""
    head = trigger.head
    if head == trigger:
        return None
    light = head.lemma_.lower() in light_verbs or head.dep_ == "conj" and head.head.lemma_.lower() in light_verbs
    if trigger.dep_ in {"dobj", "nsubjpass", "attr", "oprd"} and is_verbal(head) and light:
        return head  # "X held talks", "X conducted or inspired attacks"
    if trigger.dep_ == "pobj" and is_verbal(head.head):
        if head.dep_ == "prep" or head.dep_ == "agent" and not _is_passive(head.head):  # "spoke by phone"
            return head.head
    if trigger.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in {"at", "during"}:
        return _clause_verb(head.head)  # "ministers gave their support for the scheme at a meeting"
    return None


def _undergoing(anchor: Token) -> Token | None:
    """The verb whose subject suffered the event: 'came under shelling', 'was subject to bombardment', 'has
    been the target of airstrikes', 'repelled an attack' (the subject is the target, not the attacker)."""
    if anchor.dep_ == "dobj" and anchor.head.lemma_.lower() in SUFFERING and not is_definite(anchor):
        return anchor.head  # not "ineffective in repelling the attack": the attack reported before says whose it was
    prep = anchor.head
    if anchor.dep_ != "pobj" or prep.dep_ != "prep":
        return None
    owner = prep.head
    if prep.lower_ == "under" and is_verbal(owner):
        return owner
    if prep.lower_ in {"from", "in"} and owner.lemma_.lower() in SUFFERING and is_verbal(owner):
        return owner  # "he suffered injuries from the bombing", "the Kurds suffered losses in the attack"
    suffered = prep.lower_ == "to" and owner.lemma_.lower() == "subject" or prep.lower_ == "of" and owner.lemma_.lower() in SUFFERED
    if suffered and owner.dep_ in {"acomp", "attr", "oprd"} and is_verbal(owner.head):
        return owner.head
    return None


def _claimants(anchor: Token) -> list[Token]:
    """Who claimed or was blamed for the event, the attacker: "Isis claimed responsibility for the attack",
    "Washington blamed Iran for the attack", "Iran was (held) responsible for the attack"."""
    prep = anchor.head
    if anchor.dep_ != "pobj" or prep.lower_ != "for":
        return []
    owner = prep.head
    lemma = owner.lemma_.lower()
    if lemma == "responsibility" and owner.dep_ == "dobj" and owner.head.lemma_.lower() in CLAIMING:
        return subjects(owner.head)
    if lemma == "blame" and is_verbal(owner):
        return [_antecedent(t) for t in direct_objects(owner)]
    if lemma == "responsible" and owner.dep_ == "oprd":  # "held Iran responsible for"
        return [_antecedent(t) for t in direct_objects(owner.head)]
    if lemma == "responsible" and owner.dep_ == "acomp":
        return subjects(owner.head)
    return []


def _announcers(trigger: Token, setting: _Setting) -> list[Token]:
    """Who announced an agentless passive event, for types whose announcer is its agent, when the dictionary
    knows them ("Moscow announced that Kurdish representatives would be invited": Moscow invites; not a
    company inviting creditors' representatives)."""
    if not setting.spec.speaker_acts or trigger.dep_ != "ccomp" or trigger.head.lemma_.lower() not in ANNOUNCING:
        return []
    return [t for t in subjects(trigger.head) if _has_name(t, setting.marks)]


def _antecedent(token: Token) -> Token:
    """A relative pronoun's noun ("Iran, which the Americans blame for the attacks": Iran)."""
    return token.head.head if token.tag_ in {"WDT", "WP"} and token.head.dep_ == "relcl" else token


def _clause_verb(token: Token) -> Token | None:
    """The verb of the clause a noun phrase sits in, through objects and prepositions (a few steps up)."""
    for _ in range(5):
        if is_verbal(token):
            return token
        if token.dep_ not in {"dobj", "pobj", "prep", "attr"} or token.head == token:
            return None
        token = token.head
    return None


@dataclass
class _Candidates:
    """Phrases around a trigger that may name its actors, before any is coded."""

    sources: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    content: list[Token] = field(default_factory=list)  # targets read from a clause on the trigger: used only when nothing better
    attendees: list[Token] = field(default_factory=list)  # people at a meeting: its parties before its owner
    own: list[list[Actor]] = field(default_factory=list)  # actors of the noun trigger's own modifiers, by phrase


@dataclass(frozen=True)
class _Setting:
    """What attribution needs beside the trigger: its rule and type, the light verbs, and the sentence's actor marks."""

    rule: Rule
    spec: EventType
    light_verbs: Sequence[str]
    marks: ActorMarks
    lexicon: ActorLexicon
    target_preps: list[str]
    instruments: frozenset[str]

    def not_instrument(self, tokens: Iterable[Token]) -> list[Token]:
        """Without the weapons and means, which are never the target ("fired missiles at X")."""
        return [t for t in tokens if t.lemma_.lower() not in self.instruments or _has_name(t, self.marks)]


def attribute(
    trigger: Token, rule: Rule, spec: EventType, light_verbs: Sequence[str], marks: ActorMarks, lexicon: ActorLexicon
) -> list[tuple[Actor | None, Actor | None]]:
    """Source and target actors for the event at `trigger` (either may be None): one pair, or one per attacker
    when coordinated attackers of different countries act on one side ("Syrian and Russian jets bombed
    Ghouta" is two events, as CAMEO codes compound actors)."""
    target_preps = list(rule.target_preps if rule.target_preps is not None else spec.target_preps)
    setting = _Setting(rule, spec, light_verbs, marks, lexicon, target_preps, frozenset(spec.instruments))
    # a trigger the tagger took for a verb but written with a determiner, or in a noun's place, is a noun
    # ("since the last US airstrikes", "driven out by US-led coalition airstrikes")
    misread = trigger.tag_ != "VBG" and trigger.dep_ in NOUN_PLACES
    nominal = not is_verbal(trigger) or misread or any(c.dep_ == "det" for c in trigger.children)
    found = _noun_candidates(trigger, setting) if nominal else _verb_candidates(trigger, setting)
    return _actor_pairs(trigger, found, setting)


def _verb_candidates(trigger: Token, setting: _Setting) -> _Candidates:
    """A verb's subject and object, swapped in the passive ("was struck by X")."""
    found = _Candidates()
    target_preps = setting.target_preps
    if _is_passive(trigger) or any(c.dep_ == "agent" for c in trigger.children):
        patients = _patients(trigger)
        weapons = [t for t in patients if t.lemma_.lower() in setting.instruments]  # "Israeli missiles were fired at X"
        found.sources += passive_agents(trigger) + weapons or _announcers(trigger, setting)
        found.targets += [t for t in patients if t not in weapons]
    else:
        if trigger.dep_ == "amod":  # "Li Peng held talks with visiting Chancellor Kohl": Kohl visits Li Peng
            found.sources.append(trigger.head)
            verb = _clause_verb(trigger.head)
            found.targets += [t for t in subjects(verb) if t != trigger.head] if verb is not None else []
        else:
            found.sources += subjects(trigger)
        if setting.spec.reciprocal:  # "Putin, along with his Turkish counterpart, is due to meet": both meet
            found.sources += [t for s in subjects(trigger) for t in _companions(s)]
        if trigger.tag_ == "VBG":  # the noun tagged as a gerund: "shelling by forces loyal to Assad"
            found.sources += prep_objects(trigger, ["by"])
        if setting.rule.direct_object == "target":
            objects = [o for o in direct_objects(trigger) if not _relative_pronoun(o)]  # not the "that" of a relative
            objects = objects or _shared_objects(trigger) or _relative_object(trigger)
            found.targets += setting.not_instrument(objects)
        if setting.rule.direct_object == "topic":  # "discussed developments with Erdoğan": the parser hangs the
            found.targets += [t for o in direct_objects(trigger) for t in prep_objects(o, ["with"])]  # partner on the topic
    found.targets += prep_objects(trigger, target_preps)
    between = prep_objects(trigger, ["between", "among"])  # a gerund: "fighting between X and Y continued"
    if between and setting.rule.mutual:
        found.sources, found.targets = between[:1], between[1:] + found.targets
    for clause in (c for c in trigger.children if c.dep_ == "xcomp" and is_verbal(c)):
        objects = setting.not_instrument(direct_objects(clause))
        found.content += objects + prep_objects(clause, [*target_preps, *OBJECT_PREPS])
        found.content += [t for o in objects for t in prep_objects(o, OBJECT_PREPS)]
    return found


def _noun_candidates(trigger: Token, setting: _Setting) -> _Candidates:
    """A noun's possessor and modifiers ("Russia's strike"), "between X and Y", its prepositions, and the
    clause that reports it ("X held talks", "X condemned the attack")."""
    rule, spec, marks = setting.rule, setting.spec, setting.marks
    target_preps = setting.target_preps
    found = _Candidates()
    destinations = _destinations(trigger, marks) if rule.destination_modifiers else []
    found.own = _modifier_actors(trigger, marks, setting.lexicon, setting.instruments, destinations)
    found.targets += destinations
    if not spec.reciprocal:
        found.targets += _venues(trigger, marks)  # "the Aleppo airstrike": the place struck
    clauses = [c for c in trigger.children if c.dep_ in {"relcl", "acl"} and is_verbal(c)]
    anchor = event_anchor(trigger)
    # "fighting erupted between X and Y", "talks are underway between X and Y"
    erupting = [anchor.head] if anchor.dep_ == "nsubj" and is_verbal(anchor.head) else []
    erupting += [c for head in erupting for c in head.children if c.dep_ in {"acomp", "advmod"}]
    between = [t for head in (trigger, *clauses, *erupting) for t in prep_objects(head, ["between", "among"])]
    if spec.reciprocal:  # "talks involving Iran and Iraq": the parties, as "between" names them
        between += [o for c in clauses if c.lemma_.lower() in INVOLVING and c.tag_ == "VBG" for o in direct_objects(c)]
        stranded = _stranded(trigger, STRANDED_PREPS | ({"to"} if rule.destination_modifiers else set()))
        objects = {p: [t for o in p.children if o.dep_ == "pobj" for t in conjuncts(o)] for p in stranded}  # its own only
        between += [t for p in stranded if p.lower_ in {"between", "among"} for t in objects[p]]
        found.targets += [  # not "visit to Washington, April 29 to May 5"
            t for p in stranded if p.lower_ in {"with", "to"} for t in objects[p] if t.ent_type_ != "DATE"
        ]
    # "a meeting of EU ministers" names who met (unless someone else convened it); "a visit by X", "an
    # invitation from X" or "at the invitation of X" name who acted
    members = prep_objects(trigger, ["of"]) if spec.reciprocal else []
    agent_preps = [p for p in spec.source_preps if not (spec.reciprocal and p in {"of", "from"})]
    agents = prep_objects(trigger, agent_preps)
    if anchor != trigger:  # "a series of airstrikes by Russian jets": the doer hung on the partitive
        agents += prep_objects(anchor, agent_preps)
    if spec.reciprocal and "from" in spec.source_preps:  # "a call from Putin", not "by telephone from Milwaukee"
        agents += _senders(prep_objects(trigger, ["from"]), marks)
    found.sources += agents + members + (_travellers(anchor) if spec.reciprocal else [])
    found.attendees = _attendees(anchor, marks) if spec.reciprocal else []
    claimants = [] if spec.reciprocal else _claimants(anchor)
    found.sources += claimants
    undergoing = None if spec.reciprocal else _undergoing(anchor)
    if undergoing is not None:  # "Douma came under shelling", "Idlib was the target of airstrikes"
        found.targets += subjects(undergoing)
        found.sources += prep_objects(undergoing, ["by"])  # the parser hangs the attacker there: "suffered
        # injuries from the bombing by the YPG"
    struck = anchor.head.head if anchor.dep_ == "pobj" and anchor.head.dep_ == "agent" else None
    if not spec.reciprocal and struck is not None and is_verbal(struck):  # "civilians were uprooted by airstrikes"
        found.targets += [c for c in struck.children if c.dep_ == "nsubjpass"]
    verb = None if undergoing is not None or claimants else _reporting_verb(anchor, setting.light_verbs)
    sequenced = verb is not None and anchor.dep_ == "pobj" and anchor.head.lower_ in SEQUENCE_PREPS
    if sequenced and not spec.reciprocal and (not rule.mutual or verb.lemma_.lower() in REACTIONS):
        verb = None  # "Israel closed the crossing after a rocket attack", "the minister said after the clashes":
        # who acted then, not who attacked (but "X retook the town after fierce fighting" fought)
    if verb is not None and anchor.dep_ == "nsubj":
        found.targets += setting.not_instrument(direct_objects(verb))
    elif verb is not None:
        passive = anchor.dep_ == "nsubjpass" or anchor.dep_ == "pobj" and _is_passive(verb)
        reporter = (passive_agents(verb) if passive else []) or subjects(verb)  # "agreed by X at a summit"
        if passive and verb.lemma_.lower() in TAKING_PART and anchor.dep_ == "pobj" and anchor.head.lower_ == "in":
            reporter = [t for c in verb.children if c.dep_ == "nsubjpass" for t in conjuncts(c)]
        # "during a visit to the U.S., Kondo was asked by Volcker", "on a visit, X was received by Y": X travelled
        # (not "the announcement was made by Madelin during a visit": an announcement travels nowhere)
        travellers = [t for c in verb.children if c.dep_ == "nsubjpass" for t in conjuncts(c) if _is_party(t, marks)]
        visitor = passive and anchor.dep_ == "pobj" and anchor.head.lower_ in {"during", "on"} and trigger.lemma_.lower() in TRIPS
        visitor = visitor and bool(travellers)
        if visitor:
            reporter = travellers
            found.targets += passive_agents(verb)
        if passive and verb.dep_ == "relcl" and not spec.reciprocal:
            reporter = passive_agents(verb)  # "a member of Isis who was killed in a strike" suffered it
        if passive and not spec.reciprocal and verb.lemma_.lower() in HARM_VERBS:
            found.targets += _sufferers(verb)  # "14 civilians were killed in airstrikes"
        # "523 civilians have died in two months of fighting": they suffered it (but soldiers and guerrillas who
        # died in a battle fought it)
        dying = not spec.reciprocal and anchor.dep_ == "pobj" and verb.lemma_.lower() in DYING
        if dying and rule.mutual:
            dying = not any(marks.roles.get(t.i) in ARMED_ROLES for t in reporter)
        if dying:
            found.targets += reporter
        elif not visitor and (verb.lemma_ in spec.recipient_verbs or (agents and not found.own)):
            found.targets += reporter  # "received an invitation (from X)": the subject is invited
            if verb.lemma_ in spec.recipient_verbs and not agents:  # "received a call that day from X"
                found.sources += _senders(prep_objects(verb, [p for p in spec.source_preps if p != "of"]), marks)
        elif reporter and members and not agents and anchor.dep_ != "pobj":
            found.sources = [*reporter, *(t for t in found.sources if t not in members)]  # "France convened a meeting of
            found.targets += members  # the UN Security Council": the convener, then the body it met
        else:
            found.sources += reporter
        found.targets += prep_objects(verb, target_preps)
        if anchor.dep_ == "pobj":  # "killed X in an attack", "on a visit to Syria, embraced Assad"
            # "told reporters at a meeting", "will discuss Iran at the meeting": the addressee or the topic
            addressed = spec.reciprocal and verb.lemma_.lower() in SPEECH_VERBS | TOPIC_VERBS
            found.targets += [] if addressed else setting.not_instrument(direct_objects(verb))
    topical = spec.reciprocal and anchor.head.lemma_.lower() in TOPIC_VERBS  # "the meeting will examine the Middle East"
    if anchor.dep_ == "nsubj" and is_verbal(anchor.head) and not topical:  # "the strike hit X", "clashes continued with X"
        # what talks do to something is no party to them ("the end of talks leaves the Geneva process shorn")
        hit = [] if spec.reciprocal else setting.not_instrument(direct_objects(anchor.head))
        found.targets += hit + prep_objects(anchor.head, target_preps)
    # the sides of a fight, or of a meeting in a phrase, not who reported it ("the market is watching for a meeting
    # between Baker and Miyazawa"; but "Hassan would host a meeting between X and Y" is Morocco's)
    reported_in = spec.reciprocal and anchor.dep_ == "pobj"
    if between and (rule.mutual or reported_in or not (found.own or found.sources)):
        found.sources, found.targets = between[:1], between[1:] + found.targets
    else:
        found.targets = between + found.targets
    found.targets += prep_objects(trigger, target_preps)
    for clause in clauses:
        if clause.dep_ == "acl" and clause.tag_ == "VBN":  # "the attack carried out by X", not "backed by X"
            found.sources += [] if clause.lower_ in BACKING and not spec.reciprocal else passive_agents(clause)
            found.targets += prep_objects(clause, target_preps)  # "the strikes delivered on Assad's war machine"
        else:
            objects = setting.not_instrument(direct_objects(clause))
            found.content += objects + prep_objects(clause, [*target_preps, *OBJECT_PREPS])
            found.content += [t for o in objects for t in prep_objects(o, OBJECT_PREPS)]
    return found


def _attendees(anchor: Token, marks: ActorMarks) -> list[Token]:
    """Who a meeting phrase says was there: "a U.S. delegate at the bank's annual meeting", "the Spanish
    delegation to the talks". They are its parties before the body whose meeting it is."""
    prep = anchor.head
    if anchor.dep_ != "pobj" or prep.lower_ not in {"at", "to"} or prep.head.pos_ not in {"NOUN", "PROPN"}:
        return []
    return [prep.head] if prep.head.i in marks.roles else []


def _travellers(anchor: Token) -> list[Token]:
    """Who came for talks named by a journey noun: "the arrival of Baldrige for talks with Rha", "Baker's trip
    for talks"."""
    journey = anchor.head.head
    if anchor.dep_ != "pobj" or anchor.head.lower_ != "for" or journey.lemma_.lower() not in JOURNEYS:
        return []
    return [c for c in journey.children if c.dep_ == "poss"] + prep_objects(journey, ["of", "by"])


def _senders(tokens: list[Token], marks: ActorMarks) -> list[Token]:
    """Who a call or visit comes from, not where: "a call from Putin", not "by telephone from Milwaukee"."""
    return [t for t in tokens if _as_place(t, marks) is None]


def _stranded(trigger: Token, preps: frozenset[str]) -> list[Token]:
    """Partners the parser hung elsewhere, right after a meeting in a prepositional phrase: "speaking ahead of
    a meeting later today between X and Y", "said on return from talks in New York with X", "the offer would
    be made at a meeting later this month between X and Y" (hung on "offer"); for a visit, where it goes ("in
    the run-up to Shultz' visit later this month to Moscow")."""
    if trigger.dep_ != "pobj":
        return []
    after = trigger.right_edge.i
    return [
        p
        for p in trigger.doc[after + 1 :]
        if p.dep_ == "prep" and p.lower_ in preps and p.head.i < trigger.i
        and all(t.is_punct or t.ent_type_ in {"DATE", "TIME"} for t in trigger.doc[after + 1 : p.i])
    ]


def _actor_pairs(trigger: Token, found: _Candidates, setting: _Setting) -> list[tuple[Actor | None, Actor | None]]:
    """Code the candidates and choose the source and target among them, a pair more for each partner of a
    compound attacker of another country."""
    rule, spec, marks, lexicon = setting.rule, setting.spec, setting.marks, setting.lexicon
    groups = [*found.own, *(_code_all(group, marks, lexicon, trigger) for group in _coordinations(found.sources))]
    groups = [[a for a in _code_all(found.attendees, marks, lexicon, trigger) if a.key], *groups]
    source_actors = [actor for group in groups for actor in group]
    if spec.reciprocal and not source_actors:
        source_actors += _auspices(trigger, marks, lexicon)  # "talks will resume under UN auspices"
    if spec.reciprocal and not is_verbal(trigger) and not any(a.country for a in source_actors):
        # "the ministers continued talks ..., Wilson said": their subject, whom the article resolves, not the speaker
        subjects_coded = _code_all([t for t in found.sources if t.dep_ == "nsubj"], marks, lexicon, trigger)
        if not any(a.ref == "dyad" for a in subjects_coded):
            source_actors += _party_above(trigger, marks, lexicon)
    source = _best(source_actors)
    target = _target(trigger, found, source, source_actors, setting)
    target = _relayed(trigger, source, target, setting) or target
    towns = rule.mutual or not spec.places_struck  # a town names the attacker's country only when both sides fight there
    sides = {a.country for a in source_actors if a.country}  # "Syrian and Russian jets bombed rebel positions": neither is the rebels'
    # "finance ministers met in Paris": parties meeting among themselves are not the venue's
    alone = spec.reciprocal and target is None
    placed_source = source if alone else _in_sole_country(source, {target.country if target else None}, trigger, marks, towns)
    placed_target = _in_sole_country(target, sides | {source.country if source else None}, trigger, marks)
    if not (spec.reciprocal or rule.mutual):
        placed_source = _reporters_forces(placed_source, placed_target, trigger, marks, lexicon)
    pairs = [(_counterpart(placed_source, placed_target), _counterpart(placed_target, placed_source))]
    if not (spec.reciprocal or rule.mutual) and source is not None:
        taken = {source.country, target.country if target else None}
        side = next(group for group in groups if any(actor is source for actor in group))
        for partner in side:
            if partner.country and partner.country not in taken and not partner.ref:
                taken.add(partner.country)
                pairs.append((partner, _in_sole_country(target, sides, trigger, marks)))
    return pairs


def _target(
    trigger: Token, found: _Candidates, source: Actor | None, source_actors: list[Actor], setting: _Setting
) -> Actor | None:
    """The target: a named party first, then the place struck, then the other of two parties, then whatever a
    clause on the trigger names."""
    rule, spec, marks, lexicon = setting.rule, setting.spec, setting.marks, setting.lexicon
    places = _places(found.targets, setting.target_preps, marks, spec.places_struck)
    away = _places_gone_to(trigger, [*found.targets, *found.content], spec, marks)
    helped = {t for t in found.targets if t.lemma_.lower() in HELP}  # "strikes in support of the ground forces"
    parties = _code_all([t for t in found.targets if t not in places | away | helped], marks, lexicon, trigger)
    # a strike between two forces of one country is theirs ("Baghdad troops attacked his Peshmerga"), a meeting
    # with oneself is not
    pronouns = lexicon.person_pronouns | lexicon.speaker_pronouns
    target = _best([a for a in parties if not _same(a, source) or _two_forces(a, source, spec, pronouns)])
    place = next((a for a in (_as_place(t, marks) for t in places) if a is not None and not _same(a, source)), None)
    region = target is not None and target.code is not None and target.country is None and target.role is None
    if place is not None and (target is None or region or role_only(target)):
        # "strikes in Idlib": the place's country; "rebel positions in Ghouta": its rebels; "the attack in New
        # Zealand ... in the west": the country struck, not the world region
        target = place if target is None or region else _located(target, place)
    if (target is None or target.ref is None and role_only(target)) and spec.places_struck and not rule.mutual:  # "the bombing of towns in Idlib"
        struck = _struck_place(trigger, marks)  # "civilians killed in the bombardment of Afrin": SYRCVL
        target = target if struck is None else struck if target is None else _located(target, struck)
    if target is None and (spec.reciprocal or rule.mutual):  # "X and Y met": the other party before anything a clause mentions
        target = _best([a for a in source_actors if not _same(a, source)])
    if target is None:  # a town in the clause is a place, not its government ("hit a centre in Kabul")
        content = [t for t in found.content if t not in away]
        located = _places(content, setting.target_preps, marks, False)
        coded = _code_all([t for t in content if t not in located], marks, lexicon, trigger)
        coded += [a for a in (_as_place(t, marks) for t in located) if a is not None]
        target = _best([a for a in coded if not _same(a, source)])
    if target is None and spec.reciprocal:
        target = _host(trigger, source, marks)
    return target


INVOLVING = frozenset({"involve", "include", "bring"})  # "talks involving X and Y", "a summit bringing together X and Y"
VISITING = frozenset({"arrive", "travel", "fly", "go", "come", "head"})


def _relayed(trigger: Token, source: Actor | None, target: Actor | None, setting: _Setting) -> Actor | None:
    """The state a legislature's appeal to its own government is about: "the Senate voted to urge Reagan to
    impose penalties on Japanese products" and "called on Reagan in a resolution to retaliate against Japan"
    target Japan; the first other country or international body named in what the government is asked to do."""
    verbs, marks = setting.spec.relay_verbs, setting.marks
    own = target is not None and target.role == "GOV" and source is not None and source.role == "LEG"
    if not verbs or not own or source.country not in {None, target.country}:
        return None
    appeals = [t for t in (*trigger.subtree, *trigger.ancestors) if t.pos_ == "VERB" and t.lemma_.lower() in verbs]
    for verb in appeals:
        addressees = direct_objects(verb) + prep_objects(verb, ["on"])
        # what is asked, wherever the parser hung it after the appeal: "a resolution to retaliate", "resolutions
        # urging the administration oppose Canada's ruling" (a clause of "approved")
        heads = sorted({verb, *addressees, trigger, trigger.head}, key=lambda t: t.i)
        asked = [c for head in heads for c in head.children if c.dep_ in {"xcomp", "ccomp", "acl", "relcl"} and c.i > verb.i]
        for token in (t for clause in asked for t in clause.subtree if t.i in marks.names):
            entry, span = marks.names[token.i]
            if entry.country != target.country and (entry.country or entry.role == "IGO"):
                return Actor(entry.code, entry.country, span.text, entry.role)
    return None


def _host(trigger: Token, source: Actor | None, marks: ActorMarks) -> Actor | None:
    """The government a visitor came to for talks naming no partner: "Baker arrived in Tokyo for talks" is
    received by Japan's (not a minister's talks at home, nor talks in a city that hosts others' talks, Geneva)."""
    anchor = event_anchor(trigger)
    verb = anchor.head.head
    if anchor.dep_ != "pobj" or anchor.head.lower_ != "for" or verb.lemma_.lower() not in VISITING:
        return None
    gone_to = prep_objects(verb, ["in", "to"])
    capitals = [t for t in gone_to if t.i in marks.names and marks.names[t.i][0].kind in {"country", "capital"}]
    places = [a for a in (_as_place(t, marks) for t in capitals) if a is not None]  # not Geneva, where the UN meets
    if not places or source is not None and source.country == places[0].country:
        return None
    return Actor(places[0].country + "GOV", places[0].country, places[0].text, "GOV")


def _counterpart(actor: Actor | None, other: Actor | None) -> Actor | None:
    """A counterpart holds the other side's office: a defence minister's US counterpart is USAMIL."""
    if actor is None or other is None or actor.country is None or other.role is None or other.role == actor.role:
        return actor
    words, others = (set(re.findall(r"[a-z]+", a.text.lower())) for a in (actor, other))
    if COUNTERPARTS.isdisjoint(words) or not COUNTERPARTS.isdisjoint(others):
        return actor
    return Actor(actor.country + other.role, actor.country, actor.text, other.role, actor.ref)


def _located(actor: Actor, place: Actor) -> Actor:
    """A side named by its role alone, placed in the country of where it was."""
    return Actor(place.country + (actor.role or ""), place.country, actor.text, actor.role)


def _places_gone_to(trigger: Token, tokens: list[Token], spec: EventType, marks: ActorMarks) -> set[Token]:
    """Places the target goes to ("invited Assad to Sochi", "were invited to Moscow"). After a noun only a
    town is surely one: "an invitation to Iran" may invite Iran."""
    verbal = is_verbal(trigger)
    return {
        t
        for t in tokens
        if t.dep_ == "pobj"
        and t.head.lower_ in spec.destination_preps
        and _as_place(t, marks) is not None
        and (verbal or marks.names[t.i][0].kind in {"city", "capital"})
    }


def _coordinations(heads: list[Token]) -> list[list[Token]]:
    """Heads grouped by coordination, in order: "Russian jets and Iranian-backed forces" are one group."""
    groups: list[list[Token]] = []
    for head in heads:
        group = next((g for g in groups if head in g or any(head in t.conjuncts and not _disjunctive(t) for t in g)), None)
        if group is None:
            groups.append([head])
        elif head not in group:
            group.append(head)
    return groups


def _auspices(trigger: Token, marks: ActorMarks, lexicon: ActorLexicon) -> list[Actor]:
    """Who holds a meeting under their auspices ("under UN auspices", "under the auspices of the AU"), or an
    organisation it is held under ("negotiations being held under GATT"), on the trigger, on the verb it is
    the subject or object of, or on a clause reducing a relative on it."""
    holders = [trigger, trigger.head] if trigger.dep_ in {"nsubj", "nsubjpass", "dobj"} else [trigger]
    holders += [c for c in trigger.children if c.dep_ == "acl"]
    unders = [
        o
        for holder in holders
        for prep in holder.children
        if prep.dep_ == "prep" and prep.lower_ == "under"
        for o in prep.children
        if o.dep_ == "pobj"
    ]
    found = [
        t
        for auspices in unders
        if auspices.lemma_.lower() in AUSPICES
        for t in [*(c for c in auspices.children if c.dep_ in {"compound", "poss", "amod"}), *prep_objects(auspices, ["of"])]
    ]
    named = _code_all([o for o in unders if o.lemma_.lower() not in AUSPICES], marks, lexicon, trigger)
    bodies = [a for a in named if international_body(a)]
    return [a for a in _code_all(found, marks, lexicon, trigger) if a.code] + bodies


def _disjunctive(token: Token) -> bool:
    """A coordination by "or"/"nor" ("the US, France or Britain"): alternatives, not actors acting together."""
    return any(c.dep_ == "cc" and c.lower_ in {"or", "nor"} for t in (token, *token.conjuncts) for c in t.children)


def _party_above(trigger: Token, marks: ActorMarks, lexicon: ActorLexicon) -> list[Actor]:
    """A party to talks that name no one of their own side: the subject (or passive subject) of the clause
    they sit in ("Colombia tried to ensure the success of the London talks"), else of the verb reporting that
    clause ("Mulroney said progress was made in trade talks with the US"). Only a subject naming a country or
    body counts."""
    verb = _clause_of(trigger)
    for _ in range(3):
        if not is_verbal(verb):
            return []
        heads = subjects(verb) or [t for t in passive_subjects(verb) if _acts(t, verb, marks)]
        named = [t for t in heads if _has_name(t, marks)]  # not "analysts in London"
        found = [a for a in _code_all(named, marks, lexicon, trigger) if state_or_body(a)]
        if found or verb.dep_ not in REPORTED_CLAUSES:
            return found
        verb = verb.head
    return []


def _acts(subject: Token, verb: Token, marks: ActorMarks) -> bool:
    """Whether a passive subject is someone acting in the clause: one expected, scheduled or forced to do
    something ("Sudan is scheduled to hold talks with the Fund"), or whose own decision was made ("Trump's
    decision was prompted by a call with Erdoğan"), not a thing handled ("the accord will be reviewed")."""
    controlled = any(c.dep_ == "xcomp" for c in verb.children)
    owned = any(c.dep_ == "poss" and c.i in marks.names for c in subject.children)
    alone = subject.lemma_.lower() in SESSIONS  # "the Economic Policy Council is expected to discuss at a meeting"
    return (controlled or owned) and not alone


def _clause_of(token: Token) -> Token:
    """The head of the clause a token is in: up through phrases, stopping at a clause of its own."""
    while token.dep_ not in CLAUSE_DEPS and token.head != token:
        token = token.head
    return token


def state_or_body(actor: Actor | None) -> bool:
    """A side coded as a country or an international body."""
    return actor is not None and bool(actor.country) or international_body(actor)


def international_body(actor: Actor | None) -> bool:
    """A side coded as an international body (an IGO code)."""
    return actor is not None and actor.code is not None and actor.code.startswith("IGO")


def role_only(actor: Actor) -> bool:
    """A role with no country ("the rebels"), or words coded as nothing; not the bare IGO code, which is an
    organisation CAMEO has no code for (the OPCW), although its code and role read alike."""
    return actor.country is None and actor.code == actor.role and actor.role != "IGO"


def _in_sole_country(
    actor: Actor | None, others: set[str | None], trigger: Token, marks: ActorMarks, towns: bool = True
) -> Actor | None:
    """A role with no country ("agriculture officials", "the rebels") in a clause that names one country
    besides the other side's (`others`), not as a backer: that country's role ("in Brazil for talks with
    agriculture officials": BRAGOV; "Iranian-backed militias" stay REB). Countries in other clauses are about something
    else ("the Senate urged the president to tax Japanese steel"). Without `towns`, cities and capitals do
    not count: the town in a strike's clause is where it struck ("Raqqa was subject to coalition bombing"); nor
    does a country whose border is named ("a Karen guerrilla stronghold on the Thai border" is in Burma)."""
    if actor is None or actor.role is None or not role_only(actor):
        return actor
    if MULTINATIONAL & set(actor.text.lower().split()):
        return actor  # "officials of leading industrial nations meet in Washington": not American officials
    home = _clause_of(trigger)
    named = [
        entry
        for entry, span in marks.names.values()
        if entry.country and not names_a_backer(span.root) and _clause_of(span.root) == home
        and (towns or entry.kind not in {"city", "capital"})
        and not (span.root.dep_ in {"amod", "compound", "poss"} and span.root.head.lemma_.lower() in BORDERS)
    ]
    countries = {entry.country for entry in named} - others
    if len(countries) != 1:
        return actor
    country = countries.pop()
    return Actor(country + actor.role, country, actor.text, actor.role)


def _reporters_forces(
    source: Actor | None, target: Actor | None, trigger: Token, marks: ActorMarks, lexicon: ActorLexicon
) -> Actor | None:
    """Armed forces with no country in a state's own report of a strike on another country are its own: "Iraq
    said warplanes attacked two Iranian tankers" (IRQMIL). Not when the struck country is the reporter's (the
    enemy's planes), nor when no country is struck ("Kuwait said warplanes attacked a tanker"), nor in the
    report of a newspaper or a monitor."""
    if source is None or source.role != "MIL" or not role_only(source) or target is None or not target.country:
        return source
    clause = _clause_of(trigger)
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in ANNOUNCING:
        return source
    speakers = _code_all(subjects(clause.head), marks, lexicon, trigger)
    states = {a.country for a in speakers if a.country and not a.ref and a.role in STATE_VOICES}
    if len(states) != 1 or target.country in states:
        return source
    country = states.pop()
    return Actor(country + source.role, country, source.text, source.role)


def _patients(verb: Token) -> list[Token]:
    """What a passive verb was done to: its passive subject; the subject the parser gave a 'by' verb
    ("supertankers attacked ... by Iranian gunboats"); the noun a reduced relative hangs on."""
    found = passive_subjects(verb) or [t for c in verb.children if c.dep_ == "nsubj" for t in conjuncts(c)]
    if not found and verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        found = [verb.head]
    if not found and verb.dep_ == "conj" and is_verbal(verb.head):  # "was hit ..., also believed struck by"
        found = passive_subjects(verb.head)
    return found


def _shared_objects(verb: Token) -> list[Token]:
    """The object of a coordinated verb the trigger shares it with: "shelled and destroyed two platforms"."""
    return [t for other in verb.conjuncts if is_verbal(other) for t in direct_objects(other)]


def _relative_pronoun(token: Token) -> bool:
    """"that", "which", "who" opening a relative clause (the tagger may take "that" for a preposition)."""
    return token.tag_ in {"WDT", "WP"} or token.head.dep_ == "relcl" and token.lower_ in RELATIVE_WORDS


def _relative_object(verb: Token) -> list[Token]:
    """The noun a relative clause with its own subject hangs on: "the militias Turkey is battling"."""
    own_subject = any(c.dep_ == "nsubj" and not _relative_pronoun(c) for c in verb.children)
    adverbial = any(c.tag_ == "WRB" for c in verb.children)  # "Germany, where employers met": where, not whom
    relative = verb.dep_ == "relcl" and own_subject and not adverbial
    return [verb.head] if relative and verb.head.pos_ in {"NOUN", "PROPN"} else []


def _has_name(token: Token, marks: ActorMarks) -> bool:
    return any(t.i in marks.names for t in np_tokens(token))


def _is_party(token: Token, marks: ActorMarks) -> bool:
    """A phrase that names an actor or a role, or a person's name (not "the announcement")."""
    return _has_name(token, marks) or any(t.i in marks.roles for t in np_tokens(token)) or token.ent_type_ == "PERSON"


def _modifier_actors(
    trigger: Token, marks: ActorMarks, lexicon: ActorLexicon, instruments: frozenset[str], destinations: Sequence[Token] = ()
) -> list[list[Actor]]:
    """Actors named in a noun trigger's own modifiers: 'Russia's strike', 'Iraq-US talks' (one per country),
    grouped by modifier phrase ("Erdoğan's Syria incursion" has two phrases, "joint US and French strikes" one).

    Instruments are not actors: the 'drone' of 'a drone strike' says how, not who, though its role word
    says whose arm struck ('the US drone strike': USAMIL); places are not actors either: the 'Geneva' of
    'the Geneva talks' says where, and `destinations` where the event went.
    """
    groups: list[list[Actor]] = []
    places = {t.i for t in (*_venues(trigger, marks), *destinations)}
    used = [c for c in trigger.children if c.dep_ in OWN_MODIFIERS and c.lemma_ in instruments]
    role = next((marks.roles[c.i] for c in used if c.i in marks.roles), None)  # the drone of "US drone strike": MIL
    previous: Token | None = None
    modifiers = [c for c in trigger.children if c.dep_ in OWN_MODIFIERS]
    if role is None:  # "a Syrian air force onslaught", "a Turkish army offensive": the arm a nameless modifier names
        arms = (marks.roles[c.i] for c in modifiers if c.i in marks.roles and not any(t.i in marks.names for t in np_tokens(c)))
        role = next((r for r in arms if r in ARMS), None)
    capitals = [c for c in modifiers if any(t.i in marks.names and marks.names[t.i][0].kind == "capital" for t in np_tokens(c))]
    for child in trigger.children:
        if child.dep_ not in OWN_MODIFIERS or child.i in places or _only_cities(child, marks, len(capitals) == 1):
            continue
        listed = previous is not None and _listed(previous, child)  # "US, French and British airstrikes"
        previous = child
        if child.lemma_ in instruments:  # the parser may hang "US" on "drone"
            owners = [c for c in child.children if c.dep_ in OWN_MODIFIERS and c.lemma_ not in instruments]
            found = _code_all([t for owner in owners for t in conjuncts(owner)], marks, lexicon, trigger)
        else:
            found = _code_all(conjuncts(child), marks, lexicon, trigger)
        if role:
            found = [Actor(a.country + role, a.country, a.text, role, a.ref) if a.country and a.code == a.country else a for a in found]
        found = [a for a in found if a.code or a.ref]
        if listed and groups:
            groups[-1] += found
        else:
            groups.append(found)
    return [group for group in groups if group]


def _listed(before: Token, after: Token) -> bool:
    """Two modifiers written as one list, with only commas or a conjunction between them ("US, French and
    British"), which the parser may hang on the noun one by one."""
    between = [t.lower_ for t in before.doc[before.right_edge.i : after.left_edge.i] if t.i > before.i]
    return bool(between) and all(word in {",", "and"} for word in between)


PLACE_PREPS = frozenset({"in", "near", "inside", "outside", "across"})
STRANDED_PREPS = frozenset({"between", "among", "with"})
STRUCK_PREPS = PLACE_PREPS | {"of", "on", "against", "at", "into"}  # not by/from (the attacker) or between/with
REPORTED_CLAUSES = frozenset({"ccomp", "xcomp"})  # "X said (that) ...", "X tried to ..."
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "acl", "relcl", "csubj", "pcomp"})
RELATIVE_WORDS = frozenset({"that", "which", "who", "whom"})
AUSPICES = frozenset({"auspex", "auspices", "auspice", "aegis"})
COUNTERPARTS = frozenset({"counterpart", "counterparts"})
REACTIONS = frozenset({"say", "tell", "speak", "comment", "respond", "react", "vow", "pledge", "promise", "insist", "add",
                       "write", "warn", "condemn", "denounce", "mourn", "express", "demand", "call", "urge", "appeal"})
SPEECH_VERBS = frozenset({"tell", "say", "brief", "inform", "assure", "warn", "remind", "address"})
NOUN_PLACES = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "appos", "attr"})
DYING = frozenset({"die", "perish"})
ARMED_ROLES = frozenset({"MIL", "REB", "COP"})
STATE_VOICES = frozenset({None, "GOV", "MIL"})  # who speaks for a state: its name, government or military
HARM_VERBS = frozenset({"kill", "wound", "injure", "die", "destroy", "damage", "hurt", "displace"})
PLACE_NAME_KINDS = frozenset({"country", "capital", "city"})  # not fixed actors: "the Pentagon" is no place


def _places(targets: list[Token], target_preps: list[str], marks: ActorMarks, objects: bool) -> set[Token]:
    """Targets that are place names reached through a place preposition ('in Idlib', 'near Damascus'), or
    as the object when `objects` ('attacked Paris'): they say where the event struck, so a capital there is
    its country, not its government."""
    found = set()
    for token in targets:
        prep = token.head
        placed = token.dep_ == "pobj" and prep.lower_ in PLACE_PREPS and prep.lower_ in target_preps
        if (placed or objects and token.dep_ in {"dobj", "nsubjpass"}) and _as_place(token, marks):
            found.add(token)
    return found


def _struck_place(trigger: Token, marks: ActorMarks) -> Actor | None:
    """Where a strike with no target struck, as a country: a place in the trigger's own prepositional phrases
    ("the bombing of towns in Idlib"); one on the verb of its harm ("killed in airstrikes in Ghouta"); else a
    town (not a capital or country, which also name where news is reported from) on the verb of its clause."""
    candidates = [t for c in trigger.children if c.dep_ == "prep" and c.lower_ in STRUCK_PREPS for t in _objects_in(c)]
    verb = None if is_verbal(trigger) else _clause_verb(trigger)
    if verb is not None:
        harmed = verb.lemma_.lower() in HARM_VERBS
        own = {t.i for t in trigger.subtree}  # "killed in a raid by US commandos": the raid's words say who, not where
        located = [t for c in verb.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS for t in _objects_in(c)]
        towns = [t for t in located if t.i in marks.names and marks.names[t.i][0].kind == "city"]
        candidates += [t for t in (located if harmed else towns) if t.i not in own]
        if verb.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children):
            candidates.append(verb.head)  # "in eastern Ghouta, where 500 people were killed in airstrikes"
    found = next((a for a in (_as_place(t, marks) for t in candidates) if a is not None), None)
    return replace(found, ref="place") if found else None


def _companions(subject: Token) -> list[Token]:
    """Who a subject acts "along with" or "together with"."""
    links = [c for c in subject.children if c.dep_ in {"prep", "advmod"} and c.lower_ in {"along", "together"}]
    return [t for link in links for t in prep_objects(link, ["with"])]


def _sufferers(verb: Token) -> list[Token]:
    """Who a passive verb of harm befell: its subject, the noun a relative clause hangs on ("a member of
    Isis who was killed in a strike"), or the raised subject ("Sultana is thought to have been killed")."""
    found = passive_subjects(verb) or (passive_subjects(verb.head) if verb.dep_ == "xcomp" else [])
    return [verb.head if verb.dep_ == "relcl" and t.tag_ in {"WDT", "WP"} else t for t in found]


def _objects_in(prep: Token) -> list[Token]:
    """The nouns a preposition's phrase is about, down nested phrases ("of towns in Idlib"), with the words
    of their names, but not modifiers that name someone else ("an attack on US-backed forces")."""
    heads = {"pobj", "conj", "appos"}
    found = [t for t in prep.subtree if t.dep_ in heads or t.dep_ == "compound" and t.head.dep_ in {"pobj", "conj"}]
    return [t for t in found if not _excepted(t, prep)]


def _excepted(token: Token, top: Token) -> bool:
    """Whether a phrase leaves the token out: "in 29 countries other than Iraq and Syria", "except Jordan"."""
    for ancestor in token.ancestors:
        if ancestor == top:
            return False
        if ancestor.lower_ in {"except", "excluding", "besides"} or ancestor.lower_ == "than" and ancestor.head.lower_ in {"other", "rather"}:
            return True
    return False


def _as_place(token: Token, marks: ActorMarks) -> Actor | None:
    """A bare place name as a country actor with no role: 'Damascus' in 'near Damascus' is SYR."""
    entry = marks.names[token.i][0] if token.i in marks.names else None
    if entry is None or entry.kind not in PLACE_NAME_KINDS or entry.country is None:
        return None
    return Actor(entry.country, entry.country, token.text, None)


def _only_cities(modifier: Token, marks: ActorMarks, lone_capital: bool) -> bool:
    """A modifier whose only names are cities ('the Geneva arms control talks'), or the `lone_capital` of the
    trigger's modifiers, not as owner ('the Paris monetary conference'; not "Moscow's talks" nor
    "Baghdad-Washington talks"): a place, not a party."""
    kinds = [marks.names[t.i][0].kind for t in np_tokens(modifier) if t.i in marks.names]
    return set(kinds) == {"city"} or lone_capital and kinds == ["capital"] and modifier.dep_ != "poss"


def _venues(trigger: Token, marks: ActorMarks) -> list[Token]:
    """A compound modifier of a noun trigger naming a city or capital ('the London talks', 'the Aleppo
    airstrike'): where the event happened, not who did it. Two places joined ('the Baghdad-Washington
    talks') are the parties, named by their capitals."""
    places = [c for c in trigger.children if c.dep_ in OWN_MODIFIERS and c.i in marks.names]
    if len(places) != 1 or places[0].dep_ != "compound" or marks.names[places[0].i][0].kind not in {"city", "capital"}:
        return []
    return places


def _destinations(trigger: Token, marks: ActorMarks) -> list[Token]:
    """Compound place names of a noun trigger ('a UK state visit', 'his Moscow trip'): where it went."""
    return [
        c for c in trigger.children if c.dep_ == "compound" and c.i in marks.names and marks.names[c.i][0].kind in PLACE_NAME_KINDS
    ]


def _countries_inside(token: Token, marks: ActorMarks) -> list[str]:
    """Distinct countries named in a phrase, in order ('U.S. and Russian negotiators' names two), not its backers
    ('Iran-backed Houthi militants' names one), alternatives ('US or French jets') or an apposition ('Iran,
    Iraq's enemy'); and the countries the phrase's people come from ("representatives from Brazil, Colombia and
    Mexico")."""
    found: list[str] = []
    origins = [c for p in token.children if p.dep_ == "prep" and p.lower_ == "from"
               for o in p.children if o.dep_ == "pobj" for c in (o, *o.conjuncts)]
    tokens = np_tokens(token) + [t for o in origins for t in np_tokens(o)]
    if any(t.dep_ == "cc" and t.lower_ in {"or", "nor"} for t in tokens):
        return found
    apposed = {t.i for a in tokens if a.dep_ == "appos" for t in a.subtree}
    for t in without_backers(token, tokens):
        if t.i in marks.names and t.i not in apposed:
            country = marks.names[t.i][0].country
            if country and country not in found:
                found.append(country)
    return found


def _code_all(heads: Iterable[Token], marks: ActorMarks, lexicon: ActorLexicon, trigger: Token) -> list[Actor]:
    """Code each head once, skipping the trigger itself, another mention of its noun ("the meeting of the OECD
    and the meeting of G-7 leaders": no party to each other) and episodes; a phrase naming two countries gives
    two actors."""
    actors: list[Actor] = []
    seen: set[int] = set()
    for head in heads:
        if head.i in seen or head.i == trigger.i or head.lemma_ == trigger.lemma_ or head.lemma_.lower() in EPISODES:
            continue
        seen.add(head.i)
        actor = code_phrase(head, marks, lexicon)
        if actor is None:
            continue
        countries = _countries_inside(head, marks)
        if len(countries) > 1 and actor.country in countries:
            role = actor.role or ""
            actors += [Actor(c + role, c, actor.text, actor.role) for c in countries]
        else:
            actors.append(actor)
    return actors


def _best(actors: list[Actor]) -> Actor | None:
    """Prefer an actor with a country or IGO code, then one the article can resolve, then a role, then words."""
    ranks = (
        lambda a: a.code is not None and (a.country is not None or a.ref is None and len(a.code) > 3),
        lambda a: a.ref in {"name", "pronoun", "dyad", "role"},
        lambda a: a.code is not None,
        lambda a: True,
    )
    for wanted in ranks:
        for actor in actors:
            if wanted(actor):
                return actor
    return None


def _two_forces(a: Actor, b: Actor | None, spec: EventType, pronouns: frozenset[str]) -> bool:
    """Two named armed forces of one country, fighting each other (not one force named twice, nor a pronoun:
    "an Iranian gunboat fired at it")."""
    named = b is not None and not ({a.text.lower(), b.text.lower()} & pronouns)
    return (not spec.reciprocal and named and a.country is not None and not a.ref and not b.ref
            and a.role in ARMED_ROLES and b.role in ARMED_ROLES and a.text.lower() != b.text.lower())


def _same(a: Actor | None, b: Actor | None) -> bool:
    """One actor twice: same code (SYRMIL and SYRREB are two sides of one country's war), else same words."""
    if a is None or b is None:
        return False
    if a.code is not None and b.code is not None:
        return a.code == b.code
    return a.text == b.text
