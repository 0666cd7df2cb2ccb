"""Bad input, as a clumsy editor or an attacker would give it: one line naming the
file (and line) and the problem, exit status 1, and site_src/ exactly as it was;
or, where the input is fine after all, a site. Never a traceback, never a silent
misreading, never a path outside the project."""

from __future__ import annotations

import errno
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
    # Issue 27: paragraphs that open fences or nest clauses thousands deep.
    (
        "fence-tildes-around-a-quote",
        {"seeds/x.txt": '~~~\n\n"We agree," said Marit Berg.\n\n~~~ {: .x }\n\n```\n'},
        None,
    ),
    ("said-chain", {"seeds/x.txt": "said Kim said Moon said Trump " * 170 + "\n"}, None),
    ("unbalanced-quotes", {"seeds/x.txt": '"a ' * 1600 + "\n"}, None),
    ("alternating-curly-quotes", {"seeds/x.txt": "\u201ca \u201db " * 800 + "\n"}, None),
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


# --- what is not a file of the project: pipes, links, odd names, deep YAML ----------

DEEP = "[" * 50_000 + "]" * 50_000


def _fifo(rel: str):
    def make(project: Path, outside: Path) -> None:
        f = project / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        if f.exists():
            f.unlink()
        os.mkfifo(f)

    return make


def _hard_link(rel: str):
    def make(project: Path, outside: Path) -> None:
        secret = outside / "secret.txt"
        secret.write_text("---\ntitle: Secret\n---\n\nThe key is 1234, Marit Berg said.\n")
        f = project / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        if f.exists():
            f.unlink()
        os.link(secret, f)

    return make


def _linked_folder(rel: str):
    def make(project: Path, outside: Path) -> None:
        target = outside / "elsewhere"
        shutil.copytree(project / rel, target) if (project / rel).exists() else target.mkdir()
        (target / "keep.json").write_text("{}\n")  # someone's file, which must survive
        shutil.rmtree(project / rel, ignore_errors=True)
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / rel).symlink_to(target)

    return make


def _write(rel: str, text: str | bytes):
    def make(project: Path, outside: Path) -> None:
        f = project / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(text if isinstance(text, bytes) else text.encode())

    return make


def _raw_name(name: bytes):
    def make(project: Path, outside: Path) -> None:
        (project / "seeds" / os.fsdecode(name)).write_text("Body text, Marit Berg said.\n")

    return make


# (id, set-up(project, outside folder), error regex)
FILE_CASES = [
    ("fifo-article", _fifo("seeds/x.txt"), r"seeds/x\.txt: is not a regular file"),
    ("fifo-sidecar", _fifo("seeds/harbour-talks.meta.yaml"), r"harbour-talks\.meta\.yaml: is not"),
    ("fifo-hand-page", _fifo("site_src/notes.md"), r"site_src/notes\.md: is not a regular"),
    ("fifo-hand-css", _fifo("site_src/assets/x.css"), r"assets/x\.css: is not a regular"),
    ("fifo-editor-file", _fifo("editorial/curation.yaml"), r"curation\.yaml: is not a regular"),
    ("hard-link-article", _hard_link("seeds/x.md"), r"seeds/x\.md: has other names"),
    ("hard-link-hand-page", _hard_link("site_src/notes.md"), r"notes\.md: has other names"),
    ("hard-link-editor-file", _hard_link("editorial/site.yaml"), r"site\.yaml: has other names"),
    ("linked-seeds", _linked_folder("seeds"), r"seeds: is a symbolic link; the project's folders"),
    ("linked-editorial", _linked_folder("editorial"), r"editorial: is a symbolic link"),
    ("linked-site-src", _linked_folder("site_src"), r"site_src: is a symbolic link"),
    ("linked-cache", _linked_folder(".cache"), r"\.cache: is a symbolic link"),
    ("linked-cache-folder", _linked_folder(".cache/explainer"), r"explainer: is a symbolic link"),
    ("name-not-utf8", _raw_name(b"caf\xe9.txt"), r"caf\\udce9\.txt: the file name is not UTF-8"),
    ("name-250", _raw_name(b"a" * 250 + b".txt"), r"the file name is too long for an id"),
    ("name-255", _raw_name(b"b" * 251 + b".txt"), r"the file name is too long for an id"),
    (
        "front-matter-nested-50000",
        _write("seeds/x.md", f"---\ntitle: {DEEP}\n---\n\nBody, Marit Berg said.\n"),
        r"seeds/x\.md:2: malformed YAML: nested more than 100 levels deep",
    ),
    (
        "sidecar-nested-50000",
        _write("seeds/harbour-talks.meta.yaml", f"title: {DEEP}\n"),
        r"harbour-talks\.meta\.yaml:1: malformed YAML: nested more than 100",
    ),
    (
        "sidecar-block-nested",
        _write("seeds/harbour-talks.meta.yaml", "title:\n" + "- " * 30_000 + "x\n"),
        r"harbour-talks\.meta\.yaml:\d+: malformed YAML: nested more than 100",
    ),
    (
        "hand-page-nested-50000",
        _write("site_src/notes.md", f"---\ntitle: {DEEP}\n---\n\n# Notes\n"),
        r"site_src/notes\.md:1: its front matter is not valid YAML",
    ),
    (
        "editor-file-nested-50000",
        _write("editorial/site.yaml", f"title: {DEEP}\n"),
        r"site\.yaml:1: malformed YAML: nested more than 100 levels deep",
    ),
    (
        "generated-line-added",
        _write("site_src/.generated", b""),  # replaced in the test: see below
        None,
    ),
]


