"""The `eventcoder` command line. Errors a user can fix print one line and exit 2; nothing prints a traceback."""

from __future__ import annotations

import contextlib
import json
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from pipeline.errors import UsageError

if TYPE_CHECKING:
    from pipeline.output.store import Store

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Code news archives into CAMEO events.")
codebook_app = typer.Typer(no_args_is_help=True, help="Check and review the codebooks.")
app.add_typer(codebook_app, name="codebook")

PREFECT_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "DASK_LOGGING__DISTRIBUTED": "warning",
}


PROBE = ".eventcoder-write-test"


def configure_prefect() -> None:
    """Telemetry off and a generous start-up timeout for the temporary local API, unless the user set them."""
    for name, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(name, value)


def check_output(out: str, state_dir: Path) -> Store:
    """Fail before any work if `out` cannot be a writable folder, or a writable URL with a local state folder."""
    from pipeline.output.store import Store
    from pipeline.state import state_folder

    try:
        store = Store(out)
    except UsageError as exc:  # an unknown protocol or a missing package (s3fs)
        raise UsageError(f"--out {exc}") from None
    if store.local is not None and store.local.exists() and not store.local.is_dir():
        raise UsageError(f"--out {out} exists and is not a folder")
    try:
        store.write_text(PROBE, "")  # creates a local folder
        store.remove(PROBE)
    except OSError as exc:
        raise UsageError(f"--out {out} is not writable: {exc.strerror or exc}") from None
    if store.local is None:
        state = state_folder(store, state_dir)
        try:
            state.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"state folder {state} for --out {out} cannot be created (EVENTCODER_STATE_DIR): {exc.strerror or exc}") from None
    return store


def fail(message: str) -> None:
    typer.secho(f"error: {message}", err=True, fg=typer.colors.RED)
    raise typer.Exit(2)


@app.command()
def run(
    inputs: Annotated[list[Path], typer.Argument(help="Article files (txt, jsonl, csv, parquet, html, warc; .gz where supported) or folders.")],
    out: Annotated[str, typer.Option("--out", "-o", help="Output folder or fsspec URL such as s3://bucket/path (mentions/, events/, quarantine/, _runs/, _state/).")],
    model: Annotated[Optional[str], typer.Option(help="spaCy model name (default en_core_web_sm).")] = None,
    codebooks: Annotated[Optional[Path], typer.Option(help="Folder with events.yaml and actors.yaml.")] = None,
    batch_size: Annotated[Optional[int], typer.Option(help="Articles per coding task.")] = None,
    n_process: Annotated[Optional[int], typer.Option(help="Processes for spaCy's nlp.pipe.")] = None,
    recode: Annotated[bool, typer.Option("--recode", help="Code every input again, changed or not.")] = False,
    recode_stale: Annotated[bool, typer.Option("--recode-stale", help="Also recode inputs coded by another codebook version or model.")] = False,
    wait: Annotated[float, typer.Option("--wait", help="Seconds to wait for another run writing to OUT.")] = 0.0,
    workers: Annotated[Optional[int], typer.Option(help="Code on a local Dask cluster of N worker processes.")] = None,
    dask_address: Annotated[Optional[str], typer.Option(help="Code on an existing Dask cluster (tcp://host:8786).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run summary as JSON.")] = False,
) -> None:
    """Code every new or changed article in INPUTS into OUT/mentions and OUT/events (Parquet)."""
    from pipeline.codebook import load_codebook
    from pipeline.ingest.discover import SUFFIXES, discover
    from pipeline.nlp import load_model
    from pipeline.settings import load_settings

    try:
        settings = load_settings(model=model, codebook_dir=codebooks, batch_size=batch_size, n_process=n_process)
        load_codebook(settings.codebook_dir)
        if not discover(inputs):
            raise UsageError(f"no article files ({', '.join(SUFFIXES)}) under {', '.join(map(str, inputs))}")
        store = check_output(out, settings.state_dir)
        load_model(settings.model)
    except UsageError as exc:
        fail(str(exc))
    configure_prefect()
    from pipeline.flows import run_flow
    from pipeline.state import state_folder

    if workers is not None and dask_address is not None:
        fail("give --workers or --dask-address, not both")
    arguments = ([str(p.resolve()) for p in inputs], store.url, settings.model_dump(mode="json"), recode, recode_stale, wait)
    try:
        with progress_bar(state_folder(store, settings.state_dir), enabled=not as_json and sys.stderr.isatty()):
            if workers is None and dask_address is None:
                report = run_flow(*arguments)
            else:
                report = _run_on_dask(arguments, workers, dask_address)
    except UsageError as exc:
        fail(str(exc))
    if as_json:
        typer.echo(json.dumps(report, indent=2))
    else:
        typer.echo(_report_text(report))
    if not report["accounting_closes"]:
        raise typer.Exit(1)


