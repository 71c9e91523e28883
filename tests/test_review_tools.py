"""The reviewer's commands: evaluate against a gold file, review a sample, diff two codebooks."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.errors import UsageError
from pipeline.evaluate import evaluate, load_gold
from pipeline.records import Article
from pipeline.review import read_sample, review, to_html, to_markdown
from pipeline.settings import default_codebook_dir

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = [
    {"id": "s1", "text": "Israeli jets struck Gaza on Sunday. Iran and Iraq held talks in Baghdad.", "published": "2021-05-10"},
    {"id": "s2", "text": "Workers went on strike at the port. The board passed a resolution.", "published": "2021-05-11"},
]


@pytest.fixture()
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "sample.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in SAMPLE) + "\n", encoding="utf-8")
    return path


def test_evaluate_scores_types_rules_and_confusion(engine, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    records = [
        {"id": "a", "text": "Israeli jets struck Gaza on Sunday.", "published": "2021-05-10",
         "events": [{"type": "strike", "cameo": "195", "source": "ISR", "target": "PSE", "source_role": "MIL", "target_role": "GOV"}]},
        {"id": "b", "text": "Workers went on strike.", "published": None, "events": []},
        {"id": "c", "text": "Iran and Iraq held talks in Baghdad.", "published": None,
         "events": [{"type": "invitation", "cameo": "036", "source": "IRN", "target": "IRQ"}]},
    ]
    gold.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    report = evaluate(engine, load_gold(gold))
    strike = report["types"]["strike"]
    assert (strike["tp"], strike["fp"], strike["fn"]) == (1, 0, 0)
    assert strike["cameo_agreement"] == 1.0 and strike["actor_agreement"] == 1.0
    assert strike["role_agreement"] == 0.5  # "Israeli jets" is ISRMIL; "Gaza" is a place, not its government
    assert report["overall"]["role_agreement"] == 0.5 and report["types"]["meeting"]["role_agreement"] is None
    assert report["confusion"]["invitation -> meeting"] == 1
    assert report["types"]["meeting"]["precision"] == 0.0 and report["types"]["invitation"]["recall"] == 0.0
    assert report["rules"]["strike.verb.aerial"]["precision"] == 1.0


def test_evaluate_compares_the_bare_igo_code_of_a_body_cameo_has_no_code_for(engine, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    record = {"id": "ico", "text": "Brazil held talks with the International Coffee Organization in London on Monday.",
              "published": "1987-03-10", "events": [{"type": "meeting", "cameo": "040", "source": "BRA", "target": "IGO"}]}
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert evaluate(engine, load_gold(gold))["overall"]["actor_agreement"] == 1.0


def test_evaluate_in_context_codes_each_sentence_inside_its_article(engine, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    record = {"id": "art-1#1", "text": "He met Erdogan in Ankara on Monday.", "published": "2021-05-10",
              "events": [{"type": "meeting", "cameo": "040", "source": "RUS", "target": "TUR"}]}
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    article = Article(id="art-1", text="Russian President Vladimir Putin flew to Turkey. He met Erdogan in Ankara on Monday.",
                      published=dt.date(2021, 5, 10))
    alone = evaluate(engine, load_gold(gold))
    inside = evaluate(engine, load_gold(gold), [article])
    assert alone["in_context"] == 0 and inside["in_context"] == 1
    assert alone["overall"]["actor_agreement"] == 0.5  # "he" is nobody without the sentence before
    assert inside["overall"]["actor_agreement"] == 1.0 and inside["overall"]["tp"] == 1


def test_evaluate_command_takes_the_context_archive(tmp_path: Path) -> None:
    gold, archive = tmp_path / "gold.jsonl", tmp_path / "archive.jsonl"
    gold.write_text(json.dumps({"id": "art-1#1", "text": "He met Erdogan in Ankara on Monday.", "published": "2021-05-10",
                                "events": [{"type": "meeting", "cameo": "040", "source": "RUS", "target": "TUR"}]}) + "\n")
    archive.write_text(json.dumps({"id": "art-1", "published": "2021-05-10",
                                   "text": "Russian President Vladimir Putin flew to Turkey. He met Erdogan in Ankara on Monday."}) + "\n")
    result = CliRunner().invoke(app, ["evaluate", str(gold), "--context", str(archive)])
    assert result.exit_code == 0, result.output
    assert "1 records (1 coded inside their articles)" in result.output


def test_bad_gold_line_names_the_line(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "text": "x", "events": []}\n{"id": "b"}\n', encoding="utf-8")
    with pytest.raises(UsageError, match="gold.jsonl:2"):
        load_gold(gold)


def test_dev_gold_file_is_well_formed() -> None:
    records = load_gold(ROOT / "data" / "gold" / "dev.jsonl")
    kinds = {e.type for r in records for e in r.events}
    assert len(records) > 300 and kinds == {"strike", "meeting", "resolution", "invitation"}


def test_held_out_gold_file_is_well_formed() -> None:
    records = load_gold(ROOT / "data" / "gold" / "test_reuters.jsonl")
    dev_articles = {r.id.split("#")[0] for r in load_gold(ROOT / "data" / "gold" / "dev.jsonl")}
    assert len(records) > 250 and not {r.id.split("#")[0] for r in records} & dev_articles
    roles = {e.source_role for r in records for e in r.events} | {e.target_role for r in records for e in r.events}
    assert {"GOV", "MIL", ""} <= roles


HELD_OUT = [
    ("c", "test_guardian.jsonl", 200, ()),
    ("d", "test_guardian_d.jsonl", 120, ("test_guardian.jsonl",)),
    ("e", "test_reuters_e.jsonl", 140, ("test_reuters.jsonl", "test_reuters_b.jsonl")),
    ("f", "test_reuters_f.jsonl", 140, ("test_reuters.jsonl", "test_reuters_b.jsonl", "test_reuters_e.jsonl")),
    ("g", "test_reuters_g.jsonl", 140,
     ("test_reuters.jsonl", "test_reuters_b.jsonl", "test_reuters_e.jsonl", "test_reuters_f.jsonl")),
]
CORPORA = ROOT.parent / "shared" / "bench"  # referred to by path, never copied into the project
SAMPLED_FROM = {"c": "guardian_2017_2019.jsonl", "d": "guardian_2017_2019.jsonl", "e": "reuters21578_1987.jsonl",
                "f": "reuters21578_1987.jsonl", "g": "reuters21578_1987.jsonl"}


@pytest.mark.parametrize(("set_name", "filename", "min_records", "other_sets"), HELD_OUT)
def test_drawn_held_out_gold_file_is_well_formed(set_name: str, filename: str, min_records: int,
                                                 other_sets: tuple[str, ...]) -> None:
    """Sets c to g: well formed, disjoint from the development articles (set d also from set c's, set e from
    sets a and b's, set f from sets a, b and e's, set g from sets a, b, e and f's)."""
    gold = ROOT / "data" / "gold"
    records = load_gold(gold / filename)
    excluded = {r.id.split("#")[0] for name in ("dev.jsonl", *other_sets) for r in load_gold(gold / name)}
    assert len(records) > min_records and not {r.id.split("#")[0] for r in records} & excluded
    roles = {e.source_role for r in records for e in r.events} | {e.target_role for r in records for e in r.events}
    assert {"GOV", "MIL", ""} <= roles


@pytest.mark.parametrize(("set_name", "filename"), [(name, filename) for name, filename, _, _ in HELD_OUT])
def test_held_out_sample_is_reproduced_by_the_sampler(set_name: str, filename: str) -> None:
    """The sampler draws exactly the stored sentences, where the corpus it reads is present."""
    import subprocess
    import sys

    if not (CORPORA / SAMPLED_FROM[set_name]).exists():
        pytest.skip(f"corpus {CORPORA / SAMPLED_FROM[set_name]} is not on this machine")
    drawn = subprocess.run([sys.executable, str(ROOT / "scripts" / "sample_test_gold.py"), "--set", set_name],
                           capture_output=True, text=True, check=True).stdout.splitlines()
    path = ROOT / "data" / "gold" / filename
    stored = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert [json.loads(line) for line in drawn] == [
        {"id": r["id"], "text": r["text"], "published": r["published"]} for r in stored]


def test_review_report(engine, sample: Path) -> None:
    report = review(engine, read_sample(engine, [sample]))
    by_id = {r.rule_id: r for r in report.rules}
    assert by_id["strike.verb.aerial"].hits == 1 and by_id["strike.verb.aerial"].examples[0].trigger == "struck"
    assert by_id["resolution.adopt.condemn"].hits == 0
    assert report.near_misses["strike"] >= 1 or report.dropped
    page = to_html(report)
    assert "<mark>struck</mark>" in page and "http" not in page.replace("<!doctype html>", "") and "<script" not in page
    assert "## Never fired" in to_markdown(report)


def test_review_and_diff_commands(sample: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["codebook", "review", "--sample", str(sample), "--out", str(out)])
    assert result.exit_code == 0 and out.read_text().startswith("<!doctype html>")
    changed = tmp_path / "changed"
    shutil.copytree(default_codebook_dir(), changed)
    strike = changed / "events" / "strike.yaml"
    strike.write_text(strike.read_text().replace('  - id: strike.verb.aerial\n        cameo_code: "195"', '  - id: strike.verb.aerial\n        cameo_code: "190"'))
    diff = runner.invoke(app, ["codebook", "diff", str(default_codebook_dir()), str(changed), "--sample", str(sample)])
    assert diff.exit_code == 0, diff.output
    assert "| strike | 0 | 0 | 1 |" in diff.output and "strike 195" in diff.output and "strike 190" in diff.output
