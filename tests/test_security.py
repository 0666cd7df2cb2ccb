"""Nothing from an article or an editor's file reaches the site alive, escapes the
project, or is lost to a race.

The hostile corpus (tests/hostile.py) is generated and built strictly, scanned
whole, and every page of it opened in Chromium with a dialog listener and a
request log. The rest are the other doors: links among the inputs, the theme's
blocks, a concurrent run, `explainer diff`.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import review, sitewrite
from generator.cli import main
from generator.editorial import EditorialError, load_yaml
from generator.ingest import IngestError, read_articles
from generator.safety import scan_html, scan_site

from .conftest import ROOT
from .hostile import make_hostile_project
from .test_browser import ARGS, CHROMIUM
from .test_cli import tree
from .test_site import build


@pytest.fixture(scope="module")
def hostile(nlp, tmp_path_factory):
    project = make_hostile_project(tmp_path_factory.mktemp("hostile"))
    cwd = os.getcwd()
    os.chdir(project)
    try:
        r = CliRunner().invoke(main, ["generate"])
    finally:
        os.chdir(cwd)
    assert r.exit_code == 0, r.output
    b = build(project)
    assert b.returncode == 0, b.stderr[-3000:]
    return project


def test_the_hostile_site_has_no_live_markup_in_any_document(hostile):
    assert scan_site(hostile / "site") == []


def test_every_door_was_opened(hostile):
    """The corpus reaches every door it is meant to (else the test proves little)."""
    site = hostile / "site"
    titles = {
        p.relative_to(site).as_posix(): re.search(r"<title>(.*?)</title>", p.read_text()).group(1)
        for p in site.rglob("index.html")
        if "http-equiv" not in p.read_text()
    }
    joined = "\n".join(titles.values())
    assert "Breakout &lt;/title&gt;&lt;script data-pwn&gt;" in joined  # front matter
    assert "&amp;lt;/title&amp;gt;&amp;lt;script data-pwn" in joined  # sidecar, entities
    assert "&lt;script data-pwn&gt;alert(3)&lt;/script&gt; Officials" in joined  # derived
    # A name from the body is a page title, cut where markup starts.
    pak = [t for t in titles if t.startswith("actors/pak-ri")]
    assert pak and all(titles[t].startswith("Pak Ri - ") for t in pak)
    assert not any("title" in t or "script" in t for t in titles)  # nor in any page path
    assert "Talks &lt;/title&gt;" in joined  # a topic's name
    assert "Marit &#34;Q&#34; &amp; Berg" in joined  # a curation rename
    assert "Q&amp;A: &#34;notes&#34;" in joined  # a hand page's front matter
    notes = (site / "notes" / "index.html").read_text()
    assert 'content="A &#34;quoted&#34; description &amp; more, with a title=&#34;x' in notes
    home = (site / "index.html").read_text()
    assert "Site Breakout &lt;/title&gt;" in home  # site.yaml's title
    data = (site / "data" / "explainer-data.json").read_text()
    assert "evil<img data-pwn" in data  # a file name, as data (JSON, served as JSON)
    # What to know and Where they stand: a proposal's name, questions and an answer,
    # a curated position's summary, and a condition in an article's words.
    assert "Who wants one &lt;/title&gt;&lt;script data-pwn&gt;alert(15)" in home
    assert "Why a toll? &lt;img data-pwn" in home
    assert "Where they stand on a toll &lt;/title&gt;&lt;script data-pwn&gt;alert(14)" in home
    topic = (site / "topics" / "harbour-talks" / "index.html").read_text()
    assert "&lt;b data-pwn&gt;" in topic  # the curated summary
    assert "If the board &lt;img data-pwn" in topic  # the condition, from the article


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
def test_every_hostile_page_in_a_real_browser(hostile):
    """Every page opened in Chromium: no dialog, no request off 127.0.0.1, no element
    or attribute the templates did not put there; the search, too."""
    from playwright.sync_api import sync_playwright

    site = hostile / "site"
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    # Redirect stubs (ids only, scanned above) move on at once: not walked here.
    pages = sorted(
        "/" + p.relative_to(site).as_posix().removesuffix("index.html")
        for p in site.rglob("index.html")
        if "http-equiv" not in p.read_text(encoding="utf-8")
    )
    dialogs: list[str] = []
    requests: list[str] = []
    injected: list[str] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            ctx = browser.new_context(viewport={"width": 1280, "height": 900})
            page = ctx.new_page()
            page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
            page.on("request", lambda r: requests.append(r.url))
            for path in pages:
                page.goto(base + path)
                page.wait_for_load_state("load")
                found = page.evaluate(_INJECTED)
                injected += [f"{path}: {x}" for x in found]
            # The search index: names and titles typed in and shown as results.
            page.goto(base + "/")
            page.locator("[data-explainer-search-open]").click()
            box = page.locator(".explainer-search__box input")
            for query in ("Breakout", "Pak", "Talks", "Marit", "alert", "onerror"):
                box.fill("")
                box.press_sequentially(query, delay=20)
                page.locator(".pagefind-ui__result").first.wait_for(timeout=15000)
                injected += [f"search {query}: {x}" for x in page.evaluate(_INJECTED)]
            browser.close()
    finally:
        httpd.shutdown()
    assert len(pages) > 30
    assert dialogs == []
    assert [u for u in requests if not u.startswith((base, "data:", "blob:"))] == []
    assert injected == []


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
def test_every_link_of_the_hostile_site_clicked_in_a_real_browser(hostile):
    """Every link and area of every page clicked in Chromium: a script URL would open
    a dialog, a link off the site in the content would be one; links within the
    site are followed by the page walk, so their navigation is held back here."""
    from playwright.sync_api import sync_playwright

    site = hostile / "site"
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    pages = sorted(
        "/" + p.relative_to(site).as_posix().removesuffix("index.html")
        for p in site.rglob("index.html")
        if "http-equiv" not in p.read_text(encoding="utf-8")
    )
    dialogs: list[str] = []
    requests: list[str] = []
    offsite: list[str] = []
    clicked = 0
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_context().new_page()
            page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
            page.on("request", lambda r: requests.append(r.url))
            for path in pages:
                page.goto(base + path)
                page.wait_for_load_state("load")
                found = page.evaluate(_CLICK_ALL)
                page.wait_for_timeout(30)  # a script URL runs as a task after the click
                clicked += found["clicked"]
                offsite += [f"{path}: {u}" for u in found["offsite"]]
                if page.url.split("#")[0] != (base + path):
                    offsite.append(f"{path}: navigated to {page.url}")
            browser.close()
    finally:
        httpd.shutdown()
    assert clicked > 200
    assert dialogs == []
    assert offsite == []
    assert [u for u in requests if not u.startswith((base, "data:", "blob:"))] == []


# Click every link of the page; hold back navigation within the site (the walk goes
# there), let anything else happen: a script URL runs, a link off the site in the
# content is reported (the theme's own few, outside the content, are not).
_CLICK_ALL = """() => {
  const out = {clicked: 0, offsite: []};
  const content = document.querySelector('article.md-content__inner');
  for (const el of document.querySelectorAll('a, area')) {
    const raw = el.getAttribute('href') ??
      el.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
    // An SVG link may have its target only from an animation: clicked all the same.
    if (raw === null && !(el instanceof SVGElement)) continue;
    let url = null;
    try { if (raw !== null) url = new URL(raw, location.href); } catch (e) {}
    const scripted = url === null || !['http:', 'https:', 'mailto:'].includes(url.protocol);
    if (!scripted && url.origin !== location.origin && content && content.contains(el)) {
      out.offsite.push(raw.slice(0, 80));
    }
    el.addEventListener('click', (ev) => { if (!scripted) ev.preventDefault(); }, {once: true});
    el.dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true, view: window}));
    out.clicked++;
  }
  return out;
}"""


# Elements the payloads mark, and any event-handler attribute (the theme writes none).
_INJECTED = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (a.name === 'data-pwn' || a.name.startsWith('on')) bad.push(el.tagName + ' ' + a.name);
    }
  }
  if (document.querySelectorAll('head title').length !== 1) bad.push('title count');
  return bad;
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


# --- the whole-document scan -------------------------------------------------------


PAGE = (
    "<!doctype html><html><head><title>{title}</title>{head}</head><body>"
    '<article class="md-content__inner">{body}</article>{tail}</body></html>'
)


@pytest.mark.parametrize(
    ("part", "html"),
    [
        ("title", "x</title><script>alert(1)</script><title>"),
        ("title", "x<b>bold</b>"),
        ("head", "<script>alert(1)</script>"),
        ("head", '<script src="https://evil.example/x.js"></script>'),
        ("head", '<meta http-equiv="refresh" content="0; url=https://evil.example/">'),
        ("head", '<meta http-equiv="set-cookie" content="a=b">'),
        ("head", '<link rel="stylesheet" href="//evil.example/x.css">'),
        ("head", '<link rel="import" href="x.html">'),
        ("head", '<base href="https://evil.example/">'),
        ("tail", '<img src="x" onerror="alert(1)">'),
        ("tail", '<iframe src="x.html"></iframe>'),
        ("tail", '<form action="https://evil.example/"></form>'),
        ("tail", '<script>__md_scope=new URL(".",location);alert(1)</script>'),
        ("body", '<a href="http:evil.example" style="position:fixed">x</a>'),
        ("body", '<img src="https://evil.example/track.png">'),
        ("body", "<style>body{display:none}</style>"),
        ("body", '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>'),
        # URLs as a browser reads them: entities, tabs and newlines, controls, backslashes.
        ("body", '<a href="jav&#x09;ascript:alert(1)">x</a>'),
        ("body", '<a href="jav&#10;ascript:alert(1)">x</a>'),
        ("body", '<a href="java&Tab;script&colon;alert(1)">x</a>'),
        ("body", '<a href="&#1;&#32;javascript:alert(1)">x</a>'),
        ("tail", '<a href="jav&#x0D;ascript:alert(1)">x</a>'),
        ("tail", '<a href="JaVaScRiPt:alert(1)">x</a>'),
        ("body", '<img src="/\\evil.example/t.png">'),
        ("body", '<img src="\\/evil.example/t.png">'),
        ("body", '<img src="\\\\evil.example/t.png">'),
        ("body", '<img src="/&#x09;/evil.example/t.png">'),
        # Every URL-bearing attribute, every candidate of a srcset.
        ("body", '<img src="a.png" srcset="a.png 1x, //evil.example/b.png 2x">'),
        ("body", '<img src="a.png" srcset="a.png 1x,https://evil.example/b.png 2x">'),
        ("body", '<table background="//evil.example/t.png"><tr><td>x</td></tr></table>'),
        ("body", '<a href="#p-1" ping="/ok https://evil.example/ping">x</a>'),
        ("body", '<blockquote cite="https://evil.example/"></blockquote>'),
        ("tail", '<video poster="javascript:alert(1)"></video>'),
        ("tail", '<svg><use xlink:href="data:image/svg+xml,x"></use></svg>'),
        # SVG animations that set a link's target.
        (
            "tail",
            '<svg><a><animate attributeName="href" values="javascript:alert(1)"/>'
            "<text>x</text></a></svg>",
        ),
        (
            "tail",
            '<svg><a><set attributeName="xlink:href" to="jav&#x09;ascript:alert(1)"/>'
            "<text>x</text></a></svg>",
        ),
        (
            "tail",
            '<svg><a><animate attributeName="HREF" values="#x;javascript:alert(1)"/></a></svg>',
        ),
        ("tail", '<svg><set attributeName="onclick" to="alert(1)"/></svg>'),
        ("head", '<meta http-equiv="refresh" content="0; URL=javascript:alert(1)">'),
        ("head", '<meta http-equiv="refresh" content="0; url=/\\evil.example/">'),
    ],
)
def test_the_scan_finds_markup_anywhere_in_the_document(part, html):
    parts = {"title": "t", "head": "", "body": "<p>ok</p>", "tail": ""}
    assert scan_html(PAGE.format(**parts)) == []
    parts[part] = html
    assert scan_html(PAGE.format(**parts)) != []


@pytest.mark.parametrize(
    "html",
    [
        '<a href="../actors/kim/#q3">x</a>',
        '<a href="mailto:desk@example.org">x</a>',
        '<img src="../assets/a.png" srcset="../assets/a.png 1x, ../assets/b.png 2x">',
        '<svg viewBox="0 0 10 10"><title>tip</title><a href="#p-2"><text>x</text></a></svg>',
        '<svg><animate attributeName="opacity" values="0;1"/></svg>',
    ],
)
def test_the_scan_passes_what_the_site_writes(html):
    assert scan_html(PAGE.format(title="t", head="", body=html, tail="")) == []


def test_the_theme_blocks_we_override_are_the_themes_own_but_escaped():
    """overrides/main.html copies Material's <head> blocks and adds `| e`: if an
    upgrade of the theme changes those blocks, this fails and the copy is redone."""
    import material

    theme = (Path(material.__file__).parent / "templates" / "base.html").read_text()
    ours = (ROOT / "overrides" / "main.html").read_text()
    for block in ("site_meta", "htmltitle"):
        pattern = rf"{{% block {block} %}}.*?{{% endblock %}}"
        mine = re.search(pattern, ours, re.S).group(0)
        assert " | e" in mine
        assert mine.replace(" | e", "") == re.search(pattern, theme, re.S).group(0)


# --- links among the inputs ----------------------------------------------------------


def test_a_linked_article_file_is_refused(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("A real article.\n")
    (tmp_path / "secret").write_text("[core]\nAUTHORIZATION: basic abc\n")
    (seeds / "leak.txt").symlink_to(tmp_path / "secret")
    with pytest.raises(IngestError, match=r"leak\.txt: is a symbolic link"):
        read_articles([seeds])


def test_a_linked_folder_or_sidecar_is_refused(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("A real article.\n")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "b.txt").write_text("Another.\n")
    (seeds / "more").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(IngestError, match=r"more: is a symbolic link"):
        read_articles([seeds])
    (seeds / "more").unlink()
    (tmp_path / "meta.yaml").write_text("title: From elsewhere\n")
    (seeds / "a.meta.yaml").symlink_to(tmp_path / "meta.yaml")
    with pytest.raises(IngestError, match=r"a\.meta\.yaml: is a symbolic link"):
        read_articles([seeds])


def test_a_linked_editor_file_is_refused(tmp_path):
    (tmp_path / "passwd").write_text("root:x:0:0\n")
    (tmp_path / "site.yaml").symlink_to(tmp_path / "passwd")
    with pytest.raises(EditorialError, match=r"site\.yaml: is a symbolic link"):
        load_yaml(tmp_path / "site.yaml")


@pytest.mark.parametrize("kind", ["file", "folder"])
def test_linked_hand_pages_are_refused_and_nothing_is_lost(nlp, project, kind):
    assert CliRunner().invoke(main, ["generate"]).exit_code == 0
    (project / "outside").mkdir()
    (project / "outside" / "page.md").write_text("# Elsewhere\n")
    link = project / "site_src" / ("guide.md" if kind == "file" else "guides")
    link.symlink_to(project / "outside" / ("page.md" if kind == "file" else ""))
    before = tree(project / "site_src")
    r = CliRunner().invoke(main, ["generate"])
    assert r.exit_code == 1 and "is a symbolic link" in r.output
    assert r.output.count("\n") == 1 and "Traceback" not in r.output
    assert tree(project / "site_src") == before


# --- two runs at once ------------------------------------------------------------------


def _generate(project: Path, **env) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "generate"],
        cwd=project,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_two_generates_at_once_lose_nothing(nlp, project, tmp_path_factory):
    """Each pair writes slowly (a delay per page widens the window the lock closes);
    both finish, and site_src/ is complete, hand pages included, every time."""
    assert CliRunner().invoke(main, ["generate"]).exit_code == 0
    (project / "site_src" / "assets").mkdir()
    (project / "site_src" / "assets" / "site.css").write_text("body{}\n")
    expected = tree(project / "site_src")
    for _ in range(3):
        a = _generate(project, EXPLAINER_WRITE_DELAY="0.01")
        b = _generate(project, EXPLAINER_WRITE_DELAY="0.01")
        out_a, out_b = a.communicate(timeout=300)[0], b.communicate(timeout=300)[0]
        assert (a.returncode, b.returncode) == (0, 0), out_a + out_b
        assert tree(project / "site_src") == expected
    # Every later run works from the cache the pair left.
    assert CliRunner().invoke(main, ["generate"]).exit_code == 0
    assert CliRunner().invoke(main, ["check"]).exit_code == 0


def test_a_run_that_cannot_get_the_lock_fails_with_one_line(nlp, project):
    assert CliRunner().invoke(main, ["generate"]).exit_code == 0
    before = tree(project / "site_src")
    with sitewrite.locked(project / "site_src"):
        p = _generate(project, EXPLAINER_LOCK_WAIT="0.5")
        out = p.communicate(timeout=120)[0]
    assert p.returncode == 1
    lines = out.strip().splitlines()
    assert lines[-1].startswith("Error: ") and "another explainer run" in lines[-1]
    assert "Traceback" not in out
    assert tree(project / "site_src") == before


# --- explainer diff --------------------------------------------------------------------


def test_diff_prints_no_live_markdown_html_or_escapes():
    old = {"articles": [], "actors": [], "quotes": []}
    evil = "x\n\n## No changes in the data or the pages.\n[click](http://evil.example) "
    evil += "![t](http://evil.example/t.png) <img src=x onerror=alert(1)> \x1b[2J\x1b]0;pwn\x07"
    new = {
        "articles": [{"id": "a", "title": evil, "date": "2020-01-01"}],
        "actors": [{"id": "a`b", "name": evil, "kind": "person", "mentions": []}],
        "quotes": [],
        "events": [{"article": "a", "paragraph": 0, "title": evil, "date": evil}],
    }
    text = review.report(old, new, {"added": ["evil`name.md"], "changed": [], "removed": []}, "T")
    assert "\x1b" not in text and "\x07" not in text
    assert "<img" not in text and "http://" not in text
    assert not re.search(r"(?<!\\)\]\(", text)  # no link: every bracket escaped
    # The forged heading stays inside its list item, on its line.
    assert not any(line.startswith("## No changes") for line in text.splitlines())
    assert [ln for ln in text.splitlines() if ln.startswith("## ")] == ["## T"]
    assert "`evil`name.md`" not in text


GFM = {
    "strike": "~~struck~~ and ~one~",
    "email": "write to boss@evil.example today",
    "mention": "@octocat and @github/security-team",
    "issue": "fixes #1, closes owner/repo#22",
    "math": "$\\color{red}{\\text{pwned}}$ and $$x$$",
    "emoji": ":warning: :+1: :rocket:",
}


def test_diff_defuses_what_github_adds_to_markdown():
    """Each value printed as GitHub would show it, and nothing GitHub turns into a
    strikethrough, a link, a mention, an emoji or math."""
    from generator.escape import md_text

    out = {k: md_text(v) for k, v in GFM.items()}
    # What a reader sees: the same text once the escapes and joiners are read.
    for k, v in GFM.items():
        seen = re.sub(r"\\(.)", r"\1", out[k]).replace("\u2060", "").replace("&#126;", "~")
        assert seen == v, k
    assert "~~" not in out["strike"].replace("\\~", "")
    assert not re.search(r"(?<!\\)~", out["strike"].replace("&#126;", ""))
    assert not re.search(r"@[A-Za-z0-9]", out["email"] + out["mention"])
    assert not re.search(r"#[0-9]", out["issue"])
    assert not re.search(r"(?<!\\)\$", out["math"])
    assert not re.search(r":[a-z0-9+_-]+:", out["emoji"])
    # And in a whole report, every field.
    evil = " ".join(GFM.values())
    new = {"articles": [{"id": "a", "title": evil, "date": "2020-01-01"}], "actors": []}
    text = review.report({"articles": [], "actors": [], "quotes": []}, new, None, evil)
    for pattern in (r"@[a-z]", r"(?<!&)#[0-9]", r":[a-z]+:", r"(?<!\\)\$", r"(?<![\\&#0-9])~"):
        assert not re.search(pattern, text), pattern


def test_diff_error_lines_carry_no_escape_codes(tmp_path, monkeypatch):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "pyproject.toml").write_text("[tool.explainer]\n")
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["diff", "--base", "\x1b]0;pwn\x07\x1b[2Jnope"])
    assert r.exit_code == 1
    assert "\x1b" not in r.output and "\x07" not in r.output
    assert r.output.startswith("Error: ") and r.output.count("\n") == 1


@pytest.mark.parametrize("name", ["site", ".cache"])
def test_gitignore_ignores_links_named_like_the_build_folders(tmp_path, name):
    """`site/` and `.cache/` would match folders only: a link of that name (to a
    folder of someone's files) could be committed."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text((ROOT / ".gitignore").read_text())
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / name).symlink_to(tmp_path / "elsewhere")
    r = subprocess.run(["git", "check-ignore", "-q", name], cwd=tmp_path)
    assert r.returncode == 0


