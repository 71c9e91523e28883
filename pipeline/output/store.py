"""Where OUT lives: a local folder, or any fsspec URL (`s3://bucket/path`, `memory://...`) for object storage.

`Store` wraps an fsspec filesystem and OUT's root, and gives the flow the few operations it needs, each
safe for a reader (or a re-run after a crash) at any moment:

- A file is never seen half-written. On local disk it is written under a temporary name, then renamed
  (a killed run's temporaries are removed by `state.remove_leftovers`); on an object store it is sent
  whole in one request, since a PUT is atomic per object.
- `replace_table` rebuilds a whole table. On local disk the new table is written beside the old one and
  the folders are swapped. An object store cannot rename a folder, so the new files are written first,
  under run-unique names, then the previous ones are deleted: a reader listing the table between the
  two may briefly see both, and a run killed between them leaves both until the next run's rebuild.

Plain paths and `file://` URLs are local; a URL whose package is missing (s3fs for `s3://`) or whose
protocol fsspec does not know stops with a `UsageError` naming it.
"""

from __future__ import annotations

import contextlib
import os
import posixpath
import shutil
import uuid
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import fsspec
import pyarrow as pa
import pyarrow.dataset as ds
from fsspec.core import split_protocol, url_to_fs
from fsspec.implementations.local import LocalFileSystem
from fsspec.spec import AbstractFileSystem
from pyarrow.fs import FSSpecHandler, PyFileSystem

from pipeline.errors import UsageError
from pipeline.output.parquet import hive_partitioning, parquet_bytes, schema_bytes, split_rows

EXTRAS = {"s3": "s3", "s3a": "s3"}  # protocol -> the optional dependency extra that installs its package


