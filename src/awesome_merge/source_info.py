"""What the run knows of each merged list, for the README header: one definition for pipeline and writers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceInfo:
    """One merged list as the README header describes it."""

    name: str  # file name, e.g. "alice-awesome-widgets.md"
    url: str  # upstream URL or ""
    entries: int  # entries read from it
    readable: bool = True  # False when the source could not be read at all
    display: str = ""  # the curator's short name for it ([list.names]), else derived from `name`
