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


# Deeper than this is no one's front matter or editor's file. libyaml's composer
# recurses on the C stack (50,000 nested brackets end the process), the pure-Python
# one on Python's (a RecursionError): the depth is checked on the parser's events,
# which need no recursion, before either composes.
MAX_DEPTH = 100
_OPENERS = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSERS = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def _depth_bound(text: str) -> int:
    """An upper bound of the nesting depth, without parsing: every '[' or '{' (a
    flow level, wherever it is), plus, on the deepest line, two block levels per
    column of indentation (a mapping and the sequence it holds may share a column)
    and two per '-', '?' or ':' on the line ('- - a: b' nests on one line)."""
    block = 0
    for line in text.splitlines():
        indent = len(line) - len(line.lstrip())
        block = max(block, 2 * (indent + line.count("-") + line.count("?") + line.count(":") + 1))
    return text.count("[") + text.count("{") + block


def _check_depth(text: str) -> None:
    # The bound spares most texts the parse below: the loader parses them again.
    if _depth_bound(text) < MAX_DEPTH:
        return
    depth = 0
    try:
        for event in yaml.parse(text, Loader=FastLoader):  # noqa: S506 - events only
            if isinstance(event, _OPENERS):
                depth += 1
                if depth > MAX_DEPTH:
                    raise yaml.MarkedYAMLError(
                        problem=f"nested more than {MAX_DEPTH} levels deep",
                        problem_mark=event.start_mark,
                    )
            elif isinstance(event, _CLOSERS):
                depth -= 1
    except yaml.MarkedYAMLError as e:
        if e.problem and e.problem.startswith("nested more than"):
            raise
        # Malformed: the loader below says how, in its own words.


def load(text: str, loader: type = FastLoader) -> object:
    """Parse `text`; raises yaml.YAMLError (with a problem mark where it has one)."""
    _check_depth(text)
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - safe loaders only
    except yaml.YAMLError:
        if loader is SafeLoader:
            raise
        return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - for its error message
    except RecursionError as e:
        raise yaml.YAMLError("nested too deeply") from e
