#!/usr/bin/env python3
"""Generate ``codebooks/actors/countries.generated.yaml`` from pycountry.

Every ISO 3166-1 country pycountry knows becomes one entry: its alpha-3 code
and the names pycountry gives it (``name``, ``official_name``, ``common_name``
where present), deduplicated in that order, entries sorted by code.  The
output is deterministic: the same pycountry version always yields the same
bytes.  Hand-reviewed additions (short forms, demonyms, capitals) live in
``countries.additions.yaml``; the loader merges both files by code.

Usage::

    python scripts/generate_countries.py           # (re)write the file
    python scripts/generate_countries.py --check   # exit 1 if it is stale
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from importlib.metadata import version
from pathlib import Path

import pycountry
import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO_ROOT / "codebooks" / "actors" / "countries.generated.yaml"
NAME_FIELDS = ("name", "official_name", "common_name")

# A scalar may stay unquoted inside a YAML flow sequence when it is made of
# letters, spaces and a few punctuation marks, starts with a letter, and is
# not one of YAML 1.1's special words.  Anything else is double-quoted.
_PLAIN = re.compile(r"^[^\W\d_][\w .'()-]*$")
_YAML_SPECIAL = {
    "y", "n", "yes", "no", "on", "off", "true", "false", "null", "none", "~",
}


def country_names(country: object) -> list[str]:
    """Return the distinct pycountry names of one country, in field order."""
    names: list[str] = []
    for field in NAME_FIELDS:
        value = getattr(country, field, None)
        if value and value.strip() and value.strip() not in names:
            names.append(value.strip())
    return names


def collect() -> list[tuple[str, list[str]]]:
    """Return ``(alpha_3, names)`` for every country, sorted by code."""
    rows = [(c.alpha_3, country_names(c)) for c in pycountry.countries]
    return sorted(rows, key=lambda row: row[0])


def quote(value: str) -> str:
    """Render one string as a YAML flow-sequence scalar."""
    if _PLAIN.match(value) and value.lower() not in _YAML_SPECIAL:
        return value
    return json.dumps(value, ensure_ascii=False)


def render(rows: list[tuple[str, list[str]]], pycountry_version: str) -> str:
    """Render the rows as the YAML text of the generated file."""
    lines = [
        "# GENERATED FILE - do not edit by hand.",
        "# ISO 3166-1 countries: alpha-3 code and the names pycountry gives",
        "# (name, official_name, common_name), deduplicated, sorted by code.",
        f"# Source: pycountry {pycountry_version}.",
        "# Regenerate: python scripts/generate_countries.py",
        "# Verify:     python scripts/generate_countries.py --check",
        "# Short forms, demonyms and capitals: countries.additions.yaml.",
        "countries:",
    ]
    for code, names in rows:
        lines.append(f"  - code: {code}")
        lines.append(f"    names: [{', '.join(quote(n) for n in names)}]")
    return "\n".join(lines) + "\n"


def build() -> str:
    """Build the file text and check that it parses back to the same data."""
    rows = collect()
    text = render(rows, version("pycountry"))
    parsed = yaml.safe_load(text)
    expected = {"countries": [{"code": c, "names": n} for c, n in rows]}
    if parsed != expected:
        raise RuntimeError("rendered YAML does not round-trip; fix quote()")
    return text


def main(argv: list[str] | None = None) -> int:
    """Write the generated file, or with ``--check`` compare it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; exit 1 if the file differs from what would be generated",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=DEFAULT_OUTPUT,
        help=f"file to write or check (default: {DEFAULT_OUTPUT.relative_to(REPO_ROOT)})",
    )
    args = parser.parse_args(argv)
    text = build()
    output: Path = args.output
    if args.check:
        current = output.read_bytes() if output.exists() else None
        if current != text.encode("utf-8"):
            print(
                f"{output} is missing or stale; run scripts/generate_countries.py",
                file=sys.stderr,
            )
            return 1
        print(f"{output} is up to date")
        return 0
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(text.encode("utf-8"))
    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
