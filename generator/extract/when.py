"""When a sentence says its events happened: the time expressions of a sentence and
the verbs they date.

`time_expressions(sent, leaders, quoted)` finds the date entities that are
adverbials of a verb ("on Tuesday", "in 1994", "last year", "two years later"), not
modifiers of a noun ("his 1995 return", "the 2012 election") unless the noun is a
dated event ("the Feb. 13 death of ..."), the references to a term of office ("early
in the administration of President George W. Bush", "as soon as President Barack
Obama entered office") and "a year later" where the model tags no date. Each comes
with the verbs it may date, the nearest first: a "when" clause dates its main clause.
Dates inside quotations are speech and are left out.

`offsets(sent, quoted)` finds clauses dated from another date of their sentence:
"two days after Mr. Roe met Ms. Lind" (-2 days).

It misses events dated only by another event ("after the summit") and time
expressions the model does not tag.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from generator.extract.eventness import rule
from generator.extract.tokens import ents_in, root_of
from generator.leaders import Leader

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

TERM_WORDS = {"administration", "term", "presidency", "tenure"}
OFFICE_VERBS = {"enter", "take", "leave", "assume"}
DURATION_WORDS = {
    "decade",
    "decades",
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hours",
    "hour",
}


def _verb_of(tok: Token) -> Token | None:
    for anc in [tok, *tok.ancestors]:
        if anc.pos_ in ("VERB", "AUX") and anc.dep_ != "aux":
            return anc
    return None


TEMPORAL_PREPOSITIONS = {
    "in",
    "during",
    "under",
    "at",
    "since",
    "until",
    "before",
    "after",
    "throughout",
    "toward",
    "towards",
    "early",
    "late",
}


def _raised(verb: Token | None) -> list[Token]:
    """The verb a time expression hangs on, then the verbs it is part of: a "when"
    clause dates its main clause, and "appear to have budged" is one predicate."""
    out = []
    while verb is not None:
        out.append(verb)
        if verb.head.i == verb.i or not (
            verb.dep_ == "xcomp"
            or (verb.dep_ == "advcl" and any(c.lower_ in ("when", "as") for c in verb.children))
        ):
            break
        verb = verb.head
    return out


ADVERBIAL_DEPS = {"npadvmod", "tmod", "advmod", "pobj", "nsubj", "ROOT", "conj", "appos"}


def _adverbial(root: Token, verb: Token) -> bool:
    """The date says when the verb happened: an adverbial ("on Tuesday", "in 1994",
    "last year", "two years later"), not a modifier of a noun ("his 1995 return",
    "the 2014 National Climate Assessment", "the 2012 election")."""
    if root.dep_ in ("compound", "nummod", "amod", "poss", "nmod"):
        # "The Feb. 13 death of Justice Roe left ...": a dated event noun, the
        # subject or object of its clause, dates the clause.
        noun = root.head
        return (
            noun.lemma_.lower() in rule("event_nouns")
            and noun.dep_ in ("nsubj", "nsubjpass", "dobj")
            and noun.head.i == verb.i
            and root.dep_ != "poss"
        )
    if root.dep_ == "pobj":
        prep = root.head
        while prep.dep_ in ("pobj", "prep") and prep.head.dep_ in ("prep", "pobj"):
            prep = prep.head  # "in the summer of 2010"
        if prep.head.pos_ in ("VERB", "AUX") or prep.head.i == verb.i:
            return True
        # "an arbitration panel in 2001 found ...", "a summit meeting ... in June 2013
        # had failed": the date of the clause's subject is the clause's.
        noun = prep.head
        while noun.dep_ in ("pobj", "prep") and noun.head.i != noun.i:
            noun = noun.head
        return noun.dep_ in ("nsubj", "nsubjpass", "dobj") and noun.head.i == verb.i
    return root.dep_ in ADVERBIAL_DEPS or root.head.pos_ in ("VERB", "AUX")


UNITS = {"year", "month", "week", "day"}
LATER_WORDS = {"ago", "later", "after", "afterwards", "earlier", "before"}


def time_expressions(
    sent: Span, leaders: tuple[Leader, ...], quoted: set[int]
) -> list[tuple[list[Token], str, int]]:
    """(verbs, expression, priority): explicit dates before terms of office. Dates
    inside quotations are speech, not narration, and are left out."""
    out: list[tuple[list[Token], str, int]] = []
    for ent in ents_in(sent):
        if ent.label_ != "DATE" or any(t.i in quoted for t in ent):
            continue
        words = {t.lower_ for t in ent}
        if (
            words & DURATION_WORDS
            and not any(t.like_num and len(t) == 4 for t in ent)
            and not (words & {"this", "last", "next", "early", "earlier", "late", "past"})
            and not (words & LATER_WORDS)
        ):
            continue  # "for decades", "several months": durations, not dates
        root = root_of(ent)
        verb = _verb_of(root)
        if verb is not None and _adverbial(root, verb):
            out.append((_raised(verb), ent.text, 0))
    surnames = {ld.surname for ld in leaders}
    for tok in sent:
        if tok.i in quoted:
            continue
        if tok.lower_ in ("later", "ago") and not tok.ent_type_:
            # "A little more than a year later", which the model may not tag.
            unit = next((c for c in tok.children if c.lemma_ in UNITS), None)
            verb = _verb_of(tok)
            if unit is not None and verb is not None:
                phrase = "".join(t.text_with_ws for t in tok.subtree)
                out.append((_raised(verb), phrase, 0))
        if tok.lemma_.lower() in TERM_WORDS and any(
            t.text.rstrip("'\u2019s") in surnames for t in tok.subtree
        ):
            # Only as a time adverbial: "early in the administration of ...",
            # "at the end of Mr. Bush's term"; not "the Trump administration has ...".
            head, temporal = tok, False
            while head.dep_ in ("pobj", "prep", "poss", "compound") and head.head.pos_ not in (
                "VERB",
                "AUX",
            ):
                head = head.head
                temporal = temporal or head.lower_ in TEMPORAL_PREPOSITIONS
            if head.dep_ == "prep" and head.lower_ in TEMPORAL_PREPOSITIONS:
                temporal = True
            if not temporal:
                continue
            phrase = "".join(t.text_with_ws for t in head.subtree)
            out.append((_raised(_verb_of(head.head)), phrase, 1))
        if (
            tok.lemma_.lower() in OFFICE_VERBS
            and any(c.lower_ == "office" for c in tok.children)
            and tok.dep_ == "advcl"
        ):
            phrase = "".join(t.text_with_ws for t in tok.subtree)
            verb = _verb_of(tok.head)
            if verb is not None:
                out.append(([verb], phrase, 1))
    return out


def after(date: str, published: str | None) -> bool:
    """The date (its start) is later than the article's day."""
    start = date.split("/")[0]
    return bool(published) and start > published[: len(start)]


