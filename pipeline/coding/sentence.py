"""Coding one sentence: a pure function of (parsed sentence, compiled codebook, publication date)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.codebook.compile import CompiledRules, compile_rules, pipeline_labels
from pipeline.codebook.load import Codebook
from pipeline.codebook.schema import Rule
from pipeline.coding.actors import ActorLexicon, build_lexicon, mark_actors, named_groups, named_places, person_names
from pipeline.coding.attribution import attribute
from pipeline.coding.dates import date_expressions, date_for, future_expression
from pipeline.coding.matching import match_rules
from pipeline.coding.syntax import awaited_object, event_anchor
from pipeline.coding.modality import Assessment, assess, is_back_reference
from pipeline.coding.venue import event_town, political_setting, venue_code, venue_country
from pipeline.prefilter import Prefilter
from pipeline.records import Actor, EventDate


@dataclass(frozen=True)
class Coder:
    """The codebook compiled against one spaCy pipeline's vocabulary; build once per process."""

    codebook: Codebook
    compiled: CompiledRules
    prefilter: Prefilter
    lexicon: ActorLexicon
    rules: dict[str, Rule]
    order: dict[str, int]
    armed: frozenset[str]  # event types with instruments (strikes): different weapons are different events
    mutual: frozenset[str]  # reciprocal event types (meetings): their actors may be named either way round
    sequence: frozenset[str]  # words that put one event before or after another: two events
    scheduling: frozenset[str]  # verbs that hold an event (light verbs): "holds talks on Friday" is scheduled


def build_coder(codebook: Codebook, nlp: Language) -> Coder:
    """Compile rules and actor names; a pattern spaCy rejects stops here with the rule named."""
    return Coder(
        codebook=codebook,
        compiled=compile_rules(codebook, nlp.vocab, pipeline_labels(nlp.pipe_labels)),
        prefilter=Prefilter.build(codebook, nlp),
        lexicon=build_lexicon(codebook.actors, nlp),
        rules={rule.id: rule for rule in codebook.rules},
        order={rule.id: n for n, rule in enumerate(codebook.rules)},
        armed=frozenset(name for name, spec in codebook.events.event_types.items() if spec.instruments),
        mutual=frozenset(name for name, spec in codebook.events.event_types.items() if spec.reciprocal),
        sequence=frozenset(codebook.events.modality.sequence_words),
        scheduling=frozenset(codebook.events.modality.light_verbs),
    )


@dataclass(frozen=True, slots=True)
class Screen:
    """Event types a sentence parsed without NER could yield once NER has run, from the candidate rules whose
    patterns match with entity types left out: as reports, and as bare back-references (`antecedent` rules,
    which yield a row only after an earlier report of their type; those `unlinked_named` may stand alone, so
    they count as reports too). Every event needs such a match, so a sentence with neither yields nothing
    whatever NER would find in it."""

    reports: frozenset[str]
    references: frozenset[str]

    def could_code(self, reported_before: set[str]) -> bool:
        return bool(self.reports or self.references & reported_before)


def screen(doc: Doc, coder: Coder) -> Screen:
    """The screen of a sentence parsed without NER (see `Screen`)."""
    candidates = coder.prefilter.candidate_patterns(doc, entities=False)
    matched = [coder.rules[pattern[0]] for pattern in candidates if coder.compiled.screens[pattern](doc)]
    return Screen(
        reports=frozenset(rule.event_type for rule in matched if not rule.antecedent or rule.unlinked_named),
        references=frozenset(rule.event_type for rule in matched if rule.antecedent),
    )


@dataclass(frozen=True, slots=True)
class SentenceEvent:
    """An event found in one sentence, before the article pass links it to others."""

    trigger: str
    lemma: str  # the trigger's lemma: "struck" and "the strikes" name their event alike
    trigger_start: int
    trigger_index: int
    event_type: str
    cameo_code: str
    rule_id: str
    modality: str
    is_reference: bool
    source: Actor | None
    target: Actor | None
    date: EventDate
    in_setting: bool  # names a political setting that stands in for missing actors (codebook stand_ins)
    private: bool = False  # a modifier says it may be a private body's routine event (codebook private_modifiers)
    organ: bool = False  # a modifier says it is a meeting of a body's own organ (codebook organ_modifiers)
    town: str | None = None  # the town or city it names as where it happened ("airstrikes on Douma")
    needs_antecedent: bool = False  # a bare back-reference: a row only if the article reported the event before
    unlinked_named: bool = False  # ... or if it names a party to it (codebook `unlinked_named`)
    part: int = 0  # which of a trigger's events: 1, 2... for further attackers of a compound side