@contextlib.contextmanager
def progress_bar(state: Path, enabled: bool) -> Iterator[None]:
    """A rich progress bar over chunks, fed by progress.json in OUT's state folder while the flow runs."""
    if not enabled:
        yield
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from pipeline.state import read_progress

    (state / "progress.json").unlink(missing_ok=True)
    stop = threading.Event()
    columns = (TextColumn("coding"), BarColumn(), MofNCompleteColumn(), TextColumn("chunks"), TimeElapsedColumn())
    with Progress(*columns, transient=True) as progress:
        task = progress.add_task("coding", total=None)

        def poll() -> None:
            while not stop.wait(0.5):
                done = read_progress(state)
                if done is not None:
                    progress.update(task, total=done[0], completed=done[1])

        watcher = threading.Thread(target=poll, daemon=True)
        watcher.start()
        try:
            yield
        finally:
            stop.set()
            watcher.join()


def _run_on_dask(arguments: tuple, workers: int | None, address: str | None) -> dict:
    """Run the flow with coding on Dask; Dask workers need a real Prefect server, not the temporary API."""
    from prefect_dask import DaskTaskRunner

    from pipeline.flows import run_flow
    from pipeline.schedule import prefect_server

    if address is not None:
        runner = DaskTaskRunner(address=address)
    else:
        runner = DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True})
    with prefect_server():
        return run_flow.with_options(task_runner=runner)(*arguments, distributed=True)


def _report_text(report: dict) -> str:
    quarantined = sum(report["quarantined"].values())
    lines = [
        f"eventcoder: {report['records_read']} records from {report['files']} new or changed file(s) "
        f"({report['files_unchanged']} unchanged, skipped): "
        f"{report['articles_coded']} coded, {report['duplicates']} duplicates, {quarantined} quarantined",
        f"  rows: {report['rows']} ({', '.join(f'{k} {v}' for k, v in report['rows_by_type'].items()) or 'none'})",
        f"  dates: {', '.join(f'{k} {v}' for k, v in report['rows_by_date_source'].items()) or 'none'};"
        f" rows with no date at all: {report['rows_without_date']}",
        f"  model {report['model']}, codebook {report['codebook_version']}",
        f"  coding {report['words']} words in {report['coding_seconds']} s; elapsed {report['elapsed_seconds']} s",
        f"  output: {report['out']}/mentions, {report['out']}/events ({report['events_in_output']} events in all)",
    ]
    if quarantined:
        lines.append(f"  quarantined: {', '.join(f'{k} {v}' for k, v in report['quarantined'].items())} (see {report['out']}/quarantine)")
    return "\n".join(lines)


@codebook_app.command("validate")
def codebook_validate(
    path: Annotated[Optional[Path], typer.Argument(help="Codebook folder (default: the shipped codebooks).")] = None,
) -> None:
    """Validate the codebooks: schema, cross-entry checks, and every pattern compiled against the model's labels."""
    from pipeline.codebook import load_codebook
    from pipeline.codebook.compile import compile_rules, pipeline_labels
    from pipeline.codebook.examples import example_cases
    from pipeline.nlp import load_model
    from pipeline.settings import default_codebook_dir, load_settings

    folder = path or default_codebook_dir()
    try:
        if not folder.is_dir():
            raise UsageError(f"codebook folder {folder} does not exist")
        codebook = load_codebook(folder)
        nlp = load_model(load_settings().model)
        compile_rules(codebook, nlp.vocab, pipeline_labels(nlp.pipe_labels))
    except UsageError as exc:
        fail(str(exc))
    refinements = sum(len(r.refinements) for r in codebook.rules)
    examples = len(example_cases(codebook))
    by_type: dict[str, int] = {}
    for rule in codebook.rules:
        by_type[rule.event_type] = by_type.get(rule.event_type, 0) + 1
    typer.echo(
        f"codebook {folder} is valid: version {codebook.version}; {len(codebook.rules)} rules "
        f"({', '.join(f'{k} {v}' for k, v in sorted(by_type.items()))}), {refinements} refinements, "
        f"{examples} examples; {len(codebook.actors.countries)} countries "
        f"({sum(len(c.cities) for c in codebook.actors.countries)} city names), {len(codebook.actors.actors)} named actors, "
        f"{len(codebook.actors.people)} people, {len(codebook.actors.roles)} roles"
    )


