"""The seed article through the real Prefect flow: every expected event appears, no trap yields a row."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pyarrow.dataset as ds
import pytest
import yaml

from pipeline.flows import run_flow
from pipeline.output.schema import MENTIONS, PARTITIONING, QUARANTINE
from pipeline.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
TRAPS = ("no immediate comment from Moscow", "come forward to offer military support", "openly called for a troop withdrawal")


@pytest.fixture(scope="module")
def seed_run(prefect_api, tmp_path_factory) -> tuple[dict, pd.DataFrame, Path]:
    out = tmp_path_factory.mktemp("seed-out")
    report = run_flow([str(ROOT / "seeds")], str(out), load_settings().model_dump(mode="json"))
    rows = pd.read_parquet(out / "mentions")
    rows["plain"] = rows.sentence.str.replace("’", "'")  # expected.yaml quotes with straight apostrophes
    return report, rows, out


def _country(code: str) -> str:
    return code if code.startswith("IGO") else code[:3]


def test_seed_codes_every_expected_event(seed_run) -> None:
    _, rows, _ = seed_run
    expected = yaml.safe_load((ROOT / "seeds" / "expected.yaml").read_text(encoding="utf-8"))
    for entry in expected:
        in_sentence = rows[rows.plain.str.contains(entry["sentence"], regex=False)]
        assert not in_sentence.empty, entry["sentence"]
        for event in entry["events"]:
            codes = [event["cameo"], *event.get("alt_cameo", [])]
            match = in_sentence[
                (in_sentence.event_type == event["type"])
                & in_sentence.cameo_code.isin(codes)
                & (in_sentence.source_country == _country(event["source"]))
                & (in_sentence.target_country == _country(event["target"]))
            ]
            assert not match.empty, (entry["sentence"], event, in_sentence[["event_type", "cameo_code", "source_actor", "target_actor"]])


def test_seed_dates_follow_the_analyst(seed_run) -> None:
    _, rows, _ = seed_run
    expected = yaml.safe_load((ROOT / "seeds" / "expected.yaml").read_text(encoding="utf-8"))
    for entry in expected:
        for event in entry["events"]:
            if "date" not in event:
                continue
            hits = rows[rows.plain.str.contains(entry["sentence"], regex=False) & (rows.event_type == event["type"])]
            assert str(hits.event_date.iloc[0]) == event["date"], (entry["sentence"], event["type"])


def test_seed_traps_yield_no_row(seed_run) -> None:
    _, rows, _ = seed_run
    for trap in TRAPS[:2]:
        assert not rows.plain.str.contains(trap, regex=False).any(), trap
    called = rows[rows.plain.str.contains(TRAPS[2], regex=False)]
    assert list(called.event_type.sort_values()) == ["resolution", "strike"]  # the resolution and the strike it answers
    assert not rows.sentence.str.contains("Newspapers").any()
    assert not rows.sentence.str.endswith("-AP").any()


def test_seed_run_report_and_metadata(seed_run) -> None:
    report, rows, out = seed_run
    assert report["records_read"] == report["articles_coded"] == 1 and report["accounting_closes"]
    assert report["rows"] == len(rows) and report["rows_without_date"] == 0
    assert set(rows.codebook_version) == {report["codebook_version"]}
    assert rows.model.str.contains("core_web_sm").all()
    assert rows.rule_id.notna().all() and rows.mention_id.is_unique
    saved = json.loads(next((out / "_runs").glob("*.json")).read_text())
    assert saved["rows"] == report["rows"]


def test_parquet_round_trip_keeps_schema_and_values(seed_run) -> None:
    _, rows, out = seed_run
    dataset = ds.dataset(out / "mentions", format="parquet", partitioning=ds.partitioning(PARTITIONING, flavor="hive"))
    table = dataset.to_table()
    assert table.schema.remove_metadata().equals(MENTIONS.remove_metadata()) or set(table.schema.names) == set(MENTIONS.names)
    for field in MENTIONS:
        assert table.schema.field(field.name).type == field.type, field.name
    stored = ds.dataset(next((out / "mentions").rglob("part-*.parquet")), format="parquet").schema
    assert stored.field("cameo_code").metadata[b"description"].startswith(b"CAMEO")
    assert sorted(rows.cameo_code) == sorted(table.column("cameo_code").to_pylist())
    assert set(table.column("year").to_pylist()) == {2020}
    assert all(len(code) >= 3 and code.isdigit() for code in rows.cameo_code)
    assert (rows.event_date.astype(str).str[:4].astype(int) == rows.year.astype(int)).all()


def test_seed_mentions_dedupe_into_events(seed_run) -> None:
    report, rows, out = seed_run
    events = pd.read_parquet(out / "events")
    assert report["events_in_output"] == len(events) and events.event_id.is_unique
    strike = events[events.event_type == "strike"]
    assert len(strike) == 1
    # four mentions: the opening clause, "the January 3 US drone strike", "The attack prompted ..." (a bare
    # back-reference, linked) and "the drone strike that killed Soleimani"
    assert (strike.num_mentions.iloc[0], str(strike.event_date.iloc[0]), strike.cameo_code.iloc[0]) == (4, "2020-01-03", "195")
    assert (strike.source_country.iloc[0], strike.target_country.iloc[0]) == ("USA", "IRN")
    meeting = events[events.event_type == "meeting"]
    assert len(meeting) == 1 and meeting.num_mentions.iloc[0] >= 2 and bool(meeting.is_root_event.iloc[0])
    assert set(rows.event_id) == set(events.event_id)
    assert events.num_mentions.sum() == len(rows)


def test_rerun_replaces_instead_of_appending(prefect_api, seed_run) -> None:
    _, rows, out = seed_run
    events = pd.read_parquet(out / "events")
    again = shutil.copytree(out, out.parent / "again")
    run_flow([str(ROOT / "seeds")], str(again), load_settings().model_dump(mode="json"))
    rerun = pd.read_parquet(again / "mentions")
    assert sorted(rerun.mention_id) == sorted(rows.mention_id)
    pd.testing.assert_frame_equal(pd.read_parquet(again / "events"), events)


def test_bad_records_are_quarantined_and_counted(prefect_api, tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "good.jsonl").write_text(
        json.dumps({"id": "g1", "text": "Israeli jets struck Gaza on Sunday.", "published": "2021-05-10"}) + "\n"
        + "{broken\n"
        + json.dumps({"id": "g2", "text": "", "published": "2021-05-10"}) + "\n"
        + json.dumps({"id": "g1", "text": "Israeli jets struck Gaza on Sunday.", "published": "2021-05-10"}) + "\n",
        encoding="utf-8",
    )
    (archive / "nodate.txt").write_text("Iran and Iraq held talks in Baghdad.", encoding="utf-8")
    out = tmp_path / "out"
    report = run_flow([str(archive)], str(out), load_settings().model_dump(mode="json"))
    assert report["records_read"] == 5 and report["articles_coded"] == 2 and report["duplicates"] == 1
    assert report["quarantined"] == {"empty_text": 1, "invalid_json": 1} and report["accounting_closes"]
    quarantine = pd.read_parquet(out / "quarantine")
    assert sorted(quarantine.reason) == ["empty_text", "invalid_json"]
    assert list(pd.read_parquet(out / "quarantine").columns) == QUARANTINE.names
    mentions = pd.read_parquet(out / "mentions")
    assert set(mentions.event_type) == {"strike", "meeting"}
    assert mentions[mentions.event_type == "meeting"].date_source.tolist() == ["none"]
    assert report["rows_without_date"] == 1
