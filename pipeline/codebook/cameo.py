"""The CAMEO 1.1b3 event-code table shipped in `codebooks/` (codes, names, quad class, Goldstein)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import CodebookError


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code with GDELT's quad class and its Goldstein score."""

    code: str
    name: str
    root: str
    quad_class: int
    goldstein: float


def load_cameo_table(path: Path) -> dict[str, CameoCode]:
    """Read the code table; codes stay strings so leading zeros survive."""
    table: dict[str, CameoCode] = {}
    problems: list[str] = []
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            for line_no, row in enumerate(csv.DictReader(handle), start=2):
                try:
                    entry = CameoCode(
                        code=row["code"].strip(),
                        name=row["name"].strip(),
                        root=row["root_code"].strip(),
                        quad_class=int(row["quad_class_gdelt"]),
                        goldstein=float(row["goldstein"]),
                    )
                except (KeyError, ValueError, AttributeError) as exc:
                    problems.append(f"line {line_no}: {exc!r}")
                    continue
                table[entry.code] = entry
    except OSError as exc:
        raise CodebookError(str(path), [f"cannot read the CAMEO table: {exc}"]) from None
    if problems:
        raise CodebookError(str(path), problems)
    return table
