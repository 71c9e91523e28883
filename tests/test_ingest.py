"""Reading and cleaning: furniture is not text, sidecars give metadata, bad records are rejected with a reason."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from pipeline.engine import code_mentions
from pipeline.errors import UsageError
from pipeline.ingest.chunks import plan_chunks, read_chunk
from pipeline.ingest.clean import clean_text, repair_joins
from pipeline.ingest.discover import discover
from pipeline.ingest.readers import article_id, read_file
from pipeline.records import Article, Rejected

ROOT = Path(__file__).resolve().parent.parent
NAMES = frozenset({"Baghdad", "Washington", "Iraq", "US"})


def test_seed_cleaning_drops_furniture_and_keeps_every_sentence() -> None:
    raw = (ROOT / "seeds" / "weekend-herald-iraq-russia.txt").read_text(encoding="utf-8")
    cleaned = clean_text(raw, NAMES, source="Weekend Herald")
    assert cleaned.title == "Iraq eyes deeper military ties with Russia"
    assert cleaned.text.startswith("Iraq and Russia discussed prospects")
    assert cleaned.text.endswith("“in a period of turbulence”.")
    for furniture in ("Newspapers in English", "Newspapers from New Zealand", "-AP", "Weekend Herald"):
        assert furniture not in cleaned.text
    assert "\n-\n" not in cleaned.text
    assert "Baghdad-Washington relations" in cleaned.text and "Iraq-US military relations" in cleaned.text


def test_repair_joins_needs_both_halves_known() -> None:
    assert repair_joins("IraqUS ties and BaghdadWashington", NAMES) == "Iraq-US ties and Baghdad-Washington"
    assert repair_joins("Frank McKenzie and AbdulMahdi", NAMES) == "Frank McKenzie and AbdulMahdi"


def test_dateline_and_agency_credit_are_removed() -> None:
    cleaned = clean_text("BAGHDAD (AP) — Iraq and Russia held talks.\n\nThey met again. (Reuters)", frozenset())
    assert cleaned.text.startswith("Iraq and Russia held talks.")
    assert clean_text("Troops withdrew on Friday. -AP", frozenset()).text == "Troops withdrew on Friday."



def test_a_dateline_starting_an_indented_paragraph_of_a_digest_is_removed() -> None:
    digest = "Reagan ordered a review of embassy security.\n    BAHRAIN - Iranian forces renewed their assault on\nIraqi lines."
    assert clean_text(digest, frozenset()).text == "Reagan ordered a review of embassy security. Iranian forces renewed their assault on Iraqi lines."
    assert "NATO - the alliance" in clean_text("Allies met.\nNATO - the alliance - grew.", frozenset()).text


def test_txt_with_sidecar(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Israeli jets struck Gaza on Sunday.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"id": "a1", "published": "2021-05-10", "source": "Wire", "url": "http://x"}))
    [record] = list(read_file(tmp_path / "a.txt", NAMES, 10_000))
    assert isinstance(record, Article)
    assert (record.id, record.published, record.source, record.url) == ("a1", dt.date(2021, 5, 10), "Wire", "http://x")


def test_txt_without_sidecar_gets_a_content_id_and_no_date(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Israeli jets struck Gaza on Sunday.", encoding="utf-8")
    [record] = list(read_file(tmp_path / "b.txt", NAMES, 10_000))
    assert isinstance(record, Article) and record.published is None
    assert record.id == article_id(None, None, None, "Israeli jets struck Gaza on Sunday.")


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "1", "text": "Iran and Iraq held talks.", "published": "2020-01-02T10:00:00Z", "source": "S"}),
        "{not json",
        json.dumps({"id": "3", "text": "   "}),
        json.dumps({"id": "4", "text": "Talks were held.", "published": "yesterday-ish"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "6", "text": "x" * 500}),
        "",
    ]
    path = tmp_path / "batch.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    records = list(read_file(path, NAMES, 200))
    reasons = [r.reason if isinstance(r, Rejected) else "ok" for r in records]
    assert reasons == ["ok", "invalid_json", "empty_text", "bad_date", "invalid_record", "too_large"]
    assert records[0].published == dt.date(2020, 1, 2)
    assert records[1].origin.endswith("batch.jsonl.gz:2")


def test_truncated_gzip_is_reported_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl.gz"
    data = gzip.compress(("\n".join(json.dumps({"id": str(i), "text": "Talks were held. " * 50}) for i in range(50)) + "\n").encode())
    path.write_bytes(data[: len(data) // 2])
    records = list(read_file(path, NAMES, 10_000))
    assert isinstance(records[-1], Rejected) and records[-1].reason == "unreadable"
    assert all(isinstance(r, Article) for r in records[:-1])


def test_undecodable_text_file(tmp_path: Path) -> None:
    (tmp_path / "c.txt").write_bytes(b"\xff\xfe\x00bad")
    [record] = list(read_file(tmp_path / "c.txt", NAMES, 10_000))
    assert isinstance(record, Rejected) and record.reason == "undecodable"


def test_discover_and_chunks(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("a.txt", "sub/b.txt", "c.jsonl", "a.meta.json", "notes.md"):
        (tmp_path / name).write_text("{}\n" * 5 if name.endswith("jsonl") else "Text.", encoding="utf-8")
    files = discover([tmp_path])
    assert [f.name for f in files] == ["a.txt", "c.jsonl", "b.txt"]
    chunks = plan_chunks(files, 2)
    assert [(len(c.paths), c.start, c.stop) for c in chunks] == [(2, 0, None), (1, 0, 2), (1, 2, 4), (1, 4, 5)]
    assert len({c.key for c in chunks}) == len(chunks)
    assert sum(len(list(read_chunk(c, NAMES, 1000))) for c in chunks) == 2 + 5


def test_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="input not found"):
        discover([tmp_path / "nope"])


def test_photo_captions_and_credits_are_not_text() -> None:
    raw = (
        "Troops withdrew from the town on Friday.\n\n"
        "Photograph: Smoke rises over the town after the strikes.\n\n"
        "Residents returned on Saturday. Photograph: Ahmad al-Rubaye/AFP/Getty Images"
    )
    assert clean_text(raw, frozenset()).text == "Troops withdrew from the town on Friday.\n\nResidents returned on Saturday."


def test_calls_to_action_are_not_text() -> None:
    raw = (
        "Iraq and Russia held talks in Baghdad.\n\n"
        "Read more Guardian letters – click here to visit gu.com/letters\n\n"
        "Sign up to our morning briefing\n\n"
        "Read more about the visit, officials said, was planned for weeks."
    )
    assert clean_text(raw, frozenset()).text == (
        "Iraq and Russia held talks in Baghdad.\n\nRead more about the visit, officials said, was planned for weeks."
    )


def test_bulleted_calls_to_action_are_not_text() -> None:
    raw = (
        "They should ask if such action helped. Kevin Bannon London • Join the debate – email letters@example.com "
        "• Read more Guardian letters – click here to visit gu.com/letters • Do you have a photo you’d like to share?"
    )
    assert clean_text(raw, frozenset()).text == "They should ask if such action helped. Kevin Bannon London"


def test_words_capitalised_after_dotted_abbreviations_get_their_case_back(engine) -> None:
    """Reuters-21578 capitalises the word after 'U.S.': the parser must see 'attack', not a name."""
    text = (
        "France welcomed the U.S. Attack on an Iranian platform. Four U.S. Destroyers shelled an Iranian oil rig. "
        "The U.S. And Japan met. U.S. Agriculture Secretary Lyng spoke to the U.S. Congress on Monday."
    )
    assert [s.text for s in engine.splitter.split(text)] == [
        "France welcomed the U.S. attack on an Iranian platform.",
        "Four U.S. destroyers shelled an Iranian oil rig.",
        "The U.S. and Japan met.",
        "U.S. Agriculture Secretary Lyng spoke to the U.S. Congress on Monday.",
    ]
    mentions = code_mentions(engine, [Article(id="r", text=text, published=dt.date(1987, 10, 20))])[0][1]
    assert [(m.event_type, m.source and m.source.code) for m in mentions][:2] == [("strike", "USA"), ("strike", "USAMIL")]


def test_the_first_line_of_hard_wrapped_wire_copy_is_not_a_headline() -> None:
    raw = "The U.S. House Agriculture Committee\napproved two resolutions on trade\nwith Canada on Tuesday.\n    Both now go to the Senate floor."
    cleaned = clean_text(raw, frozenset(), title="PANEL OPPOSES CANADA RULING")
    assert cleaned.text.startswith("The U.S. House Agriculture Committee approved two resolutions")
    assert clean_text(raw, frozenset()).text.startswith("The U.S. House Agriculture Committee approved")
    repeated = clean_text("Panel opposes Canada ruling\nThe committee approved two resolutions.", frozenset(), title="PANEL OPPOSES CANADA RULING")
    assert repeated.text == "The committee approved two resolutions."
