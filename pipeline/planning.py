"""Which inputs a run codes: new and changed files, plus those forced by --recode/--recode-stale.

A chunk's output files hold the rows of all its files, so recoding one file of an old chunk recodes the
whole chunk (and any chunk sharing a file with it), after its old files are removed. Nothing else is
touched, so a re-run over an unchanged archive codes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.ingest.chunks import Chunk, plan_chunks
from pipeline.state import Fingerprint, Manifest, fingerprint


@dataclass(frozen=True)
class Plan:
    chunks: list[Chunk]
    fingerprints: dict[str, Fingerprint]  # files this run codes, to record once coded
    unchanged: list[str]  # files skipped: coded before, unchanged
    replaced: dict[str, tuple[str, ...]]  # old chunk key -> its files: removed before recoding


def plan_run(
    files: Sequence[Path], manifest: Manifest, size: int, version: str, model: str, recode: bool, recode_stale: bool
) -> Plan:
    """Plan chunks for the files that need coding; see the module docstring."""
    prints: dict[str, Fingerprint] = {}
    todo: set[str] = set()
    for path in files:
        key = str(path)
        known = manifest.file(key)
        prints[key] = fingerprint(path, known[0] if known else None)
        stale = known is not None and recode_stale and (known[1], known[2]) != (version, model)
        if recode or known is None or known[0] != prints[key] or stale:
            todo.add(key)
    replaced: dict[str, tuple[str, ...]] = {}
    while True:
        old = {k: v for k, v in manifest.chunks_with(todo).items() if k not in replaced}
        if not old:
            break
        replaced.update(old)
        for member in (p for members in old.values() for p in members if p not in todo):
            if Path(member).is_file():
                prints.setdefault(member, fingerprint(Path(member)))
                todo.add(member)
    chunks = plan_chunks([Path(p) for p in sorted(todo)], size)
    unchanged = sorted(set(prints) - todo)
    return Plan(chunks, {p: prints[p] for p in sorted(todo)}, unchanged, replaced)
