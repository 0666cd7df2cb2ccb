"""site.yaml: the site's title and introduction, and the lead topic."""

from __future__ import annotations

from pathlib import Path

from generator.editorial import MAX_NAME, MAX_TEXT, EditorialError, ident, load_yaml, text


def load_site(path: Path) -> dict[str, str]:
    """The site's title and introduction, and the lead topic's id (all optional)."""
    data = load_yaml(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise EditorialError(path, None, "must be a mapping with 'title' and 'intro'")
    out = {}
    title = text(path, data, "title", max_len=MAX_NAME)
    intro = text(path, data, "intro", max_len=MAX_TEXT)
    if title:
        out["title"] = title
    if intro:
        out["intro"] = intro
    if data.get("lead") is not None:
        # The topic the home page opens with (its "What to know" and "Where they stand").
        out["lead"] = ident(path, data, "lead")
    return out
