"""Pydantic models of the codebook files. Frozen and `extra="forbid"`: a typo in a key is an error, not a silent default.

The event codebook (`events.yaml` plus the files it includes) is documented in `codebooks/README.md`.
Patterns describe tokens of the dependency parse: a `trigger` token and further tokens related to it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

CameoCode = Annotated[str, StringConstraints(pattern=r"^\d{2,4}$")]
RuleId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+(\.[a-z0-9_]+)*$")]
Word = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
RoleCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
EventTypeName = Literal["strike", "meeting", "resolution", "invitation"]
Relation = Literal[
    "child", "head", "descendant", "ancestor", "left_sibling", "right_sibling", "next", "previous", "before", "after"
]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class NotIn(Frozen):
    """`{not: [...]}`: the attribute must be none of these values."""

    not_: tuple[Word, ...] = Field(alias="not", min_length=1)


Match = Word | tuple[Word, ...] | NotIn


class TokenSpec(Frozen):
    """Attributes one token must have. A list means any of them; `{not: [...]}` means none of them."""

    lemma: Match | None = None
    lower: Match | None = None
    pos: Match | None = None
    tag: Match | None = None
    dep: Match | None = None
    ent_type: Match | None = None

    def attributes(self) -> dict[str, Match]:
        """The attributes that are set, by name."""
        return {name: value for name in ATTRIBUTES if (value := getattr(self, name)) is not None}


ATTRIBUTES = ("lemma", "lower", "pos", "tag", "dep", "ent_type")


class Node(TokenSpec):
    """A token related to its parent node (the trigger, or the node it is nested in) by `rel`."""

    rel: Relation
    with_: tuple[Node, ...] = Field((), alias="with")

    @model_validator(mode="after")
    def _constrained(self) -> Node:
        if not self.attributes() and not self.with_:
            raise ValueError(f"a '{self.rel}' node needs an attribute ({', '.join(ATTRIBUTES)}) or nodes under 'with'")
        return self


class Pattern(Frozen):
    """A trigger token plus tokens related to it. In exclusions and refinements the trigger may be left out."""

    trigger: TokenSpec | None = None
    with_: tuple[Node, ...] = Field((), alias="with")

    def specs(self) -> Iterator[TokenSpec]:
        """The trigger's spec (when given) and every node's, nested ones included."""
        if self.trigger is not None:
            yield self.trigger
        stack = list(self.with_)
        while stack:
            node = stack.pop()
            yield node
            stack.extend(node.with_)


class Example(Frozen):
    """A sentence a rule must code, optionally with the code and actors it must yield."""

    text: Word
    cameo_code: CameoCode | None = None
    source: str | None = Field(None, description="expected source actor code, or its country")
    target: str | None = Field(None, description="expected target actor code, or its country")
    published: str | None = Field(None, description="publication date (ISO) the sentence is coded against")


class Examples(Frozen):
    """Sentences the rule must code (positive) and must not code (negative); the test suite runs every one."""

    positive: tuple[Word | Example, ...] = Field(min_length=1)
    negative: tuple[Word, ...] = Field(min_length=1)


class Refinement(Frozen):
    """A more specific CAMEO code for a rule's events, applied when one of `when` matches at the trigger."""

    id: RuleId
    cameo_code: CameoCode
    rationale: Word
    when: tuple[Pattern, ...] = Field(min_length=1)
    examples: Examples


Planned = Literal["drop"] | CameoCode


