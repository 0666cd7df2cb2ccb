"""Where a publish spends its time, for benchmarks/curve.py: with EXPLAINER_PROFILE
set to a file, `explainer build` writes there the seconds of each phase (JSON).

The phases are the pipeline's (extract, write) and MkDocs' own, told apart by its
plugin events, in the order MkDocs runs them:

* files: on_config to on_files (walking site_src/ and the theme);
* nav: to on_nav;
* markdown: to on_env (Markdown to HTML of each page to render, `_populate_page`);
* templates: the Jinja rendering of each page (on_page_context to on_post_page);
* write: the rest up to on_post_build (static files, sitemap, writing pages, anchors);
* cross_checks: this project's anchor checks across pages and removing stale files;
* search: Pagefind indexing the site (generator/pagefind_hook.py);
* scan: the safety scan of what this build wrote.

Nothing is recorded unless the variable is set: the timer costs a clock read per event.
"""

from __future__ import annotations

import json
import os
import time
from contextlib import contextmanager
from pathlib import Path

from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

ENV = "EXPLAINER_PROFILE"
_phases: dict[str, float] = {}


def enabled() -> bool:
    return bool(os.environ.get(ENV))


def add(name: str, seconds: float) -> None:
    _phases[name] = _phases.get(name, 0.0) + seconds


@contextmanager
def phase(name: str):
    t0 = time.perf_counter()
    try:
        yield
    finally:
        add(name, time.perf_counter() - t0)


def dump() -> None:
    path = os.environ.get(ENV)
    if path:
        Path(path).write_text(json.dumps({k: round(v, 3) for k, v in _phases.items()}))


class Profile(BasePlugin):
    """Timestamps at MkDocs' events; the time between two goes to the phase it ends."""

    def __init__(self) -> None:
        super().__init__()
        self.last = time.perf_counter()
        self.page_started = 0.0

    def _mark(self, name: str) -> None:
        now = time.perf_counter()
        add(name, now - self.last)
        self.last = now

    @event_priority(100)
    def on_config(self, config):
        self.last = time.perf_counter()
        return config

    @event_priority(-100)
    def on_files(self, files, config):
        self._mark("mkdocs_files")
        return files

    @event_priority(-100)
    def on_nav(self, nav, config, files):
        self._mark("mkdocs_nav")
        return nav

    @event_priority(-100)
    def on_env(self, env, config, files):
        self._mark("mkdocs_markdown")
        return env

    @event_priority(-100)
    def on_page_context(self, context, page, config, nav):
        self.page_started = time.perf_counter()
        return context

    @event_priority(100)
    def on_post_page(self, output, page, config):
        add("mkdocs_templates", time.perf_counter() - self.page_started)
        return output

    @event_priority(101)  # before this project's cross-page checks (build.py)
    def _before_checks(self, config):
        self._mark("mkdocs_write")
        _phases["mkdocs_write"] -= _phases.get("mkdocs_templates", 0.0)

    @event_priority(50)  # between those checks and the search index (pagefind_hook.py)
    def _before_search(self, config):
        self._mark("cross_checks")

    @event_priority(-100)
    def _after_search(self, config):
        self._mark("search")

    on_post_build = CombinedEvent(_before_checks, _before_search, _after_search)
