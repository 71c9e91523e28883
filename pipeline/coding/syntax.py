"""Small readings of the dependency parse shared by event matching, actor attribution and dating.

en_core_web_sm's parse is good but not perfect; the few fallbacks here (a subject found just left of its
verb when the parser attached it elsewhere) are stated where they are used.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

PARTITIVES = frozenset(
    {"round", "series", "session", "wave", "string", "spate", "salvo", "volley", "barrage", "day", "week", "hour", "month",
     "dozen", "score", "hundred", "thousand", "number", "handful", "flurry", "succession"}  # "killed in dozens of airstrikes"
)

SESSIONS = frozenset({"council", "cabinet", "committee", "board", "panel"})  # bodies whose own meetings are sessions
# passive verbs whose subject does what their infinitive says: "X is expected / was asked to meet Y"
RAISING = frozenset({"expect", "schedule", "set", "slate", "plan", "ask", "invite", "urge", "tell", "summon", "call",
                     "order", "send", "force", "allow", "authorize", "authorise", "permit", "encourage", "say",
                     "believe", "report", "think", "require", "oblige", "appoint", "choose", "elect", "select",
                     "see", "understand", "know", "rumour", "rumor", "instruct", "direct",
                     "empower", "mandate", "persuade", "press", "pressure", "request"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
NP_MODIFIER_DEPS = frozenset(
    {"compound", "amod", "poss", "nmod", "nummod", "det", "case", "appos", "flat", "quantmod", "predet", "prt", "npadvmod"}
)
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
VERBAL_POS = frozenset({"VERB", "AUX"})
# prepositions putting an event before or after what the clause reports ("said after the attack", "prior to
# the talks", "despite the shelling"): the clause's actors and date are not the event's
SEQUENCE_PREPS = frozenset({"after", "before", "following", "since", "despite", "amid", "until", "ahead", "prior"})


def is_verbal(token: Token) -> bool:
    return token.pos_ in VERBAL_POS


def bare_present(verb: Token) -> bool:
    """A present tense with no auxiliary ("meets", "hold talks"): in news, what is scheduled or habitual."""
    return verb.tag_ in {"VBZ", "VBP"} and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)


def conjuncts(token: Token) -> list[Token]:
    """The token and every token coordinated with it (X, Y and Z), in sentence order."""
    return sorted({token, *token.conjuncts}, key=lambda t: t.i)


MONTH_NAMES = frozenset({"May"})  # a month that is also a leader's name
PARTY_PREPS = frozenset({"with", "by", "between"})  # "talks with May", not "postponed to May"
NAME_TITLES = frozenset({"theresa", "mrs", "ms"})


def month_as_name(token: Token) -> bool:
    """Whether a month name names a person: after a given name or title ("Theresa May"), or standing bare where
    a party does, as the subject, the object, or the object of "with", "by" or "between" ("talks with May"),
    not "in May" or "since May 3"."""
    if token.text not in MONTH_NAMES:
        return False
    if token.i > 0 and token.doc[token.i - 1].lower_.strip(".") in NAME_TITLES:
        return True
    bare = not any(c.dep_ in {"nummod", "det", "amod", "prep", "compound"} for c in token.children)
    if token.dep_ == "pobj":
        return bare and token.head.lower_ in PARTY_PREPS
    return bare and token.dep_ in {"nsubj", "nsubjpass", "dobj", "conj", "aux"}


def name_taken_for_modal(verb: Token) -> Token | None:
    """A capitalised "May" the parser took for the modal of a verb it cannot be the modal of: "May held
    talks" (a finite verb), "May will meet" (a second auxiliary). It is the verb's subject (Theresa May)."""
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i < verb.i]
    name = next((c for c in auxiliaries if c.text == "May"), None)
    if name is None:
        return None
    return name if verb.tag_ != "VB" or len(auxiliaries) > 1 else None