@contextlib.contextmanager
def _renamed_into(target: Path) -> Iterator[Path]:
    """A temporary name beside `target` to write to, renamed onto it once written (never half a file)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    yield temporary
    os.replace(temporary, target)


class Store:
    """OUT: an fsspec filesystem and a root. Paths given to methods are relative to the root, with `/`."""

    def __init__(self, out: str | os.PathLike[str]) -> None:
        url = os.fspath(out)
        protocol = split_protocol(url)[0]
        unknown = [p for p in (protocol or "").split("::") if p and p not in fsspec.available_protocols()]
        if unknown:
            raise UsageError(f"{url}: fsspec knows no protocol {unknown[0]!r}; give a folder or a URL such as s3://bucket/path")
        try:
            self.fs: AbstractFileSystem
            self.fs, root = url_to_fs(url)
        except ImportError as exc:
            extra = EXTRAS.get(protocol or "")
            hint = f" (pip install 'eventcoder[{extra}]')" if extra else ""
            raise UsageError(f"{url} needs a package that is not installed: {exc}{hint}") from None
        self.local: Path | None = Path(root).resolve() if isinstance(self.fs, LocalFileSystem) else None
        self.root: str = str(self.local) if self.local is not None else root.rstrip("/")
        self.url: str = self.root if self.local is not None else url.rstrip("/")

    @property
    def canonical(self) -> str:
        """The URL in the filesystem's own spelling, the same however OUT was written (names its state cache)."""
        return str(self.fs.unstrip_protocol(self.root))

    def path(self, relative: str) -> str:
        """The full path of `relative` on the filesystem."""
        return posixpath.join(self.root, relative) if relative else self.root

    def exists(self, relative: str = "") -> bool:
        return bool(self.fs.exists(self.path(relative)))

    def is_folder(self, relative: str = "") -> bool:
        return bool(self.fs.isdir(self.path(relative)))

    def names(self, relative: str) -> list[str]:
        """File names directly in a folder, sorted; none when it does not exist."""
        if not self.fs.isdir(self.path(relative)):
            return []
        return sorted(posixpath.basename(p.rstrip("/")) for p in self.fs.ls(self.path(relative), detail=False))

    def read_text(self, relative: str) -> str:
        return bytes(self.fs.cat_file(self.path(relative))).decode("utf-8")

    def write_text(self, relative: str, text: str) -> str:
        return self.put(relative, text.encode("utf-8"))

    def remove(self, relative: str) -> None:
        self.fs.rm_file(self.path(relative))

    def put(self, relative: str, data: bytes) -> str:
        """Write a whole file, atomically (see the module docstring); returns its full path."""
        final = self.path(relative)
        if self.local is None:
            self.fs.pipe_file(final, data)
        else:
            with _renamed_into(Path(final)) as temporary:
                temporary.write_bytes(data)
        return final

    def upload(self, source: Path, relative: str) -> None:
        """Copy a local file into OUT, atomically (streamed: a manifest can be large)."""
        if self.local is None:
            self.fs.put_file(str(source), self.path(relative))
        else:
            with _renamed_into(Path(self.path(relative))) as temporary:
                shutil.copyfile(source, temporary)

    def download(self, relative: str, target: Path) -> None:
        """Copy a file of OUT to local disk, atomically: `target` is whole or absent."""
        with _renamed_into(target) as temporary:
            self.fs.get_file(self.path(relative), str(temporary))

    def prepare(self, tables: dict[str, pa.Schema]) -> None:
        """Give each table a `_common_metadata` schema file, so an empty table still loads."""
        for name, schema in tables.items():
            self.put(f"{name}/_common_metadata", schema_bytes(schema))

    def write_table(self, table: str, rows: Sequence[dict[str, Any]], schema: pa.Schema, batch_key: str, partitioned: bool) -> list[str]:
        """Write rows as `part-{batch_key}.parquet` in each partition of `table`; returns the files written."""
        return [
            self.put(posixpath.join(table, folder, f"part-{batch_key}.parquet"), parquet_bytes(part))
            for folder, part in split_rows(rows, schema, partitioned)
        ]

    def parts(self, table: str) -> list[str]:
        """Full paths of a table's data files (not the schema file, not temporaries)."""
        found = self.fs.find(self.path(table)) if self.fs.isdir(self.path(table)) else []
        return sorted(p for p in found if posixpath.basename(p).startswith("part-") and p.endswith(".parquet"))

    def has_rows(self, table: str) -> bool:
        return bool(self.parts(table))

    def remove_chunk_files(self, keys: Iterable[str], tables: Iterable[str]) -> None:
        """Delete every file the chunks wrote, in every partition, before they are coded again."""
        names = {f"part-{key}.parquet" for key in keys}
        if not names:
            return
        for table in tables:
            doomed = [p for p in self.parts(table) if posixpath.basename(p) in names]
            if doomed:
                self.fs.rm(doomed)

    def dataset(self, table: str) -> ds.Dataset:
        """A table as a Hive-partitioned `pyarrow.dataset` (files starting with `_` or `.` are skipped)."""
        filesystem = None if self.local is not None else PyFileSystem(FSSpecHandler(self.fs))
        return ds.dataset(self.path(table), filesystem=filesystem, format="parquet", partitioning=hive_partitioning())

    def rows(self, table: str, columns: Sequence[str], batch_size: int = 65_536) -> Iterator[dict[str, Any]]:
        """Stream rows of a table as dicts (only `columns`), batch by batch; none when it has no file."""
        if not self.has_rows(table):
            return
        for batch in self.dataset(table).to_batches(columns=list(columns), batch_size=batch_size):
            yield from batch.to_pylist()

    def replace_table(self, table: str, rows: Sequence[dict[str, Any]], schema: pa.Schema) -> None:
        """Rebuild a whole partitioned table: a folder swap on local disk, write-then-delete on an object store."""
        if self.local is None:
            self.put(f"{table}/_common_metadata", schema_bytes(schema))
            kept = set(self.write_table(table, rows, schema, f"all-{uuid.uuid4().hex}", partitioned=True))
            stale = [p for p in self.parts(table) if p not in kept]
            if stale:
                self.fs.rm(stale)
            return
        root = self.local / table
        staging = root.with_name(f".{root.name}.{uuid.uuid4().hex}.tmp")
        self.put(f"{staging.name}/_common_metadata", schema_bytes(schema))
        self.write_table(staging.name, rows, schema, "all", partitioned=True)
        retired = root.with_name(f".{root.name}.{uuid.uuid4().hex}.old")
        if root.exists():
            os.replace(root, retired)
        os.replace(staging, root)
        shutil.rmtree(retired, ignore_errors=True)
