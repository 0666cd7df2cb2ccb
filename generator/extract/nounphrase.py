"""What a noun phrase names, for the owners of stances (`owners.py`): the
prepositions through which a noun names its members ("experts, including ..."),
shares and counts of a group ("89% of Democrats", "two leading Republicans"), and
the clauses that only describe a noun ("senators from states Trump won")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator import rules

if TYPE_CHECKING:
    from spacy.tokens import Token

# Phrases through which a noun names the people it is made of ("experts, including
# William J. Perry", "officials of the European Union").
NAMING_PREPOSITIONS = {"of", "include", "including", "like", "such", "as", "among", "by"}


ROLE_NOUNS = rules.cues().role_nouns
# "an ally of Ana Lind" is not Ana Lind.
RELATIONAL = rules.stance_cues().relational
QUANTITIES = {
    "percent",
    "%",
    "majority",
    "minority",
    "most",
    "half",
    "third",
    "quarter",
    "share",
    "number",
    "plurality",
    "fraction",
    "many",
    "some",
    "few",
}


def one_person(noun: Token) -> bool:
    """A singular role noun: one person of an organisation, not the organisation."""
    return noun.lemma_.lower() in ROLE_NOUNS and noun.tag_ in ("NN", "NNP")


def quantity(noun: Token) -> bool:
    """A share of a group: '89% of Democrats', 'a majority of voters'."""
    if noun.like_num or noun.lower_ in QUANTITIES or noun.lemma_.lower() in QUANTITIES:
        return any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children) or noun.like_num
    return False


def counted(noun: Token) -> bool:
    """A number or a quantifier on a plural ("two leading Republicans", "some
    Democrats"): some members of a group, not the group."""
    return any(
        c.dep_ in ("nummod", "det", "amod")
        and c.lower_ in QUANTITIES | COUNTS
        or c.dep_ == "nummod"
        for c in noun.children
    )


COUNTS = {"several", "two", "three", "both", "these", "those", "other", "leading", "top"}


def detour(tok: Token) -> bool:
    if tok.dep_ == "acl" and tok.lemma_.lower() in ("lead", "include", "head"):
        return False  # "states led by West Virginia": the one at their head
    if tok.dep_ in ("relcl", "acl", "advcl"):
        return True
    return tok.dep_ == "prep" and tok.lemma_.lower() not in NAMING_PREPOSITIONS


def path(tok: Token, top: Token) -> list[Token]:
    out = []
    while tok.i != top.i and tok.head.i != tok.i:
        out.append(tok)
        tok = tok.head
    return out


def listing(tok: Token) -> bool:
    """A preposition that lists a noun's members: "corporations including Apple"."""
    return tok.dep_ == "prep" and tok.lemma_.lower() in ("include", "including", "like", "such")
