"""A hostile corpus: every door by which article text or an editor's words reach
the site, each carrying markup that would run, load or inject if it got through.

Every payload marks what it would inject with `data-pwn` and runs `alert(...)`,
so a page is clean when no dialog opens, no element has a `data-pwn` or `on...`
attribute, and the scan of the whole document finds nothing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .conftest import FIXTURES, ROOT, make_project

TITLE_BREAKOUT = "Breakout </title><script data-pwn>alert('t1')</script><title>"
ENTITY_BREAKOUT = "&lt;/title&gt;&lt;script data-pwn&gt;alert(2)&lt;/script&gt;"
ATTRIBUTE_BREAKOUT = '" onmouseover="alert(5)" data-pwn="'
TAGS = "<img data-pwn src=x onerror=alert(6)> <svg data-pwn onload=alert(7)>"
MARKDOWN = "[x](javascript:alert(8)) ![t](http://evil.example/t.png) {: onclick=alert(9) data-pwn }"
LINKS = (
    "<iframe data-pwn src=//evil.example></iframe>"
    "<link data-pwn rel=stylesheet href=//evil.example/x.css>"
)

ARTICLES = {
    # Front matter: title, source, dateline and authors.
    "front-matter.md": f"""---
title: "{TITLE_BREAKOUT}"
date: "2020-05-05"
authors: ["Eve </title><script data-pwn>alert(12)</script>"]
source: '{ATTRIBUTE_BREAKOUT}'
dateline: "{TAGS}"
---

The harbour board met on Tuesday, Marit Berg said. {MARKDOWN}

"It is done," said Marit Berg. {LINKS}
""",
    # A sidecar's title, entity-encoded (what `striptags` used to decode).
    "sidecar.txt": (
        "The ferry ran late again on Friday, officials said.\n\n"
        f"Mayor Ola Lie was willing to consider a toll if the board {TAGS} agreed "
        f"{MARKDOWN}.\n\n"
        # A scheduled event: the "What happens next" sections.
        f"The harbour board will vote in June on the ferry talks and {TAGS}.\n"
    ),
    "sidecar.meta.yaml": f"title: '{ENTITY_BREAKOUT}'\ndate: 2020-05-06\n",
    # No title: the title is derived from a first sentence full of markup.
    "derived.txt": (
        f"<script data-pwn>alert(3)</script> Officials in Oslo {TAGS} said the talks "
        "went on.\n\nThey met again on Sunday.\n"
    ),
    # Names in the body: an actor page's title, the nav, the search index.
    "names.txt": (
        '"We are ready," said Pak Ri</title><script data-pwn>alert(4)</script>, a senior '
        'official, on Monday.\n\n"Again and again," Pak Ri said.\n\n'
        f'"Fine," said Ana Berg{ATTRIBUTE_BREAKOUT}, the mayor of Oslo.\n'
    ),
    # Block syntax and the URLs a browser reads leniently, as paragraphs of text
    # (issue 27): fences of tildes around a quotation, lists, tables, a heading
    # underline, a <div markdown> nest; links with tabs and entities in the scheme,
    # SVG animations, backslashed and srcset URLs, background= and ping=.
    "structure.txt": "\n\n".join(
        [
            "~~~",
            '"The dock stays shut," said Rolf Dahl, the harbour master.',
            "~~~ {: .pwn data-pwn }",
            "```",
            "=====",
            "1. first",
            "| a | b |",
            "|---|---|",
            "    indented code",
            "* * *",
            "[TOC]",
            "<div markdown>" * 40 + "x" + "</div>" * 40,
            '<a data-pwn href="jav&#x09;ascript:alert(16)">tab</a> '
            '<a data-pwn href="jav&#10;ascript:alert(17)">newline</a>',
            '<svg><a><animate data-pwn attributeName="href" values="javascript:alert(18)"/>'
            "<text>x</text></a></svg>",
            '<img data-pwn src="/\\evil.example/t.png"> <img data-pwn src="\\/evil.example/t">',
            '<img data-pwn src="a.png" srcset="a.png 1x, //evil.example/b.png 2x">',
            '<table data-pwn background="//evil.example/t.png"><tr><td>x</td></tr></table>',
            '<a data-pwn href="#p-1" ping="https://evil.example/ping">ping</a>',
            "~~~",
        ]
    )
    + "\n",
    # A file name: the article's path in the data, its id everywhere else.
    "evil<img data-pwn src=x onerror=alert(13)>.txt": "Piet Vos said the dock was closed.\n",
}

SITE_YAML = f"""title: "Site {TITLE_BREAKOUT}"
intro: "{TAGS} {MARKDOWN} {ENTITY_BREAKOUT}"
lead: harbour-talks
"""
TOPIC = f"""- id: harbour-talks
  name: "Talks </title><script data-pwn>alert(10)</script>"
  description: "{TAGS} {MARKDOWN}"
  terms: [harbour, talks, ferry]
  history: true
  proposal:
    name: "a toll </title><script data-pwn>alert(14)</script>"
    terms: [toll]
  questions:
    - question: "Why a toll? {TAGS}"
      answer: "{MARKDOWN} {ENTITY_BREAKOUT}"
    - question: "Who wants one </title><script data-pwn>alert(15)</script>"
      show: positions
"""
LEADER = (
    "- {name: 'Kim </title><script data-pwn>alert(11)</script> Ho', office: Mayor, "
    "country: Norway, start: 2015-01-01}\n"
)
CURATION = f"""rename:
  - {{actor: marit-berg, name: 'Marit "Q" & Berg'}}
position:
  - {{actor: Piet Vos, topic: harbour-talks, stance: against, article: front-matter, paragraph: 1,
      summary: '{ENTITY_BREAKOUT} <b data-pwn>'}}
set:
  - {{actor: piet-vos, affiliation: '{ENTITY_BREAKOUT} &amp; <b data-pwn>'}}
"""
HAND_PAGE = """---
title: 'Q&A: "notes" on the harbour'
description: 'A "quoted" description & more, with a title="x" in it'
---

# Notes

Written by hand.
"""


def make_hostile_project(tmp: Path) -> Path:
    """A project whose inputs are hostile at every door, ready to generate."""
    make_project(tmp, seeds_from=FIXTURES / "articles")
    for name, text in ARTICLES.items():
        (tmp / "seeds" / name).write_text(text, encoding="utf-8")
    ed = tmp / "editorial"
    (ed / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    (ed / "topics.yaml").write_text(
        (ed / "topics.yaml").read_text(encoding="utf-8") + TOPIC, encoding="utf-8"
    )
    (ed / "leaders.yaml").write_text(
        (ed / "leaders.yaml").read_text(encoding="utf-8") + LEADER, encoding="utf-8"
    )
    (ed / "curation.yaml").write_text(CURATION, encoding="utf-8")
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", tmp / "overrides")
    shutil.copytree(ROOT / "site_src" / "assets", tmp / "site_src" / "assets")
    (tmp / "site_src" / "notes.md").write_text(HAND_PAGE, encoding="utf-8")
    return tmp
