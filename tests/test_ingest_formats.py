"""CSV, Parquet, HTML and WARC inputs keep the reader contract: exact records, bad ones rejected with a reason."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pipeline.ingest.chunks import count_records, plan_chunks, read_chunk
from pipeline.ingest.discover import discover
from pipeline.ingest.readers import CsvColumns, article_id, read_file
from pipeline.records import Article, Rejected

NAMES = frozenset({"Baghdad", "Iraq", "Russia"})
MAX = 10_000

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Iraq and Russia discuss military ties | Daily Wire</title>
<meta name="date" content="2020-01-05">
<meta property="og:site_name" content="Daily Wire">
<link rel="canonical" href="https://dailywire.example/world/iraq-russia-talks">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>Iraq and Russia discuss military ties</h1>
<p>BAGHDAD (AP) — Iraq and Russia discussed prospects for military cooperation in Baghdad on Saturday, officials said.</p>
<p>The defence ministers met for three hours and agreed to meet again next month in Moscow.</p>
</article></main>
<footer><p>Copyright 2020 Daily Wire. All rights reserved.</p>
<ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul></footer>
</body></html>"""
PAGE_TEXT = (
    "Iraq and Russia discussed prospects for military cooperation in Baghdad on Saturday, officials said.\n\n"
    "The defence ministers met for three hours and agreed to meet again next month in Moscow."
)
PAGE_URL = "https://dailywire.example/world/iraq-russia-talks"
UNDATED_PAGE = """<html><head><title>Council passes resolution</title></head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<div class="content"><h2>Council passes resolution</h2>
<p>The Security Council passed a resolution on 3 March 2021 demanding a ceasefire in the region.</p>
<p>Fifteen members voted in favour after two weeks of negotiations.</p></div>
<footer>Contact us | Advertise</footer></body></html>"""
UNDATED_TEXT = (
    "The Security Council passed a resolution on 3 March 2021 demanding a ceasefire in the region.\n\n"
    "Fifteen members voted in favour after two weeks of negotiations."
)
UNDATED_URL = "https://news.example/world/un-vote"


def rejected(record: Article | Rejected) -> Article | tuple[str, str, str | None]:
    """Articles compare whole; a rejection by where it came from, why, and the id it gave."""
    return record if isinstance(record, Article) else (record.origin, record.reason, record.article_id)


# --- CSV ---------------------------------------------------------------------------------------

CSV_BYTES = (
    b"ID,Headline,Body,PubDate,Link\r\n"
    b'c1,Talks in Baghdad,"Iraq and Russia held talks in Baghdad on Saturday, officials said.",2020-01-05,https://x.example/c1\r\n'
    b"c2,Broken,an unquoted, comma splits this row,2020-01-06,https://x.example/c2\r\n"
    b'c3,,"Troops withdrew from the border.\r\n\r\nThe ministers met again on Monday.",2020-01-07T10:00:00Z,\r\n'
    b"\r\n"
    b"c4,Empty,,2020-01-08,\r\n"
    b"c5,Bad date,Talks were held.,next week,\r\n"
    b"c6,Caf\xe9,Talks were held in Paris.,2020-01-09,\r\n"
)


@pytest.mark.parametrize("name", ["news.csv", "news.csv.gz"])
def test_csv_alternative_column_names_and_bad_rows(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(CSV_BYTES) if name.endswith(".gz") else CSV_BYTES)
    records = list(read_file(path, NAMES, MAX))
    assert [rejected(r) for r in records] == [
        Article("c1", "Iraq and Russia held talks in Baghdad on Saturday, officials said.", dt.date(2020, 1, 5),
                None, "https://x.example/c1", "Talks in Baghdad", f"{path}:row 1"),
        (f"{path}:row 2", "bad_row", None),
        Article("c3", "Troops withdrew from the border.\n\nThe ministers met again on Monday.", dt.date(2020, 1, 7),
                None, None, None, f"{path}:row 3"),
        (f"{path}:row 5", "empty_text", "c4"),
        (f"{path}:row 6", "bad_date", "c5"),
        (f"{path}:row 7", "undecodable", None),
    ]
    assert records[-1].excerpt == "c6,Caf\ufffd,Talks were held in Paris.,2020-01-09,"
    assert count_records(path) == 7


def test_csv_custom_columns_and_missing_text_column(tmp_path: Path) -> None:
    path = tmp_path / "custom.csv"
    path.write_text("key,story,when,paper\nk1,Israeli jets struck Gaza on Sunday.,2021-05-10,Wire\n", encoding="utf-8")
    columns = CsvColumns(id=("key",), text="story", published=("when",), source=("paper",))
    assert list(read_file(path, NAMES, MAX, columns=columns)) == [
        Article("k1", "Israeli jets struck Gaza on Sunday.", dt.date(2021, 5, 10), "Wire", None, None, f"{path}:row 1")
    ]
    assert [rejected(r) for r in read_file(path, NAMES, MAX)] == [(f"{path}:row 1", "no_text_column", None)]


