"""Which files a run reads, and which config it reads them with: named before anything heavy is imported,
so that the command can start parsing them at once."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .config import CONFIG_NAME
from .diagnostics import AwesomeMergeError

# What a folder of lists is read for: Markdown, HTML and plain text.
SOURCE_SUFFIXES = (".md", ".markdown", ".html", ".htm", ".txt")


def find_sources(paths: Sequence[str | Path]) -> tuple[list[Path], list[Path]]:
    """Source files named or found directly in the folders named, and those folders."""
    files: list[Path] = []
    folders: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            folders.append(path)
            files.extend(
                sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES)
            )
        elif path.is_file():
            files.append(path)
        else:
            raise AwesomeMergeError(f"{path}: no such file or folder")
    unique = list(dict.fromkeys(files))
    return unique, folders


def default_config_path(folders: list[Path]) -> Path | None:
    for folder in folders:
        if (folder / CONFIG_NAME).is_file():
            return folder / CONFIG_NAME
    return None
