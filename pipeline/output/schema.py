"""The one definition of each output table: column names, Arrow types and descriptions.

Descriptions are stored in the Parquet field metadata, so `eventcoder schema` and any Parquet reader
can show the data dictionary. Every write is cast to these schemas.
"""

from __future__ import annotations

import pyarrow as pa


def _field(name: str, kind: pa.DataType, description: str, nullable: bool = True) -> pa.Field:
    return pa.field(name, kind, nullable=nullable, metadata={"description": description})


MENTIONS = pa.schema(
    [
        _field("mention_id", pa.string(), "Stable id of this row: hash of article, sentence, trigger position and event type (and, for a compound side's further attackers, their number).", False),
        _field("event_id", pa.string(), "Id of the deduplicated event (OUT/events) this mention belongs to.", False),
        _field("article_id", pa.string(), "Id of the article (the record's id, else a hash of source, url and text).", False),
        _field("sentence_index", pa.int32(), "0-based position of the sentence in the cleaned article text.", False),
        _field("sentence", pa.string(), "The sentence the event was coded from.", False),
        _field("trigger", pa.string(), "The word the matching rule anchored on (e.g. 'strike', 'met').", False),
        _field("trigger_start", pa.int32(), "Character offset of the trigger in the sentence.", False),
        _field("event_type", pa.string(), "strike | meeting | resolution | invitation.", False),
        _field("cameo_code", pa.string(), "CAMEO 1.1b3 event code, leading zeros kept (e.g. '036', '195').", False),
        _field("cameo_root", pa.string(), "Two-digit CAMEO root of cameo_code (e.g. '19').", False),
        _field("quad_class", pa.int8(), "GDELT quad class: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict.", False),
        _field("goldstein", pa.float32(), "Goldstein scale score of cameo_code (-10 to +10).", False),
        _field("modality", pa.string(), "asserted, or planned (an announced or agreed event; meetings then code 036).", False),
        _field("is_reference", pa.bool_(), "True when the sentence refers back to an event already reported (the attack, the talks).", False),
        _field("source_actor", pa.string(), "CAMEO actor code of the source (country + role, e.g. USAMIL; IGO...); null if uncoded."),
        _field("source_country", pa.string(), "ISO-3 country of the source actor; null for IGOs and uncoded actors."),
        _field("source_actor_name", pa.string(), "Words naming the source in the text, kept even when uncoded; those of another mention of the event when taken from it; null when the article pass inferred the actor from no words."),
        _field("target_actor", pa.string(), "CAMEO actor code of the target; null if uncoded."),
        _field("target_country", pa.string(), "ISO-3 country of the target actor; null for IGOs and uncoded actors."),
        _field("target_actor_name", pa.string(), "Words naming the target in the text, kept even when uncoded; those of another mention of the event when taken from it; null when the article pass inferred the actor from no words."),
        _field("event_date", pa.date32(), "When the event happened, as resolved (see date_source); null only if no date at all."),
        _field("date_precision", pa.string(), "day | week | month | year: how exact event_date is."),
        _field("date_source", pa.string(), "explicit (a date in the text) | relative (yesterday, on Tuesday) | linked (another mention of the same event) | publication | none.", False),
        _field("date_text", pa.string(), "The words the date came from, or null."),
        _field("published", pa.date32(), "Publication date of the article, if known."),
        _field("source_name", pa.string(), "Outlet that published the article."),
        _field("url", pa.string(), "URL of the article, if known."),
        _field("title", pa.string(), "Headline of the article, if known."),
        _field("rule_id", pa.string(), "Id of the codebook rule (or refinement) that produced the row.", False),
        _field("codebook_version", pa.string(), "Codebook version and content hash that produced the row.", False),
        _field("model", pa.string(), "spaCy model name and version that parsed the sentence.", False),
        _field("coded_at", pa.timestamp("us", tz="UTC"), "When the row was coded.", False),
        _field("year", pa.int16(), "Partition column: year of event_date; 0 when event_date is null.", False),
        _field("month", pa.int8(), "Partition column: month of event_date; 0 when event_date is null.", False),
    ],
    metadata={"table": "mentions", "description": "One row per coded event per sentence."},
)

QUARANTINE = pa.schema(
    [
        _field("origin", pa.string(), "File (and line) the record came from.", False),
        _field("reason", pa.string(), "Short reason code: empty_text, invalid_json, bad_date, too_large, unreadable, ...", False),
        _field("message", pa.string(), "What was wrong, in words.", False),
        _field("article_id", pa.string(), "The record's id, if it had one."),
        _field("excerpt", pa.string(), "The first characters of the record, for inspection."),
        _field("quarantined_at", pa.timestamp("us", tz="UTC"), "When the record was set aside.", False),
    ],
    metadata={"table": "quarantine", "description": "Input records that could not be coded, with the reason."},
)

EVENTS = pa.schema(
    [
        _field("event_id", pa.string(), "Stable id: hash of type, CAMEO root, date and actor keys (see README: dedup key).", False),
        _field("event_date", pa.date32(), "When the event happened (the most precise date its mentions give)."),
        _field("date_precision", pa.string(), "day | week | month | year."),
        _field("event_type", pa.string(), "strike | meeting | resolution | invitation.", False),
        _field("cameo_code", pa.string(), "Most specific CAMEO code among the mentions.", False),
        _field("cameo_root", pa.string(), "Two-digit CAMEO root.", False),
        _field("quad_class", pa.int8(), "GDELT quad class (1-4).", False),
        _field("goldstein", pa.float32(), "Goldstein score of cameo_code.", False),
        _field("source_actor", pa.string(), "Most specific source actor code among the mentions."),
        _field("source_country", pa.string(), "ISO-3 country of the source actor."),
        _field("target_actor", pa.string(), "Most specific target actor code among the mentions."),
        _field("target_country", pa.string(), "ISO-3 country of the target actor."),
        _field("num_mentions", pa.int32(), "Sentences reporting the event.", False),
        _field("num_articles", pa.int32(), "Articles reporting the event.", False),
        _field("num_sources", pa.int32(), "Outlets reporting the event.", False),
        _field("first_seen", pa.date32(), "Publication date of the earliest article reporting the event."),
        _field("source_urls", pa.list_(pa.string()), "URLs of the articles reporting the event, earliest report first.", False),
        _field("is_root_event", pa.bool_(), "True if some article reports it in its first three sentences.", False),
        _field("year", pa.int16(), "Partition column: year of event_date; 0 when event_date is null.", False),
        _field("month", pa.int8(), "Partition column: month of event_date; 0 when event_date is null.", False),
    ],
    metadata={"table": "events", "description": "One row per deduplicated event, GDELT 2.0 style."},
)

PARTITIONING = pa.schema([MENTIONS.field("year"), MENTIONS.field("month")])
TABLES = {"mentions": MENTIONS, "events": EVENTS, "quarantine": QUARANTINE}


def describe(schema: pa.Schema) -> list[tuple[str, str, str]]:
    """(column, type, description) for each column: the data dictionary."""
    return [(f.name, str(f.type), (f.metadata or {}).get(b"description", b"").decode()) for f in schema]
