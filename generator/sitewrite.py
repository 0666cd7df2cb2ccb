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
import json
import os
import shutil
import subprocess
import time
from pathlib import Path

MANIFEST = ".generated"
# The record of actor ids that curation renamed or merged away: old id -> new id.
# It only grows, so an old URL keeps working after its curation entry is gone.
REDIRECTS = ".redirects.json"


def update_redirects(site_src: Path, new: dict[str, str]) -> dict[str, str]:
    path = site_src / REDIRECTS
    record: dict[str, str] = {}
    if path.exists():
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            record = {}  # a damaged record is rebuilt from the curation
    record.update(new)
    # Follow chains (a -> b, b -> c) to the current id.
    for old in list(record):
        seen = {old}
        while record[old] in record and record[old] not in seen:
            seen.add(record[old])
            record[old] = record[record[old]]
    return dict(sorted(record.items()))


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


def generated_files(site_src: Path) -> set[str]:
    manifest = site_src / MANIFEST
    if not manifest.exists():
        return set()
    return {ln for ln in manifest.read_text(encoding="utf-8").splitlines() if ln.strip()}


def hand_written(site_src: Path) -> set[str]:
    if not site_src.exists():
        return set()
    generated = generated_files(site_src) | {MANIFEST}
    found = set()
    for folder, _dirs, files in os.walk(site_src):
        rel = Path(folder).relative_to(site_src).as_posix()
        prefix = "" if rel == "." else rel + "/"
        found.update(prefix + f for f in files)
    return found - generated


def _keep(old: Path, dest: Path) -> None:
    """The old file, in the new tree: a second name for it where the file system
    has them (the old tree's name goes with the old tree), else a copy."""
    try:
        os.link(old, dest)
    except OSError:
        shutil.copy2(old, dest)


def plan(site_src: Path, pages: dict) -> tuple[dict, set[str]]:
    """The pages to write (hand-written ones win) and the hand-written pages kept."""
    hand = hand_written(site_src)
    return {p: t for p, t in pages.items() if p not in hand}, hand


class Kept:
    """In place of a page's text: the page in site_src/ stays as it is (it is linked
    into the new tree rather than written again)."""


def write_site(site_src: Path, pages: dict[str, str | Kept]) -> list[str]:
    """Replace site_src/ with `pages` plus the hand-written pages; returns the paths
    of generated pages skipped because an editor's page holds them."""
    recover(site_src)
    to_write, hand = plan(site_src, pages)
    new, old = _siblings(site_src)
    new.mkdir(parents=True)
    try:
        for rel in sorted(hand):
            dest = new / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(site_src / rel, dest)
        delay = float(os.environ.get("EXPLAINER_WRITE_DELAY") or 0)  # for the kill test
        made: set[Path] = set()
        for rel, text in sorted(to_write.items()):
            dest = new / rel
            if dest.parent not in made:
                dest.parent.mkdir(parents=True, exist_ok=True)
                made.add(dest.parent)
            if isinstance(text, Kept):
                _keep(site_src / rel, dest)
            else:
                dest.write_text(text, encoding="utf-8", newline="\n")
            if delay:
                time.sleep(delay)
        (new / MANIFEST).write_text("".join(f"{p}\n" for p in sorted(to_write)), encoding="utf-8")
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    # The swap. Where the system can exchange two directories in one step, site_src/
    # is at every moment entirely old or entirely new; elsewhere a kill between the
    # two renames leaves `old`, which the next run's recover() puts back.
    if site_src.exists() and _exchange(new, site_src):
        _discard(new)
    else:
        if site_src.exists():
            site_src.rename(old)
        new.rename(site_src)
        _discard(old)
    return sorted(set(pages) - set(to_write))
