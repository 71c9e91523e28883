"""Reports for the people who review codebook mappings: `codebook review` and `codebook diff`.

Both read a sample archive without Prefect (they are reviewing tools, not scheduled runs), parse it once,
and write a static HTML page with no network resources, or Markdown.
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.codebook.schema import Rule
from pipeline.coding.sentence import Coder
from pipeline.engine import Engine, ParsedArticle, code_parsed, parse_articles
from pipeline.ingest.discover import discover
from pipeline.ingest.readers import read_file
from pipeline.prefilter import WordForms
from pipeline.records import Actor, Article


def read_sample(engine: Engine, inputs: Sequence[Path], limit: int | None = None) -> list[Article]:
    """Articles of a sample archive (quarantined records are skipped here; `run` reports them)."""
    names = engine.codebook.actors.single_word_names()
    articles: list[Article] = []
    for path in discover(inputs):
        for record in read_file(path, names, engine.settings.max_article_chars):
            if isinstance(record, Article):
                articles.append(record)
                if limit is not None and len(articles) >= limit:
                    return articles
    return articles


@dataclass(frozen=True, slots=True)
class Example:
    sentence: str
    trigger_start: int
    trigger: str
    cameo_code: str
    source: Actor | None
    target: Actor | None


@dataclass
class RuleReport:
    rule_id: str
    event_type: str
    cameo_code: str
    cameo_name: str
    hits: int = 0
    examples: list[Example] = field(default_factory=list)


@dataclass
class Review:
    """Everything the review page shows."""

    codebook_version: str
    articles: int
    sentences: int
    rules: list[RuleReport]
    competing: list[tuple[str, str, tuple[str, ...]]]  # sentence, winner, losers
    dropped: Counter[tuple[str, str]]  # (rule id, reason) -> count
    dropped_examples: dict[tuple[str, str], str]
    near_misses: Counter[str]  # trigger lemma -> sentences with it that no rule coded
    near_miss_examples: dict[str, str]
    uncoded_actors: Counter[str]


def trigger_lemmas(rules: Iterable[Rule]) -> frozenset[str]:
    """Every lemma a rule's trigger can have: a sentence holding one that yields no row is a near-miss."""
    lemmas: set[str] = set()
    for rule in rules:
        for pattern in rule.patterns:
            value = pattern.trigger.lemma if pattern.trigger else None
            if isinstance(value, str):
                lemmas.add(value)
            elif isinstance(value, tuple):
                lemmas.update(value)
    return frozenset(lemmas)


def review(engine: Engine, articles: Sequence[Article], per_rule: int = 5) -> Review:
    """Code the sample and collect hits, examples, unfired rules, competition, drops and near-misses."""
    codebook = engine.codebook
    reports: dict[str, RuleReport] = {}
    for rule in codebook.rules:
        for rule_id, code in [(rule.id, rule.cameo_code), *((r.id, r.cameo_code) for r in rule.refinements)]:
            reports[rule_id] = RuleReport(rule_id, rule.event_type, code, codebook.cameo[code].name)
    result = Review(codebook.version, len(articles), 0, list(reports.values()), [], Counter(), {}, Counter(), {}, Counter())
    forms = WordForms.from_model(engine.nlp)
    trigger_forms = {lemma: forms.of(lemma) for lemma in trigger_lemmas(codebook.rules)}
    for parsed in parse_articles(engine, articles):
        coding = code_parsed(parsed, engine.coder)
        result.sentences += len(parsed.sentences)
        coded_sentences = {m.sentence_index for m in coding.mentions}
        for mention in coding.mentions:
            report = reports[mention.rule_id]
            report.hits += 1
            if len(report.examples) < per_rule:
                report.examples.append(
                    Example(mention.sentence, mention.trigger_start, mention.trigger, mention.cameo_code, mention.source, mention.target)
                )
            for actor in (mention.source, mention.target):
                if actor is not None and actor.code is None and actor.text:
                    result.uncoded_actors[actor.text] += 1
        for index, sentence in enumerate(parsed.sentences):
            own = coding.sentences.get(index)
            if own is not None:
                result.competing += [(sentence.text, winner, losers) for winner, losers in own.competing]
                for rule_id, _, reason in own.dropped:
                    key = (rule_id, reason.split("'")[0].strip())
                    result.dropped[key] += 1
                    result.dropped_examples.setdefault(key, sentence.text)
            if index in coded_sentences or (own is not None and own.dropped):
                continue
            for lemma in (lemma for lemma, forms in trigger_forms.items() if sentence.words & forms):
                result.near_misses[lemma] += 1
                result.near_miss_examples.setdefault(lemma, sentence.text)
    return result


