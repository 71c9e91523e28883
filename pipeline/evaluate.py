"""Score the coder against a gold file: precision, recall and F1 per event type and per rule, the
confusion between types, CAMEO sub-code agreement and actor agreement on correctly typed rows.

Gold format (JSON Lines), one sentence or article per line:
    {"id": "...", "text": "...", "published": "2020-02-08" | null,
     "events": [{"type": "strike", "cameo": "195", "alt_cameo": ["186"], "source": "USA", "target": "IRN"}]}
`events: []` marks a text that reports none of the four types. `source`/`target` are ISO-3 country codes
or IGO codes (or null: not scored). Optional `source_role`/`target_role` give the CAMEO role suffix
(GOV, MIL, REB...), "" for a country or IGO acting as such, or null (not scored); role agreement is
scored on actors whose country (or IGO) is right, so it measures the role apart from finding the actor.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.engine import Engine, code_mentions
from pipeline.errors import UsageError
from pipeline.ingest.readers import parse_published
from pipeline.records import Actor, Article, Mention

EVENT_TYPES = ("strike", "meeting", "resolution", "invitation")
NONE = "none"


@dataclass(frozen=True, slots=True)
class GoldEvent:
    type: str
    cameo: str | None
    alt_cameo: tuple[str, ...]
    source: str | None
    target: str | None
    source_role: str | None = None
    target_role: str | None = None


@dataclass(frozen=True, slots=True)
class GoldRecord:
    id: str
    text: str
    published: dt.date | None
    events: tuple[GoldEvent, ...]


def load_gold(path: Path) -> list[GoldRecord]:
    """Read a gold file; a malformed line stops with its line number."""
    records: list[GoldRecord] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UsageError(f"cannot read gold file {path}: {exc}") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            events = tuple(
                GoldEvent(
                    type=e["type"],
                    cameo=e.get("cameo"),
                    alt_cameo=tuple(e.get("alt_cameo") or ()),
                    source=e.get("source"),
                    target=e.get("target"),
                    source_role=e.get("source_role"),
                    target_role=e.get("target_role"),
                )
                for e in raw["events"]
            )
            if any(e.type not in EVENT_TYPES for e in events):
                raise ValueError(f"event type must be one of {', '.join(EVENT_TYPES)}")
            records.append(GoldRecord(str(raw["id"]), raw["text"], parse_published(raw.get("published")), events))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise UsageError(f"{path}:{number}: not a gold record ({exc})") from None
    return records


def _key(actor: Actor | None) -> str | None:
    """What a gold `source`/`target` is compared with: the actor's country or IGO/group code, and the bare
    `IGO` that gold files, like CAMEO, give an organisation with no code of its own (the ICO)."""
    if actor is None:
        return None
    return actor.key or ("IGO" if actor.code == "IGO" else None)


def _role(actor: Actor | None) -> str | None:
    """The role suffix as gold files write it: "" for a country or IGO acting as such, None for no actor."""
    if actor is None or actor.code is None:
        return None
    return "" if actor.role in (None, "IGO") else actor.role


def _names_actor(gold: GoldEvent) -> int:
    """1 when the sentence identifies a source or target (meetings and invitations need one to be coded)."""
    return int(gold.source is not None or gold.target is not None)


def _agreement(gold: GoldEvent, mention: Mention) -> tuple[int, int, int]:
    code = int(mention.cameo_code in {gold.cameo, *gold.alt_cameo})
    source = int(gold.source is not None and gold.source == _key(mention.source))
    target = int(gold.target is not None and gold.target == _key(mention.target))
    return code, source, target


@dataclass
class Scores:
    """Counts accumulated over the gold file."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    rule_tp: Counter[str] = field(default_factory=Counter)
    rule_fp: Counter[str] = field(default_factory=Counter)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    code_agree: Counter[str] = field(default_factory=Counter)
    actor_checked: Counter[str] = field(default_factory=Counter)
    actor_agree: Counter[str] = field(default_factory=Counter)
    role_checked: Counter[str] = field(default_factory=Counter)
    role_agree: Counter[str] = field(default_factory=Counter)
    named: Counter[str] = field(default_factory=Counter)  # gold events naming an actor, and those found
    named_found: Counter[str] = field(default_factory=Counter)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, record: GoldRecord, mentions: Sequence[Mention]) -> None:
        """Match predictions to gold events of the same type (best agreement first) and count."""
        leftovers_gold: list[GoldEvent] = []
        leftovers_pred: list[Mention] = []
        for event_type in EVENT_TYPES:
            gold = [e for e in record.events if e.type == event_type]
            predicted = [m for m in mentions if m.event_type == event_type]
            pairs = sorted(
                ((sum(_agreement(g, m)), gi, pi) for gi, g in enumerate(gold) for pi, m in enumerate(predicted)), reverse=True
            )
            used_gold: set[int] = set()
            used_pred: set[int] = set()
            for _, gi, pi in pairs:
                if gi in used_gold or pi in used_pred:
                    continue
                used_gold.add(gi)
                used_pred.add(pi)
                self._matched(gold[gi], predicted[pi])
            leftovers_gold += [g for i, g in enumerate(gold) if i not in used_gold]
            leftovers_pred += [m for i, m in enumerate(predicted) if i not in used_pred]
        for g in leftovers_gold:
            self.fn[g.type] += 1
            self.named[g.type] += _names_actor(g)
        for m in leftovers_pred:
            self.fp[m.event_type] += 1
            self.rule_fp[m.rule_id] += 1
        for index in range(max(len(leftovers_gold), len(leftovers_pred))):
            gold_type = leftovers_gold[index].type if index < len(leftovers_gold) else NONE
            pred_type = leftovers_pred[index].event_type if index < len(leftovers_pred) else NONE
            self.confusion[(gold_type, pred_type)] += 1
        if leftovers_gold or leftovers_pred:
            self.errors.append(
                {
                    "id": record.id,
                    "text": record.text[:300],
                    "missed": [g.type for g in leftovers_gold],
                    "spurious": [f"{m.event_type} {m.cameo_code} ({m.rule_id}, trigger '{m.trigger}')" for m in leftovers_pred],
                }
            )

    def _matched(self, gold: GoldEvent, mention: Mention) -> None:
        kind = gold.type
        self.tp[kind] += 1
        self.named[kind] += _names_actor(gold)
        self.named_found[kind] += _names_actor(gold)
        self.rule_tp[mention.rule_id] += 1
        self.confusion[(kind, kind)] += 1
        code, source, target = _agreement(gold, mention)
        self.code_agree[kind] += code
        for expected, agrees in ((gold.source, source), (gold.target, target)):
            if expected is not None:
                self.actor_checked[kind] += 1
                self.actor_agree[kind] += agrees
        sides = ((gold.source_role, source, mention.source), (gold.target_role, target, mention.target))
        for expected_role, country_agrees, actor in sides:
            if expected_role is not None and country_agrees:  # the role of the right actor, apart from finding it
                self.role_checked[kind] += 1
                self.role_agree[kind] += int(_role(actor) == expected_role)

    def report(self) -> dict[str, Any]:
        """Per type and per rule scores, confusion, agreement rates, and the records coded wrong."""

        def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
            precision = tp / (tp + fp) if tp + fp else 1.0
            recall = tp / (tp + fn) if tp + fn else 1.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            return {"tp": tp, "fp": fp, "fn": fn, "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}

        types = {t: prf(self.tp[t], self.fp[t], self.fn[t]) for t in EVENT_TYPES}
        for t in EVENT_TYPES:
            types[t]["cameo_agreement"] = round(self.code_agree[t] / self.tp[t], 3) if self.tp[t] else None
            types[t]["actor_agreement"] = round(self.actor_agree[t] / self.actor_checked[t], 3) if self.actor_checked[t] else None
            types[t]["role_agreement"] = round(self.role_agree[t] / self.role_checked[t], 3) if self.role_checked[t] else None
            types[t]["recall_named"] = round(self.named_found[t] / self.named[t], 3) if self.named[t] else None
        rules = {
            r: {"tp": self.rule_tp[r], "fp": self.rule_fp[r], "precision": round(self.rule_tp[r] / (self.rule_tp[r] + self.rule_fp[r]), 3)}
            for r in sorted(set(self.rule_tp) | set(self.rule_fp))
        }
        total = prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))
        for name, agree, checked in (
            ("cameo_agreement", self.code_agree, self.tp),
            ("actor_agreement", self.actor_agree, self.actor_checked),
            ("role_agreement", self.role_agree, self.role_checked),
            ("recall_named", self.named_found, self.named),
        ):
            total[name] = round(sum(agree.values()) / sum(checked.values()), 3) if sum(checked.values()) else None
        confusion = {f"{g} -> {p}": n for (g, p), n in sorted(self.confusion.items())}
        return {"overall": total, "types": types, "rules": rules, "confusion": confusion, "errors": self.errors}


