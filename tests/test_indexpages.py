"""The people and organizations indexes split by initial once long
(generator/indexpages.py): which page each name is on, the links between the
pages, and the list of every name the filter reads."""

from __future__ import annotations

import html
import json
import re
from posixpath import dirname, join, normpath

import pytest

from generator.castview import Cast
from generator.indexpages import (
    INDEX_ROWS,
    NEWEST_ARTICLES,
    OTHER,
    IndexPage,
    article_months,
    fold,
    letter_bars,
    names_url,
    split_index,
    url_of,
    within,
)
from generator.model import Actor, Article, Corpus
from generator.pagefind_hook import indexed
from generator.render import render_site

from .bigcast import big_corpus, organizations, people
from .conftest import ROOT


def actors(*families: str) -> list[Actor]:
    return [Actor(f"a{i}", f"Jo {f}", "person") for i, f in enumerate(families)]


def family(a: Actor) -> str:
    return a.name.split(" ", 1)[1]


def layout(pages: list[IndexPage]) -> list[tuple[str, list[str]]]:
    return [(p.prefix, [p_ for p_, _ in p.parts] or [family(a) for a in p.rows]) for p in pages]


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Peña", "pena"),
        ("O'Brien", "obrien"),
        ("Åsa-Bäck", "asaback"),
        ("Ørsted", "orsted"),
        ("Łukasz", "lukasz"),
        ("Strauß", "strauss"),
        ("李", ""),
        ("", ""),
        ("1st Marine Division", ""),  # on "other", not under S
        ("The 9/11 Commission", "thecommission"),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("families", "limit", "want"),
    [
        # Short: one page, in the order given but for the folding.
        (["Bo", "Ál", "Cy"], 3, [("", ["Ál", "Bo", "Cy"])]),
        # Nothing to list: still the index's own page.
        ([], 3, [("", [])]),
        # Long: a page per initial; a name with no Latin letter on "other", last.
        (
            ["Bo", "Al", "李", "Cy", "Ax"],
            3,
            [
                ("", ["a", "b", "c", OTHER]),
                ("a", ["Al", "Ax"]),
                ("b", ["Bo"]),
                ("c", ["Cy"]),
                (OTHER, ["李"]),
            ],
        ),
        # An initial over the limit: a page per two letters under it; a name shorter
        # than the prefix goes where the alphabet puts it ("S" before "Sab").
        (
            ["Sab", "Sob", "Sal", "S", "Tu"],
            3,
            [
                ("", ["s", "t"]),
                ("s", ["sa", "so"]),
                ("sa", ["S", "Sab", "Sal"]),
                ("so", ["Sob"]),
                ("t", ["Tu"]),
            ],
        ),
        # "other" is not under "o".
        (
            ["Orr", "李", "Oz", "Ng"],
            3,
            [("", ["n", "o", OTHER]), ("n", ["Ng"]), ("o", ["Orr", "Oz"]), (OTHER, ["李"])],
        ),
        # The same letters past DEPTH: one page, however long.
        (
            ["Sabi", "Saba", "Sabo", "Sabu"],
            1,
            [
                ("", ["s"]),
                ("s", ["sa"]),
                ("sa", ["sab"]),
                ("sab", ["Saba", "Sabi", "Sabo", "Sabu"]),
            ],
        ),
    ],
)
def test_split_index(families, limit, want):
    pages = split_index(actors(*families), family, limit)
    assert layout(pages) == want
    # Every name on exactly one page, and a page's parts count the names under it.
    assert sorted(a.id for p in pages for a in p.rows) == sorted(a.id for a in actors(*families))
    by = {p.prefix: p for p in pages}
    for p in pages:
        for prefix, n in p.parts:
            under = [a for q in pages if within(q.prefix, prefix) for a in q.rows]
            assert n == len(under), (prefix, n)
            assert by[prefix]


@pytest.mark.parametrize(
    ("families", "sizes", "by_letter", "want"),
    [
        # What each row takes, not the rows, against the limit of 4.
        (["Al", "Bo"], [1, 1], False, [("", ["Al", "Bo"])]),
        (["Al", "Bo"], [3, 2], False, [("", ["a", "b"]), ("a", ["Al"]), ("b", ["Bo"])]),
        (
            ["Sab", "Sob", "Tu"],
            [3, 2, 1],
            False,
            [
                ("", ["s", "t"]),
                ("s", ["sa", "so"]),
                ("sa", ["Sab"]),
                ("so", ["Sob"]),
                ("t", ["Tu"]),
            ],
        ),
        # A page per letter however short (the quotations).
        (["Al", "Bo"], [1, 1], True, [("", ["a", "b"]), ("a", ["Al"]), ("b", ["Bo"])]),
        ([], [], True, [("", [])]),
    ],
)
def test_split_index_by_size(families, sizes, by_letter, want):
    rows = actors(*families)
    size = dict(zip((a.id for a in rows), sizes, strict=True))
    pages = split_index(rows, family, 4, size=lambda a: size[a.id], by_letter=by_letter)
    assert layout(pages) == want


