"""`explainer check` and `explainer diff`."""

from __future__ import annotations

import json
import subprocess

from click.testing import CliRunner

from generator.cli import main


def run(*args, code=0):
    r = CliRunner().invoke(main, list(args))
    assert r.exit_code == code, r.output
    return r


def test_check_names_stale_missing_and_extra_pages(nlp, project):
    run("generate")
    run("check")
    site = project / "site_src"
    (site / "notes.md").write_text("# Hand-written\n")  # never counts
    run("check")
    (site / "articles" / "plain-note.md").write_text("edited by hand\n")
    (site / "actors" / "piet-vos.md").unlink()
    r = run("check", code=1)
    assert "stale: site_src/articles/plain-note.md" in r.output
    assert "missing: site_src/actors/piet-vos.md" in r.output
    assert "run 'make site'" in r.output
    run("generate")
    (project / "seeds" / "plain-note.txt").unlink()
    r = run("check", code=1)
    assert "extra: site_src/articles/plain-note.md" in r.output


def git(project, *args):
    subprocess.run(["git", *args], cwd=project, check=True, capture_output=True)


def committed_site(project):
    """The project a git repository, its generated site_src/ committed."""
    git(project, "init", "-q", "-b", "main")
    git(project, "config", "user.email", "t@example.org")
    git(project, "config", "user.name", "t")
    run("generate")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "one")


def test_diff_between_revisions(nlp, project):
    committed_site(project)
    base = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=project, capture_output=True, text=True
    ).stdout.strip()
    assert "No changes in the data or the pages." in run("diff", "--base", base).output
    (project / "seeds" / "ferry-strike.md").write_text(
        '---\ntitle: "Ferry Strike Ends"\ndate: "2019-04-01"\n---\n\n'
        '"We are back at work," said Lars Nygaard, the union leader.\n',
        encoding="utf-8",
    )
    (project / "editorial" / "curation.yaml").write_text(
        "rename:\n  - {actor: marit-berg, name: Marit Berg-Olsen}\n", encoding="utf-8"
    )
    run("generate")
    out = run("diff", "--base", base).output
    assert "### Articles added\n\n- Ferry Strike Ends (2019-04-01)" in out
    assert "renamed: **Marit Berg** (`marit-berg`) is now **Marit Berg-Olsen**" in out
    assert "added: **Lars Nygaard**" in out
    assert "speaker changed" not in out  # a rename is not a change of speaker
    assert "**Lars Nygaard**: \u201cWe are back at work,\u201d" in out
    assert "`articles/ferry-strike.md`" in out and "- removed (1): `actors/marit-berg.md`" in out


def test_diff_of_two_files(tmp_path):
    old = {"articles": [], "actors": [], "quotes": [], "topics": [], "events": []}
    new = {
        **old,
        "actors": [{"id": "a", "name": "Ann Lee", "kind": "person", "roles": [], "mentions": []}],
        "events": [{"article": "x", "paragraph": 0, "title": "Talks ended", "date": "1994"}],
    }
    (tmp_path / "old.json").write_text(json.dumps(old))
    (tmp_path / "new.json").write_text(json.dumps(new))
    out = run("diff", str(tmp_path / "old.json"), str(tmp_path / "new.json")).output
    assert "- added: **Ann Lee** (person)" in out
    assert "- 1994: Talks ended" in out
    same = run("diff", str(tmp_path / "old.json"), str(tmp_path / "old.json")).output
    assert same.endswith("No changes in the data or the pages.\n")


def test_diff_reports_a_new_display_name_under_the_same_id(tmp_path):
    """Taro Kono -> Taro K\u014dno keeps the id taro-kono: a change of name, not an
    actor removed and another added."""
    actor = {"id": "taro-kono", "name": "Taro Kono", "kind": "person", "roles": []}
    old = {"articles": [], "actors": [actor], "quotes": [], "topics": [], "events": []}
    new = {**old, "actors": [{**actor, "name": "Taro K\u014dno"}]}
    (tmp_path / "old.json").write_text(json.dumps(old))
    (tmp_path / "new.json").write_text(json.dumps(new))
    out = run("diff", str(tmp_path / "old.json"), str(tmp_path / "new.json")).output
    assert "- Taro Kono: now named **Taro K\u014dno**" in out
    assert "added:" not in out and "removed:" not in out


