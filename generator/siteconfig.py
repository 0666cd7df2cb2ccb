"""The site's name in mkdocs.yml follows editorial/site.yaml's title, so that an
editor starting a new beat changes editorial/ alone; a plain `mkdocs build` (or
Zensical, which reads the same file) then gives the same site as `explainer build`.

`explainer generate` rewrites that one line of mkdocs.yml (atomically, nothing else
in the file); `explainer check` names it when it is stale. The title is written as
a double-quoted YAML string (JSON's quoting, which YAML reads the same), so no title
can add a key or break the file, and with look-alikes for `< > & "`, which the theme
would print as markup.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.files import replace_text

LINE = re.compile(r"^site_name:.*$", re.M)


# The theme prints site_name unescaped in places (the header, the drawer, an
# aria-label): a title's markup characters become look-alikes there, never markup.
# The home page's heading, from site.yaml through our templates, keeps them as typed.
SAFE = str.maketrans({"<": "\u2039", ">": "\u203a", "&": "\uff06", '"': "\u201d"})


def wanted(title: str) -> str:
    return "site_name: " + json.dumps(title.translate(SAFE), ensure_ascii=False)


def stale(config: Path, title: str | None) -> bool:
    """Whether mkdocs.yml's site_name is not the editors' title (no title: never)."""
    if not title or not config.is_file():
        return False
    found = LINE.search(config.read_text(encoding="utf-8"))
    return found is None or found.group(0) != wanted(title)


def sync(config: Path, title: str | None) -> bool:
    """Write the editors' title into mkdocs.yml's site_name; True when it changed."""
    if not stale(config, title):
        return False
    text = config.read_text(encoding="utf-8")
    line = wanted(title or "")
    new, n = LINE.subn(lambda _: line, text, count=1)
    if n == 0:
        new = line + "\n" + text
    replace_text(config, new)
    return True
