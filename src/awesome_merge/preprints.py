"""Venue names that mean "not peer-reviewed yet": one vocabulary for fusing venues and for BibTeX types."""

from __future__ import annotations

import re

# Preprint servers and the words lists use for them; `openreview` is here because a bare OpenReview link
# names no venue (the conference is in the venue text when the list gives one).
PREPRINT_WORDS = (
    "arxiv",
    "preprint",
    "corr",
    "biorxiv",
    "medrxiv",
    "chemrxiv",
    "ssrn",
    "techrxiv",
    "openreview",
)
PREPRINT_RE = re.compile(rf"(?i)\b({'|'.join(PREPRINT_WORDS)})\b")


def is_preprint_venue(venue: str) -> bool:
    """True for no venue at all or a preprint server: a published venue should win over these."""
    return not venue.strip() or PREPRINT_RE.search(venue) is not None
