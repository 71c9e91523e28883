"""Where a meeting took place, the CAMEO sub-code that follows from it (codebook `venue_codes`), the
political setting that keeps a meeting without actors (codebook `stand_ins`), and the town an event of any
type names, which tells two events of one article apart.

"Trump met Putin in Helsinki" is a meeting at a third location (044). The venue is a place name in an "in"/"at" phrase on the trigger, or on the verb that
reports a noun trigger ("held talks in Sochi").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from pipeline.codebook.schema import StandIns, VenueCodes
from pipeline.coding.actors import ActorMarks
from pipeline.coding.syntax import is_verbal, np_tokens, subjects
from pipeline.records import Actor

VENUE_PREPS = frozenset({"in", "at"})
SETTING_PREPS = VENUE_PREPS | {"under"}  # "under UN auspices"
PLACE_KINDS = frozenset({"country", "capital", "city", "fixed"})
SETTING_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss"})
PARTY_PREPS = ("between", "among", "with", "of")
FIRST_PERSONS = frozenset({"i", "we", "you"})
EDGES = frozenset({"sideline", "sidelines", "margin", "margins", "fringe", "fringes"})


def venue_country(trigger: Token, marks: ActorMarks, topic_object: bool = False) -> str | None:
    """Country of the place named as where the event happened, if the sentence names one; a `topic_object`
    says where its topic is, not the event ("discussed developments in Syria with Erdoğan")."""
    for phrase in _venue_phrases(trigger, objects=not topic_object):
        for token in phrase:
            entry = marks.names[token.i][0] if token.i in marks.names else None
            if entry is not None and entry.kind in PLACE_KINDS and entry.country:
                return None if _named_elsewhere(entry.country, phrase, marks) else entry.country
    return None


TOWN_PREPS = VENUE_PREPS | {"on", "near", "against", "to", "into", "inside", "outside", "around", "of"}
TOWN_KINDS = frozenset({"city", "capital"})


def event_town(trigger: Token, marks: ActorMarks) -> str | None:
    """The town or city named as where the event happened or went ("the Aleppo airstrike", "airstrikes on
    Douma", "bombed Afrin", "talks in Geneva", "a visit to Tokyo"), as written in the codebook's match; None
    if none is."""
    owned = [c for c in trigger.children if c.dep_ == "compound" or c.dep_ == "dobj" and is_verbal(trigger)]
    phrases = [np_tokens(c) for c in owned] + list(_venue_phrases(trigger, TOWN_PREPS))
    for token in (t for phrase in phrases for t in phrase):
        if token.i in marks.names and marks.names[token.i][0].kind in TOWN_KINDS:
            return marks.names[token.i][1].text
    return None


def political_setting(trigger: Token, marks: ActorMarks, stand_ins: StandIns) -> bool:
    """Whether the trigger names a political setting that stands in for missing actors: "the Geneva arms
    control talks", "a ministerial meeting in Vienna", "a meeting between importing countries", "delegates
    attended a conference". A verb trigger's place says nothing about who met, so only a subject of a
    political kind counts there."""
    if is_verbal(trigger):  # "I met a group of psychotherapists in Jordan": the named parties are not political
        return any(party.lemma_.lower() in stand_ins.parties for party in subjects(trigger))
    reporters = subjects(trigger.head) if is_verbal(trigger.head) else []
    if any(s.lower_ in FIRST_PERSONS for s in reporters):
        return False  # "we attended a meeting in London": a reporter or a witness, not a state
    if any(s.lemma_.lower() in stand_ins.parties for s in reporters):
        return True  # "the delegates made their way to Sochi to attend a conference"
    owned = [c for c in trigger.children if c.dep_ in SETTING_MODIFIERS]
    modifiers = [t for c in owned for t in c.subtree]
    hyphenated = {"".join(t.text for t in c.subtree).lower() for c in owned}  # "three-way" is three tokens
    if any({t.lower_, t.lemma_.lower()} & set(stand_ins.modifiers) for t in modifiers) or hyphenated & set(stand_ins.modifiers):
        return True
    if stand_ins.places:  # "talks will resume under UN auspices in Vienna"
        places = modifiers + [t for phrase in _venue_phrases(trigger, SETTING_PREPS) for t in phrase]
        if any(t.i in marks.names and marks.names[t.i][0].kind in PLACE_KINDS for t in places):
            return True
    phrases = [t for prep in trigger.children if prep.dep_ == "prep" and prep.lower_ in PARTY_PREPS for t in prep.subtree]
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in stand_ins.parties for t in phrases)


def _venue_phrases(trigger: Token, preps: frozenset[str] = VENUE_PREPS, objects: bool = True) -> Iterator[list[Token]]:
    """The noun phrases of "in"/"at" (or other `preps`) phrases on the trigger, on the verb reporting a noun
    trigger or (with `objects`) on a verb's object, and the phrases nested in them ("under UN auspices in Vienna")."""
    holders = [trigger]
    if not is_verbal(trigger) and trigger.dep_ in {"dobj", "nsubj", "nsubjpass", "attr"} and is_verbal(trigger.head):
        holders.append(trigger.head)  # "held talks in Sochi", "talks will resume in Vienna"
    if is_verbal(trigger) and objects:  # "met Iran's leaders in Tehran": the parser may hang the place on the object
        holders += [c for c in trigger.children if c.dep_ == "dobj"]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep":
                continue
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                if prep.lower_ in preps or prep.lower_ == "on" and pobj.lemma_.lower() in EDGES:  # "on the sidelines of"
                    yield np_tokens(pobj)
                    yield from _venue_phrases(pobj, preps)


def _named_elsewhere(country: str, phrase: list[Token], marks: ActorMarks) -> bool:
    """The venue's country also named outside the venue phrase: "a summit in Tehran ... with Russia and
    Iran" may have a third party the row's two actors leave out, so the venue cannot say 'elsewhere'."""
    inside = {t.i for t in phrase}
    return any(i not in inside and entry.country == country for i, (entry, _) in marks.names.items())


def venue_code(codes: VenueCodes, code: str, venue: str | None, source: Actor | None, target: Actor | None) -> str:
    """The sub-code the venue decides for a row coded `code`, or `code` when the text does not settle it."""
    if code not in codes.replaces or venue is None or source is None or target is None:
        return code
    home, away = source.country, target.country
    if home is None or away is None or home == away:
        return code
    if venue == home:
        return codes.source_country or code
    if venue == away:
        return codes.target_country or code
    return codes.elsewhere
