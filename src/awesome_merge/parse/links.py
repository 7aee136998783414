"""What a link in a list is for: the paper itself, another version of it, its code, a venue, or navigation.

One small function per question; the item reader asks them in order.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import SplitResult, unquote, urlsplit

from ..ids import canonical_url, github_repo, is_http_url, is_image_url
from .venue import is_venue_label
from .vocabulary import OTHER_LIST_REPOSITORY, SCHOLARLY_RECORD_PAGES, on_change, words

# Words that may stand beside a version word in a link label (`official PDF`, `full paper`, `v2`).
_LABEL_QUALIFIERS = frozenset(
    "official full final extended published open access free online v version camera ready main pre print "
    "long short this latest new old updated original accepted".split()
)


_ALT_LABEL: re.Pattern[str]
_CODE_LABEL: re.Pattern[str]
_VERSION_TOKEN: re.Pattern[str]
_EXTRA_LABEL: re.Pattern[str]


def _compile_labels() -> None:
    """The label patterns from the vocabularies, built again when the config adds words."""
    global _ALT_LABEL, _CODE_LABEL, _VERSION_TOKEN, _EXTRA_LABEL
    version, code, extra = words("version"), words("code"), words("extra")
    around = r"[\w.’'-]+"
    _ALT_LABEL = re.compile(rf"^[\W_]*(?:{around}\s+){{0,2}}(?:{version})(?:\s+{around}){{0,2}}[\W_]*$", re.I)
    # A code word, and at most one more word after a space or a separator (`code soon`, `Code/Data`);
    # glued on, the word is a name (`torchkeras`), not a label.
    _CODE_LABEL = re.compile(
        rf"^[\W_]*(?:official\s+)?(?:{code})(?:\s*[/&+]\s*\w+|\s+\w+|base)?[\W_]*$", re.I
    )
    _VERSION_TOKEN = re.compile(rf"(?:{version})", re.I)
    _EXTRA_LABEL = re.compile(rf"^[\W_]*(?:{extra})[\W_]*$", re.I)


on_change(_compile_labels)
# The comparison keys `canonical_url` gives a URL that names one paper by an identifier.
_IDENTIFIER_KEY = re.compile(r"^(?:arxiv|doi|openreview|neurips|iclr|pmlr|acl|ieee|aaai):")
_INDEX_PATH = re.compile(
    r"/(?:conferences?|events?|dblp|db/conf|db/journals|volumes?|toc|issues?)(?:/|$)", re.I
)


@lru_cache(maxsize=65536)
def _split(href: str) -> SplitResult:
    """`urlsplit` that never raises: a malformed URL (`https://[`) has no host and no path; memoised, as
    each link's roles ask it of the same URL."""
    try:
        return urlsplit(href)
    except ValueError:
        return SplitResult("", "", "", "", "")


def is_navigation(href: str) -> bool:
    """Anchors and relative links point inside the list's own repository: never a paper."""
    href = href.strip()
    return (
        not href or href.startswith("#") or (":" not in href.split("/", 1)[0] and not href.startswith("//"))
    )


def is_unsafe(href: str) -> bool:
    """A link with a scheme other than http(s): `javascript:`, `data:`, `file:`..."""
    return not is_navigation(href) and not is_http_url(href)


@lru_cache(maxsize=65536)
def is_code_label(text: str) -> bool:
    """`Code`, and a bilingual `代码/Code` label where one side is the role word."""
    return bool(_CODE_LABEL.match(text)) or (
        "/" in text and any(_CODE_LABEL.match(side) for side in text.split("/")[1:])
    )


# A label that is an identifier: a DOI or a bare arXiv id (`10.1016/j.abc.2021.03.022`, `2103.01234v2`).
_IDENTIFIER_TEXT = re.compile(r"^\W*(?:doi\s*:\s*)?(?:10\.\d{4,9}/\S+|\d{4}\.\d{4,5}(?:v\d+)?)\W*$", re.I)
_LABEL_WORD = re.compile(r"[\w’'-]+")
_ARXIV_LABEL = re.compile(r"^\W*arxiv\s*:\s*\S+\W*$", re.I)
_LABEL_TOKEN = re.compile(r"[a-z]+|\d+")
_TITLE_WORDS = frozenset("a an the of on for in with to via by from and or towards is are".split())


@lru_cache(maxsize=65536)
def is_alt_label(text: str) -> bool:
    """`[PDF]`, `AAAI'24 version`, `arXiv:2409.15723`; not a title that happens to say "paper"
    ("A paper on federated LLMs"): a label is short and has none of a title's small words."""
    if _IDENTIFIER_TEXT.match(text):  # `[10.1000/xyz.123](https://doi.org/...)`: the link names itself
        return True
    words = _LABEL_WORD.findall(text.lower())
    if len(words) > 4 or _TITLE_WORDS.intersection(words):
        return False
    if _ARXIV_LABEL.match(text):  # `arXiv:2409.15723`
        return True
    tokens = _LABEL_TOKEN.findall(text.lower())  # `Paper-arXiv15`, `PDF(arXiv)`, `AAAI'24 version`
    if not any(_VERSION_TOKEN.fullmatch(t) for t in tokens):
        return False
    return all(
        _VERSION_TOKEN.fullmatch(t) or t.isdigit() or t in _LABEL_QUALIFIERS or is_venue_label(t)
        for t in tokens
    )


