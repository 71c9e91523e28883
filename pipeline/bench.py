"""`eventcoder bench`: throughput of the coder against bare spaCy on the same texts, measured in one run.

Each measurement runs in a fresh process (so peak memory is its own): bare `nlp.pipe` over the article
texts with the full pipeline, then our end-to-end coding (split, prefilter, parse, code, rows) in
batches, at each `n_process` asked for. With `--flow`, the real Prefect flow also runs once over the
corpus, and its overhead (elapsed minus coding time) is reported apart. Benchmarks never run in CI.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import resource
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from pipeline.ingest.readers import read_file
from pipeline.records import Article


@dataclass(frozen=True)
class Measure:
    name: str
    n_process: int
    articles: int
    words: int
    seconds: float
    peak_mb: float
    rows: int | None = None

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def _articles(corpus: Path, limit: int | None) -> list[Article]:
    articles: list[Article] = []
    for record in read_file(corpus, frozenset(), 10_000_000):
        if isinstance(record, Article):
            articles.append(record)
            if limit is not None and len(articles) >= limit:
                break
    return articles


def _batches(items: list[Article], size: int) -> Iterator[list[Article]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _bare(corpus: str, limit: int | None, n_process: int, settings: dict[str, Any]) -> Measure:
    from pipeline.nlp import load_model

    articles = _articles(Path(corpus), limit)
    nlp = load_model(settings["model"])
    started = time.perf_counter()
    for _ in nlp.pipe((a.text for a in articles), batch_size=16, n_process=n_process):
        pass
    seconds = time.perf_counter() - started
    return Measure("bare nlp.pipe (full pipeline)", n_process, len(articles), sum(len(a.text.split()) for a in articles), seconds, _peak_mb())


def _ours(corpus: str, limit: int | None, n_process: int, settings: dict[str, Any]) -> Measure:
    from pipeline.engine import build_engine, code_articles
    from pipeline.settings import Settings

    config = Settings(**{**settings, "n_process": n_process})
    engine = build_engine(config)
    names = engine.codebook.actors.single_word_names()
    articles = [r for r in read_file(Path(corpus), names, config.max_article_chars) if isinstance(r, Article)][:limit]
    started = time.perf_counter()
    rows = 0
    for batch in _batches(articles, config.batch_size):
        rows += len(code_articles(engine, batch, dt.datetime.now(dt.UTC)))
    seconds = time.perf_counter() - started
    label = "eventcoder coding" + ("" if config.prefilter else " (prefilter off)")
    return Measure(label, n_process, len(articles), sum(len(a.text.split()) for a in articles), seconds, _peak_mb(), rows)


def _flow(corpus: str, limit: int | None, n_process: int, settings: dict[str, Any]) -> Measure:
    from pipeline.cli import configure_prefect

    os.environ["PREFECT_TASKS_REFRESH_CACHE"] = "true"  # measure coding, not the content-hash cache of earlier runs
    configure_prefect()
    from pipeline.flows import run_flow

    source = Path(corpus)
    with tempfile.TemporaryDirectory() as folder:
        if limit is not None:
            subset = Path(folder) / "subset.jsonl"
            with source.open(encoding="utf-8") as handle:
                subset.write_text("".join(line for _, line in zip(range(limit), handle)), encoding="utf-8")
            source = subset
        started = time.perf_counter()
        report = run_flow([str(source)], str(Path(folder) / "out"), {**settings, "n_process": n_process})
        seconds = time.perf_counter() - started
    return Measure(
        f"prefect flow (coding {report['coding_seconds']:.1f} s, overhead {seconds - report['coding_seconds']:.1f} s)",
        n_process, report["articles_coded"], report["words"], seconds, _peak_mb(), report["rows"],
    )


def _child(target: Callable[..., Measure], args: tuple[Any, ...], sender: Connection) -> None:
    sender.send(target(*args))
    sender.close()


def _isolated(target: Callable[..., Measure], *args: Any) -> Measure:
    """Run one measurement in a fresh (non-daemonic, so it may start its own processes) process."""
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(target, args, sender))
    process.start()
    sender.close()
    try:
        result: Measure = receiver.recv()
    except EOFError:
        process.join()
        raise RuntimeError(f"measurement {target.__name__} failed (exit code {process.exitcode})") from None
    process.join()
    return result


def run_bench(corpus: Path, limit: int | None, processes: list[int], settings: dict[str, Any], with_flow: bool, compare_prefilter: bool) -> list[Measure]:
    """Every measurement, in order: for each n_process, bare then ours (then ours without prefilter)."""
    measures: list[Measure] = []
    for n in processes:
        measures.append(_isolated(_bare, str(corpus), limit, n, settings))
        measures.append(_isolated(_ours, str(corpus), limit, n, settings))
        if compare_prefilter:
            measures.append(_isolated(_ours, str(corpus), limit, n, {**settings, "prefilter": False}))
    if with_flow:
        measures.append(_isolated(_flow, str(corpus), limit, processes[0], settings))
    return measures


def format_bench(corpus: Path, measures: list[Measure]) -> str:
    """A table, then the ratios that matter: ours / bare at each n_process."""
    lines = [f"corpus {corpus}", f"{'measure':<58} {'proc':>4} {'articles':>8} {'words':>8} {'sec':>7} {'art/s':>7} {'words/s':>8} {'peak MB':>8} {'rows':>6}"]
    for m in measures:
        lines.append(
            f"{m.name:<58} {m.n_process:>4} {m.articles:>8} {m.words:>8} {m.seconds:>7.1f} {m.articles / m.seconds:>7.1f} "
            f"{m.words_per_second:>8.0f} {m.peak_mb:>8.0f} {'' if m.rows is None else m.rows:>6}"
        )
    for n in sorted({m.n_process for m in measures}):
        bare = next((m for m in measures if m.n_process == n and m.name.startswith("bare")), None)
        for ours in (m for m in measures if m.n_process == n and m.name.startswith("eventcoder")):
            if bare is not None:
                lines.append(f"ratio {ours.name} / bare nlp.pipe at n_process={n}: {ours.words_per_second / bare.words_per_second:.2f}x")
    return "\n".join(lines)


def to_json(measures: list[Measure]) -> str:
    return json.dumps([{**asdict(m), "words_per_second": round(m.words_per_second)} for m in measures], indent=2)
