"""Event dates: find the date expression the parse attaches to an event and resolve it against publication.

Resolution never lands after the publication date: a month-day without a year is the latest such day on
or before publication, a weekday the latest such weekday, and future expressions ("next week") are
ignored, because the events coded here have happened (planned meetings are dated by their announcement).
A future expression on the event's clause instead tells modality the event is planned (`future_expression`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

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
LOOSE_WORDS = frozenset({"yesterday", "today", "tonight", "overnight", *WEEKDAYS})

_month = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_year = r"(?P<year>(?:19|20)\d{2})"
PATTERNS = [
    ("day", re.compile(rf"^{_year}-(?P<m>\d{{2}})-(?P<d>\d{{2}})$")),
    ("day", re.compile(rf"^(?:the\s+)?{_month}\s+{_day}(?:\s*,?\s*{_year})?$")),
    ("day", re.compile(rf"^(?:the\s+)?{_day}(?:\s+of)?\s+{_month}(?:\s*,?\s*{_year})?$")),
    ("month", re.compile(rf"^{_month}(?:\s*,?\s*{_year})?$")),
    ("year", re.compile(rf"^{_year}$")),
]


@dataclass(frozen=True, slots=True)
class Resolved:
    date: dt.date
    precision: str
    kind: str  # explicit | relative


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text.lower().strip())
    text = re.sub(r"^(on|in|since|from|during|by|early|late|earlier|later|last|this)\s+(?=\d|" + "|".join(MONTHS) + ")", "", text)
    return text.strip(" ,.")


def resolve(text: str, published: dt.date | None) -> Resolved | None:
    """Resolve one date expression; None when it is vague, in the future, or needs a missing publication date."""
    raw = re.sub(r"\s+", " ", text.lower().strip(" ,."))
    explicit = _explicit(_clean(raw), published)
    if explicit is not None:
        return explicit if published is None or explicit.date <= published else None
    if published is None:
        return None
    return _relative(raw, published)


def _explicit(text: str, published: dt.date | None) -> Resolved | None:
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
            if published is None:
                return None
            year = published.year
            candidate = _make(year, month, day, precision)
            if candidate is not None and candidate.date > published:
                year -= 1
        return _make(year, month, day, precision)
    return None


def _make(year: int, month: int, day: int, precision: str) -> Resolved | None:
    try:
        return Resolved(dt.date(year, month, day), precision, "explicit")
    except ValueError:
        return None


def _relative(text: str, published: dt.date) -> Resolved | None:
    text = re.sub(r"^(on|since|during|by|early|late|earlier|later)\s+", "", text)
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
    """DATE/TIME entities plus day words the tagger left out of an entity (yesterday, Tuesday)."""
    spans = [ent for ent in doc.ents if ent.label_ in {"DATE", "TIME"}]
    covered = {t.i for ent in spans for t in ent}
    spans += [doc[t.i : t.i + 1] for t in doc if t.i not in covered and t.lower_ in LOOSE_WORDS]
    return spans


SEQUENCE_PREPS = frozenset({"after", "following", "before", "since", "until", "amid", "prior", "ahead"})
CLAUSE_BOUNDARIES = frozenset({"advcl", "relcl", "acl", "parataxis"})


def event_clause(anchor: Token) -> dict[int, int]:
    """Tokens whose dates belong to the event at `anchor`, with their distance from it.

    Climbing stops at adverbial and relative clauses ("..., after a strike killed X" is not dated by the
    main clause) and at sequence prepositions ("following the strike"); reporting verbs are crossed
    ("X said yesterday they met" dates the meeting by the statement, as analysts do).
    """
    path = {anchor.i: 0}
    node = anchor
    steps = 0
    while node.head != node and node.dep_ not in CLAUSE_BOUNDARIES:
        if node.dep_ == "pobj" and node.head.lower_ in SEQUENCE_PREPS:
            break
        node = node.head
        steps += 1
        path[node.i] = steps
    return path


def date_for(anchor: Token, published: dt.date | None, expressions: list[Span] | None = None) -> EventDate:
    """The date the parse attaches to the event at `anchor`, else the publication date, else none."""
    doc = anchor.doc
    path = event_clause(anchor)
    candidates: list[tuple[int, int, Span, Resolved]] = []
    for span in date_expressions(doc) if expressions is None else expressions:
        distance = _distance_into(span.root, path, anchor)
        if distance is None:
            continue
        resolved = resolve(span.text, published)
        if resolved is not None:
            candidates.append((distance, abs(span.root.i - anchor.i), span, resolved))
    if candidates:
        _, _, span, best = min(candidates, key=lambda c: (c[0], c[1]))
        return EventDate(best.date, best.kind, best.precision, span.text)
    if published is not None:
        return EventDate(published, "publication", "day", None)
    return EventDate(None, "none", None, None)


FUTURE = re.compile(
    r"^(?:on\s+|by\s+)?(?:tomorrow|tonight|next\s+\w+|later\s+this\s+(?:week|month|year)|this\s+coming\s+\w+|"
    r"(?:in\s+)?the\s+coming\s+(?:days|weeks|months)|(?:in\s+)?the\s+(?:next|following)\s+(?:few\s+)?(?:days|weeks|months))$"
)


def future_expression(anchor: Token, expressions: list[Span]) -> str | None:
    """A date expression on the event's clause that points after publication ('next month', 'tomorrow'):
    the event has not happened yet. Resolution ignores these; modality uses them."""
    path = event_clause(anchor)
    for span in expressions:
        if FUTURE.match(span.text.lower().strip()) and _distance_into(span.root, path, anchor) is not None:
            return span.text
    return None


def _distance_into(token: Token, path: dict[int, int], anchor: Token) -> int | None:
    """Edges from a date up to the event's clause path; None if the date sits in another clause on the way."""
    node = token
    steps = 0
    while node.i not in path:
        crosses = node.dep_ in CLAUSE_BOUNDARIES or (node.dep_ == "pobj" and node.head.lower_ in SEQUENCE_PREPS)
        if node.head == node or (crosses and node.head != anchor):
            return None
        node = node.head
        steps += 1
    return steps + path[node.i]
