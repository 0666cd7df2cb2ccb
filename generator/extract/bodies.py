"""A person's campaign and office, as bodies that speak of their own.

"Clinton's campaign said", "the Sanders campaign", "a Trump campaign spokesman",
"Ryan's office said": a statement the campaign or the office put out is not the
candidate's own words, so the campaign is an organisation of its own, named after
its person ("Hillary Clinton's campaign"), and the merge across articles joins it
through that person (the campaigns of "Donald Trump" and "Donald J. Trump" are one).

It catches a common noun "campaign"/"camp"/"office" whose possessor or compound
is a person the article names in full or with a title, or the surname of one
("the Clinton campaign": of Hillary and Bill Clinton, the one the article speaks
of most). A people ("the Democrats' campaign") or a word the model took for a
person ("the Brexit campaign"), never named in full nor titled, owns none. It
leaves named offices ("the Prime Minister's Office", "the Oval Office") to the
model's organisations.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.extract.names import is_full_name, surname_index
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
    surnames = surname_index(people.values())
    named = {k for k, e in people.items() if is_full_name(e.name)}

    def person(c: Token, p: int) -> str | None:
        ent = ent_of(c) if c.ent_type_ else None
        if ent is not None and c.ent_type_ not in ("PERSON", "ORG"):
            return None  # "the Democrats' campaign": a people, a place
        key = spans.get((p, ent.start_char)) if ent is not None else None
        if key in people and is_full_name(people[key].name):
            return key
        if (ent is not None and len(ent) > 1) or not c.is_title:
            return None
        # "the Clinton campaign", "Ryan's campaign": a surname of someone named in
        # full; of two, the one the article speaks of most.
        full = [k for k in surnames.get(c.text.replace("\u2019", "'"), ()) if k in named]
        full.sort(key=lambda k: (-len(people[k].mentions), k))
        if len(full) > 1 and len(people[full[0]].mentions) == len(people[full[1]].mentions):
            return None
        if full:
            return full[0]
        # "President Obama" named by title alone.
        return key if key in people and _known(people[key]) else None

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


def _known(person: Entity) -> bool:
    """A person the article names in full or with a title ("President Obama", "Mr.
    Sanders"), not a word the model took for a name ("Brexit", "Leave")."""
    if is_full_name(person.name) or person.roles:
        return True
    return any(a.endswith(person.name) and len(a.split()) > 1 for a in person.aliases)
