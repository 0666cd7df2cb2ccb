"""Every statement once: what a speaker said, with quoted words shown inside the
reported statement that holds them and fragments within their sentence."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from generator.model import Article, Quote
from generator.sentences import sentence_around


def statements(quotes: list[Quote], articles: dict[str, Article]) -> list[Quote]:
    """Each statement once. Quoted words inside a reported statement of the same
    speaker are shown there (its text holds them in their marks), not again; a
    reported statement that is all quotation is a direct quotation; a fragment of a
    few words on its own is shown within its sentence (kind "context")."""
    by_place: dict[tuple[str, int], list[Quote]] = defaultdict(list)
    for q in quotes:
        by_place[(q.article, q.paragraph)].append(q)
    out: list[Quote] = []
    for (art, p), qs in by_place.items():
        reported = [q for q in qs if q.kind == "indirect"]
        shown: list[tuple[int, int]] = []  # sentences already shown whole
        for q in sorted(qs, key=lambda q: q.start):
            if q.kind == "indirect":
                inner = [o for o in qs if o.kind != "indirect" and q.start <= o.start < q.end]
                core = q.text.strip(' \u201c\u201d"\u2018\u2019.,')
                words = inner[0].text.strip(' \u201c\u201d"\u2018\u2019.,') if inner else ""
                if len(inner) == 1 and len(words) >= 0.9 * len(core):
                    out.append(replace(inner[0], kind="direct"))  # all of it in quotation marks
                else:
                    out.append(q)
            elif any(r.start <= q.start < r.end for r in reported):
                continue  # shown within the reported statement
            elif any(b <= q.start < e for b, e in shown):
                continue  # shown within a fragment's sentence
            elif q.kind == "partial" and len(q.text.split()) <= 3:
                text = articles[art].paragraphs[p]
                b, e = sentence_around(text, q.start, q.end)
                shown.append((b, e))
                out.append(replace(q, kind="context", text=text[b:e].strip()))
            else:
                out.append(q)
    return sorted(out, key=lambda q: (q.article, q.paragraph, q.start))
