"""Pure coding functions: parse in, event mentions out. Nothing here does I/O or knows about Prefect."""
