"""The coding engine: model, sentence splitter and compiled codebook, built once per process.

`code_articles` is everything between a batch of Articles and its output rows; Prefect tasks call it,
tests call it directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.codebook import Codebook, load_codebook
from pipeline.coding.article import ArticleCoding, code_article
from pipeline.coding.sentence import Coder, build_coder
from pipeline.nlp import SentenceSplitter, load_model, model_label, parse_sentences
from pipeline.output.rows import mention_rows
from pipeline.records import Article, Mention
from pipeline.settings import Settings


@dataclass(frozen=True)
class Engine:
    nlp: Language
    splitter: SentenceSplitter
    coder: Coder
    model: str
    settings: Settings

    @property
    def codebook(self) -> Codebook:
        return self.coder.codebook

    @property
    def reciprocal_types(self) -> frozenset[str]:
        """Event types whose two actors are unordered (meetings), for event ids."""
        return frozenset(name for name, spec in self.codebook.events.event_types.items() if spec.reciprocal)


def build_engine(settings: Settings, codebook: Codebook | None = None) -> Engine:
    """Load codebook (validated) and model, and compile the codebook against the model's vocabulary."""
    codebook = codebook or load_codebook(settings.codebook_dir)
    nlp = load_model(settings.model)
    return Engine(nlp=nlp, splitter=SentenceSplitter(nlp), coder=build_coder(codebook, nlp), model=model_label(nlp), settings=settings)


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    article: Article
    sentences: list[str]
    docs: list[Doc]


def parse_articles(engine: Engine, articles: Sequence[Article]) -> list[ParsedArticle]:
    """Split and parse a batch; sentences of the whole batch go through one `nlp.pipe` stream."""
    split = [engine.splitter.split(article.text) for article in articles]
    flat = [sentence for sentences in split for sentence in sentences]
    docs = list(parse_sentences(engine.nlp, flat, engine.settings.nlp_batch_size, engine.settings.n_process))
    parsed = []
    start = 0
    for article, sentences in zip(articles, split):
        parsed.append(ParsedArticle(article, sentences, docs[start : start + len(sentences)]))
        start += len(sentences)
    return parsed


def code_parsed(parsed: ParsedArticle, coder: Coder) -> ArticleCoding:
    return code_article(parsed.article, parsed.sentences, parsed.docs, coder)


def code_mentions(engine: Engine, articles: Sequence[Article]) -> list[tuple[Article, Sequence[Mention]]]:
    """Mentions per article."""
    return [(p.article, code_parsed(p, engine.coder).mentions) for p in parse_articles(engine, articles)]


def code_articles(engine: Engine, articles: Sequence[Article], coded_at: dt.datetime) -> list[dict[str, Any]]:
    """Output rows (mentions schema) for a batch of articles."""
    rows: list[dict[str, Any]] = []
    for article, mentions in code_mentions(engine, articles):
        rows += mention_rows(
            article, mentions, engine.codebook.cameo, engine.codebook.version, engine.model, coded_at, engine.reciprocal_types
        )
    return rows
