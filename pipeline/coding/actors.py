"""Actor coding: which country, body or role a noun phrase names, from the actor codebook.

Country names, adjectives and capitals, and fixed actors (IGOs, groups, institutions) are found with
spaCy PhraseMatchers; role words (army, minister, parliament) give the CAMEO role suffix. A phrase's
code is its country (or fixed actor) plus the role nearest its head: "Iraqi army chief of staff" → IRQMIL.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from pipeline.codebook.load import ActorTables
from pipeline.codebook.schema import Person
from pipeline.coding.syntax import month_as_name, np_tokens
from pipeline.records import Actor

EntryKind = Literal["country", "adjective", "capital", "city", "fixed", "person"]
REFERENCE_DETERMINERS = frozenset({"the", "both", "two", "all"})
NOT_ACTORS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})


@dataclass(frozen=True, slots=True)
class LexEntry:
    """What a matched name stands for."""

    code: str
    country: str | None
    role: str | None
    kind: EntryKind


@dataclass(frozen=True)
class ActorLexicon:
    """The actor codebook compiled for one spaCy vocabulary."""

    exact: PhraseMatcher  # abbreviations (US, UN) and short words (Fed): case matters, "us" is a pronoun
    folded: PhraseMatcher
    entries: dict[int, LexEntry]
    people: dict[int, tuple[Person, ...]]  # a name's people: coded by the date (namesakes share a name)
    role_words: dict[str, str]
    role_phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # first word -> ((words, role), ...)
    dyad_nouns: frozenset[str]
    person_pronouns: frozenset[str]
    speaker_pronouns: frozenset[str]
    honorifics: frozenset[str]


def _case_matters(name: str) -> bool:
    """Abbreviations ("US": "us" is a pronoun) and short capitalised words ("Fed": "fed up") match as written."""
    letters = [c for c in name if c.isalpha()]
    abbreviation = len(letters) >= 2 and all(c.isupper() for c in letters)
    return abbreviation or name.isalpha() and len(name) <= 3 and name.istitle()


def _with_curly_apostrophes(names: tuple[str, ...]) -> tuple[str, ...]:
    """Each name also as typeset text writes it: "Kurdistan Workers’ Party" for "Kurdistan Workers' Party"."""
    return tuple(dict.fromkeys([*names, *(n.replace("'", "’") for n in names if "'" in n)]))


def build_lexicon(tables: ActorTables, nlp: Language) -> ActorLexicon:
    """Compile the merged actor tables into matchers over `nlp`'s vocabulary."""
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    folded = PhraseMatcher(nlp.vocab, attr="LOWER")
    entries: dict[int, LexEntry] = {}

    def add(names: tuple[str, ...], entry: LexEntry) -> None:
        names = _with_curly_apostrophes(names)
        key = f"{entry.kind}:{entry.code}:{entry.country}:{entry.role}"
        entries[nlp.vocab.strings.add(key)] = entry
        abbreviations = [nlp.make_doc(n) for n in names if _case_matters(n)]
        others = [nlp.make_doc(n) for n in names if not _case_matters(n)]
        if abbreviations:
            exact.add(key, abbreviations)
        if others:
            folded.add(key, others)

    for country in tables.countries:
        add(country.names, LexEntry(country.code, country.code, None, "country"))
        add(country.adjectives, LexEntry(country.code, country.code, None, "adjective"))
        add(country.capitals, LexEntry(country.code, country.code, "GOV", "capital"))
        add(country.cities, LexEntry(country.code, country.code, None, "city"))
    for actor in tables.actors:
        add(actor.names, LexEntry(actor.code, actor.country, actor.role, "fixed"))
    by_name: dict[str, list[Person]] = {}
    for person in tables.people:
        for name in (person.name, *person.aliases):
            by_name.setdefault(name, []).append(person)
    people: dict[int, tuple[Person, ...]] = {}
    for name, persons in by_name.items():
        key = f"person:{name.lower()}"
        people[nlp.vocab.strings.add(key)] = tuple(persons)
        (exact if _case_matters(name) else folded).add(key, [nlp.make_doc(n) for n in _with_curly_apostrophes((name,))])
    role_words: dict[str, str] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for role in tables.roles:
        for word in role.words:
            words = tuple(word.lower().split())
            if len(words) == 1:
                role_words[words[0]] = role.code
            else:
                phrases.setdefault(words[0], []).append((words, role.code))
    return ActorLexicon(
        exact=exact,
        folded=folded,
        entries=entries,
        people=people,
        role_words=role_words,
        role_phrases={k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in phrases.items()},
        dyad_nouns=tables.dyad_nouns,
        person_pronouns=tables.person_pronouns,
        speaker_pronouns=tables.speaker_pronouns,
        honorifics=tables.honorifics,
    )