@pytest.mark.parametrize(("case", "setup", "error"), FILE_CASES, ids=[c[0] for c in FILE_CASES])
def test_what_is_not_the_projects_own_file(base, tmp_path, monkeypatch, case, setup, error):
    project = tmp_path / "p"
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copytree(base, project, symlinks=True)
    (project / "site_src" / "notes.md").write_text("# Notes\n\nBy hand.\n")
    if case == "generated-line-added":
        with (project / "site_src" / ".generated").open("a") as f:
            f.write("notes.md\n")
    else:
        setup(project, outside)
    monkeypatch.chdir(project)
    src = project / "site_src"
    before = tree(src) if not src.is_symlink() else None
    away = tree(outside)
    r = CliRunner().invoke(main, ["generate"])
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    if error is None:
        assert r.exit_code == 0, r.output
        assert (src / "notes.md").read_text() == "# Notes\n\nBy hand.\n"  # not deleted
    else:
        assert r.exit_code == 1, r.output
        lines = r.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: "), r.output
        assert re.search(error, lines[0]), lines[0]
        if before is not None:
            assert tree(src) == before
    assert tree(outside) == away  # nothing read into the site, written or emptied there


# --- a full disk, a read-only or immutable site_src/ (simulated: CI runs as root) ---


def _failing(method: str, errno_: int, where: str):
    original = getattr(Path, method)

    def fail(self, *args, **kwargs):
        if where in str(self):
            raise OSError(errno_, os.strerror(errno_), str(self))
        return original(self, *args, **kwargs)

    return method, fail


WRITE_CASES = [
    ("full-disk-pages", _failing("write_bytes", errno.ENOSPC, ".site_src.new"), "No space left"),
    ("full-disk-manifest", _failing("write_text", errno.ENOSPC, ".generated"), "No space left"),
    ("full-disk-cache", _failing("write_text", errno.ENOSPC, ".cache"), "No space left"),
    ("read-only-site-src", _failing("mkdir", errno.EROFS, ".site_src.new"), "Read-only file"),
    ("immutable-site-src", _failing("rename", errno.EPERM, "site_src"), "Operation not permitted"),
]


@pytest.mark.parametrize(("case", "patch", "said"), WRITE_CASES, ids=[c[0] for c in WRITE_CASES])
def test_a_write_that_fails_is_one_line_and_loses_nothing(
    base, tmp_path, monkeypatch, case, patch, said
):
    from generator import sitewrite

    project = tmp_path / "p"
    shutil.copytree(base, project, symlinks=True)
    (project / "seeds" / "x.txt").write_text("The harbour board met, Marit Berg said.\n")
    (project / "site_src" / "notes.md").write_text("# Notes\n\nBy hand.\n")
    monkeypatch.chdir(project)
    before = tree(project / "site_src")
    monkeypatch.setattr(sitewrite, "_exchange", lambda a, b: False)  # the rename path too
    monkeypatch.setattr(Path, patch[0], patch[1])
    r = CliRunner().invoke(main, ["generate"])
    monkeypatch.undo()
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    assert r.exit_code == 1, r.output
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and said in lines[0], r.output
    assert tree(project / "site_src") == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site_src")) in (
        [],
        [".site_src.lock"],
    )
    assert not list((project / ".cache").rglob("*.tmp"))


def test_extract_to_a_full_disk_is_one_line(base, tmp_path, monkeypatch):
    monkeypatch.chdir(base)
    out = tmp_path / "data.json"
    method, fail = _failing("write_text", errno.ENOSPC, str(tmp_path))
    monkeypatch.setattr(Path, method, fail)
    r = CliRunner().invoke(main, ["extract", "seeds", "-o", str(out)])
    monkeypatch.undo()
    assert r.exit_code == 1 and "No space left on device" in r.output, r.output
    assert r.output.count("\n") == 1 and not list(tmp_path.iterdir())