@dataclass(frozen=True, slots=True)
class SentenceCoding:
    """Events of one sentence plus the people it names with their codes (for later bare mentions)."""

    events: tuple[SentenceEvent, ...]
    people: tuple[tuple[str, Actor], ...]
    competing: tuple[tuple[str, tuple[str, ...]], ...]  # (winning rule, rules it beat) per contested trigger
    dropped: tuple[tuple[str, str, str], ...]  # (rule id, trigger, reason) of matches modality turned down
    towns: tuple[str, ...] = ()  # the country of each town it names: where the article's fighting is
    places: frozenset[str] = frozenset()  # every country and world region it names, in any way
    groups: tuple[Actor, ...] = ()  # coded groups it names ("EC industry ministers"), for a later "the ministers"


def code_sentence(doc: Doc, coder: Coder, published: dt.date | None) -> SentenceCoding:
    """Every event the codebook finds in one parsed sentence, with modality, actors and date resolved."""
    hits = match_rules(doc, coder.compiled, coder.rules, coder.order, coder.prefilter.candidate_patterns(doc))
    marks = mark_actors(doc, coder.lexicon, published)
    people = tuple(person_names(doc, marks, coder.lexicon))
    cues = coder.codebook.events.modality
    expressions = date_expressions(doc) if hits else []
    found: list[SentenceEvent] = []
    dropped: list[tuple[str, str, str]] = []
    for hit in hits:
        trigger = doc[hit.trigger]
        assessment = assess(trigger, cues)
        if assessment.status == "dropped":
            dropped.append((hit.rule.id, trigger.text, assessment.reason or "dropped"))
            continue
        spec = coder.codebook.events.event_types[hit.rule.event_type]
        code = hit.cameo_code
        scheduling = coder.scheduling if (hit.rule.planned or spec.planned) != "drop" else frozenset()
        if assessment.status == "asserted" and not assessment.under_way and (
            future := future_expression(trigger, expressions, published, scheduling)
        ):
            assessment = Assessment("planned", f"future date '{future}'")
        # "dealers held back ahead of the G-7 meeting": to come (only where plans are kept: "travelled to Moscow
        # ahead of the Turkish invasion" reports an invasion that came)
        if assessment.status == "asserted" and scheduling and awaited_object(trigger):
            assessment = Assessment("planned", f"'{trigger.head.head.text} {trigger.head.text} {trigger.text}'")
        if assessment.status == "planned":
            planned = hit.rule.planned or spec.planned
            if planned == "drop":
                dropped.append((hit.rule.id, trigger.text, f"planned {hit.rule.event_type}: {assessment.reason}"))
                continue
            code = planned
        own = _before_its_end(trigger, expressions) if assessment.under_way else expressions
        date = date_for(trigger, published, own, planned=assessment.status == "planned")
        if assessment.status == "planned" and date.source == "relative" and published is not None:
            date = EventDate(published, "publication", "day", None)  # "on Friday" names the future meeting, not its announcement
        pairs = attribute(trigger, hit.rule, spec, cues.light_verbs, marks, coder.lexicon)
        for part, (source, target) in enumerate(pairs):
            if source is not None and source.role in spec.excluded_source_roles:
                dropped.append((hit.rule.id, trigger.text, f"source role {source.role}: not a {hit.rule.event_type}"))
                continue
            found.append(
                SentenceEvent(
                    trigger=trigger.text,
                    lemma=trigger.lemma_.lower(),
                    trigger_start=trigger.idx,
                    trigger_index=trigger.i,
                    event_type=hit.rule.event_type,
                    cameo_code=code if spec.venue_codes is None else venue_code(
                        spec.venue_codes, code, venue_country(trigger, marks, hit.rule.direct_object == "topic"), source, target
                    ),
                    rule_id=hit.refinement_id or hit.rule.id,
                    modality=assessment.status,
                    is_reference=is_back_reference(trigger, cues, past_days=spec.reciprocal),
                    source=source,
                    target=target,
                    date=date,
                    in_setting=spec.stand_ins is not None and political_setting(trigger, marks, spec.stand_ins),
                    private=any(c.dep_ in {"amod", "compound"} and c.lower_ in spec.private_modifiers for c in trigger.children),
                    organ=_organ(trigger, spec.organ_modifiers),
                    town=event_town(trigger, marks),
                    needs_antecedent=hit.rule.antecedent,
                    unlinked_named=hit.rule.unlinked_named,
                    part=part,
                )
            )
    competing = tuple((hit.rule.id, hit.competitors) for hit in hits if hit.competitors)
    events = _one_per_event(_shared_sides(found, doc), doc, coder)
    towns, places = named_places(marks)
    groups = tuple(named_groups(doc, marks, coder.lexicon))
    return SentenceCoding(events, people, competing, tuple(dropped), towns, places, groups)


