"""OUT on object storage: the store on fsspec's memory filesystem and on local disk, and whole runs to a URL.

The memory filesystem stands in for S3 (same code path: no rename, one PUT per file); it is process-global,
so every test that uses it starts and ends with it empty. Run state goes to the test's own folder.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import fsspec
import pandas as pd
import pytest
from fsspec.spec import AbstractFileSystem
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.errors import UsageError
from pipeline.flows import run_flow
from pipeline.output.schema import EVENTS, QUARANTINE, TABLES
from pipeline.output.store import Store
from pipeline.settings import load_settings
from pipeline.state import MIRROR, state_folder

ROOT = Path(__file__).resolve().parent.parent
URL = "memory://bucket/out"


def _clear(memory: AbstractFileSystem) -> None:
    memory.store.clear()
    memory.pseudo_dirs.clear()
    memory.pseudo_dirs.append("")


@pytest.fixture
def memory() -> Iterator[AbstractFileSystem]:
    filesystem = fsspec.filesystem("memory")
    _clear(filesystem)
    yield filesystem
    _clear(filesystem)


@pytest.fixture(params=["local", "memory"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    if request.param == "memory":
        request.getfixturevalue("memory")
        return Store("memory://bucket/store-test")
    return Store(tmp_path / "out")


def _event(event_id: str, day: dt.date | None, code: str = "190") -> dict[str, Any]:
    return {
        "event_id": event_id, "event_date": day, "date_precision": "day" if day else None, "event_type": "strike",
        "cameo_code": code, "cameo_root": code[:2], "quad_class": 4, "goldstein": -10.0, "source_actor": "USA",
        "source_country": "USA", "target_actor": "IRN", "target_country": "IRN", "num_mentions": 1, "num_articles": 1,
        "num_sources": 1, "first_seen": day, "source_urls": [], "is_root_event": False,
        "year": day.year if day else 0, "month": day.month if day else 0,
    }


def _quarantined(n: int) -> dict[str, Any]:
    return {"origin": f"f.jsonl:{n}", "reason": "empty_text", "message": "no text", "quarantined_at": dt.datetime(2024, 1, 1, tzinfo=dt.UTC)}


def _ids(store: Store, table: str = "events") -> list[str]:
    return sorted(row["event_id"] for row in store.rows(table, ["event_id"]))


JANUARY, MARCH = dt.date(2020, 1, 3), dt.date(2020, 3, 9)


def test_written_rows_read_back_by_partition(store: Store) -> None:
    store.prepare(TABLES)
    assert not store.has_rows("events") and list(store.rows("events", ["event_id"])) == []
    written = store.write_table("events", [_event("a", JANUARY), _event("b", MARCH), _event("c", None)], EVENTS, "k1", partitioned=True)
    assert [f.removeprefix(store.root) for f in written] == [
        "/events/year=0/month=0/part-k1.parquet", "/events/year=2020/month=1/part-k1.parquet", "/events/year=2020/month=3/part-k1.parquet",
    ]
    table = store.dataset("events").to_table()
    assert sorted(zip(table.column("event_id").to_pylist(), table.column("year").to_pylist())) == [("a", 2020), ("b", 2020), ("c", 0)]
    store.write_table("quarantine", [_quarantined(1), _quarantined(2)], QUARANTINE, "k1", partitioned=False)
    assert [row["origin"] for row in store.rows("quarantine", ["origin"])] == ["f.jsonl:1", "f.jsonl:2"]
    assert store.parts("quarantine") == [store.path("quarantine/part-k1.parquet")]


def test_chunk_files_are_removed_from_every_partition(store: Store) -> None:
    store.prepare({"events": EVENTS})
    store.write_table("events", [_event("a", JANUARY), _event("b", MARCH)], EVENTS, "old", partitioned=True)
    store.write_table("events", [_event("c", JANUARY)], EVENTS, "kept", partitioned=True)
    store.remove_chunk_files(["old"], ["events"])
    assert _ids(store) == ["c"]
    assert store.exists("events/_common_metadata")


def test_replace_table_leaves_only_the_new_rows(store: Store) -> None:
    store.prepare({"events": EVENTS})
    store.replace_table("events", [_event("a", JANUARY), _event("b", MARCH)], EVENTS)
    store.replace_table("events", [_event("c", MARCH)], EVENTS)
    assert _ids(store) == ["c"]
    [part] = store.parts("events")
    name = Path(part).name
    if store.local is not None:
        assert name == "part-all.parquet"
        assert not [p.name for p in store.local.iterdir() if p.name.startswith(".")]  # no staging or retired folder left
    else:
        assert name.startswith("part-all-") and len(name) == len("part-all-.parquet") + 32  # run-unique: written, then the old deleted
    store.replace_table("events", [], EVENTS)
    assert not store.has_rows("events") and store.exists("events/_common_metadata")


def test_text_files_and_local_copies(store: Store, tmp_path: Path) -> None:
    store.write_text("_runs/b.json", json.dumps({"run": 2}))
    store.write_text("_runs/a.json", "{}")
    assert store.names("_runs") == ["a.json", "b.json"] and store.names("nowhere") == []
    assert json.loads(store.read_text("_runs/b.json")) == {"run": 2}
    copy = tmp_path / "copies" / "b.json"
    store.download("_runs/b.json", copy)
    store.upload(copy, "_state/copy.json")
    assert store.read_text("_state/copy.json") == copy.read_text(encoding="utf-8")
    store.remove("_runs/a.json")
    assert not store.exists("_runs/a.json")


def test_paths_and_file_urls_are_local(tmp_path: Path) -> None:
    for given in (tmp_path / "out", str(tmp_path / "out"), f"file://{tmp_path}/out"):
        store = Store(given)
        assert store.local == (tmp_path / "out").resolve() and store.url == str((tmp_path / "out").resolve())
        assert state_folder(store, tmp_path / "cache") == store.local / "_state"


def test_a_remote_out_keeps_its_state_in_a_cache_folder_named_by_its_url(tmp_path: Path) -> None:
    folder = state_folder(Store(URL), tmp_path / "cache")
    assert folder.parent == tmp_path / "cache" and len(folder.name) == 16
    assert state_folder(Store(URL + "/"), tmp_path / "cache") == folder
    assert state_folder(Store("memory://bucket/other"), tmp_path / "cache") != folder


def test_unknown_or_uninstalled_protocols_are_usage_errors() -> None:
    with pytest.raises(UsageError, match="fsspec knows no protocol 'nosuch'"):
        Store("nosuch://bucket/out")
    if importlib.util.find_spec("s3fs") is None:
        with pytest.raises(UsageError, match=r"not installed: Install s3fs .*eventcoder\[s3\]"):
            Store("s3://bucket/out")


def _frame(path: str | Path, drop: tuple[str, ...], key: str) -> pd.DataFrame:
    """A table as pandas reads it (a folder or a URL), in a stable order, partition columns as ints."""
    frame = pd.read_parquet(path).drop(columns=list(drop))
    frame[["year", "month"]] = frame[["year", "month"]].astype(int)
    return frame.sort_values(key).reset_index(drop=True)


def test_run_to_a_url_writes_what_a_local_run_writes_and_continues_incrementally(prefect_api, memory, tmp_path: Path) -> None:
    settings = load_settings(state_dir=tmp_path / "state").model_dump(mode="json")
    local = run_flow([str(ROOT / "seeds")], str(tmp_path / "local"), settings)
    remote = run_flow([str(ROOT / "seeds")], URL, settings)
    assert remote["out"] == URL and remote["accounting_closes"]
    for count in ("articles_coded", "rows", "events_in_output"):
        assert remote[count] == local[count] > 0, count
    mentions = _frame(tmp_path / "local" / "mentions", ("coded_at",), "mention_id")
    pd.testing.assert_frame_equal(_frame(f"{URL}/mentions", ("coded_at",), "mention_id"), mentions)
    pd.testing.assert_frame_equal(_frame(f"{URL}/events", (), "event_id"), _frame(tmp_path / "local" / "events", (), "event_id"))
    assert memory.exists(f"{URL}/{MIRROR}") and memory.exists(f"{URL}/_runs/{remote['run_id']}.json")
    assert not memory.exists(f"{URL}/_state/lock")  # the lock and progress stay on local disk

    again = run_flow([str(ROOT / "seeds")], URL, settings)
    assert (again["files"], again["files_unchanged"], again["records_read"]) == (0, 1, 0)
    shutil.rmtree(tmp_path / "state")  # a fresh machine: the manifest comes from OUT/_state
    fresh = run_flow([str(ROOT / "seeds")], URL, settings)
    assert (fresh["files"], fresh["files_unchanged"], fresh["records_read"]) == (0, 1, 0)
    assert (state_folder(Store(URL), tmp_path / "state") / "manifest.sqlite").is_file()
    pd.testing.assert_frame_equal(_frame(f"{URL}/mentions", ("coded_at",), "mention_id"), mentions)
    assert fresh["events_in_output"] == local["events_in_output"]


def test_a_run_that_deletes_chunks_retracts_the_mirror_first(prefect_api, memory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Killed after deleting chunks to recode them, a run leaves no mirror claiming their rows: a new machine recodes."""
    settings = load_settings(state_dir=tmp_path / "state").model_dump(mode="json")
    run_flow([str(ROOT / "seeds")], URL, settings)
    mentions = _frame(f"{URL}/mentions", ("coded_at",), "mention_id")

    def killed(self: Store, keys: object, tables: object) -> None:
        raise RuntimeError("killed")

    monkeypatch.setattr(Store, "remove_chunk_files", killed)
    with pytest.raises(RuntimeError, match="killed"):
        run_flow([str(ROOT / "seeds")], URL, settings, recode=True)
    assert not memory.exists(f"{URL}/{MIRROR}")
    monkeypatch.undo()
    shutil.rmtree(tmp_path / "state")
    fresh = run_flow([str(ROOT / "seeds")], URL, settings)
    assert fresh["files"] == 1 and fresh["articles_coded"] == 1 and memory.exists(f"{URL}/{MIRROR}")
    pd.testing.assert_frame_equal(_frame(f"{URL}/mentions", ("coded_at",), "mention_id"), mentions)


