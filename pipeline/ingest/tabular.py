"""Tables of articles, one row per record: CSV (`.csv`, `.csv.gz`) and Parquet.

Columns are found by name (see CsvColumns) and rows are read in ranges, so a large table is split into
chunks like a JSON Lines file. A row is `FILE:row N`, N counting from 1 after the header.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.ingest.build import EXCERPT_CHARS, build_record, open_binary
from pipeline.records import Article, Rejected

# Articles outgrow the csv module's default 128 KiB field limit; 2**31 - 1 is the largest every platform takes.
CSV_FIELD_LIMIT = 2**31 - 1
BATCH_ROWS = 1024
# Bytes that were not UTF-8, kept as lone surrogates by the "surrogateescape" decoding of CSV files.
UNDECODED = re.compile("[\udc80-\udcff]")
CSV_READ_ERRORS = (OSError, EOFError, zlib.error, csv.Error)
# ValueError, OverflowError: corrupt values fail when turned into Python objects (bad UTF-8, dates out of range).
PARQUET_READ_ERRORS = (OSError, pa.ArrowException, ValueError, OverflowError)


@dataclass(frozen=True, slots=True)
class CsvColumns:
    """Column names accepted for each record field, matched ignoring case; the first name a file has wins.

    Used for CSV and Parquet. Pass your own, e.g. `CsvColumns(text=("story",))`, for other layouts.
    """

    id: tuple[str, ...] = ("id",)
    text: tuple[str, ...] = ("text", "body", "content", "article")
    published: tuple[str, ...] = ("published", "date", "pubdate", "publish_date")
    title: tuple[str, ...] = ("title", "headline")
    source: tuple[str, ...] = ("source",)
    url: tuple[str, ...] = ("url", "link")

    def __post_init__(self) -> None:
        # A lone string would otherwise be matched letter by letter.
        for field in fields(self):
            value = getattr(self, field.name)
            if isinstance(value, str):
                object.__setattr__(self, field.name, (value,))

    def resolve(self, names: Iterable[str]) -> dict[str, str]:
        """Record field → the file's column that holds it, for the fields the file has."""
        by_key: dict[str, str] = {}
        for name in names:
            by_key.setdefault(name.strip().casefold(), name)
        found: dict[str, str] = {}
        for field in fields(self):
            column = next((by_key[n.casefold()] for n in getattr(self, field.name) if n.casefold() in by_key), None)
            if column is not None:
                found[field.name] = column
        return found


def _row_record(
    origin: str, row: Mapping[str, Any], names: Mapping[str, str], columns: CsvColumns, known_names: frozenset[str], max_chars: int
) -> Article | Rejected:
    """One row as a record: the mapped columns become the fields `build_record` validates."""
    if "text" not in names:
        return Rejected(origin, "no_text_column", f"no text column (expected one of: {', '.join(columns.text)})")
    record = {field: row[column] for field, column in names.items()}
    return build_record(origin, record, record["text"], known_names, max_chars)


def _open_csv(path: Path) -> TextIO:
    # surrogateescape: a byte that is not UTF-8 rejects its own row (see _csv_record), not the rest of the file.
    return io.TextIOWrapper(open_binary(path), encoding="utf-8-sig", errors="surrogateescape", newline="")


def _csv_rows(handle: TextIO) -> Iterator[list[str]]:
    """Rows, header first. Counting and reading both go through here so that they number rows alike."""
    # The limit is process-wide: raised here, when a CSV is read, rather than as a side effect of importing.
    csv.field_size_limit(CSV_FIELD_LIMIT)
    return csv.reader(handle)


def read_csv(
    path: Path, known_names: frozenset[str], max_chars: int, start: int, stop: int | None, columns: CsvColumns
) -> Iterator[Article | Rejected]:
    """Rows `start` to `stop` (0-based after the header, stop exclusive), each a record; blank rows are skipped."""
    number = start
    try:
        with _open_csv(path) as handle:
            rows = _csv_rows(handle)
            header = next(rows, [])
            names = columns.resolve(header)
            for number, row in enumerate(itertools.islice(rows, start, stop), start=start + 1):
                if row:
                    yield _csv_record(f"{path}:row {number}", header, row, names, columns, known_names, max_chars)
    except CSV_READ_ERRORS as exc:
        yield Rejected(f"{path}:row {number + 1}", "unreadable", f"reading stopped: {exc}")


