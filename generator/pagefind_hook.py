"""MkDocs plugin `explainer-search` (mkdocs.yml `plugins:`, registered in
pyproject.toml): index the built site for search with Pagefind after every build,
so that `mkdocs build` and `explainer build` give the same site.

Only each page's article is indexed (not the nav, header or footer). The index is
sharded so that a publish rewrites only the part of it whose pages changed (writing
it whole was 9.5 s of the 22 s a publish after one new article took at 840):

* the hub, site/pagefind/ (Pagefind's scripts, and the index of every page that is
  not an article's or an actor's: home, topics, histories, timeline; few pages);
* not indexed: the pages that list the archive (`UNINDEXED`);
* article and actor pages in shards of about `PAGES_PER_SHARD` files, chosen by a
  hash of the page's path (a page stays in its shard until the archive doubles),
  under site/pagefind/shards/<name>/;
* site/pagefind/shards.json: the shards that hold a page, which the search box
  merges into the hub when the reader opens it (Pagefind's `mergeIndex`, see
  `assets/search.js`); each shard is a small entry file and pieces that a query
  fetches as it needs them.

Which shard a page is in depends on its path and the count of shards alone, and a
shard is written whole from its pages' HTML as it stands, so an incremental build
that rewrites the shards whose pages changed gives the index a clean build gives,
file for file. Pagefind is the `pagefind[bin]` wheel from PyPI: its binary runs
here, one process a shard, nothing is downloaded. (Its Python API waits a tenth of a
second for each page it is given: 6 minutes at 840 articles.)
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mkdocs.config import base, config_options
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from generator.files import replace_text

ROOT_SELECTOR = "article.md-content__inner"
ENTRY = "pagefind-entry.json"
SEARCH_DIR = "pagefind"
SHARDS_DIR = "shards"
MANIFEST = "shards.json"
HUB = ""
# Article and actor pages share shards, so that each shard holds pages of every kind
# in about the same mix and Pagefind's per-index word weights rank them alike. One
# new article rewrites its own page's shard and those of the actor pages that list
# it (six at 840 articles): the more shards, the smaller the part of the index a
# publish writes; but a query fetches a piece of about 30 kB from every shard. At
# 840 articles (6,640 files, half of them redirects), 16 shards: a publish wrote 7 of
# them and the hub, and a query fetched 0.7-1.1 MB (32 shards: 1.2-1.8 MB, 0.9-1.4 s
# to the first results at CPU 4x). Capped, so that a query's download stays bounded
# as the archive grows; past that, shards grow, and a publish's share of the index
# with them.
# HTML files (redirects included) under articles/ and actors/ per shard; mkdocs.yml
# can say otherwise (`explainer-search: {pages_per_shard: N}`: tests use a few).
PAGES_PER_SHARD = 400
MAX_SHARDS = 16
# What a merged shard needs: the JavaScript and WebAssembly are the hub's.
_SHARD_KEEPS = (ENTRY, "index", "fragment", "filter")


class _Options(base.Config):
    pages_per_shard = config_options.Type(int, default=PAGES_PER_SHARD)


def shard_count(rels, per_shard: int = PAGES_PER_SHARD) -> int:
    """How many shards the site's pages go in: a power of two, so that the count, and
    with it every page's shard, changes only when the archive doubles."""
    n = sum(1 for r in rels if _sharded(r))
    count = 1
    while count * 2 <= min(MAX_SHARDS, n // max(per_shard, 1)):
        count *= 2
    return count


def _sharded(rel: str) -> bool:
    top, _, rest = rel.partition("/")
    return top in ("articles", "actors") and "/" in rest


def shard_of(rel: str, count: int) -> str:
    """The shard of the page at `rel` (its path in the site, 'actors/x/index.html')
    among `count`: the hub, or one chosen by a hash of the path."""
    if not _sharded(rel):
        return HUB
    n = int.from_bytes(hashlib.sha256(rel.encode()).digest()[:4], "big") % count
    return f"s{n:02d}"


# Pages that list the archive, not indexed: every word of theirs is on the article,
# actor or topic page a reader wants, they are the biggest pages of the site, and
# most publishes change some of them.
UNINDEXED = (
    "quotes/",
    "actors/people/",
    "actors/organizations/",
    "articles/index.html",
    "articles/by-month/",
)


def indexed(rel: str) -> bool:
    """Whether the page at `rel` is in the search index."""
    return not rel.startswith(UNINDEXED)


def pages(site: Path, before: dict | None = None) -> dict[str, list]:
    """Every HTML page of the site the index holds: path -> [mtime_ns, size, digest].
    A page whose time and size are as `before` keeps its digest there; the others
    are read: MkDocs writes some pages (404.html) again, the same, each build."""
    before = before or {}
    out = {}
    for folder, dirs, files in os.walk(site):
        if Path(folder) == site and SEARCH_DIR in dirs:
            dirs.remove(SEARCH_DIR)
        for name in files:
            f = Path(folder) / name
            rel = f.relative_to(site).as_posix()
            if name.endswith(".html") and indexed(rel):
                st = f.stat()
                known = before.get(rel)
                if known and known[:2] == [st.st_mtime_ns, st.st_size]:
                    out[rel] = known
                else:
                    digest = hashlib.sha256(f.read_bytes()).hexdigest()[:32]
                    out[rel] = [st.st_mtime_ns, st.st_size, digest]
    return out


def url_of(rel: str) -> str:
    """The address Pagefind's command line gives a page: a folder's index.html is
    the folder."""
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel


def shard_dir(site: Path, shard: str) -> Path:
    base = site / SEARCH_DIR
    return base if shard == HUB else base / SHARDS_DIR / shard


def dirty_shards(now: dict, before: dict | None, count: int) -> set[str]:
    """The shards (of `count`) a page was added to, removed from or changed in since
    `before` (every shard when there is no `before`)."""
    if before is None:
        return {shard_of(r, count) for r in now} | {HUB}
    changed = {r for r in now.keys() | before.keys() if _digest(now, r) != _digest(before, r)}
    return {shard_of(r, count) for r in changed}


def _digest(pages: dict, rel: str) -> str | None:
    entry = pages.get(rel)
    return entry[2] if isinstance(entry, list) and len(entry) == 3 else None


def _indexable(html: bytes) -> bool:
    """Whether Pagefind finds an article to index (a redirect has none)."""
    return ROOT_SELECTOR.split(".", 1)[1].encode() in html


def _write_shard(site: Path, shard: str, rels: list[str], stage: Path) -> bool:
    """Index one shard's pages into its folder; False if none has an article to index
    (Pagefind would stop: an index of nothing). The pages are linked into a folder
    of their own, their paths kept (so their addresses): Pagefind given the whole
    site and a pattern of the shard's paths spends 0.2 s walking it, per shard."""
    found = False
    for rel in rels:
        src = site / rel
        if not _indexable(src.read_bytes()):
            continue
        dst = stage / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(src, dst)
        except OSError:  # another file system
            shutil.copyfile(src, dst)
        found = True
    if not found:
        return False
    out = shard_dir(site, shard)
    from pagefind_bin import get_executable

    r = subprocess.run(
        [str(get_executable()), "--site", str(stage), "--output-path", str(out.absolute())]
        + ["--root-selector", ROOT_SELECTOR, "--force-language", "en", "--quiet"],
        capture_output=True,
        text=True,
    )
    if r.returncode:
        raise PluginError(f"pagefind could not index {site} ({shard or 'hub'}): {r.stderr.strip()}")
    if shard != HUB:
        for f in out.iterdir():
            if f.name not in _SHARD_KEEPS and not f.name.endswith(".pf_meta"):
                f.unlink()
    return True


def _write(site: Path, by_shard: dict[str, list[str]], todo: list[str]) -> set[str]:
    """Index the shards in `todo`, two or more at a time (each is a process of its
    own; most of a small one's time is not Pagefind's threads); the ones that came
    out empty."""
    stage = Path(tempfile.mkdtemp(prefix=".search-", dir=site.parent))
    try:
        with ThreadPoolExecutor(max(2, min(4, os.cpu_count() or 1))) as pool:
            done = pool.map(
                lambda s: _write_shard(site, s, by_shard.get(s, []), stage / (s or "hub")),
                todo,
            )
            return {s for s, wrote in zip(todo, list(done), strict=True) if not wrote}
    finally:
        shutil.rmtree(stage, ignore_errors=True)


class PagefindPlugin(BasePlugin[_Options]):
    # Set by an incremental build (build.py): the pages the index was last written
    # from (`pages`), so that only the shards whose pages changed are written again.
    # None: write every shard.
    previous: dict | None = None
    indexed: dict = {}  # the pages this build's index stands for, for the next one

    def on_post_build(self, config, **kwargs) -> None:
        site = Path(config["site_dir"])
        before = self.previous
        now = pages(site, before)
        self.previous = None  # once: `mkdocs serve` rebuilds with the same plugin
        base = site / SEARCH_DIR
        if before is None or not (base / ENTRY).is_file() or not (base / MANIFEST).is_file():
            before = None
            shutil.rmtree(base, ignore_errors=True)  # no piece of another index stays
        per = self.config.pages_per_shard
        count = shard_count(now, per)
        if before is not None and shard_count(before, per) != count:
            before = None
            shutil.rmtree(base, ignore_errors=True)  # every page has another shard
        by_shard: dict[str, list[str]] = {}
        for rel in sorted(now):
            by_shard.setdefault(shard_of(rel, count), []).append(rel)
        todo = dirty_shards(now, before, count)
        # A shard missing on disk (removed by hand, or of redirects alone, which
        # have no index) is written again.
        todo |= {s for s in by_shard if s != HUB and not (shard_dir(site, s) / ENTRY).is_file()}
        todo = sorted(todo)
        for shard in todo:
            # Written whole: no piece of its last index is left behind.
            if shard != HUB:
                shutil.rmtree(shard_dir(site, shard), ignore_errors=True)
            else:
                for f in base.iterdir() if base.is_dir() else ():
                    if f.name != SHARDS_DIR:
                        shutil.rmtree(f) if f.is_dir() else f.unlink()
        todo = [s for s in todo if s in by_shard or s == HUB]  # the rest just went
        for shard in _write(site, by_shard, todo) - {HUB}:  # empty: no shard
            shutil.rmtree(shard_dir(site, shard), ignore_errors=True)
        listed = sorted(s for s in by_shard if s != HUB and (shard_dir(site, s) / ENTRY).is_file())
        manifest = json.dumps({"shards": [f"{SHARDS_DIR}/{s}/" for s in listed]}, indent=1)
        if not (base / MANIFEST).is_file() or (base / MANIFEST).read_text() != manifest:
            replace_text(base / MANIFEST, manifest)
        self.indexed = now
