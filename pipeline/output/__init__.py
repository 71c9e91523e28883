"""Output tables: one pyarrow schema per table, and atomic, partitioned Parquet writes cast to it, to a folder or an fsspec URL."""