def stolen_subject(verb: Token) -> Token | None:
    """A verb with no subject whose left neighbour noun phrase was attached elsewhere by the parser.

    "..., Iraq's Parliament passed a resolution" is sometimes parsed with "Parliament" as an apposition
    of an earlier noun; English puts the subject right before its verb, so that phrase is taken back.
    """
    if verb.dep_ in {"xcomp", "relcl", "acl", "conj", "amod", "pcomp"} or verb.tag_ in {"VBG", "VBN"} and verb.dep_ != "ROOT":
        return None
    if any(child.dep_ in SUBJECT_DEPS or child.dep_ == "expl" for child in verb.children):
        return None
    named = name_taken_for_modal(verb)
    if named is not None:
        return named
    left = verb.i - 1
    doc = verb.doc
    closed = False  # a comma between the phrase and the verb closes an apposition
    while left >= verb.sent.start and (doc[left].dep_ in {"advmod", "aux", "auxpass", "neg"} or doc[left].is_punct):
        closed = closed or doc[left].is_punct
        left -= 1
    if left < verb.sent.start:
        return None
    candidate = doc[left]
    if closed and candidate.dep_ == "appos" and candidate.head.pos_ in {"NOUN", "PROPN"}:
        candidate = candidate.head  # "the US adviser, John Bolton, visited": the whole phrase is the subject
    if candidate.pos_ in {"NOUN", "PROPN"} and candidate.head != verb and candidate.dep_ in {"appos", "conj", "dobj", "pobj", "npadvmod"}:
        return candidate
    return None


def subjects(verb: Token) -> list[Token]:
    """Heads of the verb's active subject, inherited through xcomp/conj/relcl/acl when the verb has none."""
    found = [c for c in verb.children if c.dep_ in {"nsubj", "csubj"}]
    if verb.dep_ == "relcl" and verb.head.pos_ in NOMINAL_POS:  # "the troops which attacked": the troops
        found = [verb.head if c.tag_ in {"WDT", "WP"} else c for c in found]
    if found:
        return [t for head in found for t in conjuncts(head)]
    governor = _controller(verb)
    if governor is not None:
        return subjects(governor)
    stolen = stolen_subject(verb)
    if stolen is not None:
        return [stolen]
    # "the minister is expected to meet", "X was asked to visit": X meets (not "is thought to have been killed",
    # nor "it has been used to launch attacks", an instrument)
    active = verb.dep_ == "xcomp" and not any(c.dep_ == "auxpass" for c in verb.children)
    raising = active and verb.head.lemma_.lower() in RAISING
    # (a council expected to discuss something sits alone: "the budget council is expected to discuss it at a meeting")
    raised = [c for c in verb.head.children if c.dep_ == "nsubjpass" and c.lemma_.lower() not in SESSIONS] if raising else []
    if raised:
        return [t for head in raised for t in conjuncts(head)]
    if verb.dep_ in {"xcomp", "conj"} and verb.head != verb and is_verbal(verb.head):
        return subjects(verb.head) if verb.dep_ == "xcomp" or not _has_object_subject(verb) else []
    if verb.dep_ == "xcomp" and verb.head.dep_ == "acomp" and is_verbal(verb.head.head):
        return subjects(verb.head.head)  # "Putin and Erdogan are due to meet", "Turkey is ready to attack"
    if verb.dep_ in {"relcl", "acl"} and verb.head.pos_ in NOMINAL_POS and not _where_or_passive(verb):
        return [verb.head]
    return []


def awaited_object(token: Token) -> bool:
    """The object of "ahead of" or "prior to": an event still to come when something happens ("ahead of the talks")."""
    return token.dep_ == "pobj" and token.head.lower_ in {"of", "to"} and token.head.head.lower_ in {"ahead", "prior"}


def is_definite(noun: Token) -> bool:
    """A determiner or possessor that picks out one known thing ("the summit", "Russia's attack"), not "a",
    "an", "any" or "some"."""
    return any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ not in {"a", "an", "any", "some"} for c in noun.children)


