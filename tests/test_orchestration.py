"""Prefect at the edge: the deployment file CI validates, task caching, and a schedule that fires."""

from __future__ import annotations

import importlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from prefect.client.schemas.schedules import CronSchedule

import pipeline.flows
from pipeline.flows import coding_cache_key, run_flow
from pipeline.records import Article

ROOT = Path(__file__).resolve().parent.parent


def test_prefect_yaml_declares_a_valid_deployment_of_the_run_flow() -> None:
    config = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    [deployment] = config["deployments"]
    module_path, _, name = deployment["entrypoint"].partition(":")
    module = importlib.import_module(module_path.removesuffix(".py").replace("/", "."))
    flow = getattr(module, name)
    assert flow is run_flow
    validated = flow.validate_parameters(deployment["parameters"])
    assert validated["inputs"] == ["data/archive"] and validated["wait_seconds"] == 600
    for schedule in deployment["schedules"]:
        CronSchedule(cron=schedule["cron"], timezone=schedule["timezone"])


def test_coding_cache_key_follows_content_codebook_and_model() -> None:
    def key(text: str, version: str = "v1", model: str = "m1") -> str:
        return coding_cache_key(None, {"version": version, "model": model, "articles": [Article(id="a", text=text, published=None)]})

    assert key("Israeli jets struck Gaza.") == key("Israeli jets struck Gaza.")
    assert len({key("Israeli jets struck Gaza."), key("Israeli jets struck Gaza!"), key("Israeli jets struck Gaza.", version="v2"),
                key("Israeli jets struck Gaza.", model="m2")}) == 4


def test_coding_cache_key_follows_the_coders_own_code(monkeypatch: pytest.MonkeyPatch) -> None:
    def key() -> str:
        return coding_cache_key(None, {"version": "v1", "model": "m1", "articles": [Article(id="a", text="Talks began.", published=None)]})

    before = key()
    monkeypatch.setattr(pipeline.flows, "coder_fingerprint", lambda: "another coder")
    assert key() != before


def test_schedule_serves_runs_on_a_local_server(tmp_path: Path) -> None:
    out = tmp_path / "out"
    env = {key: value for key, value in os.environ.items() if key != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(tmp_path / "prefect-home")
    server = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "schedule", str(ROOT / "seeds"), "--out", str(out), "--interval", "5"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True, text=True,
    )
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and not list((out / "_runs").glob("*.json")):
            assert server.poll() is None, server.stdout.read() if server.stdout else ""
            time.sleep(1)
        runs = list((out / "_runs").glob("*.json"))
        assert runs, "no scheduled run fired within 240 s"
        assert any((out / "mentions").rglob("part-*.parquet"))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


def test_dask_path_codes_the_same_rows_as_the_local_path(prefect_api, tmp_path: Path) -> None:
    import pandas as pd
    from prefect_dask import DaskTaskRunner

    from pipeline.settings import load_settings

    archive = tmp_path / "archive"
    archive.mkdir()
    sentences = ["Israeli jets struck Gaza on Sunday.", "Iran and Iraq held talks in Baghdad.", "China invited Putin to visit Beijing."]
    (archive / "a.jsonl").write_text(
        "".join(f'{{"id": "a{n}", "text": "{sentences[n % 3]} {sentences[(n + 1) % 3]}", "published": "2021-05-0{1 + n % 9}"}}\n' for n in range(20)),
        encoding="utf-8",
    )
    settings = load_settings(batch_size=4).model_dump(mode="json")
    run_flow([str(archive)], str(tmp_path / "local"), settings)
    runner = DaskTaskRunner(cluster_kwargs={"n_workers": 2, "threads_per_worker": 1, "processes": False})
    report = run_flow.with_options(task_runner=runner)([str(archive)], str(tmp_path / "dask"), settings, distributed=True)
    assert report["articles_coded"] == 20 and report["accounting_closes"]
    columns = ["mention_id", "event_id", "event_type", "cameo_code", "source_actor", "target_actor", "event_date", "rule_id"]
    local = pd.read_parquet(tmp_path / "local" / "mentions")[columns].sort_values("mention_id").reset_index(drop=True)
    dask = pd.read_parquet(tmp_path / "dask" / "mentions")[columns].sort_values("mention_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(local, dask)
