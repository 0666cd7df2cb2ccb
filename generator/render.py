"""Render: a `Corpus` in, Markdown pages out (a dict of path -> text).

One Jinja environment, made here. Article text is untrusted: every value a
template prints is escaped for Markdown by `finalize` unless it is `Markup` built
from escaped parts (`markup`), so a template cannot forget to escape.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import defaultdict
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator import feed, serialize
from generator.escape import md_escape
from generator.indexpages import (
    INDEX_ROWS,
    NEWEST_ARTICLES,
    article_months,
    index_path,
    letter_bars,
    month_path,
    names_files,
    names_url,
    page_label,
    within,
)
from generator.markup import (
    KIND_LABELS,
    _items_for,
    _rel_for,
    actor_path,
    article_path,
    history_path,
    link,
    para_anchor,
    paragraph_markup,
    quote_anchor,
    time_tag,
    topic_path,
    who_anchor,
)
from generator.model import Actor, Corpus
from generator.moved import moved_to, redirect_page
from generator.pageinputs import page_inputs
from generator.reuse import Reuse
from generator.saidpages import (
    QUOTES_PER_SPEAKER,
    quotes_page,
    said_page,
    speaker_anchor,
    split_said,
)
from generator.siteviews import Site
from generator.sitewrite import Kept
from generator.statements import newest
from generator.wording import count, event_date, human_date, source_label


def _finalize(value: object) -> Markup:
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    return Markup(md_escape(value))


def make_env(templates: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        undefined=jinja2.StrictUndefined,
        # Markdown, not HTML: finalize escapes for Markdown and marks the result safe,
        # so autoescape leaves it alone; macro output is Markup and passes through.
        finalize=_finalize,
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        link=link,
        article_path=article_path,
        actor_path=actor_path,
        para_anchor=para_anchor,
        who_anchor=who_anchor,
        quote_anchor=quote_anchor,
        kind_label=KIND_LABELS.get,
        human_date=human_date,
        event_date=event_date,
        count=count,
        topic_path=topic_path,
        history_path=history_path,
        newest=newest,
        quotes_page=quotes_page,
        source_label=source_label,
        time_tag=time_tag,
        speaker_anchor=speaker_anchor,
        said_page=said_page,
        split_said=split_said,
        index_rows=INDEX_ROWS,
        month_path=month_path,
        page_label=page_label,
        within=within,
    )
    return env


def render_site(
    corpus: Corpus,
    templates: Path,
    meta: dict | None = None,
    redirects: dict[str, str] | None = None,
    reuse: Reuse | None = None,
) -> dict[str, str | Kept]:
    """Every generated file of site_src/, path -> text. `redirects` maps old actor
    ids to current ones; `reuse` lets unchanged article and actor pages be kept
    (their text is then `Kept`)."""
    env = make_env(templates)
    # Compiled here, once, rather than lazily in each forked worker.
    for name in env.list_templates(filter_func=lambda n: n.endswith(".j2")):
        env.get_template(name)
    site = Site(corpus, meta)
    redirects = {
        old: new
        for old, new in (redirects or {}).items()
        if old != new and new in site.actors and old not in site.actors
    }
    pages: dict[str, str | Kept] = {}

    def rest() -> None:
        # The longest page is this process's share of the rendering, which the
        # workers could not split anyway.
        quotes = "quotes/index.md"
        pages[quotes] = _render(env, site, quotes, "quotes_index.md.j2")
        by_prefix = {p.prefix: p for p, _ in site.cast.quotation_pages()}
        for page, speakers in site.cast.quotation_pages()[1:]:
            path = quotes_page(page.prefix)
            pages[path] = _render(
                env,
                site,
                path,
                "quotes_letter.md.j2",
                index=page,
                bars=letter_bars(by_prefix, page.prefix),
                speakers=speakers,
                limit=QUOTES_PER_SPEAKER,
            )
        periods = site.history.timeline_pages()
        for i, (key, label, items) in enumerate(periods):
            path = f"timeline/{key}.md"
            pages[path] = _render(
                env,
                site,
                path,
                "timeline_page.md.j2",
                label=label,
                items=items,
                before=periods[i - 1] if i else None,
                after=periods[i + 1] if i + 1 < len(periods) else None,
            )
        for actor in site.cast.paged:
            mentions = site.cast.mention_counts(actor)
            *_, months = split_said(site.cast.said(actor), mentions, site.articles)
            for month in months:
                path = said_page(actor.id, month[0])
                pages[path] = _render(
                    env, site, path, "said_month.md.j2", actor=actor, month=month, months=months
                )
        pages.update(names_files(site))  # the lists the filter boxes read
        months = article_months(site.text.articles_by_date())
        for i, (key, label, arts) in enumerate(months):
            path = month_path(key)
            near = (months[i - 1] if i else None, months[i + 1] if i + 1 < len(months) else None)
            pages[path] = _render(
                env, site, path, "articles_month.md.j2", label=label, articles=arts, near=near
            )
        if site.text.unattributed():
            path = "quotes/unattributed.md"
            pages[path] = _render(env, site, path, "quotes_unattributed.md.j2")
        # The data itself, for reuse: MkDocs copies these files as they are.
        pages["data/explainer-data.json"] = serialize.dumps(corpus)
        pages["data/quotes.csv"] = serialize.quotes_csv(corpus)
        pages["feed.xml"] = feed.atom(corpus, site.title)
        # An actor page's old address leads on: a renamed actor's to the new name,
        # a page that went (castview.has_page) to where its content is now.
        gone = [a.id for a in corpus.actors if not site.cast.has_page(a)]
        for old, new in [*redirects.items(), *((a, a) for a in gone)]:
            to = moved_to(site, new)
            if to:
                pages[f"actors/{old}/index.html"] = redirect_page(old, to)

    # One page per article and per actor, and the long index pages: the bulk of
    # the work, shared among processes when there is a lot of it; this process
    # does the rest meanwhile.
    jobs = [("page", path, template) for path, template in INDEX_PAGES]
    for kind, template in INDEXES.items():
        jobs += [("index", f"{kind}/{p.prefix}", template) for p in site.cast.index(kind)]
    for topic in corpus.topics:
        jobs.append(("topic", topic.id, "topic.md.j2"))
        if topic.history:
            jobs.append(("history", topic.id, "history.md.j2"))
    jobs += [("article", a.id, "") for a in corpus.articles]
    jobs += [("actor", a.id, "") for a in site.cast.paged]
    rendered, fingerprints = _render_jobs(env, site, jobs, reuse, meanwhile=rest)
    pages.update(rendered)
    if reuse is not None:
        reuse.fresh = fingerprints  # this run's, for the next one
    return pages


PARALLEL_MIN_PAGES = 400
_STATE: tuple | None = None  # (env, site, reuse) inherited by forked workers


def _render(env, site: Site, path: str, template: str, **ctx) -> str:
    ctx.setdefault("page", path)
    quote_item, event_item = _items_for(path, site.articles)
    to = _rel_for(path)

    def actor_link(actor: Actor) -> Markup:
        """The actor's name, linked to their page if they have one, else to their
        line on their article's page if they are listed."""
        target = site.cast.target(actor)
        return link(actor.name, to(*target)) if target else Markup(md_escape(actor.name))

    return env.get_template(template).render(
        site=site,
        rel=to,
        quote_item=quote_item,
        event_item=event_item,
        actor_link=actor_link,
        has_page=site.cast.has_page,
        **ctx,
    )


