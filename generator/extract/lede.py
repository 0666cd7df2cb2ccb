"""An article's headline where it has none: its lede's main clause (subject,
verb, object or complement) in whole words, with the reported clause after it
where it fits. It misses a lede whose news is not in its first sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.extract.phrases import chunk, words
from generator.extract.titleparts import glue

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _clause(verb: Token) -> str:
    """A reported clause in brief, whole: "(that) his country was willing"."""
    keep = {"mark", "nsubj", "nsubjpass", "aux", "auxpass", "neg", "prt"}
    parts = [
        (c.i, chunk(c) if c.dep_.startswith("nsubj") else c.text)
        for c in verb.children
        if c.dep_ in keep
    ]
    parts.append((verb.i, verb.text))
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "acomp", "oprd")), None)
    if obj is not None:
        parts.append((obj.i, chunk(obj)))
    else:
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.i > verb.i), None)
        if prep is not None:
            parts.append((prep.i, words(prep, 5)))
    return glue(" ".join(p for _, p in sorted(parts) if p))


HEADLINE_MAX = 80


def headline(doc: Doc) -> str | None:
    """A headline for an article that has none, from its lede's first sentence: the
    main clause (subject, verb, object or complement) in whole words, with the
    reported clause after it where it fits, at most HEADLINE_MAX characters; None
    when no such clause fits."""
    sent = next(iter(doc.sents), None)
    if sent is None or sent.root.pos_ not in ("VERB", "AUX"):
        return None
    root = sent.root
    before = next((c for c in root.children if c.dep_ == "ccomp" and c.i < root.i), None)
    if before is not None:
        root = before  # "The board has come under pressure ..., officials said": the news
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or not any(ch.isalpha() for ch in chunk(subj)):
        return None
    parts = [(subj.i, chunk(subj, with_of=True))]
    parts += [(c.i, c.text) for c in root.children if c.dep_ in ("aux", "auxpass", "neg", "prt")]
    parts.append((root.i, root.text))
    obj = next((c for c in root.children if c.dep_ in ("dobj", "attr", "oprd", "acomp")), None)
    if obj is not None:
        parts.append((obj.i, chunk(obj)))
    else:
        comp = next((c for c in root.children if c.dep_ == "xcomp"), None)
        prep = next((c for c in root.children if c.dep_ == "prep" and c.i > root.i), None)
        if comp is not None:
            parts.append((comp.i, words(comp, 6)))
        elif prep is not None:
            parts.append((prep.i, words(prep, 6)))
    text = glue(" ".join(p for _, p in sorted(parts) if p))
    title_ = text[:1].upper() + text[1:]
    comp = next((c for c in root.children if c.dep_ == "ccomp" and c.i > root.i), None)
    if obj is not None and comp is not None:
        longer = f"{title_} {_clause(comp)}"
        if len(longer) <= HEADLINE_MAX:
            title_ = longer
    return title_ if len(title_) <= HEADLINE_MAX else None
