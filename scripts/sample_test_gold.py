#!/usr/bin/env python3
"""Draw the sentences of the held-out test gold sets: data/gold/test_reuters.jsonl (set a, the
default), data/gold/test_reuters_b.jsonl (set b, --set b), data/gold/test_guardian.jsonl (set c,
--set c), data/gold/test_guardian_d.jsonl (set d, --set d), data/gold/test_reuters_e.jsonl (set e,
--set e), data/gold/test_reuters_f.jsonl (set f, --set f) and data/gold/test_reuters_g.jsonl (set g,
--set g); sets c and d come from the Guardian corpus, sets e, f and g again from Reuters (see the end
of this docstring).

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

Set b (--set b) is a second, disjoint held-out sample drawn by the same procedure with the seed
"test-reuters-1987-b" and STRATA_B. It also excludes every article whose id occurs (before the '#')
in data/gold/test_reuters.jsonl, and every article sharing a 6+ word sentence with any excluded
article (development or set a). It further skips flash lines ("****** ... Blah blah blah"), digest
lines carrying wire codes ("(XYHY 1405) SAO PAULO - ...") and listings whose words nearly all start
in upper case (eligible_b). Its strata, in drawing order:

  invitation   15  the sentence matches invit\w*; candidates that also name a political actor
                   (POLITICAL_RE) or an IGO (IGO_B_RE) are taken first. After set a, only about 27
                   candidates remain and none of them is an invitation to visit, meet or talk
                   (tenders, bill offers, loan syndicates: hard negatives)
  resolution   20  the sentence matches resolution(s)|motion(s)|adopt(ed)|passed|approved|vote(d)|
                   endorsed|censure|condemn(ed|s) and names a legislature, council or government
                   (LEGISLATURE_B_RE); sentences with resolution|motion|censure|condemn|non-binding|
                   Security Council|General Assembly|no-confidence|declaration|communique are taken
                   first. Set a used up the plain "resolution|motion" ones with a political body
  strike       70  the sentence matches STRIKE_B_RE (attack(s), strike(s), raid(s), bomb(ing),
                   shell(ing), missile(s), fired, rocket(s), fighting, clash(es), killed, ambush, hit,
                   offensive, battle(s), invasion, war; not "post-war", "trade/price/bidding war",
                   "World War", "war of words") and has a military / conflict word (MILITARY_RE)
  meeting      70  the sentence matches MEETING_B_RE (met, meet -- not "meet demand/debts/targets/..."
                   --, meeting(s), talks, visit(s/ed/ing), summit, telephone call, phoned, hosted,
                   consultations, negotiations, conferred) and names a political actor
                   (POLITICAL_RE) or an IGO (IGO_B_RE: OPEC, GATT, IMF, World Bank, UN, EC, GCC, ...)
  general      25  as set a's general stratum

Set c (--set c) is drawn from the Guardian corpus ../shared/bench/guardian_2017_2019.jsonl (249
articles of 2017-2019, NGEC sample; ids guardian-ngec-<n>, read in numeric order) with the seed
"test-guardian-2017-2019-c" and STRATA_C, by the same procedure (sample()). Excluded are the 43
articles whose id occurs (before the '#') in data/gold/handlabelled.jsonl and, as for the Reuters
sets, every article sharing a 6+ word sentence with one of them: 5 more (guardian-ngec-156, 159, 520,
527, 786 repeat passages of development articles). At most 2 sentences per article (MAX_PER_ARTICLE;
3 was not needed). Sentences are split with the Guardian variant of the splitter
(split_sentences(text, guardian=True)): curly quotes may close a sentence (’ ”) and open the next (‘
“), the next sentence may also start with an accented capital (Çavuşoğlu) or a digit, and the word
before a '.' is checked against ABBREV and initials as it stands (opening quotes and brackets are not
stripped, so "(U.S." ends a sentence). With these rules the splitter reproduces the text of all 59
Guardian records of handlabelled.jsonl at their sentence numbers (--set c --check-split). Besides
eligible(), set c skips page furniture: bullet lists ('•'), "Read more", "on/via Twitter/Facebook"
(eligible_c). Its strata, in drawing order:

  invitation   15  the sentence matches invit\w*; candidates naming a political actor (POLITICAL_C_RE:
                   POLITICAL_RE's offices plus envoy, ambassador, diplomat, secretary of state, foreign
                   secretary, senator, MPs, White House, Pentagon, Downing Street, leaders of 2017-2019
                   such as Trump, Putin, Erdoğan, Assad, Macron, Rouhani, de Mistura; COUNTRY_WORDS_C:
                   COUNTRY_WORDS plus US, UK, more adjectives and capitals) or an IGO (IGO_C_RE: UN,
                   security council, EU, Nato, Arab League, OPCW, G7/G20, ...) are taken first. The
                   corpus offers only 12 candidates outside the development articles: all are taken
  resolution   25  RESOLUTION_B_RE and a legislature, council, UN body or government (LEGISLATURE_C_RE:
                   LEGISLATURE_B_RE plus the lower-case "security council", "general assembly", UN, EU,
                   Knesset, Duma, Bundestag, Majlis, Lords, lawmakers, senators, cabinet, congress);
                   RESOLUTION_STRONG_B_RE candidates first. 23 candidates; 20 are drawn (the others'
                   articles already have 2 sampled sentences)
  strike       70  STRIKE_C_RE (STRIKE_B_RE's words without the bare "war" -- here mostly "the Syrian
                   civil war" as background -- plus airstrike(s), bombardment, bomber(s), bombings,
                   drone(s), assault(s)) and a military / conflict word (MILITARY_C_RE: MILITARY_RE
                   plus fighters, militants, jihadists, Isis, Islamic State, regime, coalition, Taliban,
                   Hezbollah, Houthis, YPG, SDF, PKK, jets, drones, Yemen, Gaza, Idlib, Raqqa, Mosul,
                   Aleppo, Ghouta, Afrin, Manbij, Damascus, Russia*, Turk*, Saudi*, ...)
  meeting      70  MEETING_C_RE (MEETING_B_RE's words plus summits, hosting, talked, negotiated,
                   negotiating, "phone call(s)/conversation", "spoke/talked by phone") and a political
                   actor (POLITICAL_C_RE) or an IGO (IGO_C_RE)
  general      48  any eligible sentence of an article whose text names a country (COUNTRY_WORDS_C) or
                   says minister|government|president: 40 plus the 8 places the invitation and
                   resolution strata could not fill, so that the set has 220 sentences

Set d (--set d) is a second Guardian sample, drawn like set c (same corpus, splitter, eligible_c and
sentence / article tests: STRATA_D reuses STRATA_C's) with the seed "test-guardian-2017-2019-d" and
QUOTAS_D. Besides set c's exclusions it excludes every article whose id occurs (before the '#') in
data/gold/test_guardian.jsonl (135 articles) and, as for the other sets, every article sharing a 6+
word sentence with any excluded article: 3 more (guardian-ngec-57, 88, 99 repeat passages of set c
articles), besides set c's 5. That leaves 63 articles, so at most 126 sentences at 2 per article. Its
strata, in drawing order (meeting before strike, so that strike sentences do not use up the two places
of the few articles with a meeting candidate):

  invitation   15  as set c: no candidate is left
  resolution   25  as set c: no candidate is left
  meeting      45  as set c: only 3 candidates are left, all taken (none reports a meeting between
                   political actors)
  strike       50  as set c
  general      77  as set c: 25 plus places the scarce strata cannot fill, to aim at about 130
                   sentences; 73 are drawn, every place the 63 articles have left, so the set has 126
                   sentences (strike 50, meeting 3, general 73)

Set e (--set e) is a third Reuters sample, drawn like set b (same corpus, splitter, eligible_b and
sentence / article tests and preferences: STRATA_E reuses STRATA_B's) with the seed
"test-reuters-1987-e" and QUOTAS_E. Besides set b's exclusions it excludes every article whose id
occurs (before the '#') in data/gold/test_reuters_b.jsonl, and, as for the other sets, every article
sharing a 6+ word sentence with any excluded article (development, set a or set b): 511 Reuters
articles are excluded by id and 91 more as wire copies. At most 2 sentences per article. Its strata,
in drawing order:

  invitation   10  as set b: after sets a and b exactly 10 candidates are left, all taken, none of them
                   naming a political actor or an IGO (bill offers, tenders, syndications, board seats)
  resolution   15  as set b; none of the 312 candidates has a RESOLUTION_STRONG_B_RE word any more
                   (votes on bills and budgets, laws passed: hard negatives)
  strike       50  as set b (266 candidates)
  meeting      50  as set b
  general      25  as set a's general stratum

so the set has 150 sentences from 139 articles.

Set f (--set f) is a fourth Reuters sample, drawn like set e (same corpus, splitter, eligible_b and
sentence / article tests and preferences: STRATA_F reuses STRATA_B's) with the seed
"test-reuters-1987-f" and QUOTAS_F. Besides set e's exclusions it excludes every article whose id
occurs (before the '#') in data/gold/test_reuters_e.jsonl, and every article sharing a 6+ word
sentence with any excluded article (development, set a, b or e): 650 articles by id and 109 more as
wire copies. At most 2 sentences per article. Its strata, in drawing order: invitation 10 (set e took
the last candidates: none is left), resolution 15 (279 candidates, none with a RESOLUTION_STRONG_B_RE
word), strike 50 (160 candidates), meeting 50, and general 35 (as set a's general stratum: 25 plus the
10 places of the empty invitation stratum), so the set has 150 sentences from 145 articles.

Set g (--set g) is a fifth Reuters sample, drawn like set f (its strata, quotas, tests and
preferences) with the seed "test-reuters-1987-g". Besides set f's exclusions it excludes every article
whose id occurs (before the '#') in data/gold/test_reuters_f.jsonl, and every article sharing a 6+ word
sentence with any excluded article.

Output: one JSON object per line on stdout, {"id": "<corpus id>#<n>", "text", "published"}, with n
the 1-based sentence number, sorted by article number and then sentence number. With --strata each
record also carries the stratum it was drawn for. No labels.

Usage: python scripts/sample_test_gold.py [--set a|b|c|d|e|f|g] [--strata] [--check-split]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "bench" / "reuters21578_1987.jsonl"
CORPUS_C = REPO.parent / "shared" / "bench" / "guardian_2017_2019.jsonl"
HANDLABELLED = REPO / "data" / "gold" / "handlabelled.jsonl"
TEST_A = REPO / "data" / "gold" / "test_reuters.jsonl"
TEST_B = REPO / "data" / "gold" / "test_reuters_b.jsonl"
TEST_C = REPO / "data" / "gold" / "test_guardian.jsonl"
TEST_E = REPO / "data" / "gold" / "test_reuters_e.jsonl"
TEST_F = REPO / "data" / "gold" / "test_reuters_f.jsonl"

SEED = "test-reuters-1987"
SEED_B = "test-reuters-1987-b"
SEED_C = "test-guardian-2017-2019-c"
SEED_D = "test-guardian-2017-2019-d"
SEED_E = "test-reuters-1987-e"
SEED_F = "test-reuters-1987-f"
SEED_G = "test-reuters-1987-g"
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
#: Set c (Guardian): curly quotes close and open sentences too, and a sentence may start with an
#: accented capital (Çavuşoğlu, Özil) or a digit ("2018 was ...").
_BOUNDARY_C = re.compile(r"([.!?])([\"')\]”’]*) (?=[\"'(\[“‘]*[A-ZÀ-ÖØ-ÞĀ-Ž0-9])")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")


def split_sentences(text: str, guardian: bool = False) -> list[str]:
    """Split an article into sentences; guardian=True is set c's variant (see the module docstring)."""
    boundary = _BOUNDARY_C if guardian else _BOUNDARY
    text = re.sub(r"\s+", " ", text).strip()
    out: list[str] = []
    start = 0
    for m in boundary.finditer(text):
        if m.group(1) == ".":
            before = text[start:m.start()]
            word = before.rsplit(" ", 1)[-1] if before else ""
            if not guardian:
                word = word.lstrip("\"'([")
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

