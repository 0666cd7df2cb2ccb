"""Which PERSON spans name a person: the model's PERSON label checked against the
rest of the article.

`person_kind` catches: places (a name the model labels a place elsewhere in the
article, or a country's name), acronyms in capitals that no person of the article
is called ("RCMP" is an organization; "CLINTON" is Clinton), members of a party or
a people in the plural ("Hill Democrats", "Conservatives") and families ("the
Clintons"), which are groups; and the words about a name that are no part of it
(`names.trim_person`). It misses places and groups the article never names as such
and names that look like one of these ("Paris Hilton" in an article about Paris is
kept only when the article names her in full).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from generator import rules
from generator.extract.names import clean_person_name, is_full_name, surname_candidates, trim_person
from generator.extract.places import _norm

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

PLACE_LABELS = {"GPE", "LOC"}
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,5}")


@cache
def member_words() -> frozenset[str]:
    """Singular words for members of parties and peoples, lower-cased."""
    words = {w.lower() for w in rules.load("names.yaml")["members"]}
    words |= {d for d in rules.countries().demonyms if " " not in d}
    return frozenset(words)


@cache
def _named_places() -> frozenset[str]:
    return frozenset(_norm(p) for p in rules.load("names.yaml")["demonym_places"])


@cache
def name_words(key: str) -> frozenset[str]:
    """One of names.yaml's word lists: "institution_words" (last words of names
    that are institutions or places, never surnames), "not_actor_words",
    "title_last_words", "named_after_words"."""
    return frozenset(rules.load("names.yaml")[key])


def institution_words() -> frozenset[str]:
    return name_words("institution_words")


@cache
def generic_bodies() -> frozenset[str]:
    """Bodies named by a common noun ("House", "Parliament"), lower-cased: each
    country has its own."""
    return frozenset(w.lower() for w in rules.load("names.yaml")["generic_bodies"])


@dataclass(frozen=True)
class ArticleNames:
    """What the whole article says about names: the model's place names, the
    surnames of the people it names in full, and its longer place phrases."""

    places: Counter  # name -> how many times the model labels it a place
    people: Counter  # name -> how many times a person
    surnames: frozenset[str]
    place_phrases: frozenset[str]


def article_names(docs: list[Doc]) -> ArticleNames:
    places: Counter = Counter()
    people: Counter = Counter()
    phrases: set[str] = set()
    surnames: set[str] = set()
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS:
                text = re.sub(r"^the\s+", "", ent.text, flags=re.I)
                places[_norm(text)] += 1
                if " " in text:
                    phrases.add(_norm(text))
            elif ent.label_ == "PERSON":
                name = clean_person_name(ent)
                people[_norm(name)] += 1
                if is_full_name(name):
                    surnames.update(surname_candidates(name))
    return ArticleNames(places, people, frozenset(surnames), frozenset(phrases))


def person_kind(ent: Span, names: ArticleNames) -> tuple[str, str, Span] | None:
    """(kind, name, span) for a PERSON span: kind is "person", "organization" or
    "group"; None when it names no actor (a place, a fragment)."""
    span = trim_person(ent)
    if span is None or credit(span):
        return None
    name = clean_person_name(span)
    if not name:
        return None
    words = name.split()
    if names.places[_norm(name)] > names.people[_norm(name)] and name not in names.surnames:
        return None  # "Regina" that the article calls a place more often than a person
    if rules.countries().lookup(name) or rules.countries().demonyms.get(_norm(name)):
        return None
    titles = rules.titles()
    if _norm(name) in titles.default_country or name in titles.display or name in titles.honorifics:
        return None  # "President": a title alone names no one
    if _norm(name) in member_words():
        return ("group", name, span)  # "a Republican": a member of a party, no name
    if (
        len(words) > 1
        and words[-1].lower() in member_words()
        and names.places[_norm(" ".join(words[:-1]))]
    ):
        return None  # "a Florida Republican": one member, not named
    if words[-1] in institution_words() or name in rules.org_phrases():
        # "Citizens United", "Ohio State University", "Islamic State" (-style)
        return ("organization", name, span)
    if len(words) > 1 and words[-1] in name_words("not_actor_words"):
        return None  # "Ho Chi Minh City", "Martin Luther King Day"
    if len(words) > 1 and words[-1] in name_words("title_last_words"):
        return None  # "Palm Beach County Supervisor": a title, no name
    if (
        len(words) > 1
        and words[-1] in name_words("named_after_words")
        and words[-2] in names.surnames
        and words[-2] not in rules.first_name_genders()
    ):
        return None  # "Trump Tower": a building named after someone, no actor
    if len(words) == 1 and name.isupper():
        if name.title() in names.surnames or not _ACRONYM.fullmatch(name):
            return ("person", name.title(), span)  # "CLINTON" in a headline
        return ("organization", name, span)  # "RCMP", "OPP": an acronym keeps its case
    last = words[-1]
    parties = rules.load("names.yaml")["parties"]
    party = parties.get(" ".join(words[-2:])) or parties.get(last)
    if party and re.search(r"['\u2019]s? ", name):
        return ("organization", party, span)  # "Justin Trudeau's Liberals"
    if last.endswith("s") and len(last) > 3:
        singular = last[:-1].lower()
        if singular in member_words() or last.lower() in member_words():
            return ("group", name, span)  # "Hill Democrats", "Conservatives"
        if len(words) == 1 and last[:-1] in names.surnames:
            return ("group", name, span)  # "the Clintons": a family
    return ("person", name, span)


def in_place_phrase(span: Span, names: ArticleNames) -> bool:
    """Whether a demonym or place span is the start of a longer place the article
    names ("British" in "British Columbia", "New" in "New South Wales")."""
    doc = span.doc
    if span.label_ == "NORP" and span.end < len(doc) and span[-1].whitespace_:
        nxt = doc[span.end]
        titled = any(t.start == span.end for t in doc.spans.get("titles", []))
        pair = _norm(f"{span.text} {nxt.text}")
        if (
            nxt.is_title
            and not titled
            and (nxt.ent_type_ in ("GPE", "LOC") or pair in _named_places())
        ):
            return True  # "British Columbia", which the model did not tag
    for n in (1, 2, 3):
        end = span.end + n
        if end > len(doc):
            break
        if _norm(doc[span.start : end].text) in names.place_phrases:
            return True
    return False


_CREDIT = re.compile(r"\s+[/|]\s*(?:The\s)?[A-Z]")


def credit(ent: Span) -> bool:
    """Whether a name is a photo or reporting credit: "Jane Doe / CBC News",
    "(John Roe | Reuters)". A credit names no one in the story."""
    doc = ent.doc
    return _CREDIT.match(doc.text, ent.end_char) is not None
