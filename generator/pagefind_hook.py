"""MkDocs plugin `explainer-search` (mkdocs.yml `plugins:`, registered in
pyproject.toml): index the built site for search with Pagefind after every build,
so that `mkdocs build` and `explainer build` give the same site.

Only each page's article is indexed (not the nav, header or footer), and the index
is written to site/pagefind/: a small entry file, then pieces of the index and of the
excerpts that a query fetches as it needs them (see `assets/search.js`). Pagefind is
the `pagefind[bin]` wheel from PyPI: its binary runs here, nothing is downloaded.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

ROOT_SELECTOR = "article.md-content__inner"
ENTRY = "pagefind-entry.json"


def command(site_dir: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        site_dir,
        "--root-selector",
        ROOT_SELECTOR,
        "--output-subdir",
        "pagefind",
        "--force-language",
        "en",
        "--quiet",
    ]


class PagefindPlugin(BasePlugin):
    # Set by an incremental build (build.py) that rendered and removed no page: the
    # index last written from the same HTML stands.
    unchanged = False

    def on_post_build(self, config, **kwargs) -> None:
        if self.unchanged and (Path(config["site_dir"]) / "pagefind" / ENTRY).is_file():
            return
        # Written whole each time: no piece of a last build's index is left behind.
        shutil.rmtree(Path(config["site_dir"]) / "pagefind", ignore_errors=True)
        r = subprocess.run(command(config["site_dir"]), capture_output=True, text=True)
        if r.returncode:
            raise PluginError(f"pagefind could not index {config['site_dir']}: {r.stderr.strip()}")
