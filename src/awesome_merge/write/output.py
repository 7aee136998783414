"""Writing the output folder: only the named files, each replaced atomically, unchanged ones left alone.

Why atomic: the scheduled job and readers (GitHub, CI) must never see half a README. Why unchanged files are
skipped: their mtime then tells a user what a run really changed, and `--check` can compare without writing.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from ..atomic import stage

__all__ = ["OutputError", "diff_outputs", "write_outputs"]


class OutputError(Exception):
    """The outputs could not (or must not) be written; the message says which path and why."""


def _data(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else bytes(content)


def _check_name(name: str) -> None:
    """Output names are plain file names, so a name can never reach outside the output folder."""
    if not name or name in (".", "..") or "/" in name or "\\" in name or "\0" in name:
        raise OutputError(f"invalid output file name {name!r}: expected a plain file name")


def _current(path: Path) -> bytes | None:
    try:
        return path.read_bytes() if path.is_file() else None
    except OSError:
        return None


def diff_outputs(out_dir: Path, files: Mapping[str, str | bytes]) -> list[str]:
    """Names whose file in `out_dir` is missing or differs from `files` (for `--check`), in given order."""
    out_dir = Path(out_dir)
    for name in files:
        _check_name(name)
    return [name for name, content in files.items() if _current(out_dir / name) != _data(content)]


def _refuse_protected(out_dir: Path, protected: Sequence[Path]) -> None:
    target = out_dir.resolve()
    for folder in protected:
        guarded = Path(folder).resolve()
        if target == guarded or guarded in target.parents:
            where = "is" if target == guarded else "is inside"
            raise OutputError(
                f"refusing to write outputs to {out_dir}: it {where} the sources folder {folder}; "
                "choose another output folder"
            )


def _fsync_dir(folder: Path) -> None:
    """Make the renames durable; not every platform can open a directory, which only costs durability."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _restore(replaced: list[Path], previous: Mapping[Path, bytes | None]) -> None:
    """Put back the files a failed run already replaced, so the folder stays the previous run's, whole."""
    for target in replaced:
        old = previous.get(target)
        try:
            if old is None:
                target.unlink(missing_ok=True)
            else:
                target.write_bytes(old)
        except OSError:
            pass  # best effort: the error being raised already names the folder


def write_outputs(
    out_dir: Path, files: Mapping[str, str | bytes], protected: Sequence[Path] = ()
) -> list[str]:
    """Write `files` (name -> text or bytes; text as UTF-8) into `out_dir`; return the names that changed.

    All changed files are first written to temp files in `out_dir` and synced, then renamed into place; if a
    rename fails, the ones already renamed are restored, so a failure leaves the previous outputs and no temp
    file behind. Other files are never touched.
    """
    out_dir = Path(out_dir)
    for name in files:
        _check_name(name)
    _refuse_protected(out_dir, protected)
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"output path {out_dir} exists and is not a folder")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create output folder {out_dir}: {exc.strerror or exc}") from exc

    pending: list[tuple[str, Path, Path]] = []  # (name, temp file, target)
    previous: dict[Path, bytes | None] = {}
    replaced: list[Path] = []
    try:
        for name, content in files.items():
            target = out_dir / name
            data = _data(content)
            if target.is_dir():
                raise OutputError(f"cannot write {target}: a folder of that name is in the way")
            old = _current(target)
            if old == data:
                continue
            previous[target] = old
            pending.append((name, stage(target, data), target))
        for _, tmp, target in pending:
            os.replace(tmp, target)
            replaced.append(target)
    except BaseException as exc:  # an interrupt mid-rename must not leave a mix of old and new either
        _restore(replaced, previous)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write outputs to {out_dir}: {exc}") from exc
        raise
    finally:
        for _, tmp, _target in pending:
            tmp.unlink(missing_ok=True)
    if pending:
        _fsync_dir(out_dir)
    return [name for name, _tmp, _target in pending]
