"""Ingest: the three formats, metadata, and every bad-input case."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.ingest import IngestError, read_article, read_articles, slugify
from generator.textformats import unwrap_paragraphs

FIX = Path(__file__).parent / "fixtures" / "articles"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_seed_format_fixture():
    a = read_article(FIX / "harbour-talks.txt")
    assert a.format == "seed"
    assert a.id == "harbour-talks"
    assert a.authors == ("Ada Lindqvist", "Tomas Ek")
    assert a.dateline == "OSLO"
    assert a.excerpt.startswith("The mayor said the harbour")
    # The pull quote is an excerpt, the credit line is metadata, the dash is gone.
    assert a.paragraphs == (
        "The mayor of Oslo, Marit Berg, said on Monday that the harbour would stay open to "
        "every ship that paid its dues, ending a week of rumours about a closure.",
        "\u201cThe harbour stays open,\u201d Ms. Berg told reporters at city hall. "
        "\u201cNobody is closing anything.\u201d",
        "The mayor said the harbour would stay open to every ship that paid its dues.",
    )
    assert "Lena Dahl" in a.contributors
    assert a.title_derived and a.title.startswith("The mayor of Oslo")


@pytest.mark.parametrize(
    ("name", "paragraphs", "first", "last"),
    [
        (
            "000_d467db3020d79956.txt",
            34,
            "Secretary of State Mike Pompeo told",
            "the border is more open than it was when we first started.\u201d",
        ),
        (
            "002_54ec939b7ca5568c.txt",
            16,
            "The Trump administration has come under",
            "defend ourselves and our allies.\u201d",
        ),
    ],
)
def test_seed_articles_paragraphs(name, paragraphs, first, last):
    a = read_article(SEEDS / name)
    assert len(a.paragraphs) == paragraphs
    assert a.paragraphs[0].startswith(first)
    assert a.paragraphs[-1].endswith(last)
    assert all("\n" not in p and "  " not in p for p in a.paragraphs)
    # The pull quote repeats a body paragraph; it is kept once, as the excerpt.
    assert a.excerpt in a.paragraphs
    assert a.date is not None and a.source == "The New York Times"


def test_seed_paragraph_without_full_stop_still_ends():
    a = read_article(SEEDS / "000_d467db3020d79956.txt")
    assert any(p.endswith("superior to those of previous administrations") for p in a.paragraphs)


def test_unwrap_does_not_split_wrapped_lines():
    lines = [
        "A first line that is short.",
        "A continuation line that runs much longer than the first one does, to the width",
        "of the column, and then a last line.",
        "Second paragraph starts.",
        "And it goes on past the first line to the full width of the column as before",
        "and ends.",
    ]
    assert len(unwrap_paragraphs(lines)) == 2


def test_markdown_front_matter():
    a = read_article(FIX / "budget-vote.md")
    assert a.format == "markdown"
    assert (a.title, a.date, a.authors, a.url, a.source) == (
        "Council Passes the Budget",
        "2019-03-05",
        ("Sam Reyes",),
        "https://example.org/budget",
        "example-news",
    )
    assert not a.title_derived
    assert a.paragraphs[0] == (
        "The city council passed the budget on Tuesday after a long debate that ran past midnight."
    )
    assert len(a.paragraphs) == 3


def test_plain_text_and_derived_title():
    a = read_article(FIX / "plain-note.txt")
    assert a.format == "plain"
    assert len(a.paragraphs) == 2
    assert a.title == "The river rose two metres overnight, officials said"
    assert a.title_derived


def test_long_lines_without_blank_lines_are_paragraphs(tmp_path):
    long = "word " * 40
    f = tmp_path / "x.md"
    f.write_text(f"---\ntitle: T\n---\n\n{long}\n{long}\n{long}\n", encoding="utf-8")
    assert len(read_article(f).paragraphs) == 3


def test_sidecar_overrides_and_is_checked(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Body text here.\n", encoding="utf-8")
    (tmp_path / "a.meta.yaml").write_text("title: Given\ndate: 2020-02-02\nauthors: [X Y]\n")
    a = read_article(f)
    assert (a.title, a.date, a.authors, a.title_derived) == ("Given", "2020-02-02", ("X Y",), False)
    (tmp_path / "a.meta.yaml").write_text("date: someday\n")
    with pytest.raises(IngestError, match=r"a\.meta\.yaml.*'date'"):
        read_article(f)


def test_quotes_and_text_kept_as_written(tmp_path):
    f = tmp_path / "q.txt"
    f.write_text(
        'He said "straight" and \u201ccurly\u201d \u2014 that\u2019s all.\n', encoding="utf-8"
    )
    assert (
        read_article(f).paragraphs[0]
        == 'He said "straight" and \u201ccurly\u201d \u2014 that\u2019s all.'
    )


@pytest.mark.parametrize(
    ("written", "read"),
    [
        # mis-decoded upstream (UTF-8 read as Windows-1252): repaired
        ("Enrique Pe\u00c3\u00b1a Nieto spoke.", "Enrique Pe\u00f1a Nieto spoke."),
        ("She said \u00e2\u0080\u009cno\u00e2\u0080\u009d.", "She said \u201cno\u201d."),
        # as written: curly and straight quotes, entities, full-width letters, accents
        ("\u201cYes,\u201d said Jos\u00e9 \u2014 it\u2019s &amp; \uff21.", None),
        ('Ren\u00e9e Saint-Pierre, 60, said "fine".', None),
    ],
)
def test_mangled_encoding_is_repaired_on_ingest(tmp_path, written, read):
    f = tmp_path / "m.txt"
    f.write_text(written + "\n", encoding="utf-8")
    assert read_article(f).paragraphs[0] == (read or written)


def test_ids_are_stable_slugs():
    assert slugify("000_d467db3020d79956") == "000-d467db3020d79956"
    assert slugify("Taro Kōno's Visit") == "taro-kono-s-visit"


BAD = [
    ("empty.txt", b"", r"empty\.txt: is empty"),
    ("blank.txt", b"  \n\n \n", r"blank\.txt: is empty"),
    ("bin.txt", b"abc\x00def", r"bin\.txt: is a binary file"),
    ("latin.txt", b"line one\ncaf\xe9\n", r"latin\.txt:2: is not UTF-8"),
    ("open.md", b"---\ntitle: x\n\nbody\n", r"open\.md:1: front matter .* never closed"),
    ("yaml.md", b"---\ntitle: [unclosed\n---\nbody\n", r"yaml\.md:\d+: malformed YAML"),
    ("list.md", b"---\n- a\n- b\n---\nbody\n", r"list\.md:2: metadata must be a mapping"),
    ("date.md", b"---\ndate: soon\n---\nbody\n", r"date\.md:1: 'date' must be a date"),
    ("authors.md", b"---\nauthors: {a: 1}\n---\nbody\n", r"authors\.md:1: 'authors' must be"),
    ("nobody.md", b"---\ntitle: x\n---\n\n", r"nobody\.md: has no body text"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_input_is_a_clear_error(tmp_path, name, content, message):
    f = tmp_path / name
    f.write_bytes(content)
    with pytest.raises(IngestError, match=message):
        read_articles([tmp_path])


def test_directory_without_articles(tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n")
    with pytest.raises(IngestError, match="no articles here"):
        read_articles([tmp_path])


def test_missing_path(tmp_path):
    with pytest.raises(IngestError, match="no such file"):
        read_articles([tmp_path / "nope"])


def test_duplicate_ids(tmp_path):
    (tmp_path / "a_b.txt").write_text("One.\n")
    (tmp_path / "a-b.md").write_text("Two.\n")
    with pytest.raises(IngestError, match="gives the id 'a-b'"):
        read_articles([tmp_path])


def test_sidecars_and_readmes_are_not_articles(tmp_path):
    (tmp_path / "a.txt").write_text("One.\n")
    (tmp_path / "a.meta.yaml").write_text("date: 2020-01-01\n")
    (tmp_path / "README.md").write_text("# About these files\n")
    assert [a.id for a in read_articles([tmp_path])] == ["a"]


@pytest.mark.parametrize(
    ("body", "dateline", "first"),
    [
        ("HANOI, Vietnam \u2014 President Trump met Mr. Kim.", "HANOI, Vietnam", "President Trump"),
        ("WASHINGTON (Reuters) - The Senate voted.", "WASHINGTON (Reuters)", "The Senate"),
        ("SEOUL, South Korea \u2014 Mr. Moon said so.", "SEOUL, South Korea", "Mr. Moon"),
        ("NEWPORT NEWS, Va. - In a tradition he kept.", "NEWPORT NEWS, Va.", "In a tradition"),
        # Not datelines: no word of three capitals, or no sentence after the dash.
        ("U.S. - China trade talks resumed.", None, "U.S. - China"),
        ("NATO - the alliance - met again.", None, "NATO - the"),
    ],
)
def test_a_dateline_opening_the_body_is_metadata(tmp_path, body, dateline, first):
    path = tmp_path / "a.txt"
    path.write_text(body + "\n\nMore.\n", encoding="utf-8")
    art = read_article(path)
    assert art.dateline == dateline
    assert art.paragraphs[0].startswith(first)


def test_a_dateline_gives_no_role_or_affiliation(nlp, tmp_path):
    from generator.extract.entities import extract_entities

    path = tmp_path / "a.txt"
    path.write_text("HANOI, Vietnam \u2014 President Donald Trump met Mr. Kim on Tuesday.\n")
    art = read_article(path)
    index = extract_entities(art, list(nlp.pipe(art.paragraphs)))
    trump = next(e for e in index.entities if e.name == "Donald Trump")
    assert trump.affiliation != "Vietnam"
    assert all(r.affiliation != "Vietnam" for r in trump.roles)
    assert not any(e.name in ("HANOI", "Hanoi") for e in index.entities)
