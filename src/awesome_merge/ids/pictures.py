"""Badges and image files: shown on a page, never a paper's page."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

IMAGE_BADGE_HOSTS = ("shields.io", "badgen.net", "badge.fury.io")
IMAGE_SUFFIXES = (".png", ".svg", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".ico")


@lru_cache(maxsize=65536)
def is_image_url(url: str) -> bool:
    """A badge image, a badge service's URL or an image file: something shown, never a paper's page."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    host = (parts.hostname or "").lower()
    if any(host == h or host.endswith("." + h) for h in IMAGE_BADGE_HOSTS):
        return True
    return parts.path.lower().rstrip("/").endswith(IMAGE_SUFFIXES)
