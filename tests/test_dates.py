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
        ("on July 5", dt.date(2019, 7, 5), "day", "explicit"),
        ("in October", dt.date(2019, 10, 1), "month", "explicit"),
        ("January 29 and 30", dt.date(2020, 1, 29), "day", "explicit"),
        ("29-30 January", dt.date(2020, 1, 29), "day", "explicit"),
        ("December 25", dt.date(2019, 12, 25), "day", "explicit"),
        ("2020-01-03", dt.date(2020, 1, 3), "day", "explicit"),
        ("February 2019", dt.date(2019, 2, 1), "month", "explicit"),
        ("in 2019", dt.date(2019, 1, 1), "year", "explicit"),
        ("in mid-2019", dt.date(2019, 1, 1), "year", "explicit"),
        ("mid-October", dt.date(2019, 10, 1), "month", "explicit"),
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
        ("last month's", dt.date(2020, 1, 1), "month", "relative"),
        ("Tuesday’s", dt.date(2020, 2, 4), "day", "relative"),
        ("two days ago", dt.date(2020, 2, 6), "day", "relative"),
        ("last year alone", dt.date(2019, 1, 1), "year", "relative"),
        ("recently", dt.date(2020, 2, 1), "month", "relative"),
        ("in recent weeks", dt.date(2020, 2, 1), "month", "relative"),
        ("in recent days", dt.date(2020, 2, 3), "week", "relative"),
    ],
)
def test_resolve(text: str, date: dt.date, precision: str, kind: str) -> None:
    resolved = resolve(text, PUBLISHED)
    assert resolved is not None
    assert (resolved.date, resolved.precision, resolved.kind) == (date, precision, kind)


def test_recent_weeks_early_in_a_month_are_the_month_before() -> None:
    resolved = resolve("recently", dt.date(2020, 3, 4))
    assert resolved is not None and (resolved.date, resolved.precision) == (dt.date(2020, 2, 1), "month")


@pytest.mark.parametrize("text", ["tomorrow", "next week", "in recent years", "March 2021", "in the coming days", "on March 5", "in May"])
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


def test_a_clause_on_the_event_dates_it_unless_it_says_what_must_be(code_text) -> None:
    began = next(m for m in code_text("The talks with Iran, which began on Monday, ended in Geneva.", dt.date(2020, 2, 8)))
    assert began.date.date == dt.date(2020, 2, 3)
    text = "Trade negotiations with Canada, which must be concluded by October, are progressing well, she said."
    deadline = next(m for m in code_text(text, dt.date(1987, 3, 24)))
    assert deadline.date.source == "publication"  # October is the deadline, not when they met
    text = "Gros spoke after his first meeting with the Brazilian foreign minister since he was appointed last month."
    since = next(m for m in code_text(text, dt.date(1987, 3, 23)))
    assert since.date.source == "publication"  # last month is when he was appointed


def test_a_when_clause_takes_the_time_it_hangs_on(code_text) -> None:
    rose = next(m for m in code_text("Tensions rose last week when Israel bombed a drone base near Homs.", dt.date(2018, 4, 14)))
    assert (rose.date.date, rose.date.precision) == (dt.date(2018, 4, 2), "week")
    visited = next(m for m in code_text("The loan was agreed last September when Philippine President Corazon Aquino visited the United States.", dt.date(1987, 3, 20)))
    assert (visited.cameo_code, visited.date.date) == ("042", dt.date(1986, 9, 1))
    text = 'The minister said: "We see no need for new measures before the 25th of June when our next OPEC meeting will take place."'
    planned = next(m for m in code_text(text, dt.date(1987, 3, 15)) if m.event_type == "meeting")
    assert (planned.cameo_code, planned.date.source) == ("036", "publication")


def test_recently_dates_its_own_event_not_a_recent_office(code_text) -> None:
    shot = next(m for m in code_text("A Russian jet was shot down recently by Syrian rebels.", dt.date(2018, 2, 14)))
    assert (shot.date.date, shot.date.precision, shot.date.text) == (dt.date(2018, 2, 1), "month", "recently")
    ordered = next(m for m in code_text("The recently elected president ordered airstrikes on Gaza.", dt.date(2018, 2, 14)))
    assert ordered.date.source == "publication"


def test_no_publication_date_and_no_date_in_text_gives_none(code_text) -> None:
    mentions = code_text("Israeli jets struck Gaza.", None)
    assert mentions and mentions[0].date.source == "none" and mentions[0].date.date is None


def test_a_day_soon_after_publication_plans_the_event(code_text) -> None:
    summit = next(m for m in code_text("EC leaders meet for a summit on June 29 and 30.", dt.date(1987, 5, 20)))
    assert (summit.cameo_code, summit.date.date) == ("036", dt.date(1987, 5, 20))
    held = next(m for m in code_text("EC leaders discussed the plan at a summit on June 29 and 30.", dt.date(1987, 7, 8)))
    assert (held.cameo_code, held.date.date) == ("040", dt.date(1987, 6, 29))


def test_a_past_tense_keeps_a_date_without_year_in_the_past_and_a_plan_in_the_future(code_text) -> None:
    promised = next(m for m in code_text("Russia promised a new committee in January at a meeting in Sochi.", dt.date(2018, 12, 18)))
    assert (promised.cameo_code, promised.date.date) == ("040", dt.date(2018, 1, 1))
    planned = next(m for m in code_text("Japan plans to hold talks with China in September.", dt.date(1987, 4, 1)))
    assert (planned.cameo_code, planned.date.date, planned.date.source) == ("036", dt.date(1987, 4, 1), "publication")


def test_a_plan_is_not_a_mention_of_an_earlier_dated_meeting(code_text) -> None:
    text = "OPEC set its price at its meeting on December 20. OPEC has scheduled a regular meeting in June."
    held, plan = code_text(text, dt.date(1987, 4, 28))
    assert (held.cameo_code, held.date.date) == ("040", dt.date(1986, 12, 20))
    assert (plan.cameo_code, plan.date.date, plan.is_reference) == ("036", dt.date(1987, 4, 28), False)


def test_a_date_in_another_reported_clause_is_not_the_events(code_text) -> None:
    text = "The envoy said he was asking Turkey and Iran to meet on 10 September, followed a week later by a meeting with France and Egypt."
    meeting = next(m for m in code_text(text, dt.date(2018, 9, 4)) if m.trigger == "meeting")
    assert meeting.date.source == "publication"
