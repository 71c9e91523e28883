"""One reader per input format; each yields Article or Rejected records, never raises on bad content.

Formats: plain text (`.txt`, with an optional `NAME.meta.json` sidecar) and JSON Lines (`.jsonl`,
`.jsonl.gz`: `id`, `text`, `published`, optional `title`, `source`, `url`).
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import itertools
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from pipeline.ingest.clean import clean_text
from pipeline.records import Article, Rejected

EXCERPT_CHARS = 200


def is_jsonl(path: Path) -> bool:
    return path.name.lower().endswith((".jsonl", ".jsonl.gz"))


def open_binary(path: Path) -> BinaryIO:
    """The file's bytes, decompressed when it ends in .gz."""
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")


def read_file(
    path: Path, known_names: frozenset[str], max_chars: int, start: int = 0, stop: int | None = None
) -> Iterator[Article | Rejected]:
    """Records of one input file, in order; for JSON Lines only lines `start` to `stop` (0-based, exclusive)."""
    if is_jsonl(path):
        yield from _read_jsonl(path, known_names, max_chars, start, stop)
    else:
        yield _read_txt(path, known_names, max_chars)


def parse_published(value: Any) -> dt.date | None:
    """ISO date or datetime (with or without zone) to a date; None for a missing value; ValueError if unparseable."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"published must be an ISO date string, got {type(value).__name__}")
    text = value.strip().replace("Z", "+00:00")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return dt.datetime.fromisoformat(text).date()


def article_id(given: Any, source: str | None, url: str | None, text: str) -> str:
    """The record's own id, else a hash of (source, url, normalised text): the same article gets the same id."""
    if given not in (None, ""):
        return str(given)
    digest = hashlib.sha256("\x1f".join([source or "", url or "", " ".join(text.split())]).encode("utf-8"))
    return digest.hexdigest()[:16]


def _build(
    origin: str, record: Mapping[str, Any], raw_text: Any, known_names: frozenset[str], max_chars: int
) -> Article | Rejected:
    """Validate one record's fields and clean its text."""
    given_id = record.get("id")
    ident = str(given_id) if given_id not in (None, "") else None
    if not isinstance(raw_text, str) or not raw_text.strip():
        return Rejected(origin, "empty_text", "the record has no text", ident)
    if len(raw_text) > max_chars:
        return Rejected(origin, "too_large", f"{len(raw_text)} characters exceeds the limit of {max_chars}", ident, raw_text[:EXCERPT_CHARS])
    try:
        published = parse_published(record.get("published"))
    except ValueError as exc:
        return Rejected(origin, "bad_date", f"unparseable published date {record.get('published')!r}: {exc}", ident, raw_text[:EXCERPT_CHARS])
    source, url, title = (_text_field(record, key) for key in ("source", "url", "title"))
    cleaned = clean_text(raw_text, known_names, source=source, title=title)
    if not cleaned.text.strip():
        return Rejected(origin, "empty_text", "nothing left after removing page furniture", ident, raw_text[:EXCERPT_CHARS])
    return Article(
        id=article_id(given_id, source, url, cleaned.text),
        text=cleaned.text,
        published=published,
        source=source,
        url=url,
        title=cleaned.title,
        origin=origin,
    )


def _text_field(record: Mapping[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    return str(value).strip() or None


def _read_txt(path: Path, known_names: frozenset[str], max_chars: int) -> Article | Rejected:
    origin = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Rejected(origin, "unreadable", str(exc))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Rejected(origin, "undecodable", f"not UTF-8: {exc}", excerpt=raw[:EXCERPT_CHARS].decode("latin-1"))
    meta: dict[str, Any] = {}
    sidecar = path.with_name(path.name[: -len(".txt")] + ".meta.json")
    if sidecar.is_file():
        try:
            loaded = json.loads(sidecar.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            return Rejected(origin, "bad_metadata", f"{sidecar.name}: {exc}", excerpt=text[:EXCERPT_CHARS])
        if not isinstance(loaded, dict):
            return Rejected(origin, "bad_metadata", f"{sidecar.name} must hold a JSON object", excerpt=text[:EXCERPT_CHARS])
        meta = loaded
    return _build(origin, meta, text, known_names, max_chars)


def _read_jsonl(
    path: Path, known_names: frozenset[str], max_chars: int, start: int, stop: int | None
) -> Iterator[Article | Rejected]:
    line_no = start
    try:
        with open_binary(path) as handle:
            for line_no, line in enumerate(itertools.islice(handle, start, stop), start=start + 1):
                origin = f"{path}:{line_no}"
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                    yield Rejected(origin, "invalid_json", str(exc), excerpt=line[:EXCERPT_CHARS].decode("utf-8", "replace"))
                    continue
                if not isinstance(record, dict):
                    yield Rejected(origin, "invalid_record", "a line must hold a JSON object")
                    continue
                yield _build(origin, record, record.get("text"), known_names, max_chars)
    except (OSError, EOFError, zlib.error) as exc:
        yield Rejected(f"{path}:{line_no + 1}", "unreadable", f"reading stopped: {exc}")
