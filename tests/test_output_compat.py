"""The output tables load the same in pandas, pyarrow.dataset (Hive), DuckDB and Polars: same rows, usable types.

One small archive goes through the real flow once for the module: an article per event type, an event two
outlets report, and an article with no date at all (its rows land in the year=0/month=0 partition).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.dataset as ds
import pytest

from pipeline.flows import run_flow
from pipeline.output.schema import EVENTS, MENTIONS, PARTITIONING
from pipeline.settings import load_settings

ARTICLES = [
    {"id": "strike-1", "source": "Wire A", "url": "https://example.org/a/strike-1", "published": "2021-05-10",
     "text": "Israeli jets struck Gaza on Sunday. The strikes hit several buildings."},
    {"id": "strike-2", "source": "Wire B", "url": "https://example.org/b/strike-2", "published": "2021-05-10",
     "text": "Israeli warplanes struck Gaza on Sunday, officials said."},
    {"id": "meeting-1", "source": "Wire A", "url": "https://example.org/a/meeting-1", "published": "2021-06-02",
     "text": "Iraqi Prime Minister Mustafa al-Kadhimi met Iranian President Hassan Rouhani in Tehran on Tuesday."},
    {"id": "resolution-1", "source": "Wire B", "published": "2021-07-09",
     "text": "The UN Security Council passed a resolution on Thursday demanding a ceasefire in Syria."},
    {"id": "invitation-1", "source": "Wire A", "published": "2021-07-20",
     "text": "Russia invited the Iraqi army chief of staff to visit Moscow."},
    {"id": "undated-1", "source": "Wire C", "text": "Iran and Iraq held talks in Baghdad."},
]
KEYS = {"mentions": "mention_id", "events": "event_id"}


@pytest.fixture(scope="module")
def out(prefect_api, tmp_path_factory) -> Path:
    archive = tmp_path_factory.mktemp("compat-archive")
    (archive / "articles.jsonl").write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    folder = tmp_path_factory.mktemp("compat-out")
    report = run_flow([str(archive)], str(folder), load_settings().model_dump(mode="json"))
    assert report["articles_coded"] == len(ARTICLES) and report["rows_without_date"] == 1
    return folder


def _pandas(out: Path, table: str) -> pd.DataFrame:
    return pd.read_parquet(out / table)


def _arrow(out: Path, table: str) -> pa.Table:
    dataset = ds.dataset(out / table, format="parquet", partitioning=ds.partitioning(PARTITIONING, flavor="hive"))
    return dataset.to_table()


def _duckdb(out: Path, table: str) -> duckdb.DuckDBPyRelation:
    return duckdb.sql(f"select * from read_parquet('{out / table}/**/*.parquet', hive_partitioning=true)")


def _duckdb_records(out: Path, table: str, columns: list[str]) -> list[dict]:
    return [dict(zip(columns, row)) for row in _duckdb(out, table).select(", ".join(columns)).fetchall()]


def _duckdb_types(out: Path, table: str) -> dict[str, str]:
    relation = _duckdb(out, table)
    return {name: str(kind) for name, kind in zip(relation.columns, relation.types)}


def _polars(out: Path, table: str) -> pl.DataFrame:
    return pl.read_parquet(f"{out / table}/**/*.parquet", hive_partitioning=True)


def test_the_archive_covers_every_event_type_and_an_undated_event(out: Path) -> None:
    events = _pandas(out, "events")
    assert set(events.event_type) == {"strike", "meeting", "resolution", "invitation"}
    undated = events[events.event_date.isna()]
    assert len(undated) == 1 and int(undated.year.iloc[0]) == 0 and int(undated.month.iloc[0]) == 0
    assert (out / "mentions" / "year=0" / "month=0").is_dir()


@pytest.mark.parametrize("table", ["mentions", "events"])
def test_every_reader_sees_the_same_rows(out: Path, table: str) -> None:
    key = KEYS[table]
    frames = {
        "pandas": _pandas(out, table)[key].tolist(),
        "pyarrow": _arrow(out, table).column(key).to_pylist(),
        "duckdb": [row[key] for row in _duckdb_records(out, table, [key])],
        "polars": _polars(out, table)[key].to_list(),
    }
    expected = sorted(frames["pandas"])
    assert expected and len(set(expected)) == len(expected)
    for reader, ids in frames.items():
        assert sorted(ids) == expected, reader


@pytest.mark.parametrize("table", ["mentions", "events"])
def test_every_reader_sees_the_same_values(out: Path, table: str) -> None:
    """Dates, codes, counts and partition values agree row by row across the four readers."""
    key = KEYS[table]
    columns = [key, "event_date", "cameo_code", "year", "month"] + (["num_mentions", "num_sources"] if table == "events" else ["sentence_index"])

    def rows(records: list[dict]) -> list[tuple]:
        """Sorted by the unique id first, so undated rows (None) are never compared with dates."""
        return sorted(tuple(int(r[c]) if c in ("year", "month") else r[c] for c in columns) for r in records)

    pandas_rows = _pandas(out, table)[columns].astype(object).where(lambda f: f.notna(), None).to_dict("records")
    expected = rows(_arrow(out, table).select(columns).to_pylist())
    assert any(r[1] is None for r in expected) and any(isinstance(r[1], dt.date) for r in expected)
    assert rows(pandas_rows) == expected
    assert rows(_duckdb_records(out, table, columns)) == expected
    assert rows(_polars(out, table).select(columns).to_dicts()) == expected


@pytest.mark.parametrize("table", ["mentions", "events"])
def test_types_are_compatible(out: Path, table: str) -> None:
    schema = MENTIONS if table == "mentions" else EVENTS
    counts = ["num_mentions", "num_articles", "num_sources"] if table == "events" else ["sentence_index", "trigger_start"]

    frame = _pandas(out, table)
    dates = frame.event_date.dropna()
    assert len(dates) and all(type(d) is dt.date for d in dates)
    assert all(pd.api.types.is_integer_dtype(frame[c]) for c in counts)
    assert pd.api.types.is_string_dtype(frame.cameo_code) and "036" in set(frame.cameo_code)

    arrow = _arrow(out, table).schema
    for name in schema.names:
        assert arrow.field(name).type == schema.field(name).type, name

    duck = _duckdb_types(out, table)
    assert duck["event_date"] == "DATE" and duck["cameo_code"] == "VARCHAR"
    assert all(duck[c] == "INTEGER" for c in counts)
    assert duck["year"] in {"BIGINT", "INTEGER", "SMALLINT"} and duck["month"] in {"BIGINT", "INTEGER", "TINYINT"}

    polars = _polars(out, table).schema
    assert polars["event_date"] == pl.Date and polars["cameo_code"] == pl.String
    assert all(polars[c] == pl.Int32 for c in counts)
    assert polars["year"].is_integer() and polars["month"].is_integer()


def test_leading_zeros_survive_every_reader(out: Path) -> None:
    codes = {
        "pandas": set(_pandas(out, "events").cameo_code),
        "duckdb": {r["cameo_code"] for r in _duckdb_records(out, "events", ["cameo_code"])},
        "polars": set(_polars(out, "events")["cameo_code"].to_list()),
    }
    for reader, found in codes.items():
        assert {"036", "040"} <= found, reader
        assert all(len(code) >= 3 and code.isdigit() for code in found), reader


def test_event_specific_columns_round_trip(out: Path) -> None:
    """Lists, booleans and timestamps keep their kind: source_urls is a list, is_root_event a bool."""
    events = _polars(out, "events")
    assert events.schema["source_urls"] == pl.List(pl.String) and events.schema["is_root_event"] == pl.Boolean
    strike = events.filter(pl.col("event_type") == "strike").row(0, named=True)
    assert strike["source_urls"] == ["https://example.org/a/strike-1", "https://example.org/b/strike-2"]
    assert (strike["num_articles"], strike["num_sources"]) == (2, 2)
    assert _duckdb_types(out, "mentions")["coded_at"] == "TIMESTAMP WITH TIME ZONE"
    assert _duckdb_types(out, "events")["source_urls"] == "VARCHAR[]"