def test_csv_article_longer_than_the_csv_default_field_limit(tmp_path: Path) -> None:
    text = "Talks were held in Baghdad. " * 6000  # 168,000 characters; the csv module's default limit is 131,072
    path = tmp_path / "long.csv"
    path.write_text(f'id,text\nlong,"{text}"\n', encoding="utf-8")
    [article] = read_file(path, NAMES, 200_000)
    assert isinstance(article, Article) and article.text == text.strip()
    assert [rejected(r) for r in read_file(path, NAMES, 1000)] == [(f"{path}:row 1", "too_large", "long")]


def test_csv_row_range(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_bytes(CSV_BYTES)
    assert [r.origin for r in read_file(path, NAMES, MAX, start=2, stop=5)] == [f"{path}:row 3", f"{path}:row 5"]


# --- Parquet -----------------------------------------------------------------------------------


def write_parquet(path: Path) -> None:
    table = pa.table(
        {
            "ID": pa.array([1, 2, 3, 4, 5], pa.int64()),
            "Content": ["Iraq and Russia held talks in Baghdad.", None, "Troops withdrew from the border.",
                        "The council passed a resolution.", "Ministers met in Moscow."],
            "Publish_Date": pa.array([dt.date(2020, 1, 5), dt.date(2020, 1, 6), None, dt.date(2020, 1, 8), dt.date(2020, 1, 9)]),
            "Title": ["Talks", "No text", None, "Vote", "Visit"],
            "ignored": [0.5, 1.5, 2.5, 3.5, 4.5],
        }
    )
    pq.write_table(table, path, row_group_size=2)


def test_parquet_rows_typed_dates_and_missing_text(tmp_path: Path) -> None:
    path = tmp_path / "news.parquet"
    write_parquet(path)
    records = list(read_file(path, NAMES, MAX))
    assert [rejected(r) for r in records] == [
        Article("1", "Iraq and Russia held talks in Baghdad.", dt.date(2020, 1, 5), None, None, "Talks", f"{path}:row 1"),
        (f"{path}:row 2", "empty_text", "2"),
        Article("3", "Troops withdrew from the border.", None, None, None, None, f"{path}:row 3"),
        Article("4", "The council passed a resolution.", dt.date(2020, 1, 8), None, None, "Vote", f"{path}:row 4"),
        Article("5", "Ministers met in Moscow.", dt.date(2020, 1, 9), None, None, "Visit", f"{path}:row 5"),
    ]
    assert count_records(path) == 5


def test_parquet_row_range_spans_row_groups(tmp_path: Path) -> None:
    path = tmp_path / "news.parquet"
    write_parquet(path)
    whole = list(read_file(path, NAMES, MAX))
    assert list(read_file(path, NAMES, MAX, start=1, stop=4)) == whole[1:4]
    assert list(read_file(path, NAMES, MAX, start=4, stop=9)) == whole[4:]


def test_unreadable_parquet_is_one_rejected(tmp_path: Path) -> None:
    path = tmp_path / "broken.parquet"
    path.write_bytes(b"this is not a parquet file")
    assert [rejected(r) for r in read_file(path, NAMES, MAX)] == [(f"{path}:row 1", "unreadable", None)]
    assert [(c.start, c.stop) for c in plan_chunks([path], 10)] == [(0, 1)]


# --- HTML --------------------------------------------------------------------------------------


def test_html_main_text_and_page_metadata(tmp_path: Path) -> None:
    path = tmp_path / "talks.html"
    path.write_text(PAGE, encoding="utf-8")
    assert list(read_file(path, NAMES, MAX)) == [
        Article(article_id(None, "Daily Wire", PAGE_URL, PAGE_TEXT), PAGE_TEXT, dt.date(2020, 1, 5), "Daily Wire",
                PAGE_URL, "Iraq and Russia discuss military ties", str(path))
    ]


def test_html_sidecar_overrides_page_metadata(tmp_path: Path) -> None:
    path = tmp_path / "talks.htm"
    path.write_text(PAGE, encoding="utf-8")
    (tmp_path / "talks.meta.json").write_text(json.dumps({"id": "h1", "published": "2020-01-04", "title": "Sidecar title", "source": "Wire"}))
    assert list(read_file(path, NAMES, MAX)) == [
        Article("h1", PAGE_TEXT, dt.date(2020, 1, 4), "Wire", PAGE_URL, "Sidecar title", str(path))
    ]
    (tmp_path / "talks.meta.json").write_text("[1, 2]")
    assert [rejected(r) for r in read_file(path, NAMES, MAX)] == [(str(path), "bad_metadata", None)]


def test_html_without_text_and_dates_in_the_text_are_not_publication_dates(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_text("<html><head><title>Nothing</title></head><body></body></html>", encoding="utf-8")
    (tmp_path / "empty.meta.json").write_text(json.dumps({"id": "e1"}))
    assert [rejected(r) for r in read_file(empty, NAMES, MAX)] == [(str(empty), "no_text", "e1")]
    undated = tmp_path / "undated.html"
    undated.write_text(UNDATED_PAGE, encoding="utf-8")
    [article] = read_file(undated, NAMES, MAX)
    assert isinstance(article, Article)
    assert (article.text, article.published, article.title) == (UNDATED_TEXT, None, "Council passes resolution")


# --- WARC --------------------------------------------------------------------------------------


def write_warc(path: Path, gzipped: bool) -> list[int]:
    """request, HTML response (page dated), image response, HTML response (undated); the records' offsets."""

    def response(uri: str, body: bytes, content_type: str, date: str) -> object:
        http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        return writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict={"WARC-Date": date})

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzipped)
        request = b"GET /world/iraq-russia-talks HTTP/1.1\r\nHost: dailywire.example\r\n\r\n"
        writer.write_record(writer.create_warc_record(PAGE_URL, "request", payload=io.BytesIO(request)))
        writer.write_record(response(PAGE_URL, PAGE.encode(), "text/html; charset=utf-8", "2020-01-07T08:30:00Z"))
        writer.write_record(response("https://dailywire.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png", "2020-01-07T08:30:01Z"))
        writer.write_record(response(UNDATED_URL, UNDATED_PAGE.encode(), "text/html", "2021-03-04T23:59:59Z"))
    with path.open("rb") as handle:
        archive = ArchiveIterator(handle)
        return [archive.get_record_offset() for _ in archive]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses_are_the_records(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    offsets = write_warc(path, name.endswith(".gz"))
    assert list(read_file(path, NAMES, MAX)) == [
        # the page's own date (2020-01-05) wins over the capture date; the undated page gets WARC-Date's date
        Article(article_id(None, "Daily Wire", PAGE_URL, PAGE_TEXT), PAGE_TEXT, dt.date(2020, 1, 5), "Daily Wire",
                PAGE_URL, "Iraq and Russia discuss military ties", f"{path}:record 2@{offsets[1]}"),
        Article(article_id(None, "news.example", UNDATED_URL, UNDATED_TEXT), UNDATED_TEXT, dt.date(2021, 3, 4), "news.example",
                UNDATED_URL, "Council passes resolution", f"{path}:record 4@{offsets[3]}"),
    ]
    assert count_records(path) == 4
    assert [r.origin for r in read_file(path, NAMES, MAX, start=2, stop=4)] == [f"{path}:record 4@{offsets[3]}"]


@pytest.mark.parametrize("name", ["cut.warc", "cut.warc.gz"])
def test_truncated_warc_keeps_what_was_read(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    offsets = write_warc(path, name.endswith(".gz"))
    data = path.read_bytes()
    path.write_bytes(data[: (offsets[3] + len(data)) // 2])
    records = list(read_file(path, NAMES, MAX))
    assert [(r.origin, type(r).__name__) for r in records] == [
        (f"{path}:record 2@{offsets[1]}", "Article"),
        (f"{path}:record 4@{offsets[3]}", "Rejected"),
    ]
    assert records[1].reason == "unreadable"
    assert count_records(path) == 4


def test_file_that_is_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc.gz"
    path.write_bytes(gzip.compress(b"hello, not an archive\n"))
    assert [rejected(r) for r in read_file(path, NAMES, MAX)] == [(f"{path}:record 1@0", "unreadable", None)]
    assert count_records(path) == 1


# --- discovery and chunks ----------------------------------------------------------------------


def build_archive(root: Path) -> None:
    """One input of every format, including broken ones."""
    (root / "a.txt").write_text("Israeli jets struck Gaza on Sunday.", encoding="utf-8")
    (root / "b.html").write_text(PAGE, encoding="utf-8")
    (root / "c.jsonl").write_text("".join(json.dumps({"id": f"j{i}", "text": f"Talks number {i} were held."}) + "\n" for i in range(5)))
    (root / "d.csv.gz").write_bytes(gzip.compress(CSV_BYTES))
    write_parquet(root / "e.parquet")
    write_warc(root / "f.warc.gz", gzipped=True)
    offsets = write_warc(root / "g.warc", gzipped=False)
    (root / "g.warc").write_bytes((root / "g.warc").read_bytes()[: offsets[3] + 100])
    (root / "b.meta.json").write_text(json.dumps({"id": "b"}))
    (root / "notes.md").write_text("not an input")


def test_discover_finds_every_format(tmp_path: Path) -> None:
    build_archive(tmp_path)
    assert [f.name for f in discover([tmp_path])] == ["a.txt", "b.html", "c.jsonl", "d.csv.gz", "e.parquet", "f.warc.gz", "g.warc"]


@pytest.mark.parametrize("size", [1, 2, 3, 100])
def test_chunks_return_every_record_exactly_once(tmp_path: Path, size: int) -> None:
    build_archive(tmp_path)
    files = discover([tmp_path])
    whole = [record for path in files for record in read_file(path, NAMES, MAX)]
    chunks = plan_chunks(files, size)
    chunked = [record for chunk in chunks for record in read_chunk(chunk, NAMES, MAX)]
    origins = [r.origin for r in chunked]
    assert len(origins) == len(set(origins)) == 2 + 5 + 6 + 5 + 2 + 2
    assert sorted(chunked, key=lambda r: r.origin) == sorted(whole, key=lambda r: r.origin)
    assert len({c.key for c in chunks}) == len(chunks)
