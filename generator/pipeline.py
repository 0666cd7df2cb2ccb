"""The conductor: ingest -> parse -> extract -> assemble -> render -> write.

Each stage is its own module; this file only says in which order they run and
what flows between them.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import json
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from generator import chunk, editorial, ingest, sitemeta
from generator.config import Settings
from generator.curation import load_curation
from generator.helper import ModelHelper
from generator.leaders import Leader, load_leaders
from generator.model import Article, ArticleFacts, Corpus
from generator.outlets import load_outlets, named_sources

Progress = Callable[[Iterable], Iterable]
# Below this many articles to parse, one process is quicker than starting more.
PARALLEL_MIN_ARTICLES = 40


def _no_progress(items: Iterable) -> Iterable:
    return items


def parse_and_extract(
    articles: list[Article],
    leaders: tuple[Leader, ...] = (),
    specs: tuple = (),
    progress: Progress = _no_progress,
    workers: int | None = None,
    helper: ModelHelper | None = None,
) -> list[ArticleFacts]:
    """Run the model and the per-article extractors, in several processes when
    there are cores and articles enough to pay for them; a few articles go to
    `helper` (which has been loading the model meanwhile) where there is one."""
    if workers is None:
        workers = min(os.cpu_count() or 1, 4) if len(articles) >= PARALLEL_MIN_ARTICLES else 1
    if helper is not None:
        if workers <= 1 and helper.alive:
            return helper.extract(articles, leaders, specs)
        helper.close()  # a pool does the work: the core is theirs
    if workers <= 1:
        out: list[ArticleFacts] = []
        for part in progress(chunk.chunks(articles, max(1, len(articles) // 20 or 1))):
            out.extend(chunk.extract_chunk(part, leaders, specs))
        return out
    from generator import nlp

    nlp.load()  # loaded before the fork, shared copy-on-write by the workers
    parts = chunk.chunks(articles, workers * 6)
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(workers) as pool:
        work = pool.imap(functools.partial(chunk.run_chunk, leaders=leaders, specs=specs), parts)
        results = list(progress(work))
    return [f for facts in results for f in facts]


def extract(
    paths: list[Path],
    settings: Settings,
    progress: Progress = _no_progress,
    use_cache: bool = True,
    dask: str | None = None,
) -> Corpus:
    """The corpus of the articles under `paths`; with `dask` ('local' or a scheduler's
    address), the articles to parse are parsed on a Dask cluster."""
    # The model loads in a helper process from the start, while this one reads
    # the editors' files, the articles and the cache; it is killed unused if
    # nothing needs parsing (or a cluster does the parsing).
    helper = ModelHelper.start() if dask is None else None
    try:
        return _extract(paths, settings, progress, use_cache, helper, dask)
    finally:
        if helper is not None:
            helper.close()


def _extract(paths, settings, progress, use_cache, helper, dask=None) -> Corpus:
    from generator import cache
    from generator.extract import assemble
    from generator.topicspec import load_topics

    # Editors' files and the articles are read first so that a mistake in them
    # fails fast, before minutes of NLP.
    # The files the extraction reads are read once: parsed, and hashed for the cache key.
    ed = settings.path("editorial")
    raw = {name: editorial.read(ed / name) for name in ("leaders.yaml", "topics.yaml")}
    leaders = load_leaders(ed / "leaders.yaml", raw["leaders.yaml"])
    curation_path = ed / "curation.yaml"
    curation = load_curation(curation_path)
    specs = load_topics(ed / "topics.yaml", raw["topics.yaml"])
    outlets = load_outlets(ed / "outlets.yaml")
    with gc_paused():
        store = None
        if use_cache:
            store = cache.Cache(settings.path("cache"), _environment(settings, raw), packed=True)
        memo = store.memo if store else None
        articles = ingest.read_articles(paths, root=settings.root, memo=memo)
    # The records just loaded stay alive to the end: frozen, the collector does not
    # walk them again and again while the model loads and parses (it did, for a
    # second of a one-article run).
    gc.freeze()
    try:
        facts = cached_extract(articles, leaders, specs, progress, store, helper, dask)
    finally:
        gc.unfreeze()
    with gc_paused():
        if store is not None:
            store.save_pack(articles, facts)
        # Outlets' names are shown, not the articles' slugs: applied after the cache,
        # which keeps the articles as read, so that editing outlets.yaml parses nothing.
        facts = [_outlet_named(f, outlets) for f in facts]
        # Cross-article steps come last: they are redone from the per-article results.
        return assemble(facts, leaders, curation, str(curation_path), specs)


def _outlet_named(facts: ArticleFacts, outlets: dict[str, str]) -> ArticleFacts:
    article = named_sources(facts.article, outlets)
    return facts if article is facts.article else dataclasses.replace(facts, article=article)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector. Between the NLP and the written site the
    data is hundreds of thousands of small acyclic records (freed by reference
    counting anyway); the collector's repeated walks over them took a fifth of a
    warm regeneration. Not used around the NLP, whose objects may hold cycles."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _environment(settings: Settings, editorial_files: dict[str, bytes | None]) -> str:
    """The cache key of everything but the article: model, code, rules, the editors'
    files the extraction reads (name -> bytes, None if absent)."""
    from generator import cache

    # The model's name and version are read without importing spaCy: a run whose
    # articles are all cached never loads it.
    name = os.environ.get("EXPLAINER_MODEL") or settings.model
    return cache.environment_key(name, cache.package_version(name), editorial_files)


def cached_extract(articles, leaders, specs, progress, store=None, helper=None, dask=None):
    """The facts of every article: from the cache `store` where it has them (None:
    no cache), else parsed (on the Dask cluster `dask`, or by `helper` if there is
    one and the work is small), and then put in it."""
    found = {a.id: store.get(a) for a in articles} if store else {}
    todo = [a for a in articles if found.get(a.id) is None]
    if not todo and helper is not None:
        helper.close()
    if todo:
        if dask is not None:
            from generator import cluster, nlp

            parsed = cluster.extract(todo, leaders, specs, dask, nlp.model_name(), progress)
        else:
            parsed = parse_and_extract(todo, leaders, specs, progress, helper=helper)
        for f in parsed:
            found[f.article.id] = f
            if store:
                store.put(f)
    return [found[a.id] for a in articles]


def render(settings: Settings, corpus: Corpus, reuse=None, meta=None) -> dict[str, str]:
    """Every generated file of site_src/, in memory. With `reuse`, article and actor
    pages whose inputs did not change are taken from site_src/ as they are; `meta`:
    site.yaml, if already read."""
    from generator import render as render_mod
    from generator import sitewrite

    if meta is None:
        meta = sitemeta.load_site(settings.path("editorial") / "site.yaml")
    if meta.get("lead") and meta["lead"] not in {t.id for t in corpus.topics}:
        raise editorial.EditorialError(
            settings.path("editorial") / "site.yaml",
            None,
            f"'lead: {meta['lead']}' is no topic of topics.yaml",
        )
    redirects = sitewrite.update_redirects(
        settings.path("site_src"), corpus.extra.get("redirects", {})
    )
    pages = render_mod.render_site(corpus, settings.path("templates"), meta, redirects, reuse)
    pages[sitewrite.REDIRECTS] = sitewrite.dump_redirects(redirects)
    return pages


def _page_fingerprints(settings: Settings) -> Path:
    return settings.path("cache") / "_pages.json"


def generate(
    settings: Settings,
    progress: Progress = _no_progress,
    use_cache=True,
    on_wait=None,
    on_warning: Callable[[str], None] | None = None,
) -> list[str]:
    """Regenerate site_src/ from seeds/; returns the generated page paths. The
    editors' warnings (`editorcheck`) go to `on_warning`."""
    from generator import sitewrite

    site_src = settings.path("site_src")
    # One run at a time: two that read, recover and swap site_src/ together lose
    # pages (one's recover() deletes the other's half-written tree).
    with sitewrite.locked(site_src, on_wait=on_wait):
        corpus = extract([settings.path("seeds")], settings, progress, use_cache)
        if on_warning is not None:
            for line in warnings(settings, corpus):
                on_warning(line)
        return _write(settings, corpus, use_cache)


