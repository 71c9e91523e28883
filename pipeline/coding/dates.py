"""Event dates: find the date expression the parse attaches to an event and resolve it against publication.

Resolution never lands after the publication date, because the events coded here have happened (planned
meetings are dated by their announcement): a weekday is the latest such weekday, and future expressions
("next week", "on June 29" in a May article) resolve to nothing. A month or day without a year is the
nearer of its last and its coming occurrence, the coming one only within `FUTURE_REACH` days ("the June
summit" in March is this June's), never in a past-tense clause ("promised in January"), always for a
planned event ("talks in September"). "Recently" and "in recent weeks" on the event's own clause date it to
the month a week before publication, "in recent days" to that week: vaguer than a day, truer than the
publication date. A future expression on the event's clause instead tells modality the event is planned
(`future_expression`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipeline.coding.syntax import SEQUENCE_PREPS, awaited_object, bare_present, month_as_name
from pipeline.records import EventDate

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
            ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
            ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {name: n for n, name in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1, "an": 1}
SAME_DAY = ("today", "this morning", "this afternoon", "this evening", "tonight", "earlier today", "on today")
DAY_BEFORE = ("yesterday", "last night", "overnight", "yesterday morning", "yesterday afternoon", "late yesterday")
RECENT_WEEKS = ("recently", "lately", "recent weeks", "the past few weeks", "the last few weeks")
RECENT_DAYS = ("recent days", "the past few days", "the last few days", "the past days", "the last days")
RECENTLY = frozenset({"recently", "lately"})
LOOSE_WORDS = frozenset({"yesterday", "today", "tonight", "overnight", *RECENTLY, *WEEKDAYS})

_month = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_until = r"(?:\s*(?:-|–|and|to)(?:\s*\d{1,2}(?:st|nd|rd|th)?)?)?"  # "June 29 and 30", "29-30 June" (the model may
# leave the last day out of the entity): dated by the first day
_year = r"(?P<year>(?:19|20)\d{2})"
PATTERNS = [
    ("day", re.compile(rf"^{_year}-(?P<m>\d{{2}})-(?P<d>\d{{2}})$")),
    ("day", re.compile(rf"^(?:the\s+)?{_month}\s+{_day}{_until}(?:\s*,?\s*{_year})?$")),
    ("day", re.compile(rf"^(?:the\s+)?{_day}{_until}(?:\s+of)?\s+{_month}(?:\s*,?\s*{_year})?$")),
    ("month", re.compile(rf"^{_month}(?:\s*,?\s*{_year})?$")),
    ("year", re.compile(rf"^{_year}$")),
]


FUTURE_REACH = 120  # days ahead within which a date without a year may be its coming occurrence
YEAR = 366


@dataclass(frozen=True, slots=True)
class Resolved:
    date: dt.date
    precision: str
    kind: str  # explicit | relative


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text.lower().strip())
    text = re.sub(r"^(on|in|since|from|during|by|early|late|earlier|later|last|this)\s+(?=\d|mid|" + "|".join(MONTHS) + ")", "", text)
    text = re.sub(r"^mid-?\s*(?=\d|" + "|".join(MONTHS) + ")", "", text)  # "in mid-2017", "mid-March"
    return text.strip(" ,.")


def resolve(text: str, published: dt.date | None, reach: int = FUTURE_REACH) -> Resolved | None:
    """Resolve one date expression; None when it is vague, in the future, or needs a missing publication date.
    `reach`: how many days ahead a date without a year may be its coming occurrence (0 in a past-tense clause,
    a year for a planned event)."""
    explicit = _placed(text, published, reach)
    if explicit is not None:
        return explicit if published is None or explicit.date <= published else None
    if published is None:
        return None
    return _relative(_raw(text), published)


def _raw(text: str) -> str:
    """Lower-case, single-spaced, without edge punctuation, a closing 'alone' ("last year alone") or a
    possessive ("last month's meeting")."""
    return re.sub(r"(\s+alone|\s*['’]s)$", "", re.sub(r"\s+", " ", text.lower().strip(" ,.")))


def _placed(text: str, published: dt.date | None, reach: int) -> Resolved | None:
    """A calendar date, month or year, wherever it falls ("last May" and "that May" are past)."""
    raw = _raw(text)
    return _explicit(_clean(raw), published, 0 if raw.startswith(("last ", "that ")) else reach)


def _explicit(text: str, published: dt.date | None, reach: int) -> Resolved | None:
    for precision, pattern in PATTERNS:
        found = pattern.match(text)
        if not found:
            continue
        parts = found.groupdict()
        if "m" in parts:
            return _make(int(parts["year"]), int(parts["m"]), int(parts["d"]), precision)
        year = int(parts["year"]) if parts.get("year") else None
        month = MONTHS[parts["month"]] if parts.get("month") else 1
        day = int(parts["day"]) if parts.get("day") else 1
        if year is None:
            return _nearest(month, day, precision, published, reach) if published is not None else None
        return _make(year, month, day, precision)
    return None


def _nearest(month: int, day: int, precision: str, published: dt.date, reach: int) -> Resolved | None:
    """A month or day without a year: its last occurrence, or its coming one when that is nearer and within
    `reach` days of publication (always, for a reach of a year)."""
    found = [r for year in (published.year - 1, published.year, published.year + 1) if (r := _make(year, month, day, precision))]
    past = [r for r in found if r.date <= published]
    coming = [r for r in found if r.date > published]
    if not past:
        return coming[0] if coming else None
    last = past[-1]
    ahead = coming[0].date - published if coming else None
    if ahead is not None and ahead.days <= reach and (reach >= YEAR or ahead < published - last.date):
        return coming[0]
    return last


def _make(year: int, month: int, day: int, precision: str) -> Resolved | None:
    try:
        return Resolved(dt.date(year, month, day), precision, "explicit")
    except ValueError:
        return None


def _relative(text: str, published: dt.date) -> Resolved | None:
    text = re.sub(r"^(on|in|since|during|by|over|early|late|earlier|later)\s+", "", text)
    if text in SAME_DAY:
        return Resolved(published, "day", "relative")
    if text in DAY_BEFORE:
        return Resolved(published - dt.timedelta(days=1), "day", "relative")
    word = text.removeprefix("last ").removesuffix(" night").removesuffix(" morning").removesuffix(" evening")
    if word in WEEKDAYS:
        back = (published.weekday() - WEEKDAYS[word]) % 7
        if text.startswith("last ") and back == 0:
            back = 7
        return Resolved(published - dt.timedelta(days=back), "day", "relative")
    monday = published - dt.timedelta(days=published.weekday())
    if text in {"this week", "earlier this week"}:
        return Resolved(monday, "week", "relative")
    if text == "last week":
        return Resolved(monday - dt.timedelta(days=7), "week", "relative")
    if text in {"this month", "earlier this month"}:
        return Resolved(published.replace(day=1), "month", "relative")
    if text == "last month":
        first = published.replace(day=1) - dt.timedelta(days=1)
        return Resolved(first.replace(day=1), "month", "relative")
    if text in RECENT_WEEKS:  # within weeks: the month of a week before publication (early March: February)
        return Resolved((published - dt.timedelta(days=7)).replace(day=1), "month", "relative")
    if text in RECENT_DAYS:
        back = published - dt.timedelta(days=3)
        return Resolved(back - dt.timedelta(days=back.weekday()), "week", "relative")
    if text in {"this year", "earlier this year"}:
        return Resolved(dt.date(published.year, 1, 1), "year", "relative")
    if text == "last year":
        return Resolved(dt.date(published.year - 1, 1, 1), "year", "relative")
    ago = re.match(r"^(\d+|one|two|three|four|five|six|seven|a|an) (day|week|month|year)s? ago$", text)
    if ago:
        count = int(ago.group(1)) if ago.group(1).isdigit() else NUMBER_WORDS[ago.group(1)]
        unit = ago.group(2)
        if unit == "day":
            return Resolved(published - dt.timedelta(days=count), "day", "relative")
        if unit == "week":
            return Resolved(published - dt.timedelta(days=7 * count), "week", "relative")
        if unit == "month":
            month_index = published.year * 12 + published.month - 1 - count
            return Resolved(dt.date(month_index // 12, month_index % 12 + 1, 1), "month", "relative")
        return Resolved(dt.date(published.year - count, 1, 1), "year", "relative")
    return None


def date_expressions(doc: Doc) -> list[Span]:
    """DATE/TIME entities plus day words the tagger left out of an entity (yesterday, Tuesday, recently)."""
    # not Theresa May ("in his talks with May"), whom the model may tag as a month
    spans = [ent for ent in doc.ents if ent.label_ in {"DATE", "TIME"} and not (len(ent) == 1 and month_as_name(ent[0]))]
    covered = {t.i for ent in spans for t in ent}
    spans += [doc[t.i : t.i + 1] for t in doc if t.i not in covered and t.lower_ in LOOSE_WORDS and not _describes(t)]
    return spans


def _describes(word: Token) -> bool:
    """An adverb inside a modifier says when someone became what they are, not when an event happened: "the
    recently elected president ordered strikes"."""
    return word.dep_ == "advmod" and word.head.dep_ in {"amod", "compound", "acl", "relcl"}


