"""`explainer build` and `serve`: strict, scanned, and incremental builds that give
the site a clean build gives."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

from .conftest import FIXTURES, ROOT, make_project


@pytest.fixture
def site_project(nlp, tmp_path, monkeypatch):
    make_project(tmp_path, seeds_from=FIXTURES / "articles")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    shutil.copytree(ROOT / "site_src" / "assets", tmp_path / "site_src" / "assets")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def build(*args: str) -> str:
    r = CliRunner().invoke(main, ["build", *args])
    assert r.exit_code == 0, r.output
    return r.output


def clean_build(project: Path) -> Path:
    """The same site_src/ built from scratch by plain MkDocs, elsewhere."""
    out = project.parent / f"clean-{time.monotonic_ns()}"
    r = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert r.returncode == 0, r.stderr[-2000:]
    return out


def files(site: Path) -> dict[str, bytes]:
    """Every file of a built site; the dates MkDocs stamps are taken out."""
    out = {}
    for f in sorted(site.rglob("*")):
        if f.is_file():
            data = f.read_bytes()
            if f.name == "sitemap.xml.gz":
                data = gzip.decompress(data)
            if f.name.startswith("sitemap.xml"):
                data = re.sub(rb"<lastmod>[^<]*</lastmod>", b"", data)
            out[f.relative_to(site).as_posix()] = data
    return out


def test_incremental_builds_equal_clean_builds(site_project):
    p = site_project
    assert "site built (clean)" in build()
    assert files(p / "site") == files(clean_build(p))
    # Nothing changed: nothing rendered (unchanged pages keep their files and times),
    # and the search index is not written again.
    entry = p / "site" / "pagefind" / "pagefind-entry.json"
    indexed = entry.stat().st_mtime_ns
    assert "(incremental): 0 of" in build()
    assert entry.stat().st_mtime_ns == indexed
    assert files(p / "site") == files(clean_build(p))
    # One article more: a few pages rendered, the same site as a clean build.
    (p / "seeds" / "new-one.txt").write_text("The mayor, Marit Berg, said the ferry ran.\n")
    out = build()
    assert "site built (incremental)" in out
    rendered, total = map(int, re.search(r"(\d+) of (\d+) pages rendered", out).groups())
    assert 0 < rendered < total
    assert files(p / "site") == files(clean_build(p))
    # One article fewer: its pages leave the site, and the index.
    (p / "seeds" / "plain-note.txt").unlink()
    indexed = entry.stat().st_mtime_ns
    assert "incremental" in build()
    assert entry.stat().st_mtime_ns != indexed
    assert not (p / "site" / "articles" / "plain-note").exists()
    assert files(p / "site") == files(clean_build(p))
    # A hand page edited is rendered again.
    (p / "site_src" / "notes.md").write_text("# Notes\n\nFirst.\n")
    build()
    (p / "site_src" / "notes.md").write_text("# Notes\n\nSecond.\n")
    os.utime(p / "site_src" / "notes.md", ns=(time.time_ns() + 10**9,) * 2)
    build()
    assert "Second." in (p / "site" / "notes" / "index.html").read_text()
    assert files(p / "site") == files(clean_build(p))
    # A change to every page (the configuration) builds clean.
    (p / "mkdocs.yml").write_text((p / "mkdocs.yml").read_text().replace("indigo", "teal"))
    assert "site built (clean)" in build()
    assert files(p / "site") == files(clean_build(p))


def test_a_publish_writes_only_the_shards_whose_pages_changed(site_project):
    p = site_project
    yml = p / "mkdocs.yml"
    yml.write_text(
        yml.read_text().replace(
            "  - explainer-search\n", "  - explainer-search:\n      pages_per_shard: 1\n"
        )
    )
    build()
    site = p / "site"
    listed = json.loads((site / "pagefind" / "shards.json").read_text())["shards"]
    assert len(listed) >= 3
    assert files(site) == files(clean_build(p))

    def entries() -> dict[str, int]:
        return {
            s: (site / "pagefind" / s / "pagefind-entry.json").stat().st_mtime_ns for s in listed
        }

    first = entries()
    hub = (site / "pagefind" / "pagefind-entry.json").stat().st_mtime_ns
    (p / "seeds" / "new-one.txt").write_text("The mayor, Marit Berg, said the ferry ran.\n")
    build()
    assert files(site) == files(clean_build(p))
    listed = json.loads((site / "pagefind" / "shards.json").read_text())["shards"]
    second = entries() if set(first) <= set(listed) else {}
    kept = [s for s in first if second.get(s) == first[s]]
    assert kept and len(kept) < len(first)  # some shards written again, not all
    assert (site / "pagefind" / "pagefind-entry.json").stat().st_mtime_ns != hub  # the lists
    # A shard's pages all gone: the shard goes too.
    for seed in (p / "seeds").iterdir():
        if seed.name != "new-one.txt":
            seed.unlink()
    build()
    assert files(site) == files(clean_build(p))
    shutil.rmtree(site / "pagefind" / "shards")  # someone's hand: the next build mends it
    (p / "seeds" / "new-one.txt").write_text("The mayor, Marit Berg, said the ferry sank.\n")
    build()
    assert files(site) == files(clean_build(p))


def test_an_anchor_lost_in_a_page_that_was_not_rendered_fails_the_build(site_project):
    """MkDocs checks anchors only between pages it renders: a hand page (kept) that
    links to a quotation which goes away is caught by the site-wide check."""
    p = site_project
    build()
    html = (p / "site" / "articles" / "harbour-talks" / "index.html").read_text()
    anchor = re.search(r'<mark class="quote" id="(q\d+)"', html).group(1)
    (p / "site_src" / "notes.md").write_text(
        f"# Notes\n\n[the quote](articles/harbour-talks.md#{anchor})\n"
    )
    build()
    seed = p / "seeds" / "harbour-talks.txt"
    seed.write_text(seed.read_text().replace("\u201c", "").replace("\u201d", ""))
    r = CliRunner().invoke(main, ["build"])
    assert r.exit_code == 1
    assert "strict build stopped" in r.output


def test_build_fails_on_live_markup_with_one_line_per_problem(site_project):
    p = site_project
    build()
    (p / "site_src" / "evil.md").write_text("# Evil\n\n<script>alert(1)</script>\n")
    r = CliRunner().invoke(main, ["build"])
    assert r.exit_code == 1
    assert "evil/index.html: <script>" in r.output and "live markup" in r.output


def test_serve_builds_then_serves_on_loopback(site_project):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--port", str(port)],
        cwd=site_project,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            line = proc.stderr.readline()
            if "Serving" in line or not line:
                break
        assert "Serving" in line, line
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as r:
            assert b"<title>" in r.read()
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_a_failed_strict_build_says_what_mkdocs_warned(site_project):
    p = site_project
    (p / "site_src" / "notes.md").write_text("# Notes\n\n[gone](nowhere.md)\n")
    r = CliRunner().invoke(main, ["build"])
    assert r.exit_code == 1
    line = r.output.strip()
    assert "\n" not in line and "Traceback" not in r.output
    assert "strict build stopped" in line and "nowhere.md" in line


def test_fences_and_block_syntax_in_article_text_stay_text(site_project):
    """Paragraphs that are fences (tildes, backticks), headings, rules, lists or
    tables, around a quotation: every paragraph keeps its anchor, the quotation
    its highlight, and the strict build passes."""
    p = site_project
    paras = [
        "~~~",
        '"We will build it," said Marit Berg.',
        "~~~ {: .x }",
        "```",
        "=====",
        "1. first",
        "| a | b |",
        "|---|---|",
        "    indented code",
        "* * *",
        "[TOC]",
        "~~~",
    ]
    (p / "seeds" / "fences.txt").write_text("\n\n".join(paras) + "\n")
    build()
    html = (p / "site" / "articles" / "fences" / "index.html").read_text()
    for n in range(1, len(paras) + 1):
        assert f'id="p-{n}"' in html, n
    assert "<pre" not in html and "<code" not in html and "<table" not in html
    assert '<mark class="quote"' in html and "<h1" in html and html.count("<h1") == 1


def test_a_site_folder_linked_elsewhere_is_never_emptied(site_project, tmp_path_factory):
    p = site_project
    theirs = tmp_path_factory.mktemp("theirs")
    (theirs / "photo.jpg").write_bytes(b"\xff\xd8 someone's photo")
    (p / "site").symlink_to(theirs)
    r = CliRunner().invoke(main, ["build", "--clean"])
    assert r.exit_code == 1
    assert r.output.strip().count("\n") == 0 and "Traceback" not in r.output
    assert "site: is a symbolic link; the project's folders must be in the project" in r.output
    assert (theirs / "photo.jpg").read_bytes() == b"\xff\xd8 someone's photo"


def test_a_hand_page_nested_thousands_deep_fails_with_one_line(site_project):
    p = site_project
    depth = 2000
    (p / "site_src" / "deep.md").write_text(
        "# Deep\n\n" + "<div markdown>\n" * depth + "x\n" + "</div>\n" * depth
    )
    r = CliRunner().invoke(main, ["build"])
    assert r.exit_code == 1, r.output
    assert r.output.strip().count("\n") == 0 and "Traceback" not in r.output
    assert "deep.md: nested too deeply" in r.output


@pytest.mark.parametrize("port", ["99999", "0", "-1"])
def test_serve_on_a_port_that_is_none_is_one_line(site_project, port):
    r = CliRunner().invoke(main, ["serve", "--port", port])
    assert r.exit_code == 1, r.output
    assert r.output == f"Error: --port {port}: a port is a number from 1 to 65535\n"
    assert not (site_project / "site").exists()  # refused before any build
