"""Where an actor page's old address leads, and the static page that sends the
reader there: for a renamed actor, and for an actor who no longer has a page of
their own (`castview.has_page`)."""

from __future__ import annotations

import re

from generator.markup import para_anchor
from generator.siteviews import Site


def moved_to(site: Site, actor_id: str) -> tuple[str, str | None] | None:
    """Where an actor's page address leads: (folder under the site root, anchor).
    Their page; else their line on their article's page (listed); else the
    paragraph that first names them; None if the articles never name them."""
    actor = site.actors[actor_id]
    target = site.cast.target(actor)
    if target:
        return target[0].removesuffix(".md"), target[1]
    if not actor.mentions:
        return None
    art, m = actor.mentions[0]
    return f"articles/{art}", para_anchor(m.paragraph)


_SLUGS = re.compile(r"[a-z0-9-]+(?:/[a-z0-9-]+)*")


def redirect_page(old: str, to: tuple[str, str | None]) -> str:
    """A static page at an actor's old address (actors/<old>/) that sends the reader
    on to `to` (`moved_to`). Every part is our own slug ([a-z0-9-]: actor and
    article ids, anchors), never article text, and nothing runs: a meta refresh
    and a link, the same offline."""
    folder, anchor = to
    # Checked, not asserted: under `python -O` an assert is gone, and an old id is
    # a folder name (a bad one once wrote outside the project).
    if not (
        _SLUGS.fullmatch(old)
        and "/" not in old
        and _SLUGS.fullmatch(folder)
        and (anchor is None or _SLUGS.fullmatch(anchor) and "/" not in anchor)
    ):
        raise ValueError(f"not ids: {old[:40]!r} -> {folder[:60]!r} #{str(anchor)[:40]!r}")
    url = f"../../{folder}/" + (f"#{anchor}" if anchor else "")
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        # The theme's icon, or the browser asks for /favicon.ico, which is not there.
        '<link rel="icon" href="../../assets/images/favicon.png">\n'
        f"<title>Moved to {folder}</title>\n"
        f'<meta http-equiv="refresh" content="0; url={url}">\n'
        f'<link rel="canonical" href="{url}">\n</head>\n'
        f'<body><p>This page has moved: <a href="{url}">{folder}</a>.</p></body>\n</html>\n'
    )