@dataclass(frozen=True)
class ActorMarks:
    """Per-sentence lookup: which token is part of which name, and which role a token signals."""

    names: dict[int, tuple[LexEntry, Span]]
    roles: dict[int, str]


def _person_entry(persons: tuple[Person, ...], published: dt.date | None) -> LexEntry:
    """The person (among namesakes) in office on the date, coded with the role held then."""
    if published is not None:
        active = [p for p in persons if any(t.covers(published) for t in p.terms)]
        persons = tuple(active) or persons
    code, country, role = persons[0].code_on(published)
    return LexEntry(code, country, role, "person")


def mark_actors(doc: Doc, lexicon: ActorLexicon, published: dt.date | None = None) -> ActorMarks:
    """Find every actor name and role word in a sentence once; phrases are then coded from these marks.

    People are coded by the publication date: the same person codes differently in and out of office.
    A city name inside a person's or organisation's name is not a place.
    """
    spans = [Span(doc, s, e, label=m) for m, s, e in [*lexicon.exact(doc), *lexicon.folded(doc)]]
    found = filter_spans([span for span in spans if not _lower_case_city(span, lexicon)])
    named = {i for span in found for i in range(span.start, span.end)}
    names: dict[int, tuple[LexEntry, Span]] = {}
    for match in found:
        persons = lexicon.people.get(match.label)
        if persons and _namesake(match, persons, named, lexicon):
            continue  # "Nasr al-Hariri" is not Saad Hariri, "Ivanka Trump" not Donald Trump
        if _opposed(match):
            continue  # "anti-Isis forces" fight Isis, "an anti-Syria journalist" is no Syrian
        if _ethnic(match):
            continue  # "three ethnic Albanians" killed in Serbia are no Albania's
        entry = _person_entry(persons, published) if persons else lexicon.entries[match.label]
        if entry.kind == "city" and _not_a_place(match):
            continue  # "Kaya Sertkaya" is a lawyer, not the town of Kaya; "Manchester United" a club
        for i in range(match.start, match.end):
            names[i] = (entry, match)
    roles: dict[int, str] = {}
    tokens = list(doc)
    for position, token in enumerate(tokens):
        for words, role in lexicon.role_phrases.get(token.lower_, ()):
            window = tokens[position : position + len(words)]
            if len(window) == len(words) and all(_word_matches(t, w) for t, w in zip(window, words)):
                for t in window:
                    roles.setdefault(t.i, role)
                break
        lemma = token.lemma_.lower() if token.pos_ in {"NOUN", "PROPN"} else token.lower_  # not "ill-judged": JUD
        if token.i in names and names[token.i][0].kind == "country":
            continue  # the "Union" of "the Soviet Union" is part of a state's name, not a trade union
        if token.i not in roles and (lemma in lexicon.role_words or token.lower_ in lexicon.role_words):
            roles[token.i] = lexicon.role_words.get(lemma) or lexicon.role_words[token.lower_]
    return ActorMarks(names=names, roles=roles)


