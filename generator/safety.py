"""A scan of the built site for live markup that the project did not put there.

Whole documents are scanned, `<head>` included, since article text reaches the
HTML through many doors (the `<title>`, meta tags, the nav, the search index),
not only the page body. What the theme and our templates write is known, and
anything else is a problem:

* anywhere: an inline event handler (`onclick=`...), a script URL in any URL
  attribute (read as a browser reads it: entities decoded, tabs and newlines
  dropped, backslashes as slashes; every `srcset` candidate and `ping` URL; the
  values an SVG `<animate>` or `<set>` gives an attribute),
  `<iframe>`/`<object>`/`<embed>`/`<base>`/`<frame>`/`<applet>`, a
  `<meta http-equiv>` other than a redirect stub's refresh to a page of the site;
* `<script>`: only with a `src` within the site (the theme's bundle, our assets),
  the theme's JSON configuration, or one of the theme's own inline scripts,
  known by the hash of their text (`THEME_SCRIPTS`);
* `<link>`: only icons, stylesheets, page relations and the feed, within the site;
* `<title>`: exactly one, holding text only (a title that closed early shows up
  as a second title or as elements after it);
* `<form>`: only the theme's search form and palette switch;
* in the content area (our Markdown): no `<script>`, `<style>`, `<link>`,
  `<meta>`, `<form>` or `<input>`, no `style` attribute, and no link or source
  leaving the site.
"""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

NEVER = {"iframe", "object", "embed", "base", "frame", "frameset", "applet", "portal"}
NOT_IN_CONTENT = {"script", "style", "link", "meta", "form", "input", "textarea", "button"}
# Every attribute a browser reads a URL from (HTML and SVG, old and new).
URL_ATTRS = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "poster",
    "srcset",
    "imagesrcset",
    "background",
    "ping",
    "cite",
    "longdesc",
    "lowsrc",
    "dynsrc",
    "codebase",
    "classid",
    "archive",
    "manifest",
    "icon",
    "usemap",
    "profile",
    "xml:base",
    "itemtype",
}
# Attributes holding several URLs, and how they are split (a superset of the
# browser's split: every piece is checked).
_MANY = {"srcset": r"[\s,]+", "imagesrcset": r"[\s,]+", "ping": r"\s+", "archive": r"[\s,]+"}
# SVG animations set another attribute to each of these values.
ANIMATIONS = {"animate", "set", "animatemotion", "animatetransform", "animatecolor"}
_ANIMATED_VALUES = ("values", "to", "from", "by")
LINK_RELS = {"icon", "stylesheet", "canonical", "prev", "next"}
# The inline scripts of Material 9.8.1, with the page's relative base path taken out
# (see _normalized). A theme upgrade changes them: check the new ones, then put
# their hashes here (tests/test_safety.py prints them).
THEME_SCRIPTS = {
    "6a9a103c779f08d5a3c5b0a6f87cd50ce016e024955a163b5729508e0385c9f9",  # __md_scope
    "0eb10c249dbdb0beef225a10ce5cbe55418cc4a7014cc208f8e7d6ed8f00906e",  # palette
    "ffcc0f7735fdab434d257c80e65cec2e88d716991e69757185b7e450e41a5b2f",  # tabbed anchor
}
_SCRIPT_URL = re.compile(
    r"(?:javascript|vbscript|livescript):|data:(?:text/html|image/svg|text/xml|application/)", re.I
)
_OFFSITE = re.compile(r"(?:[a-z][a-z0-9+.-]*:|//)", re.I)
# What a browser's URL parser drops: C0 controls and spaces at either end, and every
# tab and newline inside; and a backslash is a slash in http(s) URLs.
_EDGES = "".join(chr(c) for c in range(0x21))
_TAB_NEWLINE = str.maketrans("", "", "\t\n\r")
_BASE = re.compile(r'"(?:\.\.(?:/\.\.)*|\.|/)"')


def script_hash(text: str) -> str:
    return hashlib.sha256(_BASE.sub('"."', text).encode()).hexdigest()


def normalize_url(url: str) -> str:
    """`url` as a browser's URL parser sees it (entities are decoded by the HTML
    parser before): no spaces or controls at the ends, no tab or newline within,
    backslashes as slashes."""
    return url.strip(_EDGES).translate(_TAB_NEWLINE).replace("\\", "/")


def urls(name: str, value: str) -> list[str]:
    """The URLs of attribute `name`, normalized: one, or each of a list's."""
    if name in _MANY:
        return [normalize_url(u) for u in re.split(_MANY[name], value) if u.strip(_EDGES)]
    return [normalize_url(value)]


def script_url(url: str) -> bool:
    return bool(_SCRIPT_URL.match(normalize_url(url)))


def _offsite(url: str) -> bool:
    """A URL that leaves the site (any scheme, or //host). The theme's few outside
    links are outside the content area, where this is not asked."""
    url = normalize_url(url)
    return bool(_OFFSITE.match(url)) and not url.lower().startswith("mailto:")