CLAUSE_BOUNDARIES = frozenset({"advcl", "relcl", "acl", "parataxis"})
MODALS = frozenset({"must", "will", "shall", "should", "would", "could", "may", "might", "can", "'ll", "wo", "ca"})


def event_clause(anchor: Token, awaited: bool = False) -> dict[int, int]:
    """Tokens whose dates belong to the event at `anchor`, with their distance from it.

    Climbing stops at adverbial and relative clauses ("..., after a strike killed X" is not dated by the
    main clause), except those of "when", and at sequence prepositions ("following the strike"); reporting
    verbs are crossed ("X said yesterday they met" dates the meeting by the statement, as analysts do).
    With `awaited`, it crosses "ahead of" and "prior to": what a future clause awaits is to come too
    ("developments next week ahead of an OPEC meeting").
    """
    path = {anchor.i: 0}
    node = anchor
    steps = 0
    while node.head != node and (node.dep_ not in CLAUSE_BOUNDARIES or _at_the_time(node)):
        if node.dep_ == "pobj" and node.head.lower_ in SEQUENCE_PREPS or not awaited and awaited_object(node):
            break
        node = node.head
        steps += 1
        path[node.i] = steps
    return path


def _at_the_time(clause: Token) -> bool:
    """A clause of the same time as what it hangs on: "tensions rose last week when Israel bombed a base",
    "in March, when jets bombed the town" (not one to come: "before June, when our meeting will take place")."""
    if clause.dep_ not in {"advcl", "relcl"}:
        return False
    when = any(c.dep_ in {"advmod", "mark"} and c.lower_ == "when" for c in clause.children)
    return when and not any(c.dep_ == "aux" and c.lower_ in {"will", "shall", "'ll", "would", "wo"} for c in clause.children)


