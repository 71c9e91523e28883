"""Run state: the manifest of coded files, chunks and articles, the output lock, and progress.

State needs local disk (SQLite, `flock`), so it lives in `OUT/_state/` for a local OUT and, for an OUT on
an object store, in a local cache folder named by the URL's hash (`Settings.state_dir`). A remote OUT's
manifest is mirrored to `OUT/_state/manifest.sqlite` at the end of each run and downloaded when the cache
has none, so another machine continues incrementally.

The manifest (SQLite, one transaction per chunk) makes runs incremental and idempotent: a file is
recoded only when it is new, changed (size, mtime, then content hash), asked for (`--recode`), or coded
by another codebook version (`--recode-stale`). A chunk is recorded only after its Parquet files are in
place, so a run killed at any point leaves chunks that re-running codes again, replacing their files.
The lock (an `flock` on the state folder's `lock`, released by the kernel even on SIGKILL) keeps two runs
from writing to one OUT at once; for a remote OUT it only sees runs on the same machine.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import os
import shutil
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import UsageError
from pipeline.output.store import Store

MIRROR = "_state/manifest.sqlite"  # a remote OUT's copy of its manifest

SCHEMA = """
create table if not exists files (
    path text primary key, size integer, mtime_ns integer, sha256 text, codebook_version text, model text, coded_at text);
create table if not exists chunks (key text primary key, paths text, start integer, stop integer, rows integer);
create table if not exists articles (article_id text primary key, chunk_key text, codebook_version text, model text);
"""


@dataclass(frozen=True, slots=True)
class Fingerprint:
    size: int
    mtime_ns: int
    sha256: str


def fingerprint(path: Path, known: Fingerprint | None = None) -> Fingerprint:
    """Size and mtime, and the content hash (recomputed only when size or mtime moved)."""
    stat = path.stat()
    if known is not None and (known.size, known.mtime_ns) == (stat.st_size, stat.st_mtime_ns):
        return known
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return Fingerprint(stat.st_size, stat.st_mtime_ns, digest.hexdigest())


def state_folder(store: Store, cache: Path) -> Path:
    """OUT/_state for a local OUT; for a remote one, `cache/<16 hex of the URL's sha256>` on local disk."""
    if store.local is not None:
        return store.local / "_state"
    return cache / hashlib.sha256(store.canonical.encode("utf-8")).hexdigest()[:16]


def restore_manifest(store: Store, state: Path) -> None:
    """Download a remote OUT's mirrored manifest when the local state folder has none (a fresh machine)."""
    if store.local is None and not (state / "manifest.sqlite").exists() and store.exists(MIRROR):
        store.download(MIRROR, state / "manifest.sqlite")


def retract_mirror(store: Store) -> None:
    """Delete a remote OUT's mirrored manifest before chunk files it names are deleted.

    A mirror may lag the output (a machine starting from it recodes what was written since) but must not
    lead it: after a killed run that deleted chunks to recode them, it would claim their rows. Without a
    mirror a new machine recodes everything, replacing the files (chunk keys are deterministic).
    """
    if store.local is None and store.exists(MIRROR):
        store.remove(MIRROR)


def mirror_manifest(store: Store, state: Path) -> None:
    """Upload a remote OUT's manifest (closed, so the file is whole) beside its data."""
    if store.local is None:
        store.upload(state / "manifest.sqlite", MIRROR)