# ----------------------------------------------------------------------------------- set b rules

INVITATION_B_RE = re.compile(r"\binvit\w*", re.I)
RESOLUTION_B_RE = re.compile(
    r"\b(?:resolutions?|motions?|adopted|adopt|passed|approved|voted|vote|endorsed|censure|"
    r"condemn(?:ed|s)?)\b(?! pictures?\b)", re.I)
#: Words that mark a formal resolution, motion or declaration; such candidates are drawn first.
RESOLUTION_STRONG_B_RE = re.compile(
    r"\b(?:resolutions?|motions?|censure|condemn(?:ed|s)?|non-?binding|Security Council|"
    r"General Assembly|no[- ]confidence|declaration|communique)\b(?! pictures?\b)", re.I)
LEGISLATURE_B_RE = re.compile(
    r"\b(?:Senate|House|Congress|[Pp]arliament\w*|Security Council|United Nations|U\.N\.|"
    r"[Aa]ssembly|[Ll]egislat(?:ure|ors?)|[Dd]eputies|Diet|Cabinet|MPs|[Cc]ouncil|Commons|"
    r"Supreme Soviet|[Gg]overnment)\b")
STRIKE_B_RE = re.compile(
    r"\b(?:attack(?:s|ed|ing)?|strikes?|struck|raid(?:s|ed)?|bomb(?:s|ed|ing)?|"
    r"shell(?:s|ed|ing)?|missiles?|fired|rockets?|fighting|clash(?:es|ed)?|killed|"
    r"ambush(?:ed)?|hit|offensive|battles?|invasion|invaded|"
    r"(?<![-\w])(?<!trade )(?<!price )(?<!bidding )(?<!World )war(?! of words)(?!-))\b", re.I)