def named_places(marks: ActorMarks) -> tuple[tuple[str, ...], frozenset[str]]:
    """The country of each town a sentence names, and every country or world region it names in any way
    (CAMEO's regional codes are the three-letter codes with no country and no role; the bare IGO has one).
    A backer is no place the sentence is about: "Iranian-backed ground forces"."""
    entries = {span.start: entry for entry, span in marks.names.values() if not names_a_backer(span.root)}.values()
    towns = tuple(entry.country for entry in entries if entry.kind == "city" and entry.country)
    regions = {e.code for e in entries if e.kind == "fixed" and e.country is None and e.role is None and len(e.code) == 3}
    return towns, frozenset({entry.country for entry in entries if entry.country} | regions)


def _namesake(match: Span, persons: tuple[Person, ...], named: set[int], lexicon: ActorLexicon) -> bool:
    """Whether a known name is part of a longer person's name that has a given name none of its namesakes
    has (spelling aside: "Mohammed" is "Mohammad"). Titles, honorifics and other known names in the same
    entity ("Trump-Putin") do not count."""
    ent = next((e for e in match.doc.ents if e.label_ == "PERSON" and e.start <= match.start and match.end <= e.end), None)
    if ent is None:
        return False
    own = {_skeleton(word) for person in persons for name in (person.name, *person.aliases) for word in re.split(r"[\s\-]+", name)}
    return any(
        token.is_alpha and token.is_title and token.i not in named and _skeleton(token.text) not in own
        and token.lower_ not in lexicon.honorifics and token.lower_ not in lexicon.role_words
        and token.lower_ not in lexicon.role_phrases
        for token in ent
    )


def _skeleton(word: str) -> str:
    """A name's consonants without repeats or accents, so transliterations agree: Muhammad, Mohammed → mhmd."""
    letters = unicodedata.normalize("NFKD", word.lower())
    consonants = [c for c in letters if c.isalpha() and c.isascii() and c not in "aeiouy"]
    return "".join(c for i, c in enumerate(consonants) if i == 0 or c != consonants[i - 1])


def _word_matches(token: Token, word: str) -> bool:
    return token.lower_ == word or token.lemma_.lower() == word


SERVANTS = frozenset({"adviser", "advisor", "aide", "assistant", "spokesman", "spokeswoman", "spokesperson", "confidant"})
BACKING = frozenset({"backed", "supported", "sponsored", "funded", "financed", "armed", "trained", "allied", "aligned"})


GENERIC_PEOPLE = frozenset({"official", "leader", "spokesman", "spokeswoman", "spokesperson", "representative",
                            "delegate", "delegation", "negotiator", "envoy", "figure", "source"})
MULTINATIONAL = frozenset({"nations", "countries", "states", "powers", "governments", "allies", "members", "coalition", "alliance"})
# titles a company's people hold too (not "minister": "Labour Minister Almir Pazzianotto" is no company's)
CORPORATE_TITLES = frozenset({"official", "spokesman", "spokeswoman", "spokesperson", "president", "chairman",
                              "director", "representative", "executive", "delegation", "delegate", "adviser", "advisor"})
IGO_STAFF = frozenset({"GOV", "MIL"})  # roles an organisation's own people take: its ministers, its troops
FUNCTION_POS = frozenset({"ADP", "DET", "PUNCT", "CCONJ", "PART"})


def _opposed(match: Span) -> bool:
    """Whether a name is what a modifier is against: "anti-Isis", "anti-American", "counter-Isis"."""
    doc, start = match.doc, match.start
    if start >= 1 and doc[start - 1].lower_ in {"anti-", "counter-"}:
        return True
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in {"anti", "counter"}


NAME_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "an", "az", "ash", "at"})  # Arabic articles: "al-Bab"


def _lower_case_city(span: Span, lexicon: ActorLexicon) -> bool:
    """A city name whose first word is written in lower case is words, not the city: "its name" is not Namur,
    "east London" is London, not South Africa's East London (but "al-Bab" is the town)."""
    words = [t for t in span if t.is_alpha]
    city = lexicon.entries[span.label].kind == "city" if span.label in lexicon.entries else False
    return city and bool(words) and words[0].is_lower and words[0].lower_ not in NAME_ARTICLES


