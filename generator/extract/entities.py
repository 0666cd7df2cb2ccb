"""Actors as one article names them: mentions, name forms, roles, affiliations.

`extract_entities(article, docs)` is a pure function of one article's parsed
paragraphs. It catches:

* people (PERSON entities after our corrections), with "Mr. Pompeo" / "Pompeo"
  joined to "Mike Pompeo" by surname, and Asian family-name-first short forms
  ("Mr. Kim" -> "Kim Jong-un", "Mr. Xi" -> "Xi Jinping");
* countries in any form: names, demonyms ("North Korean officials"), and capitals
  where the sentence makes them the government ("floated by Beijing") rather than a
  place ("a news conference in Seoul");
* organizations (ORG) and groups (plural NORP such as "Republicans");
* roles from titles before a name ("former Defense Secretary William J. Perry"),
  appositions either side ("China's foreign minister, Wang Yi"; "Kang Kyung-wha,
  South Korea's foreign minister") and "of COUNTRY" after a titled name.

It misses: people named only by a role ("the president"), a first name alone,
organizations referred to by a common noun ("the department" is left to the
quote attributor), and roles stated far from the name.
Reporters (the article's authors and contributors) are never actors.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator import rules
from generator.extract.places import _norm, country_of
from generator.extract.roles import RELATIONS, _conj_affiliation, _of_affiliation, find_role
from generator.extract.tokens import ent_ending_at, ent_starting_at
from generator.model import Article, Entity, Mention, Role

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

PERSON_LABELS = {"PERSON"}
PLACE_LABELS = {"GPE", "LOC"}


@dataclass
class _Draft:
    key: str
    kind: str
    names: Counter = field(default_factory=Counter)
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    forms: set[str] = field(default_factory=set)
    affiliations: Counter = field(default_factory=Counter)


@dataclass(frozen=True)
class EntityIndex:
    """Per article: which entity key each mention span (paragraph, start char) has."""

    entities: tuple[Entity, ...]
    by_span: dict[tuple[int, int], str]

    def key_at(self, paragraph: int, start: int) -> str | None:
        return self.by_span.get((paragraph, start))


def clean_person_name(span: Span) -> str:
    text = re.sub(r"['\u2019]s?$", "", span.text).strip()
    text = re.sub(r"\s+", " ", text)
    # "WALLACE" as a transcript writes it
    return text.title() if text.isupper() and len(text) > 3 else text


def name_tokens(name: str) -> list[str]:
    return [t for t in re.split(r"\s+", name) if t]


# Lower-case particles of family names ("Bill de Blasio", "Ursula von der Leyen").
PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "del", "della", "le", "la"}
PARTICLES |= {"al", "el", "bin", "ibn", "ben", "dos", "das"}


def is_full_name(name: str) -> bool:
    """A given name and a family name, not a family name alone ("de Blasio")."""
    toks = name_tokens(name)
    return len(toks) >= 2 and not all(t.lower() in PARTICLES for t in toks[:-1])


def surname_candidates(full: str) -> set[str]:
    """Short forms that may stand for a full name: last word (with its particles:
    "de Blasio"), and first word for family-name-first names such as "Kim Jong-un"
    or "Xi Jinping"."""
    toks = [t for t in name_tokens(full) if not re.fullmatch(r"[A-Z]\.|Jr\.?|Sr\.?|I{2,3}", t)]
    if not toks:
        return set()
    out = {toks[-1]}
    if len(toks) >= 2:
        out.add(toks[0])
    i = len(toks) - 1
    while i > 0 and toks[i - 1].lower() in PARTICLES:
        i -= 1
    if i < len(toks) - 1:
        out.add(" ".join(toks[i:]))
    return out


def extract_entities(article: Article, docs: list[Doc]) -> EntityIndex:
    reporters = {_norm(n) for n in (*article.authors, *article.contributors)}
    drafts: dict[str, _Draft] = {}
    spans: dict[tuple[int, int], str] = {}
    person_spans: list[tuple[int, Span, str]] = []
    of_person: list[tuple[str, int, int]] = []  # (org key, paragraph, the person's start)

    def add(key: str, kind: str, name: str, p: int, span: Span) -> None:
        d = drafts.setdefault(key, _Draft(key=key, kind=kind))
        d.names[name] += 1
        d.mentions.append(Mention(p, span.start_char, span.end_char, span.text))
        if kind == "person":
            d.forms.add(_prefixed_form(span, name))
        spans[(p, span.start_char)] = key

    people_as_orgs = _people_tagged_as_orgs(docs)
    for p, doc in enumerate(docs):
        consumed = -1  # the end of a bracketed insertion already taken into a name
        for ent in doc.ents:
            label = ent.label_
            if ent.start_char < consumed:
                continue
            if label == "ORG" and ent.text in people_as_orgs:
                label = "PERSON"
            if label in PERSON_LABELS:
                name = clean_person_name(ent)
                if not name or _norm(name) in reporters or _norm(name) in NOT_PEOPLE:
                    continue
                if len(name) <= 2 and name.isupper():
                    continue  # "Berea, OH": a state's abbreviation
                bracket = _BRACKETED.match(doc.text, ent.end_char)
                if bracket and len(ent) == 1:
                    # "Bill [Clinton]": an editor's insertion completes the name.
                    name = f"{name} {bracket.group(1)}"
                    wide = doc.char_span(ent.start_char, bracket.end(), alignment_mode="expand")
                    ent = wide if wide is not None else ent
                    consumed = bracket.end()
                if not name[0].isupper() and name.split()[0].lower() not in PARTICLES:
                    continue
                person_spans.append((p, ent, name))
            elif label in PLACE_LABELS or label == "NORP":
                country = country_of(ent)
                if country:
                    add(f"country:{country}", "country", country, p, ent)
                elif label == "NORP" and ent.text.endswith("s") and ent.text[0].isupper():
                    name = re.sub(r"^the\s+", "", ent.text, flags=re.I)
                    add(f"group:{name.lower()}", "group", name, p, ent)
            elif label == "ORG":
                name = re.sub(r"^the\s+", "", ent.text, flags=re.I).replace("\u2019", "'")
                name = re.sub(r"'s?$", "", name).strip()
                # "the federal Securities and Exchange Commission": the name starts
                # at its first capital.
                name = re.sub(r"^(?:[a-z][\w-]*\s+){1,2}(?=[A-Z])", "", name)
                if name and name[0].isupper():
                    add(f"org:{name.lower()}", "organization", name, p, ent)
                    country = _org_country(ent)
                    if ent.end + 1 < len(doc) and doc[ent.end].lower_ == "of":
                        k = ent.end + 1
                        while k < len(doc) - 1 and doc[k].text in rules.titles().honorifics:
                            k += 1
                        owner = ent_starting_at(doc, k)
                        if owner is not None and owner.label_ == "PERSON":
                            of_person.append((f"org:{name.lower()}", p, owner.start_char))
                    if country:
                        # "China's Foreign Ministry", "the Democratic Party of South
                        # Korea": not an American ministry or party.
                        drafts[f"org:{name.lower()}"].affiliations[country] += 1

    person_spans.extend(_untagged_speakers(docs))
    person_spans.extend(_signatures(docs))
    person_spans.extend(_transcript_labels(docs))
    _cluster_people(_not_places(person_spans), add)
    _merge_org_forms(drafts, spans)
    for p, doc in enumerate(docs):
        for ent in doc.ents:
            key = spans.get((p, ent.start_char))
            if key and drafts[key].kind == "person":
                role = find_role(ent, article.id, spans, drafts, p)
                if role and role.affiliation is None:
                    role = Role(role.title, _conj_affiliation(ent, spans, drafts, p), role.article)
                if role and role.title.lower().split()[-1] in RELATIONS:
                    # "his Chinese counterpart, Yang Jiechi": a relation, not a title;
                    # the country it gives stands.
                    if role.affiliation:
                        drafts[key].affiliations[role.affiliation] += 1
                    role = None
                if role:
                    drafts[key].roles.append(role)
                of = _of_affiliation(ent, spans, drafts, p)
                if of:
                    drafts[key].affiliations[of] += 1
    for org, p, start in of_person:
        # "the Democratic Party of Mr. Moon": the party of Mr. Moon's country.
        person = drafts.get(spans.get((p, start), ""))
        if person is not None and not drafts[org].affiliations:
            affs = Counter(r.affiliation for r in person.roles if r.affiliation)
            affs.update(person.affiliations)
            if affs:
                drafts[org].affiliations[affs.most_common(1)[0][0]] += 1
    entities = tuple(_finish(d) for d in sorted(drafts.values(), key=lambda d: d.key))
    return EntityIndex(entities=entities, by_span=spans)


# '"..." \u2015 Christina Lastra.': a name after a dash ends the paragraph.
SIGNATURE = re.compile(
    r"[\u2015\u2014\u2013]\s*([A-Z][^\u2015\u2014\u2013\"\u201c\u201d]{1,60}?)\.?\s*$"
)


def _signatures(docs: list[Doc]) -> list[tuple[int, Span, str]]:
    """Names signing a paragraph of quotations that the model did not tag: people."""
    out = []
    for p, doc in enumerate(docs):
        text = doc.text
        m = SIGNATURE.search(text)
        if not m or not re.search(r"[\"\u201d]", text[: m.start()]):
            continue
        words = m.group(1).split()
        if not 2 <= len(words) <= 4 or not all(_NAME_WORD.fullmatch(w) for w in words):
            continue
        span = doc.char_span(m.start(1), m.start(1) + len(m.group(1)), alignment_mode="expand")
        if span is not None and not any(t.ent_type_ == "PERSON" for t in span):
            out.append((p, span, clean_person_name(span)))
    return out


# "WALLACE: ..." opening a paragraph of a transcript.
TRANSCRIPT_LABEL = re.compile(
    r"^[\"\u201c]?\s*([A-Z][A-Z'\u2019-]{2,}(?: [A-Z][A-Z'\u2019-]{2,}){0,2}):\s"
)


def _transcript_labels(docs: list[Doc]) -> list[tuple[int, Span, str]]:
    """The speakers of a transcript, labelled in capitals at the start of at least
    two paragraphs ("WALLACE: ...", "PENCE: ..."): people, named as in title case."""
    found = [(p, TRANSCRIPT_LABEL.match(doc.text)) for p, doc in enumerate(docs)]
    labels = Counter(m.group(1) for _, m in found if m)
    out = []
    for p, m in found:
        if m is None or labels[m.group(1)] < 2 or rules.countries().lookup(m.group(1).title()):
            continue
        span = docs[p].char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is not None:
            name = m.group(1).title().replace("\u2019", "'")
            out.append((p, span, name))
    return out


_NAME_WORD = re.compile(r"[A-Z][a-z]*(?:['\u2019][A-Z])?[a-z]+(?:-[A-Z][a-z]+)?")


def _people_tagged_as_orgs(docs: list[Doc]) -> set[str]:
    """Two- or three-word "organizations" that the article treats as people: set
    off by a person's role ("Christian Estrosi, a former mayor of Nice"), or whose
    last word alone is the subject of a verb of speech ("Estrosi told ...",
    "O'Donnell said"). Organizations are not called by their last word."""
    cues = rules.cues()
    speakers: set[str] = set()
    for doc in docs:
        for tok in doc:
            if (
                tok.dep_ == "nsubj"
                and tok.is_title
                and tok.head.lemma_.lower() in cues.verbs
                and not any(c.dep_ in ("compound", "det", "amod", "poss") for c in tok.children)
            ):
                speakers.add(tok.text.replace("\u2019", "'"))
    # A word that is already a person's surname: the "organization" is something
    # else ("Washington Post Trump").
    speakers -= {e.text.split()[-1] for d in docs for e in d.ents if e.label_ == "PERSON"}
    out: set[str] = set()
    for doc in docs:
        for ent in doc.ents:
            words = ent.text.split()
            if (
                ent.label_ != "ORG"
                or not 2 <= len(words) <= 3
                or not all(_NAME_WORD.fullmatch(w) for w in words)
                or any(w.lower() in cues.org_nouns for w in words)
            ):
                continue
            described = ent.end + 2 < len(ent.doc) and ent.doc[ent.end].text == ","
            described = described and any(
                a.dep_ == "appos" and a.lemma_.lower() in cues.role_nouns for a in ent.root.children
            )
            if described or words[-1].replace("\u2019", "'") in speakers:
                out.add(ent.text)
    return out


def _untagged_speakers(docs: list[Doc]) -> list[tuple[int, Span, str]]:
    """Names the model did not tag, as the subject of a verb of speech ('Estrosi told
    French television ...', '"...," Lindqvist said'): people."""
    cues = rules.cues()
    verbs = cues.verbs
    # Words that name a role or a body ("Police said", "Officials said"), not a person.
    common = cues.role_nouns | cues.org_nouns | {"official", "officials", "people"}
    out = []
    for p, doc in enumerate(docs):
        for tok in doc:
            # A capitalised common noun is a name only mid-sentence ("Police said"
            # at the start of one is not a person).
            proper = tok.pos_ == "PROPN" or (
                tok.pos_ == "NOUN" and not tok.is_sent_start and tok.lemma_ == tok.text
            )
            if (
                tok.dep_ == "nsubj"
                and proper
                and tok.is_title
                and not tok.ent_type_
                and tok.head.lemma_.lower() in verbs
                and tok.lower_ not in NOT_PEOPLE
                and tok.lower_ not in common
                and tok.lemma_.lower() not in common
                and tok.lemma_.lower() == tok.lower_
                and tok.lower_.removesuffix("s") not in common
                and len(tok.text) > 2
            ):
                start = tok.i
                while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].is_title:
                    start -= 1
                if any(doc[i].ent_type_ for i in range(start, tok.i)):
                    continue
                span = doc[start : tok.i + 1]
                name = clean_person_name(span)
                if name and not rules.countries().lookup(name):
                    out.append((p, span, name))
    return out


