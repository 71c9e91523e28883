"""Where a meeting took place, and the CAMEO sub-code that follows from it (codebook `venue_codes`).

"Trump met Putin in Helsinki" is a meeting at a third location (044). The venue is a place name in an "in"/"at" phrase on the trigger, or on the verb that
reports a noun trigger ("held talks in Sochi").
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.codebook.schema import VenueCodes
from pipeline.coding.actors import ActorMarks
from pipeline.coding.syntax import is_verbal, np_tokens
from pipeline.records import Actor

VENUE_PREPS = frozenset({"in", "at"})
PLACE_KINDS = frozenset({"country", "capital", "city", "fixed"})


def venue_country(trigger: Token, marks: ActorMarks) -> str | None:
    """Country of the place named as where the event happened, if the sentence names one."""
    holders = [trigger]
    if not is_verbal(trigger) and trigger.dep_ in {"dobj", "nsubjpass", "attr"} and is_verbal(trigger.head):
        holders.append(trigger.head)
    if is_verbal(trigger):  # "met Iran's leaders in Tehran": the parser may hang the place on the object
        holders += [c for c in trigger.children if c.dep_ == "dobj"]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in VENUE_PREPS:
                continue
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                phrase = np_tokens(pobj)
                for token in phrase:
                    entry = marks.names[token.i][0] if token.i in marks.names else None
                    if entry is not None and entry.kind in PLACE_KINDS and entry.country:
                        return None if _named_elsewhere(entry.country, phrase, marks) else entry.country
    return None


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