def _highlight(example: Example) -> str:
    start, end = example.trigger_start, example.trigger_start + len(example.trigger)
    text = example.sentence
    marked = f"{html.escape(text[:start])}<mark>{html.escape(text[start:end])}</mark>{html.escape(text[end:])}"
    for actor, css in ((example.source, "src"), (example.target, "tgt")):
        if actor is not None and actor.text and actor.text in text:
            escaped = html.escape(actor.text)
            marked = marked.replace(escaped, f'<span class="{css}">{escaped}</span>', 1)
    return marked


def _actor(actor: Actor | None) -> str:
    if actor is None:
        return "–"
    return f"{actor.code or '?'} ({actor.text})"


def to_html(review_: Review) -> str:
    """A static page: no scripts, no external resources."""
    e = html.escape
    parts = [
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>Codebook review</title><style>",
        "body{font-family:sans-serif;max-width:70em;margin:2em auto;line-height:1.4}table{border-collapse:collapse}",
        "td,th{border:1px solid #ccc;padding:.2em .5em;vertical-align:top}mark{background:#ffe066}",
        ".src{border-bottom:2px solid #1c7ed6}.tgt{border-bottom:2px solid #e03131}.zero{color:#c92a2a}",
        "</style></head><body>",
        f"<h1>Codebook review</h1><p>codebook <code>{e(review_.codebook_version)}</code>; sample of "
        f"{review_.articles} articles, {review_.sentences} sentences. Trigger <mark>highlighted</mark>, "
        '<span class="src">source</span>, <span class="tgt">target</span>.</p>',
        "<h2>Rules</h2><table><tr><th>rule</th><th>type</th><th>CAMEO</th><th>hits</th></tr>",
    ]
    for r in review_.rules:
        css = ' class="zero"' if r.hits == 0 else ""
        parts.append(f'<tr{css}><td><a href="#{e(r.rule_id)}">{e(r.rule_id)}</a></td><td>{e(r.event_type)}</td>'
                     f"<td>{e(r.cameo_code)} {e(r.cameo_name)}</td><td>{r.hits}</td></tr>")
    parts.append("</table>")
    unfired = [r.rule_id for r in review_.rules if r.hits == 0]
    parts.append(f"<h2>Rules that never fired ({len(unfired)})</h2><p>{e(', '.join(unfired)) or 'none'}</p>")
    parts.append("<h2>Examples per rule</h2>")
    for r in review_.rules:
        if not r.examples:
            continue
        parts.append(f'<h3 id="{e(r.rule_id)}">{e(r.rule_id)}: {e(r.cameo_code)} {e(r.cameo_name)} ({r.hits} hits)</h3><ol>')
        parts += [f"<li>{_highlight(x)}<br><small>{e(x.cameo_code)}: {e(_actor(x.source))} → {e(_actor(x.target))}</small></li>" for x in r.examples]
        parts.append("</ol>")
    parts.append(f"<h2>Sentences where rules competed ({len(review_.competing)})</h2><ul>")
    parts += [f"<li><b>{e(w)}</b> beat {e(', '.join(l))}: {e(s)}</li>" for s, w, l in review_.competing[:50]]
    parts.append("</ul><h2>Matches turned down by modality</h2><table><tr><th>rule</th><th>why</th><th>n</th><th>example</th></tr>")
    for (rule_id, reason), n in review_.dropped.most_common(40):
        parts.append(f"<tr><td>{e(rule_id)}</td><td>{e(reason)}</td><td>{n}</td><td>{e(review_.dropped_examples[(rule_id, reason)])}</td></tr>")
    parts.append("</table><h2>Near-misses: trigger words no rule coded</h2><table><tr><th>lemma</th><th>sentences</th><th>example</th></tr>")
    for lemma, n in review_.near_misses.most_common(40):
        parts.append(f"<tr><td>{e(lemma)}</td><td>{n}</td><td>{e(review_.near_miss_examples[lemma])}</td></tr>")
    parts.append("</table><h2>Most frequent uncoded actor names</h2><table><tr><th>words</th><th>rows</th></tr>")
    parts += [f"<tr><td>{e(name)}</td><td>{n}</td></tr>" for name, n in review_.uncoded_actors.most_common(40)]
    parts.append("</table></body></html>")
    return "\n".join(parts)