def _where_or_passive(verb: Token) -> bool:
    """A relative clause whose noun is where or when it happened, or that has a passive subject of its own:
    "Ghouta, where 500 people were killed" (Ghouta killed nobody); not "Herrington, who is scheduled to meet"."""
    return any(
        c.dep_ == "nsubjpass" and c.tag_ not in {"WDT", "WP"} or c.dep_ == "advmod" and c.lower_ in {"where", "when"}
        for c in verb.children
    )


def _controller(verb: Token) -> Token | None:
    """The verb whose subject is also the unstated subject of a non-finite clause: 'said' in "In opening
    the meeting, Ortega said", "Meeting Putin, Erdogan said", "Lavrov flew to Ankara to meet Cavusoglu"."""
    if verb.tag_ not in {"VBG", "VB"}:
        return None
    if verb.dep_ == "advcl" and is_verbal(verb.head):
        return verb.head
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and is_verbal(verb.head.head):
        return verb.head.head
    return None


def _has_object_subject(verb: Token) -> bool:
    return any(c.dep_ == "nsubjpass" for c in verb.children)


def passive_agents(verb: Token) -> list[Token]:
    """Objects of the verb's passive 'by' phrase (was struck by X)."""
    return [t for agent in verb.children if agent.dep_ == "agent" for pobj in agent.children if pobj.dep_ == "pobj" for t in conjuncts(pobj)]


def passive_subjects(verb: Token) -> list[Token]:
    return [t for c in verb.children if c.dep_ == "nsubjpass" for t in conjuncts(c)]


def direct_objects(verb: Token) -> list[Token]:
    return [t for c in verb.children if c.dep_ in {"dobj", "dative"} for t in conjuncts(c)]


def prep_objects(token: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of the token's prepositions among `preps` ("strikes on X", "met with X")."""
    wanted = set(preps)
    found: list[Token] = []
    for prep in token.children:
        if prep.dep_ in {"prep", "agent", "dative"} and prep.lower_ in wanted:
            found += [t for pobj in prep.children if pobj.dep_ == "pobj" for t in conjuncts(pobj)]
    return found


def np_tokens(head: Token) -> list[Token]:
    """The noun phrase headed by `head`: its modifiers and 'of' phrases, without clauses.

    Coordination inside a modifier stays in ('U.S. and Russian negotiators', 'ministers of India and
    China'); coordination of the head itself does not (that is two phrases).
    """
    collected: set[Token] = set()
    stack = [head]
    while stack:
        token = stack.pop()
        if token in collected:
            continue
        collected.add(token)
        for child in token.children:
            if child.dep_ in NP_MODIFIER_DEPS and not _taken_as_subject(child):
                stack.append(child)
            elif child.dep_ in {"conj", "cc"} and token != head:
                stack.append(child)
            elif child.dep_ == "prep" and child.lower_ == "of":
                collected.add(child)
                stack += [pobj for pobj in child.children if pobj.dep_ == "pobj"]
    return sorted(collected, key=lambda t: t.i)


def _taken_as_subject(token: Token) -> bool:
    """True for an apposition the parser hung here that really is the subject of the next verb."""
    if token.dep_ != "appos":
        return False
    nxt = token.i + 1
    doc = token.doc
    while nxt < len(doc) and doc[nxt].dep_ in {"advmod", "aux", "auxpass", "neg"}:
        nxt += 1
    return nxt < len(doc) and is_verbal(doc[nxt]) and stolen_subject(doc[nxt]) == token


def event_anchor(trigger: Token) -> Token:
    """The noun standing for a noun trigger in its clause: 'round' in 'X concluded a round of talks',
    'wave' in 'a wave of air strikes hit Y', 'dozens' in 'killed in dozens of airstrikes'; else the trigger."""
    head = trigger.head
    if trigger.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and head.head.lemma_.lower() in PARTITIVES:
        return head.head
    return trigger
