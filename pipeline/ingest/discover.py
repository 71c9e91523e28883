"""Find the input files a run codes: files given directly, and supported files inside folders (recursively)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pipeline.errors import UsageError

SUFFIXES = (".txt", ".jsonl", ".jsonl.gz")


def is_supported(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(SUFFIXES) and not name.endswith(".meta.json")


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