@codebook_app.command("review")
def codebook_review(
    sample: Annotated[list[Path], typer.Option("--sample", help="Sample archive (files or folders).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Report file to write.")],
    format: Annotated[str, typer.Option("--format", help="html or md.")] = "html",
    examples: Annotated[int, typer.Option(help="Example sentences per rule.")] = 5,
    limit: Annotated[Optional[int], typer.Option(help="Read at most this many articles.")] = None,
) -> None:
    """Per rule: type, CAMEO code, hits and highlighted examples; unfired rules, competition, near-misses."""
    from pipeline.engine import build_engine
    from pipeline.review import read_sample, review, to_html, to_markdown
    from pipeline.settings import load_settings

    if format not in {"html", "md"}:
        fail("--format must be html or md")
    try:
        engine = build_engine(load_settings())
        report = review(engine, read_sample(engine, sample, limit), examples)
    except UsageError as exc:
        fail(str(exc))
    out.write_text(to_html(report) if format == "html" else to_markdown(report), encoding="utf-8")
    fired = sum(r.hits > 0 for r in report.rules)
    typer.echo(f"review of {report.articles} articles written to {out}: {fired} of {len(report.rules)} rules fired")


@codebook_app.command("diff")
def codebook_diff(
    old: Annotated[Path, typer.Argument(help="Codebook folder before the change.")],
    new: Annotated[Path, typer.Argument(help="Codebook folder after the change.")],
    sample: Annotated[list[Path], typer.Option("--sample", help="Sample archive (files or folders).")],
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write the Markdown report here.")] = None,
    limit: Annotated[Optional[int], typer.Option(help="Read at most this many articles.")] = None,
) -> None:
    """Which sentences gain, lose or change coding between two codebook versions, with counts per type."""
    from pipeline.codebook import load_codebook
    from pipeline.coding.sentence import build_coder
    from pipeline.engine import build_engine
    from pipeline.review import diff, diff_markdown, read_sample
    from pipeline.settings import load_settings

    try:
        engine = build_engine(load_settings(codebook_dir=new, prefilter=False))
        old_coder = build_coder(load_codebook(old), engine.nlp)
        result = diff(engine, old_coder, engine.coder, read_sample(engine, sample, limit))
    except UsageError as exc:
        fail(str(exc))
    text = diff_markdown(result)
    if out is not None:
        out.write_text(text, encoding="utf-8")
    typer.echo(text if out is None else f"diff written to {out}: {len(result.gained)} gained, {len(result.lost)} lost, {len(result.changed)} changed")


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold file (JSON Lines; format in the README).")],
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Also write the full report as JSON here.")] = None,
    errors: Annotated[int, typer.Option(help="How many wrongly coded records to list.")] = 20,
    context: Annotated[
        Optional[list[Path]],
        typer.Option(help="Archive the gold ids (ARTICLE#N) come from: code each sentence inside its whole article."),
    ] = None,
) -> None:
    """Precision, recall and F1 per event type and per rule, type confusion, sub-code and actor agreement."""
    from pipeline.engine import build_engine
    from pipeline.evaluate import evaluate as score
    from pipeline.evaluate import format_report, load_gold
    from pipeline.ingest.discover import discover
    from pipeline.ingest.readers import read_file
    from pipeline.records import Article
    from pipeline.settings import load_settings

    try:
        records = load_gold(gold)
        settings = load_settings()
        engine = build_engine(settings)
        names = engine.codebook.actors.single_word_names()
        articles = [
            a
            for path in discover(context or [])
            for a in read_file(path, names, settings.max_article_chars)
            if isinstance(a, Article)
        ]
        report = score(engine, records, articles)
    except UsageError as exc:
        fail(str(exc))
    typer.echo(format_report(report, errors))
    if out is not None:
        out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


