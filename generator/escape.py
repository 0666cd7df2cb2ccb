"""Escaping untrusted text (article text, names, editors' words) for the places it
is shown: Markdown pages, and the Markdown of reviewers' summaries and terminals."""

from __future__ import annotations

import re

# One table for every character that needs it: HTML's three, the characters
# Python-Markdown (and the extensions we enable) treat as syntax anywhere in a line,
# and the bidirectional overrides and isolates that could reorder the page.
_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        **{c: "\\" + c for c in "\\`*_{}[]|!"},
        **{chr(c): f"&#x{c:04x};" for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]},
    }
)
# Syntax only at the start of a line: headings (`#`, a setext `===`), lists (`+`,
# `-`, `1.`), and fences (MkDocs always adds `fenced_code`, whose fences are
# backticks, escaped everywhere, or tildes). Python-Markdown takes a backslash
# before `#`, `+`, `-` and `.` but not before `=` or `~`: those become entities.
_LEADING = re.compile(r"^(\s*)(?:([#+\-])|([=~])|(\d+)\.)")
_SPACE = re.compile(r"\s+")


def _leading(m: re.Match) -> str:
    if m.group(2):
        return m.group(1) + "\\" + m.group(2)
    if m.group(3):
        return m.group(1) + f"&#{ord(m.group(3))};"
    return m.group(1) + m.group(4) + "\\."


def md_escape(value: object) -> str:
    """Escape untrusted text so Markdown shows it as written, with no markup."""
    text = str(value)
    if "\n" in text or "\t" in text or "  " in text or "\r" in text:
        text = _SPACE.sub(" ", text)
    text = text.translate(_ESCAPES)
    if text and text[0] in "#+=-~0123456789 ":
        text = _LEADING.sub(_leading, text)
    return text


# C0 and C1 control characters (terminal escape sequences start with ESC) and the
# bidirectional overrides and isolates, which can make text read other than it is.
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def plain(value: object) -> str:
    """`value` on one line with no control or direction characters."""
    return CONTROLS.sub("", _SPACE.sub(" ", str(value))).strip()


_AUTOLINK = re.compile(r"(?i)(?<=[a-z])(://)|\b(www)\.")
# What GitHub-flavoured Markdown reads besides Python-Markdown's syntax: `~`
# (strikethrough) and `$` (math), which a backslash escapes there; and what GitHub
# adds to the rendered text itself, which no backslash stops (it works on the
# HTML's text): @mentions and e-mail addresses, #123 issue links and :emoji:
# shortcodes. Those are broken by an invisible word joiner after the `@`, `#` or
# `:`, so that the text reads the same and links to no one.
_GFM = str.maketrans({"~": "\\~", "$": "\\$"})
_JOINER = "\u2060"
_GITHUB_REFS = re.compile(r"(?<!&)([@#:])(?=[A-Za-z0-9_+\-])")


def md_text(value: object) -> str:
    """Untrusted text for a Markdown summary shown on a terminal or a web page (a
    pull request's job summary): no markup (GitHub's own included), no control
    characters, no bare URL that GitHub would turn into a link, and no mention,
    issue link, e-mail link, emoji or math."""
    text = md_escape(plain(value)).translate(_GFM)
    text = _AUTOLINK.sub(lambda m: ":\\/\\/" if m.group(1) else "www\\.", text)
    return _GITHUB_REFS.sub(lambda m: m.group(1) + _JOINER, text)


_CODE_SAFE = re.compile(r"[A-Za-z0-9._/-]+")


def md_code(value: object) -> str:
    """An id or a path as a code span where it is plainly one, else as escaped text."""
    text = plain(value)
    return f"`{text}`" if _CODE_SAFE.fullmatch(text) else md_escape(text)
