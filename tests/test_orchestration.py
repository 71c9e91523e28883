"""Prefect at the edge: the deployment file CI validates, task caching, and a schedule that fires."""

from __future__ import annotations

import importlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import yaml
from prefect.client.schemas.schedules import CronSchedule

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


def test_coding_cache_key_follows_content_codebook_and_model(engine) -> None:
    article = Article(id="a", text="Israeli jets struck Gaza.", published=None)
    key = coding_cache_key(None, {"engine": engine, "articles": [article]})
    assert key == coding_cache_key(None, {"engine": engine, "articles": [Article(id="a", text="Israeli jets struck Gaza.", published=None)]})
    assert key != coding_cache_key(None, {"engine": engine, "articles": [Article(id="a", text="Israeli jets struck Gaza!", published=None)]})
    assert engine.codebook.version not in key and key.startswith("eventcoder-code-")


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
