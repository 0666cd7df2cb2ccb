"""An Atom feed of what is new (`site_src/feed.xml`, at /feed.xml on the site): an
entry per article and per position (where an actor stands on a topic, since when),
newest first, the newest `LIMIT`. Written from the data with the data's dates, so the
same inputs give the same file (no clock, no git). Every text from the articles and
the editors goes through ElementTree, which escapes it: none of it becomes markup.
Links are relative to the feed, which sits at the site's root."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from generator.escape import CONTROLS
from generator.model import Corpus

ATOM = "http://www.w3.org/2005/Atom"
LIMIT = 50
STANCE = {"for", "against", "conditional"}


def _day(date: str | None) -> str:
    """An Atom date from a data date ("2018-06-14", "2018-06", "2018")."""
    parts = (date or "1970").split("-") + ["01", "01"]
    return f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z"


def _text(value: str) -> str:
    """Characters XML forbids (controls an article may carry) would make the whole
    feed unreadable: they become spaces."""
    return CONTROLS.sub(" ", value)


def atom(corpus: Corpus, title: str) -> str:
    ET.register_namespace("", ATOM)
    names = {a.id: a.name for a in corpus.actors}
    topics = {t.id: t for t in corpus.topics}
    entries: list[tuple[str, str, dict]] = []  # (date, id, fields)
    for art in corpus.articles:
        summary = art.excerpt or (art.paragraphs[0] if art.paragraphs else "")
        entries.append(
            (
                art.date or "",
                f"urn:explainer:article:{art.id}",
                {
                    "title": art.title,
                    "link": f"articles/{art.id}/",
                    "summary": summary[:400],
                },
            )
        )
    for p in corpus.positions:
        topic = topics.get(p.topic)
        if topic is None or p.stance not in STANCE:
            continue
        when = p.since or p.date
        entries.append(
            (
                when or "",
                f"urn:explainer:position:{p.topic}:{p.actor}:{when or ''}:{p.stance}",
                {
                    "title": f"{names.get(p.actor, p.actor)}: {p.summary}",
                    "link": f"topics/{p.topic}/#where-they-stand",
                    "summary": f"Where they stand on {topic.name}: {p.summary}",
                },
            )
        )
    entries.sort(key=lambda e: (e[0], e[1]), reverse=True)
    entries = entries[:LIMIT]
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = _text(title)
    ET.SubElement(feed, f"{{{ATOM}}}id").text = "urn:explainer:feed"
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _day(entries[0][0] if entries else None)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href="feed.xml")
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href="./")
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = _text(title)
    for date, eid, f in entries:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = _text(f["title"])
        ET.SubElement(entry, f"{{{ATOM}}}id").text = eid
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _day(date)
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=f["link"])
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = _text(f["summary"])
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, "unicode") + "\n"