class Manifest:
    """What has been coded into one OUT, kept in its state folder. Not thread-safe: used from the flow's own thread."""

    def __init__(self, state: Path) -> None:
        state.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(state / "manifest.sqlite", isolation_level=None, check_same_thread=False)
        self._db.executescript(SCHEMA)

    def close(self) -> None:
        self._db.close()

    def file(self, path: str) -> tuple[Fingerprint, str, str] | None:
        """(fingerprint, codebook version, model) the file was last coded with."""
        row = self._db.execute(
            "select size, mtime_ns, sha256, codebook_version, model from files where path = ?", (path,)
        ).fetchone()
        return (Fingerprint(row[0], row[1], row[2]), row[3], row[4]) if row else None

    def chunks_with(self, paths: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """Recorded chunks holding any of `paths`: key -> all their paths."""
        wanted = set(paths)
        found: dict[str, tuple[str, ...]] = {}
        for key, joined in self._db.execute("select key, paths from chunks"):
            members = tuple(joined.split("\x1f"))
            if wanted.intersection(members):
                found[key] = members
        return found

    def owner(self, article_id: str) -> str | None:
        row = self._db.execute("select chunk_key from articles where article_id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def forget_chunks(self, keys: Iterable[str]) -> None:
        """Drop chunks (and the articles they held) whose files are about to be replaced."""
        keys = list(keys)
        with self._transaction():
            self._db.executemany("delete from chunks where key = ?", [(k,) for k in keys])
            self._db.executemany("delete from articles where chunk_key = ?", [(k,) for k in keys])

    def forget_files(self, paths: Iterable[str]) -> None:
        with self._transaction():
            self._db.executemany("delete from files where path = ?", [(p,) for p in paths])

    def record_chunk(
        self, key: str, paths: tuple[str, ...], start: int, stop: int | None, rows: int, articles: Iterable[str], version: str, model: str
    ) -> None:
        """Mark a chunk done (after its files are written), with the articles it codes."""
        with self._transaction():
            self._db.execute(
                "insert or replace into chunks values (?, ?, ?, ?, ?)", (key, "\x1f".join(paths), start, stop, rows)
            )
            self._db.executemany(
                "insert or replace into articles values (?, ?, ?, ?)", [(a, key, version, model) for a in articles]
            )

    def record_file(self, path: str, print_: Fingerprint, version: str, model: str) -> None:
        """Mark a whole file coded (after all its chunks are recorded)."""
        now = dt.datetime.now(dt.UTC).isoformat()
        with self._transaction():
            self._db.execute(
                "insert or replace into files values (?, ?, ?, ?, ?, ?, ?)",
                (path, print_.size, print_.mtime_ns, print_.sha256, version, model, now),
            )

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        self._db.execute("begin immediate")
        try:
            yield
        except BaseException:
            self._db.execute("rollback")
            raise
        self._db.execute("commit")


@contextlib.contextmanager
def output_lock(state: Path, wait_seconds: float = 0.0, out: str | None = None) -> Iterator[None]:
    """Hold OUT's lock (in its state folder) for the whole run; a second run waits up to `wait_seconds`, then stops."""
    state.mkdir(parents=True, exist_ok=True)
    handle = (state / "lock").open("a+")
    deadline = time.monotonic() + wait_seconds
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.seek(0)
                    holder = handle.read().strip() or "another process"
                    raise UsageError(
                        f"another eventcoder run is writing to {out or state} ({holder}); wait for it to finish, "
                        "use --wait SECONDS, or choose another --out"
                    ) from None
                time.sleep(0.5)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} since {dt.datetime.now(dt.UTC).isoformat(timespec='seconds')}\n")
        handle.flush()
        yield
    finally:
        handle.close()


def remove_leftovers(folder: Path) -> int:
    """Delete temporary files a killed run left under a local folder (they were never renamed into place)."""
    removed = 0
    for path in folder.rglob(".*.tmp"):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        removed += 1
    for path in folder.glob(".*.old"):
        shutil.rmtree(path, ignore_errors=True)
        removed += 1
    return removed


def write_progress(state: Path, total: int, done: int) -> None:
    """`progress.json` in the state folder: chunks planned and done, for progress bars (replaced atomically)."""
    temporary = state / f".progress.{os.getpid()}.tmp"
    temporary.write_text(json.dumps({"chunks": total, "done": done}), encoding="utf-8")
    os.replace(temporary, state / "progress.json")


def read_progress(state: Path) -> tuple[int, int] | None:
    """(chunks planned, chunks done) of the run holding this state folder, if it has planned yet."""
    try:
        data = json.loads((state / "progress.json").read_text(encoding="utf-8"))
        return int(data["chunks"]), int(data["done"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
