"""The views of the history and timeline pages: a topic's episodes, its latest
news, each sentence told once, and the two SVG graphics. `siteviews.Site` holds one,
given the corpus and its articles by id; the templates call it as `site.history`."""

from __future__ import annotations

from collections import Counter, defaultdict

from markupsafe import Markup

from generator.model import Article, Corpus, Episode, Event, Topic
from generator.wording import human_date, when_told

# The narrowest content width the timeline is laid out for (a 360 px phone).
TIMELINE_MIN_WIDTH = 320
# Items (events and articles) on one timeline page: past this the timeline is a
# page per year, and a year past it a page per month (475 KB on one page at 840
# articles, too much for a phone).
TIMELINE_PAGE_ITEMS = 250
# Rows of year labels under the timeline's dots, at most.
TIMELINE_LABEL_ROWS = 3


class History:
    def __init__(self, corpus: Corpus, articles: dict[str, Article]):
        self.corpus = corpus
        self.articles = articles

    def events_on(self, topic: Topic) -> list[Event]:
        return [e for e in self.corpus.events if topic.id in e.topics]

    def episodes(self, topic: Topic) -> list[tuple[Episode, str, list[Event]]]:
        """The topic's past episodes, oldest first: (episode, when, its events)."""
        events = {e.id: e for e in self.corpus.events}
        out = []
        for ep in self.corpus.episodes:
            if ep.topic != topic.id:
                continue
            evs = [events[i] for i in ep.events if i in events]
            out.append((ep, when_told(evs), evs))
        return out

    def told(self, topic: Topic) -> bool:
        """Whether the topic's history page has anything to tell: a past episode,
        its latest news or what is scheduled. A new beat's topic often has none."""
        return bool(self.episodes(topic) or self.latest(topic) or self.upcoming(topic))

    def pages(self) -> list[Topic]:
        """The topics whose history pages the home page offers: those with one
        (`history: true`) that has something to tell."""
        return [t for t in self.corpus.topics if t.history and self.told(t)]

    def latest(self, topic: Topic) -> list[tuple[str, Event, list[Event]]]:
        """What happened in the articles' own year, told once each, by date."""
        from generator.extract.episodes import is_background

        return [
            item
            for item in self.told_once(topic)
            if item[1].date
            and not item[1].scheduled
            and not is_background(item[1], self.articles[item[1].article])
        ]

    def upcoming(self, topic: Topic) -> list[tuple[str, Event, list[Event]]]:
        """What happens next: events scheduled after their article's date, by date,
        until they are past the newest article's date or a later article reports
        one of that date on the topic as done."""
        newest = max((a.date for a in self.corpus.articles if a.date), default="")
        done = [e for e in self.events_on(topic) if not e.scheduled and e.date]

        def reported(e: Event) -> bool:
            told = self.articles[e.article].date or ""
            return any(
                (self.articles[d.article].date or "") > told
                and d.date.split("/")[0] == e.date.split("/")[0]
                for d in done
            )

        items = [
            item
            for item in self.told_once(topic)
            if item[1].scheduled
            and item[1].date
            and item[1].date.rsplit("/", 1)[-1] >= newest[: len(item[1].date.rsplit("/", 1)[-1])]
            and not reported(item[1])
        ]
        return sorted(items, key=lambda item: item[1].date or "")

    @staticmethod
    def sentences(events: list[Event]) -> list[Event]:
        """One event for each sentence the events come from, in order."""
        seen: dict[tuple, Event] = {}
        for e in events:
            seen.setdefault((e.article, e.paragraph, e.summary), e)
        return list(seen.values())

    @staticmethod
    def fresh() -> set:
        return set()

    def episodes_svg(self, topic: Topic) -> Markup:
        """Each episode a bar from its start to its end (the end faded where it is
        only approximate), one row each, labelled with its years in 12 px text that
        keeps its size at any width. Only numbers from our own data go in it."""
        items = self.episodes(topic)
        if not items:
            return Markup("")
        spans = []
        for ep, _, _events in items:
            start = int(ep.start[:4])
            end = int((ep.end or ep.start).rsplit("/", 1)[-1][:4])
            spans.append((start, max(end, start), ep.approximate, ep.id))
        first = min(s for s, *_ in spans)
        last = max(e for _, e, *_ in spans)
        width = max(last - first, 1)
        left, right = 4.0, 96.0

        def x(year: int) -> float:
            return left + (year - first) * (right - left) / width

        rows = 34
        height = rows * len(spans) + 8 + 30  # the year axis below the bars
        parts = [
            f'<svg class="episodes" width="100%" height="{height}" role="img" '
            f'aria-label="Episodes from {first} to {last}" xmlns="http://www.w3.org/2000/svg">'
        ]
        for n, (start, end, rough, ep_id) in enumerate(spans):
            y = n * rows
            x0, x1 = x(start), max(x(end), x(start) + 1.5)
            years = str(start) if end == start else f"{start}\u2013{end}"
            if rough:
                years += " (approx.)"
            anchor, tx = ("start", x0) if x0 < 50 else ("end", x1)
            parts.append(
                f'<a href="#{ep_id}"><text x="{tx:.2f}%" y="{y + 13}" text-anchor="{anchor}">'
                f"{years}</text>"
                f'<rect x="{x0:.2f}%" y="{y + 18}" width="{x1 - x0:.2f}%" height="8" rx="4" '
                f'class="{"span rough" if rough else "span"}"/></a>'
            )
        parts.extend(_year_axis(first, last, x, rows * len(spans) + 4))
        parts.append("</svg>")
        return Markup("".join(parts))

    def told_once(self, topic: Topic) -> list[tuple[str, Event, list[Event]]]:
        """The topic's events, one entry per sentence of an article (a sentence
        that tells several dated events is shown once, under all their dates):
        (when, the first event, all of them), in order of the first date."""
        groups: dict[tuple, list[Event]] = {}
        for e in self.events_on(topic):
            groups.setdefault((e.article, e.paragraph, e.summary), []).append(e)
        return [(when_told(events), events[0], events) for events in groups.values()]

    def events_by_year(self) -> list[tuple[str, list]]:
        """Events and articles, by year; undated events last."""
        items: dict[str, list] = defaultdict(list)
        for e in self.corpus.events:
            items[e.date[:4] if e.date else "Undated"].append(("event", e.date or "", e))
        for a in self.corpus.articles:
            items[a.date[:4] if a.date else "Undated"].append(("article", a.date or "", a))
        years = sorted(y for y in items if y != "Undated")
        if "Undated" in items:
            years.append("Undated")
        return [(y, sorted(items[y], key=lambda it: (it[1], it[0], it[2].id))) for y in years]

    def timeline_pages(self, limit: int = TIMELINE_PAGE_ITEMS) -> list[tuple[str, str, list]]:
        """The timeline's own pages, (key, label, items) in order: none while the
        whole timeline fits on one page; else one per year, and one per month of a
        year longer than `limit` (its events dated by the year alone last)."""
        years = self.events_by_year()
        if sum(len(items) for _, items in years) <= limit:
            return []
        pages = []
        for year, items in years:
            if len(items) <= limit or year == "Undated":
                pages.append((year.lower(), year, items))
                continue
            months: dict[str, list] = defaultdict(list)
            for it in items:
                months[it[1][:7] if it[1][4:5] == "-" else ""].append(it)
            for month in sorted(m for m in months if m):
                pages.append((month, human_date(month), months[month]))
            if "" in months:
                pages.append((f"{year}-other", f"{year}, month not given", months[""]))
        return pages

    def timeline_index(
        self, limit: int = TIMELINE_PAGE_ITEMS
    ) -> list[tuple[str, str, list[tuple[str, str, str, int]]]]:
        """The timeline's pages as the index lists them, a line each: the years of a
        decade on one line ("1840s"), a year split by month on its own ("2016"),
        the undated last. A line is (heading, its anchor, entries); an entry is
        (anchor, page key, label, items). A year's anchor ("y-1848", on its link or
        on its line's heading) is where its dot in the graphic leads. A heading a
        year was sixty headings of one link each at 840 articles."""
        lines: list[tuple[str, str, list[tuple[str, str, str, int]]]] = []
        for key, label, items in self.timeline_pages(limit):
            year = key[:4] if key[:4].isdigit() else label
            if key != year.lower():  # a month of a year split by month
                if not lines or lines[-1][0] != year:
                    lines.append((year, f"y-{year}", []))
                short = label.removesuffix(f" {year}").removeprefix(f"{year}, ")
                lines[-1][2].append(("", key, short, len(items)))
                continue
            head = f"{year[:3]}0s" if year.isdigit() else year
            if not lines or lines[-1][0] != head:
                lines.append((head, "", []))
            lines[-1][2].append((f"y-{year}", key, label, len(items)))
        return lines

    def timeline_svg(self) -> Markup:
        """A static SVG axis of the years, a dot per year sized by its events, each a
        link to that year's section. Only numbers from our own data go in it.

        No viewBox: the SVG is as wide as the page and its text keeps its CSS size
        (12 px) instead of shrinking with the width (it was 4 px on a phone). The
        x positions are percentages; year labels that would touch on the narrowest
        page (TIMELINE_MIN_WIDTH) go to a lower row, so none overlap at any width."""
        counts = Counter(e.date[:4] for e in self.corpus.events if e.date)
        counts.update(a.date[:4] for a in self.corpus.articles if a.date)
        if not counts:
            return Markup("")
        first, last = int(min(counts)), int(max(counts))
        span = max(last - first, 1)
        left, right = 7.0, 93.0  # per cent: room for half a label at each end
        label = 100 * (4 * 8 + 10) / TIMELINE_MIN_WIDTH  # four digits and a gap, in %
        # The busiest years are labelled first, each on the first row where it
        # touches no other label; a year with no room left in TIMELINE_LABEL_ROWS
        # rows keeps its dot, link and tooltip (60 years stacked 30 rows deep).
        rows: list[list[float]] = []  # the x of each row's labels
        where = {y: left + (int(y) - first) * (right - left) / span for y in counts}
        row_of: dict[str, int | None] = {}
        for year in sorted(counts, key=lambda y: (-counts[y], y)):
            x = where[year]
            row = next(
                (i for i, xs in enumerate(rows) if all(abs(x - o) >= label for o in xs)),
                len(rows),
            )
            if row == TIMELINE_LABEL_ROWS:
                row_of[year] = None
                continue
            if row == len(rows):
                rows.append([])
            rows[row].append(x)
            row_of[year] = row
        items = [(year, where[year], row_of[year]) for year in sorted(counts)]
        height = 44 + 18 * len(rows)
        parts = [
            f'<svg class="timeline" width="100%" height="{height}" role="img" '
            f'aria-label="Events per year, {first} to {last}" xmlns="http://www.w3.org/2000/svg">',
            f'<line x1="{left}%" y1="16" x2="{right}%" y2="16" class="axis"/>',
        ]
        for year, x, row in items:
            r = min(4 + 2 * counts[year], 12)
            parts.append(
                f'<a href="#y-{year}"><title>{year}: {counts[year]}</title>'
                f'<circle cx="{x:.2f}%" cy="16" r="{r}" class="dot"/>'
                + (
                    f'<text x="{x:.2f}%" y="{48 + 18 * row}" text-anchor="middle">{year}</text>'
                    if row is not None
                    else ""
                )
                + "</a>"
            )
        parts.append("</svg>")
        return Markup("".join(parts))


def _year_axis(first: int, last: int, x, y: float) -> list[str]:
    """An axis line at `y` with year ticks: the first and last years and round
    years between, as many as fit apart on the narrowest page (TIMELINE_MIN_WIDTH)."""
    label = 100 * (4 * 8 + 10) / TIMELINE_MIN_WIDTH  # four digits and a gap, in %
    years = [first]
    if last > first:
        per_year = (x(last) - x(first)) / (last - first)
        step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 1000) if s * per_year >= label)
        inner = range((first // step + 1) * step, last, step)
        years += [t for t in inner if x(last) - x(t) >= label and x(t) - x(first) >= label]
        years.append(last)
    parts = [f'<line x1="{x(first):.2f}%" y1="{y}" x2="{x(last):.2f}%" y2="{y}" class="axis"/>']
    for t in years:
        anchor = "start" if t == first else "end" if t == last else "middle"
        parts.append(
            f'<line x1="{x(t):.2f}%" y1="{y - 3}" x2="{x(t):.2f}%" y2="{y + 3}" class="axis"/>'
            f'<text x="{x(t):.2f}%" y="{y + 17}" text-anchor="{anchor}" class="year">{t}</text>'
        )
    return parts
