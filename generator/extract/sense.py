"""A topic's sense: whether a term found in a sentence refers to what the editors named.

The topic matcher finds terms on lemmas, so "deal" is found in "May's Brexit deal",
in "a free trade deal with China" and in "he dealt cards". `in_sense` keeps a match
only where the term is used as the editors meant it:

- as a noun where the term is a noun (never "dealt", "returned", "walled");
- with no noun modifier that makes it another thing: a compound or a name before
  it ("trade" in "free trade deal", "Wall" of "Wall Street") counts only when the
  topic's own words have it ("Brexit" in "May's Brexit deal" for a Brexit topic);
- as the head of its noun phrase, or as the modifier of a noun that is itself in the
  topic's words or a generic word for a proposal ("sanctions relief", "freeze
  proposal"), not of some other thing ("tax return preparer", "wall street").

`pick(...)` settles a word that two topics' terms share from the sentence's other
words: the topic with strictly more of its own words in the sentence keeps it, else
neither does.

It misses senses that only the wider context settles (a "deal" two paragraphs after
the Brexit deal was named is kept), and it trusts the tagger: a noun tagged as a
verb is lost.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

NOUN_POS = {"NOUN", "PROPN"}
# Modifiers that say whose the thing is, not what it is.
WHOSE = {"PERSON", "NORP"}
MODIFIER_DEPS = {"compound", "nmod"}
# Nouns a proposal's term may modify and still be the proposal: "a freeze proposal",
# "the wall plan", "sanctions relief" (relief is an action where the editors say so).
GENERIC_HEADS = frozenset(
    [
        "proposal",
        "plan",
        "idea",
        "deal",
        "agreement",
        "bill",
        "law",
        "policy",
        "measure",
        "issue",
        "question",
        "debate",
        "fight",
        "push",
        "demand",
        "offer",
        "talks",
        "negotiation",
        "vote",
        "decision",
        "ban",
        "program",
        "programme",
        "legislation",
        "rule",
        "regulation",
        "funding",
        "money",
        "project",
    ]
)


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """The lower-cased words of a topic's name and terms (lemmas are compared too)."""
    out: set[str] = set()
    for text in texts:
        for w in text.replace("-", " ").split():
            w = w.strip(".,;:'\"()").lower()
            if w:
                out.add(w)
                out.add(w.rstrip("s") if len(w) > 3 else w)
    return frozenset(out)


def _known(tok: Token, vocab: frozenset[str]) -> bool:
    return tok.lower_ in vocab or tok.lemma_.lower() in vocab


def _kind_modifier(c: Token) -> bool:
    """A word before a noun that says what kind of thing it is: a noun or a name
    ("trade deal", "Paris agreement") or a gerund ("hiring freeze")."""
    if c.pos_ in NOUN_POS:
        return c.dep_ in MODIFIER_DEPS or (c.dep_ == "amod" and c.pos_ == "PROPN")
    return c.tag_ == "VBG" and c.dep_ in ("amod", "compound")


def in_sense(
    doc: Doc,
    start: int,
    end: int,
    vocab: frozenset[str],
    described: frozenset[str] = frozenset(),
    heads: frozenset[str] = GENERIC_HEADS,
) -> bool:
    """Whether the term found at doc[start:end] is used in the topic's sense: `vocab`
    holds the words of its name and terms, `described` those of its description too
    (a common noun before the term may be one of those: "a testing freeze" where the
    description speaks of testing; a name must be one of the first)."""
    span = doc[start:end]
    head = span.root
    affixed = start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in ("anti", "pro")
    if affixed:
        return True  # "anti-carbon tax messaging": joined to it, whatever the tagger says
    if head.pos_ not in NOUN_POS:
        # A term that is a verb or an adjective here is another word ("dealt").
        return False
    inside = range(start, end)
    for c in head.children:
        if c.i in inside or not _kind_modifier(c):
            continue
        if c.ent_type_ in WHOSE or _known(c, vocab):
            continue
        if c.pos_ != "PROPN" and not c.ent_type_ and _known(c, described):
            continue  # "the Obama plan", "the North Korean freeze": whose, not what
        return False  # "a free trade deal", "the Paris agreement": another thing
    if head.dep_ == "compound" and head.head.i not in inside:
        outer = head.head
        if outer.pos_ in NOUN_POS and not (_known(outer, vocab) or outer.lemma_.lower() in heads):
            return False  # "tax return preparer", "Wall Street"
    return True


def pick(shared: list[str], sentence_counts: dict[str, int]) -> str | None:
    """Of the topics whose terms share one word, the one the sentence is about."""
    if len(shared) == 1:
        return shared[0]
    ranked = sorted(shared, key=lambda t: -sentence_counts.get(t, 0))
    best, second = ranked[0], ranked[1]
    if sentence_counts.get(best, 0) > sentence_counts.get(second, 0):
        return best
    return None