def _not_a_place(match: Span) -> bool:
    """A city name that is part of a longer person's or organisation's name ("Kaya Sertkaya", "Manchester
    United"), or a lone name tagged as a person outside a prepositional phrase or a noun's modifiers ("she
    met Campbell"). The small model also tags unfamiliar towns as people ("an attack on Homs", "the Afrin
    assault"), so those stay places."""
    for ent in match.doc.ents:
        if ent.start >= match.end or match.start >= ent.end or ent.label_ not in {"PERSON", "ORG"}:
            continue
        name = [t.i for t in ent if t.pos_ not in FUNCTION_POS] or [ent.start]  # not "Inside" of "Inside Afrin"
        longer = min(name) < match.start or max(name) >= match.end
        placed = match.root.dep_ == "pobj" or match.root.dep_ == "compound" and match.root.head.pos_ == "NOUN"
        if longer or ent.label_ == "PERSON" and not placed:
            return True
    return False


def code_phrase(head: Token, marks: ActorMarks, lexicon: ActorLexicon, default_role: str | None = None) -> Actor | None:
    """Code the noun phrase headed by `head`; None when it names nothing that could be an actor."""
    if head.lower_ in BACKING:  # "Iranian-backed" as a modifier of its own names a backer, not an actor
        return None
    if head.i not in marks.names and month_as_name(head):  # "talks with May"
        return Actor(code=None, country=None, text=head.text, ref="name")
    if head.ent_type_ in NOT_ACTORS and head.i not in marks.names:  # "thousands of Iranians": the people counted
        counted = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        return code_phrase(counted[0], marks, lexicon, default_role) if counted else None
    tokens = without_backers(head, np_tokens(head))
    text = _phrase_text(sorted(np_tokens(head) + _many_origins(head), key=lambda t: t.i))
    lower = head.lower_
    if head.pos_ == "PRON":
        if lower in lexicon.person_pronouns:
            return Actor(code=None, country=None, text=head.text, ref="pronoun")
        speaker = _speaker(head, third_person=lower not in {"we", "us", "our"}) if lower in lexicon.speaker_pronouns else None
        speaker = speaker if speaker is not None and _agrees(head, speaker, marks) else None
        said = code_phrase(speaker, marks, lexicon, default_role) if speaker is not None else None
        if said is not None and said.code:
            return Actor(said.code, said.country, head.text, said.role)
        # "Its overnight raid" after a sentence on Israel's strikes: whose it is, the article says
        return Actor(code=None, country=None, text=head.text, ref="owner") if _possessive(head, marks) else None
    named = [(abs(t.i - head.i), marks.names[t.i]) for t in tokens if t.i in marks.names]
    if not named and head.lemma_.lower() in lexicon.dyad_nouns and head.tag_ in {"NNS", "NNPS"} and any(
        t.lower_ in REFERENCE_DETERMINERS for t in head.children
    ):
        return Actor(code=None, country=None, text=text, ref="dyad")
    roles = [(0 if t.i == head.i else 1, abs(t.i - head.i), marks.roles[t.i]) for t in tokens if t.i in marks.roles]
    if head.lemma_.lower() in GENERIC_PEOPLE and any(r[0] == 1 and r[2] != "GOV" for r in roles):
        # "rebel officials" are rebels, "military officials" MIL; the outermost modifier scopes over the rest
        # ("rebel civilian and military officials" are rebels)
        roles = [(1, -distance, role) for first, distance, role in roles if first == 1 and role != "GOV"]
    titles = [t.lemma_.lower() for t in tokens if t.i in marks.roles]
    corporate = bool(titles) and all(title in CORPORATE_TITLES for title in titles) and not named
    if corporate and _unknown_organisation(head, tokens, marks):
        roles = [(0, 0, "BUS")]  # "Borg-Warner officials": an organisation the dictionary does not know is a company's
    fixed = sorted(((d, e) for d, (e, _) in named if e.kind in {"fixed", "person"}), key=lambda pair: pair[0])
    if len(fixed) < len(named):  # "Colombia, Brazil and the Central American countries": a region yields to a state
        fixed = [(d, e) for d, e in fixed if e.country is not None or e.role is not None]
    apposed = _apposed_names(head, marks)
    if apposed:  # "Assad's main backer, the Russian president, Vladimir Putin" is Putin, not Assad
        fixed = apposed
    owner = _possessor(head, marks)
    if owner is not None and owner.country and head.i in marks.roles:  # "Assad's forces" are Syria's military
        role = marks.roles[head.i]
        return Actor(code=owner.country + role, country=owner.country, text=text, role=role)
    if fixed and (fixed[0][1].role or not roles):
        entry = fixed[0][1]
        # "EU foreign ministers" are its members' people and take their role (IGOEUREECGOV); its envoy is the EU
        members = marks.roles.get(head.i) if head.tag_ in {"NNS", "NNPS"} else None
        if entry.role == "IGO" and len(entry.code) > 3 and members in IGO_STAFF:
            return Actor(code=entry.code + members, country=None, text=text, role=members)
        return Actor(code=entry.code, country=entry.country, text=text, role=entry.role)
    places = sorted(((d, e) for d, (e, _) in named), key=lambda pair: pair[0])
    if not places and head.pos_ == "NOUN":
        places = _located_in(head, marks) or _serving(head, marks)
    elif not places and head.ent_type_ == "PERSON":
        places = _located_in(head, marks, ORIGIN_PREPS)
    role = min(roles)[2] if roles else None
    if not places and role:
        places = _antecedent_country(head, marks)
    if places:
        entry = places[0][1]
        if entry.kind == "fixed":
            role = role or entry.role
            code = entry.code if entry.country is None else entry.country + (role or "")
            return Actor(code=code, country=entry.country, text=text, role=role)
        role = role or entry.role or default_role
        return Actor(code=entry.country + (role or ""), country=entry.country, text=text, role=role)
    title = adjacent_title(head)
    if title is not None:
        titled = code_phrase(title, marks, lexicon, default_role)
        if titled is not None and titled.key:
            return Actor(titled.code, titled.country, text, titled.role)
    if any(t.ent_type_ == "PERSON" for t in tokens) or head.pos_ == "PROPN" and head.ent_type_ != "ORG":
        return Actor(code=role, country=None, text=text, role=role, ref="name")
    if head.pos_ == "PROPN":  # an organisation the dictionary does not know: in news, mostly a company
        return Actor(code=role, country=None, text=text, role=role)
    if role:
        definite = any(t.dep_ == "det" and t.lower_ in {"the", "this", "that", "these", "those"} for t in head.children)
        owned = any(_possessive(c, marks) for c in head.children)  # "its jets": the country the article last named acting
        return Actor(code=role, country=None, text=text, role=role, ref="owner" if owned else "role" if definite else None)
    if head.ent_type_ in {"ORG", "NORP", "GPE"}:
        return Actor(code=None, country=None, text=text)
    owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in lexicon.person_pronouns), None)
    if owner is not None and any(c.dep_ in {"acl", "xcomp"} for c in head.children):  # "his decision to launch
        # strikes": whoever "his" is, who decided (not the author of "his plan")
        return Actor(code=None, country=None, text=owner.text, ref="pronoun")
    return None


