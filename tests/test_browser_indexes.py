"""A people and an organizations index too long for one page, in a real browser:
a page per letter (generator/indexpages.py), each fitting a phone, and a box on
every one of them that finds a name on any page (assets/filter.js). The site is
built from a made-up corpus of 650 people and 500 organizations (tests/bigcast.py)."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading

import pytest

from generator.render import render_site

from .bigcast import big_corpus
from .conftest import ROOT, mkdocs_build
from .test_browser import _Quiet, browser, pytestmark, shot  # noqa: F401

WIDTHS = [390, 1280]


@pytest.fixture(scope="module")
def big_server(tmp_path_factory):
    root = tmp_path_factory.mktemp("big")
    docs = root / "site_src"
    pages = render_site(big_corpus(), ROOT / "templates", {"title": "Roll call", "intro": "x"})
    for path, text in pages.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    shutil.copytree(ROOT / "site_src" / "assets", docs / "assets")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^custom_dir: \S+", f"custom_dir: {ROOT / 'overrides'}", config)
    config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    mkdocs_build(root, root / "site")
    handler = functools.partial(_Quiet, directory=str(root / "site"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture
def open_page(browser, big_server):  # noqa: F811
    made = []

    def _open(path: str, width: int = 1280, scheme: str = "light", js: bool = True):
        ctx = browser.new_context(
            viewport={"width": width, "height": 900}, color_scheme=scheme, java_script_enabled=js
        )
        page = ctx.new_page()
        page.errors = []
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
        made.append((ctx, page))
        page.goto(big_server + path)
        return page

    yield _open
    for ctx, page in made:
        assert page.errors == []
        ctx.close()


def _found(page) -> list[str]:
    return [
        a.strip() for a in page.locator(".row-filter__found li > :first-child").all_inner_texts()
    ]


def _type(page, text: str) -> None:
    box = page.locator(".row-filter input")
    box.fill("")
    box.press_sequentially(text, delay=10)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_box_on_the_index_finds_a_name_on_any_page(open_page, big_server, width):
    page = open_page("/actors/people/", width)
    most = page.locator(".filterable table")
    assert most.is_visible() and most.locator("tbody tr").count() == 25
    _type(page, "bo sabley")
    page.locator(".row-filter__found li").first.wait_for()
    assert _found(page) == ["Bo Sabley"]
    assert page.locator(".row-filter__count").inner_text() == "1 of 653"
    assert "Mayor of Town 1, Ruritania" in page.locator(".row-filter__found li").inner_text()
    assert not most.is_visible()  # what the box found, in its place
    if width == 390:
        shot(page, "big-people-found-390")
    # The names most in the articles first, then in the index's order.
    _type(page, "ab")
    page.locator(".row-filter__found li").first.wait_for()
    assert _found(page)[:2] == ["Anna Abley", "Anna Abton"]  # in two articles; Bo Abley in one
    # Many found: the first fifty, and how many there are.
    _type(page, "anna")
    page.wait_for_function("document.querySelectorAll('.row-filter__found li').length === 50")
    assert page.locator(".row-filter__count").inner_text() == "the first 50 of 80 found"
    _type(page, "zzzz")
    page.wait_for_function(
        "document.querySelector('.row-filter__count').textContent === '0 of 653'"
    )
    assert _found(page) == []
    page.locator(".row-filter input").fill("")
    assert most.is_visible() and page.locator(".row-filter__found").is_hidden()
    # A name found leads where its row does: a line on the article page.
    _type(page, "bo sabley")
    page.locator(".row-filter__found a").first.click()
    page.wait_for_url("**/articles/a/#who-x1")


def test_when_the_names_cannot_be_read_the_page_stays_as_it_was(browser, big_server):  # noqa: F811
    ctx = browser.new_context()
    page = ctx.new_page()
    page.route("**/names.json", lambda route: route.fulfill(status=404, body=""))
    page.goto(big_server + "/actors/people/")
    _type(page, "sabley")
    page.wait_for_function(
        "document.querySelector('.row-filter__count').textContent.includes('could not')"
    )
    assert page.locator(".filterable table").is_visible()
    assert page.locator(".row-filter__found").is_hidden()
    ctx.close()


def test_the_box_on_a_letter_page_finds_names_on_the_others(open_page):
    page = open_page("/actors/people/sa/")
    _type(page, "orrley")
    page.locator(".row-filter__found li").first.wait_for()
    assert _found(page)[:2] == ["Anna Orrley", "Bo Orrley"]
    page = open_page("/actors/organizations/")
    _type(page, "sabley trust")
    page.locator(".row-filter__found li").first.wait_for()
    assert _found(page) == ["Sabley Trust"]
    assert "Organization" in page.locator(".row-filter__found li").inner_text()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_quotations_index_finds_a_speaker_on_their_letters_page(open_page, width):
    """More speakers than a page's rows: the index lists none, and its box finds
    them, leading to their statements on the page of their letter."""
    page = open_page("/quotes/", width)
    assert page.locator(".filterable table").count() == 0
    _type(page, "cai sabley")
    page.locator(".row-filter__found li").first.wait_for()
    assert _found(page) == ["Cai Sabley"]
    assert "1 statement" in page.locator(".row-filter__found li").inner_text()
    if width == 390:
        shot(page, "big-quotes-found-390")
    page.locator(".row-filter__found a").first.click()
    page.wait_for_url("**/quotes/sa/#q-x2")  # S is over a page
    assert page.locator("#q-x2").inner_text().startswith("Cai Sabley")
    # The address from before S was split finds the speaker on it, a link away.
    page.goto(page.url.replace("/quotes/sa/", "/quotes/s/"))
    page.locator("#q-x2").click()
    page.wait_for_url("**/quotes/sa/#q-x2")


def test_a_name_is_text_in_the_box_and_on_its_page(open_page):
    page = open_page("/actors/people/")
    _type(page, "eve zorn")
    page.locator(".row-filter__found li").first.wait_for()
    assert _found(page) == ['Eve "<img src=x onerror=window.bad=1>" Zorn']
    assert page.locator("article img").count() == 0
    page = open_page("/actors/people/z/")
    assert page.locator("article img").count() == 0
    assert page.evaluate("window.bad") is None


def test_without_script_the_letters_are_links(open_page):
    page = open_page("/actors/people/", js=False)
    assert page.locator(".row-filter").count() == 0
    page.locator(".letters").first.get_by_role("link", name="S", exact=True).click()
    page.wait_for_url("**/actors/people/s/")
    assert page.locator("table").count() == 0  # S is over a page: a page per two letters
    page.locator(".letters").nth(1).get_by_role("link", name="Sa", exact=True).click()
    page.wait_for_url("**/actors/people/sa/")
    assert page.locator(".people table tbody tr").count() == 100  # Sab..., Sac...


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
def test_the_letter_pages_fit_the_screen(open_page, width, scheme):
    page = open_page("/actors/people/sa/", width, scheme)
    table = page.locator(".people table")
    box = table.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
    shown = [h.strip() for h in table.locator("thead th:visible").all_inner_texts()]
    want = ["Name", "Articles", "Quotes"] if width < 600 else None
    assert shown == (want or ["Name", "Affiliation", "Roles", "Articles", "Quotes"])
    bars = page.locator(".letters")
    assert bars.count() == 2
    for i in range(2):
        b = bars.nth(i).bounding_box()
        assert b["x"] >= 0 and b["x"] + b["width"] <= width, b
    shot(page, f"big-people-sa-{scheme}-{width}")
    page = open_page("/actors/organizations/", width, scheme)
    for table in page.locator(".organizations table").all():
        box = table.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
    shot(page, f"big-organizations-{scheme}-{width}")
