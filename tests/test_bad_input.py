"""Bad input, as a clumsy editor or an attacker would give it: one line naming the
file (and line) and the problem, exit status 1, and site_src/ exactly as it was;
or, where the input is fine after all, a site. Never a traceback, never a silent
misreading, never a path outside the project."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

from .conftest import FIXTURES, make_project
from .test_cli import tree

BOMB = """a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
"""

TOPIC = "- id: {id}\n  name: Talks\n  terms: [harbour]\n"
LEADER = "- {{name: 'Ana Lind', office: Mayor, country: Norway, start: {start}{more}}}\n"
ARTICLE = "---\ntitle: {title}\ndate: {date}\n---\n\nThe harbour board met, Marit Berg said.\n"

# (id, {file: text} written into the project, error regex or None for success)
CASES = [
    # 10: tracebacks that must be one line
    (
        "date-feb-30",
        {"seeds/x.md": ARTICLE.format(title="T", date="2017-02-30")},
        r"seeds/x\.md:1: 'date' must be a date",
    ),
    (
        "date-month-13",
        {"seeds/x.md": ARTICLE.format(title="T", date="2017-13-01")},
        r"seeds/x\.md:1: 'date' must be a date",
    ),
    (
        "date-hour-25",
        {"seeds/x.md": ARTICLE.format(title="T", date="2018-06-12T25:00:00")},
        r"seeds/x\.md:1: 'date' must be a date",
    ),
    (
        "paragraph-too-long",
        {"seeds/x.txt": "Word " * 12_000},
        r"seeds/x\.txt: paragraph 1 has 59,999 characters",
    ),
    (
        "paragraph-over-spacy-limit",
        {"seeds/x.txt": "w" * 1_000_001},
        r"seeds/x\.txt: paragraph 1 has 1,000,001 characters",
    ),
    (
        "article-too-long",
        {"seeds/x.txt": ("Word " * 9_000 + "\n\n") * 12},
        r"seeds/x\.txt: has 539,988 characters of text",
    ),
    (
        "date-0001-yesterday",
        {
            "seeds/x.md": ARTICLE.format(title="T", date="0001-01-01")
            + "\nThe talks ended yesterday, officials said.\n"
        },
        None,
    ),
    (
        "date-9999-next-tuesday",
        {
            "seeds/x.md": ARTICLE.format(title="T", date="9999-12-31")
            + "\nThey meet next Tuesday, officials said.\n"
        },
        None,
    ),
    (
        "file-name-245",
        {f"seeds/{'a' * 245}.txt": "Body.\n"},
        r"the file name is too long for an id",
    ),
    ("name-300-characters", {"seeds/x.txt": '"Yes," said ' + "Aaron " * 50 + "Berg.\n"}, None),
    (
        "lead-topic-unknown",
        {"editorial/site.yaml": "title: T\nlead: no-such-topic\n"},
        r"editorial/site\.yaml: 'lead: no-such-topic' is no topic of topics\.yaml",
    ),
    (
        "leader-feb-30",
        {"editorial/leaders.yaml": LEADER.format(start="1993-02-30", more="")},
        r"editorial/leaders\.yaml:1: 'start' must be a date",
    ),
    (
        "leader-aliases-5",
        {"editorial/leaders.yaml": LEADER.format(start="2015-01-01", more=", aliases: 5")},
        r"leaders\.yaml:1: 'aliases' must be a list of texts, not int",
    ),
    (
        "leader-blank-name",
        {
            "editorial/leaders.yaml": "- {name: ' ', office: Mayor, "
            "country: Norway, start: 2015-01-01}\n"
        },
        r"leaders\.yaml:1: 'name' is blank",
    ),
    (
        "curation-drop-5",
        {"editorial/curation.yaml": "drop: 5\n"},
        r"curation\.yaml:1: 'drop' must be a list of entries, not int",
    ),
    (
        "curation-from-5",
        {"editorial/curation.yaml": "merge:\n  - {actor: oslo, from: 5}\n"},
        r"curation\.yaml:2: 'from' must be a list of texts, not int",
    ),
    (
        "curation-forms-numbers",
        {"editorial/curation.yaml": "split:\n  - {actor: marit-berg, name: X, forms: [1, 2]}\n"},
        r"curation\.yaml:2: split: 'marit-berg' has none of those forms",
    ),
    (
        "curation-role-unknown-article",
        {
            "editorial/curation.yaml": "set:\n  - {actor: marit-berg, role: "
            "{title: Mayor, article: nowhere}}\n"
        },
        r"curation\.yaml:2: set: 'role' names no article 'nowhere'",
    ),
    ("site-yaml-list", {"editorial/site.yaml": "- a\n- b\n"}, r"site\.yaml: must be a mapping"),
    (
        "redirects-list",
        {"site_src/.redirects.json": "[1, 2]\n"},
        r"\.redirects\.json: must map old actor ids to new ones",
    ),
    # 11: silent misreadings
    ("title-no", {"seeds/x.md": ARTICLE.format(title="No", date="2019-01-01")}, None),
    (
        "history-quoted-no",
        {"editorial/topics.yaml": TOPIC.format(id="talks") + "  history: 'no'\n"},
        r"topics\.yaml:1: 'history' must be true or false",
    ),
    (
        "date-with-markup",
        {"seeds/x.md": ARTICLE.format(title="T", date="'2018-06-12<script>'")},
        r"seeds/x\.md:1: 'date' must be a date",
    ),
    ("curation-drop-string", {"editorial/curation.yaml": "drop: piet-vos\n"}, None),
    (
        "curation-from-mapping",
        {"editorial/curation.yaml": "merge:\n  - {actor: oslo, from: {japan: 1}}\n"},
        r"curation\.yaml:2: 'from' must be a list of texts, not a mapping",
    ),
    # 5: ids an editor gives
    (
        "topic-id-path",
        {"editorial/topics.yaml": TOPIC.format(id="../../CONTRIBUTING")},
        r"topics\.yaml:1: 'id: \.\./\.\./CONTRIBUTING' is not an id",
    ),
    (
        "topic-id-outside",
        {"editorial/topics.yaml": TOPIC.format(id="../../../x/pwned")},
        r"is not an id",
    ),
    (
        "topic-id-attr-list",
        {
            "editorial/topics.yaml": TOPIC.format(
                id='\'a){: style="position:fixed" href="http:evil.example" }\''
            )
        },
        r"is not an id",
    ),
    (
        "curation-id-path",
        {"editorial/curation.yaml": "rename:\n  - {actor: marit-berg, name: M, id: ../../x}\n"},
        r"curation\.yaml:2: 'id: \.\./\.\./x' is not an id",
    ),
    (
        "redirects-key-path",
        {"site_src/.redirects.json": '{"../../../x": "marit-berg"}\n'},
        r"\.redirects\.json: '\.\./\.\./\.\./x' is not an actor id",
    ),
    # 7: alias bombs where strings are meant
    (
        "bomb-site-title",
        {"editorial/site.yaml": BOMB + "title: *g\n"},
        r"site\.yaml:\d*:? ?'title' must be text, not a list",
    ),
    (
        "bomb-curation-name",
        {
            "editorial/curation.yaml": BOMB.replace("\n", "\n  ").join(
                ["x:\n  ", "\nrename:\n  - {actor: marit-berg, name: *g}\n"]
            )
        },
        r"curation\.yaml",
    ),
    # 8: page paths that are taken
    (
        "article-index",
        {"seeds/index.txt": "Body.\n"},
        r"seeds/index\.txt: the id 'index' is taken by a page of the site",
    ),
    (
        "topic-id-index",
        {"editorial/topics.yaml": TOPIC.format(id="index")},
        r"topics\.yaml:1: the id 'index' is taken",
    ),
    (
        "curation-id-people",
        {"editorial/curation.yaml": "rename:\n  - {actor: marit-berg, name: M, id: people}\n"},
        r"the id 'people' is taken",
    ),
    (
        "curation-id-organizations",
        {
            "editorial/curation.yaml": (
                "rename:\n  - {actor: marit-berg, name: M, id: organizations}\n"
            )
        },
        r"the id 'organizations' is taken",
    ),
    (
        "actor-named-people",
        {"seeds/x.txt": '"We agree," said People, the group.\n\n"Yes," said Index, a spokesman.\n'},
        None,
    ),
]


@pytest.fixture(scope="module")
def base(nlp, tmp_path_factory):
    """A generated project (warm cache) to copy for each case."""
    root = make_project(tmp_path_factory.mktemp("base"), seeds_from=FIXTURES / "articles")
    cwd = os.getcwd()
    os.chdir(root)
    try:
        r = CliRunner().invoke(main, ["generate"])
    finally:
        os.chdir(cwd)
    assert r.exit_code == 0, r.output
    return root


@pytest.mark.parametrize(("case", "files", "error"), CASES, ids=[c[0] for c in CASES])
def test_bad_input(base, tmp_path, monkeypatch, case, files, error):
    project = tmp_path / "p"
    shutil.copytree(base, project, symlinks=True)
    for rel, text in files.items():
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / rel).write_text(text, encoding="utf-8")
    monkeypatch.chdir(project)
    before = tree(project / "site_src")
    outside = sorted(p.name for p in tmp_path.iterdir())
    r = CliRunner().invoke(main, ["generate"])
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    assert "Traceback" not in r.output
    if error is None:
        assert r.exit_code == 0, r.output
    else:
        assert r.exit_code == 1
        lines = r.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: "), r.output
        assert re.search(error, lines[0]), lines[0]
        assert tree(project / "site_src") == before  # nothing written
    assert sorted(p.name for p in tmp_path.iterdir()) == outside  # nothing beside it
    assert not (project / "CONTRIBUTING.md").exists()


def test_a_title_no_is_the_word(base, tmp_path, monkeypatch):
    project = tmp_path / "p"
    shutil.copytree(base, project, symlinks=True)
    (project / "seeds" / "x.md").write_text(ARTICLE.format(title="No", date="2019-01-01"))
    monkeypatch.chdir(project)
    assert CliRunner().invoke(main, ["generate"]).exit_code == 0
    assert (project / "site_src" / "articles" / "x.md").read_text().startswith("# No\n")


def test_drop_with_one_id_drops_that_actor(base, tmp_path, monkeypatch):
    project = tmp_path / "p"
    shutil.copytree(base, project, symlinks=True)
    assert (project / "site_src" / "actors" / "piet-vos.md").exists()
    (project / "editorial" / "curation.yaml").write_text("drop: piet-vos\n")
    monkeypatch.chdir(project)
    assert CliRunner().invoke(main, ["generate"]).exit_code == 0
    assert not (project / "site_src" / "actors" / "piet-vos.md").exists()


def test_actors_named_like_index_pages_do_not_replace_them(base, tmp_path, monkeypatch):
    project = tmp_path / "p"
    shutil.copytree(base, project, symlinks=True)
    (project / "seeds" / "x.txt").write_text(
        '"We agree," said People, the group.\n\n"Yes," said Index, a spokesman.\n'
    )
    monkeypatch.chdir(project)
    assert CliRunner().invoke(main, ["generate"]).exit_code == 0
    people = (project / "site_src" / "actors" / "people.md").read_text()
    assert people.startswith("# People\n\nEveryone the articles name")
    assert (project / "site_src" / "actors" / "index.md").read_text().startswith("# Who is who")


def test_limits_are_where_the_readme_says(tmp_path):
    from generator import ingest

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    assert f"{ingest.MAX_PARAGRAPH:,}" in readme and f"{ingest.MAX_ARTICLE:,}" in readme
