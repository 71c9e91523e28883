"""Plan a run as chunks of input: batches of text files, or line ranges of a JSON Lines file.

A chunk is the unit a Prefect task reads, codes and writes; its key names the output files, so coding
the same chunk again replaces its files instead of adding to them.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.ingest.readers import is_jsonl, open_binary, read_file
from pipeline.records import Article, Rejected


@dataclass(frozen=True, slots=True)
class Chunk:
    """Text files to read whole, or one JSON Lines file from line `start` up to `stop`."""

    paths: tuple[str, ...]
    start: int = 0
    stop: int | None = None

    @property
    def key(self) -> str:
        text = "\x1f".join([*self.paths, str(self.start), str(self.stop)])
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def plan_chunks(files: Sequence[Path], size: int) -> list[Chunk]:
    """Group text files by `size`, and cut each JSON Lines file into ranges of `size` lines."""
    chunks: list[Chunk] = []
    texts = [str(f) for f in files if not is_jsonl(f)]
    chunks += [Chunk(tuple(texts[i : i + size])) for i in range(0, len(texts), size)]
    for path in (f for f in files if is_jsonl(f)):
        lines = _count_lines(path)
        chunks += [Chunk((str(path),), start, min(start + size, lines)) for start in range(0, max(lines, 1), size)]
    return chunks


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


def read_chunk(chunk: Chunk, known_names: frozenset[str], max_chars: int) -> Iterator[Article | Rejected]:
    """Every record of the chunk, in order."""
    for path in chunk.paths:
        yield from read_file(Path(path), known_names, max_chars, chunk.start, chunk.stop)
