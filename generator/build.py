"""Build: site_src/ in, the static site out (MkDocs, strict), then the safety scan.

The first build, and any after a change that touches every page (mkdocs.yml,
overrides/, the theme or MkDocs, the titles of the nav's pages), is a clean one.
Otherwise the build is incremental, and gives the site a clean build gives, byte
for byte but for the dates MkDocs stamps in sitemap.xml:

* MkDocs' dirty mode renders only the pages whose Markdown is newer than their
  HTML. `generate` keeps unchanged article and actor pages as they were, times
  included; a page's HTML depends on no other page's Markdown but through the nav,
  which is in the key above.
* The search index (Pagefind's, `pagefind_hook.py`) is sharded by page path: the
  shards with a page written or removed since the index was last written (told by
  the pages' times and sizes, kept in the state) are written again, whole, from the
  site's HTML as it then is.
* Every link to an anchor is checked across the whole site, from what each page
  links to and holds (kept likewise): MkDocs checks only between pages it renders.
* Files of pages that are gone are removed; the scan covers what this build wrote.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority

from generator.config import Settings
from generator.files import replace_text

STATE = "_build.json"
FORMAT = 1


class BuildFailed(Exception):
    """The strict build or the scan found a problem; the message says which."""


@dataclass
class Report:
    clean: bool
    site: Path = Path("site")
    pages: int = 0  # documentation pages in the site
    rendered: int = 0  # of them, rendered by this build
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)


def build_site(
    settings: Settings, clean: bool = False, site_dir: Path | None = None, progress=None
) -> Report:
    """Build the site from site_src/ into `site_dir` (default: mkdocs.yml's).
    `progress(total)` gives a callable to call once per page rendered."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # no end-of-life banners
    os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    started = time.time_ns()
    root = settings.root
    try:
        config = load_config(
            config_file=str(root / "mkdocs.yml"),
            strict=True,
            **({"site_dir": str(site_dir)} if site_dir else {}),
        )
    except (ConfigurationError, Abort) as e:
        raise BuildFailed(f"mkdocs.yml: {e}") from e
    _check_folders(root, config)
    state_file = settings.path("cache") / STATE
    key = _site_key(root, config)
    state = {} if clean else _read_state(state_file, key, Path(config.site_dir))
    incremental = bool(state)
    plugin = _Incremental(state.get("pages", {}) if incremental else {})
    plugin.progress = progress
    config.plugins["explainer/incremental"] = plugin
    search = config.plugins.get("explainer-search")
    if search is not None:
        search.previous = state.get("search") if incremental else None
    from generator import profile

    if profile.enabled():
        config.plugins["explainer/profile"] = profile.Profile()
    # A logger's filter sees what is logged there: the warning about dirty builds
    # would count as a strict-mode failure.
    quiet = _Quiet()
    build_log = logging.getLogger("mkdocs.commands.build")
    build_log.addFilter(quiet)
    warnings = _Warnings()
    logging.getLogger("mkdocs").addHandler(warnings)
    try:
        build(config, dirty=incremental)
    except Abort as e:
        state_file.unlink(missing_ok=True)  # the next build starts clean
        raise BuildFailed(f"the strict build stopped: {e} {warnings.summary()}".strip()) from e
    except RecursionError as e:  # Markdown nested thousands deep (<div markdown> in <div>...)
        state_file.unlink(missing_ok=True)
        raise BuildFailed(
            f"{config.docs_dir}/{plugin.current}: nested too deeply for Markdown to read"
        ) from e
    finally:
        build_log.removeFilter(quiet)
        logging.getLogger("mkdocs").removeHandler(warnings)
    site = Path(config.site_dir)
    _write_state(state_file, key, site, plugin.pages, getattr(search, "indexed", {}))
    from generator.safety import scan_html

    problems = []
    with profile.phase("scan"):
        for page in sorted(site.rglob("*.html")):
            if incremental and page.stat().st_mtime_ns < started:
                continue  # scanned when it was written
            for p in scan_html(page.read_text(encoding="utf-8", errors="replace")):
                problems.append(f"{page.relative_to(site)}: {p}")
    return Report(
        clean=not incremental,
        site=site,
        pages=len(plugin.pages),
        rendered=len(plugin.rendered),
        seconds=(time.time_ns() - started) / 1e9,
        problems=problems,
    )


# Pagefind's index (generator/pagefind_hook.py): its entry file is rewritten by every
# build, so its time tells a site this project built from one built by someone else.
SEARCH_DIR = "pagefind"
SEARCH_ENTRY = f"{SEARCH_DIR}/pagefind-entry.json"


def _check_folders(root: Path, config) -> None:
    """The folders MkDocs reads and empties (docs_dir, site_dir) are the project's:
    inside it, with no link on the way (a `site` linked to someone's folder would be
    emptied by a clean build)."""
    from generator.files import IngestError, project_path

    for key in ("docs_dir", "site_dir"):
        folder = Path(config[key])
        try:
            rel = folder.absolute().relative_to(root.absolute())
        except ValueError:
            raise BuildFailed(f"mkdocs.yml: {key} {folder} is outside the project") from None
        try:
            project_path(root, rel)
        except IngestError as e:
            raise BuildFailed(str(e)) from None


class _Warnings(logging.Handler):
    """MkDocs' warnings, which strict mode counts and then stops on, unsaid."""

    SHOWN = 5

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING:
            self.messages.append(" ".join(record.getMessage().split()))

    def summary(self) -> str:
        if not self.messages:
            return ""
        shown = "; ".join(m[:300] for m in self.messages[: self.SHOWN])
        more = len(self.messages) - self.SHOWN
        return f"({shown}{f'; and {more} more' if more > 0 else ''})"


class _Quiet(logging.Filter):
    """Drop MkDocs' warning about dirty builds: ours is checked as a clean one is."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


def _site_key(root: Path, config) -> str:
    """Everything that is in every page: the configuration, the theme and its
    overrides, MkDocs, and the titles the nav shows."""
    h = hashlib.sha256()
    for part in (
        f"format={FORMAT}",
        str(Path(config.site_dir).resolve()),
        metadata.version("mkdocs"),
        metadata.version("mkdocs-material"),
    ):
        h.update(part.encode() + b"\0")
    h.update((root / "mkdocs.yml").read_bytes())
    h.update(Path(__file__).read_bytes())
    custom = config.theme.custom_dir
    if custom:
        for f in sorted(Path(custom).rglob("*")):
            if f.is_file():
                h.update(f.name.encode() + f.read_bytes())
    docs = Path(config.docs_dir)
    for src in _nav_files(config.nav or []):
        try:
            with (docs / src).open(encoding="utf-8") as fh:
                h.update(src.encode() + fh.readline().encode())
        except OSError:
            h.update(src.encode() + b"<absent>")
    return h.hexdigest()


def _nav_files(nav) -> list[str]:
    out: list[str] = []
    items = nav if isinstance(nav, list) else [nav]
    for item in items:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                out += _nav_files(value)
        elif isinstance(item, list):
            out += _nav_files(item)
    return out


def _read_state(path: Path, key: str, site: Path) -> dict:
    """Last build's record, if it is for this site as it stands; else {}."""
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
        index = site / SEARCH_ENTRY
        if state.get("key") != key or state.get("index_mtime") != index.stat().st_mtime_ns:
            return {}  # another configuration, or the site was built by someone else
        return state if isinstance(state.get("pages"), dict) else {}
    except (OSError, ValueError, AttributeError):
        return {}


def _write_state(path: Path, key: str, site: Path, pages: dict, search: dict) -> None:
    index = site / SEARCH_ENTRY
    data = {
        "key": key,
        "index_mtime": index.stat().st_mtime_ns,
        "pages": pages,
        "search": search,  # the pages the search index was written from (pagefind_hook)
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    replace_text(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def _remove_stale(site: Path, expected: set[str]) -> int:
    """Remove the files no page or asset of this build wrote; how many went."""
    removed = 0
    search = str(site / SEARCH_DIR)
    for folder, _dirs, files in os.walk(site, topdown=False):
        if folder == search or folder.startswith(search + os.sep):
            continue  # the search index, written by pagefind_hook.py
        for name in files:
            f = Path(folder) / name
            if str(f) not in expected:
                f.unlink()
                removed += 1
        if folder != str(site) and not os.listdir(folder):
            os.rmdir(folder)
    return removed


class _Incremental(BasePlugin):
    """Records what each rendered page holds, and checks anchors across the site at
    the end of the build."""

    def __init__(self, known: dict) -> None:
        super().__init__()
        self.known = known  # src_uri -> {"title", "anchors", "links"} of last build
        self.pages: dict[str, dict] = {}  # the same, for this build
        self.rendered: list[str] = []
        self.expected: set[str] = set()
        self._files = None
        self.progress = None  # progress(total) -> tick()
        self._tick = None
        self.current = "?"  # the page being rendered

    def on_page_markdown(self, markdown, page, config, files):
        self.current = page.file.src_uri
        return markdown

    def on_files(self, files, config):
        self._files = files
        return files

    def on_env(self, env, config, files):
        # A page not rendered has no title of its own, and the nav of every
        # page shows the titles of the nav's pages: last build's title stands.
        for f in files.documentation_pages():
            known = self.known.get(f.src_uri)
            if f.page.content is None and known and known.get("title") is not None:
                f.page.title = known["title"]  # a weak property: this value wins
        if self.progress is not None:
            todo = [f for f in files.documentation_pages() if f.page.content is not None]
            self._tick = self.progress(len(todo))
        return env

    def on_page_context(self, context, page, config, nav):
        self.pages[page.file.src_uri] = {}
        self.rendered.append(page.file.src_uri)
        if self._tick is not None:
            self._tick()
        return context

    @event_priority(100)  # before the search index is written (pagefind_hook.py)
    def on_post_build(self, config):
        log = logging.getLogger("mkdocs.plugins.explainer")
        docs = self._files.documentation_pages()
        for file in docs:
            page = file.page
            fresh = self.pages.get(file.src_uri)
            if fresh is not None and page.present_anchor_ids is not None:
                fresh["title"] = page.title
                fresh["anchors"] = sorted(page.present_anchor_ids)
                fresh["links"] = sorted(
                    [to.src_uri, anchor, original]
                    for to, links in (page.links_to_anchors or {}).items()
                    for anchor, original in links.items()
                )
            elif file.src_uri in self.known:
                self.pages[file.src_uri] = self.known[file.src_uri]
            else:
                log.warning(f"Doc file '{file.src_uri}' was neither built nor known")
        anchors = {src: set(p.get("anchors", ())) for src, p in self.pages.items()}
        rendered = set(self.rendered)  # between these, MkDocs has checked
        for src, p in self.pages.items():
            for target, anchor, original in p.get("links", ()):
                if src in rendered and target in rendered:
                    continue
                if target in anchors and anchor not in anchors[target]:
                    log.warning(
                        f"Doc file '{src}' contains a link '{original}', but the doc "
                        f"'{target}' does not contain an anchor '#{anchor}'."
                    )
        site = config.site_dir
        self.expected = {f.abs_dest_path for f in self._files}
        for name in config.theme.static_templates:
            self.expected.add(os.path.join(site, name))
            if name == "sitemap.xml":
                self.expected.add(os.path.join(site, "sitemap.xml.gz"))
        if self.known:
            # The pages that went leave before the search index is written from
            # the site's HTML (pagefind_hook.py runs after this).
            _remove_stale(Path(site), self.expected)
