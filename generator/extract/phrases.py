"""Noun phrases for headlines, whole: `phrase(tok)` keeps a phrase's determiners,
modifiers, possessor, coordinated parts ("Japan and South Korea"), short
appositions and "of" phrases, and leaves out relative clauses, long asides and
dates; `chunk` is the noun chunk alone; `words(tok, n)` the first words of a phrase
ending on a noun, never on a cut phrase.

It trusts the parser: a phrase the parser split is given as it split it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.extract.tokens import ent_of, noun_chunk_of, root_of

if TYPE_CHECKING:
    from spacy.tokens import Token

# What a noun phrase keeps of its children; "of" phrases and short appositions too.
NP_KEEP = {
    "det",
    "amod",
    "compound",
    "poss",
    "case",
    "nummod",
    "quantmod",
    "nmod",
    "conj",
    "cc",
    "predet",
    "advmod",
    "npadvmod",
    "neg",
}
NP_PREPS = {"of", "on", "to", "for", "against", "with", "from", "between"}


def np_tokens(tok: Token, depth: int = 0) -> list[Token]:
    out = [tok]
    nominal = [
        c for c in tok.children if c.dep_ in ("conj", "appos") and c.pos_ not in ("VERB", "AUX")
    ]
    for c in tok.children:
        if c.dep_ in NP_KEEP:
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"):
                continue
            if c.dep_ == "cc" and not nominal:
                continue  # "and" of a clause the phrase does not keep
            out += np_tokens(c, depth + 1)
        elif c.dep_ == "appos" and len(list(c.subtree)) <= 8:
            out += np_tokens(c, depth + 1)
        elif c.dep_ == "prep" and c.lower_ in NP_PREPS and depth < 2:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
                out += [c, *np_tokens(obj, depth + 1)]
        elif c.dep_ == "punct" and (
            (c.text == "-" and c.whitespace_ == "")
            or (c.text in (",", "\u2013") and depth < 3 and any(s.i > c.i for s in nominal))
        ):
            out.append(c)
    return out


def join(toks: list[Token]) -> str:
    toks = sorted(set(toks), key=lambda t: t.i)
    while toks and toks[-1].is_punct:
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    out = ""
    for k, t in enumerate(toks):
        out += t.text
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if nxt is None:
            break
        if nxt.i == t.i + 1:
            out += t.whitespace_
        elif nxt.text not in (",", "'s", "\u2019s"):
            out += " "
    return out.strip()


def phrase(tok: Token) -> str:
    """A noun phrase whole: its determiners, modifiers, possessor, coordinated parts,
    short appositions and "of" phrases; a name as the entity it is part of."""
    ent = ent_of(tok)
    if ent is not None and ent.label_ in ("PERSON", "ORG", "GPE") and tok.i == root_of(ent).i:
        extra = [t for t in np_tokens(tok) if t.i < ent.start or t.i >= ent.end]
        return join([*ent, *extra])
    return join(np_tokens(tok))


def chunk(tok: Token, with_of: bool = False) -> str:
    nc = noun_chunk_of(tok)
    text = join(list(nc)) if nc is not None else tok.text  # no dash or quote at its ends
    ent = ent_of(tok)
    if ent is not None and ent.label_ == "PERSON" and ent.text not in text:
        text = ent.text
    if with_of:
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is not None:
            text = f"{text} of {chunk(obj)}"
    return text


def words(tok: Token, n: int) -> str:
    """The first words of a phrase, ending on its last noun within `n` words, so
    that a headline never ends on a cut phrase ("..." or a preposition)."""
    # punctuation dropped, but for commas, hyphens and the possessive's apostrophe
    toks = [t for t in tok.subtree if not t.is_punct or t.text in (",", "-") or t.dep_ == "case"]
    if len(toks) > n:
        nouns = [
            k
            for k, t in enumerate(toks[:n])
            if t.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
            and t.tag_ not in ("WDT", "WP")
            # not the subject of a clause cut before its verb ("a suggestion that he")
            and not (t.dep_ in ("nsubj", "nsubjpass") and t.head not in toks[:n])
        ]
        if not nouns:
            return ""
        end = nouns[-1] + 1
        chunk = noun_chunk_of(toks[nouns[-1]])
        while chunk is not None and end < len(toks) and toks[end].i < chunk.end:
            end += 1
        toks = toks[:end]
    return join(toks)
