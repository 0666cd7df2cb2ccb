"""Stances stated by judging a clause rather than by a cue with a subject.

`judged(reader, sent)` finds two frames (their words in `rules/stances.yaml`):

- a judgment of an infinitive with no subject of its own: "It is disqualifying for
  a nominee to refuse to release tax returns" (for releasing them), "It would be a
  mistake to lift the sanctions" (against), "It is time to scrap the deal" (for
  scrapping it, so against the deal). The judge is whoever states it: the speaker
  of a quotation, or the one the clause is reported from ("Roe said it is time
  to ..."); in the reporter's own voice, nobody.
- a rule that should exist: "there needs to be a law that requires nominees to
  release their returns", "there should be a ban on ..." (for what it requires);
- "the sooner ..., the better" in a quotation: its speaker is for what comes sooner.

It misses judgments whose clause has a subject ("Trump is wrong to refuse"), other
comparisons ("releasing them beats hiding them"), irony, and judgments
spread over two sentences.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.extract import clauses

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from generator.model import Stance

EXPLETIVES = {"it", "this", "that", "there"}
SOONER = {"sooner", "faster", "quicker", "earlier"}


def _the_better(sent: Span) -> bool:
    words = [t.lower_ for t in sent]
    return any(a == "the" and b == "better" for a, b in zip(words, words[1:], strict=False))


def judged(reader, sent: Span) -> list[Stance]:
    cues = reader.cues
    out: list[Stance] = []
    for tok in sent:
        if tok.pos_ != "VERB" or not _infinitive(tok):
            continue
        sign, judge = _judgment(tok.head, cues.evaluations)
        if sign is None:
            continue
        quote = reader.owners.quote_at(judge)
        # In a quotation the judgment is its speaker's, not the group it is
        # reported among ("Republicans have said the same, including Roe: '...'").
        owners = [quote.speaker] if quote and quote.speaker else reader.owners.reporter(judge)
        if owners:
            out.extend(reader._from_cue(tok, owners_for=owners, flip=sign < 0))
    if _the_better(sent):
        # "The sooner he releases his returns, the better": for what comes sooner.
        for tok in sent:
            if tok.pos_ == "VERB" and any(c.lower_ in SOONER for c in tok.children):
                quote = reader.owners.quote_at(tok)
                owners = [quote.speaker] if quote and quote.speaker else []
                if owners:
                    out.extend(reader._from_cue(tok, owners_for=owners))
    for tok in sent:
        if tok.lemma_ == "be" and _should_exist(tok, cues.deontic):
            owners = reader.owners.reporter(tok)
            if not owners:
                continue
            for attr in (c for c in tok.children if c.dep_ == "attr"):
                for verb in (c for c in attr.children if c.dep_ in ("relcl", "acl")):
                    out.extend(reader._from_cue(verb, owners_for=owners))
    return out


def _infinitive(verb: Token) -> bool:
    """'to refuse', 'for a nominee to refuse': an infinitive with no subject of its
    own, or one brought in by "for"."""
    if not clauses.infinitive(verb):
        return False
    subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    return not subject or any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)


def _judgment(head: Token, words: dict[str, int]) -> tuple[int | None, Token]:
    """The sign of the judgment an infinitive depends on, and the judging word's
    clause; none where the judged clause belongs to a subject ("Trump is wrong
    to refuse")."""
    candidates = [head]
    if head.lemma_ == "be":
        candidates += [c for c in head.children if c.dep_ in ("acomp", "attr")]
    elif head.dep_ in ("acomp", "attr") and head.head.lemma_ == "be":
        head = head.head
    for c in candidates:
        sign = words.get(c.lemma_.lower()) or words.get(c.lower_)
        if sign is None:
            continue
        clause = head if c is not head else c
        subj = [s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")]
        if subj and subj[0].lower_ not in EXPLETIVES:
            return None, head
        return sign, clause
    return None, head


def _should_exist(be: Token, deontic: frozenset[str]) -> bool:
    """'there should be', 'there must be', 'there needs to be'."""
    there = any(c.dep_ == "expl" and c.lower_ == "there" for c in be.children)
    modal = any(c.lower_ in deontic for c in be.children)
    if be.dep_ == "xcomp" and be.head.lemma_.lower() in deontic:
        there = there or any(c.dep_ == "expl" for c in be.head.children)
        modal = True
    return there and modal