@lru_cache(maxsize=65536)
def is_extra_label(text: str) -> bool:
    return bool(_EXTRA_LABEL.match(text))


@lru_cache(maxsize=65536)
def names_paper(href: str) -> bool:
    """A URL of one paper's own record (an identifier, a proceedings or publisher article page): the
    paper, whatever word labels the link."""
    if _IDENTIFIER_KEY.match(canonical_url(href)):
        return True
    parts = _split(href)
    host = parts.netloc.lower().removeprefix("www.")
    return any(host == h and parts.path.startswith(prefix) for h, prefix in SCHOLARLY_RECORD_PAGES)


@lru_cache(maxsize=65536)
def is_paper_url(href: str) -> bool:
    """A URL that names one paper: an identifier, a PDF, or a deep path on a publisher site."""
    if names_paper(href):
        return True
    if is_image_url(href):
        return False
    parts = _split(href)
    path = parts.path.rstrip("/")
    if path.lower().endswith(".pdf"):
        return True
    return not _INDEX_PATH.search(path + "/") and path.count("/") >= 2


_ONE_WORK_SEGMENTS = frozenset(
    {"presentation", "paper", "papers", "poster", "abstract", "html", "pdf", "forum"}
)


@lru_cache(maxsize=65536)
def is_index_page(href: str) -> bool:
    """A conference, event or volume page (`.../Conferences/2016/Schedule`): it lists papers, names none."""
    path = _split(href).path.strip("/")
    segments = [seg.lower() for seg in path.split("/") if seg]
    if len(segments) > 3 or _ONE_WORK_SEGMENTS.intersection(segments) or path.lower().endswith(".pdf"):
        return False  # `/conference/atc24/presentation/name`: one talk's page
    return bool(_INDEX_PATH.search("/" + path + "/"))


def is_venue_index(href: str) -> bool:
    """`neurips.cc/Conferences/2023`, `aclanthology.org/events/acl-2023`: a venue's page, not a paper."""
    return not is_paper_url(href)


@lru_cache(maxsize=65536)
def code_repo(href: str) -> str:
    return github_repo(href)


@lru_cache(maxsize=65536)
def is_repository_root(href: str) -> bool:
    """`https://github.com/owner/repo`: a project's home, not a file or page inside it."""
    repo = code_repo(href)
    if not repo:
        return False
    path = _split(href).path.strip("/")
    return _split(href).netloc.lower().endswith(_split(repo).netloc) and path.count("/") <= 1


def is_badge_or_repository(href: str) -> bool:
    """An image that stands for code: a badge of a repository (stars, forks) or a link to its root."""
    repo = code_repo(href)
    return bool(repo) and (is_repository_root(href) or _split(href).netloc.lower() != _split(repo).netloc)


_DOCS_LABEL = re.compile(r"^[\W_]*(?:docs?|documentation|manual|api)[\W_]*$", re.I)


def is_docs_label(text: str) -> bool:
    return bool(_DOCS_LABEL.match(text))


_STATIC_BADGE = re.compile(r"^/badge/(?P<text>[^/?#]+?)(?:\.svg|\.png)?$", re.I)


@lru_cache(maxsize=65536)
def badge_texts(href: str) -> tuple[str, ...]:
    """What a static badge image states (`img.shields.io/badge/Conference-ICML'23-blue` states
    `ICML'23`): lists tag venues with badges as others do with brackets."""
    parts = _split(href)
    if not parts.netloc.lower().endswith(("shields.io", "badgen.net")):
        return ()
    match = _STATIC_BADGE.match(unquote(parts.path))
    if not match:
        return ()
    # shields.io: `-` separates label, message and colour; `--` is a dash and `__` an underscore in text
    fields = match.group("text").replace("--", "\x00").replace("__", "\x01").split("-")
    texts = [f.replace("\x00", "-").replace("_", " ").replace("\x01", "_").strip() for f in fields]
    # `label-message-colour` or `message-colour`: the message is what the badge states (`ICML'23`);
    # the label only names what kind of thing it is (`Conference`, `Publish`)
    message = texts[-2] if len(texts) >= 2 else texts[0]
    return (message,) if message else ()


_COMMENTARY_HOST = re.compile(r"$^")


def _compile_commentary() -> None:
    """A host of `COMMENTARY_HOSTS` or of the config's, or a subdomain of one."""
    global _COMMENTARY_HOST
    _COMMENTARY_HOST = re.compile(rf"(?:^|\.)(?:{words('commentary')})$")


on_change(_compile_commentary)


@lru_cache(maxsize=65536)
def is_commentary(href: str) -> bool:
    """A page about a work on a blog, news, social or video site (`COMMENTARY_HOSTS`), never the work."""
    host = _split(href.strip()).netloc.lower().rsplit("@", 1)[-1].split(":", 1)[0].removeprefix("www.")
    return bool(host) and bool(_COMMENTARY_HOST.search(host))


@lru_cache(maxsize=65536)
def is_other_list(href: str) -> bool:
    """The root of a repository named as a list of papers (`github.com/o/CV-Surveys`): another list."""
    if not is_repository_root(href):
        return False
    name = _split(code_repo(href)).path.strip("/").split("/")[-1]
    return bool(OTHER_LIST_REPOSITORY.search(name))
