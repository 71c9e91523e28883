"""Text cleaning shared by every input format: page furniture, datelines, agency credits, lost hyphens.

What is removed is not article text (PressReader footers, lone dashes, "-AP"), so it must never reach the
parser, where it would glue itself to real sentences.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

FURNITURE_LINES = (
    re.compile(r"^newspapers (in|from) [\w .'-]+$", re.IGNORECASE),
    re.compile(r"^[\s\-–—_•*·|=~]+$"),
    re.compile(r"^(copyright|©|\(c\)).{0,120}$", re.IGNORECASE),
    re.compile(r"^all rights reserved\.?$", re.IGNORECASE),
    re.compile(r"^(share|print|email) (this|the) (article|story|page)\.?$", re.IGNORECASE),
    re.compile(r"^(photograph|photo|picture|pictured|image|caption|file photo|illustration)s?\s*:", re.IGNORECASE),
    re.compile(r"^.{0,150}\bclick here\b.{0,150}$", re.IGNORECASE),  # "Read more letters – click here to visit gu.com/letters"
    re.compile(r"^(read more|related|sign up|subscribe|follow us)\b[^.!?]{0,120}$", re.IGNORECASE),
)
# calls to action run together with bullets: "• Join the debate – email ... • Read more letters – click here ..."
CALL_TO_ACTION = re.compile(r"click here|join the debate|sign up|do you have a photo|[\w.+-]+@[\w-]+\.[\w.]+", re.IGNORECASE)
# a caption's credit glued to a paragraph: "... in Baghdad. Photograph: Ahmad al-Rubaye/AFP/Getty Images"
PHOTO_CREDIT = re.compile(r"\s*(?:Photograph|Photo|Picture|Illustration|Composite)\s*:\s*[^.]{0,120}$")
AGENCIES = r"AP|AFP|Reuters|dpa|DPA|Xinhua|PA|Bloomberg|ANSA|EFE|Kyodo|TASS|IANS|PTI|UPI"
AGENCY_CREDIT = re.compile(rf"\s*[-–—]\s*(?:{AGENCIES})\s*$")
DATELINE = re.compile(rf"^[A-Z][A-Z .,'/-]{{2,60}}(?:\((?:{AGENCIES})\))?\s*[-–—]+\s+(?=[A-Z\"“])")
CAMEL_JOIN = re.compile(r"\b([A-Z][a-z]+|[A-Z]{2,3})([A-Z][a-z]+|[A-Z]{2,3})\b")
TITLE_MAX_WORDS = 20


@dataclass(frozen=True, slots=True)
class CleanText:
    text: str
    title: str | None


def repair_joins(text: str, known_names: frozenset[str]) -> str:
    """Restore hyphens lost in extraction when both halves are known names: 'IraqUS' → 'Iraq-US'."""

    def fix(found: re.Match[str]) -> str:
        left, right = found.group(1), found.group(2)
        if left in known_names and right in known_names:
            return f"{left}-{right}"
        return found.group(0)

    return CAMEL_JOIN.sub(fix, text)


def _drop_calls_to_action(line: str) -> str:
    """Remove bullet-separated calls to action ('• Read more letters – click here to visit ...') from a line."""
    if "•" not in line:
        return line
    return " • ".join(part.strip() for part in line.split("•") if part.strip() and not CALL_TO_ACTION.search(part))


def clean_text(raw: str, known_names: frozenset[str], source: str | None = None, title: str | None = None) -> CleanText:
    """Normalise Unicode, drop furniture lines and bulleted calls to action, a leading outlet name, a dateline
    and a trailing agency credit.

    A short first line without final punctuation is the headline: it becomes the title, not a sentence.
    When the record gives its title, a first line running on into its paragraph is dropped only if it
    repeats that title: in hard-wrapped wire copy ("The U.S. Senate Finance Committee\napproved ...") a
    short first line is the start of the first sentence.
    """
    text = unicodedata.normalize("NFKC", raw).replace("\r\n", "\n").replace("\r", "\n")
    blocks = [[_drop_calls_to_action(_indented_dateline(line)) for line in block.split("\n")] for block in re.split(r"\n\s*\n", text)]
    lines = [[line for line in block if line and not any(rule.match(line) for rule in FURNITURE_LINES)] for block in blocks]
    lines = [block for block in lines if block]
    if lines and source and lines[0][0].casefold() == source.casefold():
        lines[0].pop(0)
        lines = [block for block in lines if block]
    if lines and (len(lines) > 1 or len(lines[0]) > 1) and _is_headline(lines[0], title):
        headline = lines[0].pop(0)
        title = title or headline
    kept = [" ".join(block) for block in lines if block]
    if kept:
        kept[0] = DATELINE.sub("", kept[0], count=1)
        kept[-1] = AGENCY_CREDIT.sub("", kept[-1])
    kept = [PHOTO_CREDIT.sub("", p) for p in kept]
    body = "\n\n".join(repair_joins(p, known_names) for p in kept if p)
    return CleanText(text=body, title=title)


def _indented_dateline(line: str) -> str:
    """The line with runs of whitespace collapsed, and without the dateline that starts an indented paragraph
    inside a block (news digests: "    BAHRAIN - Iranian forces have renewed ...")."""
    words = " ".join(line.split())
    return DATELINE.sub("", words, count=1) if line[:1].isspace() else words


def _is_headline(block: list[str], title: str | None) -> bool:
    """Whether the block's first line is a headline: a short unpunctuated line that is a paragraph of its
    own, or that starts a paragraph and repeats the record's title (title unknown: that the next line does
    not continue in lower case)."""
    line = block[0]
    if len(line.split()) > TITLE_MAX_WORDS or line.rstrip().endswith((".", "!", "?", '"', "”", ":")):
        return False
    if len(block) == 1:
        return True
    if title is not None:
        return _words_of(line) == _words_of(title)
    return not block[1][:1].islower()


def _words_of(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())