@app.command()
def schedule(
    inputs: Annotated[list[Path], typer.Argument(help="Archive files or folders to code on every run.")],
    out: Annotated[str, typer.Option("--out", "-o", help="Output folder or fsspec URL (runs are incremental).")],
    cron: Annotated[Optional[str], typer.Option(help='Cron schedule, e.g. "0 2 * * *" (nightly at 02:00).')] = None,
    interval: Annotated[Optional[int], typer.Option(help="Or: run every N seconds.")] = None,
    timezone: Annotated[str, typer.Option(help="Time zone of the cron schedule.")] = "UTC",
    name: Annotated[str, typer.Option(help="Deployment name.")] = "eventcoder-scheduled",
) -> None:
    """Serve scheduled runs; starts a local Prefect server (SQLite) unless PREFECT_API_URL is set."""
    from pipeline.codebook import load_codebook
    from pipeline.ingest.discover import discover
    from pipeline.settings import load_settings

    if (cron is None) == (interval is None):
        fail("give exactly one of --cron and --interval")
    try:
        settings = load_settings()
        load_codebook(settings.codebook_dir)
        discover(inputs)
        store = check_output(out, settings.state_dir)
    except UsageError as exc:
        fail(str(exc))
    configure_prefect()
    from pipeline.schedule import prefect_server

    try:
        with prefect_server() as api:
            from prefect.schedules import Cron, Interval

            from pipeline.flows import run_flow

            when = Cron(cron, timezone=timezone) if cron is not None else Interval(interval or 0)
            parameters = {"inputs": [str(p.resolve()) for p in inputs], "out": store.url, "settings": settings.model_dump(mode="json")}
            typer.echo(f"serving {name} ({cron or f'every {interval} s'}) against {api}; Ctrl-C stops")
            run_flow.serve(name=name, schedules=[when], parameters=parameters, print_starting_message=False)
    except UsageError as exc:
        fail(str(exc))


@app.command()
def export(
    out: Annotated[str, typer.Argument(help="Output folder or URL of an `eventcoder run`.")],
    to: Annotated[Path, typer.Option("--to", help="File to write.")],
    gdelt: Annotated[bool, typer.Option("--gdelt", help="GDELT 2.0's 61-column event table (tab-separated).")] = False,
) -> None:
    """Export OUT/events for existing tools (GDELT 2.0 event table layout)."""
    from pipeline.cli_output import export_command

    try:
        typer.echo(export_command(out, to, gdelt))
    except UsageError as exc:
        fail(str(exc))


@app.command()
def summarize(
    out: Annotated[str, typer.Argument(help="Output folder or URL of an `eventcoder run`.")],
    html: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write (PNG charts go beside it).")],
) -> None:
    """A static HTML summary with charts: events per day and type, top dyads and actors, date sources."""
    from pipeline.cli_output import summarize_command

    try:
        typer.echo(summarize_command(out, html))
    except UsageError as exc:
        fail(str(exc))


@app.command()
def bench(
    corpus: Annotated[Path, typer.Argument(help="A JSON Lines corpus (id, text, published).")],
    limit: Annotated[Optional[int], typer.Option(help="Use only the first N articles.")] = None,
    n_process: Annotated[Optional[list[int]], typer.Option("--n-process", help="Process counts to measure (repeatable; default 1 and 2).")] = None,
    flow: Annotated[bool, typer.Option("--flow/--no-flow", help="Also time the Prefect flow (overhead reported apart).")] = False,
    compare_prefilter: Annotated[bool, typer.Option(help="Also measure coding with the prefilter off.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the measures as JSON.")] = False,
) -> None:
    """Throughput of our coding against bare spaCy nlp.pipe on the same texts, with peak memory."""
    from pipeline.bench import format_bench, run_bench, to_json
    from pipeline.settings import load_settings

    try:
        settings = load_settings()
        if not corpus.is_file():
            raise UsageError(f"corpus {corpus} is not a file")
    except UsageError as exc:
        fail(str(exc))
    measures = run_bench(corpus, limit, n_process or [1, 2], settings.model_dump(mode="json"), flow, compare_prefilter)
    typer.echo(to_json(measures) if as_json else format_bench(corpus, measures))


@app.command()
def schema(table: Annotated[str, typer.Argument(help="mentions, events or quarantine")] = "mentions") -> None:
    """Print the data dictionary of an output table."""
    from pipeline.output.schema import TABLES, describe

    if table not in TABLES:
        fail(f"unknown table {table!r} (choose from {', '.join(TABLES)})")
    for name, kind, description in describe(TABLES[table]):
        typer.echo(f"{name:<20} {kind:<24} {description}")


def main() -> None:
    """Entry point of the console script and of `python -m pipeline`."""
    app(prog_name="eventcoder")


if __name__ == "__main__":
    sys.exit(main())
