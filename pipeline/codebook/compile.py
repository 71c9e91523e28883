"""Compile codebook patterns into spaCy matchers once per run; spaCy rejects a bad pattern here, before any work.

Every pattern becomes a `DependencyMatcher` pattern whose first node is the trigger. Match keys carry the
rule id, so every match can be traced to the YAML entry that produced it (as spaCy's SpanRuler does).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from spacy.matcher import DependencyMatcher
from spacy.vocab import Vocab

from pipeline.codebook.load import Codebook
from pipeline.codebook.schema import Match, Node, NotIn, Pattern, TokenSpec
from pipeline.errors import CodebookError

OPERATORS = {
    "child": ">",
    "head": "<",
    "descendant": ">>",
    "ancestor": "<<",
    "left_sibling": "$--",
    "right_sibling": "$++",
    "next": ".",
    "previous": ";",
    "after": ".*",
    "before": ";*",
}
SPACY_ATTRS = {"lemma": "LEMMA", "lower": "LOWER", "pos": "POS", "tag": "TAG", "dep": "DEP", "ent_type": "ENT_TYPE"}
Kind = Literal["pattern", "exclusion", "refinement"]
UNIVERSAL_POS = frozenset(
    "ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X SPACE".split()
)


@dataclass(frozen=True, slots=True)
class MatchKey:
    """What a matcher key stands for: a rule's pattern, one of its exclusions, or a refinement's condition."""

    kind: Kind
    rule_id: str  # for refinements: the refinement's id
    number: int


PatternId = tuple[str, int]  # (rule id, pattern number from 1)


@dataclass(frozen=True)
class CompiledRules:
    """A DependencyMatcher per rule pattern, and one per rule for its exclusions and refinement conditions.

    Per pattern, so that a sentence runs only the patterns whose words it contains (a DependencyMatcher's
    cost grows with the patterns it holds); the conditions run only where a pattern matched, since most
    sentences that hold a rule's words do not match it. `screens` are the patterns with entity types left
    out: they match wherever the patterns could match once NER has run, so NER (the costliest component)
    runs only on sentences a screen kept.
    """

    matchers: dict[PatternId, DependencyMatcher]
    conditions: dict[str, DependencyMatcher]
    screens: dict[PatternId, DependencyMatcher]
    keys: dict[int, MatchKey]


def _value(value: Match) -> Any:
    if isinstance(value, NotIn):
        return {"NOT_IN": list(value.not_)}
    if isinstance(value, tuple):
        return {"IN": list(value)}
    return value


def _attrs(spec: TokenSpec | None) -> dict[str, Any]:
    if spec is None:
        return {}
    return {SPACY_ATTRS[name]: _value(value) for name, value in spec.attributes().items()}


def to_dependency_pattern(pattern: Pattern) -> list[dict[str, Any]]:
    """The spaCy DependencyMatcher form of one codebook pattern; node 0 is the trigger."""
    nodes: list[dict[str, Any]] = [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": _attrs(pattern.trigger)}]

    def add(parent: str, node: Node) -> None:
        name = f"n{len(nodes)}"
        nodes.append({"LEFT_ID": parent, "REL_OP": OPERATORS[node.rel], "RIGHT_ID": name, "RIGHT_ATTRS": _attrs(node)})
        for child in node.with_:
            add(name, child)

    for node in pattern.with_:
        add("trigger", node)
    return nodes


def without_entities(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A spaCy dependency pattern with its entity-type constraints dropped (a looser, necessary condition)."""
    return [{**node, "RIGHT_ATTRS": {k: v for k, v in node["RIGHT_ATTRS"].items() if k != "ENT_TYPE"}} for node in nodes]


def pipeline_labels(pipe_labels: Mapping[str, Any]) -> dict[str, frozenset[str]]:
    """Labels the loaded model can assign, by pattern attribute: a value outside them would never match."""
    labels = {"pos": UNIVERSAL_POS}
    if "parser" in pipe_labels:
        labels["dep"] = frozenset(pipe_labels["parser"]) | {"ROOT", "dep"}
    if "tagger" in pipe_labels:
        labels["tag"] = frozenset(pipe_labels["tagger"])
    if "ner" in pipe_labels:
        labels["ent_type"] = frozenset(pipe_labels["ner"])
    return labels


def _unknown_labels(pattern: Pattern, labels: Mapping[str, frozenset[str]]) -> list[str]:
    unknown = []
    for spec in pattern.specs():
        for name, value in spec.attributes().items():
            if name not in labels:
                continue
            values = value.not_ if isinstance(value, NotIn) else value if isinstance(value, tuple) else (value,)
            unknown += [f"{name} '{v}'" for v in values if v not in labels[name]]
    return unknown


def compile_rules(codebook: Codebook, vocab: Vocab, labels: Mapping[str, frozenset[str]] | None = None) -> CompiledRules:
    """Add every pattern to one matcher; a pattern spaCy rejects, or a label the model never assigns, is
    reported with its rule id. `labels` defaults to the universal POS tags only."""
    matchers = {(rule.id, n): DependencyMatcher(vocab, validate=True) for rule in codebook.rules for n, _ in enumerate(rule.patterns, 1)}
    conditions = {rule.id: DependencyMatcher(vocab, validate=True) for rule in codebook.rules}
    screens = {
        (rule.id, n): DependencyMatcher(vocab, validate=True) if _uses_entities((pattern,)) else matchers[(rule.id, n)]
        for rule in codebook.rules
        for n, pattern in enumerate(rule.patterns, 1)
    }
    keys: dict[int, MatchKey] = {}
    problems: list[str] = []
    known = labels if labels is not None else {"pos": UNIVERSAL_POS}

    def add(key: MatchKey, pattern: Pattern, matcher: DependencyMatcher) -> None:
        name = f"{key.rule_id}#{key.kind}{key.number}"
        unknown = _unknown_labels(pattern, known)
        if unknown:
            problems.append(f"rule '{key.rule_id}' {key.kind} {key.number}: {', '.join(unknown)} is never assigned by the model")
            return
        try:
            nodes = to_dependency_pattern(pattern)
            matcher.add(name, [nodes])
            if key.kind == "pattern" and screens[(key.rule_id, key.number)] is not matcher:
                screens[(key.rule_id, key.number)].add(name, [without_entities(nodes)])
        except (ValueError, KeyError) as exc:
            problems.append(f"rule '{key.rule_id}' {key.kind} {key.number}: spaCy rejects it: {exc}")
            return
        keys[vocab.strings[name]] = key

    for rule in codebook.rules:
        for number, pattern in enumerate(rule.patterns, start=1):
            add(MatchKey("pattern", rule.id, number), pattern, matchers[(rule.id, number)])
        for number, pattern in enumerate(rule.exclusions, start=1):
            add(MatchKey("exclusion", rule.id, number), pattern, conditions[rule.id])
        for refinement in rule.refinements:
            for number, pattern in enumerate(refinement.when, start=1):
                add(MatchKey("refinement", refinement.id, number), pattern, conditions[rule.id])
    if problems:
        raise CodebookError(str(codebook.files[0]), problems)
    return CompiledRules(matchers=matchers, conditions=conditions, screens=screens, keys=keys)


def _uses_entities(patterns: tuple[Pattern, ...]) -> bool:
    return any(spec.ent_type is not None for pattern in patterns for spec in pattern.specs())
