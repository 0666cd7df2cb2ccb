"""A person's campaign and office, as bodies that speak of their own.

"Clinton's campaign said", "the Sanders campaign", "a Trump campaign spokesman",
"Ryan's office said": a statement the campaign or the office put out is not the
candidate's own words, so the campaign is an organisation of its own, named after
its person ("Hillary Clinton's campaign"), and the merge across articles joins it
through that person (an article that says only "Clinton's campaign" joins the
campaign of the Hillary Clinton the corpus knows).

It catches a common noun "campaign"/"camp"/"office" whose possessor or compound
is a person the article names in full, or a surname the model tagged as a name
("the Clinton campaign"); a people ("the Democrats' campaign") or a word taken for
a person ("a Kickstarter campaign") owns none. It misses owners the model did not
tag, and leaves
named offices ("the Prime Minister's Office", "the Oval Office") to the model's
organisations.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.extract.names import is_full_name, surname_candidates
from generator.extract.tokens import ent_of
from generator.model import Entity, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

BODY_NOUNS = {"campaign": "campaign", "camp": "campaign", "office": "office"}
PREFIX = "body:"
# An organisation's name that is a person's body: "Hillary Clinton's campaign".
BODY_NAME = re.compile(r"^(?P<owner>.+)'s (?P<noun>campaign|office)$")


def body_key(noun: str, person_key: str) -> str:
    return f"{PREFIX}{noun}:{person_key}"


def body_name(owner: str, noun: str) -> str:
    return f"{owner}'s {noun}"


def find_bodies(
    docs: list[Doc], spans: dict[tuple[int, int], str], people: dict[str, Entity]
) -> list[Entity]:
    """The article's campaigns and offices, each mentioned by its noun (so the
    owner's name stays the owner's mention); their mentions are added to `spans`."""
    surnames: dict[str, set[str]] = {}
    for e in people.values():
        for form in (e.name, *e.aliases):
            for word in surname_candidates(form.replace("\u2019", "'")):
                surnames.setdefault(word, set()).add(e.key)

    def person(c: Token, p: int) -> str | None:
        ent = ent_of(c) if c.ent_type_ else None
        key = spans.get((p, ent.start_char)) if ent is not None else None
        if key in people:
            return key if _owner(people[key], c) else None
        # "Ryan's campaign" with "Ryan" tagged an organisation, or not tagged
        owners = surnames.get(c.text.replace("\u2019", "'"), set()) if c.is_title else set()
        if len(owners) != 1 or (ent is not None and len(ent) > 1):
            return None
        owner = next(iter(owners))
        return owner if _owner(people[owner], c) else None

    found: dict[str, list[Mention]] = {}
    for p, doc in enumerate(docs):
        for tok in doc:
            noun = BODY_NOUNS.get(tok.lower_)
            if noun is None or tok.pos_ != "NOUN" or tok.ent_type_:
                continue
            owners = list(tok.children)
            if tok.dep_ == "compound":
                owners += tok.head.children  # "a Clinton campaign spokesman", parsed flat
            for c in owners:
                if c.dep_ not in ("poss", "compound") or c.i > tok.i:
                    continue
                key = person(c, p)
                if key is not None:
                    body = body_key(noun, key)
                    found.setdefault(body, []).append(
                        Mention(p, tok.idx, tok.idx + len(tok.text), tok.text)
                    )
                    spans[(p, tok.idx)] = body
                    break
    return [
        Entity(
            key=key,
            name=body_name(people[key.split(":", 2)[2]].name, key.split(":", 2)[1]),
            kind="organization",
            mentions=tuple(mentions),
        )
        for key, mentions in sorted(found.items())
    ]


def _owner(person: Entity, tok: Token) -> bool:
    """A person a campaign or an office can be named after: one the article names
    in full, or a surname the model tagged as a name ("the Clinton campaign"), not
    a people ("the Democrats' campaign") or a word ("a Kickstarter campaign")."""
    return is_full_name(person.name) or tok.ent_type_ in ("PERSON", "ORG", "")