def _before_its_end(trigger: Token, expressions: list[Span]) -> list[Span]:
    """The date expressions of an event under way, not those of an end still to come: "expect to conclude the
    talks by August" does not date the talks (but "concluded the talks on Friday" does)."""
    anchor = event_anchor(trigger)
    if anchor.head.tag_ != "VB":
        return expressions
    inside = {t.i for t in anchor.subtree}
    ending = {t.i for t in anchor.head.subtree}
    return [span for span in expressions if span.root.i in inside or span.root.i not in ending]


def _shared_sides(events: list[SentenceEvent], doc: Doc) -> list[SentenceEvent]:
    """A side the parser hung on the last of coordinated triggers is theirs too: "airstrikes and shelling by
    forces loyal to Assad on eastern Ghouta" are both the loyalists' (not "the attack ... and comments by
    American officials": comments are no event)."""
    shared: list[SentenceEvent] = []
    for event in events:
        later = [  # the very next conjunct ("airstrikes and shelling"), not the end of a long list
            e for e in events
            if e.event_type == event.event_type and e.trigger_index > event.trigger_index
            and _coordinated(doc[event.trigger_index], doc[e.trigger_index])
        ]
        source = event.source if event.source is not None else next((e.source for e in later if e.source), None)
        target = event.target if event.target is not None else next((e.target for e in later if e.target), None)
        shared.append(replace(event, source=source, target=target))
    return shared


def _coordinated(first: Token, second: Token) -> bool:
    """Whether a trigger is the very next conjunct of another, by the parse or, where the parser made the second
    a verb of its own ("killed in dozens of airstrikes and shelling by ..."), by the words between them alone."""
    between = first.doc[first.i + 1 : second.i]
    if 0 < len(between) <= 2 and all(t.dep_ in {"cc", "punct"} for t in between):
        return True
    return second in first.conjuncts and second.left_edge.i <= first.i + 2


def _organ(trigger: Token, words: tuple[str, ...]) -> bool:
    """Whether the trigger's modifiers name a body's own organ, however deep the name ("the Federal Open Market
    Committee (FOMC) meeting")."""
    modifiers = (c for c in trigger.children if c.dep_ in {"amod", "compound", "nmod"})
    return any(t.lemma_.lower() in words for c in modifiers for t in c.subtree)


def _one_per_event(events: list[SentenceEvent], doc: Doc, coder: Coder) -> tuple[SentenceEvent, ...]:
    """Two triggers of one event in a sentence ('an airstrike killed') give one row: the most specific code.
    Coordinated triggers with different codes are two events, and so are two different specific codes of an
    event type with instruments (`armed`: "airstrikes ... the shelling", 195 and 194) and an event noun put
    before or after the other ("the incursion, preceded by days of airstrikes"); a visit and the talks held
    on it are one meeting."""
    kept: list[SentenceEvent] = []
    for event in events:
        twin = next(
            (
                k
                for k in kept
                if _same_event(k, event, coder.mutual)
                and not _distinct(k, event, doc, coder.armed)
                and not _sequenced(doc[k.trigger_index], doc[event.trigger_index], coder.sequence)
            ),
            None,
        )
        if twin is None:
            kept.append(event)
        elif _specificity(event) > _specificity(twin):
            kept[kept.index(twin)] = _completed(event, twin)
        else:
            kept[kept.index(twin)] = _completed(twin, event)
    return tuple(kept)


