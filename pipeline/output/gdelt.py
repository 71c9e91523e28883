"""Export `OUT/events` in GDELT 2.0's event table layout, so tools written for GDELT read our events.

The layout is GDELT 2.0's "export" file: 61 tab-separated columns, no header, one event per line, in the
order of the GDELT Event Codebook V2.0 (checked against the 61-row column table of
linwoodc3/gdelt2HeaderRows, `GDELT_2.0_Column_Labels_Header_Row_Sep2016.csv`). Empty means "no value".

| GDELT column                                   | from `events`                                                  |
|------------------------------------------------|----------------------------------------------------------------|
| GlobalEventID                                  | `int(event_id[:15], 16)`: the first 60 bits of the event id, a stable positive int64 |
| Day / MonthYear / Year                         | `event_date` as YYYYMMDD / YYYYMM / YYYY; undated events are skipped and counted. Week, month and year dates are stored as the period's first day (GDELT has no precision column) |
| FractionDate                                   | Year + ((month - 1) * 30 + day) / 365, 4 decimals: the codebook writes MONTH * 30, but its files use month - 1 (20190125 → 2019.0685) |
| Actor1Code                                     | `source_actor` (full CAMEO code, e.g. USAMIL)                  |
| Actor1Name                                     | empty (names are per mention: `mentions.source_actor_name`)    |
| Actor1CountryCode                              | `source_country` (ISO-3; see below)                            |
| Actor1KnownGroupCode                           | last 3-letter segment of the code that is no type or religion code (IGOWSTNAT → NAT, PSEREBHMS → HMS) |
| Actor1EthnicCode                               | empty                                                          |
| Actor1Religion1Code / Religion2Code            | religion segments of the code (IMGMUSALQ → MUS)                |
| Actor1Type1Code / Type2Code / Type3Code        | type (role) segments of the code in order (USAMIL → MIL, IGOUNO → IGO, UNO) |
| Actor2*                                        | the same from `target_actor` / `target_country`               |
| IsRootEvent                                    | `is_root_event` as 1 / 0                                       |
| EventCode                                      | `cameo_code` (string, leading zeros kept)                      |
| EventBaseCode                                  | first 3 digits of `cameo_code`                                 |
| EventRootCode                                  | `cameo_root`                                                   |
| QuadClass                                      | `quad_class`                                                   |
| GoldsteinScale                                 | `goldstein`, one decimal                                       |
| NumMentions / NumSources / NumArticles         | `num_mentions` / `num_sources` / `num_articles`                |
| AvgTone                                        | empty (no tone is computed)                                    |
| Actor1Geo_*, Actor2Geo_*, ActionGeo_* (8 each) | empty (no geocoding)                                           |
| DATEADDED                                      | `first_seen` as YYYYMMDDHHMMSS; first_seen is a date, so HHMMSS is 000000 |
| SOURCEURL                                      | first of `source_urls` (the earliest report: URLs are ordered by publication date) |

Country codes: GDELT's actor country codes are CAMEO's 3-letter codes, which equal ISO 3166-1 alpha-3
for almost every country; ours are ISO-3 and are written unchanged, so the rare CAMEO-specific code is
not produced. (GDELT's *Geo* country codes are FIPS 10-4, but we write no geography.)
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.output.store import Store

GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(
        f"Actor{n}{name}"
        for n in (1, 2)
        for name in (
            "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
            "Type1Code", "Type2Code", "Type3Code",
        )
    ),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(
        f"{geo}_{name}"
        for geo in ("Actor1Geo", "Actor2Geo", "ActionGeo")
        for name in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
    ),
    "DATEADDED", "SOURCEURL",
)

# CAMEO actor type (role) codes as GDELT breaks them out into Type1-3Code, plus our codebook's roles.
TYPE_CODES = frozenset(
    "COP GOV INS JUD MIL OPP REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG MED REF MOD RAD "
    "AMN IRC GRP UNO PKO UIS IGO IMG INT MNC NGM NGO SET PTY".split()
)
# CAMEO religion codes our actor codebook can produce (GDELT's Religion1/2Code).
RELIGION_CODES = frozenset("BUD CHR CTH HIN JEW MUS PRO SHI SIK SUN".split())

EVENT_COLUMNS = (
    "event_id", "event_date", "cameo_code", "cameo_root", "quad_class", "goldstein", "source_actor", "source_country",
    "target_actor", "target_country", "num_mentions", "num_articles", "num_sources", "first_seen", "source_urls",
    "is_root_event",
)


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote, and how many events it had to leave out for want of a date."""

    written: int
    skipped_undated: int


