"""Parquet layout: cast to the table's schema, zstd, Hive partitions, files named by batch so a re-run replaces.

Only the bytes and their relative places are decided here; `store.py` puts them on local disk or an object
store (atomically on both).
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from pipeline.output.schema import PARTITIONING

ROW_GROUP_SIZE = 128_000


def hive_partitioning() -> ds.Partitioning:
    """How readers (and our own) find the year and month columns in the folder names."""
    return ds.partitioning(PARTITIONING, flavor="hive")


def partition_folder(row: dict[str, Any]) -> str:
    """year=YYYY/month=M; undated rows go to year=0/month=0, since null partitions break pandas' reader."""
    return posixpath.join(*(f"{name}={row[name]}" for name in PARTITIONING.names))


def split_rows(rows: Sequence[dict[str, Any]], schema: pa.Schema, partitioned: bool) -> list[tuple[str, pa.Table]]:
    """Rows as (relative partition folder, table cast to the stored schema); the folder is "" when not partitioned.

    The stored schema drops the partition columns: readers take them from the folder names.
    """
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(partition_folder(row) if partitioned else "", []).append(row)
    stored = pa.schema([f for f in schema if not partitioned or f.name not in PARTITIONING.names], metadata=schema.metadata)
    return [
        (folder, pa.Table.from_pylist(group, schema=schema).select(stored.names).cast(stored))
        for folder, group in sorted(groups.items())
    ]


def parquet_bytes(table: pa.Table) -> bytes:
    """One Parquet file, zstd-compressed."""
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd", row_group_size=ROW_GROUP_SIZE)
    return sink.getvalue().to_pybytes()


def schema_bytes(schema: pa.Schema) -> bytes:
    """A `_common_metadata` file: the schema alone, so an empty table still loads with its columns."""
    sink = pa.BufferOutputStream()
    pq.write_metadata(schema, sink)
    return sink.getvalue().to_pybytes()
