"""The built site: strict links, hostile articles, redirects, published data."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.safety import scan_html, scan_site

from .conftest import FIXTURES, ROOT, make_project


def build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )


def site_project(tmp_path: Path, monkeypatch, extra: dict[str, str] | None = None) -> Path:
    make_project(tmp_path, articles=extra, seeds_from=FIXTURES / "articles")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    shutil.copytree(ROOT / "site_src" / "assets", tmp_path / "site_src" / "assets")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def hostile_site(nlp, tmp_path, monkeypatch):
    text = (FIXTURES / "hostile.md").read_text(encoding="utf-8")
    project = site_project(tmp_path, monkeypatch, {"hostile.md": text})
    r = CliRunner().invoke(main, ["generate"])
    assert r.exit_code == 0, r.output
    b = build(project)
    assert b.returncode == 0, b.stderr[-2000:]
    return project


def test_hostile_article_leaves_no_live_markup(hostile_site):
    site = hostile_site / "site"
    assert scan_site(site) == []
    html = (site / "articles" / "hostile" / "index.html").read_text(encoding="utf-8")
    # Shown as written, never run or expanded.
    assert (
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
        or "&lt;script&gt;alert('x')" in html
    )
    assert "{{ 7*7 }}" in html and "{% raw %}" in html
    assert "--8&lt;-- " in html and "root:x:0" not in html
    assert "javascript:alert" in html  # as text...
    assert 'href="javascript' not in html  # ...never as a link
    assert "# Not a heading" in html and "<h1>Not a heading" not in html
    assert "<blockquote>\n<p>Not a blockquote" not in html
    assert "`rm -rf`" in html and "**stars**" in html
    assert "&amp;amp;" in html  # the entity as written, not decoded
    content = html.split('class="md-content__inner')[1]
    assert 'onclick="alert(3)"' in content  # the text...
    assert not re.search(r"<[^>]*\son(click|error)=", content)  # ...not an attribute


def test_pipes_do_not_break_tables(hostile_site):
    html = (hostile_site / "site" / "articles" / "index.html").read_text(encoding="utf-8")
    table = html.split("<tbody>")[1].split("</tbody>")[0]
    rows = table.count("<tr>")
    assert rows == 4  # the three fixture articles and the hostile one
    assert all(row.count("<td") == 3 for row in table.split("<tr>")[1:])


def test_scanner_catches_what_it_must():
    page = (
        "<html><head><title>t</title></head><body>"
        '<article class="md-content__inner md-typeset">{}</article></body></html>'
    )
    assert scan_html(page.format("<p>fine</p>")) == []  # one title, nothing else
    assert scan_html(page.format("<script>x</script>"))
    assert scan_html(page.format('<img src="x" onerror="y">'))
    assert scan_html(page.format('<a href=" javascript:alert(1)">x</a>'))
    assert scan_html('<a href="JavaScript:alert(1)">theme</a>')


def test_strict_build_fails_on_a_broken_link(nlp, tmp_path, monkeypatch):
    project = site_project(tmp_path, monkeypatch)
    assert CliRunner().invoke(main, ["generate"]).exit_code == 0
    assert build(project).returncode == 0
    (project / "site_src" / "notes.md").write_text("# Notes\n\n[gone](actors/nobody.md)\n")
    b = build(project)
    assert b.returncode != 0
    assert "nobody.md" in b.stderr


def test_renamed_actor_redirects(nlp, tmp_path, monkeypatch):
    project = site_project(tmp_path, monkeypatch)
    assert CliRunner().invoke(main, ["generate"]).exit_code == 0
    assert (project / "site_src" / "actors" / "marit-berg.md").exists()
    (project / "editorial" / "curation.yaml").write_text(
        "rename:\n  - {actor: marit-berg, name: Marit Berg-Olsen}\n", encoding="utf-8"
    )
    assert CliRunner().invoke(main, ["generate"]).exit_code == 0
    assert (project / "site_src" / "actors" / "marit-berg-olsen.md").exists()
    assert json.loads((project / "site_src" / ".redirects.json").read_text()) == {
        "marit-berg": "marit-berg-olsen"
    }
    # The record stays when the curation entry goes.
    (project / "editorial" / "curation.yaml").write_text("", encoding="utf-8")
    (project / "editorial" / "curation.yaml").write_text(
        "rename:\n  - {actor: marit-berg, name: Marit Berg-Olsen}\n", encoding="utf-8"
    )
    assert build(project).returncode == 0
    page = (project / "site" / "actors" / "marit-berg" / "index.html").read_text()
    assert 'http-equiv="refresh" content="0; url=../../actors/marit-berg-olsen/"' in page


def test_published_data(nlp, tmp_path, monkeypatch):
    project = site_project(tmp_path, monkeypatch)
    assert CliRunner().invoke(main, ["generate"]).exit_code == 0
    assert build(project).returncode == 0
    data = json.loads((project / "site" / "data" / "explainer-data.json").read_text())
    assert {a["id"] for a in data["articles"]} == {"budget-vote", "harbour-talks", "plain-note"}
    rows = list(csv.DictReader(io.StringIO((project / "site" / "data" / "quotes.csv").read_text())))
    berg = [r for r in rows if r["speaker"] == "Marit Berg" and r["kind"] != "indirect"]
    assert berg and berg[0]["link"].startswith("articles/harbour-talks/#q")
    assert berg[0]["date"] == ""


def test_accessibility_basics(hostile_site):
    """Page language, one h1 per page, headings in order, no empty link text."""
    for page in sorted((hostile_site / "site").rglob("index.html")):
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue  # a redirect stub
        assert '<html lang="en"' in html, page
        content = html.split('class="md-content__inner')[1]
        levels = [int(n) for n in re.findall(r"<h([1-6])[ >]", content)]
        assert levels.count(1) == 1 and levels[0] == 1, (page, levels)
        for a, b in zip(levels, levels[1:], strict=False):
            assert b <= a + 1, (page, levels)  # no skipped level
        assert not re.search(r"<a [^>]*>\s*</a>", content), page