def _depth(value: object) -> int:
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    return 0


# YAML texts of known shapes: the depth bound that spares the pre-parse must never
# be under the true depth, whatever the style; past 100 levels the load refuses.
DEPTH_CASES = [
    ("flat mapping", "a: 1\nb: two\n" * 60),
    (
        "block mappings, one column a level",
        "".join(" " * i + f"k{i}:\n" for i in range(40)) + " " * 40 + "v",
    ),
    ("sequence in mapping at the same column", "a:\n- b:\n  - c:\n    - d:\n      - e: x\n"),
    ("compact sequences on one line", "- - - - - - - - x\n"),
    ("flow brackets", "[" * 30 + "x" + "]" * 30),
    ("flow mappings over lines", "{a: {b:\n {c: {d: [1,\n [2]]}}}}\n"),
    ("deep flow", "[" * 150 + "]" * 150),
    ("deep block", "".join(" " * i + "- \n" for i in range(150))),
]


@pytest.mark.parametrize("name, text", DEPTH_CASES, ids=[c[0] for c in DEPTH_CASES])
def test_the_yaml_depth_bound_is_never_under_the_depth(name, text):
    import yaml

    from generator import yamlsafe

    try:
        depth = _depth(yaml.load(text, Loader=yaml.SafeLoader))  # noqa: S506 - the safe loader
    except RecursionError:
        depth = 10**6
    assert yamlsafe._depth_bound(text) >= depth
    if depth > yamlsafe.MAX_DEPTH:
        with pytest.raises(yaml.YAMLError, match="nested more than 100"):
            yamlsafe.load(text)
    else:
        assert _depth(yamlsafe.load(text)) == depth
