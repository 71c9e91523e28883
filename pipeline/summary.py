"""The run summary: what was read, coded, set aside and written, with throughput. Accounting must close."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass
class RunSummary:
    """Counters filled batch by batch; `records_read == articles_coded + duplicates + quarantined`."""

    model: str
    codebook_version: str
    out: str
    run_id: str = ""
    files: int = 0
    files_unchanged: int = 0
    chunks_done: int = 0
    records_read: int = 0
    articles_coded: int = 0
    articles_with_events: int = 0
    duplicates: int = 0
    quarantined: Counter[str] = field(default_factory=Counter)
    rows_by_type: Counter[str] = field(default_factory=Counter)
    rows_by_date_source: Counter[str] = field(default_factory=Counter)
    events: int = 0
    words: int = 0
    coding_seconds: float = 0.0
    elapsed_seconds: float = 0.0

    @property
    def rows(self) -> int:
        return sum(self.rows_by_type.values())

    @property
    def accounting_closes(self) -> bool:
        return self.records_read == self.articles_coded + self.duplicates + sum(self.quarantined.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "codebook_version": self.codebook_version,
            "out": self.out,
            "run_id": self.run_id,
            "files": self.files,
            "files_unchanged": self.files_unchanged,
            "records_read": self.records_read,
            "articles_coded": self.articles_coded,
            "articles_with_events": self.articles_with_events,
            "duplicates": self.duplicates,
            "quarantined": dict(sorted(self.quarantined.items())),
            "rows": self.rows,
            "rows_by_type": dict(sorted(self.rows_by_type.items())),
            "rows_by_date_source": dict(sorted(self.rows_by_date_source.items())),
            "rows_without_date": self.rows_by_date_source.get("none", 0),
            "events_in_output": self.events,
            "words": self.words,
            "coding_seconds": round(self.coding_seconds, 3),
            "elapsed_seconds": round(self.elapsed_seconds, 3),
            "accounting_closes": self.accounting_closes,
        }

    def to_markdown(self) -> str:
        """A short report for the Prefect artifact and the terminal."""
        rate = self.words / self.coding_seconds if self.coding_seconds else 0.0
        quarantined = sum(self.quarantined.values())
        lines = [
            "# eventcoder run",
            "",
            f"- output: `{self.out}`",
            f"- model: `{self.model}`, codebook: `{self.codebook_version}`",
            f"- files coded: {self.files} (unchanged, skipped: {self.files_unchanged}); records read: {self.records_read} = coded {self.articles_coded}"
            f" + duplicates {self.duplicates} + quarantined {quarantined}"
            f" ({'closes' if self.accounting_closes else 'DOES NOT CLOSE'})",
            f"- articles with events: {self.articles_with_events}; rows: {self.rows}; events in the output: {self.events}",
            f"- rows by type: {_fmt(self.rows_by_type)}",
            f"- rows by date source: {_fmt(self.rows_by_date_source)}; rows with no date at all: {self.rows_by_date_source.get('none', 0)}",
            f"- quarantined by reason: {_fmt(self.quarantined)}",
            f"- coding: {self.words} words in {self.coding_seconds:.1f} s ({rate:,.0f} words/s); elapsed {self.elapsed_seconds:.1f} s",
        ]
        return "\n".join(lines)


def _fmt(counter: Counter[str]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counter.items())) or "none"
