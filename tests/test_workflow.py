"""The GitHub Actions workflow does what reviewers rely on."""

from __future__ import annotations

import yaml

from .conftest import ROOT


def test_workflow_steps():
    wf = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text())
    on = wf.get("on", wf.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in on and on["push"]["branches"] == ["main"]
    steps = wf["jobs"]["check"]["steps"]
    runs = [s.get("run", "") for s in steps]
    order = [
        next(i for i, r in enumerate(runs) if r.strip() == cmd)
        for cmd in ("make test", ".venv/bin/explainer check", "make site")
    ]
    assert order == sorted(order)  # check before make site rewrites site_src/
    diff = next(s for s in steps if "explainer diff" in s.get("run", ""))
    assert (
        "GITHUB_STEP_SUMMARY" in diff["run"] and diff["if"] == "github.event_name == 'pull_request'"
    )
    # The changed pages, rendered before and after, uploaded and linked from the summary.
    assert "--html page-preview" in diff["run"]
    preview = next(s for s in steps if s.get("with", {}).get("name") == "page-preview")
    assert preview["uses"].startswith("actions/upload-artifact") and preview["id"] == "preview"
    assert any("steps.preview.outputs.artifact-url" in s.get("run", "") for s in steps)
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    assert wf["jobs"]["publish"]["needs"] == "check"
    assert wf["jobs"]["check"]["container"].endswith("bookworm")


def test_makefile_commands():
    make = (ROOT / "Makefile").read_text()
    # `explainer build` is strict and scans; the Makefile goes through it.
    assert "\n\t$(BIN)/explainer build\n" in make
    assert "\n\t$(BIN)/explainer serve --port 8000" in make
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in ci
