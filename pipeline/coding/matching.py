"""Which rule codes which trigger: run the compiled matcher once, then apply exclusions, overrides and refinements."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline.codebook.compile import CompiledRules, PatternId
from pipeline.codebook.schema import Rule


@dataclass(frozen=True, slots=True)
class RuleHit:
    """A rule that codes the token at `trigger`, with the refinement that sets its CAMEO code, if any."""

    trigger: int
    rule: Rule
    refinement_id: str | None
    cameo_code: str
    competitors: tuple[str, ...]  # other rules that matched this trigger and lost on declaration order


def match_rules(
    doc: Doc, compiled: CompiledRules, rules: Mapping[str, Rule], order: Mapping[str, int], candidates: Iterable[PatternId]
) -> list[RuleHit]:
    """Rule hits in trigger order, running the `candidates` patterns only (the prefilter's choice), and the
    exclusions and refinement conditions of the rules that matched. Per trigger: matched patterns minus
    exclusions minus overridden rules."""
    matched: dict[int, set[str]] = defaultdict(set)
    excluded: dict[int, set[str]] = defaultdict(set)
    refined: dict[int, set[str]] = defaultdict(set)
    buckets = {"pattern": matched, "exclusion": excluded, "refinement": refined}
    found = [match for pattern in candidates for match in compiled.matchers[pattern](doc)]
    for rule_id in dict.fromkeys(compiled.keys[match_id].rule_id for match_id, _ in found):
        conditions = compiled.conditions[rule_id]
        if len(conditions):
            found += conditions(doc)
    for match_id, token_ids in found:
        key = compiled.keys[match_id]
        buckets[key.kind][token_ids[0]].add(key.rule_id)
    hits: list[RuleHit] = []
    for trigger in sorted(matched):
        alive = matched[trigger] - excluded[trigger]
        beaten = {loser for rule_id in alive for loser in rules[rule_id].overrides}
        alive -= beaten
        if not alive:
            continue
        ranked = sorted(alive, key=order.__getitem__)
        rule = rules[ranked[0]]
        refinement = next((r for r in rule.refinements if r.id in refined[trigger]), None)
        hits.append(
            RuleHit(
                trigger=trigger,
                rule=rule,
                refinement_id=refinement.id if refinement else None,
                cameo_code=refinement.cameo_code if refinement else rule.cameo_code,
                competitors=tuple(ranked[1:]),
            )
        )
    return hits