def test_diff_names_positions_quotations_events_and_episodes_that_changed(tmp_path):
    """What a reviewer of a regenerated site must see: a position gone (Pompeo's
    condition), one changed, one added, a statement removed, an event and an episode
    removed; the data's own text is escaped, never Markdown."""
    actors = [
        {"id": "pompeo", "name": "Mike Pompeo", "kind": "person", "roles": [], "mentions": []},
        {"id": "china", "name": "China", "kind": "country", "roles": [], "mentions": []},
        {"id": "kim", "name": "Kim *Jong* Un", "kind": "person", "roles": [], "mentions": []},
    ]
    ev = [{"article": "a1", "paragraph": 2, "start": 0, "end": 10}]
    old = {
        "articles": [{"id": "a1", "title": "Talks in Singapore", "date": "2018-06-14"}],
        "actors": actors,
        "topics": [{"id": "sanctions", "name": "Sanctions"}],
        "quotes": [
            {
                "article": "a1",
                "paragraph": 2,
                "start": 0,
                "end": 40,
                "kind": "direct",
                "speaker": "pompeo",
                "text": "Only then will there be relief from sanctions.",
            }
        ],
        "events": [{"article": "a1", "paragraph": 3, "title": "Talks ended", "date": "1994"}],
        "episodes": [{"topic": "sanctions", "title": "A freeze", "start": "1994", "end": "2001"}],
        "positions": [
            {
                "topic": "sanctions",
                "actor": "pompeo",
                "stance": "conditional",
                "summary": "For sanctions relief, only then.",
                "evidence": ev,
            },
            {
                "topic": "sanctions",
                "actor": "china",
                "stance": "for",
                "summary": "For sanctions relief.",
                "evidence": ev,
            },
        ],
    }
    new = {
        **old,
        "quotes": [],
        "events": [],
        "episodes": [],
        "positions": [
            {
                "topic": "sanctions",
                "actor": "china",
                "stance": "against",
                "summary": "Against sanctions relief.",
                "evidence": ev,
            },
            {
                "topic": "sanctions",
                "actor": "kim",
                "stance": "for",
                "summary": "For [relief](http://x).",
                "evidence": ev,
            },
        ],
    }
    (tmp_path / "old.json").write_text(json.dumps(old))
    (tmp_path / "new.json").write_text(json.dumps(new))
    out = run("diff", str(tmp_path / "old.json"), str(tmp_path / "new.json")).output
    assert (
        "- removed: **Mike Pompeo** on *Sanctions* (was: For sanctions relief, only then. "
        "(Talks in Singapore, paragraph 3))" in out
    )
    assert "- changed: **China** on *Sanctions*: For -> Against: Against sanctions relief." in out
    assert "- added: **Kim \\*Jong\\* Un** on *Sanctions*: For \\[relief\\](http:\\/\\/x)." in out
    assert "### Quotations removed, by speaker" in out and "**Mike Pompeo**: \u201cOnly then" in out
    assert "### Events removed\n\n- 1994: Talks ended" in out
    assert "- removed: 1994\u20132001: A freeze" in out


def test_diff_html_previews_the_changed_pages_with_their_changes_marked(nlp, project, tmp_path):
    committed_site(project)
    (project / "seeds" / "ferry-strike.md").write_text(
        '---\ntitle: "Ferry <b>Strike</b> Ends"\ndate: "2019-04-01"\n---\n\n'
        '"We are back at <script>work</script>," said Lars Nygaard, the union leader.\n',
        encoding="utf-8",
    )
    run("generate")
    out = tmp_path / "preview"
    r = run("diff", "--base", "HEAD", "--html", str(out))
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "articles/ferry-strike.md" in index
    page = (out / "articles" / "ferry-strike.html").read_text(encoding="utf-8")
    assert '<div class="added">' in page and "Lars Nygaard" in page
    assert "<script>" not in page and "<b>Strike</b>" not in page  # text, never markup
    changed = [ln for ln in index.splitlines() if ln.startswith("<li>changed")]
    assert changed, index  # the article lists, the new actor's index entries
    one = out / changed[0].split('href="')[1].split('"')[0]
    assert 'class="added"' in one.read_text(encoding="utf-8")
    assert "changed pages previewed" in r.output
    (tmp_path / "a.json").write_text("{}")
    files = (str(tmp_path / "a.json"), str(tmp_path / "a.json"))
    with_files = run("diff", "--html", str(out), *files, code=2)
    assert "--html compares pages" in with_files.output


def test_diff_names_a_position_whose_evidence_moved(tmp_path):
    actor = {"id": "ann", "name": "Ann Lee", "kind": "person", "roles": [], "mentions": []}
    base = {
        "articles": [],
        "actors": [actor],
        "quotes": [],
        "events": [],
        "topics": [{"id": "t", "name": "Tolls"}],
    }
    pos = {
        "topic": "t",
        "actor": "ann",
        "stance": "for",
        "summary": "For tolls.",
        "evidence": [{"article": "x", "paragraph": 2, "start": 0, "end": 5}],
    }
    moved = {**pos, "evidence": [{"article": "y", "paragraph": 6, "start": 0, "end": 5}]}
    (tmp_path / "old.json").write_text(json.dumps({**base, "positions": [pos]}))
    (tmp_path / "new.json").write_text(json.dumps({**base, "positions": [moved]}))
    out = run("diff", str(tmp_path / "old.json"), str(tmp_path / "new.json")).output
    assert "- changed: **Ann Lee** on *Tolls*: For -> For: For tolls. (y, paragraph 7)" in out


def test_preview_renders_only_generated_pages(tmp_path):
    from generator import preview

    pages = {"changed": ["notes.md", "topics/t.md"], "added": [], "removed": []}
    texts = {"notes.md": "<script>alert(1)</script>", "topics/t.md": "# T\n\nNew."}
    n = preview.write(tmp_path, pages, lambda p: "", texts.get, generated={"topics/t.md"})
    assert n == 1 and not (tmp_path / "notes.html").exists()
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "notes.md (hand-written: not previewed)" in index and "<script>" not in index
