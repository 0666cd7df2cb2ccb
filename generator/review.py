"""For reviewers: is site_src/ what the inputs generate (`check`), and what changed
in the data and the pages between two versions (`diff`), in plain Markdown."""

from __future__ import annotations

import json
import subprocess
from collections import defaultdict
from pathlib import Path

from generator import changes, sitewrite
from generator.escape import md_code, md_text

DATA = "site_src/data/explainer-data.json"


# --- check ------------------------------------------------------------------------


def check(site_src: Path, pages: dict[str, str]) -> list[tuple[str, str]]:
    """(problem, path) for every generated file that is stale, missing or extra.
    Hand-written pages are not generated pages and never count."""
    listed = sitewrite.read_manifest(site_src)
    to_write, _ = sitewrite.plan(site_src, pages, listed)
    expected_manifest = sitewrite.manifest(
        {p: sitewrite.digest(t.encode("utf-8")) for p, t in to_write.items()}
    )
    to_write = {**to_write, sitewrite.MANIFEST: expected_manifest}
    problems: list[tuple[str, str]] = []
    for path, text in sorted(to_write.items()):
        f = site_src / path
        if not f.exists():
            problems.append(("missing", path))
        elif f.read_text(encoding="utf-8") != text:
            problems.append(("stale", path))
    for path in sorted(set(listed) - set(to_write)):
        if (site_src / path).exists():
            problems.append(("extra", path))
    return problems


# --- diff -------------------------------------------------------------------------


def git(root: Path, *args: str) -> str:
    r = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    if r.returncode:
        raise RuntimeError(f"git {' '.join(args)}: {r.stderr.strip()}")
    return r.stdout


def default_base(root: Path) -> str:
    for ref in ("origin/main", "main"):
        try:
            return git(root, "merge-base", "HEAD", ref).strip()
        except RuntimeError:
            continue
    return "HEAD"


def data_at(root: Path, rev: str) -> dict:
    try:
        return json.loads(git(root, "show", f"{rev}:{DATA}"))
    except (RuntimeError, ValueError):
        return {"articles": [], "actors": [], "quotes": [], "topics": [], "events": []}


def page_at(root: Path, rev: str):
    """A page of site_src/ as it was at `rev` ('' where it did not exist)."""

    def text(path: str) -> str:
        try:
            return git(root, "show", f"{rev}:site_src/{path}")
        except RuntimeError:
            return ""

    return text


def generated_pages(root: Path, rev: str) -> set[str]:
    """The pages `explainer generate` wrote, at `rev` or in the working tree."""
    before = sitewrite.parse_manifest(page_at(root, rev)(sitewrite.MANIFEST))
    return set(before) | set(sitewrite.read_manifest(root / "site_src"))


def page_now(root: Path):
    """A page of site_src/ in the working tree ('' where it does not exist)."""

    def text(path: str) -> str:
        f = root / "site_src" / path
        return f.read_text(encoding="utf-8") if f.is_file() else ""

    return text


def pages_changed(root: Path, rev: str) -> dict[str, list[str]]:
    """Pages of site_src/ added, changed or removed since `rev` (working tree)."""
    out: dict[str, list[str]] = {"added": [], "changed": [], "removed": []}
    for line in git(
        root, "diff", "--name-status", "--no-renames", rev, "--", "site_src"
    ).splitlines():
        status, path = line.split("\t", 1)
        key = {"A": "added", "D": "removed"}.get(status[0], "changed")
        out[key].append(path.removeprefix("site_src/"))
    for line in git(
        root, "status", "--porcelain", "--untracked-files=all", "--", "site_src"
    ).splitlines():
        if line.startswith("??"):
            out["added"].append(line[3:].removeprefix("site_src/"))
    return {k: sorted(p for p in v if not p.startswith(".")) for k, v in out.items()}


def _mentions(actor: dict) -> set[tuple]:
    return {(m["article"], m["paragraph"], m["start"]) for m in actor.get("mentions", [])}