def warnings(settings: Settings, corpus: Corpus) -> list[str]:
    """What in editorial/ the articles give nothing for (see `editorcheck`)."""
    from generator.editorcheck import editor_warnings
    from generator.siteviews import Site

    ed = settings.path("editorial")
    site = Site(corpus, sitemeta.load_site(ed / "site.yaml"))
    return editor_warnings(site, load_leaders(ed / "leaders.yaml"))


def publish(
    settings: Settings,
    progress: Progress = _no_progress,
    use_cache: bool = True,
    clean: bool = False,
    on_wait=None,
    build_progress=None,
    on_warning: Callable[[str], None] | None = None,
):
    """Regenerate site_src/ and build the site from it (strict, scanned): the
    generated page paths and the build's report. One lock over both, so that no
    other run changes site_src/ while MkDocs reads it. The editors' warnings go to
    `on_warning`, as in `generate`: `make site` is what an editor on a new beat runs."""
    from generator import profile, sitewrite
    from generator.build import build_site

    site_src = settings.path("site_src")
    with sitewrite.locked(site_src, on_wait=on_wait):
        with profile.phase("extract"):
            corpus = extract([settings.path("seeds")], settings, progress, use_cache)
        if on_warning is not None:
            for line in warnings(settings, corpus):
                on_warning(line)
        with profile.phase("generate"):
            pages = _write(settings, corpus, use_cache)
        report = build_site(settings, clean=clean or not use_cache, progress=build_progress)
        profile.dump()
        return pages, report


def _write(settings: Settings, corpus: Corpus, use_cache: bool) -> list[str]:
    from generator import cache, siteconfig, sitewrite
    from generator.files import replace_text
    from generator.reuse import Reuse

    site_src = settings.path("site_src")
    sitewrite.recover(site_src)
    fp_file = _page_fingerprints(settings)
    reuse = None
    if use_cache:
        try:
            known = json.loads(fp_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            known = {}
        reuse = Reuse(
            site_src, known if isinstance(known, dict) else {}, settings.path("templates")
        )
    meta = sitemeta.load_site(settings.path("editorial") / "site.yaml")
    with gc_paused():
        pages = render(settings, corpus, reuse, meta)
        # Only now, with every page rendered in memory, is site_src/ touched.
        skipped = sitewrite.write_site(site_src, pages)
    # The site's name follows the editors' title (mkdocs.yml's one generated line).
    siteconfig.sync(settings.root / "mkdocs.yml", meta.get("title"))
    if reuse is not None:
        cache.Cache(settings.path("cache"), "").prune({a.id for a in corpus.articles})
        reuse.written(skipped)
        fp_file.parent.mkdir(parents=True, exist_ok=True)
        replace_text(fp_file, json.dumps(reuse.fingerprints, sort_keys=True))
    return sorted(set(pages) - set(skipped))