#: "meet" in the sense of satisfying something (meet demand, meet its debts) is left out.
_MEET_OBJECT = (r"(?:needs?|demands?|obligations?|requirements?|targets?|commitments?|debts?|"
                r"payments?|criteria|quotas?|competition|expectations?|costs?|deadlines?|"
                r"standards?|goals?|conditions?|requests?)")
MEETING_B_RE = re.compile(
    r"\b(?:met|meet(?!\s+(?:[\w.'-]+\s+){0,3}%s\b)|meets|meetings?|talks|visit|visits|visited|"
    r"visiting|summit|telephone (?:call|conversation|talks)|telephoned|phoned|hosted|hosts|"
    r"consultations|negotiations|negotiators|conferred)\b" % _MEET_OBJECT, re.I)
#: International organisations and groupings often met in 1987 news (case-sensitive).
IGO_B_RE = re.compile(
    r"\b(?:OPEC|GATT|IMF|World Bank|United Nations|U\.N\.|UN|EC|EEC|European Community|GCC|"
    r"Gulf Cooperation Council|ASEAN|Asean|OECD|ADB|NATO|Security Council|G-7|G-5|Group of Five|"
    r"Group of Seven|Paris Club|ICO|International Coffee Organi[sz]ation)\b")

#: Set b also skips flash lines ("****** ... Blah blah blah"), lines of the news digests that carry
#: wire codes ("(XYHY 1405) SAO PAULO - ...") and listings whose words nearly all start in upper case
#: ("U.S. DIVIDEND MEETINGS - APRIL 7 Itt Corp Milton Roy ...").
_DIGEST_RE = re.compile(r"\*\*\*|[Bb]lah blah|\([A-Z]{4} \d{4}")