PLACE_PREPOSITIONS = {"of", "in", "at", "near", "from", "to", "around", "outside"}


def _not_places(person_spans: list[tuple[int, Span, str]]) -> list[tuple[int, Span, str]]:
    """Without one-word "people" the text only ever uses as a place ("satellite
    images of Yongbyon"): never a subject, never titled, nobody's surname."""
    fulls = {w for _, _, n in person_spans if is_full_name(n) for w in surname_candidates(n)}
    placelike: dict[str, bool] = {}
    for _, ent, name in person_spans:
        if " " in name:
            continue
        root = ent.root
        place = (
            root.dep_ == "pobj"
            and root.head.lower_ in PLACE_PREPOSITIONS
            and (ent.start == 0 or ent.doc[ent.start - 1].text not in rules.titles().honorifics)
        )
        placelike[name] = placelike.get(name, True) and place
    return [s for s in person_spans if not (placelike.get(s[2]) and s[2] not in fulls)]


def _org_country(ent: Span) -> str | None:
    """The country an organisation is of: "China's Foreign Ministry", "the Chinese
    Foreign Ministry", "the Democratic Party of South Korea"."""
    doc = ent.doc
    if ent.start >= 2 and doc[ent.start - 1].tag_ == "POS":
        before = ent_ending_at(doc, ent.start - 1)
        if before is not None and before.label_ in ("GPE", "NORP"):
            return country_of(before)
    first = doc[ent.start]
    if first.ent_type_ == "NORP" or (ent.start > 0 and doc[ent.start - 1].ent_type_ == "NORP"):
        word = first if first.ent_type_ == "NORP" else doc[ent.start - 1]
        return rules.countries().demonyms.get(_norm(word.text))
    if ent.end + 1 < len(doc) and doc[ent.end].lower_ == "of":
        after = ent_starting_at(doc, ent.end + 1)
        if after is not None and after.label_ == "GPE":
            return country_of(after)
    return None


