"""The people and organizations indexes, split by initial once they are long.

At 840 articles the people index was one table of 2,993 rows (443 KB, 21,000
DOM nodes, 5 s to open on a slow phone) and the organizations' 2,534. An index
of up to `INDEX_ROWS` rows stays one page; a longer one becomes a page per
initial, as a printed index has, and an initial with more rows than that a page
per two letters ("Sa", "Sc"...), down to `DEPTH` letters. A page's address
depends on its initial alone, so one new name changes the page of its initial
and no other; the root page keeps the index's address and leads to the others,
with the most named on it and a filter over every name (`names_json`, read by
assets/filter.js only when the reader types).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.escape import plain
from generator.markup import KIND_LABELS
from generator.model import Actor, Article
from generator.saidpages import quotes_page, speaker_anchor
from generator.wording import count, human_date

if TYPE_CHECKING:
    from generator.siteviews import Site

INDEX_ROWS = 400  # rows of a page (about 60 KB of HTML for the people's five columns)
DEPTH = 3  # letters of the longest prefix: past it, a page is as long as its names make it
NEWEST_ARTICLES = 50  # the articles list's own page, when there is a page per month
SPEAKERS = "quotes/speakers.json"  # the quotations index's list of every speaker
OTHER = "other"  # names with no letter a to z ("李"), or that start with a digit ("1st ...")
# Letters that are no accented a to z, as a reader looks them up (filter.js has the same).
_LETTERS = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ı": "i"}
)


def fold(text: str) -> str:
    """The letters a to z of `text`, accents and case set aside ("Peña" -> "pena",
    "Ørsted" -> "orsted"); nothing for a name that starts with a digit."""
    lead = next((c for c in text if c.isalnum()), "")
    if lead.isdigit():
        return ""
    plain = unicodedata.normalize("NFD", text.lower().translate(_LETTERS))
    return "".join(c for c in plain.encode("ascii", "ignore").decode() if "a" <= c <= "z")


@dataclass(frozen=True)
class IndexPage:
    """One page of an index: `prefix` "" for the index itself, else its initial(s)
    ("s", "sa", or OTHER); either the `rows` it lists or, split, the `parts` it
    leads to as (prefix, rows under it)."""

    prefix: str
    rows: tuple[Actor, ...] = ()
    parts: tuple[tuple[str, int], ...] = ()

    @property
    def label(self) -> str:
        return page_label(self.prefix)


def page_label(prefix: str) -> str:
    """How a page at `prefix` is named: "S", "Sa", "Other"."""
    return "Other" if prefix == OTHER else prefix.capitalize()


def within(prefix: str, part: str) -> bool:
    """Whether the page at `prefix` is `part` or under it ("sa" under "s", but
    "other" not under "o")."""
    return prefix == part or (prefix != OTHER and prefix.startswith(part))


def split_index(
    actors: list[Actor],
    key: Callable[[Actor], str],
    limit: int = INDEX_ROWS,
    size: Callable[[Actor], int] | None = None,
    by_letter: bool = False,
) -> list[IndexPage]:
    """The pages of an index of `actors` (in the order their rows take), by the
    folded `key` of each (a person's family name); the index's own page first,
    then the others by prefix. A page holds up to `limit` rows, or of `size`
    (what each row takes: a speaker's statements); `by_letter`, a page per
    letter however few. Within a page, rows keep their order but for the
    folding ("Ábel" among the A's)."""
    keyed = [(fold(key(a)), i, a) for i, a in enumerate(actors)]
    pages: list[IndexPage] = []

    def fits(prefix: str, group: list[tuple[str, int, Actor]]) -> bool:
        if by_letter and not prefix:
            return False
        return (sum(size(a) for *_, a in group) if size else len(group)) <= limit

    def walk(prefix: str, group: list[tuple[str, int, Actor]]) -> None:
        if fits(prefix, group) or len(prefix) >= DEPTH or prefix == OTHER:
            pages.append(IndexPage(prefix, tuple(a for *_, a in sorted(group))))
            return
        parts: dict[str, list] = {}
        n = len(prefix) + 1
        for item in group:
            k = item[0]
            # A key shorter than the prefix goes to the first page after it, where
            # the alphabet puts it ("Ng" before "Nga").
            part = k[:n].ljust(n, "a") if k else OTHER
            parts.setdefault(part, []).append(item)
        order = sorted(parts, key=lambda p: (p == OTHER, p))
        pages.append(IndexPage(prefix, parts=tuple((p, len(parts[p])) for p in order)))
        for p in order:
            walk(p, parts[p])

    walk("", keyed)
    return pages


def letter_bars(pages: dict[str, IndexPage], prefix: str) -> list[tuple[tuple[str, int], ...]]:
    """The rows of links a page at `prefix` shows: the parts of the index and of
    each page above it ("" and "s" for "sa"), then its own parts if it is split."""
    above = [""] if prefix else []
    if prefix != OTHER:
        above += [prefix[:n] for n in range(1, len(prefix))]
    page = pages[prefix]
    return [pages[p].parts for p in above] + ([page.parts] if page.parts else [])


def index_path(kind: str, prefix: str) -> str:
    """The page of site_src/ of the index `kind` ("people", "organizations") at
    `prefix`: the index itself for ""."""
    return f"actors/{kind}.md" if not prefix else f"actors/{kind}/{prefix}.md"


def names_path(kind: str) -> str:
    """The file of every name in the index `kind`, for the filter across pages."""
    return f"actors/{kind}/names.json"


def names_url(prefix: str) -> str:
    """`names_path` as a page at `prefix` reaches it (directory URLs: the index is
    at actors/people/, its pages at actors/people/s/)."""
    return "names.json" if not prefix else "../names.json"


def url_of(page: str, anchor: str | None = None) -> str:
    """The address of a page of site_src/ from the site's root, as MkDocs writes
    it with directory URLs ("actors/x.md" -> "actors/x/")."""
    url = page.removesuffix(".md")
    url = "" if url == "index" else url.removesuffix("/index") + "/"
    return f"{url}#{anchor}" if anchor else url


Named = tuple[Actor, tuple[str, str | None] | None, str, int]


def names_json(path: str, rows: list[Named]) -> str:
    """The file `path` of every name of an index, as filter.js reads it: for each
    of `rows` (actor, where a link to them goes as a page of site_src/ and an
    anchor, a few words on who they are, how much they are in: articles or
    statements), [name, address, words, other names, how much], the address
    relative to this file; the box lists the names found by the last, most
    first. Written by json.dumps and read by the script as text, never as markup."""
    up = "../" * path.count("/")
    names = []
    for actor, target, about, weight in rows:
        href = up + url_of(*target) if target else None
        # One line, with no control or direction characters, as in <title>.
        also = plain(" ".join(actor.aliases))
        names.append([plain(actor.name), href, plain(about), also, weight])
    return json.dumps({"names": names}, ensure_ascii=False, separators=(",", ":")) + "\n"


def names_files(site: Site) -> dict[str, str]:
    """The lists of every name that a split index's box reads, and the quotations
    index's when it has more speakers than a page's rows (it then lists none)."""
    out = {}
    for kind in ("people", "organizations"):
        pages = site.cast.index(kind)
        if len(pages) > 1:
            rows = []
            for a in (a for page in pages for a in page.rows):
                if a.kind == "person":
                    about = ", ".join(
                        [*site.cast.role_titles(a)[:1], *filter(None, [a.affiliation])]
                    )
                else:
                    about = KIND_LABELS.get(a.kind, a.kind)
                rows.append((a, site.cast.target(a), about, len(set(a.articles))))
            out[names_path(kind)] = names_json(names_path(kind), rows)
    if len(site.cast.speakers()) > INDEX_ROWS:
        rows = [
            (
                a,
                (quotes_page(page.prefix), speaker_anchor(a.id)),
                count(len(said), "statement"),
                len(said),
            )
            for page, speakers in site.cast.quotation_pages()
            for a, said in speakers
        ]
        out[SPEAKERS] = names_json(SPEAKERS, rows)
    return out


# One month of the articles list: (key "2016-05" or "undated", label, articles).
ArticleMonth = tuple[str, str, list[Article]]


def article_months(articles: list[Article]) -> list[ArticleMonth]:
    """The articles (newest first) by month, for a list longer than `INDEX_ROWS`:
    newest month first, undated last; none for a shorter one, which is one page."""
    if len(articles) <= INDEX_ROWS:
        return []
    months: dict[str, list[Article]] = {}
    for a in articles:
        months.setdefault(a.date[:7] if a.date else "undated", []).append(a)
    keys = sorted((k for k in months if k != "undated"), reverse=True)
    keys += ["undated"] if "undated" in months else []
    return [(k, human_date(k) if k != "undated" else "Undated", months[k]) for k in keys]


def month_path(key: str) -> str:
    """The page of the articles of month `key`."""
    return f"articles/by-month/{key}.md"
