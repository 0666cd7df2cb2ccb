"""Every quotation of the data has its anchor in its article page, whatever the
paragraph holds around it: each construct below is Markdown syntax as text, and a
name linked around a quotation ('Juan "Chico" Manriquez') must not swallow it."""

from __future__ import annotations

import re

import markdown
import pytest

from generator.extract.marks import find_quote_spans
from generator.markup import paragraph_markup

MD = markdown.Markdown(extensions=["attr_list", "md_in_html", "tables", "toc"])

CONSTRUCTS = [
    ("list", '- first "quoted item" and more'),
    ("numbered list", '1. "Quoted," she said.'),
    ("table", '| a | "quoted cell" | b |'),
    ("heading", '# "A quoted heading," he said'),
    ("setext", '"Quoted" ==='),
    ("link", '[a "quoted" link](http://example.org) text'),
    ("brackets", 'He said [sic] "it was [not] fine" today.'),
    ("nested quotes", '"He called it \u2018a trap\u2019 and left," she said.'),
    ("curly nested", "\u201cShe said \u201cnever\u201d twice,\u201d he said."),
    ("emphasis", '*"Emphasised quote,"* said _the_ mayor **loudly**.'),
    ("code", '`"quoted code"` and `more`'),
    ("html", '<b>"Quoted bold"</b> <script>"x"</script>'),
    ("attr list", '"Quoted" {: #id .class }'),
    ("block quote", '> "Quoted in a blockquote," he said.'),
    # (a one-word nickname between the parts of a name is no quotation at all)
    ("nickname", 'Juan "el Chico" Manriquez of Oakland carried the flag.'),
    ("two nicknames", 'George "the Jay" Keyworth and John \u201cel Tig\u201d Tiegen met.'),
]


def whole_names(text: str) -> list[tuple[int, int, str]]:
    """A mention over every capitalised run of words, quotes included, as the
    entity recogniser may give for a nickname."""
    return [
        (m.start(), m.end(), "someone")
        for m in re.finditer(
            r"[A-Z][a-z]+ [\"\u201c][a-z]+ [A-Z][a-z]+[\"\u201d] [A-Z][a-z]+", text
        )
    ]


@pytest.mark.parametrize(("construct", "text"), CONSTRUCTS, ids=[c[0] for c in CONSTRUCTS])
def test_every_quote_keeps_its_anchor(construct, text):
    spans = find_quote_spans([text])
    assert spans, "the case must hold a quotation"
    quotes = [(s.start, s.end, f"q{n}") for n, s in enumerate(spans, 1)]
    page = (
        f"{paragraph_markup(text, whole_names(text), quotes, 'articles/a.md')}\n{{: #p-1 .para }}\n"
    )
    MD.reset()
    html = MD.convert(page)
    for _, _, qid in quotes:
        assert f'id="{qid}"' in html, (construct, html)
    assert 'id="p-1"' in html


def test_a_name_around_a_quotation_is_not_linked_but_a_name_beside_it_is():
    text = 'Juan "el Chico" Manriquez met Ana Lind.'
    (span,) = find_quote_spans([text])
    quotes = [(span.start, span.end, "q1")]
    mentions = [(0, 25, "juan-manriquez"), (30, 38, "ana-lind")]
    markup = paragraph_markup(text, mentions, quotes, "articles/a.md")
    assert 'id="q1"' in markup
    assert "juan-manriquez" not in markup and "../actors/ana-lind.md" in markup
