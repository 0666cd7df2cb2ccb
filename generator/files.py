"""The project's files as the generator may touch them.

What the generator reads, writes or empties must be the project's own: its folders
(seeds/, editorial/, site_src/, site/, .cache/) and every component of their paths
below the project root are real folders, not links to elsewhere; and a file it
reads is a regular file with one name. A symbolic link, or a hard link (a second
name of a file outside the project), would publish whatever it points to; a pipe
or a device would hang the run or never end. Paths given on the command line
(`explainer extract PATHS --output FILE`) are the user's choice and not checked
here beyond being readable files.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path


class IngestError(Exception):
    """Bad input: names the file (and line) and what is wrong with it."""

    def __init__(self, path: Path | str, message: str, line: int | None = None):
        self.path = shown(path)
        self.line = line
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


# An id: lower-case letters and digits joined by single hyphens. Ids name files and
# pages (articles, actors, topics, quotations, events), so every reader checks them
# with this one pattern.
ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def shown(path: Path | str) -> str:
    """A path as text that can be printed: bytes of a name that are not UTF-8 (which
    Python keeps as lone surrogates) as backslash escapes."""
    return str(path).encode("utf-8", "backslashreplace").decode("utf-8")


def name_problem(name: str) -> str | None:
    """What is wrong with a file's name for the site, if anything."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "the file name is not UTF-8 text; rename the file"
    return None


def project_path(root: Path, rel: Path) -> Path:
    """`root / rel`, refused when a component below the root is a symbolic link (a
    project folder linked elsewhere would be read, written or emptied there)."""
    if rel.is_absolute():
        return rel
    here = root
    for part in rel.parts:
        here = here / part
        if here.is_symlink():
            raise IngestError(
                here, "is a symbolic link; the project's folders must be in the project"
            )
    return here


def replace_text(path: Path, text: str, tmp: Path | None = None) -> None:
    """`path` holds `text`, or (the disk full) is left as it was, with no half file:
    written beside it (at `tmp`, by default a name of this process's) and swapped in."""
    tmp = tmp or path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise


def regular_problem(st: os.stat_result, one_name: bool = True) -> str | None:
    if stat.S_ISLNK(st.st_mode):
        return "is a symbolic link; put the file itself here"
    if not stat.S_ISREG(st.st_mode):
        return "is not a regular file (a pipe, a device or a socket); put a file here"
    if one_name and st.st_nlink > 1:
        return (
            "has other names (a hard link), so it may be a file from elsewhere; "
            "copy the file here instead"
        )
    return None


def check_regular(path: Path) -> None:
    """Refuse anything but a regular file with one name (the link itself is looked at)."""
    try:
        st = os.lstat(path)
    except OSError as e:
        raise IngestError(path, f"cannot be read ({e.strerror})") from None
    problem = regular_problem(st)
    if problem:
        raise IngestError(path, problem)


def read_bytes(path: Path, limit: int, too_big: str = "", one_name: bool = True) -> bytes:
    """The bytes of a regular file with one name and at most `limit` bytes. The
    file is opened without following a link and without waiting on a pipe, and
    checked as opened (not only by name). `one_name=False` for the generator's own
    records, which an incremental run links from the old tree into the new."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise IngestError(path, "is a symbolic link; put the file itself here") from None
        raise IngestError(path, f"cannot be read ({e.strerror})") from None
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(f.fileno())
        problem = regular_problem(st, one_name)
        if problem:
            raise IngestError(path, problem)
        if st.st_size > limit:
            raise IngestError(path, f"is larger than {limit:,} bytes{too_big}")
        try:
            data = f.read(limit + 1)
        except OSError as e:
            raise IngestError(path, f"cannot be read ({e.strerror})") from None
    if len(data) > limit:
        raise IngestError(path, f"is larger than {limit:,} bytes{too_big}")
    return data