def test_cli_runs_exports_and_summarizes_a_url(prefect_api, memory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTCODER_STATE_DIR", str(tmp_path / "state"))
    ran = CliRunner().invoke(app, ["run", str(ROOT / "seeds"), "--out", URL, "--json"])
    assert ran.exit_code == 0, ran.output
    report = json.loads(ran.output)
    assert report["out"] == URL and report["articles_coded"] == 1
    exported = CliRunner().invoke(app, ["export", "--gdelt", URL, "--to", str(tmp_path / "events.tsv")])
    assert exported.exit_code == 0, exported.output
    assert len((tmp_path / "events.tsv").read_text(encoding="utf-8").splitlines()) == report["events_in_output"]
    summarized = CliRunner().invoke(app, ["summarize", URL, "--out", str(tmp_path / "summary.html")])
    assert summarized.exit_code == 0, summarized.output
    assert URL in (tmp_path / "summary.html").read_text(encoding="utf-8")
    empty = CliRunner().invoke(app, ["export", "--gdelt", "memory://bucket/nothing", "--to", str(tmp_path / "x.tsv")])
    assert empty.exit_code == 2 and "does not exist" in empty.output


def test_unknown_protocol_stops_the_cli_before_any_work(memory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTCODER_STATE_DIR", str(tmp_path / "state"))
    result = CliRunner().invoke(app, ["run", str(ROOT / "seeds"), "--out", "nosuch://bucket/out"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "error: --out nosuch://bucket/out: fsspec knows no protocol 'nosuch'" in result.output
    assert not (tmp_path / "state").exists() and not memory.store