def _completed(event: SentenceEvent, other: SentenceEvent) -> SentenceEvent:
    """One event from two of its triggers: the kept one takes the sides, the date and the political setting only
    the other names ("a special meeting between importing and exporting countries ended late yesterday after
    eight days of talks over the quotas": the talks' code, the meeting's setting and day)."""
    dated = event.date.source == "publication" and other.date.source != "publication"
    source = _filled(event.source, other.source, event.target)
    target = _filled(event.target, other.target, source)
    return replace(
        event,
        date=other.date if dated else event.date,
        source=source,
        target=target,
        in_setting=event.in_setting or other.in_setting,
    )


def _distinct(a: SentenceEvent, b: SentenceEvent, doc: Doc, armed: frozenset[str]) -> bool:
    conjoined = doc[b.trigger_index] in doc[a.trigger_index].conjuncts
    if conjoined and None not in (_key(a.source), _key(b.source)) and _key(a.source) != _key(b.source):
        return True  # "next month's meeting of the OECD and the meeting of G-7 leaders": each its own party's
    if a.cameo_code == b.cameo_code:
        return False
    specific = a.event_type in armed and not (a.cameo_code.endswith("0") or b.cameo_code.endswith("0"))
    return specific or doc[b.trigger_index] in doc[a.trigger_index].conjuncts


AWAITING = frozenset({"ahead", "prior", "pending"})  # "ahead of the G-7 meeting": one event awaited, so another


def _filled(own: Actor | None, theirs: Actor | None, opposite: Actor | None) -> Actor | None:
    """A side taken from another trigger of the event, unless it is the opposite side again ("Isis leaders spoke
    on phones about meetings with Isis's Baghdadi" is no call with themselves)."""
    if own is not None or theirs is None:
        return own
    same = opposite is not None and _key(theirs) is not None and _key(theirs) == _key(opposite)
    return None if same else theirs


def _sequenced(a: Token, b: Token, sequence: frozenset[str]) -> bool:
    """Whether one event noun is put before or after another by a word between them ("the incursion, preceded
    by days of airstrikes", "the talks after the summit", "watching for a meeting between X and Y ahead of
    the G-7 meeting"): two events. A verb's outcome is not split from the fighting it came after ("retook the
    village after fierce fighting")."""
    if a.pos_ != "NOUN" or b.pos_ != "NOUN":
        return False
    for first, second in ((a, b), (b, a)):
        for token in first.ancestors:
            if token == second:
                break
            if token.lower_ in sequence and second in token.ancestors:
                return True
            if token.lower_ in AWAITING and second not in token.subtree:  # awaited beside the other, not inside it
                return True
    return False


def _key(actor: Actor | None) -> str | None:
    """An actor's identity for merging; a place struck says where, not who, so it merges with anyone."""
    return actor.key if actor and actor.ref != "place" else None


def _same_event(a: SentenceEvent, b: SentenceEvent, mutual: frozenset[str]) -> bool:
    """Compatible actors; for reciprocal types either way round ("met the visiting minister": one meeting)."""
    if a.event_type != b.event_type:
        return False
    pairs = ((_key(a.source), _key(b.source)), (_key(a.target), _key(b.target)))
    swapped = ((_key(a.source), _key(b.target)), (_key(a.target), _key(b.source)))
    compatible = [all(x is None or y is None or x == y for x, y in sides) for sides in (pairs, swapped)]
    return compatible[0] or a.event_type in mutual and compatible[1]


def _specificity(event: SentenceEvent) -> tuple[bool, int, bool, int, int]:
    """A report over a bare back-reference, then more coded actors, then a specific code over a CAMEO residual
    (190, 040: codes ending in 0), then earlier."""
    coded = sum(actor is not None and actor.code is not None for actor in (event.source, event.target))
    return (not event.needs_antecedent, coded, not event.cameo_code.endswith("0"), len(event.cameo_code), -event.trigger_index)
