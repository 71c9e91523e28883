"""Parquet writes: cast to the table's schema, zstd, Hive partitions, files named by batch so a re-run replaces.

Each file is written under a temporary name and renamed into place, so a reader (or a re-run after a
crash) never sees half a file.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from pipeline.output.schema import PARTITIONING

ROW_GROUP_SIZE = 128_000


def _partition_dir(root: Path, row: dict[str, Any]) -> Path:
    """year=YYYY/month=M; undated rows go to year=0/month=0, since null partitions break pandas' reader."""
    return root.joinpath(*(f"{name}={row[name]}" for name in PARTITIONING.names))


def write_table(rows: Sequence[dict[str, Any]], schema: pa.Schema, root: Path, batch_key: str, partitioned: bool) -> list[Path]:
    """Write rows under `root` as `part-{batch_key}.parquet` per partition; returns the files written."""
    if not rows:
        return []
    groups: dict[Path, list[dict[str, Any]]] = {}
    for row in rows:
        folder = _partition_dir(root, row) if partitioned else root
        groups.setdefault(folder, []).append(row)
    stored = pa.schema([f for f in schema if not partitioned or f.name not in PARTITIONING.names], metadata=schema.metadata)
    written = []
    for folder, group in sorted(groups.items()):
        table = pa.Table.from_pylist(group, schema=schema).select(stored.names).cast(stored)
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / f"part-{batch_key}.parquet"
        temporary = folder / f".{final.name}.{uuid.uuid4().hex}.tmp"
        pq.write_table(table, temporary, compression="zstd", row_group_size=ROW_GROUP_SIZE)
        os.replace(temporary, final)
        written.append(final)
    return written


def prepare_output(out: Path, tables: dict[str, pa.Schema]) -> None:
    """Create each table's folder with a `_common_metadata` schema file, so an empty table still loads."""
    for name, schema in tables.items():
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_metadata(schema, folder / "_common_metadata")


def read_rows(root: Path, columns: Sequence[str], batch_size: int = 65_536) -> Iterator[dict[str, Any]]:
    """Stream rows of a partitioned table as dicts (only `columns`), batch by batch."""
    if not any(root.rglob("part-*.parquet")):
        return
    dataset = ds.dataset(root, format="parquet", partitioning=ds.partitioning(PARTITIONING, flavor="hive"))
    for batch in dataset.to_batches(columns=list(columns), batch_size=batch_size):
        yield from batch.to_pylist()


def replace_table(rows: Sequence[dict[str, Any]], schema: pa.Schema, root: Path) -> None:
    """Rebuild a whole partitioned table: write it beside the old one, then swap folders."""
    staging = root.with_name(f".{root.name}.{uuid.uuid4().hex}.tmp")
    staging.mkdir(parents=True)
    pq.write_metadata(schema, staging / "_common_metadata")
    write_table(rows, schema, staging, "all", partitioned=True)
    retired = root.with_name(f".{root.name}.{uuid.uuid4().hex}.old")
    if root.exists():
        os.replace(root, retired)
    os.replace(staging, root)
    shutil.rmtree(retired, ignore_errors=True)