def _unknown_organisation(head: Token, tokens: list[Token], marks: ActorMarks) -> bool:
    """An organisation name before the head none of whose words the dictionary knows, as a name or a role (in
    news, mostly a company: "Borg-Warner officials", not "Finance Ministry officials")."""
    inside = {t.i for t in tokens}
    for ent in head.doc.ents:
        if ent.label_ == "ORG" and ent.end <= head.i and all(t.i in inside for t in ent if not t.is_punct):
            if not any(t.i in marks.names or t.i in marks.roles for t in ent) and any(t.pos_ == "PROPN" for t in ent):
                return True
    return False


def _possessor(head: Token, marks: ActorMarks) -> LexEntry | None:
    """The person a phrase belongs to ("Assad's Russia-backed forces"), when the table knows them."""
    owners = [t for c in head.children if c.dep_ == "poss" for t in c.subtree if t.i in marks.names]
    entries = [marks.names[t.i][0] for t in owners]
    return entries[0] if entries and entries[0].kind == "person" else None


def _apposed_names(head: Token, marks: ActorMarks) -> list[tuple[int, LexEntry]]:
    """People and bodies an apposition names, which say who a phrase with a possessor is."""
    if not any(c.dep_ == "poss" for c in head.children):
        return []
    apposed = [t for a in head.children if a.dep_ == "appos" for t in a.subtree]
    return [
        (abs(t.i - head.i), marks.names[t.i][0])
        for t in apposed
        if t.i in marks.names and marks.names[t.i][0].kind in {"fixed", "person"}
    ][:1]


