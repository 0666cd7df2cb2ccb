"""What an article or actor page shows, for its fingerprint (`reuse.Reuse`): a kept
page is one whose inputs are all the same as when it was written."""

from __future__ import annotations

from generator.siteviews import Site


def page_inputs(site: Site, kind: str, key: str) -> object:
    """Everything an article or actor page shows, for its fingerprint: each value
    the template prints, and of every article it links to, what the link says. A
    page is kept only while all of it is the same (tests/test_stale.py changes each
    kind of input and compares with a clean build)."""
    if kind == "actor":
        actor = site.actors[key]
        said = site.cast.said(actor)
        positions, arts = [], set(actor.articles)
        for topic, p in site.explain.positions_of(actor):
            ev, others = site.explain.main_evidence(p)
            earlier = site.explain.earlier(p)
            shown = (site.explain.stance_when(p), site.explain.stance_when(p, True), earlier)
            positions.append(
                (topic.id, topic.name, p, ev, others, site.explain.evidence_text(ev), shown)
            )
            arts |= {ev.article} | {e.article for *_, e in earlier}
        stated = [
            (topic.id, topic.name, official.id, official.name, p, site.explain.stance_when(p))
            for topic, official, p in site.explain.stated_for(actor)
        ]
        arts |= {r.article for r in actor.roles} | {q.article for q in said}
        who = site.whois.of(actor)
        arts |= {e.article for e in who.events} if who else set()
        return (
            actor,
            said,
            positions,
            stated,
            [(a, n, site.cast.first_mention(actor, a)) for a, n in site.cast.mention_counts(actor)],
            [_article_label(site, a) for a in sorted(arts)],
            [(o.id, o.name, n, site.cast.target(o)) for o, n in site.cast.co_actors(actor)],
            [
                (b.id, b.name, site.cast.target(b))
                for b in (site.explain.owner_of(actor), *site.explain.bodies_of(actor))
                if b
            ],
            # Roles merged and dated by their articles' dates; the line under the name.
            (site.roles.merged(actor), site.roles.identity(actor)),
            # The summary under it, with the events it links to.
            site.whois.of(actor),
        )
    art = site.articles[key]
    quotes = site.text.quotes_by_article[key]
    return (
        art,
        sorted(site.cast.mentions[key].items()),
        quotes,
        sorted(
            {(q.speaker, site.actors[q.speaker].name) for q in quotes if q.speaker in site.actors}
        ),
        [
            (a.id, a.name, a.kind, n)
            + (
                ()
                if site.cast.has_page(a)
                else (site.cast.role_titles(a), a.affiliation, site.cast.first_mention(a, key))
            )
            for a, n in site.cast.actors_in(key)
        ],
    )


def _article_label(site: Site, art_id: str) -> tuple:
    """What a link to an article says: its title, date and outlet."""
    a = site.articles.get(art_id)
    return (art_id, a.title, a.date, a.source) if a else (art_id,)
