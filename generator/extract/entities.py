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
Reporters (the article's authors and contributors) are never actors. People the
model missed or took for organizations are found by `missed.py`; name strings are
handled by `names.py`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator import rules
from generator.extract.affiliations import conj_affiliation, of_affiliation
from generator.extract.bodies import find_bodies
from generator.extract.missed import (
    according_to_sources,
    people_tagged_as_orgs,
    signatures,
    surnames_tagged_as_orgs,
    transcript_labels,
    untagged_speakers,
)
from generator.extract.names import (
    NOT_PEOPLE,
    PARTICLES,
    is_full_name,
    name_tokens,
    surname_candidates,
)
from generator.extract.orgnames import merge_org_forms, org_forms, org_name
from generator.extract.people import article_names, generic_bodies, in_place_phrase, person_kind
from generator.extract.places import _norm, country_of
from generator.extract.roles import RELATIONS, find_role
from generator.extract.shortforms import cluster_people, prefixed_form
from generator.extract.titletext import clean_title
from generator.extract.tokens import ent_ending_at, ent_starting_at, root_of, text_of
from generator.model import Article, Entity, Mention, Role

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

PERSON_LABELS = {"PERSON"}
_KEY = {"organization": "org", "group": "group"}
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
    # The author of a signed opinion piece, who holds its own voice (`byline.py`).
    author: str | None = None

    def key_at(self, paragraph: int, start: int) -> str | None:
        return self.by_span.get((paragraph, start))


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
            d.forms.add(prefixed_form(span, name))
        spans[(p, span.start_char)] = key

    people_as_orgs = people_tagged_as_orgs(docs)
    people_as_orgs |= surnames_tagged_as_orgs(docs, people_as_orgs)
    names = article_names(docs)
    moved: dict[tuple[int, int], int] = {}  # a name's start -> its PERSON span's start
    for p, doc in enumerate(docs):
        consumed = -1  # the end of a bracketed insertion already taken into a name
        for ent in doc.ents:
            label = ent.label_
            if ent.start_char < consumed:
                continue
            if label == "ORG" and ent.text in people_as_orgs:
                label = "PERSON"
            if label in PERSON_LABELS:
                found = person_kind(ent, names)
                if found is None:
                    continue
                kind, name, trimmed = found
                if _norm(name) in reporters or _norm(name) in NOT_PEOPLE:
                    continue
                if trimmed.start_char != ent.start_char:
                    moved[(p, trimmed.start_char)] = ent.start_char
                ent = trimmed
                if kind != "person":
                    add(f"{_KEY[kind]}:{name.lower()}", kind, name, p, ent)
                    continue
                if (len(name) <= 2 and name.isupper()) or re.match(r"^[RDIL]-[A-Z]", name):
                    continue  # "Berea, OH", "(D-Newport News)": a state, a party label
                bracket = _BRACKETED.match(text_of(doc), ent.end_char)
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
                # not "British" in "British Columbia"
                country = None if in_place_phrase(ent, names) else country_of(ent)
                if country:
                    add(f"country:{country}", "country", country, p, ent)
                elif label == "NORP" and ent.text.endswith("s") and ent.text[0].isupper():
                    name = re.sub(r"^the\s+", "", ent.text, flags=re.I)
                    add(f"group:{name.lower()}", "group", name, p, ent)
            elif label == "ORG":
                name = org_name(ent)
                if name is None:
                    continue
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

    # "according to HuffPo": a source; not "according to Lind", a person's surname
    surnames = {name.split()[-1] for _, _, name in person_spans}
    for p, span, name in according_to_sources(docs):
        if name not in surnames:
            add(f"org:{name.lower()}", "organization", name, p, span)
    person_spans.extend(untagged_speakers(docs))
    person_spans.extend(signatures(docs))
    person_spans.extend(transcript_labels(docs))
    cluster_people(_not_places(person_spans), add)
    for (p, start), was in moved.items():
        if (p, start) in spans:
            spans[(p, was)] = spans[(p, start)]  # found from the span the model gave
    places = {_norm(e.text) for doc in docs for e in doc.ents if e.label_ in ("GPE", "LOC")}
    merge_org_forms(drafts, spans, places)
    for p, doc in enumerate(docs):
        for ent in doc.ents:
            key = spans.get((p, ent.start_char))
            if key and drafts[key].kind == "person":
                role = find_role(ent, article.id, spans, drafts, p)
                title = clean_title(role.title) if role else None
                role = Role(title, role.affiliation, role.article) if role and title else None
                if role and role.affiliation is None:
                    role = Role(role.title, conj_affiliation(ent, spans, drafts, p), role.article)
                if role and role.title.lower().split()[-1] in RELATIONS | _PLURAL_RELATIONS:
                    # "his Chinese counterpart, Yang Jiechi": a relation, not a title;
                    # the country it gives stands.
                    if role.affiliation:
                        drafts[key].affiliations[role.affiliation] += 1
                    role = None
                if role:
                    drafts[key].roles.append(role)
                of = of_affiliation(ent, spans, drafts, p)
                if of and not (role and role.title.lower() in rules.titles().local):
                    drafts[key].affiliations[of] += 1
    for org, p, start in of_person:
        # "the Democratic Party of Mr. Moon": the party of Mr. Moon's country.
        person = drafts.get(spans.get((p, start), ""))
        if person is not None and not drafts[org].affiliations:
            affs = Counter(r.affiliation for r in person.roles if r.affiliation)
            affs.update(person.affiliations)
            if affs:
                drafts[org].affiliations[affs.most_common(1)[0][0]] += 1
    home = home_country(drafts.values())
    entities = [_finish(d, home) for d in drafts.values()]
    # After the people are finished: a campaign is named after its person.
    entities += find_bodies(docs, spans, {e.key: e for e in entities if e.kind == "person"})
    entities.sort(key=lambda e: e.key)
    return EntityIndex(entities=tuple(entities), by_span=spans)


PLACE_PREPOSITIONS = {"of", "in", "at", "near", "from", "to", "around", "outside"}


def _not_places(person_spans: list[tuple[int, Span, str]]) -> list[tuple[int, Span, str]]:
    """Without one-word "people" the text only ever uses as a place ("satellite
    images of Yongbyon"): never a subject, never titled, nobody's surname."""
    fulls = {w for _, _, n in person_spans if is_full_name(n) for w in surname_candidates(n)}
    placelike: dict[str, bool] = {}
    for _, ent, name in person_spans:
        if " " in name:
            continue
        root = root_of(ent)
        doc = ent.doc
        titled = ent.start > 0 and (
            doc[ent.start - 1].text in rules.titles().honorifics
            or any(t.end == ent.start for t in doc.spans.get("titles", []))
        )  # "ties to President Obama"
        place = root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS and not titled
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


_PLURAL_RELATIONS = {r + "s" for r in RELATIONS}  # "their Republican counterparts"


def home_country(drafts) -> str | None:
    """The country an article is about: named at least twice and in at least half
    of its mentions of countries."""
    counts = Counter({d.key: len(d.mentions) for d in drafts if d.kind == "country"})
    if not counts:
        return None
    key, n = counts.most_common(1)[0]
    return key.split(":", 1)[1] if n >= 2 and 2 * n >= sum(counts.values()) else None


def _finish(d: _Draft, home: str | None = None) -> Entity:
    names = [n for n, _ in d.names.most_common()]
    if d.kind == "person":
        # The fullest form: most words, then most frequent.
        name = max(names, key=lambda n: (len(name_tokens(n)), d.names[n]))
    elif d.kind == "country":
        name = d.key.split(":", 1)[1]
    else:
        name = max(names, key=lambda n: (d.names[n], len(n)))
    # An organization's forms are names, not the text around them ("a Republican
    # Party", "Federal Bureau of Investigation (FBI").
    forms = {re.sub(r"['\u2019]s?$|,\s*\d{1,3}$", "", m.text) for m in d.mentions}
    if d.kind == "organization":
        forms = org_forms(forms)
    surface = sorted(forms | set(names) | d.forms)
    aliases = tuple(a for a in surface if a != name)
    roles = tuple(dict.fromkeys(d.roles))
    affs = Counter(r.affiliation for r in roles if r.affiliation) + d.affiliations
    if d.kind == "organization" and not affs and home and _norm(name) in generic_bodies():
        affs[home] += 1  # "Parliament", "the Senate": of the country the article is about
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
