"""The coding engine: model, sentence splitter and compiled codebook, built once per process.

`code_articles` is everything between a batch of Articles and its output rows; Prefect tasks call it,
tests call it directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.codebook import Codebook, load_codebook
from pipeline.coding.actors import mark_actors, person_names
from pipeline.coding.article import ArticleCoding, code_article
from pipeline.coding.sentence import Coder, build_coder, screen
from pipeline.nlp import (
    Sentence,
    SentenceSplitter,
    deferrable_components,
    finish_parse,
    load_model,
    model_label,
    parse_sentences,
)
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
    return Engine(
        nlp=nlp,
        splitter=SentenceSplitter(nlp, codebook.actors.dotted_abbreviations(), codebook.actors.single_word_names()),
        coder=build_coder(codebook, nlp),
        model=model_label(nlp),
        settings=settings,
    )


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """An article's sentences and the parses of those worth parsing (by sentence index)."""

    article: Article
    sentences: list[Sentence]
    docs: dict[int, Doc]


def parse_articles(engine: Engine, articles: Sequence[Article]) -> list[ParsedArticle]:
    """Split a batch into sentences and parse, in one `nlp.pipe` stream, those the prefilter keeps.

    With the prefilter on, NER (the costliest component) is deferred: only sentences some rule pattern
    matches with entity types left out (`screen`; a bare back-reference only after a report of its type in
    the article) go on to NER and coding. A second, smaller pass parses, for each person a coded sentence
    names without saying who they are, the first other sentence naming them, so that a bare "Maksimov" can
    be coded from where the article introduced him ("Russian Ambassador Maksim Maksimov"), and the sentence
    before one whose subject is "he" or "she", who is usually named there.
    """
    split = [engine.splitter.split(article.text) for article in articles]
    docs: list[dict[int, Doc]] = [{} for _ in articles]
    if not engine.settings.prefilter:
        _parse_into(engine, split, [list(range(len(sentences))) for sentences in split], docs)
        return [ParsedArticle(article, sentences, own) for article, sentences, own in zip(articles, split, docs)]
    keep = [[i for i, s in enumerate(sentences) if engine.coder.prefilter.is_candidate(s.words)] for sentences in split]
    deferred = deferrable_components(engine.nlp)
    _parse_into(engine, split, keep, docs, deferred)
    for own in docs:
        reported: set[str] = set()  # a back-reference needs an earlier report of its type in the article
        for i in sorted(own):
            found = screen(own[i], engine.coder)
            if not found.could_code(reported):
                del own[i]
            reported |= found.reports
    finish_parse(engine.nlp, [doc for own in docs for doc in own.values()], deferred, engine.settings.nlp_batch_size)
    linked = []
    pronouns = engine.codebook.actors.person_pronouns
    for article, sentences, own in zip(articles, split, docs):
        unseen = set(_unresolved_names(own.values(), engine, article))
        chosen = {i - 1 for i, doc in own.items() if i > 0 and i - 1 not in own and _subject_pronoun(doc, pronouns)}
        for i, sentence in enumerate(sentences):
            if unseen and i not in own and sentence.words & unseen:
                chosen.add(i)  # the first sentence naming the person, where news gives the full title
                unseen -= sentence.words
        linked.append(sorted(chosen))
    _parse_into(engine, split, linked, docs)
    return [ParsedArticle(article, sentences, own) for article, sentences, own in zip(articles, split, docs)]


def _subject_pronoun(doc: Doc, pronouns: frozenset[str]) -> bool:
    """Whether a subject is "he" or "she" (or "his"/"her" on a subject): who it is, the sentence before says."""
    subjects = {"nsubj", "nsubjpass"}
    return any(t.lower_ in pronouns and (t.dep_ in subjects or t.dep_ == "poss" and t.head.dep_ in subjects) for t in doc)


def _unresolved_names(docs: Iterable[Doc], engine: Engine, article: Article) -> frozenset[str]:
    """Words of person names that a kept sentence cannot code by itself (no title or country beside them,
    not in the people table): the article must say elsewhere who they are."""
    lexicon = engine.coder.lexicon
    words: set[str] = set()
    for doc in docs:
        marks = mark_actors(doc, lexicon, article.published)
        coded = {name for name, _ in person_names(doc, marks, lexicon)}
        for ent in doc.ents:
            if ent.label_ == "PERSON" and ent.text not in coded and not any(t.i in marks.names for t in ent):
                words.update(t.lower_ for t in ent if len(t) > 2)
    return frozenset(words)


def _parse_into(
    engine: Engine, split: list[list[Sentence]], wanted: list[list[int]], docs: list[dict[int, Doc]], disable: Sequence[str] = ()
) -> None:
    """Parse the `wanted` sentences into `docs`, shortest first: batches of like lengths pad less."""
    places = sorted(((a, i) for a, indices in enumerate(wanted) for i in indices), key=lambda p: len(split[p[0]][p[1]].text))
    texts = (split[a][i].text for a, i in places)
    parsed = parse_sentences(engine.nlp, texts, engine.settings.nlp_batch_size, engine.settings.n_process, disable)
    for (a, i), doc in zip(places, parsed):
        docs[a][i] = doc


def code_parsed(parsed: ParsedArticle, coder: Coder) -> ArticleCoding:
    return code_article(parsed.article, [s.text for s in parsed.sentences], parsed.docs, coder)


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
