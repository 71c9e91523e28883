"""Web pages (`.html`, `.htm`, and the HTML responses of a WARC): main text and metadata via trafilatura.

Navigation, footers and comments are not article text; trafilatura keeps the main content and reads
the title, publication date, canonical URL and site name from the page's own markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import trafilatura

from pipeline.ingest.build import EXCERPT_CHARS, build_record, read_sidecar, record_id
from pipeline.records import Article, Rejected


@dataclass(frozen=True, slots=True)
class Page:
    """What trafilatura found in a page: its main text (None when there is none) and metadata."""

    text: str | None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None

    def fields(self) -> dict[str, str]:
        """The metadata found, as record fields (missing ones left out so they do not hide a fallback)."""
        found = {"title": self.title, "published": self.published, "url": self.url, "source": self.source}
        return {key: value for key, value in found.items() if value}


def extract_page(html: bytes, url: str | None = None) -> Page:
    """Main text and metadata of an HTML document; `url` (where it was fetched) helps date and name it.

    Paragraphs are separated by blank lines so that cleaning sees them as paragraphs (headline, dateline).
    """
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        # Publication date from the page's markup (then its URL) only: the default extensive search
        # also takes dates mentioned in the text, which are event dates, not publication dates.
        date_extraction_params={"original_date": True, "extensive_search": False, "deferred_url_extractor": True},
    )
    if document is None:
        return Page(None)
    paragraphs = [line.strip() for line in (document.text or "").splitlines() if line.strip()]
    return Page("\n\n".join(paragraphs) or None, document.title, document.date, document.url, document.sitename)


def html_record(
    origin: str,
    html: bytes,
    known_names: frozenset[str],
    max_chars: int,
    given: Mapping[str, Any],
    fallback: Mapping[str, Any] | None = None,
    url: str | None = None,
) -> Article | Rejected:
    """An Article from an HTML document. Metadata: `given` (sidecar, WARC URI) over the page's own over `fallback`."""
    page = extract_page(html, url)
    if page.text is None:
        excerpt = html[:EXCERPT_CHARS].decode("utf-8", "replace")
        return Rejected(origin, "no_text", "no article text found in the page", record_id(given), excerpt)
    return build_record(origin, {**(fallback or {}), **page.fields(), **given}, page.text, known_names, max_chars)


def read_html(path: Path, known_names: frozenset[str], max_chars: int) -> Article | Rejected:
    """One page, one record; a `NAME.meta.json` sidecar overrides what the page says about itself."""
    origin = str(path)
    try:
        html = path.read_bytes()
    except OSError as exc:
        return Rejected(origin, "unreadable", str(exc))
    try:
        meta = read_sidecar(path)
    except ValueError as exc:
        return Rejected(origin, "bad_metadata", str(exc), excerpt=html[:EXCERPT_CHARS].decode("utf-8", "replace"))
    return html_record(origin, html, known_names, max_chars, meta)
