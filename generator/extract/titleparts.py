"""The parts of a clause a headline needs that the parser does not hang on its
verb: where a dateline ends, the subject of a verb the parser gave none, and the
noun a relative clause is about (what "the deal the administration negotiated"
says was negotiated)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def dateline_end(sent) -> int:
    """The index after a dateline that opens the sentence ("SINGAPORE --",
    "PHILADELPHIA, July 25 (UPI) --"), or the sentence's start."""
    toks = list(sent)[:12]
    if not toks or not (toks[0].is_upper and len(toks[0].text) > 1 and toks[0].is_alpha):
        return sent.start
    for t in toks[1:]:
        if t.text in ("--", "\u2014", "\u2013", "-", ":") or t.text.startswith("--"):
            return t.i + 1
        if t.text == ")" and t.i > toks[0].i + 1:
            nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
            return t.i + (2 if nxt is not None and nxt.text in ("--", "\u2014", "-") else 1)
    return sent.start


def preceding_subject(verb: Token) -> Token | None:
    """Where the parser gave the verb no subject (or took a date for it: "this past
    weekend in Hangzhou, Mr. Roe and Ms. Lind committed ..."), the nearest phrase
    before the verb that is nobody's object, possessor or modifier."""
    start = dateline_end(verb.sent)
    for tok in reversed(list(verb.sent)[: verb.i - verb.sent.start]):
        if tok.i < start or tok.text in ('"', "\u201c", "\u201d", "''", "``"):
            break  # not from inside a quotation ("being 3, 4 percent in the polls," ...)
        if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in ("DATE", "TIME", "GPE"):
            continue
        if tok.dep_ == "conj" and tok.ent_type_ in ("PERSON", "ORG", "NORP"):
            # "in Hangzhou, China, Mr. Roe and Ms. Lind committed": names the parser
            # coordinated with a place.
            first = tok
            while first.dep_ == "conj" and first.head.ent_type_ == tok.ent_type_:
                first = first.head
            root = first
            while root.dep_ in ("conj", "appos"):
                root = root.head
            if root.ent_type_ in ("GPE", "LOC"):
                return first
            continue
        if tok.dep_ in ("pobj", "dobj", "poss", "compound", "amod", "nmod", "conj", "attr"):
            continue
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i != verb.i:
            subjects = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if len(subjects) > 1 and subjects[0].i == tok.i:
                return tok  # "a bill Mr. Roe had tried to pass failed": two subjects
            continue
        return tok
    return None


# Nouns a clause can tell the content of ("the fact (that) Clinton emerged"), which
# are then no object of its verb.
CONTENT_NOUNS = frozenset(
    ("fact", "claim", "idea", "news", "report", "result", "notion", "belief", "sense")
    + ("evidence", "word", "suggestion", "possibility", "hope", "fear", "concern")
    + ("argument", "assumption", "impression", "sign", "signal")
)


def relative_object(verb: Token) -> Token | None:
    """The noun a relative clause is about (also where the parser took the clause's
    "that" for a conjunction and hung it on the verb of that noun)."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in clause.children):
        return None  # "a process that began and concluded": the noun is the subject
    if clause.dep_ == "relcl":
        return clause.head
    if (
        clause.dep_ == "acl"
        and clause.head.i < clause.i
        and any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in clause.children)
        and clause.head.lemma_.lower() not in CONTENT_NOUNS
        and not any(c.dep_ in ("prt", "dobj", "ccomp", "xcomp") for c in clause.children)
        and all(
            any(g.dep_ == "pobj" for g in c.children) for c in clause.children if c.dep_ == "prep"
        )
    ):
        # "comments Trump made in 2006": the parser's reduced relative clause. Not "the
        # fact Clinton emerged with more delegates": a noun whose clause tells its content.
        return clause.head
    if clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
    ):
        return next((c for c in clause.head.children if c.dep_ == "dobj"), None)
    return None


# Clitics the tokenizer splits off, joined back as the text has them ("wasn't").
CLITIC_RE = re.compile(r" (n['\u2019]t|['\u2019](?:s|re|ve|ll|d|m))\b", re.IGNORECASE)


def glue(text: str) -> str:
    """Words joined with spaces, the clitics back on their words ("won't", "I'm")."""
    return CLITIC_RE.sub(r"\1", text)
