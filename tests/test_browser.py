"""The built site in a real browser: Debian's Chromium driven by Playwright, the site
served on 127.0.0.1. `make test` installs Chromium when it is missing.

Screenshots of the main pages are kept in test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections import Counter
from pathlib import Path

import pytest

from .conftest import ROOT, mkdocs_build

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (make test installs it)"
)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    mkdocs_build(ROOT, site)
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.errors = []  # type: ignore[attr-defined]
    pg.requests = []  # type: ignore[attr-defined]
    pg.on("console", lambda m: m.type == "error" and pg.errors.append(m.text))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("request", lambda r: pg.requests.append(r.url))
    yield pg
    # Nothing leaves the machine, and nothing went wrong in the page.
    outside = [u for u in pg.requests if not u.startswith((server, "data:", "blob:"))]
    assert outside == []
    assert pg.errors == []
    ctx.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def test_home_to_an_actor(page, server):
    page.goto(server + "/")
    assert page.locator("h1").first.inner_text() == "North Korea's nuclear programme, explained"
    shot(page, "home")
    page.get_by_role("link", name="Mike Pompeo", exact=True).first.click()
    page.wait_for_url("**/actors/mike-pompeo/")
    assert page.locator("h1").first.inner_text() == "Mike Pompeo"
    assert "Secretary of State" in page.locator("article").inner_text()
    shot(page, "actor")


def _search(page, query: str) -> list[str]:
    page.locator("[data-explainer-search-open]").click()
    box = page.locator(".explainer-search__box input")
    box.fill("")
    box.press_sequentially(query, delay=30)
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=15000)
    return [a.get_attribute("href") for a in page.locator(".pagefind-ui__result-link").all()]


def test_search_is_fetched_only_when_the_reader_searches(page, server):
    page.goto(server + "/actors/mike-pompeo/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in page.requests if "/pagefind/" in u or "search_index" in u]
    results = _search(page, "Pompeo")
    fetched = [u for u in page.requests if "/pagefind/" in u]
    assert fetched and results[0] == "/actors/mike-pompeo/"
    page.locator(".pagefind-ui__result-link").first.click()
    page.wait_for_url("**/actors/mike-pompeo/")
    assert "Pompeo" in page.locator("article").inner_text()


@pytest.mark.parametrize(
    "query, first", [("freeze", "/history/freezes/"), ("sanctions", "/history/sanctions/")]
)
def test_search_ranks_the_page_a_reader_wants_first(page, server, query, first):
    page.goto(server + "/")
    assert _search(page, query)[0] == first


def test_quote_source_link_lands_on_the_paragraph(page, server):
    page.goto(server + "/actors/kang-kyung-wha/")
    link = page.get_by_role("link", name="in context, paragraph 18").first
    link.click()
    page.wait_for_url("**/articles/000-d467db3020d79956/#q*")
    anchor = page.url.split("#", 1)[1]
    target = page.locator(f"#{anchor}")
    assert "This is the first time" in target.inner_text()
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < 900  # scrolled into view
    shot(page, "article-at-quote")


def test_topic_to_history(page, server):
    page.goto(server + "/topics/freezes/")
    page.get_by_role("link", name="Read its history, in order").click()
    page.wait_for_url("**/history/freezes/")
    # The editors' name as they wrote it, never lowercased into a sentence.
    assert page.locator("h1").first.inner_text() == "Freezes and test moratoriums: the history"
    text = page.locator("article").inner_text()
    assert (
        text.index("1994") < text.index("2008") < text.index("Latest") < text.index("June 12, 2018")
    )
    shot(page, "history")
    page.goto(server + "/timeline/")
    assert page.locator("svg.timeline circle").count() >= 5
    page.locator('svg.timeline a[href="#y-1994"] circle').click()
    assert page.url.endswith("#y-1994")
    assert page.locator("#y-1994").inner_text().startswith("1994")
    shot(page, "timeline")


def test_long_tables_sort(page, server):
    page.goto(server + "/actors/people/")
    first = page.locator("tbody tr td").first.inner_text()
    page.get_by_role("button", name="Name").click()
    page.get_by_role("button", name="Name").click()  # descending
    assert page.locator("tbody tr td").first.inner_text() != first
    shot(page, "people")


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize(
    ("path", "graphic", "least"),
    [("/timeline/", "svg.timeline", 5), ("/history/freezes/", "svg.episodes", 2)],
)
def test_timeline_labels_are_legible_and_apart(browser, server, width, path, graphic, least):
    """The timeline and a history's episodes, on a phone and on a desktop: every
    label at least 11 px high, on the page, and no two labels' boxes overlapping."""
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    page = ctx.new_page()
    page.goto(server + path)
    labels = page.locator(f"{graphic} text")
    assert labels.count() >= least
    boxes = [labels.nth(i).bounding_box() for i in range(labels.count())]
    # As drawn, not as declared: an SVG scaled to the page scales its text too.
    assert min(b["height"] for b in boxes) >= 11, boxes
    for i, a in enumerate(boxes):
        assert a["x"] >= 0 and a["x"] + a["width"] <= width, a  # on the page
        for b in boxes[i + 1 :]:
            apart = (
                a["x"] + a["width"] <= b["x"]
                or b["x"] + b["width"] <= a["x"]
                or a["y"] + a["height"] <= b["y"]
                or b["y"] + b["height"] <= a["y"]
            )
            assert apart, (a, b)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{graphic.split('.')[1]}-{width}.png"), full_page=True)
    ctx.close()


