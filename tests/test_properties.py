"""Property-based tests: random and malformed input never raises out of reading or coding."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.engine import code_articles
from pipeline.ingest.readers import read_file
from pipeline.records import Article, Rejected

NAMES = frozenset({"Iraq", "US", "Baghdad"})
QUICK = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

words = st.sampled_from(
    ["Israel", "struck", "Gaza", "the", "talks", "met", "resolution", "invited", "not", "Iraq's", "US", "-AP", "\n\n",
     "Newspapers in English", "on", "Tuesday", "January 3", "’s", ".", ",", "“", "strike", "drone", "killed", "–"]
)
texts = st.one_of(st.text(max_size=400), st.lists(words, max_size=60).map(" ".join))
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=8,
)
records = st.fixed_dictionaries(
    {}, optional={"id": json_values, "text": st.one_of(texts, json_values), "published": st.one_of(st.text(max_size=25), json_values)}
)


@QUICK
@given(st.binary(max_size=2000))
def test_any_bytes_as_text_or_jsonl_never_raise(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name in ("a.txt", "b.jsonl", "c.jsonl.gz", "d.csv", "e.html", "f.warc"):
            path = Path(folder) / name
            path.write_bytes(data)
            assert all(isinstance(r, Article | Rejected) for r in read_file(path, NAMES, 1500))


@QUICK
@given(st.lists(st.one_of(records, json_values), max_size=8))
def test_every_jsonl_line_becomes_exactly_one_record(lines: list) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.jsonl"
        path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
        assert len(list(read_file(path, NAMES, 100_000))) == len(lines)


@QUICK
@given(st.lists(texts, min_size=1, max_size=3), st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)))
def test_coding_random_text_never_raises(engine, paragraphs: list[str], published: dt.date | None) -> None:
    article = Article(id="p", text="\n\n".join(paragraphs), published=published)
    rows = code_articles(engine, [article], dt.datetime.now(dt.UTC))
    for row in rows:
        assert row["event_type"] in {"strike", "meeting", "resolution", "invitation"}
        assert row["event_date"] is None or published is None or row["event_date"] <= published
