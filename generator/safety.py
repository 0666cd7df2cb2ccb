"""A scan of the built site for live markup that the project did not put there.

Our Markdown goes into the content area of each page (`<article class="md-content__inner">`);
the theme owns the rest. Inside the content area there must be no `<script>`, no
inline event handler (`onclick=`, `onerror=`...), no `<iframe>`/`<object>`/`<embed>`,
and anywhere no `javascript:` URL. Pages written by hand are checked too.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "form", "base", "meta", "link", "style"}
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data"}


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # > 0 inside the content area
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)
        classes = dict(attrs).get("class") or ""
        if tag == "article" and "md-content__inner" in classes:
            self.depth = 1
        elif self.depth and tag == "article":
            self.depth += 1

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_endtag(self, tag):
        if self.depth and tag == "article":
            self.depth -= 1

    def _check(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name in URL_ATTRS and re.match(
                r"\s*(javascript|vbscript|data:text/html)", value, re.I
            ):
                self.problems.append(f"<{tag} {name}={value[:40]!r}>: script URL")
            if self.depth and name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>: inline event handler in content")
        if self.depth and tag in DANGEROUS_TAGS:
            self.problems.append(f"<{tag}> in content")


def scan_html(html: str) -> list[str]:
    s = _Scanner()
    s.feed(html)
    s.close()
    return s.problems


def scan_site(site: Path) -> list[str]:
    """Problems as 'path: what', for every HTML page of the built site."""
    out = []
    for page in sorted(site.rglob("*.html")):
        for problem in scan_html(page.read_text(encoding="utf-8", errors="replace")):
            out.append(f"{page.relative_to(site)}: {problem}")
    return out