def eligible_b(sentence: str) -> bool:
    if _DIGEST_RE.search(sentence):
        return False
    words = [w for w in sentence.split() if any(c.isalpha() for c in w)]
    caps = sum(w.lstrip("\"'(<[")[:1].isupper() for w in words)
    return caps * 10 < len(words) * 9


#: Set b (data/gold/test_reuters_b.jsonl); drawn in this order. An optional fifth element ranks the
#: shuffled pool: candidates for which it is true are taken first (stable, so the order stays seeded).
STRATA_B = (
    ("invitation", 15, lambda s: INVITATION_B_RE.search(s), None,
     lambda s: bool(POLITICAL_RE.search(s) or IGO_B_RE.search(s))),
    ("resolution", 20, lambda s: RESOLUTION_B_RE.search(s) and LEGISLATURE_B_RE.search(s), None,
     lambda s: bool(RESOLUTION_STRONG_B_RE.search(s))),
    ("strike", 70, lambda s: STRIKE_B_RE.search(s) and MILITARY_RE.search(s), None),
    ("meeting", 70,
     lambda s: MEETING_B_RE.search(s) and (POLITICAL_RE.search(s) or IGO_B_RE.search(s)), None),
    ("general", 25, lambda s: True,
     lambda t: _COUNTRY_RE.search(t) or GENERAL_WORD_RE.search(t)),
)


