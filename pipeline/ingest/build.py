"""What every reader shares: one record's fields validated and its text cleaned into an Article or Rejected.

Readers only find records and their fields; validation lives here once, so every format rejects bad
records for the same reasons and gives the same article the same id.
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import hashlib
import importlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, BinaryIO

from spacy.lang.en.stop_words import STOP_WORDS

from pipeline.ingest.clean import clean_text
from pipeline.records import Article, Rejected

EXCERPT_CHARS = 200


def open_binary(path: Path) -> BinaryIO:
    """The file's bytes, decompressed when it ends in .gz."""
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")


def parse_published(value: Any) -> dt.date | None:
    """ISO date or datetime string (with or without zone), or a date/datetime (typed columns), to a date.

    None for a missing value; ValueError if unparseable.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
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


def record_id(record: Mapping[str, Any]) -> str | None:
    """The id the record gives itself, if any: rejections carry it so they can be traced back."""
    given = record.get("id")
    return str(given) if given not in (None, "") else None


def build_record(
    origin: str, record: Mapping[str, Any], raw_text: Any, known_names: frozenset[str], max_chars: int
) -> Article | Rejected:
    """Validate one record's fields (`id`, `published`, `source`, `url`, `title`) and clean its text."""
    given_id, ident = record.get("id"), record_id(record)
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
    if not looks_english(cleaned.text):
        return Rejected(origin, "not_english", "the text does not read as English (too few English function words)", ident, raw_text[:EXCERPT_CHARS])
    return Article(
        id=article_id(given_id, source, url, cleaned.text),
        text=cleaned.text,
        published=published,
        source=source,
        url=url,
        title=cleaned.title,
        origin=origin,
    )


MIN_WORDS_FOR_LANGUAGE = 20
FOREIGN_SHARE = 0.1
MIN_DISTINCT = 4  # one repeated word ("net" in a Dutch list, in a table of figures) is not a language
OTHER_LANGUAGES = ("de", "fr", "es", "it", "pt", "nl")


@functools.cache
def _foreign_stop_words() -> dict[str, frozenset[str]]:
    """Function words of other common news languages that are not English ones (loaded on first use)."""
    found = {}
    for code in OTHER_LANGUAGES:
        module = importlib.import_module(f"spacy.lang.{code}.stop_words")
        found[code] = frozenset(module.STOP_WORDS) - STOP_WORDS
    return found


def looks_english(text: str) -> bool:
    """False for text mostly in a non-Latin script, or with more function words of another language
    than of English; tables of figures and short texts pass (they are English enough to be coded)."""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isascii() or "À" <= c <= "ɏ" for c in letters) / len(letters) < 0.5:
        return False
    words = [w.strip(".,;:!?\"'()“”‘’«»").lower() for w in text.split()]
    words = [w for w in words if w.isalpha()]
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return True
    english = sum(w in STOP_WORDS for w in words)
    for stops in _foreign_stop_words().values():
        foreign = [w for w in words if w in stops]
        if len(foreign) > english and len(foreign) >= FOREIGN_SHARE * len(words) and len(set(foreign)) >= MIN_DISTINCT:
            return False
    return True


def _text_field(record: Mapping[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    return str(value).strip() or None


def read_sidecar(path: Path) -> dict[str, Any]:
    """Metadata from the `NAME.meta.json` next to `NAME.txt` or `NAME.html` ({} when there is none).

    ValueError says what is wrong with a sidecar that exists but cannot be used.
    """
    sidecar = path.with_suffix(".meta.json")
    if not sidecar.is_file():
        return {}
    try:
        loaded = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{sidecar.name}: {exc}") from exc
    if not isinstance(loaded, dict):
        raise ValueError(f"{sidecar.name} must hold a JSON object")
    return loaded
