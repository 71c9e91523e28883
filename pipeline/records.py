"""Plain records passed between stages. Frozen: a stage never edits what an earlier stage produced."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned news article, ready for coding."""

    id: str
    text: str
    published: dt.date | None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    origin: str = ""  # file (and line) it was read from, for tracing


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input record that could not be coded, kept with the reason so nothing is silently lost."""

    origin: str
    reason: str  # short machine-readable code, e.g. "invalid_json"
    message: str
    article_id: str | None = None
    excerpt: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """A coded actor: CAMEO code (country + role, or IGO...), its country and the words it came from."""

    code: str | None
    country: str | None
    text: str
    role: str | None = None
    ref: str | None = None  # set when the words point elsewhere: "dyad" (the sides), "pronoun" (he), "name" (a person
    # or place the dictionary does not know, not an organisation),
    # or "place" when the actor is only where a strike landed ("in fighting near Ouadi Doum"), "theatre" for the
    # country the fighting is in (the article's theatre, or the place struck) given to a side the words leave
    # without one, or "article" for a side the sentence leaves out that the article's other attacks name
    # (the side its attacker is shown striking, or the article's usual attacker), or "owner" for "its"/"their"
    # ("its jets"), which the article resolves to the last country it showed attacking

    @property
    def key(self) -> str | None:
        """What identifies the actor when comparing mentions: its country, else an IGO/group code without the
        role of its people (the EU's ministers are the EU), else None."""
        if self.country:
            return self.country
        code = self.code[: -len(self.role)] if self.code and self.role and self.code.endswith(self.role) else self.code
        return code if code and len(code) > 3 else None


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened and how we know."""

    date: dt.date | None
    source: str  # explicit | relative | linked | publication | none
    precision: str | None = None  # day | week | month | year
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """One coded event in one sentence, with everything needed to explain it."""

    article_id: str
    sentence_index: int
    sentence: str
    trigger: str
    trigger_start: int  # character offset of the trigger in the sentence
    event_type: str
    cameo_code: str
    rule_id: str
    modality: str  # asserted | planned
    is_reference: bool
    source: Actor | None
    target: Actor | None
    date: EventDate
    part: int = 0  # 1, 2... for a trigger's further events (a compound side's other attackers)
