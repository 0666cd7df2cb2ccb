"""Extraction: parsed articles in, facts out.

`extract_article` runs the pure per-article extractors on one article's parsed
paragraphs; `assemble` does the cross-article steps (merging actors, resolving
quote speakers and event actors to actor ids, gathering topics) on the
per-article results.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from generator.curation import CurationEntry
from generator.extract import byline
from generator.extract.actors import merge_actors
from generator.extract.entities import extract_entities
from generator.extract.episodes import build_episodes
from generator.extract.events import extract_events
from generator.extract.lede import headline
from generator.extract.positions import build_positions
from generator.extract.quotes import extract_quotes
from generator.extract.stances import extract_stances
from generator.extract.tokens import sentence_lookup
from generator.leaders import Leader
from generator.model import Article, ArticleFacts, Corpus, Topic

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from generator.extract.topics import TopicMatcher, TopicSpec


@dataclass(frozen=True)
class Context:
    """What extraction needs besides the text: editors' data, loaded once."""

    leaders: tuple[Leader, ...] = ()
    topics: TopicMatcher | None = None


def extract_article(article: Article, docs: list[Doc], ctx: Context | None = None) -> ArticleFacts:
    ctx = ctx or Context()
    # Link lines, credits and notes are no evidence of anything: every extractor
    # sees them as empty paragraphs, so indices stay those of the article.
    docs = [_empty(doc) if i in article.boilerplate else doc for i, doc in enumerate(docs)]
    with sentence_lookup(docs):
        return _extract_article(article, docs, ctx)


def _extract_article(article: Article, docs: list[Doc], ctx: Context) -> ArticleFacts:
    index = extract_entities(article, docs)
    quotes = extract_quotes(article, docs, index)
    index = byline.with_author(article, docs, index, quotes)
    paragraph_topics: tuple = ()
    if ctx.topics is not None:
        hits = [ctx.topics.match(doc) for doc in docs]
        paragraph_topics = tuple(tuple(sorted(h.items())) for h in hits)
        quotes = [
            _quote_topics(q, docs[q.paragraph], ctx.topics, hits[q.paragraph]) for q in quotes
        ]
    events = extract_events(article, docs, index, ctx.leaders, ctx.topics)
    stances, groups = extract_stances(article, docs, index, quotes, ctx.topics)
    return ArticleFacts(
        article=article,
        entities=index.entities + groups,
        quotes=tuple(quotes),
        events=tuple(events),
        paragraph_topics=paragraph_topics,
        headline=headline(docs[0]) if article.title_derived and docs else None,
        stances=tuple(stances),
    )


def _empty(doc: Doc) -> Doc:
    from spacy.tokens import Doc as SpacyDoc

    return SpacyDoc(doc.vocab, words=[])


def _quote_topics(q, doc: Doc, topics: TopicMatcher, paragraph_hits) -> object:
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    own = topics.match(span) if span is not None else {}
    return replace(q, topics=tuple(sorted(own or paragraph_hits)))


def assemble(
    facts: list[ArticleFacts],
    leaders: tuple[Leader, ...] = (),
    curation: tuple[CurationEntry, ...] = (),
    curation_path: str = "curation.yaml",
    topic_specs: tuple[TopicSpec, ...] = (),
) -> Corpus:
    facts = sorted(facts, key=lambda f: f.article.id)
    redirects: dict[str, str] = {}
    actors, mapping = merge_actors(facts, leaders, curation, curation_path, redirects)
    quotes = []
    events = []
    for f in facts:
        for q in f.quotes:
            speaker = mapping.get((f.article.id, q.speaker)) if q.speaker else None
            quotes.append(replace(q, speaker=speaker))
        for e in f.events:
            ids = tuple(
                dict.fromkeys(
                    mapping[(f.article.id, k)] for k in e.actors if (f.article.id, k) in mapping
                )
            )
            events.append(replace(e, actors=ids))
    quotes.sort(key=lambda q: (q.article, q.paragraph, q.start, q.kind))
    events.sort(key=lambda e: (e.date is None, e.date or "", e.article, e.paragraph, e.id))
    # An article without a headline is titled from its lede's main clause.
    titled = [replace(f.article, title=f.headline) if f.headline else f.article for f in facts]
    articles = {a.id: a for a in titled}
    history = {t.id for t in topic_specs if t.history}
    proposals = {t.id: t.proposal.name for t in topic_specs if t.proposal}
    positions = build_positions(facts, mapping, actors, proposals, curation, curation_path)
    return Corpus(
        articles=tuple(titled),
        actors=actors,
        quotes=tuple(quotes),
        topics=_topics(facts, quotes, topic_specs),
        events=tuple(events),
        extra={"redirects": redirects},
        episodes=build_episodes(tuple(events), articles, history),
        positions=positions,
    )


def _topics(facts, quotes, specs: tuple[TopicSpec, ...]) -> tuple[Topic, ...]:
    out = []
    for spec in specs:
        paras: list[tuple[int, str, int]] = []
        for f in facts:
            for i, hits in enumerate(f.paragraph_topics):
                n = dict(hits).get(spec.id, 0)
                if n:
                    paras.append((n, f.article.id, i))
        # The paragraphs with most hits first: they are the key passages.
        paras.sort(key=lambda x: (-x[0], x[1], x[2]))
        out.append(
            Topic(
                id=spec.id,
                name=spec.name,
                description=spec.description,
                articles=tuple(sorted({a for _, a, _ in paras})),
                quotes=tuple(q.id for q in quotes if spec.id in q.topics),
                paragraphs=tuple((a, i) for _, a, i in paras),
                history=spec.history,
                proposal=spec.proposal.name if spec.proposal else None,
                questions=spec.questions,
            )
        )
    return tuple(out)
