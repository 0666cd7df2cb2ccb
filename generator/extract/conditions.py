"""Conditions and negation of a stance, read from the parse.

`conditions(r, cue, region)` finds the conditions on a cue's clause or on what it
is about: a subordinate clause with a condition mark ("if", "only after", "in
return for"), a phrase with a condition word ("under certain circumstances",
"contingent upon"), "only then"; `condition_text` gives one a reader understands
alone ("Only then (We are going to get the complete denuclearization)").
`negated` tells a negated cue; `conditional_clauses` finds a clause about the
proposal with a condition and no cue ("sanctions relief would come only after
denuclearization").

It misses conditions stated in another sentence and conditions without a mark
("for that, they want talks").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.extract import clauses, referents

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from generator.model import Stance

WEAK_MARKS = {"when", "once", "until", "in return for", "in exchange for"}
ANAPHORIC = {"then", "that", "this", "so", "it"}


def condition_text(r, span: Span) -> str:
    """A condition a reader understands alone: "only then" says what "then"
    is with the sentence before it."""
    words = clauses.words(span)
    if {w.lower() for w in words.split()} & ANAPHORIC and len(words.split()) <= 3:
        sent = r.sent
        if sent.start > 0:
            before = sent.doc[sent.start - 1].sent.text
            # Of a quoted sentence, the words quoted, not the speech tag after them.
            quoted = re.search(r"[“\"](.+?)[,.]?[”\"]", before)
            said = quoted.group(1) if quoted else before
            said = re.sub(r"\s+", " ", said).strip(" .,")
            return f"{words} ({said})"
    return words


def conditions(r, tok: Token, region: set[int]) -> list[Span]:
    """Conditions on the cue's clause, or on what it is about."""
    doc = r.sent.doc
    chain = [tok]
    while chain[-1].dep_ in ("acomp", "xcomp", "attr", "aux") and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    out: list[Span] = []
    for i in sorted({t.i for t in chain} | region):
        t = doc[i]
        inside = i in region
        for c in t.children:
            span = condition(r, c, inside)
            if span is not None and span not in out:
                out.append(span)
    return out


def condition(r, c: Token, inside: bool) -> Span | None:
    marks = r.cues.marks
    if c.dep_ == "advcl":
        mark = next((m for m in c.children if m.dep_ in ("mark", "advmod")), None)
        if mark is not None and mark.lower_ in marks and (mark.lower_ not in WEAK_MARKS or inside):
            return clauses.span_of(c)
    if c.dep_ == "prep":
        only = any(m.lower_ == "only" for m in c.children)
        pobj = [m for m in c.children if m.dep_ in ("pobj", "pcomp")]
        phrase = f"{c.lower_} {pobj[0].lower_}" if pobj else c.lower_
        if only and f"only {c.lower_}" in marks:
            return clauses.span_of(c)
        if pobj and pobj[0].lemma_.lower() in r.cues.condition_words:
            return clauses.span_of(c)  # "under certain circumstances"
        if inside and pobj and any(m == phrase or m.startswith(phrase + " ") for m in marks):
            return clauses.span_of(c)  # "in return for ...", "in exchange for ..."
    if c.dep_ == "advmod" and c.lower_ == "then" and any(m.lower_ == "only" for m in c.children):
        return clauses.span_of(c)
    if (
        c.dep_ in ("acomp", "amod")
        and c.lemma_.lower() in r.cues.condition_words
        and any(m.dep_ == "prep" for m in c.children)
    ):
        return clauses.span_of(c)  # "contingent upon North Korean action"
    if inside and c.dep_ == "conj" and any(m.dep_ == "neg" for m in c.children):
        but = [m for m in c.head.children if m.dep_ == "cc" and m.lower_ == "but" and m.i < c.i]
        if but:
            # "admitting Christian refugees from Syria but not Muslims": some, not all
            return c.doc[but[0].i : c.right_edge.i + 1]
    return None


def negated(r, tok: Token) -> bool:
    head = tok
    for _ in range(4):
        # A negation comes before what it negates ("did not promise"); a "not"
        # the parser hangs on the verb after its objects ("promising to lift the
        # rules ― probably not what he meant") is another clause's.
        if any(
            (c.dep_ == "neg" or c.lower_ in ("never", "no")) and c.i < tok.i + 2
            for c in head.children
        ):
            return True
        if head.dep_ not in ("acomp", "xcomp", "attr") or head.head.i == head.i:
            return False
        head = head.head
    return False


def conditional_clauses(r) -> list[Stance]:
    """A clause whose subject is the proposal, with a condition: "sanctions
    relief would come only after denuclearization"; whose it is, is the
    reporter's ("Mr. Trump had made it clear that ...") or the speaker's."""
    out: list[Stance] = []
    for tok in r.sent:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        about = clauses.subtrees(c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass"))
        if any(c.dep_ == "expl" for c in tok.children):
            about |= clauses.subtrees(c for c in tok.children if c.dep_ == "attr")
        topics = referents.proposals(r, about, False) if about else []
        if not topics:
            continue
        conditions = [s for c in tok.children if (s := condition(r, c, False)) is not None]
        if not conditions:
            continue
        owners = r.owners.reporter(tok)
        for t in topics:
            for o in owners:
                out.append(r.stance_of(t, o, "conditional", tok, condition_text(r, conditions[0])))
    return out