def _ethnic(match: Span) -> bool:
    """A people named as an ethnic group, not a state's nationals: "ethnic Albanians", "ethnic Russian separatists"."""
    return match.start > 0 and match.doc[match.start - 1].lower_ == "ethnic"


SPEAKING = frozenset({"say", "tell", "add", "state", "declare", "insist", "write", "warn", "announce", "stress"})


def _speaker(pronoun: Token, third_person: bool) -> Token | None:
    """Who says the clause a pronoun is in ("'We will respond,' the minister said": the minister), through the
    reported clause's own clauses; None outside reported speech. "It" and "they" stand for a nearer subject
    when the reported clause has one ("bombers killed 23 people when they blew themselves up, police said":
    the bombers; "X said Argentina had given proof that it is negotiating": Argentina), and "its" and "their"
    for the subject of their own clause ("forces regrouped after their assault")."""
    token, previous = pronoun, pronoun
    for _ in range(8):
        nearer = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ != "PRON" and c != previous]
        if third_person and token != pronoun and nearer:
            return nearer[0]
        if token.head == token:
            return None
        if token.dep_ in {"ccomp", "parataxis"} and token.head.lemma_.lower() in SPEAKING:
            return next((c for c in token.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
        if pronoun.tag_ == "PRP$" and token.pos_ in {"VERB", "AUX"}:
            return None  # a possessive stays in its clause: "the failure of the ICO meeting to agree at its meeting"
        token, previous = token.head, token
    return None


def _agrees(pronoun: Token, speaker: Token, marks: ActorMarks) -> bool:
    """Whether a pronoun can stand for its clause's speaker: "we" for anyone, "it" for a thing in the singular
    ("Iraq said it attacked", not "Reagan said it"), "they" for a plural ("the rebels said they"); "it" and
    "they" not for an organisation the dictionary does not know ("American Express Co said it"), which is
    most likely a company whatever country its name holds."""
    lower = pronoun.lower_
    if lower in {"we", "us", "our"}:
        return True
    unknown = speaker.ent_type_ in {"ORG", "PERSON"} and speaker.i not in marks.names
    if lower in {"it", "its"}:
        return not unknown and speaker.tag_ in {"NN", "NNP"}
    return not unknown and speaker.tag_ in {"NNS", "NNPS"}


def without_backers(head: Token, tokens: list[Token]) -> list[Token]:
    """The phrase without a backer it names: "Iranian-backed militias" are not Iran's, "Russia-backed
    separatists" not Russia's, the "pro-Iranian Hizbollah group" is not Iran's (CAMEO codes armed groups
    by where they operate)."""
    backed = {t.i for b in tokens if b != head and b.lower_ in BACKING for t in b.subtree}
    doc = head.doc
    supported = {t.i for t in tokens if t.i >= 2 and doc[t.i - 1].text == "-" and doc[t.i - 2].lower_ == "pro"}
    return [t for t in tokens if t.i not in backed | supported]


def names_a_backer(token: Token) -> bool:
    """The token names who backs someone: "Iranian" in "Iranian-backed", "Iran" in "backed by Iran"."""
    return token.head.lower_ in BACKING or token.head.dep_ == "agent" and token.head.head.lower_ in BACKING


SPOKESPEOPLE = frozenset({"negotiator", "spokesman", "spokeswoman", "spokesperson", "representative", "delegate"})
STATES = frozenset({"country", "adjective", "capital"})  # names of a state, not of a body in it


def _serving(head: Token, marks: ActorMarks) -> list[tuple[int, LexEntry]]:
    """The country of whom a phrase serves: "forces loyal to Bashar al-Assad" are Syria's, "an adviser to the
    Iranian supreme leader" Iran's (not "an envoy to Syria", who is sent there), "negotiators for Canada"
    Canada's (not "the UN envoy for Syria", who is the UN's)."""
    holders = [a for a in head.children if a.dep_ == "amod" and a.lower_ == "loyal"]
    if head.lemma_.lower() in SERVANTS:
        holders.append(head)
    objects = [o for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.subtree]
    found = [(0, marks.names[o.i][0]) for o in objects if o.i in marks.names and marks.names[o.i][0].country]
    if head.lemma_.lower() in SPOKESPEOPLE:  # "negotiators for Canada", but not a company's "for General Motors"
        stated = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "for" for o in p.subtree]
        found += [(0, marks.names[o.i][0]) for o in stated if o.i in marks.names and marks.names[o.i][0].kind in STATES]
    return found[:1]


def adjacent_title(head: Token) -> Token | None:
    """A title phrase the parser coordinated with the name right after it.

    "Iraqi army chief of staff Lt Gen Othman AlGhanimi" is one person, but is often parsed as 'chief'
    and 'AlGhanimi' joined by conj; the title then codes the name.
    """
    if head.dep_ != "conj" or head.head.pos_ != "NOUN":
        return None
    first = min(t.i for t in np_tokens(head))
    title_end = max(t.i for t in np_tokens(head.head))
    return head.head if title_end == first - 1 else None


# what happens is no party to it, nor where it is: "blew themselves up in Tel Aviv in the worst attack in the
# current Palestinian uprising" struck no Palestinian, "Russia's intervention to prevent Assad's defeat" no Syrian
EPISODES = frozenset(
    {"uprising", "intifada", "war", "conflict", "crisis", "revolution", "insurgency", "violence", "unrest", "defeat", "victory"}
)
LOCATION_PREPS = frozenset({"in", "near", "inside", "outside", "across", "from"})
ORIGIN_PREPS = frozenset({"from"})  # a person "from Cardiff" is British; one "in Cardiff" may be visiting
POSSESSIVE_PRONOUNS = frozenset({"its", "their"})


def _possessive(token: Token, marks: ActorMarks) -> bool:
    """A possessive 'its' or 'their' ("its jets", "their raid") whose sentence names no group or person before
    it (countries are `_antecedent_country`'s), so that it points to an earlier sentence (not "Isis said its
    fighters...")."""
    named = any(i < token.i and entry.kind in {"fixed", "person"} for i, (entry, _) in marks.names.items())
    return token.dep_ == "poss" and token.lower_ in POSSESSIVE_PRONOUNS and not named


def _antecedent_country(head: Token, marks: ActorMarks) -> list[tuple[int, LexEntry]]:
    """The country a possessive pronoun points back to: 'Iraq said its troops...' → IRQ, the nearest
    country named before it in the sentence."""
    if not any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in head.children):
        return []
    for i in sorted((i for i in marks.names if i < head.i), reverse=True):
        entry = marks.names[i][0]
        if entry.kind in {"country", "adjective", "capital"}:
            return [(head.i - i, LexEntry(entry.code, entry.country, None, "country"))]
    return []


