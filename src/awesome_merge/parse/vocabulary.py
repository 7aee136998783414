"""The words the reader recognises, each vocabulary stated once.

Nothing here belongs to one field or one list: these are the words paper lists of any field use for a
link's role, a venue, a kind of entry, or a section that holds no entries. Field-specific names belong in a
project's config, not here.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable

from ..preprints import PREPRINT_WORDS

# A link labelled with one of these words is another copy of the entry's paper, never a title.
VERSION_WORDS = (
    r"paper|papers|pdf|pub|publication|arxiv(?:[:\s.]*[\w./-]*)?|preprint|abs|abstract|link|links|url|html|"
    r"doi(?::\s*\S+)?|openreview|proceedings|publisher|published|version|poster|oral|spotlight|"
    r"camera[- ]ready|full[- ]text|journal|conference|extended|acm|ieee|springer|semantic\s*scholar|"
    r"papers\s*with\s*code|pwc|docs?|documentation|here|download|read|online|ebook|book|free|article"
)
# A link labelled with one of these words is the entry's code.
CODE_WORDS = (
    r"code|codes|github|gitlab|repo|repository|implementation|source(?:\s+code)?|pytorch|tensorflow|tf|"
    r"torch|jax|keras|caffe|matlab|official\s+code|unofficial\s+code|pytorch\s+code|tensorflow\s+code"
)
# A link labelled with one of these words is material about the entry: neither its paper nor its code.
EXTRA_WORDS = (
    r"slides?|video|videos|talk|blog|website|web|homepage|home\s*page|project(?:\s+page)?|page|demo|"
    r"dataset|datasets|data|bibtex|bib|cite|citation|zhihu|twitter|tweet|youtube|model|models|weights|"
    r"checkpoints?|huggingface|hf|leaderboard|benchmark\s+page|supp(?:lementary)?|appendix|review|reviews|"
    r"poster\s+pdf|colab|notebook|media|news|press|summary|notes|report|website\s+link|coming\s+soon|"
    r"comming\s+soon|tbd|todo|n/?a|"
    # the same roles in Chinese: an official site, a write-up about the work, its news, its video
    r"官网(?:链接)?|官方网站|主页|项目主页|(?:中文)?解读|博客|新闻|报道|视频|讲解|知乎|公众号|简介|中文简介"
)

# Hosts whose pages are commentary on a work (a blog, a news or social post, a video), never the work: a
# link there after an entry's own link is one of that entry's other links, not an entry. A host matches
# itself and its subdomains.
COMMENTARY_HOSTS = (
    "mp.weixin.qq.com",
    "zhihu.com",
    "csdn.net",
    "cloud.tencent.com",
    "jiqizhixin.com",
    "qbitai.com",
    "juejin.cn",
    "jianshu.com",
    "cnblogs.com",
    "bilibili.com",
    "weibo.com",
    "medium.com",
    "towardsdatascience.com",
    "substack.com",
    "blogspot.com",
    "wordpress.com",
    "twitter.com",
    "x.com",
    "threads.net",
    "linkedin.com",
    "facebook.com",
    "reddit.com",
    "news.ycombinator.com",
    "youtube.com",
    "youtu.be",
    "vimeo.com",
)

# A repository whose name says it is a list of papers (`CV-Surveys`, `awesome-x`, `ECCV2024-Papers`): a link
# to it points at another list, never at an entry.
OTHER_LIST_REPOSITORY = re.compile(
    r"(?:^|[-_.])(?:awesome|papers?[-_]?lists?|reading[-_]?lists?|surveys|papers(?:[-_]with[-_]code)?)"
    r"(?:$|[-_.])",
    re.I,
)

# `Label: value` lines whose label names a field of the entry (`Authors: ...`, `Published in: ...`), in
# this order; a `description` label marks text about the entry, never its title or venue.
FIELD_LABELS: tuple[tuple[str, str], ...] = (
    ("venue", r"venue|conference|conf|journal|publisher|published(?: in| at)?|publication|booktitle"),
    ("year", r"year|date|published on|publication date|year of publication|time"),
    ("authors", r"authors?|by|speakers?|presenters?|first author"),
    (
        "description",
        r"topic|topics|session|tags?|keywords?|tasks?|datasets?|models?|notes?|slides?|summary|tl;?dr|abstract|"
        r"affiliations?|institutions?|labs?|highlights?|description|intro|introduction|comments?|status|"
        r"stars?|citations?|license|language",
    ),
)

# Table header words for each column role; a header may hold several (`Title & Authors`, `Conf/Jour`).
COLUMN_HEADER_WORDS: dict[str, frozenset[str]] = {
    "year": frozenset({"year", "years", "date", "time", "month", "when"}),
    "title": frozenset(
        {
            "title",
            "paper",
            "papers",
            "name",
            "work",
            "article",
            "method",
            "model",
            "dataset",
            "datasets",
            "benchmark",
            "project",
            "tool",
            "library",
            "resource",
            "book",
            "course",
            "talk",
        }
    ),
    "link": frozenset({"link", "links", "url", "pdf", "arxiv", "download", "resources", "doi"}),
    "venue": frozenset(
        {
            "venue",
            "conference",
            "conf",
            "journal",
            "jour",
            "pub",
            "booktitle",
            "published",
            "publication",
            "publisher",
            "source",
            "where",
        }
    ),
    "code": frozenset({"code", "github", "repo", "repository", "implementation", "stars", "official"}),
    "authors": frozenset({"author", "authors", "speaker", "speakers", "presenter", "by", "who"}),
}

# A header whose first word is one of these names a paper the row cites, not the row's own work.
CITING_HEADER_WORDS = frozenset(
    {"related", "reference", "references", "cited", "citing", "original", "source"}
)

# Hosts and path prefixes whose pages are one paper's record: a link there is the paper whatever its label.
SCHOLARLY_RECORD_PAGES = (
    ("openaccess.thecvf.com", "/content"),
    ("ecva.net", "/papers/"),
    ("link.springer.com", "/"),
    ("dl.acm.org", "/doi/"),
    ("nature.com", "/articles/"),
    ("sciencedirect.com", "/science/article/"),
    ("ijcai.org", "/proceedings/"),
    ("papers.nips.cc", "/paper"),
    ("proceedings.neurips.cc", "/paper"),
    ("proceedings.mlr.press", "/v"),
    ("aclanthology.org", "/"),
    ("ojs.aaai.org", "/index.php/"),
    ("ieeexplore.ieee.org", "/document/"),
    ("ieeexplore.ieee.org", "/abstract/document/"),
    ("pubmed.ncbi.nlm.nih.gov", "/"),
    ("ncbi.nlm.nih.gov", "/pmc/articles/"),
    ("semanticscholar.org", "/paper/"),
)
# Venue words: a short text made of these and years names a venue (`NeurIPS 2023`, `ICLR'24`).
VENUE_WORDS = (
    "neurips|nips|icml|iclr|aaai|ijcai|cvpr|iccv|eccv|wacv|acl|emnlp|naacl|eacl|coling|findings|kdd|www|"
    "sigir|cikm|wsdm|icde|vldb|sigmod|mlsys|osdi|sosp|nsdi|usenix|atc|infocom|mobicom|mobisys|sensys|"
    "icassp|interspeech|tmlr|jmlr|tpami|tnnls|tkde|tmc|ton|tpds|tifs|tdsc|jsac|tip|tog|tvcg|ijcv|pami|"
    "arxiv|openreview|uai|aistats|colt|icdm|sdm|ecml|pkdd|iswc|recsys|mm|acm|ieee|springer|elsevier|"
    "nature|science|ccs|s&p|ndss|security|euro|globecom|icc|wcnc|ijcnn|icpr|icip|miccai|isbi|bmvc|accv|"
    "iros|icra|corl|rss|siggraph|eurographics|3dv|chi|uist|www|wsdm|lrec|tacl|cl|naacl-hlt|hlt|icme|"
    "workshop|workshops|conference|symposium|journal|transactions|trans|letters|"
    "magazine|proceedings|international|annual|on|of|the|and|in|for|track|main|short|long|demo|oral|"
    "poster|spotlight|version|press|book|thesis|tech|report|" + "|".join(PREPRINT_WORDS)
)
# Words that stand for "not yet published": they give no venue of their own (`Preprint'24` is a year only).
NO_VENUE_WORDS = frozenset({"preprint", "tbd", "unpublished", "under review", "submitted", "working paper"})

# Head nouns of headings and table headers that say what kind of entry they hold (`Datasets`, `Video
# Lectures / Tutorials / Blogs`). A heading states a kind only when each of its parts ends in one of these,
# so `Image / Video / Etc` or `Video Captioning` states none.
KIND_NOUNS: dict[str, str] = {
    **dict.fromkeys(("benchmark", "leaderboard", "testbed"), "benchmark"),
    **dict.fromkeys(("dataset", "data", "corpus", "corpora", "database"), "dataset"),
    **dict.fromkeys(
        (
            "tool",
            "toolkit",
            "toolbox",
            "software",
            "library",
            "libraries",
            "framework",
            "package",
            "course",
            "lecture",
            "video",
            "talk",
            "tutorial",
            "blog",
            "post",
            "website",
            "site",
            "platform",
            "demo",
            "podcast",
            "newsletter",
            "slide",
            "mooc",
            "app",
            "implementation",
            "codebase",
            "repository",
            "repositories",
            "resource",
        ),
        "tool",
    ),
    **dict.fromkeys(
        ("paper", "book", "survey", "review", "publication", "article", "thesis", "theses"), "paper"
    ),
}
# Kind nouns that, in the singular, name a research topic (`Video`, `Heterogeneous Resource`,
# `Federated Framework`) rather than a shelf of such things: they state a kind only in the plural.
TOPIC_KIND_NOUNS = frozenset({"video", "resource", "framework", "platform", "app", "implementation", "demo"})
# Parts of a heading that say nothing of kind (`Tools & Misc`, `Papers etc`).
KIND_FILLER = frozenset(
    {"etc", "misc", "miscellaneous", "other", "others", "more", "related", "useful", "and"}
)

# Sections whose links are not entries: people, venues, other lists, the list's own housekeeping.
NOT_ENTRY_SECTION = re.compile(
    r"^(?:\W*)(?:researchers?|people|authors|contributors?|maintainers?|team|community|"
    r"conferences?(?: and workshops?)?|venues?|journals?|workshops?|events?|meetups?|"
    r"(?:other |related |similar )?(?:awesome )?(?:lists?|repositories|repos|resources lists?)|"
    r"related (?:awesome )?lists?|other awesome lists?|license|licence|citation|cite|how to cite|"
    r"contributing|contribute|contact|acknowledge?ments?|star history|table of contents|contents|toc|"
    r"news|updates?|latest updates?|changelog|change log|announcements?|what'?s new|todo|to do)\b"
    r"(?:\W*)$",
    re.I,
)

# Of those, the names a list may also give to a section of papers sorted by where they appeared
# (`#### Conference`, `#### Journal`): the section's own entries decide.
VENUE_SECTION = re.compile(
    r"^(?:\W*)(?:conferences?(?: and workshops?)?|venues?|journals?|workshops?)\b(?:\W*)$", re.I
)

# Titles that announce a benchmark or a dataset by their own words.
BENCHMARK_TITLE = re.compile(
    r"(?:^|[:\-–—]\s*|\b(?:a|an|the|new|unified|comprehensive|large-scale)\s+(?:[\w-]+\s+){0,3})"
    r"benchmark(?:s)?\b(?!\s+(?:study|studies|analysis|results|evaluation))|benchmark\W*$|(?-i:\w+Bench\b|\bBench\b)",
    re.I,
)
# Titles that name software by its own words.
TOOL_TITLE = re.compile(r"\b(?:library|toolkit|toolbox|python package|open[- ]source software)\b", re.I)
DATASET_TITLE = re.compile(r"\b(?:dataset|data set|corpus)\b", re.I)

# Link text that points at another list, not at an entry.
OTHER_LIST_TEXT = re.compile(r"\bawesome\b|\bpapers? ?list\b|\breading list\b", re.I)


# ------------------------------------------------------------------------------------- from the config


_BUILT_IN = {
    "venue": VENUE_WORDS,
    "version": VERSION_WORDS,
    "code": CODE_WORDS,
    "extra": EXTRA_WORDS,
    "commentary": "|".join(re.escape(host) for host in COMMENTARY_HOSTS),  # hosts, not words
}
_active: dict[str, tuple[str, ...]] = {}  # vocabulary -> the config's words
_recompilers: list[Callable[[], None]] = []


def _as_pattern(word: str) -> str:
    """A config word as a regex alternative: literal, any run of spaces matching any whitespace."""
    return r"\s+".join(re.escape(part) for part in word.lower().split())


def words(vocabulary: str) -> str:
    """One vocabulary (`venue`, `version`, `code`, `extra`, `commentary`) as a regex alternation, config
    words first so that a longer config word wins over a built-in word it starts with."""
    added = [_as_pattern(w) for w in _active.get(vocabulary, ()) if w.strip()]
    return by_first_character("|".join([*added, _BUILT_IN[vocabulary]]))


def _alternatives(alternation: str) -> list[str]:
    """The top-level alternatives of a pattern: `|` outside groups, classes and escapes."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(alternation):
        c = alternation[i]
        if c == "\\":
            i += 1
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += alternation.startswith("^", i + 1)  # `[^]...]` and `[]...]`: that `]` is a member
            i += alternation.startswith("]", i + 1)
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(alternation[start:i])
            start = i + 1
        i += 1
    parts.append(alternation[start:])
    return parts


