"""A static HTML summary of an OUT folder: a few charts and small tables a reader can take in at a glance.

The page is self-contained on disk: no scripts, no network resources; charts are PNG files written beside
the HTML (named after it) and referenced by relative path, so the folder can be zipped or mailed as is.
Counts of events come from `OUT/events` (deduplicated), the date-source shares from `OUT/mentions`; OUT is
read through `Store`, so it may be a folder or a URL.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import posixpath
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.output.store import Store

TOP = 12
LABEL_CHARS = 28
BACKGROUND_DAYS = 365  # events dated this long before the earliest article stay off the time chart
EVENT_TYPES = ("strike", "meeting", "resolution", "invitation")
TYPE_COLOURS = {"strike": "#c0392b", "meeting": "#2e86c1", "resolution": "#8e44ad", "invitation": "#27ae60"}
DATE_SOURCES = ("explicit", "relative", "linked", "publication", "none")
EVENT_COLUMNS = (
    "event_id", "event_date", "first_seen", "event_type", "cameo_code", "source_actor", "source_country", "target_actor",
    "target_country",
)

CSS = """
body { font-family: system-ui, sans-serif; max-width: 1000px; margin: 2em auto; padding: 0 1em; color: #222; }
h1 { margin-bottom: .2em; } .sub { color: #666; margin-top: 0; }
.cards { display: flex; flex-wrap: wrap; gap: 1em; margin: 1.5em 0; }
.card { background: #f4f6f8; border-radius: 8px; padding: .8em 1.2em; min-width: 8em; }
.card b { display: block; font-size: 1.8em; }
section { margin: 2.5em 0; } img { max-width: 100%; height: auto; }
.pair { display: flex; flex-wrap: wrap; gap: 2em; align-items: flex-start; }
.pair img { flex: 0 1 580px; min-width: 0; } .pair table { flex: 0 0 auto; }
table { border-collapse: collapse; font-size: .9em; } th, td { padding: .25em .8em; text-align: left; }
th { border-bottom: 2px solid #ccc; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr:nth-child(even) td { background: #f7f7f7; } .note { color: #666; font-size: .9em; }
"""


def _table(out: Store, table: str, columns: Sequence[str]) -> pd.DataFrame:
    """The columns of a Hive-partitioned table, empty (with those columns) when it holds no file."""
    if not out.has_rows(table):
        return pd.DataFrame(columns=list(columns))
    return out.dataset(table).to_table(columns=list(columns)).to_pandas()


def _latest_run(out: Store) -> dict[str, Any]:
    """The newest run summary (model, codebook version), if OUT has one."""
    runs = [name for name in out.names("_runs") if name.endswith(".json")]
    return json.loads(out.read_text(f"_runs/{runs[-1]}")) if runs else {}


def _time_bin(first: dt.date, last: dt.date) -> tuple[str, str]:
    """Days stay readable up to a quarter; longer spans are binned by week, then month."""
    span = (last - first).days
    if span <= 92:
        return "D", "day"
    if span <= 730:
        return "W-MON", "week"
    return "MS", "month"


def _html_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f'<td class="n">{v:,}</td>' if isinstance(v, int) else f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _barh(plt: Any, path: Path, labels: Sequence[str], values: Sequence[float], title: str, colour: str, fmt: str = "{:,.0f}") -> None:
    """A horizontal bar chart, largest on top, each bar labelled with its value."""
    fig, ax = plt.subplots(figsize=(7, 0.35 * len(labels) + 1.2))
    ax.barh(list(labels)[::-1], list(values)[::-1], color=colour)
    for y, value in enumerate(list(values)[::-1]):
        ax.text(value, y, " " + fmt.format(value), va="center", fontsize=9)
    ax.set_title(title, loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    ax.xaxis.set_major_locator(plt.MaxNLocator(integer=True))
    ax.margins(x=0.15)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _actors_chart(plt: Any, path: Path, table: pd.DataFrame) -> None:
    """Horizontal bars per actor, split into events where it is the source and where it is the target."""
    fig, ax = plt.subplots(figsize=(7, 0.35 * len(table) + 1.2))
    ax.barh(table.index[::-1], table["source"][::-1], color="#e67e22", label="as source")
    ax.barh(table.index[::-1], table["target"][::-1], left=table["source"][::-1], color="#95a5a6", label="as target")
    ax.set_title("Top actors (CAMEO codes), events", loc="left")
    ax.xaxis.set_major_locator(plt.MaxNLocator(integer=True))
    ax.legend(frameon=False, loc="lower right")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _events_over_time(plt: Any, path: Path, dated: pd.DataFrame) -> str:
    """Stacked bars of dated events per period and type; returns the period name."""
    dated = dated.assign(event_date=pd.to_datetime(dated["event_date"]))
    freq, period = _time_bin(dated["event_date"].min().date(), dated["event_date"].max().date())
    counts = (
        dated.groupby([pd.Grouper(key="event_date", freq=freq), "event_type"]).size().unstack(fill_value=0)
        .reindex(columns=[t for t in EVENT_TYPES if t in set(dated["event_type"])], fill_value=0)
    )
    counts = counts.asfreq(freq, fill_value=0) if len(counts) > 1 else counts
    fig, ax = plt.subplots(figsize=(10, 4))
    bottom = None
    width = {"day": 0.8, "week": 5.5, "month": 25}[period]
    for event_type in counts.columns:
        ax.bar(counts.index, counts[event_type], width=width, bottom=bottom, label=event_type, color=TYPE_COLOURS[event_type])
        bottom = counts[event_type] if bottom is None else bottom + counts[event_type]
    ax.set_title(f"Events per {period}, by type", loc="left")
    ax.set_ylabel("events")
    ax.yaxis.set_major_locator(plt.MaxNLocator(integer=True))
    ax.legend(frameon=False, ncols=len(counts.columns), loc="lower right", bbox_to_anchor=(1, 1))
    ax.spines[["top", "right"]].set_visible(False)
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return period


def _in_archive_span(events: pd.DataFrame) -> pd.Series:
    """Dated events from a year before the earliest article on: background mentions ("in 1988") would
    stretch the time axis over decades and squash the archive's own period into one bar."""
    dated = events["event_date"].notna()
    published = events["first_seen"].dropna()
    if not len(published):
        return dated
    return dated & (events["event_date"] >= published.min() - dt.timedelta(days=BACKGROUND_DAYS))


def _side(events: pd.DataFrame, side: str) -> pd.Series:
    """Country of an actor, else its code (IGOs and bare roles have no country)."""
    return events[f"{side}_country"].fillna(events[f"{side}_actor"])


class _Charts:
    """Names each chart after the page (`summary_top_dyads.png` beside `summary.html`) and remembers it."""

    def __init__(self, plt: Any, html_path: Path) -> None:
        self.plt = plt
        self.html_path = html_path
        self.written: list[Path] = []

    def path(self, name: str) -> Path:
        path = self.html_path.with_name(f"{self.html_path.stem}_{name}.png")
        self.written.append(path)
        return path

    @staticmethod
    def img(path: Path, alt: str) -> str:
        return f'<img src="{html.escape(path.name)}" alt="{html.escape(alt)}">'


def _section(title: str, chart: str, table: str, note: str = "") -> str:
    """A titled chart with its table beside it, and an optional note (already HTML) below."""
    note_html = f'<p class="note">{note}</p>' if note else ""
    return f'<section><h2>{html.escape(title)}</h2><div class="pair">{chart}{table}</div>{note_html}</section>'


def _time_section(charts: _Charts, events: pd.DataFrame) -> str:
    in_span = _in_archive_span(events)
    if not in_span.any():
        return ""
    path = charts.path("events_over_time")
    period = _events_over_time(charts.plt, path, events[in_span])
    by_type = events.groupby("event_type").size()
    undated = int(events["event_date"].isna().sum())
    background = len(events) - undated - int(in_span.sum())
    left_out = []
    if undated:
        left_out.append(f"{undated:,} undated event(s)")
    if background:
        left_out.append(f"{background:,} background event(s) dated over a year before the earliest article")
    return (
        f"<section><h2>Events over time</h2>{charts.img(path, f'Stacked bars: events per {period} by type')}"
        + (f'<p class="note">Left out of the chart: {" and ".join(left_out)}.</p>' if left_out else "")
        + _html_table(["type", "events"], [(t, int(by_type.get(t, 0))) for t in EVENT_TYPES])
        + "</section>"
    )


def _dyads_section(charts: _Charts, events: pd.DataFrame) -> str:
    dyads = pd.DataFrame({"source": _side(events, "source"), "target": _side(events, "target")}).dropna()
    if not len(dyads):
        return ""
    top = (dyads["source"] + " → " + dyads["target"]).value_counts().head(TOP)
    path = charts.path("top_dyads")
    _barh(charts.plt, path, list(top.index), list(top.values), "Top dyads (source → target), events", "#34495e")
    return _section(
        "Top dyads",
        charts.img(path, "Bar chart of the most frequent dyads"),
        _html_table(["source → target", "events"], [(k, int(v)) for k, v in top.items()]),
        "Countries (ISO-3), or the actor code for IGOs and actors without a country; "
        f"{len(dyads):,} of {len(events):,} events have both sides coded.",
    )


def _actors_section(charts: _Charts, events: pd.DataFrame) -> str:
    actors = pd.concat(
        [events[f"{side}_actor"].dropna().to_frame("actor").assign(side=side) for side in ("source", "target")]
    )
    if not len(actors):
        return ""
    table = actors.groupby(["actor", "side"]).size().unstack(fill_value=0).reindex(columns=["source", "target"], fill_value=0)
    table = table.assign(total=table.sum(axis=1)).sort_values(["total", "source"], ascending=False).head(TOP)
    path = charts.path("top_actors")
    _actors_chart(charts.plt, path, table)
    rows = [(code, int(r.source), int(r.target), int(r.total)) for code, r in table.iterrows()]
    return _section(
        "Top actors",
        charts.img(path, "Bar chart of the most frequent actors"),
        _html_table(["actor", "as source", "as target", "total"], rows),
    )


def _date_sources_section(charts: _Charts, mentions: pd.DataFrame) -> str:
    if not len(mentions):
        return ""
    shares = mentions["date_source"].value_counts()
    order = [s for s in DATE_SOURCES if s in shares.index] + [s for s in shares.index if s not in DATE_SOURCES]
    percent = [100 * shares[s] / len(mentions) for s in order]
    path = charts.path("date_sources")
    _barh(charts.plt, path, order, percent, "Where mention dates come from (% of mention rows)", "#16a085", "{:.1f}%")
    return _section(
        "Date sources",
        charts.img(path, "Bar chart of date sources"),
        _html_table(["date source", "mention rows", "share"], [(s, int(shares[s]), f"{p:.1f}%") for s, p in zip(order, percent)]),
        "explicit: a date in the text; relative: yesterday, on Tuesday; linked: from another mention of the same "
        "event; publication: the article&#x27;s date; none: no date.",
    )


def _shorten(text: str, limit: int = LABEL_CHARS) -> str:
    """Long CAMEO names would squeeze the bars; the table beside the chart keeps them whole."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _cameo_section(charts: _Charts, events: pd.DataFrame, names: Mapping[str, str]) -> str:
    if not len(events):
        return ""
    codes = events["cameo_code"].value_counts()
    top = codes.head(TOP)
    path = charts.path("cameo_codes")
    labels = [f"{c} {_shorten(names.get(c, ''))}".strip() for c in top.index]
    _barh(charts.plt, path, labels, list(top.values), "Events per CAMEO code", "#7f8c8d")
    note = f"The chart shows the {TOP} most frequent codes; the table lists all." if len(codes) > TOP else ""
    return _section(
        "CAMEO codes",
        charts.img(path, "Bar chart of CAMEO codes"),
        _html_table(["code", "name", "events"], [(c, names.get(c, ""), int(n)) for c, n in codes.items()]),
        note,
    )


def summarize(out: Store, html_path: Path, cameo_names: Mapping[str, str] | None = None) -> list[Path]:
    """Write the summary page of OUT to `html_path` and its charts beside it; returns the files written.

    `cameo_names` (code → name) labels the CAMEO chart; without it codes stand alone.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    events = _table(out, "events", EVENT_COLUMNS)
    mentions = _table(out, "mentions", ["article_id", "date_source"])
    run = _latest_run(out)
    html_path.parent.mkdir(parents=True, exist_ok=True)
    charts = _Charts(plt, html_path)
    sections = (
        _time_section(charts, events)
        + _dyads_section(charts, events)
        + _actors_section(charts, events)
        + _date_sources_section(charts, mentions)
        + _cameo_section(charts, events, cameo_names or {})
    )
    dated = events["event_date"].dropna()
    span = f"{dated.min()} to {dated.max()}" if len(dated) else "no dated events"
    about = "".join(f"; {k.replace('_', ' ')} {run[k]}" for k in ("model", "codebook_version") if k in run)
    cards = [
        ("events", len(events)),
        ("mention rows", len(mentions)),
        ("articles with events", int(mentions["article_id"].nunique())),
        ("undated events", len(events) - len(dated)),
    ]
    page = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>eventcoder summary: {html.escape(posixpath.basename(out.root))}</title><style>{CSS}</style></head><body>"
        f'<h1>Event summary</h1><p class="sub">{html.escape(f"{out.url}: {span}{about}")}</p>'
        + '<div class="cards">' + "".join(f'<div class="card"><b>{n:,}</b>{html.escape(k)}</div>' for k, n in cards) + "</div>"
        + (sections or "<p>No coded events in this folder.</p>")
        + "</body></html>\n"
    )
    html_path.write_text(page, encoding="utf-8")
    return [html_path, *charts.written]
