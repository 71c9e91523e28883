"""Rule examples as checkable cases: each positive must be coded by its rule, each negative must not.

The test suite runs every case (one test per example, named by rule id); reviewers can run them too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from pipeline.codebook.load import Codebook
from pipeline.codebook.schema import Example, Examples
from pipeline.records import Actor, Mention

DEFAULT_PUBLISHED = dt.date(2020, 6, 15)


@dataclass(frozen=True, slots=True)
class ExampleCase:
    """One example sentence with what the rule (or refinement) `rule_id` must or must not yield."""

    rule_id: str
    owned_ids: frozenset[str]  # rule ids whose rows count as this rule's: a rule and its refinements
    positive: bool
    example: Example

    @property
    def published(self) -> dt.date:
        return dt.date.fromisoformat(self.example.published) if self.example.published else DEFAULT_PUBLISHED


def _expand(rule_id: str, owned: frozenset[str], examples: Examples) -> Iterator[ExampleCase]:
    for item in examples.positive:
        yield ExampleCase(rule_id, owned, True, item if isinstance(item, Example) else Example(text=item))
    for text in examples.negative:
        yield ExampleCase(rule_id, owned, False, Example(text=text))


def example_cases(codebook: Codebook) -> list[ExampleCase]:
    """Every example of every rule and refinement, in codebook order."""
    cases: list[ExampleCase] = []
    for rule in codebook.rules:
        owned = frozenset({rule.id, *(r.id for r in rule.refinements)})
        cases += _expand(rule.id, owned, rule.examples)
        for refinement in rule.refinements:
            cases += _expand(refinement.id, frozenset({refinement.id}), refinement.examples)
    return cases


def _actor_matches(expected: str | None, actor: Actor | None) -> bool:
    if expected is None:
        return True
    if actor is None or actor.code is None:
        return False
    return actor.code.startswith(expected) or actor.country == expected


def check_case(case: ExampleCase, code: Callable[[str, dt.date], Sequence[Mention]]) -> list[str]:
    """Problems with one case ([] when it holds). `code` codes one text as an article."""
    mentions = code(case.example.text, case.published)
    own = [m for m in mentions if m.rule_id in case.owned_ids]
    found = "; ".join(
        f"{m.rule_id} {m.cameo_code} {m.source.code if m.source else None}->{m.target.code if m.target else None}" for m in mentions
    ) or "nothing"
    if not case.positive:
        return [f"negative example coded by {case.rule_id}: {found}"] if own else []
    if not own:
        return [f"positive example not coded by {case.rule_id} (coded: {found})"]
    wanted = case.example
    for mention in own:
        if wanted.cameo_code and mention.cameo_code != wanted.cameo_code:
            continue
        if _actor_matches(wanted.source, mention.source) and _actor_matches(wanted.target, mention.target):
            return []
    return [
        f"coded by {case.rule_id} but not as expected (cameo {wanted.cameo_code}, source {wanted.source}, "
        f"target {wanted.target}); coded: {found}"
    ]
