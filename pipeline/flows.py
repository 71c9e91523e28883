"""Prefect orchestration: thin tasks around the pure pipeline (plan, read, code, write, summarise).

Tasks hold no coding logic; they add retries on I/O, names in the Prefect UI, and the run summary
artifact. The engine (model + compiled codebook) is built once per flow run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from collections import deque
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import TaskRunContext

from pipeline.engine import Engine, build_engine, code_articles
from pipeline.ingest.chunks import Chunk, read_chunk
from pipeline.ingest.discover import discover
from pipeline.output.events import EVENT_INPUT_COLUMNS, build_events
from pipeline.output.rows import quarantine_rows
from pipeline.output.schema import EVENTS, MENTIONS, QUARANTINE, TABLES
from pipeline.output.store import Store
from pipeline.planning import Plan, plan_run
from pipeline.records import Article, Rejected
from pipeline.settings import Settings
from pipeline.state import Manifest, mirror_manifest, output_lock, remove_leftovers, restore_manifest, retract_mirror, state_folder, write_progress
from pipeline.summary import RunSummary


@task(name="plan", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def plan_task(inputs: list[str], manifest: Manifest, batch_size: int, version: str, model: str, recode: bool, recode_stale: bool) -> Plan:
    return plan_run(discover([Path(p) for p in inputs]), manifest, batch_size, version, model, recode, recode_stale)


@task(name="read", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def read_task(chunk: Chunk, known_names: frozenset[str], max_chars: int) -> list[Article | Rejected]:
    return list(read_chunk(chunk, known_names, max_chars))


def coder_fingerprint() -> str:
    """The coder's own source, read when asked: rows cached by other code (an upgrade, a local change) are
    not reused, even by `--recode` of unchanged inputs under an unchanged codebook."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def coding_cache_key(context: TaskRunContext | None, parameters: dict[str, Any]) -> str:
    """Same articles (content and metadata), same codebook version, model and coder: same rows, so reuse them."""
    digest = hashlib.sha256(f"{parameters['version']}\x1f{parameters['model']}\x1f{coder_fingerprint()}".encode())
    for article in parameters["articles"]:
        fields = (article.id, article.text, str(article.published), article.source or "", article.url or "", article.title or "")
        digest.update("\x1f".join(fields).encode("utf-8"))
    task_name = context.task.name if context is not None else "code"
    return f"eventcoder-{task_name}-{digest.hexdigest()}"


@task(name="code", cache_key_fn=coding_cache_key, persist_result=True)
def code_task(engine: Engine, version: str, model: str, articles: list[Article], coded_at: dt.datetime) -> list[dict[str, Any]]:
    """Code a chunk in this process with the flow's engine (`version`, `model` key the cache)."""
    return code_articles(engine, articles, coded_at)


@task(name="code-on-worker", cache_key_fn=coding_cache_key, persist_result=True)
def code_on_worker_task(
    settings: dict[str, Any], version: str, model: str, articles: list[Article], coded_at: dt.datetime
) -> list[dict[str, Any]]:
    """Code a chunk on a Dask worker, with the engine that worker built once (see worker_engine)."""
    return code_articles(worker_engine(settings, version), articles, coded_at)


def worker_engine(settings: dict[str, Any], version: str) -> Engine:
    """The engine of the current Dask worker, built on its first chunk and kept on the worker object."""
    from distributed import get_worker

    worker = get_worker()
    engines: dict[str, Engine] = worker.__dict__.setdefault("eventcoder_engines", {})
    key = json.dumps(settings, sort_keys=True)
    if key not in engines:
        engine = build_engine(Settings(**settings))
        if engine.codebook.version != version:
            raise RuntimeError(f"worker codebook {engine.codebook.version} differs from the flow's {version}")
        engines[key] = engine
    return engines[key]


