"""The author of a signed opinion piece: an actor who holds the stances it argues.

A news report's byline is the reporter, never an actor. A column, an op-ed or a
letter is different: its author argues, and "I think Congress should ..." or "there
are good reasons to release the returns" in the piece's own voice is the author's
stance. `opinion_author(article, docs, quotes)` calls a piece signed opinion when it
has a byline and its own voice (outside quotations and transcript lines) speaks in
the first person singular in at least `MIN_FIRST_PERSON` sentences and a tenth of
them; the author is the first byline name.
`with_author(...)` adds that author to the article's entities (no mentions: the
name is in the byline, not the text) so the stance rules can give them the
piece's own voice.

It misses unsigned editorials (the outlet's voice, not an actor's), letters signed
only at their foot, and columns written without "I"; a news report whose reporter
writes "I" (a dispatch, a diary) is taken for opinion.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from generator.extract.entities import EntityIndex
from generator.model import Article, Entity, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc

MIN_FIRST_PERSON = 3
MIN_SHARE = 0.1  # of the piece's sentences
FIRST_PERSON = {"i", "me", "my", "myself"}
# "PENCE: I think ...": a transcript's speaker, not the piece's own voice.
INTERVIEW = re.compile(r"\bQ\s?&\s?A\b|\binterview\b|\btranscript\b", re.I)
TRANSCRIPT = re.compile(r"^[A-Z][\w.'’ -]{0,40}:\s")


def opinion_author(article: Article, docs: list[Doc], quotes: list[Quote]) -> str | None:
    if not article.authors:
        return None
    quoted = {(q.paragraph, i) for q in quotes for i in range(q.start, q.end)}
    own = total = 0
    opens = False  # an opinion piece speaks as "I" from its first paragraphs
    for p, doc in enumerate(docs):
        text = article.paragraphs[p] if p < len(article.paragraphs) else ""
        if TRANSCRIPT.match(text) or text.lstrip().startswith(('"', "“")):
            continue  # a transcript's line, or a quotation running on from before
        for sent in doc.sents:
            total += 1
            mine = any(
                t.lower_ in FIRST_PERSON and (p, t.idx) not in quoted and t.pos_ == "PRON"
                for t in sent
            )
            own += mine
            opens = opens or (mine and p < 2)
    if own < MIN_FIRST_PERSON or own < MIN_SHARE * total or not opens:
        return None
    if INTERVIEW.search(article.title or ""):
        return None  # a Q&A's "I" is the one interviewed
    # "EDUARDO PORTER. Email: ...": the name, not what the byline adds to it.
    name = re.sub(
        r"[.;,]?\s*\b(?:Email|E-mail|Follow|Twitter)\b.*$", "", article.authors[0], flags=re.I
    ).strip(" .,;")
    if name.isupper():
        name = " ".join(w.capitalize() if len(w) > 2 else w for w in name.split())
    return name.strip() or None


def author_key(name: str) -> str:
    return f"person:{name.lower()}"


def with_author(
    article: Article, docs: list[Doc], index: EntityIndex, quotes: list[Quote]
) -> EntityIndex:
    """The index with the opinion piece's author as an entity, and `author` set."""
    name = opinion_author(article, docs, quotes)
    if name is None:
        return index
    key = author_key(name)
    entities = index.entities
    if not any(e.key == key for e in entities):
        entities = (*entities, Entity(key=key, name=name, kind="person"))
    return replace(index, entities=entities, author=key)
