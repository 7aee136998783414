"""Years as lists write them (`2024`, `AAAI'24`), never inside an arXiv id."""

from __future__ import annotations

import re

# A 4-digit year not embedded in a longer digit run nor in an arXiv-like id (2001.01234, 1412.2024),
# or a 2-digit year after an apostrophe (AAAI'24).
# A year as lists write it: `2024`, `'24`. Public so that readers strip exactly what `year_in_text` reads.
YEAR_RE = _YEAR_RE = re.compile(
    r"(?<![0-9])(?<![0-9]{4}\.)(?P<y4>19[5-9][0-9]|20[0-9]{2})(?![0-9])(?!\.[0-9]{4})"
    r"|(?<![0-9])['’‘](?P<y2>[0-9]{2})(?![0-9])"
)


def year_in_text(text: str) -> int | None:
    """First plausible publication year (1950..2099) in free text such as "NeurIPS 2024" or "AAAI'24"."""
    m = _YEAR_RE.search(text)
    if m is None:
        return None
    if m["y4"] is not None:
        return int(m["y4"])
    yy = int(m["y2"])
    return 1900 + yy if yy >= 50 else 2000 + yy


# A year and month (and day) written as one number, as some lists date papers: `201901`, `20190115`.
COMPACT_DATE = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)(?:0[1-9]|1[0-2])(?:[0-3]\d)?(?!\d)")