def diff_data(old: dict, new: dict) -> list[str]:
    """Markdown lines describing what changed between two extraction files."""
    lines: list[str] = []
    oa = {a["id"]: a for a in old.get("actors", [])}
    na = {a["id"]: a for a in new.get("actors", [])}
    added = sorted(set(na) - set(oa))
    removed = sorted(set(oa) - set(na))
    renamed, merged = [], []
    for rid in list(removed):
        gone = _mentions(oa[rid])
        best = max(na.values(), key=lambda a: len(gone & _mentions(a)), default=None)
        if best is None or not gone or len(gone & _mentions(best)) < len(gone) / 2:
            continue
        removed.remove(rid)
        if best["id"] in added and len(_mentions(best)) <= len(gone) * 1.5:
            renamed.append((oa[rid], best))
            added.remove(best["id"])
        else:
            merged.append((oa[rid], best))
    section = []
    for aid in added:
        a = na[aid]
        section.append(f"- added: **{md_text(a['name'])}** ({md_text(a['kind'])})")
    for aid in removed:
        section.append(f"- removed: **{md_text(oa[aid]['name'])}** ({md_text(oa[aid]['kind'])})")
    for o, n in renamed:
        section.append(
            f"- renamed: **{md_text(o['name'])}** ({md_code(o['id'])}) is now "
            f"**{md_text(n['name'])}** ({md_code(n['id'])})"
        )
    for o, n in merged:
        section.append(f"- merged: **{md_text(o['name'])}** into **{md_text(n['name'])}**")
    if section:
        lines += ["### Actors", "", *section, ""]

    def roles(a):
        return {(r["title"], r.get("affiliation"), r["article"]) for r in a.get("roles", [])}

    section = []
    for aid in sorted(set(oa) & set(na)):
        before, after = roles(oa[aid]), roles(na[aid])
        name = md_text(na[aid]["name"])
        for t, aff, _ in sorted(after - before, key=str):
            of = f" ({md_text(aff)})" if aff else ""
            section.append(f"- {name}: now *{md_text(t)}*{of}")
        for t, aff, _ in sorted(before - after, key=str):
            of = f" ({md_text(aff)})" if aff else ""
            section.append(f"- {name}: no longer *{md_text(t)}*{of}")
        if oa[aid].get("name") != na[aid].get("name"):
            section.append(f"- {md_text(oa[aid].get('name'))}: now named **{name}**")
        if oa[aid].get("affiliation") != na[aid].get("affiliation"):
            section.append(
                f"- {name}: affiliation {md_text(oa[aid].get('affiliation'))} "
                f"-> {md_text(na[aid].get('affiliation'))}"
            )
    if section:
        lines += ["### Names, roles and affiliations", "", *section, ""]

    def qkey(q):
        return (q["article"], q["paragraph"], q.get("start"), q.get("end"), q["kind"])

    same_actor = {o["id"]: n["id"] for o, n in renamed + merged}
    old_q = {qkey(q): q for q in old.get("quotes", [])}
    names = {a["id"]: a["name"] for a in new.get("actors", [])}
    by_speaker: dict[str, list[str]] = defaultdict(list)
    for q in new.get("quotes", []):
        if qkey(q) not in old_q and q["kind"] != "indirect":
            by_speaker[names.get(q.get("speaker") or "", "no speaker")].append(q["text"])
        elif qkey(q) in old_q and (
            same_actor.get(old_q[qkey(q)].get("speaker"), old_q[qkey(q)].get("speaker"))
            != q.get("speaker")
        ):
            who = names.get(q.get("speaker") or "", "no speaker")
            by_speaker[f"{who} (speaker changed)"].append(q["text"])
    lines += changes.by_speaker_section("New quotations, by speaker", by_speaker)

    def ekey(e):
        return (e["article"], e["paragraph"], e["title"], e["date"])

    old_e = {ekey(e) for e in old.get("events", [])}
    new_events = [e for e in new.get("events", []) if ekey(e) not in old_e]
    if new_events:
        lines += ["### Events added", ""]
        lines += [f"- {md_text(e['date'])}: {md_text(e['title'])}" for e in new_events]
        lines.append("")

    lines += changes.events_removed(old, new)
    lines += changes.episodes(old, new)
    lines += changes.quotations_removed(old, new)
    lines += changes.positions(old, new)

    ot = {t["id"]: t for t in old.get("topics", [])}
    changed = [t["name"] for t in new.get("topics", []) if ot.get(t["id"]) != t]
    if changed:
        lines += ["### Topics whose pages changed", "", *[f"- {md_text(n)}" for n in changed], ""]
    arts_old = {a["id"] for a in old.get("articles", [])}
    new_arts = [a for a in new.get("articles", []) if a["id"] not in arts_old]
    if new_arts:
        lines = [
            "### Articles added",
            "",
            *[f"- {md_text(a['title'])} ({md_text(a['date'])})" for a in new_arts],
            "",
        ] + lines
    return lines


def report(old: dict, new: dict, pages: dict[str, list[str]] | None, title: str) -> str:
    lines = diff_data(old, new)
    if pages and any(pages.values()):
        lines += ["### Pages", ""]
        for kind in ("added", "changed", "removed"):
            if pages[kind]:
                shown = ", ".join(md_code(p) for p in pages[kind][:30])
                more = f" and {len(pages[kind]) - 30} more" if len(pages[kind]) > 30 else ""
                lines.append(f"- {kind} ({len(pages[kind])}): {shown}{more}")
        lines.append("")
    title = md_text(title)
    if not lines:
        return f"## {title}\n\nNo changes in the data or the pages.\n"
    return f"## {title}\n\n" + "\n".join(lines).rstrip() + "\n"
