"""Modality from the parse: is a matched event asserted, planned, or not an event at all?

Negated ("did not meet"), hypothetical ("could strike", "if ... strikes"), threatened, refused, failed,
cancelled and draft events are dropped; announced or agreed ones are planned. The cue words live in the
codebook's `modality` section; this module only walks the parse upward from the trigger, and each
dependency relation decides which cues of the governing word apply:

- xcomp of a directive verb (*told* its supporters *to carry out* attacks): planned;
- xcomp (agreed *to meet*), conj (will meet *and talk*), dobj/nsubjpass of a noun trigger (*cancelled*
  the talks): the governing clause's negation, auxiliaries and governor words all apply;
- ccomp (denied *that it struck*), acl (an invitation *to visit*): only governor words apply;
- nsubj (the talks *will take place*): future auxiliaries apply, negation and modals only with verbs of
  occurrence (take place, happen) or for an indefinite subject (*any airstrikes could* hamper, *a large-scale
  assault could* cause a catastrophe; not a modal perfect, *can only have* stiffened), and a copula's
  predicate (attacks *are imminent*, clashes *are a possibility*);
- pobj (threat *of strikes*, *without* a meeting): the preposition and the word it hangs on, and the drop
  cues of the verb whose object that word is (*fear a repeat of* airstrikes); "with" only for an indefinite
  event (*would retaliate with* an attack); under "in", "at" or "during" the future of the verb it hangs on
  (*will take part in* talks, *will push at* the summit) and under "before", "until" or "after" a gerund
  (*would act after consulting*), under "for" a trip in the present (*leaves today for* talks); a meeting
  drawing near (*with the summit coming up*, *the summit is approaching*) is planned;
- advcl infinitive (have the *means to launch* attacks): drop cues on the governing verb's objects, or on
  the governing noun or participle itself (*any opportunity* for the US *to attack*, *driven to carry out*);
- the object of a participle used as a preposition (*following* the attack) is asserted;
- a yes/no question (*Did* X know of the strikes?), a conditional clause around a prepositional
  phrase (*if* forces get bogged down *in a fight*) and a bare present with an adverb of frequency (he
  *talks* with Baker *from time to time*) assert nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from pipeline.codebook.schema import Modality
from pipeline.coding.syntax import (
    awaited_object,
    bare_present,
    direct_objects,
    event_anchor,
    is_definite,
    is_verbal,
    name_taken_for_modal,
)

FULL_CLAUSE = frozenset({"xcomp", "conj", "dobj", "nsubjpass", "attr", "oprd", "acomp"})
CLAUSE_HEADS = frozenset({"ROOT", "advcl", "ccomp", "xcomp", "relcl"})
MOVES = frozenset({"step", "move", "progress", "path", "road", "way", "drift", "shift", "push", "march", "stride"})  # toward talks
GERUND_GOVERNORS = frozenset({"after", "before", "since", "upon", "on", "while", "when", "without", "by"})  # "after meeting X"
# threat of, calls for, safe from, respond by, would retaliate with
GOVERNING_PREPS = frozenset({"of", "for", "to", "about", "on", "from", "against", "by", "with"})
INDEFINITE = frozenset({"any", "a", "an"})
NEGATIVE_SUBJECTS = frozenset({"none", "nobody", "nothing", "neither", "no one"})
PROSPECTS = frozenset({"expect", "schedule", "set", "slate", "plan", "due"})  # "the talks are expected to begin"
NOUN_MODIFIERS = frozenset({"amod", "compound", "nmod"})
QUESTION_OPENERS = frozenset(
    {"do", "does", "did", "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should",
     "shall", "may", "might", "must", "isn't", "wasn't", "didn't", "doesn't", "won't"}
)
CLOSING_QUOTES = frozenset({'"', "'", "”", "’", ")"})
UNCONFIRMED = frozenset({"confirm", "announce", "decide", "agree", "say", "know"})  # "has not confirmed that ..."
ADJUNCT_VERBS = frozenset({"follow", "include"})  # participles used as prepositions: following X, including X
PURPOSES = frozenset({"aim", "design", "intend", "mean"})  # "talks aimed at ending the war" says what they are for
TRIPS = frozenset({"leave", "travel", "fly", "head", "depart", "arrive"})  # "leaves today for talks": a scheduled trip
PERIODS = frozenset({"week", "weekend", "month", "year"})
PAST_MARKS = frozenset({"last", "yesterday", "ago", "earlier", "previous"})
STARTS = frozenset({"be", "begin", "start", "resume", "open", "convene", "hold"})  # "talks intended to start": planned


@dataclass(frozen=True, slots=True)
class Assessment:
    """`status` is asserted, planned or dropped; `reason` says which cue decided it; `under_way` that the event
    is going on, so a date to come is when something else happens to it ("expect to conclude the talks by August")."""

    status: str
    reason: str | None = None
    under_way: bool = False


def _lemma(token: Token) -> str:
    """Lemma with its particle, so that 'called off' reads as 'call off'."""
    lemma = token.lemma_.lower()
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
    return f"{lemma} {particle}" if particle else lemma


def _planned_journey(trigger: Token, cues: Modality) -> str | None:
    """Talks that a planned journey is for: "before the scheduled arrival of Baldrige for talks"."""
    anchor = event_anchor(trigger)
    journey = anchor.head.head
    if anchor.dep_ != "pobj" or anchor.head.lower_ != "for" or journey.pos_ != "NOUN":
        return None
    plan = next((c for c in journey.children if c.dep_ in NOUN_MODIFIERS and c.lower_ in cues.planned_modifiers), None)
    return None if plan is None else f"'{plan.text} {journey.text}' for {trigger.text}"


def assess(trigger: Token, cues: Modality) -> Assessment:
    """The strongest cue on the path from the trigger up through the words that govern it."""
    if _yes_no_question(trigger):
        return Assessment("dropped", "yes/no question")
    planned: str | None = None
    # "mounted its long-threatened invasion", "adopted the draft resolution": the verb reports it as done
    realised = trigger.dep_ in {"dobj", "nsubjpass"} and trigger.head.lemma_.lower() in cues.light_verbs
    for child in trigger.children:
        word = child.lemma_.lower()
        forms = set() if realised else {word, child.lower_}  # modifiers are listed as written: 'expected', not 'expect'
        if child.dep_ in {"neg", "det"} and word in cues.negators:
            return Assessment("dropped", f"negated by '{child.text}'")
        if child.dep_ == "det" and child.lower_ in cues.nonspecific_determiners:
            return Assessment("dropped", f"no particular event: '{child.text} {trigger.text}'")
        if child.dep_ in NOUN_MODIFIERS and forms & set(cues.drop_modifiers):
            return Assessment("dropped", f"'{child.text} {trigger.text}'")
        if child.dep_ in NOUN_MODIFIERS and forms & set(cues.planned_modifiers):
            planned = f"'{child.text} {trigger.text}'"
        if child.dep_ in NOUN_MODIFIERS and forms & set(cues.current_modifiers):
            return Assessment("asserted", f"'{child.text} {trigger.text}'", under_way=True)  # "at the current meeting"
        if child.dep_ == "poss" and {word, *(g.lower_ for g in child.children)} & set(cues.planned_modifiers):
            planned = f"'{child.text}'s {trigger.text}'"  # tomorrow's talks, next week's summit
        if child.dep_ == "poss" and word in PERIODS and any(g.lower_ == "this" for g in child.children) and _awaited(trigger):
            planned = f"before this {child.text}'s {trigger.text}"  # "wary of selling before this week's meetings"
        if child.dep_ == "acl" and (_starting_soon(child) or _drawing_near(child)):
            planned = f"'{trigger.text} {child.text}'"  # "talks starting this week", "with the summit coming up"
        said = _governor(child, cues) if child.dep_ == "acl" and child.tag_ in {"VBN", "VBG"} and not realised else None
        if said is not None and child.lemma_.lower() not in PURPOSES:
            if said.status == "dropped":  # "the attack feared by residents"
                return said
            planned = said.reason  # "the airstrikes being proposed by the US", "talks scheduled for May"
    planned = planned or _planned_journey(trigger, cues)
    verdict = _clause_cues(trigger, cues, negation=True)
    if verdict and verdict.status == "dropped":
        return verdict
    planned = planned or (verdict.reason if verdict else None)
    if planned is None and _done_by_someone(trigger, cues):
        return Assessment("asserted")  # "the motion, passed by the committee, goes next to the full house"
    node = event_anchor(trigger)  # "wants to reconvene two weeks of talks": the partitive stands in the clause
    if node.dep_ in {"dobj", "nsubjpass"} and _lemma(node.head) in cues.completion_verbs:
        return Assessment("planned", planned) if planned else Assessment("asserted", f"under way: '{node.head.text}'", under_way=True)
    for _ in range(10):
        relation, parent = node.dep_, node.head
        if parent == node:
            break
        if relation in {"pobj", "pcomp"}:  # "hold off on launching an attack": a gerund under a preposition too
            if parent.lower_ in cues.negators:
                return Assessment("dropped", f"'{parent.text} {trigger.text}'")
            if parent.lower_ in {"in", "of"} and parent.head.pos_ == "NOUN" and _lemma(parent.head) in cues.pause_words:
                return Assessment("dropped", f"'{parent.head.text} {parent.text} {trigger.text}'")  # "a lull in the fighting"
            if any(c.dep_ == "neg" for c in parent.children):  # "sets the stage for confrontation, not for talks"
                return Assessment("dropped", f"negated '{parent.text} {trigger.text}'")
            if parent.lower_ == "of" and any(c.dep_ == "det" and c.lower_ in cues.negators for c in parent.head.children):
                return Assessment("dropped", f"'no {parent.head.text} of {trigger.text}'")  # "there were no reports of clashes"
            governs = parent.lower_ in GOVERNING_PREPS and parent.head != parent and parent.head.lemma_.lower() != "be"  # "is on a visit"
            # "with" passes on only the modals of its verb, and only to an indefinite event: "would retaliate with an
            # attack", not "could coincide with the summit" nor "with attacks ... ratcheting up, Islamophobia has gone"
            # but "with" and a gerund does govern it ("tasked with carrying out attacks"; not "went ahead with shelling")
            instrumental = parent.lower_ == "with" and (relation != "pcomp" or parent.head.lemma_.lower() == "go")
            governs = governs and not (instrumental and is_definite(trigger))
            governs = governs and not (parent.lower_ == "of" and _lemma(parent.head) in cues.outcome_words)
            # a verb (also one tagged a noun, as the head of a clause: "lurches") or a move; not "their position towards it"
            moving = is_verbal(parent.head) or parent.head.dep_ in CLAUSE_HEADS or parent.head.lemma_.lower() in MOVES
            if parent.lower_ in cues.approach_preps and moving:
                return Assessment("planned", f"'{parent.text} {trigger.text}'")  # "lurches toward talks": not yet held
            if parent.lower_ == "for" and _lemma(parent.head) in cues.cause_words:
                break  # "would retaliate for the attacks": the reprisal is to come, the attacks happened
            verdict = _governor(parent.head, cues) if governs and not instrumental else None
            if parent.dep_ == "agent":  # "would be killed by a US attack": the passive clause's cues; an event that
                # blocked or prompted something happened, but not one a place is "untouched by"
                stative = verdict is not None and parent.head.tag_ == "JJ"
                verdict = verdict if stative else _clause_cues(parent.head, cues, negation=True)
            if governs and verdict is None:
                verdict = _clause_cues(parent.head, cues, negation=True)  # "could lead to renewed fighting"
            arrived = _lemma(parent.head) == "arrive" and any(c.lower_ in {"today", "tonight"} for c in parent.head.children)
            if verdict is None and parent.lower_ == "for" and _lemma(parent.head) in TRIPS and parent.head.tag_ in {"VBZ", "VBP"} and not arrived:
                verdict = Assessment("planned", f"present '{parent.head.text}'")  # "leaves today for talks" (not "arrives
                # today for a visit", which is under way)
            if verdict is None and parent.lower_ in {"in", "at", "during"} and is_verbal(parent.head):
                verdict = _future(parent.head, cues)  # "will take part in talks", "will sign it at the summit"
            if verdict is None and _later_than(node, parent) and is_verbal(parent.head):
                verdict = _future(parent.head, cues)  # "would act after consulting with aides", "will call before the summit"
            if verdict is None and parent.dep_ == "prep" and _conditional(parent.head, cues):
                return Assessment("dropped", f"conditional '{parent.head.text} {parent.text} {trigger.text}'")
            if governs and verdict is None and parent.head.dep_ == "dobj" and is_verbal(parent.head.head):
                verdict = _object_verb(parent.head.head, cues)  # "fear a repeat of airstrikes", "would back calls for talks"
            if verdict and verdict.status == "dropped":
                return verdict
            planned = planned or (verdict.reason if verdict else None)
            if verdict is None and parent.lower_ == "for" and parent.head.dep_ in {"xcomp", "pcomp"} and is_verbal(parent.head):
                node = parent.head  # "was to leave for talks", "would act before leaving for the summit": the
                # purpose shares the plan of the trip
                continue
            break
        if relation == "nsubj":
            occurrence = _lemma(parent) in cues.occurrence_verbs
            # "any airstrikes could hamper", "a large-scale assault could cause a catastrophe": no particular event
            whichever = any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in node.children)
            perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in parent.children)  # "can only have stiffened"
            modals = occurrence or whichever and not perfect
            verdict = _predicate(parent, cues) or _clause_cues(parent, cues, negation=occurrence, modals=modals)
            if verdict is None and _drawing_near(parent):
                verdict = Assessment("planned", f"'{trigger.text} {parent.text}'")  # "with my meeting with Nakasone coming up"
        elif relation == "csubj":  # "joining a US strike would be folly": the clause as subject of a modal (not
            # a gerund after a subordinator the parser took for one: "after meeting X, who tomorrow will sign")
            governed = node.i > 0 and node.doc[node.i - 1].lower_ in GERUND_GOVERNORS
            verdict = None if governed else _clause_cues(parent, cues, negation=False)
        elif relation == "dobj" and parent.tag_ == "VBG" and parent.lemma_.lower() in ADJUNCT_VERBS:
            break  # "talks following the attack": a temporal adjunct reports the event as past, whatever governs the talks
        elif relation == "xcomp" and parent.lemma_.lower() == "use" and parent.tag_ == "VBD":
            return Assessment("dropped", f"habitual '{parent.text} to'")  # "he used to visit": no one visit
        elif relation == "ccomp" and parent.lemma_.lower() in UNCONFIRMED and any(c.dep_ == "neg" for c in parent.children):
            return Assessment("dropped", f"negated '{parent.text}'")  # "has not confirmed that it will attend the talks"
        elif relation == "xcomp" and _lemma(parent) in cues.directive_verbs and any(c.lower_ == "to" for c in node.children):
            verdict = Assessment("planned", f"instructed by '{parent.text}'")  # "told its supporters to carry out attacks"
        elif relation in FULL_CLAUSE or relation == "ccomp":
            # "has not been accompanied by a political effort": a reaction not had, the event still happened
            negation = relation not in {"dobj", "nsubjpass"} or _lemma(parent) not in cues.reaction_verbs
            # "did not comment, but has condemned Turkey's intervention": a verb with its own auxiliary or after
            # "but" is a clause of its own, which the first one's "not" does not negate
            negation = negation and not (relation == "conj" and _own_clause(node))
            known = relation == "nsubjpass" and _known_event(node, parent, cues)
            verdict = _clause_cues(parent, cues, negation=negation, modals=not known) if relation in FULL_CLAUSE else None
            existential = parent.lemma_.lower() == "be" and relation != "xcomp"  # "there was a call", not "is to meet"
            purpose = relation == "nsubjpass" and _serves_purpose(parent, cues)  # "airstrikes were intended to deter"
            judged = known and _judgement(parent)
            governs = relation != "conj" and not (existential or purpose or judged)
            if governs and (verdict is None or verdict.status != "dropped"):
                verdict = _governor(parent, cues) or verdict
        elif relation == "acl" or relation == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            verdict = _governor(parent, cues)  # "a plan to strike"
            if any(c.dep_ in {"det", "neg"} and c.lower_ in cues.negators for c in parent.children):
                return Assessment("dropped", f"'no {parent.text}'")  # "felt no need to negotiate", "not a smart idea to meet"
            if relation == "relcl":  # the infinitive parsed as a relative clause: what the noun is for, not its fate
                if verdict and verdict.status == "dropped":
                    return verdict
                planned = planned or (verdict.reason if verdict else None)
                break
        elif relation == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            # "have the assets to launch attacks": the infinitive says what the object is for
            # or the noun or participle itself: "any opportunity for the US to attack", "are ideologically driven to
            # carry out attacks" (not a verb of motion: "will stop in Hong Kong to meet officials")
            holders = [*direct_objects(parent), *([parent] if parent.tag_ in {"VBN", "JJ", "NN", "NNS"} else [])]
            verdict = next((v for o in holders if (v := _governor(o, cues)) and v.status == "dropped"), None)
            verdict = verdict or _clause_cues(parent, cues, negation=False)  # "may feel emboldened to launch an assault"
            if verdict and verdict.status == "dropped":
                return verdict
            break
        else:
            break
        if verdict and verdict.status == "dropped":
            return verdict
        planned = planned or (verdict.reason if verdict else None)
        if relation == "nsubj":
            break
        node = parent
    return Assessment("planned", planned) if planned else Assessment("asserted")


def _past_day(word: Token) -> bool:
    """A possessor naming a day gone by: "yesterday's", "last week's"."""
    return word.lower_ == "yesterday" or any(c.dep_ == "amod" and c.lower_ == "last" for c in word.children)


def _awaited(trigger: Token) -> bool:
    """Whether the event is what something happens before: "before the talks", "ahead of the summit"."""
    return trigger.dep_ == "pobj" and trigger.head.lower_ == "before" or awaited_object(trigger)


def _predicate(verb: Token, cues: Modality) -> Assessment | None:
    """A modifier said of the event by a copula: "attacks on the UK are imminent", "a strike is possible"."""
    if verb.lemma_.lower() != "be":
        return None
    for complement in (c for c in verb.children if c.dep_ in {"acomp", "attr"}):
        if {complement.lower_, complement.lemma_.lower()} & set(cues.drop_modifiers):
            return Assessment("dropped", f"'{verb.text} {complement.text}'")  # "clashes are now a distinct possibility"
        if complement.lower_ in cues.planned_modifiers:
            return Assessment("planned", f"'{verb.text} {complement.text}'")
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "under"):
        for state in (o for o in prep.children if o.dep_ == "pobj" and o.lemma_.lower() in cues.drop_governors):
            return Assessment("dropped", f"'{verb.text} under {state.text}'")  # "a visit was under consideration"
    return None


def _object_verb(verb: Token, cues: Modality) -> Assessment | None:
    """Drop cues of the verb whose object governs the event: governor words and modal auxiliaries, not
    negation ("did not confirm details of the strike" still reports it) and not plans ("announced the
    launch of the assault" reports an assault under way)."""
    verdict = _governor(verb, cues) or _clause_cues(verb, cues, negation=False)
    return verdict if verdict is not None and verdict.status == "dropped" else None


def _conditional(head: Token, cues: Modality) -> bool:
    """A clause introduced by a hypothetical subordinator: "if Turkish forces become bogged down in a fight"."""
    if not is_verbal(head):
        return False
    clause = [head]
    while clause[-1].dep_ == "xcomp" and is_verbal(clause[-1].head):  # "if it is left to choose between ..."
        clause.append(clause[-1].head)
    holders = [*clause, *(c for h in clause for c in h.children if c.dep_ in {"aux", "auxpass"})]  # "if" hung on "become"
    return any(c.dep_ == "mark" and _is_hypothetical_mark(c, cues) for h in holders for c in h.children)


def _is_hypothetical_mark(mark: Token, cues: Modality) -> bool:
    """A subordinator of a condition, one word ("if") or ending a listed phrase ("as long as", "provided that")."""
    doc = mark.doc
    phrases = {mark.lemma_.lower(), *(doc[max(mark.i - n, 0) : mark.i + 1].text.lower() for n in (1, 2))}
    return bool(phrases & set(cues.hypothetical_marks))


def _after_condition(head: Token, cues: Modality) -> bool:
    """A clause right after a listed condition the parser did not attach as its subordinator ("in case")."""
    doc, left = head.doc, head.left_edge.i
    before = (doc[max(left - n, 0) : left].text.lower() for n in (2, 3))
    opening = (doc[left : left + n].text.lower() for n in (2, 3))  # "in case" parsed as a phrase of the clause
    return any(phrase in cues.hypothetical_marks for phrase in (*before, *opening))


def _yes_no_question(trigger: Token) -> bool:
    """The trigger's sentence asks whether something happened ("Did the minister know of any civilians killed
    by airstrikes?", "Was there an attack?"): it ends in a question mark and opens with an auxiliary. A
    wh-question ("Why did Russia bomb the hospital?") presupposes the event and is kept."""
    words = [t for t in trigger.sent if not t.is_punct]
    last = next((t for t in reversed(trigger.sent) if t.text not in CLOSING_QUOTES), None)
    return bool(words) and last is not None and last.text == "?" and words[0].lower_ in QUESTION_OPENERS


def _serves_purpose(verb: Token, cues: Modality) -> bool:
    """Whether a passive verb of purpose says what its subject was for ("the airstrikes were intended to deter
    Assad"), which reports the event, rather than that it is to happen ("the talks are intended to start")."""
    starts = {*cues.occurrence_verbs, *STARTS}
    return _lemma(verb) in PURPOSES and any(c.dep_ == "xcomp" and _lemma(c) not in starts for c in verb.children)


def _starting_soon(participle: Token) -> bool:
    """A starting participle with a date not in the past on an event noun: "talks starting this week"."""
    dated = [t for t in participle.subtree if t.ent_type_ in {"DATE", "TIME"}]
    return (
        participle.tag_ == "VBG"
        and participle.lemma_.lower() in STARTS
        and bool(dated)
        and not any(t.lower_ in PAST_MARKS for t in dated)
    )


def _done_by_someone(trigger: Token, cues: Modality) -> bool:
    """An event noun whose own past participle says who did it ("the offensive, launched by Turkey in January"):
    a report of it done, whatever the clause around it says of what comes next."""
    return any(
        c.dep_ == "acl" and c.tag_ == "VBN" and _lemma(c) in cues.done_participles
        and any(g.dep_ == "agent" for g in c.children) and not any(g.dep_ == "neg" for g in c.children)
        for c in trigger.children
    )


def _governor(word: Token, cues: Modality) -> Assessment | None:
    """A governing word that cancels (threatened, vetoed, declined) or plans (agreed, scheduled) the event; not
    one that names it ("Iran called the attacks a crime")."""
    if any(c.dep_ == "oprd" for c in word.children):
        return None
    for lemma in (_lemma(word), word.lemma_.lower(), word.lower_):  # as written too: the model's lemma of "spared" is "spar"
        if lemma in cues.drop_governors:
            return Assessment("dropped", f"governed by '{word.text}'")
        if lemma in cues.planned_governors:
            return Assessment("planned", f"governed by '{word.text}'")
    return None


def _future(verb: Token, cues: Modality) -> Assessment | None:
    """Planned when a future auxiliary governs the verb ("Japan would participate in an ICCO meeting"), not a
    counterfactual past ("would have been ineffective in the strike")."""
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(c.lemma_.lower() == "have" for c in auxiliaries):
        return None
    aux = next((c for c in auxiliaries if c.lower_ in cues.future_aux or c.lower_ == "would"), None)
    if aux is not None:
        return Assessment("planned", f"future '{aux.text}'")
    # "are likely to emphasise at the Venice summit", "is expected to sign it at the meeting" (not "was expected
    # to raise it at the summit last week")
    prospect = verb.head if verb.dep_ == "xcomp" and any(c.lower_ == "to" for c in auxiliaries) else None
    if prospect is not None and _lemma(prospect) in cues.planned_governors and _not_past(prospect):
        return Assessment("planned", f"'{prospect.text} to {verb.text}'")
    # the purpose of a journey shares its future: "will go to Washington to take part in a meeting"
    if verb.dep_ == "advcl" and any(c.lower_ == "to" for c in auxiliaries) and verb.head is not verb:
        return _future(verb.head, cues)
    return None


def _not_past(word: Token) -> bool:
    """Whether the finite verb of a word's clause (the word, its auxiliaries, or the copula of an adjective)
    is present or future."""
    finite = [word, *(c for c in word.children if c.dep_ in {"aux", "auxpass"})]
    if word.dep_ == "acomp":  # "are likely to"
        finite += [word.head, *(c for c in word.head.children if c.dep_ in {"aux", "auxpass"})]
    tags = {t.tag_ for t in finite}
    return bool(tags & {"VBZ", "VBP", "MD"}) and "VBD" not in tags


def _clause_cues(head: Token, cues: Modality, negation: bool, modals: bool = True) -> Assessment | None:
    """Negation, modal and future auxiliaries, and hypothetical subordinators attached to one clause head.

    'would' in a clause reported by another verb (said it would meet) is future-in-the-past, not a hypothesis.
    """
    if not is_verbal(head):
        return None
    found: Assessment | None = None
    if _after_condition(head, cues):
        return Assessment("dropped", "hypothetical condition")  # "in case Isis raided the house"
    dependents = {(c.dep_, c.lower_) for c in head.children}
    if ("aux", "to") in dependents and ("auxpass", "be") in dependents:
        found = Assessment("planned", f"'to be {head.text}'")  # "a summit to be held on Friday"
    name = name_taken_for_modal(head)  # "May held talks": Theresa May, not a modal
    for child in head.children:
        word, lemma = child.lower_, child.lemma_.lower()
        if negation and child.dep_ == "neg":
            return Assessment("dropped", f"negated by '{child.text}'")
        if negation and child.dep_ in {"nsubj", "nsubjpass"} and child.lower_ in NEGATIVE_SUBJECTS:
            return Assessment("dropped", f"negated by '{child.text}'")  # "none of the ships were attacked"
        if child.dep_ == "mark" and _is_hypothetical_mark(child, cues):
            return Assessment("dropped", f"hypothetical '{child.text}'")
        if child.dep_ in {"mark", "advmod"} and child.lower_ in cues.temporal_marks and bare_present(head):
            found = Assessment("planned", f"present after '{child.text}'")  # "when the ministers meet"
        if child.dep_ in {"advmod", "prep"} and bare_present(head) and (habit := _habitual(child, cues)):
            return Assessment("dropped", f"habitual '{head.text} ... {habit}'")  # "he talks with X from time to time"
        if child.dep_ not in {"aux", "auxpass"} or child == name:
            continue
        if word in cues.future_aux or lemma in cues.future_aux or (word == "would" and head.dep_ == "ccomp"):
            found = Assessment("planned", f"future '{child.text}'")
        elif modals and (word in cues.hypothetical_aux or lemma in cues.hypothetical_aux):
            return Assessment("dropped", f"hypothetical '{child.text}'")
    return found


def _known_event(subject: Token, verb: Token, cues: Modality) -> bool:
    """A definite event a passive verb says something of, neither realising nor cancelling it: what is in doubt
    is what is said, not the event ("the U.S. strike could be considered self-defence"; but "the strike could
    be carried out" says whether it was)."""
    realising = {_lemma(verb), verb.lemma_.lower()} & {*cues.light_verbs, *cues.occurrence_verbs}
    return is_definite(subject) and not realising


def _judgement(verb: Token) -> bool:
    """A verb that judges its subject: "the Uruguay meeting is considered to have been successful", "the
    strike was seen as a warning" (not one that schedules it: "the meeting is expected to review the accord")."""
    if verb.lemma_.lower() in PROSPECTS:
        return False
    return any(c.dep_ in {"xcomp", "oprd"} or c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)


def _own_clause(conjunct: Token) -> bool:
    """A coordinated verb that is a clause of its own: an auxiliary or subject of its own, an active past tense
    with an object that cannot share a passive's auxiliary ("the EU was not consulted before Pompeo announced the
    summit", which the parser coordinates), or after "but"."""
    own = any(c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in conjunct.children)
    passive = any(c.dep_ == "auxpass" for c in conjunct.head.children)
    own = own or passive and conjunct.tag_ == "VBD" and any(c.dep_ == "dobj" for c in conjunct.children)
    return own or any(c.dep_ == "cc" and c.lower_ in {"but", "yet"} for c in conjunct.head.children)


def _drawing_near(verb: Token) -> bool:
    """A progressive verb of approach: "the summit is approaching", "with the meeting coming up"."""
    if verb.tag_ != "VBG":
        return False
    lemma = verb.lemma_.lower()
    return lemma in {"approach", "loom", "near"} or lemma == "come" and any(c.lower_ == "up" for c in verb.children)


def _later_than(node: Token, prep: Token) -> bool:
    """A sequence preposition whose event falls no earlier than its clause's: "before/until X", or "after" a
    gerund of the clause's own subject ("would act after consulting"; not "will respond after the attack",
    nor a perfect gerund, "will fly home after having completed a visit")."""
    if prep.lower_ in {"before", "until"}:
        return True
    perfect = any(c.dep_ == "aux" and {c.lemma_.lower(), c.lower_} & {"have", "having"} for c in node.children)
    return prep.lower_ == "after" and node.dep_ == "pcomp" and not perfect


def _habitual(modifier: Token, cues: Modality) -> str | None:
    """An adverb of frequency, one word ("regularly") or a listed phrase it opens ("from time to time")."""
    following = modifier.doc[modifier.i : modifier.i + 4].text.lower() + " "
    return next((p for p in cues.habitual_adverbs if p == modifier.lower_ or " " in p and following.startswith(f"{p} ")), None)


def is_back_reference(trigger: Token, cues: Modality, past_days: bool = False) -> bool:
    """A definite event noun not reported as happening here ("the attack prompted", "condemned the strikes");
    with `past_days`, one named by a day gone by too ("yesterday's meeting": meetings, whose sides an article
    names once, not attacks, which it reports many of)."""
    if is_verbal(trigger):
        return False
    definite = any(c.dep_ in {"det", "poss"} and c.lower_ in cues.reference_determiners for c in trigger.children)
    definite = definite or past_days and any(c.dep_ == "poss" and _past_day(c) for c in trigger.children)
    if not definite:
        return False
    reported_here = trigger.dep_ in {"dobj", "nsubjpass"} and trigger.head.lemma_.lower() in cues.light_verbs
    return not reported_here
