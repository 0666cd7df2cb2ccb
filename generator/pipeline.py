"""The conductor: ingest -> parse -> extract -> assemble -> render -> write.

Each stage is its own module; this file only says in which order they run and
what flows between them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from generator import editorial, ingest
from generator.config import Settings
from generator.model import Article, ArticleFacts, Corpus

Progress = Callable[[Iterable], Iterable]


def _no_progress(items: Iterable) -> Iterable:
    return items


def parse_and_extract(
    articles: list[Article], progress: Progress = _no_progress, ctx=None
) -> list[ArticleFacts]:
    """Run the model over every paragraph (batched) and the per-article extractors."""
    from generator import nlp
    from generator.extract import extract_article

    model = nlp.load()
    texts = [(p, a.id) for a in articles for p in a.paragraphs]
    docs_by_article: dict[str, list] = {a.id: [] for a in articles}
    for doc, art_id in progress(model.pipe(texts, as_tuples=True, batch_size=64)):
        docs_by_article[art_id].append(doc)
    return [extract_article(a, docs_by_article[a.id], ctx) for a in articles]


def extract(paths: list[Path], settings: Settings, progress: Progress = _no_progress) -> Corpus:
    from generator import nlp
    from generator.extract import Context, assemble
    from generator.extract.topics import TopicMatcher, load_topics

    # Editors' files and the articles are read first so that a mistake in them
    # fails fast, before minutes of NLP.
    ed = settings.path("editorial")
    leaders = editorial.load_leaders(ed / "leaders.yaml")
    curation_path = ed / "curation.yaml"
    curation = editorial.load_curation(curation_path)
    topics = load_topics(ed / "topics.yaml")
    articles = ingest.read_articles(paths, root=settings.root)
    ctx = Context(leaders=leaders, topics=TopicMatcher(nlp.load(), topics))
    facts = parse_and_extract(articles, progress, ctx)
    return assemble(facts, leaders, curation, str(curation_path), topics)


def generate(settings: Settings, progress: Progress = _no_progress) -> list[str]:
    """Regenerate site_src/ from seeds/; returns the generated page paths."""
    from generator import render, sitewrite

    corpus = extract([settings.path("seeds")], settings, progress)
    meta = editorial.load_yaml(settings.path("editorial") / "site.yaml") or {}
    site_src = settings.path("site_src")
    redirects = sitewrite.update_redirects(site_src, corpus.extra.get("redirects", {}))
    pages = render.render_site(corpus, settings.path("templates"), meta, redirects)
    pages[sitewrite.REDIRECTS] = sitewrite.dump_redirects(redirects)
    # Only now, with every page rendered in memory, is site_src/ touched.
    skipped = sitewrite.write_site(site_src, pages)
    return sorted(set(pages) - set(skipped))
