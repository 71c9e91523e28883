"""The work behind `eventcoder export --gdelt OUT --to FILE.tsv` and `eventcoder summarize OUT --out summary.html`.

Plain functions, so the typer layer only parses options and prints: each checks its OUT (a folder or an
fsspec URL, read through `Store`) first and raises `UsageError` (exit 2, one line) when it is missing or
holds nothing to read, and returns the line to print on success.
"""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.errors import UsageError
from pipeline.output.store import Store


def _require_table(out: str | os.PathLike[str], table: str) -> Store:
    """OUT, if OUT/<table> holds at least one Parquet file; else a message saying what to do."""
    store = Store(out)
    if not store.exists():
        raise UsageError(f"{out} does not exist: give the --out folder of an `eventcoder run`")
    if not store.is_folder():
        raise UsageError(f"{out} is not a folder: give the --out folder of an `eventcoder run`")
    if not store.has_rows(table):
        raise UsageError(
            f"{out} holds no {table} (no Parquet files under {store.path(table)}): run `eventcoder run ARCHIVE --out {out}` first"
        )
    return store


def _writable_file(path: Path, option: str) -> None:
    """Fail before any work if `path` is a folder or its folder cannot be created."""
    if path.is_dir():
        raise UsageError(f"{option} {path} is a folder; give a file name")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"{option} {path}: cannot create its folder: {exc.strerror or exc}") from None


def export_command(out: str | os.PathLike[str], to: Path, gdelt: bool) -> str:
    """Export OUT/events to `to`; `gdelt` picks GDELT 2.0's 61-column event table (the only format so far)."""
    from pipeline.output.gdelt import export_gdelt

    if not gdelt:
        raise UsageError("choose an export format: --gdelt (GDELT 2.0 event table) is the only one so far")
    store = _require_table(out, "events")
    _writable_file(to, "--to")
    try:
        result = export_gdelt(store, to)
    except OSError as exc:
        raise UsageError(f"--to {to} could not be written: {exc.strerror or exc}") from None
    skipped = f"; skipped {result.skipped_undated} undated event(s) (GDELT needs a Day)" if result.skipped_undated else ""
    return f"wrote {result.written} event(s) to {to} (GDELT 2.0 event table, 61 tab-separated columns){skipped}"


def summarize_command(out: str | os.PathLike[str], html: Path) -> str:
    """Write the HTML summary of OUT to `html`, charts beside it, CAMEO codes named from the codebook."""
    from pipeline.codebook import load_codebook
    from pipeline.report import summarize
    from pipeline.settings import load_settings

    store = _require_table(out, "mentions")
    _writable_file(html, "--out")
    names = {code: entry.name for code, entry in load_codebook(load_settings().codebook_dir).cameo.items()}
    try:
        written = summarize(store, html, names)
    except OSError as exc:
        raise UsageError(f"--out {html} could not be written: {exc.strerror or exc}") from None
    return f"wrote {html} and {len(written) - 1} chart(s) beside it"
