"""Incremental, idempotent, crash-safe runs: the manifest, the lock, and a real run killed with SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from pipeline.errors import UsageError
from pipeline.flows import run_flow
from pipeline.settings import load_settings
from pipeline.state import output_lock

STABLE = ["mention_id", "event_id", "article_id", "sentence_index", "event_type", "cameo_code", "source_actor", "target_actor", "event_date", "rule_id"]
SENTENCES = [
    "Israeli jets struck targets in Gaza on Sunday.",
    "Iran and Iraq held talks in Baghdad on Monday.",
    "The UN Security Council adopted a resolution condemning the attack.",
    "China invited Russian President Vladimir Putin to visit Beijing.",
    "Workers went on strike at the port.",
]


def _article(n: int) -> dict:
    return {"id": f"a{n}", "text": " ".join(SENTENCES[(n + i) % len(SENTENCES)] for i in range(3)), "published": f"2021-05-{1 + n % 28:02d}"}


def _write_jsonl(path: Path, first: int, count: int) -> None:
    path.write_text("".join(json.dumps(_article(n)) + "\n" for n in range(first, first + count)), encoding="utf-8")


def _run(archive: Path, out: Path, **options) -> dict:
    return run_flow([str(archive)], str(out), load_settings(batch_size=5).model_dump(mode="json"), **options)


def _rows(out: Path, table: str = "mentions") -> pd.DataFrame:
    frame = pd.read_parquet(out / table)
    columns = STABLE if table == "mentions" else [c for c in frame.columns if c not in {"year", "month"}]
    return frame[columns].sort_values(columns[0]).reset_index(drop=True)


def test_rerun_codes_nothing_and_a_new_file_only_itself(prefect_api, tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    archive.mkdir()
    _write_jsonl(archive / "one.jsonl", 0, 12)
    first = _run(archive, out)
    assert first["files"] == 1 and first["articles_coded"] == 12
    rows = _rows(out)
    again = _run(archive, out)
    assert (again["files"], again["files_unchanged"], again["records_read"]) == (0, 1, 0)
    pd.testing.assert_frame_equal(_rows(out), rows)
    _write_jsonl(archive / "two.jsonl", 12, 3)
    (archive / "copy.txt").write_text(_article(0)["text"], encoding="utf-8")
    third = _run(archive, out)
    assert (third["files"], third["files_unchanged"], third["articles_coded"]) == (2, 1, 4)
    assert len(_rows(out)) > len(rows)


def test_changed_file_replaces_its_rows_and_recode_recodes_all(prefect_api, tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    archive.mkdir()
    _write_jsonl(archive / "one.jsonl", 0, 12)
    _run(archive, out)
    _write_jsonl(archive / "one.jsonl", 0, 6)
    changed = _run(archive, out)
    assert changed["files"] == 1 and changed["articles_coded"] == 6
    assert set(_rows(out).article_id) == {f"a{n}" for n in range(6)}
    assert set(pd.read_parquet(out / "events").event_id) == set(_rows(out).event_id)
    recoded = _run(archive, out, recode=True)
    assert recoded["articles_coded"] == 6 and recoded["duplicates"] == 0


def test_same_article_in_two_files_is_coded_once(prefect_api, tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    archive.mkdir()
    _write_jsonl(archive / "one.jsonl", 0, 3)
    _write_jsonl(archive / "two.jsonl", 0, 3)
    report = _run(archive, out)
    assert report["articles_coded"] == 3 and report["duplicates"] == 3 and report["accounting_closes"]
    assert _rows(out).mention_id.is_unique


def test_second_run_on_the_same_out_is_refused(tmp_path: Path) -> None:
    with output_lock(tmp_path):
        with pytest.raises(UsageError, match="another eventcoder run is writing to"):
            with output_lock(tmp_path):
                pass
    with output_lock(tmp_path):
        pass


def _cli(archive: Path, out: Path) -> subprocess.Popen:
    env = {**os.environ, "EVENTCODER_BATCH_SIZE": "4"}
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline", "run", str(archive), "--out", str(out)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )


def test_killed_run_then_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    _write_jsonl(archive / "big.jsonl", 0, 120)
    clean, killed = tmp_path / "clean", tmp_path / "killed"
    assert _cli(archive, clean).wait(timeout=600) == 0
    process = _cli(archive, killed)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and len(list((killed / "mentions").rglob("part-*.parquet"))) < 3:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    assert process.wait(timeout=60) == -signal.SIGKILL
    assert not any((killed / "events").rglob("part-*.parquet"))  # killed before the run's end
    assert _cli(archive, killed).wait(timeout=600) == 0
    pd.testing.assert_frame_equal(_rows(killed), _rows(clean))
    pd.testing.assert_frame_equal(_rows(killed, "events"), _rows(clean, "events"))
