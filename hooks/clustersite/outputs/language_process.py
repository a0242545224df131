"""The other languages built side by side with the default one, on the second core.

mkdocs-static-i18n builds the whole site once per language, one after the
other, in one process: on a machine with two cores, one sits idle while the
other renders every page twice. `mkdocs build` instead forks once the
default language's files are listed (the content is loaded, the stubs
written, the site's folder emptied), before any page is read: the fork
builds the other languages and their search indexes into a folder of its
own beside the site's (`staging`), while this process builds the default
language and the language-neutral files. When this process's pages and files
are written it waits for the fork and moves what it wrote into the site's
folder, where the later language's file wins, as when one process wrote
both in turn; then the files made from every language (sitemaps, host
headers, the joined search index) are written over the whole site.

What the default language's process makes for both (the open data set,
which the data page shows the sizes of) it hands over through a second pipe
(`LanguageProcess.hand_over`, `handed_over` in the fork), so that the fork
does not make it again.

The fork answers through a pipe: nothing when it built, or what stopped it
(`Failure`): MkDocs' own lines (warnings, a `PluginError`'s message) were
already printed by the fork as they would have been; the adapter stops the
build the same way. A fork that ends without an answer (killed, or out of
memory) raises `LanguageProcessError`: the build stops with a message,
never waits forever.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import shutil
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from clustersite.text.errors import LanguageProcessError

__all__ = ["Failure", "LanguageProcess", "LanguageProcessError", "handed_over", "start", "wanted"]

ONE_PROCESS = "CLUSTERSITE_ONE_PROCESS"
"""Set to 1 in the environment to build every language in one process, one after the other."""
FORK_FROM = "CLUSTERSITE_FORK_FROM"
"""How many pages the default language needs before the fork pays (the environment may say another number)."""
DEFAULT_FORK_FROM = 100
"""Measured on an idle two-core machine since the fork starts before the
default language's pages are read and each language's search index is made
in its own process: the real site (about 200 pages a language) builds in
1.46-1.49 s with the fork against 1.74-1.86 s without (three builds each,
alternating); at 1,000 clusters (2,156 pages a language) the fork saves
seconds. A site of a few dozen pages (the tests' fixtures) gains nothing
measurable: it keeps one process."""


@dataclass(frozen=True)
class Failure:
    """Why the fork's build stopped: `kind` names how the adapter stops the
    build ("abort": MkDocs' Abort, its lines printed; "plugin": a
    PluginError's message; "bug": a traceback, for a maintainer)."""

    kind: str
    message: str


def wanted(serving: bool, languages: int, pages: int) -> bool:
    """Side by side only for `mkdocs build` of more than one language, with a
    second core to run on, enough pages (`pages`, the default language's) to
    pay for the fork, and not turned off (`CLUSTERSITE_ONE_PROCESS=1`). On
    Linux only (where CI and the hosts build): macOS and Windows have no
    `sched_getaffinity`, and forking a process is unsafe or missing there,
    so an editor's own machine builds in one process."""
    threshold = os.environ.get(FORK_FROM, "")
    fork_from = int(threshold) if threshold.isdigit() else DEFAULT_FORK_FROM
    cores = getattr(os, "sched_getaffinity", None)
    return not serving and languages > 1 and pages >= fork_from and cores is not None and len(cores(0)) > 1 and os.environ.get(ONE_PROCESS) != "1"


def staging_dir(site_dir: Path) -> Path:
    """Beside the site's folder, on the same file system, so moving is renaming."""
    return site_dir.with_name(f".{site_dir.name}.languages")


class LanguageProcess:
    """The forked build of the other languages, from `start` to `finish`."""

    def __init__(self, site_dir: Path, staging: Path, process: multiprocessing.process.BaseProcess, answer: Connection, given: Connection) -> None:
        self.site_dir, self.staging, self.process, self.answer, self.given = site_dir, staging, process, answer, given

    def hand_over(self, value: Any) -> None:
        """Give the fork `value` (picklable), which its `handed_over()` returns."""
        self.given.send(value)

    def finish(self) -> Failure | None:
        """Wait for the fork; on success move its files into the site's folder.
        Returns why it failed, or raises LanguageProcessError if it ended without a word."""
        try:
            try:
                failure = self.answer.recv()
            except EOFError:
                self.process.join()
                raise LanguageProcessError(
                    f"The build of the other languages stopped without finishing (exit code {self.process.exitcode}); "
                    f"run the build again, or with {ONE_PROCESS}=1 to build every language in one process and see where it stops."
                ) from None
            self.process.join()
            if failure is None:
                merge_into(self.staging, self.site_dir)
            return failure
        finally:
            self.answer.close()
            self.given.close()
            shutil.rmtree(self.staging, ignore_errors=True)

    def stop(self) -> None:
        """This process stops before `finish`: end the fork and drop its files."""
        self.process.terminate()
        self.process.join()
        self.answer.close()
        self.given.close()
        shutil.rmtree(self.staging, ignore_errors=True)


def start(site_dir: Path, build_into: Callable[[Path], Failure | None]) -> LanguageProcess:
    """Fork; the fork runs `build_into(staging)` and answers with its result.
    Only without threads running (MkDocs' build has none; `mkdocs serve` does,
    and never comes here): a fork copies no thread, and no lock held by one."""
    staging = staging_dir(site_dir)
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    context = multiprocessing.get_context("fork")
    answer, writer = context.Pipe(duplex=False)
    taken, given = context.Pipe(duplex=False)
    process = context.Process(target=_answer, args=(build_into, staging, writer, taken, given), name="other-languages")
    process.start()
    writer.close()  # the fork holds the writing end; its exit closes it, so recv() never waits on a dead fork
    taken.close()  # and this process the writing end of the other pipe: handed_over() never waits on a dead parent
    return LanguageProcess(site_dir, staging, process, answer, given)


_handed: Connection | None = None


@functools.cache
def handed_over() -> Any:
    """In the fork: what the default language's process handed over
    (`LanguageProcess.hand_over`), waiting for it the first time."""
    assert _handed is not None, "only the fork is handed anything"
    try:
        return _handed.recv()
    except EOFError:
        raise LanguageProcessError("The default language's build stopped before handing its open data set to the other languages' build.") from None


def _answer(build_into: Callable[[Path], Failure | None], staging: Path, writer: Connection, taken: Connection, given: Connection) -> None:
    global _handed
    given.close()  # the fork's copy of the other end: once this process's is closed too, handed_over() reads the end, not waits
    _handed = taken
    try:
        failure = build_into(staging)
    except Exception:  # a bug, not a content mistake: its traceback, for a maintainer
        failure = Failure("bug", traceback.format_exc())
    writer.send(failure)
    writer.close()


def merge_into(source: Path, target: Path) -> None:
    """Move every file under `source` to the same place under `target`,
    replacing a file there (the later language's, as in one process; also
    how another language's search index joins the site's); a folder
    `target` lacks moves whole, in one rename."""
    for entry in os.scandir(source):
        destination = target / entry.name
        if entry.is_dir(follow_symlinks=False) and destination.is_dir():
            merge_into(Path(entry.path), destination)
        else:
            if destination.is_dir() and not destination.is_symlink():
                shutil.rmtree(destination)
            os.replace(entry.path, destination)
