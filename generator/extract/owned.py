"""Quoted words that no cue introduces but something around them owns: the
source an "according to X" names, a label after "as" ('Mr. Vos describes the plan
as "a trap"') and words quoted as what a named subject does something with
("Clinton supports 'appropriate pay raises'"). Functions of the quotation and the
article's `attribution.Attributor`, which they only read; sieves of `sieves.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.extract.missed import according_to_name, according_to_object
from generator.extract.salience import PERSON_PRONOUNS
from generator.extract.speakers import SUBJECT_DEPS
from generator.extract.subjects import OBJECT_CONTROL

if TYPE_CHECKING:
    from spacy.tokens import Token

    from generator.extract.attribution import Attributor


def according_to(att: Attributor, window: list[Token], p: int) -> tuple[str | None] | None:
    """The source an "according to X" in the window names: (its key or None),
    or None when there is no "according to"."""
    for t in window:
        obj = according_to_object(t)
        if obj is not None:
            who = att.speakers.resolve(obj, p)
            named = according_to_name(obj) if who is None else None
            if named is not None:
                who = att.index.key_at(p, named.start_char)  # "according to HuffPo"
            if who is None and obj.lemma_.lower() in att.cues.nouns:
                # "according to a speech Mrs. Clinton delivered"
                owner = att.speakers.owner(obj)
                who = att.speakers.resolve(owner, p) if owner is not None else None
            if who is None and obj.pos_ == "NOUN":
                # "according to calculations by Amy Glasmeier", "according
                # to data from comScore": whoever made them.
                for prep in obj.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
                        by = next((c for c in prep.children if c.dep_ == "pobj"), None)
                        who = att.speakers.resolve(by, p) if by is not None else None
                        break
            return (who,)
    return None


def held_by_subject(att: Attributor, qtoks: list[Token], quoted: set[int], p: int) -> str | None:
    """Words quoted as what someone does something with ("Clinton supports
    'appropriate pay raises'", "Trump admires Putin as a 'strong leader'",
    "Hillary Clinton's campaign slogan is 'I'm with her'"): the subject's words,
    when it names someone. Not a title ("Game of Thrones"), not a passive
    ("known as 'the Donald'"), not a quotation that is itself the subject."""
    words = [t for t in qtoks if t.is_alpha]
    if not words or (len(words) <= 6 and all(t.is_title or t.is_stop for t in words)):
        return None
    qset = {t.i for t in qtoks}
    top = next((t for t in qtoks if t.head.i not in qset), None)
    if top is None or top.dep_ in SUBJECT_DEPS:
        return None
    verb = top.head
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") and verb.i not in quoted:
            break
        if verb.head is verb:
            return None
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i in quoted:
        return None
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i not in quoted), None)
    if subj is None and verb.dep_ == "conj":
        # "Clinton supports '...', opposes '...'": the first verb's subject.
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subj is None and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in OBJECT_CONTROL:
        # "led the journalist Dainis Ivans to fear a '...'": the object does it.
        subj = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
    if subj is None or subj.lower_ in ("it", "this", "that", "there", "which", "what"):
        return None
    return att.speakers.resolve(subj, p)


def labelled_as(att: Attributor, qtoks: list[Token], quoted: set[int], p: int) -> str | None:
    """'Reid has gone after Trump as a "human leech"', 'Mr. Vos describes the
    plan as "a trap"': a quoted label after "as" is the subject's word for it,
    when the subject is named (or a pronoun for someone named)."""
    qset = {t.i for t in qtoks}
    for t in qtoks:
        if t.head.i in qset:
            continue
        prep = t.head
        if prep.lower_ != "as" or prep.dep_ != "prep" or t.dep_ != "pobj":
            continue
        verb = prep.head
        if verb.pos_ not in ("VERB", "AUX") or verb.i in quoted:
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.i in quoted:
            continue
        if subj.ent_type_ == "PERSON" or subj.lower_ in PERSON_PRONOUNS:
            return att.speakers.resolve(subj, p)
        who = att.speakers.resolve(subj, p)  # a person the model took for something else
        if who is not None and att.kinds.get(who) == "person":
            return who
    return None
