"""A helper process that loads the spaCy model while the main process reads the
editors' files, the articles and the cache.

Importing spaCy and loading the model take about a second, most of a run that
parses one new article. A run starts a helper at once (forked, so it starts in
milliseconds and shares what is already loaded); when the main process knows what
needs parsing, it sends the helper those articles if they are few, or kills it
unused when every article is cached or when there are enough to call for a pool of
workers. The helper writes nothing, so killing it at any moment loses nothing.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import traceback
from multiprocessing.connection import Connection

from generator.model import ArticleFacts


class ModelHelper:
    """One forked process: loads the model, then parses one batch of articles."""

    def __init__(self) -> None:
        ctx = multiprocessing.get_context("fork")
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=_serve, args=(child, self._conn), daemon=True)
        self._proc.start()
        child.close()

    @classmethod
    def start(cls) -> ModelHelper | None:
        """A helper, where one pays: a second core to run it on, the fork start
        method, and no model loaded in this process already (as in the tests)."""
        if (os.cpu_count() or 1) < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return None
        nlp = sys.modules.get("generator.nlp")
        if nlp is not None and nlp._load.cache_info().currsize:
            return None
        return cls()

    @property
    def alive(self) -> bool:
        return self._proc.is_alive()

    def extract(self, articles, leaders, specs) -> list[ArticleFacts]:
        """Parse and extract `articles` in the helper; it exits afterwards. Errors
        raised there (a missing model, say) are raised here."""
        try:
            self._conn.send((articles, leaders, specs))
            status, value = self._conn.recv()
        except (EOFError, OSError) as e:
            raise RuntimeError(
                f"the parsing helper process died (exit code {self._proc.exitcode})"
            ) from e
        finally:
            self.close()
        if status == "error":
            raise value
        return value

    def close(self) -> None:
        """Stop the helper, whatever it is doing."""
        if self._proc.is_alive():
            self._proc.kill()
        self._proc.join()
        self._conn.close()


def _serve(conn: Connection, main_end: Connection) -> None:
    # The forked copy of the main process's end: closed, so that the helper sees
    # the end of the pipe (and exits) when the main process goes, even if killed.
    main_end.close()
    from generator import chunk

    failure: BaseException | None = None
    try:
        from generator import nlp

        nlp.load()
    except BaseException as e:  # reported to the main process if it asks for work
        failure = e
    try:
        job = conn.recv()
    except (EOFError, OSError):
        return  # the main process needs nothing, or has gone
    try:
        if failure is not None:
            raise failure
        result: tuple[str, object] = ("ok", chunk.extract_chunk(*job))
    except BaseException as e:
        result = ("error", e)
    try:
        conn.send(result)
    except Exception as e:  # something that does not pickle: the error's text, at least
        cause = result[1] if result[0] == "error" else e
        text = "".join(traceback.format_exception(cause)).strip()  # type: ignore[arg-type]
        conn.send(("error", RuntimeError(f"in the parsing helper: {text}")))