# ----------------------------------------------------------------------------------- set c rules

def _extend(base: re.Pattern[str], extra: str, flags: int = 0) -> re.Pattern[str]:
    r"""base's alternatives plus extra's: base must be a single "\b(?:...)\b" group."""
    assert base.pattern.startswith(r"\b(?:") and base.pattern.endswith(r")\b"), base.pattern
    return re.compile(base.pattern[:-3] + "|" + extra + r")\b", flags)


#: Set c (data/gold/test_guardian.jsonl) draws from Guardian articles of 2017-2019 (mostly Syria, Iraq,
#: Isis and their diplomacy), so its lists add the actors, places and wording of that news.
COUNTRY_WORDS_C = COUNTRY_WORDS + (
    "US", "UK", "Ukraine", "Myanmar", "Serbia", "Bosnia", "Kosovo", "Belarus", "Kazakhstan",
    "Uzbekistan", "Tajikistan", "Chechnya", "Azerbaijan", "Armenia", "Georgia",
    "Russian", "Syrian", "Turkish", "German", "Italian", "Spanish", "Dutch", "Belgian", "Swedish",
    "Danish", "Norwegian", "Austrian", "Swiss", "Polish", "Greek", "Irish", "Australian",
    "Egyptian", "Libyan", "Lebanese", "Jordanian", "Yemeni", "Emirati", "Qatari", "Kuwaiti",
    "Bahraini", "Omani", "Afghan", "Tunisian", "Moroccan", "Algerian", "Sudanese", "Somali",
    "Nigerian", "Kenyan", "Ukrainian", "Korean", "Indonesian", "Malaysian", "Filipino",
    "Ankara", "Damascus", "Riyadh", "Kabul", "Jerusalem", "Tel Aviv", "Berlin", "Rome", "Madrid",
    "Amman", "Beirut", "Cairo", "Doha", "Abu Dhabi", "Istanbul", "Kremlin", "Pyongyang", "Seoul",
)
_COUNTRY_C_RE = re.compile(
    r"(?<![A-Za-z])(?:%s)(?![A-Za-z])" % "|".join(re.escape(w) for w in COUNTRY_WORDS_C))
#: Political actors of 2017-2019 news named without their country: offices, and leaders whose
#: surname is not a common word (so not May or Johnson alone).
POLITICAL_C_RE = re.compile(
    r"(?<![A-Za-z])(?:[Mm]inist(?:er|ry|ers)|[Gg]overnment|[Pp]resident|[Oo]fficials?|[Ee]mbassy|"
    r"[Dd]elegations?|[Ee]nvoys?|[Aa]mbassadors?|[Dd]iplomats?|[Ss]ecretary of state|"
    r"[Ff]oreign secretary|[Hh]ome secretary|[Cc]hancellor|[Ss]enators?|MPs|White House|Pentagon|"
    r"Downing Street|Elysée|Trump|Obama|Pence|Pompeo|Tillerson|Bolton|Mattis|Haley|Kushner|Putin|"
    r"Lavrov|Medvedev|Erdoğan|Erdogan|Çavuşoğlu|Cavusoglu|Assad|Macron|Merkel|Theresa May|"
    r"Boris Johnson|Jeremy Hunt|Corbyn|Javid|Rouhani|Khamenei|Zarif|Netanyahu|Kim Jong-un|"
    r"Xi Jinping|bin Salman|Sisi|Haftar|de Mistura|Guterres|Mogherini|Juncker|Tusk|Stoltenberg|"
    r"Trudeau|Turnbull|Morrison|Abadi|Barzani|Abdullah)(?![A-Za-z])|" + _COUNTRY_C_RE.pattern)
