"""The dedup key: which mentions of different articles are one event."""

from __future__ import annotations

import datetime as dt

from pipeline.output.events import event_id

DAY = dt.date(1987, 4, 27)


def test_both_actors_and_a_date_merge_across_articles_in_either_order_for_meetings() -> None:
    assert event_id("meeting", "04", DAY, "USA", "JPN", "a", True) == event_id("meeting", "04", DAY, "JPN", "USA", "b", True)
    assert event_id("strike", "19", DAY, "USA", "IRN", "a", False) != event_id("strike", "19", DAY, "IRN", "USA", "b", False)


def test_a_missing_actor_or_date_keeps_the_event_in_its_article() -> None:
    assert event_id("meeting", "04", DAY, "USA", None, "a", True) != event_id("meeting", "04", DAY, "USA", None, "b", True)
    assert event_id("strike", "19", None, "USA", "IRN", "a", False) != event_id("strike", "19", None, "USA", "IRN", "b", False)
    assert event_id("meeting", "04", DAY, "USA", None, "a", True) == event_id("meeting", "04", DAY, "USA", None, "a", True)
