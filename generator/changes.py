"""What a reviewer needs beyond new names and quotations (`review.diff_data`):
positions added, removed and changed (with the sentence's article and paragraph),
quotations removed, events and episodes added or removed. Plain Markdown lines;
every text from the data goes through `md_text`."""

from __future__ import annotations

from collections import defaultdict

from generator.escape import md_text, plain

STANCES = {
    "for": "For",
    "against": "Against",
    "conditional": "On a condition",
    "undecided": "Undecided",
}


def _where(p: dict, titles: dict[str, str]) -> str:
    ev = (p.get("evidence") or [{}])[0]
    art = ev.get("article")
    if art is None:
        return ""
    return f" ({md_text(titles.get(art, art))}, paragraph {ev.get('paragraph', 0) + 1})"


def positions(old: dict, new: dict) -> list[str]:
    """Positions added, removed or changed (stance, summary, or the article and
    paragraph of the sentence that shows it)."""
    names = {a["id"]: a["name"] for a in (*old.get("actors", []), *new.get("actors", []))}
    topics = {t["id"]: t["name"] for t in (*old.get("topics", []), *new.get("topics", []))}
    titles = {a["id"]: a["title"] for a in (*old.get("articles", []), *new.get("articles", []))}
    before = {(p["topic"], p["actor"]): p for p in old.get("positions", [])}
    after = {(p["topic"], p["actor"]): p for p in new.get("positions", [])}

    def who(key: tuple) -> str:
        topic, actor = key
        return f"**{md_text(names.get(actor, actor))}** on *{md_text(topics.get(topic, topic))}*"

    def stance(p: dict) -> str:
        return STANCES.get(p.get("stance", ""), md_text(p.get("stance", "")))

    lines = []
    for key in sorted(set(after) - set(before)):
        p = after[key]
        lines.append(f"- added: {who(key)}: {md_text(p['summary'])}{_where(p, titles)}")
    for key in sorted(set(before) - set(after)):
        p = before[key]
        lines.append(f"- removed: {who(key)} (was: {md_text(p['summary'])}{_where(p, titles)})")
    for key in sorted(set(before) & set(after)):
        o, n = before[key], after[key]
        if _shown(o) != _shown(n):
            lines.append(
                f"- changed: {who(key)}: {stance(o)} -> {stance(n)}: "
                f"{md_text(n['summary'])}{_where(n, titles)}"
            )
    return ["### Where they stand", "", *lines, ""] if lines else []


def _shown(p: dict) -> tuple:
    """What a reader sees of a position: its stance, its words and the sentence
    (article and paragraph) that shows it."""
    ev = (p.get("evidence") or [{}])[0]
    return (p.get("stance"), p.get("summary"), ev.get("article"), ev.get("paragraph"))


def _qkey(q: dict) -> tuple:
    return (q["article"], q["paragraph"], q.get("start"), q.get("end"), q["kind"])


def quotations_removed(old: dict, new: dict) -> list[str]:
    names = {a["id"]: a["name"] for a in old.get("actors", [])}
    kept = {_qkey(q) for q in new.get("quotes", [])}
    by_speaker: dict[str, list[str]] = defaultdict(list)
    for q in old.get("quotes", []):
        if _qkey(q) not in kept and q["kind"] != "indirect":
            by_speaker[names.get(q.get("speaker") or "", "no speaker")].append(q["text"])
    return by_speaker_section("Quotations removed, by speaker", by_speaker)


def by_speaker_section(title: str, by_speaker: dict[str, list[str]]) -> list[str]:
    """A section listing quotations by speaker: the first of each speaker's (cut
    at 80 characters) and how many more; nothing when there are none."""
    if not by_speaker:
        return []
    lines = [f"### {title}", ""]
    for who in sorted(by_speaker):
        texts = by_speaker[who]
        first = plain(texts[0])
        first = first[:80] + ("\u2026" if len(first) > 80 else "")
        more = f" and {len(texts) - 1} more" if len(texts) > 1 else ""
        lines.append(f"- **{md_text(who)}**: \u201c{md_text(first)}\u201d{more}")
    return [*lines, ""]


def _ekey(e: dict) -> tuple:
    return (e["article"], e["paragraph"], e["title"], e["date"])


def events_removed(old: dict, new: dict) -> list[str]:
    kept = {_ekey(e) for e in new.get("events", [])}
    gone = [e for e in old.get("events", []) if _ekey(e) not in kept]
    if not gone:
        return []
    return [
        "### Events removed",
        "",
        *(f"- {md_text(e['date'])}: {md_text(e['title'])}" for e in gone),
        "",
    ]


def episodes(old: dict, new: dict) -> list[str]:
    def key(e: dict) -> tuple:
        return (e.get("topic"), e.get("title"), e.get("start"), e.get("end"))

    before = {key(e): e for e in old.get("episodes", [])}
    after = {key(e): e for e in new.get("episodes", [])}
    lines = []
    for label, keys, src in (
        ("added", sorted(set(after) - set(before), key=str), after),
        ("removed", sorted(set(before) - set(after), key=str), before),
    ):
        for k in keys:
            e = src[k]
            span = md_text(e.get("start") or "")
            if e.get("end") and e.get("end") != e.get("start"):
                span += f"\u2013{md_text(e['end'])}"
            lines.append(f"- {label}: {span}: {md_text(e.get('title') or '')}")
    return ["### Episodes", "", *lines, ""] if lines else []
