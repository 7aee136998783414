"""The comparison keys of entries a parsing process makes while it reads a file: free of pandas, so a
parsing process started before pandas is imported never needs it."""

from __future__ import annotations

from .frame import ALT_URL_SEP
from .ids import canonical_url, is_http_url, is_image_url, page_aliases
from .text import title_key


def comparison_keys(
    titles: list[str], urls: list[str], alt_urls: list[str]
) -> tuple[list[str], list[list[str]]]:
    """Title keys and page keys of some entries: the costly part of matching, so parse workers compute it
    per file in parallel (each distinct title and URL once)."""
    key_of = {t: title_key(t) for t in set(titles)}
    canonical: dict[str, str] = {}
    url_keys: list[list[str]] = []
    for url, alts in zip(urls, alt_urls, strict=True):
        keys: list[str] = []
        for one in (url, *alts.split(ALT_URL_SEP)) if alts else (url,):
            if not one or not is_http_url(one) or is_image_url(one):
                continue
            key = canonical.get(one)
            if key is None:
                key = canonical[one] = canonical_url(one)
            for k in (key, *page_aliases(key)) if key else ():
                if k not in keys:
                    keys.append(k)
        url_keys.append(keys)
    return [key_of[t] for t in titles], url_keys