def to_markdown(review_: Review) -> str:
    lines = ["# Codebook review", "", f"codebook `{review_.codebook_version}`; {review_.articles} articles, {review_.sentences} sentences", ""]
    lines += ["| rule | type | CAMEO | hits |", "|---|---|---|---|"]
    lines += [f"| {r.rule_id} | {r.event_type} | {r.cameo_code} {r.cameo_name} | {r.hits} |" for r in review_.rules]
    lines += ["", "## Never fired", "", ", ".join(r.rule_id for r in review_.rules if r.hits == 0) or "none", "", "## Examples", ""]
    for r in review_.rules:
        for x in r.examples:
            s = x.sentence
            marked = f"{s[:x.trigger_start]}**{x.trigger}**{s[x.trigger_start + len(x.trigger):]}"
            lines.append(f"- `{r.rule_id}` {x.cameo_code} {_actor(x.source)} → {_actor(x.target)}: {marked}")
    lines += ["", "## Competing rules", ""] + [f"- **{w}** beat {', '.join(l)}: {s}" for s, w, l in review_.competing[:50]]
    lines += ["", "## Turned down by modality", ""]
    lines += [f"- `{r}` {why}: {n} (e.g. {review_.dropped_examples[(r, why)]})" for (r, why), n in review_.dropped.most_common(40)]
    lines += ["", "## Near-misses", ""]
    lines += [f"- {lemma}: {n} (e.g. {review_.near_miss_examples[lemma]})" for lemma, n in review_.near_misses.most_common(40)]
    lines += ["", "## Uncoded actor names", ""] + [f"- {name}: {n}" for name, n in review_.uncoded_actors.most_common(40)]
    return "\n".join(lines) + "\n"


Coding = frozenset[tuple[str, str, str | None, str | None]]


def _codings(parsed: ParsedArticle, coder: Coder) -> dict[int, Coding]:
    found: dict[int, set[tuple[str, str, str | None, str | None]]] = defaultdict(set)
    for m in code_parsed(parsed, coder).mentions:
        found[m.sentence_index].add((m.event_type, m.cameo_code, m.source.code if m.source else None, m.target.code if m.target else None))
    return {k: frozenset(v) for k, v in found.items()}


@dataclass
class Diff:
    old_version: str
    new_version: str
    gained: list[tuple[str, Coding]] = field(default_factory=list)
    lost: list[tuple[str, Coding]] = field(default_factory=list)
    changed: list[tuple[str, Coding, Coding]] = field(default_factory=list)
    per_type: Counter[tuple[str, str]] = field(default_factory=Counter)  # (type, gained|lost|changed)


def diff(engine: Engine, old: Coder, new: Coder, articles: Sequence[Article]) -> Diff:
    """Which sentences gain, lose or change coding between two codebooks (the sample is parsed once).

    `engine` must parse every sentence (prefilter off): each codebook would keep different sentences.
    """
    result = Diff(old.codebook.version, new.codebook.version)
    for parsed in parse_articles(engine, articles):
        before, after = _codings(parsed, old), _codings(parsed, new)
        for index in sorted(set(before) | set(after)):
            a, b = before.get(index, frozenset()), after.get(index, frozenset())
            if a == b:
                continue
            sentence = parsed.sentences[index].text
            types_a, types_b = {c[0] for c in a}, {c[0] for c in b}
            if not a:
                result.gained.append((sentence, b))
            elif not b:
                result.lost.append((sentence, a))
            else:
                result.changed.append((sentence, a, b))
            for t in types_b - types_a:
                result.per_type[(t, "gained")] += 1
            for t in types_a - types_b:
                result.per_type[(t, "lost")] += 1
            for t in types_a & types_b:
                result.per_type[(t, "changed")] += 1
    return result


def _fmt(coding: Coding) -> str:
    return "; ".join(f"{t} {c} {s or '–'}→{g or '–'}" for t, c, s, g in sorted(coding, key=str))


def diff_markdown(d: Diff) -> str:
    lines = [f"# Codebook diff: {d.old_version} → {d.new_version}", "", "| type | gained | lost | changed |", "|---|---|---|---|"]
    for t in sorted({t for t, _ in d.per_type}):
        lines.append(f"| {t} | {d.per_type[(t, 'gained')]} | {d.per_type[(t, 'lost')]} | {d.per_type[(t, 'changed')]} |")
    lines += ["", f"## Gained ({len(d.gained)})", ""] + [f"- {_fmt(c)}: {s}" for s, c in d.gained]
    lines += ["", f"## Lost ({len(d.lost)})", ""] + [f"- {_fmt(c)}: {s}" for s, c in d.lost]
    lines += ["", f"## Changed ({len(d.changed)})", ""] + [f"- {_fmt(a)} ⇒ {_fmt(b)}: {s}" for s, a, b in d.changed]
    return "\n".join(lines) + "\n"