class Rule(Frozen):
    """One way language reports an event of a type, with the CAMEO code it gets."""

    id: RuleId
    event_type: EventTypeName
    cameo_code: CameoCode
    rationale: Word
    patterns: tuple[Pattern, ...] = Field(min_length=1)
    exclusions: tuple[Pattern, ...] = ()
    refinements: tuple[Refinement, ...] = Field((), description="ordered: the first that matches wins")
    overrides: tuple[RuleId, ...] = Field((), description="rules this one replaces when both match a trigger")
    planned: Planned | None = Field(None, description="what a planned event yields; default from the event type")
    target_preps: tuple[Word, ...] | None = Field(None, description="prepositions introducing the target")
    direct_object: Literal["target", "topic"] = Field(
        "target", description="whether a verb trigger's object is the target (met X) or the topic (discussed X)"
    )
    antecedent: bool = Field(
        False,
        description="rows only as further mentions of an event the article reported earlier ('Egypt condemned the "
        "attack'): kept when the article pass links them to it, dropped otherwise",
    )
    unlinked_named: bool = Field(
        False,
        description="with `antecedent`: a mention the article pass links to nothing is still a row when its sentence "
        "names a party to it ('Miyazawa told the meeting'); right where the clause around the noun names participants "
        "(meetings), wrong where it names who reacted ('Egypt condemned the attack')",
    )
    mutual: bool = Field(
        False,
        description="the trigger's coordinated subjects are its two sides ('troops and rebels clashed near Hama'): "
        "the second is the target, and a town on the clause is where it happened, not a side",
    )
    destination_modifiers: bool = Field(
        False,
        description="a place named in a noun trigger's compound is where the event went, so the target ('a UK state "
        "visit'), not who acted",
    )
    examples: Examples

    @model_validator(mode="after")
    def _patterns_have_triggers(self) -> Rule:
        for number, pattern in enumerate(self.patterns, start=1):
            if pattern.trigger is None or not pattern.trigger.attributes():
                raise ValueError(f"pattern {number} has no trigger attributes")
        if self.unlinked_named and not self.antecedent:
            raise ValueError("unlinked_named applies only to a rule with antecedent: true")
        return self


class VenueCodes(Frozen):
    """Sub-codes a meeting's venue decides, for rows whose code is one of `replaces` (the residual 040): in
    a country of neither actor, a third place (044); optionally in the source's or the target's country (left
    unset when a resident actor, such as an ambassador, makes the venue say nothing about who travelled)."""

    replaces: tuple[CameoCode, ...] = Field(min_length=1)
    elsewhere: CameoCode
    source_country: CameoCode | None = None
    target_country: CameoCode | None = None


class StandIns(Frozen):
    """What stands in for missing actors: a row with fewer than `min_actors` is kept when its trigger names a
    political setting instead: a state's place ("the Geneva talks", "a ministerial meeting in Vienna"), a
    political modifier, or parties named only by kind ("a meeting between importing countries")."""

    places: bool = Field(True, description="a country, capital or city on the trigger or in an in/at phrase")
    modifiers: tuple[Word, ...] = Field((), description="modifiers of the trigger (ministerial, bilateral)")
    parties: tuple[Word, ...] = Field((), description="kinds of party, as subject or between/with/of object")


class OtherSense(Frozen):
    """An article-level test for a trigger word with a second sense: in an article that uses words of the other
    sense and none of this type's, the word is the other sense ("the strikes in Brazil" in a report on
    seamen's pay)."""

    triggers: tuple[Word, ...] = Field(min_length=1, description="trigger words as written, lower-case (strike, strikes)")
    other: tuple[Word, ...] = Field(min_length=1, description="words of the other sense (union, wages)")
    own: tuple[Word, ...] = Field(min_length=1, description="words of this type's sense; one of them keeps the row")


class EventType(Frozen):
    """Defaults shared by every rule of one event type."""

    description: Word
    planned: Planned
    target_preps: tuple[Word, ...] = ()
    source_preps: tuple[Word, ...] = ("by",)
    reciprocal: bool = Field(False, description="two joint subjects (X and Y met) become source and target")
    instruments: tuple[Word, ...] = Field((), description="lemmas naming a weapon or means, never the target")
    places_struck: bool = Field(
        False, description="a place name as the object says where the event struck: its country (attacked Paris: FRA)"
    )
    min_actors: int = Field(
        0, ge=0, le=2, description="actors (coded, or named) a row needs; a meeting between nobody is no event"
    )
    stand_ins: StandIns | None = Field(None, description="political settings that stand in for missing actors")
    uncounted_roles: tuple[Word, ...] = Field(
        (), description="roles that do not count towards min_actors (BUS, LAB: talks between a company and a union)"
    )
    private_modifiers: tuple[Word, ...] = Field(
        (), description="modifiers of a private body's routine event (the annual meeting): a row only with a state or IGO in it"
    )
    organ_modifiers: tuple[Word, ...] = Field(
        (), description="a body's own organ (board, council): a row only with an international body in it (the ICO board meeting)"
    )
    other_sense: OtherSense | None = Field(None, description="an article-level test for a trigger's other sense")
    excluded_source_roles: tuple[Word, ...] = Field(
        (), description="roles whose events are never of this type (LAB: a strike by a union is a labour strike)"
    )
    venue_codes: VenueCodes | None = Field(None, description="codes set by where the event took place (meetings)")
    recipient_verbs: tuple[Word, ...] = Field(
        (), description="verbs reporting a noun event whose subject receives it: the target (received an invitation)"
    )
    separate_codes: tuple[CameoCode, ...] = Field(
        (), description="codes whose mentions are never the same event as one of another code (a phone call, a meeting)"
    )
    speaker_acts: bool = Field(
        False, description="an agentless passive event reported by someone is theirs (Moscow announced Kurds would be invited)"
    )
    destination_preps: tuple[Word, ...] = Field(
        (), description="prepositions of a place the target goes to, never the target itself (invited Assad to Sochi)"
    )
    relay_verbs: tuple[Word, ...] = Field(
        (), description="appeals by which a legislature asks its own government to act on another state: that state is the target"
    )


