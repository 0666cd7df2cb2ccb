"""One chunk of articles parsed and extracted in this process: what the serial path,
the worker pool, the model helper (`helper.py`) and the Dask workers (`cluster.py`)
all call down to, so that every path gives the same data. The model and the topic
matcher are loaded once per process."""

from __future__ import annotations

import functools

from generator.leaders import Leader
from generator.model import Article, ArticleFacts


@functools.cache
def topic_matcher(specs, model: str | None = None):
    from generator import nlp
    from generator.extract.topics import TopicMatcher

    return TopicMatcher(nlp.load(model), specs)


def extract_chunk(
    articles: list[Article], leaders: tuple[Leader, ...], specs, model: str | None = None
) -> list[ArticleFacts]:
    """Parse and extract some articles in this process (the model is loaded once)."""
    from generator import nlp
    from generator.extract import Context, extract_article

    ctx = Context(leaders=leaders, topics=topic_matcher(specs, model))
    model = nlp.load(model)
    texts = [(p, a.id) for a in articles for p in a.paragraphs]
    docs: dict[str, list] = {a.id: [] for a in articles}
    for doc, art_id in model.pipe(texts, as_tuples=True, batch_size=64):
        docs[art_id].append(doc)
    return [extract_article(a, docs[a.id], ctx) for a in articles]


def run_chunk(part, leaders, specs):
    """The pool's entry point (a module-level function, so it pickles)."""
    return extract_chunk(part, leaders, specs)


def chunks(articles: list[Article], n: int) -> list[list[Article]]:
    """About n chunks of about equal text size, in article order."""
    n = max(1, min(n, len(articles)))
    total = sum(len(p) for a in articles for p in a.paragraphs) or 1
    out: list[list[Article]] = [[]]
    size = 0
    for a in articles:
        if size >= total / n * len(out) and len(out) < n:
            out.append([])
        out[-1].append(a)
        size += sum(len(p) for p in a.paragraphs)
    return [c for c in out if c]
