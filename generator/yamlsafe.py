"""YAML as people mean it, for front matter, sidecars and editors' files.

PyYAML follows YAML 1.1, where `No`, `yes`, `on` and `off` are booleans and
`2017-02-30` is a date that fails to construct (a bare ValueError, not a YAML
error). Our loaders keep YAML 1.2's booleans (true and false only), so that
`title: No` is the headline "No", and leave dates as text, so that the code that
reads a date checks it and names the file and line when it is wrong. Both stay
safe loaders: no tags that build Python objects.
"""

from __future__ import annotations

import re

import yaml

_BOOL = "tag:yaml.org,2002:bool"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


def _plain_resolvers(cls: type) -> None:
    resolvers = {
        first: [(tag, rx) for tag, rx in entries if tag not in (_BOOL, _TIMESTAMP)]
        for first, entries in cls.yaml_implicit_resolvers.items()
    }
    cls.yaml_implicit_resolvers = resolvers
    cls.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF")


class SafeLoader(yaml.SafeLoader):
    """The pure-Python safe loader (its error messages are the best worded)."""


class FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's safe loader where PyYAML has it: ten times quicker on many articles."""


_plain_resolvers(SafeLoader)
_plain_resolvers(FastLoader)


def load(text: str, loader: type = FastLoader) -> object:
    """Parse `text`; raises yaml.YAMLError (with a problem mark where it has one)."""
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - safe loaders only
    except yaml.YAMLError:
        if loader is SafeLoader:
            raise
        return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - for its error message
    except RecursionError as e:
        raise yaml.YAMLError("nested too deeply") from e