_BRACKETED = re.compile(r"\s*\[([A-Z][\w'\u2019-]+)\]")


def _cluster_people(person_spans: list[tuple[int, Span, str]], add) -> None:
    """Join short forms to the full names they stand for, within the article."""
    fulls = [name for _, _, name in person_spans if is_full_name(name)]
    # Merge full forms that differ by a middle initial ("Rex W. Tillerson").
    canonical: dict[str, str] = {}
    for name in sorted(set(fulls), key=lambda n: (-len(n), n)):
        stripped = re.sub(r"\s+[A-Z]\.\s+", " ", name)
        hit = next(
            (c for c in canonical.values() if re.sub(r"\s+[A-Z]\.\s+", " ", c) == stripped), None
        )
        canonical[name] = hit or name
    short_owner: dict[str, set[str]] = {}
    for full in set(canonical.values()):
        for s in surname_candidates(full):
            short_owner.setdefault(s, set()).add(full)
    for p, span, name in person_spans:
        if name in canonical:
            full = canonical[name]
        else:
            owners = short_owner.get(name, set())
            # A short form shared by two full names (Yang Xiyu, Yang Jiechi) stays apart.
            full = next(iter(owners)) if len(owners) == 1 else name
        add(f"person:{full.lower()}", "person", name, p, span)