def _csv_record(
    origin: str, header: list[str], row: list[str], names: Mapping[str, str], columns: CsvColumns, known_names: frozenset[str], max_chars: int
) -> Article | Rejected:
    if any(UNDECODED.search(value) for value in row):
        return Rejected(origin, "undecodable", "the row is not UTF-8", excerpt=_excerpt(row))
    if len(row) != len(header):
        return Rejected(origin, "bad_row", f"{len(row)} fields where the header has {len(header)}", excerpt=_excerpt(row))
    return _row_record(origin, dict(zip(header, row, strict=True)), names, columns, known_names, max_chars)


def _excerpt(row: list[str]) -> str:
    """The row's start as valid text: undecodable bytes become U+FFFD, since excerpts are written to Parquet."""
    joined = ",".join(row)[:EXCERPT_CHARS]
    return joined.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def count_csv_rows(path: Path) -> int:
    """Rows after the header, plus one when reading fails part-way (read_csv reports the failure there)."""
    count = 0
    try:
        with _open_csv(path) as handle:
            rows = _csv_rows(handle)
            next(rows, None)
            for count, _ in enumerate(rows, start=1):
                pass
    except CSV_READ_ERRORS:
        count += 1
    return count


def read_parquet(
    path: Path, known_names: frozenset[str], max_chars: int, start: int, stop: int | None, columns: CsvColumns
) -> Iterator[Article | Rejected]:
    """Rows `start` to `stop` of a Parquet file, reading only the row groups that hold them, one at a time.

    A row group that cannot be read is one Rejected at its first unread row; the other groups are still read.
    """
    try:
        parquet = pq.ParquetFile(path)
    except PARQUET_READ_ERRORS as exc:
        yield Rejected(f"{path}:row {start + 1}", "unreadable", str(exc))
        return
    with parquet:
        names = columns.resolve(parquet.schema_arrow.names)
        wanted = sorted(set(names.values()))
        for group, first, low, high in _row_groups(parquet.metadata, start, stop):
            number = low
            try:
                for batch in _batches(parquet, group, wanted, first, low, high):
                    for row in batch.to_pylist():
                        number += 1
                        yield _row_record(f"{path}:row {number}", row, names, columns, known_names, max_chars)
            except PARQUET_READ_ERRORS as exc:
                yield Rejected(f"{path}:row {number + 1}", "unreadable", f"reading row group {group} stopped: {exc}")


def _row_groups(meta: pq.FileMetaData, start: int, stop: int | None) -> Iterator[tuple[int, int, int, int]]:
    """(row group, its first row, first and end row wanted from it) for the groups holding rows `start` to `stop`."""
    stop = meta.num_rows if stop is None else min(stop, meta.num_rows)
    first = 0
    for group in range(meta.num_row_groups):
        size = meta.row_group(group).num_rows
        if first < stop and first + size > start:
            yield group, first, max(start, first), min(stop, first + size)
        first += size


def _batches(parquet: pq.ParquetFile, group: int, columns: list[str], first: int, low: int, high: int) -> Iterator[pa.RecordBatch]:
    """Rows `low` to `high` of one row group (whose first row is `first`), in batches of bounded size."""
    position = first
    for batch in parquet.iter_batches(batch_size=BATCH_ROWS, row_groups=[group], columns=columns):
        begin, end = max(low - position, 0), min(high - position, batch.num_rows)
        if begin < end:
            yield batch.slice(begin, end - begin)
        position += batch.num_rows


def count_parquet_rows(path: Path) -> int:
    """Rows from the file's footer (no data is read); an unreadable file counts one, for its Rejected."""
    try:
        with pq.ParquetFile(path) as parquet:
            return parquet.metadata.num_rows
    except PARQUET_READ_ERRORS:
        return 1