def global_event_id(event_id: str) -> int:
    """GDELT ids are integers: 60 bits of our hex event id stay stable and fit a signed int64."""
    return int(event_id[:15], 16)


def fraction_date(day: dt.date) -> float:
    """GDELT's approximate fractional year (30-day months), rounded to 4 decimals like its files."""
    return round(day.year + ((day.month - 1) * 30 + day.day) / 365, 4)


def actor_fields(code: str | None, country: str | None) -> list[str]:
    """The 10 GDELT actor columns: break a CAMEO actor code into its 3-letter segments by kind."""
    if not code:
        return [""] * 10
    segments = [code[i : i + 3] for i in range(0, len(code) - len(code) % 3, 3)]
    if country and segments and segments[0] == country:
        segments = segments[1:]
    types = [s for s in segments if s in TYPE_CODES]
    religions = [s for s in segments if s in RELIGION_CODES]
    groups = [s for s in segments if s not in TYPE_CODES and s not in RELIGION_CODES]
    padded_types = (types + ["", "", ""])[:3]
    padded_religions = (religions + ["", ""])[:2]
    return [code, "", country or "", groups[-1] if groups else "", "", *padded_religions, *padded_types]


def _clean(value: str) -> str:
    """Tabs and line breaks would shift columns or split a record."""
    return " ".join(value.split()) if any(c in value for c in "\t\r\n") else value


def gdelt_fields(event: Mapping[str, Any]) -> list[str]:
    """One events row (a dated one) as the 61 GDELT values, all as text."""
    day: dt.date = event["event_date"]
    first_seen: dt.date | None = event["first_seen"]
    urls = event["source_urls"] or []
    code: str = event["cameo_code"]
    return [
        str(global_event_id(event["event_id"])),
        day.strftime("%Y%m%d"),
        day.strftime("%Y%m"),
        str(day.year),
        f"{fraction_date(day):.4f}",
        *actor_fields(event["source_actor"], event["source_country"]),
        *actor_fields(event["target_actor"], event["target_country"]),
        "1" if event["is_root_event"] else "0",
        code,
        code[:3],
        event["cameo_root"],
        str(event["quad_class"]),
        f"{event['goldstein']:.1f}",
        str(event["num_mentions"]),
        str(event["num_sources"]),
        str(event["num_articles"]),
        "",  # AvgTone
        *[""] * 24,  # Actor1Geo_*, Actor2Geo_*, ActionGeo_*
        first_seen.strftime("%Y%m%d000000") if first_seen else "",
        _clean(urls[0]) if urls else "",
    ]


def gdelt_lines(events: Iterable[Mapping[str, Any]]) -> tuple[list[str], int]:
    """Tab-separated lines for the dated events, sorted by day then id; and the count of undated ones."""
    dated = []
    undated = 0
    for event in events:
        if event["event_date"] is None:
            undated += 1
        else:
            dated.append(event)
    dated.sort(key=lambda e: (e["event_date"], e["event_id"]))
    ids = [global_event_id(e["event_id"]) for e in dated]
    if len(set(ids)) != len(ids):
        raise ValueError("two event ids share their first 60 bits; GlobalEventID would not be unique")
    return ["\t".join(gdelt_fields(e)) for e in dated], undated


def export_gdelt(out: Store, to: Path) -> ExportResult:
    """Write OUT/events as a GDELT 2.0 event file at `to`, atomically (a reader never sees half a file)."""
    lines, undated = gdelt_lines(out.rows("events", EVENT_COLUMNS))
    to.parent.mkdir(parents=True, exist_ok=True)
    temporary = to.with_name(f".{to.name}.{uuid.uuid4().hex}.tmp")
    temporary.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    os.replace(temporary, to)
    return ExportResult(written=len(lines), skipped_undated=undated)
