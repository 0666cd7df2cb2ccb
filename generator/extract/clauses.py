"""Small questions about a clause's parse that the stance rules ask: is it an
infinitive, a passive, a question, a hypothetical, under a modal; its subtree, its
words; where its sentence ends."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator import rules

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

PREDICTIVE = {"would", "could", "might", "may", "will", "'ll", "wo"}
POSSIBLE = {"could", "can", "may", "might"}
HYPOTHETICAL_MARKS = {"if", "unless", "whether", "lest"}
DEONTIC = ("should", "must", "ought")
MODALS = {"will", "would", "should", "must", "'ll", "shall", "wo"}


def asked(tok: Token) -> bool:
    """Whether the cue is in a question: a "whether" clause."""
    head = tok
    for _ in range(4):
        if any(c.lower_ == "whether" and c.dep_ == "mark" for c in head.children):
            return True
        if head.head.i == head.i:
            return False
        head = head.head
    return False


def infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def participle(verb: Token) -> bool:
    """A free participle clause with no subject or marker of its own ("..., promising
    to lift the rules"), whose subject is the clause's it hangs on."""
    return (
        verb.tag_ == "VBG"
        and verb.i > verb.head.i
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for c in verb.children)
    )


def do_so(tok: Token) -> bool:
    """'do so', 'do it', 'do that': a verb standing for the action just named."""
    return tok.lemma_ == "do" and any(
        c.lower_ in ("so", "it", "that") and c.dep_ in ("advmod", "dobj") for c in tok.children
    )


def passive(tok: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)


def hypothetical(tok: Token) -> bool:
    """Whether the cue is inside an "if" clause (or "unless", "whether")."""
    for a in (tok, *tok.ancestors):
        if a.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in HYPOTHETICAL_MARKS for m in a.children
        ):
            return True
        if a.dep_ == "relcl" and any(
            c.dep_ == "prep" and c.lower_ in ("in", "under") and _which(c) for c in a.children
        ):
            # "a proposal in which the United States would pledge ...": what the
            # proposal says would happen, not the United States' stance.
            return True
    return False


def _which(prep: Token) -> bool:
    return any(c.dep_ == "pobj" and c.lower_ == "which" for c in prep.children)


def modal(tok: Token, modals=MODALS) -> bool:
    """Whether a modal governs the verb, or the verb it is coordinated with ("should
    follow the precedent and release his returns")."""
    for v in (tok, tok.head) if tok.dep_ == "conj" else (tok,):
        if any(c.lower_ in modals for c in v.children):
            return True
    return False


def question(sent: Span) -> bool:
    return sent.text.rstrip(" \"”’')]").endswith("?")


def subtrees(tokens) -> set[int]:
    return {t.i for c in tokens for t in c.subtree}


def span_of(tok: Token) -> Span:
    """The phrase `tok` heads, up to a coordinated one ("when relations improved"
    of "when relations improved and that he had endorsed ...")."""
    doc = tok.doc
    cut = {t.i for c in tok.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    ids = [t.i for t in tok.subtree if t.i not in cut]
    return doc[min(ids) : max(ids) + 1]


def words(span: Span) -> str:
    """A condition in the text's words, without the quotation marks around them."""
    text = re.sub(r"[\"“”]", "", span.text)
    return re.sub(r"\s+", " ", text).strip(" ,;")


def sentence_end(sent: Span) -> int:
    end = sent.end_char
    text = sent.doc.text
    while end < len(text) and text[end] in '"”’)]':
        end += 1
    return end


def subject(tok: Token) -> Token | None:
    """The subject of the clause `tok` is in, through "be", "was willing to",
    "needed to be" and coordination."""
    head = tok
    for _ in range(6):
        found = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if found:
            return found[0]
        if head.dep_ not in ("acomp", "xcomp", "attr", "aux", "conj") or head.head.i == head.i:
            return None
        head = head.head
    return None


def refused(verb: Token) -> bool:
    """Whether a refusing verb takes the verb ("refused to back the deal")."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in rules.stance_cues().refusing
