"""Deduplicated events (GDELT 2.0 style): mentions of one real event become one row of `OUT/events`.

Dedup key: event type, CAMEO root, event date, and the source and target actor keys (country, or IGO /
group code; role suffixes are ignored because mentions of one event often differ only there, IRQ vs
IRQMIL). For reciprocal types (meetings) the two actors are unordered. A mention missing an actor, or
missing a date, cannot be matched safely across articles (every US meeting of a day with an unnamed other
side would be one), so its key also holds its article id.
The key hashes to `event_id`, so the same event gets the same id on every run; `OUT/events` is rebuilt
from all of `OUT/mentions` after each run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pipeline.codebook.cameo import CameoCode

LEAD_SENTENCES = 3  # an event reported in an article's first sentences is a root event (GDELT IsRootEvent)
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def event_id(
    event_type: str,
    cameo_root: str,
    event_date: dt.date | None,
    source_key: str | None,
    target_key: str | None,
    article_id: str,
    reciprocal: bool,
) -> str:
    """Stable id of the event a mention belongs to (see the module docstring for the key)."""
    actors = [source_key or "", target_key or ""]
    if reciprocal:
        actors.sort()
    scoped = article_id if source_key is None or target_key is None or event_date is None else ""
    key = "\x1f".join([event_type, cameo_root, event_date.isoformat() if event_date else "", *actors, scoped])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def _specific(code: str) -> tuple[bool, int]:
    """CAMEO residual codes end in 0 (190, 040); prefer a specific code, then a longer one."""
    return (not code.endswith("0"), len(code))


@dataclass
class _Event:
    """Accumulates the mentions of one event."""

    rows: list[dict[str, Any]] = field(default_factory=list)

    def add(self, row: dict[str, Any]) -> None:
        self.rows.append(row)

    def _best_actor(self, side: str) -> tuple[str | None, str | None]:
        codes = Counter((r[f"{side}_actor"], r[f"{side}_country"]) for r in self.rows if r[f"{side}_actor"])
        if not codes:
            return None, None
        (code, country), _ = max(codes.items(), key=lambda item: (len(item[0][0]), item[1], item[0][0]))
        return code, country

    def to_row(self, cameo: Mapping[str, CameoCode]) -> dict[str, Any]:
        first = self.rows[0]
        codes = Counter(r["cameo_code"] for r in self.rows)
        code = max(codes, key=lambda c: (_specific(c), codes[c], c))
        dated = [r for r in self.rows if r["event_date"] is not None]
        best = min(dated, key=lambda r: (PRECISION_RANK.get(r["date_precision"], 9), r["event_date"])) if dated else None
        source_actor, source_country = self._best_actor("source")
        target_actor, target_country = self._best_actor("target")
        published = [r["published"] for r in self.rows if r["published"] is not None]
        event_date = best["event_date"] if best else None
        return {
            "event_id": first["event_id"],
            "event_date": event_date,
            "date_precision": best["date_precision"] if best else None,
            "event_type": first["event_type"],
            "cameo_code": code,
            "cameo_root": cameo[code].root,
            "quad_class": cameo[code].quad_class,
            "goldstein": cameo[code].goldstein,
            "source_actor": source_actor,
            "source_country": source_country,
            "target_actor": target_actor,
            "target_country": target_country,
            "num_mentions": len(self.rows),
            "num_articles": len({r["article_id"] for r in self.rows}),
            "num_sources": len({r["source_name"] for r in self.rows if r["source_name"]}),
            "first_seen": min(published) if published else None,
            "source_urls": _urls_by_first_report(self.rows),
            "is_root_event": any(r["sentence_index"] < LEAD_SENTENCES for r in self.rows),
            "year": event_date.year if event_date else 0,
            "month": event_date.month if event_date else 0,
        }


def _urls_by_first_report(rows: list[dict[str, Any]]) -> list[str]:
    """Distinct URLs, earliest publication first (GDELT's SOURCEURL is the first report)."""
    first: dict[str, dt.date] = {}
    for row in rows:
        if row["url"]:
            published = row["published"] or dt.date.max
            first[row["url"]] = min(first.get(row["url"], published), published)
    return sorted(first, key=lambda url: (first[url], url))


EVENT_INPUT_COLUMNS = (
    "event_id", "event_type", "cameo_code", "event_date", "date_precision", "source_actor", "source_country",
    "target_actor", "target_country", "article_id", "source_name", "url", "published", "sentence_index",
)


def build_events(mention_rows: Iterable[dict[str, Any]], cameo: Mapping[str, CameoCode]) -> list[dict[str, Any]]:
    """One row per event id, in a stable order (event date, then id)."""
    events: dict[str, _Event] = {}
    for row in mention_rows:
        events.setdefault(row["event_id"], _Event()).add(row)
    built = [event.to_row(cameo) for event in events.values()]
    return sorted(built, key=lambda r: (r["event_date"] or dt.date.min, r["event_id"]))