def test_a_quotations_speaker_can_be_read_on_the_article_page(page, server):
    """On hover (title), on a tap (focus shows it), and to a screen reader (the
    name before the words)."""
    page.goto(server + "/articles/000-d467db3020d79956/")
    mark = page.locator("mark.quote[title]").first
    title = mark.get_attribute("title")
    assert title.startswith("Said by ")
    name = title.removeprefix("Said by ")
    assert mark.text_content().startswith(f"{name}: ")
    mark.focus()
    after = mark.evaluate("el => getComputedStyle(el, '::after').content")
    assert name in after
    # Each actor linked once a paragraph: no paragraph links the same page twice.
    hrefs = page.locator("p.para").evaluate_all(
        "ps => ps.map(p => [...p.querySelectorAll('a')].map(a => a.getAttribute('href')))"
    )
    assert all(len(h) == len(set(h)) for h in hrefs)


def test_the_home_page_answers_the_lead_topics_questions_above_the_fold(browser, server):
    """At 1280 x 800, every "What to know" card, question and answer, is on screen
    before any scrolling; on a phone the cards stack, each whole and readable."""
    for width, height, wide in ((1280, 800, True), (390, 844, False)):
        ctx = browser.new_context(viewport={"width": width, "height": height})
        page = ctx.new_page()
        page.goto(server + "/")
        cards = page.locator(".grid.cards.know > ul > li")
        assert cards.count() == 3
        texts = cards.all_inner_texts()
        assert texts[0].startswith("What is a freeze?")
        assert "For:" in texts[1] and "Against:" in texts[1] and "On a condition:" in texts[1]
        assert "1994" in texts[2]
        boxes = [cards.nth(i).bounding_box() for i in range(3)]
        for box in boxes:
            assert box["x"] >= 0 and box["x"] + box["width"] <= width
            if wide:
                assert box["y"] + box["height"] <= height, "a card ends below the fold"
        if not wide:
            assert boxes[1]["y"] >= boxes[0]["y"] + boxes[0]["height"]  # stacked
        shot(page, f"home-{width}")
        ctx.close()


def test_where_they_stand_on_the_topic_page(page, server):
    page.goto(server + "/topics/freezes/")
    table = page.locator("h2#where-they-stand ~ div table, h2#where-they-stand ~ table").first
    rows = table.locator("tbody tr").all_inner_texts()
    # The first cell names the actor, and the country an official spoke for.
    who = {r.split("\t")[0].split(", for ")[0]: r for r in rows}
    assert "For" in who["China"] and "On a condition" in who["Kye Chun-yong"]
    assert "Against" in who["Rex W. Tillerson"]
    # The evidence links to its paragraph.
    href = table.locator("tbody tr").first.locator("a[href*='#p-']").first.get_attribute("href")
    assert "/articles/" in href


def _luminance(css: str) -> float:
    """Relative luminance of a CSS rgb()/rgba() colour (WCAG)."""
    import re

    r, g, b = (int(x) / 255 for x in re.findall(r"[\d.]+", css)[:3])

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def _contrast(fg: str, bg: str) -> float:
    a, b = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