INDEX_PAGES = [
    ("index.md", "home.md.j2"),
    ("articles/index.md", "articles_index.md.j2"),
    ("actors/index.md", "actors_index.md.j2"),
    ("timeline.md", "timeline.md.j2"),
    ("topics/index.md", "topics_index.md.j2"),
    ("data/index.md", "data.md.j2"),
]


# The indexes of every actor, split by initial when long (indexpages).
INDEXES = {"people": "people.md.j2", "organizations": "organizations.md.j2"}


def _job(job: tuple[str, str, str]) -> tuple[str, str, str | None]:
    env, site, reuse = _STATE  # type: ignore[misc]
    kind, key, template = job
    if kind == "page":
        ctx = {}
        if key == "articles/index.md":
            arts = site.text.articles_by_date()
            ctx = {"articles": arts, "months": article_months(arts), "newest": NEWEST_ARTICLES}
        return key, _render(env, site, key, template, **ctx), None
    if kind == "index":
        name, _, prefix = key.partition("/")
        pages = {p.prefix: p for p in site.cast.index(name)}
        page, bars = pages[prefix], letter_bars(pages, prefix)
        path = index_path(name, prefix)
        ctx = {"index": page, "bars": bars, "names": names_url(prefix)}
        return path, _render(env, site, path, template, **ctx), None
    if kind in ("topic", "history"):
        path = topic_path(key) if kind == "topic" else history_path(key)
        return path, _render(env, site, path, template, topic=site.topics[key]), None
    path = actor_path(key) if kind == "actor" else article_path(key)
    fp = reuse.fingerprint(page_inputs(site, kind, key)) if reuse else None
    if reuse and reuse.kept(path, fp):
        return path, Kept(), fp
    if kind == "actor":
        return path, _render(env, site, path, "actor.md.j2", actor=site.actors[key]), fp
    art = site.articles[key]
    paras = []
    by_paragraph: dict[int, list[tuple]] = defaultdict(list)
    for q in site.text.quotes_by_article[art.id]:
        if q.kind != "indirect":
            who = site.actors[q.speaker].name if q.speaker in site.actors else None
            by_paragraph[q.paragraph].append((q.start, q.end, quote_anchor(q), who))
    for i, text in enumerate(art.paragraphs):
        quotes = by_paragraph.get(i, [])
        # Each actor linked at its first mention in the paragraph, not every time.
        first: dict[str, tuple[int, int, str]] = {}
        for m in sorted(site.cast.mentions[art.id][i]):
            first.setdefault(m[2], m)
        markup = paragraph_markup(text, list(first.values()), quotes, path)
        # Other pages link to every quotation's anchor: each must be here.
        missing = [q[2] for q in quotes if f'id="{q[2]}"' not in markup]
        if missing:
            raise RuntimeError(f"{path}: paragraph {i + 1} lost the anchors {missing}")
        paras.append((para_anchor(i), markup))
    return path, _render(env, site, path, "article.md.j2", article=art, paragraphs=paras), fp


def _render_jobs(
    env, site: Site, jobs: list[tuple[str, str, str]], reuse: Reuse | None, meanwhile
) -> tuple[dict[str, str | Kept], dict[str, str]]:
    """The pages, and the fingerprints of the article and actor pages; `meanwhile()`
    runs in this process while the workers render."""
    global _STATE
    _STATE = (env, site, reuse)
    try:
        workers = min(os.cpu_count() or 1, 4)
        if len(jobs) < PARALLEL_MIN_PAGES or workers < 2:
            meanwhile()
            done = list(map(_job, jobs))
        else:
            # The long index pages go out one by one, first, so that no worker
            # gets several of them; the many small pages follow in chunks.
            big = [j for j in jobs if j[0] not in ("article", "actor")]
            small = [j for j in jobs if j[0] in ("article", "actor")]
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                first = pool.map_async(_job, big, chunksize=1)
                rest = pool.map_async(_job, small, chunksize=32)
                meanwhile()
                done = first.get() + rest.get()
    finally:
        _STATE = None
    pages = {path: text for path, text, _ in done}
    return pages, {path: fp for path, _, fp in done if fp}