def _own_clause(anchor: Token, path: dict[int, int]) -> set[int]:
    """The event's clause below any reporting verb: where "recently" dates the event, not the saying ("said
    recently he was optimistic about the talks")."""
    crossing = min((steps for i, steps in path.items() if anchor.doc[i].dep_ == "ccomp"), default=None)
    return {i for i, steps in path.items() if crossing is None or steps <= crossing}


def date_for(anchor: Token, published: dt.date | None, expressions: list[Span] | None = None, planned: bool = False) -> EventDate:
    """The date the parse attaches to the event at `anchor`, else the publication date, else none. A planned
    event's date without a year is always to come ("talks in September"), so it is dated by publication."""
    doc = anchor.doc
    path = event_clause(anchor)
    reach = YEAR if planned else 0 if _in_past(anchor) else FUTURE_REACH
    own = _own_clause(anchor, path)
    candidates: list[tuple[int, int, Span, Resolved]] = []
    for span in date_expressions(doc) if expressions is None else expressions:
        if span.text.lower() in RECENTLY and span.root.head.i not in own:
            continue
        distance = _distance_into(span.root, path, anchor)
        if distance is None:
            continue
        resolved = resolve(span.text, published, reach)
        if resolved is not None:
            candidates.append((distance, abs(span.root.i - anchor.i), span, resolved))
    if candidates:
        _, _, span, best = min(candidates, key=lambda c: (c[0], c[1]))
        return EventDate(best.date, best.kind, best.precision, span.text)
    if published is not None:
        return EventDate(published, "publication", "day", None)
    return EventDate(None, "none", None, None)


FUTURE = re.compile(
    r"^(?:on\s+|by\s+)?(?:tomorrow|tonight|next\s+\w+|later\s+(?:today|tonight|this\s+(?:week|month|year))|this\s+coming\s+\w+|"
    r"(?:in\s+)?the\s+coming\s+(?:days|weeks|months)|(?:in\s+)?the\s+(?:next|following)\s+(?:few\s+)?(?:days|weeks|months))$"
)


