"""Markdown pieces the pages are built from, each from escaped parts: links, the
paths and anchors of pages, paragraphs with their mentions linked and quotations
highlighted, and the list items of quotes and events. Article text is untrusted:
every string of it goes through `md_escape` here, and what comes out is `Markup`,
which the one Jinja environment (`render.make_env`) prints as it is.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable

from markupsafe import Markup, escape

from generator.escape import md_escape
from generator.model import Article, Event, Quote
from generator.wording import event_date, human_date, source_label

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def time_tag(date: str | None) -> Markup:
    """A date as readers read it, machine-readable for sorting: `<time>` holds the
    ISO date only when it is one (dates come from articles' metadata)."""
    if not date:
        return Markup("undated")
    if not ISO_DATE.fullmatch(date):
        return Markup(md_escape(human_date(date)))
    return Markup(f'<time datetime="{date}">{md_escape(human_date(date))}</time>')


def link(text: str, url: str) -> Markup:
    """A Markdown link; the text is escaped, the URL is ours (never from articles)."""
    return Markup(f"[{md_escape(text)}]({url})")


KIND_LABELS = {
    "person": "Person",
    "country": "Country",
    "organization": "Organization",
    "group": "Group",
}


# --- paths ----------------------------------------------------------------------


def article_path(article_id: str) -> str:
    return f"articles/{article_id}.md"


def actor_path(actor_id: str) -> str:
    return f"actors/{actor_id}.md"


def topic_path(topic_id: str) -> str:
    return f"topics/{topic_id}.md"


def history_path(topic_id: str) -> str:
    return f"history/{topic_id}.md"


def para_anchor(paragraph: int) -> str:
    return f"p-{paragraph + 1}"


def who_anchor(actor_id: str) -> str:
    """The anchor of an actor's line under "Who is in this article"."""
    return f"who-{actor_id}"


def rel(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A relative link between two pages of site_src/."""
    depth = from_page.count("/")
    url = "../" * depth + to_page
    return f"{url}#{anchor}" if anchor else url


# --- paragraphs with links and highlights -----------------------------------------


def paragraph_markup(
    text: str,
    mentions: Iterable[tuple[int, int, str]],
    quotes: Iterable[tuple],
    page: str,
) -> Markup:
    """The paragraph, escaped, with actor mentions linked to their pages and quoted
    passages highlighted (each with an id to link to). A quote given as (start,
    end, id, speaker name) says who said it: on hover and on focus (a tap), and to
    a screen reader before the words."""
    quotes = sorted(q for q in quotes if 0 <= q[0] < q[1] <= len(text))
    opens: dict[int, list[str]] = defaultdict(list)
    closes: dict[int, list[str]] = defaultdict(list)
    for start, end, qid, *who in quotes:
        name = who[0] if who else None
        if name:
            said = escape(f"Said by {name}")
            opens[start].append(
                f'<mark class="quote" id="{qid}" tabindex="0" title="{said}">'
                f'<span class="visually-hidden">{escape(name)}: </span>'
            )
        else:
            opens[start].append(f'<mark class="quote" id="{qid}">')
        closes[end].append("</mark>")
    # Where a highlight opens or closes. A link is written whole, so no boundary
    # may fall inside one: a link around 'Juan "Chico" Manriquez' would swallow the
    # mark of "Chico", and the quotation's anchor with it. The highlight wins.
    boundaries = sorted({b for s, e, *_ in quotes for b in (s, e)})
    links: dict[int, tuple[int, str]] = {}
    last_end = -1
    for start, end, actor_id in sorted(mentions):
        if start < last_end or end > len(text) or start >= end:
            continue
        k = bisect_right(boundaries, start)
        if k < len(boundaries) and boundaries[k] < end:
            continue
        links[start] = (end, actor_id)
        last_end = end
    out: list[str] = []
    i = 0
    while i <= len(text):
        out.extend(closes.get(i, []))
        out.extend(opens.get(i, []))
        if i == len(text):
            break
        if i in links:
            end, actor_id = links[i]
            out.append(str(link(text[i:end], rel(page, actor_path(actor_id)))))
            i = end
            continue
        j = min(
            [k for k in (*opens, *closes, *links) if k > i] + [len(text)],
        )
        out.append(md_escape(text[i:j]) if text[i:j].strip() else text[i:j])
        i = j
    return Markup("".join(out))


# --- list items -------------------------------------------------------------------


def quote_anchor(q: Quote) -> str:
    return q.id.rsplit("-", 1)[-1]


def _rel_for(page: str):
    def _rel(to_page: str, anchor: str | None = None) -> str:
        return rel(page, to_page, anchor)

    return _rel


def _items_for(page: str, site_articles: dict[str, Article]):
    def quote_item(q: Quote) -> Markup:
        """A quote as a list item linking to its place in the article. In Python
        rather than a macro: the page of every quote calls it ten thousand times."""
        label = f"in context, paragraph {q.paragraph + 1}"
        if q.kind == "context":  # a fragment, within its sentence
            url = rel(page, article_path(q.article), quote_anchor(q))
            return Markup(f"- {md_escape(q.text)} ({link(label, url)})")
        if q.kind == "indirect":
            url = rel(page, article_path(q.article), para_anchor(q.paragraph))
            return Markup(f"- *Reported:* {md_escape(q.text)} ({link(label, url)})")
        url = rel(page, article_path(q.article), quote_anchor(q))
        return Markup(f"- \u201c{md_escape(q.text)}\u201d ({link(label, url)})")

    def event_item(e: Event) -> Markup:
        label = source_label(site_articles[e.article], e.paragraph)
        url = rel(page, article_path(e.article), para_anchor(e.paragraph))
        return Markup(f"- **{md_escape(event_date(e))}**: {md_escape(e.title)}. {link(label, url)}")

    return quote_item, event_item