@pytest.mark.parametrize(
    ("name", "aliases", "family"),
    [
        ("Donald Trump", ["Donald", "Mr. Trump", "President Donald Trump"], "trump"),
        ("Bernie Sanders", ["Bernie", "Sanders"], "sanders"),
        ("Barack Obama", ["President Barack", "Mr. Obama"], "obama"),
        ("Amy Klobuchar", ["Amy"], "klobuchar"),  # a first name alone says nothing
        ("Kim Jong-un", ["Mr. Kim"], "kim"),
        ("Kim Jong-un", ["Kim"], "kim"),  # Jong-un: a Korean given name
        ("Xi Jinping", ["Mr. Xi", "Xi"], "xi"),
        ("Moon Jae-in", ["Moon", "Mr. Moon", "President Moon Jae-in"], "moon"),
        ("Martin Luther King Jr.", [], "king"),
        ("Joe Manchin III", ["Sen. Manchin"], "manchin"),
        ("Yang Xiyu", [], "xiyu"),  # nothing says otherwise
    ],
)
def test_a_person_is_under_their_family_name(name, aliases, family):
    assert Cast.sort_name(Actor("x", name, "person", tuple(aliases)))[0] == family


def test_one_new_name_changes_one_page():
    """A page's place depends on its initial alone: a new name moves no other one."""
    before = split_index(actors("Al", "Ax", "Bo", "Cy"), family, 3)
    after = split_index(actors("Al", "Ax", "Bo", "Cy", "By"), family, 3)
    changed = {p.prefix for p in after} ^ {p.prefix for p in before}
    assert changed == set()
    differ = [a.prefix for a, b in zip(after, before, strict=True) if a != b]
    assert differ == ["", "b"]  # the count on the index, and the B page


def test_letter_bars():
    pages = {p.prefix: p for p in split_index(actors("Sab", "Sob", "Sal", "Tu", "李"), family, 2)}
    assert letter_bars(pages, "") == [pages[""].parts]
    assert letter_bars(pages, "s") == [pages[""].parts, pages["s"].parts]
    assert letter_bars(pages, "sa") == [pages[""].parts, pages["s"].parts]
    assert letter_bars(pages, OTHER) == [pages[""].parts]
    assert names_url("") == "names.json" and names_url("sa") == "../names.json"


@pytest.mark.parametrize(
    ("page", "anchor", "url"),
    [
        ("actors/mike-pompeo.md", None, "actors/mike-pompeo/"),
        ("articles/a1.md", "who-x", "articles/a1/#who-x"),
        ("index.md", None, ""),
        ("quotes/index.md", None, "quotes/"),
    ],
)
def test_url_of(page, anchor, url):
    assert url_of(page, anchor) == url


@pytest.fixture(scope="module")
def big_pages():
    return render_site(big_corpus(), ROOT / "templates", {"title": "Roll call", "intro": "x"})


def _rows(text: str) -> list[str]:
    """The names of a page's rows, as a reader reads them (md_escape undone)."""
    return [html.unescape(n) for n in re.findall(r"^\| \[([^\]]+)\]\(", text, re.M)]


def test_a_long_index_is_split_and_every_name_is_on_one_page(big_pages):
    for kind, names in [("people", people()), ("organizations", organizations())]:
        root = big_pages[f"actors/{kind}.md"]
        leaves = {
            p: t
            for p, t in big_pages.items()
            if p.startswith(f"actors/{kind}/") and p.endswith(".md")
        }
        assert f"{len(names):,} " in root
        listed = [n for t in leaves.values() for n in _rows(t)]
        assert sorted(listed) == sorted(names)
        # The index's own page keeps the most named, all of them in two articles.
        assert 0 < len(_rows(root)) <= 30
        assert all(
            re.search(r"\| 2 \| 1 \|$", line)
            for line in root.splitlines()
            if line.startswith("| [")
        )
        # Every page is short, and links the index and the pages beside it.
        for path, text in leaves.items():
            assert len(_rows(text)) <= 400, path
            assert f"[Every letter](../../actors/{kind}.md)" in text
    people_pages = sorted(p for p in big_pages if p.startswith("actors/people/"))
    assert "actors/people/sa.md" in people_pages and "actors/people/other.md" in people_pages
    assert "明 李" in _rows(big_pages["actors/people/other.md"])
    assert "Åsa Bäckström" in _rows(big_pages["actors/people/b.md"])
    # S, split, leads to its parts; Sa shows S in bold as the page it is under.
    assert "[Sa](../../actors/people/sa.md)" in big_pages["actors/people/s.md"]
    assert "**[S](../../actors/people/s.md)**" in big_pages["actors/people/sa.md"]
    assert "**Sa**\n" in big_pages["actors/people/sa.md"]


