"""Extraction: parsed articles in, facts out.

`extract_article` runs the pure per-article extractors on one article's parsed
paragraphs; `assemble` does the cross-article steps (merging actors, resolving
quote speakers to actor ids, topics) on the per-article results.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from generator.editorial import CurationEntry, Leader
from generator.extract.actors import merge_actors
from generator.extract.entities import extract_entities
from generator.extract.quotes import extract_quotes
from generator.model import Article, ArticleFacts, Corpus


def extract_article(article: Article, docs: list[Doc]) -> ArticleFacts:
    index = extract_entities(article, docs)
    quotes = extract_quotes(article, docs, index)
    return ArticleFacts(article=article, entities=index.entities, quotes=tuple(quotes))


def assemble(
    facts: list[ArticleFacts],
    leaders: tuple[Leader, ...] = (),
    curation: tuple[CurationEntry, ...] = (),
    curation_path: str = "curation.yaml",
) -> Corpus:
    facts = sorted(facts, key=lambda f: f.article.id)
    actors, mapping = merge_actors(facts, leaders, curation, curation_path)
    quotes = []
    for f in facts:
        for q in f.quotes:
            speaker = mapping.get((f.article.id, q.speaker)) if q.speaker else None
            quotes.append(replace(q, speaker=speaker))
    quotes.sort(key=lambda q: (q.article, q.paragraph, q.start, q.kind))
    return Corpus(
        articles=tuple(f.article for f in facts),
        actors=actors,
        quotes=tuple(quotes),
    )