#: International organisations met in this news (case-sensitive; "UN" but not "un-").
IGO_C_RE = re.compile(
    r"\b(?:UN(?!-)|U\.N\.|United Nations|[Ss]ecurity [Cc]ouncil|[Gg]eneral [Aa]ssembly|EU|"
    r"European Union|European [Cc]ommission|European [Pp]arliament|Nato|NATO|Arab League|OPCW|"
    r"Unicef|UNICEF|UNHCR|OSCE|African Union|G7|G20|IMF|World Bank|Opec|OPEC|Gulf Cooperation "
    r"Council|GCC|Organisation of Islamic Cooperation|OIC|Interpol|ICC|International Criminal "
    r"Court|Council of Europe)\b")
#: Strike words: STRIKE_B_RE's without the bare "war" (in this corpus mostly "the Syrian civil war"
#: as background), plus airstrike(s), bombardment, bomber(s), bombings, drone(s), assault(s).
STRIKE_C_RE = re.compile(
    r"\b(?:attack(?:s|ed|ing)?|strikes?|struck|airstrikes?|raid(?:s|ed)?|"
    r"bomb(?:s|ed|ing|ings|er|ers|ard|arded|ardment|ardments)?|shell(?:s|ed|ing)?|missiles?|fired|"
    r"rockets?|fighting|clash(?:es|ed)?|killed|ambush(?:ed)?|hit|offensive|battles?|invasion|"
    r"invaded|drones?|assaults?)\b", re.I)
MILITARY_C_RE = _extend(
    MILITARY_RE, r"fighters?|militants?|jihadi(?:s|st|sts)?|Isis|ISIS|Islamic State|Daesh|"
    r"regime|coalition|al-Qaida|al-Qaeda|Taliban|Hezbollah|Hamas|Houthis?|al-Shabaab|Boko Haram|"
    r"YPG|SDF|PKK|Peshmerga|paramilitar\w*|jets?|warplanes?|drones?|airstrikes?|Yemen\w*|Gaza|"
    r"Idlib|Raqqa|Mosul|Aleppo|Ghouta|Douma|Afrin|Manbij|Baghuz|Hodeidah|Damascus|Russia\w*|"
    r"Turk\w*|Saudi\w*", re.I)
#: Meeting words: MEETING_B_RE's plus phone calls ("phone call", "spoke by phone"), "hosting",
#: "talked", "summits", "negotiat(ed|ing)".
MEETING_C_RE = _extend(
    MEETING_B_RE, r"summits|hosting|talked|negotiated|negotiating|phone (?:call|calls|conversation)|"
    r"(?:spoke|speaking|talked) (?:by|on the) (?:tele)?phone", re.I)
RESOLUTION_C_RE = RESOLUTION_B_RE
#: Legislatures, councils, UN bodies and governments, in the Guardian's lower-case style
#: ("the UN security council", "parliament").
LEGISLATURE_C_RE = _extend(
    LEGISLATURE_B_RE, r"[Ss]ecurity [Cc]ouncil|[Gg]eneral [Aa]ssembly|UN|EU|Knesset|Duma|Bundestag|"
    r"Majlis|Lords|[Ll]awmakers|[Ss]enators|[Cc]abinet|[Cc]ongress(?:men)?")


def eligible_c(sentence: str) -> bool:
    """Set c also skips the Guardian's page furniture (bullet lists, 'Read more', share links)."""
    return not re.search(r"•|\bRead more\b|\b(?:on|via) (?:Twitter|Facebook)\b", sentence)


#: Set c: strata in drawing order, as STRATA_B (fifth element: preferred candidates drawn first).
STRATA_C = (
    ("invitation", 15, lambda s: INVITATION_B_RE.search(s), None,
     lambda s: bool(POLITICAL_C_RE.search(s) or IGO_C_RE.search(s))),
    ("resolution", 25, lambda s: RESOLUTION_C_RE.search(s) and LEGISLATURE_C_RE.search(s), None,
     lambda s: bool(RESOLUTION_STRONG_B_RE.search(s))),
    ("strike", 70, lambda s: STRIKE_C_RE.search(s) and MILITARY_C_RE.search(s), None),
    ("meeting", 70,
     lambda s: MEETING_C_RE.search(s) and (POLITICAL_C_RE.search(s) or IGO_C_RE.search(s)), None),
    ("general", 48, lambda s: True,
     lambda t: _COUNTRY_C_RE.search(t) or GENERAL_WORD_RE.search(t)),
)


