"""Web archives (`.warc`, `.warc.gz`): each successful HTML response is one article, read like an HTML file.

Requests, metadata, revisits and non-HTML responses (images, scripts) are not records. A WARC is read
in ranges of record numbers (all WARC records count, so numbering never depends on content); record N
is `FILE:record N@OFFSET` (N from 1, OFFSET the byte where it starts, as `warcio extract` takes it).
"""

from __future__ import annotations

import itertools
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.limitreader import LimitReader
from warcio.recordloader import ArcWarcRecord

from pipeline.ingest.html import html_record
from pipeline.records import Article, Rejected

HTML_TYPES = ("text/html", "application/xhtml+xml")
WARC_READ_ERRORS = (ArchiveLoadFailed, OSError, EOFError, zlib.error)


@dataclass(frozen=True, slots=True)
class _Entry:
    """One WARC record and where it starts; `record` is None (and `problem` set) where the archive breaks."""

    offset: int
    record: ArcWarcRecord | None = None
    payload: bytes | None = None  # the decoded HTTP body, for the records the caller wanted
    problem: str | None = None


def _scan(path: Path, wanted: Callable[[int, ArcWarcRecord], bool]) -> Iterator[_Entry]:
    """Every record in order, ending with one broken entry if the archive is truncated or corrupt.

    warcio stops quietly at a truncated record, so completeness is checked here: a record must hold
    every byte its Content-Length declares, and the last record must end where the file ends.
    """
    offset = 0  # where the next record starts
    try:
        with path.open("rb") as handle:
            archive = ArchiveIterator(handle)
            for index, record in enumerate(_records(archive)):
                payload = record.content_stream().read() if wanted(index, record) else None
                archive.read_to_end()
                if not _complete(record):
                    yield _Entry(offset, problem="record cut short (fewer bytes than its Content-Length)")
                    return
                yield _Entry(offset, record, payload)
                offset = archive.offset
            if offset < path.stat().st_size:
                yield _Entry(offset, problem="truncated or corrupt data after the last complete record")
    except WARC_READ_ERRORS as exc:
        yield _Entry(offset, problem=" ".join(str(exc).split()) or type(exc).__name__)


def _records(archive: ArchiveIterator) -> Iterator[ArcWarcRecord]:
    """warcio's records, with its AttributeError on a header cut before WARC-Target-URI made an ArchiveLoadFailed."""
    records = iter(archive)
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except AttributeError as exc:
            raise ArchiveLoadFailed(f"incomplete record header ({exc})") from exc
        yield record


def _complete(record: ArcWarcRecord) -> bool:
    """The record declared a valid Content-Length and the stream gave all of it (read to its end first)."""
    declared = record.rec_headers.get_header("Content-Length") or ""
    stream = record.raw_stream
    return declared.strip().isdigit() and isinstance(stream, LimitReader) and stream.limit == 0


def _is_html_response(record: ArcWarcRecord) -> bool:
    """A successful HTTP response with an HTML body: redirects and error pages are not articles."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    mime = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return status.startswith("2") and mime in HTML_TYPES


def read_warc(path: Path, known_names: frozenset[str], max_chars: int, start: int, stop: int | None) -> Iterator[Article | Rejected]:
    """HTML responses among records `start` to `stop` (0-based, stop exclusive), then the break if one is there.

    URL from WARC-Target-URI; date from the page's own metadata, else WARC-Date (the capture time).
    """
    entries = _scan(path, lambda index, record: index >= start and _is_html_response(record))
    for index, entry in itertools.islice(enumerate(entries), start, stop):
        origin = f"{path}:record {index + 1}@{entry.offset}"
        if entry.record is None:
            yield Rejected(origin, "unreadable", f"reading stopped: {entry.problem}")
        elif entry.payload is not None:
            headers = entry.record.rec_headers
            uri = headers.get_header("WARC-Target-URI")
            given = {"url": uri} if uri else {}
            yield html_record(origin, entry.payload, known_names, max_chars, given, {"published": headers.get_header("WARC-Date")}, uri)


def count_warc_records(path: Path) -> int:
    """WARC records (headers only; payloads are skipped), plus one for a break the reader will report."""
    return sum(1 for _ in _scan(path, lambda index, record: False))
