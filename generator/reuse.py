"""Incremental rendering: which pages of the last run still stand."""

from __future__ import annotations

import hashlib
from pathlib import Path


class Reuse:
    """Pages of the last run that can be kept as they are: a page is rendered
    again only when the fingerprint of everything it shows has changed.
    `fingerprints` are last run's (path -> [inputs hash, [size, mtime]]); `folder`
    holds last run's pages. A page touched since (another size or time, as make
    and git judge files) is rendered again."""

    def __init__(
        self,
        folder: Path,
        fingerprints: dict[str, list],
        templates: Path,
        code: Path | None = None,
    ):
        self.folder = folder
        self.fingerprints = fingerprints
        self.fresh: dict[str, str] = {}  # this run's inputs hashes, path -> hash
        h = hashlib.sha256()
        for t in sorted(templates.glob("*.j2")):
            h.update(t.name.encode() + t.read_bytes())
        # The code that renders is an input too: a fix must reach every page. Every
        # module of the package's top level, not a list of them: the views the
        # templates call (explain, whois, castview...) were missing from one, and a
        # changed summary stayed on the pages kept. extract/ reaches pages through
        # the data, which the inputs hold.
        for module in sorted((code or Path(__file__).parent).glob("*.py")):
            h.update(module.name.encode() + module.read_bytes())
        self.templates = h.hexdigest()

    def fingerprint(self, inputs: object) -> str:
        return hashlib.sha256((self.templates + repr(inputs)).encode()).hexdigest()

    def kept(self, path: str, fp: str) -> bool:
        """Whether last run's page stands: same inputs, and nobody has touched it
        (a page that is gone is never kept)."""
        known = self.fingerprints.get(path)
        if not isinstance(known, list) or len(known) != 2 or known[0] != fp:
            return False
        now = self._stat(path)
        return now is not None and known[1] == now

    def _stat(self, path: str) -> list[int] | None:
        try:
            st = (self.folder / path).stat()
        except OSError:
            return None
        return [st.st_size, st.st_mtime_ns]

    def written(self, skipped: list[str]) -> None:
        """This run's fingerprints, once its pages are in `folder`, for the next run."""
        stats = {path: self._stat(path) for path in self.fresh if path not in skipped}
        self.fingerprints = {
            path: [fp, stats[path]] for path, fp in self.fresh.items() if stats.get(path)
        }
