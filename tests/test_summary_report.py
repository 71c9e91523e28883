"""The HTML summary: written with its PNG charts beside it, referenced by relative path, and self-contained."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from pipeline.cli_output import summarize_command
from pipeline.codebook import load_codebook
from pipeline.errors import UsageError
from pipeline.output.events import EVENT_INPUT_COLUMNS, build_events
from pipeline.output.schema import EVENTS, MENTIONS, TABLES
from pipeline.output.store import Store
from pipeline.report import summarize
from pipeline.settings import load_settings

CODED_AT = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
PNG = b"\x89PNG\r\n\x1a\n"


def _mention(n: int, event_type: str, code: str, source: str | None, target: str | None, day: dt.date | None, date_source: str) -> dict[str, Any]:
    """A mentions row; actor codes are country codes, so the country is the code itself."""
    return {
        "mention_id": f"m{n}", "event_id": f"e-{event_type}-{source}-{target}-{day}", "article_id": f"a{n % 3}",
        "sentence_index": n, "sentence": "A sentence.", "trigger": "struck", "trigger_start": 0, "event_type": event_type,
        "cameo_code": code, "cameo_root": code[:2], "quad_class": 4 if event_type == "strike" else 1, "goldstein": 0.0,
        "modality": "asserted", "is_reference": False, "source_actor": source, "source_country": source,
        "source_actor_name": None, "target_actor": target, "target_country": target, "target_actor_name": None,
        "event_date": day, "date_precision": "day" if day else None, "date_source": date_source, "date_text": None,
        "published": dt.date(2020, 2, 8), "source_name": "Wire", "url": f"https://example.org/{n}", "title": None,
        "rule_id": "test", "codebook_version": "test", "model": "test", "coded_at": CODED_AT,
        "year": day.year if day else 0, "month": day.month if day else 0,
    }


MENTIONS_ROWS = [
    _mention(0, "strike", "195", "USA", "IRN", dt.date(2020, 1, 3), "explicit"),
    _mention(1, "strike", "195", "USA", "IRN", dt.date(2020, 1, 3), "linked"),
    _mention(2, "meeting", "040", "IRQ", "RUS", dt.date(2020, 2, 7), "relative"),
    _mention(3, "resolution", "0256", "IRQ", "USA", dt.date(2020, 2, 8), "publication"),
    _mention(4, "invitation", "036", "RUS", "IRQ", dt.date(2020, 2, 8), "publication"),
    _mention(5, "meeting", "040", "IRN", "IRQ", None, "none"),
]


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("summary-out")
    store = Store(folder)
    store.prepare(TABLES)
    store.write_table("mentions", MENTIONS_ROWS, MENTIONS, "test", partitioned=True)
    cameo = load_codebook(load_settings().codebook_dir).cameo
    store.replace_table("events", build_events(store.rows("mentions", EVENT_INPUT_COLUMNS), cameo), EVENTS)
    return folder


@pytest.fixture(scope="module")
def page(out: Path, tmp_path_factory) -> tuple[Path, str, list[Path]]:
    html_path = tmp_path_factory.mktemp("report") / "summary.html"
    written = summarize(Store(out), html_path, {"195": "Employ aerial weapons"})
    return html_path, html_path.read_text(encoding="utf-8"), written


def test_html_references_pngs_that_exist_beside_it(page) -> None:
    html_path, text, written = page
    sources = re.findall(r'<img src="([^"]+)"', text)
    assert len(sources) == 5
    for source in sources:
        assert "/" not in source and source.endswith(".png"), source
        chart = html_path.parent / source
        assert chart.read_bytes().startswith(PNG), source
    assert sorted(written) == sorted([html_path, *(html_path.parent / s for s in sources)])


def test_page_is_self_contained(page) -> None:
    _, text, _ = page
    lowered = text.lower()
    assert "http" not in lowered and "<script" not in lowered
    assert "<link" not in lowered and "@import" not in lowered and "url(" not in lowered


def test_page_reports_the_tables(page) -> None:
    _, text, _ = page
    for heading in ("Events over time", "Top dyads", "Top actors", "Date sources", "CAMEO codes"):
        assert f"<h2>{heading}</h2>" in text, heading
    assert "USA → IRN</td><td class=\"n\">1</td>" in text
    assert "<td>195</td><td>Employ aerial weapons</td>" in text
    assert "<td>0256</td>" in text  # codes stay strings with their leading zero
    assert "1 undated event(s)" in text
    assert '<b>5</b>events' in text and '<b>6</b>mention rows' in text


def test_summarize_command_writes_and_refuses_empty_out(out: Path, tmp_path: Path) -> None:
    message = summarize_command(out, tmp_path / "report" / "s.html")
    assert "5 chart(s)" in message and (tmp_path / "report" / "s_top_dyads.png").is_file()
    with pytest.raises(UsageError, match="does not exist"):
        summarize_command(tmp_path / "nowhere", tmp_path / "x.html")
    empty = tmp_path / "empty"
    Store(empty).prepare(TABLES)
    with pytest.raises(UsageError, match="holds no mentions"):
        summarize_command(empty, tmp_path / "x.html")
    assert not (tmp_path / "x.html").exists()