# An opening parenthesis that is not `(?:`, a lookahead or a lookbehind: a group that numbers, whose
# number the grouping could change.
_CAPTURING = re.compile(r"\((?!\?(?:[:=!]|<[=!]))")


def _plain_first(alternative: str) -> bool:
    """The alternative starts with one literal character that matches no other's first character, case
    ignored or not: a lowercase ASCII letter or digit, or a letter without case (`官`), not quantified."""
    if not alternative or alternative[1:2] in ("?", "*", "+", "{"):
        return False
    c = alternative[0]
    if c.isascii():
        return c.isdigit() or "a" <= c <= "z"
    return c.isalpha() and c.lower() == c == c.upper()


def by_first_character(alternation: str) -> str:
    """The same alternation with its alternatives grouped by first character (`n(?:eurips|ips|aacl)|...`).

    Why: `re` tries a case-insensitive alternation's words one by one at every word start (about 150 venue
    words, 1 s of reading the wild lists). Grouped, it tries one group per start. The match is the same:
    alternatives that start with another character cannot match where these do, and within a group the
    words keep their order, so the first that matches is the one the flat alternation picks. Patterns
    this cannot be sure of (a capturing group, an escape or class first) are returned as they are."""
    alternatives = _alternatives(alternation)
    if not all(_plain_first(a) for a in alternatives) or _CAPTURING.search(alternation):
        return alternation
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        groups.setdefault(alternative[0], []).append(alternative[1:])
    return "|".join(first + "(?:" + "|".join(rests) + ")" for first, rests in groups.items())


def on_change(recompile: Callable[[], None]) -> None:
    """Register a module's pattern builder: called now, and again whenever the config words change."""
    _recompilers.append(recompile)
    recompile()


def use_words(**added: tuple[str, ...]) -> None:
    """Read with these config words (`venue=("FL-ICML",)`) from now on, in this process. The reader's
    memoised answers were made with the old words, so every cache of the package is emptied."""
    global _active
    unknown = set(added) - set(_BUILT_IN)
    if unknown:
        raise ValueError(f"no vocabulary named {', '.join(sorted(unknown))}")
    wanted = {name: tuple(ws) for name, ws in added.items() if ws}
    if wanted == _active:
        return
    _active = wanted
    for recompile in _recompilers:
        recompile()
    forget_readings()


def forget_readings() -> None:
    """Empty every memo of the package (each `lru_cache` of its modules): after new config words, and
    for a timing that must read its input afresh rather than find its answers remembered."""
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] == __name__.split(".")[0] and module is not None:
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()
