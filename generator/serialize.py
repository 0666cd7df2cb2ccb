"""The extraction data as JSON, in the shape of the shared contract
(`explainer-data.schema.json`, schema_version 1). Extra properties carry what the
site needs beyond the contract (offsets, excerpts, mentions)."""

from __future__ import annotations

import csv
import io
import json

from generator.markup import para_anchor, quote_anchor
from generator.model import Corpus

SCHEMA_VERSION = 1


def corpus_to_dict(corpus: Corpus) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "articles": [
            {
                "id": a.id,
                "path": a.path,
                "title": a.title,
                "title_derived": a.title_derived,
                "date": a.date,
                "authors": list(a.authors),
                "contributors": list(a.contributors),
                "dateline": a.dateline,
                "url": a.url,
                "source": a.source,
                "excerpt": a.excerpt,
                "paragraphs": list(a.paragraphs),
            }
            for a in corpus.articles
        ],
        "actors": [
            {
                "id": a.id,
                "name": a.name,
                "kind": a.kind,
                "aliases": list(a.aliases),
                "roles": [
                    {"title": r.title, "affiliation": r.affiliation, "article": r.article}
                    for r in a.roles
                ],
                "affiliation": a.affiliation,
                "articles": list(a.articles),
                "mentions": [
                    {"article": art, "paragraph": m.paragraph, "start": m.start, "end": m.end}
                    for art, m in a.mentions
                ],
            }
            for a in corpus.actors
        ],
        "quotes": [
            {
                "id": q.id,
                "article": q.article,
                "paragraph": q.paragraph,
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "speaker": q.speaker,
                "kind": q.kind,
                "cue": q.cue,
                "topics": list(q.topics),
            }
            for q in corpus.quotes
        ],
        "topics": [
            {
                "id": t.id,
                "name": t.name,
                "description": t.description,
                "articles": list(t.articles),
                "quotes": list(t.quotes),
                "paragraphs": [{"article": a, "paragraph": p} for a, p in t.paragraphs],
            }
            for t in corpus.topics
        ],
        "events": [
            {
                "id": e.id,
                "date": e.date,
                "title": e.title,
                "summary": e.summary,
                "actors": list(e.actors),
                "topics": list(e.topics),
                "article": e.article,
                "paragraph": e.paragraph,
                **({"approximate": True, "date_text": e.date_text} if e.approximate else {}),
                **({"scheduled": True} if e.scheduled else {}),
            }
            for e in corpus.events
            if e.date
        ],
        "episodes": [
            {
                "id": ep.id,
                "topic": ep.topic,
                "title": ep.title,
                "start": ep.start,
                "end": ep.end,
                "approximate": ep.approximate,
                "events": list(ep.events),
                "conflicts": list(ep.conflicts),
            }
            for ep in corpus.episodes
        ],
        "positions": [
            {
                "topic": pos.topic,
                "actor": pos.actor,
                "stance": pos.stance,
                "summary": pos.summary,
                **({"date": pos.date} if pos.date else {}),
                **({"since": pos.since} if pos.since else {}),
                **({"on_behalf": pos.on_behalf} if pos.on_behalf else {}),
                "evidence": _evidence(pos.evidence),
                **(
                    {
                        "history": [
                            {"stance": h.stance, "date": h.date, "evidence": _evidence(h.evidence)}
                            for h in pos.history
                        ]
                    }
                    if pos.history
                    else {}
                ),
            }
            for pos in corpus.positions
        ],
    }


def _evidence(evidence) -> list[dict]:
    return [
        {
            "article": e.article,
            "paragraph": e.paragraph,
            **({"start": e.start, "end": e.end} if e.end else {}),
            **({"quote": e.quote} if e.quote else {}),
        }
        for e in evidence
    ]


def dumps(corpus: Corpus) -> str:
    """JSON with one record a line: quick to write (the C encoder) and to diff."""
    data = corpus_to_dict(corpus)
    parts = ["{", f' "schema_version": {data["schema_version"]},']
    keys = [k for k in data if k != "schema_version"]
    for n, key in enumerate(keys):
        items = data[key]
        end = "," if n < len(keys) - 1 else ""
        if not items:
            parts.append(f' "{key}": []{end}')
            continue
        parts.append(f' "{key}": [')
        rows = [json.dumps(item, ensure_ascii=False) for item in items]
        parts.append(",\n".join(f"  {row}" for row in rows))
        parts.append(f" ]{end}")
    parts.append("}")
    return "\n".join(parts) + "\n"


def quotes_csv(corpus: Corpus) -> str:
    """speaker, text, kind, article, date, link (relative to the site root)."""
    names = {a.id: a.name for a in corpus.actors}
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["speaker", "speaker_id", "text", "kind", "cue", "article", "date", "link"])

    def cell(value: str) -> str:
        # A cell starting with = + - @ is a formula to a spreadsheet: quote it.
        return "'" + value if value[:1] in ("=", "+", "-", "@") else value

    articles = {a.id: a for a in corpus.articles}
    for q in corpus.quotes:
        art = articles[q.article]
        anchor = quote_anchor(q) if q.kind != "indirect" else para_anchor(q.paragraph)
        w.writerow(
            [
                cell(names.get(q.speaker or "", "")),
                q.speaker or "",
                cell(q.text),
                q.kind,
                cell(q.cue or ""),
                cell(art.title),
                art.date or "",
                f"articles/{art.id}/#{anchor}",
            ]
        )
    return buf.getvalue()
