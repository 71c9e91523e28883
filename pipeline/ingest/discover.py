"""Find the input files a run codes: files given directly, and supported files inside folders (recursively)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pipeline.errors import UsageError

# Suffix → format, longest suffixes first so ".jsonl.gz" is not taken for something else.
FORMATS = (
    (".jsonl.gz", "jsonl"),
    (".jsonl", "jsonl"),
    (".csv.gz", "csv"),
    (".csv", "csv"),
    (".parquet", "parquet"),
    (".warc.gz", "warc"),
    (".warc", "warc"),
    (".html", "html"),
    (".htm", "html"),
    (".txt", "txt"),
)
SUFFIXES = tuple(suffix for suffix, _ in FORMATS)
# Formats holding many records, read in ranges (lines, rows, WARC records); the others are one article per file.
RANGED = frozenset({"jsonl", "csv", "parquet", "warc"})


def format_of(path: Path) -> str | None:
    """The input format the file's name says, or None for an unsupported file."""
    name = path.name.lower()
    return next((kind for suffix, kind in FORMATS if name.endswith(suffix)), None)


def is_ranged(path: Path) -> bool:
    return format_of(path) in RANGED


def is_supported(path: Path) -> bool:
    return format_of(path) is not None


def discover(inputs: Iterable[Path]) -> list[Path]:
    """Supported files under the inputs, sorted and without repeats; a missing input stops the run."""
    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        raise UsageError(f"input not found: {', '.join(missing)}")
    found: set[Path] = set()
    for path in inputs:
        if path.is_dir():
            found.update(p.resolve() for p in path.rglob("*") if p.is_file() and is_supported(p))
        elif is_supported(path):
            found.add(path.resolve())
        else:
            raise UsageError(f"unsupported input file {path} (expected {', '.join(SUFFIXES)}, or a folder)")
    return sorted(found)