def evaluate(engine: Engine, records: Iterable[GoldRecord], context: Sequence[Article] = ()) -> dict[str, Any]:
    """Code every gold text as an article and score the result.

    With `context` (the articles gold ids "ARTICLE#N" were drawn from), a record whose sentence is found in
    its article is scored on the mentions of coding the whole article, as a run codes it: pronouns, bare
    names and back-references then resolve from the sentences around it. Other records are coded alone.
    """
    records = list(records)
    placed = _place_in_context(engine, records, context)
    alone = [r for r in records if r.id not in placed]
    articles = [Article(id=r.id, text=r.text, published=r.published) for r in alone]
    found = {record.id: mentions for record, (_, mentions) in zip(alone, code_mentions(engine, articles))}
    scores = Scores()
    for record in records:
        scores.add(record, placed[record.id] if record.id in placed else found[record.id])
    report = scores.report()
    report["records"] = len(records)
    report["in_context"] = len(placed)
    report["codebook_version"] = engine.codebook.version
    report["model"] = engine.model
    return report


def _place_in_context(engine: Engine, records: Sequence[GoldRecord], context: Sequence[Article]) -> dict[str, list[Mention]]:
    """Mentions of each gold sentence coded inside its whole article, for the records whose article is in
    `context` and whose text is one of its sentences (or overlaps one, where the splitters differ)."""
    wanted = {r.id.split("#", 1)[0] for r in records if "#" in r.id}
    articles = [a for a in context if a.id in wanted]
    if not articles:
        return {}
    by_article = {article.id: mentions for article, mentions in code_mentions(engine, articles)}
    sentences = {a.id: [_normalised(s.text) for s in engine.splitter.split(a.text)] for a in articles}
    placed: dict[str, list[Mention]] = {}
    for record in records:
        article_id = record.id.split("#", 1)[0]
        if article_id not in by_article:
            continue
        text = _normalised(record.text)
        indices = {i for i, s in enumerate(sentences[article_id]) if s == text} or {
            i for i, s in enumerate(sentences[article_id]) if len(s) > 20 and (s in text or text in s)
        }
        if indices:
            placed[record.id] = [m for m in by_article[article_id] if m.sentence_index in indices]
    return placed


