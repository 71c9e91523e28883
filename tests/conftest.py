"""Shared fixtures: one spaCy engine per session, and a session-scoped Prefect test API for flow tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from pipeline.engine import Engine, build_engine, code_mentions
from pipeline.records import Article, Mention
from pipeline.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
CodeText = Callable[..., Sequence[Mention]]


@pytest.fixture(scope="session")
def engine() -> Engine:
    return build_engine(load_settings())


@pytest.fixture(scope="session")
def code_text(engine: Engine) -> CodeText:
    """Code a text as one article (published 2020-06-15 unless given)."""

    def code(text: str, published: dt.date | None = dt.date(2020, 6, 15)) -> Sequence[Mention]:
        return code_mentions(engine, [Article(id="test", text=text, published=published)])[0][1]

    return code


@pytest.fixture(scope="session")
def prefect_api() -> Iterator[None]:
    """A temporary Prefect API for the whole session (starting one costs seconds)."""
    from prefect.testing.utilities import prefect_test_harness

    from pipeline.cli import configure_prefect

    configure_prefect()
    with prefect_test_harness(server_startup_timeout=180):
        yield
