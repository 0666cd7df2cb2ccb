"""The pack: the last run's parsed articles and their facts in one positional JSON
file, quick to write and read (`Cache.save_pack`, `Cache._load_pack`). Rows are read
back field by field and checked (`cachecheck.checked`) like any cache entry."""

from __future__ import annotations

import json
from itertools import starmap

from generator import ingest, textformats
from generator.cachecheck import checked
from generator.files import ID_RE as _ID
from generator.model import (
    Article,
    ArticleFacts,
    Entity,
    Event,
    Mention,
    Quote,
    Role,
    Stance,
)

# The cache's format: a change to an entry's or the pack's rows is a new format.
FORMAT = 6


# --- the pack: positional JSON, quick to write and read ------------------------------


def pack(env: str, memo: dict[str, Article], packed: dict[str, tuple]) -> str:
    # Each article once: the facts name their article by its memo key where the
    # memo holds it (it always does after a run), else carry it.
    key_of = {id(a): key for key, a in memo.items()}
    articles = {key: _article_row(a) for key, a in memo.items()}
    facts = {}
    for art_id, (sig, f) in packed.items():
        ref = key_of.get(id(f.article))
        article = ref if ref is not None else _article_row(f.article)
        facts[art_id] = [list(sig), article, _facts_rows(f)]
    data = {"format": FORMAT, "env": env, "articles": articles, "facts": facts}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def unpack(data: dict) -> tuple[dict[str, Article], dict[str, tuple]]:
    memo = {str(k): _article(row) for k, row in data["articles"].items()}
    packed = {}
    for art_id, (sig, article, rows) in data["facts"].items():
        article = memo[article] if isinstance(article, str) else _article(article)
        if article.id != art_id:
            raise ValueError("facts filed under another article")
        packed[art_id] = (tuple(sig), checked(_facts(article, rows)))
    return memo, packed


def _article_row(a: Article) -> list:
    return [
        a.id,
        a.path,
        a.title,
        list(a.paragraphs),
        a.title_derived,
        a.date,
        list(a.authors),
        list(a.contributors),
        a.dateline,
        a.url,
        a.source,
        a.excerpt,
        a.format,
    ]


def _article(row: list) -> Article:
    (id_, path, title, paragraphs, derived, date, authors, contributors, *rest) = row
    dateline, url, source, excerpt, fmt = rest
    if not isinstance(id_, str) or not _ID.fullmatch(id_):
        raise ValueError("not an article id")
    strings = [path, title, *paragraphs, *authors, *contributors]
    optional = [date, dateline, url, source, excerpt]
    if not all(isinstance(s, str) for s in strings) or not isinstance(derived, bool):
        raise ValueError("not an article")
    if not all(s is None or isinstance(s, str) for s in [*optional, fmt]):
        raise ValueError("not an article")
    # What ingest refuses, the pack may not say either: a page's id, a paragraph or
    # an article over the limits, a title longer than any.
    if id_ in ingest.RESERVED_IDS or len(id_) > ingest.MAX_ID:
        raise ValueError("not an article id")
    if any(len(p) > ingest.MAX_PARAGRAPH for p in paragraphs) or not paragraphs:
        raise ValueError("a paragraph over the limit")
    if sum(map(len, paragraphs)) > ingest.MAX_ARTICLE:
        raise ValueError("an article over the limit")
    if any(
        len(s) > textformats.MAX_META for s in [title, *authors, date, dateline, url, source] if s
    ):
        raise ValueError("a field over the limit")
    return Article(
        id=id_,
        path=path,
        title=title,
        paragraphs=tuple(paragraphs),
        title_derived=derived,
        date=date,
        authors=tuple(authors),
        contributors=tuple(contributors),
        dateline=dateline,
        url=url,
        source=source,
        excerpt=excerpt,
        format=fmt,
    )


def _facts_rows(f: ArticleFacts) -> list:
    return [
        [
            [
                e.key,
                e.name,
                e.kind,
                list(e.aliases),
                [[r.title, r.affiliation, r.article] for r in e.roles],
                e.affiliation,
                [[m.paragraph, m.start, m.end, m.text] for m in e.mentions],
            ]
            for e in f.entities
        ],
        [
            [q.id, q.paragraph, q.start, q.end, q.text, q.speaker, q.kind, q.cue, list(q.topics)]
            for q in f.quotes
        ],
        [
            [
                e.id,
                e.date,
                e.title,
                e.summary,
                e.paragraph,
                list(e.actors),
                list(e.topics),
                e.approximate,
                e.date_text,
                e.date_label,
                e.scheduled,
            ]
            for e in f.events
        ],
        [[list(t) for t in p] for p in f.paragraph_topics],
        f.headline,
        [
            [
                *(s.topic, s.owner, s.stance, s.paragraph, s.start, s.end),
                *(s.cue, s.condition, s.quote, s.on_behalf),
            ]
            for s in f.stances
        ],
    ]


def _facts(article: Article, rows: list) -> ArticleFacts:
    entities, quotes, events, topics, headline, stances = rows
    return ArticleFacts(
        article=article,
        entities=tuple(
            Entity(
                key=key,
                name=name,
                kind=kind,
                aliases=tuple(aliases),
                roles=tuple(starmap(Role, roles)),
                affiliation=aff,
                mentions=tuple(starmap(Mention, mentions)),
            )
            for key, name, kind, aliases, roles, aff, mentions in entities
        ),
        quotes=tuple(
            Quote(qid, article.id, p, s, e, text, who, kind, cue, tuple(ts))
            for qid, p, s, e, text, who, kind, cue, ts in quotes
        ),
        events=tuple(
            Event(eid, date, title, summary, article.id, p, tuple(actors), tuple(ts), *rough)
            for eid, date, title, summary, p, actors, ts, *rough in events
        ),
        paragraph_topics=tuple(tuple((str(t), int(n)) for t, n in p) for p in topics),
        headline=headline if isinstance(headline, str) else None,
        stances=tuple(starmap(Stance, stances)),
    )
