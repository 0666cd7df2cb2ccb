"""No page goes stale: after a change to any kind of input, an incremental
`generate` (which keeps the pages whose fingerprints did not change) gives exactly
the site_src/ a clean one (`--no-cache`) gives, every page kind included, and
`explainer check` agrees."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

from .conftest import FIXTURES, make_project
from .test_cli import tree

TOPIC = """- id: harbour
  name: Harbour talks
  description: Whether the harbour stays open.
  terms: [harbour, ferry, dock]
  history: true
  proposal:
    name: keeping the harbour open
    terms: [harbour]
    actions: [keep, open]
  questions:
    - question: Who wants it open?
      show: positions
"""
CURATION = """position:
  - {actor: marit-berg, topic: harbour, stance: for, article: harbour-talks, paragraph: 1,
     summary: Wants the harbour open.}
"""


def _append(rel: str, text: str):
    def change(p: Path) -> None:
        f = p / rel
        f.write_text((f.read_text() if f.exists() else "") + text)

    return change


def _replace(rel: str, old: str, new: str):
    def change(p: Path) -> None:
        f = p / rel
        assert old in f.read_text(), (rel, old)
        f.write_text(f.read_text().replace(old, new))

    return change


# One change of each kind of input: every page that shows it must follow.
CHANGES = {
    "curation-position-stance": _replace(
        "editorial/curation.yaml", "stance: for", "stance: against"
    ),
    "curation-position-summary": _replace(
        "editorial/curation.yaml", "Wants the harbour open.", "Wants it shut."
    ),
    "curation-rename-actor": _append(
        "editorial/curation.yaml",
        "rename:\n  - {actor: marit-berg, name: Marit B. Berg, id: marit-berg}\n",
    ),
    "curation-set-affiliation": _append(
        "editorial/curation.yaml", "set:\n  - {actor: marit-berg, affiliation: Norway}\n"
    ),
    "topic-renamed": _replace("editorial/topics.yaml", "name: Harbour talks", "name: Port talks"),
    "topic-terms": _replace("editorial/topics.yaml", "[harbour, ferry, dock]", "[ferry, dock]"),
    "site-title": _replace("editorial/site.yaml", "title: ", "title: The "),
    "leader-added": _append(
        "editorial/leaders.yaml",
        "- {name: Marit Berg, office: Mayor, country: Norway, start: 2015-01-01}\n",
    ),
    "article-text": _append(
        "seeds/harbour-talks.txt", "Ms. Berg later said the dock would close.\n"
    ),
    "article-title": _replace("seeds/budget-vote.md", "title:", "title: New"),
    "sidecar-added": _append("seeds/plain-note.meta.yaml", "title: A note\ndate: 2020-02-02\n"),
    "article-removed": lambda p: (p / "seeds" / "plain-note.txt").unlink(),
    # The date of the article a position stands on: 'as of' and 'since' follow it.
    "article-date": _append("seeds/harbour-talks.meta.yaml", "date: 2021-03-04\n"),
    "evidence-article-title": _append("seeds/harbour-talks.meta.yaml", "title: Harbour\n"),
    # Named in a second article, Jonas Lindgren gets a page (castview.has_page): the
    # pages that linked his line on the first article's page link his page now.
    "actor-gains-a-page": _append("seeds/budget-vote.md", "\nJonas Lindgren voted against it.\n"),
}
# Named once, never quoted: no page, a line on the article page (and Marit Berg's
# page links it, as someone she appears with).
MASTER = """Harbour master met the mayor

The mayor of Oslo, Marit Berg, met the harbour master, Jonas Lindgren, on Tuesday.

They spoke about the ferries.
"""


@pytest.fixture(scope="module")
def warm(nlp, tmp_path_factory):
    root = make_project(
        tmp_path_factory.mktemp("warm"),
        {"harbour-master.txt": MASTER},
        seeds_from=FIXTURES / "articles",
    )
    _append("editorial/topics.yaml", TOPIC)(root)
    (root / "editorial" / "curation.yaml").write_text(CURATION)
    cwd = os.getcwd()
    os.chdir(root)
    try:
        r = CliRunner().invoke(main, ["generate"])
    finally:
        os.chdir(cwd)
    assert r.exit_code == 0, r.output
    return root


def _generate(project: Path, *args: str) -> dict[str, bytes]:
    cwd = os.getcwd()
    os.chdir(project)
    try:
        r = CliRunner().invoke(main, ["generate", *args])
        assert r.exit_code == 0, r.output
        c = CliRunner().invoke(main, ["check"])
        assert c.exit_code == 0, c.output
    finally:
        os.chdir(cwd)
    return tree(project / "site_src")


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_an_incremental_run_gives_what_a_clean_one_gives(warm, tmp_path, change):
    incremental, clean = tmp_path / "incremental", tmp_path / "clean"
    for p in (incremental, clean):
        shutil.copytree(warm, p, symlinks=True)
        CHANGES[change](p)
    # The warm copy keeps last run's fingerprints and times: pages may be kept.
    after = _generate(incremental)
    expected = _generate(clean, "--no-cache")
    assert after.keys() == expected.keys()
    stale = [page for page in expected if after[page] != expected[page]]
    assert stale == []
    assert after != tree(warm / "site_src") or change == "topic-terms"


def test_the_fingerprints_ask_for_everything_the_kept_pages_show():
    """Every lookup of `site` that the article and actor templates make (the pages
    an incremental run may keep) is one the fingerprint makes too: a template that
    starts showing something new fails here until `pageinputs.page_inputs` covers it."""
    import inspect
    import re

    from generator import pageinputs

    from .conftest import ROOT

    source = inspect.getsource(pageinputs.page_inputs) + inspect.getsource(
        pageinputs._article_label
    )
    asked = set(re.findall(r"site\.([a-z_]+)", source))
    for template in ("actor.md.j2", "article.md.j2"):
        shown = set(re.findall(r"site\.([a-z_]+)", (ROOT / "templates" / template).read_text()))
        assert shown <= asked, (template, shown - asked)


def test_a_change_to_any_module_of_the_package_renders_every_page_again(tmp_path):
    """The code is an input of every page: a fix to a view the templates call
    (explain.py, whois.py...) must not leave the kept pages as they were."""
    from generator import reuse

    package = Path(reuse.__file__).parent
    code = tmp_path / "generator"
    code.mkdir()
    for module in package.glob("*.py"):
        shutil.copy(module, code / module.name)
    templates = Path(__file__).parent.parent / "templates"

    def fingerprint() -> str:
        return reuse.Reuse(tmp_path, {}, templates, code).fingerprint(("page", 1))

    before = fingerprint()
    assert fingerprint() == before
    for name in ("explain.py", "whois.py", "castview.py", "wording.py"):
        module = code / name
        text = module.read_text(encoding="utf-8")
        module.write_text(text + "\n# changed\n", encoding="utf-8")
        assert fingerprint() != before, name
        module.write_text(text, encoding="utf-8")
        assert fingerprint() == before