@task(name="write", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def write_task(rows: list[dict[str, Any]], table: str, store: Store, key: str) -> int:
    schema = MENTIONS if table == "mentions" else QUARANTINE
    store.write_table(table, rows, schema, key, partitioned=table == "mentions")
    return len(rows)


@task(name="events", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def events_task(store: Store, engine: Engine) -> int:
    """Rebuild OUT/events from every mention in OUT/mentions (this run's and earlier runs')."""
    rows = build_events(store.rows("mentions", EVENT_INPUT_COLUMNS), engine.codebook.cameo)
    store.replace_table("events", rows, EVENTS)
    return len(rows)


@task(name="summarise", cache_policy=NO_CACHE)
def summarise_task(summary: RunSummary, store: Store, run_id: str) -> dict[str, Any]:
    report = summary.to_dict()
    store.write_text(f"_runs/{run_id}.json", json.dumps(report, indent=2) + "\n")
    create_markdown_artifact(summary.to_markdown(), key="eventcoder-run-summary", description="eventcoder run summary")
    return report


@task(name="commit", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def commit_task(manifest: Manifest, chunk: Chunk, rows: int, articles: list[str], version: str, model: str) -> None:
    manifest.record_chunk(chunk.key, chunk.paths, chunk.start, chunk.stop, rows, articles, version, model)


@flow(name="eventcoder-run")
def run_flow(
    inputs: list[str],
    out: str,
    settings: dict[str, Any],
    recode: bool = False,
    recode_stale: bool = False,
    wait_seconds: float = 0.0,
    distributed: bool = False,
) -> dict[str, Any]:
    """Code every new or changed article file under `inputs` into `out`: mentions, events, quarantine.

    `out` is a folder or an fsspec URL (see output/store.py). Holds OUT's lock for the whole run;
    incremental through the manifest in OUT's state folder, mirrored to a remote OUT once its events
    are rebuilt (see state.py). With `distributed`, chunks are coded by the flow's task runner (a
    DaskTaskRunner: see the CLI's --workers/--dask-address), a few in flight at a time; reading and
    writing stay in the flow.
    """
    started = time.perf_counter()
    config = Settings(**settings)
    engine = build_engine(config)
    store = Store(out)
    state = state_folder(store, config.state_dir)
    with output_lock(state, wait_seconds, store.url):
        remove_leftovers(store.local or state)
        restore_manifest(store, state)
        manifest = Manifest(state)
        try:
            summary = _code_inputs(inputs, store, state, config, engine, manifest, recode, recode_stale, distributed)
        finally:
            manifest.close()
        summary.events = events_task(store, engine)
        mirror_manifest(store, state)
        summary.elapsed_seconds = time.perf_counter() - started
        return summarise_task(summary, store, summary.run_id)


def _code_inputs(
    inputs: list[str],
    store: Store,
    state: Path,
    config: Settings,
    engine: Engine,
    manifest: Manifest,
    recode: bool,
    recode_stale: bool,
    distributed: bool,
) -> RunSummary:
    """Plan, then read, code, write and commit chunk by chunk."""
    coded_at = dt.datetime.now(dt.UTC)
    version, model = engine.codebook.version, engine.model
    summary = RunSummary(model=model, codebook_version=version, out=store.url, run_id=coded_at.strftime("%Y%m%dT%H%M%S%fZ"))
    plan = plan_task(inputs, manifest, config.batch_size, version, model, recode, recode_stale)
    store.prepare(TABLES)
    if plan.replaced:
        retract_mirror(store)
    store.remove_chunk_files(plan.replaced, ("mentions", "quarantine"))
    manifest.forget_chunks(plan.replaced)
    manifest.forget_files(plan.fingerprints)
    summary.files = len(plan.fingerprints)
    summary.files_unchanged = len(plan.unchanged)
    write_progress(state, len(plan.chunks), 0)
    known_names = engine.codebook.actors.single_word_names()
    seen: set[str] = set()
    in_flight: deque[tuple[Chunk, list[Article], list[Rejected], Any]] = deque()
    window = max(2, 2 * config.n_process) if distributed else 1
    for chunk in plan.chunks:
        records = read_task(chunk, known_names, config.max_article_chars)
        articles = [r for r in records if isinstance(r, Article)]
        rejected = [r for r in records if isinstance(r, Rejected)]
        fresh = []
        for article in articles:
            if article.id in seen or manifest.owner(article.id) not in (None, chunk.key):
                summary.duplicates += 1
            else:
                seen.add(article.id)
                fresh.append(article)
        summary.records_read += len(records)
        summary.articles_coded += len(fresh)
        summary.quarantined.update(r.reason for r in rejected)
        summary.words += sum(len(a.text.split()) for a in fresh)
        if distributed:
            coded: Any = code_on_worker_task.submit(config.model_dump(mode="json"), version, model, fresh, coded_at)
        else:
            started = time.perf_counter()
            coded = code_task(engine, version, model, fresh, coded_at)
            summary.coding_seconds += time.perf_counter() - started
        in_flight.append((chunk, fresh, rejected, coded))
        while len(in_flight) >= window:
            _finish(in_flight.popleft(), store, state, manifest, summary, coded_at, len(plan.chunks))
    while in_flight:
        _finish(in_flight.popleft(), store, state, manifest, summary, coded_at, len(plan.chunks))
    for path, print_ in plan.fingerprints.items():
        manifest.record_file(path, print_, version, model)
    return summary


def _finish(
    job: tuple[Chunk, list[Article], list[Rejected], Any],
    store: Store,
    state: Path,
    manifest: Manifest,
    summary: RunSummary,
    coded_at: dt.datetime,
    total: int,
) -> None:
    """Write a coded chunk (waiting for it if it runs on Dask), then record it in the manifest."""
    chunk, articles, rejected, coded = job
    if isinstance(coded, list):
        rows = coded
    else:
        started = time.perf_counter()
        rows = coded.result()
        summary.coding_seconds += time.perf_counter() - started
    summary.articles_with_events += len({r["article_id"] for r in rows})
    summary.rows_by_type.update(r["event_type"] for r in rows)
    summary.rows_by_date_source.update(r["date_source"] for r in rows)
    write_task(rows, "mentions", store, chunk.key)
    write_task(quarantine_rows(rejected, coded_at), "quarantine", store, chunk.key)
    commit_task(manifest, chunk, len(rows), [a.id for a in articles], summary.codebook_version, summary.model)
    summary.chunks_done += 1
    write_progress(state, total, summary.chunks_done)