class Modality(Frozen):
    """Words that turn a matched trigger into no event (negated, hypothetical, failed) or a planned one."""

    negators: tuple[Word, ...]
    hypothetical_aux: tuple[Word, ...]
    future_aux: tuple[Word, ...]
    drop_governors: tuple[Word, ...] = Field(description="verbs/nouns governing the event that cancel it")
    planned_governors: tuple[Word, ...] = Field(description="verbs/nouns governing the event that make it planned")
    drop_modifiers: tuple[Word, ...] = Field(description="modifiers of a noun trigger that cancel it (draft)")
    planned_modifiers: tuple[Word, ...] = Field(description="modifiers of a noun trigger that make it planned")
    current_modifiers: tuple[Word, ...] = Field(
        (), description="modifiers of a noun trigger that say it is going on, whatever its clause's future ('at the current meeting')"
    )
    hypothetical_marks: tuple[Word, ...] = Field(description="subordinators that make a clause hypothetical (if)")
    reference_determiners: tuple[Word, ...] = Field(description="determiners marking a back-reference (the)")
    nonspecific_determiners: tuple[Word, ...] = Field(
        (), description="determiners that make an event noun no particular event ('take part in any strike')"
    )
    light_verbs: tuple[Word, ...] = Field(description="verbs that report a noun event as happening (carry out)")
    occurrence_verbs: tuple[Word, ...] = Field(description="verbs whose negation negates their subject event")
    pause_words: tuple[Word, ...] = Field(
        (), description="nouns of a pause in events ('a lull in the fighting'): what they govern did not happen"
    )
    done_participles: tuple[Word, ...] = Field(
        (), description="past participles that report an event noun done when they name its doer ('the motion, passed by the committee')"
    )
    reaction_verbs: tuple[Word, ...] = Field(
        (), description="verbs whose negation says nothing of the event they take as object ('did not condemn the strikes')"
    )
    outcome_words: tuple[Word, ...] = Field(
        (), description="governors whose 'of' object happened ('the failure of the talks'), though not their infinitive ('failure to meet')"
    )
    completion_verbs: tuple[Word, ...] = Field(
        (), description="verbs whose object event is under way, whatever governs them ('expect to conclude the talks', 'failed to end the fighting')"
    )
    cause_words: tuple[Word, ...] = Field(
        (), description="governors whose 'for' object is what they answer, so it happened ('would retaliate for the attacks')"
    )
    approach_preps: tuple[Word, ...] = Field(
        (), description="prepositions of an event still approached, so planned ('as the region lurches toward talks')"
    )
    temporal_marks: tuple[Word, ...] = Field(
        (), description="subordinators after which a bare present is still to come ('when the ministers meet')"
    )
    sequence_words: tuple[Word, ...] = Field(
        (), description="words that put one event before or after another ('after the raid') or back it ('backed by airstrikes'): two events, not one"
    )
    directive_verbs: tuple[Word, ...] = Field(
        (), description="verbs whose infinitive is an instruction, not a report ('told its supporters to carry out attacks')"
    )
    habitual_adverbs: tuple[Word, ...] = Field(
        (), description="adverbs that make a bare present habitual, no one event ('he talks with Baker from time to time')"
    )


class EventsFile(Frozen):
    """`events.yaml`: event types, modality cues and rules (more rules may come from included files)."""

    version: Word
    cameo_table: Word = "cameo_event_codes.csv"
    include: tuple[Word, ...] = ()
    event_types: dict[EventTypeName, EventType]
    modality: Modality
    rules: tuple[Rule, ...] = ()


