"""The single entry point for reading an input file: dispatch by format to one reader per format.

Every reader yields Article or Rejected records and never raises on bad content. Formats: plain text
(`.txt`, with an optional `NAME.meta.json` sidecar), web pages (`.html`, `.htm`, same sidecar), JSON
Lines (`.jsonl`, `.jsonl.gz`: `id`, `text`, `published`, optional `title`, `source`, `url`), tables
(`.csv`, `.csv.gz`, `.parquet`: the same fields as columns, see CsvColumns) and web archives (`.warc`,
`.warc.gz`). Field validation and cleaning are shared (build.py).
"""

from __future__ import annotations

import itertools
import json
import zlib
from collections.abc import Iterator
from pathlib import Path

from pipeline.ingest.build import (
    EXCERPT_CHARS,
    article_id,
    build_record,
    open_binary,
    parse_published,
    read_sidecar,
)
from pipeline.ingest.discover import format_of
from pipeline.ingest.html import read_html
from pipeline.ingest.tabular import CsvColumns, read_csv, read_parquet
from pipeline.ingest.warc import read_warc
from pipeline.records import Article, Rejected

__all__ = ["CsvColumns", "article_id", "parse_published", "read_file"]


def read_file(
    path: Path,
    known_names: frozenset[str],
    max_chars: int,
    start: int = 0,
    stop: int | None = None,
    columns: CsvColumns | None = None,
) -> Iterator[Article | Rejected]:
    """Records of one input file, in order.

    For formats with many records per file (lines, rows, WARC records) only records `start` to `stop`
    (0-based, stop exclusive); `columns` names the CSV/Parquet columns (CsvColumns() by default).
    """
    match format_of(path):
        case "jsonl":
            yield from _read_jsonl(path, known_names, max_chars, start, stop)
        case "csv":
            yield from read_csv(path, known_names, max_chars, start, stop, columns or CsvColumns())
        case "parquet":
            yield from read_parquet(path, known_names, max_chars, start, stop, columns or CsvColumns())
        case "warc":
            yield from read_warc(path, known_names, max_chars, start, stop)
        case "html":
            yield read_html(path, known_names, max_chars)
        case _:
            yield _read_txt(path, known_names, max_chars)


def _read_txt(path: Path, known_names: frozenset[str], max_chars: int) -> Article | Rejected:
    origin = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Rejected(origin, "unreadable", str(exc))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Rejected(origin, "undecodable", f"not UTF-8: {exc}", excerpt=raw[:EXCERPT_CHARS].decode("latin-1"))
    try:
        meta = read_sidecar(path)
    except ValueError as exc:
        return Rejected(origin, "bad_metadata", str(exc), excerpt=text[:EXCERPT_CHARS])
    return build_record(origin, meta, text, known_names, max_chars)


def _read_jsonl(
    path: Path, known_names: frozenset[str], max_chars: int, start: int, stop: int | None
) -> Iterator[Article | Rejected]:
    line_no = start
    try:
        with open_binary(path) as handle:
            for line_no, line in enumerate(itertools.islice(handle, start, stop), start=start + 1):
                origin = f"{path}:{line_no}"
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                    yield Rejected(origin, "invalid_json", str(exc), excerpt=line[:EXCERPT_CHARS].decode("utf-8", "replace"))
                    continue
                if not isinstance(record, dict):
                    yield Rejected(origin, "invalid_record", "a line must hold a JSON object")
                    continue
                yield build_record(origin, record, record.get("text"), known_names, max_chars)
    except (OSError, EOFError, zlib.error) as exc:
        yield Rejected(f"{path}:{line_no + 1}", "unreadable", f"reading stopped: {exc}")