@pytest.mark.parametrize("scheme, palette", [("light", "default"), ("dark", "slate")])
@pytest.mark.parametrize("width", [390, 1280])
def test_both_colour_schemes_follow_the_device_and_stay_legible(
    browser, server, scheme, palette, width
):
    ctx = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = ctx.new_page()
    page.goto(server + "/articles/000-d467db3020d79956/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == palette
    mark = page.locator("mark.quote").first
    fg, bg = mark.evaluate("e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]")
    assert _contrast(fg, bg) >= 4.5, (fg, bg)  # a quotation's highlight, in either scheme
    body_fg, body_bg = page.locator("article").first.evaluate(
        "e => [getComputedStyle(e).color, getComputedStyle(document.body).backgroundColor]"
    )
    assert _contrast(body_fg, body_bg) >= 4.5
    shot(page, f"article-{palette}-{width}")
    page.goto(server + "/topics/freezes/")
    shot(page, f"topic-{palette}-{width}")
    # The toggle switches the scheme whatever the device says.
    page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    other = "slate" if palette == "default" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == other
    ctx.close()


def test_home_answers_fit_a_phone_screen(browser, server):
    """At 390 x 844 the three "What to know" answers are in the first screen."""
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    page = ctx.new_page()
    page.goto(server + "/")
    cards = page.locator(".grid.cards.know > ul > li").all()
    assert len(cards) == 3
    bottom = max(c.bounding_box()["y"] + c.bounding_box()["height"] for c in cards)
    assert bottom <= 844, bottom
    shot(page, "home-390")
    ctx.close()


def test_every_page_links_the_feed(page, server):
    import xml.etree.ElementTree as ET
    from urllib.parse import urljoin

    for path in ("/", "/actors/mike-pompeo/", "/topics/sanctions/"):
        page.goto(server + path)
        link = page.locator('link[rel="alternate"][type="application/atom+xml"]')
        url = urljoin(page.url, link.get_attribute("href"))
        assert url == server + "/feed.xml"
    r = page.request.get(server + "/feed.xml")
    assert r.status == 200
    root = ET.fromstring(r.body())
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_phone_and_desktop_layout(browser, server, width, scheme):
    """The people and organizations tables fit the screen (on a phone: name,
    articles, quotations);
    the episodes have a year axis; the "What to know" cards on a topic page are
    three to a row or one per row, never two and an orphan."""
    ctx = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = ctx.new_page()
    page.goto(server + "/actors/people/")
    table = page.locator(".people table").first
    box = table.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
    shown = [h.strip() for h in table.locator("thead th:visible").all_inner_texts()]
    want = ["Name", "Articles", "Quotes"] if width < 600 else None
    assert shown == (want or ["Name", "Affiliation", "Roles", "Articles", "Quotes"])
    shot(page, f"people-{scheme}-{width}")
    page.goto(server + "/actors/organizations/")
    for table in page.locator(".organizations table").all():
        box = table.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
        shown = [h.strip() for h in table.locator("thead th:visible").all_inner_texts()]
        assert shown == ["Name", "Articles", "Quotes"] if width < 600 else len(shown) == 4

    page.goto(server + "/history/freezes/")
    years = page.locator("svg.episodes text.year").all_text_contents()
    assert years[0] == "1994" and years[-1] == "2009" and len(years) >= 3, years
    assert years == sorted(years)

    page.goto(server + "/topics/freezes/")
    cards = page.locator(".grid.cards.know > ul > li")
    assert cards.count() == 3
    rows = Counter(round(cards.nth(i).bounding_box()["y"]) for i in range(3))
    assert sorted(rows.values()) in ([3], [1, 1, 1]), rows
    # The home page's compact cards clip on a phone; a topic page's give every word.
    clipped = page.evaluate(
        """() => [...document.querySelectorAll('.grid.cards.know li p, .grid.cards.know li li')]
            .filter(e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
            .map(e => e.textContent.slice(0, 40))"""
    )
    assert clipped == [], clipped
    shot(page, f"topic-cards-{scheme}-{width}")
    ctx.close()


@pytest.mark.parametrize(
    ("path", "typed", "wanted"),
    [
        ("/actors/people/", "pompeo", ["Mike Pompeo"]),
        ("/actors/people/", "POMPÉO", ["Mike Pompeo"]),
        ("/actors/people/", "kim jong", ["Kim Jong-un"]),
        ("/actors/people/", "zzzz", []),
        ("/quotes/", "pompeo", ["Mike Pompeo"]),
        ("/quotes/", "zzzz", []),
        # One box over the three tables (countries, organizations, groups).
        (
            "/actors/organizations/",
            "korea",
            ["North Korea", "South Korea", "Liberty Korea", "North Korean state media"],
        ),
        ("/actors/organizations/", "zzzz", []),
    ],
)
@pytest.mark.parametrize("width", [390, 1280])
def test_index_filter_hides_the_rows_not_matching(browser, server, path, typed, wanted, width):
    """The filter box over the people, speakers and organizations tables (filter.js):
    typing keeps the rows whose name has every word typed (case and accents
    aside); emptied, every row is back. Reached by instant navigation too."""
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    page = ctx.new_page()
    page.goto(server + "/")
    page.goto(server + path)
    rows = page.locator(".filterable table tbody tr")
    total = rows.count()
    assert total > 3
    box = page.locator(".filterable .row-filter input")
    box.press_sequentially(typed, delay=10)
    names = [r.locator("td").first.inner_text().strip() for r in rows.all() if r.is_visible()]
    assert names == wanted
    assert page.locator(".row-filter__count").inner_text() == f"{len(wanted)} of {total}"
    if width == 390 and path == "/actors/people/" and typed == "pompeo":
        shot(page, f"people-filter-{width}")
    box.fill("")
    assert len([r for r in rows.all() if r.is_visible()]) == total
    ctx.close()


def test_index_filter_survives_instant_navigation(page, server):
    """Through the nav (Material's instant navigation, when on), the box is there
    once and works."""
    page.goto(server + "/")
    page.get_by_role("link", name="Who is who").first.click()
    page.goto(server + "/actors/people/")
    assert page.locator(".row-filter input").count() == 1
    page.locator(".row-filter input").press_sequentially("trump", delay=10)
    visible = [r for r in page.locator(".filterable tbody tr").all() if r.is_visible()]
    assert visible and all("Trump" in r.inner_text() for r in visible)


def test_index_filter_is_an_enhancement_and_runs_once_a_page(browser, server):
    """Without JavaScript the table is whole and there is no box; with it, a second
    page event from Material (`document$`, what instant navigation sends) adds no
    second box; what is typed is matched as text, never made markup."""
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(server + "/actors/people/")
    rows = page.locator(".filterable table tbody tr")
    assert rows.count() > 3 and all(r.is_visible() for r in rows.all())
    assert page.locator(".row-filter").count() == 0
    ctx.close()

    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    page = ctx.new_page()
    page.goto(server + "/actors/people/")
    page.wait_for_function("!!(window.document$ && window.document$.next)")
    page.evaluate("document$.next(document)")
    assert page.locator(".row-filter input").count() == 1
    box = page.locator(".row-filter input")
    box.press_sequentially("<img src=x onerror=window.bad=1>", delay=5)
    total = page.locator(".filterable table tbody tr").count()
    assert page.locator(".row-filter__count").inner_text() == f"0 of {total}"
    assert page.locator(".filterable img").count() == 0
    assert page.evaluate("window.bad") is None
    ctx.close()


def test_an_actor_page_that_went_leads_to_their_line_and_paragraph(page, server):
    """Xi Jinping, named in one seed article and not quoted, has no page
    (castview.has_page): his old address, and his row in the people index, lead to
    his line on the article page; the line leads to the paragraph."""
    page.goto(server + "/actors/xi-jinping/")
    page.wait_for_url("**/articles/000-d467db3020d79956/#who-xi-jinping")
    line = page.locator("#who-xi-jinping")
    assert line.inner_text() == "Xi Jinping"
    box = line.bounding_box()
    assert box is not None and 0 <= box["y"] < 900  # scrolled into view
    shot(page, "moved-actor-line")
    line.click()
    page.wait_for_url("**/articles/000-d467db3020d79956/#p-4")
    assert "Xi" in page.locator("#p-4").inner_text()
    page.goto(server + "/actors/people/")
    page.get_by_role("link", name="Xi Jinping", exact=True).click()
    page.wait_for_url("**/articles/000-d467db3020d79956/#who-xi-jinping")
