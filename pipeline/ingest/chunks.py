"""Plan a run as chunks of input: batches of one-article files, or record ranges of a many-record file.

A chunk is the unit a Prefect task reads, codes and writes; its key names the output files, so coding
the same chunk again replaces its files instead of adding to them.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.ingest.build import open_binary
from pipeline.ingest.discover import format_of, is_ranged
from pipeline.ingest.readers import read_file
from pipeline.ingest.tabular import CsvColumns, count_csv_rows, count_parquet_rows
from pipeline.ingest.warc import count_warc_records
from pipeline.records import Article, Rejected


@dataclass(frozen=True, slots=True)
class Chunk:
    """Files read whole (text, HTML), or one ranged file (JSON Lines, CSV, Parquet, WARC) from record `start` to `stop`."""

    paths: tuple[str, ...]
    start: int = 0
    stop: int | None = None

    @property
    def key(self) -> str:
        text = "\x1f".join([*self.paths, str(self.start), str(self.stop)])
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def plan_chunks(files: Sequence[Path], size: int) -> list[Chunk]:
    """Group one-article files by `size`, and cut each ranged file into ranges of `size` records."""
    chunks: list[Chunk] = []
    whole = [str(f) for f in files if not is_ranged(f)]
    chunks += [Chunk(tuple(whole[i : i + size])) for i in range(0, len(whole), size)]
    for path in (f for f in files if is_ranged(f)):
        count = count_records(path)
        chunks += [Chunk((str(path),), start, min(start + size, count)) for start in range(0, max(count, 1), size)]
    return chunks


def count_records(path: Path) -> int:
    """Records in a ranged file as its reader numbers them: lines, rows after the header, or WARC records."""
    match format_of(path):
        case "csv":
            return count_csv_rows(path)
        case "parquet":
            return count_parquet_rows(path)
        case "warc":
            return count_warc_records(path)
        case _:
            return _count_lines(path)


def _count_lines(path: Path) -> int:
    """Lines in the file; a file that cannot be read whole counts what could be read (the reader reports why)."""
    count = 0
    try:
        with open_binary(path) as handle:
            for count, _ in enumerate(handle, start=1):
                pass
    except (OSError, EOFError, zlib.error):
        count += 1
    return count


def read_chunk(
    chunk: Chunk, known_names: frozenset[str], max_chars: int, columns: CsvColumns | None = None
) -> Iterator[Article | Rejected]:
    """Every record of the chunk, in order; `columns` names CSV/Parquet columns (CsvColumns() by default)."""
    for path in chunk.paths:
        yield from read_file(Path(path), known_names, max_chars, chunk.start, chunk.stop, columns)
