"""Write the generated pages into site_src/ all at once, keeping hand-written pages.

Generated pages are listed in `site_src/.generated` (MkDocs skips dot-files);
anything else in site_src/ is an editor's page and is never touched: it is carried
over to the new tree as it is. Where an editor's page has the path of a generated
one, the editor's page wins and the generated one is not written.

The new tree is built beside the old one and swapped in at once (an atomic exchange
of the two directories); a run killed at any moment leaves either the old tree or
the new one, and the next run clears what a killed run left beside it (`recover`).
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import hashlib
import json
import os
import re
import shutil
import stat
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.files import ID_RE as _ID
from generator.files import IngestError, check_regular, name_problem, read_bytes

MANIFEST = ".generated"
# The record of actor ids that curation renamed or merged away: old id -> new id.
# It only grows, so an old URL keeps working after its curation entry is gone.
REDIRECTS = ".redirects.json"
# Front matter keys of a hand page that the theme prints into the page as HTML.
_THEME_KEYS = ("title", "description", "subtitle", "author")


class Busy(Exception):
    """Another run holds site_src/ for longer than we wait."""


@contextmanager
def locked(site_src: Path, wait: float | None = None, on_wait=None) -> Iterator[None]:
    """Hold the lock of site_src/ (a file beside it): one run at a time reads,
    recovers, writes and swaps it. A second run waits up to `wait` seconds
    (EXPLAINER_LOCK_WAIT, default 600), calling `on_wait()` once, then gives up."""
    if wait is None:
        wait = float(os.environ.get("EXPLAINER_LOCK_WAIT") or 600)
    site_src.parent.mkdir(parents=True, exist_ok=True)
    lock = site_src.with_name(f".{site_src.name}.lock")
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as e:
                if e.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
            if time.monotonic() >= deadline:
                raise Busy(
                    f"{site_src}: another explainer run is writing it; "
                    f"waited {wait:.0f} s (EXPLAINER_LOCK_WAIT)"
                )
            if not told and on_wait is not None:
                on_wait()
                told = True
            time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # and with it the lock


def update_redirects(site_src: Path, new: dict[str, str]) -> dict[str, str]:
    path = site_src / REDIRECTS
    record: dict[str, str] = {}
    if path.exists() or path.is_symlink():
        if path.is_symlink():
            raise IngestError(path, "is a symbolic link; the record must be a file")
        try:
            record = json.loads(read_bytes(path, 10**7, one_name=False).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            record = {}  # a damaged record is rebuilt from the curation
        _check_redirects(path, record)
    record.update(new)
    # Follow chains (a -> b, b -> c) to the current id.
    for old in list(record):
        seen = {old}
        while record[old] in record and record[old] not in seen:
            seen.add(record[old])
            record[old] = record[record[old]]
    return dict(sorted(record.items()))


def _check_redirects(path: Path, record: object) -> None:
    """Each key and value becomes a folder name and a URL: ids only."""
    if not isinstance(record, dict):
        raise IngestError(path, 'must map old actor ids to new ones ({"old-id": "new-id"})')
    for old, new in record.items():
        for value in (old, new):
            if not isinstance(value, str) or not _ID.fullmatch(value) or len(value) > 100:
                raise IngestError(
                    path, f"{str(value)[:40]!r} is not an actor id ([a-z0-9-], no slashes)"
                )


def dump_redirects(record: dict[str, str]) -> str:
    return json.dumps(record, indent=1, sort_keys=True) + "\n"


def _siblings(site_src: Path) -> tuple[Path, Path]:
    return (
        site_src.with_name(f".{site_src.name}.new"),
        site_src.with_name(f".{site_src.name}.old"),
    )


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directories in one step (Linux renameat2 RENAME_EXCHANGE)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def _discard(tree: Path) -> None:
    """Remove the replaced tree. Thousands of files take a second or two to unlink,
    so it is renamed aside and removed in the background; a removal cut short
    is finished by the next run's recover()."""
    trash = tree.with_name(f"{tree.name}.trash-{os.getpid()}")
    try:
        tree.rename(trash)
        subprocess.Popen(
            ["rm", "-rf", "--", str(trash)],
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    except OSError:
        shutil.rmtree(trash if trash.exists() else tree, ignore_errors=True)


def recover(site_src: Path) -> None:
    """Finish or undo a swap that a killed run left half done."""
    new, old = _siblings(site_src)
    if old.exists():
        if site_src.exists():
            shutil.rmtree(old)  # the swap completed; only the clean-up was missed
        else:
            old.rename(site_src)  # killed between the two renames: keep the old tree
    if new.exists():
        shutil.rmtree(new)
    for trash in site_src.parent.glob(f".{site_src.name}.*.trash-*"):
        shutil.rmtree(trash, ignore_errors=True)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:20]


