"""Every statement once: what a speaker said, with quoted words shown inside the
reported statement that holds them and fragments within their sentence, in the
order a reader meets them (article by date, then paragraph and place)."""

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
            elif _needs_sentence(q):
                text = articles[art].paragraphs[p]
                b, e = sentence_around(text, q.start, q.end)
                shown.append((b, e))
                # The sentence's own span, so that it sorts where the reader meets it.
                out.append(replace(q, kind="context", text=text[b:e].strip(), start=b, end=e))
            else:
                out.append(q)
    return sorted(out, key=lambda q: (q.article, q.paragraph, q.start))


def _needs_sentence(q: Quote) -> bool:
    """A fragment of up to three words means nothing on its own line; quoted words
    that start in lower case continue a sentence begun outside their marks, whose
    subject may be someone else ('Mr. Xi "really closed up that border," he
    said'), so on their own they would read as the speaker's words about
    themselves."""
    if q.kind not in ("partial", "direct"):
        return False
    words = q.text.strip(' \u201c\u201d"\u2018\u2019')
    return len(words.split()) <= 3 or words[:1].islower()


def by_article(quotes: list[Quote], articles: dict[str, Article]) -> list[tuple[str, list[Quote]]]:
    """Statements grouped by article, the newest article first (undated ones last),
    each article's in paragraph order and place within the paragraph."""
    groups: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        groups[q.article].append(q)

    def date(art_id: str) -> str:
        return articles[art_id].date or ""

    ids = sorted(groups)  # ties and undated articles by id
    dated = sorted((a for a in ids if date(a)), key=date, reverse=True)  # stable
    return [
        (a, sorted(groups[a], key=lambda q: (q.paragraph, q.start)))
        for a in dated + [a for a in ids if not date(a)]
    ]


def newest(
    quotes: list[Quote], articles: dict[str, Article], limit: int
) -> list[tuple[str, list[Quote]]]:
    """`by_article`, cut after the first `limit` statements: the newest articles'."""
    out, left = [], limit
    for art_id, items in by_article(quotes, articles):
        if left <= 0:
            break
        out.append((art_id, items[:left]))
        left -= len(items)
    return out
