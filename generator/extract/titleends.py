"""Whether an event's title stops short: a title that ends on its verb where the
sentence shows the verb goes on ("Sanders earned", "Republican turnout was") is
completed from the parse where the parse says how, and otherwise is no title.

* A copula with no complement: its adverb and measure ("Republican turnout was
  up more than 70 percent"), else nothing.
* An object relative with no "that", which the parser hung elsewhere ("the
  $600,000 it contributed", "some missteps the party made"): the noun just before
  the clause's subject is what the verb acts on ("It contributed $600,000").
* A verb the parser left objectless while a noun phrase or a quotation follows it
  at once ("Sanders earned "is it over?" headlines", "decided to back Obama" with
  "Obama" taken for a modifier of the next words), or a verb taken for a clausal
  subject: the parse lost the object, so no title is made from it.

A verb that is whole on its own ("The USFL folded", "The poll was released") is
left as it is. It misses objects the parser put in another clause without leaving
one of these marks.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.extract.phrases import join, words

if TYPE_CHECKING:
    from spacy.tokens import Token

# Words no title ends on: a preposition, article or conjunction left open.
DANGLING = {"on", "in", "of", "for", "with", "by", "at", "from", "into", "about", "based"}
DANGLING |= {"the", "a", "an", "and", "or", "but", "that", "which", "who", "whose"}
SINGULAR_DETERMINERS = {"a", "an", "this", "that", "every", "each", "another"}
NOMINAL = ("dobj", "pobj", "nsubj", "nsubjpass", "attr", "compound", "appos", "npadvmod", "poss")
# What tells the sentence goes on with the verb's object: the first word after it.
NP_START = ("NOUN", "PROPN", "DET", "NUM", "PRON")
NOT_OBJECT = ("npadvmod", "nsubj", "nsubjpass", "advmod")  # "went Tuesday", a new clause
OPENING_QUOTES = ('"', "\u201c", "``")
COMPLEMENT = ("attr", "acomp", "oprd")
# A measure or a direction said of what the copula's subject is ("was up 17 percent").
COPULA_PARTS = ("advmod", "prt", "npadvmod")
# "two years ago", "a week later": when, which the title leaves to the date beside it.
TIME_ADVERBS = {"ago", "later", "earlier", "before", "after", "since", "afterward", "afterwards"}


def last_verb(verb: Token, text: str) -> Token | None:
    """The verb the title `text` ends on: `verb` or one of its clause's verbs, the
    one nearest `verb` whose word the title ends with; None if it ends otherwise."""
    end = text.rstrip(".").rsplit(" ", 1)[-1]
    found = [
        t
        for t in verb.sent
        if t.text == end
        and t.pos_ in ("VERB", "AUX")
        and t.tag_ != "MD"
        and t.dep_ not in NOMINAL  # "trounced rivals" with "rivals" tagged a verb
    ]
    return min(found, key=lambda t: abs(t.i - verb.i)) if found else None


def passive(tok: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in tok.children)


def copula_complement(tok: Token) -> str | None:
    """What a complementless copula says of its subject: the adverb or particle and
    the measure right after it ("up more than 70 percent"); None if nothing is."""
    parts = []
    nxt = tok.i + 1
    for c in sorted(tok.children, key=lambda c: c.i):
        if c.i < nxt:
            continue
        if c.left_edge.i != nxt or c.dep_ not in COPULA_PARTS or c.ent_type_ in ("DATE", "TIME"):
            break
        parts.append(words(c, 6))
        nxt = c.right_edge.i + 1
        if len(parts) == 2:
            break
    text = " ".join(p for p in parts if p)
    return text if any(ch.isalnum() for ch in text) else None


def measured_adverb(tok: Token) -> str | None:
    """An adverb with its measure right after the verb ("went a step further",
    "rose two points higher"): the verb says little without it."""
    adv = next(
        (
            c
            for c in tok.children
            if c.dep_ == "advmod"
            and c.left_edge.i == tok.i + 1
            and c.lower_ not in TIME_ADVERBS
            and any(g.dep_ == "npadvmod" for g in c.children)
            and not any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)
        ),
        None,
    )
    return words(adv, 5) or None if adv is not None else None


def gap_object(tok: Token) -> Token | None:
    """The noun an object relative without "that" is about ("the $600,000 it
    contributed", "some missteps the party made"): the noun right before the
    clause's subject, where the verb has no object of its own."""
    if passive(tok) or tok.tag_ not in ("VBD", "VBN", "VBP", "VBZ"):
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", *COMPLEMENT) for c in tok.children):
        return None
    subj = next(
        (c for c in tok.children if c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP")), None
    )
    if subj is None and tok.dep_ == "acl" and tok.head.i < tok.i:
        subj = tok.head  # "missteps the party made": "made" taken for a modifier of "party"
    if subj is None or subj.i > tok.i or subj.left_edge.i <= tok.sent.start:
        return None
    before = tok.doc[subj.left_edge.i - 1]
    if before.pos_ not in ("NOUN", "PROPN", "NUM") or before.ent_type_ in ("DATE", "TIME"):
        return None
    if before.dep_ == "compound" or before.head.i == subj.i:
        return None  # part of the subject's own phrase
    return before


def gap_text(noun: Token) -> str:
    """The object's phrase, with the article the relative clause made it take
    ("the more than $600,000 it contributed": "more than $600,000")."""
    start = noun.left_edge.i if noun.i - noun.left_edge.i <= 6 else noun.i
    text = join(list(noun.doc[start : noun.i + 1]))  # its modifiers: "$", "more than"
    m = re.match(r"(?i)the\s+((?:more|less|fewer|nearly|about|almost)\b.*|\$.*)", text)
    return m.group(1) if m else text


def lost_object(tok: Token) -> bool:
    """Whether the sentence shows `tok` takes an object the parse did not give it:
    a quotation or a noun phrase starts right after it, or it is taken for a
    clause's subject."""
    if tok.dep_ == "csubj":
        return True
    if passive(tok) or tok.lemma_ == "be":
        return False
    if tok.i + 1 >= tok.sent.end:
        return False
    nxt = tok.doc[tok.i + 1]
    if nxt.text in OPENING_QUOTES:
        return True
    if nxt.pos_ not in NP_START:
        return False
    # The phrase's noun: "a step" of "went a step further" is a measure, not an object.
    noun = nxt if nxt.pos_ in ("NOUN", "PROPN", "PRON") or nxt.head.i < nxt.i else nxt.head
    return (
        noun.ent_type_ not in ("DATE", "TIME")
        and noun.dep_ not in NOT_OBJECT
        and noun.head.i != tok.i  # hung on the verb, yet not taken: an adverbial
    )


def finish(verb: Token, text: str) -> str | None:
    """`text` completed where it stops on a verb that goes on (see the module's
    docstring), or None where it cannot be told how."""
    end = text.rstrip(".").rsplit(" ", 1)[-1].lower()
    if end in DANGLING and not any(
        t.lower_ == end and t.dep_ in ("prt", "advmod") and t.head.pos_ in ("VERB", "AUX")
        for t in verb.sent
    ):
        return None  # "reported based on", "collaborated with": not "signed on", "tuned in"
    tok = last_verb(verb, text)
    if tok is None:
        return text
    if tok.lemma_ == "be" and tok.dep_ not in ("aux", "auxpass"):
        if any(c.dep_ in COMPLEMENT for c in tok.children):
            return None  # the complement is there but the title lost it
        more = copula_complement(tok)
        return f"{text} {more}" if more else None
    noun = gap_object(tok)
    if noun is not None:
        return f"{text} {gap_text(noun)}"
    more = measured_adverb(tok)
    if more:
        return f"{text} {more}"
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", *COMPLEMENT) and c.i > tok.i for c in tok.children):
        return None  # it has its object or clause, yet the title stops before it
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return None if lost_object(tok) or (subj is not None and glued(subj)) else text


# Participles spelt as their verb: any other word the tagger calls one and that is
# its own lemma is no participle ("a police chokehold").
UNCHANGED_PARTICIPLES = {"set", "put", "cut", "hit", "cast", "spread", "let", "shut", "quit"}
UNCHANGED_PARTICIPLES |= {"bid", "read", "hurt", "cost", "broadcast", "forecast", "upset", "reset"}


def participle(tok: Token) -> bool:
    return tok.lower_ != tok.lemma_.lower() or tok.lower_ in UNCHANGED_PARTICIPLES


def glued(name: Token) -> bool:
    """A person's name whose phrase swallowed the noun before it ("the 25 regattas
    Lind attended", "the $3 million Roe raised"): the verb's object taken for part
    of its subject; or a noun that a singular article says is two phrases ("a tunnel
    Border Patrol agents sealed")."""
    before = [c for c in name.children if c.i < name.i]
    if name.tag_ in ("NNS", "NNPS") and any(
        c.dep_ == "det" and c.lower_ in SINGULAR_DETERMINERS for c in before
    ):
        return True
    if name.pos_ != "PROPN":
        return False
    if any(c.dep_ == "nummod" and c.ent_type_ == "MONEY" for c in before):
        return True  # no name takes a sum
    return name.ent_type_ == "PERSON" and any(  # not "80,000 Democrats"
        c.dep_ == "nummod" or (c.dep_ == "compound" and c.tag_ == "NNS") for c in before
    )
