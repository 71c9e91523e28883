"""Date expressions resolve against publication, never into the future, and attach to their own event."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.coding.dates import resolve

PUBLISHED = dt.date(2020, 2, 8)  # a Saturday


@pytest.mark.parametrize(
    ("text", "date", "precision", "kind"),
    [
        ("January 3", dt.date(2020, 1, 3), "day", "explicit"),
        ("the January 3", dt.date(2020, 1, 3), "day", "explicit"),
        ("3 Jan 2020", dt.date(2020, 1, 3), "day", "explicit"),
        ("Jan. 3, 2020", dt.date(2020, 1, 3), "day", "explicit"),
        ("on March 5", dt.date(2019, 3, 5), "day", "explicit"),
        ("December 25", dt.date(2019, 12, 25), "day", "explicit"),
        ("2020-01-03", dt.date(2020, 1, 3), "day", "explicit"),
        ("February 2019", dt.date(2019, 2, 1), "month", "explicit"),
        ("in 2019", dt.date(2019, 1, 1), "year", "explicit"),
        ("yesterday", dt.date(2020, 2, 7), "day", "relative"),
        ("today", PUBLISHED, "day", "relative"),
        ("last night", dt.date(2020, 2, 7), "day", "relative"),
        ("overnight", dt.date(2020, 2, 7), "day", "relative"),
        ("on Tuesday", dt.date(2020, 2, 4), "day", "relative"),
        ("Saturday", PUBLISHED, "day", "relative"),
        ("last Saturday", dt.date(2020, 2, 1), "day", "relative"),
        ("earlier this week", dt.date(2020, 2, 3), "week", "relative"),
        ("last week", dt.date(2020, 1, 27), "week", "relative"),
        ("last month", dt.date(2020, 1, 1), "month", "relative"),
        ("two days ago", dt.date(2020, 2, 6), "day", "relative"),
    ],
)
def test_resolve(text: str, date: dt.date, precision: str, kind: str) -> None:
    resolved = resolve(text, PUBLISHED)
    assert resolved is not None
    assert (resolved.date, resolved.precision, resolved.kind) == (date, precision, kind)


@pytest.mark.parametrize("text", ["tomorrow", "next week", "recently", "March 2021", "in the coming days"])
def test_future_and_vague_expressions_give_nothing(text: str) -> None:
    assert resolve(text, PUBLISHED) is None


def test_relative_needs_publication_but_explicit_with_year_does_not() -> None:
    assert resolve("yesterday", None) is None
    assert resolve("January 3", None) is None
    explicit = resolve("3 January 2020", None)
    assert explicit is not None and explicit.date == dt.date(2020, 1, 3)


def test_date_attaches_to_its_own_clause(code_text) -> None:
    mentions = code_text("Israel said on Tuesday that its jets struck Gaza on Sunday.", dt.date(2020, 2, 8))
    strike = next(m for m in mentions if m.event_type == "strike")
    assert strike.date.date == dt.date(2020, 2, 2) and strike.date.source == "relative"


def test_date_of_the_main_clause_does_not_date_an_earlier_event(code_text) -> None:
    text = "Iraq and Russia held talks yesterday, weeks after a US airstrike killed an Iranian general."
    mentions = code_text(text, dt.date(2020, 2, 8))
    meeting = next(m for m in mentions if m.event_type == "meeting")
    strike = next(m for m in mentions if m.event_type == "strike")
    assert meeting.date.date == dt.date(2020, 2, 7)
    assert strike.date.source == "publication"


def test_no_publication_date_and_no_date_in_text_gives_none(code_text) -> None:
    mentions = code_text("Israeli jets struck Gaza.", None)
    assert mentions and mentions[0].date.source == "none" and mentions[0].date.date is None