def manifest(entries: dict[str, str]) -> str:
    """The text of `.generated`: each generated page with the hash of what was
    written there, so that a line someone adds for a hand page is not taken for ours."""
    return "".join(f"{p}\t{h}\n" for p, h in sorted(entries.items()))


def read_manifest(site_src: Path) -> dict[str, str | None]:
    """Path -> hash of `.generated` (None where a line has no hash)."""
    path = site_src / MANIFEST
    if not path.exists() and not path.is_symlink():
        return {}
    return parse_manifest(read_bytes(path, 10**8, one_name=False).decode("utf-8", "replace"))


def parse_manifest(text: str) -> dict[str, str | None]:
    """Path -> hash of a `.generated` text (None where a line has no hash)."""
    out: dict[str, str | None] = {}
    for line in text.splitlines():
        rel, _, h = line.partition("\t")
        if rel.strip():
            out[rel] = h.strip() or None
    return out


def _ours(site_src: Path, rel: str, recorded: str | None) -> bool:
    """Whether a page `.generated` lists is the one we wrote there (or is gone)."""
    f = site_src / rel
    try:
        st = os.lstat(f)
    except OSError:
        return True
    if recorded is None or not stat.S_ISREG(st.st_mode):
        return False
    try:
        return digest(f.read_bytes()) == recorded
    except OSError:
        return False


def hand_written(
    site_src: Path, pages: dict | None = None, listed: dict[str, str | None] | None = None
) -> set[str]:
    """The editors' files in site_src/: everything the manifest does not list, and
    a listed file this run does not generate that is not what we wrote there (a
    line added to `.generated` never deletes a hand page). A link among them is
    refused (a linked file would be published in the link's place, a linked folder
    silently dropped), and so is a pipe or a device (it would hang the copy), a
    file with other names (a hard link to a file elsewhere) and a page whose front
    matter the theme would print as HTML. `listed`: `.generated`, if already read."""
    if not site_src.exists():
        return set()
    if listed is None:
        listed = read_manifest(site_src)
    generated = {MANIFEST} | {
        rel for rel, h in listed.items() if pages is None or rel in pages or _ours(site_src, rel, h)
    }
    found = set()
    for folder, dirs, files in os.walk(site_src):
        rel = Path(folder).relative_to(site_src).as_posix()
        prefix = "" if rel == "." else rel + "/"
        for name in dirs + files:
            if (Path(folder) / name).is_symlink():
                raise IngestError(
                    Path(folder) / name, "is a symbolic link; put the page itself in site_src/"
                )
            problem = name_problem(name)
            if problem:
                raise IngestError(Path(folder) / name, problem)
        mine = [f for f in files if prefix + f not in generated]
        for f in mine:
            check_regular(Path(folder) / f)
        found.update(prefix + f for f in mine)
    for rel in found:
        if rel.endswith(".md"):
            check_front_matter(site_src / rel)
    return found