#: Set d (data/gold/test_guardian_d.jsonl): set c's strata (same sentence and article tests), with
#: their own quotas and the scarce meeting stratum drawn before strike, so that strike sentences do not
#: take the two places of the few articles with a meeting candidate.
#: Name -> quota, in drawing order.
QUOTAS_D = {"invitation": 15, "resolution": 25, "meeting": 45, "strike": 50, "general": 77}
_STRATA_C_BY_NAME = {stratum[0]: stratum for stratum in STRATA_C}
STRATA_D = tuple((name, quota, *_STRATA_C_BY_NAME[name][2:]) for name, quota in QUOTAS_D.items())


#: Set e (data/gold/test_reuters_e.jsonl): a third Reuters sample with set b's strata (same sentence
#: tests and preferences) and eligible_b, with its own quotas. Name -> quota, in drawing order.
QUOTAS_E = {"invitation": 10, "resolution": 15, "strike": 50, "meeting": 50, "general": 25}
_STRATA_B_BY_NAME = {stratum[0]: stratum for stratum in STRATA_B}
STRATA_E = tuple((name, quota, *_STRATA_B_BY_NAME[name][2:]) for name, quota in QUOTAS_E.items())

#: Set f (data/gold/test_reuters_f.jsonl): a fourth Reuters sample, drawn like set e (set b's strata,
#: sentence tests, preferences and eligible_b), with its own seed and quotas. Name -> quota, in drawing
#: order.
QUOTAS_F = {"invitation": 10, "resolution": 15, "strike": 50, "meeting": 50, "general": 35}
STRATA_F = tuple((name, quota, *_STRATA_B_BY_NAME[name][2:]) for name, quota in QUOTAS_F.items())


# ----------------------------------------------------------------------------------- sampling

def _norm(sentence: str) -> str:
    """Letters only, lower case: compares wire copies that differ in spacing, hyphens or case."""
    return re.sub(r"[^a-z]", "", sentence.lower())


def _num(article_id: str) -> int:
    return int(article_id.rsplit("-", 1)[1])


def load_corpus(path: Path = CORPUS) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        arts = [json.loads(line) for line in fh if line.strip()]
    return sorted(arts, key=lambda a: _num(a["id"]))


def excluded_ids(*paths: Path) -> set[str]:
    """Article ids (before the '#') of the records in handlabelled.jsonl and any further gold files."""
    ids: set[str] = set()
    for path in (HANDLABELLED, *paths):
        with path.open(encoding="utf-8") as fh:
            ids |= {json.loads(line)["id"].split("#")[0] for line in fh if line.strip()}
    return ids


#: Earnings-table lines ("Shr 12 cts vs 10 cts Net 1.2 mln vs ...") are not sentences.
_TABLE_RE = re.compile(r"\b(?:Shr|Qtly div|Revs|Oper shr)\b.*\bvs\b")


def eligible(sentence: str) -> bool:
    if not MIN_WORDS <= len(sentence.split()) <= MAX_WORDS:
        return False
    if _TABLE_RE.search(sentence):
        return False
    letters = [c for c in sentence if c.isalpha()]
    return sum(c.islower() for c in letters) * 2 >= len(letters)