def _normalised(text: str) -> str:
    return " ".join(text.lower().split())


def format_report(report: dict[str, Any], errors: int = 20) -> str:
    """A plain-text table for the terminal and the README."""
    placed = f" ({report['in_context']} coded inside their articles)" if report.get("in_context") else ""
    lines = [f"{report['records']} records{placed}; model {report['model']}; codebook {report['codebook_version']}", ""]
    lines.append(
        f"{'type':<12} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5} {'cameo':>7} {'actors':>7} {'roles':>7} {'R-named':>7}"
    )
    rows = [*report["types"].items(), ("all", report["overall"])]
    for name, s in rows:
        rates = "".join(
            f" {'' if s.get(key) is None else format(s[key], '.3f'):>7}" for key in ("cameo_agreement", "actor_agreement", "role_agreement", "recall_named")
        )
        lines.append(f"{name:<12} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} {s['tp']:>5} {s['fp']:>5} {s['fn']:>5}{rates}")
    lines += ["", "per rule (precision of its rows):"]
    lines += [f"  {rule:<40} {s['precision']:.3f}  ({s['tp']} right, {s['fp']} wrong)" for rule, s in report["rules"].items()]
    off_diagonal = {k: v for k, v in report["confusion"].items() if k.split(" -> ")[0] != k.split(" -> ")[1]}
    lines += ["", "confusion (gold -> coded), errors only:"]
    lines += [f"  {k}: {v}" for k, v in off_diagonal.items()] or ["  none"]
    if report["errors"] and errors:
        lines += ["", f"first {min(errors, len(report['errors']))} of {len(report['errors'])} records coded wrong:"]
        for error in report["errors"][:errors]:
            lines.append(f"  {error['id']}: missed {error['missed'] or '-'}; spurious {error['spurious'] or '-'}")
            lines.append(f"      {error['text'][:160]}")
    return "\n".join(lines)
