"""A mixed archive with every input format and a dozen kinds of broken record codes completely in one run."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.flows import run_flow
from pipeline.settings import load_settings
from tests.test_ingest_formats import PAGE, write_warc

GOOD = "Israeli jets struck targets in Gaza on Sunday, the army said."


def _build_archive(root: Path) -> dict[str, int]:
    """Write the archive; return the quarantine reasons it must produce, with counts."""
    (root / "nested" / "deeper").mkdir(parents=True)
    (root / "a.txt").write_text("Iran and Iraq held talks in Baghdad on Monday.", encoding="utf-8")
    (root / "a.meta.json").write_text(json.dumps({"id": "txt-a", "published": "2021-03-02"}), encoding="utf-8")
    (root / "b.txt").write_text("The UN Security Council adopted a resolution condemning the attack.", encoding="utf-8")
    (root / "b.meta.json").write_text("{not json", encoding="utf-8")  # bad_metadata
    (root / "c.txt").write_bytes(b"\xff\xfe\x00\x00 broken bytes")  # undecodable
    (root / "empty.txt").write_text("   \n  ", encoding="utf-8")  # empty_text
    (root / "german.txt").write_text(
        "Die Bundesregierung hat am Dienstag beschlossen, die Hilfen für die Ukraine zu verlängern, wie ein Sprecher "
        "in Berlin mitteilte. Die Entscheidung fiel nach langen Beratungen im Kabinett und mit den Ländern.",
        encoding="utf-8",
    )  # not_english
    lines = [
        json.dumps({"id": "j1", "text": GOOD, "published": "2021-03-01"}),
        "{broken json",  # invalid_json
        json.dumps(["not", "an", "object"]),  # invalid_record
        json.dumps({"id": "j4", "text": "Talks were held.", "published": "the other day"}),  # bad_date
        json.dumps({"id": "j5", "text": "x " * 3000}),  # too_large (limit below)
        json.dumps({"id": "j1", "text": GOOD, "published": "2021-03-01"}),  # duplicate
    ]
    (root / "nested" / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    whole = gzip.compress(("\n".join(json.dumps({"id": f"g{i}", "text": GOOD + f" Report {i}."}) for i in range(40)) + "\n").encode())
    (root / "nested" / "cut.jsonl.gz").write_bytes(whole[: len(whole) * 2 // 3])  # unreadable (truncated gzip)
    (root / "nested" / "deeper" / "feed.csv").write_bytes(
        b"id,text,published\r\nc1,\"Turkish troops invaded northern Syria.\",2019-10-09\r\nc2,too,many,fields,here\r\n"
    )  # bad_row
    pq.write_table(pa.table({"id": ["p1", "p2"], "text": [GOOD, None], "published": ["2021-03-03", "2021-03-03"]}), root / "rows.parquet")
    (root / "broken.parquet").write_bytes(b"PAR1 not really parquet")  # unreadable
    (root / "page.html").write_text(PAGE, encoding="utf-8")
    write_warc(root / "crawl.warc.gz", gzipped=True)
    return {"bad_metadata": 1, "undecodable": 1, "empty_text": 2, "not_english": 1, "invalid_json": 1, "invalid_record": 1,
            "bad_date": 1, "too_large": 1, "unreadable": 2, "bad_row": 1}


def test_every_format_and_every_broken_record_in_one_run(prefect_api, tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    archive.mkdir()
    expected = _build_archive(archive)
    report = run_flow([str(archive)], str(out), load_settings(max_article_chars=5000).model_dump(mode="json"))
    assert report["accounting_closes"]
    assert report["quarantined"] == expected
    assert report["duplicates"] == 2 and report["files"] == 12  # j1 twice; the page in both page.html and the WARC
    assert report["records_read"] == report["articles_coded"] + report["duplicates"] + sum(expected.values())
    quarantine = pd.read_parquet(out / "quarantine")
    assert quarantine.reason.value_counts().to_dict() == expected
    assert quarantine.origin.str.startswith(str(archive)).all() and quarantine.message.str.len().gt(0).all()
    mentions = pd.read_parquet(out / "mentions")
    assert {"strike", "meeting", "resolution"} <= set(mentions.event_type)
    assert mentions.article_id.nunique() >= 8
    again = run_flow([str(archive)], str(out), load_settings(max_article_chars=5000).model_dump(mode="json"))
    assert (again["records_read"], again["files"], again["files_unchanged"]) == (0, 0, 12)
