"""Load and validate the codebooks, reporting every problem with its file, entry and cause.

A broken codebook must stop a run before any work, with a message a domain expert can act on:
never a traceback, never a silently skipped entry.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from pipeline.codebook.cameo import CameoCode, load_cameo_table
from pipeline.codebook.schema import (
    ActorsFile,
    ActorsPart,
    Country,
    EventsFile,
    FixedActor,
    Pattern,
    Person,
    Role,
    Rule,
    RulesFile,
)
from pipeline.errors import CodebookError

Model = TypeVar("Model", bound=BaseModel)
BOOL_TAG = "tag:yaml.org,2002:bool"
DOTTED = re.compile(r"(?:[A-Z]\.){2,}")


class CodebookLoader(yaml.SafeLoader):
    """Safe YAML where only true/false are booleans: 'on', 'no' and 'off' are words in a codebook, not flags."""


CodebookLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != BOOL_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
CodebookLoader.add_implicit_resolver(BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


@dataclass(frozen=True)
class ActorTables:
    """Actor codebook after merging included files: one entry per country code."""

    version: str
    roles: tuple[Role, ...]
    countries: tuple[Country, ...]
    actors: tuple[FixedActor, ...]
    people: tuple[Person, ...]
    dyad_nouns: frozenset[str]
    person_pronouns: frozenset[str]
    speaker_pronouns: frozenset[str]
    honorifics: frozenset[str]
    home_words: frozenset[str]
    local_roles: frozenset[str]

    def single_word_names(self) -> frozenset[str]:
        """Capitalised one-word names of countries, capitals and actors: halves of joins like 'IraqUS'."""
        words = [w for c in self.countries for w in (*c.names, *c.adjectives, *c.capitals)]
        words += [w for a in self.actors for w in a.names]
        return frozenset(w for w in words if " " not in w and w[:1].isupper() and w.isalpha())

    def dotted_abbreviations(self) -> frozenset[str]:
        """Names written as dotted initials ('U.S.', 'U.K.'), after which some archives capitalise every word."""
        words = [w for c in self.countries for w in (*c.names, *c.adjectives)]
        words += [w for a in self.actors for w in a.names]
        return frozenset(w for w in words if DOTTED.fullmatch(w))


@dataclass(frozen=True)
class Codebook:
    """Everything coding needs from `codebooks/`, validated. `version` goes on every emitted row."""

    version: str
    events: EventsFile
    rules: tuple[Rule, ...]
    actors: ActorTables
    cameo: Mapping[str, CameoCode]
    files: tuple[Path, ...]



def load_codebook(directory: Path) -> Codebook:
    """Load `events.yaml` and `actors.yaml` from `directory`, with their includes, and cross-check them."""
    events_path = directory / "events.yaml"
    actors_path = directory / "actors.yaml"
    events = _parse(events_path, EventsFile)
    rule_sources: list[tuple[Path, Rule]] = [(events_path, r) for r in events.rules]
    files = [events_path]
    for name in events.include:
        path = _included(events_path, name)
        rule_sources += [(path, r) for r in _parse(path, RulesFile).rules]
        files.append(path)
    cameo_path = _included(events_path, events.cameo_table)
    cameo = load_cameo_table(cameo_path)
    _check_rules(events_path, rule_sources, events, cameo)

    actors_file = _parse(actors_path, ActorsFile)
    parts: list[tuple[Path, ActorsPart]] = [
        (actors_path, ActorsPart(countries=actors_file.countries, actors=actors_file.actors, people=actors_file.people))
    ]
    files += [cameo_path, actors_path]
    for name in actors_file.include:
        path = _included(actors_path, name)
        parts.append((path, _parse(path, ActorsPart)))
        files.append(path)
    actors = _merge_actors(actors_path, actors_file, parts)

    digest = hashlib.sha256()
    for path in files:
        digest.update(path.read_bytes())
    version = f"{events.version}+{digest.hexdigest()[:8]}"
    return Codebook(
        version=version,
        events=events,
        rules=tuple(rule for _, rule in rule_sources),
        actors=actors,
        cameo=cameo,
        files=tuple(files),
    )


def _included(parent: Path, name: str) -> Path:
    path = (parent.parent / name).resolve()
    if not path.is_file():
        raise CodebookError(str(parent), [f"included file '{name}' does not exist ({path})"])
    return path


def _parse(path: Path, model: type[Model]) -> Model:
    """Read one YAML file into `model`, naming the entry (rule id or position) of every problem."""
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=CodebookLoader)  # noqa: S506 - a SafeLoader
    except OSError as exc:
        raise CodebookError(str(path), [f"cannot read: {exc}"]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise CodebookError(str(path), [f"{where}not valid YAML: {problem}"]) from None
    if not isinstance(raw, dict):
        raise CodebookError(str(path), ["the file must hold a mapping of keys (e.g. 'rules:'), not a list or text"])
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise CodebookError(str(path), [_describe(err, raw) for err in exc.errors()]) from None


def _describe(error: Mapping[str, Any], raw: Any) -> str:
    """'rule 'strike.noun' (entry 3) > patterns > 1 > trigger: extra inputs are not permitted'."""
    loc = [part for part in error["loc"] if not (isinstance(part, str) and part.startswith(("function-", "tuple[")))]
    parts: list[str] = []
    node = raw
    for index, key in enumerate(loc):
        child = node[key] if _indexable(node, key) else None
        if isinstance(key, int) and index > 0 and isinstance(child, dict):
            label = child.get("id") or child.get("code")
            entry = loc[index - 1]
            parts[-1] = f"{entry} entry {key + 1}" + (f" ({label!r})" if label else "")
        elif isinstance(key, int):
            parts.append(f"item {key + 1}")
        else:
            parts.append(str(key))
        node = child
    where = " > ".join(parts) or "top level"
    value = f" (got {error['input']!r})" if "input" in error and not isinstance(error["input"], dict | list) else ""
    return f"{where}: {error['msg']}{value}"


def _indexable(node: Any, key: Any) -> bool:
    if isinstance(node, dict):
        return key in node
    return isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node)


def _canonical(pattern: Pattern) -> str:
    return json.dumps(pattern.model_dump(mode="json", by_alias=True, exclude_none=True), sort_keys=True)


def _check_rules(
    events_path: Path, rule_sources: Sequence[tuple[Path, Rule]], events: EventsFile, cameo: Mapping[str, CameoCode]
) -> None:
    """Cross-entry checks: unique ids, known codes and types, overrides that resolve, no pattern claimed twice."""
    problems: dict[Path, list[str]] = defaultdict(list)
    seen: dict[str, Path] = {}
    rules_by_id = {rule.id: rule for _, rule in rule_sources}
    claims: dict[str, list[str]] = defaultdict(list)
    for path, rule in rule_sources:
        label = f"rule '{rule.id}'"
        for rid in [rule.id, *(r.id for r in rule.refinements)]:
            if rid in seen:
                problems[path].append(f"{label}: id '{rid}' is used twice (also in {seen[rid].name})")
            seen[rid] = path
        if rule.event_type not in events.event_types:
            problems[path].append(f"{label}: event type '{rule.event_type}' is not declared under event_types")
        codes = [("cameo_code", rule.cameo_code)] + [(f"refinement '{r.id}'", r.cameo_code) for r in rule.refinements]
        if rule.planned not in (None, "drop"):
            codes.append(("planned", rule.planned))
        for where, code in codes:
            if code not in cameo:
                problems[path].append(f"{label}: {where} {code} is not a CAMEO 1.1b3 code")
        for target in rule.overrides:
            if target == rule.id:
                problems[path].append(f"{label}: overrides itself")
            elif target not in rules_by_id:
                problems[path].append(f"{label}: overrides unknown rule '{target}'")
        for pattern in rule.patterns:
            claims[_canonical(pattern)].append(rule.id)
    for event_type, spec in events.event_types.items():
        if spec.planned != "drop" and spec.planned not in cameo:
            problems[events_path].append(f"event type '{event_type}': planned {spec.planned} is not a CAMEO code")
        for code in spec.separate_codes:
            if code not in cameo:
                problems[events_path].append(f"event type '{event_type}': separate code {code} is not a CAMEO code")
        venues = spec.venue_codes
        if venues is not None:
            for code in (*venues.replaces, venues.source_country, venues.target_country, venues.elsewhere):
                if code is not None and code not in cameo:
                    problems[events_path].append(f"event type '{event_type}': venue code {code} is not a CAMEO code")
    for pattern, owners in claims.items():
        for i, first in enumerate(owners):
            for second in owners[i + 1 :]:
                if first == second:
                    path = next(p for p, r in rule_sources if r.id == first)
                    problems[path].append(f"rule '{first}': the same pattern is listed twice: {pattern}")
                elif second not in _overridden(first, rules_by_id) and first not in _overridden(second, rules_by_id):
                    path = next(p for p, r in rule_sources if r.id == second)
                    problems[path].append(
                        f"rule '{second}': pattern {pattern} is also claimed by rule '{first}'; "
                        "state which one overrides the other"
                    )
    cycle = _override_cycle(rules_by_id)
    if cycle:
        problems[events_path].append(f"overrides form a cycle: {' -> '.join(cycle)}")
    if problems:
        path, messages = next(iter(problems.items()))
        others = [f"{p.name}: {m}" for p, ms in list(problems.items())[1:] for m in ms]
        raise CodebookError(str(path), messages + others)


def _overridden(rule_id: str, rules: Mapping[str, Rule]) -> set[str]:
    """Every rule `rule_id` overrides, directly or through rules it overrides."""
    found: set[str] = set()
    stack = list(rules[rule_id].overrides) if rule_id in rules else []
    while stack:
        current = stack.pop()
        if current in found or current not in rules:
            continue
        found.add(current)
        stack.extend(rules[current].overrides)
    return found


def _override_cycle(rules: Mapping[str, Rule]) -> list[str] | None:
    for rule_id in rules:
        if rule_id in _overridden(rule_id, rules):
            return [rule_id, *rules[rule_id].overrides, rule_id]
    return None


def _merge_actors(path: Path, actors_file: ActorsFile, parts: Iterable[tuple[Path, ActorsPart]]) -> ActorTables:
    """Merge country entries by code and check that no word names two actors or signals two roles."""
    problems: list[str] = []
    merged: dict[str, dict[str, list[str]]] = {}
    fixed: list[FixedActor] = []
    people: list[Person] = []
    owner: dict[str, tuple[str, Path]] = {}

    def claim(word: str, code: str, source: Path) -> None:
        key = " ".join(word.lower().split())
        previous = owner.get(key)
        if previous and previous[0] != code:
            problems.append(f"{source.name}: '{word}' names {code} but also {previous[0]} ({previous[1].name})")
        owner.setdefault(key, (code, source))

    for source, part in parts:
        for country in part.countries:
            entry = merged.setdefault(country.code, {"names": [], "adjectives": [], "capitals": [], "cities": []})
            for field in ("names", "adjectives", "capitals", "cities"):
                for word in getattr(country, field):
                    claim(word, country.code, source)
                    if word not in entry[field]:
                        entry[field].append(word)
        for actor in part.actors:
            for word in actor.names:
                claim(word, actor.code, source)
            fixed.append(actor)
        for person in part.people:
            for word in (person.name, *person.aliases):
                claim(word, f"person:{person.country}", source)  # namesakes of one country are told apart by date
            people.append(person)
    codes = {actor.code for actor in fixed}
    for person in people:
        for term in person.terms:
            if term.actor is not None and term.actor not in codes:
                problems.append(f"people: {person.name}: term actor {term.actor} is not the code of any actor")
    role_of: dict[str, str] = {}
    for role in actors_file.roles:
        for word in role.words:
            key = word.lower()
            if key in role_of and role_of[key] != role.code:
                problems.append(f"roles: '{word}' signals both {role_of[key]} and {role.code}")
            role_of[key] = role.code
    known_roles = {role.code for role in actors_file.roles}
    for code in actors_file.references.local_roles:
        if code not in known_roles:
            problems.append(f"references: local role {code} is not the code of any role")
    if problems:
        raise CodebookError(str(path), problems)
    countries = tuple(Country(code=code, **fields) for code, fields in sorted(merged.items()))
    return ActorTables(
        version=actors_file.version,
        roles=actors_file.roles,
        countries=countries,
        actors=tuple(fixed),
        people=tuple(people),
        dyad_nouns=frozenset(w.lower() for w in actors_file.references.dyad_nouns),
        person_pronouns=frozenset(w.lower() for w in actors_file.references.person_pronouns),
        speaker_pronouns=frozenset(w.lower() for w in actors_file.references.speaker_pronouns),
        honorifics=frozenset(w.lower() for w in actors_file.references.honorifics),
        home_words=frozenset(w.lower() for w in actors_file.references.home_words),
        local_roles=frozenset(actors_file.references.local_roles),
    )