def _located_in(head: Token, marks: ActorMarks, preps: frozenset[str] = LOCATION_PREPS) -> list[tuple[int, LexEntry]]:
    """Countries of a common noun's location or origin ('an army base in northern Mali' → MLI, 'planes from
    Afghanistan' → AFG), or of a person's home town ('Reyaad Khan, from Cardiff' → GBR), as place entries."""
    found: list[tuple[int, LexEntry]] = []
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for pobj in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() not in EPISODES):
                for t in np_tokens(pobj):
                    if t.i in marks.names and marks.names[t.i][0].kind != "fixed":
                        entry = marks.names[t.i][0]
                        found.append((abs(t.i - head.i), LexEntry(entry.code, entry.country, None, "country")))
    return found


def _many_origins(head: Token) -> list[Token]:
    """A 'from' phrase naming several countries ("ministers from six Gulf Arab states"), kept in the actor's
    words so that no one country named nearby (the venue, Bahrain) is taken for theirs."""
    return [
        t
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ == "from"
        and any(o.dep_ == "pobj" and o.lower_ in MULTINATIONAL for o in prep.children)
        for t in prep.subtree
    ]


def _phrase_text(tokens: list[Token]) -> str:
    kept = [t for t in tokens if not (t.dep_ == "det" and t.i == tokens[0].i)]
    while kept and kept[-1].dep_ in {"cc", "punct"}:  # "officials of the exchange and (other representatives)"
        kept.pop()
    if not kept:
        return ""
    doc = kept[0].doc
    return doc[kept[0].i : kept[-1].i + 1].text


