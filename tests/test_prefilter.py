"""The prefilter is a necessary condition: parsing only the sentences it keeps loses no row.

Checked on real text: the dev gold file's sentences (CAMEO-manual, Guardian and Reuters sentences)
and the seed article, coded with the prefilter on and off. The same holds for the second screen, which
runs NER only on sentences a rule pattern matches with entity types left out.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from pipeline.codebook.examples import example_cases
from pipeline.coding.sentence import screen
from pipeline.engine import code_mentions, parse_articles
from pipeline.ingest.readers import parse_published
from pipeline.nlp import deferrable_components, finish_parse, parse_sentences
from pipeline.prefilter import WordForms
from pipeline.records import Article

ROOT = Path(__file__).resolve().parent.parent


def _real_articles(engine) -> list[Article]:
    records = [json.loads(line) for line in (ROOT / "data" / "gold" / "dev.jsonl").read_text(encoding="utf-8").splitlines()]
    articles = [Article(id=r["id"], text=r["text"], published=parse_published(r.get("published"))) for r in records]
    seed = (ROOT / "seeds" / "weekend-herald-iraq-russia.txt").read_text(encoding="utf-8")
    return [*articles, Article(id="seed", text=seed, published=parse_published("2020-02-08"))]


def test_prefilter_loses_no_row_on_real_text(engine) -> None:
    articles = _real_articles(engine)
    everything = replace(engine, settings=engine.settings.model_copy(update={"prefilter": False}))
    with_prefilter = code_mentions(engine, articles)
    without = code_mentions(everything, articles)
    rows = [m for _, mentions in with_prefilter for m in mentions]
    assert rows == [m for _, mentions in without for m in mentions]
    assert len(rows) > 150


def test_prefilter_skips_most_sentences(engine) -> None:
    parsed = parse_articles(engine, _real_articles(engine))
    sentences = sum(len(p.sentences) for p in parsed)
    assert sum(len(p.docs) for p in parsed) < 0.8 * sentences


def test_word_forms_invert_the_lemmatizer(engine) -> None:
    forms = WordForms.from_model(engine.nlp)
    assert {"struck", "strikes", "striking"} <= forms.of("strike")
    assert {"met", "meets", "meeting"} <= forms.of("meet")
    assert {"shelled", "shelling"} <= forms.of("shell") and "hitting" in forms.of("hit")


def test_every_positive_example_passes_the_screen_before_ner(engine) -> None:
    positives = [case.example.text for case in example_cases(engine.codebook) if case.positive]
    deferred = deferrable_components(engine.nlp)
    assert deferred == ("ner",)
    docs = list(parse_sentences(engine.nlp, positives, disable=deferred))
    assert all(not doc.ents for doc in docs)
    assert [text for text, doc in zip(positives, docs) if not screen(doc, engine.coder).reports] == []


def test_deferred_ner_finds_the_same_entities(engine) -> None:
    text = "Russian Ambassador Maksim Maksimov met Iraqi Prime Minister Adel Abdul-Mahdi in Baghdad on Tuesday."
    later = list(parse_sentences(engine.nlp, [text], disable=("ner",)))
    finish_parse(engine.nlp, later, ("ner",))
    (full,) = parse_sentences(engine.nlp, [text])
    assert [(e.text, e.label_) for e in later[0].ents] == [(e.text, e.label_) for e in full.ents]
    assert [(e.text, e.label_) for e in full.ents][:2] == [("Russian", "NORP"), ("Maksim Maksimov", "PERSON")]


def test_sentences_no_pattern_matches_are_not_kept(engine) -> None:
    article = Article(id="a", text="Dock workers went on strike over pay. Jets struck the base on Monday.", published=None)
    (parsed,) = parse_articles(engine, [article])
    assert list(parsed.docs) == [1]
