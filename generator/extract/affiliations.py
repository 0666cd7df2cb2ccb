"""Which country or body a titled person is of: the country a title names or
implies ("South Korea's foreign minister", "the North Korean ambassador",
"Secretary of State" for an American paper), one named after the person ("Norah
O'Donnell of CBS News"), or the one a person listed beside them is of."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator import rules
from generator.extract.places import _norm, country_of
from generator.extract.tokens import ent_ending_at, ent_of, ent_starting_at, ents_in, root_of

if TYPE_CHECKING:
    from spacy.tokens import Span


def of_affiliation(ent: Span, spans, drafts, p: int) -> str | None:
    """ "Norah O'Donnell of CBS News", "President Moon Jae-in of South Korea"."""
    doc = ent.doc
    if ent.end + 1 >= len(doc) or doc[ent.end].lower_ != "of":
        return None
    e = ent_starting_at(doc, ent.end + 1)
    if e is not None:
        key = spans.get((p, e.start_char))
        if key and drafts[key].kind in ("organization", "country"):
            return drafts[key].names.most_common(1)[0][0]
    return None


def conj_affiliation(ent: Span, spans, drafts, p: int) -> str | None:
    """ "his Chinese counterpart, Yang Jiechi, and Gen. Fang Fenghui": a person
    listed with another shares that one's country when nothing else says."""
    root = root_of(ent)
    if root.dep_ != "conj":
        return None
    head = root.head
    e = ent_of(head)
    if e is not None and e.label_ == "PERSON":
        key = spans.get((p, e.start_char))
        affs = [r.affiliation for r in drafts[key].roles if r.affiliation] if key else []
        if affs:
            return affs[-1]
        if key and drafts[key].affiliations:
            return drafts[key].affiliations.most_common(1)[0][0]
    for child in head.children:
        if child.dep_ in ("amod", "poss", "compound") and child.ent_type_ in ("NORP", "GPE"):
            return rules.countries().demonyms.get(_norm(child.text)) or rules.countries().lookup(
                child.text
            )
    return None


def country_before(span: Span) -> str | None:
    """ "South Korea's foreign minister", "the North Korean ambassador"."""
    for end in (span.start - 1, span.start):  # in the order of the text
        ent = ent_ending_at(span.doc, end)
        if ent is not None:
            c = country_of(ent) or rules.countries().lookup(ent.text)
            if c:
                return c
    return None


def of_country_after(ent: Span) -> str | None:
    doc = ent.doc
    if ent.end + 1 < len(doc) and doc[ent.end].lower_ == "of":
        e = ent_starting_at(doc, ent.end + 1)
        if e is not None and e.label_ != "NORP":  # not "of British Columbia"
            return rules.countries().lookup(e.text) or country_of(e)
    return None


def first_country(span: Span) -> str | None:
    """The first country named in an apposition ("Kang, South Korea's foreign
    minister"), up to its end: not one later in the sentence, nor a heritage
    ("a Cuban-American candidate")."""
    doc = span.doc
    end = next((t.i for t in span if t.text in (",", ";", "(", ")")), span.end)
    for ent in ents_in(doc[span.start : end]):
        hyphened = (ent.end < len(doc) and doc[ent.end].text == "-") or (
            ent.start > 0 and doc[ent.start - 1].text == "-"
        )
        if ent.label_ in ("GPE", "NORP", "LOC") and not hyphened:
            c = rules.countries().lookup(ent.text) or rules.countries().demonyms.get(
                _norm(ent.text)
            )
            if c:
                return c
    return None


def local(title: Span) -> bool:
    """A title of a state or a city, whose place is no country."""
    return title.text.lower() in rules.titles().local


def default_country(title: Span) -> str | None:
    return rules.titles().default_country.get(title.text.lower())
