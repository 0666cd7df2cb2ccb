"""Property-based fuzz of ingest -> render: random Unicode, quotation marks, Markdown
and HTML metacharacters in article text, front matter, names and the site's
words. Each input gives a clear error (IngestError) or pages, never a traceback;
and the pages, turned into HTML by Python-Markdown with the site's extensions,
hold no markup the templates did not write. No model: the records the extractors
would make are drawn from the text by hypothesis."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.extract.actors import clean_name, make_id
from generator.extract.marks import find_quote_spans
from generator.ingest import IngestError, read_article
from generator.model import (
    Actor,
    Article,
    Corpus,
    Event,
    Evidence,
    Mention,
    Position,
    Quote,
    Role,
    Topic,
)
from generator.render import render_site
from generator.topicspec import Question

from .conftest import ROOT

EXAMPLES = 300

PIECES = [
    "<script>alert(1)</script>",
    "</title><script>",
    "<img src=x onerror=alert(1)>",
    "&lt;b&gt;",
    "&amp;",
    "&#60;",
    "[x](javascript:alert(1))",
    "![i](http://e.x/t.png)",
    "{: onclick=x }",
    "{{ 7*7 }}",
    "{% raw %}",
    "`",
    "**",
    "__",
    "|",
    "#",
    "> ",
    "- ",
    "1. ",
    "---",
    "--8<--",
    '"',
    "\u201c",
    "\u201d",
    "'",
    "\u2019",
    "\u202e",
    "\u2066",
    "\\",
    "\n",
    "\n\n",
    "  ",
    "\t",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<svg onload=x>",
    "Mr. ",
    "said ",
    "President ",
    "Kim Jong-un",
    ",",
    ".",
    ":",
    "\u00a0",
    "\u200b",
    "\x0b",
]
TEXT = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(min_size=1, max_size=12)), min_size=1, max_size=40
).map("".join)

# Block syntax a paragraph of an article may consist of: fences (of tildes and
# backticks, as MkDocs always adds fenced_code), lists, tables, rules, setext
# underlines, HTML blocks and deep nests of them.
BLOCKS = [
    "~~~\n\nfenced\n\n~~~",
    "```\n\nfenced\n\n```",
    "~~~",
    "```",
    "~~~ {: .x #y }",
    "```python",
    "~~~~~~",
    "1. item",
    "2) item",
    "- item",
    "+ item",
    "* * *",
    "___",
    "===",
    "---",
    "| a | b |",
    "|---|---|",
    "a | b\n--|--",
    "    indented code",
    "\tindented code",
    "> quoted",
    "[TOC]",
    "[x]: http://evil.example",
    "<div markdown>",
    "</div>",
    "<div markdown>" * 50 + "x" + "</div>" * 50,
    "<details markdown><summary>s</summary>x</details>",
    "<!-- c -->",
    "Term\n: definition",
    "*[HTML]: Hyper",
]
STRUCTURE = st.lists(
    st.one_of(st.sampled_from(BLOCKS), TEXT, st.lists(st.sampled_from(BLOCKS)).map(" ".join)),
    min_size=1,
    max_size=12,
).map("\n\n".join)

# The extensions of mkdocs.yml, and fenced_code, which MkDocs always adds.
MD = markdown.Markdown(extensions=["attr_list", "md_in_html", "tables", "toc", "fenced_code"])
# What the templates write: tags, and the attributes each may carry.
TAGS = {
    "p": {"class", "id"},
    "a": {"href", "title", "id"},  # id: an actor's line on an article page (who-<id>)
    "h1": {"id"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "ul": set(),
    "ol": set(),
    "li": set(),
    "em": set(),
    "strong": set(),
    "mark": {"class", "id", "tabindex", "title"},
    "span": {"class"},
    "table": set(),
    "thead": set(),
    "tbody": set(),
    "tr": set(),
    "th": set(),
    "td": set(),
    "blockquote": set(),
    "br": set(),
    "hr": set(),
    "svg": {"class", "viewbox", "role", "aria-label", "xmlns", "width", "height"},
    "line": {"x1", "x2", "y1", "y2", "class"},
    "circle": {"cx", "cy", "r", "class"},
    "text": {"x", "y", "text-anchor"},
    "title": set(),
    "div": {"class", "data-names"},  # data-names: a split index's list (indexpages)
    "nav": {"class", "aria-label"},  # the letters of the quotations and split indexes
    "time": {"datetime"},
    # An actor's roles past the first few, behind a native "show all".
    "details": {"class"},
    "summary": set(),
}
IDS = re.compile(r"p-\d+|q\d+|y-(?:\d{4}|Undated)|[a-z0-9_-]*")


class _Markup(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        allowed = TAGS.get(tag)
        if allowed is None:
            self.problems.append(f"<{tag}>")
            return
        for name, value in attrs:
            value = value or ""
            if name not in allowed:
                self.problems.append(f"<{tag} {name}=>")
            elif name == "href" and re.match(r"\s*(?:[a-z][a-z0-9+.-]*:|//)", value, re.I):
                self.problems.append(f"<{tag} href={value[:30]!r}>")
            elif name == "id" and not IDS.fullmatch(value):
                self.problems.append(f"<{tag} id={value[:30]!r}>")
            elif name == "class" and value not in {
                "quote",
                "para",
                "byline",
                "note",
                "timeline",
                "axis",
                "visually-hidden",
                "dot",
                "grid cards know",
                "grid cards know compact",
                "stand",
                "people filterable",
                "organizations filterable",
                "filterable",
                "more-roles",
                "letters",
            }:
                self.problems.append(f"<{tag} class={value[:30]!r}>")

    handle_startendtag = handle_starttag


def live_markup(page: str) -> list[str]:
    MD.reset()
    parser = _Markup()
    parser.feed(MD.convert(page))
    parser.close()
    return parser.problems


def corpus_from(article: Article, data) -> Corpus:
    """The records extraction could make of this text: quotes where the marks are,
    actors named by pieces of it, an event, a topic."""
    quotes, actors = [], []
    for n, s in enumerate(find_quote_spans(article.paragraphs)):
        text = article.paragraphs[s.paragraph][s.start : s.end]
        quotes.append(
            Quote(
                f"{article.id}-q{n + 1}",
                article.id,
                s.paragraph,
                s.start,
                s.end,
                text,
                None,
                data.draw(st.sampled_from(["direct", "partial", "indirect"])),
            )
        )
    used = set()
    for p, para in enumerate(article.paragraphs):
        if not para:
            continue
        start = data.draw(st.integers(0, len(para) - 1))
        end = data.draw(st.integers(start + 1, len(para)))
        name = clean_name(para[start:end])
        if name is None or make_id(name) in used | {"index", "people", "organizations"}:
            continue
        used.add(make_id(name))
        role = Role(data.draw(TEXT), data.draw(st.none() | TEXT), article.id)
        actors.append(
            Actor(
                make_id(name),
                name,
                data.draw(st.sampled_from(["person", "organization", "country", "group"])),
                (data.draw(TEXT),),
                (role,),
                data.draw(st.none() | TEXT),
                (article.id,),
                ((article.id, Mention(p, start, end, para[start:end])),),
            )
        )
    speaker = actors[0].id if actors else None
    quotes = [
        Quote(q.id, q.article, q.paragraph, q.start, q.end, q.text, speaker, q.kind) for q in quotes
    ]
    event = Event(
        f"{article.id}-e1",
        data.draw(st.sampled_from([None, "1994", "2001/2009"])),
        data.draw(TEXT),
        article.paragraphs[0],
        article.id,
        0,
        tuple(a.id for a in actors[:1]),
        ("t",),
    )
    topic = Topic(
        "t",
        data.draw(TEXT),
        data.draw(TEXT),
        (article.id,),
        tuple(q.id for q in quotes),
        ((article.id, 0),),
        True,
        proposal=data.draw(TEXT),
        questions=(
            Question(data.draw(TEXT), data.draw(st.none() | TEXT), "passages"),
            Question(data.draw(TEXT), data.draw(st.none() | TEXT), "positions"),
            Question(data.draw(TEXT), None, "history"),
        ),
    )
    positions = tuple(
        Position(
            "t",
            a.id,
            data.draw(st.sampled_from(["for", "against", "conditional", "undecided"])),
            data.draw(TEXT),
            None,
            (Evidence(article.id, 0, 0, len(article.paragraphs[0]), None, None, "for"),),
            curated=data.draw(st.booleans()),
            condition=data.draw(st.none() | TEXT),
        )
        for a in actors[:2]
    )
    return Corpus((article,), tuple(actors), tuple(quotes), (topic,), (event,), positions=positions)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # the same cases on every run: CI is not a lottery
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    body=st.one_of(TEXT, STRUCTURE),
    title=st.none() | TEXT,
    fmt=st.sampled_from(["plain", "markdown", "seed"]),
    site_title=TEXT,
    data=st.data(),
)
def test_ingest_and_render_give_an_error_or_pages_without_live_markup(
    tmp_path_factory, body, title, fmt, site_title, data
):
    folder = tmp_path_factory.mktemp("fuzz")
    if fmt == "markdown":
        front = yaml.safe_dump({"title": title, "source": data.draw(TEXT)}, allow_unicode=True)
        content = f"---\n{front}---\n\n{body}\n"
    elif fmt == "seed":
        content = f"[{data.draw(TEXT)}]\nBy\n{data.draw(TEXT)}\nOSLO\n\u2014 {body}\n"
    else:
        content = body
    path = folder / "article.txt"
    path.write_text(content, encoding="utf-8")
    try:
        article = read_article(path)
    except IngestError as e:
        assert str(e).startswith(str(path)) and "\n" not in str(e)
        return
    corpus = corpus_from(article, data)
    pages = render_site(corpus, ROOT / "templates", {"title": site_title, "intro": body})
    for name, page in pages.items():
        if not name.endswith(".md"):
            continue
        assert live_markup(page) == [], name
    # Every paragraph of the article keeps its anchor: no fence or block swallowed it.
    MD.reset()
    html = MD.convert(pages[f"articles/{article.id}.md"])
    for n in range(1, len(article.paragraphs) + 1):
        assert f'id="p-{n}"' in html, n
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", MD.convert(page), re.S)
        assert h1 is not None and "<" not in re.sub(r"</?(a|em|strong)\b[^>]*>", "", h1.group(1))


def test_the_fuzz_checker_sees_markup():
    """The property above is not vacuous: the checker flags what escaping prevents."""
    assert live_markup("<script>alert(1)</script>")
    assert live_markup("[x](javascript:alert(1))")
    assert live_markup('text\n{: onclick="x" }')
    assert live_markup("<img src=x>")
    assert live_markup("# Heading\n\nplain") == []
    assert live_markup("~~~\nx\n~~~")  # a fence: <pre><code>
    assert Path(ROOT / "templates").is_dir()
