"""Files replaced whole or not at all: a crash or a full disk never leaves half a file behind."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def stage(target: Path, data: bytes) -> Path:
    """`data` in a synced temp file beside `target`, with `target`'s mode: renaming it over `target` is
    then atomic. The caller renames (or removes) it; on failure here nothing is left behind."""
    return stage_pieces(target, (data,))


def stage_pieces(target: Path, pieces: Iterable[bytes]) -> Path:
    """`stage` for content made piece by piece: each piece written as it comes, so that a file of
    hundreds of megabytes is never held whole."""
    mode = target.stat().st_mode & 0o777 if target.is_file() else 0o644
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.writelines(pieces)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one rename."""
    tmp = stage(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