def is_url_attr(name: str) -> bool:
    return name in URL_ATTRS or name.endswith(":href")


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # > 0 inside the content area
        self.problems: list[str] = []
        self.titles = 0
        self.in_title = False
        self.script: tuple[dict, list[str]] | None = None
        self.redirect = False
        self.svg = 0  # > 0 inside an <svg>, whose <title> is a tooltip, not the page's

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)
        classes = dict(attrs).get("class") or ""
        if tag == "svg":
            self.svg += 1
        if tag == "article" and "md-content__inner" in classes:
            self.depth = 1
        elif self.depth and tag == "article":
            self.depth += 1

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)
        if tag == "script":
            self._end_script()

    def handle_endtag(self, tag):
        if self.depth and tag == "article":
            self.depth -= 1
        elif tag == "svg" and self.svg:
            self.svg -= 1
        elif tag == "title":
            self.in_title = False
        elif tag == "script" and self.script is not None:
            self._end_script()

    def handle_data(self, data):
        if self.script is not None:
            self.script[1].append(data)

    def _problem(self, text: str) -> None:
        self.problems.append(text)

    def _check_urls(self, tag: str, name: str, found: list[str]) -> None:
        for url in found:
            if script_url(url):
                self._problem(f"<{tag} {name}={url[:40]!r}>: script URL")
            elif self.depth and _offsite(url):
                self._problem(f"<{tag} {name}={url[:40]!r}>: a link off the site in content")

    def _check(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {name: value or "" for name, value in attrs}
        if self.in_title:
            self._problem(f"<{tag}> inside <title>")
        animated = tag in ANIMATIONS and (a.get("attributename") or "").strip().lower()
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self._problem(f"<{tag} {name}=...>: inline event handler")
            if is_url_attr(name):
                self._check_urls(tag, name, urls(name, value))
            elif animated and name in _ANIMATED_VALUES:
                if animated.startswith("on"):
                    self._problem(f"<{tag} attributeName={animated[:20]!r}>: sets a handler")
                elif is_url_attr(animated):
                    self._check_urls(tag, f"{animated} {name}", value.split(";"))
            if self.depth and name == "style":
                self._problem(f"<{tag} style=...>: style attribute in content")
        if tag in NEVER:
            self._problem(f"<{tag}>: never on this site")
        if self.depth and tag in NOT_IN_CONTENT:
            self._problem(f"<{tag}> in content")
        if tag == "title" and not self.svg:
            self.titles += 1
            self.in_title = True
        elif tag == "meta" and "http-equiv" in a:
            content = a.get("content", "")
            parts = re.split(r"url\s*=", content, maxsplit=1, flags=re.I)
            url = parts[1].strip("'\" ") if len(parts) == 2 else ""
            bad = not url or _offsite(url) or script_url(url)
            if a["http-equiv"].lower() != "refresh" or bad:
                self._problem(f"<meta http-equiv={a['http-equiv'][:20]!r}>: not a redirect stub")
            self.redirect = True
        elif tag == "link":
            rels = set(a.get("rel", "").lower().split())
            feed = rels == {"alternate"} and a.get("type") == "application/atom+xml"
            if feed and not a.get("href", "").endswith("feed.xml"):
                self._problem("<link rel='alternate'>: not the site's feed")
            elif not feed and (not rels or not rels <= LINK_RELS) or _offsite(a.get("href", "")):
                self._problem(f"<link rel={a.get('rel', '')[:20]!r}>: not the theme's")
        elif tag == "form" and not {"md-search__form", "md-header__option"} & set(
            a.get("class", "").split()
        ):
            self._problem("<form>: not the theme's search form")
        elif tag == "script":
            self.script = (a, [])

    def _end_script(self) -> None:
        assert self.script is not None
        a, parts = self.script
        self.script = None
        text = "".join(parts)
        if "src" in a:
            if _offsite(a["src"]) or text.strip():
                self._problem(f"<script src={a['src'][:40]!r}>: not the site's own")
        elif a.get("type") == "application/json" and a.get("id") == "__config":
            try:
                json.loads(text)
            except ValueError:
                self._problem("<script id=__config>: not the theme's configuration")
        elif script_hash(text) not in THEME_SCRIPTS:
            self._problem(f"<script>{text[:40]!r}...: not one of the theme's scripts")

    def finish(self) -> list[str]:
        if self.titles != 1:
            self._problem(f"{self.titles} <title> elements (a page has one)")
        return self.problems


def scan_html(html: str) -> list[str]:
    s = _Scanner()
    s.feed(html)
    s.close()
    return s.finish()


def scan_site(site: Path) -> list[str]:
    """Problems as 'path: what', for every HTML page of the built site."""
    out = []
    for page in sorted(site.rglob("*.html")):
        for problem in scan_html(page.read_text(encoding="utf-8", errors="replace")):
            out.append(f"{page.relative_to(site)}: {problem}")
    return out