def before(date: str, published: str | None) -> bool:
    """The date (its end) is earlier than the article's day."""
    end = date.rsplit("/", 1)[-1]
    return bool(published) and end < published[: len(end)]


OFFSET_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7}
OFFSET_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "48": 2}


def offsets(sent: Span, quoted: set[int]) -> list[tuple[Token, int]]:
    """(verb, days): a clause dated from another date of its sentence, "two days
    after Mr. Roe met Ms. Lind in Oslo" (-2), "a week before the vote was held" (+7)."""
    out = []
    for tok in sent:
        if tok.lower_ not in ("after", "before") or tok.i in quoted:
            continue
        verb = tok.head if tok.dep_ == "mark" else None
        if verb is None:
            verb = next((c for c in tok.children if c.dep_ == "pcomp"), None)
        if verb is None or verb.pos_ != "VERB":
            continue
        n = None
        for c in [*tok.children, *verb.children]:
            if c.dep_ == "npadvmod" and c.lower_ in OFFSET_UNITS:
                num = next((g for g in c.children if g.dep_ == "nummod"), None)
                word = num.lower_ if num is not None else "one"
                if word in OFFSET_NUMBERS:
                    n = OFFSET_NUMBERS[word] * OFFSET_UNITS[c.lower_]
        if n is not None:
            out.append((verb, -n if tok.lower_ == "after" else n))
    return out


def shift(date: str, days: int) -> str | None:
    if len(date) != 10:
        return None
    return (dt.date.fromisoformat(date) + dt.timedelta(days=days)).isoformat()