def future_expression(
    anchor: Token, expressions: list[Span], published: dt.date | None, scheduling: frozenset[str] = frozenset()
) -> str | None:
    """A date expression on the event's clause that points after publication ('next month', 'tomorrow',
    'on June 29' in May): the event has not happened yet. Resolution ignores these; modality uses them.
    Events that can be planned (meetings) written in the bare present, as the trigger or the object of one of
    the `scheduling` verbs, are scheduled when they name a day, week or date: "the ministers meet on
    Thursday", "Baker holds talks this week" (not "talks continue today", "follows a call on Friday")."""
    if published is not None and any(_past_own_date(span, anchor, published) for span in expressions):
        return None  # "noted yesterday's meeting was the first in a series ... in the next few weeks"
    path = event_clause(anchor, awaited=True)
    reach = 0 if _in_past(anchor) else FUTURE_REACH
    scheduled = _scheduled_verb(anchor, scheduling)
    for span in expressions:
        if _distance_into(span.root, path, anchor) is None:
            continue
        if reach == 0 and span.text.lower().strip() in EARLIER_TODAY:
            continue  # "a car bomb exploded tonight": earlier this evening
        placed = _placed(span.text, published, reach)
        if scheduled and (placed is not None or _names_day_or_week(span.text)):
            return span.text
        if FUTURE.match(span.text.lower().strip()) or placed is not None and published is not None and placed.date > published:
            return span.text
    return None


EARLIER_TODAY = frozenset({"tonight", "this evening"})  # in a past clause, hours before the report


def _past_own_date(span: Span, anchor: Token, published: dt.date) -> bool:
    """A date the event noun itself bears, before publication ("yesterday's meeting", "last week's talks")."""
    if span.root.dep_ != "poss" or span.root.head != anchor:
        return False
    resolved = resolve(span.text, published, FUTURE_REACH)
    return resolved is not None and resolved.date < published


def _scheduled_verb(anchor: Token, scheduling: frozenset[str]) -> bool:
    """The trigger is a bare present verb, or the object of one that holds it ("holds talks", "begins a visit")."""
    if not scheduling:
        return False
    if anchor.pos_ == "VERB":
        return bare_present(anchor)
    holder = anchor.head
    return anchor.dep_ == "dobj" and holder.pos_ == "VERB" and holder.lemma_.lower() in scheduling and bare_present(holder)


def _names_day_or_week(text: str) -> bool:
    raw = re.sub(r"^(on|this|next|early|late|later)\s+", "", _raw(text))
    return raw in WEEKDAYS or raw in {"week", "weekend", "week's", "month"}


def _in_past(anchor: Token) -> bool:
    """Whether the event's clause is in a past tense ("promised in January at a meeting", "had been killed
    in a strike that May"), which puts a date without a year before publication. An infinitive trigger is
    not: it is later than its verb."""
    if any(c.dep_ == "aux" and c.tag_ == "TO" for c in anchor.children):
        return False  # "he was asking them to meet on 10 September": later than the asking
    for verb in (t for t in (anchor, *anchor.ancestors) if t.pos_ in {"VERB", "AUX"}):
        auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.tag_ != "TO"]
        if verb.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lemma_ == "have" for a in auxiliaries):
            return True
        if auxiliaries or verb.tag_ in {"VBZ", "VBP", "MD"}:
            return False  # a finite verb in another tense; a non-finite one ("promised to set up") says nothing
    return False


def _distance_into(token: Token, path: dict[int, int], anchor: Token) -> int | None:
    """Edges from a date up to the event's clause path; None if the date sits in another clause on the way
    (another reported clause too: "said he asked them to meet on 10 September, followed by a meeting with X")."""
    node = token
    steps = 0
    while node.i not in path:
        crosses = node.dep_ in CLAUSE_BOUNDARIES or _other_report(node, path) or (node.dep_ == "pobj" and node.head.lower_ in SEQUENCE_PREPS)
        # a clause on the event itself dates it ("the talks, which began on Monday"), unless it is about what
        # must or will be ("negotiations, which must be concluded by October, are progressing")
        if node.head == node or (crosses and (node.head != anchor or _modal(node) or _other_time(node))):
            return None
        node = node.head
        steps += 1
    return steps + path[node.i]


OTHER_TIMES = frozenset({"since", "after", "before", "until", "till", "because", "although", "though", "unless", "if"})


def _other_time(clause: Token) -> bool:
    """Whether a clause on the event is about another time: "his first meeting with the banks since he was
    appointed last month" was not last month."""
    return any(c.dep_ == "mark" and c.lower_ in OTHER_TIMES for c in clause.children)


def _modal(clause: Token) -> bool:
    """Whether a clause says what must, will or could be, not what was."""
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in clause.children)


def _other_report(node: Token, path: dict[int, int]) -> bool:
    """Whether `node` is one reported clause and the event sits in another of the same verb."""
    if node.dep_ != "ccomp" or node.head.i not in path:
        return False
    return any(c.dep_ == "ccomp" and c.i in path for c in node.head.children if c != node)