def sample(arts: list[dict], excl: set[str], strata=STRATA, seed: str = SEED,
           also_ok=None, guardian: bool = False,
           max_per_article: int = MAX_PER_ARTICLE) -> list[dict]:
    dev_sentences = {_norm(s) for a in arts if a["id"] in excl
                     for s in split_sentences(a["text"], guardian) if len(s.split()) >= MIN_WORDS}
    candidates = []  # (article, n, sentence), corpus order
    for a in arts:
        if a["id"] in excl:
            continue
        sents = split_sentences(a["text"], guardian)
        if any(len(s.split()) >= MIN_WORDS and _norm(s) in dev_sentences for s in sents):
            continue  # another wire version of a development article
        for n, s in enumerate(sents, 1):
            if eligible(s) and (also_ok is None or also_ok(s)):
                candidates.append((a, n, s))
    chosen: list[dict] = []
    seen_ids: set[str] = set()
    seen_text: set[str] = set()
    per_article: dict[str, int] = {}
    for name, quota, sent_ok, art_ok, *prefer in strata:
        pool = [c for c in candidates
                if sent_ok(c[2]) and (art_ok is None or art_ok(c[0]["text"]))]
        random.Random(f"{seed}:{name}").shuffle(pool)
        if prefer:
            pool.sort(key=lambda c: not prefer[0](c[2]))
        taken = 0
        for a, n, s in pool:
            if taken == quota:
                break
            rid = f"{a['id']}#{n}"
            if (rid in seen_ids or _norm(s) in seen_text
                    or per_article.get(a["id"], 0) >= max_per_article):
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


#: set name -> (corpus, seed, strata, gold files whose articles are excluded besides
#: handlabelled.jsonl, extra sentence test or None, Guardian splitter?, sentences per article)
SETS = {
    "a": (CORPUS, SEED, STRATA, (), None, False, MAX_PER_ARTICLE),
    "b": (CORPUS, SEED_B, STRATA_B, (TEST_A,), eligible_b, False, MAX_PER_ARTICLE),
    "c": (CORPUS_C, SEED_C, STRATA_C, (), eligible_c, True, MAX_PER_ARTICLE),
    "d": (CORPUS_C, SEED_D, STRATA_D, (TEST_C,), eligible_c, True, MAX_PER_ARTICLE),
    "e": (CORPUS, SEED_E, STRATA_E, (TEST_A, TEST_B), eligible_b, False, MAX_PER_ARTICLE),
    "f": (CORPUS, SEED_F, STRATA_F, (TEST_A, TEST_B, TEST_E), eligible_b, False, MAX_PER_ARTICLE),
    "g": (CORPUS, SEED_G, STRATA_F, (TEST_A, TEST_B, TEST_E, TEST_F), eligible_b, False, MAX_PER_ARTICLE),
}


def check_split(arts: list[dict], guardian: bool = False) -> int:
    by_id = {a["id"]: a for a in arts}
    bad = 0
    with HANDLABELLED.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            aid, _, n = rec["id"].partition("#")
            if aid not in by_id:
                continue
            sents = split_sentences(by_id[aid]["text"], guardian)
            k = int(n)
            if k > len(sents) or sents[k - 1] != rec["text"]:
                bad += 1
                print(f"split mismatch: {rec['id']}", file=sys.stderr)
    print(f"split check: {bad} mismatches", file=sys.stderr)
    return 1 if bad else 0


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description="Draw the sentences of a held-out test gold set.")
    ap.add_argument("--set", choices=sorted(SETS), default="a",
                    help="a: data/gold/test_reuters.jsonl (default); b: data/gold/test_reuters_b.jsonl; "
                         "c: data/gold/test_guardian.jsonl; d: data/gold/test_guardian_d.jsonl; "
                         "e: data/gold/test_reuters_e.jsonl; f: data/gold/test_reuters_f.jsonl; "
                         "g: data/gold/test_reuters_g.jsonl")
    ap.add_argument("--strata", action="store_true", help="add the stratum of each record")
    ap.add_argument("--check-split", action="store_true",
                    help="check the set's splitter against handlabelled.jsonl and exit")
    args = ap.parse_args(argv)
    corpus, seed, strata, also_excluded, also_ok, guardian, max_per_article = SETS[args.set]
    arts = load_corpus(corpus)
    if args.check_split:
        return check_split(arts, guardian)
    with_strata = args.strata
    for r in sample(arts, excluded_ids(*also_excluded), strata, seed, also_ok, guardian,
                    max_per_article):
        out = {"id": r["id"], "text": r["text"], "published": r["published"]}
        if with_strata:
            out["stratum"] = r["stratum"]
        print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
