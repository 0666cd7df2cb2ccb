"""Places and countries as actors: when "Beijing" is China's government and when
it is a city, and which country a demonym or a place name stands for."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator import rules
from generator.extract.tokens import root_of

if TYPE_CHECKING:
    from spacy.tokens import Span


def country_of(span: Span) -> str | None:
    """The country a GPE/LOC/NORP span stands for as an actor, or None for a place."""
    c = rules.countries()
    text = span.text
    if span.label_ == "NORP":
        doc = span.doc
        k = span.end
        if k + 1 < len(doc) and doc[k].text == "-" and not span[-1].whitespace_:
            # "Cuban-American": an American
            return c.demonyms.get(_norm(doc[k + 1].text)) or c.demonyms.get(_norm(text))
        return c.demonyms.get(_norm(text))
    bare = re.sub(r"^the\s+", "", text, flags=re.I)
    name = c.lookup(text) or c.lookup(bare) or c.lookup("the " + bare)
    if name:
        return name
    cap = c.capitals.get(_norm(text))
    if cap and capital_is_government(span):
        return cap
    return None


def _norm(text: str) -> str:
    return text.replace("\u2019", "'").strip().lower()


def capital_is_government(span: Span) -> bool:
    c = rules.countries()
    root = root_of(span)
    head = root.head
    if root.dep_ == "appos" or any(ch.dep_ == "appos" for ch in root.children):
        return False  # "Seoul, South Korea"
    if root.dep_ == "pobj" and head.dep_ in ("prep", "agent", "dative"):
        prep = head.lower_
        if prep in c.place_prepositions:
            return False
        if prep in c.noun_prepositions:
            return head.head.pos_ in ("NOUN", "PROPN")
        return True
    if root.dep_ in ("dobj", "obj") and head.lemma_ in c.place_verbs:
        return False
    if root.dep_ in ("compound", "amod") and head.pos_ in ("NOUN", "PROPN"):
        return False  # "the Beijing office"
    return root.dep_ in ("nsubj", "nsubjpass", "dobj", "conj", "poss", "appos", "ROOT", "pobj")
