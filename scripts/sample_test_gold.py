#!/usr/bin/env python3
"""Draw the sentences of the held-out Reuters test gold set, data/gold/test_reuters.jsonl.

Standard library only and deterministic: the corpus is read in numeric id order and every stratum is
shuffled with its own fixed seed, so every run prints the same records in the same order.

Corpus: ../shared/bench/reuters21578_1987.jsonl (Reuters-21578). Articles whose id occurs (before
the '#') in data/gold/handlabelled.jsonl are excluded, and so is every article that shares a sentence
of 6 or more words with one of those excluded articles (sentences compared on their letters only,
lower-cased): Reuters-21578 carries repeated wire versions of one story under different ids, and
those would leak development sentences into the test set (10 articles, e.g. reuters21578-9982 is a
copy of reuters21578-9933).

Sentences are split as data/gold/README.md describes for the Guardian/Reuters records: runs of
whitespace are collapsed to one space, and the text is split after '.', '!' or '?' (plus any closing
quotes or brackets) followed by a space and a capital letter (optionally after opening quotes or
brackets). A '.' does not end a sentence when the word before it is a common abbreviation (ABBREV:
Mr., Dr., Gen., Sen., Jan., Feb., Co., Corp., ...) or an initial or dotted initialism (H., U.S.,
E.F., U.K.), so "U.S. Secretary" and "U.S. Attacked" stay whole. This splitter reproduces the text of
all 75 Reuters records of handlabelled.jsonl at their sentence numbers (run with --check-split).

Eligible sentences have 6 to 80 whitespace-separated words, are not mostly upper case (at least half
of their letters are lower case: drops all-caps flash headlines), are not earnings-table lines
("Shr ... vs ...", _TABLE_RE) and are not excluded as above.

Strata, drawn in this order (keyword matches are case-insensitive, on word boundaries):

  invitation   25  the sentence matches invite|invited|invitation
  invitation+  12  as invitation, and the sentence also names a political actor (POLITICAL_RE:
                   minister, government, president, official(s), embassy, delegation, or a
                   country / capital name or adjective from COUNTRY_WORDS); 12 is all that remain
  resolution   35  the sentence matches resolution|motion|adopted|passed
  resolution+  31  the sentence matches resolution(s)|motion (not "motion picture(s)") and the
                   article text names a political body (BODY_RE: Senate, House, Congress,
                   Parliament, Security Council, United Nations, assembly, legislature, deputies,
                   Diet, Cabinet, MPs, government, ministers); 31 is all that remain
  strike       55  the sentence matches attack|attacked|strike|struck|raid|bomb|bombed|shell|shelled|
                   missile|fired|rocket|air raid|fighting|clash|killed|ambush|hit
  strike+      25  as strike, and the sentence also has a military / conflict word (MILITARY_RE)
  meeting      60  the sentence matches met|meet|meeting|talks|visit|visited|summit|telephone|phoned|
                   hosted|consultations|negotiations
  general      25  any eligible sentence of an article whose text names a country (COUNTRY_WORDS)
                   or says minister|government|president

The "+" strata enlarge the strata whose plain keyword draw gives very few positive events in this
(mostly economic) corpus. Within a stratum the candidates (in corpus order) are shuffled with
random.Random("test-reuters-1987:<stratum>") and taken in turn, skipping a sentence that is already
in the sample, whose text (letters only, lower-cased) is already in the sample, or whose article
already has 2 sampled sentences. One record is one sentence.

Output: one JSON object per line on stdout, {"id": "<corpus id>#<n>", "text", "published"}, with n
the 1-based sentence number, sorted by article number and then sentence number. With --strata each
record also carries the stratum it was drawn for. No labels.

Usage: python scripts/sample_test_gold.py [--strata] [--check-split]
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "bench" / "reuters21578_1987.jsonl"
HANDLABELLED = REPO / "data" / "gold" / "handlabelled.jsonl"

SEED = "test-reuters-1987"
MIN_WORDS, MAX_WORDS = 6, 80
MAX_PER_ARTICLE = 2

# ----------------------------------------------------------------------------------- splitting

ABBREV = {
    "mr", "mrs", "ms", "messrs", "dr", "prof", "rev", "gen", "lt", "col", "maj", "capt", "cmdr",
    "adm", "sgt", "sen", "rep", "gov", "st", "ft", "mt", "jr", "sr", "no", "vs",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "co", "corp", "ltd",
}
_BOUNDARY = re.compile(r"([.!?])([\"')\]]*) (?=[\"'(\[]*[A-Z])")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")


def split_sentences(text: str) -> list[str]:
    text = re.sub(r"\s+", " ", text).strip()
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group(1) == ".":
            before = text[start:m.start()]
            word = (before.rsplit(" ", 1)[-1] if before else "").lstrip("\"'([")
            if word.lower() in ABBREV or _INITIALS.fullmatch(word):
                continue
        out.append(text[start:m.end(2)].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


# ----------------------------------------------------------------------------------- strata rules

def _words(*words: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:%s)\b" % "|".join(re.escape(w) for w in words), re.I)


STRIKE_RE = _words("attack", "attacked", "strike", "struck", "raid", "bomb", "bombed", "shell",
                   "shelled", "missile", "fired", "rocket", "air raid", "fighting", "clash",
                   "killed", "ambush", "hit")
MEETING_RE = _words("met", "meet", "meeting", "talks", "visit", "visited", "summit", "telephone",
                    "phoned", "hosted", "consultations", "negotiations")
RESOLUTION_RE = _words("resolution", "motion", "adopted", "passed")
RESOLUTION_STRICT_RE = re.compile(r"\b(?:resolutions?|motion)\b(?! pictures?\b)", re.I)
INVITATION_RE = _words("invite", "invited", "invitation")
GENERAL_WORD_RE = _words("minister", "government", "president")

BODY_RE = re.compile(
    r"\b(?:Senate|House|Congress|[Pp]arliament|Security Council|United Nations|[Aa]ssembly|"
    r"[Ll]egislature|[Dd]eputies|Diet|Cabinet|MPs|[Gg]overnment|[Mm]inisters)\b")
MILITARY_RE = re.compile(
    r"\b(?:troops|soldiers|army|armed|military|forces|navy|naval|warplanes?|jets|aircraft|"
    r"warships?|gunboats?|frigate|guerrillas?|guerrilla|rebels?|insurgents?|militia\w*|"
    r"artillery|mortar|shelling|bombing|war|Iran\w*|Iraq\w*|Gulf|Afghan\w*|Leban\w*|Israel\w*|"
    r"Palestin\w*|Contras?|Nicaragu\w*|Chad\w*|Liby\w*|Angol\w*|Mozambi\w*|Salvador\w*|Kurd\w*|"
    r"Tamil\w*|Sri Lank\w*|Sikh\w*|Philippine\w*|Syria\w*|Beirut|Kabul|Baghdad|Tehran|Basra)\b",
    re.I)

#: Country names (as of 1987 and today), common short forms, and a few capitals and adjectives.
COUNTRY_WORDS = (
    "Afghanistan", "Albania", "Algeria", "Angola", "Argentina", "Australia", "Austria",
    "Bahrain", "Bangladesh", "Belgium", "Benin", "Bolivia", "Botswana", "Brazil", "Britain",
    "Bulgaria", "Burkina Faso", "Burma", "Burundi", "Cameroon", "Canada", "Chad", "Chile", "China",
    "Colombia", "Congo", "Costa Rica", "Cuba", "Cyprus", "Czechoslovakia", "Denmark", "Djibouti",
    "Ecuador", "Egypt", "El Salvador", "Ethiopia", "Fiji", "Finland", "France", "Gabon", "Gambia",
    "East Germany", "West Germany", "Germany", "Ghana", "Greece", "Guatemala", "Guinea", "Guyana",
    "Haiti", "Honduras", "Hong Kong", "Hungary", "Iceland", "India", "Indonesia", "Iran", "Iraq",
    "Ireland", "Israel", "Italy", "Ivory Coast", "Jamaica", "Japan", "Jordan", "Kampuchea",
    "Cambodia", "Kenya", "North Korea", "South Korea", "Korea", "Kuwait", "Laos", "Lebanon",
    "Liberia", "Libya", "Luxembourg", "Madagascar", "Malawi", "Malaysia", "Mali", "Malta",
    "Mauritania", "Mauritius", "Mexico", "Mongolia", "Morocco", "Mozambique", "Namibia", "Nepal",
    "Netherlands", "Holland", "New Zealand", "Nicaragua", "Niger", "Nigeria", "Norway", "Oman",
    "Pakistan", "Panama", "Papua New Guinea", "Paraguay", "Peru", "Philippines", "Poland",
    "Portugal", "Qatar", "Romania", "Rwanda", "Saudi Arabia", "Senegal", "Sierra Leone",
    "Singapore", "Somalia", "South Africa", "Soviet Union", "USSR", "Spain", "Sri Lanka", "Sudan",
    "Suriname", "Swaziland", "Sweden", "Switzerland", "Syria", "Taiwan", "Tanzania", "Thailand",
    "Togo", "Trinidad", "Tunisia", "Turkey", "Uganda", "United Arab Emirates", "UAE",
    "United Kingdom", "United States", "U.S.", "U.K.", "Uruguay", "Vatican", "Venezuela",
    "Vietnam", "Yemen", "Yugoslavia", "Zaire", "Zambia", "Zimbabwe", "Russia", "Scotland",
    "American", "British", "Soviet", "Chinese", "Japanese", "French", "West German", "Iranian",
    "Iraqi", "Israeli", "Saudi", "Brazilian", "Mexican", "Canadian", "Indian", "Pakistani",
    "Washington", "Moscow", "Tokyo", "Peking", "Beijing", "Bonn", "Paris", "London", "Tehran",
    "Baghdad", "Ottawa", "Brasilia", "Canberra",
)
_COUNTRY_RE = re.compile(
    r"(?<![A-Za-z])(?:%s)(?![A-Za-z])" % "|".join(re.escape(w) for w in COUNTRY_WORDS))
POLITICAL_RE = re.compile(
    r"(?<![A-Za-z])(?:[Mm]inist(?:er|ry|ers)|[Gg]overnment|[Pp]resident|[Oo]fficials?|[Ee]mbassy|"
    r"[Dd]elegation)(?![A-Za-z])|" + _COUNTRY_RE.pattern)

#: (name, quota, sentence test, article test); drawn in this order.
STRATA = (
    ("invitation", 25, lambda s: INVITATION_RE.search(s), None),
    ("invitation+", 12, lambda s: INVITATION_RE.search(s) and POLITICAL_RE.search(s), None),
    ("resolution", 35, lambda s: RESOLUTION_RE.search(s), None),
    ("resolution+", 31, lambda s: RESOLUTION_STRICT_RE.search(s), lambda t: BODY_RE.search(t)),
    ("strike", 55, lambda s: STRIKE_RE.search(s), None),
    ("strike+", 25, lambda s: STRIKE_RE.search(s) and MILITARY_RE.search(s), None),
    ("meeting", 60, lambda s: MEETING_RE.search(s), None),
    ("general", 25, lambda s: True,
     lambda t: _COUNTRY_RE.search(t) or GENERAL_WORD_RE.search(t)),
)


# ----------------------------------------------------------------------------------- sampling

def _norm(sentence: str) -> str:
    """Letters only, lower case: compares wire copies that differ in spacing, hyphens or case."""
    return re.sub(r"[^a-z]", "", sentence.lower())


def _num(article_id: str) -> int:
    return int(article_id.rsplit("-", 1)[1])


def load_corpus() -> list[dict]:
    with CORPUS.open(encoding="utf-8") as fh:
        arts = [json.loads(line) for line in fh if line.strip()]
    return sorted(arts, key=lambda a: _num(a["id"]))


def excluded_ids() -> set[str]:
    with HANDLABELLED.open(encoding="utf-8") as fh:
        return {json.loads(line)["id"].split("#")[0] for line in fh if line.strip()}


#: Earnings-table lines ("Shr 12 cts vs 10 cts Net 1.2 mln vs ...") are not sentences.
_TABLE_RE = re.compile(r"\b(?:Shr|Qtly div|Revs|Oper shr)\b.*\bvs\b")


def eligible(sentence: str) -> bool:
    if not MIN_WORDS <= len(sentence.split()) <= MAX_WORDS:
        return False
    if _TABLE_RE.search(sentence):
        return False
    letters = [c for c in sentence if c.isalpha()]
    return sum(c.islower() for c in letters) * 2 >= len(letters)


def sample(arts: list[dict], excl: set[str]) -> list[dict]:
    dev_sentences = {_norm(s) for a in arts if a["id"] in excl
                     for s in split_sentences(a["text"]) if len(s.split()) >= MIN_WORDS}
    candidates = []  # (article, n, sentence), corpus order
    for a in arts:
        if a["id"] in excl:
            continue
        sents = split_sentences(a["text"])
        if any(len(s.split()) >= MIN_WORDS and _norm(s) in dev_sentences for s in sents):
            continue  # another wire version of a development article
        for n, s in enumerate(sents, 1):
            if eligible(s):
                candidates.append((a, n, s))
    chosen: list[dict] = []
    seen_ids: set[str] = set()
    seen_text: set[str] = set()
    per_article: dict[str, int] = {}
    for name, quota, sent_ok, art_ok in STRATA:
        pool = [c for c in candidates
                if sent_ok(c[2]) and (art_ok is None or art_ok(c[0]["text"]))]
        random.Random(f"{SEED}:{name}").shuffle(pool)
        taken = 0
        for a, n, s in pool:
            if taken == quota:
                break
            rid = f"{a['id']}#{n}"
            if (rid in seen_ids or _norm(s) in seen_text
                    or per_article.get(a["id"], 0) >= MAX_PER_ARTICLE):
                continue
            seen_ids.add(rid)
            seen_text.add(_norm(s))
            per_article[a["id"]] = per_article.get(a["id"], 0) + 1
            chosen.append({"id": rid, "text": s, "published": a["published"], "stratum": name,
                           "_key": (_num(a["id"]), n)})
            taken += 1
        if taken < quota:
            print(f"warning: stratum {name} gave {taken} of {quota}", file=sys.stderr)
    chosen.sort(key=lambda r: r["_key"])
    for r in chosen:
        del r["_key"]
    return chosen


def check_split(arts: list[dict]) -> int:
    by_id = {a["id"]: a for a in arts}
    bad = 0
    with HANDLABELLED.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            aid, _, n = rec["id"].partition("#")
            if aid not in by_id:
                continue
            sents = split_sentences(by_id[aid]["text"])
            k = int(n)
            if k > len(sents) or sents[k - 1] != rec["text"]:
                bad += 1
                print(f"split mismatch: {rec['id']}", file=sys.stderr)
    print(f"split check: {bad} mismatches", file=sys.stderr)
    return 1 if bad else 0


def main(argv: list[str]) -> int:
    arts = load_corpus()
    if "--check-split" in argv:
        return check_split(arts)
    with_strata = "--strata" in argv
    for r in sample(arts, excluded_ids()):
        out = {"id": r["id"], "text": r["text"], "published": r["published"]}
        if with_strata:
            out["stratum"] = r["stratum"]
        print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