def _merge_org_forms(drafts: dict[str, _Draft], spans: dict[tuple[int, int], str]) -> None:
    """Within an article, an acronym or a shorter form of an organization's name
    ("DHS", "Homeland Security") is the same organization as its full name."""
    orgs = [d for d in drafts.values() if d.kind == "organization"]
    for short in orgs:
        sname = short.names.most_common(1)[0][0]
        for full in orgs:
            fname = full.names.most_common(1)[0][0]
            if full is short or len(fname) <= len(sname):
                continue
            initials = "".join(w[0] for w in fname.split() if w[0].isupper())
            if sname == initials or (len(sname.split()) >= 2 and fname.endswith(" " + sname)):
                full.names.update(short.names)
                full.mentions.extend(short.mentions)
                for k, v in list(spans.items()):
                    if v == short.key:
                        spans[k] = full.key
                del drafts[short.key]
                break


# Compass words the model takes for people ("the North said").
NOT_PEOPLE = {"north", "south", "east", "west", "north's", "south's"}


def _prefixed_form(span: Span, name: str) -> str:
    """The name with the honorific or title written before it: "Mr. Pompeo",
    "Secretary of State Mike Pompeo", "Chairman Kim"."""
    doc = span.doc
    k = span.start
    if k > 0 and doc[k - 1].text in rules.titles().honorifics:
        return f"{doc[k - 1].text} {name}"
    for t in doc.spans.get("titles", []):
        if t.end == k and t.text[0].isupper():
            return f"{t.text} {name}"
    return name