def test_the_list_of_every_name_leads_where_the_rows_do(big_pages):
    both = {n for i, n in enumerate(people() + organizations()) if i % 10 == 0}  # bigcast
    for kind in ("people", "organizations"):
        data = json.loads(big_pages[f"actors/{kind}/names.json"])
        names = data["names"]
        assert len(names) == len(people() if kind == "people" else organizations())
        for name, href, about, _also, articles in names:
            page, _, anchor = normpath(join(f"actors/{kind}", href)).partition("#")
            md = page.rstrip("/") + ".md"
            assert md in big_pages, (name, href)
            if anchor:
                assert "{: #" + anchor + " }" in big_pages[md], href
            assert about and articles == (2 if name in both else 1)
        # What a row links to is where the name leads.
        row = re.search(r"^\| \[(Bo Sabley)\]\(([^)]+)\)", big_pages["actors/people/sa.md"], re.M)
        if kind == "people":
            target = normpath(join(dirname("actors/people/sa.md"), row[2]))
            found = next(h for n, h, *_ in names if n == "Bo Sabley")
            assert normpath(join("actors/people", found)) == url_of(*target.split("#"))


def test_the_quotations_index_of_many_speakers_has_a_box_for_them(big_pages):
    index = big_pages["quotes/index.md"]
    assert 'data-names="speakers.json"' in index and "| Speaker |" not in index
    names = json.loads(big_pages["quotes/speakers.json"])["names"]
    assert len(names) == (len(people()) + 1) // 2 + len(organizations()) // 2
    for name, href, about, _also, said in names:
        page, _, anchor = normpath(join("quotes", href)).partition("#")
        assert "{ #" + anchor + " }" in big_pages[page.rstrip("/") + ".md"], (name, href)
        assert about == "1 statement" and said == 1
    # Each speaker on one page; a letter of more statements than a page shows leads
    # to a page per two letters.
    quoted = [
        html.unescape(n)
        for p, text in big_pages.items()
        if re.fullmatch(r"quotes/[a-z]+\.md", p)
        for n in re.findall(r"^## \[([^\]]+)\]", text, re.M)
    ]
    assert sorted(quoted) == sorted(n for n, *_ in names)
    assert not re.search(r"^## \[", big_pages["quotes/s.md"], re.M)
    assert "[Sa](../quotes/sa.md)" in big_pages["quotes/s.md"]
    assert "**[S](../quotes/s.md)**" in big_pages["quotes/sa.md"]
    assert "- **[S](../quotes/s.md)**: Anna Sabberg, Cai Sabberg" in index
    # An address of a speaker on S, from before S was split, still finds them there.
    assert "[Cai Sabley](../quotes/sa.md#q-x2){ #q-x2 }" in big_pages["quotes/s.md"]


def test_a_short_index_stays_one_page():
    pages = render_site(big_corpus(limit=40), ROOT / "templates")
    assert not [p for p in pages if p.startswith(("actors/people/", "actors/organizations/"))]
    assert "quotes/speakers.json" not in pages and "| Speaker |" in pages["quotes/index.md"]
    assert "data-names" not in pages["actors/people.md"]
    assert len(_rows(pages["actors/people.md"])) == 40


def _dated(dates: list[str | None]) -> list[Article]:
    arts = [
        Article(f"a{i}", f"a{i}.txt", f"Story {i}", ("x",), date=d) for i, d in enumerate(dates)
    ]
    return sorted(arts, key=lambda a: a.date or "", reverse=True)


def test_article_months():
    assert article_months(_dated(["2016-05-01"] * INDEX_ROWS)) == []  # one page
    arts = _dated(["2016-05-01", None, "2016-04-30", "2015-12-31"] * (INDEX_ROWS // 4 + 1))
    months = article_months(arts)
    assert [(k, label) for k, label, _ in months] == [
        ("2016-05", "May 2016"),
        ("2016-04", "April 2016"),
        ("2015-12", "December 2015"),
        ("undated", "Undated"),
    ]
    assert sorted(a.id for *_, m in months for a in m) == sorted(a.id for a in arts)


def test_a_long_list_of_articles_is_a_page_per_month():
    dates = [f"2016-{m:02d}-{d:02d}" for m in (3, 4, 5) for d in range(1, 29)] * 5 + [None]
    arts = _dated(dates)
    pages = render_site(Corpus(tuple(arts)), ROOT / "templates")
    index = pages["articles/index.md"]
    assert "421 articles: the newest 50 here" in index
    assert index.index("[May 2016](../articles/by-month/2016-05.md): 140 articles") < index.index(
        "[Undated](../articles/by-month/undated.md): 1 article"
    )
    assert len(re.findall(r"^\| <time", index, re.M)) == NEWEST_ARTICLES
    listed = [
        n
        for p, text in pages.items()
        if p.startswith("articles/by-month/")
        for n in re.findall(r"\]\(\.\./\.\./articles/(a\d+)\.md\)", text)
    ]
    assert sorted(listed) == sorted(a.id for a in arts)
    april = pages["articles/by-month/2016-04.md"]
    assert "Newer: [May 2016](../../articles/by-month/2016-05.md)" in april
    assert "Older: [March 2016](../../articles/by-month/2016-03.md)" in april
    assert not indexed("articles/by-month/2016-04/index.html")  # its words are on the articles
