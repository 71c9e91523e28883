"""Turn coded mentions and rejected records into rows of the output schemas."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

from pipeline.codebook.cameo import CameoCode
from pipeline.output.events import event_id
from pipeline.records import Actor, Article, Mention, Rejected


def mention_id(mention: Mention) -> str:
    """Stable across runs and codebook versions: the same trigger in the same sentence keeps its id (a trigger's
    further events, one per attacker of a compound side, add their number)."""
    key = f"{mention.article_id}\x1f{mention.sentence_index}\x1f{mention.trigger_start}\x1f{mention.event_type}"
    if mention.part:
        key += f"\x1f{mention.part}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def _actor(prefix: str, actor: Actor | None) -> dict[str, Any]:
    return {
        f"{prefix}_actor": actor.code if actor else None,
        f"{prefix}_country": actor.country if actor else None,
        f"{prefix}_actor_name": actor.text or None if actor else None,
    }


def mention_rows(
    article: Article,
    mentions: Iterable[Mention],
    cameo: Mapping[str, CameoCode],
    codebook_version: str,
    model: str,
    coded_at: dt.datetime,
    reciprocal: frozenset[str],
) -> list[dict[str, Any]]:
    """One output row per mention, with CAMEO attributes looked up, its event id, and run metadata."""
    rows = []
    for m in mentions:
        code = cameo[m.cameo_code]
        event_date = m.date.date
        rows.append(
            {
                "mention_id": mention_id(m),
                "event_id": event_id(
                    m.event_type,
                    code.root,
                    event_date,
                    m.source.key if m.source else None,
                    m.target.key if m.target else None,
                    m.article_id,
                    m.event_type in reciprocal,
                ),
                "article_id": m.article_id,
                "sentence_index": m.sentence_index,
                "sentence": m.sentence,
                "trigger": m.trigger,
                "trigger_start": m.trigger_start,
                "event_type": m.event_type,
                "cameo_code": m.cameo_code,
                "cameo_root": code.root,
                "quad_class": code.quad_class,
                "goldstein": code.goldstein,
                "modality": m.modality,
                "is_reference": m.is_reference,
                **_actor("source", m.source),
                **_actor("target", m.target),
                "event_date": event_date,
                "date_precision": m.date.precision,
                "date_source": m.date.source,
                "date_text": m.date.text,
                "published": article.published,
                "source_name": article.source,
                "url": article.url,
                "title": article.title,
                "rule_id": m.rule_id,
                "codebook_version": codebook_version,
                "model": model,
                "coded_at": coded_at,
                "year": event_date.year if event_date else 0,
                "month": event_date.month if event_date else 0,
            }
        )
    return rows


def quarantine_rows(rejected: Iterable[Rejected], when: dt.datetime) -> list[dict[str, Any]]:
    return [
        {
            "origin": r.origin,
            "reason": r.reason,
            "message": r.message,
            "article_id": r.article_id,
            "excerpt": r.excerpt,
            "quarantined_at": when,
        }
        for r in rejected
    ]