def _finish(d: _Draft) -> Entity:
    names = [n for n, _ in d.names.most_common()]
    if d.kind == "person":
        # The fullest form: most words, then most frequent.
        name = max(names, key=lambda n: (len(name_tokens(n)), d.names[n]))
    elif d.kind == "country":
        name = d.key.split(":", 1)[1]
    else:
        name = max(names, key=lambda n: (d.names[n], len(n)))
    surface = sorted(
        {re.sub(r"['\u2019]s?$", "", m.text) for m in d.mentions} | set(names) | d.forms
    )
    aliases = tuple(a for a in surface if a != name)
    roles = tuple(dict.fromkeys(d.roles))
    affs = Counter(r.affiliation for r in roles if r.affiliation) + d.affiliations
    if d.kind == "organization" and not affs and _norm(names[0]) in rules.countries().institutions:
        affs[rules.countries().institutions[_norm(names[0])]] += 1
    if d.kind == "organization" and not affs:
        # "North Korean state media", "Chinese Foreign Ministry"
        first = name_tokens(names[0])
        for n in (2, 1):
            country = rules.countries().demonyms.get(_norm(" ".join(first[:n]))) or (
                rules.countries().lookup(" ".join(first[:n]))
            )
            if country and len(first) > n:
                affs[country] += 1
                break
    return Entity(
        key=d.key,
        name=name,
        kind=d.kind,
        aliases=aliases,
        roles=roles,
        affiliation=affs.most_common(1)[0][0] if affs else None,
        mentions=tuple(sorted(d.mentions, key=lambda m: (m.paragraph, m.start))),
    )
