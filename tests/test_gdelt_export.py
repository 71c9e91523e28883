"""GDELT 2.0 export: 61 columns per line, a known event mapped field by field, stable ids, undated events skipped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from pipeline.cli_output import export_command
from pipeline.codebook import load_codebook
from pipeline.errors import UsageError
from pipeline.output.gdelt import (
    GDELT_COLUMNS,
    TYPE_CODES,
    actor_fields,
    export_gdelt,
    global_event_id,
)
from pipeline.output.schema import EVENTS
from pipeline.output.store import Store
from pipeline.settings import load_settings


def _event(**values: Any) -> dict[str, Any]:
    """An events row with neutral defaults; `values` override."""
    row = {
        "event_id": "0" * 20, "event_date": dt.date(2020, 1, 3), "date_precision": "day", "event_type": "strike",
        "cameo_code": "190", "cameo_root": "19", "quad_class": 4, "goldstein": -10.0, "source_actor": None,
        "source_country": None, "target_actor": None, "target_country": None, "num_mentions": 1, "num_articles": 1,
        "num_sources": 1, "first_seen": None, "source_urls": [], "is_root_event": False,
    }
    row.update(values)
    event_date = row["event_date"]
    row["year"], row["month"] = (event_date.year, event_date.month) if event_date else (0, 0)
    return row


KNOWN = _event(
    event_id="7b609777e654b692ffc9", event_date=dt.date(2020, 1, 3), cameo_code="1831", cameo_root="18", quad_class=4,
    goldstein=-10.0, source_actor="USAMIL", source_country="USA", target_actor="IGOUNOIAE", target_country=None,
    num_mentions=5, num_articles=3, num_sources=2, first_seen=dt.date(2020, 1, 4), is_root_event=True,
    source_urls=["https://a.example/first", "https://b.example/second"],
)
RESOLUTION = _event(
    event_id="4768527f2ead96a82a6b", event_date=dt.date(2020, 12, 31), event_type="resolution", cameo_code="0256",
    cameo_root="02", quad_class=1, goldstein=-0.3, source_actor="PSEREBHMS", source_country="PSE",
)
UNDATED = _event(event_id="e6190cc77a58a5f29c7d", event_date=None, event_type="meeting", cameo_code="040", cameo_root="04")


def _export(tmp_path: Path, rows: list[dict[str, Any]], name: str = "events.tsv") -> tuple[list[dict[str, str]], int]:
    store = Store(tmp_path / "out")
    store.prepare({"events": EVENTS})
    store.replace_table("events", rows, EVENTS)
    result = export_gdelt(store, tmp_path / name)
    lines = (tmp_path / name).read_text(encoding="utf-8").splitlines()
    assert len(lines) == result.written
    return [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in lines], result.skipped_undated


def test_column_list_is_gdelt_2_event_layout() -> None:
    assert len(GDELT_COLUMNS) == 61 and len(set(GDELT_COLUMNS)) == 61
    assert GDELT_COLUMNS[:6] == ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate", "Actor1Code")
    assert GDELT_COLUMNS[25:35] == (
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
        "NumMentions", "NumSources", "NumArticles", "AvgTone",
    )
    assert GDELT_COLUMNS[35:43] == (
        "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
        "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    )
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")


def test_every_line_has_61_tab_separated_fields(tmp_path: Path) -> None:
    store = Store(tmp_path / "out")
    store.prepare({"events": EVENTS})
    store.replace_table("events", [KNOWN, RESOLUTION, UNDATED], EVENTS)
    export_gdelt(store, tmp_path / "e.tsv")
    text = (tmp_path / "e.tsv").read_text(encoding="utf-8")
    assert text.endswith("\n") and not text.startswith("GlobalEventID")
    lines = text.splitlines()
    assert len(lines) == 2 and all(len(line.split("\t")) == 61 for line in lines)


def test_known_event_maps_field_by_field(tmp_path: Path) -> None:
    rows, _ = _export(tmp_path, [KNOWN])
    row = rows[0]
    expected = {
        "GlobalEventID": str(int("7b609777e654b69", 16)), "Day": "20200103", "MonthYear": "202001", "Year": "2020",
        "FractionDate": "2020.0082",
        "Actor1Code": "USAMIL", "Actor1CountryCode": "USA", "Actor1Type1Code": "MIL",
        "Actor2Code": "IGOUNOIAE", "Actor2CountryCode": "", "Actor2KnownGroupCode": "IAE",
        "Actor2Type1Code": "IGO", "Actor2Type2Code": "UNO",
        "IsRootEvent": "1", "EventCode": "1831", "EventBaseCode": "183", "EventRootCode": "18", "QuadClass": "4",
        "GoldsteinScale": "-10.0", "NumMentions": "5", "NumSources": "2", "NumArticles": "3",
        "DATEADDED": "20200104000000", "SOURCEURL": "https://a.example/first",
    }
    assert {k: row[k] for k in expected} == expected
    assert all(value == "" for key, value in row.items() if key not in expected), {k: v for k, v in row.items() if k not in expected and v}


def test_leading_zero_codes_and_decimals(tmp_path: Path) -> None:
    row = _export(tmp_path, [RESOLUTION])[0][0]
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("0256", "025", "02")
    assert row["GoldsteinScale"] == "-0.3"  # float32 in Parquet, not -0.30000001192092896
    assert row["FractionDate"] == "2020.9890"  # 30-day months: Dec 31 = 2020 + (11 * 30 + 31) / 365
    assert (row["Actor1CountryCode"], row["Actor1Type1Code"], row["Actor1KnownGroupCode"]) == ("PSE", "REB", "HMS")
    assert (row["IsRootEvent"], row["DATEADDED"], row["SOURCEURL"]) == ("0", "", "")


def test_undated_events_are_skipped_and_counted(tmp_path: Path) -> None:
    rows, skipped = _export(tmp_path, [KNOWN, UNDATED, RESOLUTION])
    assert skipped == 1 and len(rows) == 2
    assert str(global_event_id(UNDATED["event_id"])) not in {r["GlobalEventID"] for r in rows}
    assert [r["Day"] for r in rows] == ["20200103", "20201231"]  # sorted by day


def test_ids_are_stable_across_exports(tmp_path: Path) -> None:
    first, _ = _export(tmp_path / "a", [KNOWN, RESOLUTION])
    again, _ = _export(tmp_path / "b", [RESOLUTION, KNOWN])
    assert [r["GlobalEventID"] for r in first] == [r["GlobalEventID"] for r in again]
    assert global_event_id(KNOWN["event_id"]) == global_event_id(KNOWN["event_id"]) < 2**63
    assert len({r["GlobalEventID"] for r in first}) == 2


def test_actor_codes_split_into_gdelt_fields() -> None:
    assert actor_fields(None, None) == [""] * 10
    assert actor_fields("MIL", None)[7] == "MIL"  # a bare role: no country, Type1Code only
    assert actor_fields("IMGMUSALQ", None) == ["IMGMUSALQ", "", "", "ALQ", "", "MUS", "", "IMG", "", ""]
    assert actor_fields("IRQ", "IRQ") == ["IRQ", "", "IRQ", "", "", "", "", "", "", ""]


def test_every_codebook_role_is_a_gdelt_type_code() -> None:
    """A role missing from TYPE_CODES would be exported as a known group instead of Type1Code."""
    roles = {role.code for role in load_codebook(load_settings().codebook_dir).actors.roles}
    assert roles and roles <= TYPE_CODES


def test_export_command_writes_and_reports(tmp_path: Path) -> None:
    out = tmp_path / "out"
    store = Store(out)
    store.prepare({"events": EVENTS})
    store.replace_table("events", [KNOWN, UNDATED], EVENTS)
    message = export_command(out, tmp_path / "sub" / "gdelt.tsv", gdelt=True)
    assert "wrote 1 event(s)" in message and "skipped 1 undated" in message
    assert len((tmp_path / "sub" / "gdelt.tsv").read_text(encoding="utf-8").splitlines()) == 1


def test_export_command_refuses_missing_or_empty_out(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="does not exist"):
        export_command(tmp_path / "nowhere", tmp_path / "x.tsv", gdelt=True)
    empty = tmp_path / "empty"
    Store(empty).prepare({"events": EVENTS})
    with pytest.raises(UsageError, match="holds no events"):
        export_command(empty, tmp_path / "x.tsv", gdelt=True)
    with pytest.raises(UsageError, match="--gdelt"):
        export_command(empty, tmp_path / "x.tsv", gdelt=False)
    assert not (tmp_path / "x.tsv").exists()