def named_groups(doc: Doc, marks: ActorMarks, lexicon: ActorLexicon) -> list[Actor]:
    """Coded groups a sentence names in the plural, whatever it says of them ("EC industry ministers today
    declared..."), so that a later "the ministers were meeting" is theirs; a definite "the ministers" is itself
    a reference, not a naming."""
    found: list[Actor] = []
    for token in doc:
        if token.tag_ != "NNS" or token.i not in marks.roles and token.lemma_.lower() not in lexicon.dyad_nouns:
            continue
        if any(c.dep_ == "det" and c.lower_ in REFERENCE_DETERMINERS for c in token.children):
            continue
        actor = code_phrase(token, marks, lexicon)
        if actor is not None and actor.key is not None and actor.ref is None:
            found.append(actor)
    return found


def person_names(doc: Doc, marks: ActorMarks, lexicon: ActorLexicon) -> list[tuple[str, Actor]]:
    """(name, actor) for each PERSON whose own phrase, or the phrase in apposition to it, codes a country or a
    body.

    "Russian Ambassador Maksim Maksimov" → RUSGOV; "Iran's commander, Gen Qassem Soleimani" → IRNMIL; "Ricart,
    the Dominican Republic's ambassador" → DOMGOV; "FAO director Edouard Saouma" → the FAO. The article pass
    uses these to code later bare mentions of the same person ("Maksimov", "he").
    """
    found: list[tuple[int, str, Actor]] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        described = [c for c in ent.root.children if c.dep_ == "appos"]
        for head in (ent.root, ent.root.head if ent.root.dep_ == "appos" else None, adjacent_title(ent.root), *described):
            actor = code_phrase(head, marks, lexicon) if head is not None else None
            if actor is not None and actor.key is not None:
                found.append((ent.start, ent.text, actor))
                break
    named = {start for start, _, _ in found}
    spans = {span.start: (entry, span) for entry, span in marks.names.values() if entry.kind == "person"}
    for start, (entry, span) in spans.items():  # people the table knows, whether or not NER saw a person ("Trump defended")
        if start not in named and not any(e.start <= start < e.end for e in doc.ents if e.label_ == "PERSON"):
            found.append((start, span.text, Actor(entry.code, entry.country, span.text, entry.role)))
    return [(name, actor) for _, name, actor in sorted(found, key=lambda item: item[0])]