class RulesFile(Frozen):
    """An included rules file: rules, plus named word lists that the rules reference as YAML anchors."""

    lists: dict[str, tuple[Word, ...]] = Field(default_factory=dict)
    rules: tuple[Rule, ...]


Iso3 = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
ActorCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}([A-Z]{3}){0,4}$")]


class Country(Frozen):
    """A country: its ISO-3 code and the words that name it, describe it, or stand for its government."""

    code: Iso3
    names: tuple[Word, ...] = ()
    adjectives: tuple[Word, ...] = ()
    capitals: tuple[Word, ...] = ()
    cities: tuple[Word, ...] = Field((), description="other cities: a place, coded as the country alone")


class FixedActor(Frozen):
    """A named body with a fixed code: an IGO, an armed group, or an institution used as a metonym."""

    code: ActorCode
    names: tuple[Word, ...] = Field(min_length=1)
    country: Iso3 | None = None
    role: RoleCode | None = None

    @model_validator(mode="after")
    def _code_agrees(self) -> FixedActor:
        if self.country and not self.code.startswith(self.country):
            raise ValueError(f"code {self.code} does not start with its country {self.country}")
        return self


class Role(Frozen):
    """A CAMEO role (agent) suffix and the nouns and titles that signal it."""

    code: RoleCode
    name: Word
    words: tuple[Word, ...] = Field(min_length=1, description="lemmas or multi-word phrases, matched lower-case")


class References(Frozen):
    """Words that point back to actors named earlier in the article."""

    dyad_nouns: tuple[Word, ...] = Field(description="plural nouns meaning 'both parties' (the sides)")
    person_pronouns: tuple[Word, ...]
    speaker_pronouns: tuple[Word, ...] = Field((), description="pronouns of reported speech that stand for the speaker")
    honorifics: tuple[Word, ...] = Field((), description="words before a name that leave it the same person (Mr, Sheikh)")
    home_words: tuple[Word, ...] = Field(
        (), description="words for the state of the country an article's fighting is in ('the regime', 'government forces')"
    )
    local_roles: tuple[RoleCode, ...] = Field(
        (), description="roles whose people belong to the country they are in (civilians, rebels); soldiers may be foreign"
    )


class Term(Frozen):
    """A period in which a person holds a role (dates inclusive; open-ended when left out)."""

    role: RoleCode
    start: dt.date | None = Field(None, alias="from")
    end: dt.date | None = Field(None, alias="to")
    note: str | None = Field(None, description="the office, for reviewers (e.g. 'president')")
    actor: ActorCode | None = Field(
        None, description="the group or body the person acts for, coded instead of the country (IMGMUSISI for an Isis leader)"
    )

    @model_validator(mode="after")
    def _ordered(self) -> Term:
        if self.start and self.end and self.start > self.end:
            raise ValueError(f"term starts {self.start} after it ends {self.end}")
        return self

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


class Person(Frozen):
    """A named person whose code depends on the date: the role held then, else just the country."""

    name: Word
    aliases: tuple[Word, ...] = Field((), description="other ways news names the person (surname, titles)")
    country: Iso3
    terms: tuple[Term, ...] = ()

    def code_on(self, day: dt.date | None) -> tuple[str, str | None, str | None]:
        """(actor code, country, role) on a publication date; with no date, the latest term's. A term for a
        group without a country ("Islamic State leader": IMGMUSISI) has no country."""
        if day is None:
            term = self.terms[-1] if self.terms else None
        else:
            term = next((t for t in self.terms if t.covers(day)), None)
        if term is None:
            return self.country, self.country, None
        if term.actor is not None:
            return term.actor, self.country if term.actor.startswith(self.country) else None, term.role
        return self.country + term.role, self.country, term.role


class ActorsFile(Frozen):
    """`actors.yaml`: roles, reference words, and countries/actors (more may come from included files)."""

    version: Word
    include: tuple[Word, ...] = ()
    roles: tuple[Role, ...] = Field(min_length=1)
    references: References
    countries: tuple[Country, ...] = ()
    actors: tuple[FixedActor, ...] = ()
    people: tuple[Person, ...] = ()


class ActorsPart(Frozen):
    """An included actors file: countries, fixed actors and/or people."""

    countries: tuple[Country, ...] = ()
    actors: tuple[FixedActor, ...] = ()
    people: tuple[Person, ...] = ()
