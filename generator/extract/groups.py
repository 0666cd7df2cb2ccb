"""Groups named by a common noun that hold a stance of their own: "Republican
senators", "industry groups", "Twenty-seven states led by West Virginia".

`Groups.key_of(head, p)` gives the entity key of the group a plural noun phrase
names, registering it as an entity of kind "group" (with its mention) the first
time; None where the phrase names no one a reader could place: a bare plural
("critics", "senators"), a vague word ("other states", "some people"), a possessive
("his allies"), or a phrase whose description runs through a clause ("senators from
states Trump won"). The head word must be one of `group_nouns` in
`generator/rules/stances.yaml`, and a word must say which group: a number, a
modifier, a name, "led by X", "from X" / "in X" with a name.

It misses groups named by a singular collective ("the coal industry"), by a
pronoun, or by a description the parser splits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator import rules
from generator.model import Entity, Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

CUES = rules.stance_cues()
GROUP_NOUNS = CUES.group_nouns
VAGUE = CUES.vague_modifiers
PLACE_PREPOSITIONS = ("from", "in", "of")


def group_span(head: Token) -> tuple[int, int] | None:
    """The token range (start, end) of the group a plural noun names, or None."""
    if head.tag_ not in ("NNS", "NNPS") or head.lemma_.lower() not in GROUP_NOUNS:
        return None
    if head.ent_type_ in ("PERSON", "ORG", "GPE"):
        return None  # a name the entity stage has judged
    kept = [head]
    which = False
    for c in head.children:
        words = {t.lower_ for t in c.subtree}
        if c.dep_ in ("det", "predet") and c.lower_ not in ("the", "a", "an"):
            return None  # "these opponents", "some states", "all senators"
        if c.dep_ == "poss" or words & VAGUE and c.dep_ in ("amod", "nummod", "compound"):
            return None  # "his allies", "other states", "two leading Republicans"
        if c.dep_ in ("amod", "compound", "nmod", "nummod") and c.i < head.i:
            kept.extend(c.subtree)
            which = True
        elif c.dep_ == "acl" and c.lemma_.lower() == "lead" and _named_agent(c):
            kept.extend(t for t in c.subtree if not _in_conj(t, c))
            which = True
        elif c.dep_ == "prep" and c.lower_ in PLACE_PREPOSITIONS and c.i > head.i:
            inner = list(c.subtree)
            if any(t.dep_ in ("relcl", "acl", "advcl", "ccomp") for t in inner):
                return None  # "senators from states Trump won": described, not named
            if not any(t.ent_type_ or t.pos_ == "PROPN" for t in inner):
                return None  # "members of the team"
            kept.extend(inner)
            which = True
    if not which:
        return None
    start = min(t.i for t in kept)
    end = max(t.i for t in kept) + 1
    if end - start != len({t.i for t in kept}):
        return None  # not one stretch of text
    return start, end


def _named_agent(acl: Token) -> bool:
    return any(c.dep_ == "agent" and any(t.ent_type_ for t in c.subtree) for c in acl.children)


def _in_conj(tok: Token, top: Token) -> bool:
    """Whether `tok` is in a conjunct below `top` ("led by West Virginia and industry
    groups": the groups are not part of the states' name)."""
    while tok.i != top.i:
        if tok.dep_ in ("conj", "cc"):
            return True
        tok = tok.head
    return False


GOVERNMENT_NOUNS = {"government", "province", "state", "legislature", "administration", "city"}


def place_span(head: Token) -> tuple[int, int] | None:
    """A province, state or city acting as its government ("Ontario has made clear
    ...", "The Saskatchewan government is challenging ..."): the place's tokens."""
    place = head
    if head.lemma_.lower() in GOVERNMENT_NOUNS and head.pos_ == "NOUN":
        named = [
            c for c in head.children if c.dep_ in ("compound", "poss") and c.ent_type_ == "GPE"
        ]
        if not named:
            return None
        place = named[0]
    if place.ent_type_ != "GPE" or place.pos_ != "PROPN":
        return None
    toks = [t for t in place.subtree if t.ent_type_ == "GPE" and t.pos_ == "PROPN"]
    start, end = min(t.i for t in toks), max(t.i for t in toks) + 1
    if end - start != len(toks):
        return None
    return start, end


class Groups:
    """The groups (and governments of places) one article's stances name, as
    entities."""

    def __init__(self, taken: set[str]):
        self.taken = taken  # the article's entity keys
        self.found: dict[str, Entity] = {}

    def key_of(self, head: Token, p: int) -> str | None:
        kind, found = "group", group_span(head)
        if found is None:
            kind, found = "organization", place_span(head)
        if found is None:
            return None
        span = head.doc[found[0] : found[1]]
        name = span.text.strip(" ,-")
        if span[0].is_sent_start and span[0].pos_ == "NOUN" and not span[0].ent_type_:
            name = name[:1].lower() + name[1:]  # "Industry groups are ...": a common noun
        key = f"{'group' if kind == 'group' else 'org'}:{name.lower()}"
        mention = Mention(p, span.start_char, span.end_char, span.text)
        old = self.found.get(key)
        mentions = (*old.mentions, mention) if old else (mention,)
        self.found[key] = Entity(key=key, name=name, kind=kind, mentions=mentions)
        return key

    def entities(self, used: set[str]) -> tuple[Entity, ...]:
        """The groups that hold a stance (and are not already the article's)."""
        return tuple(e for k, e in sorted(self.found.items()) if k in used and k not in self.taken)
