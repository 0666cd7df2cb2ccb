"""`explainer diff --html DIR`: the pages a change touches, before and after, as a
reader will see them: each changed page of site_src/ rendered to HTML with the
blocks (paragraphs, list items, table rows) that were added marked green and those
removed marked red, and an index of the pages. The PR workflow uploads DIR and links
it from the job summary.

Rendering is Python-Markdown with the extensions the site uses for its content, not
the theme: the preview shows what changed, the published site how it looks. Only the
pages `explainer generate` wrote are rendered (their untrusted text is already
escaped); hand-written pages are listed, not rendered; page paths are escaped here.
"""

from __future__ import annotations

import difflib
import html
from pathlib import Path

import markdown

STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto;
  padding: 0 1rem; color: #1d1d1f; background: #fff; }
.added { background: #e6ffec; border-left: 4px solid #2da44e; padding-left: .5rem; }
.removed { background: #ffebe9; border-left: 4px solid #cf222e; padding-left: .5rem;
  text-decoration: line-through; }
tr.added td:first-child { border-left: 4px solid #2da44e; }
tr.removed td:first-child { border-left: 4px solid #cf222e; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: .25rem; }
@media (prefers-color-scheme: dark) {
  body { color: #e6edf3; background: #0d1117; }
  .added { background: #033a16; } .removed { background: #5a1e1e; } a { color: #7cb7ff; }
}
"""
EXTENSIONS = ["tables", "attr_list", "md_in_html", "sane_lists"]


def _blocks(text: str) -> list[str]:
    """Paragraphs and list items: the units a change is marked in."""
    out: list[str] = []
    for para in text.split("\n\n"):
        lines = para.strip("\n").splitlines()
        if lines and all(ln.startswith(("- ", "* ", "  ")) for ln in lines):
            item: list[str] = []
            for ln in lines:
                if ln.startswith(("- ", "* ")) and item:
                    out.append("\n".join(item))
                    item = []
                item.append(ln)
            out.append("\n".join(item))
        elif para.strip():
            out.append(para.strip("\n"))
    return out


def _render(block: str) -> str:
    return markdown.markdown(block, extensions=EXTENSIONS, output_format="html")


def page(old: str, new: str, title: str) -> str:
    """One page's preview: the new page, with removed blocks shown where they were."""
    a, b = _blocks(old), _blocks(new)
    body: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        olds, news = a[i1:i2], b[j1:j2]
        if op == "replace" and len(olds) == len(news) == 1 and _table(olds[0]) and _table(news[0]):
            body.append(_table_rows(olds[0], news[0]))  # a table's rows, marked one by one
            continue
        if op in ("delete", "replace"):
            body += [f'<div class="removed">{_render(x)}</div>' for x in a[i1:i2]]
        if op in ("insert", "replace"):
            body += [f'<div class="added">{_render(x)}</div>' for x in b[j1:j2]]
        if op == "equal":
            body += [_render(x) for x in b[j1:j2]]
    return _document(title, "\n".join(body))


def _table(block: str) -> bool:
    lines = block.splitlines()
    return len(lines) >= 2 and all(ln.startswith("|") for ln in lines)


def _table_rows(old: str, new: str) -> str:
    """One table with its rows in the new order, the removed ones where they were,
    each added or removed row marked."""
    a, b = old.splitlines(), new.splitlines()
    head, rows, marks = b[:2], [], []
    sm = difflib.SequenceMatcher(None, a[2:], b[2:], autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op in ("delete", "replace"):
            rows += a[2 + i1 : 2 + i2]
            marks += ["removed"] * (i2 - i1)
        if op in ("insert", "replace", "equal"):
            rows += b[2 + j1 : 2 + j2]
            marks += ["added" if op != "equal" else ""] * (j2 - j1)
    html_ = _render("\n".join([*head, *rows]))
    parts = html_.split("<tr>")
    # parts[0] is before the header row, parts[1] the header, then one per body row
    out = parts[:2]
    for mark, part in zip(marks, parts[2:], strict=False):
        out.append(f' class="{mark}">' + part if mark else ">" + part)
    return "<tr".join([out[0], ">" + out[1], *out[2:]])


def _document(title: str, body: str) -> str:
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head>\n"
        f"<body>\n{body}\n</body></html>\n"
    )


def write(out: Path, pages: dict[str, list[str]], old_of, new_of, generated=None) -> int:
    """Write the previews of the changed Markdown pages and an index; `old_of` and
    `new_of` give a page's text before and after ('' where it did not exist).
    `generated`, where given, holds the pages `explainer generate` wrote (before or
    after): only those are rendered, since a hand-written page may hold raw HTML
    that Python-Markdown would pass through; the others are listed, not rendered.
    Returns the number of pages written."""
    out.mkdir(parents=True, exist_ok=True)
    rows: list[str] = []
    n = 0
    for kind in ("changed", "added", "removed"):
        for path in pages.get(kind, []):
            if not path.endswith(".md"):
                continue
            if generated is not None and path not in generated:
                rows.append(f"<li>{kind}: {html.escape(path)} (hand-written: not previewed)</li>")
                continue
            target = Path(path).with_suffix(".html")
            dest = out / target
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(page(old_of(path), new_of(path), f"{kind}: {path}"), "utf-8")
            href = html.escape(target.as_posix(), quote=True)
            rows.append(f'<li>{kind}: <a href="{href}">{html.escape(path)}</a></li>')
            n += 1
    index = (
        "<h1>Pages changed</h1>\n<ul>\n" + "\n".join(rows) + "\n</ul>"
        if rows
        else ("<h1>No page changed</h1>")
    )
    (out / "index.html").write_text(_document("Pages changed", index), "utf-8")
    return n