def check_front_matter(page: Path) -> None:
    """The theme prints a hand page's `title`, `description`... into the page and
    its <head> as they are, so they must be plain text with no '<' or '>'."""
    from generator import yamlsafe

    try:
        text = read_bytes(page, 10**8).decode("utf-8")
    except UnicodeDecodeError as e:
        raise IngestError(page, "is not readable UTF-8 text") from e
    if not text.startswith("---\n"):
        return
    end = text.find("\n---", 4)
    if end < 0:
        return
    try:
        meta = yamlsafe.load(text[4:end])
    except Exception as e:  # noqa: BLE001 - any parse failure is the page's problem
        raise IngestError(page, f"its front matter is not valid YAML ({e})", line=1) from None
    if not isinstance(meta, dict):
        return
    for key in _THEME_KEYS:
        value = meta.get(key)
        if value is None:
            continue
        if not isinstance(value, str) or re.search(r"[<>]", value) or len(value) > 1000:
            raise IngestError(
                page, f"front matter '{key}' must be plain text without '<' or '>'", line=1
            )


def _keep(old: Path, dest: Path) -> None:
    """The old file, in the new tree: a second name for it where the file system
    has them (the old tree's name goes with the old tree), else a copy."""
    try:
        os.link(old, dest)
    except OSError:
        shutil.copy2(old, dest)


def _same(old: Path, text: str) -> bool:
    """Whether the page on disk already says exactly `text`."""
    try:
        if old.is_symlink() or old.stat().st_size != len(text.encode("utf-8")):
            return False
        return old.read_text(encoding="utf-8") == text
    except (OSError, UnicodeDecodeError):
        return False


def plan(
    site_src: Path, pages: dict, listed: dict[str, str | None] | None = None
) -> tuple[dict, set[str]]:
    """The pages to write (hand-written ones win) and the hand-written pages kept.
    `listed`: `.generated`, if already read (it is read once per write)."""
    hand = hand_written(site_src, pages, listed)
    return {p: t for p, t in pages.items() if p not in hand}, hand


class Kept:
    """In place of a page's text: the page in site_src/ stays as it is (it is linked
    into the new tree rather than written again)."""


def write_site(site_src: Path, pages: dict[str, str | Kept]) -> list[str]:
    """Replace site_src/ with `pages` plus the hand-written pages; returns the paths
    of generated pages skipped because an editor's page holds them."""
    recover(site_src)
    listed = read_manifest(site_src)
    to_write, hand = plan(site_src, pages, listed)
    new, old = _siblings(site_src)
    try:
        new.mkdir(parents=True)
        for rel in sorted(hand):
            dest = new / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(site_src / rel, dest)
        delay = float(os.environ.get("EXPLAINER_WRITE_DELAY") or 0)  # for the kill test
        made: set[Path] = set()
        written: dict[str, str] = {}
        for rel, text in sorted(to_write.items()):
            dest = new / rel
            if dest.parent not in made:
                dest.parent.mkdir(parents=True, exist_ok=True)
                made.add(dest.parent)
            if isinstance(text, Kept):
                # The old file itself, time included: the site build sees it unchanged.
                _keep(site_src / rel, dest)
                written[rel] = listed.get(rel) or digest(dest.read_bytes())
            else:
                data = text.encode("utf-8")
                if _same(site_src / rel, text):
                    _keep(site_src / rel, dest)
                else:
                    dest.write_bytes(data)
                written[rel] = digest(data)
            if delay:
                time.sleep(delay)
        (new / MANIFEST).write_text(manifest(written), encoding="utf-8")
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    # The swap. Where the system can exchange two directories in one step, site_src/
    # is at every moment entirely old or entirely new; elsewhere a kill between the
    # two renames leaves `old`, which the next run's recover() puts back.
    try:
        if site_src.exists() and _exchange(new, site_src):
            _discard(new)
            return sorted(set(pages) - set(to_write))
        if site_src.exists():
            site_src.rename(old)
    except OSError:
        # An immutable or read-only site_src/: the old tree stands, the new one goes.
        shutil.rmtree(new, ignore_errors=True)
        raise
    try:
        new.rename(site_src)
    except OSError:
        if old.exists():
            old.rename(site_src)  # put the old tree back
        shutil.rmtree(new, ignore_errors=True)
        raise
    _discard(old)
    return sorted(set(pages) - set(to_write))
